/**
 * 基本均衡 cheapest mix: the least-cost choice of per-indicator CV targets whose mean (the 综合差异系数) reaches a
 * target, each target planned minimally by planIndicator — a multiple-choice knapsack solved exactly on a CV grid,
 * with a proven bound on the distance to the true optimum (docs/planner.md, "基本均衡: the cheapest mix").
 */
import { Dec, dec, exactCvSquared } from '../exact/arithmetic';
import { compositeAtMost } from '../rules/coefficient';
import { planIndicator } from './core';
import type { IndicatorPlanInput, IndicatorPlanValue } from './types';
import type { IndicatorId } from '../model/types';

/** Grid of the per-indicator CV targets: 0.0005, half the last printed decimal of a CV. */
export const MIX_STEP = 0.0005;

/** Grid points × schools up to which every point of every cost curve is a grid plan (beyond: closed-form bounds). */
const EXACT_WORK = 200_000;
/** Grid plans computed either side of the targets the bounds suggest. */
const WINDOW = 24;

/** One indicator of the mix: planIndicator's input without a target, and the price of its resource (元 per unit). */
export interface MixIndicatorInput extends Omit<IndicatorPlanInput, 'targetCv'> {
  indicator: IndicatorId;
  /** 元 per unit of the resource (per teacher, per m², 1 for 元). */
  price: number;
}

export interface CheapestMixInput {
  indicators: readonly MixIndicatorInput[];
  /** The composite target T: the mean of the indicators' CVs must be at most T. */
  target: number;
  /** Grid of the CV targets (default MIX_STEP). */
  step?: number;
  /**
   * Cost curves from grid plans at every point (exact, slow for many schools) or from the continuous optimum's
   * closed form with grid plans near the chosen targets. Default: exact when grid points × schools ≤ 200,000.
   */
  exactCurves?: boolean;
}

/** One indicator in the cheapest mix. */
export interface MixIndicator {
  indicator: IndicatorId;
  /** The CV target chosen for it (a grid point; at least the CV it would have anyway when nothing is added). */
  targetCv: number;
  /** The indicator's plan at that target: additions per school (input order), total, CVs before and after. */
  plan: IndicatorPlanValue;
  /** plan.total × price. */
  cost: number;
}

export type CheapestMix =
  | {
      ok: true;
      target: number;
      step: number;
      indicators: MixIndicator[];
      /** Σ cost of the chosen plan (teacher indicators priced separately: an upper bound when one hire counts twice). */
      cost: number;
      /** A proven lower bound on the cost of any plan with a composite at most the target. */
      lowerBound: number;
      /** cost − lowerBound: the chosen plan is at most this much dearer than the cheapest possible. */
      gap: number;
      /** The cost of planning every indicator to the target on its own, for comparison. */
      perIndicatorCost: number;
      /** The composite after the plan (mean of the float CVs) and whether it is ≤ target, decided exactly. */
      composite: number;
      feasible: boolean;
      /** planIndicator calls made (for measurements). */
      evaluations: number;
    }
  | { ok: false; reason: string };

/** One point of an indicator's cost curve kept for the knapsack. */
interface Option {
  g: number;
  /** Cost of the grid plan at g·δ; Infinity where the grid plan could not be found (the step cap). */
  upper: number;
  /** A lower bound on that cost (the same, or the continuous optimum's where the grid plan was not found). */
  lower: number;
}

const same = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Exact grid point g·δ as the double nearest the decimal. */
function gridTarget(g: number, step: number): number {
  return new Dec(step).times(g).toNumber();
}

/**
 * The knapsack: dp[b] = least Σ cost with Σ g ≤ b over the indicators so far; returns the final row and, when
 * `choices` is given, fills it with the option index chosen per indicator and budget. Each curve runs from its
 * highest grid point down, so its costs rise along it: the scan starts at the first point within the budget and stops
 * at the first cost that alone is no better.
 */
function knapsack(
  curves: readonly Option[][],
  budget: number,
  which: 'upper' | 'lower',
  choices: Int32Array[] | null,
): Float64Array {
  let dp = new Float64Array(budget + 1);
  let next = new Float64Array(budget + 1);
  curves.forEach((options, i) => {
    const choice = choices?.[i];
    const count = options.length;
    const gs = Int32Array.from(options, (o) => o.g);
    const cs = Float64Array.from(options, (o) => o[which]);
    // options[first…] are the points with g ≤ b: as b grows, first moves towards the top of the curve.
    let first = count;
    for (let b = 0; b <= budget; b++) {
      while (first > 0 && gs[first - 1] <= b) first--;
      let best = Infinity;
      let arg = -1;
      for (let o = first; o < count; o++) {
        const c = cs[o];
        if (c >= best) break;
        const g = gs[o];
        const v = dp[b - g] + c;
        if (v < best) {
          best = v;
          arg = o;
        }
      }
      next[b] = best;
      if (choice) choice[b] = arg;
    }
    [dp, next] = [next, dp];
  });
  return dp;
}

