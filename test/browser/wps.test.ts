// End to end in WPS's place: the BUILT WPS pane (dist/wps/taskpane.html) in headless chromium, with the fake WPS
// object model as window.Application / window.wps holding 示例县-优质均衡.xlsx: 检查并标注 paints the engine's plan as
// BGR fills and 批注, 清除标注 puts every cell back, and the page asks nothing of the network.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { openWorkbook } from '../../src/cli/check';
import { chooseSheet } from '../../src/hosts/xlsx/workbook';
import { checkSheet, highlightsFor, QUALITY_2017, type HighlightPlan } from '../../src/engine';
import { launchChromium, openPane, type PaneSession } from '../support/browser';
import type { WorkbookData } from '../support/fakeHostData';
import { readXlsx } from '../support/fakeHostXlsx';
import { bundleFakeWps, fakeWpsScripts } from '../support/fakeWpsBundle';
import type { WpsSheetDump } from '../support/fakeWpsHost';
import { distDir, repoRoot, screenshotPath } from '../support/paths';
import { startStaticServer, type StaticServer } from '../support/server';

jest.setTimeout(120_000);

const SAMPLE = path.join(repoRoot, 'assets/samples/示例县-优质均衡.xlsx');
const SHEET = '学校基本情况';
const WPS_DIST = path.join(distDir, 'wps');
const bgr = (hex: string) =>
  parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) * 256 + parseInt(hex.slice(5, 7), 16) * 65536;

let server: StaticServer;
let browser: Browser;
let bundle: string;
let workbook: WorkbookData;
let plan: HighlightPlan;
let pane: PaneSession | undefined;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WPS_DIST, 'taskpane.html')))
    throw new Error(
      'dist/wps/taskpane.html is missing: run `npm run build` first (`npm test` does it for you)',
    );
  [server, browser, bundle, workbook] = await Promise.all([
    startStaticServer(WPS_DIST),
    launchChromium(),
    bundleFakeWps(),
    readXlsx(SAMPLE),
  ]);
  const opened = await openWorkbook(SAMPLE);
  if (!opened.ok) throw new Error(opened.message);
  const chosen = chooseSheet(SAMPLE, opened.workbook, SHEET);
  if (!chosen.ok) throw new Error(chosen.message);
  plan = highlightsFor(checkSheet(chosen.grid, QUALITY_2017));
});

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function dump(page: Page): Promise<WpsSheetDump[]> {
  return page.evaluate(() =>
    (window as unknown as { __fakeWps: { dump(): WpsSheetDump[] } }).__fakeWps.dump(),
  );
}

test('检查并标注 paints the engine’s plan in BGR with 批注; 清除标注 restores every cell; no network', async () => {
  pane = await openPane(browser, server.url, {
    initScripts: fakeWpsScripts(bundle, workbook),
    viewport: { width: 400, height: 900 },
  });
  const { page } = pane;
  // Every request the page makes, allowed or not: only the local server, data: and blob: may appear.
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.reload({ waitUntil: 'load' });

  await page.getByText(`工作表“${SHEET}”`).waitFor({ state: 'visible', timeout: 30_000 });
  const original = await dump(page);

  await page.getByRole('button', { name: '检查并标注' }).click();
  await page.getByRole('region', { name: '检查结果' }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.getByText(`检查完成，已标注 ${plan.marks.length} 个单元格。`).waitFor();

  const painted = (await dump(page)).find((s) => s.name === SHEET)!;
  const before = original.find((s) => s.name === SHEET)!;
  const changed = Object.keys(painted.cells).filter(
    (a) =>
      painted.cells[a].color !== before.cells[a]?.color ||
      painted.cells[a].comment !== before.cells[a]?.comment,
  );
  expect(plan.marks.length).toBeGreaterThan(0);
  expect(changed.sort()).toEqual(plan.marks.map((m) => m.address).sort());
  for (const mark of plan.marks) {
    expect(painted.cells[mark.address]).toMatchObject({ color: bgr(mark.fill), pattern: 1 });
    expect(painted.cells[mark.address].comment).toBe(mark.note);
  }
  // The snapshot is on a very hidden sheet; the user's sheets are as they were.
  const sheets = await dump(page);
  expect(sheets.find((s) => s.name === '_balance_marks')?.visible).toBe(2);
  expect(sheets.filter((s) => s.visible === -1).map((s) => s.name)).toEqual(
    original.filter((s) => s.visible === -1).map((s) => s.name),
  );

  await page.mouse.move(0, 0);
  const file = screenshotPath('wps-taskpane-check.png');
  await page.screenshot({ path: file, animations: 'disabled' });

  // A failing school's button selects its row in WPS.
  await page
    .getByRole('region', { name: '检查结果' })
    .getByRole('button', { name: /^定位到 / })
    .first()
    .click();
  const selection = () =>
    page.evaluate(() =>
      (window as unknown as { __fakeWps: { selection(): string | null } }).__fakeWps.selection(),
    );
  for (let i = 0; i < 50 && (await selection()) === null; i++) await page.waitForTimeout(100);
  expect(await selection()).toMatch(new RegExp(`^${SHEET}!A(\\d+):XFD\\1$`));

  await page.getByRole('button', { name: '清除标注' }).click();
  await page.getByText(/^已清除标注，恢复了 \d+ 个单元格。/).waitFor();
  // Every sheet of the user's is exactly as before; what is left hidden is the pane's settings, not a mark.
  const visible = (all: WpsSheetDump[]) => all.filter((s) => s.visible === -1);
  const after = await dump(page);
  expect(visible(after)).toEqual(visible(original));
  expect(after.filter((s) => s.visible !== -1).map((s) => s.name)).toEqual(['_balance_settings']);

  expect(pane.consoleErrors).toEqual([]);
  expect(pane.blockedRequests).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => !/^(data:|blob:|file:)/.test(url) && !url.startsWith(server.url))).toEqual(
    [],
  );
});
