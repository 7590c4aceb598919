/** Reads the used range, a named range or the selection into the grid contract, values in one Value2 call. */
import type { CellMerge, CellValue } from '../../engine';
import type { ReadRequest, SheetRead } from '../port';
import { wpsOperation } from './errors';
import { activeWorkbook, rangeRect, rectAddress, requireSheet } from './model';
import type { WpsApplication, WpsRange, WpsWorksheet } from './types';

/**
 * Values come from ONE Range.Value2 read of the block; number formats from one read per column (a cell-by-cell read
 * only in columns whose formats differ); hidden rows from one read per row; merges are looked for only when
 * Range.MergeCells says there are any.
 */
export function readSheet(app: WpsApplication, request: ReadRequest): Promise<SheetRead> {
  return wpsOperation('读取工作表', () => {
    const workbook = activeWorkbook(app);
    let sheet: WpsWorksheet;
    let range: WpsRange;
    if (request.source === 'selection') {
      const selection = app.Selection;
      if (!selection || typeof selection.Value2 === 'undefined') throw new Error('当前选中的不是单元格区域');
      range = selection;
      sheet = range.Worksheet;
    } else if (request.source === 'range') {
      sheet = requireSheet(workbook, request.sheet);
      range = sheet.Range(request.address);
    } else {
      const active = request.sheet ? requireSheet(workbook, request.sheet) : app.ActiveSheet;
      if (!active) throw new Error('没有活动工作表');
      sheet = active;
      range = sheet.UsedRange;
    }

    const rect = rangeRect(range);
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
    };
  });
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
