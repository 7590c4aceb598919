// The highlight plan: which cells are shaded, in which colour, with which note (spec §1: "a non-compliant cell is shaded").
import { evaluate } from '../../src/engine/rules/evaluate';
import {
  HIGHLIGHT_FILLS,
  HIGHLIGHT_LEGEND,
  legendText,
  planHighlights,
  type CellMark,
} from '../../src/engine/plans/highlightPlan';
import { QUALITY_2017 } from '../../src/engine/rules/profiles';
import type {
  CheckResult,
  ColumnMap,
  DataIssue,
  IndicatorId,
  IndicatorVerdict,
  SchoolPart,
  SchoolVerdict,
} from '../../src/engine/model/types';
import { QUALITY_COLUMNS, qualityRow } from './support/rows';
import { mulberry32 } from '../support/random';

// The sheet layout used throughout: A 学校名称, B 学段, C 在校生数, D 高于规定学历, E 骨干, F 体育艺术(合并),
// G 教学用房面积, H 体育运动场馆面积, I 设备值, J 多媒体教室, K 最大班额.
const COLUMNS: ColumnMap = QUALITY_COLUMNS;

const PRIMARY_STANDARDS: Record<string, number> = {
  qualifiedTeachersPer100: 4.2,
  keyTeachersPer100: 1,
  peArtTeachersPer100: 0.9,
  teachingAreaPerStudent: 4.5,
  sportsAreaPerStudent: 7.5,
  equipmentValuePerStudent: 2000,
  multimediaRoomsPer100: 2.3,
};
const RESOURCE: Record<string, string> = {
  qualifiedTeachersPer100: 'qualifiedTeachers',
  keyTeachersPer100: 'keyTeachers',
  peArtTeachersPer100: 'peArtTeachers',
  teachingAreaPerStudent: 'teachingArea',
  sportsAreaPerStudent: 'sportsArea',
  equipmentValuePerStudent: 'equipmentValue',
  multimediaRoomsPer100: 'multimediaRooms',
};

/** A verdict for one indicator, decided by hand (value ≥ standard) as the engine would. */
function iv(
  indicator: IndicatorId,
  value: number,
  gap: number,
  extra: Partial<IndicatorVerdict> = {},
): IndicatorVerdict {
  const standard = PRIMARY_STANDARDS[indicator];
  return {
    indicator,
    value,
    standard,
    ratio: value / standard,
    pass: value >= standard,
    gap,
    resourceField: RESOURCE[indicator],
    ...extra,
  };
}

/** TV-5 vectors for 小学 with 1,000 students; values in §2.1 order. */
function tv5(name: string, row: number, values: number[], pass: boolean, extra: Partial<SchoolVerdict> = {}) {
  const ids = Object.keys(PRIMARY_STANDARDS) as IndicatorId[];
  // Gap for 1,000 students: standard·P − resource (per 100: standard·P/100 − count), countable ones whole.
  const gaps = ids.map((id, i) => {
    const short = PRIMARY_STANDARDS[id] - values[i];
    if (short <= 0) return 0;
    return id.endsWith('Per100')
      ? Math.ceil((short * 1000) / 100 - 1e-9)
      : Math.round(short * 1000 * 100) / 100;
  });
  const indicators = ids.map((id, i) => iv(id, values[i], gaps[i]));
  const verdict: SchoolVerdict = {
    key: `${row}:primary`,
    row,
    name,
    stage: 'primary',
    kind: 'primary',
    indicators,
    met: indicators.filter((i) => i.pass).length,
    pass,
    checks: [],
    reasons: [],
    ...extra,
  };
  return verdict;
}

const A = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];
const D = [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5];
const E = [4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5];

function markAt(marks: CellMark[], address: string): CellMark {
  const found = marks.find((m) => m.address === address);
  if (!found) throw new Error(`no mark at ${address}; marks: ${marks.map((m) => m.address).join(',')}`);
  return found;
}

