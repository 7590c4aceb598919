// End to end: the BUILT pane in headless chromium on a fake Office host holding 示例县-优质均衡.xlsx in memory.
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { openWorkbook } from '../../src/cli/check';
import { balanceNote } from '../../src/hosts/officejs/highlights';
import { chooseSheet } from '../../src/hosts/xlsx/workbook';
import {
  checkSheet,
  HIGHLIGHT_LEGEND,
  highlightsFor,
  legendText,
  QUALITY_2017,
  type Evaluation,
  type HighlightPlan,
} from '../../src/engine';
import type { SheetDump } from '../hosts/officejs/fakeExcel';
import { launchChromium, openPane, type PaneSession } from '../support/browser';
import type { WorkbookData } from '../support/fakeHostData';
import { bundleFakeHost, fakeHostScripts } from '../support/fakeHostBundle';
import { readXlsx } from '../support/fakeHostXlsx';
import { repoRoot, requireBuild, screenshotPath } from '../support/paths';
import { startStaticServer, type StaticServer } from '../support/server';

jest.setTimeout(120_000);

const SAMPLE = path.join(repoRoot, 'assets/samples/示例县-优质均衡.xlsx');
const SHEET = '学校基本情况';
const DOCS_SCREENSHOTS = path.join(repoRoot, 'docs/screenshots');

let server: StaticServer;
let browser: Browser;
let hostBundle: string;
let workbook: WorkbookData;
let pane: PaneSession | undefined;
/** What the engine makes of the sample, computed here without the pane: exceljs → reader → evaluate → plan. */
let expected: { evaluation: Evaluation; plan: HighlightPlan };

beforeAll(async () => {
  requireBuild();
  [server, browser, hostBundle, workbook] = await Promise.all([
    startStaticServer(),
    launchChromium(),
    bundleFakeHost(),
    readXlsx(SAMPLE),
  ]);
  const opened = await openWorkbook(SAMPLE);
  if (!opened.ok) throw new Error(opened.message);
  const chosen = chooseSheet(SAMPLE, opened.workbook, SHEET);
  if (!chosen.ok) throw new Error(chosen.message);
  // The one check-a-sheet path the pane and the CLI share: reader, evaluate (with the columns' units), plan.
  const check = checkSheet(chosen.grid, QUALITY_2017);
  const evaluation = check.evaluation;
  const plan = highlightsFor(check);
  expected = { evaluation, plan };
});

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function open(settings?: Record<string, unknown>, height = 900, width = 400): Promise<PaneSession> {
  return openPane(browser, server.url, {
    stub: settings ? { settings } : {},
    initScripts: fakeHostScripts(hostBundle, workbook),
    viewport: { width, height },
  });
}

function dump(page: Page): Promise<SheetDump[]> {
  return page.evaluate(() =>
    (window as unknown as { __fakeHost: { dump(): SheetDump[] } }).__fakeHost.dump(),
  );
}

