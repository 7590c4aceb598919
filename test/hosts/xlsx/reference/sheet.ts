/**
 * The reference for the sheet reader's exactness tests: the general reader (generic tags and attributes, no fast
 * path), kept as it was so that the fast paths in src/hosts/xlsx/read/sheet.ts are compared with the general rules.
 */
import type { CellGrid, CellMerge } from '../../../../src/engine';
import { attribute, decodeEntities, parseRef } from '../../../../src/hosts/xlsx/package/xml';
import { nextTag } from './xml';
import { closingTag, stringItemText } from './strings';
import type { CellFormats } from '../../../../src/hosts/xlsx/read/styles';

export type CellValue = string | number | boolean | Date | null;

/** A cell with a value outside the grid's block. */
export interface OutsideCell {
  row: number;
  /** 0-based. */
  column: number;
  value: CellValue;
}

export interface SheetRead {
  grid: CellGrid;
  outside: OutsideCell[];
  /** 0-based columns hidden in the sheet. */
  hiddenColumns: number[];
  /** Cells holding a formula that was never calculated (no cached value): read as blank, worth telling the user. */
  uncalculated: { row: number; column: number }[];
}

export interface SheetContext {
  name: string;
  sharedStrings: () => string[];
  formats: CellFormats;
  date1904: boolean;
}

/** More empty rows (or columns) than this between used cells separate blocks; the block with the most cells is the table. */
const ROW_GAP = 100;
const COLUMN_GAP = 50;

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as a UTC Date (1900 epoch with its phantom 29 February, or 1904). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const base = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return new Date(base + Math.round(serial * DAY_MS));
}

/**
 * The cells read, as parallel flat arrays (one entry per cell, in document order): a sheet of a million one-cell rows
 * costs four arrays of a million entries, not a million objects for the collector to trace.
 */
interface Cells {
  rows: number[];
  columns: number[];
  values: CellValue[];
  styles: number[];
}

