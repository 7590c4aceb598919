/** Core domain types shared by every layer: schools, stage parts, indicators, verdicts, data issues. */
import type { ISSUE_CODES } from './issueCodes';
import type { CountField } from './countFields';
import type { IndicatorId } from './indicators';

/** 学段 — a compulsory-education stage. `senior` (高中) only appears while splitting combined schools. */
export type Stage = 'primary' | 'junior';
export type AnyStage = Stage | 'senior';

/** 学校类型 — school kind (spec §5). */
export type SchoolKind =
  | 'primary' /** 小学 */
  | 'junior' /** 初中 */
  | 'nineYear' /** 九年一贯制 */
  | 'completeMiddle' /** 完全中学 */
  | 'twelveYear' /** 十二年一贯制 */
  | 'teachingPoint' /** 教学点 */
  | 'special'; /** 特殊教育学校 */

/**
 * 举办者类型 — the sponsor codes of the 优质均衡 申报表 (表Ⅱ-2), 1–10; names and reading in sponsor.ts.
 */
export type SponsorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** 办学性质 — public (公办) or private (民办). */
export type Ownership = 'public' | 'private';

export type { CountField } from './countFields';

/** Facility totals that are split by student-equivalents for combined schools (spec §5). */
export type FacilityField =
  'teachingArea' | 'sportsArea' | 'equipmentValue' | 'computers' | 'books' | 'multimediaRooms';

/** Indicator ids exactly as in spec §2.1 and §2.2: the keys of the indicator table. */
export type { IndicatorId } from './indicators';

/**
 * Where a value sits in the user's sheet: 0-based column index within the sheet (not the table),
 * so adapters can address the cell as (row, column).
 */
export type ColumnMap = Partial<Record<string, number>>;

/**
 * One data row of the user's table as read (before splitting): what the header mapping found.
 * Field keys in `columns`: a CountField ('students'), a stage-qualified CountField ('primary.students',
 * 'junior.teachers', 'senior.students'), an indicator id for ratio columns, or 'name' | 'kind' | 'ownership' | 'affiliation'.
 */
export interface SchoolRow {
  /** 1-based worksheet row. */
  row: number;
  sheet?: string;
  name: string;
  kind: SchoolKind;
  ownership?: Ownership;
  /** false when the row is flagged 省市直属 (not run by the county). */
  countyRun?: boolean;
  /** 举办者类型 (the 申报表's code) when a 举办者类型, 举办者/隶属关系 or 办学性质 cell says it; absent when unknown. */
  sponsor?: SponsorCode;
  /**
   * The combined kind (九年一贯制, 完全中学, 十二年一贯制) 学校类型 names when 学段 made the row one of its stage parts
   * (the 申报表 counts 一贯制学校小学部 and 完全中学初中部).
   */
  partOf?: SchoolKind;
  /** Row totals in base units (for combined rows: the whole school's facility totals). */
  counts: Partial<Record<CountField, number>>;
  /** Per-stage counts for combined rows (students and teachers per stage, from the data). */
  byStage?: Partial<Record<AnyStage, Partial<Record<CountField, number>>>>;
  /** Per-school ratios given directly in the sheet (accepted with a precision warning). */
  ratios?: Partial<Record<IndicatorId, number>>;
  /** Field key → 0-based sheet column, for messages and highlighting (readTable's rows share their table's: read only). */
  columns?: ColumnMap;
  /**
   * The stage part this row holds when the sheet says so (学段 column, or a name such as “XX学校（小学部）”): lets a
   * 九年一贯制 row without per-stage students count as that stage part instead of a data issue (spec §5).
   */
  stage?: Stage;
}

/** A school's stage part (一个学校的一个学段): what the CV and per-school rules count as one school. */
export interface SchoolPart {
  /** Stable key: `${row}:${stage}`. */
  key: string;
  row: number;
  sheet?: string;
  name: string;
  stage: Stage;
  kind: SchoolKind;
  ownership?: Ownership;
  countyRun?: boolean;
  sponsor?: SponsorCode;
  /** See SchoolRow.partOf. */
  partOf?: SchoolKind;
  /** Counts of this part in base units; facility totals already split for combined rows. */
  counts: Partial<Record<CountField, number>>;
  ratios?: Partial<Record<IndicatorId, number>>;
  /** True when facility totals came from a ratio split of a combined row (spec §5). */
  split: boolean;
  columns?: ColumnMap;
}

export type Severity = 'error' | 'warning' | 'info';

/** Every problem the engine reports about data (listed in model/issueCodes). */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** A data problem, never an exception (house style): names sheet, row and column for the user. */
export interface DataIssue {
  sheet?: string;
  /** 1-based worksheet row; 0 when the issue is about the whole table. */
  row: number;
  /** Column letter (A, B, …, AA) when the issue is about one cell. */
  column?: string;
  /** Field key (see SchoolRow.columns) or indicator id. */
  field: string;
  code: IssueCode;
  /** zh-CN message for the user (ISSUE_TEXTS_ZH of the code); renderIssue words it in another language. */
  message: string;
  severity: Severity;
  /**
   * What the message is made of (see IssueParams), for wording it in another language (renderIssue). Not enumerable:
   * JSON and equality see the fields above only, and a spread copy drops it.
   */
  detail?: IssueDetail;
}

