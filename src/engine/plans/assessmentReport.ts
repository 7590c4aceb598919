/** The report plan: the content and look of the 均衡评估报告 sheet as pure data, rendered by the Office.js and exceljs adapters alike. */
import type { CountyVerdict } from '../rules/countyVerdict';
import { Verdict } from '../rules/verdict';
import {
  formatNumber,
  formatTeacherRatio,
  inColumnUnit,
  moneyUnitOf,
  type ResourceUnit,
  type ResourceUnits,
} from '../model/format';
import { HIGHLIGHT_FILLS, HIGHLIGHT_LEGEND, legendText } from './highlightPlan';
import { rowHeightsFor, type RowHeight } from './rowHeights';
import { pageSetup, type ReportPageSetup } from './printSetup';
import { INDICATOR_IDS, INDICATORS } from '../model/indicators';
import { STAGE_LABELS, STAGES } from '../model/stages';
import type {
  CoefficientResult,
  DataIssue,
  Exclusion,
  ExclusionReason,
  IndicatorId,
  IndicatorVerdict,
  SchoolVerdict,
  Severity,
  Stage,
  StageResult,
} from '../model/types';

/** Name of the report sheet; writing a report replaces the sheet of that name. */
export const REPORT_SHEET_NAME = '均衡评估报告';

/** What the report needs from an evaluation (the engine's Evaluation plus a profile name and a date fits). */
export interface ReportInput {
  /** Standards profile shown to the user, e.g. "优质均衡（教督〔2017〕6号）". */
  profileName: string;
  /** Date of the evaluation as the user should read it, e.g. "2026年3月1日" (the caller decides; keeps this pure). */
  date: string;
  /** Source sheet, shown in the overview when given. */
  sourceSheet?: string;
  stages: Partial<Record<Stage, StageResult>> | readonly StageResult[];
  schools: readonly SchoolVerdict[];
  excluded: readonly Exclusion[];
  issues: readonly DataIssue[];
  /** The county verdict (three-valued, with its reason and the undecided parts); the overview shows it when given. */
  county?: CountyVerdict;
  /** The profile's per-school rule, for the legend's allowance (“85% 允许范围”). */
  rule?: { k: number; r: number } | null;
  /** The unit each resource column is written in (万元): money gaps are shown in it. */
  units?: ResourceUnits;
  /** 各学段单项 (优质均衡) or 综合差异系数 (基本均衡): what the report judges; DEFAULT 'each'. */
  cvMode?: 'each' | 'composite';
  /** The county and data year for the title (from the table's title row or asked in the pane). */
  title?: ReportTitle;
}

/** The county and the data year a report names in its title; unknown parts are left out. */
export interface ReportTitle {
  county?: string | null;
  year?: number | null;
}

/** “示例县2026年义务教育优质均衡发展评估报告”: the county and year when known, the regime from the profile. */
export function reportTitle(subject: string, title: ReportTitle | undefined, regime?: string): string {
  const county = title?.county?.trim() || '';
  const year = title?.year ? `${title.year}年` : '';
  const lead = county || year ? `${county}${year}` : '县域';
  return `${lead}义务教育${regime ?? ''}均衡发展${subject}`;
}

/** 优质均衡 or 基本均衡, by what the profile judges. */
export const regimeOf = (cvMode: 'each' | 'composite' | undefined): string =>
  cvMode === 'composite' ? '基本' : cvMode === 'each' ? '优质' : '';

export type ReportValue = string | number | null;

/** A cell rectangle: 1-based rows, 0-based columns, inclusive (the same convention as CellGrid merges). */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ReportStyle {
  bold?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** '#RRGGBB'. */
  fontColor?: string;
  /** Background '#RRGGBB'. */
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Thin borders on every cell edge. */
  border?: boolean;
}

export type { RowHeight } from './rowHeights';

export interface ReportStyleRange extends CellRect {
  style: ReportStyle;
}

