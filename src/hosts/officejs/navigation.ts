/** Takes the user to a school's row (the pane's "定位" action). */
import { excelOperation } from './errors';

/** Activates `sheet` and selects its 1-based worksheet `row`. */
export function selectRow(context: Excel.RequestContext, sheet: string, row: number): Promise<void> {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`行号必须是正整数：${row}`);
  return excelOperation('selectRow', async () => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(`${row}:${row}`).select();
    await context.sync();
  });
}
