// The report plan: the 均衡评估报告 sheet as data — sections, number formats, pass/fail fills, A4 landscape.
import { HIGHLIGHT_FILLS, HIGHLIGHT_LEGEND } from '../../src/engine/plans/highlightPlan';
import { printZoom } from '../../src/engine/plans/printSetup';
import {
  planReport,
  REPORT_SHEET_NAME,
  type ReportInput,
  type ReportPlan,
} from '../../src/engine/plans/assessmentReport';
import type {
  CoefficientResult,
  IndicatorVerdict,
  SchoolVerdict,
  StageResult,
} from '../../src/engine/model/types';

function cv(
  indicator: CoefficientResult['indicator'],
  value: number | null,
  threshold: number | null,
  extra: Partial<CoefficientResult> = {},
): CoefficientResult {
  return {
    indicator,
    schools: 5,
    students: 302,
    mean: 6.334437,
    cv: value,
    threshold,
    pass: value === null || threshold === null ? null : value <= threshold,
    nearThreshold: value !== null && threshold !== null && Math.abs(value - threshold) <= 0.0005,
    ...extra,
  };
}

// TV-1: books per student CV 0.515257 (quality regime 小学 threshold 0.50 → fails).
const primary: StageResult = {
  stage: 'primary',
  schools: 5,
  students: 302,
  indicators: {
    sportsAreaPerStudent: cv('sportsAreaPerStudent', 0.3, 0.5),
    qualifiedTeachersPer100: cv('qualifiedTeachersPer100', 0.515257, 0.5),
    multimediaRoomsPer100: cv('multimediaRoomsPer100', 0.5003, 0.5),
    equipmentValuePerStudent: cv('equipmentValuePerStudent', null, 0.5, {
      note: '县均值为 0，差异系数无定义',
    }),
  },
  composite: null,
  pass: false,
};
// TV-6: 3 初中 schools, multimedia rooms CV 0.164485, teaching area 0.100154; basic regime composite mode.
const junior: StageResult = {
  stage: 'junior',
  schools: 3,
  students: 1400,
  indicators: {
    multimediaRoomsPer100: cv('multimediaRoomsPer100', 0.164485, null, { mean: 2.214286 }),
    teachingAreaPerStudent: cv('teachingAreaPerStudent', 0.100154, null),
  },
  composite: { value: 0.13232, threshold: 0.55, pass: true, nearThreshold: false },
  pass: true,
};

function verdict(
  indicator: IndicatorVerdict['indicator'],
  value: number,
  standard: number,
  gap: number,
): IndicatorVerdict {
  return { indicator, value, standard, ratio: value / standard, pass: value >= standard, gap };
}

const schoolD: SchoolVerdict = {
  key: '12:primary',
  row: 12,
  name: '城关小学',
  stage: 'primary',
  kind: 'primary',
  indicators: [
    verdict('sportsAreaPerStudent', 6.3, 7.5, 1200),
    verdict('qualifiedTeachersPer100', 4.5, 4.2, 0),
  ],
  met: 1,
  pass: false,
  checks: [
    {
      check: 'classSize',
      pass: false,
      field: 'maxClassSize',
      message: '最大班额 56 人（大班额）',
      value: 56,
      limit: 50,
    },
  ],
  reasons: ['生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡'],
};
const schoolF: SchoolVerdict = {
  key: '5:junior',
  row: 5,
  name: '第一中学',
  stage: 'junior',
  kind: 'junior',
  indicators: [
    verdict('sportsAreaPerStudent', 10.2, 10.2, 0),
    verdict('qualifiedTeachersPer100', 5.3, 5.3, 0),
  ],
  met: 2,
  pass: true,
  checks: [],
  reasons: [],
};

