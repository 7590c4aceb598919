/**
 * The planner's core (整改测算): the minimal additions for one indicator so every school meets its minimum and the
 * student-weighted CV reaches a target — water-filling, continuous and on a grid (see docs/planner.md).
 */
import { floatCoefficient } from '../rules/coefficient';
import { dec } from '../exact/arithmetic';
import { ExactSums } from './exactSums';
import { amountInUnit, formatNumber, type ResourceUnit } from '../model/format';
import { isCount } from '../model/indicators';
import type { IndicatorPlanInput, IndicatorPlanResult, IndicatorPlanValue, PlanProblem } from './types';

/** Grid of non-countable additions (m², 元): the check's gaps are rounded up to 0.01 as well. */
export const MEASURE_STEP = 0.01;

/** Greedy steps allowed beyond the continuous lower bound, per school and in all (a coarse grid may need more). */
const STEPS_PER_SCHOOL = 20;
const STEPS_EXTRA = 100_000;

function fail(code: PlanProblem, reason: string): IndicatorPlanResult {
  return { ok: false, code, reason };
}

/** Decimal places of a grid step (0.01 → 2), so step multiples print without binary noise. */
function decimalsOf(step: number): number {
  const text = dec(step).toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/**
 * j·h as the number it is in decimal (3·0.01 = 0.03, not 0.030000000000000002): h = u/10^d with u whole, and
 * (j·u)/10^d is one correctly rounded division, which is the double nearest the decimal.
 */
function multiple(j: number, h: number, decimals: number): number {
  if (decimals === 0) return j * h;
  const scale = 10 ** decimals;
  return (j * Math.round(h * scale)) / scale;
}

/** Relative float error allowed for a grid quotient before it is decided exactly: thousands of ulps. */
const STEP_NEAR = 1e-12;
const SAFE = 2 ** 52;

/** Decimal places of x's shortest decimal when x·10^k stays a safe whole number (k ≤ 10), else −1. */
function placesOf(x: number): number {
  if (Number.isInteger(x)) return Math.abs(x) < SAFE ? 0 : -1;
  let scale = 10;
  for (let k = 1; k <= 10; k++, scale *= 10) {
    const int = Math.round(x * scale);
    if (Math.abs(int) >= SAFE) return -1;
    if (int / scale === x) return k;
  }
  return -1;
}

/**
 * per·(r + j·h) ≥ floor·p, exactly, for decimal inputs: in whole numbers on a common scale while they stay below
 * 2^52 (every product then exact in float64), else in decimal.js.
 */
function reachesExactly(r: number, p: number, per: number, floor: number, h: number, j: number): boolean {
  const kr = placesOf(r);
  const kh = placesOf(h);
  const kf = placesOf(floor);
  const kp = placesOf(p);
  if (kr >= 0 && kh >= 0 && kf >= 0 && kp >= 0) {
    const k = Math.max(kr, kh, kf + kp);
    const ri = Math.round(r * 10 ** kr);
    const hi = Math.round(h * 10 ** kh);
    const fi = Math.round(floor * 10 ** kf);
    const pi = Math.round(p * 10 ** kp);
    const lhs = per * (ri * 10 ** (k - kr) + j * hi * 10 ** (k - kh));
    const rhs = fi * pi * 10 ** (k - kf - kp);
    const bound = Math.max(Math.abs(lhs), Math.abs(rhs), Math.abs(j * hi) * 10 ** k * per);
    if (bound < SAFE) return lhs >= rhs;
  }
  return dec(r).plus(dec(h).times(j)).times(per).gte(dec(floor).times(p));
}

/**
 * Fewest grid steps j ≥ 0 with per·(r + j·h) ≥ floor·p, decided exactly: the float decides unless the quotient lies
 * within a relative 1e-12 of a whole number N (its rounding error is a few ulps of the larger term); then whether N
 * steps reach the floor is decided exactly (9 teachers for 1000 students is exactly 0.9 per 100).
 */
export function stepsToReach(r: number, p: number, per: number, floor: number, h: number): number {
  const target = (floor * p) / per;
  const q = (target - r) / h;
  const nearest = Math.round(q);
  const scale = Math.max(1, Math.abs(target / h), Math.abs(r / h));
  if (Math.abs(q - nearest) > STEP_NEAR * scale) return Math.max(0, Math.ceil(q));
  if (nearest <= 0) return reachesExactly(r, p, per, floor, h, 0) ? 0 : 1;
  return reachesExactly(r, p, per, floor, h, nearest) ? nearest : nearest + 1;
}

/**
 * The continuous water level: the smallest L with CV(max(yᵢ, L)) ≤ t, or null when CV(y) ≤ t already (or the mean
 * is 0, where no level is smallest). Raising the floor lowers the CV strictly until all values are equal
 * (docs/planner.md), so bisection over [min y, max y] finds it, to the last bit in about 64 rounds of O(n).
 */
export function waterLevel(y: Float64Array, p: Float64Array, t: number): number | null {
  return waterBracket(y, p, t, 0)?.[1] ?? null;
}

/**
 * [lo, hi] around the water level with CV(lo) > t ≥ CV(hi) in float and hi − lo ≤ tolerance·hi (0: to the last
 * bit); null as for waterLevel. Schools below lo are lifted whatever the level, those above hi never are: only the
 * ones in between are summed at each round, and they leave as the bracket closes — O(n) on the whole, like
 * quickselect, instead of O(n) per round.
 */
function waterBracket(
  y: Float64Array,
  p: Float64Array,
  t: number,
  tolerance: number,
): [number, number] | null {
  const n = y.length;
  let sumP = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    sumP += p[i];
    if (y[i] < lo) lo = y[i];
    if (y[i] > hi) hi = y[i];
  }
  if (!(hi > 0)) return null;
  const t2 = t * t;
  // Lifted (y ≤ lo): weight w; fixed (y ≥ hi): sums q1 = Σp·y, q2 = Σp·y²; the rest are active.
  let w = 0;
  let q1 = 0;
  let q2 = 0;
  let active = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] <= lo) w += p[i];
    else if (y[i] >= hi) {
      q1 += p[i] * y[i];
      q2 += p[i] * y[i] * y[i];
    } else active[count++] = i;
  }
  const cv2At = (level: number): number => {
    let s1 = w * level + q1;
    let s2 = w * level * level + q2;
    for (let x = 0; x < count; x++) {
      const i = active[x];
      const v = y[i] > level ? y[i] : level;
      s1 += p[i] * v;
      s2 += p[i] * v * v;
    }
    return (sumP * s2) / (s1 * s1) - 1;
  };
  if (cv2At(lo) <= t2) return null;
  // At L = max y every value is equal (CV 0), which meets any target ≥ 0.
  let next = new Int32Array(n);
  for (let it = 0; it < 2000 && hi - lo > tolerance * hi; it++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const reached = cv2At(mid) <= t2;
    if (reached) hi = mid;
    else lo = mid;
    let kept = 0;
    for (let x = 0; x < count; x++) {
      const i = active[x];
      if (y[i] <= lo) w += p[i];
      else if (y[i] >= hi) {
        q1 += p[i] * y[i];
        q2 += p[i] * y[i] * y[i];
      } else next[kept++] = i;
    }
    [active, next] = [next, active];
    count = kept;
  }
  return [lo, hi];
}