export type ReportSectionId =
  | 'title'
  | 'overview'
  | 'coefficients'
  | 'schools'
  | 'excluded'
  | 'issues'
  /** 标注颜色说明: what each mark colour means, on the data sheet and here. */
  | 'legend'
  /** The 整改测算 sheet (remediationReport.ts): per stage and indicator, then per school. */
  | 'planStages'
  | 'planSchools'
  /** A table of the declaration form (forms.ts), with its notes. */
  | 'formTable';

/** A rectangular block written with ONE range write: values and number formats of the same shape. */
export interface ReportSection {
  id: ReportSectionId;
  /** 1-based first row; the block starts at column A. */
  top: number;
  values: ReportValue[][];
  /** Excel number format per cell ('General' when nothing special). */
  numberFormats: string[][];
}

export type { ReportPageSetup } from './printSetup';

export interface ReportPlan {
  sheetName: string;
  sections: ReportSection[];
  /**
   * Applied after the values. Overlapping ranges never set the same property of a cell to different values, so
   * adapters may group them by look and apply them in any order.
   */
  styles: ReportStyleRange[];
  merges: CellRect[];
  /** Width of columns A, B, … in characters of the default font (exceljs uses this unit; Office.js converts). */
  columnWidths: number[];
  /**
   * Heights of rows that need more than the default (wrapped headers, a large title), in points; rows not listed keep
   * the default. Hosts set them explicitly: LibreOffice and WPS do not grow a row for wrapped text on opening.
   */
  rowHeights?: RowHeight[];
  page: ReportPageSetup;
  /** Last used row (1-based) and column count, for adapters that size things up front. */
  rowCount: number;
  columnCount: number;
}

// Good/bad fills are Excel's own "好"/"差" cell styles, familiar to the users.
export const PASS_STYLE: ReportStyle = { fill: '#C6EFCE', fontColor: '#006100' };
export const FAIL_STYLE: ReportStyle = { fill: '#FFC7CE', fontColor: '#9C0006' };
export const TITLE_STYLE: ReportStyle = { bold: true, fontSize: 16 };
export const SECTION_STYLE: ReportStyle = { bold: true, fontSize: 12, fill: '#D9E1F2' };
export const HEADER_STYLE: ReportStyle = {
  bold: true,
  fill: '#F2F2F2',
  wrap: true,
  align: 'center',
  border: true,
};
export const SUBTITLE_STYLE: ReportStyle = { bold: true };

export const CV_FORMAT = '0.000';
export const THRESHOLD_FORMAT = '0.00';
const VALUE_FORMAT = '#,##0.00##';
const GENERAL = 'General';

const EXCLUSION_TEXT: Readonly<Record<ExclusionReason, string>> = {
  special: '特殊教育学校',
  smallTeachingPoint: '规模较小的教学点',
  teachingPoint: '教学点',
  notCountyRun: '省市直属学校',
  private: '民办学校',
  zeroStudents: '在校生数为 0',
  seniorOnly: '非义务教育学段',
};
const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', info: '提示' };

function verdictText(pass: boolean | null): string {
  return pass === true ? '达标' : pass === false ? '未达标' : '无法判定';
}
function verdictStyle(pass: boolean | null): ReportStyle | undefined {
  return pass === true ? PASS_STYLE : pass === false ? FAIL_STYLE : undefined;
}

/** Whether every index of `row` holds an entry (a copy by spreading would turn a hole into undefined). */
function dense(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!(i in row)) return false;
  return true;
}

/** Collects one section's rows, its styles and merges, with row numbers relative to the whole sheet. */
export class SectionBuilder {
  readonly rows: ReportValue[][] = [];
  readonly formats: (string | undefined)[][] = [];
  readonly styles: ReportStyleRange[] = [];
  readonly merges: CellRect[] = [];

  constructor(
    readonly id: ReportSectionId,
    readonly top: number,
  ) {}

  /** Sheet row (1-based) the next added row will land on. */
  get nextRow(): number {
    return this.top + this.rows.length;
  }

  add(values: ReportValue[], formats: (string | undefined)[] = [], style?: ReportStyle): number {
    const row = this.nextRow;
    this.rows.push(values);
    this.formats.push(formats);
    if (style) this.style(row, 0, row, Math.max(values.length, 1) - 1, style);
    return row;
  }

