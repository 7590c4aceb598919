/**
 * Row heights for wrapped text and large fonts: LibreOffice and WPS keep a written row at its default height when a
 * file is opened, so a wrapped header (“每百名学生拥有…”) would print clipped unless the row is made tall enough.
 */
import { columnPoints } from './printSetup';

/** A row's height in points (1-based row). */
export interface RowHeight {
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
export const DEFAULT_ROW_HEIGHT = 15;

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

/** What a code unit is to the measure: narrow, wide, a high surrogate (a pair is one narrow character), a line break. */
const NARROW = 0;
const WIDE = 1;
const HIGH = 2;
const BREAK = 3;
let kinds: Uint8Array | undefined;

/** Each code unit's kind, worked out once (64 KB): one load per character instead of six range tests. */
function kindsOfCodeUnits(): Uint8Array {
  if (kinds) return kinds;
  kinds = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    kinds[c] = c === 10 ? BREAK : c >= 0xd800 && c <= 0xdbff ? HIGH : isWide(c) ? WIDE : NARROW;
  return kinds;
}

/** Whether a low surrogate follows at `i` (with the high one before it, one character). */
const lowAt = (text: string, i: number): boolean => {
  if (i >= text.length) return false;
  const d = text.charCodeAt(i);
  return d >= 0xdc00 && d <= 0xdfff;
};

/** How many lines `text` takes in a cell `width` points wide (cell padding left off), at `fontSize`. */
export function wrappedLines(text: string, width: number, fontSize = BODY_FONT): number {
  const usable = Math.max(fontSize, width - 4);
  const narrow = fontSize * 0.55;
  const kind = kindsOfCodeUnits();
  let lines = 0;
  let line = 0;
  let count = 1;
  // Paragraph by paragraph (a line break starts one), without splitting the text.
  for (let i = 0; i < text.length; i++) {
    const k = kind[text.charCodeAt(i)];
    if (k === BREAK) {
      lines += count;
      line = 0;
      count = 1;
      continue;
    }
    // A pair is one narrow character (its low half is never a line break, so the pair stays in its paragraph).
    if (k === HIGH && lowAt(text, i + 1)) i++;
    const w = k === WIDE ? fontSize : narrow;
    if (line + w > usable) {
      count++;
      line = 0;
    }
    line += w;
  }
  lines += count;
  return Math.max(1, lines);
}

/**
 * Whether `text` fits on one line `limit` points wide at `fontSize`: measured only until it no longer fits (the sum
 * only grows), and not at all when even all wide characters would fit.
 */
function fitsOnOneLine(text: string, fontSize: number, limit: number): boolean {
  if (text.length * fontSize <= limit) return true;
  const kind = kindsOfCodeUnits();
  const narrow = fontSize * 0.55;
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const k = kind[text.charCodeAt(i)];
    if (k === HIGH && lowAt(text, i + 1)) i++;
    w += k === WIDE ? fontSize : narrow;
    if (w > limit) return false;
  }
  return true;
}

/** Whether one of the listed cells is in column `c`. */
function hasColumn(list: readonly number[], columnOf: readonly number[], c: number): boolean {
  for (const k of list) if (columnOf[k] === c) return true;
  return false;
}

/**
 * The heights rows need (only those taller than the default): each text cell that wraps takes as many lines as its
 * width (a merged cell: the merge's width; spread over the rows it spans) needs; a larger font, one taller line.
 * Linear in the text cells and the style ranges' rows, not their cells: a 20,000-school table stays cheap.
 */
