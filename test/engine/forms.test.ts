// The 申报表 tables (plans/forms): column order, every number against the engine's evaluation, the samples' cells by
// hand, half-up rounding on exact values at the .005 / .0005 boundaries, blank columns said, 举办者类型 codes.
import * as path from 'node:path';
import { openWorkbook } from '../../src/cli/check';
import {
  BASIC_2012,
  checkSheet,
  evaluate,
  formsFor,
  INDICATORS,
  parseSponsor,
  percentOf,
  planForms,
  planReport,
  QUALITY_2017,
  readTable,
  remarkOf,
  roundedMeanOf,
  roundedValueOf,
  sheetsFor,
  type CellGrid,
  type Evaluation,
  type Profile,
  type ReportPlan,
  type SchoolRow,
  type SheetCheck,
} from '../../src/engine';
import { qualityRow } from './support/rows';
import { mulberry32 } from '../support/random';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

async function sample(file: string, profile: Profile): Promise<SheetCheck> {
  const opened = await openWorkbook(path.join(SAMPLES, file));
  if (!opened.ok) throw new Error(opened.message);
  return checkSheet(opened.workbook.gridOf('学校基本情况')!, profile);
}

/** The sheet's rows as written (one section per form table). */
const rowsOf = (plan: ReportPlan) => plan.sections.flatMap((s) => s.values);
const sheet = (plans: ReportPlan[], prefix: string) => {
  const found = plans.find((p) => p.sheetName.startsWith(prefix));
  if (!found) throw new Error(`no sheet ${prefix}`);
  return found;
};
/** The first row whose first (or second) cell is `key`. */
function rowWith(plan: ReportPlan, key: string, column = 0): (string | number | null)[] {
  const row = rowsOf(plan).find((r) => r[column] === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}
const notesOf = (plan: ReportPlan) =>
  rowsOf(plan)
    .map((r) => r[0])
    .filter((v): v is string => typeof v === 'string' && /^(注：)?\d+\. /.test(v))
    .join('\n');

let quality: SheetCheck;
let qualityForms: ReportPlan[];
let basic: SheetCheck;
let basicForms: ReportPlan[];

beforeAll(async () => {
  quality = await sample('示例县-优质均衡.xlsx', QUALITY_2017);
  qualityForms = formsFor(quality);
  basic = await sample('示例县-基本均衡.xlsx', BASIC_2012);
  basicForms = formsFor(basic);
});

const QUALITY_NAMES = [
  '每百名学生拥有高于规定学历教师数',
  '每百名学生拥有县级以上骨干教师数',
  '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
  '生均教学及辅助用房面积',
  '生均体育运动场馆面积',
  '生均教学仪器设备值',
  '每百名学生拥有网络多媒体教室数',
];

describe('the form tables and their columns, in the form’s order', () => {
  test('优质均衡 writes 表Ⅱ-1, 表Ⅱ-2, 表Ⅲ; 基本均衡 its per-school and 校际差异系数 tables; names start with the table number', () => {
    expect(qualityForms.map((p) => p.sheetName)).toEqual([
      '表Ⅱ-1 资源配置达标情况',
      '表Ⅱ-2 学校资源配置情况',
      '表Ⅲ 县域义务教育校际均衡情况',
    ]);
    expect(basicForms.map((p) => p.sheetName)).toEqual(['基本均衡 学校指标情况', '基本均衡 校际差异系数']);
    for (const p of [...qualityForms, ...basicForms]) expect(p.sheetName.length).toBeLessThanOrEqual(31);
  });

  test('表Ⅱ-2: 序号, 学校名称, 举办者类型, 在校生数, 年级数, 班级数, the 7 values, 该校综合评估是否达标, 备注', () => {
    expect(rowWith(sheet(qualityForms, '表Ⅱ-2'), '序号')).toEqual([
      '序号',
      '学校名称',
      '举办者类型',
      '在校生数',
      '年级数',
      '班级数',
      ...QUALITY_NAMES,
      '该校综合评估是否达标',
      '备注',
    ]);
  });

  test('表Ⅱ-1: per stage, 达标学校数 and 比例 for each of the 7 indicators, then 综合评估', () => {
    const rows = rowsOf(sheet(qualityForms, '表Ⅱ-1'));
    const upper = rows.findIndex((r) => r[0] === '学段');
    expect(rows[upper].filter((v) => v !== null)).toEqual(['学段', '学校数', ...QUALITY_NAMES, '综合评估']);
    expect(rows[upper + 1].slice(2)).toEqual(
      Array.from({ length: 8 }, () => ['达标学校数', '比例（%）']).flat(),
    );
  });

  test('表Ⅲ: per stage, 全县平均值 and 差异系数 for each indicator', () => {
    const rows = rowsOf(sheet(qualityForms, '表Ⅲ'));
    const upper = rows.findIndex((r) => r[0] === '学段');
    expect(rows[upper].filter((v) => v !== null)).toEqual(['学段', '学校数', ...QUALITY_NAMES]);
    expect(rows[upper + 1].slice(2)).toEqual(
      Array.from({ length: 7 }, () => ['全县平均值', '差异系数']).flat(),
    );
    expect(rows.filter((r) => r[0] === '小学' || r[0] === '初中').map((r) => r[0])).toEqual(['小学', '初中']);
  });

  test('基本均衡: the 8 indicators per school with a “1” column; the 8 CVs, 综合差异系数, standard and verdict', () => {
    const eight = BASIC_2012.indicators.length;
    expect(eight).toBe(8);
    const schools = rowWith(sheet(basicForms, '基本均衡 学校'), '序号');
    expect(schools.slice(0, 4)).toEqual(['序号', '学校名称', '学段', '在校生数']);
    expect(schools.slice(4, 12)).toEqual(BASIC_2012.indicators.map((id) => INDICATORS[id].name));
    expect(schools[12]).toBe('达标学校（填 1）');
    const cvs = rowWith(sheet(basicForms, '基本均衡 校际'), '学段');
    expect(cvs.slice(10)).toEqual(['综合差异系数', '标准（≤）', '是否达标']);
  });
});

describe('every number is the engine’s', () => {
  const round = (x: number, d: number) => Number(x.toFixed(d));

  test('表Ⅱ-2: each school’s values to 2 decimals and its verdict, 小学 rows then 初中 rows', () => {
    const rows = rowsOf(sheet(qualityForms, '表Ⅱ-2'));
    const body = rows.filter((r) => typeof r[0] === 'number');
    const ev = quality.evaluation;
    expect(body).toHaveLength(ev.schools.length);
    const stageRow = (label: string) => rows.findIndex((r) => r[0] === label && r[1] === null);
    expect(stageRow('小学')).toBeLessThan(stageRow('初中'));
    const byStage = {
      primary: ev.schools.filter((s) => s.stage === 'primary'),
      junior: ev.schools.filter((s) => s.stage === 'junior'),
    };
    const ordered = [...byStage.primary, ...byStage.junior].length;
    expect(ordered).toBe(body.length);
    for (const school of ev.schools) {
      const part = ev.parts.find((p) => p.key === school.key)!;
      const line = body.find(
        (r) => typeof r[1] === 'string' && r[1].startsWith(school.name) && r[3] === part.counts.students,
      )!;
      expect(line).toBeDefined();
      school.indicators.forEach((v, i) => {
        // Within half a cent of the float value, and with no more than 2 decimals.
        expect(Math.abs((line[6 + i] as number) - (v.value as number))).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(line[6 + i]).toBe(round(line[6 + i] as number, 2));
      });
      expect(line[13]).toBe(school.pass === true ? '是' : school.pass === false ? '否' : '无法判定');
    }
  });

  test('表Ⅱ-1: 达标学校数 per indicator and for 综合评估 are the counts of the engine’s verdicts', () => {
    const plan = sheet(qualityForms, '表Ⅱ-1');
    for (const [stage, label] of [
      ['primary', '小学'],
      ['junior', '初中'],
    ] as const) {
      const schools = quality.evaluation.schools.filter((s) => s.stage === stage);
      const row = rowWith(plan, label);
      expect(row[1]).toBe(schools.length);
      QUALITY_2017.indicators.forEach((id, i) => {
        const met = schools.filter((s) => s.indicators.find((v) => v.indicator === id)?.pass === true).length;
        expect([row[2 + 2 * i], row[3 + 2 * i]]).toEqual([met, round((100 * met) / schools.length, 2)]);
      });
      const passed = schools.filter((s) => s.pass === true).length;
      expect(row.slice(16)).toEqual([passed, round((100 * passed) / schools.length, 2)]);
    }
  });

  test('表Ⅲ and 基本均衡 差异系数: the engine’s means (2 decimals) and CVs (3 decimals)', () => {
    for (const [check, plan, first] of [
      [quality, sheet(qualityForms, '表Ⅲ'), 2],
      [basic, sheet(basicForms, '基本均衡 校际'), 2],
    ] as const) {
      for (const [stage, label] of [
        ['primary', '小学'],
        ['junior', '初中'],
      ] as const) {
        const result = check.evaluation.stages[stage]!;
        const row = rowWith(plan, label);
        expect(row[1]).toBe(result.schools);
        check.profile.indicators.forEach((id, i) => {
          const c = result.indicators[id]!;
          if (check === quality) {
            expect(row[first + 2 * i]).toBeCloseTo(c.mean!, 2);
            expect(Math.abs((row[first + 2 * i + 1] as number) - c.cv!)).toBeLessThanOrEqual(0.0005 + 1e-12);
          } else {
            expect(Math.abs((row[first + i] as number) - c.cv!)).toBeLessThanOrEqual(0.0005 + 1e-12);
          }
        });
        if (check === basic) {
          expect(Math.abs((row[10] as number) - result.composite!.value!)).toBeLessThanOrEqual(
            0.0005 + 1e-12,
          );
          expect(row[12]).toBe(result.composite!.pass ? '达标' : '未达标');
        }
      }
    }
  });
});

describe('the samples’ tables, derived by hand from assets/samples (scripts/samples/data.ts)', () => {
  test('表Ⅱ-2 cells', () => {
    const plan = sheet(qualityForms, '表Ⅱ-2');
    // 柳河镇杨庄小学: sports area 1,575 m² / 250 students = 6.3 m² (84% of 7.5): fails on that one indicator.
    const yang = rowWith(plan, '柳河镇杨庄小学', 1);
    expect([yang[3], yang[5], yang[10], yang[13]]).toEqual([250, 6, 6.3, '否']);
    expect(yang[14]).toContain('低于标准的 85%：体育场馆');
    // 双龙镇岔口小学: 2,550 / 400 = 6.375 exactly → 6.38 (half-up), exactly 85% → passes, named as reaching 85%.
    const cha = rowWith(plan, '双龙镇岔口小学', 1);
    expect([cha[10], cha[13]]).toEqual([6.38, '是']);
    expect(cha[14]).toContain('达到标准的 85%：体育场馆');
    // 县第二中学 (完全中学, 900 初中 + 1,000 高中): equipment 700 万元 × 900 / (900 + 1.2 × 1,000) = 300 万元 for 900
    // students = 3,333.333… → 3333.33; its 初中部 is named so; no per-stage 班级数 → blank.
    const second = rowWith(plan, '县第二中学（初中部）', 1);
    expect([second[3], second[5], second[11]]).toEqual([900, null, 3333.33]);
    // 红星九年一贯制学校 初中部: teaching area 5,200 × 1.1·400 / (600 + 1.1·400) = 2,200 m² / 400 = 5.50.
    expect(rowWith(plan, '红星九年一贯制学校（初中部）', 1)[9]).toBe(5.5);
    // 举办者类型: only 办学性质 in the sheet: 民办 育才实验小学 is 10, the 公办 schools are left blank.
    expect(rowWith(plan, '育才实验小学', 1)[2]).toBe(10);
    expect(rowWith(plan, '城关第一小学', 1)[2]).toBeNull();
  });

  test('表Ⅱ-2 footnote counts and blank-column notes', () => {
    const notes = notesOf(sheet(qualityForms, '表Ⅱ-2'));
    // 小学 25 = 22 stand-alone primary schools + 王庄教学点 (56 ≥ 50; 李家沟 28 is out) + 明德 and 红星 小学部;
    // 初中 12 = 9 stand-alone + 明德 and 红星 初中部 + 县第二中学 (完全中学) 初中部.
    expect(notes).toContain(
      '小学 25 所，其中一贯制学校小学部 2 所，50 人及以上教学点 1 所；初中 12 所，其中一贯制学校初中部 2 所，完全中学初中部 1 所。',
    );
    expect(notes).toContain('年级数：工作表没有“年级数”列');
    expect(notes).toContain('举办者类型：工作表只有“办学性质”列');
    expect(notes).toMatch(
      /班级数：.*红星九年一贯制学校（小学部）、红星九年一贯制学校（初中部）、县第二中学（初中部）/,
    );
    expect(notes).toContain('1 中央教育部门');
    expect(notes).toContain('10 民办');
  });

  test('表Ⅱ-1: 小学 22 of 25 pass (杨庄, 石桥, 王庄 fail) = 88.00%; 初中 11 of 12 (白马 fails) = 91.67%', () => {
    const plan = sheet(qualityForms, '表Ⅱ-1');
    expect(rowWith(plan, '小学').slice(16)).toEqual([22, 88]);
    expect(rowWith(plan, '初中').slice(16)).toEqual([11, 91.67]);
    // 骨干教师 unmet at 石桥 (2 for 330) and 王庄 (none): 23 of 25 = 92%.
    expect(rowWith(plan, '小学').slice(4, 6)).toEqual([23, 92]);
  });

  test('表Ⅲ: 初中 multimedia rooms 100 × 282 / 10,390 = 2.714… → 2.71', () => {
    // Rooms: 红星 26 × 440/1,040 = 11, 县二中 70 × 900/2,100 = 30, then 12+49+38+36+20+18+13+16+24+15 = 282;
    // students 400+900+450+1,750+1,420+1,280+760+690+520+640+1,000+580 = 10,390.
    expect(rowWith(sheet(qualityForms, '表Ⅲ'), '初中')[14]).toBe(2.71);
  });

  test('基本均衡: composite 小学 0.249 passes ≤ 0.65, 初中 0.567 fails ≤ 0.55; no standards → no shading, no 1, and it says why', () => {
    const cvs = sheet(basicForms, '基本均衡 校际');
    expect(rowWith(cvs, '小学').slice(10)).toEqual([0.249, 0.65, '达标']);
    expect(rowWith(cvs, '初中').slice(10)).toEqual([0.567, 0.55, '未达标']);
    const schools = sheet(basicForms, '基本均衡 学校');
    expect(schools.styles.filter((s) => s.style.fill === '#808080')).toEqual([]);
    expect(rowsOf(schools).some((r) => r[12] === '1')).toBe(false);
    expect(notesOf(schools)).toContain('没有学校办学标准');
  });
});

describe('rounding: half-up on the exact value', () => {
  const table = (rows: SchoolRow[], profile: Profile = QUALITY_2017) => {
    const evaluation = evaluate(rows, profile);
    return { evaluation, plans: planForms({ evaluation, fields: ['name', 'students'] }) };
  };
  const values = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];

  test('a school value of exactly 1.005 (201 m² for 200 students) is 1.01, though 201/200 is 1.00499999… in binary', () => {
    expect((201 / 200).toFixed(2)).toBe('1.00'); // the float fault the exact rounding avoids
    const row = qualityRow(2, '甲小学', 'primary', 200, values);
    row.counts.teachingArea = 201;
    const below = qualityRow(3, '乙小学', 'primary', 200, values);
    below.counts.teachingArea = 200.999; // 1.004995 → 1.00
    const plan = sheet(table([row, below]).plans, '表Ⅱ-2');
    expect(rowWith(plan, '甲小学', 1)[9]).toBe(1.01);
    expect(rowWith(plan, '乙小学', 1)[9]).toBe(1.0);
  });

  test('a county mean of exactly 1.005 is 1.01; a CV of exactly 0.1225 is 0.123 and 0.12249… is 0.122', () => {
    // Equal students: CV = |a − b| / (a + b). Equipment 2,245 and 1,755 元 for 2 students each: X = 1,122.5 and
    // 877.5, CV = 245 / 2,000 = 0.1225 exactly.
    const a = qualityRow(2, '甲小学', 'primary', 2, values, {});
    const b = qualityRow(3, '乙小学', 'primary', 2, values, {});
    a.counts.equipmentValue = 2245;
    b.counts.equipmentValue = 1755;
    a.counts.teachingArea = 2.01;
    b.counts.teachingArea = 2.01; // mean 2.01 / 2 = 1.005
    const { evaluation, plans } = table([a, b]);
    const row = rowWith(sheet(plans, '表Ⅲ'), '小学');
    expect(row[13]).toBe(0.123);
    expect(row[8]).toBe(1.01);
    const cv = evaluation.stages.primary!.indicators.equipmentValuePerStudent!;
    expect(roundedValueOf(cv, 3)!.toNumber()).toBe(0.123);
    // One yuan less on the larger school: CV = 244 / 1,999 = 0.12206… → 0.122.
    a.counts.equipmentValue = 2244;
    expect(rowWith(sheet(table([a, b]).plans, '表Ⅲ'), '小学')[13]).toBe(0.122);
  });

  test('a composite of exactly x.xxx5 rounds up (two schools, every CV 0.1225)', () => {
    const rows: SchoolRow[] = [0, 1].map((i) => ({
      row: i + 2,
      name: `${i ? '乙' : '甲'}小学`,
      kind: 'primary',
      counts: {
        students: 2,
        teachingArea: i ? 1755 : 2245,
        sportsArea: i ? 1755 : 2245,
        equipmentValue: i ? 1755 : 2245,
        computers: i ? 1755 : 2245,
        books: i ? 1755 : 2245,
        teachers: i ? 1755 : 2245,
        qualifiedTeachers: i ? 1755 : 2245,
        seniorTitleTeachers: i ? 1755 : 2245,
      },
    }));
    // teachersPerStudent values above 1 are not read from a ratio column; from counts the engine takes them.
    const plan = sheet(table(rows, BASIC_2012).plans, '基本均衡 校际');
    expect(rowWith(plan, '小学')[10]).toBe(0.123);
  });

  test('every mean and CV of 表Ⅲ and 基本均衡 差异系数 is the exact rounding, on random counties and on exact ties', () => {
    const rnd = mulberry32(2024);
    const pick = (n: number) => Math.floor(rnd() * n);
    const wrong: string[] = [];
    for (let t = 0; t < 40; t++) {
      // Random schools (counts with up to 2 decimals), or pairs of equal size whose every CV is k/2000 with k odd:
      // an exact …5 at the third decimal, which only the exact path rounds right.
      const ties = t % 4 === 3;
      const d = 1 + 2 * pick(400);
      const n = ties ? 2 : 2 + pick(60);
      const rows: SchoolRow[] = Array.from({ length: n }, (_, i) => {
        const stage = i % 3 === 0 && !ties ? 'junior' : 'primary';
        const students = ties ? 2 : 1 + pick(3000);
        const counts: Record<string, number> = { students };
        for (const key of [
          'teachingArea',
          'sportsArea',
          'equipmentValue',
          'computers',
          'books',
          'teachers',
          'qualifiedTeachers',
          'seniorTitleTeachers',
          'backboneTeachers',
          'artsPeTeachers',
          'multimediaRooms',
        ])
          counts[key] = ties
            ? (i ? 2000 - d : 2000 + d) / 2
            : Math.round(rnd() * students * 300) / 10 ** pick(3);
        return { row: i + 2, name: `学校${i}`, kind: stage, counts } as SchoolRow;
      });
      for (const profile of [QUALITY_2017, BASIC_2012]) {
        const { evaluation, plans } = table(rows, profile);
        const quality = profile === QUALITY_2017;
        const plan = sheet(plans, quality ? '表Ⅲ' : '基本均衡 校际');
        for (const [stage, label] of [
          ['primary', '小学'],
          ['junior', '初中'],
        ] as const) {
          const result = evaluation.stages[stage];
          if (!result) continue;
          const row = rowWith(plan, label);
          const exact = (x: { toNumber(): number } | null) => (x === null ? null : x.toNumber());
          profile.indicators.forEach((id, i) => {
            const c = result.indicators[id]!;
            const cells = quality ? [row[2 + 2 * i], row[3 + 2 * i]] : [row[2 + i]];
            const expected = quality
              ? [exact(roundedMeanOf(c, 2)), exact(roundedValueOf(c, 3))]
              : [exact(roundedValueOf(c, 3))];
            if (JSON.stringify(cells) !== JSON.stringify(expected))
              wrong.push(`${t} ${label} ${id}: ${JSON.stringify(cells)} ≠ ${JSON.stringify(expected)}`);
          });
          if (!quality && result.composite) {
            const expected = exact(roundedValueOf(result.composite, 3));
            if (row[10] !== expected) wrong.push(`${t} ${label} composite: ${row[10]} ≠ ${expected}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('表Ⅱ-2’s 备注 is remarkOf for every school and the report’s gap formats follow each gap, schools of every fate', () => {
    const rnd = mulberry32(77);
    const rows = Array.from({ length: 80 }, (_, i) =>
      qualityRow(
        i + 2,
        `学校${i}`,
        i % 2 ? 'junior' : 'primary',
        100 + Math.floor(rnd() * 2000),
        // Around each standard: met, within 85 %, below it, or missing.
        values.map((v) => (rnd() < 0.08 ? NaN : Math.round(v * (0.6 + rnd() * 0.6) * 100) / 100)),
      ),
    );
    for (const row of rows)
      for (const [key, count] of Object.entries(row.counts))
        if (Number.isNaN(count)) delete row.counts[key as never];
    const { evaluation, plans } = table(rows);
    const floor = QUALITY_2017.schoolRule!.r;
    const plan = sheet(plans, '表Ⅱ-2');
    const remarks = new Set<string>();
    for (const school of evaluation.schools) {
      const line = rowWith(plan, school.name, 1);
      expect(line[14]).toBe(remarkOf(school, floor));
      remarks.add(line[14] as string);
    }
    expect(remarks.size).toBeGreaterThan(10);
    const report = planReport({
      profileName: QUALITY_2017.name,
      date: '2026年3月1日',
      stages: evaluation.stages,
      schools: evaluation.schools,
      excluded: evaluation.excluded,
      issues: [],
    });
    const section = report.sections.find((s) => s.id === 'schools')!;
    let whole = 0;
    section.values.forEach((values, r) => {
      if (typeof values[1] !== 'number') return;
      for (let c = 7; c < 5 + 7 * 3; c += 3) {
        const gap = values[c];
        const expected = typeof gap === 'number' && Number.isInteger(gap) ? '#,##0' : '#,##0.00';
        if (expected === '#,##0') whole++;
        expect([r, c, section.numberFormats[r][c]]).toEqual([r, c, expected]);
      }
    });
    expect(whole).toBeGreaterThan(0);
  });

  test('比例: 2 of 3 = 66.67, 1 of 20,000 = 0.005% → 0.01, 3 of 400 = 0.75', () => {
    expect([percentOf(2, 3), percentOf(1, 20000), percentOf(3, 400), percentOf(1, 0)]).toEqual([
      66.67,
      0.01,
      0.75,
      null,
    ]);
  });
});

describe('基本均衡 with a province’s per-school standards: dark shading and “1”', () => {
  test('a value below its standard is shaded dark; a passing school gets 1', () => {
    const profile: Profile = {
      ...BASIC_2012,
      standards: { teachingAreaPerStudent: { primary: 4, junior: 5 } },
      schoolRule: { k: 1, r: 1 },
    };
    const rows: SchoolRow[] = [
      { row: 2, name: '甲小学', kind: 'primary', counts: { students: 100, teachingArea: 450 } },
      { row: 3, name: '乙小学', kind: 'primary', counts: { students: 100, teachingArea: 350 } },
    ];
    const evaluation = evaluate(rows, profile);
    const plan = planForms({ evaluation, fields: ['name', 'students', 'teachingArea'] })[0];
    const a = rowWith(plan, '甲小学', 1);
    const b = rowWith(plan, '乙小学', 1);
    expect([a[4], a[12], b[4], b[12]]).toEqual([4.5, '1', 3.5, null]);
    const rowOfB = plan.sections[0].top + rowsOf(plan).indexOf(b);
    expect(plan.styles).toContainEqual({
      top: rowOfB,
      bottom: rowOfB,
      left: 4,
      right: 4,
      style: { fill: '#808080', fontColor: '#FFFFFF' },
    });
    expect(plan.styles.filter((s) => s.style.fill === '#808080')).toHaveLength(1);
  });
});

describe('举办者类型 and 年级数 from the sheet', () => {
  const grid = (rows: (string | number | null)[][]): CellGrid => ({
    sheet: '学校',
    firstRow: 1,
    firstColumn: 0,
    values: rows,
  });

  test('the form’s codes: from a 举办者类型 column (code or name), else 举办者/隶属关系, else 办学性质 (民办 → 10)', () => {
    expect(
      [
        '7',
        7,
        '县级教育部门',
        '县教育局',
        '市教育局',
        '省教育厅',
        '县卫生健康局',
        '地方企业',
        '民办',
        '县属',
        '公办',
        '11',
      ].map(parseSponsor),
    ).toEqual([7, 7, 7, 7, 5, 3, 8, 9, 10, null, null, null]);
    const read = readTable(
      grid([
        ['学校名称', '学校类型', '学段', '举办者类型', '年级数', '班级数', '在校生数'],
        ['甲小学', '小学', '', 7, 6, 12, 500],
        ['乙学校（小学部）', '九年一贯制', '小学', '', 6, 10, 300],
      ]),
    );
    expect(read.mapping.sponsor?.column).toBe(3);
    expect(read.mapping.grades?.column).toBe(4);
    expect(read.rows.map((r) => [r.sponsor, r.counts.grades, r.kind, r.partOf])).toEqual([
      [7, 6, 'primary', undefined],
      [undefined, 6, 'primary', 'nineYear'],
    ]);
  });

  test('表Ⅱ-2 shows them; the 九年一贯制 小学部 row counts as 一贯制学校小学部; nothing is said blank that is not', () => {
    const read = readTable(
      grid([
        ['学校名称', '学校类型', '学段', '举办者', '年级数', '班级数', '在校生数'],
        ['甲小学', '小学', '', '县教育局', 6, 12, 500],
        ['乙学校（小学部）', '九年一贯制', '小学', '县教育局', 6, 10, 300],
      ]),
    );
    const evaluation: Evaluation = evaluate(read.rows, QUALITY_2017);
    const plan = sheet(planForms({ evaluation, fields: Object.keys(read.mapping) }), '表Ⅱ-2');
    expect(rowWith(plan, '甲小学', 1).slice(2, 6)).toEqual([7, 500, 6, 12]);
    const notes = notesOf(plan);
    expect(notes).toContain('其中一贯制学校小学部 1 所');
    expect(notes).not.toContain('举办者类型：');
    expect(notes).not.toContain('年级数：');
  });
});

test('sheetsFor writes the reports first, then the regime’s form tables; a choice leaves the others out', () => {
  const date = new Date(2026, 2, 1);
  expect(sheetsFor(quality, date).map((p) => p.sheetName)).toEqual([
    '均衡评估报告',
    '整改测算',
    '表Ⅱ-1 资源配置达标情况',
    '表Ⅱ-2 学校资源配置情况',
    '表Ⅲ 县域义务教育校际均衡情况',
  ]);
  expect(sheetsFor(basic, date, ['basicCvs', 'resources']).map((p) => p.sheetName)).toEqual([
    '基本均衡 校际差异系数',
  ]);
});
