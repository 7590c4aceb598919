// 整改测算 for one indicator (planIndicator): standards first, then water-filling to the CV target, exactly.
import fc from 'fast-check';
import { coefficientFromRaw } from '../../src/engine/rules/coefficient';
import { gapFor } from '../../src/engine/rules/gap';
import { INDICATORS } from '../../src/engine/model/indicators';
import Decimal from 'decimal.js';
import { planIndicator, stepsToReach, waterLevel } from '../../src/engine/planner/plan';
import { ExactSums } from '../../src/engine/planner/exactSums';
import type { IndicatorPlanInput, IndicatorPlanValue } from '../../src/engine/planner/types';

function plan(input: IndicatorPlanInput): IndicatorPlanValue {
  const result = planIndicator(input);
  if (!result.ok) throw new Error(`expected a plan: ${result.reason}`);
  return result;
}

function cvOf(amounts: readonly number[], students: readonly number[]): number {
  const result = coefficientFromRaw(amounts, students, 1);
  if (!result.ok) throw new Error(result.reason);
  return result.cv;
}

const TV1_STUDENTS = [45, 37, 89, 76, 55];
const TV1_BOOKS = [279, 137, 935, 160, 402];

describe('"resources are only added, never moved": every addition is ≥ 0 and a whole multiple of the step', () => {
  test('random counties: additions ≥ 0, on the grid, and the values are per·(R + a)/P', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 60000 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.constantFrom(0.2, 0.35, 0.5),
        fc.boolean(),
        (schools, target, countable) => {
          const students = schools.map(([p]) => p);
          const amounts = schools.map(([, r]) => (countable ? Math.floor(r / 500) : r / 10));
          const result = plan({
            amounts,
            students,
            per: countable ? 100 : 1,
            standard: null,
            targetCv: target,
            countable,
          });
          const step = countable ? 1 : 0.01;
          result.additions.forEach((a, i) => {
            expect(a).toBeGreaterThanOrEqual(0);
            expect(Number(a.toFixed(step === 1 ? 0 : 2))).toBe(a);
            const per = countable ? 100 : 1;
            expect(result.values[i]).toBeCloseTo((per * (amounts[i] + a)) / students[i], 9);
          });
        },
      ),
      { numRuns: 80, seed: 3 },
    );
  });
});

