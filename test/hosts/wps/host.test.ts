// The WPS host against the fake object model: reading, marks (apply, clear, ownership, sorting), reports, settings.
import { createWpsHost, hexToBgr } from '../../../src/hosts/wps';
import type { HighlightPlan, ReportPlan } from '../../../src/engine';
import { FakeWps, XL_NONE } from './fakeWps';

function workbook() {
  const app = new FakeWps(['学校数据', '说明']);
  const sheet = app.sheet('学校数据');
  sheet.setValues('A1', [
    ['学校', '学段', '学生数', '生均面积'],
    ['一小', '小学', 500, 7.2],
    ['二小', '小学', 300, 9.1],
    ['三小', '小学', 200, 5.5],
  ]);
  sheet.at('D2').format = '0.00';
  return { app, sheet, host: createWpsHost(app) };
}

const plan = (marks: [string, string, string][]): HighlightPlan => ({
  sheet: '学校数据',
  marks: marks.map(([address, fill, note]) => ({
    address,
    fill,
    note,
    row: Number(address.slice(1)),
    column: address.charCodeAt(0) - 65,
    kind: 'indicator',
  })),
});

test('hexToBgr: WPS colours are BGR longs (#FF0000 is 255, #0000FF is 16711680)', () => {
  expect(hexToBgr('#FF0000')).toBe(255);
  expect(hexToBgr('#0000FF')).toBe(16711680);
  expect(hexToBgr('#FFE699')).toBe(0x99e6ff);
});

