/** The pane's steps as pure functions over engine calls: locate the table, map its columns, check, plan the report. */
import { evaluate } from '../engine/evaluate';
import { FIELDS, fieldByKey, type FieldDef, type FieldKey } from '../engine/fields';
import { detectHeader, mapColumn, missingColumnIssues, type ColumnMapping } from '../engine/headers';
import { planHighlights, type HighlightPlan, type RowColumns } from '../engine/highlightPlan';
import { INDICATORS } from '../engine/indicators';
import { columnLetter } from '../engine/numbers';
import { getProfile, parseProfile, profileIndicators } from '../engine/profiles';
import { planReport, type ReportPlan } from '../engine/reportPlan';
import { readTable, type CellGrid, type TableRead } from '../engine/table';
import type { DataIssue, Evaluation, Profile } from '../engine/types';
import type { ReadRequest, SheetRead } from './operations';
import type { ProfileChoice, SavedTable } from './settings';

/** A header column the user can map a field to. */
export interface HeaderColumn {
  /** 0-based worksheet column. */
  column: number;
  letter: string;
  /** Header text as shown (two-level headers as “parent / child”). */
  header: string;
}

/** The school table found on a sheet. */
export interface LocatedTable {
  sheet: string;
  /** The range read, as Excel reported it (e.g. “学校数据!A1:AB41”). */
  address: string;
  /** How to read this table again (every check re-reads it, so edits made since are seen). */
  request: ReadRequest;
  /** true when the user picked the range (使用所选区域). */
  fromSelection: boolean;
  headerTop: number;
  headerBottom: number;
  columns: HeaderColumn[];
  /** The automatic mapping of the header. */
  detected: ColumnMapping;
}

export type Location = { ok: true; table: LocatedTable } | { ok: false; issues: DataIssue[] };

/** “学校数据!A1:C9” → “A1:C9”. */
function withoutSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** Finds the header of the table in what was read; `fromSelection` keeps the exact range for later re-reads. */
export function locateTable(read: SheetRead, fromSelection: boolean): Location {
  const detection = detectHeader(read);
  if (!detection.found) return { ok: false, issues: detection.issues };
  const columns: HeaderColumn[] = [
    ...Object.values(detection.mapping).flatMap((m) => (m ? [{ column: m.column, header: m.header }] : [])),
    ...detection.unmapped,
  ]
    .sort((a, b) => a.column - b.column)
    .map((c) => ({ ...c, letter: columnLetter(c.column) }));
  return {
    ok: true,
    table: {
      sheet: read.sheet,
      address: read.address,
      request: fromSelection
        ? { source: 'range', sheet: read.sheet, address: withoutSheet(read.address) }
        : { source: 'auto', sheet: read.sheet },
      fromSelection,
      headerTop: detection.headerTop,
      headerBottom: detection.headerBottom,
      columns,
      detected: detection.mapping,
    },
  };
}

/** The mapping entry for `field` in `column`: the recognised one when detection agrees (its unit reading is best). */
function entryFor(table: LocatedTable, field: FieldKey, column: number) {
  const detected = table.detected[field];
  if (detected && detected.column === column) return detected;
  const header = table.columns.find((c) => c.column === column)?.header ?? '';
  return mapColumn(field, column, header);
}

/**
 * The saved mapping when it still fits the sheet (same header rows, and every saved column still carries the header
 * it had), else the recognised one. A column that moved is never reused silently.
 */
export function restoreMapping(
  table: LocatedTable,
  saved: SavedTable | undefined,
): { mapping: ColumnMapping; restored: boolean } {
  if (!saved || saved.headerBottom !== table.headerBottom)
    return { mapping: table.detected, restored: false };
  const mapping: ColumnMapping = {};
  for (const [field, c] of Object.entries(saved.columns)) {
    if (!c) continue;
    const current = table.columns.find((h) => h.column === c.column);
    if (!current || current.header !== c.header) return { mapping: table.detected, restored: false };
    mapping[field] = entryFor(table, field, c.column);
  }
  return { mapping, restored: true };
}

/** What to save for a table and its mapping. */
export function savedTableOf(table: LocatedTable, mapping: ColumnMapping): SavedTable {
  const columns: SavedTable['columns'] = {};
  for (const [field, m] of Object.entries(mapping)) {
    if (!m) continue;
    columns[field] = {
      column: m.column,
      header: table.columns.find((c) => c.column === m.column)?.header ?? '',
    };
  }
  const saved: SavedTable = { headerBottom: table.headerBottom, columns };
  if (table.request.source === 'range') saved.address = table.request.address;
  return saved;
}

/** Maps `field` to `column` (null: to none). A column holds one field, so it is taken from any other field first. */
export function assignColumn(
  table: LocatedTable,
  mapping: ColumnMapping,
  field: FieldKey,
  column: number | null,
): ColumnMapping {
  const next: ColumnMapping = {};
  for (const [key, m] of Object.entries(mapping)) {
    if (m && key !== field && m.column !== column) next[key] = m;
  }
  if (column !== null) next[field] = entryFor(table, field, column);
  return next;
}

