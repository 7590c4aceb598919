// The web version as a county user meets it: the BUILT dist/web/index.html opened from file:// in headless chromium.
// Each sample goes in through the file chooser (选择工作簿), 检查并标注 runs the pane over the in-memory .xlsx host, and
// 下载标注副本 must hold the same marks (cells, fills, note texts) as `balance check --out` writes for the same file;
// 下载申报表 the same tables as `balance forms`. Every request the page makes is file:, blob: or data:. A generated
// 5,000-school county times load-to-results and the preview's scrolling.
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { distDir, repoRoot, screenshotPath, builtCli } from '../support/paths';
import { startStaticServer } from '../support/server';

jest.setTimeout(240_000);

const WEB = path.join(distDir, 'web');
const INDEX_URL = pathToFileURL(path.join(WEB, 'index.html')).toString();
const CLI = builtCli;
const SAMPLES = fs
  .readdirSync(path.join(repoRoot, 'assets/samples'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => path.join(repoRoot, 'assets/samples', f));

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(WEB, 'index.html')))
    throw new Error('dist/web/index.html is missing: run `npm run build` first (`npm test` does it for you)');
  if (!fs.existsSync(CLI)) throw new Error('build/cli is missing: run `npm run build:cli` first');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'balance-web-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

interface Session {
  page: Page;
  context: BrowserContext;
  requests: string[];
  errors: string[];
}

async function openPage(viewport = { width: 1280, height: 800 }, url = INDEX_URL): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, requests, errors };
}

