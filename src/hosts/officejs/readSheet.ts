/** Reads the user's school table from Excel into the engine's CellGrid: one round trip for a usual sheet, bounded by the data always. */
import { parseAreas } from './address';
import { excelOperation } from './errors';
import type { OutsideCell, SheetRead } from '../port';
import type { CellMerge, CellValue } from '../../engine';
import { supportsExcelApi, type SetSupport } from './requirements';

/**
 * Where the table is: 'auto' and 'usedRange' read the sheet's used range (values only), which always contains an
 * Excel table together with the title rows above it that the table's own range would cut off, so header detection
 * sees them; `{ table }` reads exactly one Excel table; `{ address }` or 'selection' read what the user picked.
 */
export type ReadSource = 'auto' | 'usedRange' | 'selection' | { table: string } | { address: string };

export interface ReadSheetOptions {
  /** Worksheet name; DEFAULT the active sheet (the selection and a workbook-wide table name bring their own). */
  sheet?: string;
  source?: ReadSource;
  isSetSupported?: SetSupport;
}

/** The window read in the first sync: a table inside it (the usual county sheet) costs exactly one round trip. */
const HEAD_ROWS = 2_000;
const HEAD_COLUMNS = 256;
/** Rows (columns) per probe when the range is larger: each probe asks only for the bounding box of its values. */
const ROW_BAND = 1_000;
const COLUMN_BAND = 256;
/** More empty rows (columns) than this between used cells separate blocks, as in the file reader. */
const ROW_GAP = 100;
const COLUMN_GAP = 50;
/** Cells per range when reading a large table in row blocks, and per sync. */
const BLOCK_CELLS = 50_000;
const SYNC_CELLS = 400_000;
/** Stray cells read back for the message (their boxes are small); more are named only by count of boxes. */
const OUTSIDE_CELLS = 200;

/**
 * Loads values, number formats, hidden rows and merged areas. A range inside the first 2,000 rows and 256 columns —
 * every ordinary county sheet — is read in ONE batch and one `context.sync()`: the pane calls this on every check,
 * and round trips dominate its latency in Excel on the web. A larger range (a stray "制表人" in B1048576 makes the
 * used range a million rows) is first measured: one sync asks for the bounding box of the values in each band of
 * rows and columns, the table is the heaviest run of bands (as in the file reader), and only its rows are read, in
 * blocks; the values of the stray boxes are read back to name them (`outside`).
 */
export function readSheet(context: Excel.RequestContext, options: ReadSheetOptions = {}): Promise<SheetRead> {
  return excelOperation('readSheet', async () => {
    const source = options.source ?? 'auto';
    const worksheets = context.workbook.worksheets;
    let sheet: Excel.Worksheet;
    let range: Excel.Range;
    if (source === 'selection') {
      range = context.workbook.getSelectedRange();
      sheet = range.worksheet;
    } else if (typeof source === 'object' && 'table' in source) {
      const table = options.sheet
        ? worksheets.getItem(options.sheet).tables.getItem(source.table)
        : context.workbook.tables.getItem(source.table);
      range = table.getRange();
      sheet = table.worksheet;
    } else {
      sheet = options.sheet ? worksheets.getItem(options.sheet) : worksheets.getActiveWorksheet();
      range = typeof source === 'object' ? sheet.getRange(source.address) : sheet.getUsedRange(true);
    }
    sheet.load('name');
    range.load('address,rowIndex,columnIndex,rowCount,columnCount');
    const head = range.getIntersectionOrNullObject(sheet.getRangeByIndexes(0, 0, HEAD_ROWS, HEAD_COLUMNS));
    const block = loadBlock(head, options.isSetSupported);
    const tables = source === 'auto' || source === 'usedRange' ? sheet.tables : null;
    tables?.load('items/name');

    await context.sync();

    const tableNames = tables ? tables.items.map((t) => t.name) : [];
    const whole: Rect = {
      top: range.rowIndex,
      left: range.columnIndex,
      bottom: range.rowIndex + range.rowCount - 1,
      right: range.columnIndex + range.columnCount - 1,
    };
    if (whole.bottom < HEAD_ROWS && whole.right < HEAD_COLUMNS && !head.isNullObject) {
      return { sheet: sheet.name, address: range.address, tables: tableNames, ...gridOf([block]) };
    }
    return readLarge(context, sheet, whole, tableNames, options.isSetSupported);
  });
}