/** Retries an assertion until it holds (or the time is up, rethrowing its last failure). */
async function eventually(assertion: () => Promise<void>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function waitForTable(page: Page) {
  await page.getByText(`工作表“${SHEET}”`, { exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** A screenshot for the README (the visible pane, or one region of it): test-artifacts, copied to docs/screenshots. */
async function screenshot(target: Page | Locator, name: string) {
  const file = screenshotPath(name);
  // No hover highlight left over from the last click.
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(0, 0);
  // A smooth scroll still under way (the pane scrolls feedback into view) leaves an unpainted band: wait until the
  // page has kept its scroll position for a few frames.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          const y = document.scrollingElement?.scrollTop ?? 0;
          still = y === last ? still + 1 : 0;
          last = y;
          if (still >= 3 || performance.now() - started > 2000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
  // No tooltip left open by the focused button that was just clicked.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // A picture of one part of the pane: the sticky action bar, which floats over whatever scrolls under it, is left out.
  const style = 'mouse' in target ? undefined : '[data-action-bar] { visibility: hidden !important; }';
  await target.screenshot({ path: file, animations: 'disabled', style });
  fs.mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  fs.copyFileSync(file, path.join(DOCS_SCREENSHOTS, name));
}

test('检查并标注 paints exactly the engine’s plan and shows its results; 清除标注 restores the workbook exactly', async () => {
  pane = await open();
  const { page } = pane;
  await waitForTable(page);
  const original = await dump(page);

  await page.getByRole('button', { name: /查看或修改各列对应的字段/ }).click();
  await page.getByRole('combobox', { name: /^在校生数（人）/ }).waitFor({ state: 'visible' });
  await expect(page.getByRole('combobox', { name: /^在校生数（人）/ }).textContent()).resolves.toBe(
    'E 列 · 在校生数（人）',
  );
  await screenshot(page, 'taskpane-mapping.png');

  await page.getByRole('button', { name: '检查并标注' }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByText(/^检查完成，已标注 \d+ 个单元格。$/).waitFor();

  // The painted cells are the plan's cells, each in the plan's colour with the plan's note.
  const painted = (await dump(page)).find((s) => s.name === SHEET) as SheetDump;
  const before = original.find((s) => s.name === SHEET) as SheetDump;
  const changed = Object.keys(painted.cells).filter(
    (address) => JSON.stringify(painted.cells[address].fill) !== JSON.stringify(before.cells[address]?.fill),
  );
  expect(expected.plan.marks.length).toBeGreaterThan(0);
  expect(changed.sort()).toEqual(expected.plan.marks.map((m) => m.address).sort());
  for (const mark of expected.plan.marks) {
    expect(painted.cells[mark.address].fill.color).toBe(mark.fill);
    expect(painted.notes[mark.address]?.content).toBe(balanceNote(mark.note, null));
  }
  await expect(
    page.getByText(`检查完成，已标注 ${expected.plan.marks.length} 个单元格。`).count(),
  ).resolves.toBe(1);

  // The results are the engine's: counts, every CV to 3 decimals, the failing schools.
  const { summary, stages, schools } = expected.evaluation;
  for (const [label, value] of [
    ['参评', summary.checked],
    ['达标', summary.passed],
    ['未达标', summary.failed],
    ['未纳入', summary.excluded],
  ] as const) {
    await expect(results.getByRole('listitem', { name: `${label} ${value}` }).count()).resolves.toBe(1);
  }
  for (const [stage, name] of [
    ['primary', '小学'],
    ['junior', '初中'],
  ] as const) {
    const shown = await results
      .getByRole('table', { name })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    const result = stages[stage];
    if (!result) throw new Error(`the sample has ${name} schools`);
    expect(shown.map((cells) => cells[1])).toEqual(
      QUALITY_2017.indicators.map((id) => result.indicators[id]?.cv?.toFixed(3)),
    );
    expect(shown.map((cells) => cells[2])).toEqual(
      QUALITY_2017.indicators.map((id) => (result.indicators[id]?.pass ? '达标' : '未达标')),
    );
  }
  const failing = schools.filter((s) => s.pass === false);
  for (const school of failing) {
    await expect(results.getByRole('button', { name: `定位到 ${school.name}` }).count()).resolves.toBe(1);
  }
  await screenshot(results, 'taskpane-check.png');

  // A failing school's button takes the user to its row.
  await results.getByRole('button', { name: `定位到 ${failing[0].name}` }).click();
  await eventually(async () => {
    const selection = await page.evaluate(() =>
      (window as unknown as { __fakeHost: { selection(): string } }).__fakeHost.selection(),
    );
    expect(selection).toBe(`${SHEET}!A${failing[0].row}:XFD${failing[0].row}`);
  });

  await page.getByRole('button', { name: '清除标注' }).click();
  await page.getByText(/^已清除标注，恢复了 \d+ 个单元格。$/).waitFor();
  expect(await dump(page)).toEqual(original);
  expect(pane.consoleErrors).toEqual([]);
  expect(pane.blockedRequests).toEqual([]);
});

test('at 320 px: 自动选择 picks 优质均衡 for the sample before any check, and the colour legend follows 检查并标注', async () => {
  pane = await open(undefined, 900, 320);
  const { page } = pane;
  await waitForTable(page);
  const standard = page.getByRole('region', { name: '评估标准' });
  await expect(standard.getByRole('radio', { name: '自动选择（按表中的数据列）' }).isChecked()).resolves.toBe(
    true,
  );
  await standard.getByText('已选择：优质均衡（2017）').waitFor({ state: 'visible' });
  await standard.getByText(/^表中有优质均衡所需的全部数据列/).waitFor({ state: 'visible' });
  const needs = standard.getByRole('list', { name: '该标准需要的数据列' });
  await expect(needs.getByRole('listitem').count()).resolves.toBe(7);
  await expect(
    page
      .getByRole('region', { name: '列对应' })
      .getByText(/^已对应 \d+ 列$/)
      .count(),
  ).resolves.toBe(1);
  await screenshot(standard, 'taskpane-standard.png');
  // Nothing wider than the pane: the reason and the needs wrap.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.getByRole('button', { name: '检查并标注' }).click();
  const results = page.getByRole('region', { name: '检查结果' });
  await results.waitFor({ state: 'visible', timeout: 30_000 });
  const legend = results.getByRole('list', { name: '工作表标注颜色' });
  await legend.waitFor({ state: 'visible' });
  const entries = await legend.getByRole('listitem').allTextContents();
  expect(entries).toEqual(
    HIGHLIGHT_LEGEND.map((entry) => legendText(entry.key, QUALITY_2017.schoolRule?.r ?? null)),
  );
  expect(entries.some((t) => /85%/.test(t))).toBe(true);
  await screenshot(legend, 'taskpane-legend.png');
  expect(pane.consoleErrors).toEqual([]);
});

test('写入评估报告 adds the 均衡评估报告 sheet; writing again replaces it', async () => {
  pane = await open();
  const { page } = pane;
  await waitForTable(page);
  await page.getByRole('button', { name: '检查并标注' }).click();
  await page.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 30_000 });
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: '写入评估报告' }).click();
    await page.getByText(/^已写入工作表：“均衡评估报告”、“整改测算”/).waitFor();
  }
  const sheets = await dump(page);
  expect(sheets.filter((s) => s.name === '均衡评估报告')).toHaveLength(1);
  const report = sheets.find((s) => s.name === '均衡评估报告') as SheetDump;
  expect(report.cells.A1.value).toBe('示例县2026年义务教育优质均衡发展评估报告');
  expect(pane.consoleErrors).toEqual([]);
});

test('the workbook remembers the standard and mapping: the next open is ready without a click', async () => {
  pane = await open();
  await waitForTable(pane.page);
  // Chosen by hand (not 自动选择): the reopened pane must bring this choice back, with the last check's summary.
  await pane.page.getByRole('radio', { name: '优质均衡（2017）' }).check();
  await pane.page.getByRole('button', { name: '检查并标注' }).click();
  await pane.page.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 30_000 });
  const stored = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __officeSettings: Record<string, unknown> }).__officeSettings,
    );
  const first = pane.page;
  await eventually(async () =>
    expect(await stored(first)).toMatchObject({
      'balance.taskpane': {
        profile: { kind: 'builtin', id: 'quality-2017' },
        tables: {
          [SHEET]: { headerBottom: 2, columns: { students: { column: 4, header: '在校生数（人）' } } },
        },
      },
    }),
  );
  const settings = await stored(first);
  await pane.close();

  pane = await open(settings);
  await waitForTable(pane.page);
  await pane.page.getByText('已沿用本工作簿上次保存的列对应和评估标准。').waitFor();
  // The last check's summary is back too, marked out of date until the user checks again.
  const last = pane.page.getByRole('region', { name: '上次检查' });
  await last.getByText('已过期 · 需重新检查').waitFor({ state: 'visible' });
  await screenshot(last, 'taskpane-last-check.png');
  await expect(pane.page.getByRole('radio', { name: '优质均衡（2017）' }).isChecked()).resolves.toBe(true);
  await expect(pane.page.getByRole('button', { name: '检查并标注' }).isEnabled()).resolves.toBe(true);
  expect(pane.consoleErrors).toEqual([]);
});

