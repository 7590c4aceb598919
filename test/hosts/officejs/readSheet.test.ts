// readSheet: the user's table into a CellGrid — values, number formats, hidden rows, merges — in ONE sync.
import { ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { readSheet } from '../../../src/hosts/officejs/readSheet';
import { createFakeExcel, fakeRequirements, type FakeExcel } from './fakeExcel';

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.newContext() as unknown as Excel.RequestContext;
}

/** A bureau-style sheet: title in row 1 (merged A1:D1), header in row 3, data from row 4, a hidden row, a table. */
function bureauWorkbook(): FakeExcel {
  const fake = createFakeExcel();
  fake.workbook.addSheet('封面', [['2026年']]);
  const sheet = fake.workbook.addSheet('学校数据');
  sheet.setValues(
    [
      ['示例县义务教育学校基本情况统计表', '', '', ''],
      ['', '', '', ''],
      ['学校名称', '在校生数（人）', '教学仪器设备值（万元）', '最大班额'],
      ['城关小学', 1000, 200.5, 45],
      ['实验小学', '1,200', '#N/A', 46],
      ['合计', 2200, 200.5, ''],
    ],
    'B1',
  );
  sheet.merge('B1:E1');
  sheet.setCell('D4', { numberFormat: '0.00', value: 200.5 });
  sheet.hiddenRows.add(5);
  sheet.addTable('学校表', 'B3:E6');
  fake.workbook.activate('学校数据');
  return fake;
}

describe('readSheet', () => {
  test("the active sheet's used range, with offsets, number formats, hidden rows and merges, in one sync", async () => {
    const fake = bureauWorkbook();
    const grid = await readSheet(ctx(fake), { isSetSupported: fakeRequirements('1.18') });
    expect(fake.syncCount).toBe(1);
    expect(grid.sheet).toBe('学校数据');
    expect(grid.address).toBe('学校数据!B1:E6');
    expect(grid.firstRow).toBe(1);
    expect(grid.firstColumn).toBe(1);
    expect(grid.values).toHaveLength(6);
    expect(grid.values[0][0]).toBe('示例县义务教育学校基本情况统计表');
    expect(grid.values[3]).toEqual(['城关小学', 1000, 200.5, 45]);
    expect(grid.values[4]).toEqual(['实验小学', '1,200', '#N/A', 46]);
    expect(grid.values[5][3]).toBe('');
    expect(grid.numberFormats?.[3][2]).toBe('0.00');
    expect(grid.numberFormats?.[3][1]).toBe('General');
    expect(grid.hiddenRows).toEqual([5]);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(grid.tables).toEqual(['学校表']);
  });

  test('a named sheet that is not active', async () => {
    const fake = bureauWorkbook();
    const grid = await readSheet(ctx(fake), { sheet: '封面' });
    expect(grid).toMatchObject({
      sheet: '封面',
      values: [['2026年']],
      firstRow: 1,
      firstColumn: 0,
      tables: [],
    });
    expect(fake.syncCount).toBe(1);
  });

  test('one Excel table by name: exactly its range', async () => {
    const fake = bureauWorkbook();
    const grid = await readSheet(ctx(fake), { source: { table: '学校表' } });
    expect(fake.syncCount).toBe(1);
    expect(grid.sheet).toBe('学校数据');
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(1);
    expect(grid.values[0]).toEqual(['学校名称', '在校生数（人）', '教学仪器设备值（万元）', '最大班额']);
    expect(grid.values).toHaveLength(4);
    expect(grid.hiddenRows).toEqual([5]);
    expect(grid.merges).toEqual([]);
  });

  test('a user-selected range, or an address', async () => {
    const fake = bureauWorkbook();
    fake.workbook.select('学校数据', 'B3:C5');
    const selected = await readSheet(ctx(fake), { source: 'selection' });
    expect(selected).toMatchObject({ sheet: '学校数据', firstRow: 3, firstColumn: 1 });
    expect(selected.values).toEqual([
      ['学校名称', '在校生数（人）'],
      ['城关小学', 1000],
      ['实验小学', '1,200'],
    ]);
    const byAddress = await readSheet(ctx(fake), { sheet: '学校数据', source: { address: 'C4:D4' } });
    expect(byAddress.values).toEqual([[1000, 200.5]]);
    expect(fake.syncCount).toBe(2);
  });

  test('merged areas need ExcelApi 1.13; older hosts still read, without merges', async () => {
    const fake = bureauWorkbook();
    const grid = await readSheet(ctx(fake), { isSetSupported: fakeRequirements('1.12') });
    expect(grid.merges).toEqual([]);
    expect(grid.values).toHaveLength(6);
  });

  test('an empty sheet reads as one blank cell (the table reader reports "no table")', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('空表');
    const grid = await readSheet(ctx(fake));
    expect(grid).toMatchObject({ values: [['']], firstRow: 1, firstColumn: 0, hiddenRows: [], merges: [] });
  });

  test('a missing sheet or table surfaces as ExcelOperationError in Chinese', async () => {
    const fake = bureauWorkbook();
    const error = await readSheet(ctx(fake), { sheet: '不存在' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as Error).message).toBe('读取工作表失败：找不到指定的工作表、表格或单元格（ItemNotFound）');
    await expect(readSheet(ctx(fake), { source: { table: '无此表' } })).rejects.toThrow('读取工作表失败');
  });
});

