// The exact layer: BigInt rationals for CV², sums of square roots for the composite, decimal bounds and gaps.
import fc from 'fast-check';
import { compositeAtMost } from '../../src/engine/rules/coefficient';
import {
  atLeastBound,
  atMostBound,
  decimalParts,
  dec,
  exactCvSquared,
  isqrt,
  meanOfRootsAtMost,
} from '../../src/engine/exact/arithmetic';
import { gapFor } from '../../src/engine/rules/gap';
import { INDICATORS } from '../../src/engine/model/indicators';
import { Decimal } from 'decimal.js';
import { mulberry32 } from '../support/random';

describe('exactCvSquared', () => {
  test('two equal schools with values 3 and 1: CV² = 1/4 exactly', () => {
    const q = exactCvSquared([dec(300), dec(100)], [dec(100), dec(100)])!;
    expect(q.num * 4n).toBe(q.den);
  });

  test('TV-6 multimedia rooms: the exact CV² gives CV = 0.164485', () => {
    const q = exactCvSquared([dec(2000), dec(800), dec(300)], [dec(800), dec(400), dec(200)])!;
    const cv = Math.sqrt(Number((q.num * 10n ** 24n) / q.den) / 1e24);
    expect(cv.toFixed(6)).toBe('0.164485');
  });

  test('mean 0 → null', () => {
    expect(exactCvSquared([dec(0), dec(0)], [dec(10), dec(20)])).toBeNull();
  });

  test('decimal amounts and non-integer students scale to integers without changing CV', () => {
    const a = exactCvSquared([dec(0.3), dec(0.1)], [dec(0.5), dec(0.5)])!;
    expect(a.num * 4n).toBe(a.den);
  });

  test('property: exact CV² agrees with the float CV', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.integer({ min: 0, max: 1e6 }), p: fc.integer({ min: 1, max: 5000 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        (s) => {
          const q = exactCvSquared(
            s.map((x) => dec(x.r)),
            s.map((x) => dec(x.p)),
          );
          const R = s.reduce((a, x) => a + x.r, 0);
          const P = s.reduce((a, x) => a + x.p, 0);
          if (R === 0) return expect(q).toBeNull();
          const mean = R / P;
          const variance = s.reduce((a, x) => a + x.p * (x.r / x.p - mean) ** 2, 0) / P;
          const cv2 = variance / (mean * mean);
          const exact = Number((q!.num * 10n ** 30n) / q!.den) / 1e30;
          expect(Math.abs(exact - cv2)).toBeLessThan(1e-9 * Math.max(1, cv2));
        },
      ),
    );
  });
});

describe('bounds under the rounding mode', () => {
  test('"≤ t after rounding to N decimals" is "< floor_N(t) + ½·10⁻ᴺ"', () => {
    expect(atMostBound(dec(0.5), 3)).toEqual({ value: dec('0.5005'), strict: true });
    expect(atMostBound(dec(0.5), null)).toEqual({ value: dec(0.5), strict: false });
  });

  test('"≥ s after rounding to N decimals" is "≥ ceil_N(s) − ½·10⁻ᴺ"', () => {
    expect(atLeastBound(dec(6.375), 2)).toEqual({ value: dec('6.375'), strict: false });
    expect(atLeastBound(dec(7.5), 0)).toEqual({ value: dec('7.5'), strict: false });
    expect(atLeastBound(dec(7.5), 1)).toEqual({ value: dec('7.45'), strict: false });
  });
});

describe('composite = mean of square roots, decided exactly', () => {
  const q = (num: bigint, den: bigint) => ({ num, den });

  test('rational roots: (1/4, 9/100) → mean(0.5, 0.3) = 0.4 ≤ 0.4 passes, < 0.4 (strict) fails', () => {
    expect(meanOfRootsAtMost([q(1n, 4n), q(9n, 100n)], { value: dec(0.4), strict: false })).toBe(true);
    expect(meanOfRootsAtMost([q(1n, 4n), q(9n, 100n)], { value: dec(0.4), strict: true })).toBe(false);
  });

  test('irrational roots within 1e-30 of the bound are separated by more digits', () => {
    // √2/2 = 0.70710678118654752440084436210484903928…; mean of (√(1/2), √(1/2)) vs a bound 1e-35 below and above.
    const half = [q(1n, 2n), q(1n, 2n)];
    expect(
      meanOfRootsAtMost(half, { value: dec('0.70710678118654752440084436210484903927'), strict: false }),
    ).toBe(false);
    expect(
      meanOfRootsAtMost(half, { value: dec('0.70710678118654752440084436210484903929'), strict: false }),
    ).toBe(true);
  });

  test('compositeAtMost only consults the exact squares near the bound', () => {
    const never = () => {
      throw new Error('exact path used');
    };
    expect(compositeAtMost([0.3, 0.5], 0.65, null, never)).toBe(true);
    expect(compositeAtMost([0.8, 0.9], 0.65, null, never)).toBe(false);
    expect(compositeAtMost([0.5, 0.8000000000000002], 0.65, null, () => [q(1n, 4n), q(16n, 25n)])).toBe(true);
  });

  test('isqrt', () => {
    expect(isqrt(0n)).toBe(0n);
    expect(isqrt(15n)).toBe(3n);
    expect(isqrt(16n)).toBe(4n);
    const big = 12345678901234567890123456789n;
    expect(isqrt(big * big)).toBe(big);
    expect(isqrt(big * big - 1n)).toBe(big - 1n);
  });
});