test('keyboard only: Tab reaches 检查并标注, Enter runs it, Tab reaches a failing school and Enter selects its row', async () => {
  pane = await open();
  const { page } = pane;
  await waitForTable(page);
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const tabTo = async (text: string | RegExp) => {
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const label = await focused();
      if (typeof text === 'string' ? label === text : text.test(label)) return;
    }
    throw new Error(`Tab never reached ${text}`);
  };
  await tabTo('检查并标注');
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: '检查结果' }).waitFor({ timeout: 30_000 });
  const school = expected.evaluation.schools.find((s) => s.pass === false);
  if (!school) throw new Error('the sample has failing schools');
  await tabTo(new RegExp(`^${school.name}`));
  await page.keyboard.press('Enter');
  await eventually(async () => {
    const selection = await page.evaluate(() =>
      (window as unknown as { __fakeHost: { selection(): string } }).__fakeHost.selection(),
    );
    expect(selection).toBe(`${SHEET}!A${school.row}:XFD${school.row}`);
  });
  expect(pane.consoleErrors).toEqual([]);
});

/** The sample with 城关中学's sports area typed as 79,662 ㎡ (56.1 ㎡ per student, 4× the others: a likely typo). */
function withOutlier(data: WorkbookData): WorkbookData {
  const copy = JSON.parse(JSON.stringify(data)) as WorkbookData;
  const sheet = copy.sheets.find((s) => s.name === SHEET)!;
  const name = sheet.cells.find((c) => c.value === '城关中学')!;
  const row = name.address.replace(/^[A-Z]+/, '');
  sheet.cells.find((c) => c.address === `R${row}`)!.value = 79662;
  return copy;
}