const input: ReportInput = {
  profileName: '优质均衡（教督〔2017〕6号）',
  date: '2026年3月1日',
  sourceSheet: '学校数据',
  stages: { primary, junior },
  schools: [schoolD, schoolF],
  excluded: [
    { row: 30, name: '特教学校', reason: 'special', message: '特殊教育学校不参与差异系数计算' },
    {
      row: 31,
      name: '山口教学点',
      stage: 'primary',
      reason: 'smallTeachingPoint',
      message: '教学点在校生 32 人，少于 50 人',
    },
  ],
  issues: [
    {
      row: 9,
      column: 'G',
      field: 'teachingArea',
      code: 'notNumber',
      message: '第 9 行 G 列：“约300” 不是数字',
      severity: 'error',
    },
    { row: 0, field: 'students', code: 'noKindColumn', message: '整表提示', severity: 'warning' },
  ],
};

/** The whole sheet as a row → values map, for reading cells the way a user would. */
function cellsOf(plan: ReportPlan): Map<number, (string | number | null)[]> {
  const rows = new Map<number, (string | number | null)[]>();
  for (const s of plan.sections) s.values.forEach((values, i) => rows.set(s.top + i, values));
  return rows;
}
function findRow(
  plan: ReportPlan,
  first: string | number,
): { row: number; values: (string | number | null)[] } {
  for (const [row, values] of cellsOf(plan)) if (values[0] === first) return { row, values };
  throw new Error(`no row starting with ${first}`);
}
function formatAt(plan: ReportPlan, row: number, column: number): string {
  const section = plan.sections.find((s) => row >= s.top && row < s.top + s.values.length);
  if (!section) throw new Error(`row ${row} is in no section`);
  return section.numberFormats[row - section.top][column];
}
function stylesAt(plan: ReportPlan, row: number, column: number) {
  return plan.styles
    .filter((r) => r.top <= row && row <= r.bottom && r.left <= column && column <= r.right)
    .reduce((acc, r) => ({ ...acc, ...r.style }), {} as Record<string, unknown>);
}

