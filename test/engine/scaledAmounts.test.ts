// The stage's exact amounts in BigInt give the very values of the Decimal way (kept as exactAmounts), and so the same
// CV² and county mean: doubles with many places, exponents, huge and tiny values, given ratios and several counts.
import { Decimal } from 'decimal.js';
import {
  exactCvSquared,
  exactCvSquaredScaled,
  integerCvSquared,
  scaledNumber,
} from '../../src/engine/exact/arithmetic';
import { INDICATORS } from '../../src/engine/model/indicators';
import type { IndicatorId, SchoolPart } from '../../src/engine/model/types';
import {
  exactAmounts,
  integerAmounts,
  scaledAmounts,
  type StageInput,
} from '../../src/engine/rules/stageCvs';
import { RATIO, RAW, type ValueColumn } from '../../src/engine/rules/valueColumns';
import { mulberry32 as rng } from '../support/random';

/** A Decimal's value as the integer and places toFixed shows (the reference for a scaled value). */
function reference(d: Decimal): string {
  const text = d.toFixed();
  const dot = text.indexOf('.');
  return dot < 0
    ? `${BigInt(text)}/0`
    : `${BigInt(text.slice(0, dot) + text.slice(dot + 1))}/${text.length - dot - 1}`;
}
const show = (v: { int: bigint; scale: number }) => `${v.int}/${v.scale}`;

const EDGES = [
  0,
  -0,
  1,
  0.1,
  0.30000000000000004,
  1.005,
  1e21,
  1.5e21,
  1e-7,
  1.23e-7,
  5e-324,
  123456.789,
  -2.5,
  2 ** 53 + 2,
  2 ** 60,
  1.7976931348623157e308,
  1e300,
  0.000001,
];

describe('scaled doubles', () => {
  test('a double scaled is what new Decimal(x).toFixed() shows, in its fewest places', () => {
    const rnd = rng(2);
    const view = new DataView(new ArrayBuffer(8));
    const xs = [...EDGES];
    for (let i = 0; i < 5000; i++) {
      view.setUint32(0, Math.floor(rnd() * 2 ** 32));
      view.setUint32(4, Math.floor(rnd() * 2 ** 32));
      xs.push(view.getFloat64(0), Math.round(rnd() * 1e7) / 10 ** Math.floor(rnd() * 8));
    }
    const wrong = xs.filter(
      (x) => Number.isFinite(x) && show(scaledNumber(x)!) !== reference(new Decimal(x)),
    );
    expect(wrong).toEqual([]);
    expect(scaledNumber(NaN)).toBeNull();
    expect(scaledNumber(Infinity)).toBeNull();
  });
});

function column(id: IndicatorId, parts: SchoolPart[], source: number[], value: number[]): ValueColumn {
  return {
    id,
    meta: INDICATORS[id],
    resource: new Float64Array(parts.length),
    value: Float64Array.from(value),
    source: Uint8Array.from(source),
    available: true,
    missing: [],
  };
}

describe('scaledAmounts', () => {
  test('gives exactAmounts’ values, CV² and sums, or declines (huge inputs)', () => {
    const rnd = rng(8);
    const ids: IndicatorId[] = ['teachingAreaPerStudent', 'keyTeachersPer100', 'peArtTeachersPer100'];
    let declined = 0;
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(rnd() * 30);
      const id = ids[t % ids.length];
      const parts: SchoolPart[] = [];
      const students: number[] = [];
      const source: number[] = [];
      const value: number[] = [];
      for (let i = 0; i < n; i++) {
        const big = rnd() < 0.02;
        const count = () =>
          big
            ? 1e40 * rnd()
            : rnd() < 0.1
              ? 1.5e-7 * rnd()
              : Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 5);
        parts.push({
          counts: {
            teachingArea: count(),
            keyTeachers: Math.floor(rnd() * 50),
            peTeachers: count(),
            musicTeachers: count(),
            artTeachers: Math.floor(rnd() * 5),
          },
        } as unknown as SchoolPart);
        students.push(rnd() < 0.1 ? 0.5 + Math.floor(rnd() * 100) : 1 + Math.floor(rnd() * 3000));
        const ratio = rnd() < 0.2;
        source.push(ratio ? RATIO : RAW);
        value.push(ratio ? rnd() * 10 : NaN);
      }
      const input = {
        parts,
        students: Float64Array.from(students),
        stageOf: new Uint8Array(n),
        columns: [],
        profile: {},
      } as unknown as StageInput;
      const col = column(id, parts, source, value);
      const indices = Int32Array.from({ length: n }, (_, i) => i);
      const want = exactAmounts(input, col, indices);
      const got = scaledAmounts(input, col, indices);
      if (got === null) {
        declined++;
        continue;
      }
      expect(got.amounts.map(show)).toEqual(want.amounts.map(reference));
      expect(got.students.map(show)).toEqual(want.students.map(reference));
      expect(exactCvSquaredScaled(got.amounts, got.students)).toEqual(
        exactCvSquared(want.amounts, want.students),
      );
    }
    // The huge counts (1e40) are left to Decimal.
    expect(declined).toBeGreaterThan(0);
  });
});