export function rowHeightsFor(
  sections: readonly ValueBlock[],
  styles: readonly StyledRect[],
  merges: readonly Rect[],
  columnWidths: readonly number[],
): RowHeight[] {
  // Cells by number (row × 16,384 columns + column), not by a string per cell.
  const at = (r: number, c: number) => r * 16384 + c;
  const mergeAt = new Map(merges.map((m) => [at(m.top, m.left), m]));
  // Rows where a merge starts: elsewhere a cell's width is its column's, no lookup needed.
  const mergeRows = new Set(merges.map((m) => m.top));
  const pointsOf = (c: number, right: number) => {
    let chars = 0;
    for (let col = c; col <= right; col++) chars += columnWidths[col] ?? 8.43;
    return columnPoints(chars);
  };
  const columnPointsAt: number[] = [];
  const widthOf = (r: number, c: number) => {
    if (mergeRows.has(r)) {
      const merge = mergeAt.get(at(r, c));
      if (merge) return pointsOf(c, merge.right);
    }
    return (columnPointsAt[c] ??= pointsOf(c, c));
  };
  // Rows with a larger font somewhere (titles, headings): few.
  const bigFont = new Set<number>();
  for (const range of styles)
    if ((range.style.fontSize ?? BODY_FONT) > BODY_FONT)
      for (let r = range.top; r <= range.bottom; r++) bigFont.add(r);
  // The text cells that may need more than the default height — in a larger font, or wider than their cell at the
  // body size — one entry per cell (the first text given for it): k-th cell at rowOf[k], columnOf[k], textOf[k].
  // A big table's short names and numbers are never kept.
  const rowOf: number[] = [];
  const columnOf: number[] = [];
  const textOf: string[] = [];
  /** Whether the text was measured at the body size in its own width and found not to fit on one line. */
  const tooWide: boolean[] = [];
  /** The cells' numbers by row (a sparse array: rows are small whole numbers). */
  const cellsOf: number[][] = [];
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
        let list = cellsOf[r];
        if (!list) cellsOf[r] = list = [];
        else if (hasColumn(list, columnOf, c)) continue;
        list.push(rowOf.length);
        rowOf.push(r);
        columnOf.push(c);
        textOf.push(value);
        tooWide.push(!big);
      }
    }
  }
  // Each text cell's look, from the ranges that cover it (later ranges win, property by property); 0 where no range
  // with a wrap or a font size covers it (such a cell keeps the default height).
  const n = rowOf.length;
  const covered = new Uint8Array(n);
  const wrapOf = new Uint8Array(n);
  const fontOf = new Float64Array(n).fill(BODY_FONT);
  const apply = (k: number, left: number, right: number, wrap?: boolean, fontSize?: number) => {
    const c = columnOf[k];
    if (c < left || c > right) return;
    covered[k] = 1;
    if (wrap !== undefined) wrapOf[k] = wrap ? 1 : 0;
    if (fontSize !== undefined) fontOf[k] = fontSize;
  };
  for (const range of styles) {
    const { wrap, fontSize } = range.style;
    if (wrap === undefined && fontSize === undefined) continue;
    if (range.bottom - range.top + 1 > n && Number.isInteger(range.top)) {
      // A range over more rows than there are text cells: the cells are fewer to go through.
      for (let k = 0; k < n; k++)
        if (rowOf[k] >= range.top && rowOf[k] <= range.bottom)
          apply(k, range.left, range.right, wrap, fontSize);
    } else
      for (let r = range.top; r <= range.bottom; r++) {
        const list = cellsOf[r];
        if (list) for (const k of list) apply(k, range.left, range.right, wrap, fontSize);
      }
  }
  const heights = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    if (!covered[k]) continue;
    const r = rowOf[k];
    const c = columnOf[k];
    const text = textOf[k];
    const wrap = wrapOf[k] === 1;
    const fontSize = fontOf[k];
    // At the body size, a text that is not wrapped or fits on one line keeps the default height (a text already
    // measured at this size and width does not fit).
    if (
      fontSize <= BODY_FONT &&
      (!wrap || (!(tooWide[k] && fontSize === BODY_FONT) && fitsOnOneLine(text, fontSize, widthOf(r, c) - 4)))
    )
      continue;
    const merge = mergeRows.has(r) ? mergeAt.get(at(r, c)) : undefined;
    const lines = wrap ? wrappedLines(text, widthOf(r, c), fontSize) : 1;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const points = Math.ceil((lines * lineHeight(fontSize) + 3) / rows);
    if (points > DEFAULT_ROW_HEIGHT && points > (heights.get(r) ?? 0)) heights.set(r, points);
  }
  const out: RowHeight[] = [];
  let sorted = true;
  for (const [row, points] of heights) {
    if (out.length > 0 && row < out[out.length - 1].row) sorted = false;
    out.push({ row, points });
  }
  // Rows come in order when the sections do (every plan's): no sort then.
  return sorted ? out : out.sort((a, b) => a.row - b.row);
}
