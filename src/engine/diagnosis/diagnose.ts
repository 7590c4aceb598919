/**
 * 差异系数诊断 — what drives one indicator's CV in one stage: each school's value and weight, its share of the
 * weighted squared deviation (贡献), the CV without it or with its value corrected, and outliers flagged for checking.
 */
import { floatCoefficientAt } from '../rules/coefficient';
import { formatPercent } from '../model/format';
import { isCount, type IndicatorId } from '../model/indicators';
import { readValueColumns, RATIO, MISSING } from '../rules/valueColumns';
import { median, outlierRule, robustScores, type OutlierRule } from './outliers';
import { formatIndicatorValue } from './valueText';
import type { Evaluation, Stage } from '../model/types';

/** What a corrected value is set to: the student-weighted mean of the other schools, or the median of all. */
export type CorrectionTarget = 'othersMean' | 'median';

/** Options of {@link diagnoseCoefficient}. */
export interface DiagnosisOptions {
  /** Fields of the outlier rule to change (DEFAULT_OUTLIER_RULE otherwise). */
  outliers?: Partial<OutlierRule>;
  /** DEFAULT 'othersMean': the school's own deviation disappears without its own value pulling the target. */
  correctTo?: CorrectionTarget;
}

/** A value flagged for checking: far above or below the others, or 0 where the others have some. */
export interface OutlierFlag {
  kind: 'high' | 'low' | 'zero';
  /** Robust z-score (null for a 0 on the log scale). */
  z: number | null;
  /** zh-CN: "请核实：城关中学 56.1㎡/生，为县均值的 4.0 倍". */
  message: string;
}

/** One school (stage part) of the CV. */
export interface DiagnosedSchool {
  key: string;
  row: number;
  sheet?: string;
  name: string;
  /** Xᵢ, the school's value. */
  value: number;
  /** Pᵢ, its weight. */
  students: number;
  /** The value came from a ratio given in the sheet (no raw counts). */
  fromRatio: boolean;
  /** Xᵢ / X̄; null when the mean is unknown or 0. */
  ratioToMean: number | null;
  /** 贡献: Pᵢ(Xᵢ − X̄)² / Σⱼ Pⱼ(Xⱼ − X̄)²; the shares sum to 1 (all 0 when every value equals the mean); null without a CV. */
  share: number | null;
  /** The CV of the other schools; null when none is left or their mean is 0. */
  cvWithout: number | null;
  /** The value this school would be corrected to (see {@link CorrectionTarget}); null when there is none. */
  correctedValue: number | null;
  /** The CV with this school's value set to `correctedValue`. */
  cvCorrected: number | null;
  /** Robust z-score under the outlier rule; null when not screened. */
  z: number | null;
  flag: OutlierFlag | null;
}

/** A school of the stage left out of the CV because a value is unknown (never counted as 0). */
export interface UnknownValue {
  key: string;
  row: number;
  sheet?: string;
  name: string;
  missing: 'students' | 'value';
  /** zh-CN. */
  message: string;
}

export interface CoefficientDiagnosis {
  stage: Stage;
  indicator: IndicatorId;
  /** Sorted by value, largest first (ties in table order). */
  schools: DiagnosedSchool[];
  /** Sorted by how far removing or correcting the school moves the CV (the larger of the two), most first. */
  movers: DiagnosedSchool[];
  unknown: UnknownValue[];
  /** ΣPᵢ of the schools with a value. */
  students: number;
  /** X̄ = per·ΣR/ΣP, the CV and S exactly as evaluate() computes them; null when undefined. */
  mean: number | null;
  sd: number | null;
  cv: number | null;
  /** Σ Pᵢ(Xᵢ − X̄)², what the shares divide. */
  squares: number | null;
  /** The unweighted median of the values. */
  median: number | null;
  /** The stage's CV limit under the profile (null in composite mode). */
  threshold: number | null;
  /** The per-school standard of the stage, when the profile has one. */
  standard: number | null;
  correctTo: CorrectionTarget;
  outliers: {
    rule: OutlierRule;
    /** false with `code` and `reason` when the values were not screened (too few schools, all equal, no CV). */
    screened: boolean;
    code?: 'tooFew' | 'allEqual' | 'noCv';
    /** zh-CN. */
    reason?: string;
    flags: DiagnosedSchool[];
  };
  /** zh-CN note when the CV is undefined (the evaluation's own). */
  note?: string;
}

