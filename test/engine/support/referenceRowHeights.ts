/**
 * The row heights' first implementation, kept verbatim as the reference the fast one is compared with
 * (rowHeightsReference.test.ts). Row heights for wrapped text and large fonts: LibreOffice and WPS keep a written row at its default height when a
 * file is opened, so a wrapped header (“每百名学生拥有…”) would print clipped unless the row is made tall enough.
 */
import { columnPoints } from '../../../src/engine/plans/printSetup';

/** A row's height in points (1-based row). */
interface RowHeight {
  row: number;
  points: number;
}

/** What the heights depend on, by shape (a ReportPlan's sections, style ranges and merges fit). */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface StyledRect extends Rect {
  style: { wrap?: boolean; fontSize?: number };
}
interface ValueBlock {
  top: number;
  values: readonly (readonly unknown[])[];
}

/** The body font of the sheets Balance writes (pt) and the default row height (pt). */
const BODY_FONT = 11;
const DEFAULT_ROW_HEIGHT = 15;

/** A line's height for a font size: about 1.3 × the size, as Excel and LibreOffice lay out CJK text. */
const lineHeight = (fontSize: number): number => Math.ceil(fontSize * 1.3 + 0.5);

/**
 * Han, kana, full-width forms and CJK punctuation print one em wide; the rest about half an em. The ranges of
 * [\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2160-\u217f], by code unit (all in the
 * BMP: a character beyond it, a surrogate pair, is narrow), tested without a regular expression: a 20,000-school
 * report measures a million characters.
 */
const isWide = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xffef) ||
  (c >= 0x2160 && c <= 0x217f);

/** Whether a surrogate pair starts at `i` (it is one character, and a narrow one). */
const pairAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return false;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
};

/** How many lines `text` takes in a cell `width` points wide (cell padding left off), at `fontSize`. */
export function referenceWrappedLines(text: string, width: number, fontSize = BODY_FONT): number {
  const usable = Math.max(fontSize, width - 4);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (let i = 0; i < paragraph.length; i++) {
      const code = paragraph.charCodeAt(i);
      if (pairAt(paragraph, i)) i++;
      const w = isWide(code) ? fontSize : fontSize * 0.55;
      if (line + w > usable) {
        count++;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Whether `text` fits on one line `limit` points wide at `fontSize`: measured only until it no longer fits (the sum
 * only grows), and not at all when even all wide characters would fit.
 */
function fitsOnOneLine(text: string, fontSize: number, limit: number): boolean {
  if (text.length * fontSize <= limit) return true;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (pairAt(text, i)) i++;
    w += isWide(code) ? fontSize : fontSize * 0.55;
    if (w > limit) return false;
  }
  return true;
}

/**
 * The heights rows need (only those taller than the default): each text cell that wraps takes as many lines as its
 * width (a merged cell: the merge's width; spread over the rows it spans) needs; a larger font, one taller line.
 * Linear in the text cells and the style ranges' rows, not their cells: a 20,000-school table stays cheap.
 */
export function referenceRowHeightsFor(
  sections: readonly ValueBlock[],
  styles: readonly StyledRect[],
  merges: readonly Rect[],
  columnWidths: readonly number[],
): RowHeight[] {
  // Cells by number (row × 16,384 columns + column), not by a string per cell.
  const at = (r: number, c: number) => r * 16384 + c;
  const mergeAt = new Map(merges.map((m) => [at(m.top, m.left), m]));
  const pointsOf = (c: number, right: number) => {
    let chars = 0;
    for (let col = c; col <= right; col++) chars += columnWidths[col] ?? 8.43;
    return columnPoints(chars);
  };
  const columnPointsAt: number[] = [];
  const widthOf = (r: number, c: number) => {
    const merge = mergeAt.get(at(r, c));
    if (merge) return pointsOf(c, merge.right);
    return (columnPointsAt[c] ??= pointsOf(c, c));
  };
  // Rows with a larger font somewhere (titles, headings): few.
  const bigFont = new Set<number>();
  for (const range of styles)
    if ((range.style.fontSize ?? BODY_FONT) > BODY_FONT)
      for (let r = range.top; r <= range.bottom; r++) bigFont.add(r);
  // The text cells that may need more than the default height, by row: [column, text] — in a larger font, or wider
  // than their cell at the body size. A big table's short names and numbers are never kept.
  const texts = new Map<number, [number, string][]>();
  // Plain loops (a hole in a sparse row reads as undefined, not a string, as forEach would skip it).
  for (const section of sections) {
    for (let i = 0; i < section.values.length; i++) {
      const row = section.values[i];
      if (row === undefined) continue;
      const r = section.top + i;
      const big = bigFont.has(r);
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value !== 'string' || value === '') continue;
        if (!big && fitsOnOneLine(value, BODY_FONT, widthOf(r, c) - 4)) continue;
        let list = texts.get(r);
        if (!list) texts.set(r, (list = []));
        list.push([c, value]);
      }
    }
  }
  // Each text cell's look, from the ranges that cover it (later ranges win, property by property).
  const looks = new Map<number, { wrap: boolean; fontSize: number }>();
  for (const range of styles) {
    const { wrap, fontSize } = range.style;
    if (wrap === undefined && fontSize === undefined) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (const [c] of texts.get(r) ?? []) {
        if (c < range.left || c > range.right) continue;
        const key = at(r, c);
        const look = looks.get(key) ?? { wrap: false, fontSize: BODY_FONT };
        if (wrap !== undefined) look.wrap = wrap;
        if (fontSize !== undefined) look.fontSize = fontSize;
        looks.set(key, look);
      }
    }
  }
  const heights = new Map<number, number>();
  for (const [key, look] of looks) {
    const r = Math.floor(key / 16384);
    const c = key % 16384;
    const text = (texts.get(r) ?? []).find(([col]) => col === c)![1];
    // At the body size, a text that is not wrapped or fits on one line keeps the default height.
    if (look.fontSize <= BODY_FONT && (!look.wrap || fitsOnOneLine(text, look.fontSize, widthOf(r, c) - 4)))
      continue;
    const merge = mergeAt.get(key);
    const lines = look.wrap ? referenceWrappedLines(text, widthOf(r, c), look.fontSize) : 1;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const points = Math.ceil((lines * lineHeight(look.fontSize) + 3) / rows);
    if (points > DEFAULT_ROW_HEIGHT && points > (heights.get(r) ?? 0)) heights.set(r, points);
  }
  return [...heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points }));
}
