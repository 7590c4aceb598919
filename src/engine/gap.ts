/** The gap (spec §4): how much raw resource a school must add to reach a per-school standard. */
import Decimal from 'decimal.js';
import { Dec } from './exact';
import type { IndicatorMeta } from './indicators';

/** Gaps of non-countable resources (m², 元) are rounded up to this many decimals, so adding the gap is enough. */
const MEASURE_DECIMALS = 2;

/**
 * Resource to add so that per·R/P ≥ standard: standard·P/per − R, rounded up — to a whole number for countable
 * things (teachers, rooms, computers, books), to 0.01 for m² and 元; 0 when met. `resource` is the raw R; null for
 * a ratio-only sheet, where (standard − value)·P/per is used. Float first; when the float lands within 1e-9 of a
 * rounding step, the step is decided with decimal.js.
 */
export function gapFor(
  meta: IndicatorMeta,
  standard: number,
  students: number,
  resource: number | null,
  value: number,
): number {
  const target = (standard * students) / meta.per;
  const need = resource !== null ? target - resource : ((standard - value) * students) / meta.per;
  if (!(need > -1e-9 * Math.max(1, target))) return 0;
  const scale = meta.countable ? 1 : 10 ** MEASURE_DECIMALS;
  const steps = need * scale;
  const nearest = Math.round(steps);
  if (Math.abs(steps - nearest) > 1e-9 * Math.max(1, Math.abs(target * scale))) {
    return Math.max(0, Math.ceil(steps)) / scale;
  }
  const t = new Dec(standard).times(students).div(meta.per);
  const exact =
    resource !== null ? t.minus(resource) : new Dec(standard).minus(value).times(students).div(meta.per);
  if (exact.lte(0)) return 0;
  return exact.toDecimalPlaces(meta.countable ? 0 : MEASURE_DECIMALS, Decimal.ROUND_CEIL).toNumber();
}
