// Decisions on values given directly (typed or computed in a cell): value ≥ standard, CV ≤ threshold, the composite.
import { compositeOf, cvWithinThreshold, meetsStandard } from '../../src/engine';

describe('a per-school value against its standard: "以上 / 不低于" include equality (spec §2, §4)', () => {
  test('TV-5 exactness: 0.9 PE/art teachers per 100 meets 0.9; 4.2 meets 4.2', () => {
    expect(meetsStandard(0.9, 0.9)).toBe(true);
    expect(meetsStandard(4.2, 4.2)).toBe(true);
  });

  test('just below the standard fails, above passes', () => {
    expect(meetsStandard(0.89, 0.9)).toBe(false);
    expect(meetsStandard(7.4999, 7.5)).toBe(false);
    expect(meetsStandard(7.6, 7.5)).toBe(true);
  });

  test('a profile comparing after rounding to 1 decimal lets 7.45 meet 7.5 but not 7.44', () => {
    expect(meetsStandard(7.45, 7.5, 1)).toBe(true);
    expect(meetsStandard(7.44, 7.5, 1)).toBe(false);
  });
});

describe('a difference coefficient against its threshold: "小于或等于" includes equality (TV-4)', () => {
  test('TV-4 quality single CV: 小学 0.50 passes, 0.5001 fails; 初中 0.45 passes, 0.4501 fails', () => {
    expect(cvWithinThreshold(0.5, 0.5)).toBe(true);
    expect(cvWithinThreshold(0.5001, 0.5)).toBe(false);
    expect(cvWithinThreshold(0.45, 0.45)).toBe(true);
    expect(cvWithinThreshold(0.4501, 0.45)).toBe(false);
  });

  test('TV-4 basic composite: 小学 0.65 passes, 0.6501 fails; 初中 0.55 passes, 0.5501 fails', () => {
    expect(cvWithinThreshold(0.65, 0.65)).toBe(true);
    expect(cvWithinThreshold(0.6501, 0.65)).toBe(false);
    expect(cvWithinThreshold(0.55, 0.55)).toBe(true);
    expect(cvWithinThreshold(0.5501, 0.55)).toBe(false);
  });

  test('after rounding to 2 decimals (a profile option) 0.504 passes 0.50 and 0.505 fails', () => {
    expect(cvWithinThreshold(0.504, 0.5, 2)).toBe(true);
    expect(cvWithinThreshold(0.505, 0.5, 2)).toBe(false);
  });
});

describe('综合差异系数 = simple mean of the single CVs (spec §2)', () => {
  test('eight CVs averaging exactly 0.65 give 0.65, although float64 summing gives 0.6500000000000001', () => {
    const cvs = [0.99, 0.49, 0.76, 0.39, 0.45, 0.71, 0.84, 0.57];
    expect(cvs.reduce((s, x) => s + x, 0) / cvs.length).toBeGreaterThan(0.65);
    expect(compositeOf(cvs)).toBe(0.65);
  });

  test('an empty list has no composite', () => {
    expect(compositeOf([])).toBeNull();
  });
});