describe('planReport — layout', () => {
  const plan = planReport(input);

  test('the sheet is 均衡评估报告, A4 landscape at ≥ 80 % (not one page wide), the school header on every page', () => {
    expect(plan.sheetName).toBe(REPORT_SHEET_NAME);
    expect(REPORT_SHEET_NAME).toBe('均衡评估报告');
    const schools = plan.sections.find((s) => s.id === 'schools')!;
    expect(plan.page).toEqual({
      paperSize: 'A4',
      orientation: 'landscape',
      zoom: printZoom(plan.columnWidths),
      centerHorizontally: true,
      printTitleRows: { top: schools.top + 1, bottom: schools.top + 2 },
      printTitleColumns: { left: 0, right: 0 },
      // Pages start before the second indicator's group (A..H: 243 + 4 × 82 + 173 + 2 × 82 = 908 of 926 pt at 80 %,
      // LibreOffice's measure) and before 未达标原因 (A repeated + I..L: 243 + 3 × 82 + 215 = 704; + 355 overflows).
      columnBreaks: [8, 12],
      header: { left: '县域义务教育均衡发展评估报告', right: `评估标准：${input.profileName}` },
      footer: { center: '第 &P 页 共 &N 页' },
    });
    // 28 columns do not fit one A4 width at a legible size: the scale stops at 80 % (11 pt prints at 8.8 pt).
    expect(plan.page.zoom).toBe(80);
    expect(schools.values[1][0]).toBe('学校名称');
  });

  test('the title names the county and the data year, and the regime', () => {
    const titled = planReport({ ...input, cvMode: 'composite', title: { county: '示例县', year: 2026 } });
    expect(titled.sections[0].values[0][0]).toBe('示例县2026年义务教育基本均衡发展评估报告');
    expect(titled.page.header.left).toBe('示例县2026年义务教育基本均衡发展评估报告');
    const countyOnly = planReport({ ...input, cvMode: 'each', title: { county: 'A&B区' } });
    expect(countyOnly.sections[0].values[0][0]).toBe('A&B区义务教育优质均衡发展评估报告');
    expect(countyOnly.page.header.left).toBe('A&&B区义务教育优质均衡发展评估报告');
  });

  test('sections come in order 标题, 概况, 差异系数, 学校达标情况, 未纳入计算, 数据问题, 颜色说明, one blank row apart', () => {
    expect(plan.sections.map((s) => s.id)).toEqual([
      'title',
      'overview',
      'coefficients',
      'schools',
      'excluded',
      'issues',
      'legend',
    ]);
    expect(plan.sections[0].top).toBe(1);
    for (let i = 1; i < plan.sections.length; i++) {
      const previous = plan.sections[i - 1];
      expect(plan.sections[i].top).toBe(previous.top + previous.values.length + 1);
    }
    const last = plan.sections[plan.sections.length - 1];
    expect(plan.rowCount).toBe(last.top + last.values.length - 1);
  });

  test('each section is a rectangle (one range write) with a number format for every cell', () => {
    for (const s of plan.sections) {
      const width = s.values[0].length;
      for (const row of s.values) expect(row).toHaveLength(width);
      expect(s.numberFormats).toHaveLength(s.values.length);
      for (const row of s.numberFormats) expect(row).toHaveLength(width);
      expect(width).toBeLessThanOrEqual(plan.columnCount);
    }
    expect(plan.columnWidths).toHaveLength(plan.columnCount);
  });

  test('styles and merges stay inside the sheet, merges do not overlap', () => {
    for (const r of [...plan.styles, ...plan.merges]) {
      expect(r.top).toBeGreaterThanOrEqual(1);
      expect(r.bottom).toBeLessThanOrEqual(plan.rowCount);
      expect(r.left).toBeGreaterThanOrEqual(0);
      expect(r.right).toBeLessThan(plan.columnCount);
      expect(r.top).toBeLessThanOrEqual(r.bottom);
      expect(r.left).toBeLessThanOrEqual(r.right);
    }
    const cells = new Set<string>();
    for (const m of plan.merges) {
      for (let row = m.top; row <= m.bottom; row++) {
        for (let c = m.left; c <= m.right; c++) {
          expect(cells.has(`${row}:${c}`)).toBe(false);
          cells.add(`${row}:${c}`);
        }
      }
    }
  });

  test('overlapping styles never disagree on a property, so adapters may apply them in any order', () => {
    const seen = new Map<string, unknown>();
    for (const range of plan.styles) {
      for (let row = range.top; row <= range.bottom; row++) {
        for (let c = range.left; c <= range.right; c++) {
          for (const [property, value] of Object.entries(range.style)) {
            const key = `${row}:${c}:${property}`;
            if (seen.has(key)) expect([key, seen.get(key)]).toEqual([key, value]);
            seen.set(key, value);
          }
        }
      }
    }
  });

  test('the title is bold and large', () => {
    expect(plan.sections[0].values[0][0]).toBe('县域义务教育均衡发展评估报告');
    expect(stylesAt(plan, 1, 0)).toMatchObject({ bold: true, fontSize: 16 });
  });
});

describe('planReport — 概况', () => {
  const plan = planReport(input);
  test('profile, date, sheet and counts', () => {
    expect(findRow(plan, '评估标准').values[1]).toBe('优质均衡（教督〔2017〕6号）');
    expect(findRow(plan, '评估日期').values[1]).toBe('2026年3月1日');
    expect(findRow(plan, '数据工作表').values[1]).toBe('学校数据');
    expect(findRow(plan, '参评学校（学段）数').values[1]).toBe(2);
    expect(findRow(plan, '其中小学').values[1]).toBe(1);
    expect(findRow(plan, '其中初中').values[1]).toBe(1);
    expect(findRow(plan, '校际达标').values[1]).toBe(1);
    expect(findRow(plan, '校际未达标').values[1]).toBe(1);
    expect(findRow(plan, '未纳入计算').values[1]).toBe(2);
    expect(findRow(plan, '数据问题').values[1]).toBe('错误 1 条，警告 1 条');
  });
  test('each stage verdict with a pass/fail fill', () => {
    const p = findRow(plan, '小学差异系数结论');
    expect(p.values[1]).toBe('未达标');
    expect(stylesAt(plan, p.row, 1)).toMatchObject({ fill: '#FFC7CE' });
    const j = findRow(plan, '初中差异系数结论');
    expect(j.values[1]).toBe('达标');
    expect(stylesAt(plan, j.row, 1)).toMatchObject({ fill: '#C6EFCE' });
  });
});

