/** A ReportPlan as a new worksheet part: values, cell formats, column widths, merges and the A4 landscape set-up. */
import {
  canonicalNumber,
  headerFooterString,
  mergeCoverByRow,
  OrderedEntryHash,
  planInReadingOrder,
  type ReportPlan,
  type ReportStyle,
  type ReportValue,
} from '../../../engine';
import { TRANSITIONAL } from '../package/conformance';
import { TextSink } from '../package/sink';
import { columnName, escapeText } from '../package/xml';
import type { StylesPatch } from './styles';

/** A canonical key for a ReportStyle, independent of property order. */
const styleKey = (s: ReportStyle): string =>
  [s.bold, s.fontSize, s.fontColor, s.fill, s.wrap, s.align, s.border].map((v) => v ?? '').join('|');

/**
 * The worksheet XML, as UTF-8 bytes written row by row. Style ranges are partial and later ones win property by
 * property; cells that end up alike share one cell format.
 */
export function reportSheetXml(
  plan: ReportPlan,
  styles: StylesPatch,
  /** The package's SpreadsheetML namespace (transitional or strict). */
  mainNs: string = TRANSITIONAL.main,
): Uint8Array {
  const sink = new TextSink(reportSheetBytes(plan));
  writeReportSheet(sink, plan, styles, mainNs);
  return sink.bytes();
}

/** A first guess at the size of a report sheet's XML. */
export function reportSheetBytes(plan: ReportPlan): number {
  let rows = 0;
  for (const section of plan.sections) rows = Math.max(rows, section.top + section.values.length);
  return Math.min(1 << 26, 64 * (rows + 1) * Math.max(1, plan.columnCount));
}

/**
 * reportSheetXml into a sink. Returns the plan's fingerprint (planFingerprint's), hashed from the cells as they are
 * written, when they come in reading order (every plan Balance makes); null when not (the caller computes it).
 */
