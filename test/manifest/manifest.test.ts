/**
 * @jest-environment jsdom
 */
// manifest.xml, read offline: one shared runtime for pane and functions, resources resolve, https only, zh-CN overrides.
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { ManifestInfo } from 'office-addin-manifest';
import { buildManifest, DEV_BASE_URL, resolveBaseUrl } from '../../scripts/manifest';
import { repoRoot } from '../support/paths';

const manifestPath = path.join(repoRoot, 'manifest.xml');
const source = fs.readFileSync(manifestPath, 'utf8');
const CJK = /[\u4e00-\u9fff]/;

/**
 * office-addin-manifest's own reader. It runs in a child node process because the package pulls in ESM-only
 * dependencies (uuid 14) that node loads natively but jest's CommonJS runtime cannot.
 */
function readManifestFile(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(
    execFileSync(process.execPath, ['-e', script, file], { cwd: repoRoot, encoding: 'utf8' }),
  );
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent}`);
  return doc;
}

/** Elements by local name, whatever their namespace prefix (bt:Image and Image alike). */
function all(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagName('*')).filter((e) => e.localName === localName);
}

function one(root: Document | Element, localName: string): Element {
  const found = all(root, localName);
  if (found.length !== 1) throw new Error(`expected one <${localName}>, found ${found.length}`);
  return found[0];
}

function child(element: Element, localName: string): Element {
  const found = Array.from(element.children).find((e) => e.localName === localName);
  if (!found) throw new Error(`<${element.localName}> has no <${localName}>`);
  return found;
}

type ResourceKind = 'image' | 'url' | 'shortString' | 'longString';

/** Resource id → kind and element, from <Resources>. */
function resources(doc: Document): Map<string, { kind: ResourceKind; element: Element }> {
  const map = new Map<string, { kind: ResourceKind; element: Element }>();
  const groups: [string, string, ResourceKind][] = [
    ['Images', 'Image', 'image'],
    ['Urls', 'Url', 'url'],
    ['ShortStrings', 'String', 'shortString'],
    ['LongStrings', 'String', 'longString'],
  ];
  for (const [group, item, kind] of groups) {
    for (const element of Array.from(one(doc, group).children).filter((e) => e.localName === item)) {
      const id = element.getAttribute('id') ?? '';
      if (map.has(id)) throw new Error(`duplicate resource id ${id}`);
      map.set(id, { kind, element });
    }
  }
  return map;
}

/** The kind of resource an element's resid must name (from the manifest reference). */
function expectedKind(element: Element): ResourceKind {
  switch (element.localName) {
    case 'Image':
      return 'image';
    case 'Runtime':
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'url';
    case 'Namespace':
    case 'Label':
    case 'Title':
      return 'shortString';
    case 'Description':
      return 'longString';
    default:
      throw new Error(`no rule for resid on <${element.localName}>`);
  }
}

function residElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('*')).filter((e) => e.hasAttribute('resid'));
}

function urlOf(doc: Document, resid: string): string {
  const resource = resources(doc).get(resid);
  if (!resource || resource.kind !== 'url') throw new Error(`${resid} is not a URL resource`);
  return resource.element.getAttribute('DefaultValue') ?? '';
}

/** Every URL-looking attribute value and text node (namespace declarations are names, not URLs). */
function urls(doc: Document): string[] {
  const found: string[] = [];
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(attribute.value.trim())) found.push(attribute.value.trim());
    }
    const text = Array.from(element.childNodes)
      .filter((n) => n.nodeType === 3)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) found.push(text);
  }
  return found;
}

function zhOverride(element: Element): string | null {
  const override = Array.from(element.children).find(
    (e) => e.localName === 'Override' && e.getAttribute('Locale') === 'zh-CN',
  );
  return override ? override.getAttribute('Value') : null;
}

const doc = parse(source);

describe('manifest.xml read with office-addin-manifest', () => {
  let info: ManifestInfo;
  beforeAll(() => {
    info = readManifestFile(manifestPath);
  });

  test('a task pane add-in for Excel workbooks with a stable GUID, en-US default, ReadWriteDocument', () => {
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.id).toBe('8d4bbf29-9325-440f-9d8f-316db3c1138d');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.defaultLocale).toBe('en-US');
    expect(info.displayName).toBe('Balance');
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  test('the manifest version follows package.json (x.y.z → x.y.z.0)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(info.version).toBe(`${pkg.version}.0`);
  });
});

describe('resources: every resid resolves to a resource of the right kind', () => {
  test('each resid names an existing resource of the kind its element needs', () => {
    const map = resources(doc);
    const references = residElements(doc);
    expect(references.length).toBeGreaterThan(15);
    for (const element of references) {
      const resid = element.getAttribute('resid') ?? '';
      const resource = map.get(resid);
      expect({ element: element.localName, resid, kind: resource?.kind }).toEqual({
        element: element.localName,
        resid,
        kind: expectedKind(element),
      });
    }
  });

  test('every resource is used', () => {
    const used = new Set(residElements(doc).map((e) => e.getAttribute('resid')));
    expect([...resources(doc).keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test('ids are at most 32 characters (resource ids, resids, group and control ids)', () => {
    const ids = [
      ...resources(doc).keys(),
      ...residElements(doc).map((e) => e.getAttribute('resid') ?? ''),
      ...[...all(doc, 'Group'), ...all(doc, 'Control'), ...all(doc, 'OfficeTab')].map(
        (e) => e.getAttribute('id') ?? '',
      ),
      ...all(doc, 'TaskpaneId').map((e) => e.textContent ?? ''),
    ];
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  test('all URLs are https', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    expect(found.filter((url) => !url.startsWith('https://'))).toEqual([]);
  });
});

describe('one shared runtime hosts the task pane and the custom functions', () => {
  test('Requirements ask for SharedRuntime 1.1 and CustomFunctionsRuntime 1.1', () => {
    const sets = Object.fromEntries(
      all(doc, 'Set').map((e) => [e.getAttribute('Name'), e.getAttribute('MinVersion')]),
    );
    expect(sets).toEqual({ SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' });
  });

  test('Runtime (lifetime long), functions Page, FunctionFile and ShowTaskpane all use the same resid: taskpane.html', () => {
    const runtime = one(doc, 'Runtime');
    expect(runtime.getAttribute('lifetime')).toBe('long');
    const resid = runtime.getAttribute('resid') ?? '';
    const page = child(one(doc, 'Page'), 'SourceLocation').getAttribute('resid');
    const functionFile = one(doc, 'FunctionFile').getAttribute('resid');
    const actions = all(doc, 'Action').filter((a) => a.getAttribute('xsi:type') === 'ShowTaskpane');
    expect(actions).toHaveLength(1);
    const showTaskpane = child(actions[0], 'SourceLocation').getAttribute('resid');
    expect({ page, functionFile, showTaskpane }).toEqual({
      page: resid,
      functionFile: resid,
      showTaskpane: resid,
    });
    expect(urlOf(doc, resid)).toBe(`${DEV_BASE_URL}taskpane.html`);
    expect(child(one(doc, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(
      urlOf(doc, resid),
    );
  });

  test('CustomFunctions: Script functions.js, Metadata functions.json with zh-CN functions-zh-cn.json, namespace BALANCE', () => {
    const extension = all(doc, 'ExtensionPoint').find(
      (e) => e.getAttribute('xsi:type') === 'CustomFunctions',
    );
    if (!extension) throw new Error('no CustomFunctions extension point');
    const script = child(child(extension, 'Script'), 'SourceLocation').getAttribute('resid') ?? '';
    expect(urlOf(doc, script)).toBe(`${DEV_BASE_URL}functions.js`);
    const metadataResid = child(child(extension, 'Metadata'), 'SourceLocation').getAttribute('resid') ?? '';
    const metadata = resources(doc).get(metadataResid)?.element;
    if (!metadata) throw new Error('metadata URL missing');
    expect(metadata.getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}functions.json`);
    expect(zhOverride(metadata)).toBe(`${DEV_BASE_URL}functions-zh-cn.json`);
    const namespace = resources(doc).get(child(extension, 'Namespace').getAttribute('resid') ?? '')?.element;
    expect(namespace?.getAttribute('DefaultValue')).toBe('BALANCE');
  });

  test('a Home tab button "Balance" / zh-CN "均衡评估" shows the task pane, with 16/32/80 icons', () => {
    const tab = one(doc, 'OfficeTab');
    expect(tab.getAttribute('id')).toBe('TabHome');
    const control = one(tab, 'Control');
    expect(control.getAttribute('xsi:type')).toBe('Button');
    const label = resources(doc).get(child(control, 'Label').getAttribute('resid') ?? '')?.element;
    if (!label) throw new Error('button label missing');
    expect(label.getAttribute('DefaultValue')).toBe('Balance');
    expect(zhOverride(label)).toBe('均衡评估');
    expect(child(control, 'Action').getAttribute('xsi:type')).toBe('ShowTaskpane');
    for (const icon of [one(tab, 'Group'), control].map((e) => child(e, 'Icon'))) {
      const sizes = Array.from(icon.children).map((image) => image.getAttribute('size'));
      expect(sizes).toEqual(['16', '32', '80']);
      for (const image of Array.from(icon.children)) {
        const url = resources(doc)
          .get(image.getAttribute('resid') ?? '')
          ?.element.getAttribute('DefaultValue');
        expect(url).toBe(`${DEV_BASE_URL}assets/icon-${image.getAttribute('size')}.png`);
      }
    }
    expect(one(doc, 'IconUrl').getAttribute('DefaultValue')).toBe(`${DEV_BASE_URL}assets/icon-32.png`);
    expect(one(doc, 'HighResolutionIconUrl').getAttribute('DefaultValue')).toBe(
      `${DEV_BASE_URL}assets/icon-64.png`,
    );
  });
});

