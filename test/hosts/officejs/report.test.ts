// writeReport: the ReportPlan as the 均衡评估报告 sheet — replaced on every run, few round trips.
import { planStage } from '../../../src/engine/planner/plan';
import { planRemediationReport } from '../../../src/engine/plans/remediationReport';
import { planReport, type ReportInput } from '../../../src/engine/plans/assessmentReport';
import { QUALITY_2017 } from '../../../src/engine/rules/profiles';
import type { Evaluation } from '../../../src/engine/model/types';
import { ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { charsToPoints, writeReport } from '../../../src/hosts/officejs/report';
import { createFakeExcel, type FakeExcel } from './fakeExcel';

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
  test('writes every section, number formats, styles, merges, widths and A4 landscape in two syncs', async () => {
    const fake = createFakeExcel();
    const data = fake.workbook.addSheet('学校数据', [['学校名称'], ['城关小学']]);
    const before = data.dump();
    const plan = planReport(input);
    await writeReport(ctx(fake), plan);

    expect(fake.syncCount).toBe(2);
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

  test('re-running replaces the sheet: nothing of the old report survives', async () => {
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    const old = fake.workbook.addSheet('均衡评估报告', [['旧内容']]);
    old.setCell('Z99', { value: '旧的远处单元格', bold: true });
    await writeReport(ctx(fake), planReport(input), { activate: false });
    const sheet = fake.workbook.sheet('均衡评估报告');
    expect(sheet).not.toBe(old);
    expect(sheet.cell('Z99').value).toBe('');
    expect(sheet.cell('A1').value).toBe('县域义务教育均衡发展评估报告');
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
    expect(fake.syncCount).toBe(2);
    expect(fake.workbook.sheet('均衡评估报告').cell(`A${findRow(fake, '城关小学') + 1999}`).value).toBe(
      '城关小学',
    );
  });

  test('with the 整改测算 plan too: both sheets in the same two syncs, the report shown, both replaced on re-run', async () => {
    const remediation = planRemediationReport({
      profileName: input.profileName,
      date: input.date,
      stages: [planStage(evaluation, 'primary')],
    });
    const fake = createFakeExcel();
    fake.workbook.addSheet('学校数据', [['学校名称']]);
    const old = fake.workbook.addSheet('整改测算', [['旧内容']]);
    old.setCell('Z99', { value: '旧的远处单元格' });
    await writeReport(ctx(fake), [planReport(input), remediation]);
    expect(fake.syncCount).toBe(2);
    const sheet = fake.workbook.sheet('整改测算');
    expect(sheet).not.toBe(old);
    expect(sheet.cell('Z99').value).toBe('');
    expect(sheet.cell('A1').value).toBe('县域义务教育均衡发展整改测算');
    const schoolsAt = remediation.sections.find((x) => x.id === 'planSchools')?.top as number;
    expect(sheet.cell(`A${schoolsAt + 2}`).value).toBe('学校2');
    expect(sheet.cell(`D${schoolsAt + 2}`).value).toBe(2);
    expect(sheet.cell(`D${schoolsAt + 2}`).numberFormat).toBe('#,##0');
    expect(fake.workbook.activeSheet.name).toBe('均衡评估报告');

    await writeReport(ctx(fake), [planReport(input), remediation]);
    expect(fake.syncCount).toBe(4);
    expect(fake.workbook.sheets.map((x) => x.name)).toEqual(['学校数据', '均衡评估报告', '整改测算']);
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