export function readSheet(xml: string, ctx: SheetContext): SheetRead {
  const cells: Cells = { rows: [], columns: [], values: [], styles: [] };
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: CellMerge[] = [];
  const uncalculated: { row: number; column: number }[] = [];
  let rowNumber = 0;
  let nextColumn = 0;
  let strings: string[] | null = null;

  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.close) continue;
    const name = tag.name;
    if (name === 'c') {
      const ref = attribute(xml, tag, 'r');
      const at = ref ? parseRef(ref) : null;
      const column = at ? at.column : nextColumn;
      if (at && at.row !== rowNumber) {
        // A cell outside any <row> element or with a row of its own: follow its reference.
        rowNumber = at.row;
      }
      nextColumn = column + 1;
      const s = Number(attribute(xml, tag, 's') ?? 0) || 0;
      let value: CellValue = null;
      if (!tag.selfClosing) {
        const t = attribute(xml, tag, 't') ?? 'n';
        const end = closingTag(xml, tag.end, 'c');
        let raw: string | null = null;
        let inline: string | null = null;
        let formula = false;
        for (let inner = nextTag(xml, tag.end); inner && inner.start < end; inner = nextTag(xml, inner.end)) {
          if (inner.close) continue;
          if (inner.name === 'v') {
            if (!inner.selfClosing) raw = decodeEntities(xml.slice(inner.end, xml.indexOf('<', inner.end)));
          } else if (inner.name === 'is') {
            const isEnd = closingTag(xml, inner.end, 'is');
            if (!inner.selfClosing) inline = stringItemText(xml, inner.end, isEnd);
            inner.end = isEnd;
          } else if (inner.name === 'f') {
            formula = true;
            if (!inner.selfClosing) inner.end = closingTag(xml, inner.end, 'f');
          }
        }
        if (formula && raw === null && inline === null) uncalculated.push({ row: rowNumber, column });
        value = toValue(t, raw, inline, s);
        tag.end = end;
      }
      if (value === null && s === 0) continue;
      cells.rows.push(rowNumber);
      cells.columns.push(column);
      cells.values.push(value);
      cells.styles.push(s);
    } else if (name === 'row') {
      const r = Number(attribute(xml, tag, 'r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      nextColumn = 0;
      const hidden = attribute(xml, tag, 'hidden');
      if (hidden === '1' || hidden === 'true') hiddenRows.push(rowNumber);
    } else if (name === 'mergeCell') {
      const [a, b] = (attribute(xml, tag, 'ref') ?? '').split(':');
      const from = parseRef(a ?? '');
      const to = parseRef(b ?? a ?? '');
      if (from && to) merges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
    } else if (name === 'col') {
      const hidden = attribute(xml, tag, 'hidden');
      if (hidden === '1' || hidden === 'true') {
        const min = Number(attribute(xml, tag, 'min'));
        const max = Math.min(Number(attribute(xml, tag, 'max')), min + 16384);
        for (let c = min; c <= max; c++) hiddenColumns.push(c - 1);
      }
    }
  }

  function toValue(t: string, raw: string | null, inline: string | null, s: number): CellValue {
    switch (t) {
      case 'inlineStr':
        return inline === null || inline === '' ? (raw === null || raw === '' ? null : raw) : inline;
      case 's': {
        if (raw === null) return null;
        strings ??= ctx.sharedStrings();
        const text = strings[Number(raw)];
        return text === undefined || text === '' ? null : text;
      }
      case 'str':
        return raw === null || raw === '' ? null : raw;
      case 'b':
        return raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
      case 'e':
        return raw === null || raw === '' ? null : raw;
      case 'd': {
        if (raw === null || raw === '') return null;
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        if (raw === null || raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        return ctx.formats.isDate(s) ? serialToDate(n, ctx.date1904) : n;
      }
    }
  }

  return { ...toGrid(ctx, cells, hiddenRows, hiddenColumns, merges), uncalculated };
}

function toGrid(
  ctx: SheetContext,
  cells: Cells,
  hiddenRows: number[],
  hiddenColumns: number[],
  merges: CellMerge[],
): Omit<SheetRead, 'uncalculated'> {
  const n = cells.rows.length;
  // Cells in row order (stable: a later cell of the same place wins, as before); document order almost always is.
  let order: number[] | null = null;
  for (let i = 1; i < n; i++)
    if (cells.rows[i] < cells.rows[i - 1]) {
      order = Array.from({ length: n }, (_, k) => k).sort((a, b) => cells.rows[a] - cells.rows[b] || a - b);
      break;
    }
  const at = (k: number) => (order ? order[k] : k);

  // Rows holding values: their number, where their cells start in `order`, and how many values they hold.
  const usedRow: number[] = [];
  const usedStart: number[] = [];
  const usedEnd: number[] = [];
  const usedCount: number[] = [];
  for (let k = 0; k < n;) {
    const row = cells.rows[at(k)];
    let end = k;
    let count = 0;
    while (end < n && cells.rows[at(end)] === row) {
      if (cells.values[at(end)] !== null) count++;
      end++;
    }
    if (count > 0) {
      usedRow.push(row);
      usedStart.push(k);
      usedEnd.push(end);
      usedCount.push(count);
    }
    k = end;
  }
  const outside: OutsideCell[] = [];
  const empty: CellGrid = {
    sheet: ctx.name,
    values: [],
    firstRow: 1,
    firstColumn: 0,
    hiddenRows,
    merges: [],
  };
  if (usedRow.length === 0) return { grid: empty, outside, hiddenColumns };

  // The block of rows holding most cells is the table; other blocks are stray notes around it.
  const [first, last] = largest(
    usedRow.length,
    (i) => usedRow[i],
    ROW_GAP,
    (i) => usedCount[i],
  );
  const columnCounts = new Map<number, number>();
  for (let k = usedStart[first]; k < usedEnd[last]; k++) {
    const i = at(k);
    if (cells.values[i] !== null)
      columnCounts.set(cells.columns[i], (columnCounts.get(cells.columns[i]) ?? 0) + 1);
  }
  const columnList = [...columnCounts.keys()].sort((a, b) => a - b);
  const [c0, c1] = largest(
    columnList.length,
    (i) => columnList[i],
    COLUMN_GAP,
    (i) => columnCounts.get(columnList[i]) ?? 0,
  );
  const left = columnList[c0];
  const right = columnList[c1];
  const top = usedRow[first];
  const bottom = usedRow[last];
  for (let u = 0; u < usedRow.length; u++) {
    const inBlock = u >= first && u <= last;
    for (let k = usedStart[u]; k < usedEnd[u]; k++) {
      const i = at(k);
      const value = cells.values[i];
      const c = cells.columns[i];
      if (value !== null && (!inBlock || c < left || c > right))
        outside.push({ row: usedRow[u], column: c, value });
    }
  }

  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  // Rows without a number format share one all-General row (the grid is read, never written, by the engine).
  const general: string[] = new Array<string>(width).fill('General');
  let k = 0;
  while (k < n && cells.rows[at(k)] < top) k++;
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
    let rowFormats: string[] | null = null;
    for (; k < n && cells.rows[at(k)] === r; k++) {
      const i = at(k);
      const c = cells.columns[i];
      if (c < left || c > right) continue;
      rowValues[c - left] = cells.values[i];
      const format = ctx.formats.format(cells.styles[i]);
      if (format !== 'General' || rowFormats) (rowFormats ??= [...general])[c - left] = format;
    }
    values.push(rowValues);
    numberFormats.push(rowFormats ?? general);
  }
  // Only the top-left cell of a merged area holds its value, as Excel's range.values shows it.
  const inside = merges.filter(
    (m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right,
  );
  for (const m of inside)
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++)
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++)
        if (r !== m.top || c !== m.left) values[r - top][c - left] = null;
  return {
    grid: {
      sheet: ctx.name,
      values,
      firstRow: top,
      firstColumn: left,
      hiddenRows: hiddenRows.filter((r) => r >= top && r <= bottom),
      merges: inside,
      numberFormats,
    },
    outside,
    hiddenColumns,
  };
}

/**
 * Splits items 0…count-1 (sorted by position) where their positions jump by more than `gap`, and returns the first
 * and last index of the heaviest run.
 */
function largest(
  count: number,
  position: (i: number) => number,
  gap: number,
  weight: (i: number) => number,
): [number, number] {
  let best: [number, number] = [0, 0];
  let bestWeight = -1;
  let start = 0;
  let runWeight = 0;
  for (let i = 0; i < count; i++) {
    if (i > start && position(i) - position(i - 1) > gap + 1) {
      if (runWeight > bestWeight) [best, bestWeight] = [[start, i - 1], runWeight];
      start = i;
      runWeight = 0;
    }
    runWeight += weight(i);
  }
  if (runWeight > bestWeight) best = [start, count - 1];
  return best;
}