/** CV of values x weighted by p, skipping `skip` and reading `replaced` for index `at`; null when undefined. */
function cvOf(x: Float64Array, p: Float64Array, skip: number, at: number, replaced: number): number | null {
  let sum = 0;
  let total = 0;
  for (let k = 0; k < x.length; k++) {
    if (k === skip) continue;
    const v = k === at ? replaced : x[k];
    sum += p[k] * v;
    total += p[k];
  }
  if (!(total > 0)) return null;
  const mean = sum / total;
  if (!(mean > 0 && Number.isFinite(mean))) return null;
  let ss = 0;
  for (let k = 0; k < x.length; k++) {
    if (k === skip) continue;
    const d = (k === at ? replaced : x[k]) - mean;
    ss += p[k] * d * d;
  }
  const cv = Math.sqrt(ss / total) / mean;
  return Number.isFinite(cv) ? cv : null;
}

/** The student-weighted mean of all values but index `skip`; null when no weight is left. */
function meanWithout(x: Float64Array, p: Float64Array, skip: number): number | null {
  let sum = 0;
  let total = 0;
  for (let k = 0; k < x.length; k++) {
    if (k === skip) continue;
    sum += p[k] * x[k];
    total += p[k];
  }
  return total > 0 ? sum / total : null;
}

/**
 * The zh-CN text of a flag: "请核实：城关中学 56.1㎡/生，为县均值的 4.0 倍", "…仅为县均值的 6%", "请核实：某校 为 0，县均值
 * 13.9㎡/生，是否漏填". `ratio` is the value over the county mean (null when the mean is unknown).
 */
export function flagMessage(
  kind: OutlierFlag['kind'],
  name: string,
  valueText: string,
  ratio: number | null,
  meanText: string | null,
): string {
  if (kind === 'zero')
    return `请核实：${name} 为 0${meanText !== null ? `，县均值 ${meanText}` : ''}，是否漏填`;
  const how =
    ratio === null
      ? kind === 'high'
        ? '明显偏高'
        : '明显偏低'
      : kind === 'high'
        ? `为县均值的 ${ratio.toFixed(1)} 倍`
        : `仅为县均值的 ${formatPercent(ratio)}`;
  return `请核实：${name} ${valueText}，${how}`;
}

function flagOf(
  school: DiagnosedSchool,
  indicator: IndicatorId,
  mean: number | null,
  rule: OutlierRule,
  anyPositive: boolean,
): OutlierFlag | null {
  const z = school.z;
  const meanText = mean !== null ? formatIndicatorValue(indicator, mean) : null;
  if (school.value === 0 && rule.scale === 'log') {
    if (!rule.flagZeros || !anyPositive) return null;
    return { kind: 'zero', z: null, message: flagMessage('zero', school.name, '0', null, meanText) };
  }
  if (z === null || !(Math.abs(z) > rule.threshold)) return null;
  const kind = z > 0 ? 'high' : 'low';
  const valueText = formatIndicatorValue(indicator, school.value);
  return { kind, z, message: flagMessage(kind, school.name, valueText, school.ratioToMean, meanText) };
}

/**
 * The diagnosis of one indicator's CV in one stage, from an evaluation (the same parts, weights and values its CV
 * used, so `cv` equals the evaluation's). Null when the stage or the indicator has no CV result.
 */