describe('readSheet', () => {
  test('reads the used range with ONE Value2 call, number formats, hidden rows and merges', async () => {
    const { app, sheet, host } = workbook();
    sheet.hiddenRows.add(3);
    sheet.merges.push({ top: 1, left: 1, bottom: 1, right: 2 });
    const read = await host.readSheet({ source: 'auto' });
    expect(read.sheet).toBe('学校数据');
    expect(read.address).toBe('学校数据!A1:D4');
    expect(read.values[1]).toEqual(['一小', '小学', 500, 7.2]);
    expect(read.firstRow).toBe(1);
    expect(read.firstColumn).toBe(0);
    expect(read.hiddenRows).toEqual([3]);
    expect(read.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
    expect(read.numberFormats?.[1][3]).toBe('0.00');
    expect(read.numberFormats?.[2][3]).toBe('General');
    expect(app.calls.get('Range.Value2')).toBe(1);
  });

  test('reads a named range and the selection; a missing sheet is a Chinese error naming it', async () => {
    const { app, host } = workbook();
    const range = await host.readSheet({ source: 'range', sheet: '学校数据', address: 'B2:C3' });
    expect(range.values).toEqual([
      ['小学', 500],
      ['小学', 300],
    ]);
    expect(range.firstColumn).toBe(1);
    app.selection = app.sheet('学校数据').Range('A3:B4') as never;
    const selected = await host.readSheet({ source: 'selection' });
    expect(selected.values).toEqual([
      ['二小', '小学'],
      ['三小', '小学'],
    ]);
    await expect(host.readSheet({ source: 'auto', sheet: '没有' })).rejects.toThrow('找不到工作表「没有」');
  });
});

describe('marks', () => {
  test('apply paints BGR fills and notes, keeps a prior note, and stores the snapshot very hidden', async () => {
    const { app, sheet, host } = workbook();
    sheet.at('D4').comment = '用户的批注';
    const result = await host.applyHighlights(
      plan([
        ['D2', '#FFE699', '低于标准'],
        ['D4', '#FF9999', '学校不达标'],
      ]),
    );
    expect(result).toEqual({ painted: 2, notes: 'written', notesSkipped: [], restored: 0 });
    expect(sheet.at('D2').color).toBe(hexToBgr('#FFE699'));
    expect(sheet.at('D2').comment).toBe('低于标准');
    expect(sheet.at('D4').comment).toBe('学校不达标\n\n【原批注】用户的批注');
    expect(app.sheet('_balance_marks').Visible).toBe(2);
    expect(app.ActiveSheet?.Name).toBe('学校数据');
    expect(app.ScreenUpdating).toBe(true);
    expect(app.Calculation).toBe(-4105);
  });

  test('clear restores every fill and note exactly, and removes the snapshot sheet', async () => {
    const { app, sheet, host } = workbook();
    const own = sheet.Range('D3').Interior;
    own.Color = 0x00ff00;
    own.TintAndShade = 0.4;
    sheet.at('D4').comment = '用户的批注';
    const before = JSON.stringify([...sheet.cells]);
    await host.applyHighlights(
      plan([
        ['D2', '#FFE699', 'a'],
        ['D3', '#FFE699', 'b'],
        ['D4', '#FF9999', 'c'],
      ]),
    );
    // Marking again must not save our own paint as the cells' "own" fill.
    await host.applyHighlights(
      plan([
        ['D3', '#FF9999', 'b2'],
        ['D4', '#FF9999', 'c2'],
      ]),
    );
    expect(sheet.at('D2').colorIndex).toBe(XL_NONE);
    const cleared = await host.clearHighlights();
    expect(cleared).toEqual({ restored: 2, damagedRows: [] });
    expect(JSON.stringify([...sheet.cells].filter(([, c]) => !sheet.isEmpty(c)))).toBe(
      JSON.stringify(JSON.parse(before).filter(([, c]: [string, never]) => !sheet.isEmpty(c))),
    );
    expect(app.sheets.map((s) => s.Name)).toEqual(['学校数据', '说明']);
    expect(await host.clearHighlights()).toEqual({ restored: 0, damagedRows: [] });
  });

  test('clear after the user sorted keeps the fill and note the user gave a cell (they are not ours)', async () => {
    const { sheet, host } = workbook();
    sheet.Range('D3').Interior.Color = 0x00ffff;
    sheet.at('D3').comment = '用户标黄';
    await host.applyHighlights(plan([['D4', '#FF9999', '不达标']]));
    // The user sorts so that their own yellow row lands on D4, the cell we painted (our red moves up to D3).
    sheet.sortRows(2, 4, (r) => (r === 3 ? 9 : r));
    expect(sheet.at('D3').color).toBe(hexToBgr('#FF9999'));
    await host.clearHighlights();
    expect(sheet.at('D4')).toMatchObject({ color: 0x00ffff, pattern: 1, comment: '用户标黄' });
  });

  test('a sheet named _balance_marks that is not ours is never overwritten', async () => {
    const { app, host } = workbook();
    app.ActiveWorkbook.Worksheets.Add().Name = '_balance_marks';
    app.sheet('_balance_marks').setValues('A1', [['我的数据']]);
    await expect(host.applyHighlights(plan([['D2', '#FFE699', 'x']]))).rejects.toThrow('不是本插件');
    expect(app.sheet('_balance_marks').at('A1').value).toBe('我的数据');
    expect(await host.clearHighlights()).toEqual({ restored: 0, damagedRows: [] });
  });

  test('ScreenUpdating, Calculation and DisplayAlerts are restored when a write fails part-way', async () => {
    const { app, host } = workbook();
    app.failOn = 'Range.AddComment';
    await expect(host.applyHighlights(plan([['D2', '#FFE699', 'x']]))).rejects.toThrow('标注失败');
    expect(app.ScreenUpdating).toBe(true);
    expect(app.Calculation).toBe(-4105);
    expect(app.DisplayAlerts).toBe(true);
    app.failOn = 'Worksheet.Delete';
    await expect(host.clearHighlights()).rejects.toThrow('清除标注失败');
    expect(app.ScreenUpdating).toBe(true);
    expect(app.Calculation).toBe(-4105);
  });
});

test('writeReport replaces the sheet, writes values, BGR styles, merges, widths and A4 landscape', async () => {
  const { app, host } = workbook();
  const report: ReportPlan = {
    sheetName: '均衡评估报告',
    sections: [
      { id: 'title', top: 1, values: [['报告', null]], numberFormats: [['General', 'General']] },
      { id: 'overview', top: 2, values: [['-1%', 0.5]], numberFormats: [['General', '0.00%']] },
    ],
    styles: [{ top: 1, left: 0, bottom: 1, right: 1, style: { bold: true, fill: '#C6EFCE', border: true } }],
    merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
    columnWidths: [20, 12],
    rowHeights: [{ row: 2, points: 45 }],
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      zoom: 85,
      centerHorizontally: true,
      printTitleRows: { top: 2, bottom: 2 },
      printTitleColumns: { left: 0, right: 0 },
      columnBreaks: [1],
      header: { left: '示例县2026年 报告', right: '评估标准：优质均衡' },
      footer: { center: '第 &P 页 共 &N 页' },
    },
    rowCount: 2,
    columnCount: 2,
  };
  await host.writeReport(report);
  await host.writeReport(report);
  expect(app.sheets.filter((s) => s.Name === '均衡评估报告')).toHaveLength(1);
  const sheet = app.sheet('均衡评估报告');
  expect(app.ActiveSheet).toBe(sheet);
  expect(sheet.at('A1')).toMatchObject({ value: '报告', bold: true, color: 0xceefc6, border: 1 });
  expect(sheet.at('A2')).toMatchObject({ value: '-1%', format: '@' });
  expect(sheet.at('B2')).toMatchObject({ value: 0.5, format: '0.00%' });
  expect(sheet.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 2 }]);
  expect(sheet.columnWidths.get(1)).toBe(20);
  expect([...sheet.rowHeights]).toEqual([[2, 45]]);
  expect(sheet.PageSetup).toMatchObject({
    PaperSize: 9,
    Orientation: 2,
    Zoom: 85,
    FitToPagesWide: false,
    PrintTitleRows: '$2:$2',
    PrintTitleColumns: '$A:$A',
    LeftHeader: '示例县2026年 报告',
    CenterHeader: '',
    RightHeader: '评估标准：优质均衡',
    CenterFooter: '第 &P 页 共 &N 页',
  });
  // VPageBreaks.Add(Before: B1): a page starts before column B.
  expect(sheet.columnBreaks).toEqual([1]);
  expect(app.ScreenUpdating).toBe(true);
});

