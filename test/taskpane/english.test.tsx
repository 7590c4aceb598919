/**
 * The English pane is English: every string key exists in both languages, and a whole session in English — open,
 * map, a custom standard by form with its validation errors and broken JSON, a host error, check a table with data
 * problems, failing and undecided schools, every list open, a diagnosis, the plan — shows
 * no Chinese except what the user wrote: school names, sheet names, header texts, cell texts they typed.
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import path from 'path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  captionOf,
  PROFILE_TEXTS_EN,
  PROFILE_TEXTS_ZH,
  REPORT_SHEET_IDS,
  reportSheetName,
} from '../../src/engine';
import {
  HOST_TEXTS_ZH,
  HostProblemError,
  type HostOperation,
  type HostProblemCode,
} from '../../src/hosts/port';
import { en } from '../../src/taskpane/strings.en';
import { zhCN } from '../../src/taskpane/strings.zh-CN';
import { readXlsx } from '../support/fakeHostXlsx';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import { installHost, renderPane, SettingsStore, uninstallHost } from './harness';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
jest.setTimeout(120_000);

/** Every key, nested one level (stageNames), with the type of its value. */
function shape(strings: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(strings)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as object)) out[`${key}.${k}`] = typeof v;
    } else out[key] = typeof value;
  }
  return out;
}

test('both languages have the same keys, each of the same kind', () => {
  expect(shape(en)).toEqual(shape(zhCN));
  // Fails on a key a future edit adds to one language only (a cast or a spread could hide it from the compiler).
  expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
});

test('English strings carry no Chinese but the words users type in cells', () => {
  const typed = ['无', '不详', '优质均衡', ...REPORT_SHEET_IDS.map(reportSheetName), '表Ⅱ-1', '表Ⅱ-2', '表Ⅲ'];
  const leaks = Object.entries(en)
    .filter(([, v]) => typeof v === 'string')
    .filter(([, v]) => HAN.test(typed.reduce((t, w) => t.split(w).join(''), v as string)))
    .map(([k]) => k);
  expect(leaks).toEqual([]);
});

test('host problems and custom-standard problems are worded in English for every code, with no Chinese', () => {
  const operations = Object.keys(HOST_TEXTS_ZH.operations) as HostOperation[];
  const codes = Object.keys(HOST_TEXTS_ZH.codes) as HostProblemCode[];
  for (const operation of [undefined, ...operations]) {
    for (const code of codes) {
      const problem = { operation, code, sheet: 'Sheet1', address: 'A1:B2', detail: 'disk full' };
      const text = en.hostProblem(problem);
      expect([code, text]).toEqual([code, expect.not.stringMatching(HAN)]);
      // The Chinese wording is the error's own message, unchanged.
      expect(zhCN.hostProblem(problem)).toBe(new HostProblemError(problem).message);
    }
  }
  expect(Object.keys(PROFILE_TEXTS_EN).sort()).toEqual(Object.keys(PROFILE_TEXTS_ZH).sort());
});

test('English units: one person, three people, yuan per person, a space before the unit, ten thousand yuan', () => {
  expect(en.amount(1, '人', undefined)).toBe('1 person');
  expect(en.amount(3, '人', undefined)).toBe('3 people');
  expect(en.amount(1200, '㎡', undefined)).toBe('1,200 m²');
  expect(en.amount(65_000, '元', { unit: '万元', factor: 10_000 })).toBe('6.50 × 10,000 yuan');
  expect(en.unitCostLabel('Key teachers', '人')).toBe('Key teachers (yuan per person)');
  expect(en.unitCostLabel('Books', '册')).toBe('Books (yuan per book)');
  expect(en.valueWithUnit('7.5', '㎡')).toBe('7.5 m²');
  expect(en.valueWithUnit('1', '册')).toBe('1 book');
  // Chinese stays as it was: no space, the catalogue's unit.
  expect(zhCN.amount(3, '人', undefined)).toBe('3人');
  expect(zhCN.unitCostLabel('骨干教师', '人')).toBe('骨干教师（元/人）');
  expect(zhCN.valueWithUnit('7.5', '㎡')).toBe('7.5㎡');
});