export function writeReportSheet(
  sink: TextSink,
  plan: ReportPlan,
  styles: StylesPatch,
  mainNs: string = TRANSITIONAL.main,
): string | null {
  const hash = planInReadingOrder(plan) ? new OrderedEntryHash() : null;
  const coveredIn = mergeCoverByRow(plan);
  const looks: ReportStyle[] = [{}];
  const idOf = new Map<string, number>([[styleKey({}), 0]]);
  // Ranges mostly share their style objects (a plan's constants): each object's key is made once.
  const idOfObject = new Map<ReportStyle, number>();
  const intern = (s: ReportStyle): number => {
    let id = idOfObject.get(s);
    if (id !== undefined) return id;
    const key = styleKey(s);
    id = idOf.get(key);
    if (id === undefined) {
      id = looks.push(s) - 1;
      idOf.set(key, id);
    }
    idOfObject.set(s, id);
    return id;
  };
  // Keyed by number (look × 2²⁰ + added look), not by a string per cell: a big table has a million styled cells.
  const merged = new Map<number, number>();
  const mergedLook = (before: number, add: number, style: ReportStyle): number => {
    const key = before * 1048576 + add;
    let id = merged.get(key);
    if (id === undefined) {
      id = intern({ ...looks[before], ...style });
      merged.set(key, id);
    }
    return id;
  };
  const cellLooks = cellLooksOf(plan.styles, intern, mergedLook);
  // Each row's values and number formats, looked up in its section: sections that follow each other without
  // overlapping (as every plan's do) are read in place; overlapping ones are merged into a copy, later values winning.
  const { valuesAt, formatsAt, rowCount } = rowsOf(plan);
  const xfOf = new Map<string, number[]>();
  const xf = (look: number, format: string | undefined): number => {
    let byLook = xfOf.get(format ?? '');
    if (byLook === undefined) xfOf.set(format ?? '', (byLook = []));
    let id = byLook[look];
    if (id === undefined) {
      id = look === 0 && !format ? 0 : styles.report(looks[look], format);
      byLook[look] = id;
    }
    return id;
  };

  const lastRow = Math.max(rowCount, cellLooks.rows) - 1;
  const cols = plan.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  sink.write(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${mainNs}">` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
  );
  const letters: string[] = [];
  const sAttrOf: string[] = [];
  // By column: the look (-1 for none), format and attribute of the last cell written; a column not written yet
  // holds no look, which matches no cell.
  const lookAbove: number[] = [];
  const formatAbove: (string | undefined)[] = [];
  const sAttrAbove: string[] = [];
  // Heights by row in a sparse array (rows are small whole numbers); a row listed twice keeps its last height.
  const heights: number[] = [];
  for (const h of plan.rowHeights ?? []) heights[h.row] = h.points;
  for (let r = 1; r <= lastRow; r++) {
    const rowValues = valuesAt(r);
    const lookWidth = cellLooks.widthAt(r);
    if (rowValues === undefined && lookWidth === 0) continue;
    // Values are a sparse array indexed by column: a cell is written where a range covers it or a value is given.
    const rowFormats = formatsAt(r);
    const width = Math.max(rowValues?.length ?? 0, lookWidth);
    let row = '';
    const covered = hash ? coveredIn(r) : null;
    for (let c = 0; c < width; c++) {
      const look = c < lookWidth ? cellLooks.at(r, c) : undefined;
      const v = rowValues?.[c];
      // A value not null, or an entry holding undefined (a hole is no entry): `in` only for those.
      const has = v !== undefined ? v !== null : rowValues !== undefined && c in rowValues;
      if (look === undefined && !has) continue;
      const format = has ? rowFormats?.[c] : undefined;
      // A column's cells mostly have the look and format of the cell above: its attribute is kept at hand.
      let sAttr: string;
      const lookKey = look ?? -1;
      if (lookKey === lookAbove[c] && format === formatAbove[c]) sAttr = sAttrAbove[c];
      else {
        const s = xf(look ?? 0, format && format !== 'General' ? format : undefined);
        sAttr = s ? (sAttrOf[s] ??= ` s="${s}"`) : '';
        lookAbove[c] = lookKey;
        formatAbove[c] = format;
        sAttrAbove[c] = sAttr;
      }
      const ref = (letters[c] ??= columnName(c)) + r;
      if (v === undefined || v === null || v === '') row += `<c r="${ref}"${sAttr}/>`;
      else if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          const text = String(v);
          row += `<c r="${ref}"${sAttr}><v>${text}</v></c>`;
          if (hash && !covered?.(c)) hash.add(r, c, canonicalNumber(v, text));
        } else row += `<c r="${ref}"${sAttr}/>`;
      } else {
        row += `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
        if (hash && !covered?.(c)) hash.add(r, c, v);
      }
    }
    const ht = heights[r];
    if (row) sink.write(`<row r="${r}"${ht ? ` ht="${ht}" customHeight="1"` : ''}>${row}</row>`);
  }
  const merges = plan.merges
    .map((m) => `<mergeCell ref="${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}"/>`)
    .join('');
  const page = plan.page;
  const header = headerFooterString(page.header);
  const footer = headerFooterString(page.footer);
  const headerFooter =
    header || footer
      ? '<headerFooter>' +
        (header ? `<oddHeader>${escapeText(header)}</oddHeader>` : '') +
        (footer ? `<oddFooter>${escapeText(footer)}</oddFooter>` : '') +
        '</headerFooter>'
      : '';
  // Manual page breaks between column groups (brk id: the 0-based column a page starts before, which is Excel's
  // 1-based number of the column it follows). CT_Worksheet's order: … headerFooter, rowBreaks, colBreaks, …, drawing.
  const breaks = page.columnBreaks;
  const colBreaks =
    breaks.length > 0
      ? `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
        breaks.map((b) => `<brk id="${b}" max="1048575" man="1"/>`).join('') +
        '</colBreaks>'
      : '';
  sink.write(
    '</sheetData>' +
      (merges ? `<mergeCells count="${plan.merges.length}">${merges}</mergeCells>` : '') +
      (page.centerHorizontally ? '<printOptions horizontalCentered="1"/>' : '') +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      // A scale, never fit-to-width: wide tables continue on further pages with their print titles (workbook.xml).
      `<pageSetup paperSize="9" scale="${page.zoom}" orientation="${page.orientation}"/>` +
      headerFooter +
      colBreaks +
      '</worksheet>',
  );
  return hash ? hash.digest() : null;
}

/** The look of each cell some style range covers (undefined where none does) and each row's width in such cells. */
interface CellLooks {
  /** One past the last row a range covers. */
  rows: number;
  /** One past the last column a range covers in the row; 0 when none does. */
  widthAt(row: number): number;
  /** The look of a covered cell (column below widthAt(row)); undefined when no range covers it. */
  at(row: number, column: number): number | undefined;
}

/** Cells a flat table of looks may hold (4 bytes each, outside the JS heap: 16 MB at most). */
const FLAT_LOOKS = 1 << 22;

/**
 * The cells' looks from the plan's style ranges, later ranges merged over earlier ones (`merged(before, add, style)`
 * gives the look of a cell that had `before` when a range of look `add` covers it). A plan's looks go into one table
 * outside the JS heap (a 20,000-school report has 600,000 styled cells: as arrays per row they were copied by every
 * collection while the sheet was written); ranges beyond its size, or with places that are not whole numbers, into
 * arrays per row.
 */
function cellLooksOf(
  ranges: ReportPlan['styles'],
  intern: (style: ReportStyle) => number,
  merged: (before: number, add: number, style: ReportStyle) => number,
): CellLooks {
  let rows = 0;
  let columns = 0;
  let whole = true;
  for (const range of ranges) {
    if (range.top > range.bottom) continue;
    if (![range.top, range.bottom, range.left, range.right].every((n) => Number.isInteger(n) && n >= 0))
      whole = false;
    rows = Math.max(rows, range.bottom + 1);
    if (range.left <= range.right) columns = Math.max(columns, range.right + 1);
  }
  if (whole && rows * columns <= FLAT_LOOKS) {
    // -1: no range covers the cell.
    const table = new Int32Array(rows * columns).fill(-1);
    const widths = new Int32Array(rows);
    for (const range of ranges) {
      const add = intern(range.style);
      // Neighbouring cells mostly had the same look before: the last result is kept at hand.
      let lastBefore = -2;
      let lastId = 0;
      for (let r = range.top; r <= range.bottom; r++) {
        const base = r * columns;
        for (let c = range.left; c <= range.right; c++) {
          const before = Math.max(table[base + c], 0);
          if (before !== lastBefore) {
            lastId = merged(before, add, range.style);
            lastBefore = before;
          }
          table[base + c] = lastId;
        }
        if (range.left <= range.right && range.right + 1 > widths[r]) widths[r] = range.right + 1;
      }
    }
    return {
      rows,
      widthAt: (row) => (row < rows ? widths[row] : 0),
      at: (row, column) => {
        const look = table[row * columns + column];
        return look < 0 ? undefined : look;
      },
    };
  }
  const cellLook: number[][] = [];
  for (const range of ranges) {
    const add = intern(range.style);
    let lastBefore = -2;
    let lastId = 0;
    for (let r = range.top; r <= range.bottom; r++) {
      const row = (cellLook[r] ??= []);
      for (let c = range.left; c <= range.right; c++) {
        const before = row[c] ?? 0;
        if (before !== lastBefore) {
          lastId = merged(before, add, range.style);
          lastBefore = before;
        }
        row[c] = lastId;
      }
    }
  }
  return {
    rows: cellLook.length,
    widthAt: (row) => cellLook[row]?.length ?? 0,
    at: (row, column) => cellLook[row][column],
  };
}

/** Row r's values and formats (sparse, by column); rowCount is one past the last row with a section. */
function rowsOf(plan: ReportPlan): {
  valuesAt: (row: number) => readonly ReportValue[] | undefined;
  formatsAt: (row: number) => readonly (string | undefined)[] | undefined;
  rowCount: number;
} {
  let inOrder = true;
  let next = -Infinity;
  let rowCount = 0;
  for (const section of plan.sections) {
    if (section.top < next || section.top < 0) inOrder = false;
    next = section.top + section.values.length;
    rowCount = Math.max(rowCount, section.values.length > 0 ? next : 0);
  }
  if (inOrder) {
    // Which section holds each row, and where in it.
    const sectionOf = new Int32Array(rowCount).fill(-1);
    plan.sections.forEach((section, k) =>
      sectionOf.fill(k, section.top, section.top + section.values.length),
    );
    return {
      valuesAt: (row) => {
        const k = sectionOf[row];
        return k === undefined || k < 0 ? undefined : plan.sections[k].values[row - plan.sections[k].top];
      },
      formatsAt: (row) => {
        const k = sectionOf[row];
        return k === undefined || k < 0
          ? undefined
          : plan.sections[k].numberFormats[row - plan.sections[k].top];
      },
      rowCount,
    };
  }
  const values: ReportValue[][] = [];
  const formats: string[][] = [];
  for (const section of plan.sections) {
    section.values.forEach((rowValues, i) => {
      const r = section.top + i;
      rowValues.forEach((value, j) => {
        if (value === null) return;
        (values[r] ??= [])[j] = value;
        const format = section.numberFormats[i]?.[j];
        if (format && format !== 'General') (formats[r] ??= [])[j] = format;
      });
    });
  }
  return { valuesAt: (row) => values[row], formatsAt: (row) => formats[row], rowCount: values.length };
}

/**
 * The `_xlnm.Print_Titles` defined name's value for a plan (rows to repeat at top, columns at left), or null:
 * `'整改测算'!$A:$A,'整改测算'!$9:$9`.
 */
export function printTitlesOf(plan: ReportPlan): string | null {
  const sheet = `'${plan.sheetName.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  const columns = plan.page.printTitleColumns;
  if (columns) parts.push(`${sheet}!$${columnName(columns.left)}:$${columnName(columns.right)}`);
  const rows = plan.page.printTitleRows;
  if (rows) parts.push(`${sheet}!$${rows.top}:$${rows.bottom}`);
  return parts.length > 0 ? parts.join(',') : null;
}
