/** `balance plan`: 整改测算 for one workbook — what to add where so every school meets its standards and every CV its target. */
import { promises as fs } from 'node:fs';
import Decimal from 'decimal.js';
import { formatNumber } from '../engine/model/format';
import { findIndicator, INDICATORS, STAGE_LABELS } from '../engine/model/indicators';
import { planSchools, planStage } from '../engine/planner/plan';
import { QUALITY_2017 } from '../engine/rules/profiles';
import {
  additionsText,
  extraForCv,
  PLAN_WORDS,
  planCvText,
  planTargetText,
} from '../engine/plans/remediationReport';
import type {
  IndicatorPlan,
  SchoolFloors,
  SchoolPlan,
  StagePlan,
  StagePlanOptions,
  UnitCosts,
} from '../engine/planner/types';
import type { DataIssue, IndicatorId, Profile, Stage } from '../engine/model/types';
import { checkFile, loadProfile, type Checked } from './check';
import { unusableToJson } from './json';
import { messages } from './strings.zh-CN';
import { columns, MAX_ISSUES_SHOWN } from './summary';

const STAGES: Stage[] = ['primary', 'junior'];
/** Beyond this many schools per stage the summary stops listing them (the JSON has them all). */
export const MAX_SCHOOLS_SHOWN = 50;

/** Every user-visible string of `balance plan`, in Chinese. */
export const planText = {
  usage: `用法：balance plan <文件.xlsx> [选项]

整改测算：在只增加、不调配资源的前提下，算出每所学校最少需要增加多少教师、校舍面积、设备和教室，
使各校达到办学标准、各项差异系数不超过目标。

选项：
  --sheet 名称          指定工作表（默认：第一个能识别出学校数据表头的工作表）
  --profile 标准        auto（默认：按表中的数据列选优质均衡或基本均衡）、quality-2017（优质均衡）、basic-2012（基本均衡），或自定义标准 .json 文件
  --target 差异系数     各项差异系数的目标（默认：评估标准的阈值，如优质均衡小学 0.50、初中 0.45）
  --margin 系数         安全系数，目标乘以它，例如 0.9 表示留一成余量（默认 1）
  --floors 方式         standard：每校达到全部办学标准（默认）；rule：按“k 项达标、其余不低于 r”的规则逐校选最省的指标
  --costs 单价.json     各项资源的单价（元），如 {"生均体育运动场馆面积": 800, "qualifiedTeachersPer100": 120000}，
                        用于估算经费，并在 --floors rule 时按经费最省选择指标
  --json                以 JSON 输出结果
  -h, --help            显示本帮助

退出码：0 已完成测算；2 输入无法使用（文件缺失、损坏、找不到数据表、选项有误等）。

示例：
  npx balance plan assets/samples/示例县-优质均衡.xlsx --margin 0.9
`,
  oneFile: (count: number) => `balance plan 一次只能测算一个文件，现在有 ${count} 个。`,
  noInput: '请指定要测算的 Excel 文件，例如：balance plan 学校数据.xlsx',
  badNumber: (option: string, value: string) => `选项 ${option} 的值“${value}”不是有效的数字。`,
  badTarget: (value: string) => `目标差异系数“${value}”无效：应为不小于 0 的数，例如 0.45。`,
  badMargin: (value: string) => `安全系数“${value}”无效：应为大于 0 的数，例如 0.9。`,
  badFloors: (value: string) => `--floors 只能是 standard 或 rule，而不是“${value}”。`,
  costsUnreadable: (file: string, reason: string) => `无法读取单价文件“${file}”（${reason}）。`,
  costsNotJson: (file: string, reason: string) => `单价文件“${file}”不是有效的 JSON（${reason}）。`,
  costsInvalid: (file: string, errors: string[]) => `单价文件“${file}”有误：\n  ${errors.join('\n  ')}`,
  costsNotObject: '应为一个对象，键是指标名称或指标 id，值是单价（元）',
  costNotNumber: (key: string) => `“${key}”的单价应为不小于 0 的数`,
  title: (file: string, sheet: string) => `整改测算：${file}（工作表“${sheet}”）`,
  profile: (name: string) => `评估标准：${name}`,
  targetDefault: (stages: string, margin: string) =>
    `测算目标：各项差异系数不超过评估标准的阈值（${stages}）${margin}`,
  targetGiven: (target: string) => `测算目标：各项差异系数不超过 ${target}`,
  marginText: (margin: string) => ` × 安全系数 ${margin}`,
  floorsStandard: '办学标准：每所学校达到全部办学标准',
  floorsRule: (k: number, n: number, r: string) =>
    `办学标准：按“${n} 项中至少 ${k} 项达标、其余不低于标准的 ${r}”逐校选最省的指标`,
  stageHeading: PLAN_WORDS.stageHeading,
  columns: PLAN_WORDS.columns,
  costColumn: '估算经费（元）',
  noTarget: PLAN_WORDS.noTarget,
  composite: (before: string, after: string, threshold: string) =>
    `  综合差异系数：${before} → ${after}（≤${threshold}）`,
  stageCost: (cost: string) => `  估算经费合计：${cost} 元`,
  schoolsHeading: (n: number) => `  需增加资源的学校（${n}）`,
  moreSchools: (n: number) => `    ……另有 ${n} 所，完整清单请用 --json 查看`,
  row: (row: number) => `第 ${row} 行`,
  nothingToAdd: `  ${PLAN_WORDS.nothingToAdd}`,
  splitShare: PLAN_WORDS.splitShare,
  schoolPlansHeading: (n: number, priced: boolean) =>
    `逐校整改（按达标规则${priced ? '经费最省' : '提高项目最少'}）：未达到办学标准的学段 ${n} 个`,
  schoolPlan: (row: number, name: string, stage: string, note: string) =>
    `  第 ${row} 行  ${name}（${stage}）：${note}`,
  issues: (n: number) => `数据问题（${n}）`,
  moreIssues: (n: number) => `……另有 ${n} 条，完整列表请用 --json 查看`,
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  infeasible: PLAN_WORDS.infeasible,
};

