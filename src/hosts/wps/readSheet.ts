/** Reads the used range, a named range or the selection into the grid contract, bounded by the data. */
import type { CellMerge, CellValue } from '../../engine';
import { HostProblemError, type OutsideCell, type ReadRequest, type SheetRead } from '../port';
import { wpsOperation } from './errors';
import { activeWorkbook, rangeRect, rectAddress, requireSheet } from './model';
import type { WpsApplication, WpsRange, WpsWorksheet } from './types';

/** A range inside this window (every usual county sheet) is read as it is. */
const HEAD_ROWS = 2_000;
const HEAD_COLUMNS = 256;
/** Rows (columns) per band when a range is larger: each band is first counted with CountA. */
const ROW_BAND = 1_000;
const COLUMN_BAND = 256;
/** Stray bands whose values are read back to name their cells, at most this many cells in all. */
const OUTSIDE_CELLS = 100_000;

/**
 * Values come from ONE Range.Value2 read of the block; number formats from one read per column (a cell-by-cell read
 * only in columns whose formats differ); hidden rows from one read per row; merges are looked for only when
 * Range.MergeCells says there are any.
 */
export function readSheet(app: WpsApplication, request: ReadRequest): Promise<SheetRead> {
  return wpsOperation('readSheet', () => {
    const workbook = activeWorkbook(app);
    let sheet: WpsWorksheet;
    let range: WpsRange;
    if (request.source === 'selection') {
      const selection = app.Selection;
      if (!selection || typeof selection.Value2 === 'undefined')
        throw new HostProblemError({ code: 'notARange' });
      range = selection;
      sheet = range.Worksheet;
    } else if (request.source === 'range') {
      sheet = requireSheet(workbook, request.sheet);
      range = sheet.Range(request.address);
    } else {
      const active = request.sheet ? requireSheet(workbook, request.sheet) : app.ActiveSheet;
      if (!active) throw new HostProblemError({ code: 'noActiveSheet' });
      sheet = active;
      range = sheet.UsedRange;
    }

    let rect = rangeRect(range);
    let outside: OutsideCell[] = [];
    if (rect.bottom - rect.top + 1 > HEAD_ROWS || rect.right - rect.left + 1 > HEAD_COLUMNS) {
      // A stray "制表人" at B1048576 makes the used range a million rows: find the table's extent first.
      const bounded = tableExtent(app, sheet, rect);
      rect = bounded.table;
      outside = bounded.outside;
      range = sheet.Range(rectAddress(rect));
    }
    const rows = rect.bottom - rect.top + 1;
    const columns = rect.right - rect.left + 1;
    const values = toGrid(range.Value2, rows, columns);

    return {
      sheet: sheet.Name,
      address: `${sheet.Name}!${rectAddress(rect)}`,
      values,
      firstRow: rect.top,
      firstColumn: rect.left,
      hiddenRows: hiddenRows(range, rect.top, rows),
      merges: merges(range, rect, rows, columns),
      numberFormats: numberFormats(range, rows, columns),
      tables: request.source === 'auto' ? tableNames(sheet) : [],
      ...(outside.length > 0 ? { outside } : {}),
    };
  });
}

/**
 * The table inside a large range: column bands and then row bands are counted with CountA (native, no values
 * moved); the table is the heaviest run of adjacent non-empty bands, cut to its last non-empty row; the values of
 * the other non-empty bands are read to name their cells.
 */
