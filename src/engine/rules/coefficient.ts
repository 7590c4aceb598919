/** 差异系数 — the student-weighted population coefficient of variation (spec §3), its exact threshold decision and the composite. */
import type { Decimal } from 'decimal.js';
import {
  atMostBound,
  dec,
  exactCvSquared,
  meanOfRootsAtMost,
  NEAR,
  squaredAtMost,
  type Bound,
  type Rational,
} from '../exact/arithmetic';

/** Why a CV cannot be computed when the students' or resources' totals pass the largest double. */
export const OVERFLOW_NOTE =
  '学生数或资源数合计超出可计算范围（超过 1e308），数值过大，差异系数无法计算（不是 0）';

/** Why a CV or mean is undefined (zh-CN `reason` for the user). */
export type CoefficientProblem =
  'empty' | 'lengthMismatch' | 'invalidValue' | 'invalidStudents' | 'noStudents' | 'zeroMean';

export type MeanResult =
  | { ok: true; mean: number; schools: number; students: number }
  | { ok: false; code: CoefficientProblem; reason: string };

export type CoefficientValue =
  | { ok: true; cv: number; mean: number; sd: number; schools: number; students: number }
  | { ok: false; code: CoefficientProblem; reason: string };

/** Float CV of resources rᵢ over students pᵢ: Xᵢ = per·rᵢ/pᵢ, X̄ = per·Σr/Σp, S² = Σpᵢ(Xᵢ − X̄)²/Σp. */
export interface FloatCoefficient {
  mean: number;
  sd: number;
  /** null when X̄ = 0 (undefined, never 0) or when `overflow`. */
  cv: number | null;
  students: number;
  /** The totals or squared deviations went past the largest double (1e308): no CV can be computed, X̄ is not 0. */
  overflow: boolean;
}

/** The CV from the totals and the weighted sum of squares; any non-finite step is an overflow, never a mean of 0. */
function finish(sumR: number, sumP: number, ss: number, per: number): FloatCoefficient {
  const mean = (per * sumR) / sumP;
  const sd = Math.sqrt(ss / sumP);
  const overflow = !(
    Number.isFinite(sumR) &&
    Number.isFinite(sumP) &&
    Number.isFinite(mean) &&
    Number.isFinite(ss) &&
    Number.isFinite(sd)
  );
  const cv = sd / mean;
  // X̄ = 0 leaves the CV undefined; overflowing inputs (1e308 m²) leave it uncomputable — null either way, never 0.
  return { mean, sd, cv: !overflow && mean > 0 && cv < Infinity ? cv : null, students: sumP, overflow };
}

/**
 * The CV of the first `n` entries, two-pass for accuracy. Entries must have pᵢ > 0. X̄ comes from the raw totals
 * (per·Σr/Σp), which is exact for indicators of the form per·R/P, rather than from rounded per-school ratios.
 */
export function floatCoefficient(
  r: ArrayLike<number>,
  p: ArrayLike<number>,
  n: number,
  per: number,
): FloatCoefficient {
  let sumR = 0;
  let sumP = 0;
  for (let i = 0; i < n; i++) {
    sumR += r[i];
    sumP += p[i];
  }
  const mean = (per * sumR) / sumP;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (per * r[i]) / p[i] - mean;
    ss += p[i] * d * d;
  }
  return finish(sumR, sumP, ss, per);
}

/**
 * floatCoefficient over the entries r[at[k]], p[at[k]] for k < n, in that order (the same sums, so the same result
 * as copying them out first), without the copy: evaluate() passes each stage's part indices.
 */
export function floatCoefficientAt(
  r: Float64Array,
  p: Float64Array,
  at: Int32Array,
  n: number,
  per: number,
): FloatCoefficient {
  // Each pass a function of its own that returns its sum: its loop is compiled while it runs, without the code after
  // it (which had not run yet and, compiled with it, sent every stage's call back to the interpreter at the loop's
  // end). Σr and Σp are summed apart, each in the same order as before, so they are the same doubles.
  const sumR = sumAt(r, at, n);
  const sumP = sumAt(p, at, n);
  const mean = (per * sumR) / sumP;
  return finish(sumR, sumP, squaresAt(r, p, at, n, per, mean), per);
}