describe('planHighlights — failing indicators shade their resource cell', () => {
  test('TV-5 D: "84% fails" → the sports-area cell H12 is shaded amber with a concrete note', () => {
    const school = tv5('城关小学', 12, D, false);
    const plan = planHighlights({
      sheet: '学校数据',
      schools: [school],
      columns: { ...COLUMNS, name: undefined },
    });
    expect(plan.sheet).toBe('学校数据');
    expect(plan.marks).toHaveLength(1);
    const mark = plan.marks[0];
    expect(mark).toMatchObject({ row: 12, column: 7, address: 'H12', kind: 'indicator', fill: '#FFE699' });
    expect(mark.note).toBe('生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡');
  });

  test('TV-5 A "7/7 met" passes: nothing is shaded', () => {
    const plan = planHighlights({ sheet: 'S', schools: [tv5('甲小学', 3, A, true)], columns: COLUMNS });
    expect(plan.marks).toEqual([]);
  });

  test('an undecidable indicator (pass === null) is not shaded', () => {
    const school = tv5('乙小学', 4, A, true);
    school.indicators[4] = { ...school.indicators[4], value: null, ratio: null, pass: null, gap: null };
    expect(planHighlights({ sheet: 'S', schools: [school], columns: COLUMNS }).marks).toEqual([]);
  });

  test('每百名学生 teachers: the gap counts whole teachers ("需增加 1人")', () => {
    const school = tv5('丙小学', 5, E, false);
    const plan = planHighlights({ sheet: 'S', schools: [school], columns: COLUMNS });
    expect(markAt(plan.marks, 'D5').note).toBe(
      '每百名学生拥有高于规定学历教师数 4.1 < 标准 4.2（97.6%），需增加 1人',
    );
    expect(markAt(plan.marks, 'H5').note).toBe(
      '生均体育运动场馆面积 7㎡ < 标准 7.5㎡（93.3%），需增加 500㎡',
    );
  });

  test('peArtTeachersPer100 with separate 体育/音乐/美术 columns shades all three', () => {
    const columns: ColumnMap = { name: 0, students: 1, peTeachers: 2, musicTeachers: 3, artTeachers: 4 };
    const school = tv5('丁小学', 7, [4.5, 1.2, 0.8, 5.0, 8.0, 2100, 2.5], true);
    const plan = planHighlights({ sheet: 'S', schools: [school], columns });
    expect(plan.marks.map((m) => m.address)).toEqual(['C7', 'D7', 'E7']);
    expect(new Set(plan.marks.map((m) => m.note)).size).toBe(1);
    // 0.8 of 0.9 is 88.9% (rounded, not truncated), and the school passes: the allowance's note and shade.
    expect(plan.marks[0].note).toBe(
      '每百名学生拥有体育、艺术（美术、音乐）专任教师数 0.8 < 标准 0.9（88.9%）：低于标准但在允许范围内，学校仍达标；增加 1人 达到标准',
    );
    expect(plan.marks[0].fill).toBe(HIGHLIGHT_FILLS.allowance);
    // A sheet with only some of the three columns shades those it has.
    const partial = planHighlights({
      sheet: 'S',
      schools: [school],
      columns: { name: 0, peTeachers: 2, artTeachers: 4 },
    });
    expect(partial.marks.map((m) => m.address)).toEqual(['C7', 'E7']);
  });

  test('a ratio-only sheet shades the ratio column', () => {
    const columns: ColumnMap = { name: 0, sportsAreaPerStudent: 5 };
    const school = tv5('戊小学', 9, D, false);
    school.indicators[4] = { ...school.indicators[4], fromRatio: true, gap: null, resourceField: undefined };
    const plan = planHighlights({ sheet: 'S', schools: [school], columns });
    expect(plan.marks.map((m) => m.address)).toEqual(['A9', 'F9']);
    expect(plan.marks[1].note).toBe('生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%）');
  });

  test('a failing indicator whose cell is not on the sheet produces no mark', () => {
    const school = tv5('己小学', 9, D, true);
    const plan = planHighlights({ sheet: 'S', schools: [school], columns: { name: 0 } });
    expect(plan.marks).toEqual([]);
  });
});