describe('zh-CN overrides for every user-visible string', () => {
  test('DisplayName is 均衡评估助手 in zh-CN and Description has a Chinese override', () => {
    expect(zhOverride(one(doc, 'DisplayName'))).toBe('均衡评估助手');
    const description = Array.from(doc.documentElement.children).find((e) => e.localName === 'Description');
    if (!description) throw new Error('no top-level Description');
    expect(zhOverride(description)).toMatch(CJK);
  });

  test('every short and long string but the BALANCE namespace has a Chinese zh-CN override', () => {
    const strings = [...resources(doc).entries()].filter(
      ([, r]) => r.kind === 'shortString' || r.kind === 'longString',
    );
    expect(strings.length).toBeGreaterThanOrEqual(5);
    const missing = strings
      .filter(([id]) => id !== 'Functions.Namespace')
      .filter(([, r]) => !CJK.test(zhOverride(r.element) ?? ''))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });
});

describe('production manifest: every URL base replaced by ADDIN_BASE_URL', () => {
  const base = 'https://example.org/balance/';

  test('ADDIN_BASE_URL=https://example.org/balance/ → every URL starts with it and no localhost remains', () => {
    const built = buildManifest(source, base);
    const builtDoc = parse(built);
    const found = urls(builtDoc);
    expect(found.length).toBe(urls(doc).length);
    expect(found.filter((url) => !url.startsWith(base))).toEqual([]);
    expect(built).not.toMatch(/localhost/i);
    expect(urlOf(builtDoc, 'Taskpane.Url')).toBe(`${base}taskpane.html`);
    expect(residElements(builtDoc).map((e) => e.getAttribute('resid'))).toEqual(
      residElements(doc).map((e) => e.getAttribute('resid')),
    );
  });

  test('no ADDIN_BASE_URL → the development base https://localhost:3000/, the manifest unchanged', () => {
    expect(resolveBaseUrl(undefined)).toBe('https://localhost:3000/');
    expect(buildManifest(source, undefined)).toBe(source);
    expect(buildManifest(source, '')).toBe(source);
  });

  test.each([
    ['http://example.org/balance/', /https/],
    ['https://example.org/balance', /必须以 \/ 结尾/],
    ['example.org/balance/', /不是有效的网址/],
    ['https://example.org/balance/?v=1', /\?/],
  ])('an invalid base %s is rejected with a clear message', (bad, message) => {
    expect(() => buildManifest(source, bad)).toThrow(message);
  });

  test('characters special to XML in the base are escaped', () => {
    const built = buildManifest(source, 'https://example.org/a&b/');
    expect(urlOf(parse(built), 'Taskpane.Url')).toBe('https://example.org/a&b/taskpane.html');
  });
});