/** An issue's place beyond sheet/row/column and its code's params: enough to render its text again. */
export interface IssueDetail {
  /** The school's name, for issues about a row. */
  name?: string;
  /** The cell's label when it is not its field's. */
  label?: string;
  /** 0-based column (DataIssue.column is its letter). */
  columnIndex?: number;
  values: object;
}

/** Why a row or part is left out of the CVs and per-school checks (spec §3, §6). */
export type ExclusionReason =
  | 'special' /** 特殊教育学校 */
  | 'smallTeachingPoint' /** 教学点 under the profile's minimum students */
  | 'teachingPoint' /** 教学点, all excluded (basic regime) */
  | 'notCountyRun' /** 省市直属 */
  | 'private' /** 民办 (basic regime) */
  | 'zeroStudents' /** P_i = 0: no weight */
  | 'seniorOnly'; /** a part the compulsory-stage evaluation does not cover */

export interface Exclusion {
  row: number;
  sheet?: string;
  name: string;
  stage?: Stage;
  reason: ExclusionReason;
  /** zh-CN explanation, e.g. "教学点在校生 32 人，少于 50 人，不参与差异系数计算". */
  message: string;
}

/** 差异系数 of one indicator in one stage. */
export interface CoefficientResult {
  indicator: IndicatorId;
  /** Number of parts that contributed. */
  schools: number;
  students: number;
  /** Student-weighted county mean X̄ (null when no data). */
  mean: number | null;
  /** CV = S / X̄ unrounded; null when undefined (X̄ = 0 or no data) — never reported as 0. */
  cv: number | null;
  threshold: number | null;
  /** Decided exactly (see docs/architecture.md); null when the CV is undefined or the profile has no single threshold. */
  pass: boolean | null;
  /** |cv − threshold| ≤ 0.0005. */
  nearThreshold: boolean;
  /** zh-CN note when cv is null or values were missing. */
  note?: string;
  /** Schools of the stage left out for an unknown value (the CV of all of them is then undecided). */
  leftOut?: number;
  /** The students' or resources' totals passed the largest double: mean and CV are null because they are too large. */
  overflow?: true;
}

export interface CompositeResult {
  value: number | null;
  threshold: number;
  pass: boolean | null;
  nearThreshold: boolean;
}

export interface StageResult {
  stage: Stage;
  schools: number;
  students: number;
  indicators: Partial<Record<IndicatorId, CoefficientResult>>;
  /** 综合差异系数 for composite-mode profiles (basic-2012); null otherwise. */
  composite: CompositeResult | null;
  /** The stage's balance verdict under the profile (composite or every single CV). */
  pass: boolean | null;
}

/** One indicator of one school part against its per-school standard. */
export interface IndicatorVerdict {
  indicator: IndicatorId;
  /** The school's value (float, for display); null when data is missing. */
  value: number | null;
  /** Per-school standard for the part's stage; null when the profile has none (CV-only indicator). */
  standard: number | null;
  /** value / standard; null when either is missing. */
  ratio: number | null;
  /** value ≥ standard, decided exactly; null when undecidable (missing value or no standard). */
  pass: boolean | null;
  /** Raw resource to add to reach the standard, in the indicator's resource unit (0 when met; countable ones whole). */
  gap: number | null;
  /** The sheet field that holds the raw resource (for highlighting), e.g. 'sportsArea' or 'peArtTeachers'. */
  resourceField?: string;
  /** true when the value came from a given ratio column rather than raw counts. */
  fromRatio?: boolean;
  /** Every sheet field holding the raw resource (e.g. ['peTeachers', 'musicTeachers', 'artTeachers']). */
  resourceFields?: string[];
  /** The rule's r (0.85) when the profile has a per-school rule and the indicator a standard. */
  floorShare?: number;
  /** Unmet but ≥ r × standard, decided exactly (the allowance); false below that floor; absent when met or unknown. */
  withinAllowance?: boolean;
  /** Raw resource to add to reach r × standard (0 within the allowance), rounded up as `gap` is; absent when met. */
  floorGap?: number;
}

/** Other per-school checks of spec §7. */
export type CheckId =
  'schoolSize' | 'classSize' | 'musicRooms' | 'artRooms' | 'musicRoomArea' | 'artRoomArea';