/** Σ x[at[k]] for k < n, in that order. */
function sumAt(x: Float64Array, at: Int32Array, n: number): number {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += x[at[k]];
  return sum;
}

/** Σ pᵢ·(per·rᵢ/pᵢ − mean)², floatCoefficientAt's second pass. */
function squaresAt(
  r: Float64Array,
  p: Float64Array,
  at: Int32Array,
  n: number,
  per: number,
  mean: number,
): number {
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const i = at[k];
    const pi = p[i];
    const d = (per * r[i]) / pi - mean;
    ss += pi * d * d;
  }
  return ss;
}

function validate(
  values: readonly number[],
  students: readonly number[],
  what: string,
): CoefficientProblem | string | null {
  if (!Array.isArray(values) || !Array.isArray(students)) return 'empty';
  if (values.length !== students.length) return 'lengthMismatch';
  if (values.length === 0) return 'empty';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(typeof v === 'number' && v >= 0 && v < Infinity)) return `invalidValue:${i + 1}:${what}`;
    const p = students[i];
    if (!(typeof p === 'number' && p >= 0 && p < Infinity)) return `invalidStudents:${i + 1}`;
  }
  return null;
}

function problem(
  code: string,
  n: number,
  m: number,
): { ok: false; code: CoefficientProblem; reason: string } {
  const [kind, pos, what] = code.split(':');
  switch (kind) {
    case 'lengthMismatch':
      return { ok: false, code: 'lengthMismatch', reason: `数值有 ${n} 个，学生数有 ${m} 个，个数必须相同` };
    case 'invalidValue':
      return {
        ok: false,
        code: 'invalidValue',
        reason: `第 ${pos} 个${what}不是非负数（缺失的数据不能按 0 计算）`,
      };
    case 'invalidStudents':
      return { ok: false, code: 'invalidStudents', reason: `第 ${pos} 个学生数不是非负数` };
    case 'overflow':
      return { ok: false, code: 'invalidValue', reason: OVERFLOW_NOTE };
    case 'noStudents':
      return { ok: false, code: 'noStudents', reason: '学生数合计为 0，无法加权' };
    case 'zeroMean':
      return { ok: false, code: 'zeroMean', reason: '县均值为 0，差异系数无定义（不是 0）' };
    default:
      return { ok: false, code: 'empty', reason: '没有数据' };
  }
}

/** Keeps entries with students > 0 (a school without students has no weight, spec §3). */
function weighted(values: readonly number[], students: readonly number[]): { v: number[]; p: number[] } {
  const v: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (students[i] > 0) {
      v.push(values[i]);
      p.push(students[i]);
    }
  }
  return { v, p };
}

/** X̄ = ΣPᵢXᵢ / ΣPᵢ — the student-weighted mean of per-school values. Schools with Pᵢ = 0 carry no weight. */
export function weightedMean(values: readonly number[], students: readonly number[]): MeanResult {
  const bad = validate(values, students, '数值');
  if (bad) return problem(bad, values?.length ?? 0, students?.length ?? 0);
  const { v, p } = weighted(values, students);
  if (v.length === 0) return problem('noStudents', 0, 0);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < v.length; i++) {
    sum += v[i] * p[i];
    total += p[i];
  }
  return { ok: true, mean: sum / total, schools: v.length, students: total };
}

function fromFloat(f: FloatCoefficient, schools: number): CoefficientValue {
  if (f.cv === null) return problem(f.overflow ? 'overflow' : 'zeroMean', 0, 0);
  return { ok: true, cv: f.cv, mean: f.mean, sd: f.sd, schools, students: f.students };
}

/** 差异系数 from per-school values Xᵢ and students Pᵢ (spec §3, population form, weighted by students). */
export function weightedCoefficient(
  values: readonly number[],
  students: readonly number[],
): CoefficientValue {
  const bad = validate(values, students, '数值');
  if (bad) return problem(bad, values?.length ?? 0, students?.length ?? 0);
  const { v, p } = weighted(values, students);
  if (v.length === 0) return problem('noStudents', 0, 0);
  // rᵢ = Xᵢ·Pᵢ with per = 1 gives X̄ = ΣPᵢXᵢ/ΣPᵢ.
  return fromFloat(
    floatCoefficient(
      v.map((x, i) => x * p[i]),
      p,
      v.length,
      1,
    ),
    v.length,
  );
}

