/** The readable Chinese plan of one file: per stage a table of what to add, the schools that need it, the school plans. */
import {
  additionsText,
  amountInUnit,
  extraForCv,
  formatNumber,
  INDICATORS,
  planCvText,
  planTargetText,
  STAGE_LABELS,
  STAGES,
  type IndicatorPlan,
  type MixPlanIndicator,
  type StagePlan,
} from '../engine';
import { planIssues, type Planned } from './plan';
import { planText } from './strings.zh-CN';
import { columns, MAX_ISSUES_SHOWN } from './summary';

/** Beyond this many schools per stage the summary stops listing them (the JSON has them all). */
export const MAX_SCHOOLS_SHOWN = 50;

const cvText = planCvText;
const targetText = planTargetText;
/** Money in its column's unit (万元), as on the 整改测算 sheet; '—' for nothing to add. */
const amount = (x: number, ip: Pick<IndicatorPlan, 'unit' | 'columnUnit'>) =>
  x > 0 ? amountInUnit(x, ip.unit, ip.columnUnit) : '—';

function indicatorRow(ip: IndicatorPlan, withCost: boolean): string[] {
  const row = [
    INDICATORS[ip.indicator].name,
    cvText(ip.cvBefore),
    ip.targetCv === null ? planText.noTarget : `≤${targetText(ip.targetCv)}`,
    amount(ip.forcedTotal, ip),
    amount(extraForCv(ip), ip),
    amount(ip.total, ip),
    cvText(ip.cv) + (ip.feasible ? '' : planText.infeasible),
  ];
  if (withCost) row.push(ip.cost === null || ip.total === 0 ? '—' : formatNumber(ip.cost, 0));
  return row;
}

function stageLines(sp: StagePlan, withCost: boolean): string[] {
  const header = withCost ? [...planText.columns, planText.costColumn] : planText.columns;
  const lines = [
    planText.stageHeading(STAGE_LABELS[sp.stage], sp.schools.length),
    ...columns([header, ...sp.indicators.map((ip) => indicatorRow(ip, withCost))]),
    ...sp.indicators.map((ip) => `  · ${INDICATORS[ip.indicator].name}：${ip.note}`),
  ];
  if (sp.composite) {
    const c = sp.composite;
    lines.push(planText.composite(cvText(c.before), cvText(c.after), formatNumber(c.threshold, 4)));
  }
  if (sp.cost !== null) lines.push(planText.stageCost(formatNumber(sp.cost, 0)));
  lines.push(...mixLines(sp));
  // The schools list what the plan recommends: the cheapest mix when there is one.
  const recommended = sp.mix?.ok ? sp.mix.indicators : sp.indicators;
  const needing = sp.schools
    .map((school, i) => ({
      school,
      adds: recommended
        .filter((ip) => ip.additions[i] > 0)
        .map((ip) => ({ indicator: ip.indicator, amount: ip.additions[i], columnUnit: ip.columnUnit })),
    }))
    .filter((x) => x.adds.length > 0);
  if (needing.length === 0) lines.push(planText.nothingToAdd);
  else {
    lines.push(planText.schoolsHeading(needing.length));
    for (const { school, adds } of needing.slice(0, MAX_SCHOOLS_SHOWN)) {
      const share = school.split ? planText.splitShare : '';
      lines.push(`    ${planText.row(school.row)}  ${school.name}：${additionsText(adds)}${share}`);
    }
    if (needing.length > MAX_SCHOOLS_SHOWN)
      lines.push(planText.moreSchools(needing.length - MAX_SCHOOLS_SHOWN));
  }
  return lines;
}

function mixRow(m: MixPlanIndicator): string[] {
  return [
    INDICATORS[m.indicator].name,
    cvText(m.cvBefore),
    // An indicator the mix leaves alone has no target of its own.
    m.total > 0 ? `≤${targetText(m.targetCv)}` : '—',
    amount(m.total, m),
    cvText(m.cv),
    m.total > 0 ? formatNumber(m.cost, 0) : '—',
  ];
}

/** 基本均衡: the cheapest mix (with unit costs), or the sentence that the plan above is per indicator. */
function mixLines(sp: StagePlan): string[] {
  const mix = sp.mix;
  if (!mix) return [];
  if (!mix.ok) return [planText.perIndicator(mix.reason)];
  return [
    planText.mixHeading(targetText(mix.target)),
    ...columns([planText.mixColumns, ...mix.indicators.map(mixRow)]).map((line) => `  ${line}`),
    planText.mixNote(mix.note),
    planText.mixSchools,
  ];
}

function targetLine(p: Planned): string {
  const profile = p.checked.profile;
  const margin = p.options.margin !== undefined ? planText.marginText(formatNumber(p.options.margin, 6)) : '';
  if (p.options.target !== undefined) {
    return planText.targetGiven(targetText(p.options.target) + margin);
  }
  const stages = STAGES.filter((s) => p.stages.some((sp) => sp.stage === s))
    .map((s) => `${STAGE_LABELS[s]} ${profile.cv.thresholds[s].toFixed(2)}`)
    .join('，');
  return planText.targetDefault(stages, margin);
}

function floorsLine(p: Planned): string {
  const rule = p.checked.profile.schoolRule;
  if (p.options.floors === 'rule' && rule) {
    const n = Math.max(
      ...STAGES.map(
        (s) => Object.values(p.checked.profile.standards).filter((x) => x?.[s] !== undefined).length,
      ),
    );
    return planText.floorsRule(rule.k, n, `${formatNumber(rule.r * 100, 4)}%`);
  }
  return planText.floorsStandard;
}

/** The readable plan of one file. */
export function planSummary(p: Planned): string {
  const c = p.checked;
  const lines = [planText.title(c.file, c.sheet), planText.profile(c.profile.name), targetLine(p)];
  if (Object.keys(c.profile.standards).length > 0) lines.push(floorsLine(p));
  const withCost = p.costs !== undefined;
  for (const sp of p.stages) lines.push('', ...stageLines(sp, withCost));
  if (p.schools.length > 0) {
    lines.push('', planText.schoolPlansHeading(p.schools.length, withCost));
    for (const s of p.schools) lines.push(planText.schoolPlan(s.row, s.name, STAGE_LABELS[s.stage], s.note));
  }
  const issues = planIssues(p);
  if (issues.length) {
    lines.push('', planText.issues(issues.length));
    for (const i of issues.slice(0, MAX_ISSUES_SHOWN))
      lines.push(`  [${planText.severity[i.severity]}] ${i.message}`);
    if (issues.length > MAX_ISSUES_SHOWN)
      lines.push(`  ${planText.moreIssues(issues.length - MAX_ISSUES_SHOWN)}`);
  }
  return lines.join('\n');
}
