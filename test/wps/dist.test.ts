// Static checks of the built WPS add-in (dist/wps, made by `npm run build`): the files WPS reads and what they name.
import fs from 'fs';
import path from 'path';
import vm from 'vm';
import { RANGE_PARAMETERS } from '../../src/wps/functions';

// xml2js comes with office-addin-manifest (a dev dependency) and has no typings; parsed XML is walked loosely here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise: (xml: string) => Promise<any> };

const DIST = path.resolve(__dirname, '../../dist');
const read = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8');

interface WpsFunction {
  name: string;
  description: string;
  parameters: { name: string; type: string }[];
}
interface OfficeFunction {
  id: string;
  parameters: { name: string; dimensionality?: string }[];
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'wps/ribbon.xml')))
    throw new Error('dist/wps 不存在：先运行 npm run build');
});

test('ribbon.xml is well-formed, has the 均衡评估 group, and every callback it names is defined by main.js', async () => {
  const xml = read('wps/ribbon.xml');
  expect(xml.startsWith('<customUI')).toBe(true);
  const parsed = await parseStringPromise(xml);
  const group = parsed.customUI.ribbon[0].tabs[0].tab[0].group[0];
  expect(group.$.label).toBe('均衡评估');
  const callbacks = [
    ...xml.matchAll(/\s(?:onLoad|onAction|getImage|getLabel|getEnabled|getVisible)="([^"]+)"/g),
  ].map((m) => m[1]);
  expect(callbacks.length).toBeGreaterThanOrEqual(3);

  const added: string[] = [];
  const window: Record<string, unknown> = {
    wps: { AddCustomFunction: (_ns: string, name: string) => added.push(name) },
    location: { href: 'https://example.test/wps/index.html' },
    console,
    URL,
  };
  window.globalThis = window;
  vm.runInNewContext(read('wps/main.js'), window);
  for (const name of callbacks) expect(typeof window[name]).toBe('function');
  // Synchronous: a callback returning a promise would break the ribbon on some WPS builds.
  expect((window.OnAddinLoad as (ui: unknown) => unknown)({})).toBe(true);
  expect(added.length).toBeGreaterThan(0);
});

test('functions.json lists exactly the Office functions, in Chinese, with range parameters as [][] types', () => {
  const office = JSON.parse(read('functions.json')).functions as OfficeFunction[];
  const wps = JSON.parse(read('wps/functions.json')).functions as WpsFunction[];
  expect(wps.map((f) => f.name).sort()).toEqual(office.map((f) => f.id).sort());
  for (const fn of wps) expect(fn.description).toMatch(/[\u4e00-\u9fff]/);
  for (const fn of office) {
    const matrix = fn.parameters.flatMap((p, i) => (p.dimensionality === 'matrix' ? [i] : []));
    expect([fn.id, RANGE_PARAMETERS[fn.id] ?? []]).toEqual([fn.id, matrix]);
  }
  expect(read('wps/manifest.xml')).toContain('<Namespace>BALANCE</Namespace>');
});

test('jsplugins.xml (online and offline) and publish.xml are valid and point at the add-in', async () => {
  const online = await parseStringPromise(read('wps/jsplugins.xml'));
  expect(online.jsplugins.jspluginonline[0].$).toMatchObject({ name: 'balance', type: 'et' });
  expect(online.jsplugins.jspluginonline[0].$.url).toMatch(/^https:\/\/.+\/wps\/$/);
  const offline = await parseStringPromise(read('wps-offline/jsplugins.xml'));
  expect(offline.jsplugins.jsplugin[0].$.url).toMatch(/\.7z$/);
  const local = await parseStringPromise(read('wps-offline/publish.xml'));
  const folder = local.jsplugins.jsplugin[0].$.url as string;
  expect(fs.existsSync(path.join(DIST, 'wps-offline', folder, 'ribbon.xml'))).toBe(true);
  expect(read('wps/publish.html')).toContain('127.0.0.1:58890');
});

test('the WPS bundles avoid APIs missing from old embedded Chromium', () => {
  for (const file of ['wps/main.js', 'wps/taskpane.js']) {
    const js = read(file);
    expect(js).not.toMatch(/randomUUID|structuredClone|getReader\(\)/);
  }
});