export interface PlanOptions {
  input: string;
  sheet?: string;
  profile: string;
  target?: number;
  margin?: number;
  floors: SchoolFloors;
  costs?: string;
  json: boolean;
}

export type ParsedPlanArgs =
  | { kind: 'plan'; options: PlanOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const VALUE_OPTIONS = ['--sheet', '--profile', '--target', '--margin', '--floors', '--costs'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** A number as typed (half- or full-width digits, no unit); NaN when it is not one. */
function parseNumber(text: string): number {
  const t = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** Parses the arguments after `plan`. */
export function parsePlanArgs(argv: string[]): ParsedPlanArgs {
  const inputs: string[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help', text: planText.usage };
    if (arg === '--json') json = true;
    else if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq < 0 ? arg : arg.slice(0, eq)) as ValueOption;
      if (!VALUE_OPTIONS.includes(name)) return { kind: 'error', message: messages.unknownOption(arg) };
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { kind: 'error', message: messages.missingValue(name) };
      values[name] = value;
    } else if (arg.startsWith('-') && arg !== '-')
      return { kind: 'error', message: messages.unknownOption(arg) };
    else inputs.push(arg);
  }
  if (inputs.length === 0) return { kind: 'error', message: planText.noInput };
  if (inputs.length > 1) return { kind: 'error', message: planText.oneFile(inputs.length) };
  const options: PlanOptions = {
    input: inputs[0],
    profile: values['--profile'] ?? 'auto',
    floors: 'standard',
    json,
  };
  if (values['--sheet'] !== undefined) options.sheet = values['--sheet'];
  if (values['--costs'] !== undefined) options.costs = values['--costs'];
  const target = values['--target'];
  if (target !== undefined) {
    const t = parseNumber(target);
    if (!(t >= 0)) return { kind: 'error', message: planText.badTarget(target) };
    options.target = t;
  }
  const margin = values['--margin'];
  if (margin !== undefined) {
    const m = parseNumber(margin);
    if (!(m > 0)) return { kind: 'error', message: planText.badMargin(margin) };
    options.margin = m;
  }
  const floors = values['--floors'];
  if (floors !== undefined) {
    if (floors !== 'standard' && floors !== 'rule')
      return { kind: 'error', message: planText.badFloors(floors) };
    options.floors = floors;
  }
  return { kind: 'plan', options };
}

export type CostsResult = { ok: true; costs: UnitCosts } | { ok: false; message: string };

/** --costs: a JSON object of 元 per unit, keyed by indicator name (as in the spec) or id, validated. */
export async function loadCosts(file: string, profile: Profile): Promise<CostsResult> {
  let textContent: string;
  try {
    textContent = await fs.readFile(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      message: planText.costsUnreadable(file, (e as NodeJS.ErrnoException).code ?? String(e)),
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(textContent.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: planText.costsNotJson(file, (e as Error).message) };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, message: planText.costsInvalid(file, [planText.costsNotObject]) };
  }
  const costs: UnitCosts = {};
  const errors: string[] = [];
  const among = [...new Set([...profile.indicators, ...(Object.keys(profile.standards) as IndicatorId[])])];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const found = findIndicator(key, among);
    if (!found.ok) errors.push(found.reason);
    else if (typeof value !== 'number' || !(value >= 0) || value === Infinity)
      errors.push(planText.costNotNumber(key));
    else costs[found.indicator.id] = value;
  }
  return errors.length ? { ok: false, message: planText.costsInvalid(file, errors) } : { ok: true, costs };
}

/** The stage plan options from the command line: --target × --margin, or the profile's threshold × --margin. */
export function stageOptions(options: PlanOptions, costs: UnitCosts | undefined): StagePlanOptions {
  const out: StagePlanOptions = { schoolFloors: options.floors };
  if (options.target !== undefined) {
    out.targetCv = new Decimal(options.target).times(options.margin ?? 1).toNumber();
  } else if (options.margin !== undefined) out.margin = options.margin;
  if (costs) out.unitCosts = costs;
  return out;
}