describe('"every school meets its per-school standard" (spec §4), decided exactly', () => {
  test('TV-5 exactness: 9 PE/art teachers for 1000 students is exactly 0.9 per 100 and needs nothing', () => {
    expect((9 / 1000) * 100).toBeLessThan(0.9);
    expect(stepsToReach(9, 1000, 100, 0.9, 1)).toBe(0);
    expect(stepsToReach(8, 1000, 100, 0.9, 1)).toBe(1);
  });

  test('TV-5 exactness: 21 qualified teachers for 500 students is exactly 4.2 per 100; 20 need one more', () => {
    const result = plan({
      amounts: [21, 20],
      students: [500, 500],
      per: 100,
      standard: 4.2,
      targetCv: Infinity,
      countable: true,
    });
    expect(result.forced).toEqual([0, 1]);
    expect(result.additions).toEqual([0, 1]);
    expect(result.feasible).toBe(true);
  });

  test('the forced part equals the check’s gap (gapFor) for every school, countable and m² alike', () => {
    const metas = [
      INDICATORS.sportsAreaPerStudent,
      INDICATORS.multimediaRoomsPer100,
      INDICATORS.peArtTeachersPer100,
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...metas),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 40000 }),
        fc.constantFrom(0.9, 2.3, 2.4, 7.5, 10.2),
        (meta, students, raw, standard) => {
          const resource = meta.countable ? Math.floor(raw / 400) : raw / 4;
          const result = plan({
            amounts: [resource],
            students: [students],
            per: meta.per,
            standard,
            targetCv: Infinity,
            countable: meta.countable,
          });
          const value = (meta.per * resource) / students;
          expect(result.forced[0]).toBe(gapFor(meta, standard, students, resource, value));
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  test('stepsToReach agrees with decimal.js ceil((floor·P/per − R)/h) on decimal inputs, exact cases included', () => {
    const decimal = (n: number, places: number) =>
      fc.integer({ min: 0, max: n }).map((x) => x / 10 ** places);
    fc.assert(
      fc.property(
        decimal(500000, 1),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(1, 100),
        fc.constantFrom(0.9, 4.2, 5.3, 7.5, 10.2, 2500, 3.57, 6.375, 1.955),
        fc.constantFrom(1, 0.01, 0.5),
        fc.constantFrom('any', 'at', 'justBelow'),
        (raw, p, per, floor, h, where) => {
          // Many cases sit exactly on the floor (R = floor·P/per) or one unit in the last place below it, where
          // float64 may land on either side of a whole number of steps.
          const at = new Decimal(floor).times(p).div(per).toNumber();
          const r = where === 'any' ? raw : where === 'at' ? at : at - at * Number.EPSILON;
          const expected = Decimal.max(
            0,
            new Decimal(floor).times(p).div(per).minus(r).div(h).ceil(),
          ).toNumber();
          expect(stepsToReach(r, p, per, floor, h)).toBe(expected);
        },
      ),
      { numRuns: 2000, seed: 17 },
    );
  });

  test('a shortfall of one unit in the last place is not rounded away: 2.4999999999999996 + 5 < 7.5 needs 6', () => {
    expect(2.4999999999999996 + 5).toBe(7.5);
    expect(stepsToReach(2.4999999999999996, 1, 1, 7.5, 1)).toBe(6);
    expect(stepsToReach(2.5, 1, 1, 7.5, 1)).toBe(5);
  });

  test('a per-school list of minimums (r × standard for residual indicators) is honoured school by school', () => {
    const result = plan({
      amounts: [6000, 6000],
      students: [1000, 1000],
      per: 1,
      standard: [7.5, 6.375],
      targetCv: Infinity,
      countable: false,
    });
    expect(result.forced).toEqual([1500, 375]);
  });
});

describe('"the CV is at or below the target": water-filling raises the lowest values to a common floor', () => {
  test('TV-1 books, target 0.30: only the two lowest schools get books (137 → 194, 160 → 398)', () => {
    const result = plan({
      amounts: TV1_BOOKS,
      students: TV1_STUDENTS,
      per: 1,
      standard: null,
      targetCv: 0.3,
      countable: true,
    });
    expect(result.cvBefore?.toFixed(6)).toBe('0.515257');
    expect(result.additions).toEqual([0, 57, 0, 238, 0]);
    expect(result.total).toBe(295);
    expect(result.cv as number).toBeLessThanOrEqual(0.3);
    expect(result.cv).toBeCloseTo(cvOf([279, 194, 935, 398, 402], TV1_STUDENTS), 12);
    expect(result.note).toContain('2 所学校');
  });

  test('TV-6 teaching area, 初中, target 0.05 (CV 0.100154): the smallest school alone is lifted', () => {
    const result = plan({
      amounts: [4400, 2000, 800],
      students: [800, 400, 200],
      per: 1,
      standard: null,
      targetCv: 0.05,
      countable: false,
    });
    expect(result.cvBefore?.toFixed(6)).toBe('0.100154');
    expect(result.additions[0]).toBe(0);
    expect(result.additions[1]).toBe(0);
    expect(result.additions[2]).toBeGreaterThan(0);
    expect(result.cv as number).toBeLessThanOrEqual(0.05);
    // One grid step (0.01 m²) less would miss the target.
    const less = [4400, 2000, 800 + result.additions[2] - 0.01];
    expect(cvOf(less, [800, 400, 200])).toBeGreaterThan(0.05);
  });

  test('continuous water-filling: every lifted school ends at the floor L, the CV lands on the target', () => {
    const result = plan({
      amounts: TV1_BOOKS,
      students: TV1_STUDENTS,
      per: 1,
      standard: null,
      targetCv: 0.3,
      countable: false,
      step: 0,
    });
    const level = result.floor as number;
    expect(result.cv).toBeCloseTo(0.3, 12);
    result.values.forEach((v, i) => {
      if (result.additions[i] > 0) expect(v).toBeCloseTo(level, 10);
      else expect(v as number).toBeGreaterThanOrEqual(level);
    });
    expect(
      waterLevel(
        Float64Array.from([6.2, 3.702703, 10.505618, 2.105263, 7.309091]),
        Float64Array.from(TV1_STUDENTS),
        0.3,
      ),
    ).toBeCloseTo(level, 5);
  });

  test('the continuous optimum bounds the grid optimum from below, and a fine grid comes within n steps of it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 50, max: 2000 }), fc.integer({ min: 0, max: 20000 })), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.constantFrom(0.1, 0.25, 0.45),
        fc.option(fc.constantFrom(4.5, 5.8), { nil: null }),
        (schools, target, standard) => {
          const input: IndicatorPlanInput = {
            amounts: schools.map(([, r]) => r),
            students: schools.map(([p]) => p),
            per: 1,
            standard,
            targetCv: target,
            countable: false,
          };
          const grid = plan(input);
          const continuous = plan({ ...input, step: 0 });
          expect(grid.total).toBeGreaterThanOrEqual(continuous.total - 1e-6 * Math.max(1, continuous.total));
          expect(grid.total).toBeLessThanOrEqual(continuous.total + 0.01 * schools.length + 1e-6);
        },
      ),
      { numRuns: 60, seed: 9 },
    );
  });

  test('a stricter target never costs less (the optimum is monotone in the target)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 0, max: 40 })), {
          minLength: 2,
          maxLength: 12,
        }),
        (schools) => {
          const input = (targetCv: number): IndicatorPlanInput => ({
            amounts: schools.map(([, r]) => r),
            students: schools.map(([p]) => p),
            per: 100,
            standard: 1,
            targetCv,
            countable: true,
          });
          const totals = [0.6, 0.45, 0.3, 0.15].map((t) => plan(input(t)).total);
          for (let i = 1; i < totals.length; i++) expect(totals[i]).toBeGreaterThanOrEqual(totals[i - 1]);
        },
      ),
      { numRuns: 60, seed: 13 },
    );
  });
});