describe('planHighlights — the allowance: "the remaining one ≥ 85% of its standard" (TV-5 C and D)', () => {
  // 250 pupils: D's 6.3㎡ is 1,575㎡ of sports area; 18.75㎡ more reach the 85% floor, 300㎡ the standard.
  const ev = evaluate(
    [
      qualityRow(3, 'C', 'primary', 250, [4.5, 1.2, 1.0, 5.0, 6.375, 2100, 2.5]),
      qualityRow(4, 'D', 'primary', 250, [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]),
    ],
    QUALITY_2017,
  );
  const plan = planHighlights({
    sheet: 'S',
    schools: ev.schools,
    columns: COLUMNS,
    rule: QUALITY_2017.schoolRule,
  });

  test('C passes at exactly 85%: its sports-area cell gets the lighter allowance shade and says the school passes', () => {
    const c = markAt(plan.marks, 'H3');
    expect(c.kind).toBe('allowance');
    expect(c.fill).toBe('#FFF2CC');
    expect(c.note).toBe(
      '生均体育运动场馆面积 6.38㎡ < 标准 7.5㎡（85%）：低于标准但在 85% 允许范围内，学校仍达标；增加 281.25㎡ 达到标准',
    );
    expect(plan.marks.find((m) => m.address === 'A3')).toBeUndefined();
  });

  test('D fails at 84%: amber, with what makes the school pass (18.75㎡) and what reaches the standard (300㎡)', () => {
    const d = markAt(plan.marks, 'H4');
    expect(d.kind).toBe('indicator');
    expect(d.fill).toBe(HIGHLIGHT_FILLS.indicator);
    expect(d.note).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准',
    );
    expect(markAt(plan.marks, 'A4').note).toBe(
      'D未达到校际标准\n· 6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线\n· ' +
        '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准',
    );
  });

  test('the legend names every mark colour once, the allowance distinct from the failing amber', () => {
    const fills = HIGHLIGHT_LEGEND.map((e) => e.fill);
    expect(new Set(fills).size).toBe(fills.length);
    expect(new Set(Object.values(HIGHLIGHT_FILLS))).toEqual(new Set(fills));
    expect(HIGHLIGHT_FILLS.allowance).not.toBe(HIGHLIGHT_FILLS.indicator);
    expect(legendText('allowance', 0.85)).toBe('数值低于标准，但在 85% 允许范围内，学校仍达标');
    const kinds = HIGHLIGHT_LEGEND.flatMap((e) => e.kinds);
    expect(new Set(kinds)).toEqual(new Set(Object.keys(HIGHLIGHT_FILLS)));
  });
});

describe('planHighlights — failing schools, §7 checks and data issues', () => {
  test('TV-5 E "5 met → fail": the name cell is shaded in the stronger red with the reasons', () => {
    const school = tv5('丙小学', 5, E, false, {
      reasons: ['每百名学生拥有高于规定学历教师数 4.1 < 标准 4.2（97.6%），需增加 1人'],
    });
    const plan = planHighlights({ sheet: 'S', schools: [school], columns: COLUMNS });
    const name = markAt(plan.marks, 'A5');
    expect(name.kind).toBe('school');
    expect(name.fill).toBe('#FF9999');
    expect(name.fill).not.toBe(HIGHLIGHT_FILLS.indicator);
    expect(name.note).toBe(
      '丙小学未达到校际标准\n· 每百名学生拥有高于规定学历教师数 4.1 < 标准 4.2（97.6%），需增加 1人',
    );
    expect(plan.marks.map((m) => m.address)).toEqual(['A5', 'D5', 'H5']);
  });

  test('a failing §7 check ("every class ≤ 45 (小学)") shades its field cell; a passing one does not', () => {
    const checks: CheckResult[] = [
      {
        check: 'classSize',
        pass: false,
        field: 'maxClassSize',
        message: '最大班额 56 人，超过 45 人（大班额）',
        band: '大班额',
        value: 56,
        limit: 45,
      },
      {
        check: 'schoolSize',
        pass: true,
        field: 'students',
        message: '在校生 1000 人，不超过 2000 人',
        value: 1000,
        limit: 2000,
      },
    ];
    const school = tv5('庚小学', 20, A, true, { checks });
    const plan = planHighlights({ sheet: 'S', schools: [school], columns: COLUMNS });
    expect(plan.marks).toEqual([
      {
        row: 20,
        column: 10,
        address: 'K20',
        kind: 'check',
        fill: '#FFE699',
        note: '最大班额 56 人，超过 45 人（大班额）',
      },
    ]);
  });

  test('DataIssues with row and column shade their cell grey-purple with the message as note', () => {
    const issues: DataIssue[] = [
      {
        sheet: 'S',
        row: 8,
        column: 'G',
        field: 'teachingArea',
        code: 'notNumber',
        message: '第 8 行 G 列：“约300” 不是数字',
        severity: 'error',
      },
      {
        row: 9,
        column: 'AB',
        field: 'books',
        code: 'negative',
        message: '第 9 行 AB 列：负数',
        severity: 'warning',
      },
      { row: 0, field: 'students', code: 'missingColumn', message: '缺少在校生数列', severity: 'error' },
      { row: 10, field: 'name', code: 'duplicateSchool', message: '重名', severity: 'warning' },
      {
        sheet: '其他表',
        row: 8,
        column: 'G',
        field: 'x',
        code: 'notNumber',
        message: '别的表',
        severity: 'error',
      },
      { row: 11, column: 'C', field: 'students', code: 'hiddenRow', message: '隐藏行', severity: 'info' },
    ];
    const plan = planHighlights({ sheet: 'S', schools: [], columns: COLUMNS, issues });
    expect(plan.marks).toEqual([
      {
        row: 8,
        column: 6,
        address: 'G8',
        kind: 'dataIssue',
        fill: '#D9D2E9',
        note: '第 8 行 G 列：“约300” 不是数字',
      },
      { row: 9, column: 27, address: 'AB9', kind: 'dataIssue', fill: '#D9D2E9', note: '第 9 行 AB 列：负数' },
    ]);
    const withInfo = planHighlights({
      sheet: 'S',
      schools: [],
      columns: COLUMNS,
      issues,
      issueSeverities: ['info'],
    });
    expect(withInfo.marks.map((m) => m.address)).toEqual(['C11']);
  });

  test('schools of another sheet are ignored', () => {
    const school = { ...tv5('辛小学', 5, E, false), sheet: '其他表' };
    expect(planHighlights({ sheet: 'S', schools: [school], columns: COLUMNS }).marks).toEqual([]);
  });

  test('the three fills are distinct colours', () => {
    expect(new Set([HIGHLIGHT_FILLS.indicator, HIGHLIGHT_FILLS.school, HIGHLIGHT_FILLS.dataIssue]).size).toBe(
      3,
    );
  });
});