/** A binary min-heap of school indices keyed by the value half a step up (the greedy's marginal order). */
class StepHeap {
  private readonly items: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.items = new Int32Array(capacity);
  }

  push(i: number): void {
    const items = this.items;
    const key = this.key;
    let c = this.size++;
    while (c > 0) {
      const parent = (c - 1) >> 1;
      if (key[items[parent]] <= key[i]) break;
      items[c] = items[parent];
      c = parent;
    }
    items[c] = i;
  }

  /** Removes and returns the index with the smallest key. */
  pop(): number {
    const items = this.items;
    const key = this.key;
    const top = items[0];
    const last = items[--this.size];
    let c = 0;
    for (;;) {
      let child = 2 * c + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && key[items[child + 1]] < key[items[child]]) child++;
      if (key[items[child]] >= key[last]) break;
      items[c] = items[child];
      c = child;
    }
    if (this.size > 0) items[c] = last;
    return top;
  }
}

/** Validated, compacted input: the schools with students, their amounts and minimum values. */
interface Prepared {
  /** Input index of each compact school. */
  index: Int32Array;
  r: Float64Array;
  p: Float64Array;
  /** Minimum value per compact school; 0 when none. */
  floor: Float64Array;
  per: number;
  step: number;
  target: number;
  inputLength: number;
  unit: string;
  columnUnit?: ResourceUnit;
}

