// The 整改测算 sheet plan: per stage and indicator the additions and CVs, then each school's additions with units.
import { evaluate } from '../../src/engine/rules/evaluate';
import { PER_INDICATOR_NOTE, planStage } from '../../src/engine/planner/plan';
import { INDICATORS } from '../../src/engine/model/indicators';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import {
  additionsText,
  PLAN_WORDS,
  planRemediationReport,
  REMEDIATION_SHEET_NAME,
} from '../../src/engine/plans/remediationReport';
import type { ReportPlan, ReportSection } from '../../src/engine/plans/assessmentReport';
import { remediationFor, reportsFor, type SheetCheck } from '../../src/engine/plans/sheetCheck';
import type { Profile, SchoolRow } from '../../src/engine/model/types';
import { BASIC_UNIT_COSTS, basicSchools } from '../support/basicCounty';
import { QUALITY_COLUMNS } from './support/rows';
import { A4_LANDSCAPE_PRINT_WIDTH, MIN_PRINT_ZOOM, columnPoints } from '../../src/engine/plans/printSetup';

/**
 * What prints legibly and whole: the zoom keeps 11 pt text ≥ 8 pt, and every merged note or basis value ends within
 * the columns the first page holds even where columns print wider than Excel lays them out (LibreOffice without
 * Calibri: ~7 pt a character), so no page edge cuts one; column A is repeated on every page.
 */
function expectPrintable(plan: ReportPlan): void {
  expect(plan.page.zoom).toBeGreaterThanOrEqual(MIN_PRINT_ZOOM);
  expect(plan.page.printTitleColumns).toEqual({ left: 0, right: 0 });
  let used = 0;
  let fit = 0;
  for (const w of plan.columnWidths) {
    used += (Math.max(columnPoints(w), w * 7 + 5) * plan.page.zoom) / 100;
    if (used > A4_LANDSCAPE_PRINT_WIDTH + 0.5) break;
    fit++;
  }
  expect(plan.merges.length).toBeGreaterThan(0);
  for (const m of plan.merges) expect([m, m.right < fit]).toEqual([m, true]);
}

/**
 * Three primary schools meeting every standard with equal values except key teachers [10, 2, 1] for [100, 100, 200]
 * students (the worked example of BALANCE.PLAN: +0, +2, +7) and multimedia rooms [3, 3, 4] (the third has 2 per 100
 * < 2.3: it needs 4.6 → 5 rooms, +1).
 */
function county(): SchoolRow[] {
  const students = [100, 100, 200];
  const key = [10, 2, 1];
  const rooms = [3, 3, 4];
  return students.map((p, i) => ({
    row: 5 + i,
    name: `学校${i + 1}`,
    kind: 'primary',
    counts: {
      students: p,
      qualifiedTeachers: p / 20,
      keyTeachers: key[i],
      peArtTeachers: p / 100,
      teachingArea: 5 * p,
      sportsArea: 8 * p,
      equipmentValue: 2100 * p,
      multimediaRooms: rooms[i],
    },
    columns: QUALITY_COLUMNS,
  }));
}

function checkOf(rows: SchoolRow[], profile: Profile): SheetCheck {
  const evaluation = evaluate(rows, profile);
  return {
    sheet: '学校',
    profile,
    table: { rows, issues: [] } as unknown as SheetCheck['table'],
    evaluation,
    issues: evaluation.issues,
  };
}

const section = (plan: ReportPlan, id: ReportSection['id']): ReportSection => {
  const found = plan.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
};
const rowStarting = (s: ReportSection, first: string) => s.values.find((r) => r[0] === first);

