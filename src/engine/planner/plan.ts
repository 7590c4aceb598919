/** 整改测算 — remediation plans: per stage (standards and CV targets) and per school (the cheapest way to pass k of n). */
import { Dec } from '../exact/arithmetic';
import { amountInUnit, formatNumber, formatPercent, moneyUnitOf, type ResourceUnits } from '../model/format';
import { INDICATORS, isCount, type IndicatorMeta } from '../model/indicators';
import { cellIssue, tableIssue } from '../model/issues';
import { profileIndicators, standardIndicators } from '../rules/profiles';
import { partResource, readValueColumns } from '../rules/valueColumns';
import { MEASURE_STEP, planIndicator, stepsToReach } from './core';
import { cheapestMix } from './mix';
import type {
  IndicatorPlan,
  IndicatorPlanInput,
  MixPlanIndicator,
  PlannedSchool,
  SchoolFloors,
  SchoolLift,
  SchoolPlan,
  StagePlan,
  StageMix,
  StagePlanOptions,
  UnitCosts,
} from './types';
import type {
  DataIssue,
  Evaluation,
  IndicatorId,
  Profile,
  SchoolPart,
  SchoolVerdict,
  Stage,
} from '../model/types';

export { MEASURE_STEP, planIndicator, stepsToReach, waterLevel } from './core';

/** Grid of an indicator's additions: whole units for countable resources, 0.01 for m² and 元. */
export function stepOf(meta: IndicatorMeta): number {
  return meta.countable ? 1 : MEASURE_STEP;
}

/** 元 per unit of the indicator's resource: the given price; 1 for resources counted in 元 once prices are given. */
function priceOf(id: IndicatorId, unitCosts: UnitCosts | undefined): number | null {
  if (!unitCosts) return null;
  const price = unitCosts[id];
  if (price !== undefined) {
    if (!isCount(price))
      throw new RangeError(`unit cost of ${id} must be a non-negative number, got ${price}`);
    return price;
  }
  return INDICATORS[id].unit === '元' ? 1 : null;
}

/** r × standard by r, then standard: a profile has one r and a few standards, asked for every school part. */
const RESIDUALS = new Map<number, Map<number, number>>();
const RESIDUALS_KEPT = 500;

/** r × standard as the decimal it is (0.85 × 4.2 = 3.57, not 3.5700000000000003), remembered. */
export function residualOf(standard: number, r: number): number {
  let byStandard = RESIDUALS.get(r);
  if (byStandard === undefined) {
    if (RESIDUALS.size >= RESIDUALS_KEPT) RESIDUALS.clear();
    RESIDUALS.set(r, (byStandard = new Map()));
  }
  let product = byStandard.get(standard);
  if (product === undefined) {
    product = new Dec(r).times(standard).toNumber();
    if (byStandard.size >= RESIDUALS_KEPT) byStandard.clear();
    byStandard.set(standard, product);
  }
  return product;
}

/** What one unmet indicator of a school costs: lifted to the standard, or to r × standard as a residual. */
interface LiftOption {
  indicator: IndicatorId;
  standard: number;
  residualFloor: number;
  full: number;
  residual: number;
  price: number | null;
  /** Resource at the standard (s·P/per), to compare additions of different units without prices. */
  scale: number;
}

/**
 * The residual set U (|U| ≤ n − k, spec §4) minimising, lexicographically, the priced cost, the number of indicators
 * touched, and the additions relative to the standard's resource — over every admissible subset of the unmet
 * indicators (n is small), so the choice is optimal, not greedy.
 */
function chooseResiduals(options: readonly LiftOption[], count: number, slack: number): number {
  if (slack === 0) return 0;
  let best = 0;
  let bestCost = Infinity;
  let bestTouched = Infinity;
  let bestRelative = Infinity;
  // At most 12 indicators exist, so every subset (a bit mask over the options) is cheap to score.
  for (let mask = 0; mask < 1 << count; mask++) {
    let size = 0;
    for (let m = mask; m; m &= m - 1) size++;
    if (size > slack) continue;
    let cost = 0;
    let touched = 0;
    let relative = 0;
    for (let x = 0; x < count; x++) {
      const o = options[x];
      const add = mask & (1 << x) ? o.residual : o.full;
      if (add > 0) touched++;
      if (o.price !== null) cost += add * o.price;
      relative += o.scale > 0 ? add / o.scale : add;
    }
    const c = compare(cost, bestCost) || compare(touched, bestTouched) || compare(relative, bestRelative);
    if (c < 0) {
      best = mask;
      bestCost = cost;
      bestTouched = touched;
      bestRelative = relative;
    }
  }
  return best;
}