function prepare(input: IndicatorPlanInput): Prepared | IndicatorPlanResult {
  const { amounts, students, per, standard, targetCv, countable } = input;
  if (!Array.isArray(amounts) || !Array.isArray(students) || amounts.length === 0) {
    return fail('empty', '没有数据');
  }
  if (amounts.length !== students.length) {
    return fail(
      'lengthMismatch',
      `资源数有 ${amounts.length} 个，学生数有 ${students.length} 个，个数必须相同`,
    );
  }
  if (!(typeof per === 'number' && per > 0 && per < Infinity)) {
    return fail('invalidStep', `折算系数 ${per} 无效（应为 1 或 100）`);
  }
  const perSchool = Array.isArray(standard);
  if (perSchool && (standard as readonly unknown[]).length !== amounts.length) {
    return fail(
      'lengthMismatch',
      `标准有 ${(standard as readonly unknown[]).length} 个，学校有 ${amounts.length} 所`,
    );
  }
  if (!(typeof targetCv === 'number' && targetCv >= 0)) {
    return fail('invalidTarget', `目标差异系数 ${String(targetCv)} 无效（应为非负数）`);
  }
  const step = input.step ?? (countable ? 1 : MEASURE_STEP);
  if (
    !(typeof step === 'number' && step >= 0 && step < Infinity) ||
    (countable && !(Number.isInteger(step) && step > 0))
  ) {
    return fail(
      'invalidStep',
      countable ? `可数资源的步长必须是正整数（得到 ${step}）` : `步长 ${step} 无效`,
    );
  }
  const n = amounts.length;
  const index: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!isCount(students[i])) return fail('invalidStudents', `第 ${i + 1} 个学生数不是非负数`);
    if (!isCount(amounts[i]))
      return fail('invalidAmount', `第 ${i + 1} 个资源数不是非负数（缺失的数据不能按 0 计算）`);
    const s = perSchool ? (standard as readonly (number | null)[])[i] : (standard as number | null);
    if (s !== null && !isCount(s))
      return fail('invalidStandard', `第 ${i + 1} 所学校的标准 ${String(s)} 不是非负数`);
    if (students[i] > 0) index.push(i);
  }
  if (index.length === 0) return fail('noStudents', '学生数合计为 0，无法加权');
  const m = index.length;
  const prepared: Prepared = {
    index: Int32Array.from(index),
    r: new Float64Array(m),
    p: new Float64Array(m),
    floor: new Float64Array(m),
    per,
    step,
    target: targetCv,
    inputLength: n,
    unit: input.unit ?? '',
    columnUnit: input.columnUnit,
  };
  for (let k = 0; k < m; k++) {
    const i = index[k];
    prepared.r[k] = amounts[i];
    prepared.p[k] = students[i];
    const s = perSchool ? (standard as readonly (number | null)[])[i] : (standard as number | null);
    prepared.floor[k] = s ?? 0;
  }
  return prepared;
}

