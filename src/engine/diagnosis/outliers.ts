/**
 * The outlier rule for per-school values (a flag for checking, never a correction): the modified z-score of
 * Iglewicz and Hoaglin on log values, from the median and the median absolute deviation (docs/diagnosis.md).
 */

/** How per-school values are screened for likely typing errors. */
export interface OutlierRule {
  /** |z| above this is flagged (Iglewicz & Hoaglin recommend 3.5). */
  threshold: number;
  /** Fewer positive values than this: no screening (a median of three says little), and the reason is given. */
  minSchools: number;
  /** 'log' screens ln X (a 4× and a ¼ value are equally far; per-student values are skewed); 'linear' screens X. */
  scale: 'log' | 'linear';
  /** Flag values of 0 when other schools have a positive value ("—" reads as 0 by default, spec §8). */
  flagZeros: boolean;
}

/** DEFAULT: robust z on log values, |z| > 3.5, at least 4 schools, zeros flagged. */
export const DEFAULT_OUTLIER_RULE: Readonly<OutlierRule> = Object.freeze({
  threshold: 3.5,
  minSchools: 4,
  scale: 'log',
  flagZeros: true,
});

/** 0.6745 = Φ⁻¹(0.75): MAD / 0.6745 estimates the standard deviation of normal data. */
const MAD_FACTOR = 0.6745;
/** √(π/2): mean absolute deviation × 1.2533 estimates the standard deviation of normal data. */
const MEAN_AD_FACTOR = 1.253314;

/** The median of the numbers (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Why no value was screened, or the scores: robust z per value (null for values the scale cannot take: 0 on log). */
export type RobustScores =
  { ok: true; scores: (number | null)[] } | { ok: false; code: 'tooFew' | 'allEqual'; reason: string };

/**
 * Modified z-scores zᵢ = 0.6745·(yᵢ − median y)/MAD with yᵢ = ln Xᵢ (or Xᵢ on the linear scale). When more than half
 * the values are equal the MAD is 0; then the mean absolute deviation stands in (zᵢ = (yᵢ − median)/(1.2533·meanAD)).
 * Values of 0 on the log scale get no score (their flag, if any, is the zero flag).
 */
export function robustScores(
  values: readonly number[],
  rule: OutlierRule = DEFAULT_OUTLIER_RULE,
): RobustScores {
  const log = rule.scale === 'log';
  const y: (number | null)[] = values.map((x) => (log ? (x > 0 ? Math.log(x) : null) : x));
  const usable = y.filter((v): v is number => v !== null && Number.isFinite(v));
  if (usable.length < rule.minSchools) {
    return {
      ok: false,
      code: 'tooFew',
      reason: `参与比较的学校少于 ${rule.minSchools} 所（${usable.length} 所），不做异常值判断`,
    };
  }
  const mid = median(usable);
  const deviations = usable.map((v) => Math.abs(v - mid));
  const mad = median(deviations);
  let scale: number;
  if (mad > 0) scale = mad / MAD_FACTOR;
  else {
    const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
    scale = MEAN_AD_FACTOR * meanAd;
  }
  if (!(scale > 0)) return { ok: false, code: 'allEqual', reason: '各校数值相同，没有异常值' };
  return { ok: true, scores: y.map((v) => (v === null || !Number.isFinite(v) ? null : (v - mid) / scale)) };
}

/** The rule with the given fields replaced, each checked (a bad field is a programmer error, not a data problem). */
export function outlierRule(overrides: Partial<OutlierRule> = {}): OutlierRule {
  const rule = { ...DEFAULT_OUTLIER_RULE, ...overrides };
  if (!(rule.threshold > 0 && Number.isFinite(rule.threshold)))
    throw new RangeError(`outlier threshold must be a positive number, got ${rule.threshold}`);
  if (!(Number.isInteger(rule.minSchools) && rule.minSchools >= 3))
    throw new RangeError(`outlier minSchools must be an integer of at least 3, got ${rule.minSchools}`);
  if (rule.scale !== 'log' && rule.scale !== 'linear')
    throw new RangeError(`outlier scale must be 'log' or 'linear', got ${String(rule.scale)}`);
  return rule;
}
