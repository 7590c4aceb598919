/**
 * The task pane in jsdom against the fake Excel: find, map, choose the standard, check and mark, report, clear, plan.
 * Node export conditions because exceljs (reading the sample) ships a browser build that only a bundler can load.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { balanceNote } from '../../src/hosts/officejs/highlights';
import path from 'path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import type { FakeExcel, SheetDump } from '../hosts/officejs/fakeExcel';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
// Each test renders the whole pane; on a shared 2-core machine that takes seconds.
jest.setTimeout(60_000);

let sample: WorkbookData;
let fake: FakeExcel;
let settings: SettingsStore;

beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
});

beforeEach(() => {
  fake = loadWorkbook(sample);
  settings = new SettingsStore();
  installHost(fake, settings);
});

afterEach(() => uninstallHost());

async function opened() {
  const pane = renderPane();
  await screen.findByText('工作表“学校基本情况”');
  return pane;
}

test('finds the table on the active sheet: sheet, header row, school rows', async () => {
  await opened();
  expect(screen.getByText(/表头在第 2 行/)).toBeTruthy();
  expect(screen.getByText('38 行学校数据，另有 1 行不是学校（合计、说明等）已跳过')).toBeTruthy();
});

test('a stray cell in B1048576 is named as not part of the table; the table is found as before', async () => {
  fake.workbook.sheet('学校基本情况').setCell('B1048576', { value: '制表人：张三' });
  await opened();
  expect(
    await screen.findByText('以下单元格不属于学校表，未作为数据读取：B1048576 “制表人：张三”'),
  ).toBeTruthy();
  expect(screen.getByText('38 行学校数据，另有 1 行不是学校（合计、说明等）已跳过')).toBeTruthy();
  expect(fake.cellsLoaded).toBeLessThan(200_000);
});

function mappingPanel() {
  return screen.getByRole('region', { name: '列对应' });
}

async function expandMapping() {
  fireEvent.click(within(mappingPanel()).getByRole('button', { name: /查看或修改各列对应的字段/ }));
  return within(mappingPanel());
}

test('the automatic mapping shows one dropdown per field, with the recognised column', async () => {
  await opened();
  const panel = await expandMapping();
  const students = panel.getByRole('combobox', { name: /^在校生数（人）/ });
  expect(students.textContent).toBe('E 列 · 在校生数（人）');
  const equipment = panel.getByRole('combobox', { name: /^教学仪器设备值（元）/ });
  expect(equipment.textContent).toBe('S 列 · 教学仪器设备值（万元）');
  // The header unit converts to the field's base unit, and the pane says so.
  expect(panel.getByText('按表头单位“万元”换算')).toBeTruthy();
  expect(within(mappingPanel()).getByText('已对应 27 列')).toBeTruthy();
});

function dumpAll(excel: FakeExcel): SheetDump[] {
  return excel.workbook.sheets.map((sheet) => sheet.dump());
}

/** Picks an option of a Fluent Dropdown. */
async function choose(combobox: HTMLElement, option: string) {
  fireEvent.click(combobox);
  const listbox = await screen.findByRole('listbox');
  fireEvent.click(within(listbox).getByRole('option', { name: option }));
}

function checkButton() {
  return screen.getByRole('button', { name: '检查并标注' }) as HTMLButtonElement;
}

async function checked() {
  fireEvent.click(checkButton());
  return screen.findByRole('region', { name: '检查结果' });
}

test('changing a dropdown remaps the field, marks a missing required field, and saves the mapping in the workbook', async () => {
  await opened();
  const panel = await expandMapping();
  await choose(panel.getByRole('combobox', { name: /^学校名称/ }), '（不使用）');
  expect(panel.getByText('必填：请选择对应的列')).toBeTruthy();
  expect(within(mappingPanel()).getByText('缺少必填列：学校名称')).toBeTruthy();
  expect(checkButton().disabled).toBe(true);
  expect(screen.getByText('请先补全必填列')).toBeTruthy();
  await waitFor(() => expect(settings.saves).toBeGreaterThan(0));
  await waitFor(() => {
    const stored = settings.saved['balance.taskpane'] as { tables: Record<string, { columns: object }> };
    expect(Object.keys(stored.tables['学校基本情况'].columns)).not.toContain('name');
  });

  await choose(panel.getByRole('combobox', { name: /^学校名称/ }), 'B 列 · 学校名称');
  expect(panel.queryByText('必填：请选择对应的列')).toBeNull();
  expect(checkButton().disabled).toBe(false);
});