describe('planRemediationReport — the 整改测算 sheet', () => {
  const check = checkOf(county(), QUALITY_2017);
  const plan = remediationFor(check, new Date(2026, 2, 1));

  test('prints legibly and whole: zoom ≥ 80 %, merged texts within the first page, column A repeated', () => {
    expectPrintable(plan);
    // This small county's sheet fits one A4 landscape page wide in Excel at its zoom.
    const width = plan.columnWidths.reduce((sum, w) => sum + columnPoints(w), 0);
    expect((width * plan.page.zoom) / 100).toBeLessThanOrEqual(A4_LANDSCAPE_PRINT_WIDTH + 0.5);
  });

  test('is named 整改测算 and reportsFor writes it after the 均衡评估报告', () => {
    expect(plan.sheetName).toBe(REMEDIATION_SHEET_NAME);
    expect(reportsFor(check, new Date(2026, 2, 1)).map((p) => p.sheetName)).toEqual([
      '均衡评估报告',
      '整改测算',
    ]);
  });

  test('per stage and indicator: CV now, target, added for the standards, extra for the CV, total, CV after', () => {
    const stages = section(plan, 'planStages');
    expect(stages.values.map((r) => r[0])).toContain('小学（3 所学校）');
    const key = rowStarting(stages, '每百名学生拥有县级以上骨干教师数');
    // Standards force +1 (school 3: 2 teachers for 200 students); water-filling adds 8 more: +2 and +6 → 9 in all.
    expect(key?.slice(0, 8)).toEqual([
      '每百名学生拥有县级以上骨干教师数',
      '人',
      expect.any(Number),
      0.5,
      1,
      8,
      9,
      expect.any(Number),
    ]);
    // Before: [10, 2, 0.5] per 100 → X̄ = 3.25, S = √15.5625 = 3.945, CV 1.2138; after [10, 4, 4]: 0.4724.
    expect(key?.[2]).toBeCloseTo(1.213826, 5);
    expect(key?.[7]).toBeCloseTo(0.472377, 5);
    const rooms = rowStarting(stages, '每百名学生拥有网络多媒体教室数');
    expect(rooms?.slice(1, 7)).toEqual(['间', expect.any(Number), 0.5, 1, 0, 1]);
    const sports = rowStarting(stages, '生均体育运动场馆面积');
    expect(sports?.slice(1, 7)).toEqual(['㎡', 0, 0.5, 0, 0, 0]);
  });

  test('per school: only schools with additions, name, row, stage, one column per resource with its unit, and in words', () => {
    const schools = section(plan, 'planSchools');
    const header = schools.values[1];
    expect(header.slice(0, 6)).toEqual([
      '学校名称',
      '行号',
      '学段',
      '骨干教师（人）',
      '多媒体教室（间）',
      '需增加',
    ]);
    expect(schools.values.slice(2).map((r) => r.slice(0, 6))).toEqual([
      ['学校2', 6, '小学', 2, null, '骨干教师 +2人'],
      ['学校3', 7, '小学', 7, 1, '骨干教师 +7人，多媒体教室 +1间'],
    ]);
  });

  test('countable totals are shown whole, CVs to 3 decimals, targets to 2 (more when they have them)', () => {
    const stages = section(plan, 'planStages');
    const i = stages.values.findIndex((r) => r[0] === '每百名学生拥有县级以上骨干教师数');
    expect(stages.numberFormats[i].slice(2, 8)).toEqual([
      '0.000',
      '0.00##',
      '#,##0',
      '#,##0',
      '#,##0',
      '0.000',
    ]);
    const sports = stages.values.findIndex((r) => r[0] === '生均体育运动场馆面积');
    expect(stages.numberFormats[sports][6]).toBe('#,##0.00');
  });

  test('the basis is stated: profile, date, source sheet, the default targets per stage', () => {
    const title = section(plan, 'title').values.map((r) => r.slice(0, 2));
    expect(title).toEqual([
      ['县域义务教育优质均衡发展整改测算', null],
      ['评估标准', QUALITY_2017.name],
      ['评估日期', '2026年3月1日'],
      ['数据工作表', '学校'],
      ['测算目标', '各项差异系数不超过评估标准的阈值（小学 0.50）'],
      ['办学标准', '每所学校达到全部办学标准'],
    ]);
  });

  test('sections do not overlap, and rowCount / columnCount cover them', () => {
    let last = 0;
    for (const s of plan.sections) {
      expect(s.top).toBeGreaterThan(last);
      last = s.top + s.values.length - 1;
      for (const row of s.values) expect(row.length).toBeLessThanOrEqual(plan.columnCount);
    }
    expect(plan.rowCount).toBe(last);
  });

  test('nothing to add → one 无需增加资源 line; no stage planned → 无', () => {
    const balanced = county().map((r) => ({
      ...r,
      counts: {
        ...r.counts,
        keyTeachers: (r.counts.students as number) / 50,
        multimediaRooms: (6 * (r.counts.students as number)) / 100,
      },
    }));
    const quiet = remediationFor(checkOf(balanced, QUALITY_2017), new Date(2026, 2, 1));
    expect(
      section(quiet, 'planSchools')
        .values.slice(2)
        .map((r) => r[0]),
    ).toEqual(['无需增加资源']);
    const empty = planRemediationReport({ profileName: 'x', date: 'd', stages: [] });
    expect(section(empty, 'planStages').values.map((r) => r[0])).toContain('无');
  });

  test('basic-2012 (composite mode): a 综合差异系数 row with before, threshold and after', () => {
    const evaluation = evaluate(county(), BASIC_2012);
    const sp = planStage(evaluation, 'primary');
    const basic = planRemediationReport({ profileName: BASIC_2012.name, date: 'd', stages: [sp] });
    const composite = rowStarting(section(basic, 'planStages'), '综合差异系数');
    expect(composite?.[3]).toBe(0.65);
    expect(composite?.[2]).toBe(sp.composite?.before);
    expect(composite?.[7]).toBe(sp.composite?.after);
  });
});