/** −1, 0 or 1, equal within a relative 1e-12 (sums of float costs tie where the decimals do). */
function compare(a: number, b: number): number {
  if (b === Infinity) return a < Infinity ? -1 : 0;
  const tol = 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
  return a < b - tol ? -1 : a > b + tol ? 1 : 0;
}

/** The per-school rule of one stage, prepared once: indicators with standards, their floors, steps and prices. */
interface StageRule {
  ids: IndicatorId[];
  metas: IndicatorMeta[];
  standards: number[];
  /** r × standard (the standard itself without a rule). */
  residualFloors: number[];
  steps: number[];
  prices: (number | null)[];
  /** n − k: how many indicators may stay at the residual floor. */
  slack: number;
  /** Each indicator's standard, for the school's note. */
  standardOf: ReadonlyMap<IndicatorId, number>;
}

function stageRule(profile: Profile, stage: Stage, unitCosts: UnitCosts | undefined): StageRule {
  const ids = standardIndicators(profile, stage);
  const rule = profile.schoolRule;
  const standards = ids.map((id) => profile.standards[id]?.[stage] as number);
  return {
    ids,
    metas: ids.map((id) => INDICATORS[id]),
    standards,
    residualFloors: standards.map((s) => (rule ? residualOf(s, rule.r) : s)),
    steps: ids.map((id) => stepOf(INDICATORS[id])),
    prices: ids.map((id) => priceOf(id, unitCosts)),
    slack: rule ? Math.max(0, ids.length - rule.k) : 0,
    standardOf: new Map(ids.map((id, x) => [id, standards[x]])),
  };
}

/** Lift options of a part for its stage's standard indicators; `missing` lists indicators without data. */
function liftOptions(part: SchoolPart, sr: StageRule): { options: LiftOption[]; missing: IndicatorId[] } {
  const p = part.counts.students;
  const options: LiftOption[] = [];
  const missing: IndicatorId[] = [];
  for (let x = 0; x < sr.ids.length; x++) {
    const meta = sr.metas[x];
    const r = isCount(p) ? partResource(part, meta, p) : NaN;
    if (!(r === r) || !isCount(p)) {
      missing.push(sr.ids[x]);
      continue;
    }
    const h = sr.steps[x];
    const standard = sr.standards[x];
    const full = stepsToReach(r, p, meta.per, standard, h) * h;
    options.push({
      indicator: sr.ids[x],
      standard,
      residualFloor: sr.residualFloors[x],
      full,
      residual: full === 0 ? 0 : stepsToReach(r, p, meta.per, sr.residualFloors[x], h) * h,
      price: sr.prices[x],
      scale: (standard * p) / meta.per,
    });
  }
  return { options, missing };
}

function tidy(x: number, step: number): number {
  return step === 1 ? x : Number(x.toFixed(2));
}

/**
 * 逐校整改 — the cheapest way for one school part to pass the k-of-n rule (spec §4): which indicators to lift to the
 * standard and which (at most n − k) only to r × standard. With `unitCosts` (元 per teacher, per m², …) the total
 * cost is minimised; without, the number of indicators touched. `part` is the verdict's stage part (evaluation.parts,
 * same key): its students and raw counts make the additions exact. Throws only when part and verdict differ.
 */
export function planSchool(
  verdict: SchoolVerdict,
  part: SchoolPart,
  profile: Profile,
  unitCosts?: UnitCosts,
  units?: ResourceUnits,
): SchoolPlan {
  return planPart(verdict, part, profile, (stage) => stageRule(profile, stage, unitCosts), unitCosts, units);
}