test('a sheet without a 在校生数 column: the field is marked required and the check cannot start', async () => {
  fake = loadWorkbook({
    sheets: [
      {
        name: '学校数据',
        cells: [
          { address: 'A1', value: '学校名称' },
          { address: 'B1', value: '学校类型' },
          { address: 'C1', value: '体育运动场馆面积' },
          { address: 'A2', value: '城关小学' },
          { address: 'B2', value: '小学' },
          { address: 'C2', value: 6300 },
        ],
        merges: [],
        hiddenRows: [],
      },
    ],
  });
  installHost(fake, settings);
  renderPane();
  await screen.findByText('工作表“学校数据”');
  // Opened by itself: something needs the user's attention.
  const panel = within(mappingPanel());
  expect(panel.getByRole('combobox', { name: /^在校生数/ }).getAttribute('aria-invalid')).toBe('true');
  expect(panel.getByText('必填：请选择对应的列')).toBeTruthy();
  expect(checkButton().disabled).toBe(true);
});

test('switching the standard shows its thresholds: 优质均衡 single CVs and school rule, 基本均衡 composite', async () => {
  await opened();
  const profile = within(screen.getByRole('region', { name: '评估标准' }));
  expect(profile.getByText('每项指标的差异系数：小学 ≤ 0.50，初中 ≤ 0.45')).toBeTruthy();
  expect(profile.getByText('学校达标：7 项指标中至少 6 项达到标准，其余不低于标准的 85%')).toBeTruthy();
  const sports = profile.getByText('体育场馆').closest('tr') as HTMLElement;
  expect(
    within(sports)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['体育场馆', '7.5㎡', '10.2㎡']);

  fireEvent.click(profile.getByRole('radio', { name: '基本均衡（2012）' }));
  expect(profile.getByText('综合差异系数（各项差异系数的平均值）：小学 ≤ 0.65，初中 ≤ 0.55')).toBeTruthy();
  expect(profile.getByText('不做学校达标判定，只计算差异系数。')).toBeTruthy();
  expect(profile.getAllByText('只算差异系数')).toHaveLength(8);
});

test('a custom standard: pasted JSON is validated with the engine’s messages, a valid one shows its thresholds', async () => {
  await opened();
  const profile = within(screen.getByRole('region', { name: '评估标准' }));
  fireEvent.click(profile.getByRole('radio', { name: '自定义标准' }));
  expect(profile.getByText('请粘贴或选择标准配置。')).toBeTruthy();
  expect(checkButton().disabled).toBe(true);
  const box = profile.getByRole('textbox', { name: /标准配置（JSON）/ });
  fireEvent.change(box, {
    target: { value: '{ "extends": "quality-2017", "schoolRule": { "k": 9, "r": 2 } }' },
  });
  expect(profile.getByText('标准配置有误')).toBeTruthy();
  // The form shows each message by the field it names.
  // (k is checked against the indicators only once every value reads.)
  expect(profile.getByText('有 1 处需要修改，见各项下方的提示。')).toBeTruthy();
  expect(profile.getByText('必须在 0 到 1 之间')).toBeTruthy();
  expect(screen.getByText('请先修正评估标准')).toBeTruthy();

  fireEvent.change(box, {
    target: {
      value: '{ "extends": "quality-2017", "cv": { "thresholds": { "primary": 0.4, "junior": 0.35 } } }',
    },
  });
  expect(profile.getByText('每项指标的差异系数：小学 ≤ 0.40，初中 ≤ 0.35')).toBeTruthy();
  expect(checkButton().disabled).toBe(false);
});

test('a custom standard from a .json file is read and validated like pasted text', async () => {
  await opened();
  const profile = within(screen.getByRole('region', { name: '评估标准' }));
  fireEvent.click(profile.getByRole('radio', { name: '自定义标准' }));
  const json = '{ "extends": "basic-2012", "cv": { "thresholds": { "primary": 0.6, "junior": 0.5 } } }';
  fireEvent.change(screen.getByTestId('profile-file'), {
    target: { files: [new File([json], '本省标准.json', { type: 'application/json' })] },
  });
  expect(
    await profile.findByText('综合差异系数（各项差异系数的平均值）：小学 ≤ 0.60，初中 ≤ 0.50'),
  ).toBeTruthy();
  expect((profile.getByRole('textbox', { name: /标准配置（JSON）/ }) as HTMLTextAreaElement).value).toBe(
    json,
  );
});

test('a failed save of the settings is reported, not swallowed', async () => {
  await opened();
  settings.failNextSave = true;
  fireEvent.click(screen.getByRole('radio', { name: '基本均衡（2012）' }));
  expect(await screen.findByText('保存加载项设置失败：Excel 内部错误（GeneralException）')).toBeTruthy();
});