describe('gapFor: "how much of the raw resource must be added … ceil for countable things"', () => {
  test('per-100 teachers: 0.9 per 100 for 1000 students needs 9; having 8 → 1', () => {
    expect(gapFor(INDICATORS.peArtTeachersPer100, 0.9, 1000, 8, 0.8)).toBe(1);
    expect(gapFor(INDICATORS.peArtTeachersPer100, 0.9, 1001, 8, 0.8)).toBe(2);
  });

  test('float noise at a rounding step is decided exactly: 4.5 m² × 1 student − 4.3 m² needs 0.2, not 0.21', () => {
    // In binary, 4.5 − 4.3 = 0.20000000000000018, so a plain ceil to 0.01 would ask for 0.21 m².
    expect(Math.ceil((4.5 * 1 - 4.3) * 100) / 100).toBe(0.21);
    expect(gapFor(INDICATORS.teachingAreaPerStudent, 4.5, 1, 4.3, 4.3)).toBe(0.2);
    expect(gapFor(INDICATORS.teachingAreaPerStudent, 4.5, 2, 7.8, 3.9)).toBe(1.2);
  });

  test('m² and 元 are rounded up to 0.01; 0 when met', () => {
    expect(gapFor(INDICATORS.sportsAreaPerStudent, 7.5, 1000, 6300, 6.3)).toBe(1200);
    expect(gapFor(INDICATORS.sportsAreaPerStudent, 7.5, 3, 22.491, 7.497)).toBe(0.01);
    expect(gapFor(INDICATORS.equipmentValuePerStudent, 2000, 1000, 2000000, 2000)).toBe(0);
  });

  test('as decimal.js says on whole and decimal resources, standards seen many times and at every rounding step', () => {
    const rnd = mulberry32(4242);
    const metas = [
      INDICATORS.teachingAreaPerStudent,
      INDICATORS.sportsAreaPerStudent,
      INDICATORS.peArtTeachersPer100,
      INDICATORS.equipmentValuePerStudent,
    ];
    const standards = [4.5, 7.5, 0.9, 2000, 3.825, 6.375, 0.765, 1700];
    for (let t = 0; t < 20000; t++) {
      const meta = metas[t % metas.length];
      const standard = standards[Math.floor(rnd() * standards.length)];
      const students = 1 + Math.floor(rnd() * 3000);
      const target = new Decimal(standard).times(students).div(meta.per);
      // Often exactly at the standard or one step (0.01 or 1) off it, else anywhere below; whole or with decimals.
      const pick = rnd();
      const resource =
        pick < 0.3
          ? target.minus(Math.floor(rnd() * 3) * (meta.countable ? 1 : 0.01)).toNumber()
          : pick < 0.6
            ? Math.floor(rnd() * target.toNumber())
            : Math.round(rnd() * target.toNumber() * 100) / 100;
      const exact = target.minus(resource);
      const want = exact.lte(0)
        ? 0
        : exact.toDecimalPlaces(meta.countable ? 0 : 2, Decimal.ROUND_CEIL).toNumber();
      const got = gapFor(meta, standard, students, resource, resource / students);
      if (got !== want)
        throw new Error(`${meta.id} ${standard} × ${students} − ${resource}: ${got} ≠ ${want}`);
    }
  });

  test('from a given ratio: (standard − value)·P/per', () => {
    expect(gapFor(INDICATORS.sportsAreaPerStudent, 7.5, 400, null, 6.375)).toBe(450);
  });
});

describe('decimalParts: a number as the digits and decimals of its shortest text', () => {
  /** The definition: the shortest text's digits as an integer and its decimals, when at most 15 digits, else null. */
  function byText(x: number): { int: number; exp: number } | null {
    if (Number.isInteger(x)) return Number.isSafeInteger(x) ? { int: x, exp: 0 } : null;
    const text = String(x);
    if (text.indexOf('e') >= 0) return null;
    const exp = text.length - text.indexOf('.') - 1;
    const int = Math.round(x * 10 ** exp);
    return Number.isSafeInteger(int) && Math.abs(int) < 1e15 ? { int, exp } : null;
  }

  /** The next double above x (x finite, positive). */
  function nextUp(x: number): number {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x);
    view.setBigUint64(0, view.getBigUint64(0) + 1n);
    return view.getFloat64(0);
  }

  test('the usual cells: 1234.5 → 12345·10⁻¹, 0.25 → 25·10⁻², 6.375, 2000, 0.000001, a 15-digit decimal', () => {
    expect(decimalParts(1234.5)).toEqual({ int: 12345, exp: 1 });
    expect(decimalParts(0.25)).toEqual({ int: 25, exp: 2 });
    expect(decimalParts(-6.375)).toEqual({ int: -6375, exp: 3 });
    expect(decimalParts(2000)).toEqual({ int: 2000, exp: 0 });
    expect(decimalParts(0.000001)).toEqual({ int: 1, exp: 6 });
    expect(decimalParts(123456789.123456)).toEqual({ int: 123456789123456, exp: 6 });
    expect(decimalParts(0.1 + 0.2)).toBeNull();
    expect(decimalParts(1e-7)).toBeNull();
  });

  test('property: the same as the shortest text for decimals of up to 8 places, their neighbours and any double', () => {
    const decimals = fc
      .tuple(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 8 }))
      .map(([k, e]) => k / 10 ** e);
    const small = fc
      .tuple(fc.integer({ min: -(10 ** 7), max: 10 ** 7 }), fc.integer({ min: 0, max: 7 }))
      .map(([k, e]) => k / 10 ** e);
    const neighbours = fc.oneof(decimals, small).map((x) => (x > 0 ? nextUp(x) : x));
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(decimals, small, neighbours, any), (x) => {
        expect(decimalParts(x)).toEqual(byText(x));
      }),
      { numRuns: 20000 },
    );
  });
});
