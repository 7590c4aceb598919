// selectRow: the pane's "定位" takes the user to a school's row.
import { selectRow } from '../../../src/hosts/officejs/navigation';
import { createFakeExcel, parseRect, type FakeExcel } from './fakeExcel';

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.newContext() as unknown as Excel.RequestContext;
}

describe('selectRow', () => {
  test('activates the sheet and selects the whole row in one sync', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('封面');
    const data = fake.workbook.addSheet('学校数据', [['学校名称']]);
    await selectRow(ctx(fake), '学校数据', 12);
    expect(fake.workbook.activeSheet).toBe(data);
    expect(fake.workbook.selection).toEqual({ sheetId: data.id, rect: parseRect('12:12') });
    expect(fake.syncCount).toBe(1);
  });

  test('a missing sheet: 定位学校失败; a row below 1 is a programmer error', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据');
    await expect(selectRow(ctx(fake), '不存在', 3)).rejects.toThrow(
      '定位学校失败：找不到指定的工作表、表格或单元格（ItemNotFound）',
    );
    expect(() => selectRow(ctx(fake), '学校数据', 0)).toThrow(RangeError);
  });
});