test('检查并标注: the counts, the CV table per stage with badges, the failing schools, the excluded with reasons', async () => {
  const pane = await opened();
  const original = dumpAll(fake);
  const results = within(await checked());
  expect(pane.operations.applyHighlights).toHaveBeenCalledTimes(1);
  expect(results.getByText('未全部达标')).toBeTruthy();
  expect(results.getByRole('listitem', { name: '参评 37' })).toBeTruthy();
  expect(results.getByRole('listitem', { name: '达标 33' })).toBeTruthy();
  expect(results.getByRole('listitem', { name: '未达标 4' })).toBeTruthy();
  expect(results.getByRole('listitem', { name: '未纳入 2' })).toBeTruthy();

  const primary = within(results.getByRole('table', { name: '小学' }));
  const equipment = primary.getByText('仪器设备').closest('tr') as HTMLElement;
  expect(
    within(equipment)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['仪器设备', '0.582', '未达标']);
  const sports = primary.getByText('体育场馆').closest('tr') as HTMLElement;
  expect(
    within(sports)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['体育场馆', '0.089', '达标']);
  expect(results.getAllByText('标准：每项差异系数 ≤ 0.50')).toHaveLength(1);
  expect(results.getAllByText('标准：每项差异系数 ≤ 0.45')).toHaveLength(1);
  expect(results.getByRole('heading', { name: /^初中 · / }).textContent).toMatch(
    /^初中 · \d+ 所 · [\d,]+ 名学生$/,
  );

  const failing = results.getByRole('button', { name: '未达标学校（4）' });
  expect(failing.getAttribute('aria-expanded')).toBe('true');
  // The reason names the rule that fails, then both amounts: to the 85% floor (the school passes) and to the standard.
  const yangzhuang = results.getByRole('button', { name: '定位到 柳河镇杨庄小学' }).textContent;
  expect(yangzhuang).toContain('6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线');
  expect(yangzhuang).toContain('增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准');
  expect(yangzhuang).not.toContain('7 项指标达标 6 项');
  expect(screen.getByText(/^检查完成，已标注 \d+ 个单元格。$/)).toBeTruthy();
  // 柳河镇杨庄小学 (row 15) fails on its sports area: the name turns red, the area cell amber, both with notes.
  const sheet = fake.workbook.sheet('学校基本情况');
  expect(sheet.cell('B15').fill.color).toBe('#FF9999');
  expect(sheet.cell('R15').fill.color).toBe('#FFE699');
  expect(sheet.dump().notes.R15.content).toBe(
    balanceNote(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准',
      null,
    ),
  );

  // The legend of every colour painted on the sheet, the allowance's with the profile's 85%.
  const legend = within(results.getByRole('list', { name: '工作表标注颜色' }));
  expect(legend.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '学校名称：该校未达到校际标准（说明见批注）',
    '数值低于标准，且该校未达标；或未通过其他检查（班额、规模、功能室）',
    '数值低于标准，但在 85% 允许范围内，学校仍达标',
    '数据问题：缺少、无效或需核对的数据',
  ]);
  const swatches = legend
    .getAllByRole('listitem')
    .map((li) => (li.querySelector('span[aria-hidden]') as HTMLElement).style.backgroundColor);
  expect(swatches).toEqual([
    'rgb(255, 153, 153)',
    'rgb(255, 230, 153)',
    'rgb(255, 242, 204)',
    'rgb(217, 210, 233)',
  ]);
  expect(sheet.cell('C15').fill).toEqual(original[0].cells.C15.fill);

  fireEvent.click(results.getByRole('button', { name: '未纳入计算（2）' }));
  expect(results.getByText('李家沟教学点')).toBeTruthy();
  expect(results.getByText('教学点在校生 28 人，少于 50 人，不参与差异系数计算和学校达标判定')).toBeTruthy();
  expect(results.getByText('特殊教育学校不参与差异系数计算和学校达标判定')).toBeTruthy();
});

test('a CV within 0.0005 of its threshold carries a near-threshold note (spec §3)', async () => {
  await opened();
  const profile = within(screen.getByRole('region', { name: '评估标准' }));
  fireEvent.click(profile.getByRole('radio', { name: '自定义标准' }));
  // The sample's 小学 equipment CV is 0.581747…; a threshold of 0.5815 is 0.000247 below it.
  fireEvent.change(profile.getByRole('textbox', { name: /标准配置（JSON）/ }), {
    target: {
      value: '{ "extends": "quality-2017", "cv": { "thresholds": { "primary": 0.5815, "junior": 0.45 } } }',
    },
  });
  const results = within(await checked());
  const primary = within(results.getByRole('table', { name: '小学' }));
  const equipment = primary.getByText('仪器设备').closest('tr') as HTMLElement;
  expect(within(equipment).getByText('接近标准（相差 0.000247）')).toBeTruthy();
  expect(
    within(equipment)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['仪器设备接近标准（相差 0.000247）', '0.582', '未达标']);
  expect(results.getByText('标准：每项差异系数 ≤ 0.5815')).toBeTruthy();
});

