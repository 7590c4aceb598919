// 差异系数 (spec §3): the student-weighted population CV, the public vectors TV-1 and TV-6, edge cases, invariants.
import fc from 'fast-check';
import {
  coefficientFromRaw,
  coefficientPasses,
  cvAtMost,
  floatCoefficient,
  floatCoefficientAt,
  isNearThreshold,
  weightedCoefficient,
  weightedMean,
} from '../../src/engine/rules/coefficient';
import { dec, exactCvSquared } from '../../src/engine/exact/arithmetic';

const TV1_STUDENTS = [45, 37, 89, 76, 55];
const TV1_BOOKS = [279, 137, 935, 160, 402];

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('TV-1: books per student, 5 primary schools', () => {
  test('"X̄ = 6.334437, S = 3.263861, CV = 0.515257" from raw counts', () => {
    const r = ok(coefficientFromRaw(TV1_BOOKS, TV1_STUDENTS, 1));
    expect(r.mean.toFixed(6)).toBe('6.334437');
    expect(r.sd.toFixed(6)).toBe('3.263861');
    expect(r.cv.toFixed(6)).toBe('0.515257');
    expect(r.students).toBe(302);
    expect(r.schools).toBe(5);
  });

  test('the same from per-school values X_i = 6.200000, 3.702703, 10.505618, 2.105263, 7.309091', () => {
    const values = TV1_BOOKS.map((b, i) => b / TV1_STUDENTS[i]);
    expect(values.map((x) => x.toFixed(6))).toEqual([
      '6.200000',
      '3.702703',
      '10.505618',
      '2.105263',
      '7.309091',
    ]);
    const r = ok(weightedCoefficient(values, TV1_STUDENTS));
    expect(r.cv.toFixed(6)).toBe('0.515257');
    expect(ok(weightedMean(values, TV1_STUDENTS)).mean.toFixed(6)).toBe('6.334437');
  });

  test('"wrong formulas give 0.488771, 0.546462, 0.516112 — none of them may come out"', () => {
    const values = TV1_BOOKS.map((b, i) => b / TV1_STUDENTS[i]);
    // The wrong variants, computed here only to prove they differ from what the engine returns.
    const n = values.length;
    const mean = values.reduce((a, b) => a + b, 0) / n;
    const ss = values.reduce((a, x) => a + (x - mean) ** 2, 0);
    const unweightedPopulation = Math.sqrt(ss / n) / mean;
    const unweightedSample = Math.sqrt(ss / (n - 1)) / mean;
    const P = 302;
    const wMean = values.reduce((a, x, i) => a + x * TV1_STUDENTS[i], 0) / P;
    const wss = values.reduce((a, x, i) => a + TV1_STUDENTS[i] * (x - wMean) ** 2, 0);
    const weightedPMinus1 = Math.sqrt(wss / (P - 1)) / wMean;
    expect([unweightedPopulation, unweightedSample, weightedPMinus1].map((x) => x.toFixed(6))).toEqual([
      '0.488771',
      '0.546462',
      '0.516112',
    ]);
    const cv = ok(coefficientFromRaw(TV1_BOOKS, TV1_STUDENTS, 1)).cv.toFixed(6);
    for (const wrong of ['0.488771', '0.546462', '0.516112']) expect(cv).not.toBe(wrong);
    expect(ok(weightedCoefficient(values, TV1_STUDENTS)).cv.toFixed(6)).not.toBe('0.516112');
  });

  test('the exact CV² agrees with the float CV to 15 digits', () => {
    const q = exactCvSquared(
      TV1_BOOKS.map((b) => dec(b)),
      TV1_STUDENTS.map((p) => dec(p)),
    )!;
    const exact = Math.sqrt(Number((q.num * 10n ** 30n) / q.den) / 1e30);
    expect(exact).toBeCloseTo(0.5152566298844764, 14);
  });
});

describe('TV-6: per-100 CV, 3 初中 schools, students [800, 400, 200]', () => {
  test('multimedia rooms [20, 8, 3]: X = [2.5, 2.0, 1.5], X̄ = 2.214286, CV = 0.164485', () => {
    const r = ok(coefficientFromRaw([20, 8, 3], [800, 400, 200], 100));
    expect(r.mean.toFixed(6)).toBe('2.214286');
    expect(r.cv.toFixed(6)).toBe('0.164485');
  });

  test('teaching area [4400, 2000, 800]: X = [5.5, 5.0, 4.0], CV = 0.100154', () => {
    expect(ok(coefficientFromRaw([4400, 2000, 800], [800, 400, 200], 1)).cv.toFixed(6)).toBe('0.100154');
    expect(ok(weightedCoefficient([5.5, 5, 4], [800, 400, 200])).cv.toFixed(6)).toBe('0.100154');
  });
});