/** Required fields the mapping lacks (per-stage 在校生数 columns stand in for the whole-school one). */
export function missingRequired(table: LocatedTable, mapping: ColumnMapping): FieldKey[] {
  return missingColumnIssues(mapping, table.sheet, table.headerTop, table.headerBottom).map((i) => i.field);
}

/**
 * Fields worth showing in the mapping list: identity fields, the required ones, those the profile's indicators read
 * (their preferred form), and whatever is mapped. The other ~60 catalogue fields only clutter a narrow pane.
 */
export function relevantFields(mapping: ColumnMapping, profile: Profile | null): FieldDef[] {
  const wanted = new Set<FieldKey>(Object.keys(mapping));
  if (profile) {
    for (const id of profileIndicators(profile)) for (const f of INDICATORS[id].numerator[0]) wanted.add(f);
  }
  return FIELDS.filter((f) => f.group === 'identity' || f.required || wanted.has(f.key));
}

/** The profile of a choice; a custom one is validated with the engine's own (Chinese) messages. */
export type ProfileResolution = { ok: true; profile: Profile } | { ok: false; errors: string[] };

export function resolveProfile(choice: ProfileChoice): ProfileResolution {
  if (choice.kind === 'builtin') {
    const profile = getProfile(choice.id);
    if (!profile) throw new RangeError(`unknown built-in profile: ${choice.id}`);
    return { ok: true, profile };
  }
  if (choice.text.trim() === '') return { ok: false, errors: [] };
  const parsed = parseProfile(choice.text);
  return parsed.ok ? { ok: true, profile: parsed.profile } : { ok: false, errors: parsed.errors };
}

/** Everything one 检查 produces. */
export interface CheckOutcome {
  sheet: string;
  profile: Profile;
  table: TableRead;
  evaluation: Evaluation;
  /** The reader's and the engine's issues together, in sheet order. */
  issues: DataIssue[];
  plan: HighlightPlan;
}

/** Reads the rows with the user's mapping, evaluates them, and plans the shading. Never throws on data. */
export function runCheck(
  grid: CellGrid,
  mapping: ColumnMapping,
  headerBottom: number,
  profile: Profile,
): CheckOutcome {
  const table = readTable(grid, { mapping, headerBottom });
  const evaluation = evaluate(table.rows, profile);
  const issues = mergeIssues(table.issues, evaluation.issues);
  const plan = planHighlights({
    sheet: grid.sheet,
    schools: evaluation.schools,
    columns: partColumns(evaluation),
    issues,
  });
  return { sheet: grid.sheet, profile, table, evaluation, issues, plan };
}

/** Both lists in sheet order; an issue the reader and the engine both report on one cell is shown once. */
export function mergeIssues(a: readonly DataIssue[], b: readonly DataIssue[]): DataIssue[] {
  const seen = new Set<string>();
  const out: DataIssue[] = [];
  for (const issue of [...a, ...b]) {
    const key = `${issue.row}:${issue.column ?? ''}:${issue.code}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out.sort((x, y) => x.row - y.row);
}

const STAGE_KEY = /^(primary|junior|senior)\./;

/**
 * Each part's cells as the engine resolved them (for a combined row 'junior.teachers' already stands in for
 * 'teachers'). Stage-qualified keys are dropped because the highlight plan prefers them, which for a stand-alone
 * school would point at the empty 小学…/初中… column instead of the cell holding its count.
 */
export function partColumns(evaluation: Evaluation): RowColumns[] {
  return evaluation.parts.map((p) => ({
    row: p.row,
    stage: p.stage,
    sheet: p.sheet,
    columns: Object.fromEntries(Object.entries(p.columns ?? {}).filter(([key]) => !STAGE_KEY.test(key))),
  }));
}

/** “2026年3月1日”: the date as the report shows it. */
export function reportDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

/** The 均衡评估报告 sheet for a check. */
export function reportFor(outcome: CheckOutcome, date: Date): ReportPlan {
  const { evaluation } = outcome;
  return planReport({
    profileName: outcome.profile.name,
    date: reportDate(date),
    sourceSheet: outcome.sheet,
    stages: evaluation.stages,
    schools: evaluation.schools,
    excluded: evaluation.excluded,
    issues: outcome.issues,
  });
}

/** The county's verdict: every stage balanced and every part meeting its standards; null when nothing was decidable. */
export function countyVerdict(evaluation: Evaluation): boolean | null {
  const verdicts = [
    ...Object.values(evaluation.stages).map((s) => s?.pass ?? null),
    ...evaluation.schools.map((s) => s.pass),
  ];
  if (verdicts.includes(false)) return false;
  return verdicts.includes(true) ? true : null;
}

/** The label of a field, for lists and messages. */
export function fieldText(field: FieldKey): string {
  const def = fieldByKey(field);
  return def ? def.label : field;
}