for (const width of [320, 1200]) {
  test(`at ${width} px: clicking a CV opens its diagnosis, readable without overlap, and back returns`, async () => {
    pane = await openPane(browser, server.url, {
      stub: {},
      initScripts: fakeHostScripts(hostBundle, withOutlier(workbook)),
      viewport: { width, height: 900 },
    });
    const { page } = pane;
    await waitForTable(page);
    await page.getByRole('button', { name: '检查并标注' }).click();
    const results = page.getByRole('region', { name: '检查结果' });
    await results.waitFor({ state: 'visible', timeout: 30_000 });
    await results.getByRole('button', { name: '查看初中“生均体育运动场馆面积”差异系数的诊断' }).click();
    await results.getByRole('heading', { name: '初中 · 生均体育运动场馆面积' }).waitFor({ state: 'visible' });
    // The flag's ratio is to the stage's weighted mean, which includes the typo itself.
    await results
      .getByText(/^请核实：城关中学 56\.1㎡\/生，为县均值的 \d\.\d 倍$/)
      .waitFor({ state: 'visible' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // In each row of the chart the name ends before the value begins, and no row's text reaches the next row's.
    const boxes = await results.getByRole('img').evaluate((svg) =>
      Array.from(svg.querySelectorAll('text')).map((t) => {
        const b = t.getBoundingClientRect();
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
      }),
    );
    for (let k = 0; k + 1 < boxes.length; k += 2) {
      const [name, value] = [boxes[k], boxes[k + 1]];
      expect(name.right).toBeLessThan(value.left);
      if (k + 2 < boxes.length) expect(name.bottom).toBeLessThanOrEqual(boxes[k + 2].top);
    }
    await screenshot(results, `taskpane-diagnosis-${width}.png`);
    await results.getByRole('button', { name: '返回检查结果' }).first().click();
    await results.getByRole('table', { name: '初中' }).waitFor({ state: 'visible' });
    expect(pane.consoleErrors).toEqual([]);
  });
}

/** The sample behind a 填表说明 sheet, which is active when the workbook opens. */
function withGuide(data: WorkbookData): WorkbookData {
  const guide = {
    name: '填表说明',
    cells: [{ address: 'A1', value: '请按下表填写各校数据' }],
    merges: [],
    hiddenRows: [],
  };
  return { sheets: [guide, ...data.sheets], active: '填表说明' };
}

/** How far the page scrolls sideways (0 or less: no horizontal scrollbar). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const LANGUAGES = {
  zh: {
    displayLanguage: 'zh-CN',
    actions: '操作',
    check: '检查并标注',
    report: '写入评估报告',
    plan: /^整改测算/,
    sheet: `工作表“${SHEET}”`,
    checked: /^检查完成，已标注 \d+ 个单元格。$/,
    written: /^已写入工作表/,
    results: '检查结果',
  },
  en: {
    displayLanguage: 'en-US',
    actions: 'Actions',
    check: 'Check and mark',
    report: 'Write report',
    plan: /^Remediation/,
    sheet: `Sheet “${SHEET}”`,
    checked: /^Check done/,
    written: /^Written to the sheets/,
    results: 'Results',
  },
} as const;

for (const width of [320, 1200]) {
  for (const language of ['zh', 'en'] as const) {
    test(`at ${width} px (${language}): the action bar stays in view, its feedback and next step beside it, nothing scrolls sideways`, async () => {
      const words = LANGUAGES[language];
      pane = await openPane(browser, server.url, {
        stub: { displayLanguage: words.displayLanguage },
        initScripts: fakeHostScripts(hostBundle, workbook),
        viewport: { width, height: 800 },
      });
      const { page } = pane;
      await page.getByText(words.sheet).waitFor({ state: 'visible', timeout: 30_000 });
      const bar = page.getByRole('region', { name: words.actions });
      const inView = async () => {
        const box = await bar.boundingBox();
        if (!box) throw new Error('no action bar');
        expect(box.y + box.height).toBeLessThanOrEqual(800.5);
        expect(box.y).toBeGreaterThan(0);
        const buttons = await bar.getByRole('button').evaluateAll((els) =>
          els.map((e) => {
            const b = e.getBoundingClientRect();
            return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
          }),
        );
        // The buttons sit inside the pane and never on top of each other.
        for (const [i, a] of buttons.entries()) {
          expect(a.left).toBeGreaterThanOrEqual(0);
          expect(a.right).toBeLessThanOrEqual(width);
          for (const b of buttons.slice(i + 1)) {
            const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
            expect(apart).toBe(true);
          }
        }
      };
      await inView();
      expect(await sideways(page)).toBeLessThanOrEqual(0);

      await bar.getByRole('button', { name: words.check }).click();
      await page.getByRole('region', { name: words.results }).waitFor({ timeout: 30_000 });
      await bar.getByText(words.checked).waitFor({ state: 'visible' });
      await inView();
      expect(await sideways(page)).toBeLessThanOrEqual(0);

      await bar.getByRole('button', { name: words.report }).click();
      await bar.getByText(words.written).waitFor({ state: 'visible' });
      await inView();
      if (language === 'zh') await screenshot(page, `taskpane-actionbar-${width}.png`);
      await bar.getByRole('button', { name: language === 'zh' ? '打开报告' : 'Open report' }).click();
      await eventually(async () =>
        expect(
          await page.evaluate(() =>
            (window as unknown as { __fakeHost: { activeSheet(): string } }).__fakeHost.activeSheet(),
          ),
        ).toBe('均衡评估报告'),
      );

      // The plan tab with its unit costs: no overlap, nothing sideways.
      await page.getByRole('tab', { name: words.plan }).click();
      const inputs = page.locator('input[inputmode="decimal"]');
      await inputs.first().waitFor({ state: 'visible' });
      const boxes = await inputs.evaluateAll((els) =>
        els.map((e) => {
          const b = e.getBoundingClientRect();
          return { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        }),
      );
      for (const [i, a] of boxes.entries()) {
        expect(a.right).toBeLessThanOrEqual(width);
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart).toBe(true);
        }
      }
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      if (language === 'zh' && width === 320) await screenshot(page, 'taskpane-plan-320.png');
      if (language === 'en' && width === 320) await screenshot(page, 'taskpane-plan-320-en.png');
      expect(pane.consoleErrors).toEqual([]);
    });
  }
}

for (const width of [320, 1200]) {
  test(`the table on another sheet than the active one is found; the sheet picker switches sheets (${width} px)`, async () => {
    pane = await openPane(browser, server.url, {
      stub: {},
      initScripts: fakeHostScripts(hostBundle, withGuide(workbook)),
      viewport: { width, height: width === 320 ? 800 : 900 },
    });
    const { page } = pane;
    await waitForTable(page);
    const step = page.getByRole('region', { name: '数据表' });
    const picker = step.getByRole('combobox', { name: /学校数据所在的工作表/ });
    await expect(picker.inputValue()).resolves.toBe(SHEET);
    if (width === 320) await screenshot(step, 'taskpane-sheet-picker.png');
    else {
      // The whole pane at a wide width, the picker in view and focused.
      await picker.scrollIntoViewIfNeeded();
      await picker.focus();
      await screenshot(page, 'taskpane-sheet-picker-1200.png');
    }
    await picker.selectOption('填表说明');
    await step.getByText('工作表“填表说明”中没有找到学校数据表。').waitFor({ state: 'visible' });
    // Steps stay numbered 1, 2, 3.
    await page
      .getByRole('region', { name: '列对应' })
      .getByText(/^找到数据表后/)
      .waitFor();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await picker.selectOption(SHEET);
    await waitForTable(page);
    expect(pane.consoleErrors).toEqual([]);
  });
}