test('data problems list row, column and message; clicking one selects its row', async () => {
  fake = loadWorkbook({
    sheets: [
      {
        name: '学校数据',
        cells: [
          ...['学校名称', '学校类型', '在校生数', '体育运动场馆面积'].map((value, i) => ({
            address: `${'ABCD'[i]}1`,
            value,
          })),
          ...[
            ['城关小学', '小学', 1000, 8000],
            ['实验小学', '小学', '一千', 9000],
          ].flatMap((row, r) => row.map((value, i) => ({ address: `${'ABCD'[i]}${r + 2}`, value }))),
        ],
        merges: [],
        hiddenRows: [],
      },
    ],
  });
  installHost(fake, settings);
  const pane = renderPane();
  await screen.findByText('工作表“学校数据”');
  const results = within(await checked());
  fireEvent.click(results.getByRole('button', { name: /^数据问题（\d+）$/ }));
  // Table-level problems (columns the standard needs) first, then cells in row order.
  expect(results.getAllByText('错误 · 整表')).toHaveLength(6);
  const [notNumber, missing] = results
    .getAllByText('错误 · 第 3 行 C 列')
    .map((p) => p.closest('button') as HTMLButtonElement);
  expect(notNumber.textContent).toContain('「学校数据」第 3 行 C 列（在校生数）：“一千” 不是数字');
  expect(missing.textContent).toContain('缺少在校生数，该校无法计算任何指标（不按 0 计算）');
  const item = notNumber;
  fireEvent.click(item);
  await waitFor(() => expect(pane.operations.selectRow).toHaveBeenCalledWith('学校数据', 3));
});

test('clicking a failing school selects its row in the sheet', async () => {
  const pane = await opened();
  const results = within(await checked());
  fireEvent.click(results.getByRole('button', { name: '定位到 白马乡初级中学' }));
  const school = await waitFor(() => {
    expect(pane.operations.selectRow).toHaveBeenCalled();
    return pane.operations.selectRow.mock.calls[0];
  });
  const row = sample.sheets[0].cells
    .find((c) => c.value === '白马乡初级中学')
    ?.address.replace(/^[A-Z]+/, '');
  expect(school).toEqual(['学校基本情况', Number(row)]);
  await waitFor(() =>
    expect(fake.workbook.selection?.rect).toMatchObject({ r1: Number(row) - 1, r2: Number(row) - 1 }),
  );
});

test('an Excel error is shown in a MessageBar in Chinese, and the buttons work again afterwards', async () => {
  await opened();
  fake.workbook.sheet('学校基本情况').protected = true;
  fireEvent.click(checkButton());
  const alert = await screen.findByText(/^标注失败：没有修改权限，工作表或工作簿可能受保护（AccessDenied）$/);
  const bar = alert.closest('.fui-MessageBar') as HTMLElement;
  expect(within(bar).getByText('操作失败')).toBeTruthy();
  // Nothing was painted: the sheet refused the first write.
  expect(fake.workbook.sheet('学校基本情况').cell('B15').fill.color).toBe('#FFFFFF');
  await waitFor(() => expect(checkButton().disabled).toBe(false));
});