/** The plan's numbers from the final amounts, mapped back to input order. */
function finish(
  d: Prepared,
  additions: Float64Array,
  forced: Float64Array,
  totals: { total: number; forced: number },
  level: number | null,
  feasible: boolean,
  note: (cvBefore: number | null, cv: number | null) => string,
): IndicatorPlanValue {
  const m = d.index.length;
  const after = new Float64Array(m);
  for (let k = 0; k < m; k++) after[k] = d.r[k] + additions[k];
  const before = floatCoefficient(d.r, d.p, m, d.per);
  const now = floatCoefficient(after, d.p, m, d.per);
  const out: IndicatorPlanValue = {
    ok: true,
    additions: new Array<number>(d.inputLength).fill(0),
    total: totals.total,
    forced: new Array<number>(d.inputLength).fill(0),
    forcedTotal: totals.forced,
    values: new Array<number | null>(d.inputLength).fill(null),
    cvBefore: before.cv,
    cv: now.cv,
    meanBefore: before.mean,
    mean: now.mean,
    floor: level,
    feasible,
    step: d.step,
    note: note(before.cv, now.cv),
  };
  for (let k = 0; k < m; k++) {
    const i = d.index[k];
    out.additions[i] = additions[k];
    out.forced[i] = forced[k];
    out.values[i] = (d.per * after[k]) / d.p[k];
  }
  return out;
}

const cvText = (cv: number | null): string => (cv === null ? '无定义' : cv.toFixed(3));

/** zh-CN explanation of a plan. */
function explain(
  d: Prepared,
  forcedTotal: number,
  extraTotal: number,
  lifted: number,
  level: number | null,
  feasible: boolean,
  cvBefore: number | null,
  cv: number | null,
): string {
  const target = d.target === Infinity ? null : d.target;
  const targetText = target === null ? '' : `目标 ${cvText(target)}`;
  if (!feasible) {
    if (d.step === 0) return '各校该项资源均为 0，县均值为 0，差异系数无定义；请先确定配置标准';
    return `按每次 ${formatNumber(d.step, 6)}${d.unit} 补充，在限定步数内未能使差异系数达到${targetText}；请放宽目标`;
  }
  const parts: string[] = [];
  const amount = (x: number) => amountInUnit(x, d.unit, d.columnUnit);
  if (forcedTotal > 0) parts.push(`补足未达标学校到标准共需增加 ${amount(forcedTotal)}`);
  if (extraTotal > 0) {
    parts.push(
      `为使差异系数不超过${targetText}，再为资源最少的 ${lifted} 所学校补充 ${amount(extraTotal)}` +
        `（补充后最低值约 ${formatNumber(level ?? 0, 4)}）`,
    );
  }
  if (parts.length === 0) {
    const standards = d.floor.some((f) => f > 0) ? '各校均达到标准，' : '';
    return target === null
      ? `${standards}无需增加`
      : `${standards}差异系数 ${cvText(cvBefore)} 不超过${targetText}，无需增加`;
  }
  const from = cvBefore === null ? '无定义（县均值为 0）' : cvText(cvBefore);
  return `${parts.join('；')}；差异系数由 ${from} 降至 ${cvText(cv)}`;
}

