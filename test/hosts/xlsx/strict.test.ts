// Strict Open XML in, Strict Open XML out: every part the marked copy adds to or changes in a Strict package
// (ISO/IEC 29500 Strict, purl.oclc.org namespaces) uses the Strict namespaces, our reader reads the marks, notes
// and report sheets back, and LibreOffice converts the copy with the report's cells intact.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  checkSheet,
  getProfile,
  type HighlightPlan,
  highlightsFor,
  type Profile,
  type ReportPlan,
  reportsFor,
} from '../../../src/engine';
import { conformanceOf, STRICT, TRANSITIONAL } from '../../../src/hosts/xlsx/package/conformance';
import { XlsxPackage } from '../../../src/hosts/xlsx/package/parts';
import { attribute, decodeEntities, nextTag } from '../../../src/hosts/xlsx/package/xml';
import { readZip } from '../../../src/hosts/xlsx/package/zip';
import { markedCopy } from '../../../src/hosts/xlsx/write/markedCopy';
import { NOTE_AUTHOR } from '../../../src/hosts/xlsx/write/notes';
import { chooseSheet, openWorkbookBytes } from '../../../src/hosts/xlsx/workbook';
import { tmpDir } from '../../cli/fixtures';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'xlsx', 'corpus-strict.xlsx');
const SHEET = '学校数据';
const SHEET_PATH = 'xl/worksheets/sheet1.xml';
const profile = getProfile('quality-2017') as Profile;
const dir = tmpDir('balance-strict-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Transitional URIs of SpreadsheetML, the office-document relationships and properties, and DrawingML. The OPC
 * namespaces (schemas.openxmlformats.org/package/2006/…) are the same in both conformance classes and allowed.
 */
const TRANSITIONAL_URIS =
  /http:\/\/schemas\.openxmlformats\.org\/(?:spreadsheetml|officeDocument|drawingml)\/[^"'\s<]*/g;

interface Marked {
  input: Uint8Array;
  output: Uint8Array;
  plan: HighlightPlan;
  reports: ReportPlan[];
}

function mark(input: Uint8Array): Marked {
  const opened = openWorkbookBytes(input, 'strict.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const chosen = chooseSheet('strict.xlsx', opened.workbook, SHEET);
  if (!chosen.ok) throw new Error(chosen.message);
  const check = checkSheet(chosen.grid, profile);
  const plan = highlightsFor(check);
  const reports = [...reportsFor(check, new Date(Date.UTC(2026, 2, 1)))];
  return { input, output: markedCopy(opened.workbook, plan, reports), plan, reports };
}

/** Parts that are new in the output or whose bytes differ from the input's, with their text. */
function touchedParts(m: Marked): Map<string, string> {
  const before = new Map(readZip(m.input).map((e) => [e.name, e]));
  const out = new Map<string, string>();
  const files = unzipSync(m.output);
  for (const entry of readZip(m.output)) {
    const old = before.get(entry.name);
    if (old && old.crc === entry.crc && Buffer.compare(Buffer.from(old.raw), Buffer.from(entry.raw)) === 0)
      continue;
    out.set(entry.name, strFromU8(files[entry.name]));
  }
  return out;
}

/** The root element's own namespace (default or of its prefix). */
function rootNamespace(xml: string): string | undefined {
  const root = nextTag(xml, 0)!;
  const tag = xml.slice(root.start, root.end);
  const name = /^<([^\s/>]+)/.exec(tag)![1];
  const prefix = name.includes(':') ? `:${name.slice(0, name.indexOf(':'))}` : '';
  return new RegExp(`\\sxmlns${prefix}="([^"]*)"`).exec(tag)?.[1];
}

/** The fill colour (ARGB) of each cell of a sheet, read through styles.xml's cellXfs and fills. */
function fillsOf(pkg: XlsxPackage, stylesPath: string, sheetPath: string): Map<string, string> {
  const styles = pkg.text(stylesPath)!;
  const xfFills: number[] = [];
  const fills: string[] = [];
  let list: string | null = null;
  let fill = -1;
  for (let tag = nextTag(styles, 0); tag; tag = nextTag(styles, tag.end)) {
    if (tag.name === 'cellXfs' || tag.name === 'fills') list = tag.close || tag.selfClosing ? null : tag.name;
    else if (list === 'cellXfs' && tag.name === 'xf' && !tag.close)
      xfFills.push(Number(attribute(styles, tag, 'fillId') ?? 0));
    else if (list === 'fills' && tag.name === 'fill' && !tag.close) fills[(fill = fills.length)] = '';
    else if (list === 'fills' && tag.name === 'fgColor') fills[fill] = attribute(styles, tag, 'rgb') ?? '';
  }
  const sheet = pkg.text(sheetPath)!;
  const out = new Map<string, string>();
  for (let tag = nextTag(sheet, 0); tag; tag = nextTag(sheet, tag.end)) {
    if (tag.name !== 'c' || tag.close) continue;
    const s = Number(attribute(sheet, tag, 's') ?? 0);
    out.set(attribute(sheet, tag, 'r')!, fills[xfFills[s] ?? 0] ?? '');
  }
  return out;
}

/** The notes of a sheet by cell reference, with their authors, from its comments part. */
function notesOf(pkg: XlsxPackage, sheetPath: string): Map<string, { author: string; text: string }> {
  const rel = pkg.relationships(sheetPath).find((r) => r.type === 'comments');
  const xml = rel ? pkg.text(rel.target)! : '';
  const authors: string[] = [];
  const out = new Map<string, { author: string; text: string }>();
  let current: { ref: string; author: string; text: string } | null = null;
  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    if (tag.name === 'author' && !tag.close && !tag.selfClosing)
      authors.push(decodeEntities(xml.slice(tag.end, xml.indexOf('<', tag.end))));
    else if (tag.name === 'comment' && !tag.close) {
      const author = authors[Number(attribute(xml, tag, 'authorId'))] ?? '';
      current = { ref: attribute(xml, tag, 'ref') ?? '', author, text: '' };
    } else if (tag.name === 't' && !tag.close && !tag.selfClosing && current)
      current.text += decodeEntities(xml.slice(tag.end, xml.indexOf('<', tag.end)));
    else if (tag.name === 'comment' && tag.close && current) {
      out.set(current.ref, { author: current.author, text: current.text });
      current = null;
    }
  }
  return out;
}

/** A report plan's values by (1-based row, 0-based column), blanks left out. */
function planValues(plan: ReportPlan): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const section of plan.sections)
    section.values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== null && v !== '' && !(typeof v === 'number' && !Number.isFinite(v)))
          out.set(`${section.top + i}:${j}`, v);
      }),
    );
  return out;
}