function tableExtent(
  app: WpsApplication,
  sheet: WpsWorksheet,
  rect: CellMerge,
): { table: CellMerge; outside: OutsideCell[] } {
  const count = (r: CellMerge) => app.WorksheetFunction.CountA(sheet.Range(rectAddress(r)));
  const columnBands: { band: CellMerge; n: number }[] = [];
  for (let left = rect.left; left <= rect.right; left += COLUMN_BAND) {
    const band = { ...rect, left, right: Math.min(rect.right, left + COLUMN_BAND - 1) };
    columnBands.push({ band, n: count(band) });
  }
  const columns = heaviestRun(columnBands);
  const across = { left: columns[0].band.left, right: columns[columns.length - 1].band.right };
  const rowBands: { band: CellMerge; n: number }[] = [];
  for (let top = rect.top; top <= rect.bottom; top += ROW_BAND) {
    const band = { top, bottom: Math.min(rect.bottom, top + ROW_BAND - 1), ...across };
    rowBands.push({ band, n: count(band) });
  }
  const rows = heaviestRun(rowBands);
  const table = { top: rows[0].band.top, bottom: rows[rows.length - 1].band.bottom, ...across };
  // A column band may end in empty columns: counted off one by one (at most a band's width of CountA calls).
  while (table.right > table.left && count({ ...table, left: table.right }) === 0) table.right--;
  across.right = table.right;
  // The last band may end in empty rows: cut them off (one Value2 read of that band).
  const last = { ...rows[rows.length - 1].band, ...across };
  const lastValues = toGrid(
    sheet.Range(rectAddress(last)).Value2,
    last.bottom - last.top + 1,
    across.right - across.left + 1,
  );
  let cut = lastValues.length;
  while (cut > 1 && lastValues[cut - 1].every((v) => v === null || v === '')) cut--;
  table.bottom = last.top + cut - 1;

  const strays = [
    ...rowBands.filter((b) => b.n > 0 && !rows.includes(b)).map((b) => b.band),
    ...columnBands
      .filter((b) => b.n > 0 && !columns.includes(b))
      .map((b) => ({ ...b.band, top: table.top, bottom: table.bottom }))
      .filter((b) => count(b) > 0),
  ];
  const outside: OutsideCell[] = [];
  let budget = OUTSIDE_CELLS;
  for (const b of strays) {
    const height = b.bottom - b.top + 1;
    const width = b.right - b.left + 1;
    if (height * width > budget) continue;
    budget -= height * width;
    toGrid(sheet.Range(rectAddress(b)).Value2, height, width).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== '') outside.push({ row: b.top + r, column: b.left + c, value });
      }),
    );
  }
  outside.sort((a, b) => a.row - b.row || a.column - b.column);
  return { table, outside };
}

/** The run of adjacent non-empty bands holding the most values (the first band when all are empty). */
function heaviestRun<T extends { n: number }>(bands: T[]): T[] {
  let best: T[] = bands.slice(0, 1);
  let bestWeight = -1;
  let run: T[] = [];
  let weight = 0;
  for (const band of [...bands, { n: 0 } as T]) {
    if (band.n > 0) {
      run.push(band);
      weight += band.n;
      continue;
    }
    if (run.length > 0 && weight > bestWeight) [best, bestWeight] = [run, weight];
    run = [];
    weight = 0;
  }
  return best;
}

/** One Value2 cell in the grid contract: numbers, text and logical values as they are; anything else as its text. */
function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return String(value);
}

/** Value2 of one cell is the value itself; of a block, rows of columns. Either way a rows × columns grid. */
function toGrid(value: unknown, rows: number, columns: number): CellValue[][] {
  if (!Array.isArray(value)) return [[toCell(value)]];
  return Array.from({ length: rows }, (_, r) => {
    const row: unknown = value[r];
    return Array.from({ length: columns }, (_, c) => (Array.isArray(row) ? toCell(row[c]) : null));
  });
}

function numberFormats(range: WpsRange, rows: number, columns: number): string[][] {
  const grid: string[][] = Array.from({ length: rows }, () => Array<string>(columns).fill('General'));
  for (let c = 0; c < columns; c++) {
    const column = range.Columns.Item(c + 1);
    const shared = column.NumberFormat;
    for (let r = 0; r < rows; r++) {
      const format = shared ?? range.Item(r + 1, c + 1).NumberFormat;
      grid[r][c] = format ?? 'General';
    }
  }
  return grid;
}

function hiddenRows(range: WpsRange, firstRow: number, rows: number): number[] {
  const hidden: number[] = [];
  for (let r = 0; r < rows; r++) if (range.Rows.Item(r + 1).Hidden === true) hidden.push(firstRow + r);
  return hidden;
}

function merges(range: WpsRange, rect: CellMerge, rows: number, columns: number): CellMerge[] {
  if (range.MergeCells === false) return [];
  const found = new Map<string, CellMerge>();
  const covered = new Set<string>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const cell = range.Item(r + 1, c + 1);
      if (cell.MergeCells !== true) continue;
      const area = rangeRect(cell.MergeArea);
      found.set(rectAddress(area), area);
      for (let rr = area.top; rr <= area.bottom; rr++)
        for (let cc = area.left; cc <= area.right; cc++) covered.add(`${rr - rect.top},${cc - rect.left}`);
    }
  }
  return [...found.values()];
}

function tableNames(sheet: WpsWorksheet): string[] {
  const tables = sheet.ListObjects;
  const names: string[] = [];
  for (let i = 1; i <= tables.Count; i++) names.push(tables.Item(i).Name);
  return names;
}