test('English field options: counts without a unit that repeats the name (“Students”, not “Students (people)”), measures with theirs', () => {
  expect(en.fieldOption('students', '人')).toBe('Students');
  expect(en.fieldOption('teachers', '人')).toBe('Full-time teachers');
  expect(en.fieldOption('books', '册')).not.toMatch(/\(/);
  expect(en.fieldOption('sportsArea', '㎡')).toMatch(/ \(m²\)$/);
  expect(zhCN.fieldOption('students', '人')).toBe('在校生数（人）');
});

/** The sample with data problems a user makes: text in a number cell, a dash, a negative number, a missing value. */
function troubled(sample: WorkbookData): { data: WorkbookData; typed: string[] } {
  const data: WorkbookData = JSON.parse(JSON.stringify(sample));
  const sheet = data.sheets[0];
  const set = (address: string, value: string | number | undefined) => {
    const cell = sheet.cells.find((c) => c.address === address);
    if (cell) cell.value = value;
    else sheet.cells.push({ address, value });
  };
  set('R5', '约八千');
  set('Q6', '—');
  set('S7', -5);
  set('T8', undefined);
  set('C9', '职业高中');
  return { data, typed: ['约八千', '—', '职业高中'] };
}

/** Texts the user wrote: sheet names, header cells (and the units in them), school names, cells they typed. */
function userTexts(data: WorkbookData, typed: string[]): string[] {
  const texts = new Set<string>(typed);
  for (const sheet of data.sheets) {
    texts.add(sheet.name);
    for (const cell of sheet.cells) {
      const row = Number(/\d+$/.exec(cell.address)![0]);
      const column = /^[A-Z]+/.exec(cell.address)![0];
      if (typeof cell.value !== 'string') continue;
      if (row <= 2) {
        texts.add(cell.value);
        for (const m of cell.value.matchAll(/（([^）]+)）/g)) texts.add(m[1]);
        // The county the title row names, prefilled for the report titles.
        const county = captionOf(cell.value).county;
        if (county) texts.add(county);
      } else if (column === 'B') texts.add(cell.value);
    }
  }
  for (const id of REPORT_SHEET_IDS) texts.add(reportSheetName(id));
  // The 申报表 forms by their official names, as the report sheets are named.
  for (const form of ['表Ⅱ-1', '表Ⅱ-2', '表Ⅲ']) texts.add(form);
  // Words of cells the pane quotes as users type them (“—”, “/” and “无” as none; blank and “不详” as missing).
  for (const word of ['无', '不详']) texts.add(word);
  return [...texts].sort((a, b) => b.length - a.length);
}

/** Every text node and labelling attribute on the page with Chinese left after removing the user's own texts. */
function chineseLeaks(allowed: readonly string[]): string[] {
  const found = new Set<string>();
  const check = (text: string | null) => {
    if (!text) return;
    const rest = allowed.reduce((t, w) => t.split(w).join(''), text);
    if (HAN.test(rest)) found.add(text.trim());
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) check(node.textContent);
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    for (const name of ['title', 'aria-label', 'placeholder', 'aria-valuetext']) check(el.getAttribute(name));
    if (el instanceof HTMLInputElement && el.type !== 'hidden' && el.type !== 'file') check(el.value);
  }
  return [...found];
}

/** Opens every collapsed accordion section on the page. */
function expandAll() {
  // Plain selectors: role queries over the whole pane take seconds each in jsdom.
  document
    .querySelectorAll<HTMLButtonElement>('.fui-AccordionHeader button[aria-expanded="false"]')
    .forEach((button) => fireEvent.click(button));
}

let sample: WorkbookData;
beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
  (globalThis as Record<string, unknown>).ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});
afterEach(() => uninstallHost());

