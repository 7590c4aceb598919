/**
 * Row heights for wrapped text and large fonts: LibreOffice and WPS keep a written row at its default height when a
 * file is opened, so a wrapped header (“每百名学生拥有…”) would print clipped unless the row is made tall enough.
 */
import type { CellRect, ReportSection, ReportStyleRange, RowHeight } from './assessmentReport';
import { columnPoints } from './printSetup';

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

/**
 * The heights rows need (only those taller than the default): each text cell that wraps takes as many lines as its
 * width (a merged cell: the merge's width; spread over the rows it spans) needs; a larger font, one taller line.
 */
export function rowHeightsFor(
  sections: readonly ReportSection[],
  styles: readonly ReportStyleRange[],
  merges: readonly CellRect[],
  columnWidths: readonly number[],
): RowHeight[] {
  // Only cells some style wraps or enlarges can need more than the default.
  const looks = new Map<string, { wrap: boolean; fontSize: number }>();
  for (const range of styles) {
    if (range.style.wrap === undefined && range.style.fontSize === undefined) continue;
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++) {
        const key = `${r}:${c}`;
        const look = looks.get(key) ?? { wrap: false, fontSize: BODY_FONT };
        if (range.style.wrap !== undefined) look.wrap = range.style.wrap;
        if (range.style.fontSize !== undefined) look.fontSize = range.style.fontSize;
        looks.set(key, look);
      }
  }
  const mergeAt = new Map(merges.map((m) => [`${m.top}:${m.left}`, m]));
  const width = (from: number, to: number) => {
    let chars = 0;
    for (let c = from; c <= to; c++) chars += columnWidths[c] ?? 8.43;
    return columnPoints(chars);
  };
  const heights = new Map<number, number>();
  for (const section of sections) {
    section.values.forEach((row, i) => {
      const r = section.top + i;
      row.forEach((value, c) => {
        if (typeof value !== 'string' || value === '') return;
        const look = looks.get(`${r}:${c}`);
        if (!look) return;
        const merge = mergeAt.get(`${r}:${c}`);
        const lines = look.wrap ? wrappedLines(value, width(c, merge?.right ?? c), look.fontSize) : 1;
        const rows = merge ? merge.bottom - merge.top + 1 : 1;
        const points = Math.ceil((lines * lineHeight(look.fontSize) + 3) / rows);
        if (points > DEFAULT_ROW_HEIGHT && points > (heights.get(r) ?? 0)) heights.set(r, points);
      });
    });
  }
  return [...heights].sort(([a], [b]) => a - b).map(([row, points]) => ({ row, points }));
}
