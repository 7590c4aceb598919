// The web page's batch zip writes each county's 整改测算 and titles with the options its pane stored (planOptions.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbookBytes } from '../../src/hosts/xlsx/workbook';
import { reportOptionsOf } from '../../src/taskpane/planOptions';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { checkWorkbook } from '../../src/web/batch';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');

/** Column A and B of the first rows of a sheet of the copy. */
function rowsOf(bytes: Uint8Array, sheet: string): unknown[][] {
  const opened = openWorkbookBytes(bytes, 'copy.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const grid = opened.workbook.gridOf(sheet)!;
  return grid.values.slice(0, 14).map((row) => row.slice(0, 2));
}

test('checkWorkbook: the copy’s 整改测算 has the stored rule switch, margin, prices and title; without, the defaults', () => {
  const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
  const settings = {
    ...DEFAULT_SETTINGS,
    plan: { byRule: true, margin: '10', unitCosts: { sportsAreaPerStudent: '1200' } },
    title: { county: '某某县', year: '2025' },
  };
  const checked = checkWorkbook(bytes, '示例县.xlsx', (profile) => reportOptionsOf(settings, profile));
  if (!checked.ok) throw new Error(checked.message);
  const rows = rowsOf(checked.copy(), '整改测算');
  expect(rows[0][0]).toBe('某某县2025年义务教育优质均衡发展整改测算');
  expect(rows).toContainEqual(['单价', '体育场馆 1,200 元/㎡']);
  expect(rows).toContainEqual(['测算目标', expect.stringContaining('× 0.9 的安全余量')]);
  expect(rows).toContainEqual(['办学标准', expect.stringMatching(/规则/)]);

  const plain = checkWorkbook(bytes, '示例县.xlsx');
  if (!plain.ok) throw new Error(plain.message);
  const defaults = rowsOf(plain.copy(), '整改测算');
  // The title row of the table names the county and year (the batch now reads it, as the CLI does).
  expect(defaults[0][0]).toBe('示例县2026年义务教育优质均衡发展整改测算');
  expect(defaults.some((r) => r[0] === '单价')).toBe(false);
  expect(defaults).toContainEqual(['测算目标', expect.not.stringContaining('安全余量')]);
});