/** planSchool with the stage's rule from `ruleOf` (planSchools makes each stage's once for all its parts). */
function planPart(
  verdict: SchoolVerdict,
  part: SchoolPart,
  profile: Profile,
  ruleOf: (stage: Stage) => StageRule,
  unitCosts: UnitCosts | undefined,
  units: ResourceUnits | undefined,
): SchoolPlan {
  if (verdict.key !== part.key) throw new RangeError(`verdict ${verdict.key} and part ${part.key} differ`);
  const plan: SchoolPlan = {
    key: verdict.key,
    row: verdict.row,
    name: verdict.name,
    stage: verdict.stage,
    passBefore: verdict.pass,
    lifts: [],
    count: 0,
    cost: null,
    feasible: false,
    note: '',
  };
  if (verdict.sheet !== undefined) plan.sheet = verdict.sheet;
  const rule = profile.schoolRule;
  if (rule === null) {
    plan.note = '该评估标准没有校级达标规则（k 项达标），无需逐校测算';
    return plan;
  }
  const sr = ruleOf(part.stage);
  const { options, missing } = liftOptions(part, sr);
  if (missing.length > 0) {
    plan.note = `缺少数据（${missing.map((id) => INDICATORS[id].name).join('、')}），无法测算（不按 0 计算）`;
    return plan;
  }
  const residuals = chooseResiduals(options, options.length, sr.slack);
  let cost = 0;
  let priced = true;
  options.forEach((o, i) => {
    const asResidual = (residuals & (1 << i)) !== 0;
    const addition = asResidual ? o.residual : o.full;
    if (addition <= 0) return;
    const step = stepOf(INDICATORS[o.indicator]);
    const lift: SchoolLift = {
      indicator: o.indicator,
      to: asResidual ? 'residual' : 'standard',
      target: asResidual ? o.residualFloor : o.standard,
      addition: tidy(addition, step),
      cost: o.price === null ? null : addition * o.price,
    };
    if (lift.cost === null) priced = false;
    else cost += lift.cost;
    plan.lifts.push(lift);
  });
  plan.count = plan.lifts.length;
  plan.cost = priced && unitCosts ? cost : null;
  plan.feasible = true;
  plan.note = schoolNote(plan, sr.standardOf, units);
  return plan;
}

function schoolNote(
  plan: SchoolPlan,
  standards: ReadonlyMap<IndicatorId, number>,
  units: ResourceUnits | undefined,
): string {
  if (plan.lifts.length === 0) return '已达到校级标准，无需增加';
  const items = plan.lifts.map((l) => {
    const meta = INDICATORS[l.indicator];
    const target = `${formatNumber(l.target, 6)}${meta.valueUnit}`;
    const standard = standards.get(l.indicator) as number;
    const reach =
      l.to === 'standard'
        ? `达到标准 ${target}`
        : `达到 ${target}（标准 ${formatNumber(standard, 6)}${meta.valueUnit} 的 ${formatPercent(l.target / standard)}）`;
    // Money as the column is written (万元 column → 万元); the addition itself stays in base units.
    const column = meta.unit === '元' ? moneyUnitOf(meta.resourceField, units) : undefined;
    return `${meta.name}增加 ${amountInUnit(l.addition, meta.unit, column)}，${reach}`;
  });
  const cost = plan.cost !== null ? `；约 ${formatNumber(plan.cost, 0)} 元` : '';
  return `提高 ${plan.count} 项：${items.join('；')}${cost}`;
}

/** School plans for every school part that does not pass yet (pass false or unknown), in table order. */
export function planSchools(
  evaluation: Pick<Evaluation, 'parts' | 'profile' | 'schools'>,
  unitCosts?: UnitCosts,
  units?: ResourceUnits,
): SchoolPlan[] {
  if (evaluation.profile.schoolRule === null) return [];
  const parts = new Map(evaluation.parts.map((p) => [p.key, p]));
  const profile = evaluation.profile;
  const rules = new Map<Stage, StageRule>();
  const ruleOf = (stage: Stage): StageRule => {
    let rule = rules.get(stage);
    if (rule === undefined) rules.set(stage, (rule = stageRule(profile, stage, unitCosts)));
    return rule;
  };
  const out: SchoolPlan[] = [];
  for (const verdict of evaluation.schools) {
    if (verdict.pass === true) continue;
    const part = parts.get(verdict.key);
    if (part) out.push(planPart(verdict, part, profile, ruleOf, unitCosts, units));
  }
  return out;
}

