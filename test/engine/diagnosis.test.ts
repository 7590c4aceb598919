// 差异系数诊断: shares of the CV, the CV without or with a corrected school, outlier flags, unknown values listed.
import fc from 'fast-check';
import { evaluate } from '../../src/engine/rules/evaluate';
import { weightedCoefficient } from '../../src/engine/rules/coefficient';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { diagnoseCoefficient, roundShares } from '../../src/engine/diagnosis/diagnose';
import { median, outlierRule, robustScores } from '../../src/engine/diagnosis/outliers';
import { formatIndicatorValue } from '../../src/engine/diagnosis/valueText';
import type { SchoolRow, Stage } from '../../src/engine/model/types';
import { qualityRow } from './support/rows';

/** Rows with students and books only (基本均衡 reads 生均图书册数 from 图书册数). */
function bookRows(
  schools: readonly [string, number, number | undefined][],
  stage: Stage = 'primary',
): SchoolRow[] {
  return schools.map(([name, students, books], k) => ({
    row: 3 + k,
    name,
    kind: stage,
    counts: books === undefined ? { students } : { students, books },
    columns: { name: 0, kind: 1, students: 2, books: 3 },
  }));
}

const TV1: [string, number, number][] = [
  ['甲小学', 45, 279],
  ['乙小学', 37, 137],
  ['丙小学', 89, 935],
  ['丁小学', 76, 160],
  ['戊小学', 55, 402],
];

function books(rows: SchoolRow[], options = {}) {
  const d = diagnoseCoefficient(evaluate(rows, BASIC_2012), 'primary', 'booksPerStudent', options);
  if (d === null) throw new Error('no diagnosis');
  return d;
}

const byName = (d: ReturnType<typeof books>) => new Map(d.schools.map((s) => [s.name, s]));

describe('TV-1 (5 primary schools, books per student) worked by hand', () => {
  // X = 279/45 = 6.2, 137/37 = 3.702703, 935/89 = 10.505618, 160/76 = 2.105263, 402/55 = 7.309091;
  // P = 302, X̄ = 1913/302 = 6.334437 (spec TV-1), S = 3.263861, CV = 0.515257.
  // Pᵢ(Xᵢ − X̄)²: 45·0.134437² = 0.8133, 37·2.631734² = 256.263, 89·4.171181² = 1548.489, 76·4.229174² = 1359.329,
  // 55·0.974654² = 52.247; Σ = 3217.142 = P·S². Shares: 0.000253, 0.079655, 0.481324, 0.422527, 0.016240.
  const d = books(bookRows(TV1));
  const s = byName(d);

  test('the mean, S and CV are the spec’s, and equal the evaluation’s CV', () => {
    expect(d.students).toBe(302);
    expect(d.mean).toBeCloseTo(6.334437, 6);
    expect(d.sd).toBeCloseTo(3.263861, 6);
    expect(d.cv).toBeCloseTo(0.515257, 6);
    expect(d.cv).toBe(evaluate(bookRows(TV1), BASIC_2012).stages.primary!.indicators.booksPerStudent!.cv);
    expect(d.squares).toBeCloseTo(3217.142, 3);
    expect(d.median).toBeCloseTo(6.2, 12);
  });

  test('schools sorted by value, largest first, each with its weight', () => {
    expect(d.schools.map((x) => x.name)).toEqual(['丙小学', '戊小学', '甲小学', '乙小学', '丁小学']);
    expect(d.schools.map((x) => x.students)).toEqual([89, 55, 45, 37, 76]);
    expect(s.get('丙小学')!.value).toBeCloseTo(10.505618, 6);
  });

  test('贡献: each school’s share of Σ Pᵢ(Xᵢ − X̄)²', () => {
    expect(s.get('甲小学')!.share).toBeCloseTo(0.000253, 6);
    expect(s.get('乙小学')!.share).toBeCloseTo(0.079655, 6);
    expect(s.get('丙小学')!.share).toBeCloseTo(0.481324, 6);
    expect(s.get('丁小学')!.share).toBeCloseTo(0.422527, 6);
    expect(s.get('戊小学')!.share).toBeCloseTo(0.01624, 6);
    // Rounded to 0.1% they sum to exactly 100: 0.0 + 8.0 + 48.1 + 42.3 + 1.6.
    expect(roundShares(d.schools.map((x) => x.share!))).toEqual([48.1, 1.6, 0, 8, 42.3]);
  });

  test('leave-one-out: the CV of the other four, e.g. without 丁 (P 226, X̄ 1753/226 = 7.756637) 0.320955', () => {
    expect(s.get('甲小学')!.cvWithout).toBeCloseTo(0.556397, 6);
    expect(s.get('乙小学')!.cvWithout).toBeCloseTo(0.495736, 6);
    expect(s.get('丙小学')!.cvWithout).toBeCloseTo(0.476978, 6);
    expect(s.get('丁小学')!.cvWithout).toBeCloseTo(0.320955, 6);
    expect(s.get('戊小学')!.cvWithout).toBeCloseTo(0.584069, 6);
  });

  test('corrected to the others’ mean: 丁 at 7.756637 gives CV 0.320955·√(226/302) = 0.277648', () => {
    expect(s.get('丁小学')!.correctedValue).toBeCloseTo(7.756637, 6);
    expect(s.get('丁小学')!.cvCorrected).toBeCloseTo(0.277648, 6);
    expect(s.get('丙小学')!.cvCorrected).toBeCloseTo(0.400576, 6);
  });

  test('movers: 丁 moves the CV most (−0.238 by correction), then 丙, 甲 least', () => {
    expect(d.movers.map((x) => x.name)).toEqual(['丁小学', '丙小学', '戊小学', '乙小学', '甲小学']);
  });

  test('no flags: nothing in TV-1 is far from the rest on the log scale', () => {
    expect(d.outliers.screened).toBe(true);
    expect(d.outliers.flags).toEqual([]);
  });

  test('correction to the median (6.2) is an option', () => {
    const m = byName(books(bookRows(TV1), { correctTo: 'median' }));
    expect(m.get('丁小学')!.correctedValue).toBeCloseTo(6.2, 12);
    const values = [6.2, 3.702703, 10.505618, 6.2, 7.309091];
    expect(m.get('丁小学')!.cvCorrected).toBeCloseTo(
      (weightedCoefficient(values, [45, 37, 89, 76, 55]) as { cv: number }).cv,
      5,
    );
  });
});

