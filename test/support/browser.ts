// Headless Debian chromium for browser tests: the Office.js CDN routed to a local stub, every other outside request blocked.
import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The Office.js URL taskpane.html loads; tests answer it with office-stub.js. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Debian's chromium; CHROMIUM_PATH overrides it (playwright's own browser downloads are not used). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface OfficeStubOptions {
  host?: string;
  platform?: string;
  /** Office.context.displayLanguage; zh-CN unless given. */
  displayLanguage?: string;
  /** What Office.context.document.settings holds when the page opens (JSON values). */
  settings?: Record<string, unknown>;
}

export interface OpenPaneOptions {
  stub?: OfficeStubOptions;
  /** Page path relative to the server URL. */
  path?: string;
  /** Scripts run in the page before any of its own (e.g. a fake Excel host). */
  initScripts?: string[];
  viewport?: { width: number; height: number };
}

export interface PaneSession {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught page errors. */
  consoleErrors: string[];
  /** Requests to anywhere but the test server and the stubbed Office.js (aborted). */
  blockedRequests: string[];
  close(): Promise<void>;
}

const stubSource = fs.readFileSync(path.join(__dirname, 'office-stub.js'), 'utf8');

/** Opens the served task pane as Office would, with no network: only `baseUrl` and the Office.js stub answer. */
export async function openPane(
  browser: Browser,
  baseUrl: string,
  options: OpenPaneOptions = {},
): Promise<PaneSession> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 400, height: 640 },
    locale: options.stub?.displayLanguage ?? 'zh-CN',
  });
  const consoleErrors: string[] = [];
  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS_URL) {
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: stubSource });
    }
    if (url.startsWith(baseUrl)) return route.continue();
    blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(`window.__OFFICE_STUB__ = ${JSON.stringify(options.stub ?? {})};`);
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`${error.name}: ${error.message}`));
  await page.goto(new URL(options.path ?? 'taskpane.html', baseUrl).toString(), { waitUntil: 'load' });
  return { page, context, consoleErrors, blockedRequests, close: () => context.close() };
}