describe('reads bounded by the data', () => {
  test('a stray cell in B1048576: the table is read as before, the stray cell named, few cells loaded', async () => {
    const plain = bureauWorkbook();
    const expected = await readSheet(ctx(plain), { isSetSupported: fakeRequirements('1.18') });
    const fake = bureauWorkbook();
    fake.workbook.sheet('学校数据').setCell('B1048576', { value: '制表人：张三' });
    const grid = await readSheet(ctx(fake), { isSetSupported: fakeRequirements('1.18') });
    expect(grid.values).toEqual(expected.values);
    expect(grid.numberFormats).toEqual(expected.numberFormats);
    expect(grid).toMatchObject({ firstRow: 1, firstColumn: 1, hiddenRows: [5], address: '学校数据!B1:E6' });
    expect(grid.merges).toEqual(expected.merges);
    expect(grid.tables).toEqual(['学校表']);
    expect(grid.outside).toEqual([{ row: 1048576, column: 1, value: '制表人：张三' }]);
    // A dense read loads 4 million cells twice (values and formats); here at most the first window (2,000 rows of
    // the used columns, read in the first sync in case the table fits), the table and the stray cell.
    expect(fake.cellsLoaded).toBeLessThan(20_000);
    expect(fake.syncCount).toBeLessThanOrEqual(3);
  });

  test('a stray cell far to the right (XFD2) is named too, and the columns are not read out to it', async () => {
    const fake = bureauWorkbook();
    fake.workbook.sheet('学校数据').setCell('XFD2', { value: '备注' });
    const grid = await readSheet(ctx(fake));
    expect(grid.values[3]).toEqual(['城关小学', 1000, 200.5, 45]);
    expect(grid.values[0]).toHaveLength(4);
    expect(grid.outside).toEqual([{ row: 2, column: 16383, value: '备注' }]);
    // The first window is 256 columns wide; nothing beyond it but the stray cell is loaded.
    expect(fake.cellsLoaded).toBeLessThan(2 * 6 * 256 + 100);
  });

  test('a table of 5,000 rows past the first window is read whole, in blocks, in a few syncs', async () => {
    const fake = createFakeExcel();
    const rows = Array.from({ length: 5000 }, (_, i) => [`学校${i + 1}`, i + 1]);
    fake.workbook.addSheet('学校数据', [['学校名称', '在校生数'], ...rows]);
    const grid = await readSheet(ctx(fake));
    expect(grid.values).toHaveLength(5001);
    expect(grid.values[5000]).toEqual(['学校5000', 5000]);
    expect(grid.outside).toEqual([]);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(fake.cellsLoaded).toBeLessThan(2 * 2 * 5001 + 2 * 2 * 2000 + 100);
  });
});