describe('§3 edge cases of the low-level functions', () => {
  test('"one school → CV = 0"', () => {
    expect(ok(weightedCoefficient([6.2], [45])).cv).toBe(0);
  });

  test('"X̄ = 0 → CV undefined (say so, never report 0)"', () => {
    const r = weightedCoefficient([0, 0, 0], [10, 20, 30]);
    expect(r).toEqual({ ok: false, code: 'zeroMean', reason: expect.stringContaining('县均值为 0') });
  });

  test('"P_i = 0 → the school is left out (it has no weight)"', () => {
    const withZero = ok(weightedCoefficient([6.2, 99, 3.702703], [45, 0, 37]));
    const without = ok(weightedCoefficient([6.2, 3.702703], [45, 37]));
    expect(withZero.cv).toBe(without.cv);
    expect(withZero.schools).toBe(2);
  });

  test('all students 0 → no weight at all', () => {
    expect(weightedCoefficient([1, 2], [0, 0])).toMatchObject({ ok: false, code: 'noStudents' });
    expect(weightedMean([1, 2], [0, 0])).toMatchObject({ ok: false, code: 'noStudents' });
  });

  test('"a missing value is never silently treated as 0": NaN or negative is a problem naming its position', () => {
    expect(weightedCoefficient([1, NaN, 3], [1, 1, 1])).toEqual({
      ok: false,
      code: 'invalidValue',
      reason: expect.stringContaining('第 2 个'),
    });
    expect(coefficientFromRaw([1, 2], [1, -5])).toMatchObject({ ok: false, code: 'invalidStudents' });
    expect(weightedMean([1, -2], [1, 1])).toMatchObject({ ok: false, code: 'invalidValue' });
  });

  test('students or resources summing past 1e308: no CV and a note that the values are too large, not 县均值为 0', () => {
    for (const f of [
      floatCoefficient([1, 1], [1e308, 1e308], 2, 1),
      floatCoefficient([1.5e308, 1.5e308], [1, 1], 2, 1),
    ]) {
      expect(f.cv).toBeNull();
      expect(f.overflow).toBe(true);
    }
    const students = coefficientFromRaw([1, 1], [1e308, 1e308], 1);
    expect(students).toMatchObject({ ok: false });
    expect(!students.ok && students.reason).toContain('数值过大');
    expect(floatCoefficient([0, 0], [1, 1], 2, 1)).toMatchObject({ cv: null, overflow: false, mean: 0 });
  });

  test('length mismatch and empty input', () => {
    expect(weightedCoefficient([1, 2], [1])).toMatchObject({ ok: false, code: 'lengthMismatch' });
    expect(weightedCoefficient([], [])).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('exact CV decisions (threshold inclusive, spec §2 "不高于")', () => {
  // Two schools of equal size: CV = |X1 − X2| / (X1 + X2), so (3, 1) is exactly 0.5.
  test('CV exactly at 0.50 passes; a CV 1.25e-16 above it fails, though float cannot tell them apart', () => {
    expect(coefficientPasses([3, 1], [100, 100], 0.5)).toMatchObject({ ok: true, pass: true });
    const above = coefficientPasses([3000000000000001, 1000000000000000], [1, 1], 0.5);
    expect(above).toMatchObject({ ok: true, pass: false });
    expect(above.ok && Math.abs(above.cv - 0.5)).toBeLessThan(1e-15);
  });

  test('cvAtMost re-decides from the exact square when the float is within 1e-9', () => {
    const quarter = () => ({ num: 1n, den: 4n });
    expect(cvAtMost(0.5000000000000001, 0.5, null, quarter)).toBe(true);
    expect(
      cvAtMost(0.49999999999999994, 0.5, null, () => ({ num: 250000000000000001n, den: 10n ** 18n })),
    ).toBe(false);
    // Far from the bound the float decides and the exact path is not consulted.
    const never = () => {
      throw new Error('exact path used');
    };
    expect(cvAtMost(0.3, 0.5, null, never)).toBe(true);
    expect(cvAtMost(0.51, 0.5, null, never)).toBe(false);
  });

  test('rounding mode: "a profile may compare after rounding to N decimals" (half-up)', () => {
    // 0.5004 rounds to 0.500 → passes at 3 decimals; 0.5005 rounds to 0.501 → fails.
    expect(coefficientPasses([15004, 4996], [1, 1], 0.5, { rounding: 3 })).toMatchObject({ pass: true });
    expect(coefficientPasses([15005, 4995], [1, 1], 0.5, { rounding: 3 })).toMatchObject({ pass: false });
    expect(coefficientPasses([15004, 4996], [1, 1], 0.5)).toMatchObject({ pass: false });
  });

  test('"results within 0.0005 of a threshold deserve a visible near threshold note"', () => {
    expect(isNearThreshold(0.4505, 0.45, 0.0005)).toBe(true);
    expect(isNearThreshold(0.4495, 0.45, 0.0005)).toBe(true);
    expect(isNearThreshold(0.4506, 0.45, 0.0005)).toBe(false);
    expect(coefficientPasses([14501, 5499], [1, 1], 0.45)).toMatchObject({
      pass: false,
      nearThreshold: true,
    });
  });
});

describe('properties', () => {
  const school = fc.record({
    value: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    students: fc.integer({ min: 1, max: 5000 }),
  });
  const county = fc.array(school, { minLength: 1, maxLength: 40 });
  const cvOf = (s: { value: number; students: number }[]) =>
    ok(
      weightedCoefficient(
        s.map((x) => x.value),
        s.map((x) => x.students),
      ),
    ).cv;

  test('CV ≥ 0', () => {
    fc.assert(fc.property(county, (s) => cvOf(s) >= 0));
  });

  test('CV is invariant under row order', () => {
    fc.assert(
      fc.property(county, fc.integer(), (s, seed) => {
        const shuffled = [...s].sort(
          (a, b) => ((a.value * 7919 + seed) % 13) - ((b.value * 7919 + seed) % 13),
        );
        expect(cvOf(shuffled)).toBeCloseTo(cvOf(s), 9);
      }),
    );
  });

  test('CV is invariant under scaling all values by c > 0', () => {
    fc.assert(
      fc.property(county, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (s, c) => {
        expect(cvOf(s.map((x) => ({ ...x, value: x.value * c })))).toBeCloseTo(cvOf(s), 9);
      }),
    );
  });

  test('CV is invariant under scaling all weights by c > 0', () => {
    fc.assert(
      fc.property(county, fc.integer({ min: 2, max: 1000 }), (s, c) => {
        expect(cvOf(s.map((x) => ({ ...x, students: x.students * c })))).toBeCloseTo(cvOf(s), 9);
      }),
    );
  });

  test('equal values → CV = 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 9999 }), { minLength: 1 }),
        (x, p) => {
          expect(cvOf(p.map((students) => ({ value: x, students })))).toBeCloseTo(0, 12);
        },
      ),
    );
  });

  test('the exact decision agrees with the float wherever the float is farther than 1e-9 from the threshold', () => {
    fc.assert(
      fc.property(county, fc.double({ min: 0.05, max: 1, noNaN: true }), (s, t) => {
        const r = coefficientPasses(
          s.map((x) => x.value),
          s.map((x) => x.students),
          t,
        );
        if (!r.ok) return;
        if (Math.abs(r.cv - t) > 1e-9) expect(r.pass).toBe(r.cv <= t);
      }),
    );
  });
});

describe('floatCoefficientAt: the entries at given indices, as floatCoefficient over them copied out', () => {
  test('property: the very same doubles (mean, sd, CV, students) for any values, weights and indices', () => {
    const entry = fc.record({
      r: fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
      p: fc.integer({ min: 1, max: 3000 }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 80 }),
        fc.constantFrom(1, 100),
        (entries, picks, per) => {
          const r = Float64Array.from(entries, (e) => e.r);
          const p = Float64Array.from(entries, (e) => e.p);
          const at = Int32Array.from(picks, (k) => k % entries.length);
          const copied = floatCoefficient(
            Array.from(at, (i) => r[i]),
            Array.from(at, (i) => p[i]),
            at.length,
            per,
          );
          expect(floatCoefficientAt(r, p, at, at.length, per)).toEqual(copied);
        },
      ),
      { numRuns: 500 },
    );
  });
});