/** 0-based, inclusive. */
interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface LoadedBlock {
  range: Excel.Range;
  rows: OfficeExtension.ClientResult<Excel.RowProperties[]>;
  merged: Excel.RangeAreas | null;
}

function loadBlock(range: Excel.Range, isSetSupported?: SetSupport, merges = true): LoadedBlock {
  range.load('address,values,numberFormat,rowIndex,columnIndex');
  const rows = range.getRowProperties({ rowIndex: true, rowHidden: true });
  const merged =
    merges && supportsExcelApi('1.13', isSetSupported) ? range.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return { range, rows, merged };
}

/** Loaded blocks (stacked rows of the same columns) as one grid. */
function gridOf(blocks: LoadedBlock[]): Omit<SheetRead, 'sheet' | 'address' | 'tables'> {
  const first = blocks[0].range;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const hiddenRows: number[] = [];
  const merges: CellMerge[] = [];
  for (const { range, rows, merged } of blocks) {
    values.push(...cellValues(range.values));
    numberFormats.push(...(range.numberFormat as string[][]));
    rows.value.forEach((r, i) => {
      if (r.rowHidden) hiddenRows.push((r.rowIndex ?? range.rowIndex + i) + 1);
    });
    if (merged && !merged.isNullObject) merges.push(...parseAreas(merged.address));
  }
  return {
    values,
    firstRow: first.rowIndex + 1,
    firstColumn: first.columnIndex,
    hiddenRows,
    merges,
    numberFormats,
  };
}

