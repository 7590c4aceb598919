/** A per-school indicator value as staff read it, with its unit per student: "56.1㎡/生", "2.5台/百生", "1:19.6". */
import { formatNumber, formatTeacherRatio } from '../model/format';
import { INDICATORS } from '../model/indicators';
import type { IndicatorId } from '../model/indicators';

/**
 * Decimals that keep about three significant digits without noise: 2,100 元 → 0, 56.1 ㎡ → 1, 6.33 册 → 2, 0.412
 * per 100 → 3, and up to 4 for the small per-student teacher ratios (0.0511).
 */
export function valueDecimals(value: number): number {
  const abs = Math.abs(value);
  if (abs >= 100) return 0;
  if (abs >= 10) return 1;
  if (abs >= 1) return 2;
  if (abs >= 0.1) return 3;
  return 4;
}

/** The number of a per-school value with {@link valueDecimals}: "56.1", "2,100", "0.0511". */
export function formatValueNumber(value: number): string {
  return formatNumber(value, valueDecimals(value));
}

/** The unit after a per-school value in Chinese: ㎡/生, 元/生, 册/生; per 100 students 人/百生, 台/百生, 间/百生. */
export function valueUnitText(id: IndicatorId): string {
  const meta = INDICATORS[id];
  return meta.per === 100 ? `${meta.unit}/百生` : `${meta.unit}/生`;
}

/** A per-school value with its unit in Chinese: "56.1㎡/生", "2.5台/百生"; 师生比 as staff write it ("1:19.6"). */
export function formatIndicatorValue(id: IndicatorId, value: number): string {
  if (id === 'teachersPerStudent') return formatTeacherRatio(value);
  return `${formatValueNumber(value)}${valueUnitText(id)}`;
}
