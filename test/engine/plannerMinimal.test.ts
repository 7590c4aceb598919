// 整改测算 minimality: on small counties the planner's total equals the exhaustive optimum over every grid allocation.
import fc from 'fast-check';
import { planIndicator } from '../../src/engine/planner/plan';
import type { IndicatorPlanInput, IndicatorPlanValue } from '../../src/engine/planner/types';

/** A county small enough to search: integer resources and students, a standard and a CV target as fractions. */
interface County {
  amounts: number[];
  students: number[];
  per: 1 | 100;
  /** Standard as numerator / denominator (null: CV only). */
  standard: [number, number] | null;
  /** Target CV as numerator / denominator. */
  target: [number, number];
  step: number;
}

function planOf(c: County): IndicatorPlanValue {
  const input: IndicatorPlanInput = {
    amounts: c.amounts,
    students: c.students,
    per: c.per,
    standard: c.standard === null ? null : c.standard[0] / c.standard[1],
    targetCv: c.target[0] / c.target[1],
    countable: true,
    step: c.step,
  };
  const result = planIndicator(input);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** The oracle, independent of the engine: every rule decided in BigInt integers. */
class Oracle {
  private readonly p: bigint[];
  private readonly sumP: bigint;
  private readonly lcm: bigint;
  constructor(private readonly c: County) {
    this.p = c.students.map(BigInt);
    this.sumP = this.p.reduce((s, x) => s + x, 0n);
    this.lcm = this.p.reduce((l, x) => (l * x) / gcd(l, x), 1n);
  }

  /** Fewest steps for school i to reach the standard: per·(R + j·h)·sd ≥ sn·P. */
  forced(i: number): number {
    if (this.c.standard === null) return 0;
    const [sn, sd] = this.c.standard.map(BigInt);
    let j = 0;
    while (BigInt(this.c.per) * BigInt(this.c.amounts[i] + j * this.c.step) * sd < sn * this.p[i]) j++;
    return j;
  }

  /** CV² ≤ t²  ⇔  td²·P·Σ Aᵢ²·(L/Pᵢ) ≤ (td² + tn²)·A²·L, with A = ΣAᵢ > 0 (spec §3, population form). */
  cvWithin(a: readonly number[]): boolean {
    const amounts = a.map((x, i) => BigInt(this.c.amounts[i] + x * this.c.step));
    const total = amounts.reduce((s, x) => s + x, 0n);
    if (total === 0n) return false;
    let squares = 0n;
    amounts.forEach((x, i) => (squares += x * x * (this.lcm / this.p[i])));
    const [tn, td] = this.c.target.map(BigInt);
    return td * td * this.sumP * squares <= (td * td + tn * tn) * total * total * this.lcm;
  }

  /** Forced steps of every school. */
  forcedAll(): number[] {
    return this.c.amounts.map((_, i) => this.forced(i));
  }

  /**
   * Literal enumeration: a feasible allocation with at most `budget` steps beyond the forced ones, or null.
   * Exponential; for tiny budgets only (it checks the dynamic programme below).
   */
  enumerateBelow(budget: number): number[] | null {
    const n = this.c.amounts.length;
    const g = this.forcedAll();
    const a = [...g];
    const visit = (i: number, left: number): boolean => {
      if (i === n) return this.cvWithin(a);
      for (let extra = 0; extra <= left; extra++) {
        a[i] = g[i] + extra;
        if (visit(i + 1, left - extra)) return true;
      }
      a[i] = g[i];
      return false;
    };
    return visit(0, budget) ? a : null;
  }

  /**
   * Exhaustive search organised as a dynamic programme: for every total of extra steps e, the least Σ Aᵢ²·(L/Pᵢ)
   * over ALL allocations of e steps (the CV at a fixed total only grows with that sum). Returns the smallest e ≤ max
   * at which some allocation reaches the target, or null.
   */
  minimalExtra(max: number): number | null {
    const n = this.c.amounts.length;
    const g = this.forcedAll();
    const [tn, td] = this.c.target.map(BigInt);
    const base = this.c.amounts.map((r, i) => BigInt(r + g[i] * this.c.step));
    const h = BigInt(this.c.step);
    const cost = (i: number, x: number): bigint => {
      const a = base[i] + BigInt(x) * h;
      return a * a * (this.lcm / this.p[i]);
    };
    // best[e] = least Σ over the schools so far with e extra steps among them.
    let best: bigint[] = Array.from({ length: max + 1 }, (_, e) => cost(0, e));
    for (let i = 1; i < n; i++) {
      const next: bigint[] = new Array(max + 1);
      for (let e = 0; e <= max; e++) {
        let m = -1n;
        for (let x = 0; x <= e; x++) {
          const v = best[e - x] + cost(i, x);
          if (m < 0n || v < m) m = v;
        }
        next[e] = m;
      }
      best = next;
    }
    const start = base.reduce((s, x) => s + x, 0n);
    for (let e = 0; e <= max; e++) {
      const total = start + BigInt(e) * h;
      if (total > 0n && td * td * this.sumP * best[e] <= (td * td + tn * tn) * total * total * this.lcm)
        return e;
    }
    return null;
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Asserts the planner's plan is feasible for the oracle and no allocation with fewer steps is. */
function expectExhaustiveOptimum(c: County): IndicatorPlanValue {
  const plan = planOf(c);
  const oracle = new Oracle(c);
  const steps = plan.additions.map((x) => Math.round(x / c.step));
  steps.forEach((s, i) => expect(s * c.step).toBe(plan.additions[i]));
  const forcedSteps = c.amounts.reduce((s, _, i) => s + oracle.forced(i), 0);
  expect(plan.feasible).toBe(true);
  // Feasible: every school at its standard, CV within the target — decided by the oracle.
  steps.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(oracle.forced(i)));
  expect(oracle.cvWithin(steps)).toBe(true);
  // Minimal: over all allocations, the fewest extra steps that reach the target are the planner's.
  const extra = steps.reduce((s, x) => s + x, 0) - forcedSteps;
  expect(oracle.minimalExtra(extra)).toBe(extra);
  return plan;
}

describe('整改测算 is minimal: "the exhaustive optimum total equals the planner total" (small counties, integer grids)', () => {
  test('TV-1 books (5 schools) to CV ≤ 0.30: 295 books, to the two lowest schools, and no 294-book plan exists', () => {
    const plan = expectExhaustiveOptimum({
      amounts: [279, 137, 935, 160, 402],
      students: [45, 37, 89, 76, 55],
      per: 1,
      standard: null,
      target: [3, 10],
      step: 1,
    });
    expect(plan.total).toBe(295);
    expect(plan.additions).toEqual([0, 57, 0, 238, 0]);
  });

  test('TV-6 multimedia rooms (3 初中 schools) to the 2.4 standard and CV ≤ 0.05: forced rooms, then water', () => {
    const plan = expectExhaustiveOptimum({
      amounts: [20, 8, 3],
      students: [800, 400, 200],
      per: 100,
      standard: [24, 10],
      target: [5, 100],
      step: 1,
    });
    expect(plan.forced).toEqual([0, 2, 2]);
    expect(plan.total).toBe(4);
  });

  test('rounding the continuous plan up school by school overshoots: it adds 24 books where 22 suffice', () => {
    const county: County = {
      amounts: [4, 6, 14, 17],
      students: [24, 13, 11, 40],
      per: 1,
      standard: null,
      target: [3, 10],
      step: 1,
    };
    const grid = expectExhaustiveOptimum(county);
    const ceil = roundedUpContinuous(county);
    expect(new Oracle(county).cvWithin(ceil)).toBe(true);
    expect(ceil.reduce((s, x) => s + x, 0)).toBe(24);
    expect(grid.total).toBe(22);
  });

  test('a coarse grid where rounding the continuous plan up is not even feasible (1 teacher = 11 per 100)', () => {
    // Per 100 with tiny schools one teacher moves a value by 100/P and can overshoot the mean.
    const county: County = {
      amounts: [1, 0, 2, 0],
      students: [30, 17, 45, 9],
      per: 100,
      standard: null,
      target: [2, 10],
      step: 1,
    };
    const grid = expectExhaustiveOptimum(county);
    expect(new Oracle(county).cvWithin(roundedUpContinuous(county))).toBe(false);
    expect(grid.total).toBe(4);
  });

  test('random counties of 3–6 schools, teachers per 100 and books per student, with and without standards', () => {
    const county = fc
      .record({
        n: fc.integer({ min: 3, max: 6 }),
        per: fc.constantFrom<1 | 100>(1, 100),
        seed: fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 30 })), {
          minLength: 6,
          maxLength: 6,
        }),
        standard: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        target: fc.constantFrom<[number, number]>([1, 10], [1, 4], [3, 10], [9, 20], [1, 2], [13, 20]),
      })
      .map(({ n, per, seed, standard, target }): County => ({
        amounts: seed.slice(0, n).map(([, r]) => (per === 100 ? Math.floor(r / 6) : r)),
        students: seed.slice(0, n).map(([p]) => p),
        per,
        standard: standard === null ? null : per === 100 ? [standard * 2, 1] : [standard, 10],
        target,
        step: 1,
      }));
    let searched = 0;
    fc.assert(
      fc.property(county, (c) => {
        const plan = planOf(c);
        const extraSteps = plan.total - plan.forcedTotal;
        // The search is quadratic in the extra steps: keep to counties it finishes quickly.
        fc.pre(extraSteps <= 150);
        expectExhaustiveOptimum(c);
        searched++;
      }),
      { numRuns: 120, seed: 7 },
    );
    expect(searched).toBeGreaterThan(60);
  });

  test('the dynamic programme agrees with literal enumeration of every allocation (tiny counties)', () => {
    const tiny = fc.record({
      seed: fc.array(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 12 })), {
        minLength: 3,
        maxLength: 3,
      }),
      target: fc.constantFrom<[number, number]>([1, 10], [1, 4], [2, 5]),
    });
    let compared = 0;
    fc.assert(
      fc.property(tiny, ({ seed, target }) => {
        const oracle = new Oracle({
          amounts: seed.map(([, r]) => r),
          students: seed.map(([p]) => p),
          per: 1,
          standard: null,
          target,
          step: 1,
        });
        const viaDp = oracle.minimalExtra(25);
        fc.pre(viaDp !== null);
        const e = viaDp as number;
        expect(oracle.enumerateBelow(e)).not.toBeNull();
        if (e > 0) expect(oracle.enumerateBelow(e - 1)).toBeNull();
        compared++;
      }),
      { numRuns: 60, seed: 11 },
    );
    expect(compared).toBeGreaterThan(30);
  });

  test('a step of 2 (pairs of rooms) is searched on its own grid', () => {
    expectExhaustiveOptimum({
      amounts: [3, 10, 1, 6],
      students: [20, 35, 12, 40],
      per: 100,
      standard: [10, 1],
      target: [15, 100],
      step: 2,
    });
  });
});

/** The continuous optimum with every addition rounded up to a whole step (the naive integer plan). */
function roundedUpContinuous(c: County): number[] {
  const continuous = planIndicator({ ...planInput(c), countable: false, step: 0 });
  if (!continuous.ok) throw new Error(continuous.reason);
  return continuous.additions.map((x) => Math.ceil(x / c.step - 1e-9));
}

function planInput(c: County): IndicatorPlanInput {
  return {
    amounts: c.amounts,
    students: c.students,
    per: c.per,
    standard: c.standard === null ? null : c.standard[0] / c.standard[1],
    targetCv: c.target[0] / c.target[1],
    countable: true,
    step: c.step,
  };
}
