/**
 * The pane as a place to work (issue 14): feedback next to the action in the sticky bar with the next step, any sheet
 * (scan, picker, report sheet active, no selection), steps numbered 1-2-3, state that survives (last check, standard
 * switched back, plan inputs).
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import type { FakeExcel } from '../hosts/officejs/fakeExcel';
import { parseSettings } from '../../src/taskpane/settings';
import { scanOrder, tableCandidates } from '../../src/taskpane/workflow';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
const SHEET = '学校基本情况';
jest.setTimeout(60_000);

let sample: WorkbookData;
let fake: FakeExcel;
let settings: SettingsStore;

/** The sample behind a 填表说明 sheet (active) and a hidden 旧数据 copy of the table. */
function withGuide(data: WorkbookData): WorkbookData {
  const guide = {
    name: '填表说明',
    cells: [{ address: 'A1', value: '请按下表填写各校数据' }],
    merges: [],
    hiddenRows: [],
  };
  return { sheets: [guide, ...data.sheets], active: '填表说明' };
}

beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
});

beforeEach(() => {
  fake = loadWorkbook(sample);
  settings = new SettingsStore();
  installHost(fake, settings);
});

afterEach(() => uninstallHost());

const bar = () => within(screen.getByRole('region', { name: '操作' }));
const tableStep = () => within(screen.getByRole('region', { name: '数据表' }));
/** The tabs by value: role queries over the whole results pane take a minute in jsdom. */
const tab = (value: 'check' | 'plan') =>
  document.querySelector(`[role="tab"][value="${value}"]`) as HTMLButtonElement;
const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

async function opened() {
  const pane = renderPane();
  await screen.findByText(`工作表“${SHEET}”`);
  return pane;
}

async function checked() {
  fireEvent.click(button('检查并标注'));
  await screen.findByRole('region', { name: '检查结果' });
  await waitFor(() => expect(button('写入评估报告').disabled).toBe(false));
}

test('the action bar holds the three actions; 检查并标注’s result shows in it with 查看结果', async () => {
  await opened();
  for (const name of ['检查并标注', '写入评估报告', '清除标注'])
    expect(bar().getByRole('button', { name })).toBeTruthy();
  await checked();
  expect(bar().getByText(/^检查完成，已标注 \d+ 个单元格。$/)).toBeTruthy();
  expect(bar().getByRole('button', { name: '查看结果' })).toBeTruthy();
  // Not repeated out of view at the top of the pane.
  expect(screen.getAllByText(/^检查完成，已标注/)).toHaveLength(1);
});

test('写入评估报告 says so in the bar and offers 打开报告, which shows the report sheet', async () => {
  await opened();
  await checked();
  fireEvent.click(button('写入评估报告'));
  await bar().findByText(/^已写入工作表：“均衡评估报告”/);
  // The user goes back to the data; 打开报告 brings the report up again.
  fake.workbook.activate(SHEET);
  fireEvent.click(bar().getByRole('button', { name: '打开报告' }));
  await waitFor(() => expect(fake.workbook.activeSheet.name).toBe('均衡评估报告'));
  expect(fake.workbook.selection?.rect.r1).toBe(0);
});

test('an error of an action shows in the bar, next to the buttons, in Chinese', async () => {
  await opened();
  fake.workbook.sheet(SHEET).protected = true;
  fireEvent.click(button('检查并标注'));
  expect(await bar().findByText(/^标注失败：没有修改权限/)).toBeTruthy();
  expect(tableStep().queryByText(/标注失败/)).toBeNull();
});

test('the table is found on whichever visible sheet holds it; the picker offers the sheets; a sheet without a table says so', async () => {
  fake = loadWorkbook(withGuide(sample));
  fake.workbook.addSheet('旧数据').visibility = 'Hidden';
  installHost(fake, settings);
  renderPane();
  await screen.findByText(`工作表“${SHEET}”`);
  const picker = tableStep().getByRole('combobox', { name: /学校数据所在的工作表/ }) as HTMLSelectElement;
  expect(picker.value).toBe(SHEET);
  // Hidden sheets are neither scanned nor offered.
  expect([...picker.options].map((o) => o.value)).toEqual(['填表说明', SHEET]);
  fireEvent.change(picker, { target: { value: '填表说明' } });
  expect(await tableStep().findByText('工作表“填表说明”中没有找到学校数据表。')).toBeTruthy();
  // Steps stay 1, 2, 3 while no table is shown.
  expect(screen.getByRole('region', { name: '列对应' }).textContent).toContain('找到数据表后');
  expect(
    ['数据表', '列对应', '评估标准'].map((name) => screen.getByRole('region', { name }).textContent?.[0]),
  ).toEqual(['1', '2', '3']);
  fireEvent.change(picker, { target: { value: SHEET } });
  expect(await screen.findByText(`工作表“${SHEET}”`)).toBeTruthy();
});

