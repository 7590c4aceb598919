// writeReport: the ReportPlan as the 均衡评估报告 sheet — Balance's own untouched report replaced, nothing else; few round trips.
import { planStage } from '../../../src/engine/planner/plan';
import { planRemediationReport } from '../../../src/engine/plans/remediationReport';
import { planReport, type ReportInput } from '../../../src/engine/plans/assessmentReport';
import { QUALITY_2017 } from '../../../src/engine/rules/profiles';
import type { Evaluation } from '../../../src/engine/model/types';
import { ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { charsToPoints, writeReport } from '../../../src/hosts/officejs/report';
import { createFakeExcel, fakeRequirements, type FakeExcel } from './fakeExcel';

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.newContext() as unknown as Excel.RequestContext;
}

const input: ReportInput = {
  profileName: '优质均衡（教督〔2017〕6号）',
  date: '2026年3月1日',
  stages: {
    primary: {
      stage: 'primary',
      schools: 5,
      students: 302,
      indicators: {
        booksPerStudent: {
          indicator: 'booksPerStudent',
          schools: 5,
          students: 302,
          mean: 6.334437,
          cv: 0.515257,
          threshold: 0.5,
          pass: false,
          nearThreshold: false,
        },
      },
      composite: null,
      pass: false,
    },
  },
  schools: [
    {
      key: '12:primary',
      row: 12,
      name: '城关小学',
      stage: 'primary',
      kind: 'primary',
      indicators: [
        { indicator: 'sportsAreaPerStudent', value: 6.3, standard: 7.5, ratio: 0.84, pass: false, gap: 1200 },
      ],
      met: 0,
      pass: false,
      checks: [],
      reasons: ['生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡'],
    },
  ],
  excluded: [],
  issues: [
    // A message that starts like a formula must stay text.
    {
      row: 9,
      column: 'G',
      field: 'teachingArea',
      code: 'notNumber',
      message: '=A1 不是数字',
      severity: 'error',
    },
  ],
};

/** Key teachers [10, 2, 1] for [100, 100, 200] primary students: the planner adds 0, 2 and 7 (docs/functions.md). */
const evaluation = {
  profile: QUALITY_2017,
  parts: [10, 2, 1].map((keyTeachers, i) => ({
    key: `${i + 5}:primary`,
    row: i + 5,
    name: `学校${i + 1}`,
    stage: 'primary' as const,
    kind: 'primary' as const,
    split: false,
    counts: { students: [100, 100, 200][i], keyTeachers },
    columns: {},
  })),
} as unknown as Pick<Evaluation, 'parts' | 'profile'>;

function findRow(fake: FakeExcel, first: string): number {
  const sheet = fake.workbook.sheet('均衡评估报告');
  for (let row = 1; row < 200; row++) if (sheet.cell(`A${row}`).value === first) return row;
  throw new Error(`no row ${first}`);
}

