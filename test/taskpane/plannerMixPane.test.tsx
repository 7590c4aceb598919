/**
 * The 整改测算 tab on the 基本均衡 sample, the whole pane: without unit costs it says the plan is per indicator, not
 * the cheapest mix; with every unit cost typed in it shows the cheapest mix under each stage.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen, within } from '@testing-library/react';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook } from '../support/fakeHostData';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';
import { zhCN } from '../../src/taskpane/strings.zh-CN';

const BASIC = path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx');
jest.setTimeout(90_000);
afterEach(() => uninstallHost());

test('基本均衡: the per-indicator sentence without unit costs, the cheapest mix once every cost is typed', async () => {
  installHost(loadWorkbook(await readXlsx(BASIC)), new SettingsStore());
  renderPane();
  await screen.findByText(/^工作表“/);
  fireEvent.click(screen.getByRole('radio', { name: '基本均衡（2012）' }));
  fireEvent.click(screen.getByRole('button', { name: '检查并标注' }));
  await screen.findByRole('region', { name: '检查结果' });
  fireEvent.click(screen.getByRole('tab', { name: /整改测算/ }));
  const junior = () => within(screen.getByRole('region', { name: '初中' }));
  expect(junior().getByText(zhCN.mixPerIndicator)).toBeTruthy();

  const costs = within(screen.getByRole('region', { name: '单位成本（可选，用于估算预算）' }));
  const boxes = costs.getAllByRole('textbox');
  // Every resource but equipment (counted in 元) has a price to type: seven of the eight indicators.
  expect(boxes).toHaveLength(7);
  boxes.forEach((box, i) =>
    fireEvent.change(box, { target: { value: String([3000, 300, 5000, 30, 150000, 150000, 150000][i]) } }),
  );
  const mix = within(await screen.findByRole('region', { name: /^初中 成本最低的组合/ }));
  expect(mix.getByText(/^合计约 [\d,]+ 元，与理论最低相差不超过 [\d,]+ 元/)).toBeTruthy();
  expect(mix.getByText(/^综合差异系数降至 0\.\d{3}（目标 ≤ 0\.55）$/)).toBeTruthy();
  expect(mix.getAllByRole('listitem').length).toBeGreaterThan(0);
  expect(junior().queryByText(zhCN.mixPerIndicator)).toBeNull();
});
