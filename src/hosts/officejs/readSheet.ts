/** Reads the user's school table from Excel into the engine's CellGrid in one round trip. */
import { parseAreas } from './address';
import { excelOperation } from './errors';
import type { SheetRead } from '../port';
import type { CellValue } from '../../engine';
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

/**
 * Loads values, number formats, hidden rows and merged areas in ONE batch and one `context.sync()`:
 * the pane calls this on every check, and round trips dominate its latency in Excel on the web.
 */
export function readSheet(context: Excel.RequestContext, options: ReadSheetOptions = {}): Promise<SheetRead> {
  return excelOperation('读取工作表', async () => {
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
    range.load('address,values,numberFormat,rowIndex,columnIndex');
    const rowProperties = range.getRowProperties({ rowIndex: true, rowHidden: true });
    const merged = supportsExcelApi('1.13', options.isSetSupported)
      ? range.getMergedAreasOrNullObject()
      : null;
    merged?.load('address');
    const tables = source === 'auto' || source === 'usedRange' ? sheet.tables : null;
    tables?.load('items/name');

    await context.sync();

    const firstRow = range.rowIndex + 1;
    const hiddenRows = rowProperties.value.flatMap((r, i) =>
      r.rowHidden ? [(r.rowIndex ?? range.rowIndex + i) + 1] : [],
    );
    return {
      sheet: sheet.name,
      address: range.address,
      values: cellValues(range.values),
      firstRow,
      firstColumn: range.columnIndex,
      hiddenRows,
      merges: merged && !merged.isNullObject ? parseAreas(merged.address) : [],
      numberFormats: range.numberFormat as string[][],
      tables: tables ? tables.items.map((t) => t.name) : [],
    };
  });
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