describe('integerAmounts and integerCvSquared (whole counts in doubles)', () => {
  /** A county of whole counts; `size` scales the counts so that squares and their sums pass 2⁵³ (the BigInt steps). */
  function county(seed: number, size: number, fractions: boolean) {
    const rnd = rng(seed);
    const n = 1 + Math.floor(rnd() * 60);
    const parts: SchoolPart[] = [];
    const students: number[] = [];
    const source: number[] = [];
    const value: number[] = [];
    for (let i = 0; i < n; i++) {
      const whole = () => Math.floor(rnd() * size);
      // Up to three places (12.5, 0.05, 1234.567), sometimes whole.
      const decimal = () => Math.round(rnd() * size) / 10 ** Math.floor(rnd() * 4);
      parts.push({
        counts: {
          teachingArea: fractions ? decimal() : whole(),
          keyTeachers: whole(),
          peTeachers: fractions && rnd() < 0.5 ? decimal() : whole(),
          musicTeachers: whole(),
          artTeachers: whole(),
        },
      } as unknown as SchoolPart);
      // Few distinct student counts, so that schools share a group of squares.
      students.push(1 + Math.floor(rnd() * 4) * 7 + (rnd() < 0.3 ? Math.floor(rnd() * 3000) : 0));
      const ratio = rnd() < 0.15;
      source.push(ratio ? RATIO : RAW);
      value.push(ratio ? (fractions ? Math.round(rnd() * 2000) / 100 : Math.floor(rnd() * 20)) : NaN);
    }
    const input = {
      parts,
      students: Float64Array.from(students),
      stageOf: new Uint8Array(n),
      columns: [],
      profile: {},
    } as unknown as StageInput;
    return { input, source, value, parts, n };
  }

  test('the same amounts, students, CV² and sums as the BigInt way, small and huge counts alike', () => {
    const ids: IndicatorId[] = ['teachingAreaPerStudent', 'keyTeachersPer100', 'peArtTeachersPer100'];
    let bigSquares = 0;
    let withPlaces = 0;
    let declined = 0;
    for (let t = 0; t < 600; t++) {
      // 1e4 keeps squares small; 2e8 and 3e9 make single squares and groups' sums pass 2⁵³.
      const size = [1e4, 2e8, 3e9][t % 3];
      const fractions = t % 2 === 1;
      const { input, source, value, parts, n } = county(1000 + t, size, fractions);
      const col = column(ids[t % ids.length], parts, source, value);
      const indices = Int32Array.from({ length: n }, (_, i) => i);
      const want = scaledAmounts(input, col, indices)!;
      const got = integerAmounts(input, col, indices);
      if (!fractions) expect(got).not.toBeNull();
      if (got === null) {
        declined++;
        continue;
      }
      // The BigInt way's amounts on their common scale (what the CV² is computed from).
      const places = Math.max(...want.amounts.map((a) => a.scale));
      expect(got.places).toBe(places);
      if (places > 0) withPlaces++;
      expect(Array.from(got.amounts, (a) => BigInt(a))).toEqual(
        want.amounts.map((a) => a.int * 10n ** BigInt(places - a.scale)),
      );
      expect(Array.from(got.students, (p) => `${BigInt(p)}/0`)).toEqual(want.students.map(show));
      const counted = integerCvSquared(got.amounts, got.students);
      if (counted === null) continue; // sums past 2⁵³: the BigInt way decides
      expect(counted.square).toEqual(exactCvSquaredScaled(want.amounts, want.students));
      expect(BigInt(counted.sumA)).toBe(
        want.amounts.reduce((s, a) => s + a.int * 10n ** BigInt(places - a.scale), 0n),
      );
      expect(BigInt(counted.sumP)).toBe(want.students.reduce((s, p) => s + p.int, 0n));
      if (got.amounts.some((a) => a > 94906265)) bigSquares++;
    }
    expect(bigSquares).toBeGreaterThan(50);
    expect(withPlaces).toBeGreaterThan(100);
    expect(declined).toBeLessThan(50);
  });

  test('declines what is no safe integer on a safe scale: an exponent, 17 digits, a huge count, a negative, no students', () => {
    const { input, source, value, parts, n } = county(11, 100, false);
    expect(n).toBeGreaterThan(1);
    const col = column('teachingAreaPerStudent', parts, source.fill(RAW), value);
    const indices = Int32Array.from({ length: n }, (_, i) => i);
    expect(integerAmounts(input, col, indices)).not.toBeNull();
    (parts[0].counts as Record<string, number>).teachingArea = 0.5;
    expect(integerAmounts(input, col, indices)?.places).toBe(1);
    (parts[0].counts as Record<string, number>).teachingArea = 1.5e-7;
    expect(integerAmounts(input, col, indices)).toBeNull();
    (parts[0].counts as Record<string, number>).teachingArea = 0.1 + 0.2;
    expect(integerAmounts(input, col, indices)).toBeNull();
    // Whole, but 2⁵² on the common scale of another school's 0.5 is past 2⁵³.
    (parts[0].counts as Record<string, number>).teachingArea = 0.5;
    (parts[1].counts as Record<string, number>).teachingArea = 2 ** 52;
    expect(integerAmounts(input, col, indices)).toBeNull();
    (parts[1].counts as Record<string, number>).teachingArea = 2 ** 49;
    expect(integerAmounts(input, col, indices)?.places).toBe(1);
    (parts[0].counts as Record<string, number>).teachingArea = 2 ** 53;
    expect(integerAmounts(input, col, indices)).toBeNull();
    expect(integerCvSquared([1, -2], [1, 1])).toBeNull();
    expect(integerCvSquared([1, 2], [1, 0])).toBeNull();
    expect(integerCvSquared([2 ** 52, 2 ** 52], [1, 1])).toBeNull();
    expect(integerCvSquared([0, 0], [3, 4])).toEqual({ square: null, sumA: 0, sumP: 7 });
  });
});