describe('outliers are flagged for checking, never corrected', () => {
  // Junior sports area: eight schools near 14 ㎡ per student, 城关中学 typed 56.1 (a missing decimal point?).
  const values = [14.2, 13.1, 15.0, 12.8, 13.9, 14.5, 12.5, 13.6];
  const rows = [
    qualityRow(3, '城关中学', 'junior', 1000, [5.3, 1, 0.9, 5.8, 56.1, 2500, 2.4]),
    ...values.map((v, k) =>
      qualityRow(4 + k, `第${k + 1}中学`, 'junior', 500 + 100 * k, [5.3, 1, 0.9, 5.8, v, 2500, 2.4]),
    ),
  ];
  const ev = evaluate(rows, QUALITY_2017);
  const d = diagnoseCoefficient(ev, 'junior', 'sportsAreaPerStudent')!;

  test('the flag says the value and how many times the county mean it is', () => {
    const mean = d.mean!;
    expect(d.outliers.flags.map((s) => s.name)).toEqual(['城关中学']);
    const flag = d.outliers.flags[0].flag!;
    expect(flag.kind).toBe('high');
    expect(flag.z).toBeGreaterThan(3.5);
    expect(flag.message).toBe(`请核实：城关中学 56.1㎡/生，为县均值的 ${(56.1 / mean).toFixed(1)} 倍`);
    // The value itself is kept: a flag, not a correction.
    expect(d.schools[0].value).toBe(56.1);
    expect(d.cv).toBe(ev.stages.junior!.indicators.sportsAreaPerStudent!.cv);
  });

  test('the flagged school also moves the CV most, and carries most of it', () => {
    expect(d.movers[0].name).toBe('城关中学');
    expect(d.schools[0].share!).toBeGreaterThan(0.8);
    expect(d.movers[0].cvWithout!).toBeLessThan(0.1);
  });

  test('a far-low value reads as a share of the mean', () => {
    const low = [...rows, qualityRow(20, '山区中学', 'junior', 300, [5.3, 1, 0.9, 5.8, 0.9, 2500, 2.4])];
    const dl = diagnoseCoefficient(evaluate(low, QUALITY_2017), 'junior', 'sportsAreaPerStudent')!;
    const flag = dl.schools.find((s) => s.name === '山区中学')!.flag!;
    expect(flag.kind).toBe('low');
    expect(flag.message).toMatch(/^请核实：山区中学 0\.9㎡\/生，仅为县均值的 \d+(\.\d)?%$/);
  });

  test('a 0 among positive values is flagged as possibly not filled in; the rule can switch that off', () => {
    const zero = bookRows([...TV1, ['己小学', 50, 0]]);
    const dz = books(zero);
    expect(dz.outliers.flags.map((s) => [s.name, s.flag!.kind])).toEqual([['己小学', 'zero']]);
    expect(dz.outliers.flags[0].flag!.message).toMatch(
      /^请核实：己小学 为 0，县均值 [\d.]+册\/生，是否漏填$/,
    );
    expect(books(zero, { outliers: { flagZeros: false } }).outliers.flags).toEqual([]);
  });

  test('fewer than 4 schools: no flags, with the reason', () => {
    const small = books(
      bookRows([
        ['甲', 100, 100],
        ['乙', 100, 120],
        ['丙', 100, 4000],
      ]),
    );
    expect(small.outliers).toMatchObject({ screened: false, flags: [] });
    expect(small.outliers.reason).toContain('少于 4 所');
    expect(small.outliers.code).toBe('tooFew');
  });

  test('the threshold is configurable: at 1.0 ordinary spread is flagged too', () => {
    expect(books(bookRows(TV1), { outliers: { threshold: 1 } }).outliers.flags.length).toBeGreaterThan(0);
    expect(() => outlierRule({ threshold: 0 })).toThrow(RangeError);
    expect(() => outlierRule({ minSchools: 2 })).toThrow(RangeError);
  });

  test('more than half the values equal (MAD 0): the mean absolute deviation stands in', () => {
    const r = robustScores([5, 5, 5, 5, 5, 50]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scores[5]!).toBeGreaterThan(3.5);
      expect(r.scores[0]).toBe(0);
    }
    expect(robustScores([5, 5, 5, 5])).toMatchObject({ ok: false, code: 'allEqual' });
  });

  test('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('unknown values are listed, never counted as 0', () => {
  test('a school without books is left out and named; the CV is the evaluation’s (of the others)', () => {
    const rows = bookRows([...TV1, ['己小学', 60, undefined]]);
    const ev = evaluate(rows, BASIC_2012);
    const d = diagnoseCoefficient(ev, 'primary', 'booksPerStudent')!;
    expect(d.unknown).toEqual([expect.objectContaining({ name: '己小学', row: 8, missing: 'value' })]);
    expect(d.schools).toHaveLength(5);
    expect(d.cv).toBeCloseTo(0.515257, 6);
    expect(d.cv).toBe(ev.stages.primary!.indicators.booksPerStudent!.cv);
  });

  test('a stage or indicator without a result gives null', () => {
    const ev = evaluate(bookRows(TV1), BASIC_2012);
    expect(diagnoseCoefficient(ev, 'junior', 'booksPerStudent')).toBeNull();
    expect(diagnoseCoefficient(ev, 'primary', 'keyTeachersPer100')).toBeNull();
  });

  test('X̄ = 0: no CV, no shares, no flags, the evaluation’s note', () => {
    const d = books(
      bookRows([
        ['甲', 100, 0],
        ['乙', 50, 0],
        ['丙', 80, 0],
        ['丁', 90, 0],
      ]),
    );
    expect(d).toMatchObject({ cv: null, squares: null });
    expect(d.schools.every((s) => s.share === null && s.cvWithout === null && s.flag === null)).toBe(true);
    expect(d.outliers.screened).toBe(false);
    expect(d.note).toContain('县均值为 0');
  });

  test('one school: CV 0, its share 0, nothing left without it', () => {
    const d = books(bookRows([['甲', 100, 300]]));
    expect(d.cv).toBe(0);
    expect(d.schools[0]).toMatchObject({ share: 0, cvWithout: null, cvCorrected: null });
  });
});