describe('planHighlights — combined rows (spec §5) and merging', () => {
  // One 九年一贯制 row 15: shared facility columns, per-stage teacher columns.
  const combinedColumns: ColumnMap = {
    name: 0,
    'primary.students': 1,
    'junior.students': 2,
    'primary.qualifiedTeachers': 3,
    'junior.qualifiedTeachers': 4,
    sportsArea: 5,
  };
  function part(
    stage: 'primary' | 'junior',
    indicators: IndicatorVerdict[],
    pass: boolean | null,
  ): SchoolVerdict {
    return {
      key: `15:${stage}`,
      row: 15,
      name: '实验学校',
      stage,
      kind: 'nineYear',
      indicators,
      met: indicators.filter((i) => i.pass).length,
      pass,
      checks: [],
      reasons: [],
    };
  }
  const sportsPrimary: IndicatorVerdict = {
    indicator: 'sportsAreaPerStudent',
    value: 6.3,
    standard: 7.5,
    ratio: 0.84,
    pass: false,
    gap: 1220,
    resourceField: 'sportsArea',
  };
  const sportsJunior: IndicatorVerdict = {
    indicator: 'sportsAreaPerStudent',
    value: 9,
    standard: 10.2,
    ratio: 9 / 10.2,
    pass: false,
    gap: 480,
    resourceField: 'sportsArea',
  };
  const qualifiedJunior: IndicatorVerdict = {
    indicator: 'qualifiedTeachersPer100',
    value: 5,
    standard: 5.3,
    ratio: 5 / 5.3,
    pass: false,
    gap: 2,
    resourceField: 'qualifiedTeachers',
  };

  test('a sheet with both 专任教师 columns and 初中专任教师 columns: a stand-alone school shades its plain cell, a combined row its stage cell', () => {
    // One sheet-wide ColumnMap: D 高于规定学历教师数 for stand-alone rows, E 初中高于规定学历教师数 for combined rows.
    const columns: ColumnMap = { name: 0, students: 1, qualifiedTeachers: 3, 'junior.qualifiedTeachers': 4 };
    const standAlone: SchoolVerdict = {
      ...part('junior', [qualifiedJunior], false),
      key: '9:junior',
      row: 9,
      kind: 'junior',
    };
    const combined = part('junior', [qualifiedJunior], false);
    const plan = planHighlights({ sheet: 'S', schools: [standAlone, combined], columns });
    expect(markAt(plan.marks, 'D9').kind).toBe('indicator');
    expect(plan.marks.find((m) => m.address === 'E9')).toBeUndefined();
    expect(markAt(plan.marks, 'E15').kind).toBe('indicator');
    expect(plan.marks.find((m) => m.address === 'D15')).toBeUndefined();
  });

  test('a stand-alone school on a sheet that only has the per-stage column shades that column', () => {
    const columns: ColumnMap = { name: 0, 'junior.qualifiedTeachers': 4 };
    const standAlone: SchoolVerdict = {
      ...part('junior', [qualifiedJunior], null),
      key: '9:junior',
      row: 9,
      kind: 'junior',
    };
    const plan = planHighlights({ sheet: 'S', schools: [standAlone], columns });
    expect(plan.marks.map((m) => m.address)).toEqual(['E9']);
  });

  test('both parts failing on the shared sports-area cell give ONE mark with both notes, each naming its part', () => {
    const plan = planHighlights({
      sheet: 'S',
      schools: [
        part('primary', [sportsPrimary], null),
        part('junior', [sportsJunior, qualifiedJunior], null),
      ],
      columns: combinedColumns,
    });
    expect(plan.marks.map((m) => m.address)).toEqual(['E15', 'F15']);
    expect(markAt(plan.marks, 'F15').note).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡（小学部）\n' +
        '生均体育运动场馆面积 9㎡ < 标准 10.2㎡（88.2%），需增加 480㎡（初中部）',
    );
    // Per-stage teachers are not shared: the junior gap shades the 初中 teacher column only.
    expect(markAt(plan.marks, 'E15').note).toBe(
      '每百名学生拥有高于规定学历教师数 5 < 标准 5.3（94.3%），需增加 2人（初中部）',
    );
  });

  test('a failing part marks the shared name cell as a school; the stronger kind wins the fill', () => {
    const plan = planHighlights({
      sheet: 'S',
      schools: [part('primary', [sportsPrimary], false), part('junior', [sportsJunior], true)],
      columns: combinedColumns,
      issues: [
        {
          row: 15,
          column: 'A',
          field: 'name',
          code: 'duplicateSchool',
          message: '学校名称重复',
          severity: 'warning',
        },
        {
          row: 15,
          column: 'F',
          field: 'sportsArea',
          code: 'unitMismatch',
          message: '面积疑似以亩填写',
          severity: 'warning',
        },
      ],
    });
    const name = markAt(plan.marks, 'A15');
    expect(name.kind).toBe('school');
    expect(name.fill).toBe(HIGHLIGHT_FILLS.school);
    expect(name.note.split('\n')[0]).toBe('实验学校（小学部）未达到校际标准：1 项指标中 0 项达标');
    expect(name.note.split('\n').pop()).toBe('学校名称重复');
    const sports = markAt(plan.marks, 'F15');
    expect(sports.kind).toBe('indicator');
    expect(sports.fill).toBe(HIGHLIGHT_FILLS.indicator);
    expect(sports.note.split('\n')).toHaveLength(3);
    // Notes strongest first: the failing part's, the data issue's, then the passing part's allowance.
    expect(sports.note.split('\n')[1]).toBe('面积疑似以亩填写');
  });

  test('columns may come from the parts as read (each with its own ColumnMap) or from a function', () => {
    const parts: Pick<SchoolPart, 'row' | 'stage' | 'columns'>[] = [
      { row: 15, stage: 'primary', columns: { name: 0, sportsArea: 5 } },
      { row: 15, stage: 'junior', columns: { name: 0, sportsArea: 6 } },
    ];
    const schools = [part('primary', [sportsPrimary], true), part('junior', [sportsJunior], true)];
    const fromParts = planHighlights({ sheet: 'S', schools, columns: parts });
    expect(fromParts.marks.map((m) => m.address)).toEqual(['F15', 'G15']);
    const fromFunction = planHighlights({
      sheet: 'S',
      schools,
      columns: (school) => (school.stage === 'junior' ? { sportsArea: 9 } : undefined),
    });
    expect(fromFunction.marks.map((m) => m.address)).toEqual(['J15']);
  });

  test('cells are told apart by row and column however far out (no two places share a key); repeats merge', () => {
    const issue = (row: number, columnIndex: number, message: string): DataIssue => ({
      row,
      column: 'A',
      field: 'x',
      code: 'notNumber',
      message,
      severity: 'error',
      detail: { columnIndex, values: {} },
    });
    const far = 2 ** 20;
    const issues = [
      issue(1, far, '远列'),
      issue(2, 0, '第二行'),
      issue(2 ** 32 + 1, 3, '远行'),
      issue(1, far, '远列'),
      issue(1, far, '远列又一条'),
    ];
    const { marks } = planHighlights({ sheet: 'S', schools: [], columns: COLUMNS, issues });
    expect(marks.map((m) => [m.row, m.column, m.note])).toEqual([
      [1, far, '远列\n远列又一条'],
      [2, 0, '第二行'],
      [2 ** 32 + 1, 3, '远行'],
    ]);
  });

  test('marks are unique per cell and sorted by row then column', () => {
    const schools = [tv5('甲', 30, E, false), tv5('乙', 4, D, false), tv5('丙', 4, E, false)];
    const { marks } = planHighlights({ sheet: 'S', schools, columns: COLUMNS });
    const keys = marks.map((m) => `${m.row}:${m.column}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...marks].sort((a, b) => a.row - b.row || a.column - b.column);
    expect(marks).toEqual(sorted);
  });
});

describe('planHighlights — the cells of an indicator, remembered across schools', () => {
  // The parts of a table share its ColumnMap; the planner remembers an indicator's cells per map, stage, source and
  // combined kind. Planned all at once, the marks must be those planned row by row (a fresh memory
  // for every row), whatever mix of maps, stages, kinds, resource fields and ratio sources the rows have.
  const MAPS: ColumnMap[] = [
    { name: 0, qualifiedTeachers: 3, peArtTeachers: 5, sportsArea: 7, sportsAreaPerStudent: 8 },
    {
      name: 0,
      'junior.qualifiedTeachers': 4,
      qualifiedTeachers: 3,
      peTeachers: 5,
      artTeachers: 6,
      sportsArea: 7,
    },
    {
      name: 0,
      'primary.qualifiedTeachers': 2,
      'junior.qualifiedTeachers': 4,
      musicTeachers: 9,
      sportsArea: 11,
    },
    { name: 1, qualifiedTeachersPer100: 12, sportsAreaPerStudent: 13, peArtTeachers: 14 },
  ];
  const INDICATOR_FIELDS: [IndicatorId, (string | undefined)[]][] = [
    ['qualifiedTeachersPer100', ['qualifiedTeachers', undefined]],
    ['peArtTeachersPer100', ['peArtTeachers', 'peTeachers', undefined]],
    ['sportsAreaPerStudent', ['sportsArea', undefined]],
  ];

  test('400 random counties: planned at once = planned row by row', () => {
    const rnd = mulberry32(41);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    for (let county = 0; county < 400; county++) {
      const parts: Pick<SchoolPart, 'row' | 'stage' | 'columns'>[] = [];
      const schools: SchoolVerdict[] = [];
      for (let row = 2; row < 2 + 1 + Math.floor(rnd() * 12); row++) {
        // One of a few maps, shared by the rows that have it (as a table's rows share its map).
        const columns = pick(MAPS);
        const combined = rnd() < 0.3;
        const stages: ('primary' | 'junior')[] = combined
          ? ['primary', 'junior']
          : [pick(['primary', 'junior'])];
        for (const stage of stages) {
          parts.push({ row, stage, columns });
          const indicators = INDICATOR_FIELDS.filter(() => rnd() < 0.7).map(([indicator, fields]) => {
            const field = pick(fields);
            const v: IndicatorVerdict = {
              indicator,
              value: 1,
              standard: 2,
              ratio: 0.5,
              pass: false,
              gap: 1,
            };
            if (field !== undefined) v.resourceField = field;
            if (rnd() < 0.2) v.fromRatio = true;
            return v;
          });
          schools.push({
            key: `${row}:${stage}`,
            row,
            name: `第${row}学校`,
            stage,
            kind: combined ? 'nineYear' : stage,
            indicators,
            met: 0,
            pass: false,
            checks: [],
            reasons: ['仅 0 项达标'],
          });
        }
      }
      const whole = planHighlights({ sheet: 'S', schools, columns: parts }).marks;
      const byRow = [...new Set(schools.map((s) => s.row))].flatMap(
        (row) =>
          planHighlights({
            sheet: 'S',
            schools: schools.filter((s) => s.row === row),
            columns: parts.filter((p) => p.row === row),
          }).marks,
      );
      expect(whole).toEqual(byRow);
    }
  });
});