describe('planReport — 差异系数 per stage', () => {
  const plan = planReport(input);

  test('TV-1: CV 0.515257 > 0.50 → 未达标, shown with format 0.000 and a red fill', () => {
    const r = findRow(plan, '每百名学生拥有高于规定学历教师数');
    expect(r.values.slice(0, 5)).toEqual([
      '每百名学生拥有高于规定学历教师数',
      6.334437,
      0.515257,
      0.5,
      '未达标',
    ]);
    expect(formatAt(plan, r.row, 2)).toBe('0.000');
    expect(formatAt(plan, r.row, 3)).toBe('0.00');
    expect(stylesAt(plan, r.row, 4)).toMatchObject({ fill: '#FFC7CE' });
  });

  test('"results within 0.0005 of a threshold deserve a near-threshold note"', () => {
    const r = findRow(plan, '每百名学生拥有网络多媒体教室数');
    expect(r.values[4]).toBe('未达标');
    expect(r.values[5]).toBe('接近阈值（与标准相差 0.0003），请核对原始数据');
  });

  test('an undefined CV is blank with its reason, never 0', () => {
    const r = findRow(plan, '生均教学仪器设备值');
    expect(r.values[2]).toBeNull();
    expect(r.values[4]).toBe('无法判定');
    expect(r.values[5]).toBe('县均值为 0，差异系数无定义');
  });

  test('indicators follow the spec order within a stage, stage header names schools and students', () => {
    const rows = [...cellsOf(plan).values()].map((v) => v[0]);
    const start = rows.indexOf('小学（参评 5 所，学生 302 人）');
    expect(start).toBeGreaterThan(0);
    expect(rows.slice(start + 1, start + 6)).toEqual([
      '指标',
      '每百名学生拥有高于规定学历教师数',
      '生均体育运动场馆面积',
      '生均教学仪器设备值',
      '每百名学生拥有网络多媒体教室数',
    ]);
    expect(rows).toContain('初中（参评 3 所，学生 1,400 人）');
  });

  test('composite mode: a 综合差异系数 row; single CVs show no threshold', () => {
    const r = findRow(plan, '综合差异系数');
    expect(r.values.slice(2, 5)).toEqual([0.13232, 0.55, '达标']);
    expect(formatAt(plan, r.row, 2)).toBe('0.000');
    const single = findRow(plan, '生均教学及辅助用房面积');
    expect(single.values.slice(2, 5)).toEqual([0.100154, '—', '—']);
  });

  test('each stage ends with its verdict row', () => {
    const verdicts = [...cellsOf(plan).values()].filter((v) => v[0] === '学段结论').map((v) => v[4]);
    expect(verdicts).toEqual(['未达标', '达标']);
  });
});