/** A large range: measure the bands, read the table's rows in blocks, name the stray cells. */
async function readLarge(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  whole: Rect,
  tables: string[],
  isSetSupported?: SetSupport,
): Promise<SheetRead> {
  const box = (r: Rect) => {
    const used = sheet
      .getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1)
      .getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    return used;
  };
  const rowProbes: Excel.Range[] = [];
  for (let top = whole.top; top <= whole.bottom; top += ROW_BAND)
    rowProbes.push(box({ ...whole, top, bottom: Math.min(whole.bottom, top + ROW_BAND - 1) }));
  const columnProbes: Excel.Range[] = [];
  for (let left = whole.left; left <= whole.right; left += COLUMN_BAND)
    columnProbes.push(box({ ...whole, left, right: Math.min(whole.right, left + COLUMN_BAND - 1) }));
  await context.sync();

  const rectOf = (r: Excel.Range): Rect => ({
    top: r.rowIndex,
    left: r.columnIndex,
    bottom: r.rowIndex + r.rowCount - 1,
    right: r.columnIndex + r.columnCount - 1,
  });
  const rowBoxes = rowProbes.filter((p) => !p.isNullObject).map(rectOf);
  const columnBoxes = columnProbes.filter((p) => !p.isNullObject).map(rectOf);
  if (rowBoxes.length === 0 || columnBoxes.length === 0) {
    const empty = sheet.getRangeByIndexes(whole.top, whole.left, 1, 1);
    const block = loadBlock(empty, isSetSupported);
    await context.sync();
    return { sheet: sheet.name, address: empty.address, tables, ...gridOf([block]) };
  }
  const rows = heaviest(rowBoxes, 'top', 'bottom', ROW_GAP);
  const columns = heaviest(columnBoxes, 'left', 'right', COLUMN_GAP);
  const table: Rect = {
    top: Math.min(...rows.map((b) => b.top)),
    bottom: Math.max(...rows.map((b) => b.bottom)),
    left: Math.min(...columns.map((b) => b.left)),
    right: Math.max(...columns.map((b) => b.right)),
  };

  // The table in row blocks of about BLOCK_CELLS cells, as few syncs as SYNC_CELLS allows.
  const width = table.right - table.left + 1;
  const step = Math.max(1, Math.floor(BLOCK_CELLS / width));
  const blocks: LoadedBlock[] = [];
  let queued = 0;
  for (let top = table.top; top <= table.bottom; top += step) {
    const count = Math.min(step, table.bottom - top + 1);
    blocks.push(loadBlock(sheet.getRangeByIndexes(top, table.left, count, width), isSetSupported, false));
    queued += count * width;
    if (queued >= SYNC_CELLS) {
      await context.sync();
      queued = 0;
    }
  }
  const tableRange = sheet.getRangeByIndexes(table.top, table.left, table.bottom - table.top + 1, width);
  tableRange.load('address');
  const merged = supportsExcelApi('1.13', isSetSupported) ? tableRange.getMergedAreasOrNullObject() : null;
  merged?.load('address');

  // Stray boxes: bands outside the table's rows, and column bands outside its columns.
  const strays = [
    ...rowBoxes.filter((b) => b.bottom < table.top || b.top > table.bottom),
    ...columnBoxes
      .filter((b) => b.right < table.left || b.left > table.right)
      .map((b) => ({ ...b, top: Math.max(b.top, table.top), bottom: Math.min(b.bottom, table.bottom) }))
      .filter((b) => b.top <= b.bottom),
  ];
  const strayRanges: Excel.Range[] = [];
  let budget = OUTSIDE_CELLS;
  for (const b of strays) {
    const cells = (b.bottom - b.top + 1) * (b.right - b.left + 1);
    if (cells > budget) continue;
    budget -= cells;
    const r = sheet.getRangeByIndexes(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1);
    r.load('values,rowIndex,columnIndex');
    strayRanges.push(r);
  }
  await context.sync();

  const outside: OutsideCell[] = [];
  for (const r of strayRanges)
    cellValues(r.values).forEach((row, i) =>
      row.forEach((value, j) => {
        if (value !== null && value !== '')
          outside.push({ row: r.rowIndex + i + 1, column: r.columnIndex + j, value });
      }),
    );
  outside.sort((a, b) => a.row - b.row || a.column - b.column);
  const grid = gridOf(blocks);
  return {
    sheet: sheet.name,
    address: tableRange.address,
    tables,
    ...grid,
    merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
    outside,
  };
}

/**
 * Splits boxes sorted along one axis where the empty space between them exceeds `gap`, and returns the run covering
 * the most cells (a box's area is the proxy: a table's band is large, a stray cell's box is one cell).
 */
function heaviest(boxes: Rect[], start: 'top' | 'left', end: 'bottom' | 'right', gap: number): Rect[] {
  const sorted = [...boxes].sort((a, b) => a[start] - b[start]);
  const area = (b: Rect) => (b.bottom - b.top + 1) * (b.right - b.left + 1);
  let best: Rect[] = [];
  let bestWeight = -1;
  let run: Rect[] = [];
  let weight = 0;
  let reach = -Infinity;
  for (const b of sorted) {
    if (run.length > 0 && b[start] - reach > gap + 1) {
      if (weight > bestWeight) [best, bestWeight] = [run, weight];
      run = [];
      weight = 0;
    }
    run.push(b);
    weight += area(b);
    reach = Math.max(reach, b[end]);
  }
  if (weight > bestWeight) best = run;
  return best;
}

/**
 * Office.js `range.values` in the grid contract. Excel gives numbers, text and logical values; an error value comes as
 * its code ("#N/A") and an empty cell as "", both already text the engine reads. Anything else (a future value type)
 * is kept as its text rather than dropped.
 */
export function cellValues(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map(officeCellValue));
}

function officeCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  return String(v);
}