describe('money in the column’s unit (a 万元 column gives 万元 on the sheet, 2 decimals)', () => {
  // 学校3 has 1,500 元 of equipment per student for 200 students, under the 2,000 元 standard: +100,000 元 = 10 万元.
  const rows = county();
  rows[2].counts.equipmentValue = 1500 * 200;
  const evaluation = evaluate(rows, QUALITY_2017);
  const inWan = {
    equipmentValue: { column: 8, header: '教学仪器设备值（万元）', unit: '万元', unitFactor: 10000 },
  };
  const check = {
    sheet: '学校',
    profile: QUALITY_2017,
    table: { rows, issues: [], mapping: inWan } as unknown as SheetCheck['table'],
    evaluation,
    issues: evaluation.issues,
  } as SheetCheck;
  const plan = remediationFor(check, new Date(2026, 2, 1));

  test('the stage table: unit 万元, amounts in 万元 with two decimals, the note in 万元', () => {
    const equipment = rowStarting(section(plan, 'planStages'), '生均教学仪器设备值');
    expect(equipment?.[1]).toBe('万元');
    expect(equipment?.[4]).toBe(10);
    expect(String(equipment?.[8])).toContain('10.00万元');
    expect(String(equipment?.[8])).not.toMatch(/\d元/);
    const at = section(plan, 'planStages').values.indexOf(equipment as never);
    expect(section(plan, 'planStages').numberFormats[at][4]).toBe('#,##0.00');
  });

  test('the school table: header 仪器设备（万元）, the amount and the words in 万元', () => {
    const schools = section(plan, 'planSchools');
    const header = schools.values[1];
    const col = header.indexOf('仪器设备（万元）');
    expect(col).toBeGreaterThan(2);
    const school3 = schools.values.find((r) => r[0] === '学校3') as unknown[];
    expect(school3[col]).toBe(10);
    expect(school3[header.indexOf('需增加')]).toContain('仪器设备 +10.00万元');
  });
});