test('no visible sheet holds a table: the pane says how many it looked at', async () => {
  fake = loadWorkbook({
    sheets: [{ name: '填表说明', cells: [{ address: 'A1', value: '说明' }], merges: [], hiddenRows: [] }],
  });
  installHost(fake, settings);
  renderPane();
  expect(await screen.findByText('已查看 1 张可见的工作表，都没有找到学校数据表。')).toBeTruthy();
  expect(screen.getByRole('region', { name: '列对应' })).toBeTruthy();
});

test('with the report sheet active after 写入评估报告, 重新识别 keeps the table and the results', async () => {
  await opened();
  await checked();
  fireEvent.click(button('写入评估报告'));
  await bar().findByText(/^已写入工作表/);
  expect(fake.workbook.activeSheet.name).toBe('均衡评估报告');
  fireEvent.click(button('重新识别'));
  await waitFor(() => expect(button('重新识别').disabled).toBe(false));
  expect(screen.getByText(`工作表“${SHEET}”`)).toBeTruthy();
  expect(screen.getByRole('region', { name: '检查结果' })).toBeTruthy();
  expect(button('写入评估报告').disabled).toBe(false);
  // The report sheet is never offered as the school table.
  const picker = screen.queryByRole('combobox', { name: /学校数据所在的工作表/ }) as HTMLSelectElement | null;
  expect(picker === null || ![...picker.options].some((o) => o.value === '均衡评估报告')).toBe(true);
});

test('使用所选区域 with nothing selected says so in Chinese, keeps the table, and shows no error code', async () => {
  await opened();
  expect(fake.workbook.selection).toBeNull();
  fireEvent.click(button('使用所选区域'));
  const message = await tableStep().findByText(/^没有可用的选中区域/);
  expect(message.closest('.fui-MessageBar')?.textContent).not.toMatch(/ItemNotFound/);
  expect(screen.getByText(`工作表“${SHEET}”`)).toBeTruthy();
  // A selection without a header: the table found stays.
  fake.workbook.select(SHEET, 'C10');
  fireEvent.click(button('使用所选区域'));
  expect(
    await tableStep().findByText(/^所选区域 C10 中没有找到学校表的表头，仍使用原来的数据表。/),
  ).toBeTruthy();
  expect(screen.getByText(`工作表“${SHEET}”`)).toBeTruthy();
});

test('the last check is kept in the workbook and shown on reopen as out of date until checked again', async () => {
  const first = await opened();
  await checked();
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({
      lastCheck: { sheet: SHEET, profile: 'quality-2017', verdict: 'fail' },
    }),
  );
  const stored = (settings.saved['balance.taskpane'] as { lastCheck: { checked: number; failed: number } })
    .lastCheck;
  expect(stored.checked).toBeGreaterThan(0);
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  renderPane();
  const card = within(await screen.findByRole('region', { name: '上次检查' }));
  expect(card.getByText('已过期 · 需重新检查')).toBeTruthy();
  expect(card.getByText(new RegExp(`参评 ${stored.checked} 所.*未达标 ${stored.failed}`))).toBeTruthy();
  // 优质均衡 judges every CV: the largest against the per-indicator limit.
  expect(card.getByText(/^小学差异系数最大 0\.\d{3}（每项标准 ≤ 0\.50）/)).toBeTruthy();
  expect(card.getByText(/^初中差异系数最大 0\.\d{3}（每项标准 ≤ 0\.45）/)).toBeTruthy();
  await screen.findByText(`工作表“${SHEET}”`);
  await checked();
  expect(screen.queryByRole('region', { name: '上次检查' })).toBeNull();
});

test('under 基本均衡 the last check shows the composite CVs against 0.65 / 0.55, not single CVs', async () => {
  const basic = await readXlsx(path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx'));
  fake = loadWorkbook(basic);
  installHost(fake, settings);
  const first = renderPane();
  await screen.findByText(/^工作表“/);
  const standard = within(screen.getByRole('region', { name: '评估标准' }));
  fireEvent.click(standard.getByRole('radio', { name: '基本均衡（2012）' }));
  await checked();
  const results = within(screen.getByRole('region', { name: '检查结果' }));
  const composites = results.getAllByText('综合差异系数');
  expect(composites.length).toBeGreaterThan(0);
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({
      lastCheck: { profile: 'basic-2012', stages: [{ mode: 'composite' }, { mode: 'composite' }] },
    }),
  );
  const stored = (settings.saved['balance.taskpane'] as { lastCheck: { stages: { cv: number }[] } })
    .lastCheck;
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  renderPane();
  const card = within(await screen.findByRole('region', { name: '上次检查' }));
  expect(card.getByText(`小学综合差异系数 ${stored.stages[0].cv.toFixed(3)}（标准 ≤ 0.65）`)).toBeTruthy();
  expect(card.getByText(`初中综合差异系数 ${stored.stages[1].cv.toFixed(3)}（标准 ≤ 0.55）`)).toBeTruthy();
  expect(card.queryByText(/每项标准/)).toBeNull();
});

