// The county verdict (spec §8): "A county verdict is three-valued: pass, fail, or undecided (some school or CV could
// not be judged); it is never "pass" while anything is undecided."
import { countyVerdict, stageVerdict } from '../../src/engine/rules/countyVerdict';
import { evaluate } from '../../src/engine/rules/evaluate';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import type { SchoolRow } from '../../src/engine/model/types';
import { qualityRow } from './support/rows';
import { Verdict } from '../../src/engine/rules/verdict';

const GOOD = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];
const GOOD2 = [4.6, 1.25, 1.05, 5.1, 8.2, 2150, 2.55];
const FAILS = [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]; // sports 84% < the 85% floor

function without(row: SchoolRow, ...fields: (keyof SchoolRow['counts'])[]): SchoolRow {
  for (const f of fields) delete row.counts[f];
  return row;
}

describe('countyVerdict', () => {
  test('every stage balanced and every part passing: pass, with nothing undecided', () => {
    const ev = evaluate(
      [qualityRow(3, '甲', 'primary', 1000, GOOD), qualityRow(4, '乙', 'primary', 1000, GOOD2)],
      QUALITY_2017,
    );
    const v = countyVerdict(ev);
    expect(v).toMatchObject({
      verdict: 'pass',
      counts: { checked: 2, passed: 2, failed: 0, undecided: 0, excluded: 0 },
      stages: { primary: 'pass' },
      undecidedSchools: [],
      undecidedStages: [],
    });
    expect(v.reason).toBe('各学段差异系数均达标，参评学校均达到办学标准');
  });

  test('"never pass while anything is undecided": one school with an unknown cell makes the county undecided', () => {
    const ev = evaluate(
      [
        qualityRow(3, '甲', 'primary', 1000, GOOD),
        qualityRow(4, '乙', 'primary', 1000, GOOD2),
        without(qualityRow(5, '北山小学', 'primary', 1000, GOOD), 'sportsArea'),
      ],
      QUALITY_2017,
    );
    // The CV of the two others passes: the old two-valued verdict said 达到 here.
    expect(ev.stages.primary?.pass).toBe(true);
    const v = countyVerdict(ev);
    expect(v.verdict).toBe('undecided');
    expect(v.counts).toEqual({ checked: 3, passed: 2, failed: 0, undecided: 1, excluded: 0 });
    expect(v.stages.primary).toBe('undecided');
    expect(v.undecidedSchools).toEqual([
      {
        row: 5,
        name: '北山小学',
        stage: 'primary',
        kind: 'primary',
        pass: null,
        cells: ['H5'],
        places: [{ field: 'sportsArea', column: 'H', row: 5 }],
      },
    ]);
    expect(v.reason).toBe('1 所学校缺数据：北山小学 H5');
  });

  test('unknown students: the 在校生数 cell is named, and every CV of the stage left it out', () => {
    const ev = evaluate(
      [
        qualityRow(3, '甲', 'primary', 1000, GOOD),
        without(qualityRow(4, '乙', 'primary', 1000, GOOD), 'students'),
      ],
      QUALITY_2017,
    );
    const v = countyVerdict(ev);
    expect(v.verdict).toBe('undecided');
    expect(v.undecidedSchools.map((s) => s.cells)).toEqual([['C4']]);
  });

  test('"a fail anywhere → fail": a failing part fails the county even with another undecided; the reason says both', () => {
    const ev = evaluate(
      [
        qualityRow(3, '甲', 'primary', 1000, FAILS),
        qualityRow(4, '乙', 'primary', 1000, GOOD2),
        without(qualityRow(5, '北山小学', 'primary', 1000, GOOD), 'sportsArea'),
      ],
      QUALITY_2017,
    );
    const v = countyVerdict(ev);
    expect(v.verdict).toBe('fail');
    expect(v.reason).toBe('1 个学段未达到办学标准；另有 1 所学校缺数据：北山小学 H5');
  });

  test('a stage whose CV fails fails the county', () => {
    const ev = evaluate(
      [
        qualityRow(3, '甲', 'junior', 1000, [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4]),
        qualityRow(4, '乙', 'junior', 1000, [15.9, 3, 2.7, 17.4, 30.6, 7500, 7.2]),
      ],
      QUALITY_2017,
    );
    const v = countyVerdict(ev);
    expect(v.stages.junior).toBe('fail');
    expect(v.verdict).toBe('fail');
    expect(v.reason).toContain('初中差异系数未达标');
  });

  test('a CV that cannot be computed (county mean 0) leaves its stage undecided, with the CV named', () => {
    const zero = (row: SchoolRow) => ({ ...row, counts: { ...row.counts, multimediaRooms: 0 } });
    const ev = evaluate(
      [zero(qualityRow(3, '甲', 'junior', 1000, GOOD)), zero(qualityRow(4, '乙', 'junior', 1000, GOOD2))],
      { ...QUALITY_2017, standards: {}, schoolRule: null },
    );
    const v = countyVerdict(ev);
    expect(v.verdict).toBe('undecided');
    expect(v.stages.junior).toBe('undecided');
    expect(v.undecidedStages).toHaveLength(1);
    expect(v.undecidedStages[0].indicators).toEqual(['multimediaRoomsPer100']);
    expect(v.reason).toMatch(/^初中差异系数无法判定：每百名学生拥有网络多媒体教室数（县均值为 0/);
  });

  test('basic-2012 (no per-school rule): a school missing a CV value leaves the CV undecided and is listed', () => {
    const row = (r: number, name: string, books?: number): SchoolRow => ({
      row: r,
      name,
      kind: 'primary',
      counts: {
        students: 500,
        teachingArea: 2500,
        sportsArea: 4000,
        equipmentValue: 1e6,
        computers: 60,
        ...(books === undefined ? {} : { books }),
        teachers: 30,
        qualifiedTeachers: 28,
        seniorTitleTeachers: 15,
      },
      columns: { name: 0, students: 2, books: 7 },
    });
    const ev = evaluate([row(3, '甲', 12000), row(4, '乙', 13000), row(5, '丙')], BASIC_2012);
    expect(ev.stages.primary?.pass).toBe(true);
    const v = countyVerdict(ev);
    expect(v.verdict).toBe('undecided');
    expect(v.counts.undecided).toBe(0);
    expect(v.reason).toBe('1 所学校缺数据：丙 H5');
  });

  test('nothing to evaluate is undecided, never pass', () => {
    const v = countyVerdict(evaluate([], QUALITY_2017));
    expect(v.verdict).toBe('undecided');
    expect(v.reason).toBe('没有可评估的学校');
  });

  test('stageVerdict: the stage’s own pass, undecided when a CV left a school out for an unknown value', () => {
    const ev = evaluate(
      [
        qualityRow(3, '甲', 'primary', 1000, GOOD),
        without(qualityRow(4, '乙', 'primary', 1000, GOOD), 'sportsArea'),
      ],
      QUALITY_2017,
    );
    expect(ev.stages.primary?.indicators.sportsAreaPerStudent?.leftOut).toBe(1);
    expect(stageVerdict(ev.stages.primary!)).toBe('undecided');
  });
});