  style(top: number, left: number, bottom: number, right: number, style: ReportStyle): void {
    this.styles.push({ top, left, bottom, right, style });
  }

  /**
   * The section, every row `width` cells wide (nulls after a short row's values). A full row without holes is taken
   * as it is, not copied, and the rows without formats share one row of 'General' (nothing writes into a plan): a
   * 20,000-school section is a million cells.
   */
  build(): ReportSection {
    let width = 1;
    for (const r of this.rows) if (r.length > width) width = r.length;
    let general: string[] | undefined;
    // A row of formats given for many rows (one array for every school) is completed once and shared.
    const built = new Map<(string | undefined)[], string[]>();
    return {
      id: this.id,
      top: this.top,
      values: this.rows.map((r) =>
        r.length === width && dense(r) ? r : [...r, ...Array<ReportValue>(width - r.length).fill(null)],
      ),
      numberFormats: this.formats.map((f) => {
        if (f.length === 0) return (general ??= Array<string>(width).fill(GENERAL));
        let row = built.get(f);
        if (row === undefined) {
          row = [];
          for (let i = 0; i < width; i++) row.push(f[i] ?? GENERAL);
          built.set(f, row);
        }
        return row;
      }),
    };
  }
}

/** Each of `ids`' indicator verdict (undefined where the verdict has none), by position in `ids`. */
export function verdictsFor(
  indicators: readonly IndicatorVerdict[],
  ids: readonly IndicatorId[],
): (IndicatorVerdict | undefined)[] {
  const out: (IndicatorVerdict | undefined)[] = new Array<IndicatorVerdict | undefined>(ids.length).fill(
    undefined,
  );
  // The last verdict of an indicator counts, as in a map built from the list.
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    for (const v of indicators) if (v.indicator === id) out[k] = v;
  }
  return out;
}

function stageList(stages: ReportInput['stages']): StageResult[] {
  const list = Array.isArray(stages)
    ? [...(stages as readonly StageResult[])]
    : STAGES.flatMap((s) => {
        const found = (stages as Partial<Record<Stage, StageResult>>)[s];
        return found ? [found] : [];
      });
  return list.sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
}

function nearNote(value: number | null, threshold: number | null, near: boolean): string {
  if (!near || value === null || threshold === null) return '';
  const diff = Math.abs(value - threshold);
  return `接近阈值（与标准相差 ${diff.toFixed(4)}），请核对原始数据`;
}