function checkOptions(options: StagePlanOptions): void {
  const { margin, targetCv, targets } = options;
  if (margin !== undefined && !(isCount(margin) && margin > 0)) {
    throw new RangeError(`margin must be a positive number, got ${margin}`);
  }
  if (targetCv !== undefined && !isCount(targetCv)) {
    throw new RangeError(`targetCv must be a non-negative number, got ${targetCv}`);
  }
  for (const [id, t] of Object.entries(targets ?? {})) {
    if (!isCount(t)) throw new RangeError(`target of ${id} must be a non-negative number, got ${t}`);
  }
}

/** The CV target of an indicator in the stage, or null when the profile computes no CV for it. */
function targetOf(id: IndicatorId, profile: Profile, stage: Stage, options: StagePlanOptions): number | null {
  const own = options.targets?.[id];
  if (own !== undefined) return own;
  if (!profile.indicators.includes(id)) return null;
  if (options.targetCv !== undefined) return options.targetCv;
  return new Dec(profile.cv.thresholds[stage]).times(options.margin ?? 1).toNumber();
}

/** Raw resources of a stage's parts per indicator as evaluate() reads them, read once (NaN where data is missing). */
class Resources {
  private readonly cache = new Map<IndicatorId, Float64Array>();

  constructor(
    private readonly parts: readonly SchoolPart[],
    private readonly students: readonly number[],
  ) {}

  get(id: IndicatorId): Float64Array {
    let column = this.cache.get(id);
    if (column === undefined) {
      column = readValueColumns(this.parts, this.students, [id])[0].resource;
      this.cache.set(id, column);
    }
    return column;
  }
}

/** Per school, a bit mask over `ids`: the indicators the k-of-n choice keeps at r × standard. */
interface ResidualChoices {
  ids: IndicatorId[];
  masks: Int32Array;
}

/**
 * The k-of-n choice of floors for every school (null when the rule is off). A school with missing data keeps fewer
 * residual slots — a missing indicator may turn out to need one.
 */
function residualChoices(
  students: readonly number[],
  resources: Resources,
  profile: Profile,
  stage: Stage,
  mode: SchoolFloors,
  unitCosts: UnitCosts | undefined,
): ResidualChoices | null {
  if (mode !== 'rule' || profile.schoolRule === null) return null;
  const sr = stageRule(profile, stage, unitCosts);
  const columns = sr.ids.map((id) => resources.get(id));
  const masks = new Int32Array(students.length);
  // Reused option records and their slots in `ids` (most schools miss one or two standards, so a few suffice).
  const options: LiftOption[] = sr.ids.map((indicator) => ({
    indicator,
    standard: 0,
    residualFloor: 0,
    full: 0,
    residual: 0,
    price: null,
    scale: 0,
  }));
  const slots = new Int32Array(sr.ids.length);
  for (let i = 0; i < students.length; i++) {
    const p = students[i];
    let count = 0;
    let missing = 0;
    for (let x = 0; x < sr.ids.length; x++) {
      const r = columns[x][i];
      if (!(r === r)) {
        missing++;
        continue;
      }
      const meta = sr.metas[x];
      const h = sr.steps[x];
      const full = stepsToReach(r, p, meta.per, sr.standards[x], h);
      // A met indicator costs nothing either way: only the unmet ones compete for the residual slots.
      if (full === 0) continue;
      const o = options[count];
      o.indicator = sr.ids[x];
      o.standard = sr.standards[x];
      o.residualFloor = sr.residualFloors[x];
      o.full = full * h;
      o.residual = stepsToReach(r, p, meta.per, sr.residualFloors[x], h) * h;
      o.price = sr.prices[x];
      o.scale = (sr.standards[x] * p) / meta.per;
      slots[count++] = x;
    }
    if (count === 0) continue;
    const chosen = chooseResiduals(options, count, Math.max(0, sr.slack - missing));
    for (let k = 0; k < count; k++) if (chosen & (1 << k)) masks[i] |= 1 << slots[k];
  }
  return { ids: sr.ids, masks };
}

