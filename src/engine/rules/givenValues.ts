/**
 * Decisions on values given directly — typed into a cell or computed there — rather than read from raw counts: a
 * per-school value against its standard, a CV or 综合差异系数 against its threshold, and the composite itself.
 */
import { atMostBound, dec } from '../exact/arithmetic';
import { floorOf, meetsFloor } from './schoolRule';

/**
 * value ≥ standard, inclusive and exact in decimal (the value is read as its shortest decimal, so 0.9 meets 0.9),
 * after rounding half-up to `rounding` decimals when the profile says so (spec §4).
 */
export function meetsStandard(value: number, standard: number, rounding: number | null = null): boolean {
  return meetsFloor(value, floorOf(standard, rounding), { value });
}

/** cv ≤ threshold, inclusive and exact in decimal, optionally after rounding half-up (spec §3, TV-4: 0.50 passes, 0.5001 fails). */
export function cvWithinThreshold(cv: number, threshold: number, rounding: number | null = null): boolean {
  const bound = atMostBound(dec(threshold), rounding);
  const value = dec(cv);
  return bound.strict ? value.lt(bound.value) : value.lte(bound.value);
}

/**
 * 综合差异系数 — the simple mean of single CVs (基本均衡), summed in decimal so eight CVs averaging exactly 0.65 give
 * 0.65 and not 0.6500000000000001; null for an empty list.
 */
export function compositeOf(cvs: readonly number[]): number | null {
  if (cvs.length === 0) return null;
  let sum = dec(0);
  for (const cv of cvs) sum = sum.plus(dec(cv));
  return sum.div(cvs.length).toNumber();
}