describe('"小于或等于" includes equality: a CV exactly at the target passes (spec §2, §3)', () => {
  test('[1.3, 0.7] m² for 1 student each is CV 0.3 exactly (float64 says 0.30000000000000004): nothing to add', () => {
    expect(cvOf([1.3, 0.7], [1, 1])).toBeGreaterThan(0.3);
    const result = plan({
      amounts: [1.3, 0.7],
      students: [1, 1],
      per: 1,
      standard: null,
      targetCv: 0.3,
      countable: false,
    });
    expect(result.total).toBe(0);
    expect(result.feasible).toBe(true);
    expect(result.note).toContain('无需增加');
  });

  test('a plan whose CV lands exactly on the target stops there: [0, 0, 0] books for 10/20/30 students to 0.2', () => {
    // 1, 2, 2 books: CV² = 60·(1/10 + 4/20 + 4/30)/25 − 1 = 0.04 exactly, though float64 gives 0.20000000000000004.
    const result = plan({
      amounts: [0, 0, 0],
      students: [10, 20, 30],
      per: 1,
      standard: null,
      targetCv: 0.2,
      countable: true,
    });
    expect(result.additions).toEqual([1, 2, 2]);
    expect(result.feasible).toBe(true);
  });
});

describe('exact sums near the target (plannerExact)', () => {
  test('CV exactly at the target is within it (a tie, decided over the lcm of the student counts)', () => {
    // Amounts 1, 2, 2 for 10, 20, 30 students: CV² = 0.04 exactly.
    const sums = new ExactSums([0, 0, 0], [10, 20, 30], [1, 2, 2], 1);
    expect(sums.within(0.2)).toBe(true);
    expect(sums.within(0.1999999999)).toBe(false);
  });

  test('steps added one by one give the same decisions as sums built afresh', () => {
    const r = [12.5, 3.25, 40, 7];
    const p = [120, 35, 400, 90];
    const running = new ExactSums(r, p, [0, 0, 0, 0], 0.25);
    const steps = [1, 1, 3, 1, 0, 3, 3, 1];
    const j = [0, 0, 0, 0];
    for (const k of steps) {
      running.add(k);
      j[k]++;
      const fresh = new ExactSums(r, p, j, 0.25);
      for (const t of [0.2, 0.3, 0.35, 0.4, 0.5]) expect(running.within(t)).toBe(fresh.within(t));
    }
  });
});

describe('edge cases (spec §3): no weight, mean 0, targets out of reach', () => {
  test('a school with P = 0 is left out: no addition, no value', () => {
    const result = plan({
      amounts: [10, 5, 3],
      students: [100, 0, 50],
      per: 1,
      standard: 0.2,
      targetCv: 0.5,
      countable: true,
    });
    expect(result.additions[1]).toBe(0);
    expect(result.values[1]).toBeNull();
    expect(result.forced).toEqual([10, 0, 7]);
  });

  test('all resources 0 and no standard: the continuous optimum does not exist (CV undefined, never 0)', () => {
    const result = plan({
      amounts: [0, 0],
      students: [10, 20],
      per: 1,
      standard: null,
      targetCv: 0.3,
      countable: false,
      step: 0,
    });
    expect(result.feasible).toBe(false);
    expect(result.cvBefore).toBeNull();
    expect(result.note).toContain('无定义');
  });

  test('target 0 on an integer grid can be out of reach: reported as not feasible, additions only the forced ones', () => {
    const result = plan({
      amounts: [0, 0],
      students: [100003, 100019],
      per: 1,
      standard: null,
      targetCv: 0,
      countable: true,
    });
    expect(result.feasible).toBe(false);
    expect(result.total).toBe(0);
    expect(result.note).toContain('未能');
  });

  test('already compliant: nothing to add, and the note says so', () => {
    const result = plan({
      amounts: [20, 10],
      students: [800, 400],
      per: 100,
      standard: 2.4,
      targetCv: 0.45,
      countable: true,
    });
    expect(result).toMatchObject({ total: 0, forcedTotal: 0, floor: null, feasible: true });
    expect(result.note).toContain('无需增加');
  });
});

describe('input problems come back as { ok: false } with a Chinese reason, never thrown', () => {
  const base: IndicatorPlanInput = {
    amounts: [1, 2],
    students: [10, 20],
    per: 1,
    standard: null,
    targetCv: 0.5,
    countable: true,
  };
  test.each([
    ['lengthMismatch', { students: [10] }],
    ['invalidAmount', { amounts: [1, NaN] }],
    ['invalidAmount', { amounts: [1, -2] }],
    ['invalidStudents', { students: [10, -1] }],
    ['invalidStandard', { standard: [1, -1] }],
    ['invalidTarget', { targetCv: -0.1 }],
    ['invalidStep', { step: 0.5 }],
    ['invalidStep', { step: 0 }],
    ['noStudents', { students: [0, 0] }],
    ['empty', { amounts: [], students: [] }],
  ] as [string, Partial<IndicatorPlanInput>][])('%s', (code, change) => {
    const result = planIndicator({ ...base, ...change });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