function coefficientRow(result: CoefficientResult): {
  values: ReportValue[];
  formats: (string | undefined)[];
} {
  const notes = [nearNote(result.cv, result.threshold, result.nearThreshold), result.note ?? ''].filter(
    Boolean,
  );
  if (result.cv === null && !result.note) notes.push('差异系数无法计算');
  // Staff write 师生比 as students per teacher (1:19.6); the value column keeps teachers per student (spec §2.2).
  if (result.indicator === 'teachersPerStudent' && result.mean !== null && result.mean > 0)
    notes.unshift(`县均值即 ${formatTeacherRatio(result.mean)}`);
  return {
    values: [
      INDICATORS[result.indicator].name,
      result.mean,
      result.cv,
      result.threshold ?? '—',
      result.threshold === null ? '—' : verdictText(result.pass),
      notes.join('；'),
    ],
    formats: [undefined, VALUE_FORMAT, CV_FORMAT, THRESHOLD_FORMAT],
  };
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八'];
/** “三、学校达标情况”: sections are numbered in the order they are written. */
const heading = (n: number, text: string): string => `${NUMERALS[n] ?? n + 1}、${text}`;

function overviewSection(
  input: ReportInput,
  stages: StageResult[],
  top: number,
  n: number,
  judged: readonly IndicatorId[],
): SectionBuilder {
  const b = new SectionBuilder('overview', top);
  b.add([heading(n, '概况')], [], SECTION_STYLE);
  const count = (pred: (s: SchoolVerdict) => boolean) => input.schools.filter(pred).length;
  const errors = input.issues.filter((i) => i.severity === 'error').length;
  const warnings = input.issues.filter((i) => i.severity === 'warning').length;
  b.add(['评估标准', input.profileName]);
  b.add(['评估日期', input.date]);
  if (input.sourceSheet) b.add(['数据工作表', input.sourceSheet]);
  const composite = input.cvMode === 'composite';
  b.add([
    '评估内容',
    composite ? '各学段 8 项指标的差异系数和综合差异系数' : '各学段各项指标的差异系数，每所学校的办学标准',
  ]);
  b.add([
    '判定方法',
    composite
      ? '综合差异系数不超过标准即达标；不逐校判定办学标准'
      : '每项差异系数不超过标准；学校按达标项数规则判定',
  ]);
  b.add(['参评学校（学段）数', input.schools.length]);
  for (const stage of STAGES) b.add([`其中${STAGE_LABELS[stage]}`, count((s) => s.stage === stage)]);
  const county = input.county;
  if (judged.length > 0) {
    b.add(['校际达标', count((s) => s.pass === true)]);
    b.add(['校际未达标', count((s) => s.pass === false)]);
    if (county) b.add(['校际无法判定', county.counts.undecided]);
  }
  b.add([
    '未纳入计算',
    input.excluded.length,
    input.excluded.length > 0 ? '名单和原因见“未纳入计算的学校”' : '',
  ]);
  b.add(['数据问题', `错误 ${errors} 条，警告 ${warnings} 条`]);
  for (const stage of stages) {
    // With the county verdict, a stage whose CV left out a school for an unknown value reads 无法判定 too.
    const v = county?.stages[stage.stage];
    const pass = v === undefined ? stage.pass : v === 'pass' ? true : v === 'fail' ? false : null;
    const row = b.add([`${STAGE_LABELS[stage.stage]}差异系数结论`, verdictText(pass)]);
    const style = verdictStyle(pass);
    if (style) b.style(row, 1, row, 1, style);
  }
  if (county) {
    const pass = county.verdict === 'pass' ? true : county.verdict === 'fail' ? false : null;
    const row = b.add(['县域结论', verdictText(pass), county.reason]);
    const style = verdictStyle(pass);
    if (style) b.style(row, 1, row, 1, style);
    for (const u of county.undecidedSchools) {
      b.add(['无法判定（缺数据）', `${u.name}（${STAGE_LABELS[u.stage]}）`, `缺少 ${u.cells.join('、')}`]);
    }
  }
  b.style(top + 1, 0, b.nextRow - 1, 0, { bold: true });
  return b;
}

function coefficientSection(stages: StageResult[], top: number, n: number): SectionBuilder {
  const b = new SectionBuilder('coefficients', top);
  b.add([heading(n, '差异系数')], [], SECTION_STYLE);
  if (stages.length === 0) b.add(['无']);
  for (const stage of stages) {
    b.add(
      [
        `${STAGE_LABELS[stage.stage]}（参评 ${formatNumber(stage.schools)} 所，学生 ${formatNumber(stage.students)} 人）`,
      ],
      [],
      SUBTITLE_STYLE,
    );
    const header = b.add(['指标', '县均值', '差异系数', '标准', '是否达标', '说明']);
    b.style(header, 0, header, 5, HEADER_STYLE);
    const first = b.nextRow;
    for (const id of INDICATOR_IDS) {
      const result = stage.indicators[id];
      if (!result) continue;
      const { values, formats } = coefficientRow(result);
      const row = b.add(values, formats);
      const style = result.threshold === null ? undefined : verdictStyle(result.pass);
      if (style) b.style(row, 4, row, 4, style);
    }
    if (stage.composite) {
      const c = stage.composite;
      const row = b.add(
        [
          '综合差异系数',
          null,
          c.value,
          c.threshold,
          verdictText(c.pass),
          nearNote(c.value, c.threshold, c.nearThreshold),
        ],
        [undefined, undefined, CV_FORMAT, THRESHOLD_FORMAT],
        { bold: true },
      );
      const style = verdictStyle(c.pass);
      if (style) b.style(row, 4, row, 4, style);
    }
    if (b.nextRow > first) b.style(first, 0, b.nextRow - 1, 5, { border: true, wrap: true });
    const verdictRow = b.add(['学段结论', null, null, null, verdictText(stage.pass)], [], { bold: true });
    const style = verdictStyle(stage.pass);
    if (style) b.style(verdictRow, 4, verdictRow, 4, style);
  }
  return b;
}

/** Indicators judged against a per-school standard somewhere in the input, in spec order. */
function judgedIndicators(schools: readonly SchoolVerdict[]): IndicatorId[] {
  const present = new Set<IndicatorId>();
  for (const s of schools) {
    // An evaluation's verdict knows them without building its indicator verdicts.
    if (s instanceof Verdict) for (const id of s.judgedIndicators()) present.add(id);
    else for (const i of s.indicators) if (i.standard !== null) present.add(i.indicator);
  }
  return INDICATOR_IDS.filter((id) => present.has(id));
}

/** The column unit an indicator's money gaps are shown in (万元), from the header of its resource column. */
function gapUnitOf(id: IndicatorId, units: ResourceUnits | undefined): ResourceUnit | undefined {
  if (INDICATORS[id].unit !== '元') return undefined;
  return moneyUnitOf(INDICATORS[id].resourceField, units);
}

function schoolSection(
  schools: readonly SchoolVerdict[],
  top: number,
  units: ResourceUnits | undefined,
  n: number,
  indicators: readonly IndicatorId[],
): SectionBuilder {
  const b = new SectionBuilder('schools', top);
  b.add([heading(n, '学校达标情况')], [], SECTION_STYLE);
  const gapUnits = indicators.map((id) => gapUnitOf(id, units));
  const lead = ['学校名称', '行号', '学段', '是否达标', '达标项数'];
  const tail = ['其他检查未通过', '未达标原因'];
  const width = lead.length + indicators.length * 3 + tail.length;
  const tailStart = lead.length + indicators.length * 3;

  const upper = b.add([...lead, ...indicators.flatMap((id) => [INDICATORS[id].name, null, null]), ...tail]);
  const lower = b.add([
    ...lead.map(() => null),
    ...gapUnits.flatMap((u) => ['数值', '标准', u ? `差额（${u.unit}）` : '差额']),
    ...tail.map(() => null),
  ]);
  b.style(upper, 0, lower, width - 1, HEADER_STYLE);
  for (let c = 0; c < lead.length; c++) b.merges.push({ top: upper, left: c, bottom: lower, right: c });
  indicators.forEach((_, i) => {
    const left = lead.length + i * 3;
    b.merges.push({ top: upper, left, bottom: upper, right: left + 2 });
  });
  for (let c = tailStart; c < width; c++) b.merges.push({ top: upper, left: c, bottom: lower, right: c });

  const ordered = [...schools].sort(
    (x, y) => x.row - y.row || STAGES.indexOf(x.stage) - STAGES.indexOf(y.stage),
  );
  if (ordered.length === 0) b.add(['无']);
  const first = b.nextRow;
  // One style object per fill for all schools (a writer keys each object once).
  const withinAllowance: ReportStyle = { fill: HIGHLIGHT_FILLS.allowance };
  const belowStandard: ReportStyle = { fill: HIGHLIGHT_FILLS.indicator };
  // Rows of formats by which gaps are whole numbers (bit i for indicator i), shared by the schools alike.
  const formatRows = new Map<number, (string | undefined)[]>();
  for (const school of ordered) {
    const schoolIndicators = school.indicators;
    const byId = verdictsFor(schoolIndicators, indicators);
    let judged = 0;
    for (const i of schoolIndicators) if (i.standard !== null) judged++;
    const values: ReportValue[] = [
      school.name,
      school.row,
      STAGE_LABELS[school.stage],
      judged === 0 ? '—' : verdictText(school.pass),
      judged === 0 ? '—' : `${school.met}/${judged}`,
    ];
    let wholeGaps = 0;
    indicators.forEach((_, i) => {
      const verdict = byId[i];
      const unit = gapUnits[i];
      const gap = verdict?.gap ?? null;
      values.push(
        verdict?.value ?? null,
        verdict?.standard ?? null,
        gap !== null && unit ? inColumnUnit(gap, unit) : gap,
      );
      if (gap !== null && !unit && Number.isInteger(gap)) wholeGaps += 2 ** i;
    });
    let formats = formatRows.get(wholeGaps);
    if (formats === undefined) {
      formats = lead.map(() => undefined);
      for (let i = 0; i < indicators.length; i++)
        formats.push(VALUE_FORMAT, VALUE_FORMAT, Math.floor(wholeGaps / 2 ** i) % 2 ? '#,##0' : '#,##0.00');
      formatRows.set(wholeGaps, formats);
    }
    values.push(
      school.checks
        .filter((c) => !c.pass)
        .map((c) => c.message)
        .join('；'),
      school.reasons.join('；'),
    );
    const row = b.add(values, formats);
    const style = judged === 0 ? undefined : verdictStyle(school.pass);
    if (style) b.style(row, 3, row, 3, style);
    // The same colours as on the data sheet: a passing school's below-standard values are within the allowance.
    const below = school.pass === true ? withinAllowance : belowStandard;
    indicators.forEach((_, i) => {
      if (byId[i]?.pass === false) {
        const column = lead.length + i * 3;
        b.style(row, column, row, column, below);
      }
    });
  }
  if (ordered.length > 0) b.style(first, 0, b.nextRow - 1, width - 1, { border: true });
  if (ordered.length > 0) b.style(first, tailStart, b.nextRow - 1, width - 1, { wrap: true });
  return b;
}

function excludedSection(excluded: readonly Exclusion[], top: number, n: number): SectionBuilder {
  const b = new SectionBuilder('excluded', top);
  b.add([heading(n, '未纳入计算的学校')], [], SECTION_STYLE);
  const header = b.add(['学校名称', '行号', '学段', '原因', '说明']);
  b.style(header, 0, header, 4, HEADER_STYLE);
  if (excluded.length === 0) b.add(['无']);
  const ordered = [...excluded].sort((x, y) => x.row - y.row);
  for (const e of ordered) {
    b.add([e.name, e.row, e.stage ? STAGE_LABELS[e.stage] : '—', EXCLUSION_TEXT[e.reason], e.message]);
  }
  if (ordered.length > 0) b.style(header + 1, 0, b.nextRow - 1, 4, { border: true, wrap: true });
  return b;
}

function issueSection(issues: readonly DataIssue[], top: number, n: number): SectionBuilder {
  const b = new SectionBuilder('issues', top);
  b.add([heading(n, '数据问题')], [], SECTION_STYLE);
  const header = b.add(['说明', '行号', '列', '级别', '字段']);
  b.style(header, 0, header, 4, HEADER_STYLE);
  if (issues.length === 0) b.add(['无']);
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const ordered = [...issues].sort((x, y) => x.row - y.row || rank[x.severity] - rank[y.severity]);
  for (const issue of ordered) {
    const row = b.add([
      issue.message,
      issue.row > 0 ? issue.row : '—',
      issue.column ?? '—',
      SEVERITY_TEXT[issue.severity],
      issue.field,
    ]);
    if (issue.severity === 'error') b.style(row, 3, row, 3, FAIL_STYLE);
  }
  if (ordered.length > 0) b.style(header + 1, 0, b.nextRow - 1, 4, { border: true, wrap: true });
  return b;
}

/** 标注颜色说明: each mark colour, painted, with what it means (on the data sheet and in 学校达标情况). */
function legendSection(rule: ReportInput['rule'], top: number): SectionBuilder {
  const b = new SectionBuilder('legend', top);
  b.add(['附：标注颜色说明（数据表和本表的底色）'], [], SECTION_STYLE);
  for (const entry of HIGHLIGHT_LEGEND) {
    const row = b.add([legendText(entry.key, rule?.r ?? null)]);
    b.style(row, 0, row, 0, { fill: entry.fill, border: true, wrap: true });
  }
  return b;
}

/**
 * The plan's style ranges grouped by look (equal styles together, in first-seen order): a host applies each look once
 * to all its areas, whatever the number of schools.
 */
export function stylesByLook(plan: Pick<ReportPlan, 'styles'>): { style: ReportStyle; areas: CellRect[] }[] {
  const byLook = new Map<string, { style: ReportStyle; areas: CellRect[] }>();
  for (const s of plan.styles) {
    const key = JSON.stringify(s.style);
    const group = byLook.get(key) ?? { style: s.style, areas: [] };
    group.areas.push({ top: s.top, left: s.left, bottom: s.bottom, right: s.right });
    byLook.set(key, group);
  }
  return [...byLook.values()];
}

/**
 * Lays out the report: a title, then 概况, 差异系数 per stage (with the composite row in composite mode),
 * 学校达标情况 per school part (only when some school is judged against standards: not under 基本均衡), 未纳入计算,
 * 数据问题 and the colour legend, one blank row between sections. It prints A4 landscape at a legible scale with the
 * school table's header repeated on every page.
 */
export function planReport(input: ReportInput): ReportPlan {
  const stages = stageList(input.stages);
  const titleText = reportTitle('评估报告', input.title, regimeOf(input.cvMode));
  const title = new SectionBuilder('title', 1);
  title.add([titleText], [], TITLE_STYLE);

  const builders: SectionBuilder[] = [title];
  const next = () => builders[builders.length - 1].nextRow + 1;
  let n = 0;
  // Once: while the marked copy is written every read of the schools' indicators builds them again.
  const judged = judgedIndicators(input.schools);
  builders.push(overviewSection(input, stages, next(), n++, judged));
  builders.push(coefficientSection(stages, next(), n++));
  const indicatorCount = judged.length;
  let schoolHeader: { top: number; bottom: number } | null = null;
  if (indicatorCount > 0) {
    const schools = schoolSection(input.schools, next(), input.units, n++, judged);
    schoolHeader = { top: schools.top + 1, bottom: schools.top + 2 };
    builders.push(schools);
  }
  builders.push(excludedSection(input.excluded, next(), n++));
  builders.push(issueSection(input.issues, next(), n++));
  builders.push(legendSection(input.rule, next()));

  const sections = builders.map((b) => b.build());
  const columnCount = Math.max(...sections.map((s) => s.values[0]?.length ?? 0));
  const widths = columnWidths(columnCount, indicatorCount);
  // concat copies each builder's list in one go (flatMap goes element by element: 70,000 style ranges).
  const styles = ([] as ReportStyleRange[]).concat(...builders.map((b) => b.styles));
  const merges = ([] as CellRect[]).concat(...builders.map((b) => b.merges));
  return {
    sheetName: REPORT_SHEET_NAME,
    sections,
    styles,
    merges,
    columnWidths: widths,
    // Wrapped indicator names, reasons and messages print whole (LibreOffice and WPS keep default row heights).
    rowHeights: rowHeightsFor(sections, styles, merges, widths),
    page: pageSetup({
      columnWidths: widths,
      title: titleText,
      standard: `评估标准：${input.profileName}`,
      printTitleRows: schoolHeader,
      printTitleColumns: schoolHeader ? { left: 0, right: 0 } : null,
      merges,
    }),
    rowCount: builders[builders.length - 1].nextRow - 1,
    columnCount,
  };
}

/**
 * Column A holds long texts in every section (indicator names, school names, issue messages); the last two school
 * columns hold reasons. The rest are numbers.
 */
function columnWidths(columnCount: number, indicatorCount: number): number[] {
  const widths = Array.from({ length: columnCount }, () => 11);
  widths[0] = 34;
  if (columnCount > 5) widths[5] = 24; // the CV section's 说明
  const tailStart = 5 + indicatorCount * 3;
  if (tailStart < columnCount) widths[tailStart] = 30;
  if (tailStart + 1 < columnCount) widths[tailStart + 1] = 50;
  return widths;
}
