// Spec §5: stage parts and combined schools — split ratios 1:1.1, 1:1.2, 1:1.1:1.32, exact sums, per-stage teachers.
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { toParts } from '../../src/engine/rules/parts';
import { BASIC_2012, parseProfile, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { splitShares, splitTotal, COMBINED_STAGES } from '../../src/engine/rules/split';
import { Dec } from '../../src/engine/exact/arithmetic';
import type { SchoolRow } from '../../src/engine/model/types';

const W = QUALITY_2017.split.weights;

describe('split ratios by student-equivalents', () => {
  test('九年一贯制 A=600, B=400: "primary share = A / (A + 1.1B)" = 600/1040', () => {
    const s = splitShares('nineYear', { primary: 600, junior: 400 }, W)!;
    expect(s.primary!.equals(new Dec(600).div(1040))).toBe(true);
    expect(s.junior!.equals(new Dec(440).div(1040))).toBe(true);
  });

  test('完全中学 B=500, C=500: "junior share = B / (B + 1.2C)" = 500/1100', () => {
    const s = splitShares('completeMiddle', { junior: 500, senior: 500 }, W)!;
    expect(s.junior!.equals(new Dec(500).div(1100))).toBe(true);
  });

  test('十二年一贯制 A=600, B=400, C=300: primary 600/1436, junior 440/1436 (1.32 × 300 = 396)', () => {
    const s = splitShares('twelveYear', { primary: 600, junior: 400, senior: 300 }, W)!;
    expect(s.primary!.equals(new Dec(600).div(1436))).toBe(true);
    expect(s.junior!.equals(new Dec(440).div(1436))).toBe(true);
  });

  test('no students at all → no shares', () => {
    expect(splitShares('nineYear', { primary: 0, junior: 0 }, W)).toBeNull();
  });

  test('property: "split then sum = totals", exactly in decimal, for every kind', () => {
    const kind = fc.constantFrom('nineYear' as const, 'completeMiddle' as const, 'twelveYear' as const);
    const total = fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 100);
    fc.assert(
      fc.property(
        kind,
        total,
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 3, maxLength: 3 }),
        (k, t, p) => {
          const stages = COMBINED_STAGES[k];
          const students = Object.fromEntries(stages.map((s, i) => [s, p[i]]));
          const shares = splitShares(k, students, W);
          if (!shares) return;
          const parts = splitTotal(t, stages, shares);
          const sum = stages.reduce((acc, s) => acc.plus(new Decimal(parts[s]!)), new Decimal(0));
          expect(sum.equals(new Decimal(t))).toBe(true);
          for (const s of stages) expect(parts[s]!).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('toParts', () => {
  const combined: SchoolRow = {
    row: 5,
    name: '青山学校',
    kind: 'nineYear',
    counts: {
      teachingArea: 5200,
      sportsArea: 10400,
      equipmentValue: 2080000,
      multimediaRooms: 26,
      books: 52000,
      computers: 104,
    },
    byStage: {
      primary: { students: 600, qualifiedTeachers: 30, teachers: 35 },
      junior: { students: 400, qualifiedTeachers: 25, teachers: 30 },
    },
    columns: {
      name: 0,
      teachingArea: 5,
      'primary.students': 2,
      'junior.students': 3,
      'primary.teachers': 7,
      'junior.teachers': 8,
    },
  };

  test('a combined row becomes one part per stage: facilities by 1:1.1, teachers from byStage', () => {
    const { parts, issues, excluded } = toParts([combined], QUALITY_2017);
    expect(issues).toEqual([]);
    expect(excluded).toEqual([]);
    expect(
      parts.map((p) => [p.key, p.stage, p.split, p.counts.students, p.counts.qualifiedTeachers]),
    ).toEqual([
      ['5:primary', 'primary', true, 600, 30],
      ['5:junior', 'junior', true, 400, 25],
    ]);
    // 5200 × 600/1040 = 3000; 5200 × 440/1040 = 2200.
    expect(parts.map((p) => p.counts.teachingArea)).toEqual([3000, 2200]);
    expect(parts.map((p) => p.counts.multimediaRooms)).toEqual([15, 11]);
    // Stage-qualified columns stand in for the plain field in each part.
    expect(parts.map((p) => p.columns?.teachers)).toEqual([7, 8]);
    expect(parts[0].columns?.teachingArea).toBe(5);
  });

  test('"DEFAULT also multimedia rooms": a profile can stop splitting them, then they must come per stage', () => {
    const parsed = parseProfile({ extends: 'quality-2017', split: { multimediaRooms: false } });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const { parts, issues } = toParts([combined], parsed.profile);
    expect(parts.map((p) => p.counts.multimediaRooms)).toEqual([undefined, undefined]);
    expect(issues.map((i) => [i.code, i.field])).toEqual([['perStageMissing', 'multimediaRooms']]);
  });

  test('"teacher counts are not split by ratio": a total without per-stage teachers is an issue on that row', () => {
    const row: SchoolRow = {
      ...combined,
      counts: { ...combined.counts, keyTeachers: 20 },
      columns: { ...combined.columns, keyTeachers: 9 },
    };
    const { parts, issues } = toParts([row], QUALITY_2017);
    expect(parts.map((p) => p.counts.keyTeachers)).toEqual([undefined, undefined]);
    expect(issues).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'J',
        field: 'keyTeachers',
        code: 'perStageMissing',
        severity: 'error',
      }),
    ]);
    expect(issues[0].message).toContain('第 5 行 J 列');
  });

  test('a 完全中学 row keeps only its junior part (the senior part is dropped)', () => {
    const { parts } = toParts(
      [
        {
          row: 6,
          name: '一中',
          kind: 'completeMiddle',
          counts: { teachingArea: 11000 },
          byStage: { junior: { students: 500 }, senior: { students: 500 } },
        },
      ],
      QUALITY_2017,
    );
    expect(parts.map((p) => [p.stage, p.counts.teachingArea])).toEqual([['junior', 5000]]);
  });

  test('"A nineYear row WITHOUT byStage is a data issue unless its stage is otherwise given"', () => {
    const rows: SchoolRow[] = [
      { row: 2, name: '甲学校', kind: 'nineYear', counts: { students: 800 }, columns: { name: 0 } },
      { row: 3, name: '乙学校', kind: 'nineYear', stage: 'junior', counts: { students: 300 } },
      { row: 4, name: '丙学校（小学部）', kind: 'nineYear', counts: { students: 500 } },
      { row: 5, name: '丁学校', kind: 'nineYear', counts: {}, byStage: { junior: { students: 200 } } },
    ];
    const { parts, issues } = toParts(rows, QUALITY_2017);
    expect(parts.map((p) => [p.row, p.stage, p.split, p.counts.students])).toEqual([
      [3, 'junior', false, 300],
      [4, 'primary', false, 500],
      [5, 'junior', false, 200],
    ]);
    expect(issues.map((i) => [i.row, i.code, i.severity])).toEqual([[2, 'stageUnknown', 'error']]);
    expect(issues[0].message).toContain('第 2 行“甲学校”');
  });

  test("a combined row with one stage's students missing cannot be split: an issue naming that cell", () => {
    const { parts, issues } = toParts(
      [
        {
          row: 7,
          name: '戊学校',
          kind: 'twelveYear',
          counts: { students: 1500 },
          byStage: { primary: { students: 600 }, junior: { students: 400 } },
          columns: { 'senior.students': 4 },
        },
      ],
      QUALITY_2017,
    );
    expect(parts).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ row: 7, column: 'E', code: 'splitStudentsMissing' })]);
  });

  test('basic-2012 splits books and computers too', () => {
    const { parts } = toParts([combined], BASIC_2012);
    expect(parts.map((p) => [p.counts.books, p.counts.computers])).toEqual([
      [30000, 60],
      [22000, 44],
    ]);
  });
});
