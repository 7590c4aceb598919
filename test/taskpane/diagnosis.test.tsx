/**
 * The diagnosis of a CV in the pane: clicking a CV opens its view (chart, shares, movers, flags), and back returns.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { loadWorkbook, type CellData } from '../support/fakeHostData';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

jest.setTimeout(60_000);

/**
 * Six junior schools with sports areas: 城关中学 1000 students on 56,100 ㎡ (56.1 ㎡ per student, a likely typing
 * error), five of 500 students at 14.2, 13.1, 15.0, 12.8, 13.9 ㎡; 东山中学 has no area (unknown, not 0).
 * By hand: ΣR = 56,100 + 7,100 + 6,550 + 7,500 + 6,400 + 6,950 = 90,600 ㎡, ΣP = 3,500, X̄ = 25.885714 ≈ 25.9;
 * Σ Pᵢ(Xᵢ − X̄)² = 1000·30.214² + 500·(11.686² + 12.786² + 10.886² + 13.086² + 11.986²) = 1,279,614.3;
 * S = √(1,279,614.3/3,500) = 19.1208, CV = 0.739. Shares (‰): 713.42, 53.36, 63.88, 46.30, 66.91, 56.13; rounded
 * to 0.1% they sum to 99.9, so the largest remainders (.91, .88, .42) get the three leftover tenths: 城关中学 71.4%.
 * Median (13.9 + 14.2)/2 = 14.05, shown to one decimal as 14.1.
 * Without 城关中学 the others (13.8 mean) have CV 0.057; at their mean 13.8 the CV is 0.057·√(2500/3500) = 0.048.
 * 56.1 / 25.885714 = 2.17 → "为县均值的 2.2 倍".
 */
const SCHOOLS: [string, number, number | null][] = [
  ['第一中学', 500, 7100],
  ['城关中学', 1000, 56100],
  ['第二中学', 500, 6550],
  ['第三中学', 500, 7500],
  ['东山中学', 400, null],
  ['第四中学', 500, 6400],
  ['第五中学', 500, 6950],
];

function workbook() {
  const cells: CellData[] = [
    { address: 'A1', value: '学校名称' },
    { address: 'B1', value: '学校类型' },
    { address: 'C1', value: '在校生数' },
    { address: 'D1', value: '体育运动场馆面积' },
  ];
  SCHOOLS.forEach(([name, students, area], k) => {
    const row = k + 2;
    cells.push({ address: `A${row}`, value: name });
    cells.push({ address: `B${row}`, value: '初中' });
    cells.push({ address: `C${row}`, value: students });
    if (area !== null) cells.push({ address: `D${row}`, value: area });
  });
  return loadWorkbook({ sheets: [{ name: '学校数据', cells, merges: [], hiddenRows: [] }] });
}

let settings: SettingsStore;

beforeEach(() => {
  settings = new SettingsStore();
  installHost(workbook(), settings);
});

afterEach(() => uninstallHost());

async function checkedPane(language = 'zh-CN') {
  renderPane({ language });
  const zh = language.startsWith('zh');
  await screen.findByText(zh ? '工作表“学校数据”' : 'Sheet “学校数据”');
  fireEvent.click(screen.getByRole('button', { name: zh ? '检查并标注' : 'Check and mark' }));
  return screen.findByRole('region', { name: zh ? '检查结果' : 'Results' });
}

async function openSports() {
  const results = within(await checkedPane());
  const open = results.getByRole('button', { name: '查看初中“生均体育运动场馆面积”差异系数的诊断' });
  expect(open.textContent).toBe('0.739');
  fireEvent.click(open);
  return results;
}