export function diagnoseCoefficient(
  evaluation: Evaluation,
  stage: Stage,
  indicator: IndicatorId,
  options: DiagnosisOptions = {},
): CoefficientDiagnosis | null {
  const result = evaluation.stages[stage]?.indicators[indicator];
  if (result === undefined) return null;
  const rule = outlierRule(options.outliers);
  const correctTo = options.correctTo ?? 'othersMean';
  const { parts, profile } = evaluation;
  // The weights exactly as evaluate() reads them (NaN: students unknown).
  const students = parts.map((part) => {
    const p = part.counts.students;
    return isCount(p) && Number.isInteger(p) ? p : NaN;
  });
  const col = readValueColumns(parts, students, [indicator])[0];
  const unknown: UnknownValue[] = [];
  const used: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.stage !== stage) continue;
    const where = { key: part.key, row: part.row, sheet: part.sheet, name: part.name };
    if (!(students[i] > 0)) {
      unknown.push({ ...where, missing: 'students', message: '在校生数缺失或无效，未计入此项' });
    } else if (col.source[i] === MISSING) {
      unknown.push({ ...where, missing: 'value', message: '缺少数据，未计入此项（不按 0 计算）' });
    } else used.push(i);
  }
  const n = used.length;
  const weights = new Float64Array(n);
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    weights[k] = students[used[k]];
    values[k] = (col.meta.per * col.resource[used[k]]) / weights[k];
  }
  const f =
    n > 0
      ? floatCoefficientAt(col.resource, new Float64Array(students), Int32Array.from(used), n, col.meta.per)
      : null;
  const cv = f?.cv ?? null;
  const mean = f !== null && !f.overflow ? f.mean : null;
  let squares: number | null = null;
  if (cv !== null && mean !== null) {
    squares = 0;
    for (let k = 0; k < n; k++) {
      const d = values[k] - mean;
      squares += weights[k] * d * d;
    }
  }
  const mid = n > 0 ? median(Array.from(values)) : null;
  const scores = robustScores(Array.from(values), rule);
  const screened = cv !== null && scores.ok;
  const notScreened: { code: 'tooFew' | 'allEqual' | 'noCv'; reason: string } | null =
    cv === null
      ? { code: 'noCv', reason: '差异系数无法计算，不做异常值判断' }
      : scores.ok
        ? null
        : { code: scores.code, reason: scores.reason };
  const schools: DiagnosedSchool[] = used.map((i, k) => {
    const part = parts[i];
    const x = values[k];
    const d = mean === null ? NaN : x - mean;
    const target = correctTo === 'median' ? mid : meanWithout(values, weights, k);
    return {
      key: part.key,
      row: part.row,
      sheet: part.sheet,
      name: part.name,
      value: col.source[i] === RATIO ? col.value[i] : x,
      students: weights[k],
      fromRatio: col.source[i] === RATIO,
      ratioToMean: mean !== null && mean > 0 ? x / mean : null,
      share: squares === null ? null : squares > 0 ? (weights[k] * d * d) / squares : 0,
      cvWithout: cv === null ? null : cvOf(values, weights, k, -1, 0),
      correctedValue: target,
      cvCorrected: cv === null || target === null ? null : cvOf(values, weights, -1, k, target),
      z: screened && scores.ok ? scores.scores[k] : null,
      flag: null,
    };
  });
  if (screened) {
    const anyPositive = schools.some((s) => s.value > 0);
    for (const s of schools) s.flag = flagOf(s, indicator, mean, rule, anyPositive);
  }
  const order = new Map(schools.map((s, k) => [s, k]));
  const byValue = [...schools].sort((a, b) => b.value - a.value || order.get(a)! - order.get(b)!);
  const move = (s: DiagnosedSchool): number =>
    cv === null
      ? 0
      : Math.max(
          s.cvWithout === null ? 0 : Math.abs(s.cvWithout - cv),
          s.cvCorrected === null ? 0 : Math.abs(s.cvCorrected - cv),
        );
  const movers = [...schools].sort(
    (a, b) => move(b) - move(a) || (b.share ?? 0) - (a.share ?? 0) || order.get(a)! - order.get(b)!,
  );
  const flags = byValue.filter((s) => s.flag !== null);
  const out: CoefficientDiagnosis = {
    stage,
    indicator,
    schools: byValue,
    movers,
    unknown,
    students: f !== null && !f.overflow ? f.students : 0,
    mean,
    sd: cv !== null && f !== null ? f.sd : null,
    cv,
    squares,
    median: mid,
    threshold: result.threshold,
    standard: profile.standards[indicator]?.[stage] ?? null,
    correctTo,
    outliers: { rule, screened, ...notScreened, flags },
  };
  if (result.note !== undefined) out.note = result.note;
  return out;
}

/**
 * Shares as percentages rounded to `decimals` places that add up to exactly 100 (largest remainders take the
 * leftover units), so a table of 贡献 never sums to 99.9% or 100.1%. All-zero shares stay 0.
 */
export function roundShares(shares: readonly number[], decimals: number = 1): number[] {
  const scale = 10 ** decimals;
  const total = shares.reduce((s, x) => s + x, 0);
  if (!(total > 0)) return shares.map(() => 0);
  const units = 100 * scale;
  const exact = shares.map((s) => (s / total) * units);
  const floors = exact.map(Math.floor);
  let left = units - floors.reduce((s, x) => s + x, 0);
  const byRemainder = exact.map((e, k) => ({ k, r: e - floors[k] })).sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of byRemainder) {
    if (left <= 0) break;
    floors[k]++;
    left--;
  }
  return floors.map((u) => u / scale);
}