/** The grid points chosen by the knapsack, read back from the last indicator to the first. */
function pick(curves: readonly Option[][], choices: readonly Int32Array[], budget: number): number[] {
  const gs: number[] = new Array<number>(curves.length).fill(0);
  let b = budget;
  for (let i = curves.length - 1; i >= 0; i--) {
    const o = curves[i][choices[i][b]];
    gs[i] = o.g;
    b -= o.g;
  }
  return gs;
}

/**
 * The continuous optimum's total as a function of the CV target, in closed form: the values lifted to their
 * minimums (Y), sorted, with prefix sums; for a target x the water level L solves CV(max(Y, L)) = x, a quadratic on
 * the stretch of sorted values it falls in (found by bisection, the CV falling with L). O(n log n) once, O(log n)
 * per target.
 */
export function continuousCurve(x: MixIndicatorInput): (target: number) => number {
  const m0 = x.amounts.length;
  const ys: [number, number][] = [];
  let forced = 0;
  for (let i = 0; i < m0; i++) {
    const p = x.students[i];
    if (!(p > 0)) continue;
    const s = Array.isArray(x.standard) ? (x.standard[i] ?? 0) : ((x.standard as number | null) ?? 0);
    const lift = Math.max(0, (s * p) / x.per - x.amounts[i]);
    forced += lift;
    ys.push([(x.per * (x.amounts[i] + lift)) / p, p]);
  }
  ys.sort((a, b) => a[0] - b[0]);
  const m = ys.length;
  // Below index k: weight w[k], Σp·y u[k]; from k on: Σp·y q1[k], Σp·y² q2[k].
  const w = new Float64Array(m + 1);
  const u = new Float64Array(m + 1);
  const q1 = new Float64Array(m + 1);
  const q2 = new Float64Array(m + 1);
  for (let k = 0; k < m; k++) {
    w[k + 1] = w[k] + ys[k][1];
    u[k + 1] = u[k] + ys[k][1] * ys[k][0];
  }
  for (let k = m - 1; k >= 0; k--) {
    q1[k] = q1[k + 1] + ys[k][1] * ys[k][0];
    q2[k] = q2[k + 1] + ys[k][1] * ys[k][0] * ys[k][0];
  }
  const P = w[m];
  // CV² with the k lowest lifted to the k-th value itself (the breakpoints, where the stretch changes).
  const cv2At = (k: number): number => {
    const L = ys[k][0];
    const s1 = w[k] * L + q1[k];
    const s2 = w[k] * L * L + q2[k];
    return s1 > 0 ? (P * s2) / (s1 * s1) - 1 : Infinity;
  };
  return (target: number): number => {
    const t2 = target * target;
    if (m === 0 || cv2At(0) <= t2) return forced;
    // The largest k whose breakpoint still misses the target: the level lies in [y_k, y_{k+1}).
    let lo = 0;
    let hi = m - 1;
    if (cv2At(hi) > t2) return Infinity;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cv2At(mid) > t2) lo = mid;
      else hi = mid;
    }
    const k = lo + 1;
    // P·(W L² + Q2) = c·(W L + Q1)², c = 1 + t²: the larger root is the level on the falling branch.
    const W = w[k];
    const Q1 = q1[k];
    const Q2 = q2[k];
    const c = 1 + t2;
    const a = P * W - c * W * W;
    const b = -2 * c * W * Q1;
    const d = P * Q2 - c * Q1 * Q1;
    let L: number;
    if (Math.abs(a) < 1e-300) L = -d / b;
    else {
      const disc = Math.max(0, b * b - 4 * a * d);
      const r1 = (-b + Math.sqrt(disc)) / (2 * a);
      const r2 = (-b - Math.sqrt(disc)) / (2 * a);
      const lowY = ys[k - 1][0];
      const highY = ys[k][0];
      // The root inside the stretch (within rounding); the other is spurious.
      const inside = (r: number) => r >= lowY * (1 - 1e-9) && r <= highY * (1 + 1e-9);
      L =
        inside(r1) && (!inside(r2) || Math.abs(r1 - highY) < Math.abs(r2 - highY))
          ? r1
          : inside(r2)
            ? r2
            : highY;
      L = Math.min(Math.max(L, lowY), highY);
    }
    return forced + (W * L - u[k]) / x.per;
  };
}

