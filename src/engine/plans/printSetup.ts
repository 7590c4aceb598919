/** How a report sheet prints: A4 landscape at a legible scale, print titles, and the page header and footer. */

/** A header or footer in Excel's codes (&P the page, &N the page count; a literal & is written &&). */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

export interface ReportPageSetup {
  paperSize: 'A4';
  orientation: 'landscape';
  /**
   * Print scale in percent. Never shrunk to one page wide: a table wider than the page continues on the next pages
   * (with its print titles), so the 11 pt body text prints at ≥ 8 pt (zoom ≥ MIN_PRINT_ZOOM).
   */
  zoom: number;
  centerHorizontally: boolean;
  /** Rows printed at the top of every page (1-based, inclusive): the header of the sheet's long table; null for none. */
  printTitleRows: { top: number; bottom: number } | null;
  /** Columns printed at the left of every page (0-based, inclusive): the school name when a table runs over several page widths. */
  printTitleColumns: { left: number; right: number } | null;
  /**
   * Manual page breaks between columns: 0-based indices of the columns a new page starts before, ascending (empty
   * when the sheet fits one page width). Chosen by columnBreaks: never inside a merged header group.
   */
  columnBreaks: number[];
  header: HeaderFooterText;
  footer: HeaderFooterText;
}

/** 8 pt of an 11 pt body (the default font of Excel, WPS and the new workbooks Balance writes) is 73 %; 80 % leaves room for 10 pt bodies. */
export const MIN_PRINT_ZOOM = 80;

/** Width of A4 landscape between the default margins (0.7 in each side), in points. */
export const A4_LANDSCAPE_PRINT_WIDTH = (297 / 25.4) * 72 - 2 * 0.7 * 72;

/** A column width in characters of the default font as points on paper at 100 % (7 px a character + 5 px, 96 dpi). */
export const columnPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/**
 * A column width as points on paper at 100 % in the wider of the two measures the sheets are printed with: Excel's
 * (columnPoints, Calibri 7 px a character) and LibreOffice's, which substitutes DejaVu Sans for Calibri and lays each
 * column out about 1.33 × wider (7 pt a character + 5). Columns that fit a page in this measure fit in both.
 */
export const widePoints = (chars: number): number => Math.max(columnPoints(chars), chars * 7 + 5);

/** A merged cell's column span (0-based, inclusive); rows do not matter to column breaks. */
export interface ColumnSpan {
  left: number;
  right: number;
}

/**
 * Where new pages start across a sheet wider than one page: greedy, each page takes as many columns as fit the
 * printable width (A4 landscape between the margins, divided by the scale) in the wider measure (widePoints), the
 * repeated print-title columns counted on every page after the first, and a break is never placed inside a merged
 * cell's column span (a two-column indicator header, a group over its sub-columns). A merge that cannot fit one page
 * with the title columns (a title or note merged across the whole table) does not constrain the breaks; a group wider
 * than a page is left to the automatic breaks (the page ends after it and Excel or LibreOffice split it).
 * Returns the 0-based columns a new page starts before; [] when everything fits one page width.
 */
export function columnBreaks(
  columnWidths: readonly number[],
  zoom: number,
  merges: readonly ColumnSpan[] = [],
  titleColumns: ColumnSpan | null = null,
): number[] {
  const widths = columnWidths.map(widePoints);
  const n = widths.length;
  const capacity = A4_LANDSCAPE_PRINT_WIDTH / (zoom / 100) + 0.5;
  const sum = (from: number, to: number) => widths.slice(from, to).reduce((a, w) => a + w, 0);
  if (sum(0, n) <= capacity) return [];
  const title = titleColumns ? sum(titleColumns.left, titleColumns.right + 1) : 0;
  const titleEnd = titleColumns ? titleColumns.right + 1 : 0;
  const binding = merges.filter((m) => m.right > m.left && sum(m.left, m.right + 1) + title <= capacity);
  const allowed = (b: number) => !binding.some((m) => m.left < b && b <= m.right);
  const breaks: number[] = [];
  let start = 0;
  while (start < n) {
    // Columns before titleEnd on the first page are the title columns themselves; later pages repeat them.
    const repeated = start >= titleEnd ? title : 0;
    let end = -1;
    for (let b = start + 1; b <= n; b++) {
      if (repeated + sum(start, b) > capacity) break;
      if (b === n || allowed(b)) end = b;
    }
    if (end < 0) {
      // Nothing fits whole: the page runs to the next allowed break and the automatic breaks split it.
      end = start + 1;
      while (end < n && !allowed(end)) end++;
    }
    if (end >= n) break;
    breaks.push(end);
    start = end;
  }
  return breaks;
}

/** The page footer every report sheet carries. */
export const PAGE_FOOTER = '第 &P 页 共 &N 页';

/** Text as a header/footer shows it literally (& starts a code). */
export const headerText = (text: string): string => text.replace(/&/g, '&&');

/**
 * The scale at which the sheet's columns fit one page width, but never below MIN_PRINT_ZOOM (then the columns
 * continue on further pages) nor above 100 %.
 */
export function printZoom(columnWidths: readonly number[]): number {
  const total = columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
  if (total <= 0) return 100;
  const fit = Math.floor((A4_LANDSCAPE_PRINT_WIDTH / total) * 100);
  return Math.min(100, Math.max(MIN_PRINT_ZOOM, fit));
}

/** What a sheet's page setup is made from. */
export interface PageSetupInput {
  columnWidths: readonly number[];
  /** The sheet's title, shown at the left of the page header (with the county and year when known). */
  title: string;
  /** The standard the sheet applies, shown at the right of the page header. */
  standard: string;
  printTitleRows?: { top: number; bottom: number } | null;
  /** Repeated at the left when the sheet is wider than one page at its zoom. */
  printTitleColumns?: { left: number; right: number } | null;
  /** The sheet's merged cells: column breaks never fall inside one that fits a page. */
  merges?: readonly ColumnSpan[];
}

/** A4 landscape, centred, at printZoom, with the given print titles and columnBreaks; header: title | standard; footer: 第 N 页 共 M 页. */
export function pageSetup(input: PageSetupInput): ReportPageSetup {
  const zoom = printZoom(input.columnWidths);
  const total = input.columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
  const wide = (total * zoom) / 100 > A4_LANDSCAPE_PRINT_WIDTH + 0.5;
  const breaks = columnBreaks(input.columnWidths, zoom, input.merges ?? [], input.printTitleColumns ?? null);
  return {
    paperSize: 'A4',
    orientation: 'landscape',
    zoom,
    centerHorizontally: true,
    printTitleRows: input.printTitleRows ?? null,
    printTitleColumns: wide || breaks.length > 0 ? (input.printTitleColumns ?? null) : null,
    columnBreaks: breaks,
    header: { left: headerText(input.title), right: headerText(input.standard) },
    footer: { center: PAGE_FOOTER },
  };
}

/** The header/footer in one string of Excel's section codes (&L, &C, &R), as OOXML's oddHeader and the UI keep it. */
export function headerFooterString(text: HeaderFooterText): string {
  return (
    (text.left ? `&L${text.left}` : '') +
    (text.center ? `&C${text.center}` : '') +
    (text.right ? `&R${text.right}` : '')
  );
}