/** 差异系数 from raw resources Rᵢ (teachers, m², 元 …) and students Pᵢ for Xᵢ = per·Rᵢ/Pᵢ; X̄ = per·ΣR/ΣP exactly. */
export function coefficientFromRaw(
  amounts: readonly number[],
  students: readonly number[],
  per: number = 1,
): CoefficientValue {
  const bad = validate(amounts, students, '资源数');
  if (bad) return problem(bad, amounts?.length ?? 0, students?.length ?? 0);
  const { v, p } = weighted(amounts, students);
  if (v.length === 0) return problem('noStudents', 0, 0);
  return fromFloat(floatCoefficient(v, p, v.length, per), v.length);
}

/**
 * CV ≤ threshold, decided exactly: the float CV decides unless it lies within a relative 1e-9 of the bound; then
 * `exact()` supplies CV² as a rational and the comparison is CV² ≤ t² in integers. `rounding` (decimals) compares
 * the CV rounded half-up instead of unrounded.
 */
export function cvAtMost(
  cv: number,
  threshold: number,
  rounding: number | null,
  exact: () => Rational | null,
): boolean {
  const bound = atMostBound(dec(threshold), rounding);
  const b = bound.value.toNumber();
  if (cv < b * (1 - NEAR)) return true;
  if (cv > b * (1 + NEAR)) return false;
  const q = exact();
  return q !== null && squaredAtMost(q, bound);
}

/** |cv − threshold| ≤ margin (spec §3: results within 0.0005 deserve a visible note). */
export function isNearThreshold(cv: number, threshold: number, margin: number): boolean {
  // The tiny slack keeps 0.4505 vs 0.45 (0.0005 apart in decimal, 0.00050000000000000044 in binary) "near".
  return Math.abs(cv - threshold) <= margin * (1 + 1e-9);
}

export type CoefficientDecision =
  | { ok: true; cv: number; mean: number; pass: boolean; nearThreshold: boolean }
  | { ok: false; code: CoefficientProblem; reason: string };

/**
 * Per-school values and students against a CV threshold, decided exactly (for custom functions). The exact path
 * treats each value as its shortest decimal, so aᵢ = Pᵢ·Xᵢ is exact.
 */
export function coefficientPasses(
  values: readonly number[],
  students: readonly number[],
  threshold: number,
  options: { rounding?: number | null; nearMargin?: number } = {},
): CoefficientDecision {
  const result = weightedCoefficient(values, students);
  if (!result.ok) return result;
  const { v, p } = weighted(values, students);
  const pass = cvAtMost(result.cv, threshold, options.rounding ?? null, () =>
    exactCvSquared(
      v.map((x, i) => dec(x).times(p[i])),
      p.map((x) => dec(x)),
    ),
  );
  return {
    ok: true,
    cv: result.cv,
    mean: result.mean,
    pass,
    nearThreshold: isNearThreshold(result.cv, threshold, options.nearMargin ?? 0.0005),
  };
}

/**
 * 综合差异系数 ≤ threshold — the simple mean of the single CVs (basic regime), exactly: near the bound, from the
 * single CVs' exact squares (`exacts`, evaluated lazily).
 */
export function compositeAtMost(
  cvs: readonly number[],
  threshold: number,
  rounding: number | null,
  exacts: () => (Rational | null)[],
): boolean {
  const bound: Bound = atMostBound(dec(threshold), rounding);
  const mean = cvs.reduce((s, x) => s + x, 0) / cvs.length;
  const b = bound.value.toNumber();
  if (mean < b * (1 - NEAR)) return true;
  if (mean > b * (1 + NEAR)) return false;
  const qs = exacts();
  if (qs.some((q) => q === null)) return false;
  return meanOfRootsAtMost(qs as Rational[], bound);
}

/** Decimal amounts and students of one CV, for the exact path. */
export interface ExactSeries {
  amounts: Decimal[];
  students: Decimal[];
}