describe('reads bounded by the data', () => {
  test('a stray cell in B1048576: the table read as before, the stray cell named, few cells read', async () => {
    const plain = workbook();
    const expected = await plain.host.readSheet({ source: 'auto', sheet: '学校数据' });
    const { app, sheet, host } = workbook();
    sheet.setValues('B1048576', [['制表人：张三']]);
    const read = await host.readSheet({ source: 'auto', sheet: '学校数据' });
    expect(read.values).toEqual(expected.values);
    expect(read.numberFormats).toEqual(expected.numberFormats);
    expect(read.address).toBe('学校数据!A1:D4');
    expect(read.outside).toEqual([{ row: 1048576, column: 1, value: '制表人：张三' }]);
    // A whole read moves 4 million values; here the table's band and the stray cell's band.
    expect(app.cellsRead).toBeLessThan(10_000);
    expect(app.calls.get('Range.Value2')).toBeLessThanOrEqual(4);
  });

  test('a stray cell far to the right (XFD2) is named, and the columns are not read out to it', async () => {
    const { app, sheet, host } = workbook();
    sheet.setValues('XFD2', [['备注']]);
    const read = await host.readSheet({ source: 'auto', sheet: '学校数据' });
    expect(read.values[1]).toEqual(['一小', '小学', 500, 7.2]);
    expect(read.outside).toEqual([{ row: 2, column: 16383, value: '备注' }]);
    expect(app.cellsRead).toBeLessThan(2_000);
  });
});

