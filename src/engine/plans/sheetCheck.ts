/** One check of one sheet — read, evaluate, plan the shading and the report — shared by the task pane and the CLI. */
import { countyVerdict } from '../rules/countyVerdict';
import { evaluate } from '../rules/evaluate';
import type { ResourceUnits } from '../model/format';
import type { ColumnMapping } from '../sheet/headers';
import { planHighlights, type HighlightPlan } from './highlightPlan';
import { planStages } from './planStages';
import { planRemediationReport } from './remediationReport';
import { planReport, REPORT_SHEET_NAME, type ReportPlan, type ReportTitle } from './assessmentReport';
import { readCaption, type TableCaption } from '../sheet/caption';
import type { StagePlanOptions } from '../planner/types';
import {
  BASIC_FORMS,
  FORM_SHEET_NAMES,
  formSheetsOf,
  planForms,
  QUALITY_FORMS,
  type FormSheetId,
} from './forms';
import { REMEDIATION_SHEET_NAME } from './remediationReport';
import { readTable, type CellGrid, type ReadTableOptions, type TableRead } from '../sheet/readTable';
import type { DataIssue, Evaluation, Profile } from '../model/types';

export { countyVerdict, stageVerdict } from '../rules/countyVerdict';
export type { CountyVerdict, UndecidedSchool, UndecidedStage, Verdict } from '../rules/countyVerdict';

export interface SheetCheck {
  sheet: string;
  profile: Profile;
  table: TableRead;
  evaluation: Evaluation;
  /** The reader's and the engine's issues together, in sheet order. */
  issues: DataIssue[];
  /** The title row above the table (county and data year), when there is one. */
  caption?: TableCaption | null;
}

/** What the user chose for the written sheets (the pane's inputs, the CLI's options). */
export interface ReportOptions {
  /** County and data year for the titles; each part missing falls back to the table's title row. */
  title?: ReportTitle;
  /** The 整改测算's options (rule switch, margin, unit costs); DEFAULT the profile's standards and thresholds. */
  plan?: Omit<StagePlanOptions, 'units'>;
}

/** The county and year the sheets name: the user's, else the table's title row's. */
export function titleFor(check: SheetCheck, options: ReportOptions = {}): ReportTitle {
  return {
    county: options.title?.county?.trim() || check.caption?.county || null,
    year: options.title?.year ?? check.caption?.year ?? null,
  };
}

/** The unit each mapped column is written in when it is not the base unit (万元 → factor 10000), by field key. */
export function resourceUnits(mapping: ColumnMapping | undefined): ResourceUnits {
  const units: ResourceUnits = {};
  for (const [field, m] of Object.entries(mapping ?? {})) {
    if (m?.unit && m.unitFactor !== 1) units[field] = { unit: m.unit, factor: m.unitFactor };
  }
  return units;
}

/** Reads the table with the given (or detected) mapping and evaluates it. Never throws on data. */
export function checkSheet(grid: CellGrid, profile: Profile, options: ReadTableOptions = {}): SheetCheck {
  const table = readTable(grid, { dashes: profile.dashes, ...options });
  const evaluation = evaluate(table.rows, profile, { units: resourceUnits(table.mapping) });
  return {
    sheet: grid.sheet,
    profile,
    table,
    evaluation,
    issues: mergeIssues(table.issues, evaluation.issues),
    caption: table.header ? readCaption(grid, table.header.top) : null,
  };
}

/**
 * The lists in sheet order (stable: on one row the earlier list's issue first); one reported twice on a cell (same
 * place, code and message) is shown once. Merging three lists at once is merging the first two, then the third.
 */
export function mergeIssues(...lists: readonly (readonly DataIssue[])[]): DataIssue[] {
  // The issues kept so far per row (a county has 70,000 issues over 20,000 rows, few repeat): a repeat is looked for
  // among its row's few, and a message is only worded when place and code are the same.
  const byRow = new Map<number, DataIssue[]>();
  const out: DataIssue[] = [];
  let sorted = true;
  let last = -Infinity;
  for (const list of lists) {
    for (const issue of list) {
      const row = issue.row;
      const kept = byRow.get(row);
      if (kept === undefined) byRow.set(row, [issue]);
      else if (isRepeat(kept, issue)) continue;
      else kept.push(issue);
      if (row < last) sorted = false;
      else if (row >= last) last = row;
      out.push(issue);
    }
  }
  // A stable sort leaves a list in row order as it is.
  return sorted ? out : out.sort((x, y) => x.row - y.row);
}

/** Whether an issue kept on the same row has the same column, code and message. */
function isRepeat(kept: readonly DataIssue[], issue: DataIssue): boolean {
  const column = issue.column ?? '';
  for (const k of kept) {
    if (k.code === issue.code && (k.column ?? '') === column && k.message === issue.message) return true;
  }
  return false;
}

