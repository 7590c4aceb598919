// formatNumber's fast path (one conversion of scaled / 10^d) gives the text of the digit-by-digit way, kept here as
// the reference, for every value and 0 to 6 decimals; other decimals and huge values take the reference way itself.
import fc from 'fast-check';
import { formatIndicatorReason, formatNumber } from '../../src/engine/model/format';
import type { IndicatorVerdict } from '../../src/engine/model/types';

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += (out ? ',' : '') + digits.slice(i, i + 3);
  return out;
}

function reference(value: number, maxDecimals: number = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const scale = 10 ** maxDecimals;
  const scaled = Math.round(abs * scale);
  if (!(scaled < Number.MAX_SAFE_INTEGER)) return (value < 0 ? '-' : '') + abs.toFixed(0);
  const int = Math.floor(scaled / scale);
  let frac = scaled - int * scale;
  let digits = maxDecimals;
  while (digits > 0 && frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const intText = String(int);
  const fracText = digits > 0 ? '.' + String(frac).padStart(digits, '0') : '';
  const sign = value < 0 && scaled > 0 ? '-' : '';
  return sign + (intText.length > 3 ? groupThousands(intText) : intText) + fracText;
}

describe('formatNumber', () => {
  test('edges', () => {
    const cases: [number, number][] = [
      [0, 2],
      [-0, 2],
      [-0.004, 2],
      [-0.005, 2],
      [999.995, 2],
      [1220.5, 2],
      [1234567.891, 2],
      [0.000001, 6],
      [0.0000004, 6],
      [4.2, 6],
      [2000, 6],
      [999999999.9999999, 6],
      [999999999.999999, 6],
      [1e14 + 0.5, 0],
      [1e15 - 1, 0],
      [1e15, 0],
      [123456789012.345, 3],
      [1.005, 2],
      [0.1 + 0.2, 6],
      [24485132, 2],
      [-1961.049362340585, 2],
      [5.5, 0],
      [12.5, 1],
      [1, 7],
      [1 / 3, 10],
      [2147483647, 0],
      [2147483646.5, 0],
      [214748364.75, 1],
      [2147.483647, 6],
      [21474.83648, 5],
      [0.05, 1],
      [1.000001, 6],
      [NaN, 2],
      [Infinity, 2],
    ];
    for (const [v, d] of cases) expect([v, d, formatNumber(v, d)]).toEqual([v, d, reference(v, d)]);
    expect(formatNumber(1220.5)).toBe('1,220.5');
  });

  test('any value, 0 to 6 decimals, as the reference', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, min: -1e16, max: 1e16 }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
          fc.integer({ min: 0, max: 1e12 }).map((n) => n / 1000 + 0.0005),
          // Around 2³¹ scaled: where the small-integer way hands over to the double's text.
          fc
            .tuple(fc.integer({ min: 2 ** 31 - 3000, max: 2 ** 31 + 3000 }), fc.integer({ min: 0, max: 6 }))
            .map(([n, d]) => n / 10 ** d),
        ),
        fc.integer({ min: 0, max: 6 }),
        (v, d) => {
          expect(formatNumber(v, d)).toBe(reference(v, d));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('reason lines remember the standard and floor texts they repeat', () => {
  const verdict = (standard: number, value: number, floorShare: number): IndicatorVerdict => ({
    indicator: 'sportsAreaPerStudent',
    value,
    standard,
    ratio: value / standard,
    pass: false,
    gap: 100,
    floorGap: 10,
    withinAllowance: false,
    floorShare,
    resourceField: 'sportsArea',
    resourceFields: ['sportsArea'],
  });

  test('the same line for a standard or share seen before, and after more than 500 others', () => {
    const first = formatIndicatorReason(verdict(7.5, 6.3, 0.85));
    expect(first).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 10㎡ 达到底线，增加 100㎡ 达到标准',
    );
    for (let i = 1; i <= 600; i++) {
      const standard = 7 + i / 1000;
      const share = 0.5 + i / 10000;
      const line = formatIndicatorReason(verdict(standard, 1, share));
      expect(line).toContain(`< 标准 ${formatNumber(standard, 6)}㎡`);
      expect(line).toContain(`低于 ${formatNumber(share * 100, 1)}% 底线`);
    }
    expect(formatIndicatorReason(verdict(7.5, 6.3, 0.85))).toBe(first);
  });

  test('one amount alone when the other is nothing', () => {
    const v = { ...verdict(7.5, 6.3, 0.85), floorGap: 0 };
    expect(formatIndicatorReason(v)).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 100㎡ 达到标准',
    );
    expect(formatIndicatorReason({ ...v, gap: 0 })).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：',
    );
  });
});