describe('report sheets Balance owns', () => {
  const report: ReportPlan = {
    sheetName: '均衡评估报告',
    sections: [
      { id: 'title', top: 1, values: [['报告', null]], numberFormats: [['General', 'General']] },
      { id: 'overview', top: 2, values: [['差异系数', '12']], numberFormats: [['General', 'General']] },
    ],
    styles: [],
    merges: [],
    columnWidths: [20, 12],
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      zoom: 100,
      centerHorizontally: true,
      printTitleRows: null,
      printTitleColumns: null,
      columnBreaks: [],
      header: {},
      footer: {},
    },
    rowCount: 2,
    columnCount: 2,
  };

  test('the report is marked with a hidden sheet-scoped name; an untouched one is replaced on the next run', async () => {
    const { app, host } = workbook();
    expect(await host.writeReport(report)).toEqual({
      written: ['均衡评估报告'],
      keptUserSheets: [],
      keptEdited: [],
    });
    const first = app.sheet('均衡评估报告');
    expect(first.names).toEqual([
      {
        name: 'BalanceReport',
        refersTo: expect.stringMatching(/^="Balance report v1 [0-9a-f]{16}"$/),
        visible: false,
      },
    ]);
    // WPS turned the written "12" into 12: the fingerprint is of what WPS holds, so the report still counts as untouched.
    expect(first.at('B2').value).toBe(12);
    expect(await host.writeReport(report)).toEqual({
      written: ['均衡评估报告'],
      keptUserSheets: [],
      keptEdited: [],
    });
    expect(app.sheet('均衡评估报告')).not.toBe(first);
    expect(first.deleted).toBe(true);
  });

  test("a user's sheet of the same name stays; the report goes to 均衡评估报告 (2), replaced there on the next run", async () => {
    const { app, host } = workbook();
    const mine = app.ActiveWorkbook.Worksheets.Add() as unknown as ReturnType<typeof app.sheet>;
    mine.Name = '均衡评估报告';
    mine.setValues('A1', [['我的笔记'], ['第二行']]);
    const outcome = await host.writeReport(report);
    expect(outcome).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: ['均衡评估报告'],
      keptEdited: [],
    });
    expect(app.sheet('均衡评估报告')).toBe(mine);
    expect(mine.at('A1').value).toBe('我的笔记');
    const second = app.sheet('均衡评估报告 (2)');
    expect(second.at('A1').value).toBe('报告');
    expect(await host.writeReport(report)).toEqual(outcome);
    expect(app.sheet('均衡评估报告 (2)')).not.toBe(second);
    expect(app.sheets.map((s) => s.Name).filter((n) => n.startsWith('均衡评估报告'))).toHaveLength(2);
  });

  test('an edited Balance report (a 审核人 line added) is kept and the new one written beside it', async () => {
    const { app, host } = workbook();
    await host.writeReport(report);
    const edited = app.sheet('均衡评估报告');
    edited.setValues('A10', [['审核人：李四']]);
    expect(await host.writeReport(report)).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: [],
      keptEdited: ['均衡评估报告'],
    });
    expect(app.sheet('均衡评估报告')).toBe(edited);
    expect(edited.at('A10').value).toBe('审核人：李四');
    expect(app.sheet('均衡评估报告 (2)').at('A1').value).toBe('报告');
  });
});

test('selectRow activates the sheet and selects the row; settings round-trip in a very hidden sheet', async () => {
  const { app, host } = workbook();
  app.sheet('说明').Activate();
  await host.selectRow('学校数据', 3);
  expect(app.ActiveSheet?.Name).toBe('学校数据');
  expect(app.selection?.Address()).toBe('A3:XFD3');
  await expect(host.selectRow('学校数据', 0)).rejects.toThrow('行号必须是正整数');

  expect(await host.loadSettings()).toBeNull();
  const long = { profile: 'quality-2017', note: 'x'.repeat(70000) };
  await host.saveSettings(long);
  await host.saveSettings({ profile: 'basic-2012' });
  expect(await host.loadSettings()).toEqual({ profile: 'basic-2012' });
  expect(app.sheet('_balance_settings').Visible).toBe(2);
  expect(app.ActiveSheet?.Name).toBe('学校数据');
});
