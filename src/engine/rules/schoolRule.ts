/** The per-school rule (spec §4): each indicator against its standard, exactly, then k of n met and the rest ≥ r. */
import type { Decimal } from 'decimal.js';
import {
  atLeastBound,
  dec,
  decimalParts,
  NEAR,
  ratioAtLeast,
  valueAtLeast,
  type Bound,
} from '../exact/arithmetic';

/** A standard or residual floor ready for fast comparisons: the exact bound and its float. */
export interface Floor {
  bound: Bound;
  float: number;
  /** The float's shortest decimal is the bound itself, so scaled-integer arithmetic on it is exact. */
  plain: boolean;
  /** The bound as a scaled safe integer (6.375 → 6375 × 10⁻³), when `plain` and it fits. */
  scaled: { int: number; exp: number } | null;
}

/** The floor for "value ≥ limit" under the profile's rounding (null = unrounded). */
export function floorOf(limit: number | Decimal, rounding: number | null): Floor {
  const bound = atLeastBound(dec(limit), rounding);
  const float = bound.value.toNumber();
  const plain = dec(float).eq(bound.value);
  return { bound, float, plain, scaled: plain ? decimalParts(float) : null };
}

/** 1 when value is clearly above the floor, −1 clearly below, 0 when within a relative 1e-9 (decide exactly). */
export function compareToFloor(value: number, floor: Floor): 1 | -1 | 0 {
  const f = floor.float;
  const slack = NEAR * Math.abs(f);
  if (value > f + slack) return 1;
  if (value < f - slack) return -1;
  return 0;
}

/** How to recompute a value exactly when its float is too close to a floor to trust. */
export type ExactValue = { resource: () => Decimal; students: number; per: number } | { value: number };

/**
 * value ≥ floor, exactly: the float decides unless it is within a relative 1e-9 of the floor; then
 * per·R ≥ floor·P in decimal (9 PE/art teachers for 1000 students is exactly 0.9 per 100).
 */
export function meetsFloor(value: number, floor: Floor, exact: ExactValue): boolean {
  const c = compareToFloor(value, floor);
  if (c !== 0) return c > 0;
  if ('value' in exact) return valueAtLeast(dec(exact.value), floor.bound);
  return ratioAtLeast(exact.resource(), dec(exact.students), exact.per, floor.bound);
}

/**
 * What the missing indicators of a part are at their worst: every unknown value is at least 0 (it comes from counts),
 * and the rule only gets easier as values grow, so a value of 0 is the worst any unknown cell can do. Of the missing
 * indicators, `met` still meet their standard at 0 (a standard of 0) and `aboveFloor` reach r × standard at 0 without
 * meeting the standard (r = 0); the rest could fall below the floor.
 */
export interface MissingAtWorst {
  met: number;
  aboveFloor: number;
}

/**
 * pass = met == n or (met ≥ k and every unmet ≥ r × standard), three-valued over `missing` unknown indicators: false
 * when even the best values of the unknown ones (all met) fail, true when even their worst values (0, see
 * MissingAtWorst) pass, else null — undecided, never a guess. With r > 0 and standards > 0 an unknown value can
 * always fall below the floor, so a part with a missing value is never decided as passing.
 */
export function schoolRulePass(
  met: number,
  n: number,
  k: number,
  belowFloor: number,
  missing: number,
  atWorst: MissingAtWorst = { met: 0, aboveFloor: 0 },
): boolean | null {
  const passes = (m: number, below: number) => m === n || (m >= k && below === 0);
  if (!passes(met + missing, belowFloor)) return false;
  if (missing === 0) return true;
  const worstBelow = belowFloor + missing - atWorst.met - atWorst.aboveFloor;
  return passes(met + atWorst.met, worstBelow) ? true : null;
}

export interface SchoolJudgement {
  met: number;
  /** k-of-n/r verdict; null when a value is missing and could decide it. */
  pass: boolean | null;
  /** Per indicator: value ≥ standard (null when missing). */
  meets: (boolean | null)[];
}

/**
 * The §4 rule over given values and standards, exact for decimal inputs (for custom functions and tests):
 * `judgeSchool([4.5, 1.2, 1, 5, 6.375, 2100, 2.5], [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], { k: 6, r: 0.85 })` passes.
 */
export function judgeSchool(
  values: readonly (number | null)[],
  standards: readonly number[],
  rule: { k: number; r: number },
  rounding: number | null = null,
): SchoolJudgement {
  if (values.length !== standards.length) throw new RangeError('values and standards differ in length');
  let met = 0;
  let below = 0;
  let missing = 0;
  const atWorst = { met: 0, aboveFloor: 0 };
  const meets = values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      missing++;
      if (meetsFloor(0, floorOf(standards[i], rounding), { value: 0 })) atWorst.met++;
      else if (meetsFloor(0, floorOf(dec(rule.r).times(standards[i]), rounding), { value: 0 }))
        atWorst.aboveFloor++;
      return null;
    }
    if (meetsFloor(v, floorOf(standards[i], rounding), { value: v })) {
      met++;
      return true;
    }
    if (!meetsFloor(v, floorOf(dec(rule.r).times(standards[i]), rounding), { value: v })) below++;
    return false;
  });
  return { met, meets, pass: schoolRulePass(met, standards.length, rule.k, below, missing, atWorst) };
}