test('switching the standard away and back restores the results: not stale, 写入评估报告 enabled', async () => {
  await opened();
  await checked();
  const standard = within(screen.getByRole('region', { name: '评估标准' }));
  fireEvent.click(standard.getByRole('radio', { name: '基本均衡（2012）' }));
  await screen.findByText('列对应或评估标准已修改，以下是修改前的结果，请重新检查。');
  expect(button('写入评估报告').disabled).toBe(true);
  fireEvent.click(standard.getByRole('radio', { name: '自动选择（按表中的数据列）' }));
  await waitFor(() =>
    expect(screen.queryByText('列对应或评估标准已修改，以下是修改前的结果，请重新检查。')).toBeNull(),
  );
  expect(button('写入评估报告').disabled).toBe(false);
});

test('plan inputs survive switching tabs and reopening the workbook', async () => {
  const first = await opened();
  await checked();
  fireEvent.click(tab('plan'));
  const cost = field(/体育场馆（元\/㎡）/);
  fireEvent.change(cost, { target: { value: '3000' } });
  const margin = field(/目标差异系数留余量/);
  fireEvent.change(margin, { target: { value: '5' } });
  fireEvent.click(tab('check'));
  fireEvent.click(tab('plan'));
  expect(field(/体育场馆（元\/㎡）/).value).toBe('3000');
  await waitFor(() =>
    expect(settings.saved['balance.taskpane']).toMatchObject({
      plan: { unitCosts: { sportsAreaPerStudent: '3000' }, margin: '5', byRule: false },
    }),
  );
  first.unmount();

  settings = settings.reopen();
  installHost(fake, settings);
  renderPane();
  await screen.findByText(`工作表“${SHEET}”`);
  await checked();
  fireEvent.click(tab('plan'));
  expect(field(/目标差异系数留余量/).value).toBe('5');
  expect(field(/体育场馆（元\/㎡）/).value).toBe('3000');
});

test('a margin tightens the plan’s CV target; an invalid one says so', async () => {
  await opened();
  await checked();
  fireEvent.click(tab('plan'));
  const target = () => screen.getAllByText(/目标 ≤ /)[0].textContent;
  const before = target();
  fireEvent.change(field(/目标差异系数留余量/), { target: { value: '10' } });
  await waitFor(() => expect(target()).not.toBe(before));
  fireEvent.change(field(/目标差异系数留余量/), { target: { value: '80' } });
  expect(await screen.findByText('请输入 0 到 50 之间的数字')).toBeTruthy();
});

describe('pure parts', () => {
  const sheets = [
    { name: '填表说明', visible: true, active: true },
    { name: '隐藏', visible: false, active: false },
    { name: '学校数据', visible: true, active: false },
    { name: '均衡评估报告', visible: true, active: false },
    { name: '附表', visible: true, active: false },
  ];
  test('candidates: visible, never a report sheet; order: preferred, active, saved, the rest', () => {
    expect(tableCandidates(sheets)).toEqual(['填表说明', '学校数据', '附表']);
    expect(scanOrder(sheets, [])).toEqual(['填表说明', '学校数据', '附表']);
    expect(scanOrder(sheets, ['附表'])).toEqual(['填表说明', '附表', '学校数据']);
    expect(scanOrder(sheets, ['隐藏'], '学校数据')).toEqual(['学校数据', '填表说明', '附表']);
    expect(scanOrder(sheets, [], '均衡评估报告')).toEqual(['填表说明', '学校数据', '附表']);
  });
  test('settings: the last check and plan inputs are read back; damaged ones are dropped', () => {
    const lastCheck = {
      at: '2025-01-02T03:04:05.000Z',
      sheet: 'S',
      profile: 'quality-2017',
      verdict: 'fail',
      checked: 3,
      passed: 1,
      failed: 2,
      undecided: 0,
      excluded: 0,
      stages: [
        { stage: 'primary', mode: 'each', cv: 0.41, threshold: 0.5, pass: true, over: 0, of: 7 },
        { stage: 'junior', mode: 'composite', cv: null, threshold: 0.55, pass: null },
      ],
    };
    const plan = { unitCosts: { sportsAreaPerStudent: '3000', bogus: '1' }, byRule: true, margin: '5' };
    const read = parseSettings({ version: 1, tables: {}, lastCheck, plan });
    expect(read.lastCheck).toEqual(lastCheck);
    expect(read.plan).toEqual({ unitCosts: { sportsAreaPerStudent: '3000' }, byRule: true, margin: '5' });
    const bad = parseSettings({ version: 1, lastCheck: { ...lastCheck, failed: -1 }, plan: 'x' });
    expect(bad.lastCheck).toBeUndefined();
    // A damaged stage list drops the stages only; the counts stay.
    const oddStages = parseSettings({
      version: 1,
      lastCheck: {
        ...lastCheck,
        stages: [{ stage: 'primary', mode: 'mean', cv: 1, threshold: 1, pass: true }],
      },
    });
    expect(oddStages.lastCheck).toEqual({ ...lastCheck, stages: undefined });
    expect(bad.plan).toBeUndefined();
  });
});