/**
 * 整改测算 of one stage: for every indicator of the profile, the minimal additions per school so that each school
 * meets its standard (`schoolFloors: 'standard'`, the default) or the k-of-n choice of floors (`'rule'`), and the CV
 * is at most the target (default: the stage's threshold × `margin`). `source` is an Evaluation (or its parts and
 * profile). Schools without data for an indicator are left out of it with a warning, never counted as 0. Invalid
 * options (a negative target or margin) are programmer errors and throw RangeError.
 */
export function planStage(
  source: Pick<Evaluation, 'parts' | 'profile'>,
  stage: Stage,
  options: StagePlanOptions = {},
): StagePlan {
  checkOptions(options);
  const { profile } = source;
  const mode = options.schoolFloors ?? 'standard';
  const parts = source.parts.filter(
    (p) => p.stage === stage && isCount(p.counts.students) && p.counts.students > 0,
  );
  const schools: PlannedSchool[] = parts.map((p) => {
    const s: PlannedSchool = {
      key: p.key,
      row: p.row,
      name: p.name,
      students: p.counts.students as number,
      split: p.split,
    };
    if (p.sheet !== undefined) s.sheet = p.sheet;
    return s;
  });
  const students = schools.map((s) => s.students);
  const resources = new Resources(parts, students);
  const residuals = residualChoices(students, resources, profile, stage, mode, options.unitCosts);
  const issues: DataIssue[] = [];
  const ids = (options.indicators ?? profileIndicators(profile)).filter(
    (id) => profile.indicators.includes(id) || profile.standards[id]?.[stage] !== undefined,
  );
  const indicators = ids.map((id) =>
    planOne(id, parts, students, resources.get(id), residuals, profile, stage, options, issues),
  );
  let composite: StagePlan['composite'] = null;
  if (profile.cv.mode === 'composite') {
    const planned = profile.indicators.map((id) => indicators.find((x) => x.indicator === id));
    const mean = (pick: (x: IndicatorPlan) => number | null): number | null => {
      const cvs = planned.map((x) => (x ? pick(x) : null));
      return cvs.every((c): c is number => c !== null) ? cvs.reduce((s, c) => s + c, 0) / cvs.length : null;
    };
    composite = {
      before: mean((x) => x.cvBefore),
      after: mean((x) => x.cv),
      threshold: profile.cv.thresholds[stage],
    };
  }
  const added = indicators.filter((x) => x.total > 0);
  const costs = added.map((x) => x.cost);
  // One new teacher can count for several teacher indicators: their costs overlap, so only the largest is certain.
  const teacherCosts = added.filter((x) => isTeacherIndicator(x.indicator)).map((x) => x.cost ?? 0);
  const otherCosts = added.filter((x) => !isTeacherIndicator(x.indicator)).map((x) => x.cost ?? 0);
  const mix =
    profile.cv.mode === 'composite'
      ? stageMix(parts, students, resources, residuals, profile, stage, options)
      : undefined;
  const plan: StagePlan = {
    stage,
    profileId: profile.id,
    schoolFloors: mode,
    schools,
    indicators,
    composite,
    feasible:
      indicators.every((x) => x.feasible) &&
      (composite === null || (composite.after !== null && composite.after <= composite.threshold)),
    cost:
      options.unitCosts && costs.every((c) => c !== null)
        ? otherCosts.reduce((s, c) => s + c, 0) + Math.max(0, ...teacherCosts)
        : null,
    issues,
  };
  if (mix) plan.mix = mix;
  return plan;
}

/** Without unit costs a 基本均衡 plan lowers every CV to the target on its own — sufficient, not the cheapest mix. */
export const PER_INDICATOR_NOTE =
  '未填写单位成本：以下按各指标分别测算（每项差异系数都降到目标），能保证综合差异系数达标，但不是成本最低的组合；填写各项单位成本后可求成本最低的组合';

