/**
 * The planner's core (整改测算): the minimal additions for one indicator so every school meets its minimum and the
 * student-weighted CV reaches a target — water-filling, continuous and on a grid (see docs/planner.md).
 */
import Decimal from 'decimal.js';
import { floatCoefficient } from './coefficient';
import { Dec, dec, exactCvSquared, NEAR, squaredAtMost, type Rational } from './exact';
import { formatNumber } from './format';
import type {
  IndicatorPlanInput,
  IndicatorPlanResult,
  IndicatorPlanValue,
  PlanProblem,
} from './plannerTypes';

/** Grid of non-countable additions (m², 元): the check's gaps are rounded up to 0.01 as well. */
export const MEASURE_STEP = 0.01;

/** Greedy steps allowed beyond the continuous lower bound, per school and in all (a coarse grid may need more). */
const STEPS_PER_SCHOOL = 20;
const STEPS_EXTRA = 100_000;

function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

function fail(code: PlanProblem, reason: string): IndicatorPlanResult {
  return { ok: false, code, reason };
}

/** Decimal places of a grid step (0.01 → 2), so step multiples print without binary noise. */
function decimalsOf(step: number): number {
  const text = dec(step).toFixed();
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** j·h as the number it is in decimal (3·0.01 = 0.03, not 0.030000000000000002). */
function multiple(j: number, h: number, decimals: number): number {
  if (decimals === 0) return j * h;
  return Number((j * h).toFixed(decimals));
}

/**
 * Fewest grid steps j ≥ 0 with per·(r + j·h) ≥ floor·p, decided exactly: the float decides unless the quotient lies
 * within a relative 1e-9 of a whole number; then decimal.js (9 teachers for 1000 students is exactly 0.9 per 100).
 */
export function stepsToReach(r: number, p: number, per: number, floor: number, h: number): number {
  const target = (floor * p) / per;
  const q = (target - r) / h;
  const nearest = Math.round(q);
  const scale = Math.max(1, Math.abs(target / h), Math.abs(r / h));
  if (Math.abs(q - nearest) > NEAR * scale) return Math.max(0, Math.ceil(q));
  const exact = dec(floor).times(p).div(per).minus(dec(r)).div(dec(h));
  return exact.lte(0) ? 0 : exact.ceil().toNumber();
}

/** CV² = P·Σ(Aᵢ²/Pᵢ)/(ΣA)² − 1 from running sums (spec §3 without X̄; `per` cancels). */
function cvSquared(sumP: number, sumA: number, sumA2P: number): number {
  return (sumP * sumA2P) / (sumA * sumA) - 1;
}

/**
 * CV ≤ target, exactly: the float decides away from the target; within a relative 1e-9 (or, for a target of 0,
 * below 1e-12) CV² is recomputed as a rational from the decimal amounts.
 */
function atMostTarget(cv: number | null, target: number, exact: () => Rational | null): boolean {
  if (target === Infinity) return true;
  if (cv === null) return false;
  if (cv < target * (1 - NEAR)) return true;
  if (cv > target * (1 + NEAR) + 1e-12) return false;
  const q = exact();
  return q !== null && squaredAtMost(q, { value: dec(target), strict: false });
}

/**
 * The continuous water level: the smallest L with CV(max(yᵢ, L)) ≤ t, or null when CV(y) ≤ t already (or the
 * mean is 0, where no level is smallest). Raising the floor lowers the CV monotonically (docs/planner.md), so the
 * first segment between sorted values whose right end reaches the target holds L; bisection finds it there.
 */
export function waterLevel(y: Float64Array, p: Float64Array, t: number): number | null {
  const n = y.length;
  let sumP = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < n; i++) {
    sumP += p[i];
    q1 += p[i] * y[i];
    q2 += p[i] * y[i] * y[i];
  }
  if (!(q1 > 0)) return null;
  const t2 = t * t;
  if ((sumP * q2) / (q1 * q1) - 1 <= t2) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => y[a] - y[b]);
  // Lifted: the first k schools in order, weight w; the rest keep their values (sums a1, a2).
  let w = 0;
  let a1 = q1;
  let a2 = q2;
  const cv2At = (level: number): number => {
    const s1 = w * level + a1;
    return (sumP * (w * level * level + a2)) / (s1 * s1) - 1;
  };
  for (let k = 1; k < n; k++) {
    const i = order[k - 1];
    w += p[i];
    a1 -= p[i] * y[i];
    a2 -= p[i] * y[i] * y[i];
    const lo0 = y[i];
    const hi0 = y[order[k]];
    if (hi0 === lo0 || cv2At(hi0) > t2) continue;
    let lo = lo0;
    let hi = hi0;
    for (let it = 0; it < 200; it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (cv2At(mid) <= t2) hi = mid;
      else lo = mid;
    }
    return hi;
  }
  return y[order[n - 1]];
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
  const u = d.unit;
  if (forcedTotal > 0) parts.push(`补足未达标学校到标准共需增加 ${formatNumber(forcedTotal)}${u}`);
  if (extraTotal > 0) {
    parts.push(
      `为使差异系数不超过${targetText}，再为资源最少的 ${lifted} 所学校补充 ${formatNumber(extraTotal)}${u}` +
        `（补充后最低值约 ${formatNumber(level ?? 0, 4)}）`,
    );
  }
  if (parts.length === 0) {
    return target === null
      ? '各校均达到标准，无需增加'
      : `各校均达到标准，差异系数 ${cvText(cvBefore)} 不超过${targetText}，无需增加`;
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
 * The optimum on the grid: forced steps to each minimum, then whole steps by the greedy of separable convex
 * allocation — each step to the school whose value half a step up is lowest — started at the largest greedy
 * prefix the continuous bound proves too small, and stopped at the first total whose CV reaches the target.
 */
function planGrid(d: Prepared): IndicatorPlanValue {
  const m = d.index.length;
  const { r, p, per, step: h, target } = d;
  const decimals = decimalsOf(h);
  const g = new Float64Array(m);
  const j = new Float64Array(m);
  const y = new Float64Array(m);
  let sumP = 0;
  let forcedSteps = 0;
  for (let k = 0; k < m; k++) {
    g[k] = d.floor[k] > 0 ? stepsToReach(r[k], p[k], per, d.floor[k], h) : 0;
    j[k] = g[k];
    forcedSteps += g[k];
    y[k] = (per * (r[k] + h * g[k])) / p[k];
    sumP += p[k];
  }
  const amountsDec = (): Decimal[] => {
    const out: Decimal[] = new Array(m);
    const hd = dec(h);
    for (let k = 0; k < m; k++) out[k] = dec(r[k]).plus(hd.times(j[k]));
    return out;
  };
  const exact = (): Rational | null =>
    exactCvSquared(
      amountsDec(),
      Array.from(p, (x) => new Dec(x)),
    );
  const amountsNow = (): Float64Array => {
    const a = new Float64Array(m);
    for (let k = 0; k < m; k++) a[k] = r[k] + h * j[k];
    return a;
  };
  const verified = (): boolean => atMostTarget(floatCoefficient(amountsNow(), p, m, per).cv, target, exact);

  let level: number | null = null;
  let feasible = verified();
  if (!feasible && target !== Infinity) {
    // Totals below the continuous optimum (with the same forced steps) are infeasible on any grid.
    const continuous = waterLevel(y, p, target);
    let lowerSteps = 0;
    if (continuous !== null) {
      let extra = 0;
      for (let k = 0; k < m; k++) if (y[k] < continuous) extra += (p[k] * (continuous - y[k])) / per;
      lowerSteps = Math.max(0, Math.ceil((extra / h) * (1 - 1e-7)) - 1);
    }
    if (lowerSteps > 0) jumpToPrefix(d, g, j, lowerSteps, continuous as number);
    feasible = greedy(d, j, sumP, verified);
  }
  const additions = new Float64Array(m);
  const forced = new Float64Array(m);
  let totalSteps = 0;
  let lifted = 0;
  let lowest = Infinity;
  if (!feasible) j.set(g);
  for (let k = 0; k < m; k++) {
    additions[k] = multiple(j[k], h, decimals);
    forced[k] = multiple(g[k], h, decimals);
    totalSteps += j[k];
    if (j[k] > g[k]) lifted++;
    lowest = Math.min(lowest, (per * (r[k] + h * j[k])) / p[k]);
  }
  // On a grid the lifted schools end within one step of the water level; the county's new lowest value stands for it.
  if (lifted > 0) level = lowest;
  const total = multiple(totalSteps, h, decimals);
  const forcedTotal = multiple(forcedSteps, h, decimals);
  const isFeasible = feasible;
  return finish(d, additions, forced, { total, forced: forcedTotal }, level, isFeasible, (before, cv) =>
    explain(
      d,
      forcedTotal,
      multiple(totalSteps - forcedSteps, h, decimals),
      lifted,
      level,
      isFeasible,
      before,
      cv,
    ),
  );
}

/**
 * Sets j to the greedy prefix of level λ — every step whose half-step-up value is below λ, on top of the forced
 * steps g — for the largest λ (by bisection) whose prefix adds at most `limit` steps.
 */
function jumpToPrefix(d: Prepared, g: Float64Array, j: Float64Array, limit: number, high: number): void {
  const m = d.index.length;
  const { r, p, per, step: h } = d;
  const prefix = (lambda: number, into: Float64Array | null): number => {
    let added = 0;
    for (let k = 0; k < m; k++) {
      const below = Math.ceil(((lambda * p[k]) / per - r[k]) / h - 0.5);
      const steps = below > g[k] ? below : g[k];
      added += steps - g[k];
      if (into) into[k] = steps;
    }
    return added;
  };
  let lo = 0;
  let hi = high;
  if (prefix(hi, null) <= limit) lo = hi;
  else {
    for (let it = 0; it < 200; it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (prefix(mid, null) <= limit) lo = mid;
      else hi = mid;
    }
  }
  prefix(lo, j);
}

/** Adds one step at a time where the value half a step up is lowest until `verified()`; false past the step cap. */
function greedy(d: Prepared, j: Float64Array, sumP: number, verified: () => boolean): boolean {
  const m = d.index.length;
  const { r, p, per, step: h, target } = d;
  const key = new Float64Array(m);
  const heap = new StepHeap(m, key);
  let sumA = 0;
  let sumA2P = 0;
  for (let k = 0; k < m; k++) {
    const a = r[k] + h * j[k];
    sumA += a;
    sumA2P += (a * a) / p[k];
    key[k] = (per * (a + h / 2)) / p[k];
    heap.push(k);
  }
  const t2 = target * target;
  const cap = STEPS_PER_SCHOOL * m + STEPS_EXTRA;
  for (let s = 0; s <= cap; s++) {
    if (sumA > 0) {
      const cv2 = cvSquared(sumP, sumA, sumA2P);
      // The running sums only screen; a total that may reach the target is verified from scratch (exact near it).
      if (cv2 <= t2 * (1 + 4 * NEAR) + 1e-12 && verified()) return true;
    }
    const k = heap.pop();
    const a = r[k] + h * j[k];
    j[k] += 1;
    const next = r[k] + h * j[k];
    sumA += next - a;
    sumA2P += (next * next - a * a) / p[k];
    key[k] = (per * (next + h / 2)) / p[k];
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
