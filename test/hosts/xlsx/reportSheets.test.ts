// The marked copy's report sheets: only Balance's own untouched report is replaced; a user's sheet of the same name
// and a report the user edited keep their parts, and the report goes to the next free name.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportPlan } from '../../../src/engine';
import { markedCopyOf } from '../../../src/hosts/xlsx/write/markedCopy';
import { openWorkbookBytes, type Workbook } from '../../../src/hosts/xlsx/workbook';
import { workbookPackage } from './packages';

const report: ReportPlan = {
  sheetName: '均衡评估报告',
  sections: [
    {
      id: 'title',
      top: 1,
      values: [['县域义务教育均衡发展评估报告', '']],
      numberFormats: [['General', 'General']],
    },
    { id: 'overview', top: 3, values: [['差异系数', 0.515257]], numberFormats: [['General', '0.000']] },
  ],
  styles: [{ top: 1, left: 0, bottom: 1, right: 1, style: { bold: true } }],
  merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
  columnWidths: [20, 12],
  rowHeights: [{ row: 3, points: 45 }],
  page: {
    paperSize: 'A4',
    orientation: 'landscape',
    zoom: 100,
    centerHorizontally: true,
    printTitleRows: null,
    printTitleColumns: null,
    columnBreaks: [],
    header: {},
    footer: {},
  },
  rowCount: 3,
  columnCount: 2,
};

const noMarks = { sheet: '学校数据', marks: [] };

function open(bytes: Uint8Array): Workbook {
  const opened = openWorkbookBytes(bytes, 'in.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

function copy(bytes: Uint8Array) {
  return markedCopyOf(open(bytes), noMarks, [report]);
}

/** The cells of a sheet as the reader sees them (grid and stray cells). */
function cellsOf(bytes: Uint8Array, name: string): Map<string, unknown> {
  const workbook = open(bytes);
  const sheet = workbook.worksheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const read = workbook.read(sheet);
  const cells = new Map<string, unknown>();
  read.grid.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) cells.set(`${r + read.grid.firstRow},${c + read.grid.firstColumn}`, v);
    }),
  );
  for (const o of read.outside) cells.set(`${o.row},${o.column}`, o.value);
  return cells;
}

/** Adds a row of text to the named sheet's part, as a user typing into the copy in Excel would. */
function addLine(bytes: Uint8Array, name: string, row: number, text: string): Uint8Array {
  const path = open(bytes).worksheets.find((s) => s.name === name)?.path as string;
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts[path]);
  const line = `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
  parts[path] = strToU8(xml.replace('</sheetData>', `${line}</sheetData>`));
  return zipSync(parts);
}

const names = (bytes: Uint8Array) => open(bytes).worksheets.map((s) => s.name);

const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>学校名称</t></is></c></row>';

test('a row the plan makes taller is written with its height (customHeight), the others without', () => {
  const { bytes } = copy(workbookPackage({ sheetName: '学校数据', sheetData: data }));
  const parts = unzipSync(bytes);
  const sheet = Object.keys(parts)
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .map((n) => strFromU8(parts[n]))
    .find((x) => x.includes('县域义务教育均衡发展评估报告'))!;
  expect(sheet).toContain('<row r="3" ht="45" customHeight="1">');
  expect(sheet).toContain('<row r="1">');
});

describe('the marked copy writes only over sheets Balance owns', () => {
  test('a data sheet named 均衡评估报告 keeps its data; the report goes to 均衡评估报告 (2)', () => {
    const input = workbookPackage({
      sheetName: '均衡评估报告',
      sheetData: `${data}<row r="2"><c r="A2" t="inlineStr"><is><t>城关小学</t></is></c><c r="B2"><v>1000</v></c></row>`,
    });
    const { bytes, reports } = copy(input);
    expect(reports).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: ['均衡评估报告'],
      keptEdited: [],
    });
    expect(names(bytes)).toEqual(['均衡评估报告', '均衡评估报告 (2)']);
    expect(cellsOf(bytes, '均衡评估报告')).toEqual(cellsOf(input, '均衡评估报告'));
    expect(cellsOf(bytes, '均衡评估报告 (2)').get('1,0')).toBe('县域义务教育均衡发展评估报告');
  });

  test('the report is marked by a hidden sheet-scoped name; an untouched report is replaced on the next run', () => {
    const first = copy(workbookPackage({ sheetData: data })).bytes;
    const workbook = open(first);
    expect(workbook.info.localNames.get(1)?.get('balancereport')).toMatch(
      /^"Balance report v1 [0-9a-f]{16}"$/,
    );
    const second = copy(first);
    expect(second.reports).toEqual({ written: ['均衡评估报告'], keptUserSheets: [], keptEdited: [] });
    expect(names(second.bytes)).toEqual(['学校数据', '均衡评估报告']);
    // The mark is updated in place, not repeated.
    const wb = strFromU8(unzipSync(second.bytes)['xl/workbook.xml']);
    expect(wb.match(/name="BalanceReport"/g)).toHaveLength(1);
  });

  test('an edited report (a 审核人 line added) is kept and the new one written beside it', () => {
    const first = copy(workbookPackage({ sheetData: data })).bytes;
    const edited = addLine(first, '均衡评估报告', 40, '审核人：李四');
    const { bytes, reports } = copy(edited);
    expect(reports).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: [],
      keptEdited: ['均衡评估报告'],
    });
    expect(names(bytes)).toEqual(['学校数据', '均衡评估报告', '均衡评估报告 (2)']);
    expect(cellsOf(bytes, '均衡评估报告').get('40,0')).toBe('审核人：李四');
    // The new report has its own mark, at its own position.
    expect(open(bytes).info.localNames.get(2)?.get('balancereport')).toMatch(/^"Balance report v1/);
  });

  test('second run with a (2) present: the untouched (2) is replaced, the user sheet still kept, no (3)', () => {
    const input = workbookPackage({ sheetName: '均衡评估报告', sheetData: data });
    const first = copy(input).bytes;
    const second = copy(first);
    expect(second.reports).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: ['均衡评估报告'],
      keptEdited: [],
    });
    expect(names(second.bytes)).toEqual(['均衡评估报告', '均衡评估报告 (2)']);
    expect(cellsOf(second.bytes, '均衡评估报告')).toEqual(cellsOf(input, '均衡评估报告'));
  });
});