/** The continuous optimum (step 0): forced lifts to the minimum, then water-filling to the level found by bisection. */
function planContinuous(d: Prepared): IndicatorPlanValue {
  const m = d.index.length;
  const forced = new Float64Array(m);
  const y = new Float64Array(m);
  let forcedTotal = 0;
  for (let k = 0; k < m; k++) {
    forced[k] = Math.max(0, (d.floor[k] * d.p[k]) / d.per - d.r[k]);
    forcedTotal += forced[k];
    y[k] = (d.per * (d.r[k] + forced[k])) / d.p[k];
  }
  const positive = y.some((v) => v > 0);
  let level = d.target === Infinity || !positive ? null : waterLevel(y, d.p, d.target);
  const additions = new Float64Array(m);
  const fill = (at: number | null): number => {
    let lifted = 0;
    for (let k = 0; k < m; k++) {
      additions[k] = forced[k];
      if (at !== null && y[k] < at) {
        additions[k] = (at * d.p[k]) / d.per - d.r[k];
        lifted++;
      }
    }
    return lifted;
  };
  let lifted = fill(level);
  // The level is exact up to rounding; nudge it up by a few ulps until the float CV agrees it is within target.
  for (let it = 0; level !== null && it < 64; it++) {
    const after = new Float64Array(m);
    for (let k = 0; k < m; k++) after[k] = d.r[k] + additions[k];
    const cv = floatCoefficient(after, d.p, m, d.per).cv;
    if (cv !== null && cv <= d.target) break;
    level += Math.abs(level) * 2 ** (it - 52);
    lifted = fill(level);
  }
  let total = 0;
  for (let k = 0; k < m; k++) total += additions[k];
  const feasible = positive || d.target === Infinity;
  return finish(d, additions, forced, { total, forced: forcedTotal }, level, feasible, (before, cv) =>
    explain(d, forcedTotal, total - forcedTotal, lifted, level, feasible, before, cv),
  );
}

/**
 * The grid state of a plan: steps jᵢ per school, running sums of aᵢ = rᵢ + jᵢ·h (Σa, Σa²/P) and, once a decision
 * falls within float error of the target, exact sums kept up to date step by step.
 */
class GridState {
  readonly j: Float64Array;
  private sumA = 0;
  private sumA2P = 0;
  /** Steps since the running sums were last summed afresh (their error grows with them). */
  private since = 0;
  private exact: ExactSums | null = null;
  private readonly t2: number;

  constructor(
    private readonly d: Prepared,
    start: Float64Array,
    private readonly sumP: number,
  ) {
    this.j = Float64Array.from(start);
    this.t2 = d.target * d.target;
    this.refresh();
  }

  /**
   * Sums Σa and Σa²/P afresh with Neumaier's compensated summation: the terms are positive, so each sum is then good
   * to a few ε relative, whatever the number of schools.
   */
  private refresh(): void {
    const { r, p, step: h } = this.d;
    let s1 = 0;
    let c1 = 0;
    let s2 = 0;
    let c2 = 0;
    for (let k = 0; k < r.length; k++) {
      const a = r[k] + h * this.j[k];
      const q = (a * a) / p[k];
      let t = s1 + a;
      c1 += Math.abs(s1) >= Math.abs(a) ? s1 - t + a : a - t + s1;
      s1 = t;
      t = s2 + q;
      c2 += Math.abs(s2) >= Math.abs(q) ? s2 - t + q : q - t + s2;
      s2 = t;
    }
    this.sumA = s1 + c1;
    this.sumA2P = s2 + c2;
    this.since = 0;
  }

  /**
   * A bound on the float error of CV² = P·Σ(a²/P)/(Σa)² − 1: the amounts and their squares carry a few ε each (the
   * decimals' binary rounding included), the compensated sums a few more, the ratio as many again — 64ε in all, to be
   * safe — and every step since the last refresh adds a few ε to the running sums.
   */
  private errorBound(): number {
    return (64 + 8 * this.since) * Number.EPSILON * (1 + this.t2);
  }

  /** The float CV² from the running sums (Infinity while Σa = 0: the CV is undefined, never 0). */
  private cv2(): number {
    return this.sumA > 0 ? (this.sumP * this.sumA2P) / (this.sumA * this.sumA) - 1 : Infinity;
  }

  /** Could the CV be within the target? Cheap: from the running sums with their error bound. */
  mayReach(): boolean {
    return this.d.target === Infinity || this.exact !== null || this.cv2() <= this.t2 + this.errorBound();
  }

