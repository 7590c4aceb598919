/** The pane's settings stored in the workbook — chosen standard and per-sheet column mapping — and their validation. */
import {
  type CvMode,
  type DashReading,
  fieldByKey,
  type FieldKey,
  INDICATORS,
  type IndicatorId,
  REPORT_SHEET_IDS,
  type ReportSheetId,
  type Stage,
} from '../engine';

/**
 * The standard the user chose: chosen from each table's columns (auto), a built-in profile, or a custom one kept as
 * the JSON text they pasted.
 */
export type ProfileChoice =
  | { kind: 'auto' }
  | { kind: 'builtin'; id: 'quality-2017' | 'basic-2012' }
  | { kind: 'custom'; text: string };

/** The profile picker's value: 'auto', a built-in profile id, or 'custom'. */
export type ProfileKey = 'auto' | 'quality-2017' | 'basic-2012' | 'custom';

export function choiceOf(key: ProfileKey, customText: string): ProfileChoice {
  if (key === 'auto') return { kind: 'auto' };
  return key === 'custom' ? { kind: 'custom', text: customText } : { kind: 'builtin', id: key };
}

/** The picker's value for a stored choice. */
export function keyOf(choice: ProfileChoice): ProfileKey {
  return choice.kind === 'builtin' ? choice.id : choice.kind;
}

/** One mapped column as saved: where it was and what its header said, so a moved column is not silently reused. */
export interface SavedColumn {
  column: number;
  header: string;
}

/** How one sheet's table was read. */
export interface SavedTable {
  /** The range the user picked with 使用所选区域 (no sheet prefix); absent for the automatically found table. */
  address?: string;
  /** 1-based last header row. */
  headerBottom: number;
  columns: Partial<Record<FieldKey, SavedColumn>>;
}

/** The last check's summary, kept so that the next open can say what it found (marked stale until checked again). */
export interface LastCheck {
  /** When it ran (ISO 8601). */
  at: string;
  sheet: string;
  /** The standard's id ('quality-2017', 'basic-2012', or a custom standard's own id). */
  profile: string;
  verdict: 'pass' | 'fail' | 'undecided';
  checked: number;
  passed: number;
  failed: number;
  undecided: number;
  excluded: number;
  /**
   * Each stage's coefficients as the standard judges them: under 'composite' (基本均衡) the 综合差异系数 against its
   * limit; under 'each' (优质均衡) the largest single CV against the per-indicator limit, and how many are over it.
   * Absent in summaries stored before stages were kept.
   */
  stages?: LastCheckStage[];
}

export interface LastCheckStage {
  stage: Stage;
  mode: CvMode;
  /** The composite CV, or the largest single CV; null when it cannot be computed. */
  cv: number | null;
  threshold: number;
  pass: boolean | null;
  /** 'each': the CVs over the limit and the CVs computed. */
  over?: number;
  of?: number;
}

/** What the user typed on the 整改测算 tab: kept as typed (a half-typed number stays as it was). */
export interface PlanInputs {
  /** Unit cost text by indicator. */
  unitCosts: Partial<Record<IndicatorId, string>>;
  /** Floors by the school rule (k of n) rather than every indicator at its standard. */
  byRule: boolean;
  /** Safety margin on the CV target in percent, as typed ('' for none). */
  margin: string;
}

export const DEFAULT_PLAN_INPUTS: PlanInputs = { unitCosts: {}, byRule: false, margin: '' };

/** The county and data year typed under 写入评估报告 for the titles, as typed ('' leaves the table's title's). */
export interface ReportTitleInputs {
  county: string;
  year: string;
}

