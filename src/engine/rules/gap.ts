/** The gap (spec §4): how much raw resource a school must add to reach a per-school standard. */
import Decimal from 'decimal.js';
import { Dec, decimalParts } from '../exact/arithmetic';
import type { IndicatorMeta } from '../model/indicators';

/** Stands for decimalParts of a safe integer (its int is the resource itself). */
const WHOLE = { int: 0, exp: 0 };

/** decimalParts of the few standards (and floors) every gap is measured to, remembered. */
const STANDARD_PARTS = new Map<number, { int: number; exp: number } | null>();

function standardParts(standard: number): { int: number; exp: number } | null {
  let parts = STANDARD_PARTS.get(standard);
  if (parts === undefined) {
    parts = decimalParts(standard);
    if (STANDARD_PARTS.size >= 500) STANDARD_PARTS.clear();
    STANDARD_PARTS.set(standard, parts);
  }
  return parts;
}

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
  const places = meta.countable ? 0 : MEASURE_DECIMALS;
  const scale = 10 ** places;
  const steps = need * scale;
  const nearest = Math.round(steps);
  // The float need is off by a few ulps of the target at most; only a step boundary that close needs decimal.js.
  if (Math.abs(steps - nearest) > 1e-12 * Math.max(1, Math.abs(target * scale))) {
    return Math.max(0, Math.ceil(steps)) / scale;
  }
  // Is need·scale ≤ nearest, exactly? (standard·P/per − R)·scale ≤ n ⟺ sI·P·scale ≤ per·(n + R·scale)·10^a for
  // standard = sI·10^-a; with R to at most `places` decimals, R·scale is an integer and all of it safe integers.
  // A whole resource (the usual count or area) without an object; the standard's digits remembered.
  const r = resource === null ? null : Number.isSafeInteger(resource) ? WHOLE : decimalParts(resource);
  const rInt = r === WHOLE ? (resource as number) : r !== null ? r.int : 0;
  const sp = r !== null && r.exp <= places ? standardParts(standard) : null;
  if (r !== null && sp !== null) {
    const lhs = sp.int * students * scale;
    const rhs = meta.per * (nearest + rInt * 10 ** (places - r.exp)) * 10 ** sp.exp;
    if (Math.abs(lhs) <= Number.MAX_SAFE_INTEGER && Math.abs(rhs) <= Number.MAX_SAFE_INTEGER) {
      return Math.max(0, lhs <= rhs ? nearest : nearest + 1) / scale;
    }
  }
  const t = new Dec(standard).times(students).div(meta.per);
  const exact =
    resource !== null ? t.minus(resource) : new Dec(standard).minus(value).times(students).div(meta.per);
  if (exact.lte(0)) return 0;
  return exact.toDecimalPlaces(places, Decimal.ROUND_CEIL).toNumber();
}
