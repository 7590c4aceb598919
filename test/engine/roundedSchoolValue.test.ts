// The form's per-school values: the double decides away from a half-way point, the exact value near one; the two
// always agree with rounding the exact Decimal (the reference), on ties, huge values and many decimals alike.
import { Decimal } from 'decimal.js';
import { exactSchoolValue, roundedSchoolValue } from '../../src/engine';
import type { IndicatorId, SchoolPart } from '../../src/engine/model/types';

type Counts = Record<string, number | undefined>;
const part = (counts: Counts) => ({ counts }) as unknown as SchoolPart;
const verdict = (indicator: IndicatorId, value: number | null, fromRatio = false) => ({
  indicator,
  value,
  fromRatio,
});

function reference(p: SchoolPart, v: ReturnType<typeof verdict>, decimals: number): number | null {
  const exact = exactSchoolValue(p, v);
  return exact === null ? null : exact.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toNumber();
}

/** The float value as the engine would hold it (per·R/P in doubles). */
const floatValue = (r: number, p: number, per: number) => (r * per) / p;

describe('roundedSchoolValue', () => {
  test('exact ties round up although their doubles fall just below', () => {
    // 201/200 = 1.005 exactly; the double is 1.00499999999999989 (a float rounding says 1.00).
    const p = part({ students: 200, teachingArea: 201 });
    const v = verdict('teachingAreaPerStudent', floatValue(201, 200, 1));
    expect(roundedSchoolValue(p, v, 2)).toBe(1.01);
    // 8 students, 9 ㎡: 1.125 → 1.13; per 100: 1 of 8 students is 12.5 → 12.5 at 2 places, 12.5 → 13 at 0.
    expect(
      roundedSchoolValue(part({ students: 8, teachingArea: 9 }), verdict('teachingAreaPerStudent', 1.125), 2),
    ).toBe(1.13);
    const keyP = part({ students: 8, keyTeachers: 1 });
    expect(roundedSchoolValue(keyP, verdict('keyTeachersPer100', 12.5), 0)).toBe(13);
    // A ratio typed as 2.675 (its double is 2.67499999999999982) is 2.68.
    expect(
      roundedSchoolValue(part({ students: 100 }), verdict('teachingAreaPerStudent', 2.675, true), 2),
    ).toBe(2.68);
    expect(roundedSchoolValue(part({}), verdict('teachingAreaPerStudent', 1.005), 2)).toBe(1.01);
  });

  test('no value, negative counts, huge values and many decimals give the reference', () => {
    const cases: [Counts, IndicatorId, number | null, boolean, number][] = [
      [{ students: 100, teachingArea: 5 }, 'teachingAreaPerStudent', null, false, 2],
      [{ students: 3, teachingArea: 1e20 }, 'teachingAreaPerStudent', 1e20 / 3, false, 2],
      [{ students: 7, teachingArea: 1e300 }, 'teachingAreaPerStudent', 1e300 / 7, false, 3],
      [{ students: 3, teachingArea: -10.5 }, 'teachingAreaPerStudent', -3.5, false, 2],
      [{ students: 1, teachingArea: -0.005 }, 'teachingAreaPerStudent', -0.005, false, 2],
      [
        { students: 3, teachingArea: 1234.56789012345 },
        'teachingAreaPerStudent',
        1234.56789012345 / 3,
        false,
        3,
      ],
      [{ students: 0, teachingArea: 12 }, 'teachingAreaPerStudent', 0.125, false, 2],
      [{ students: 2.5, teachingArea: 1.0125 }, 'teachingAreaPerStudent', 0.405, false, 2],
      [{ students: 1e-300, teachingArea: 1 }, 'teachingAreaPerStudent', Infinity, false, 2],
      [{ students: 40 }, 'teachingAreaPerStudent', 0.0049999999999999, true, 2],
    ];
    for (const [counts, id, value, fromRatio, d] of cases) {
      const p = part(counts);
      const v = verdict(id, value, fromRatio);
      expect([counts, roundedSchoolValue(p, v, d)]).toEqual([counts, reference(p, v, d)]);
    }
  });

  test('random schools, and values built to sit on a half-way point, agree with the reference', () => {
    let seed = 20_000;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const wrong: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const students = 1 + Math.floor(rnd() * 3000);
      const decimals = [0, 1, 2, 3][i % 4];
      // Areas with 0–4 decimals; teachers whole; ties: R = P·(k + ½)/10ᵈ exactly in decimal.
      const area =
        i % 3 === 0
          ? Number(
              new Decimal(students)
                .times(Math.floor(rnd() * 900) + 0.5)
                .div(10 ** decimals)
                .toFixed(8),
            )
          : Math.round(rnd() * students * 10 * 10 ** (i % 5)) / 10 ** (i % 5);
      const teachers = Math.floor(rnd() * students * 0.1);
      const checks: [Counts, IndicatorId, number][] = [
        [{ students, teachingArea: area }, 'teachingAreaPerStudent', floatValue(area, students, 1)],
        [{ students, keyTeachers: teachers }, 'keyTeachersPer100', floatValue(teachers, students, 100)],
        [
          { students, peTeachers: teachers, musicTeachers: area % 7, artTeachers: 1.1 },
          'peArtTeachersPer100',
          0,
        ],
      ];
      for (const [counts, id, value] of checks) {
        const p = part(counts);
        const v = verdict(id, value);
        const got = roundedSchoolValue(p, v, decimals);
        const want = reference(p, v, decimals);
        if (!Object.is(got, want)) wrong.push({ counts, id, decimals, got, want });
      }
    }
    expect(wrong).toEqual([]);
  });
});