export interface PaneSettings {
  version: 1;
  profile: ProfileChoice;
  /** How "—", "/" and "无" read under any standard (the pane's switch); absent means 'none' (spec §8 DEFAULT). */
  dashes?: DashReading;
  /** By worksheet name. */
  tables: Record<string, SavedTable>;
  /**
   * Sheets the user unticked under 写入评估报告 (均衡评估报告, 整改测算, the 申报表 tables); absent means every sheet. Kept
   * as the ones left out, so that a regime's tables the user never saw are written by default.
   */
  reportSheetsOff?: ReportSheetId[];
  lastCheck?: LastCheck;
  plan?: PlanInputs;
  title?: ReportTitleInputs;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  version: 1,
  // A workbook without settings gets the standard its columns fit (as `balance check` does by default).
  profile: { kind: 'auto' },
  tables: {},
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRow(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function readProfile(v: unknown): ProfileChoice {
  if (isObject(v)) {
    if (v.kind === 'auto') return { kind: 'auto' };
    if (v.kind === 'builtin' && (v.id === 'quality-2017' || v.id === 'basic-2012')) {
      return { kind: 'builtin', id: v.id };
    }
    if (v.kind === 'custom' && typeof v.text === 'string') return { kind: 'custom', text: v.text };
  }
  return DEFAULT_SETTINGS.profile;
}

function readTable(v: unknown): SavedTable | null {
  if (!isObject(v) || !isRow(v.headerBottom) || !isObject(v.columns)) return null;
  const columns: Partial<Record<FieldKey, SavedColumn>> = {};
  for (const [key, c] of Object.entries(v.columns)) {
    // An unknown field (from a newer or older version) is dropped rather than failing the whole mapping.
    if (!fieldByKey(key) || !isObject(c)) continue;
    if (
      typeof c.column === 'number' &&
      Number.isInteger(c.column) &&
      c.column >= 0 &&
      typeof c.header === 'string'
    ) {
      columns[key] = { column: c.column, header: c.header };
    }
  }
  const table: SavedTable = { headerBottom: v.headerBottom, columns };
  if (typeof v.address === 'string' && v.address !== '') table.address = v.address;
  return table;
}

const COUNTS = ['checked', 'passed', 'failed', 'undecided', 'excluded'] as const;

function readLastCheck(v: unknown): LastCheck | undefined {
  if (!isObject(v)) return undefined;
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return undefined;
  if (typeof v.sheet !== 'string' || typeof v.profile !== 'string') return undefined;
  if (v.verdict !== 'pass' && v.verdict !== 'fail' && v.verdict !== 'undecided') return undefined;
  const counts = {} as Record<(typeof COUNTS)[number], number>;
  for (const key of COUNTS) {
    const n = v[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
    counts[key] = n;
  }
  const last: LastCheck = { at: v.at, sheet: v.sheet, profile: v.profile, verdict: v.verdict, ...counts };
  if (Array.isArray(v.stages)) {
    const stages = v.stages.map(readLastStage);
    if (stages.every((st): st is LastCheckStage => st !== null)) last.stages = stages;
  }
  return last;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function readLastStage(v: unknown): LastCheckStage | null {
  if (!isObject(v) || (v.stage !== 'primary' && v.stage !== 'junior')) return null;
  if (v.mode !== 'each' && v.mode !== 'composite') return null;
  if (v.cv !== null && (typeof v.cv !== 'number' || !Number.isFinite(v.cv))) return null;
  if (typeof v.threshold !== 'number' || !Number.isFinite(v.threshold)) return null;
  if (v.pass !== null && typeof v.pass !== 'boolean') return null;
  const stage: LastCheckStage = {
    stage: v.stage,
    mode: v.mode,
    cv: v.cv,
    threshold: v.threshold,
    pass: v.pass,
  };
  if (v.over !== undefined || v.of !== undefined) {
    if (!isCount(v.over) || !isCount(v.of)) return null;
    stage.over = v.over;
    stage.of = v.of;
  }
  return stage;
}

function readPlan(v: unknown): PlanInputs | undefined {
  if (!isObject(v)) return undefined;
  const unitCosts: PlanInputs['unitCosts'] = {};
  if (isObject(v.unitCosts)) {
    for (const [id, text] of Object.entries(v.unitCosts)) {
      if (Object.prototype.hasOwnProperty.call(INDICATORS, id) && typeof text === 'string')
        unitCosts[id as IndicatorId] = text;
    }
  }
  return {
    unitCosts: Object.fromEntries(Object.entries(unitCosts)),
    byRule: v.byRule === true,
    margin: typeof v.margin === 'string' ? v.margin : '',
  };
}

function readTitle(v: unknown): ReportTitleInputs | undefined {
  if (!isObject(v)) return undefined;
  return {
    county: typeof v.county === 'string' ? v.county : '',
    year: typeof v.year === 'string' ? v.year : '',
  };
}

/**
 * Settings as stored, validated piece by piece: whatever is unreadable falls back to the default, so a damaged or
 * foreign value never stops the pane from opening.
 */
export function parseSettings(raw: unknown): PaneSettings {
  if (!isObject(raw) || raw.version !== 1) return { ...DEFAULT_SETTINGS, tables: {} };
  const tables: [string, SavedTable][] = [];
  if (isObject(raw.tables)) {
    for (const [sheet, t] of Object.entries(raw.tables)) {
      const table = readTable(t);
      if (table) tables.push([sheet, table]);
    }
  }
  // fromEntries defines own properties: a sheet named "__proto__" stays a key, never the object's prototype.
  const settings: PaneSettings = {
    version: 1,
    profile: readProfile(raw.profile),
    tables: Object.fromEntries(tables),
  };
  if (raw.dashes === 'none' || raw.dashes === 'unknown') settings.dashes = raw.dashes;
  if (Array.isArray(raw.reportSheetsOff)) {
    const off = REPORT_SHEET_IDS.filter((id) => (raw.reportSheetsOff as unknown[]).includes(id));
    if (off.length > 0) settings.reportSheetsOff = off;
  }
  const lastCheck = readLastCheck(raw.lastCheck);
  if (lastCheck) settings.lastCheck = lastCheck;
  const plan = readPlan(raw.plan);
  if (plan) settings.plan = plan;
  const title = readTitle(raw.title);
  if (title) settings.title = title;
  return settings;
}

/** The sheets 写入评估报告 writes for the ids a regime has, in their order: all but those unticked. */
export function chosenReportSheets(
  settings: PaneSettings,
  available: readonly ReportSheetId[],
): ReportSheetId[] {
  const off = settings.reportSheetsOff ?? [];
  return available.filter((id) => !off.includes(id));
}

/** The table saved for a sheet, by own key only: a sheet named "constructor" has none. */
export function savedTableFor(settings: PaneSettings, sheet: string): SavedTable | undefined {
  return Object.prototype.hasOwnProperty.call(settings.tables, sheet) ? settings.tables[sheet] : undefined;
}