/**
 * The cheapest additions over all indicators such that the mean of their CVs is at most `target`: for every
 * indicator the least-cost plan at each CV target on a δ grid (planIndicator, minimal per target), then the exact
 * multiple-choice knapsack over the grid index. Returns the plan, a proven lower bound on the true optimum (the same
 * knapsack with the budget relaxed by one grid step per indicator) and their gap.
 */
export function cheapestMix(input: CheapestMixInput): CheapestMix {
  const { indicators, target } = input;
  const step = input.step ?? MIX_STEP;
  const n = indicators.length;
  if (n === 0) return { ok: false, reason: '没有可测算的指标' };
  if (!(target >= 0 && target < Infinity)) return { ok: false, reason: `目标 ${target} 无效` };
  if (!(step > 0)) return { ok: false, reason: `步长 ${step} 无效` };
  for (const x of indicators) {
    if (!(x.price >= 0 && x.price < Infinity)) return { ok: false, reason: `${x.indicator} 的单位成本无效` };
  }
  let evaluations = 0;
  const plan = (x: MixIndicatorInput, targetCv: number, gridStep?: number) => {
    evaluations++;
    const input: IndicatorPlanInput = { ...x, targetCv };
    if (gridStep !== undefined) input.step = gridStep;
    // The continuous optimum (step 0) is asked of whole resources too, as a bound.
    if (gridStep === 0) input.countable = false;
    return planIndicator(input);
  };
  // Σ g ≤ B ⇔ Σ g·δ ≤ n·T, decided in decimals.
  const units = dec(target).times(n).div(step);
  const budget = units.floor().toNumber();
  // Rounding each target of an optimum up to the grid adds less than one step each: Σ g < N·T/δ + N, so Σ g ≤ B + N
  // in general, and ≤ B + N − 1 when N·T/δ is whole.
  const relaxed = units.isInteger() ? budget + n - 1 : budget + n;
  // What each indicator costs with no CV target (only the per-school minimums) and at T on its own.
  const tops: number[] = [];
  const free: IndicatorPlanValue[] = [];
  const alone: (IndicatorPlanValue | null)[] = [];
  let perIndicatorCost = 0;
  for (const x of indicators) {
    const base = plan(x, Infinity);
    if (!base.ok) return { ok: false, reason: base.reason };
    if (base.cvBefore === null || base.cv === null)
      return { ok: false, reason: '县均值为 0，差异系数无定义' };
    free.push(base);
    // The first grid point at or above the CV the minimums leave: from there on nothing more is added.
    let top = Math.ceil(base.cv / step);
    if (top > 0 && gridTarget(top - 1, step) >= base.cv) top--;
    tops.push(Math.min(top, budget));
    const own = plan(x, target);
    alone.push(own.ok && own.feasible ? own : null);
    perIndicatorCost += own.ok && own.feasible ? own.total * x.price : Infinity;
  }
  // No option dearer than a plan already known matters: each term of an optimum is at most the optimum.
  const ceiling = perIndicatorCost;
  const slack = (c: number) => c > ceiling + 1e-9 * Math.max(1, ceiling);
  const sumTops = tops.reduce((s, t) => s + t, 0);
  const bottoms = tops.map((t) => Math.min(t, Math.max(0, budget - (sumTops - t))));
  const points = tops.reduce((s, t, i) => s + t - bottoms[i] + 1, 0);
  const schools = indicators.reduce((s, x) => s + x.amounts.length, 0);
  const exactCurves = input.exactCurves ?? points * schools <= EXACT_WORK;
  // Grid costs found so far per indicator (g → cost): exact values of cᵢ, usable as bounds too.
  const known = indicators.map(() => new Map<number, number>());
  // The grid cost at g as a knapsack option, or 'stop' past the last point worth keeping.
  const gridPoint = (i: number, g: number): Option | 'stop' => {
    const x = indicators[i];
    const t = gridTarget(g, step);
    const at = t >= (free[i].cv as number) ? free[i] : plan(x, t);
    if (!at.ok) return 'stop';
    if (!at.feasible) {
      // The grid plan gave up (step cap): its continuous optimum bounds the cost of g and of every point below.
      const cont = plan(x, t, 0);
      const lower = cont.ok && cont.feasible ? cont.total * x.price : 0;
      return slack(lower) ? 'stop' : { g: Math.min(g, bottoms[i]), upper: Infinity, lower };
    }
    const c = at.total * x.price;
    known[i].set(g, c);
    return slack(c) ? 'stop' : { g, upper: c, lower: c };
  };
  const gridCurve = (i: number, from: number, to: number): Option[] => {
    const options: Option[] = [];
    for (let g = from; g >= to; g--) {
      const o = gridPoint(i, g);
      if (o === 'stop') break;
      const last = options[options.length - 1];
      // An equal cost lower on the grid uses less of the budget: the higher point is dominated.
      if (last && o.upper < Infinity && same(last.upper, o.upper)) {
        last.g = g;
        continue;
      }
      // Below a point the grid plan gave up on, costs are at least the last grid cost found (costs never fall).
      if (o.upper === Infinity && last) o.lower = Math.max(o.lower, last.upper);
      options.push(o);
      if (o.upper === Infinity) break;
    }
    return options;
  };
  let curves: Option[][];
  let lowerCurves: Option[][];
  if (exactCurves) {
    curves = indicators.map((_, i) => gridCurve(i, tops[i], bottoms[i]));
    lowerCurves = curves;
  } else {
    // Many schools: the continuous optimum's cost curve, in closed form, bounds every grid point from below; the
    // knapsack on it picks the targets, and grid plans in a window around them give the plan.
    lowerCurves = indicators.map((x, i) => {
      const curve = continuousCurve(x);
      const options: Option[] = [];
      for (let g = tops[i]; g >= bottoms[i]; g--) {
        const c = curve(gridTarget(g, step)) * x.price * (1 - 1e-9);
        if (slack(c)) break;
        options.push({ g, upper: c, lower: c });
      }
      return options;
    });
    const guide = indicators.map(() => new Int32Array(budget + 1));
    knapsack(lowerCurves, budget, 'lower', guide);
    const guess = pick(lowerCurves, guide, budget);
    curves = indicators.map((_, i) => {
      const around = gridCurve(
        i,
        Math.min(tops[i], guess[i] + WINDOW),
        Math.max(bottoms[i], guess[i] - WINDOW),
      );
      const top = gridPoint(i, tops[i]);
      if (top !== 'stop' && !around.some((o) => o.g === tops[i])) around.unshift(top);
      return around;
    });
    // The grid costs found are the true costs there, at least their bounds: they tighten the bounds, and so does
    // monotony (a point below costs at least what any point above it costs), kept as a running maximum.
    lowerCurves.forEach((options, i) => {
      let most = 0;
      for (const o of options) {
        most = Math.max(most, o.lower, known[i].get(o.g) ?? 0);
        o.lower = most;
      }
    });
  }
  const choices = indicators.map(() => new Int32Array(budget + 1));
  const upperRow = knapsack(curves, budget, 'upper', choices);
  const lowerRow = knapsack(lowerCurves, relaxed, 'lower', null);
  let cost = upperRow[budget];
  const lowerBound = Math.min(lowerRow[relaxed], cost);
  let chosen: MixIndicator[] | null = null;
  if (cost < Infinity) {
    const gs = pick(curves, choices, budget);
    chosen = indicators.map((x, i) => {
      const t = gridTarget(gs[i], step);
      const at = gs[i] === tops[i] && t >= (free[i].cv as number) ? free[i] : plan(x, t);
      const p = at as IndicatorPlanValue;
      return { indicator: x.indicator, targetCv: t, plan: p, cost: p.total * x.price };
    });
    cost = chosen.reduce((s, m) => s + m.cost, 0);
  }
  // Off-grid targets (T not a multiple of δ) can make the plain per-indicator plan cheaper: then it is the answer.
  if (perIndicatorCost < cost && alone.every((a) => a !== null)) {
    chosen = indicators.map((x, i) => {
      const p = alone[i] as IndicatorPlanValue;
      return { indicator: x.indicator, targetCv: target, plan: p, cost: p.total * x.price };
    });
    cost = perIndicatorCost;
  }
  if (chosen === null) return { ok: false, reason: '在可行的补充范围内未能使综合差异系数达到目标' };
  const cvs = chosen.map((m) => m.plan.cv as number);
  const composite = cvs.reduce((s, c) => s + c, 0) / n;
  const feasible = compositeAtMost(cvs, target, null, () =>
    chosen.map((m, i) => {
      const x = indicators[i];
      const amounts: Dec[] = [];
      const students: Dec[] = [];
      x.amounts.forEach((a, k) => {
        if (x.students[k] > 0) {
          amounts.push(dec(a).plus(m.plan.additions[k]));
          students.push(dec(x.students[k]));
        }
      });
      return exactCvSquared(amounts, students);
    }),
  );
  return {
    ok: true,
    target,
    step,
    indicators: chosen,
    cost,
    lowerBound,
    gap: Math.max(0, cost - lowerBound),
    perIndicatorCost,
    composite,
    feasible,
    evaluations,
  };
}
