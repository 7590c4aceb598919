/** Lists the workbook's worksheets (name, visibility, the active one) in one batch. */
import { excelOperation } from './errors';
import type { SheetEntry } from '../port';

export function listSheets(context: Excel.RequestContext): Promise<SheetEntry[]> {
  return excelOperation('listSheets', async () => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    const active = sheets.getActiveWorksheet();
    active.load('name');
    await context.sync();
    return sheets.items.map((sheet) => ({
      name: sheet.name,
      visible: sheet.visibility === 'Visible',
      active: sheet.name === active.name,
    }));
  });
}