describe('writeReport', () => {
  test("the plan's column breaks become vertical page breaks (ExcelApi 1.9); an older host keeps the automatic ones", async () => {
    const plan = planReport(input);
    expect(plan.page.columnBreaks.length).toBeGreaterThan(0);
    const fake = createFakeExcel();
    await writeReport(ctx(fake), plan, { isSetSupported: fakeRequirements('1.9') });
    expect(fake.workbook.sheet('均衡评估报告').columnBreaks).toEqual(plan.page.columnBreaks);
    const older = createFakeExcel();
    await writeReport(ctx(older), plan, { isSetSupported: fakeRequirements('1.8') });
    expect(older.workbook.sheet('均衡评估报告').columnBreaks).toEqual([]);
  });

  test('rows the plan makes taller (a wrapped header) get their height in points; the others keep the default', async () => {
    const fake = createFakeExcel();
    const plan = { ...planReport(input), rowHeights: [{ row: 3, points: 62 }] };
    await writeReport(ctx(fake), plan);
    const sheet = fake.workbook.sheet('均衡评估报告');
    expect([...sheet.rowHeights]).toEqual([[2, 62]]);
  });

  test('writes every section, number formats, styles, merges, widths and A4 landscape in three syncs', async () => {
    const fake = createFakeExcel();
    const data = fake.workbook.addSheet('学校数据', [['学校名称'], ['城关小学']]);
    const before = data.dump();
    const plan = planReport(input);
    const outcome = await writeReport(ctx(fake), plan);

    expect(fake.syncCount).toBe(3);
    expect(outcome).toEqual({ written: ['均衡评估报告'], keptUserSheets: [], keptEdited: [] });
    const sheet = fake.workbook.sheet('均衡评估报告');
    for (const section of plan.sections) {
      section.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = sheet.cell(String.fromCharCode(65 + c) + (section.top + r));
          expect(cell.value).toBe(value === null ? '' : value);
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
    const cvRow = findRow(fake, '生均图书册数');
    expect(sheet.cell(`C${cvRow}`).value).toBe(0.515257);
    expect(sheet.cell(`C${cvRow}`).numberFormat).toBe('0.000');
    expect(sheet.cell(`E${cvRow}`).fill.color).toBe('#FFC7CE');
    expect(sheet.cell('A1')).toMatchObject({
      value: '县域义务教育均衡发展评估报告',
      bold: true,
      fontSize: 16,
    });
    const header = findRow(fake, '学校名称');
    expect(sheet.cell(`A${header}`).borders.EdgeTop).toBe('Continuous');
    expect(sheet.merges).toContainEqual({ r1: header - 1, c1: 5, r2: header - 1, c2: 7 });
    expect(sheet.columnWidths.get(0)).toBe(charsToPoints(plan.columnWidths[0]));
    expect(sheet.columnWidths.size).toBe(plan.columnCount);
    // A legible scale (no fit to one page wide), the school table's header repeated on every page, and the
    // title, standard and page numbers in the header and footer.
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      zoom: { scale: plan.page.zoom },
      printTitleRows: `$${header}:$${header + 1}`,
      printTitleColumns: '$A:$A',
      headersFooters: {
        leftHeader: '县域义务教育均衡发展评估报告',
        centerHeader: '',
        rightHeader: `评估标准：${plan.page.header.right?.replace('评估标准：', '')}`,
        leftFooter: '',
        centerFooter: '第 &P 页 共 &N 页',
        rightFooter: '',
      },
    });
    expect(plan.page.zoom).toBeGreaterThanOrEqual(80);
    expect(sheet.pageLayout.headersFooters.rightHeader).toMatch(/^评估标准：.+/);
    // Text that looks like a formula is written as text.
    const issue = findRow(fake, '=A1 不是数字');
    expect(sheet.cell(`A${issue}`).numberFormat).toBe('@');
    expect(fake.workbook.activeSheet.name).toBe('均衡评估报告');
    expect(data.dump()).toEqual(before);
    expect(fake.batches[1].slice(0, 2)).toEqual([
      'application.suspendApiCalculationUntilNextSync',
      'application.suspendScreenUpdatingUntilNextSync',
    ]);
  });

  test("re-running replaces Balance's untouched report: a fresh sheet, marked again", async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    await writeReport(ctx(fake), planReport(input), { activate: false });
    const old = fake.workbook.sheet('均衡评估报告');
    old.setCell('Z99', { bold: true });
    const outcome = await writeReport(ctx(fake), planReport({ ...input, date: '2026年3月2日' }), {
      activate: false,
    });
    expect(outcome).toEqual({ written: ['均衡评估报告'], keptUserSheets: [], keptEdited: [] });
    const sheet = fake.workbook.sheet('均衡评估报告');
    expect(sheet).not.toBe(old);
    expect(sheet.cell('Z99').bold).toBe(false);
    expect(sheet.cell('A1').value).toBe('县域义务教育均衡发展评估报告');
    expect(sheet.names.get('balancereport')).toMatchObject({ visible: false });
    expect(fake.workbook.activeSheet.name).toBe('学校数据');
    expect(fake.workbook.sheets.filter((s) => s.name === '均衡评估报告')).toHaveLength(1);
  });

  test('the sync count does not grow with 2,000 schools', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    const many = Array.from({ length: 2000 }, (_, i) => ({
      ...input.schools[0],
      key: `${i + 2}:primary`,
      row: i + 2,
    }));
    await writeReport(ctx(fake), planReport({ ...input, schools: many }));
    expect(fake.syncCount).toBe(3);
    expect(fake.workbook.sheet('均衡评估报告').cell(`A${findRow(fake, '城关小学') + 1999}`).value).toBe(
      '城关小学',
    );
  });

  test('with the 整改测算 plan too: both sheets in the same syncs, the report shown, both replaced on re-run', async () => {
    const remediation = planRemediationReport({
      profileName: input.profileName,
      date: input.date,
      stages: [planStage(evaluation, 'primary')],
    });
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    await writeReport(ctx(fake), [planReport(input), remediation]);
    expect(fake.syncCount).toBe(3);
    const sheet = fake.workbook.sheet('整改测算');
    expect(sheet.cell('A1').value).toBe('县域义务教育均衡发展整改测算');
    const schoolsAt = remediation.sections.find((x) => x.id === 'planSchools')?.top as number;
    expect(sheet.cell(`A${schoolsAt + 2}`).value).toBe('学校2');
    expect(sheet.cell(`D${schoolsAt + 2}`).value).toBe(2);
    expect(sheet.cell(`D${schoolsAt + 2}`).numberFormat).toBe('#,##0');
    expect(fake.workbook.activeSheet.name).toBe('均衡评估报告');

    await writeReport(ctx(fake), [planReport(input), remediation]);
    // Names; the marks of the two sheets; their values; the write; the new marks.
    expect(fake.syncCount).toBe(3 + 5);
    expect(fake.workbook.sheets.map((x) => x.name)).toEqual(['学校数据', '均衡评估报告', '整改测算']);
    expect(fake.workbook.sheet('整改测算')).not.toBe(sheet);
  });

  test('a failure is reported as 写入评估报告失败 in Chinese', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    fake.failOn('worksheets.add', 'ItemAlreadyExists');
    const error = await writeReport(ctx(fake), planReport(input)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as Error).message).toBe('写入评估报告失败：对象已存在（ItemAlreadyExists）');
  });

  test('column widths: characters to points (7 px per character + 5 px, 0.75 pt per px)', () => {
    expect(charsToPoints(10)).toBe(56.25);
    expect(charsToPoints(34)).toBe(182.25);
  });
});