/** The cells to shade for a check: each part's own columns, as the engine resolved them for combined rows. */
export function highlightsFor(check: SheetCheck): HighlightPlan {
  const plan = planHighlights({
    sheet: check.sheet,
    schools: check.evaluation.schools,
    columns: check.evaluation.parts,
    issues: check.issues,
    units: resourceUnits(check.table.mapping),
    rule: check.profile.schoolRule,
  });
  const header = check.table.header;
  const name = check.table.mapping['name']?.column;
  if (header && name !== undefined)
    plan.layout = { headerTop: header.top, headerBottom: header.bottom, nameColumn: name };
  return plan;
}

/** “2026年3月1日”: the date as the report shows it. */
export function reportDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The 均衡评估报告 sheet for a check. */
export function reportFor(check: SheetCheck, date: Date, options: ReportOptions = {}): ReportPlan {
  const { evaluation } = check;
  return planReport({
    profileName: check.profile.name,
    date: reportDate(date),
    sourceSheet: check.sheet,
    stages: evaluation.stages,
    schools: evaluation.schools,
    excluded: evaluation.excluded,
    issues: check.issues,
    county: countyVerdict(evaluation),
    rule: check.profile.schoolRule,
    units: resourceUnits(check.table.mapping),
    cvMode: check.profile.cv.mode,
    title: titleFor(check, options),
  });
}

/**
 * The 整改测算 sheet for a check: each stage with schools planned with the user's options (rule switch, margin, unit
 * costs), by default the profile's standards and thresholds.
 */
export function remediationFor(check: SheetCheck, date: Date, options: ReportOptions = {}): ReportPlan {
  const plan = options.plan ?? {};
  return planRemediationReport({
    profileName: check.profile.name,
    date: reportDate(date),
    sourceSheet: check.sheet,
    stages: planStages(check.evaluation, { ...plan, units: resourceUnits(check.table.mapping) }),
    options: plan,
    cvMode: check.profile.cv.mode,
    title: titleFor(check, options),
  });
}

/** Every sheet “写入评估报告” writes, in order: the 均衡评估报告 (shown when done), then the 整改测算. */
export function reportsFor(check: SheetCheck, date: Date, options: ReportOptions = {}): ReportPlan[] {
  return [reportFor(check, date, options), remediationFor(check, date, options)];
}

/** The form tables (申报表) for a check: its regime's tables, or those of `only`. */
export function formsFor(
  check: SheetCheck,
  only?: readonly FormSheetId[],
  options: ReportOptions = {},
): ReportPlan[] {
  return planForms({
    evaluation: check.evaluation,
    fields: Object.keys(check.table.mapping).filter((k) => check.table.mapping[k] !== undefined),
    sourceSheet: check.sheet,
    only,
    title: titleFor(check, options),
  });
}

/** A sheet “写入评估报告” can write: the report, the 整改测算, or one of the form's tables. */
export type ReportSheetId = 'report' | 'remediation' | FormSheetId;

/** Every sheet id “写入评估报告” knows, under either regime. */
export const REPORT_SHEET_IDS: readonly ReportSheetId[] = [
  'report',
  'remediation',
  ...QUALITY_FORMS,
  ...BASIC_FORMS,
];

/** Every sheet that can be written for a profile, in the order they are written: the reports, then the form tables. */
export function reportSheetsOf(profile: Profile): ReportSheetId[] {
  return ['report', 'remediation', ...formSheetsOf(profile)];
}

/** The sheet name an id writes. */
export function reportSheetName(id: ReportSheetId): string {
  if (id === 'report') return REPORT_SHEET_NAME;
  if (id === 'remediation') return REMEDIATION_SHEET_NAME;
  return FORM_SHEET_NAMES[id];
}

/**
 * The sheets to write for a check, in order (the 均衡评估报告, the 整改测算, then the form tables of the profile's
 * regime): all of them, or those `chosen` (ids the regime does not have are ignored).
 */
export function sheetsFor(
  check: SheetCheck,
  date: Date,
  chosen?: readonly ReportSheetId[],
  options: ReportOptions = {},
): ReportPlan[] {
  const wanted = reportSheetsOf(check.profile).filter((id) => !chosen || chosen.includes(id));
  const out: ReportPlan[] = [];
  if (wanted.includes('report')) out.push(reportFor(check, date, options));
  if (wanted.includes('remediation')) out.push(remediationFor(check, date, options));
  const forms = wanted.filter((id): id is FormSheetId => id !== 'report' && id !== 'remediation');
  if (forms.length > 0) out.push(...formsFor(check, forms, options));
  return out;
}