describe('unknown values without building indicator verdicts', () => {
  const rows = () => [
    qualityRow(3, '甲', 'primary', 1000, GOOD),
    qualityRow(4, '乙', 'primary', 1000, FAILS),
    without(qualityRow(5, '丙', 'primary', 1000, GOOD), 'sportsArea'),
    without(qualityRow(6, '丁', 'primary', 1000, FAILS), 'students'),
    without(qualityRow(7, '戊', 'primary', 1000, FAILS), 'equipmentValue', 'keyTeachers'),
  ];

  test('hasUnknownValue() agrees with the indicator verdicts, before and after they are built', () => {
    const ev = evaluate(rows(), QUALITY_2017);
    const fast = ev.schools.map((s) => (s as Verdict).hasUnknownValue());
    const built = ev.schools.map((s) => s.indicators.some((v) => v.value === null));
    expect(fast).toEqual(built);
    expect(fast).toEqual([false, false, true, true, true]);
    expect(ev.schools.map((s) => (s as Verdict).hasUnknownValue())).toEqual(built);
  });

  test('countyVerdict builds no indicator verdicts for decided parts with every value known, same result', () => {
    const lazy = evaluate(rows(), QUALITY_2017);
    const eager = evaluate(rows(), QUALITY_2017);
    for (const s of eager.schools) void s.indicators;
    expect(countyVerdict(lazy)).toEqual(countyVerdict(eager));
    const source = (lazy.schools[0] as Verdict).source;
    expect(source.indicatorCache[0]).toBeUndefined();
    expect(source.indicatorCache[1]).toBeUndefined();
  });

  test('indicators assigned by a caller are what counts', () => {
    const ev = evaluate(rows().slice(0, 1), QUALITY_2017);
    const school = ev.schools[0];
    school.indicators = school.indicators.map((v, i) => (i === 0 ? { ...v, value: null } : v));
    expect((school as Verdict).hasUnknownValue()).toBe(true);
    expect(countyVerdict(ev).undecidedSchools.map((s) => s.row)).toEqual([3]);
  });
});