describe('additionsText — the CLI summary wording', () => {
  test('“骨干教师 +2人，多媒体教室 +2间”; 0.01 grids keep their decimals and thousands separators', () => {
    expect(
      additionsText([
        { indicator: 'keyTeachersPer100', amount: 2 },
        { indicator: 'multimediaRoomsPer100', amount: 2 },
      ]),
    ).toBe('骨干教师 +2人，多媒体教室 +2间');
    expect(additionsText([{ indicator: 'sportsAreaPerStudent', amount: 1220.5 }])).toMatch(/\+1,220\.5㎡$/);
  });
});

describe('基本均衡 on the 整改测算 sheet: the cheapest mix with unit costs, the per-indicator sentence without', () => {
  const basicRows = basicSchools([0, 0.05, 0.4, 2, 3], {
    firstRow: 5,
    base: 300,
    step: 150,
    name: (i) => `中学${i + 1}`,
  });
  const unitCosts = BASIC_UNIT_COSTS;
  const evaluation = evaluate(basicRows, BASIC_2012);

  test('with unit costs: the mix table (targets, additions, CVs after, costs, total) and the schools list the mix', () => {
    const sp = planStage(evaluation, 'junior', { unitCosts });
    const mix = sp.mix;
    if (!mix?.ok) throw new Error('no mix');
    const sheet = planRemediationReport({
      profileName: BASIC_2012.name,
      date: 'd',
      stages: [sp],
      cvMode: 'composite',
    });
    expectPrintable(sheet);
    const stages = section(sheet, 'planStages');
    const heading = stages.values.findIndex((r) => String(r[0]).startsWith('成本最低的组合'));
    expect(heading).toBeGreaterThan(0);
    expect(stages.values[heading + 1].slice(0, 7)).toEqual(PLAN_WORDS.mixColumns);
    mix.indicators.forEach((m, x) => {
      const row = stages.values[heading + 2 + x];
      expect(row[0]).toBe(INDICATORS[m.indicator].name);
      expect(row[3]).toBe(m.total > 0 ? m.targetCv : '—');
      expect(row[5]).toBe(m.cv);
      expect(row[6]).toBe(m.total > 0 ? m.cost : null);
      // A target like 0.3295 or 0.495 keeps its decimals on the sheet.
      expect(stages.numberFormats[heading + 2 + x][3]).toBe('0.00##');
    });
    const total = stages.values[heading + 2 + mix.indicators.length];
    expect(total[0]).toBe('综合差异系数');
    expect(total[5]).toBe(mix.composite);
    expect(total[6]).toBe(mix.cost);
    expect(total[5] as number).toBeLessThanOrEqual(0.55);
    expect(stages.values.some((r) => String(r[0]).includes('与理论最低相差不超过'))).toBe(true);
    // Each school's row shows the mix's additions, not the per-indicator plan's.
    const schools = section(sheet, 'planSchools');
    const header = schools.values[1].map(String);
    for (const m of mix.indicators.filter((x) => x.total > 0 && !x.columnUnit)) {
      const column = header.findIndex((h) => h.startsWith(INDICATORS[m.indicator].label));
      expect(column).toBeGreaterThan(0);
      sp.schools.forEach((s, i) => {
        const line = schools.values.find((r) => r[1] === s.row);
        expect(line?.[column] ?? null).toBe(m.additions[i] > 0 ? m.additions[i] : null);
      });
    }
  });

  test('without unit costs: the sentence that the plan is per indicator, not the cheapest mix', () => {
    const sp = planStage(evaluation, 'junior');
    const sheet = planRemediationReport({
      profileName: BASIC_2012.name,
      date: 'd',
      stages: [sp],
      cvMode: 'composite',
    });
    const stages = section(sheet, 'planStages');
    expect(stages.values.some((r) => r[0] === PER_INDICATOR_NOTE)).toBe(true);
    expect(stages.values.some((r) => String(r[0]).startsWith('成本最低的组合'))).toBe(false);
  });
});
