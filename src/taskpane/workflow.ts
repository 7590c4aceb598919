/** The pane's steps as pure functions over engine calls: locate the table, map its columns, check, plan the report. */
import {
  type CellGrid,
  type CoefficientResult,
  checkSheet,
  chooseProfile,
  columnLetter,
  type ColumnMapping,
  type DataIssue,
  detectHeader,
  fieldByKey,
  type FieldDef,
  type FieldKey,
  FIELDS,
  type HeaderDetection,
  getProfile,
  type HighlightPlan,
  highlightsFor,
  INDICATORS,
  mapColumn,
  missingColumnIssues,
  parseProfile,
  type Profile,
  type ProfileProblem,
  profileIndicators,
  type ProfileChoice as AutoChoice,
  profileNeeds,
  type ProfileNeed,
  type SheetCheck,
  STAGES,
  type StageResult,
  countyVerdict,
  type DashReading,
  REPORT_SHEET_IDS,
  reportSheetName,
} from '../engine';
import type { ReadRequest, SheetEntry, SheetRead } from '../hosts/port';
import type { LastCheck, LastCheckStage, ProfileChoice, SavedTable } from './settings';

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
  /** The header detection itself, handed to the reader so that it does not detect the header again. */
  detection: HeaderDetection;
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
      detection,
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

/**
 * The profile of a choice; a custom one is validated by the engine, whose problems the pane words in its language.
 * Under 'auto', `auto` says which regime the table's columns fit and why.
 */
export type ProfileResolution =
  { ok: true; profile: Profile; auto?: AutoChoice } | { ok: false; problems: ProfileProblem[] };

/** `keys`: the field keys the current table maps (none before a table is found), for 'auto'. */
export function resolveProfile(choice: ProfileChoice, keys: readonly string[] = []): ProfileResolution {
  if (choice.kind === 'auto') {
    const auto = chooseProfile(keys);
    return { ok: true, profile: auto.profile, auto };
  }
  if (choice.kind === 'builtin') {
    const profile = getProfile(choice.id);
    if (!profile) throw new RangeError(`unknown built-in profile: ${choice.id}`);
    return { ok: true, profile };
  }
  if (choice.text.trim() === '') return { ok: false, problems: [] };
  const parsed = parseProfile(choice.text);
  return parsed.ok ? { ok: true, profile: parsed.profile } : { ok: false, problems: parsed.problems };
}

/** The data columns `profile` needs from the table and whether its mapping has each (engine's profileNeeds). */
export function needsOf(profile: Profile, mapping: ColumnMapping): ProfileNeed[] {
  return profileNeeds(
    profile,
    Object.keys(mapping).filter((k) => mapping[k]),
  );
}

/** Everything one 检查 produces. */
export interface CheckOutcome extends SheetCheck {
  plan: HighlightPlan;
}

/**
 * Reads the rows with the user's mapping, evaluates them, and plans the shading. Never throws on data. `detection`
 * is the header found on this same grid by locateTable; without it the header is detected here.
 */
export function runCheck(
  grid: CellGrid,
  mapping: ColumnMapping,
  headerBottom: number,
  profile: Profile,
  detection?: HeaderDetection,
): CheckOutcome {
  const check = checkSheet(grid, profile, { mapping, headerBottom, detection });
  return { ...check, plan: highlightsFor(check) };
}

/** The label of a field, for lists and messages. */
export function fieldText(field: FieldKey): string {
  const def = fieldByKey(field);
  return def ? def.label : field;
}

/** The sheets 写入评估报告 writes: never taken for the school table (a report lists schools too). */
const REPORT_SHEETS: ReadonlySet<string> = new Set(REPORT_SHEET_IDS.map(reportSheetName));

/** The sheets that may hold the school table: visible, not one of the pane's report sheets, in workbook order. */
export function tableCandidates(sheets: readonly SheetEntry[]): string[] {
  return sheets.filter((s) => s.visible && !REPORT_SHEETS.has(s.name)).map((s) => s.name);
}

/**
 * The order the sheets are looked at for the school table: `prefer` (the table's sheet, or the one picked), the active
 * sheet, sheets with a table saved in the settings, then the rest in workbook order. Only candidates are listed.
 */
export function scanOrder(
  sheets: readonly SheetEntry[],
  saved: readonly string[],
  prefer?: string,
): string[] {
  const candidates = tableCandidates(sheets);
  const active = sheets.find((s) => s.active)?.name;
  const first = [prefer, active, ...saved.filter((name) => candidates.includes(name))];
  const order: string[] = [];
  for (const name of [...first, ...candidates]) {
    if (name !== undefined && candidates.includes(name) && !order.includes(name)) order.push(name);
  }
  return order;
}

/**
 * What a check's results depend on besides the data: the standard chosen, the dash reading, the table and its
 * mapping. Results whose key differs from the current one are stale; switching back makes them current again.
 */
export function checkKey(
  choice: ProfileChoice,
  dashes: DashReading,
  table: LocatedTable | null,
  mapping: ColumnMapping,
): string {
  const columns = Object.entries(mapping)
    .flatMap(([field, m]) => (m ? [[field, m.column] as const] : []))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([choice, dashes, table?.sheet ?? null, table?.address ?? null, columns]);
}

/** The summary of a check to keep in the workbook. */
export function lastCheckOf(outcome: CheckOutcome, at: Date): LastCheck {
  const { summary } = outcome.evaluation;
  return {
    at: at.toISOString(),
    sheet: outcome.sheet,
    profile: outcome.evaluation.profile.id,
    verdict: countyVerdict(outcome.evaluation).verdict,
    checked: summary.checked,
    passed: summary.passed,
    failed: summary.failed,
    undecided: summary.undecided,
    excluded: summary.excluded,
    stages: STAGES.flatMap((s) => {
      const stage = outcome.evaluation.stages[s];
      return stage ? [lastStageOf(stage, outcome.evaluation.profile)] : [];
    }),
  };
}

/** A stage's coefficients as its standard judges them: the composite, or the largest single CV and how many fail. */
function lastStageOf(stage: StageResult, profile: Profile): LastCheckStage {
  if (profile.cv.mode === 'composite' && stage.composite) {
    const { value, threshold, pass } = stage.composite;
    return { stage: stage.stage, mode: 'composite', cv: value, threshold, pass };
  }
  const results = Object.values(stage.indicators).filter((c): c is CoefficientResult => c !== undefined);
  const computed = results.filter((c) => c.cv !== null);
  const cvs = computed.map((c) => c.cv as number);
  return {
    stage: stage.stage,
    mode: 'each',
    cv: cvs.length > 0 ? Math.max(...cvs) : null,
    threshold: profile.cv.thresholds[stage.stage],
    pass: stage.pass,
    over: results.filter((c) => c.pass === false).length,
    of: computed.length,
  };
}