describe('sheets Balance owns', () => {
  function workbookWithData(): FakeExcel {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称'], ['城关小学']]);
    return fake;
  }

  test("a user's own sheet named 均衡评估报告 stays as it is; the report goes to 均衡评估报告 (2)", async () => {
    const fake = workbookWithData();
    const mine = fake.workbook.addSheet('均衡评估报告', [['我的笔记'], ['第二行']]);
    const before = mine.dump();
    const outcome = await writeReport(ctx(fake), planReport(input));
    expect(outcome).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: ['均衡评估报告'],
      keptEdited: [],
    });
    expect(fake.workbook.sheet('均衡评估报告')).toBe(mine);
    expect(mine.dump()).toEqual(before);
    expect(fake.workbook.sheet('均衡评估报告 (2)').cell('A1').value).toBe('县域义务教育均衡发展评估报告');
    expect(fake.workbook.activeSheet.name).toBe('均衡评估报告 (2)');
  });

  test('an edited Balance report (a 审核人 line added) is kept and the new one written beside it', async () => {
    const fake = workbookWithData();
    await writeReport(ctx(fake), planReport(input));
    const edited = fake.workbook.sheet('均衡评估报告');
    edited.setCell('A150', { value: '审核人：李四' });
    const outcome = await writeReport(ctx(fake), planReport(input));
    expect(outcome).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: [],
      keptEdited: ['均衡评估报告'],
    });
    expect(fake.workbook.sheet('均衡评估报告')).toBe(edited);
    expect(edited.cell('A150').value).toBe('审核人：李四');
    expect(fake.workbook.sheet('均衡评估报告 (2)').names.has('balancereport')).toBe(true);
  });

  test('an edited value of the report counts as an edit too', async () => {
    const fake = workbookWithData();
    await writeReport(ctx(fake), planReport(input));
    const report = fake.workbook.sheet('均衡评估报告');
    const row = findRow(fake, '生均图书册数');
    report.setCell(`C${row}`, { value: 0.5 });
    const outcome = await writeReport(ctx(fake), planReport(input));
    expect(outcome.keptEdited).toEqual(['均衡评估报告']);
    expect(report.cell(`C${row}`).value).toBe(0.5);
  });

  test('second run with a (2) present: the untouched (2) is replaced, the user sheet still kept, no (3)', async () => {
    const fake = workbookWithData();
    const mine = fake.workbook.addSheet('均衡评估报告', [['我的笔记']]);
    await writeReport(ctx(fake), planReport(input));
    const first = fake.workbook.sheet('均衡评估报告 (2)');
    const outcome = await writeReport(ctx(fake), planReport(input));
    expect(outcome).toEqual({
      written: ['均衡评估报告 (2)'],
      keptUserSheets: ['均衡评估报告'],
      keptEdited: [],
    });
    expect(fake.workbook.sheet('均衡评估报告')).toBe(mine);
    expect(fake.workbook.sheet('均衡评估报告 (2)')).not.toBe(first);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(['学校数据', '均衡评估报告', '均衡评估报告 (2)']);
  });

  test("a mark that is not Balance's text (a user name BalanceReport) does not make a sheet Balance's", async () => {
    const fake = workbookWithData();
    const mine = fake.workbook.addSheet('整改测算', [
      ['学校名称', '在校生数'],
      ['城关小学', 100],
    ]);
    mine.names.set('balancereport', { name: 'BalanceReport', formula: '=Sheet1!$A$1', visible: true });
    const remediation = planRemediationReport({
      profileName: input.profileName,
      date: input.date,
      stages: [planStage(evaluation, 'primary')],
    });
    const outcome = await writeReport(ctx(fake), [planReport(input), remediation]);
    expect(outcome.written).toEqual(['均衡评估报告', '整改测算 (2)']);
    expect(outcome.keptUserSheets).toEqual(['整改测算']);
    expect(fake.workbook.sheet('整改测算').cell('B2').value).toBe(100);
  });
});
