// The marked copy carries exactly what the pure plans say: fills, notes, the report sheet's values, styles and layout
// (workbooks made and read back with exceljs, patched by the package writer).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { markedCopy } from '../../../src/hosts/xlsx/write/markedCopy';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/workbook';
import type { HighlightPlan } from '../../../src/engine/plans/highlightPlan';
import type { ReportPlan } from '../../../src/engine/plans/assessmentReport';
import { planReport } from '../../../src/engine/plans/assessmentReport';
import type { SchoolVerdict, StageResult } from '../../../src/engine/model/types';
import { fillOf, noteOf, tmpDir } from '../../cli/fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Saves the workbook with exceljs, writes its marked copy, and reads that back with exceljs. */
async function marked(
  wb: ExcelJS.Workbook,
  highlights: HighlightPlan,
  reports: ReportPlan[] = [],
): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const opened = openWorkbookBytes(bytes, 'in.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const file = path.join(dir, `rt-${Math.random().toString(36).slice(2)}.xlsx`);
  fs.writeFileSync(file, markedCopy(opened.workbook, highlights, reports));
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

describe('marks', () => {
  const plan: HighlightPlan = {
    sheet: '学校',
    marks: [
      { row: 2, column: 0, address: 'A2', kind: 'school', fill: '#FF9999', note: '未达标：1 项指标低于 85%' },
      {
        row: 2,
        column: 2,
        address: 'C2',
        kind: 'indicator',
        fill: '#FFE699',
        note: '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡',
      },
      { row: 3, column: 1, address: 'B3', kind: 'dataIssue', fill: '#D9D2E9', note: '“约300” 不是数字' },
    ],
  };

  test('shades each planned cell with its fill and puts the explanation in the note; values stay', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学校');
    ws.addRows([
      ['学校名称', '在校生数', '体育运动场面积'],
      ['杨庄小学', 250, 1575],
      ['河口小学', '约300', 2100],
    ]);
    const back = (await marked(wb, plan)).getWorksheet('学校')!;
    expect([fillOf(back.getCell('A2')), fillOf(back.getCell('C2')), fillOf(back.getCell('B3'))]).toEqual([
      'FFFF9999',
      'FFFFE699',
      'FFD9D2E9',
    ]);
    expect(noteOf(back.getCell('C2'))).toBe('生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡');
    expect(back.getCell('C2').value).toBe(1575);
    expect(back.getCell('B3').value).toBe('约300');
    expect(fillOf(back.getCell('B2'))).toBeUndefined();
  });

  test('marks out of order, or two on one cell (plans from elsewhere), shade as before: the last fill of a cell wins', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('学校').addRows([
      ['学校名称', '在校生数', '体育运动场面积'],
      ['杨庄小学', 250, 1575],
      ['河口小学', '约300', 2100],
    ]);
    const [a2, c2, b3] = plan.marks;
    const twice: HighlightPlan = {
      sheet: '学校',
      marks: [b3, a2, c2, { ...a2, fill: '#00FF00', note: '再一条' }],
    };
    const back = (await marked(wb, twice)).getWorksheet('学校')!;
    expect([fillOf(back.getCell('A2')), fillOf(back.getCell('C2')), fillOf(back.getCell('B3'))]).toEqual([
      'FF00FF00',
      'FFFFE699',
      'FFD9D2E9',
    ]);
  });

  test("a note the user already wrote is kept above ours; a neighbour sharing the cell's style is not shaded", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学校');
    ws.addRows([['学校名称'], ['杨庄小学'], ['河口小学']]);
    const shared = { font: { bold: true } };
    ws.getCell('A2').style = shared;
    ws.getCell('A3').style = shared;
    ws.getCell('A2').note = '2025 年新建';
    const back = (await marked(wb, { sheet: '学校', marks: [plan.marks[0]] })).getWorksheet('学校')!;
    expect(noteOf(back.getCell('A2'))).toBe('2025 年新建\n——\n未达标：1 项指标低于 85%');
    expect(back.getCell('A2').font?.bold).toBe(true);
    expect(fillOf(back.getCell('A3'))).toBeUndefined();
  });
});

