// The reader accepts what Excel accepts: other writers' part names and namespaces, every cell type, both date epochs,
// and it stops at the data's extent.
import { strToU8, zipSync } from 'fflate';
import { chooseSheet, openWorkbookBytes, type ChosenSheet } from '../../../src/hosts/xlsx/workbook';
import { serialToDate } from '../../../src/hosts/xlsx/read/sheet';
import { isDateFormat } from '../../../src/hosts/xlsx/read/styles';
import { workbookPackage, zip } from './packages';

function chosen(bytes: Uint8Array, sheet?: string): Extract<ChosenSheet, { ok: true }> {
  const opened = openWorkbookBytes(bytes, 'test.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const result = chooseSheet('test.xlsx', opened.workbook, sheet ?? opened.workbook.worksheets[0].name);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/></cellXfs></styleSheet>`;

describe('cell types', () => {
  const bytes = workbookPackage({
    sharedStrings: [
      '<si><t>学校名称</t></si>',
      '<si><r><t>城关</t></r><r><rPr><b/></rPr><t>小学</t></r><rPh sb="0" eb="1"><t>チ</t></rPh></si>',
      '<si><t>a_x000D_b</t></si>',
    ],
    styles: STYLES,
    sheetData:
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve"> 在校生 </t></is></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>SUM(C2:D2)</f><v>1203</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#N/A</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>2</v></c><c r="B3"><f t="shared" ref="B3:B4" si="0">C3*2</f><v>4</v></c><c r="C3" s="1"><v>46266</v></c><c r="D3" s="2"><v>46266.5</v></c></row>' +
      '<row r="4"><c r="A4" t="str"><f>"x"&amp;"y"</f><v>x&lt;y</v></c><c r="B4"><f t="shared" si="0"/><v>6</v></c><c r="C4" s="3"><v>0.85</v></c><c r="D4" t="d"><v>2026-09-01T00:00:00</v></c></row>' +
      '<row r="5"><c r="A5"><f>A1</f></c><c r="B5" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>',
  });
  const { grid } = chosen(bytes);

  test('shared strings (rich text joined, phonetic guides left out, _x000D_ decoded) and inline strings', () => {
    expect(grid.values[0]).toEqual(['学校名称', ' 在校生 ', null, null]);
    expect(grid.values[1][0]).toBe('城关小学');
    expect(grid.values[2][0]).toBe('a\rb');
    expect(grid.values[4][1]).toBe('富文本');
  });

  test('formula results (shared formulas read their own cached values), string results, booleans, errors', () => {
    expect(grid.values[1].slice(1)).toEqual([1203, true, '#N/A']);
    expect(grid.values[2][1]).toBe(4);
    expect(grid.values[3][1]).toBe(6);
    expect(grid.values[3][0]).toBe('x<y');
    expect(grid.values[4][0]).toBeNull();
  });

  test('dates by built-in and custom (Chinese) formats, ISO dates; percentages keep their format', () => {
    expect(grid.values[2][2]).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(grid.values[2][3]).toEqual(new Date(Date.UTC(2026, 8, 1, 12)));
    expect(grid.values[3][3]).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(grid.values[3][2]).toBe(0.85);
    expect(grid.numberFormats?.[3][2]).toBe('0.00%');
    expect(grid.numberFormats?.[2][2]).toBe('mm-dd-yy');
  });
});

test('1904 epoch: the same day is 1462 days fewer', () => {
  const bytes = workbookPackage({
    styles: STYLES,
    date1904: true,
    sheetData: '<row r="1"><c r="A1" s="1"><v>44804</v></c></row>',
  });
  expect(chosen(bytes).grid.values[0][0]).toEqual(new Date(Date.UTC(2026, 8, 1)));
  expect(serialToDate(1, false)).toEqual(new Date(Date.UTC(1900, 0, 1)));
  expect(serialToDate(61, false)).toEqual(new Date(Date.UTC(1900, 2, 1)));
});

test.each([
  ['yyyy-mm-dd', true],
  ['[$-804]yyyy"年"m"月"d"日";@', true],
  ['0.00%', false],
  ['#,##0.00"元"', false],
  ['[Red]0.0', false],
  ['0.00E+00', false],
  ['General', false],
  ['[h]:mm:ss', true],
])('number format %s is a date: %s', (code, date) => expect(isDateFormat(code)).toBe(date));

test('a prefixed SpreadsheetML namespace, non-canonical part names found through relationships', () => {
  const bytes = workbookPackage({
    prefix: 'x',
    workbookPath: 'book/main.xml',
    sheetPath: 'data/table.xml',
    sharedStrings: ['<x:si><x:t>学校名称</x:t></x:si>'],
    sheetData: '<x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row>',
  });
  const { grid } = chosen(bytes);
  expect([grid.firstRow, grid.firstColumn, grid.values]).toEqual([2, 1, [['学校名称', 7]]]);
});

test('cells and rows without references follow on from the previous ones', () => {
  const { grid } = chosen(
    workbookPackage({
      sheetData: '<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="B2"><v>3</v></c></row>',
    }),
  );
  expect(grid.values).toEqual([
    [1, 2],
    [null, 3],
  ]);
});

test('merges blank all but the top-left cell; hidden rows are listed', () => {
  const { grid } = chosen(
    workbookPackage({
      sheetData:
        '<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1"><v>9</v></c></row><row r="2" hidden="1"><c r="A2"><v>1</v></c></row>',
      afterSheetData: '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
    }),
  );
  expect(grid.values).toEqual([
    ['标题', null],
    [1, null],
  ]);
  expect(grid.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
  expect(grid.hiddenRows).toEqual([2]);
});

describe('the grid stops at the data: a stray cell far away is reported, not made into a million rows', () => {
  const rows = Array.from(
    { length: 30 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>学校${i}</t></is></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  ).join('');
  const stray = '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>制表人</t></is></c></row>';
  const wide = '<row r="31"><c r="XFD31"><v>1</v></c></row>';

  test('制表人 at B1048576', () => {
    const read = chosen(workbookPackage({ sheetData: rows + stray }));
    expect(read.grid.values).toHaveLength(30);
    expect(read.outside).toEqual([{ row: 1048576, column: 1, value: '制表人' }]);
  });

  test('a cell in column XFD', () => {
    const read = chosen(workbookPackage({ sheetData: rows + wide }));
    expect(read.grid.values[0]).toHaveLength(2);
    expect(read.grid.values).toHaveLength(31);
    expect(read.outside).toEqual([{ row: 31, column: 16383, value: 1 }]);
  });
});

describe('damaged or foreign packages get a precise Chinese cause', () => {
  const problem = (bytes: Uint8Array) => {
    const opened = openWorkbookBytes(bytes, '学校.xlsx');
    return opened.ok ? null : opened;
  };
  const good = workbookPackage({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });

  test('a Word document renamed .xlsx', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document/>'),
    });
    expect(problem(docx)).toMatchObject({
      problem: 'notXlsx',
      message: expect.stringContaining('是 Word 文档'),
    });
  });

  test('a zip with no workbook', () => {
    expect(problem(zip({ 'a.txt': 'x' }))).toMatchObject({
      problem: 'notXlsx',
      message: expect.stringContaining('压缩包'),
    });
  });

  test('a missing worksheet part is named', () => {
    // Point the workbook at a sheet part that is not there.
    const broken = zip({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/gone.xml"/></Relationships>`,
    });
    expect(problem(broken)).toMatchObject({
      problem: 'corrupt',
      message: expect.stringContaining('缺少工作表数据部分'),
      detail: 'xl/worksheets/gone.xml',
    });
  });

  test('a cut-off download: the zip directory is missing', () => {
    expect(problem(good.subarray(0, good.length - 30))).toMatchObject({
      problem: 'corrupt',
      message: expect.stringContaining('压缩包的目录缺失'),
    });
  });

  test('damaged compressed data', () => {
    const bad = Uint8Array.from(good);
    // Overwrite the start of the worksheet's compressed data (after its 30-byte local header and name).
    const name = new TextEncoder().encode('xl/worksheets/sheet1.xml');
    const at = Buffer.from(bad).indexOf(Buffer.from(name));
    for (let i = 0; i < 8; i++) bad[at + name.length + i] ^= 0x5a;
    const opened = openWorkbookBytes(bad, '学校.xlsx');
    expect(opened).toMatchObject({
      ok: false,
      problem: 'corrupt',
      message: expect.stringContaining('压缩数据损坏'),
    });
  });
});