test('clicking a CV opens its diagnosis: mean, CV and limit, the standard, schools and students', async () => {
  const results = await openSports();
  const heading = results.getByRole('heading', { name: '初中 · 生均体育运动场馆面积' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  const terms = results.getAllByRole('term').map((t) => t.textContent);
  const values = results.getAllByRole('definition').map((t) => t.textContent);
  const summary = Object.fromEntries(terms.map((t, k) => [t, values[k]]));
  expect(summary).toEqual({
    差异系数: '0.739（标准 ≤ 0.45）',
    '县均值（按学生数加权）': '25.9㎡/生',
    中位数: '14.1㎡/生',
    学校标准: '10.2㎡/生',
    学校: '6 所学校 · 3,500 名学生',
  });
  // The stage table is gone while the diagnosis is shown.
  expect(results.queryByRole('table', { name: '初中' })).toBeNull();
});

test('the chart: one bar per school, largest first, the mean and the standard as lines, a summary for readers', async () => {
  const results = await openSports();
  const chart = results.getByRole('img');
  expect(chart.getAttribute('aria-label')).toBe(
    '6 所学校数值条形图，最高 城关中学 56.1㎡/生，最低 第四中学 12.8㎡/生，县均值 25.9㎡/生，学校标准 10.2㎡/生，1 个数值请核实',
  );
  const bars = Array.from(chart.querySelectorAll('g[data-school] rect'));
  expect(
    Array.from(chart.querySelectorAll('g[data-school]')).map((g) => g.getAttribute('data-school')),
  ).toEqual(['城关中学', '第三中学', '第一中学', '第五中学', '第二中学', '第四中学']);
  // Widths relative to the largest value: 56.1 → 100%, 15.0 → 26.74%.
  expect(bars[0].getAttribute('width')).toBe('100%');
  expect(bars[1].getAttribute('width')).toBe('26.74%');
  const lines = Array.from(chart.querySelectorAll('line')).map((l) => l.getAttribute('x1'));
  // Standard 10.2 / 56.1 = 18.18%, mean 25.885714 / 56.1 = 46.14%.
  expect(lines).toEqual(['18.18%', '46.14%']);
  expect(within(chart).getByText('⚠ 城关中学')).toBeTruthy();
});

test('the outlier is flagged for checking with its value and how many times the mean it is; no data changes', async () => {
  const results = await openSports();
  const flags = within(results.getByRole('list', { name: '请核实的数值（1）' }));
  expect(flags.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    '请核实：城关中学 56.1㎡/生，为县均值的 2.2 倍',
  ]);
  expect(
    results.getByText(/^规则：各校数值取对数，按中位数和 MAD 计算稳健 z 分数，绝对值大于 3\.5/),
  ).toBeTruthy();
});

test('shares of the CV per school (sum 100%) and the movers: without and corrected', async () => {
  const results = await openSports();
  const shares = within(results.getByRole('table', { name: '各校对差异系数的贡献' }));
  const rows = shares.getAllByRole('row').slice(1);
  const first = within(rows[0])
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(first).toEqual(['城关中学1,000 名学生', '56.1㎡/生', '71.4%']);
  const total = rows
    .map((r) => Number(within(r).getAllByRole('cell')[2].textContent!.replace('%', '')))
    .reduce((s, x) => s + x, 0);
  expect(Math.round(total * 10)).toBe(1000);

  const movers = within(results.getByRole('table', { name: '去掉或修正后差异系数变化最大的学校' }));
  const top = within(movers.getAllByRole('row')[1])
    .getAllByRole('cell')
    .map((c) => c.textContent);
  expect(top).toEqual(['城关中学', '0.057', '0.048']);
});

test('a school without a value is listed as left out, not counted as 0', async () => {
  const results = await openSports();
  const unknown = within(results.getByRole('list', { name: '未计入：缺少数据（1）' }));
  expect(unknown.getByRole('listitem').textContent).toBe('东山中学缺少数据（不按 0 计算）');
});

test('back returns to the results with the focus on the CV that opened the diagnosis', async () => {
  const results = await openSports();
  fireEvent.click(results.getAllByRole('button', { name: '返回检查结果' })[0]);
  expect(results.getByRole('table', { name: '初中' })).toBeTruthy();
  const open = results.getByRole('button', { name: '查看初中“生均体育运动场馆面积”差异系数的诊断' });
  await waitFor(() => expect(document.activeElement).toBe(open));
});

test('in English the diagnosis has no Chinese but the school names', async () => {
  const results = within(await checkedPane('en-US'));
  fireEvent.click(
    results.getByRole('button', {
      name: 'Diagnose the Junior secondary CV of “Sports ground and hall area per student”',
    }),
  );
  const region = screen.getByRole('region', { name: 'Results' });
  expect(
    within(region).getByText('Please check: 城关中学 56.1 m²/student, 2.2 times the county mean'),
  ).toBeTruthy();
  const view = region.textContent!.replace(/城关中学|第[一二三四五]中学|东山中学/g, '');
  // Only the diagnosis is shown (the results' own Chinese, e.g. data problems, is another issue's).
  expect(view).not.toMatch(/[\u4e00-\u9fff]/);
  expect(within(region).getByRole('img').getAttribute('aria-label')).toBe(
    'Bar chart of 6 schools: highest 城关中学 56.1 m²/student, lowest 第四中学 12.8 m²/student, county mean 25.9 m²/student, standard 10.2 m²/student, 1 value to check',
  );
});