test('a whole session in English shows no Chinese but the user’s own texts', async () => {
  const { data, typed } = troubled(sample);
  const fake = loadWorkbook(data);
  installHost(fake, new SettingsStore());
  (globalThis as { Office: { context: { displayLanguage: string } } }).Office.context.displayLanguage =
    'en-US';
  const allowed = userTexts(data, typed);
  renderPane({ language: 'en-US' });
  await screen.findByText('Sheet “学校基本情况”');
  const leaks: string[] = [];

  expandAll();
  const showAll = screen.queryByRole('switch', { name: 'Show all fields' });
  if (showAll) fireEvent.click(showAll);
  leaks.push(...chineseLeaks(allowed));

  const standard = within(screen.getByRole('region', { name: 'Standard' }));
  fireEvent.click(standard.getByRole('radio', { name: 'Custom standard' }));
  fireEvent.click(standard.getByRole('button', { name: 'Start from High-quality balance (2017)' }));
  expect(standard.getByRole('group', { name: 'Custom standard' })).toBeTruthy();
  leaks.push(...chineseLeaks(allowed));

  // The form's own validation, by the field: k larger than the indicators with a standard.
  fireEvent.change(standard.getByLabelText(/^Indicators to meet, k/), { target: { value: '9' } });
  expect(
    await standard.findByText(
      'cannot be more than the indicators with a per-school standard (primary: 7, junior secondary: 7)',
    ),
  ).toBeTruthy();
  leaks.push(...chineseLeaks(allowed));
  // JSON that does not parse: its place and the usual mistake, in English.
  const json = standard.getByLabelText(/^Standard configuration \(JSON\)/);
  fireEvent.change(json, { target: { value: '{\n  "extends": "quality-2017",\n}' } });
  expect(
    await standard.findByText(
      'JSON syntax error (line 2, column 28): there is a comma after the last item; delete it',
    ),
  ).toBeTruthy();
  leaks.push(...chineseLeaks(allowed));
  fireEvent.change(json, { target: { value: '{ "extends": "quality-2017" }' } });
  await waitFor(() => expect(standard.queryByText(/^JSON syntax error/)).toBeNull());

  // A host failure: the sheet is protected, so marking fails; worded in English with Excel's code.
  fake.workbook.sheet('学校基本情况').protected = true;
  fireEvent.click(screen.getByRole('button', { name: 'Check and mark' }));
  expect(
    await screen.findByText(
      'Could not mark the cells: no permission to change it; the sheet or workbook may be protected (AccessDenied)',
    ),
  ).toBeTruthy();
  await waitFor(() => expect(screen.queryByText('Checking and marking…')).toBeNull());
  leaks.push(...chineseLeaks(allowed));
  fake.workbook.sheet('学校基本情况').protected = false;

  fireEvent.click(screen.getByRole('button', { name: 'Check and mark' }));
  const results = within(await screen.findByRole('region', { name: 'Results' }));
  await waitFor(() => expect(screen.queryByText('Checking and marking…')).toBeNull());
  expandAll();
  // Every page of every list.
  const more = () =>
    Array.from(document.querySelectorAll('button')).filter((b) =>
      /^Show \d+ more$/.test(b.textContent ?? ''),
    );
  for (let buttons = more(); buttons.length > 0; buttons = more()) buttons.forEach((b) => fireEvent.click(b));
  expect(results.getByText(/^Data problems \(\d+\)$/)).toBeTruthy();
  // The county's reason names the undecided school's unknown cell, as the Chinese one does.
  expect(results.getByText(/lack data: .*东关小学 T8/)).toBeTruthy();
  // A failing school's reasons carry the figures: the value, its share of the standard and the floor.
  expect(
    results.getAllByText(
      /^[\w &]+: [\d.,]+ [^,]+, [\d.]+% of the standard [\d.,]+ .*\(below the 85% floor\)$/,
    ).length,
  ).toBeGreaterThan(0);
  // And the failed size, class and room checks their numbers.
  expect(
    results.getAllByText(
      /^(Largest class|School size|Music rooms|Fine-art rooms|Music room area|Fine-art room area)\b.*\d/,
    ).length,
  ).toBeGreaterThan(0);
  leaks.push(...chineseLeaks(allowed));

  fireEvent.click(results.getAllByRole('button', { name: /^Diagnose the / })[0]);
  await results.findAllByRole('button', { name: 'Back to results' });
  leaks.push(...chineseLeaks(allowed));

  fireEvent.click(document.querySelector('button[role="tab"][value="plan"]')!);
  leaks.push(...chineseLeaks(allowed));

  expect([...new Set(leaks)]).toEqual([]);
});