export interface CheckResult {
  check: CheckId;
  pass: boolean;
  /** Field whose cell shows the problem, e.g. 'students' or 'maxClassSize'. */
  field: string;
  /** zh-CN explanation. */
  message: string;
  /** For classSize: 正常 / 偏大班额 / 大班额 / 超大班额. */
  band?: string;
  /**
   * The figures of the message, for wording in another language: the school's value (students, largest class, rooms,
   * m²) and the limit it is held to (the size or class limit, the rooms needed, the minimum area).
   */
  value: number;
  limit: number;
  /** musicRooms / artRooms: the classes the rooms are counted against. */
  classes?: number;
  /** schoolSize: the compulsory stages of a 九年/十二年一贯制 counted together. */
  combined?: boolean;
}

export interface SchoolVerdict {
  key: string;
  row: number;
  sheet?: string;
  name: string;
  stage: Stage;
  kind: SchoolKind;
  indicators: IndicatorVerdict[];
  /** Number of indicators met (value ≥ standard). */
  met: number;
  /** k-of-n / residual rule (spec §4); null when the profile has no per-school rule or data is missing. */
  pass: boolean | null;
  checks: CheckResult[];
  /** zh-CN one-line reasons for failure (empty when passing). */
  reasons: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Added by the engine (issue #3): standards profiles and the evaluation result.
// ---------------------------------------------------------------------------------------------------------------

/** 差异系数判定方式 — every single CV against its threshold (优质均衡) or their simple mean (基本均衡 综合差异系数). */
export type CvMode = 'each' | 'composite';

/** Student-equivalent weights for splitting combined schools' facility totals (spec §5). */
export interface SplitWeights {
  nineYear: { primary: number; junior: number };
  completeMiddle: { junior: number; senior: number };
  twelveYear: { primary: number; junior: number; senior: number };
}

/** Scope switches (spec §6). */
export interface ScopeRules {
  excludeSpecial: boolean;
  /** 教学点: 'all' excluded (basic regime), those 'belowMinimum' students, or 'none'. */
  teachingPoints: 'all' | 'belowMinimum' | 'none';
  teachingPointMinStudents: number;
  /** Exclude 省市直属 rows (countyRun === false). */
  excludeNotCountyRun: boolean;
  /** Exclude 民办 rows (basic regime). */
  excludePrivate: boolean;
}

/** Limits of the §7 checks; null switches a check off. */
export interface CheckLimits {
  /** Enrolment ≤ single (小学, 初中) and ≤ combined (九年一贯制, 十二年一贯制 compulsory stages). */
  schoolSize: { single: number; combined: number } | null;
  /** Largest class ≤ limit per stage. */
  classSize: { primary: number; junior: number } | null;
  /** One music and one art room per `classesPerRoom` classes (at least one); minimum room areas in m². */
  specialRooms: { classesPerRoom: number; musicRoomArea: number; artRoomArea: number } | null;
}

/** 评估标准 — a standards profile: built-in (quality-2017, basic-2012) or a province's own, validated from JSON. */
/**
 * How "—", "–", "-", "——", "/" and "无" in count and value columns read (spec §8): 'none' is 0 (Chinese statistical
 * tables write "—" for 无, DEFAULT), 'unknown' is no data.
 */
export type DashReading = 'none' | 'unknown';

export interface Profile {
  id: string;
  /** zh-CN display name. */
  name: string;
  /** Indicators whose CV is computed, in display order. */
  indicators: IndicatorId[];
  /** Per-school standards (办学标准) by indicator and stage; empty for CV-only profiles. */
  standards: Partial<Record<IndicatorId, Partial<Record<Stage, number>>>>;
  /** k of n met, the rest ≥ r × standard (spec §4); null when the profile has no per-school rule. */
  schoolRule: { k: number; r: number } | null;
  cv: {
    mode: CvMode;
    /** Inclusive upper limits per stage: single CVs (each) or the composite (composite). */
    thresholds: Record<Stage, number>;
    /** |cv − threshold| ≤ nearMargin earns a "near threshold" note (spec §3: 0.0005). */
    nearMargin: number;
  };
  /** Compare unrounded (null, DEFAULT) or after rounding half-up to N decimals. */
  rounding: { cv: number | null; school: number | null };
  split: { weights: SplitWeights; multimediaRooms: boolean };
  scope: ScopeRules;
  checks: CheckLimits;
  /** How dash cells read; absent means 'none' (DEFAULT). */
  dashes?: DashReading;
}

/** The whole result of evaluating one table under one profile. */
export interface Evaluation {
  profile: Profile;
  /** Stage parts in scope, in table order. */
  parts: SchoolPart[];
  excluded: Exclusion[];
  stages: Partial<Record<Stage, StageResult>>;
  schools: SchoolVerdict[];
  issues: DataIssue[];
  /**
   * Stage parts checked, passing and failing the per-school rule, undecided under it (a missing value could change
   * the verdict: 无法判定), and rows left out. Without a per-school rule nothing is passed, failed or undecided.
   */
  summary: { checked: number; passed: number; failed: number; undecided: number; excluded: number };
}