/**
 * 基本均衡: the cheapest mix of additions over the composite's indicators (cheapestMix), each indicator planned with
 * the same schools and per-school floors as its own plan; a reason instead when prices or data are missing.
 */
function stageMix(
  parts: readonly SchoolPart[],
  students: readonly number[],
  resources: Resources,
  residuals: ResidualChoices | null,
  profile: Profile,
  stage: Stage,
  options: StagePlanOptions,
): StageMix {
  if (!options.unitCosts) return { ok: false, code: 'noCosts', reason: PER_INDICATOR_NOTE };
  const ids = profile.indicators;
  const unpriced = ids.filter((id) => priceOf(id, options.unitCosts) === null);
  if (unpriced.length > 0) {
    return {
      ok: false,
      code: 'missingPrices',
      missing: unpriced,
      reason: `缺少单位成本（${unpriced.map((id) => INDICATORS[id].name).join('、')}），无法求成本最低的组合；以下按各指标分别测算`,
    };
  }
  if (parts.length === 0) return { ok: false, code: 'unavailable', reason: '没有学校可测算' };
  const target =
    options.targetCv ?? new Dec(profile.cv.thresholds[stage]).times(options.margin ?? 1).toNumber();
  const inputs = ids.map((id) =>
    indicatorInput(id, parts, students, resources.get(id), residuals, profile, stage, options, null),
  );
  const result = cheapestMix({
    target,
    indicators: ids.map((id, x) => ({
      ...inputs[x].input,
      indicator: id,
      price: priceOf(id, options.unitCosts) as number,
    })),
  });
  if (!result.ok) return { ok: false, code: 'unavailable', reason: `无法求成本最低的组合：${result.reason}` };
  const n = parts.length;
  const indicators: MixPlanIndicator[] = result.indicators.map((m, x) => {
    const additions = new Array<number>(n).fill(0);
    const values = new Array<number | null>(n).fill(null);
    inputs[x].used.forEach((i, k) => {
      additions[i] = m.plan.additions[k];
      values[i] = m.plan.values[k];
    });
    const meta = INDICATORS[m.indicator];
    const out: MixPlanIndicator = {
      indicator: m.indicator,
      unit: meta.unit,
      countable: meta.countable,
      targetCv: m.targetCv,
      cvBefore: m.plan.cvBefore,
      cv: m.plan.cv,
      total: m.plan.total,
      cost: m.cost,
      additions,
      values,
    };
    const columnUnit = inputs[x].input.columnUnit;
    if (columnUnit) out.columnUnit = columnUnit;
    return out;
  });
  const perIndicatorCost = result.perIndicatorCost;
  const teachers = indicators.filter((m) => isTeacherIndicator(m.indicator) && m.total > 0).length;
  const note =
    result.cost === 0
      ? `综合差异系数 ${formatNumber(result.composite, 3)} 已不超过目标 ${formatNumber(target, 4)}，成本最低的组合无需增加资源`
      : `成本最低的组合：综合差异系数降至 ${formatNumber(result.composite, 3)}（目标 ≤ ${formatNumber(target, 4)}），` +
        `合计约 ${formatNumber(result.cost, 0)} 元，与理论最低相差不超过 ${formatNumber(Math.ceil(result.gap), 0)} 元` +
        (perIndicatorCost < Infinity && perIndicatorCost > result.cost
          ? `（各指标分别降到目标约需 ${formatNumber(perIndicatorCost, 0)} 元）`
          : '') +
        (teachers > 1 ? '；教师各项分别计价，同一名新教师可同时计入几项，故教师费用为上限' : '');
  return {
    ok: true,
    target,
    step: result.step,
    indicators,
    cost: result.cost,
    lowerBound: result.lowerBound,
    gap: result.gap,
    perIndicatorCost: result.perIndicatorCost,
    composite: result.composite,
    feasible: result.feasible,
    note,
  };
}

/** A teacher indicator (counted in 人): additions to different ones may be the same people. */
export function isTeacherIndicator(id: IndicatorId): boolean {
  return INDICATORS[id].unit === '人';
}