describe('value text', () => {
  test('units per student or per 100 students, 师生比 as 1:N', () => {
    expect(formatIndicatorValue('sportsAreaPerStudent', 56.1)).toBe('56.1㎡/生');
    expect(formatIndicatorValue('equipmentValuePerStudent', 2100.4)).toBe('2,100元/生');
    expect(formatIndicatorValue('computersPer100', 12.345)).toBe('12.3台/百生');
    expect(formatIndicatorValue('booksPerStudent', 6.334437)).toBe('6.33册/生');
    expect(formatIndicatorValue('teachersPerStudent', 0.0511)).toBe('1:19.6');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------------

const school = fc.record({
  students: fc.integer({ min: 1, max: 3000 }),
  books: fc.integer({ min: 0, max: 100_000 }),
});
const county = fc.array(school, { minLength: 2, maxLength: 25 });

function rowsOf(list: readonly { students: number; books: number }[]): SchoolRow[] {
  return bookRows(list.map((s, k) => [`校${k}`, s.students, s.books]));
}

describe('properties', () => {
  test('the shares sum to 1 whenever the CV is positive, and each lies in [0, 1]', () => {
    fc.assert(
      fc.property(county, (list) => {
        const d = books(rowsOf(list));
        if (d.cv === null || d.cv === 0) return;
        const sum = d.schools.reduce((s, x) => s + x.share!, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        for (const x of d.schools) expect(x.share!).toBeGreaterThanOrEqual(0);
        const rounded = roundShares(d.schools.map((x) => x.share!));
        expect(Math.round(rounded.reduce((s, x) => s + x, 0) * 10)).toBe(1000);
      }),
    );
  });

  test('the CV without a school is the CV of the others computed from scratch', () => {
    fc.assert(
      fc.property(county, fc.nat(), (list, pick) => {
        const d = books(rowsOf(list));
        if (d.cv === null) return;
        const k = pick % list.length;
        const rest = list.filter((_, j) => j !== k);
        const expected = weightedCoefficient(
          rest.map((s) => s.books / s.students),
          rest.map((s) => s.students),
        );
        const got = d.schools.find((s) => s.name === `校${k}`)!.cvWithout;
        if (!expected.ok) expect(got).toBeNull();
        else expect(got!).toBeCloseTo(expected.cv, 9);
      }),
    );
  });

  test('corrected to the others’ mean: CV = (CV without it)·√((P − Pᵢ)/P), never above the CV’s spread', () => {
    fc.assert(
      fc.property(county, (list) => {
        const d = books(rowsOf(list));
        if (d.cv === null) return;
        for (const s of d.schools) {
          if (s.cvWithout === null) continue;
          const factor = Math.sqrt((d.students - s.students) / d.students);
          expect(s.cvCorrected!).toBeCloseTo(s.cvWithout * factor, 9);
        }
      }),
    );
  });

  test('removing a school whose value equals the mean keeps S²·P and raises the CV by √(P/(P − Pᵢ))', () => {
    fc.assert(
      fc.property(county, (list) => {
        const total = list.reduce((s, x) => s + x.students, 0);
        const sum = list.reduce((s, x) => s + x.books, 0);
        // A school with the county's own ratio (its students = the others' total, its books = theirs).
        const d0 = books(rowsOf([...list, { students: total, books: sum }]));
        if (d0.cv === null) return;
        const atMean = d0.schools.find((s) => s.name === `校${list.length}`)!;
        expect(atMean.share!).toBeCloseTo(0, 12);
        expect(atMean.cvWithout!).toBeCloseTo(d0.cv * Math.sqrt(d0.students / (d0.students - total)), 9);
      }),
    );
  });

  test('scaling every value by a constant changes no share, no CV and no flag', () => {
    fc.assert(
      fc.property(county, fc.integer({ min: 2, max: 9 }), (list, c) => {
        const a = books(rowsOf(list));
        const b = books(rowsOf(list.map((s) => ({ ...s, books: s.books * c }))));
        if (a.cv === null) return;
        expect(b.cv!).toBeCloseTo(a.cv, 9);
        const shares = (d: typeof a) => new Map(d.schools.map((s) => [s.name, s.share!]));
        for (const [name, share] of shares(a)) expect(shares(b).get(name)!).toBeCloseTo(share, 9);
        expect(b.outliers.flags.map((s) => s.name)).toEqual(a.outliers.flags.map((s) => s.name));
      }),
    );
  });
});
