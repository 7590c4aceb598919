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

/** Han, kana, full-width forms and CJK punctuation print one em wide; the rest about half an em. */
const WIDE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2160-\u217f]/;

/** How many lines `text` takes in a cell `width` points wide (cell padding left off), at `fontSize`. */
export function wrappedLines(text: string, width: number, fontSize = BODY_FONT): number {
  const usable = Math.max(fontSize, width - 4);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const ch of paragraph) {
      const w = WIDE.test(ch) ? fontSize : fontSize * 0.55;
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

/** The width `text` takes on one line at `fontSize`, in points. */
function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? fontSize : fontSize * 0.55;
  return w;
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
  const mergeAt = new Map(merges.map((m) => [`${m.top}:${m.left}`, m]));
  const widthOf = (r: number, c: number) => {
    const right = mergeAt.get(`${r}:${c}`)?.right ?? c;
    let chars = 0;
    for (let col = c; col <= right; col++) chars += columnWidths[col] ?? 8.43;
    return columnPoints(chars);
  };
  // Rows with a larger font somewhere (titles, headings): few.
  const bigFont = new Set<number>();
  for (const range of styles)
    if ((range.style.fontSize ?? BODY_FONT) > BODY_FONT)
      for (let r = range.top; r <= range.bottom; r++) bigFont.add(r);
  // The text cells that may need more than the default height, by row: [column, text] — in a larger font, or wider
  // than their cell at the body size. A big table's short names and numbers are never kept.
  const texts = new Map<number, [number, string][]>();
  for (const section of sections) {
    section.values.forEach((row, i) => {
      const r = section.top + i;
      row.forEach((value, c) => {
        if (typeof value !== 'string' || value === '') return;
        if (!bigFont.has(r) && textWidth(value, BODY_FONT) <= widthOf(r, c) - 4) return;
        let list = texts.get(r);
        if (!list) texts.set(r, (list = []));
        list.push([c, value]);
      });
    });
  }
  // Each text cell's look, from the ranges that cover it (later ranges win, property by property).
  const looks = new Map<string, { wrap: boolean; fontSize: number }>();
  for (const range of styles) {
    const { wrap, fontSize } = range.style;
    if (wrap === undefined && fontSize === undefined) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      for (const [c] of texts.get(r) ?? []) {
        if (c < range.left || c > range.right) continue;
        const key = `${r}:${c}`;
        const look = looks.get(key) ?? { wrap: false, fontSize: BODY_FONT };
        if (wrap !== undefined) look.wrap = wrap;
        if (fontSize !== undefined) look.fontSize = fontSize;
        looks.set(key, look);
      }
    }
  }
  const heights = new Map<number, number>();
  for (const [key, look] of looks) {
    const [r, c] = key.split(':').map(Number);
    const text = (texts.get(r) ?? []).find(([col]) => col === c)![1];
    // At the body size, a text that is not wrapped or fits on one line keeps the default height.
    if (look.fontSize <= BODY_FONT && (!look.wrap || textWidth(text, look.fontSize) <= widthOf(r, c) - 4))
      continue;
    const merge = mergeAt.get(key);
    const lines = look.wrap ? wrappedLines(text, widthOf(r, c), look.fontSize) : 1;
    const rows = merge ? merge.bottom - merge.top + 1 : 1;
    const points = Math.ceil((lines * lineHeight(look.fontSize) + 3) / rows);
    if (points > DEFAULT_ROW_HEIGHT && points > (heights.get(r) ?? 0)) heights.set(r, points);
  }
  return [...heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points }));
}