/** One file planned: the check's outcome, a plan per stage present, and the k-of-n school plans. */
export interface Planned {
  checked: Checked;
  options: PlanOptions;
  stages: StagePlan[];
  schools: SchoolPlan[];
  costs?: UnitCosts;
}

export function planChecked(checked: Checked, options: PlanOptions, costs?: UnitCosts): Planned {
  const ev = checked.evaluation;
  const stageOpts = stageOptions(options, costs);
  const stages = STAGES.filter((s) => ev.stages[s]).map((s) => planStage(ev, s, stageOpts));
  const planned: Planned = { checked, options, stages, schools: planSchools(ev, costs) };
  if (costs) planned.costs = costs;
  return planned;
}

// ---------------------------------------------------------------------------------------------------------------
// --json: the same conventions as `balance check` (rows 1-based, ids as in the spec, numbers unrounded).
// ---------------------------------------------------------------------------------------------------------------

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

function allIssues(p: Planned): DataIssue[] {
  return [...p.checked.issues, ...p.stages.flatMap((s) => s.issues)].sort((a, b) => a.row - b.row);
}

export function planToJson(p: Planned): JsonPlanResult {
  const stages: Partial<Record<Stage, JsonStagePlan>> = {};
  for (const sp of p.stages) {
    const additions: JsonStagePlan['additions'] = [];
    sp.schools.forEach((school, i) => {
      const adds: Partial<Record<IndicatorId, number>> = {};
      for (const ip of sp.indicators) if (ip.additions[i] > 0) adds[ip.indicator] = ip.additions[i];
      if (Object.keys(adds).length > 0) {
        additions.push({ row: school.row, name: school.name, split: school.split, additions: adds });
      }
    });
    stages[sp.stage] = {
      schools: sp.schools.length,
      feasible: sp.feasible,
      cost: sp.cost,
      composite: sp.composite,
      indicators: Object.fromEntries(sp.indicators.map((ip) => [ip.indicator, indicatorJson(ip)])),
      additions,
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
    issues: allIssues(p).map((i) => ({
      row: i.row,
      column: i.column ?? null,
      field: i.field,
      code: i.code,
      message: i.message,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The readable summary.
// ---------------------------------------------------------------------------------------------------------------

const cvText = planCvText;
const targetText = planTargetText;
const amount = (x: number, unit: string) => (x > 0 ? `${formatNumber(x)}${unit}` : '—');

function indicatorRow(ip: IndicatorPlan, withCost: boolean): string[] {
  const row = [
    INDICATORS[ip.indicator].name,
    cvText(ip.cvBefore),
    ip.targetCv === null ? planText.noTarget : `≤${targetText(ip.targetCv)}`,
    amount(ip.forcedTotal, ip.unit),
    amount(extraForCv(ip), ip.unit),
    amount(ip.total, ip.unit),
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
  const needing = sp.schools
    .map((school, i) => ({
      school,
      adds: sp.indicators
        .filter((ip) => ip.additions[i] > 0)
        .map((ip) => ({ indicator: ip.indicator, amount: ip.additions[i] })),
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
  const issues = allIssues(p);
  if (issues.length) {
    lines.push('', planText.issues(issues.length));
    for (const i of issues.slice(0, MAX_ISSUES_SHOWN))
      lines.push(`  [${planText.severity[i.severity]}] ${i.message}`);
    if (issues.length > MAX_ISSUES_SHOWN)
      lines.push(`  ${planText.moreIssues(issues.length - MAX_ISSUES_SHOWN)}`);
  }
  return lines.join('\n');
}

/** Where `balance plan` writes. */
export interface PlanIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** `balance plan …` (the arguments after `plan`): exit code 0 when planned, 2 when the input cannot be used. */
export async function runPlan(argv: string[], io: PlanIo): Promise<number> {
  const parsed = parsePlanArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${planText.usage}`);
    return 2;
  }
  const options = parsed.options;
  const profile = await loadProfile(options.profile);
  if (!profile.ok) {
    io.stderr(profile.message + '\n');
    return 2;
  }
  const outcome = await checkFile(options.input, profile.profile, options.sheet);
  // The costs are read against the profile actually used (with --profile auto, the one chosen for the file).
  let costs: UnitCosts | undefined;
  if (options.costs !== undefined) {
    const loaded = await loadCosts(options.costs, outcome.ok ? outcome.profile : QUALITY_2017);
    if (!loaded.ok) {
      io.stderr(loaded.message + '\n');
      return 2;
    }
    costs = loaded.costs;
  }
  if (!outcome.ok) {
    if (options.json) io.stdout(JSON.stringify(unusableToJson(outcome), null, 2) + '\n');
    io.stderr(outcome.message + '\n');
    return 2;
  }
  const planned = planChecked(outcome, options, costs);
  io.stdout((options.json ? JSON.stringify(planToJson(planned), null, 2) : planSummary(planned)) + '\n');
  return 0;
}