describe('planReport — 学校达标情况', () => {
  const plan = planReport(input);

  test('two header rows: indicator names over 数值/标准/差额, merged', () => {
    const upper = findRow(plan, '学校名称');
    expect(upper.values.slice(0, 11)).toEqual([
      '学校名称',
      '行号',
      '学段',
      '是否达标',
      '达标项数',
      '每百名学生拥有高于规定学历教师数',
      null,
      null,
      '生均体育运动场馆面积',
      null,
      null,
    ]);
    const lower = cellsOf(plan).get(upper.row + 1)!;
    expect(lower.slice(5, 11)).toEqual(['数值', '标准', '差额', '数值', '标准', '差额']);
    expect(plan.merges).toContainEqual({ top: upper.row, left: 5, bottom: upper.row, right: 7 });
    expect(plan.merges).toContainEqual({ top: upper.row, left: 0, bottom: upper.row + 1, right: 0 });
    expect(stylesAt(plan, upper.row, 5)).toMatchObject({ bold: true });
  });

  test('one row per school part, ordered by sheet row: value, standard, gap, verdict, reasons', () => {
    const f = findRow(plan, '第一中学');
    expect(f.values).toEqual(['第一中学', 5, '初中', '达标', '2/2', 5.3, 5.3, 0, 10.2, 10.2, 0, '', '']);
    const d = findRow(plan, '城关小学');
    expect(d.row).toBe(f.row + 1);
    expect(d.values).toEqual([
      '城关小学',
      12,
      '小学',
      '未达标',
      '1/2',
      4.5,
      4.2,
      0,
      6.3,
      7.5,
      1200,
      '最大班额 56 人（大班额）',
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡',
    ]);
    expect(stylesAt(plan, d.row, 3)).toMatchObject({ fill: '#FFC7CE' });
    expect(stylesAt(plan, f.row, 3)).toMatchObject({ fill: '#C6EFCE' });
    // The failing value is shaded like the highlight on the data sheet; the passing one is not.
    expect(stylesAt(plan, d.row, 8)).toMatchObject({ fill: '#FFE699' });
    expect(stylesAt(plan, d.row, 5).fill).toBeUndefined();
    expect(formatAt(plan, d.row, 10)).toBe('#,##0');
  });
});

describe('planReport — 未纳入计算 and 数据问题', () => {
  const plan = planReport(input);
  test('excluded rows with their reasons', () => {
    expect(findRow(plan, '特教学校').values).toEqual([
      '特教学校',
      30,
      '—',
      '特殊教育学校',
      '特殊教育学校不参与差异系数计算',
    ]);
    expect(findRow(plan, '山口教学点').values).toEqual([
      '山口教学点',
      31,
      '小学',
      '规模较小的教学点',
      '教学点在校生 32 人，少于 50 人',
    ]);
  });
  test('issues with row, column and severity; a whole-table issue has no row', () => {
    expect(findRow(plan, '整表提示').values).toEqual(['整表提示', '—', '—', '警告', 'students']);
    const e = findRow(plan, '第 9 行 G 列：“约300” 不是数字');
    expect(e.values).toEqual(['第 9 行 G 列：“约300” 不是数字', 9, 'G', '错误', 'teachingArea']);
    expect(stylesAt(plan, e.row, 3)).toMatchObject({ fill: '#FFC7CE' });
  });
});

describe('planReport — empty evaluation', () => {
  test('every section but the per-school one (nothing judged against standards) still appears, saying 无', () => {
    const plan = planReport({
      profileName: '基本均衡',
      date: '2026-01-01',
      stages: [],
      schools: [],
      excluded: [],
      issues: [],
    });
    expect(plan.sections.map((s) => s.id)).toEqual([
      'title',
      'overview',
      'coefficients',
      'excluded',
      'issues',
      'legend',
    ]);
    expect(plan.page.printTitleRows).toBeNull();
    const overview = plan.sections.find((x) => x.id === 'overview')!.values.map((r) => r[0]);
    expect(overview).not.toContain('校际达标');
    for (const id of ['coefficients', 'excluded', 'issues']) {
      const s = plan.sections.find((x) => x.id === id)!;
      expect(s.values.some((row) => row[0] === '无')).toBe(true);
    }
    expect(plan.columnWidths.length).toBe(plan.columnCount);
  });
});

