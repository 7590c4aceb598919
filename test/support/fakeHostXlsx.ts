// Reads an .xlsx with exceljs into the fake host's JSON workbook: values as Excel's range.values shows them, formats kept.
import ExcelJS from 'exceljs';
import type { FakeValue } from '../hosts/officejs/fakeExcel';
import type { CellData, SheetData, WorkbookData } from './fakeHostData';

const EDGES: Record<string, string> = {
  top: 'EdgeTop',
  bottom: 'EdgeBottom',
  left: 'EdgeLeft',
  right: 'EdgeRight',
};
const ALIGN: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };

/** Days since 1899-12-30, as Excel stores dates. */
function serial(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** One exceljs cell value as Excel's `range.values` would show it. */
function cellValue(v: ExcelJS.CellValue | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  // A formula without a cached result (never calculated) reads as blank, as it would before Excel recalculates.
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
  return null;
}

function toValue(v: unknown): FakeValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return serial(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  return undefined;
}

function cellData(cell: ExcelJS.Cell): CellData | null {
  const data: CellData = { address: cell.address };
  // Excel reports a merged area's value in its top-left cell only.
  if (cell.type !== ExcelJS.ValueType.Merge) {
    const value = toValue(cellValue(cell.value));
    if (value !== undefined) data.value = value;
    if (cell.type === ExcelJS.ValueType.Formula && cell.formula) data.formula = `=${cell.formula}`;
  }
  if (cell.numFmt) data.numberFormat = cell.numFmt;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) {
    data.fill = `#${fill.fgColor.argb.slice(-6)}`;
  }
  if (cell.font?.bold) data.bold = true;
  if (cell.font?.size !== undefined && cell.font.size !== 11) data.fontSize = cell.font.size;
  if (cell.alignment?.wrapText) data.wrapText = true;
  const align = cell.alignment?.horizontal && ALIGN[cell.alignment.horizontal];
  if (align) data.horizontalAlignment = align;
  const borders: Record<string, string> = {};
  for (const [side, edge] of Object.entries(EDGES)) {
    if (cell.border?.[side as keyof ExcelJS.Borders]) borders[edge] = 'Continuous';
  }
  if (Object.keys(borders).length > 0) data.borders = borders;
  return Object.keys(data).length > 1 ? data : null;
}

/** Every visible sheet of the file, in order; the first is active, as when Excel opens a fresh file. */
export async function readXlsx(file: string): Promise<WorkbookData> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: SheetData[] = workbook.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const cells: CellData[] = [];
      const hiddenRows: number[] = [];
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        if (row.hidden) hiddenRows.push(r);
        row.eachCell({ includeEmpty: false }, (cell) => {
          const data = cellData(cell);
          if (data) cells.push(data);
        });
      });
      const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice();
      return { name: ws.name, cells, merges, hiddenRows };
    });
  return { sheets, active: sheets[0]?.name };
}