/** A value as compared after a round trip through LibreOffice, which keeps 15 significant digits. */
const digits15 = (v: unknown): unknown => (typeof v === 'number' ? Number(v.toPrecision(15)) : v);

/** The grid's non-blank values by (1-based row, 0-based column). */
function gridValues(bytes: Uint8Array, sheet: string): Map<string, unknown> {
  const opened = openWorkbookBytes(bytes, 'back.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const grid = opened.workbook.gridOf(sheet);
  if (!grid) throw new Error(`no sheet ${sheet}`);
  const out = new Map<string, unknown>();
  grid.values.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null && v !== '') out.set(`${grid.firstRow + i}:${grid.firstColumn + j}`, v);
    }),
  );
  return out;
}

/** Asserts what a reader of the copy must find: the marks' fills, our notes, the report sheets' values. */
function expectReadsBack(m: Marked): void {
  const opened = openWorkbookBytes(m.output, 'back.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const { workbook } = opened;
  expect(workbook.worksheets.map((s) => s.name)).toEqual(
    expect.arrayContaining([SHEET, ...m.reports.map((r) => r.sheetName)]),
  );
  // The school table itself reads as before.
  const before = openWorkbookBytes(m.input, 'in.xlsx');
  if (!before.ok) throw new Error(before.message);
  expect(workbook.gridOf(SHEET)).toEqual(before.workbook.gridOf(SHEET));

  const fills = fillsOf(workbook.pkg, workbook.info.stylesPath!, SHEET_PATH);
  expect(m.plan.marks.length).toBeGreaterThan(0);
  for (const mk of m.plan.marks)
    expect([mk.address, fills.get(mk.address)]).toEqual([mk.address, `FF${mk.fill.slice(1).toUpperCase()}`]);

  const notes = notesOf(workbook.pkg, SHEET_PATH);
  const noted = m.plan.marks.filter((mk) => mk.note);
  expect(noted.length).toBeGreaterThan(0);
  for (const mk of noted) {
    const note = notes.get(mk.address);
    expect([mk.address, note?.text.includes(mk.note)]).toEqual([mk.address, true]);
  }
  expect([...notes.values()].some((n) => n.author === NOTE_AUTHOR)).toBe(true);

  for (const report of m.reports) {
    const expected = planValues(report);
    const read = gridValues(m.output, report.sheetName);
    expect(expected.size).toBeGreaterThan(10);
    for (const [at, v] of expected)
      expect([report.sheetName, at, read.get(at)]).toEqual([report.sheetName, at, v]);
  }
}

/**
 * The Strict fixture without the data sheet's notes (comments part, VML drawing, the sheet's relationships and its
 * <legacyDrawing>) and without a stylesheet: the writer then creates all of these.
 */
function bareStrict(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const text = (name: string) => strFromU8(files[name]);
  const put = (name: string, value: string) => (files[name] = strToU8(value));
  for (const name of [
    'xl/comments1.xml',
    'xl/drawings/vmlDrawing1.vml',
    'xl/worksheets/_rels/sheet1.xml.rels',
    'xl/styles.xml',
  ]) {
    expect([name, name in files]).toEqual([name, true]);
    delete files[name];
  }
  put(SHEET_PATH, text(SHEET_PATH).replace(/<legacyDrawing [^>]*\/>/, ''));
  put(
    'xl/_rels/workbook.xml.rels',
    text('xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*Target="styles\.xml"\/>/, ''),
  );
  put(
    '[Content_Types].xml',
    text('[Content_Types].xml')
      .replace(/<Override PartName="\/xl\/(?:comments1|styles)\.xml"[^>]*\/>/g, '')
      .replace(/<Default Extension="vml"[^>]*\/>/, ''),
  );
  return zipSync(files);
}

describe.each([
  ['the Strict fixture (notes and styles extended)', () => new Uint8Array(fs.readFileSync(FIXTURE)), []],
  [
    'the Strict fixture without notes or styles (all created)',
    () => bareStrict(new Uint8Array(fs.readFileSync(FIXTURE))),
    ['xl/worksheets/_rels/sheet1.xml.rels', 'xl/drawings/vmlDrawing1.vml'],
  ],
])('%s', (_name, make, created) => {
  let m: Marked;
  beforeAll(() => {
    m = mark(make());
  });

  test('the input is Strict through and through (the fixture is what the test says it is)', () => {
    const files = unzipSync(m.input);
    const xmlParts = Object.keys(files).filter((n) => /\.(?:xml|rels)$/.test(n));
    for (const name of xmlParts)
      expect([name, strFromU8(files[name]).match(TRANSITIONAL_URIS)]).toEqual([name, null]);
    expect(rootNamespace(strFromU8(files['xl/workbook.xml']))).toBe(STRICT.main);
  });

  test('no new or changed part carries a transitional SpreadsheetML, relationships or DrawingML URI', () => {
    const touched = touchedParts(m);
    // The marked sheet, two report sheets, workbook.xml, its rels, the content types, app.xml, the styles and
    // the notes are all touched: the check below is not vacuous.
    for (const name of [
      SHEET_PATH,
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'docProps/app.xml',
      'xl/styles.xml',
      'xl/comments1.xml',
      ...created,
    ])
      expect([name, touched.has(name)]).toEqual([name, true]);
    const reportParts = [...touched.keys()].filter(
      (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== SHEET_PATH,
    );
    expect(reportParts).toHaveLength(2);
    for (const [name, text] of touched) expect([name, text.match(TRANSITIONAL_URIS)]).toEqual([name, null]);
    // … and the new SpreadsheetML parts are in the Strict namespace.
    for (const name of [...reportParts, 'xl/styles.xml', 'xl/comments1.xml'])
      expect([name, rootNamespace(touched.get(name)!)]).toEqual([name, STRICT.main]);
    for (const [name, text] of touched)
      if (name.endsWith('.rels'))
        for (const [, type] of text.matchAll(/Type="([^"]+)"/g))
          expect([name, type]).toEqual([
            name,
            expect.stringMatching(
              /^http:\/\/(?:purl\.oclc\.org\/ooxml\/|schemas\.openxmlformats\.org\/package\/)/,
            ),
          ]);
    // The note link in the sheet names its relationship in the Strict relationships namespace.
    expect(touched.get(SHEET_PATH)).toMatch(
      new RegExp(
        `<legacyDrawing [^>]*xmlns:r="${STRICT.relationships.replace(/[./]/g, '\\$&')}"|<legacyDrawing r:id`,
      ),
    );
  });

  test('our reader reads the copy back: marks with their fills, our notes, the report sheets with their values', () => {
    expectReadsBack(m);
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

(soffice ? test : test.skip)(
  "LibreOffice converts the marked Strict copy, and the report sheets' cells survive (read back by our reader)",
  () => {
    const m = mark(new Uint8Array(fs.readFileSync(FIXTURE)));
    const input = path.join(dir, 'strict-marked.xlsx');
    fs.writeFileSync(input, m.output);
    const out = path.join(dir, 'converted');
    const profileDir = path.join(dir, 'lo-profile');
    const run = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profileDir}`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        input,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const converted = path.join(out, 'strict-marked.xlsx');
    expect([run.status, fs.existsSync(converted)]).toEqual([0, true]);
    const back = new Uint8Array(fs.readFileSync(converted));
    for (const report of m.reports) {
      const ours = gridValues(m.output, report.sheetName);
      const theirs = gridValues(back, report.sheetName);
      expect(ours.size).toBeGreaterThan(10);
      for (const [at, v] of ours)
        expect([report.sheetName, at, digits15(theirs.get(at))]).toEqual([report.sheetName, at, digits15(v)]);
    }
    // The school table survives too.
    expect(gridValues(back, SHEET)).toEqual(gridValues(m.output, SHEET));
  },
  200_000,
);

if (!soffice) {
  test('LibreOffice is not installed: the conversion check above is skipped (CI installs libreoffice-calc)', () => {
    expect(soffice).toBe(false);
  });
}

test('the conformance class comes from the workbook element: default or prefixed namespace', () => {
  const wb = (attrs: string, name = 'workbook') =>
    `<?xml version="1.0"?><${name} ${attrs}><sheets/></${name}>`;
  expect(conformanceOf(wb(`xmlns="${STRICT.main}"`))).toBe(STRICT);
  expect(conformanceOf(wb(`xmlns:x="${STRICT.main}"`, 'x:workbook'))).toBe(STRICT);
  expect(conformanceOf(wb(`xmlns="${TRANSITIONAL.main}" xmlns:x="${STRICT.main}"`))).toBe(TRANSITIONAL);
  expect(conformanceOf(wb(`xmlns="${TRANSITIONAL.main}"`))).toBe(TRANSITIONAL);
  expect(conformanceOf(undefined)).toBe(TRANSITIONAL);
});