describe('planReport — colours, the allowance and numbers as staff write them', () => {
  // TV-5 C: exactly 85% of the sports-area standard, the school passes within the allowance.
  const schoolC: SchoolVerdict = {
    ...schoolF,
    key: '13:primary',
    row: 13,
    name: '河湾小学',
    stage: 'primary',
    indicators: [
      {
        ...verdict('sportsAreaPerStudent', 6.375, 7.5, 1125),
        floorShare: 0.85,
        withinAllowance: true,
        floorGap: 0,
      },
      verdict('equipmentValuePerStudent', 1740, 2000, 260000),
    ],
    met: 6,
    pass: true,
  };
  const plan = planReport({
    ...input,
    schools: [schoolD, schoolC],
    rule: { k: 6, r: 0.85 },
    units: { equipmentValue: { unit: '万元', factor: 10000 } },
    stages: {
      primary: {
        ...primary,
        indicators: { teachersPerStudent: cv('teachersPerStudent', 0.2, null, { mean: 0.0511 }) },
      },
    },
  });

  test('the legend writes every mark colour, painted, with what it means (85% from the profile)', () => {
    const legend = plan.sections.find((s) => s.id === 'legend')!;
    expect(legend.values[0][0]).toBe('附：标注颜色说明（数据表和本表的底色）');
    const rows = legend.values.slice(1).map((r) => r[0]);
    expect(rows).toHaveLength(HIGHLIGHT_LEGEND.length);
    expect(rows).toContain('数值低于标准，但在 85% 允许范围内，学校仍达标');
    HIGHLIGHT_LEGEND.forEach((entry, i) => {
      expect(stylesAt(plan, legend.top + 1 + i, 0).fill).toBe(entry.fill);
    });
  });

  test("a passing school's below-standard value has the allowance shade; a failing school's the amber", () => {
    const header = findRow(plan, '学校名称');
    const sportsColumn = header.values.indexOf('生均体育运动场馆面积');
    const c = findRow(plan, '河湾小学');
    const d = findRow(plan, '城关小学');
    expect(stylesAt(plan, c.row, sportsColumn).fill).toBe(HIGHLIGHT_FILLS.allowance);
    expect(stylesAt(plan, d.row, sportsColumn).fill).toBe(HIGHLIGHT_FILLS.indicator);
  });

  test("a money gap follows its column's unit: 差额（万元）26", () => {
    const header = findRow(plan, '学校名称');
    const equipment = header.values.indexOf('生均教学仪器设备值');
    const sub = cellsOf(plan).get(header.row + 1)!;
    expect(sub[equipment + 2]).toBe('差额（万元）');
    const c = findRow(plan, '河湾小学');
    expect(c.values[equipment + 2]).toBe(26);
    expect(formatAt(plan, c.row, equipment + 2)).toBe('#,##0.00');
  });

  test('师生比 beside its decimal: “县均值即 1:19.6”', () => {
    const row = findRow(plan, '师生比');
    expect(row.values[1]).toBe(0.0511);
    expect(row.values[5]).toContain('县均值即 1:19.6');
  });
});

describe('stylesByLook — each look applied once to all its areas', () => {
  test('equal styles group together, in the order each look is first seen', async () => {
    const { stylesByLook } = await import('../../src/engine/plans/assessmentReport');
    const groups = stylesByLook({
      styles: [
        { top: 1, left: 0, bottom: 1, right: 3, style: { bold: true, fontSize: 14 } },
        { top: 3, left: 0, bottom: 4, right: 0, style: { fill: '#FFE699' } },
        { top: 6, left: 1, bottom: 6, right: 1, style: { bold: true, fontSize: 14 } },
      ],
    });
    expect(groups).toEqual([
      {
        style: { bold: true, fontSize: 14 },
        areas: [
          { top: 1, left: 0, bottom: 1, right: 3 },
          { top: 6, left: 1, bottom: 6, right: 1 },
        ],
      },
      { style: { fill: '#FFE699' }, areas: [{ top: 3, left: 0, bottom: 4, right: 0 }] },
    ]);
  });
});
