/**
 * The pane's 整改测算 options and the title typed under 写入评估报告 reach the written sheets: one function
 * (planOptions.ts) turns the stored settings into the options the tab, 写入评估报告 and the web downloads use.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getProfile, INDICATORS, type IndicatorId, type ReportValue } from '../../src/engine';
import { parseYear, planOptionsOf, reportOptionsOf } from '../../src/taskpane/planOptions';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/taskpane/settings';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import type { FakeExcel, FakeSheet } from '../hosts/officejs/fakeExcel';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const QUALITY_2017 = getProfile('quality-2017')!;
const BASIC_2012 = getProfile('basic-2012')!;
const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
jest.setTimeout(90_000);

describe('planOptionsOf / reportOptionsOf (pure)', () => {
  test('rule switch, a 10 % margin and the valid unit costs; equipment (in 元) and invalid text are left out', () => {
    const options = planOptionsOf(
      {
        byRule: true,
        margin: '10%',
        unitCosts: {
          sportsAreaPerStudent: '１,２００',
          keyTeachersPer100: 'abc',
          equipmentValuePerStudent: '5',
        },
      },
      QUALITY_2017,
    );
    expect(options).toEqual({
      schoolFloors: 'rule',
      margin: 0.9,
      unitCosts: { sportsAreaPerStudent: 1200 },
    });
  });
  test('nothing typed: the standards, no margin, no costs; the rule switch means nothing without a k-of-n rule', () => {
    expect(planOptionsOf(undefined, QUALITY_2017)).toEqual({ schoolFloors: 'standard' });
    expect(planOptionsOf({ byRule: true, margin: '', unitCosts: {} }, BASIC_2012)).toEqual({
      schoolFloors: 'standard',
    });
    // An invalid margin (over 50 %) is not applied, as the tab shows it.
    expect(
      planOptionsOf({ byRule: false, margin: '80', unitCosts: {} }, QUALITY_2017).margin,
    ).toBeUndefined();
  });
  test('the title: the typed county and a valid year; blank parts fall back (null) to the table’s title row', () => {
    const settings = { ...DEFAULT_SETTINGS, title: { county: ' 某某县 ', year: '２０２５年' } };
    expect(reportOptionsOf(settings, QUALITY_2017).title).toEqual({ county: '某某县', year: 2025 });
    expect(reportOptionsOf({ ...settings, title: { county: '', year: '25' } }).title).toEqual({
      county: null,
      year: null,
    });
    expect(parseYear('2026')).toBe(2026);
    expect(parseYear('1850')).toBeNull();
  });
  test('the title survives the settings round trip; a damaged one is dropped', () => {
    const stored = JSON.parse(
      JSON.stringify({ ...DEFAULT_SETTINGS, title: { county: '甲县', year: '2024' } }),
    );
    expect(parseSettings(stored).title).toEqual({ county: '甲县', year: '2024' });
    expect(parseSettings({ ...stored, title: 'x' }).title).toBeUndefined();
  });
});

describe('the pane writes the 整改测算 sheet with its own options', () => {
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

  async function checkedPane() {
    const pane = renderPane();
    await screen.findByText('工作表“学校基本情况”');
    fireEvent.click(screen.getByRole('button', { name: '检查并标注' }));
    await screen.findByRole('region', { name: '检查结果' });
    return pane;
  }

  /** The row of the first stage (小学) for an indicator in the 整改测算's stage section: [name, unit, CV, target, forced, for CV, total, CV after]. */
  function stageRow(sheet: FakeSheet, id: IndicatorId): ReportValue[] {
    for (let r = 0; r < 200; r++) {
      if (sheet.cellAt(r, 0).value === INDICATORS[id].name)
        return Array.from({ length: 9 }, (_, c) => sheet.cellAt(r, c).value as ReportValue);
    }
    throw new Error(`no row for ${id}`);
  }

  function sheetTexts(sheet: FakeSheet): string[] {
    const out: string[] = [];
    for (let r = 0; r < 200; r++) {
      const v = sheet.cellAt(r, 0).value;
      if (typeof v === 'string') out.push(v);
    }
    return out;
  }

  /** The amount the pane's 整改测算 tab shows for an indicator of 小学, as a number. */
  function paneAmount(label: string): number {
    const primary = within(screen.getByRole('region', { name: '小学' }));
    const item = primary.getByText(label).closest('li') as HTMLElement;
    const text = within(item).getByText(/^需增加 /).textContent ?? '';
    return Number(/需增加 ([\d,.]+)/.exec(text)![1].replace(/,/g, ''));
  }

  test('按规则, a 10 % margin and a price per m²: the sheet has the tab’s amounts and budget, not the defaults', async () => {
    await checkedPane();
    fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
    await screen.findByText(/^已写入工作表：/);
    const defaults = stageRow(fake.workbook.sheet('整改测算'), 'sportsAreaPerStudent')[6] as number;

    fireEvent.click(screen.getByRole('tab', { name: /整改测算/ }));
    fireEvent.click(screen.getByRole('switch'));
    fireEvent.change(screen.getByRole('textbox', { name: '目标差异系数留余量（%）' }), {
      target: { value: '10' },
    });
    const costs = within(screen.getByRole('region', { name: '单位成本（可选，用于估算预算）' }));
    // Every resource priced, so that the stage has a budget.
    for (const box of costs.getAllByRole('textbox'))
      fireEvent.change(box, {
        target: { value: /元\/㎡/.test(box.getAttribute('aria-label') ?? '') ? '1200' : '200000' },
      });
    fireEvent.change(costs.getByRole('textbox', { name: '体育场馆（元/㎡）' }), {
      target: { value: '1200' },
    });
    const primary = within(screen.getByRole('region', { name: '小学' }));
    const budget = (await primary.findByText(/^预算合计约 [\d,]+ 元$/)).textContent!;
    const sports = paneAmount('体育场馆');
    const rooms = paneAmount('多媒体教室');
    // The options change the plan (else this test could not tell them from the defaults).
    expect(sports).not.toBe(defaults);

    fireEvent.click(screen.getByRole('tab', { name: /检查/ }));
    fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
    await waitFor(() =>
      expect(stageRow(fake.workbook.sheet('整改测算'), 'sportsAreaPerStudent')[6]).toBe(sports),
    );
    const sheet = fake.workbook.sheet('整改测算');
    expect(stageRow(sheet, 'multimediaRoomsPer100')[6]).toBe(rooms);
    // The target row names the margin; the basis the rule switch and the price; the note the tab's budget.
    const texts = sheetTexts(sheet);
    const cells = Array.from({ length: 12 }, (_, r) => [sheet.cellAt(r, 0).value, sheet.cellAt(r, 1).value]);
    expect(cells).toContainEqual(['办学标准', expect.stringMatching(/规则/)]);
    expect(cells).toContainEqual(['单价', expect.stringContaining('体育场馆 1,200 元/㎡')]);
    expect(cells).toContainEqual(['测算目标', expect.stringContaining('× 0.9 的安全余量')]);
    const yuan = /预算合计约 ([\d,]+) 元/.exec(budget)![1];
    expect(texts.some((t) => t.includes(yuan))).toBe(true);
  });

  test('county and year asked once: prefilled from the title row, typed values saved and used in every title', async () => {
    await checkedPane();
    const county = screen.getByRole('textbox', { name: '县（市、区）名称' }) as HTMLInputElement;
    const year = screen.getByRole('textbox', { name: '数据年份' }) as HTMLInputElement;
    expect([county.value, year.value]).toEqual(['示例县', '2026']);
    fireEvent.change(county, { target: { value: '某某县' } });
    fireEvent.change(year, { target: { value: '2025' } });
    fireEvent.click(screen.getByRole('button', { name: '写入评估报告' }));
    await screen.findByText(/^已写入工作表：/);
    expect(fake.workbook.sheet('均衡评估报告').cell('A1').value).toBe(
      '某某县2025年义务教育优质均衡发展评估报告',
    );
    expect(fake.workbook.sheet('整改测算').cell('A1').value).toBe('某某县2025年义务教育优质均衡发展整改测算');
    await waitFor(() =>
      expect(settings.saved['balance.taskpane']).toMatchObject({ title: { county: '某某县', year: '2025' } }),
    );
  });
});