test('buttons are disabled while an operation runs, with a progress indicator', async () => {
  await opened();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const real = (globalThis as unknown as { Excel: { run: (b: unknown) => Promise<unknown> } }).Excel.run;
  (globalThis as unknown as { Excel: { run: (b: unknown) => Promise<unknown> } }).Excel.run = async (
    batch,
  ) => {
    await gate;
    return real(batch);
  };
  fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
  expect(await screen.findByText('正在清除标注…')).toBeTruthy();
  expect(checkButton().disabled).toBe(true);
  expect((screen.getByRole('button', { name: '重新识别' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByRole('progressbar', { name: '正在清除标注…' })).toBeTruthy();
  await act(async () => release());
  expect(await screen.findByText('没有需要清除的标注。')).toBeTruthy();
  expect(checkButton().disabled).toBe(false);
});

test('写入评估报告 writes the report and 整改测算 sheets; 清除标注 puts the workbook back exactly as it was', async () => {
  await opened();
  const original = dumpAll(fake);
  await checked();
  expect(fake.workbook.findSheet('_balance_marks')).toBeDefined();
  fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
  expect(
    await screen.findByText(
      '已写入工作表：“均衡评估报告”、“整改测算”、“表Ⅱ-1 资源配置达标情况”、“表Ⅱ-2 学校资源配置情况”、“表Ⅲ 县域义务教育校际均衡情况”。',
    ),
  ).toBeTruthy();
  expect(fake.workbook.sheet('均衡评估报告').cell('A1').value).toBe(
    '示例县2026年义务教育优质均衡发展评估报告',
  );
  expect(fake.workbook.sheet('整改测算').cell('A1').value).toBe('示例县2026年义务教育优质均衡发展整改测算');
  expect(fake.workbook.sheet('表Ⅱ-2 学校资源配置情况').cell('A1').value).toBe('表Ⅱ-2 学校资源配置情况');

  fireEvent.click(screen.getByRole('button', { name: '清除标注' }));
  expect(await screen.findByText(/^已清除标注，恢复了 \d+ 个单元格。$/)).toBeTruthy();
  const written = new Set(['均衡评估报告', '整改测算', '表Ⅱ-1 资源配置达标情况', '表Ⅱ-2 学校资源配置情况']);
  const after = dumpAll(fake).filter(
    (s) => !written.has(s.name) && s.name !== '表Ⅲ 县域义务教育校际均衡情况',
  );
  expect(after).toEqual(original);
});

test('写入评估报告 writes only the ticked sheets; the choice is saved in the workbook and comes back on the next open', async () => {
  const first = await opened();
  const choice = () => within(screen.getByRole('group', { name: '写入哪些工作表' }));
  const box = (name: string) => choice().getByRole('checkbox', { name }) as HTMLInputElement;
  // 优质均衡 (auto from the sample's columns): the reports, then 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ, all ticked.
  expect(
    choice()
      .getAllByRole('checkbox')
      .map((c) => (c as HTMLInputElement).labels?.[0]?.textContent),
  ).toEqual([
    '均衡评估报告',
    '整改测算',
    '表Ⅱ-1 资源配置达标情况',
    '表Ⅱ-2 学校资源配置情况',
    '表Ⅲ 县域义务教育校际均衡情况',
  ]);
  expect(box('表Ⅱ-2 学校资源配置情况').checked).toBe(true);
  fireEvent.click(box('整改测算'));
  fireEvent.click(box('表Ⅱ-2 学校资源配置情况'));
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({ reportSheetsOff: ['remediation', 'schools'] }),
  );
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  renderPane();
  await screen.findByText('工作表“学校基本情况”');
  await waitFor(() => expect(box('整改测算').checked).toBe(false));
  expect(box('表Ⅱ-2 学校资源配置情况').checked).toBe(false);
  expect(box('表Ⅱ-1 资源配置达标情况').checked).toBe(true);

  await checked();
  fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
  expect(
    await screen.findByText(
      '已写入工作表：“均衡评估报告”、“表Ⅱ-1 资源配置达标情况”、“表Ⅲ 县域义务教育校际均衡情况”。',
    ),
  ).toBeTruthy();
  expect(fake.workbook.findSheet('表Ⅲ 县域义务教育校际均衡情况')).toBeDefined();
  expect(fake.workbook.findSheet('整改测算')).toBeUndefined();
  expect(fake.workbook.findSheet('表Ⅱ-2 学校资源配置情况')).toBeUndefined();

  // Nothing ticked: nothing to write, and the pane says so.
  for (const name of ['均衡评估报告', '表Ⅱ-1 资源配置达标情况', '表Ⅲ 县域义务教育校际均衡情况'])
    fireEvent.click(box(name));
  expect(await screen.findByText('请至少选择一个要写入的工作表')).toBeTruthy();
  expect((screen.getByRole('button', { name: '写入评估报告' }) as HTMLButtonElement).disabled).toBe(true);
});

test("写入评估报告 keeps the user's own 整改测算 sheet and an edited report, and says where the new ones went", async () => {
  await opened();
  const mine = fake.workbook.addSheet('整改测算', [['我的测算'], [100]]);
  await checked();
  fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
  expect(
    await screen.findByText(
      '工作表“整改测算”不是均衡评估助手生成的，已原样保留；新的报告写入了“整改测算 (2)”。',
    ),
  ).toBeTruthy();
  expect(
    screen.getByText(
      '已写入工作表：“均衡评估报告”、“整改测算 (2)”、“表Ⅱ-1 资源配置达标情况”、“表Ⅱ-2 学校资源配置情况”、“表Ⅲ 县域义务教育校际均衡情况”。',
    ),
  ).toBeTruthy();
  expect(fake.workbook.sheet('整改测算')).toBe(mine);
  expect(mine.cell('A2').value).toBe(100);

  fake.workbook.sheet('均衡评估报告').setCell('A200', { value: '审核人：李四' });
  fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
  expect(
    await screen.findByText(
      '评估报告“均衡评估报告”在生成后被修改过，已保留您的修改；新的报告写入了“均衡评估报告 (2)”、“整改测算 (2)”。',
    ),
  ).toBeTruthy();
  expect(fake.workbook.sheet('均衡评估报告').cell('A200').value).toBe('审核人：李四');
});

test('the next open needs no clicks: mapping and standard come back from the workbook settings', async () => {
  const first = await opened();
  const panel = await expandMapping();
  await choose(panel.getByRole('combobox', { name: /^学校名称/ }), 'A 列 · 序号');
  fireEvent.click(screen.getByRole('radio', { name: '基本均衡（2012）' }));
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({
      profile: { kind: 'builtin', id: 'basic-2012' },
    }),
  );
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  const second = renderPane();
  expect(await screen.findByText('已沿用本工作簿上次保存的列对应和评估标准。')).toBeTruthy();
  expect((screen.getByRole('radio', { name: '基本均衡（2012）' }) as HTMLInputElement).checked).toBe(true);
  const again = await expandMapping();
  expect(again.getByRole('combobox', { name: /^学校名称/ }).textContent).toBe('A 列 · 序号');
  expect(second.operations.readSheet).toHaveBeenCalledTimes(1);
});

test('spec §8: “—”“/”“无” read as 0 by default; the switch reads them as missing data and comes back on the next open', async () => {
  const first = await opened();
  const dashes = screen.getByRole('switch', { name: '“—”“/”“无”按 0（无）计' }) as HTMLInputElement;
  expect(dashes.checked).toBe(true);
  fireEvent.click(dashes);
  await waitFor(() => expect(settings.saved['balance.taskpane']).toMatchObject({ dashes: 'unknown' }));
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  renderPane();
  await screen.findByText('工作表“学校基本情况”');
  await waitFor(() =>
    expect((screen.getByRole('switch', { name: '“—”“/”“无”按 0（无）计' }) as HTMLInputElement).checked).toBe(
      false,
    ),
  );
});

test('整改测算: per indicator the total to add (money in its column’s unit), the schools and the CV after; unit costs give a budget in 元', async () => {
  await opened();
  await checked();
  fireEvent.click(screen.getByRole('tab', { name: /整改测算/ }));
  const primary = within(screen.getByRole('region', { name: '小学' }));
  const equipment = primary.getByText('仪器设备').closest('li') as HTMLElement;
  expect(within(equipment).getByText(/^差异系数 0\.582 → 0\.\d{3}（目标 ≤ 0\.50）$/)).toBeTruthy();
  // The sample's equipment column is in 万元: the amount to add is in 万元 too, with two decimals.
  expect(within(equipment).getByText(/^需增加 [\d,]+\.\d{2}万元 · 涉及 \d+ 所学校$/)).toBeTruthy();
  expect(primary.getByText('填写单位成本后可估算预算')).toBeTruthy();

  const costs = within(screen.getByRole('region', { name: '单位成本（可选，用于估算预算）' }));
  fireEvent.change(costs.getByRole('textbox', { name: '体育场馆（元/㎡）' }), {
    target: { value: '１,２００' },
  });
  fireEvent.change(costs.getByRole('textbox', { name: '骨干教师（元/人）' }), { target: { value: 'abc' } });
  expect(costs.getByText('请输入不小于 0 的数字')).toBeTruthy();
  const sports = primary.getByText('体育场馆').closest('li') as HTMLElement;
  expect(within(sports).getByText(/^约 [\d,]+ 元$/)).toBeTruthy();
});

test('English display language: the same pane in English', async () => {
  renderPane({ language: 'en-US' });
  expect(await screen.findByText('Sheet “学校基本情况”')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Check and mark' })).toBeTruthy();
  expect(screen.getByRole('tab', { name: /Remediation/ })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Check and mark' }));
  const legend = await screen.findByRole('list', { name: 'Colours marked on the sheet' });
  expect(
    within(legend).getByText(
      'Below standard but within the allowance (at least 85% of it): the school still passes',
    ),
  ).toBeTruthy();
});

test('基本均衡: each stage is judged by its composite CV (the mean of the 8), shown as the last row', async () => {
  fake = loadWorkbook(await readXlsx(path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx')));
  installHost(fake, settings);
  renderPane();
  await screen.findByText(/^工作表“/);
  fireEvent.click(screen.getByRole('radio', { name: '基本均衡（2012）' }));
  const results = within(await checked());
  const primary = within(results.getByRole('table', { name: '小学' }));
  expect(primary.getAllByRole('row')).toHaveLength(1 + 8 + 1);
  const composite = primary.getByText('综合差异系数').closest('tr') as HTMLElement;
  const [, value, verdict] = within(composite)
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(value).toMatch(/^0\.\d{3}$/);
  expect(['达标', '未达标']).toContain(verdict);
  expect(results.getByText('标准：综合差异系数 ≤ 0.65')).toBeTruthy();
  expect(results.getByText('标准：综合差异系数 ≤ 0.55')).toBeTruthy();
  expect(results.getByText('该标准不做学校达标判定。')).toBeTruthy();
  // 师生比 is teachers per student (spec §2.2); staff write it as students per teacher beside it.
  const ratio = primary.getByText('师生比').closest('tr') as HTMLElement;
  expect(ratio.textContent).toMatch(/县均值 0\.\d{1,4}（即 1:\d+\.\d）/);
});

test('使用所选区域 reads the selected range, and the next open reads that range again', async () => {
  fake.workbook.select('学校基本情况', 'A2:AB20');
  const first = await opened();
  fireEvent.click(screen.getByRole('button', { name: '使用所选区域' }));
  expect(await screen.findByText(/^所选区域 A2:AB20 · 表头在第 2 行$/)).toBeTruthy();
  expect(screen.getByText(/^18 行学校数据/)).toBeTruthy();
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({
      tables: { 学校基本情况: { address: 'A2:AB20' } },
    }),
  );
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  const second = renderPane();
  expect(await screen.findByText(/^所选区域 A2:AB20 · /)).toBeTruthy();
  // One read: the range saved for the active sheet, found by listing the sheets first.
  expect(second.operations.readSheet.mock.calls.map(([request]) => request)).toEqual([
    { source: 'range', sheet: '学校基本情况', address: 'A2:AB20' },
  ]);
});

test('a column renamed since the table was found: no marks from a stale mapping, the header is read again', async () => {
  const pane = await opened();
  fake.workbook.sheet('学校基本情况').setCell('E2', { value: '在校学生数（人）' });
  fireEvent.click(checkButton());
  expect(await screen.findByText(/^表头与上次识别时不同/)).toBeTruthy();
  expect(pane.operations.applyHighlights).not.toHaveBeenCalled();
  const panel = await expandMapping();
  expect(panel.getByRole('combobox', { name: /^在校生数（人）/ }).textContent).toBe(
    'E 列 · 在校学生数（人）',
  );
  fireEvent.click(checkButton());
  expect(await screen.findByRole('region', { name: '检查结果' })).toBeTruthy();
});

test('a hostile custom standard stored in the workbook: the pane opens on 优质均衡 with a notice, Object.prototype intact', async () => {
  const hostile = '{"split":{"weights":{"__proto__":{"toString":1}}}}';
  settings.set('balance.taskpane', { version: 1, profile: { kind: 'custom', text: hostile }, tables: {} });
  await opened();
  expect(await screen.findByText(/^本工作簿保存的自定义评估标准有误，已改用优质均衡/)).toBeTruthy();
  expect(screen.getByText(/split\.weights\.__proto__ 是保留的键名/)).toBeTruthy();
  expect((screen.getByRole('radio', { name: /^优质均衡/ }) as HTMLInputElement).checked).toBe(true);
  expect(Object.prototype.toString).not.toBe(1);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
});

/** A 优质均衡 sheet of two identical primary schools at every standard; `key2` is the second one's 骨干教师 cell. */
function twoSchools(key2: string | number) {
  const header = [
    '学校名称',
    '学校类型',
    '在校生数',
    '高于规定学历教师数',
    '县级以上骨干教师数',
    '体育、艺术（美术、音乐）专任教师数',
    '教学及辅助用房面积',
    '体育运动场（馆）面积',
    '教学仪器设备值',
    '网络多媒体教室数',
  ];
  // 1000 students: 4.2, 1.0, 0.9 per 100; 4.5, 7.5 ㎡ and 2000 元 per student; 2.3 rooms per 100 — the standards.
  const school = (name: string, key: string | number) => [
    name,
    '小学',
    1000,
    42,
    key,
    9,
    4500,
    7500,
    2000000,
    23,
  ];
  const rows = [header, school('东关小学', 10), school('北山小学', key2)];
  const letters = 'ABCDEFGHIJ';
  return loadWorkbook({
    sheets: [
      {
        name: '学校数据',
        cells: rows.flatMap((row, r) => row.map((value, c) => ({ address: `${letters[c]}${r + 1}`, value }))),
        merges: [],
        hiddenRows: [],
      },
    ],
  });
}

test('one school lacks a value: the county is 无法判定 (badge, tile and list), never 全部达标', async () => {
  fake = twoSchools('不详');
  installHost(fake, settings);
  renderPane();
  await screen.findByText('工作表“学校数据”');
  const results = await checked();
  expect(within(results).getByText('无法判定', { selector: '.fui-Badge, .fui-Badge *' })).toBeTruthy();
  expect(within(results).queryByText('全部达标')).toBeNull();
  expect(within(results).getByRole('listitem', { name: '无法判定 1' })).toBeTruthy();
  expect(within(results).getByRole('status', { name: '原因' }).textContent).toMatch(/北山小学/);
  expect(within(results).getByText('缺数据、无法判定（1）')).toBeTruthy();
  const list = within(results)
    .getByText('缺数据、无法判定（1）')
    .closest('.fui-AccordionItem') as HTMLElement;
  expect(within(list).getByText(/北山小学/)).toBeTruthy();
  expect(within(list).getByText(/^缺少 E3/)).toBeTruthy();
});

test('the same sheet with the value given passes: 全部达标 (the undecided case is the missing value alone)', async () => {
  fake = twoSchools(10);
  installHost(fake, settings);
  renderPane();
  await screen.findByText('工作表“学校数据”');
  const results = await checked();
  expect(within(results).getByText('全部达标')).toBeTruthy();
});

function profileRegion() {
  return within(screen.getByRole('region', { name: '评估标准' }));
}

test('自动选择 is the first standard and the default: the 优质均衡 sample gets 优质均衡, with why and what it needs', async () => {
  await opened();
  const profile = profileRegion();
  const radios = profile.getAllByRole('radio') as HTMLInputElement[];
  expect(radios[0].parentElement?.textContent).toBe('自动选择（按表中的数据列）');
  expect(radios[0].checked).toBe(true);
  expect(profile.getByText('已选择：优质均衡（2017）')).toBeTruthy();
  expect(profile.getByText(/^表中有优质均衡所需的全部数据列，按优质均衡评估（基本均衡缺少：/)).toBeTruthy();
  const needs = within(profile.getByRole('list', { name: '该标准需要的数据列' }));
  expect(needs.getAllByRole('listitem').map((li) => li.textContent)).toContain('✓县级以上骨干教师数已有');
  expect(profile.getByText(/表中已有全部 \d+ 项/)).toBeTruthy();
  expect(within(mappingPanel()).getByText('已对应 27 列')).toBeTruthy();
});

test('自动选择 on the 基本均衡 sample picks 基本均衡 and checks with it (composite CVs)', async () => {
  fake = loadWorkbook(await readXlsx(path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx')));
  installHost(fake, settings);
  renderPane();
  await screen.findByText(/^工作表“/);
  const profile = profileRegion();
  expect(profile.getByText('已选择：基本均衡（2012）')).toBeTruthy();
  expect(profile.getByText(/^表中有基本均衡所需的全部数据列，按基本均衡评估（优质均衡缺少：/)).toBeTruthy();
  expect(profile.getByText('综合差异系数（各项差异系数的平均值）：小学 ≤ 0.65，初中 ≤ 0.55')).toBeTruthy();
  const results = within(await checked());
  expect(results.getByText('标准：综合差异系数 ≤ 0.65')).toBeTruthy();
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({ profile: { kind: 'auto' } }),
  );
});

test('a column the standard needs is missing: the mapping is not shown green, it warns and lists what is missing', async () => {
  await opened();
  const panel = await expandMapping();
  fireEvent.click(profileRegion().getByRole('radio', { name: '优质均衡（2017）' }));
  await choose(panel.getByRole('combobox', { name: /^网络多媒体教室数/ }), '（不使用）');
  const mapping = within(mappingPanel());
  expect(mapping.queryByText(/^已对应/)).toBeNull();
  const badge = mapping.getByText('标准所需缺 1 列');
  expect(badge.className).not.toMatch(/success/);
  expect(mapping.getByRole('status').textContent).toMatch(/^所选评估标准还需要：网络多媒体教室数。/);
  const needs = within(profileRegion().getByRole('list', { name: '该标准需要的数据列' }));
  expect(needs.getAllByRole('listitem').map((li) => li.textContent)).toContain('✗网络多媒体教室数缺少');
  expect(profileRegion().getByText(/缺少 1 项/)).toBeTruthy();
});

test('auto with a column missing from both standards: 优质均衡 is kept and the pane says what each lacks', async () => {
  await opened();
  const panel = await expandMapping();
  await choose(panel.getByRole('combobox', { name: /^网络多媒体教室数/ }), '（不使用）');
  const profile = profileRegion();
  expect(profile.getByText('已选择：优质均衡（2017）')).toBeTruthy();
  expect(
    profile.getByText(
      /^表中数据列对两种标准都不全，按优质均衡评估：优质均衡缺少：网络多媒体教室数；基本均衡缺少：/,
    ),
  ).toBeTruthy();
});
