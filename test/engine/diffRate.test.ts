// Spec §7 校际差异率 = (mean − min) / mean over school mean scores, unweighted; passes when < 0.15 (TV-4, TV-8).
import fc from 'fast-check';
import { DIFF_RATE_LIMIT, diffRate, diffRatePasses } from '../../src/engine/rules/diffRate';

function rateOf(scores: number[]): number {
  const result = diffRate(scores);
  if (!result.ok) throw new Error(`expected a rate, got ${result.reason}`);
  return result.value;
}

describe('校际差异率 = (mean − min) / mean over school mean scores (spec §7)', () => {
  test('TV-8: scores [520, 500, 450] → 0.0816, passes', () => {
    const result = diffRate([520, 500, 450]);
    expect(result).toMatchObject({ ok: true, mean: 490, min: 450, pass: true });
    if (!result.ok) return;
    expect(result.value.toFixed(4)).toBe('0.0816');
    expect(result.value).toBeCloseTo(40 / 490, 15);
  });

  test('TV-8: scores [520, 500, 400] → 0.1549, fails', () => {
    const result = diffRate([520, 500, 400]);
    expect(result).toMatchObject({ ok: true, min: 400, pass: false });
    if (!result.ok) return;
    expect(result.value.toFixed(4)).toBe('0.1549');
    expect(result.mean).toBeCloseTo(1420 / 3, 12);
  });

  test('unweighted by DEFAULT: each school counts once, whatever its size', () => {
    // Mean of [600, 400, 400] is 466.67 → (466.67 − 400) / 466.67 = 1/7; a student-weighted mean would differ.
    expect(rateOf([600, 400, 400])).toBeCloseTo(1 / 7, 15);
  });

  test('one school → rate 0, passes', () => {
    expect(diffRate([480])).toEqual({ ok: true, value: 0, mean: 480, min: 480, pass: true });
  });
});

describe('校际差异率 < 0.15 passes; 0.15 itself fails (TV-4)', () => {
  test('TV-4: a rate of 0.15 fails, 0.1499 passes', () => {
    expect(DIFF_RATE_LIMIT).toBe(0.15);
    expect(diffRatePasses(0.15)).toBe(false);
    expect(diffRatePasses(0.1499)).toBe(true);
    expect(diffRatePasses(0.1501)).toBe(false);
  });

  test('TV-4 through scores: [115, 85] is exactly 0.15 and fails; [11499, 8501] is 0.1499 and passes', () => {
    expect(diffRate([115, 85])).toMatchObject({ ok: true, value: 0.15, pass: false });
    expect(diffRate([11499, 8501])).toMatchObject({ ok: true, value: 0.1499, pass: true });
  });

  test('exact decision: [16.1, 14, 11.9] is exactly 0.15 and fails, although float64 gives 0.14999999999999997', () => {
    const floatMean = (16.1 + 14 + 11.9) / 3;
    expect((floatMean - 11.9) / floatMean).toBeLessThan(0.15);
    expect(diffRate([16.1, 14, 11.9])).toMatchObject({ ok: true, value: 0.15, pass: false });
  });

  test('a custom limit is honoured with the same strict comparison', () => {
    expect(diffRate([520, 500, 450], 0.08)).toMatchObject({ ok: true, pass: false });
    expect(diffRate([520, 500, 450], 0.09)).toMatchObject({ ok: true, pass: true });
  });
});

describe('undefined rates are reported, never 0 (spec §3 spirit: say so)', () => {
  test('no scores → noScores', () => {
    expect(diffRate([])).toMatchObject({ ok: false, reason: 'noScores' });
  });

  test('all scores 0 → mean 0 → zeroMean', () => {
    const result = diffRate([0, 0]);
    expect(result).toMatchObject({ ok: false, reason: 'zeroMean' });
    if (!result.ok) expect(result.message).toContain('平均分为 0');
  });

  test.each([
    [[500, -1, 450], 1],
    [[500, Number.NaN], 1],
    [[Number.POSITIVE_INFINITY, 500], 0],
  ])('an invalid score %p is reported with its position', (scores, index) => {
    const result = diffRate(scores);
    expect(result).toMatchObject({ ok: false, reason: 'invalidScore', index });
    if (!result.ok) expect(result.message).toContain(`第 ${index + 1} 个分数`);
  });
});

describe('invariants', () => {
  const scores = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 40 });

  test('the rate does not depend on the order of the schools', () => {
    fc.assert(
      fc.property(scores, (values) => {
        expect(rateOf([...values].reverse())).toBe(rateOf(values));
        expect(rateOf([...values].sort((a, b) => a - b))).toBe(rateOf(values));
      }),
    );
  });

  test('the rate is scale-free: multiplying every score by c > 0 keeps it', () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 2, max: 50 }), (values, c) => {
        expect(rateOf(values.map((v) => v * c))).toBeCloseTo(rateOf(values), 12);
      }),
    );
  });

  test('0 ≤ rate < 1, and 0 exactly when all scores are equal', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const rate = rateOf(values);
        expect(rate).toBeGreaterThanOrEqual(0);
        expect(rate).toBeLessThan(1);
        expect(rate === 0).toBe(values.every((v) => v === values[0]));
      }),
    );
  });
});
