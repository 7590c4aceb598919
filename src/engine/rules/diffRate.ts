/** 校际差异率 — the inter-school difference rate of school mean scores (spec §7): (mean − min) / mean. */
import Decimal from 'decimal.js';

/** 校际差异率 limit of the quality items: a rate passes only when strictly below it (spec §7 "< 0.15", TV-4). */
export const DIFF_RATE_LIMIT = 0.15;

/** Enough digits that sums of thousands of scores and the pass comparison are exact, not rounded. */
const Exact = Decimal.clone({ precision: 60 });

export type DiffRateFailure = 'noScores' | 'invalidScore' | 'zeroMean';

export type DiffRateResult =
  | {
      ok: true;
      /** (mean − min) / mean, correctly rounded to the nearest double. */
      value: number;
      mean: number;
      min: number;
      /** value < limit, decided exactly in decimal. */
      pass: boolean;
    }
  | {
      ok: false;
      reason: DiffRateFailure;
      /** 0-based index of the offending score for 'invalidScore'. */
      index?: number;
      /** zh-CN explanation for the user. */
      message: string;
    };

/**
 * 校际差异率 over school mean scores, unweighted (spec §7 DEFAULT). Scores are taken as their shortest decimal
 * strings, so a rate that is exactly the limit in decimal (e.g. [16.1, 14, 11.9] → 0.15) fails even though the
 * float64 formula gives 0.14999999999999997.
 */
export function diffRate(scores: readonly number[], limit: number = DIFF_RATE_LIMIT): DiffRateResult {
  if (scores.length === 0) {
    return { ok: false, reason: 'noScores', message: '没有可计算的分数，无法计算校际差异率' };
  }
  let sum = new Exact(0);
  let min: number = Number.POSITIVE_INFINITY;
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index];
    if (!Number.isFinite(score) || score < 0) {
      return {
        ok: false,
        reason: 'invalidScore',
        index,
        message: `第 ${index + 1} 个分数（${String(score)}）无效：分数必须是不小于 0 的数`,
      };
    }
    sum = sum.plus(score);
    if (score < min) min = score;
  }
  if (sum.isZero()) {
    return { ok: false, reason: 'zeroMean', message: '平均分为 0，校际差异率无定义' };
  }
  const count = scores.length;
  const minTimesCount = new Exact(min).times(count);
  // (mean − min) / mean = (Σ − n·min) / Σ, and rate < limit ⇔ Σ − n·min < limit·Σ: no division in the decision.
  const rate = sum.minus(minTimesCount).dividedBy(sum);
  const pass = sum.minus(minTimesCount).lessThan(sum.times(limit));
  return { ok: true, value: rate.toNumber(), mean: sum.dividedBy(count).toNumber(), min, pass };
}

/** Whether a 校际差异率 already computed elsewhere passes: strictly below the limit (0.15 fails, 0.1499 passes). */
export function diffRatePasses(rate: number, limit: number = DIFF_RATE_LIMIT): boolean {
  return new Exact(rate).lessThan(limit);
}
