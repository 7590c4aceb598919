/** Public types of the remediation planner (整改测算): what to add, where, to meet the standards and a CV target. */
import type { BaseUnit } from '../model/units';
import type { ResourceUnit, ResourceUnits } from '../model/format';
import type { DataIssue, IndicatorId, Stage } from '../model/types';

/**
 * 单位成本 — 元 per unit of an indicator's raw resource: per teacher (人), per m² (㎡), per room (间), per computer (台),
 * per book (册), per 元 of equipment (1 unless given). Keyed by indicator id.
 */
export type UnitCosts = Partial<Record<IndicatorId, number>>;

/** Why a plan cannot be computed at all (an input problem, not an unreachable target). */
export type PlanProblem =
  | 'empty'
  | 'lengthMismatch'
  | 'invalidAmount'
  | 'invalidStudents'
  | 'invalidStandard'
  | 'invalidTarget'
  | 'invalidStep'
  | 'noStudents';

/** Input of `planIndicator`: one indicator of one stage, schools in any order. */
export interface IndicatorPlanInput {
  /** Raw resource Rᵢ per school in its base unit (teachers, m², 元, rooms …), ≥ 0. */
  amounts: readonly number[];
  /** Students Pᵢ per school; a school with Pᵢ = 0 has no weight and gets no addition (spec §3). */
  students: readonly number[];
  /** Value Xᵢ = per·Rᵢ/Pᵢ: 1 for per-student indicators, 100 for per-100 ones. */
  per: number;
  /**
   * Per-school minimum value (办学标准): one number for every school, one per school (null = none, e.g. a residual
   * indicator under the k-of-n rule may carry r × standard instead), or null for CV-only indicators.
   */
  standard: number | null | readonly (number | null)[];
  /** The CV to reach or beat (inclusive): the profile's threshold, or margin × threshold for a safety margin. */
  targetCv: number;
  /** Teachers, rooms, computers, books come whole. */
  countable: boolean;
  /**
   * Grid of the additions in raw units: every addition is a whole multiple of it. Default 1 when countable, 0.01
   * otherwise (a 0.01 m² / 0.01 元 grid, as the gaps of the check). 0 asks for the continuous optimum (not for
   * countable resources).
   */
  step?: number;
  /** Unit printed after amounts in the note ('人', '㎡', …); optional. */
  unit?: string;
  /** The unit the resource's column is written in (万元), when amounts in the note should follow it. */
  columnUnit?: ResourceUnit;
}

/** The minimal additions for one indicator (see docs/planner.md for why they are minimal). */
export interface IndicatorPlanValue {
  ok: true;
  /** aᵢ ≥ 0 per school, in raw units, aligned with the input (0 for schools without students). */
  additions: number[];
  /** Σ aᵢ. */
  total: number;
  /** The part of each addition the per-school standard forces on its own. */
  forced: number[];
  /** Σ forced. */
  forcedTotal: number;
  /** Values after the additions, per·(Rᵢ + aᵢ)/Pᵢ; null for schools without students. */
  values: (number | null)[];
  /** The CV before and after (unrounded); null when undefined (county mean 0). */
  cvBefore: number | null;
  cv: number | null;
  /** Student-weighted means before and after. */
  meanBefore: number | null;
  mean: number | null;
  /** The water level: schools lifted for the CV end at (about) this value; null when the standards were enough. */
  floor: number | null;
  /** true when every school meets its minimum and the CV is at or below the target after the additions. */
  feasible: boolean;
  /** Grid step actually used (0 = continuous). */
  step: number;
  /** zh-CN one-line explanation. */
  note: string;
}

export type IndicatorPlanResult = IndicatorPlanValue | { ok: false; code: PlanProblem; reason: string };

/** How per-school standards enter a stage plan. */
export type SchoolFloors =
  /** Every school meets every standard (the strict reading; the default). */
  | 'standard'
  /** The k-of-n rule: per school the cheapest set of indicators to lift to the standard, the rest to r × standard. */
  | 'rule';

export interface StagePlanOptions {
  /** One CV target for every indicator; default the profile's threshold of the stage (composite: see docs). */
  targetCv?: number;
  /** Per-indicator targets, overriding `targetCv`. */
  targets?: Partial<Record<IndicatorId, number>>;
  /** Safety margin factor on the default target, e.g. 0.9 → 0.9 × threshold. Default 1. */
  margin?: number;
  /** Default 'standard'. */
  schoolFloors?: SchoolFloors;
  /** Prices of the resources, for costs and for the k-of-n choice under `schoolFloors: 'rule'`. */
  unitCosts?: UnitCosts;
  /** Only these indicators (default: all of the profile's CV indicators, then those with standards only). */
  indicators?: readonly IndicatorId[];
  /** The unit each resource column is written in (万元): money in notes follows it; amounts stay in base units. */
  units?: ResourceUnits;
}

/** A school (stage part) in a stage plan, in table order. */
export interface PlannedSchool {
  key: string;
  /** 1-based worksheet row. */
  row: number;
  sheet?: string;
  name: string;
  students: number;
  /**
   * True when the part's facility totals come from splitting a combined row (spec §5): its additions are for this
   * stage part's share, so the row's total must grow by addition ÷ share.
   */
  split: boolean;
}

