/** The --json output of `balance plan`: the conventions of `balance check` (rows 1-based, spec ids, numbers unrounded). */
import type { IndicatorId, IndicatorPlan, SchoolFloors, Stage, StagePlan, UnitCosts } from '../engine';
import { planIssues, type Planned } from './plan';

export interface JsonIndicatorPlan {
  unit: string;
  standard: number | null;
  /** The CV target (null: the profile computes no CV for this indicator). */
  target: number | null;
  cvBefore: number | null;
  cv: number | null;
  meanBefore: number | null;
  mean: number | null;
  /** Raw resource to add in all, of which `forcedTotal` just to reach the standards. */
  total: number;
  forcedTotal: number;
  /** The lowest value after the plan when water-filling was needed, else null. */
  floor: number | null;
  feasible: boolean;
  cost: number | null;
  note: string;
}

/** 基本均衡: the cheapest mix of additions for the composite (with unit costs), or why the plan is per indicator. */
export type JsonStageMix =
  | {
      ok: true;
      /** The composite target and the grid of the per-indicator targets. */
      target: number;
      step: number;
      /** Σ cost (teacher indicators priced separately: an upper bound), the proven lower bound and their gap, 元. */
      cost: number;
      lowerBound: number;
      gap: number;
      /** The cost of planning every indicator to the target one by one. */
      perIndicatorCost: number;
      composite: number;
      feasible: boolean;
      note: string;
      indicators: Partial<
        Record<
          IndicatorId,
          {
            unit: string;
            target: number;
            cvBefore: number | null;
            cv: number | null;
            total: number;
            cost: number;
          }
        >
      >;
      additions: {
        row: number;
        name: string;
        split: boolean;
        additions: Partial<Record<IndicatorId, number>>;
      }[];
    }
  | { ok: false; code: 'noCosts' | 'missingPrices' | 'unavailable'; reason: string };

export interface JsonStagePlan {
  schools: number;
  feasible: boolean;
  cost: number | null;
  composite: { before: number | null; after: number | null; threshold: number } | null;
  indicators: Partial<Record<IndicatorId, JsonIndicatorPlan>>;
  /** Schools (stage parts) with any addition; `additions` only lists indicators with one. */
  additions: {
    row: number;
    name: string;
    /** A combined row split by student-equivalents: additions are this stage part's share (spec §5). */
    split: boolean;
    additions: Partial<Record<IndicatorId, number>>;
  }[];
  /** 基本均衡 only. */
  mix?: JsonStageMix;
}

export interface JsonPlanResult {
  file: string;
  sheet: string;
  profile: string;
  options: { target: number | null; margin: number; floors: SchoolFloors; costs: UnitCosts | null };
  stages: Partial<Record<Stage, JsonStagePlan>>;
  /** The k-of-n school plans for every part that does not pass (empty without a per-school rule). */
  schoolPlans: {
    row: number;
    name: string;
    stage: Stage;
    passBefore: boolean | null;
    feasible: boolean;
    count: number;
    cost: number | null;
    lifts: {
      indicator: IndicatorId;
      to: 'standard' | 'residual';
      target: number;
      addition: number;
      cost: number | null;
    }[];
    note: string;
  }[];
  issues: { row: number; column: string | null; field: string; code: string; message: string }[];
}

function indicatorJson(ip: IndicatorPlan): JsonIndicatorPlan {
  return {
    unit: ip.unit,
    standard: ip.standard,
    target: ip.targetCv,
    cvBefore: ip.cvBefore,
    cv: ip.cv,
    meanBefore: ip.meanBefore,
    mean: ip.mean,
    total: ip.total,
    forcedTotal: ip.forcedTotal,
    floor: ip.floor,
    feasible: ip.feasible,
    cost: ip.cost,
    note: ip.note,
  };
}

/** Schools (stage parts) with any addition among `plans`, each listing only the indicators with one. */
function schoolAdditions(
  sp: StagePlan,
  plans: readonly { indicator: IndicatorId; additions: number[] }[],
): JsonStagePlan['additions'] {
  const additions: JsonStagePlan['additions'] = [];
  sp.schools.forEach((school, i) => {
    const adds: Partial<Record<IndicatorId, number>> = {};
    for (const ip of plans) if (ip.additions[i] > 0) adds[ip.indicator] = ip.additions[i];
    if (Object.keys(adds).length > 0) {
      additions.push({ row: school.row, name: school.name, split: school.split, additions: adds });
    }
  });
  return additions;
}

function mixJson(sp: StagePlan): JsonStageMix | undefined {
  const mix = sp.mix;
  if (!mix) return undefined;
  if (!mix.ok) return { ok: false, code: mix.code, reason: mix.reason };
  return {
    ok: true,
    target: mix.target,
    step: mix.step,
    cost: mix.cost,
    lowerBound: mix.lowerBound,
    gap: mix.gap,
    perIndicatorCost: mix.perIndicatorCost,
    composite: mix.composite,
    feasible: mix.feasible,
    note: mix.note,
    indicators: Object.fromEntries(
      mix.indicators.map((m) => [
        m.indicator,
        { unit: m.unit, target: m.targetCv, cvBefore: m.cvBefore, cv: m.cv, total: m.total, cost: m.cost },
      ]),
    ),
    additions: schoolAdditions(sp, mix.indicators),
  };
}

export function planToJson(p: Planned): JsonPlanResult {
  const stages: Partial<Record<Stage, JsonStagePlan>> = {};
  for (const sp of p.stages) {
    const additions = schoolAdditions(sp, sp.indicators);
    const mix = mixJson(sp);
    stages[sp.stage] = {
      schools: sp.schools.length,
      feasible: sp.feasible,
      cost: sp.cost,
      composite: sp.composite,
      indicators: Object.fromEntries(sp.indicators.map((ip) => [ip.indicator, indicatorJson(ip)])),
      additions,
      ...(mix ? { mix } : {}),
    };
  }
  return {
    file: p.checked.file,
    sheet: p.checked.sheet,
    profile: p.checked.profile.id,
    options: {
      target: p.options.target ?? null,
      margin: p.options.margin ?? 1,
      floors: p.options.floors,
      costs: p.costs ?? null,
    },
    stages,
    schoolPlans: p.schools.map((s) => ({
      row: s.row,
      name: s.name,
      stage: s.stage,
      passBefore: s.passBefore,
      feasible: s.feasible,
      count: s.count,
      cost: s.cost,
      lifts: s.lifts.map((l) => ({ ...l })),
      note: s.note,
    })),
    issues: planIssues(p).map((i) => ({
      row: i.row,
      column: i.column ?? null,
      field: i.field,
      code: i.code,
      message: i.message,
    })),
  };
}
