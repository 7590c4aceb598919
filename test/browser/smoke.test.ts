// Smoke test of the BUILT add-in page (dist/) in headless chromium with a stubbed Office.js and no network.
import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeMetadata } from '../../scripts/localizeMetadata';
import { buildManifest, resolveBaseUrl } from '../../scripts/manifest';
import { launchChromium, openPane, type PaneSession } from '../support/browser';
import { distDir, repoRoot, requireBuild, screenshotPath } from '../support/paths';
import { startStaticServer, type StaticServer } from '../support/server';

jest.setTimeout(60_000);

type Outcome = { value: unknown } | { error: { code: unknown; message: string } };

let server: StaticServer;
let browser: Browser;
let pane: PaneSession | undefined;

beforeAll(async () => {
  requireBuild();
  server = await startStaticServer();
  browser = await launchChromium();
});

afterEach(async () => {
  await pane?.close();
  pane = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Calls a custom function the page registered through CustomFunctions.associate, as Excel would. */
function callFunction(session: PaneSession, id: string, args: unknown[]): Promise<Outcome> {
  return session.page.evaluate(
    ([fnId, fnArgs]) => {
      const registry = (
        window as unknown as { __customFunctions: Record<string, (...a: unknown[]) => unknown> }
      ).__customFunctions;
      try {
        return { value: registry[fnId as string](...(fnArgs as unknown[])) };
      } catch (error) {
        const e = error as { code?: unknown; message?: string };
        return { error: { code: e.code, message: String(e.message) } };
      }
    },
    [id, args] as const,
  );
}

test('the task pane renders 均衡评估助手 in zh-CN, with no console errors and no outside requests', async () => {
  pane = await openPane(browser, server.url);
  const heading = pane.page.getByRole('heading', { level: 1, name: '均衡评估助手' });
  await heading.waitFor({ state: 'visible', timeout: 20_000 });
  await expect(pane.page.getByText('县域义务教育均衡发展督导评估').isVisible()).resolves.toBe(true);
  await expect(pane.page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
  await expect(pane.page.title()).resolves.toBe('均衡评估助手');
  await pane.page.screenshot({ path: screenshotPath('smoke.png') });
  expect(pane.consoleErrors).toEqual([]);
  expect(pane.blockedRequests).toEqual([]);
});

test('an English display language gets the English strings', async () => {
  pane = await openPane(browser, server.url, { stub: { displayLanguage: 'en-US' } });
  await pane.page
    .getByRole('heading', { level: 1, name: 'Balance' })
    .waitFor({ state: 'visible', timeout: 20_000 });
  await expect(pane.page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  expect(pane.consoleErrors).toEqual([]);
});

test('shared runtime: the page registers every function of functions.json, and DIFFRATE answers TV-8', async () => {
  pane = await openPane(browser, server.url);
  await pane.page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible', timeout: 20_000 });
  const metadata = JSON.parse(fs.readFileSync(path.join(distDir, 'functions.json'), 'utf8')) as {
    functions: { id: string }[];
  };
  const registered = await pane.page.evaluate(() =>
    Object.keys((window as unknown as { __customFunctions: object }).__customFunctions),
  );
  expect(registered.sort()).toEqual(metadata.functions.map((f) => f.id).sort());

  const rate = await callFunction(pane, 'DIFFRATE', [[[520], [500], [450]]]);
  expect('value' in rate && (rate.value as number).toFixed(4)).toBe('0.0816');
  const blanksAndText = await callFunction(pane, 'DIFFRATE', [
    [
      [520, null],
      ['500', ''],
      [400, ' '],
    ],
  ]);
  expect('value' in blanksAndText && (blanksAndText.value as number).toFixed(4)).toBe('0.1549');
  await expect(callFunction(pane, 'DIFFRATE', [[[520], ['abc']]])).resolves.toEqual({
    error: { code: '#VALUE!', message: expect.stringContaining('第 2 个分数（第 2 行）') },
  });
  expect(pane.consoleErrors).toEqual([]);
  expect(pane.blockedRequests).toEqual([]);
});

test('the build emitted functions.json, functions-zh-cn.json and manifest.xml from the current sources', async () => {
  const read = (file: string) => fs.readFileSync(path.join(distDir, file), 'utf8');
  const generated = await generateCustomFunctionsMetadata(path.join(repoRoot, 'src/functions/functions.ts'));
  expect(generated.errors).toEqual([]);
  expect(JSON.parse(read('functions.json'))).toEqual(JSON.parse(generated.metadataJson));
  const table = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src/functions/metadata.zh-CN.json'), 'utf8'));
  expect(JSON.parse(read('functions-zh-cn.json'))).toEqual(
    localizeMetadata(JSON.parse(generated.metadataJson), table).metadata,
  );
  const source = fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8');
  expect(read('manifest.xml')).toBe(buildManifest(source, resolveBaseUrl(process.env.ADDIN_BASE_URL)));
  for (const size of [16, 32, 64, 80]) {
    expect(fs.readFileSync(path.join(distDir, `assets/icon-${size}.png`))).toEqual(
      fs.readFileSync(path.join(repoRoot, `assets/icon-${size}.png`)),
    );
  }
});