  /** CV ≤ target, decided exactly: fresh float sums away from the target, exact sums within their error of it. */
  reaches(): boolean {
    if (this.d.target === Infinity) return true;
    if (this.exact) return this.exact.within(this.d.target);
    this.refresh();
    const cv2 = this.cv2();
    const error = this.errorBound();
    if (cv2 <= this.t2 - error) return true;
    if (cv2 > this.t2 + error) return false;
    this.exact = new ExactSums(this.d.r, this.d.p, this.j, this.d.step);
    return this.exact.within(this.d.target);
  }

  /** Replaces every jᵢ (a jump along the greedy path); exact sums are rebuilt when next needed. */
  set(next: Float64Array): void {
    this.j.set(next);
    this.exact = null;
    this.refresh();
  }

  /** One more step at school k. */
  add(k: number): void {
    const { r, p, step: h } = this.d;
    const a = r[k] + h * this.j[k];
    this.j[k] += 1;
    const next = a + h;
    this.sumA += h;
    this.sumA2P += (next * next - a * a) / p[k];
    this.since++;
    this.exact?.add(k);
  }
}

/**
 * The optimum on the grid: forced steps to each minimum, then whole steps by the greedy of separable convex
 * allocation — each step to the school whose value half a step up is lowest — started at the largest greedy
 * prefix the continuous bound proves too small, and stopped at the first total whose CV reaches the target.
 */
function planGrid(d: Prepared): IndicatorPlanValue {
  const m = d.index.length;
  const { r, p, per, step: h, target } = d;
  const decimals = decimalsOf(h);
  const g = new Float64Array(m);
  const y = new Float64Array(m);
  let sumP = 0;
  let forcedSteps = 0;
  for (let k = 0; k < m; k++) {
    g[k] = d.floor[k] > 0 ? stepsToReach(r[k], p[k], per, d.floor[k], h) : 0;
    forcedSteps += g[k];
    y[k] = (per * (r[k] + h * g[k])) / p[k];
    sumP += p[k];
  }
  const state = new GridState(d, g, sumP);
  let feasible = state.reaches();
  if (!feasible) {
    // Totals below the continuous optimum (with the same forced steps) are infeasible on any grid; a level just
    // below it (lo of the bracket) keeps the bound safe.
    const bracket = waterBracket(y, p, target, 1e-9);
    if (bracket !== null) {
      const level = bracket[0];
      let extra = 0;
      for (let k = 0; k < m; k++) if (y[k] < level) extra += (p[k] * (level - y[k])) / per;
      const lowerSteps = Math.max(0, Math.ceil((extra / h) * (1 - 1e-10)) - 1);
      if (lowerSteps > 0) state.set(greedyPrefix(d, g, lowerSteps, bracket[0]));
    }
    feasible = greedy(d, state);
  }
  const j = feasible ? state.j : g;
  const additions = new Float64Array(m);
  const forced = new Float64Array(m);
  let totalSteps = 0;
  let lifted = 0;
  let lowest = Infinity;
  for (let k = 0; k < m; k++) {
    additions[k] = multiple(j[k], h, decimals);
    forced[k] = multiple(g[k], h, decimals);
    totalSteps += j[k];
    if (j[k] > g[k]) lifted++;
    lowest = Math.min(lowest, (per * (r[k] + h * j[k])) / p[k]);
  }
  // On a grid the lifted schools end within one step of the water level; the county's new lowest value stands for it.
  const level = lifted > 0 ? lowest : null;
  const total = multiple(totalSteps, h, decimals);
  const forcedTotal = multiple(forcedSteps, h, decimals);
  const extraTotal = multiple(totalSteps - forcedSteps, h, decimals);
  return finish(d, additions, forced, { total, forced: forcedTotal }, level, feasible, (before, cv) =>
    explain(d, forcedTotal, extraTotal, lifted, level, feasible, before, cv),
  );
}