/** The schools with data for an indicator (their indices) and planIndicator's input for them, without a target. */
function indicatorInput(
  id: IndicatorId,
  parts: readonly SchoolPart[],
  students: readonly number[],
  resources: Float64Array,
  residuals: ResidualChoices | null,
  profile: Profile,
  stage: Stage,
  options: StagePlanOptions,
  issues: DataIssue[] | null,
): { used: number[]; input: Omit<IndicatorPlanInput, 'targetCv'> } {
  const meta = INDICATORS[id];
  const standard = profile.standards[id]?.[stage] ?? null;
  const rule = profile.schoolRule;
  const residualFloor = standard !== null && rule ? residualOf(standard, rule.r) : null;
  const slot = residuals ? residuals.ids.indexOf(id) : -1;
  const used: number[] = [];
  const amounts: number[] = [];
  const floors: (number | null)[] = [];
  for (let i = 0; i < parts.length; i++) {
    const r = resources[i];
    if (!(r === r)) {
      issues?.push(cellIssue(parts[i], meta.resourceField, 'planMissing', 'warning', { indicator: id }));
      continue;
    }
    used.push(i);
    amounts.push(r);
    const residual = slot >= 0 && ((residuals as ResidualChoices).masks[i] & (1 << slot)) !== 0;
    floors.push(residual ? residualFloor : standard);
  }
  const columnUnit = meta.unit === '元' ? moneyUnitOf(meta.resourceField, options.units) : undefined;
  return {
    used,
    input: {
      amounts,
      students: used.map((i) => students[i]),
      per: meta.per,
      standard: floors,
      countable: meta.countable,
      step: stepOf(meta),
      unit: meta.unit,
      columnUnit,
    },
  };
}

function planOne(
  id: IndicatorId,
  parts: readonly SchoolPart[],
  students: readonly number[],
  resources: Float64Array,
  residuals: ResidualChoices | null,
  profile: Profile,
  stage: Stage,
  options: StagePlanOptions,
  issues: DataIssue[],
): IndicatorPlan {
  const meta = INDICATORS[id];
  const standard = profile.standards[id]?.[stage] ?? null;
  const target = targetOf(id, profile, stage, options);
  const step = stepOf(meta);
  const n = parts.length;
  const { used, input } = indicatorInput(
    id,
    parts,
    students,
    resources,
    residuals,
    profile,
    stage,
    options,
    issues,
  );
  const columnUnit = input.columnUnit;
  const plan: IndicatorPlan = {
    indicator: id,
    unit: meta.unit,
    countable: meta.countable,
    step,
    standard,
    targetCv: target,
    cvBefore: null,
    cv: null,
    meanBefore: null,
    mean: null,
    feasible: false,
    total: 0,
    forcedTotal: 0,
    floor: null,
    additions: new Array<number>(n).fill(0),
    values: new Array<number | null>(n).fill(null),
    missing: n - used.length,
    cost: null,
    note: '',
  };
  if (columnUnit) plan.columnUnit = columnUnit;
  const result = planIndicator({ ...input, targetCv: target ?? Infinity });
  if (!result.ok) {
    plan.note = `${meta.name}：${result.reason}，无法测算`;
    if (n > 0)
      issues.push(
        tableIssue(parts[0].sheet, id, 'planUnavailable', 'warning', { indicator: id, problem: result.code }),
      );
    return plan;
  }
  used.forEach((i, k) => {
    plan.additions[i] = result.additions[k];
    plan.values[i] = result.values[k];
  });
  const price = priceOf(id, options.unitCosts);
  Object.assign(plan, {
    cvBefore: result.cvBefore,
    cv: result.cv,
    meanBefore: result.meanBefore,
    mean: result.mean,
    feasible: result.feasible,
    total: result.total,
    forcedTotal: result.forcedTotal,
    floor: result.floor,
    cost: price === null ? null : result.total * price,
    note: plan.missing > 0 ? `${result.note}（${plan.missing} 所学校缺少数据，未参与测算）` : result.note,
  });
  return plan;
}
