/**
 * One worksheet's XML → the engine's CellGrid, in one forward pass without a DOM. Cells are gathered sparsely and the
 * grid covers only the table's block: a lone cell a million rows below ("制表人" at B1048576) is reported, not
 * turned into a million empty rows.
 */
import type { CellGrid, CellMerge } from '../../../engine';
import { attribute, decodeEntities, nextTag, parseRef } from '../package/xml';
import { closingTag, stringItemText } from './strings';
import type { CellFormats } from './styles';

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

interface SparseRow {
  row: number;
  columns: number[];
  values: CellValue[];
  styles: number[];
}

export function readSheet(xml: string, ctx: SheetContext): SheetRead {
  const rows: SparseRow[] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const merges: CellMerge[] = [];
  const uncalculated: { row: number; column: number }[] = [];
  let current: SparseRow | null = null;
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
        current = null;
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
      if (!current) {
        current = { row: rowNumber, columns: [], values: [], styles: [] };
        rows.push(current);
      }
      current.columns.push(column);
      current.values.push(value);
      current.styles.push(s);
    } else if (name === 'row') {
      const r = Number(attribute(xml, tag, 'r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      nextColumn = 0;
      current = null;
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

  return { ...toGrid(ctx, rows, hiddenRows, hiddenColumns, merges), uncalculated };
}

function toGrid(
  ctx: SheetContext,
  rows: SparseRow[],
  hiddenRows: number[],
  hiddenColumns: number[],
  merges: CellMerge[],
): Omit<SheetRead, 'uncalculated'> {
  const used = rows
    .map((r) => ({ ...r, count: r.values.filter((v) => v !== null).length }))
    .filter((r) => r.count > 0)
    .sort((a, b) => a.row - b.row);
  const outside: OutsideCell[] = [];
  const empty: CellGrid = {
    sheet: ctx.name,
    values: [],
    firstRow: 1,
    firstColumn: 0,
    hiddenRows,
    merges: [],
  };
  if (used.length === 0) return { grid: empty, outside, hiddenColumns };

  // The block of rows holding most cells is the table; other blocks are stray notes around it.
  const block = largest(
    used,
    (r) => r.row,
    ROW_GAP,
    (r) => r.count,
  );
  const inBlock = new Set(block);
  for (const r of used) if (!inBlock.has(r)) pushOutside(outside, r, () => true);

  const columnCounts = new Map<number, number>();
  for (const r of block)
    r.columns.forEach((c, i) => {
      if (r.values[i] !== null) columnCounts.set(c, (columnCounts.get(c) ?? 0) + 1);
    });
  const columns = largest(
    [...columnCounts.keys()].sort((a, b) => a - b),
    (c) => c,
    COLUMN_GAP,
    (c) => columnCounts.get(c) ?? 0,
  );
  const left = columns[0];
  const right = columns[columns.length - 1];
  const top = block[0].row;
  const bottom = block[block.length - 1].row;
  for (const r of block) pushOutside(outside, r, (c) => c < left || c > right);

  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const byRow = new Map(rows.filter((r) => r.row >= top && r.row <= bottom).map((r) => [r.row, r]));
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
    const rowFormats: string[] = new Array<string>(width).fill('General');
    const sparse = byRow.get(r);
    if (sparse)
      sparse.columns.forEach((c, i) => {
        if (c < left || c > right) return;
        rowValues[c - left] = sparse.values[i];
        rowFormats[c - left] = ctx.formats.format(sparse.styles[i]);
      });
    values.push(rowValues);
    numberFormats.push(rowFormats);
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

function pushOutside(out: OutsideCell[], r: SparseRow, where: (column: number) => boolean): void {
  r.columns.forEach((c, i) => {
    const value = r.values[i];
    if (value !== null && where(c)) out.push({ row: r.row, column: c, value });
  });
}

/** Splits sorted items where their positions jump by more than `gap` and returns the heaviest run. */
function largest<T>(items: T[], position: (t: T) => number, gap: number, weight: (t: T) => number): T[] {
  let best: T[] = [];
  let bestWeight = -1;
  let run: T[] = [];
  let runWeight = 0;
  const close = () => {
    if (runWeight > bestWeight) {
      best = run;
      bestWeight = runWeight;
    }
  };
  for (const item of items) {
    if (run.length > 0 && position(item) - position(run[run.length - 1]) > gap + 1) {
      close();
      run = [];
      runWeight = 0;
    }
    run.push(item);
    runWeight += weight(item);
  }
  close();
  return best;
}