/** One indicator's plan within a stage; arrays are aligned with `StagePlan.schools`. */
export interface IndicatorPlan {
  indicator: IndicatorId;
  unit: BaseUnit;
  /** The unit of the resource's column when money is shown in it (万元); amounts stay in `unit`. */
  columnUnit?: ResourceUnit;
  countable: boolean;
  step: number;
  /** The stage's per-school standard (null for CV-only indicators). */
  standard: number | null;
  /** The CV target; null for an indicator with a standard but no CV in the profile. */
  targetCv: number | null;
  cvBefore: number | null;
  cv: number | null;
  meanBefore: number | null;
  mean: number | null;
  feasible: boolean;
  total: number;
  forcedTotal: number;
  floor: number | null;
  additions: number[];
  /** Values after the additions; null where the school has no data for this indicator. */
  values: (number | null)[];
  /** Schools left out for missing data (never counted as 0). */
  missing: number;
  /** total × unit cost in 元, or null without a price. */
  cost: number | null;
  note: string;
}

/** 整改测算 of one stage: every indicator's additions, the CVs after, and the data issues met on the way. */
export interface StagePlan {
  stage: Stage;
  profileId: string;
  schoolFloors: SchoolFloors;
  schools: PlannedSchool[];
  indicators: IndicatorPlan[];
  /** 综合差异系数 before and after, for composite-mode profiles (basic-2012); null otherwise. */
  composite: { before: number | null; after: number | null; threshold: number } | null;
  /** Every indicator feasible (and the composite, if any, at or below its threshold). */
  feasible: boolean;
  /**
   * The least the plan costs in 元 when every indicator with additions has a price, otherwise null: the other
   * indicators' costs plus the LARGEST teacher indicator's cost — never the sum of teacher indicators, since one new
   * teacher (高学历 and 骨干, say) counts for several of them.
   */
  cost: number | null;
  /**
   * 基本均衡 (composite-mode profiles) only: the cheapest mix of additions that brings the composite to the target
   * when unit costs are given; without them (or with a price missing) `ok: false` and the sentence saying the
   * indicators are planned one by one, not as the cheapest mix.
   */
  mix?: StageMix;
  issues: DataIssue[];
}

/** One indicator in the cheapest mix; arrays aligned with `StagePlan.schools`. */
export interface MixPlanIndicator {
  indicator: IndicatorId;
  unit: BaseUnit;
  columnUnit?: ResourceUnit;
  countable: boolean;
  /** The CV target the mix chose for this indicator (on the 0.0005 grid). */
  targetCv: number;
  cvBefore: number | null;
  cv: number | null;
  /** Σ additions, in `unit`. */
  total: number;
  /** total × unit cost, 元. */
  cost: number;
  additions: number[];
  values: (number | null)[];
}

/** The 基本均衡 cheapest mix of a stage (docs/planner.md, "基本均衡: the cheapest mix"). */
export type StageMix =
  | {
      ok: true;
      /** The composite target T (threshold × margin, or the given targetCv). */
      target: number;
      /** Grid of the per-indicator CV targets. */
      step: number;
      indicators: MixPlanIndicator[];
      /** Σ of the indicators' costs in 元 — teacher indicators priced separately, so an upper bound for hires. */
      cost: number;
      /** No plan reaching the target costs less than this (proven bound). */
      lowerBound: number;
      /** cost − lowerBound: 与理论最低相差不超过 gap 元. */
      gap: number;
      /** The cost of planning every CV to the target one by one (StagePlan.indicators), for comparison. */
      perIndicatorCost: number;
      /** The composite after the mix (mean of the CVs) and whether it is at most the target, decided exactly. */
      composite: number;
      feasible: boolean;
      /** zh-CN summary. */
      note: string;
    }
  | {
      ok: false;
      /** noCosts: no unit costs at all; missingPrices: some indicators unpriced (`missing`); unavailable: no plan. */
      code: 'noCosts' | 'missingPrices' | 'unavailable';
      /** zh-CN sentence: the plan shown is per indicator, not the cheapest mix, and why. */
      reason: string;
      missing?: IndicatorId[];
    };

/** One indicator's lift in a school plan. */
export interface SchoolLift {
  indicator: IndicatorId;
  /** Lifted to the full standard, or only to r × standard (a residual indicator of the k-of-n rule). */
  to: 'standard' | 'residual';
  /** The minimum value the lift reaches: the standard or r × standard. */
  target: number;
  /** Raw resource to add (whole for countable resources, 0.01 grid otherwise). */
  addition: number;
  /** addition × unit cost in 元, or null without a price. */
  cost: number | null;
}

/** The cheapest way for one school (stage part) to pass the k-of-n rule (spec §4). */
export interface SchoolPlan {
  key: string;
  row: number;
  sheet?: string;
  name: string;
  stage: Stage;
  /** The verdict before the plan. */
  passBefore: boolean | null;
  /** Indicators that need an addition (those already sufficient are not listed). */
  lifts: SchoolLift[];
  /** Number of indicators lifted. */
  count: number;
  /** Σ lift costs when every lift has a price (null otherwise, e.g. without unit costs). */
  cost: number | null;
  /** false when the plan cannot be made: no per-school rule, or missing data. */
  feasible: boolean;
  note: string;
}