/**
 * The greedy prefix of a level λ — every step whose half-step-up value is below λ, on top of the forced steps g —
 * for a λ ≤ `near` whose prefix adds at most `limit` steps and, where cheap to find, not many fewer: λ is lowered
 * from `near` by enough to absorb the half-step roundings of the lifted schools, then bisected.
 */
function greedyPrefix(d: Prepared, g: Float64Array, limit: number, near: number): Float64Array {
  const m = d.index.length;
  const { r, p, per, step: h } = d;
  const j = new Float64Array(m);
  let weight = 0;
  const prefix = (lambda: number, into: Float64Array | null): number => {
    let added = 0;
    weight = 0;
    for (let k = 0; k < m; k++) {
      const below = Math.ceil(((lambda * p[k]) / per - r[k]) / h - 0.5);
      if (below > g[k]) {
        added += below - g[k];
        weight += p[k];
        if (into) into[k] = below;
      } else if (into) into[k] = g[k];
    }
    return added;
  };
  // Close enough when the greedy has at most a few steps per school left to walk (each costs O(log n)).
  const enough = limit - Math.max(32, m >> 2);
  let hi = near;
  const added = prefix(hi, null);
  if (added <= limit) {
    prefix(hi, j);
    return j;
  }
  // Lowering λ by δ removes about δ·weight/(per·h) steps; aim below the surplus, widening until under the limit.
  let lo = hi;
  for (let widen = 1; ; widen *= 4) {
    const delta = (((added - limit + m) * per * h) / Math.max(weight, 1)) * widen;
    lo = Math.max(0, hi - delta);
    if (prefix(lo, null) <= limit || lo === 0) break;
  }
  let best = lo;
  let atBest = prefix(best, null);
  for (let it = 0; it < 200 && atBest < enough; it++) {
    const mid = best + (hi - best) / 2;
    if (mid <= best || mid >= hi) break;
    const atMid = prefix(mid, null);
    if (atMid > limit) hi = mid;
    else {
      best = mid;
      atBest = atMid;
    }
  }
  prefix(best, j);
  return j;
}

/**
 * Adds one step at a time where the value half a step up is lowest, until the CV reaches the target; false past the
 * step cap (a target a coarse grid cannot reach in reasonable steps, e.g. 0 with coprime school sizes).
 */
function greedy(d: Prepared, state: GridState): boolean {
  const m = d.index.length;
  const { r, p, per, step: h } = d;
  const j = state.j;
  const key = new Float64Array(m);
  const heap = new StepHeap(m, key);
  for (let k = 0; k < m; k++) {
    key[k] = (per * (r[k] + h * (j[k] + 0.5))) / p[k];
    heap.push(k);
  }
  const cap = STEPS_PER_SCHOOL * m + STEPS_EXTRA;
  for (let s = 0; s <= cap; s++) {
    if (state.mayReach() && state.reaches()) return true;
    const k = heap.pop();
    state.add(k);
    key[k] = (per * (r[k] + h * (j[k] + 0.5))) / p[k];
    heap.push(k);
  }
  return false;
}

/**
 * 整改测算 for one indicator: the minimal additions aᵢ ≥ 0 (whole multiples of the step) such that every school's
 * value per·(Rᵢ + aᵢ)/Pᵢ is at least its minimum and the student-weighted CV is at most `targetCv`. Resources are
 * only added, never moved. Input problems come back as `{ ok: false }`; an unreachable target as `feasible: false`.
 *
 * `planIndicator({ amounts: [20, 8, 3], students: [800, 400, 200], per: 100, standard: 2.4, targetCv: 0.45,
 * countable: true })` adds 2 rooms to the second school and 2 to the third (TV-6 schools to the 初中 standard).
 */
export function planIndicator(input: IndicatorPlanInput): IndicatorPlanResult {
  const d = prepare(input);
  if ('ok' in d) return d;
  return d.step === 0 ? planContinuous(d) : planGrid(d);
}