describe('the report sheet renders the ReportPlan', () => {
  const verdict: SchoolVerdict = {
    key: '2:primary',
    row: 2,
    name: '杨庄小学',
    stage: 'primary',
    kind: 'primary',
    indicators: [
      {
        indicator: 'sportsAreaPerStudent',
        value: 6.3,
        standard: 7.5,
        ratio: 0.84,
        pass: false,
        gap: 300,
        resourceField: 'sportsArea',
      },
    ],
    met: 0,
    pass: false,
    checks: [],
    reasons: ['生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 300㎡'],
  };
  const stage: StageResult = {
    stage: 'primary',
    schools: 1,
    students: 250,
    indicators: {
      sportsAreaPerStudent: {
        indicator: 'sportsAreaPerStudent',
        schools: 1,
        students: 250,
        mean: 6.3,
        cv: 0,
        threshold: 0.5,
        pass: true,
        nearThreshold: false,
      },
    },
    composite: null,
    pass: true,
  };
  const plan = planReport({
    profileName: '优质均衡',
    date: '2026年3月1日',
    stages: { primary: stage },
    schools: [verdict],
    excluded: [
      {
        row: 5,
        name: '李家沟教学点',
        reason: 'smallTeachingPoint',
        message: '教学点在校生 28 人，少于 50 人',
      },
    ],
    issues: [],
  });

  test('every planned value, number format, fill, merge, column width and the A4 landscape setup', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('学校').addRow(['学校名称']);
    // A sheet of that name that Balance did not write is kept; the report goes beside it.
    wb.addWorksheet(plan.sheetName).getCell('Z99').value = '用户的表';
    const back = await marked(wb, { sheet: '学校', marks: [] }, [plan]);
    expect(back.worksheets.map((w) => w.name)).toEqual(['学校', plan.sheetName, `${plan.sheetName} (2)`]);
    expect(back.getWorksheet(plan.sheetName)!.getCell('Z99').value).toBe('用户的表');
    const ws = back.getWorksheet(`${plan.sheetName} (2)`)!;
    expect(ws.getCell('Z99').value).toBeNull();

    for (const section of plan.sections) {
      section.values.forEach((row, i) =>
        row.forEach((value, j) => {
          const cell = ws.getCell(section.top + i, j + 1);
          // An empty text is written as a cell without a value: Excel shows the two alike.
          if (value !== null && !cell.isMerged)
            expect([cell.address, cell.value ?? '']).toEqual([cell.address, value]);
          const format = section.numberFormats[i][j];
          if (value !== null && format !== 'General')
            expect([cell.address, cell.numFmt]).toEqual([cell.address, format]);
        }),
      );
    }
    // The last range that sets a fill on a cell decides its colour.
    const lastFill = new Map<string, string>();
    for (const s of plan.styles) {
      if (!s.style.fill) continue;
      for (let r = s.top; r <= s.bottom; r++)
        for (let c = s.left; c <= s.right; c++) lastFill.set(ws.getCell(r, c + 1).address, s.style.fill);
    }
    expect(lastFill.size).toBeGreaterThan(0);
    for (const [address, fill] of lastFill) {
      expect([address, fillOf(ws.getCell(address))]).toEqual([address, `FF${fill.slice(1)}`]);
    }
    for (const m of plan.merges) {
      expect(ws.getCell(m.bottom, m.right + 1).master.address).toBe(ws.getCell(m.top, m.left + 1).address);
    }
    plan.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    // A legible scale instead of one page wide, the school header and name column on every page (the
    // _xlnm.Print_Titles defined name), and the title, standard and page numbers in the header and footer.
    const rows = plan.page.printTitleRows!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      scale: plan.page.zoom,
      printTitlesRow: `${rows.top}:${rows.bottom}`,
      printTitlesColumn: 'A:A',
    });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.headerFooter.oddHeader).toBe(`&L${plan.page.header.left}&R${plan.page.header.right}`);
    expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    // The user's sheet keeps no print titles of ours.
    expect(back.getWorksheet('学校')!.pageSetup.printTitlesRow).toBeUndefined();
  });

  test("a second report sheet gets its own print titles next to the user's defined names", async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('学校');
    data.addRow(['学校名称']);
    data.pageSetup.printTitlesRow = '1:1';
    wb.definedNames.add("'学校'!$A$1", '我的名称');
    const other: ReportPlan = {
      ...plan,
      sheetName: '整改测算',
      page: { ...plan.page, printTitleRows: { top: 3, bottom: 3 }, printTitleColumns: null },
    };
    const back = await marked(wb, { sheet: '学校', marks: [] }, [plan, other]);
    expect(back.getWorksheet('学校')!.pageSetup.printTitlesRow).toBe('1:1');
    expect(back.getWorksheet('整改测算')!.pageSetup.printTitlesRow).toBe('3:3');
    expect(back.getWorksheet('整改测算')!.pageSetup.printTitlesColumn).toBeUndefined();
    const rows = plan.page.printTitleRows!;
    expect(back.getWorksheet(plan.sheetName)!.pageSetup.printTitlesRow).toBe(`${rows.top}:${rows.bottom}`);
    expect(back.definedNames.getRanges('我的名称').ranges).toEqual(["'学校'!$A$1"]);
  });
});