async function waitEnabled(locator: Locator, timeout = 60_000): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout });
  const deadline = Date.now() + timeout;
  while (!(await locator.isEnabled())) {
    if (Date.now() > deadline) throw new Error(`still disabled after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function downloadOf(page: Page, button: Locator, to: string): Promise<{ name: string; file: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  await download.saveAs(to);
  return { name: download.suggestedFilename(), file: to };
}

/** Loads `file` through the chooser and runs 检查并标注; returns the milliseconds to the table and to the results. */
async function loadAndCheck(page: Page, file: string): Promise<{ table: number; results: number }> {
  const start = Date.now();
  await page.getByLabel('选择工作簿').setInputFiles(file);
  const check = page.getByRole('button', { name: '检查并标注' });
  await waitEnabled(check, 120_000);
  const table = Date.now() - start;
  await check.click();
  await waitEnabled(page.getByRole('button', { name: '下载标注副本' }), 120_000);
  return { table, results: Date.now() - start };
}

type CellMarks = Record<string, { fill: string | null; note: string | null }>;

function noteText(note: ExcelJS.Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Every cell of `sheet` with a solid fill or a note: what the marks are, as a spreadsheet shows them. */
async function marksOf(file: string, sheet: string): Promise<CellMarks> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`${file} has no sheet ${sheet}`);
  const out: CellMarks = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const fill =
        cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid'
          ? (cell.fill.fgColor?.argb ?? null)
          : null;
      const note = noteText(cell.note);
      if (fill || note) out[cell.address] = { fill, note };
    }),
  );
  return out;
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

async function valuesOf(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  wb.getWorksheet(sheet)?.eachRow({ includeEmpty: true }, (row, n) => {
    out[n] = (row.values as unknown[]).slice(1);
  });
  return out;
}

function onlyLocal(requests: string[]): string[] {
  return requests.filter((u) => !/^(file|blob|data):/.test(u));
}

describe('from file://', () => {
  test.each(SAMPLES.map((f) => [path.basename(f), f]))(
    '%s: 下载标注副本 carries the marks `balance check --out` writes; 下载申报表 the tables of `balance forms`',
    async (name, file) => {
      const s = await openPage();
      try {
        await loadAndCheck(s.page, file);
        const base = name.replace(/\.xlsx$/, '');
        await s.page.screenshot({ path: screenshotPath(`web-${base}-1280.png`) });
        const web = await downloadOf(
          s.page,
          s.page.getByRole('button', { name: '下载标注副本' }),
          path.join(tmp, `web-${name}`),
        );
        expect(web.name).toBe(`${base}-评估结果.xlsx`);

        const cliOut = path.join(tmp, `cli-${name}`);
        execFileSync(process.execPath, [CLI, 'check', file, '--out', cliOut], { stdio: 'pipe' });
        const sheets = await sheetNames(cliOut);
        // The data sheet is the first; the report sheets the CLI adds follow it, and the web copy has them too.
        expect(await sheetNames(web.file)).toEqual(sheets);
        const cliMarks = await marksOf(cliOut, sheets[0]);
        const webMarks = await marksOf(web.file, sheets[0]);
        expect(Object.keys(cliMarks).length).toBeGreaterThan(0);
        expect(webMarks).toEqual(cliMarks);

        const forms = await downloadOf(
          s.page,
          s.page.getByRole('button', { name: '下载申报表' }),
          path.join(tmp, `web-forms-${name}`),
        );
        expect(forms.name).toBe(`${base}-申报表.xlsx`);
        const formsDir = path.join(tmp, `forms-${base}`);
        execFileSync(process.execPath, [CLI, 'forms', file, '--out-dir', formsDir], { stdio: 'pipe' });
        const cliForms = path.join(formsDir, `${base}-申报表.xlsx`);
        const formSheets = await sheetNames(cliForms);
        expect(await sheetNames(forms.file)).toEqual(formSheets);
        for (const sheet of formSheets)
          expect(await valuesOf(forms.file, sheet)).toEqual(await valuesOf(cliForms, sheet));

        // The preview shows the marks in view with their fills, and a mark's note on focus.
        const marked = s.page.locator('[data-testid="sheet-preview"] [data-address]');
        for (let i = 0; i < (await marked.count()); i++) {
          const cell = marked.nth(i);
          const address = (await cell.getAttribute('data-address')) ?? '';
          expect(`FF${(await cell.getAttribute('data-fill'))?.slice(1)}`).toBe(cliMarks[address]?.fill);
          if (i > 0) continue;
          await cell.focus();
          await expect(s.page.getByTestId('preview-note').textContent()).resolves.toContain(
            (cliMarks[address].note ?? '').split('\n')[0],
          );
        }

        await s.page.screenshot({ path: screenshotPath(`web-${base}-note-1280.png`) });
        expect(onlyLocal(s.requests)).toEqual([]);
        expect(s.errors).toEqual([]);
      } finally {
        await s.context.close();
      }
    },
  );

  test('narrow screen (390×844): the chooser, then the pane with the preview below it', async () => {
    const s = await openPage({ width: 390, height: 844 });
    try {
      await s.page.screenshot({ path: screenshotPath('web-start-390.png') });
      await expect(s.page.getByText('本页面不联网，工作簿不会上传', { exact: false }).count()).resolves.toBe(
        1,
      );
      await expect(s.page.getByRole('button', { name: '选择工作簿' }).count()).resolves.toBe(1);
      await loadAndCheck(s.page, SAMPLES[0]);
      await s.page.screenshot({ path: screenshotPath('web-checked-390.png') });
      await s.page.getByTestId('sheet-preview').scrollIntoViewIfNeeded();
      await s.page.screenshot({ path: screenshotPath('web-preview-390.png') });
      expect(onlyLocal(s.requests)).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test('several workbooks: a county list with verdicts, sortable, each opening in the pane, one zip', async () => {
    const s = await openPage();
    try {
      await s.page.getByLabel('选择工作簿').setInputFiles(SAMPLES);
      const rows = s.page.getByTestId('county-row');
      const all = s.page.getByRole('button', { name: /下载全部/ });
      await waitEnabled(all);
      expect(await rows.count()).toBe(SAMPLES.length);
      await s.page.getByRole('button', { name: '县域结论' }).click();
      await s.page.screenshot({ path: screenshotPath('web-counties-1280.png') });
      const zip = await downloadOf(s.page, all, path.join(tmp, 'all.zip'));
      const entries = Object.keys(unzipSync(new Uint8Array(fs.readFileSync(zip.file))));
      expect(entries.sort()).toEqual(
        [
          '县域均衡评估汇总.xlsx',
          ...SAMPLES.map((f) => path.basename(f).replace(/\.xlsx$/, '-评估结果.xlsx')),
        ].sort(),
      );
      await s.page.getByRole('button', { name: `打开 ${path.basename(SAMPLES[0])}` }).click();
      await waitEnabled(s.page.getByRole('button', { name: '检查并标注' }));
      await s.page.getByRole('button', { name: '返回县列表' }).click();
      expect(await rows.count()).toBe(SAMPLES.length);
      expect(onlyLocal(s.requests)).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });
});

test('from a static server: the same page, requests only to that server', async () => {
  const server = await startStaticServer(WEB);
  const s = await openPage(undefined, `${server.url}index.html`);
  try {
    await loadAndCheck(s.page, SAMPLES[0]);
    expect(s.requests.filter((u) => !u.startsWith(server.url) && !/^(blob|data):/.test(u))).toEqual([]);
    expect(s.errors).toEqual([]);
  } finally {
    await s.context.close();
    await server.close();
  }
});

/** The 优质均衡 sample grown to `schools` rows: its data rows repeated with new names and slightly varied figures. */
async function bigCounty(schools: number, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLES.find((f) => f.includes('优质'))!);
  const ws = wb.worksheets[0];
  const first = 3;
  const last = ws.rowCount;
  const template = Array.from({ length: last - first + 1 }, (_, i) =>
    (ws.getRow(first + i).values as unknown[]).slice(),
  );
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let n = last - first + 1; n < schools; n++) {
    const values = template[n % template.length].slice();
    values[1] = n + 1;
    values[2] = `${String(values[2])}${n + 1}`;
    for (let c = 6; c < values.length; c++)
      if (typeof values[c] === 'number')
        values[c] = Math.round((values[c] as number) * (0.85 + random() * 0.3));
    ws.addRow(values.slice(1));
  }
  await wb.xlsx.writeFile(file);
}

test('5,000 schools: load to results, and the preview scrolls to the end (virtualised)', async () => {
  const file = path.join(tmp, '大县-5000所.xlsx');
  await bigCounty(5000, file);
  const s = await openPage();
  try {
    const times = await loadAndCheck(s.page, file);
    const scroll = await s.page.evaluate(async () => {
      const el = document.querySelector('[data-testid="sheet-preview"]') as HTMLElement;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const rowsInDom = () => el.querySelectorAll('[role="row"]').length;
      // A mouse wheel: 120 px a frame for 90 frames.
      const frames: number[] = [];
      let maxRows = 0;
      let last = performance.now();
      for (let k = 0; k < 90; k++) {
        el.scrollTop += 120;
        await frame();
        const now = performance.now();
        frames.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, rowsInDom());
      }
      // Dragging the scroll bar to the end: the last row must be drawn within two frames.
      const start = performance.now();
      el.scrollTop = el.scrollHeight;
      await frame();
      await frame();
      const toEnd = performance.now() - start;
      maxRows = Math.max(maxRows, rowsInDom());
      const sorted = frames.slice().sort((x, y) => x - y);
      const lastRow = Array.from(el.querySelectorAll('[role="row"]')).pop()?.getAttribute('aria-rowindex');
      return {
        frames: frames.length,
        mean: frames.reduce((x, y) => x + y, 0) / frames.length,
        p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
        max: sorted[sorted.length - 1] ?? 0,
        toEnd,
        maxRows,
        lastRow: Number(lastRow),
        rowCount: Number(el.getAttribute('aria-rowcount')),
      };
    });
    console.log(
      `5,000 schools: table found ${times.table} ms, results ${times.results} ms after choosing the file; ` +
        `preview (${scroll.rowCount} rows): wheel ${scroll.frames} frames of 120 px, mean ${scroll.mean.toFixed(1)} ms, ` +
        `p95 ${scroll.p95.toFixed(1)} ms, worst ${scroll.max.toFixed(1)} ms; to the end in ${Math.round(scroll.toEnd)} ms; ` +
        `at most ${scroll.maxRows} rows in the DOM`,
    );
    await s.page.screenshot({ path: screenshotPath('web-5000-1280.png') });
    expect(scroll.rowCount).toBeGreaterThanOrEqual(5000);
    // The sheet's rows start at row 1: the last one rendered at the end is the last row of the sheet.
    expect(scroll.lastRow).toBe(scroll.rowCount);
    expect(scroll.maxRows).toBeLessThan(120);
    expect(times.results).toBeLessThan(90_000);
    // Generous: a loaded 2-core machine without a GPU; a desktop draws these frames in a few ms.
    expect(scroll.p95).toBeLessThan(250);
    expect(scroll.toEnd).toBeLessThan(2_000);
    expect(onlyLocal(s.requests)).toEqual([]);
    expect(s.errors).toEqual([]);
  } finally {
    await s.context.close();
  }
});
