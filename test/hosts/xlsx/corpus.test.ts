// Nothing lost: workbooks written by exceljs, openpyxl, LibreOffice and SheetJS (and Strict and WPS-style ones made
// from them or by hand: make-strict.py, make-wps.py), with charts, images, threaded comments,
// protection with a password, data validation, conditional formats, defined names, print titles, custom
// properties, tables and hidden sheets, are marked; only the allowed parts change, and inside the marked sheet only
// the marked cells' `s`. LibreOffice opens every marked copy when it is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkSheet, getProfile, highlightsFor, reportsFor, type Profile } from '../../../src/engine';
import { readZip, type ZipEntry } from '../../../src/hosts/xlsx/package/zip';
import { relsPathOf, resolve } from '../../../src/hosts/xlsx/package/parts';
import { markedCopy } from '../../../src/hosts/xlsx/write/markedCopy';
import { chooseSheet, openWorkbookBytes } from '../../../src/hosts/xlsx/workbook';
import { tmpDir } from '../../cli/fixtures';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'xlsx');
const SHEET = '学校数据';
const dir = tmpDir('balance-corpus-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEADER = [
  '学校名称',
  '学校类型',
  '在校生数（人）',
  '高于规定学历教师数',
  '县级以上骨干教师数',
  '体育、艺术专任教师数',
  '教学及辅助用房面积（㎡）',
  '体育运动场（馆）面积（㎡）',
  '教学仪器设备值（元）',
  '网络多媒体教室数',
];
const ROWS: (string | number)[][] = [
  ['城关小学', '小学', 1200, 60, 14, 12, 5400, 9600, 2600000, 30],
  ['东关小学', '小学', 800, 40, 9, 8, 3500, 6200, 1700000, 20],
  ['河口小学', '小学', 400, 12, 2, 2, 1000, 1500, 400000, 4],
  ['西街小学', '小学', '约300', 15, 4, 4, 1300, 2300, 700000, 9],
  ['南关小学', '小学', 600, 30, 7, 6, 2600, 4600, 1300000, 15],
  ['北关小学', '小学', 500, 25, 6, 5, 2200, 3900, 1100000, 13],
];
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function exceljsFixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRows([HEADER, ...ROWS]);
  ws.getCell('A2').note = { texts: [{ text: '用户写的批注' }] } as ExcelJS.Comment;
  ws.getCell('B9').value = '制表人：张三';
  // exceljs has the method but not its type.
  (ws as unknown as { dataValidations: { add(ref: string, v: unknown): void } }).dataValidations.add(
    'B2:B7',
    { type: 'list', allowBlank: true, formulae: ['"小学,初中"'] },
  );
  ws.addConditionalFormatting({
    ref: 'C2:C7',
    rules: [
      { type: 'cellIs', operator: 'lessThan', formulae: [500], priority: 1, style: { font: { bold: true } } },
    ],
  });
  ws.pageSetup.printTitlesRow = '1:1';
  await ws.protect('balance', {});
  ws.addImage(wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' }), 'L2:M4');
  wb.definedNames.add(`'${SHEET}'!$A$2:$A$7`, '学校名单');
  const lists = wb.addWorksheet('名单', { state: 'hidden' });
  lists.addTable({ name: '学段表', ref: 'A1', columns: [{ name: '学段' }], rows: [['小学'], ['初中']] });
  wb.addWorksheet('内部', { state: 'veryHidden' }).getCell('A1').value = '不公开';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const THREADED_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments';
const THREADED_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment';
const PERSON_REL = 'http://schemas.microsoft.com/office/2017/10/relationships/person';

/** Adds, by hand, what the writer cannot: a threaded comment on `ref`, its persons part, and a custom property. */
function withExtras(bytes: Uint8Array, sheetPath: string, workbookPath: string, ref: string): Uint8Array {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const put = (name: string, value: string) => (files[name] = strToU8(value));
  const addRel = (source: string, id: string, type: string, target: string) => {
    const rels = relsPathOf(source);
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    const existing = text(rels);
    put(
      rels,
      existing
        ? existing.replace('</Relationships>', `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
  };
  put(
    'xl/threadedComments/threadedComment1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="${THREADED_NS}"><threadedComment ref="${ref}" dT="2026-03-01T08:00:00.00" personId="{6A3C1D2E-0000-4000-8000-000000000001}" id="{6A3C1D2E-0000-4000-8000-000000000002}"><text>请核对这一格</text></threadedComment></ThreadedComments>`,
  );
  put(
    'xl/persons/person.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><personList xmlns="${THREADED_NS}"><person displayName="王科长" id="{6A3C1D2E-0000-4000-8000-000000000001}" userId="王科长" providerId="None"/></personList>`,
  );
  addRel(sheetPath, 'rIdThreaded1', THREADED_REL, '../threadedComments/threadedComment1.xml');
  addRel(workbookPath, 'rIdPerson1', PERSON_REL, 'persons/person.xml');
  let types = text('[Content_Types].xml')!;
  types = types.replace(
    '</Types>',
    '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/><Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/></Types>',
  );
  if (!files['docProps/custom.xml']) {
    put(
      'docProps/custom.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="报送单位"><vt:lpwstr>某县教育局</vt:lpwstr></property></Properties>',
    );
    types = types.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    );
    addRel(
      '',
      'rIdCustom1',
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
      'docProps/custom.xml',
    );
  }
  put('[Content_Types].xml', types);
  return zipSync(files);
}

const profile = getProfile('quality-2017') as Profile;

interface Marked {
  input: Uint8Array;
  output: Uint8Array;
  sheetPath: string;
  workbookPath: string;
  marked: Set<string>;
  threadedRef: string;
}

function mark(base: Uint8Array): Marked {
  const first = openWorkbookBytes(base, 'in.xlsx');
  if (!first.ok) throw new Error(first.message);
  const sheetPath = first.workbook.worksheets.find((s) => s.name === SHEET)!.path!;
  const workbookPath = first.workbook.info.path;
  const chosenFirst = chooseSheet('in.xlsx', first.workbook, SHEET);
  if (!chosenFirst.ok) throw new Error(chosenFirst.message);
  const plannedFirst = highlightsFor(checkSheet(chosenFirst.grid, profile));
  // The threaded comment sits on a marked cell, which then gets no note of ours.
  const threadedRef = plannedFirst.marks.find((m) => m.note && m.address !== 'A2')!.address;
  const input = withExtras(base, sheetPath, workbookPath, threadedRef);
  const opened = openWorkbookBytes(input, 'in.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const chosen = chooseSheet('in.xlsx', opened.workbook, SHEET);
  if (!chosen.ok) throw new Error(chosen.message);
  const check = checkSheet(chosen.grid, profile);
  const plan = highlightsFor(check);
  const output = markedCopy(opened.workbook, plan, reportsFor(check, new Date(Date.UTC(2026, 2, 1))));
  return {
    input,
    output,
    sheetPath,
    workbookPath,
    marked: new Set(plan.marks.map((m) => m.address)),
    threadedRef,
  };
}

const byName = (bytes: Uint8Array) => new Map(readZip(bytes).map((e): [string, ZipEntry] => [e.name, e]));
const partText = (bytes: Uint8Array, name: string): string | undefined => {
  const files = unzipSync(bytes, { filter: (f) => f.name === name });
  return files[name] ? strFromU8(files[name]) : undefined;
};

/** `s` of each cell by reference. */
function styles(sheet: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheet.matchAll(/<(?:\w+:)?c\s[^>]*?\br="([A-Z]+\d+)"[^>]*?>/g)) {
    out.set(m[1], /\ss="(\d+)"/.exec(m[0])?.[1] ?? '0');
  }
  return out;
}

/** The sheet without what marking may change: `s`, the cells and rows it adds, spans hints, legacyDrawing. */
function normalised(sheet: string, added: Set<string>): string {
  return sheet
    .replace(/<(?:\w+:)?c r="([A-Z]+\d+)" s="\d+"\/>/g, (whole, ref: string) => (added.has(ref) ? '' : whole))
    .replace(/(<(?:\w+:)?c\s[^>]*?)\ss="\d+"/g, '$1')
    .replace(/\sspans="[^"]*"/g, '')
    .replace(/<(?:\w+:)?row r="\d+"><\/(?:\w+:)?row>/g, '')
    .replace(/<(?:\w+:)?legacyDrawing [^>]*\/>/g, '');
}

/** The output is the input with one contiguous insertion. */
function oneInsertion(before: string, after: string): boolean {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return after.endsWith(before.slice(i)) && after.length > before.length;
}

const writers: [string, () => Promise<Uint8Array>][] = [
  ['exceljs', exceljsFixture],
  ['openpyxl', async () => fs.readFileSync(path.join(FIXTURES, 'corpus-openpyxl.xlsx'))],
  ['LibreOffice', async () => fs.readFileSync(path.join(FIXTURES, 'corpus-libreoffice.xlsx'))],
  // SheetJS CE 0.18.5 (make-sheetjs.cjs): inline strings, no shared strings, a legacy note, a 1980-00-00 zip date.
  ['SheetJS', async () => fs.readFileSync(path.join(FIXTURES, 'corpus-sheetjs.xlsx'))],
  // The SheetJS file as Strict Open XML (make-strict.py): purl.oclc.org namespaces and relationship types.
  ['Strict Open XML', async () => fs.readFileSync(path.join(FIXTURES, 'corpus-strict.xlsx'))],
  // WPS-style, made here by make-wps.py (no WPS on this machine): KSOProductBuildVer/ICV, a picture embedded in K2
  // (xl/cellimages.xml, _xlfn.DISPIMG), wps.cn namespaces, WPS's extLst entries and styles. Not saved by real WPS.
  ['WPS', async () => fs.readFileSync(path.join(FIXTURES, 'corpus-wps.xlsx'))],
];

test("every writer's workbook reads as the same school table (names, kinds, counts) with the same problems in it", async () => {
  const seen = [];
  for (const [writer, make] of writers) {
    const opened = openWorkbookBytes(await make(), `${writer}.xlsx`);
    if (!opened.ok) throw new Error(`${writer}: ${opened.message}`);
    const chosen = chooseSheet(`${writer}.xlsx`, opened.workbook, SHEET);
    if (!chosen.ok) throw new Error(`${writer}: ${chosen.message}`);
    const check = checkSheet(chosen.grid, profile);
    seen.push({
      writer,
      rows: check.table.rows.map((r) => [r.row, r.name, r.kind, r.counts]),
      // The rows under the table differ by writer (openpyxl and LibreOffice add a 填表日期 date in D9).
      issues: check.issues
        .filter((i) => i.row <= ROWS.length + 1)
        .map((i) => [i.code, i.row, i.column, i.message]),
    });
  }
  expect(seen[0].rows).toHaveLength(ROWS.length);
  for (const other of seen.slice(1)) expect({ ...other, writer: '' }).toEqual({ ...seen[0], writer: '' });
}, 60_000);

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const outputs: string[] = [];

describe.each(writers)('a workbook written by %s', (writer, make) => {
  let m: Marked;
  beforeAll(async () => {
    m = mark(await make());
    const file = path.join(dir, `${writer}-marked.xlsx`);
    fs.writeFileSync(file, m.output);
    outputs.push(file);
    // Making a fixture runs exceljs, openpyxl or LibreOffice: seconds on a busy machine.
  }, 60_000);

  test('only the allowed parts change; every other part keeps its compressed bytes', () => {
    const before = byName(m.input);
    const after = byName(m.output);
    const sheetRels = relsPathOf(m.sheetPath);
    const allowed = new Set([
      m.sheetPath,
      sheetRels,
      m.workbookPath,
      relsPathOf(m.workbookPath),
      '[Content_Types].xml',
      'docProps/app.xml',
    ]);
    // The stylesheet and the sheet's comments and note drawing, wherever the writer put them.
    const wbRels = partText(m.output, relsPathOf(m.workbookPath)) ?? '';
    const rels = partText(m.output, sheetRels) ?? '';
    for (const [, target] of wbRels.matchAll(/Type="[^"]*\/styles" Target="([^"]+)"/g))
      allowed.add(resolve(`${path.posix.dirname(m.workbookPath)}/`, target));
    for (const [, target] of rels.matchAll(/Type="[^"]*\/(?:comments|vmlDrawing)" Target="([^"]+)"/g))
      allowed.add(resolve(`${path.posix.dirname(m.sheetPath)}/`, target));

    const changed: string[] = [];
    for (const [name, entry] of before) {
      const out = after.get(name);
      expect([name, out !== undefined]).toEqual([name, true]);
      if (Buffer.compare(Buffer.from(entry.raw), Buffer.from(out!.raw)) !== 0 || entry.crc !== out!.crc)
        changed.push(name);
    }
    expect(changed.filter((n) => !allowed.has(n))).toEqual([]);
    expect(changed).toContain(m.sheetPath);
    const added = [...after.keys()].filter((n) => !before.has(n));
    // Two report sheets, and the comments part, drawing and sheet rels if the sheet had none.
    expect(added.filter((n) => !allowed.has(n) && !/worksheets\/sheet\d+\.xml$/.test(n))).toEqual([]);
    expect(added.filter((n) => /worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(2);
    for (const name of [
      'xl/threadedComments/threadedComment1.xml',
      'xl/persons/person.xml',
      'docProps/custom.xml',
    ])
      expect(changed).not.toContain(name);
  });

  test('in the marked sheet only marked cells change their s; nothing else but the note drawing link', () => {
    const before = partText(m.input, m.sheetPath)!;
    const after = partText(m.output, m.sheetPath)!;
    const s0 = styles(before);
    const s1 = styles(after);
    for (const [ref, s] of s1) if (s0.get(ref) !== s) expect([ref, m.marked.has(ref)]).toEqual([ref, true]);
    for (const ref of m.marked) expect([ref, s1.get(ref) !== s0.get(ref)]).toEqual([ref, true]);
    const added = new Set([...m.marked].filter((r) => !s0.has(r)));
    expect(normalised(after, added)).toBe(normalised(before, new Set()));
  });

  test('workbook.xml, its rels and the content types only gain entries', () => {
    // workbook.xml gains the report sheets and, apart from them, the reports' marks (sheet-scoped defined names).
    const marks =
      /<(?:\w+:)?definedName name="BalanceReport" localSheetId="\d+" hidden="1">[^<]*<\/(?:\w+:)?definedName>/g;
    const workbook = partText(m.output, m.workbookPath)!;
    expect(workbook.match(marks)).toHaveLength(2);
    // … and each report's print titles (sheet-scoped _xlnm.Print_Titles).
    const titles =
      /<(?:\w+:)?definedName name="_xlnm\.Print_Titles" localSheetId="\d+">[^<]*<\/(?:\w+:)?definedName>/g;
    // (the user's own print titles of their sheets stay as they were).
    const own = new Set(partText(m.input, m.workbookPath)!.match(titles) ?? []);
    const ours = (workbook.match(titles) ?? []).filter((t) => !own.has(t));
    expect(ours.length).toBeGreaterThanOrEqual(1);
    const unmarked = workbook
      .replace(marks, '')
      .replace(titles, (t) => (own.has(t) ? t : ''))
      .replace(/<(\w+:)?definedNames><\/(\w+:)?definedNames>/, '');
    for (const name of [m.workbookPath, relsPathOf(m.workbookPath), '[Content_Types].xml']) {
      const after = name === m.workbookPath ? unmarked : partText(m.output, name)!;
      expect([name, oneInsertion(partText(m.input, name)!, after)]).toEqual([name, true]);
    }
    expect(workbook).toContain('name="均衡评估报告"');
  });

  test("notes: the user's note and author stay, ours are by 均衡评估助手, the threaded comment's cell gets none", () => {
    const rels = partText(m.output, relsPathOf(m.sheetPath))!;
    const target = /Type="[^"]*\/comments" Target="([^"]+)"/.exec(rels)![1];
    const comments = partText(m.output, resolve(`${path.posix.dirname(m.sheetPath)}/`, target))!;
    expect(comments).toContain('用户写的批注');
    expect(comments).toContain('均衡评估助手');
    expect(comments).not.toContain(`ref="${m.threadedRef}"`);
    if (writer === 'openpyxl' || writer === 'WPS') expect(comments).toContain('李老师');
  });

  test('the copy reads back with the same cells', () => {
    const a = openWorkbookBytes(m.input, 'a.xlsx');
    const b = openWorkbookBytes(m.output, 'b.xlsx');
    if (!a.ok || !b.ok) throw new Error('unreadable');
    expect(b.workbook.gridOf(SHEET)).toEqual(a.workbook.gridOf(SHEET));
    expect(b.workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ...a.workbook.worksheets.map((s) => [s.name, s.state]),
      ['均衡评估报告', 'visible'],
      ['整改测算', 'visible'],
    ]);
  });
});

describe("WPS's own parts and formulas survive the marking", () => {
  let m: Marked;
  beforeAll(async () => {
    m = mark(fs.readFileSync(path.join(FIXTURES, 'corpus-wps.xlsx')));
  }, 60_000);

  test('the cell-picture store, its relationships and the picture are byte-identical (compressed bytes and CRC)', () => {
    const before = byName(m.input);
    const after = byName(m.output);
    for (const name of [
      'xl/cellimages.xml',
      'xl/_rels/cellimages.xml.rels',
      'xl/media/image1.png',
      'docProps/custom.xml',
      'xl/sharedStrings.xml',
      'xl/theme/theme1.xml',
    ]) {
      expect([name, before.has(name)]).toEqual([name, true]);
      const a = before.get(name)!;
      const b = after.get(name)!;
      expect([name, b.crc === a.crc && Buffer.compare(Buffer.from(a.raw), Buffer.from(b.raw)) === 0]).toEqual(
        [name, true],
      );
    }
    expect(partText(m.output, 'xl/cellimages.xml')).toContain(
      'http://www.wps.cn/officeDocument/2017/etCustomData',
    );
    expect(partText(m.output, 'docProps/custom.xml')).toMatch(/name="KSOProductBuildVer"><vt:lpwstr>2052-/);
    expect(partText(m.output, 'docProps/custom.xml')).toContain('name="ICV"');
  });

  test('the DISPIMG formula and its cached text stay in K2, and the workbook still reaches cellimages.xml', () => {
    const dispimg =
      /<c r="K2"[^>]*t="str"><f>_xlfn\.DISPIMG\(&quot;(ID_[0-9A-F]+)&quot;,1\)<\/f><v>=DISPIMG\(&quot;\1&quot;,1\)<\/v><\/c>/;
    const before = partText(m.input, m.sheetPath)!;
    const after = partText(m.output, m.sheetPath)!;
    const id = dispimg.exec(before)?.[1];
    expect(id).toBeDefined();
    expect(dispimg.exec(after)?.[1]).toBe(id);
    // … and the picture with that id is the one in the store.
    expect(partText(m.output, 'xl/cellimages.xml')).toContain(`name="${id}"`);
    expect(partText(m.output, relsPathOf(m.workbookPath))).toContain(
      'Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"',
    );
    expect(partText(m.output, '[Content_Types].xml')).toContain(
      '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/>',
    );
    // The worksheet still declares the wps.cn namespace, and the workbook keeps WPS's extLst entry.
    expect(after).toContain('xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"');
    expect(partText(m.output, m.workbookPath)).toContain('<ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}"');
    expect(partText(m.output, 'xl/styles.xml')).toContain(
      '<ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}"',
    );
  });
});

(soffice ? test : test.skip)(
  'LibreOffice opens every marked copy (headless conversion to PDF succeeds)',
  () => {
    const out = path.join(dir, 'pdf');
    expect(outputs).toHaveLength(writers.length);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...outputs], {
      timeout: 180_000,
      stdio: 'pipe',
    });
    for (const file of outputs) {
      const pdf = path.join(out, path.basename(file).replace(/\.xlsx$/, '.pdf'));
      expect([pdf, fs.existsSync(pdf) && fs.statSync(pdf).size > 1000]).toEqual([pdf, true]);
    }
  },
  200_000,
);

if (!soffice) {
  test('LibreOffice is not installed: the opening check above is skipped (CI installs libreoffice-calc)', () => {
    expect(soffice).toBe(false);
  });
}
