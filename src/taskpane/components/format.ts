// Number display shared by the result and planner views: CVs to 3 decimals as national tables print them.
import { formatNumber } from '../../engine';

/** A CV as published: 3 decimals (spec §3); null (undefined CV) as the given text. */
export function formatCv(cv: number | null, undefinedText: string): string {
  return cv === null ? undefinedText : cv.toFixed(3);
}

/** A threshold with at least 2 decimals (0.5 → 0.50), more only when it has them (0.4501). */
export function formatThreshold(threshold: number): string {
  const text = formatNumber(threshold, 6);
  const decimals = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  return threshold.toFixed(Math.max(2, decimals));
}

/** How far a CV is from its threshold, with enough decimals to show a difference below 0.0005 (spec §3). */
export function formatDistance(cv: number, threshold: number): string {
  return Math.abs(cv - threshold).toFixed(6);
}
