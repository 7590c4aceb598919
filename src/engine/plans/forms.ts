/**
 * The declaration form's tables as ReportPlans: 优质均衡 表Ⅱ-1, 表Ⅱ-2 and 表Ⅲ, or the 基本均衡 per-school table and
 * 校际差异系数 table — every number the engine's own decision or value, rounded half-up on the exact value.
 */
import type { Decimal } from 'decimal.js';
import { Dec, roundedClearOfHalf } from '../exact/arithmetic';
import { INDICATOR_IDS, INDICATORS } from '../model/indicators';
import { SPONSOR_LABELS, type SponsorCode } from '../model/sponsor';
import { STAGE_LABELS, STAGES } from '../model/stages';
import { schoolBaseName, stageFromName } from '../model/text';
import { roundedMeanOf, roundedValueOf } from '../rules/stageCvs';
import { roundedSchoolValue } from '../rules/valueColumns';
import {
  HEADER_STYLE,
  SectionBuilder,
  verdictsFor,
  type ReportPlan,
  type ReportStyle,
  type ReportValue,
} from './assessmentReport';
import type { ReportTitle } from './assessmentReport';
import { pageSetup } from './printSetup';
import { rowHeightsFor } from './rowHeights';
import type {
  Evaluation,
  IndicatorId,
  IndicatorVerdict,
  SchoolKind,
  SchoolPart,
  SchoolVerdict,
  Stage,
} from '../model/types';

/** The form tables' sheet names: each begins with the form's table number (the 基本均衡 ones with the regime). */
export const FORM_SHEET_NAMES = {
  resources: '表Ⅱ-1 资源配置达标情况',
  schools: '表Ⅱ-2 学校资源配置情况',
  balance: '表Ⅲ 县域义务教育校际均衡情况',
  basicSchools: '基本均衡 学校指标情况',
  basicCvs: '基本均衡 校际差异系数',
} as const;

export type FormSheetId = keyof typeof FORM_SHEET_NAMES;

/** The tables a regime's form has: 优质均衡 (each CV against its threshold) or 基本均衡 (the composite). */
export const QUALITY_FORMS: readonly FormSheetId[] = ['resources', 'schools', 'balance'];
export const BASIC_FORMS: readonly FormSheetId[] = ['basicSchools', 'basicCvs'];

/** The form tables for an evaluation's profile, in the form's order. */
export function formSheetsOf(profile: Evaluation['profile']): readonly FormSheetId[] {
  return profile.cv.mode === 'composite' ? BASIC_FORMS : QUALITY_FORMS;
}

export interface FormsInput {
  evaluation: Pick<Evaluation, 'profile' | 'parts' | 'schools' | 'stages'>;
  /** Fields the sheet has a column for (the mapping's keys): a value without a column is blank and said so. */
  fields: readonly string[];
  /** Source sheet, named in each table's basis line. */
  sourceSheet?: string;
  /** Only these tables (DEFAULT every table of the profile's regime). */
  only?: readonly FormSheetId[];
  /** County and data year, named in the page header. */
  title?: ReportTitle;
}

/** Values on the form: per-school values and county means to 2 decimals, CVs to 3 (the national tables' digits). */
export const VALUE_DECIMALS = 2;
export const CV_DECIMALS = 3;
/** Teachers per student (0.05–0.14) would read 0.05 at two decimals: the 基本均衡 table shows them to 3. */
const PER_STUDENT_TEACHER_DECIMALS = 3;

const FORMAT_2 = '0.00';
const FORMAT_3 = '0.000';
const WHOLE = '0';

const TITLE: ReportStyle = { bold: true, fontSize: 14, align: 'center' };
const BORDER: ReportStyle = { border: true };
const SUBHEAD: ReportStyle = { bold: true, border: true, fill: '#F2F2F2' };
const NOTE: ReportStyle = { wrap: true };
/** 基本均衡: “对未达标的数值用深色底纹标出”. */
export const DARK_SHADE: ReportStyle = { fill: '#808080', fontColor: '#FFFFFF' };

/** A number rounded half-up on its exact value, as the double the cell holds. */
const cell = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

/**
 * A county mean or CV rounded half-up to `decimals` places: from its double when that is clearly on one side of every
 * half-way point, else exactly (`exactly`, the rounding on the exact value, null exactly when the double is). The
 * exact value of 20,000 schools' amounts is costly and only needed near a …5 boundary: a mean (per·Σr/ΣP, positive
 * counts summed) and a two-pass CV are within about n·2⁻⁵³ (relative) of their exact values, a composite (the mean of
 * the CVs) too, far inside the 10⁻⁹ (relative) margin kept from every boundary, the margin the engine's own
 * decisions trust a double to (NEAR). m/10ᵈ as a double is the Decimal m/10ᵈ converted: both are the double nearest
 * the same rational.
 */
function roundedCell(approx: number | null, decimals: number, exactly: () => Decimal | null): number | null {
  const rounded = approx === null ? undefined : roundedClearOfHalf(approx, decimals);
  return rounded !== undefined ? rounded : cell(exactly());
}

/** A count as the cell shows it; blank when unknown. */
const countCell = (v: number | undefined): number | null => (v === undefined ? null : v);

function verdictWord(pass: boolean | null): string {
  return pass === true ? '是' : pass === false ? '否' : '无法判定';
}

function indicatorsOf(input: FormsInput): IndicatorId[] {
  return [...input.evaluation.profile.indicators];
}

/** Parts and their verdicts by stage, in sheet order (小学 rows, then 初中 rows). */
function rowsByStage(input: FormsInput): Map<Stage, { part: SchoolPart; verdict: SchoolVerdict }[]> {
  const { parts, schools } = input.evaluation;
  // An evaluation's verdicts stand at their parts' places: paired by place, no map of 20,000 keys, when they do.
  // Same key (`${row}:${stage}`) compared as row and stage, without making the texts; keys are unique (one part
  // per row and stage), so pairing by place is what the map by key gives.
  let aligned = schools.length === parts.length;
  for (let i = 0; i < parts.length && aligned; i++)
    aligned = schools[i].row === parts[i].row && schools[i].stage === parts[i].stage;
  const verdicts = aligned ? null : new Map(schools.map((s) => [s.key, s]));
  const out = new Map<Stage, { part: SchoolPart; verdict: SchoolVerdict }[]>();
  for (const stage of STAGES) out.set(stage, []);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const verdict = verdicts ? verdicts.get(part.key) : schools[i];
    if (verdict) out.get(part.stage)?.push({ part, verdict });
  }
  for (const list of out.values()) list.sort((a, b) => a.part.row - b.part.row);
  return out;
}

/** The table's title, the basis line and the builder for the rest. */
function start(id: FormSheetId, input: FormsInput, width: number): SectionBuilder {
  const b = new SectionBuilder('formTable', 1);
  const title = b.add([FORM_SHEET_NAMES[id]], [], TITLE);
  b.merges.push({ top: title, left: 0, bottom: title, right: width - 1 });
  const basis = [`评估标准：${input.evaluation.profile.name}`];
  if (input.sourceSheet) basis.push(`数据工作表：${input.sourceSheet}`);
  const row = b.add([basis.join('；')]);
  b.merges.push({ top: row, left: 0, bottom: row, right: width - 1 });
  return b;
}

/** Notes below a table, one per row, merged across its width and wrapped. */
function addNotes(b: SectionBuilder, notes: readonly string[], width: number): void {
  if (notes.length === 0) return;
  b.add([]);
  notes.forEach((text, i) => {
    const row = b.add([`${i === 0 ? '注：' : ''}${i + 1}. ${text}`]);
    b.merges.push({ top: row, left: 0, bottom: row, right: width - 1 });
    b.style(row, 0, row, width - 1, NOTE);
  });
}

/** The page header's title: the county and year when known, then the table's name. */
function pageTitle(id: FormSheetId, input: FormsInput): string {
  const county = input.title?.county?.trim() ?? '';
  const year = input.title?.year ? `${input.title.year}年` : '';
  return `${county}${year}${county || year ? ' ' : ''}${FORM_SHEET_NAMES[id]}`;
}

/** The table's header starts on row 3 (below the title and the basis line) and ends on `headerBottom`. */
function plan(
  id: FormSheetId,
  input: FormsInput,
  b: SectionBuilder,
  widths: number[],
  headerBottom: number,
): ReportPlan {
  const section = b.build();
  return {
    sheetName: FORM_SHEET_NAMES[id],
    sections: [section],
    styles: b.styles,
    merges: b.merges,
    columnWidths: widths,
    // The wrapped header, the title and the notes print whole (LibreOffice and WPS keep rows at their default height).
    rowHeights: rowHeightsFor([section], b.styles, b.merges, widths),
    page: pageSetup({
      columnWidths: widths,
      title: pageTitle(id, input),
      standard: `评估标准：${input.evaluation.profile.name}`,
      printTitleRows: { top: 3, bottom: headerBottom },
      // Every table leads with two identifying columns (序号 and 学校名称, or 学段 and its label): repeated on the
      // pages a wide table continues on.
      printTitleColumns: { left: 0, right: 1 },
      merges: b.merges,
    }),
    rowCount: b.nextRow - 1,
    columnCount: widths.length,
  };
}

/** A two-row header: lead columns merged down, each group's name merged over its sub-columns. */
function groupedHeader(
  b: SectionBuilder,
  lead: readonly string[],
  groups: readonly { name: string; columns: readonly string[] }[],
): number {
  const upper = b.add([...lead, ...groups.flatMap((g) => [g.name, ...g.columns.slice(1).map(() => null)])]);
  const lower = b.add([...lead.map(() => null), ...groups.flatMap((g) => [...g.columns])]);
  const width = lead.length + groups.reduce((n, g) => n + g.columns.length, 0);
  b.style(upper, 0, lower, width - 1, HEADER_STYLE);
  lead.forEach((_, c) => b.merges.push({ top: upper, left: c, bottom: lower, right: c }));
  let left = lead.length;
  for (const g of groups) {
    if (g.columns.length > 1)
      b.merges.push({ top: upper, left, bottom: upper, right: left + g.columns.length - 1 });
    left += g.columns.length;
  }
  return width;
}

/** A share as a percentage rounded half-up to 2 decimals, exactly (2 of 3 → 66.67). */
export function percentOf(count: number, total: number): number | null {
  if (total === 0) return null;
  return new Dec(count).times(100).div(total).toDecimalPlaces(VALUE_DECIMALS, Dec.ROUND_HALF_UP).toNumber();
}

// ─── 表Ⅱ-1 资源配置达标情况 ──────────────────────────────────────────────────

function resourcesTable(input: FormsInput): ReportPlan {
  const ids = indicatorsOf(input);
  const width = 2 + (ids.length + 1) * 2;
  const b = start('resources', input, width);
  groupedHeader(
    b,
    ['学段', '学校数'],
    [
      ...ids.map((id) => ({ name: INDICATORS[id].name, columns: ['达标学校数', '比例（%）'] })),
      { name: '综合评估', columns: ['达标学校数', '比例（%）'] },
    ],
  );
  const first = b.nextRow;
  let undecided = 0;
  for (const [stage, rows] of rowsByStage(input)) {
    if (rows.length === 0) continue;
    const total = rows.length;
    const values: ReportValue[] = [STAGE_LABELS[stage], total];
    const formats: (string | undefined)[] = [undefined, WHOLE];
    // One pass over the schools, each school's indicator verdicts read once (while the marked copy is written they
    // are built on each read: a pass per indicator built them seven times over).
    const metOf = new Array<number>(ids.length).fill(0);
    for (const r of rows) {
      const indicators = r.verdict.indicators;
      // The first verdict of each indicator, as find gives it.
      for (let k = 0; k < ids.length; k++)
        for (const i of indicators)
          if (i.indicator === ids[k]) {
            if (i.pass === true) metOf[k]++;
            break;
          }
    }
    for (let k = 0; k < ids.length; k++) {
      const met = metOf[k];
      values.push(met, percentOf(met, total));
      formats.push(WHOLE, FORMAT_2);
    }
    const passed = rows.filter((r) => r.verdict.pass === true).length;
    undecided += rows.filter((r) => r.verdict.pass === null).length;
    values.push(passed, percentOf(passed, total));
    formats.push(WHOLE, FORMAT_2);
    b.add(values, formats);
  }
  if (b.nextRow === first) b.add(['无参评学校']);
  b.style(first, 0, b.nextRow - 1, width - 1, BORDER);
  const notes = [
    '学校数为参与评估的学校（学段）数：一贯制学校的小学部、初中部分别计算，完全中学只计初中部；不含按评估标准不纳入计算的学校（见“均衡评估报告”）。',
    '达标指该项数值不低于办学标准；综合评估达标指至少 ' +
      `${input.evaluation.profile.schoolRule?.k ?? '—'} 项达标、其余项不低于标准的 ` +
      `${input.evaluation.profile.schoolRule ? Math.round(input.evaluation.profile.schoolRule.r * 100) : '—'}%。`,
    '比例 = 达标学校数 ÷ 学校数 × 100，按精确值四舍五入保留两位小数。',
  ];
  if (undecided > 0) notes.push(`${undecided} 所学校缺少数据，综合评估无法判定，未计入达标学校数。`);
  addNotes(b, notes, width);
  return plan('resources', input, b, [8, 8, ...ids.flatMap(() => [9, 9]), 9, 9], 4);
}

// ─── 表Ⅱ-2 per school ────────────────────────────────────────────────────────

/** How the form counts a part in its footnote: 一贯制学校的学段, 完全中学初中部, 50 人及以上教学点, or none of these. */
export type FootnoteKind = 'combinedPart' | 'completeMiddleJunior' | 'teachingPoint50' | null;

const COMBINED: readonly SchoolKind[] = ['nineYear', 'twelveYear'];

/**
 * The footnote kind of each part: its kind (split rows), the combined kind 学校类型 named for a stage-part row, or —
 * for a “（小学部）”/“（初中部）” row whose sheet says no kind — a sibling row of the same school with the other stage.
 */
export function footnoteKinds(parts: readonly SchoolPart[]): Map<string, FootnoteKind> {
  const kinds = footnoteKindList(parts);
  return new Map(parts.map((p, i) => [p.key, kinds[i]]));
}

/** footnoteKinds as a list, the kind of parts[i] at i (no key made per part). */
function footnoteKindList(parts: readonly SchoolPart[]): FootnoteKind[] {
  const stagesByBase = new Map<string, Set<Stage>>();
  // The stage a name says (“（小学部）”) and the base name, worked out once per part.
  const bases: (string | null)[] = parts.map((p) =>
    stageFromName(p.name) === null ? null : schoolBaseName(p.name),
  );
  parts.forEach((p, i) => {
    const base = bases[i];
    if (base === null) return;
    const set = stagesByBase.get(base) ?? new Set<Stage>();
    set.add(p.stage);
    stagesByBase.set(base, set);
  });
  return parts.map((p, i) => {
    const kind = COMBINED.includes(p.kind) || p.kind === 'completeMiddle' ? p.kind : p.partOf;
    const base = bases[i];
    if (kind && COMBINED.includes(kind)) return 'combinedPart';
    if (kind === 'completeMiddle') return p.stage === 'junior' ? 'completeMiddleJunior' : null;
    if (p.kind === 'teachingPoint') return (p.counts.students ?? 0) >= 50 ? 'teachingPoint50' : null;
    if (base !== null && (stagesByBase.get(base)?.size ?? 0) > 1) return 'combinedPart';
    return null;
  });
}

/** 备注: which indicators meet the standard, which reach the floor (85%) only, which fall below it or are unknown. */
export function remarkOf(verdict: SchoolVerdict, floor: number | null): string {
  return remarkFrom(verdict.indicators, floor);
}

/**
 * remarkOf for many schools: a remark depends only on which indicators are judged and how each fares, so the text is
 * made once per such pattern (a county has few), not once per school.
 */
class Remarks {
  private readonly texts = new Map<number, string>();
  private readonly indexOf = new Map<IndicatorId, number>(INDICATOR_IDS.map((id, k) => [id, k]));

  constructor(private readonly floor: number | null) {}

  of(indicators: readonly IndicatorVerdict[]): string {
    // The pattern as a number: per judged indicator, in order, its place in INDICATOR_IDS and its fate (2 bits); up
    // to 8 of them fit a double's 53 bits exactly. Longer lists are not kept.
    let key = 1;
    let judged = 0;
    for (const i of indicators) {
      if (i.standard === null) continue;
      const at = this.indexOf.get(i.indicator);
      if (++judged > 8 || at === undefined) return remarkFrom(indicators, this.floor);
      const fate =
        i.pass === true
          ? 0
          : i.pass === null
            ? 3
            : i.pass === false
              ? i.withinAllowance === true
                ? 1
                : 2
              : -1;
      if (fate < 0) return remarkFrom(indicators, this.floor);
      key = key * 64 + at * 4 + fate;
    }
    let text = this.texts.get(key);
    if (text === undefined) this.texts.set(key, (text = remarkFrom(indicators, this.floor)));
    return text;
  }
}

function remarkFrom(indicators: readonly IndicatorVerdict[], floor: number | null): string {
  const judged = indicators.filter((i) => i.standard !== null);
  const names = (list: IndicatorVerdict[]) => list.map((i) => INDICATORS[i.indicator].label).join('、');
  const met = judged.filter((i) => i.pass === true);
  const within = judged.filter((i) => i.pass === false && i.withinAllowance === true);
  const below = judged.filter((i) => i.pass === false && i.withinAllowance !== true);
  const unknown = judged.filter((i) => i.pass === null);
  const pct = floor === null ? '' : `${Math.round(floor * 100)}%`;
  const parts: string[] = [];
  if (met.length > 0)
    parts.push(`达标 ${met.length} 项：${met.length === judged.length ? '全部' : names(met)}`);
  if (within.length > 0) parts.push(`达到标准的 ${pct}：${names(within)}`);
  if (below.length > 0) parts.push(`${pct ? `低于标准的 ${pct}` : '未达标'}：${names(below)}`);
  if (unknown.length > 0) parts.push(`缺少数据：${names(unknown)}`);
  return parts.join('；');
}

/** A part's name on the form: a split combined row's part says which (红星九年一贯制学校（小学部）). */
export function formName(part: Pick<SchoolPart, 'name' | 'stage' | 'split'>): string {
  if (!part.split || stageFromName(part.name) !== null) return part.name;
  return `${part.name}（${STAGE_LABELS[part.stage]}部）`;
}

/** A list of names in a note: the first ten, then “等 N 所”. */
function nameList(names: readonly string[]): string {
  const shown = names.slice(0, 10).join('、');
  return names.length > 10 ? `${shown}等 ${names.length} 所` : shown;
}

/** Notes for blank cells: the column is absent from the sheet, or these schools' cells are blank. */
function blankNotes(
  rows: readonly { part: SchoolPart }[],
  columns: readonly { label: string; has: boolean; value: (p: SchoolPart) => unknown; why: string }[],
): string[] {
  const notes: string[] = [];
  for (const c of columns) {
    const blank = rows.filter((r) => c.value(r.part) === undefined).map((r) => formName(r.part));
    if (blank.length === 0) continue;
    if (!c.has) notes.push(`${c.label}：${c.why}，本表此列空白，未推算。`);
    else notes.push(`${c.label}：工作表未给出以下学校（学段）的${c.label}，空白未填：${nameList(blank)}。`);
  }
  return notes;
}

function schoolsTable(input: FormsInput): ReportPlan {
  const ids = indicatorsOf(input);
  const lead = ['序号', '学校名称', '举办者类型', '在校生数', '年级数', '班级数'];
  const tail = ['该校综合评估是否达标', '备注'];
  const header = [...lead, ...ids.map((id) => INDICATORS[id].name), ...tail];
  const width = header.length;
  const b = start('schools', input, width);
  const h = b.add(header);
  b.style(h, 0, h, width - 1, HEADER_STYLE);
  const byStage = rowsByStage(input);
  const all = [...byStage.values()].flat();
  // By place in `all` (a part's key is unique: one part per row and stage).
  const footnotes = footnoteKindList(all.map((r) => r.part));
  const floor = input.evaluation.profile.schoolRule?.r ?? null;
  const remarks = new Remarks(floor);
  // One row of formats for every school (a plan is never written into).
  const formats = [WHOLE, undefined, WHOLE, WHOLE, WHOLE, WHOLE, ...ids.map(() => FORMAT_2)];
  const first = b.nextRow;
  for (const [stage, rows] of byStage) {
    if (rows.length === 0) continue;
    const sub = b.add([STAGE_LABELS[stage]], [], SUBHEAD);
    b.merges.push({ top: sub, left: 0, bottom: sub, right: width - 1 });
    rows.forEach(({ part, verdict }, i) => {
      const indicators = verdict.indicators;
      const byId = verdictsFor(indicators, ids);
      const values: ReportValue[] = [
        i + 1,
        formName(part),
        part.sponsor ?? null,
        countCell(part.counts.students),
        countCell(part.counts.grades),
        countCell(part.counts.classes),
      ];
      for (const v of byId) values.push(v ? roundedSchoolValue(part, v, VALUE_DECIMALS) : null);
      values.push(verdictWord(verdict.pass), remarks.of(indicators));
      b.add(values, formats);
    });
  }
  if (b.nextRow === first) b.add(['无参评学校']);
  b.style(first, 0, b.nextRow - 1, width - 1, BORDER);
  b.style(first, width - 1, b.nextRow - 1, width - 1, NOTE);

  const count = (stage: Stage, kind: FootnoteKind) => {
    let n = 0;
    all.forEach((r, i) => {
      if (r.part.stage === stage && footnotes[i] === kind) n++;
    });
    return n;
  };
  const primary = byStage.get('primary')?.length ?? 0;
  const junior = byStage.get('junior')?.length ?? 0;
  const has = (...keys: string[]) => keys.some((k) => input.fields.includes(k));
  const notes = [
    `小学 ${primary} 所，其中一贯制学校小学部 ${count('primary', 'combinedPart')} 所，50 人及以上教学点 ${count('primary', 'teachingPoint50')} 所；` +
      `初中 ${junior} 所，其中一贯制学校初中部 ${count('junior', 'combinedPart')} 所，完全中学初中部 ${count('junior', 'completeMiddleJunior')} 所。`,
    `举办者类型代码：${(Object.entries(SPONSOR_LABELS) as [string, string][]).map(([c, l]) => `${c} ${l}`).join('，')}。`,
    `指标值按精确值四舍五入保留两位小数；一贯制学校、完全中学合并填报的，场地、设备等按学段折算后计算。`,
    ...blankNotes(all, [
      {
        label: '举办者类型',
        has: has('sponsor', 'affiliation'),
        value: (p) => p.sponsor,
        why: has('ownership')
          ? '工作表只有“办学性质”列，公办学校的举办者（哪一级、哪个部门）无法确定，只有民办学校填 10'
          : '工作表没有“举办者类型”“举办者”或“办学性质”列',
      },
      {
        label: '年级数',
        has: has('grades', 'primary.grades', 'junior.grades'),
        value: (p) => p.counts.grades,
        why: '工作表没有“年级数”列',
      },
      {
        label: '班级数',
        has: has('classes', 'primary.classes', 'junior.classes'),
        value: (p) => p.counts.classes,
        why: '工作表没有“班级数”列',
      },
    ]),
  ];
  addNotes(b, notes, width);
  return plan('schools', input, b, [6, 24, 8, 9, 7, 7, ...ids.map(() => 11), 10, 44], h);
}

// ─── 表Ⅲ 县域义务教育校际均衡情况 ─────────────────────────────────────────────

function balanceTable(input: FormsInput): ReportPlan {
  const ids = indicatorsOf(input);
  const width = 2 + ids.length * 2;
  const b = start('balance', input, width);
  groupedHeader(
    b,
    ['学段', '学校数'],
    ids.map((id) => ({ name: INDICATORS[id].name, columns: ['全县平均值', '差异系数'] })),
  );
  const first = b.nextRow;
  const { stages, profile } = input.evaluation;
  for (const stage of STAGES) {
    const result = stages[stage];
    if (!result) continue;
    const values: ReportValue[] = [STAGE_LABELS[stage], result.schools];
    const formats: (string | undefined)[] = [undefined, WHOLE];
    for (const id of ids) {
      const c = result.indicators[id];
      values.push(
        c ? roundedCell(c.mean, VALUE_DECIMALS, () => roundedMeanOf(c, VALUE_DECIMALS)) : null,
        c ? roundedCell(c.cv, CV_DECIMALS, () => roundedValueOf(c, CV_DECIMALS)) : null,
      );
      formats.push(FORMAT_2, FORMAT_3);
    }
    b.add(values, formats);
  }
  if (b.nextRow === first) b.add(['无参评学校']);
  b.style(first, 0, b.nextRow - 1, width - 1, BORDER);
  const thresholds = STAGES.filter((s) => stages[s])
    .map((s) => `${STAGE_LABELS[s]} ≤ ${profile.cv.thresholds[s].toFixed(2)}`)
    .join('，');
  const notes = [
    '全县平均值为以在校生数加权的平均值，保留两位小数；差异系数为以在校生数加权的标准差与平均值之比，保留三位小数；均按精确值四舍五入。',
    `差异系数标准（每项）：${thresholds}。是否达标按未经四舍五入的差异系数判断，见“均衡评估报告”。`,
  ];
  const undefinedCvs = STAGES.flatMap((s) =>
    ids
      .filter((id) => stages[s]?.indicators[id] && stages[s]?.indicators[id]?.cv === null)
      .map((id) => `${STAGE_LABELS[s]}${INDICATORS[id].name}`),
  );
  if (undefinedCvs.length > 0)
    notes.push(`空白的差异系数无法计算（县均值为 0 或缺少数据）：${undefinedCvs.join('、')}。`);
  addNotes(b, notes, width);
  return plan('balance', input, b, [8, 8, ...ids.flatMap(() => [10, 9])], 4);
}

// ─── 基本均衡 ─────────────────────────────────────────────────────────────────

/** Digits of a 基本均衡 value: teachers per student to 3, everything else to 2. */
export function basicDecimals(id: IndicatorId): number {
  const meta = INDICATORS[id];
  return meta.per === 1 && meta.unit === '人' ? PER_STUDENT_TEACHER_DECIMALS : VALUE_DECIMALS;
}

function basicSchoolsTable(input: FormsInput): ReportPlan {
  const ids = indicatorsOf(input);
  const header = [
    '序号',
    '学校名称',
    '学段',
    '在校生数',
    ...ids.map((id) => INDICATORS[id].name),
    '达标学校（填 1）',
  ];
  const width = header.length;
  const b = start('basicSchools', input, width);
  const h = b.add(header);
  b.style(h, 0, h, width - 1, HEADER_STYLE);
  const byStage = rowsByStage(input);
  // One row of formats for every school (a plan is never written into).
  const formats = [
    WHOLE,
    undefined,
    undefined,
    WHOLE,
    ...ids.map((id) => (basicDecimals(id) === 3 ? FORMAT_3 : FORMAT_2)),
  ];
  const first = b.nextRow;
  let shaded = 0;
  let n = 0;
  for (const [stage, rows] of byStage) {
    if (rows.length === 0) continue;
    const sub = b.add([STAGE_LABELS[stage]], [], SUBHEAD);
    b.merges.push({ top: sub, left: 0, bottom: sub, right: width - 1 });
    for (const { part, verdict } of rows) {
      const byId = verdictsFor(verdict.indicators, ids);
      const row = b.add(
        [
          ++n,
          formName(part),
          STAGE_LABELS[stage],
          countCell(part.counts.students),
          ...ids.map((id, i) => {
            const v = byId[i];
            return v ? roundedSchoolValue(part, v, basicDecimals(id)) : null;
          }),
          verdict.pass === true ? '1' : null,
        ],
        formats,
      );
      ids.forEach((_, i) => {
        if (byId[i]?.pass === false) {
          b.style(row, 4 + i, row, 4 + i, DARK_SHADE);
          shaded++;
        }
      });
    }
  }
  if (b.nextRow === first) b.add(['无参评学校']);
  b.style(first, 0, b.nextRow - 1, width - 1, BORDER);
  const profile = input.evaluation.profile;
  const withStandards = ids.some((id) => profile.standards[id] !== undefined);
  const notes = [
    withStandards
      ? `未达到办学标准的数值以深色底纹标出（共 ${shaded} 处）；达到评估标准学校办学要求的学校在最后一列填 1。`
      : `所选评估标准（${profile.name}）没有学校办学标准（省定标准），无法判断各项数值是否达标：本表未涂深色底纹，也未填 1。请选用含省定办学标准的评估标准后重新检查。`,
    '指标值按精确值四舍五入：师生比等每生教师数保留三位小数，其余保留两位小数。',
  ];
  addNotes(b, notes, width);
  return plan('basicSchools', input, b, [6, 24, 6, 9, ...ids.map(() => 11), 10], h);
}

function basicCvsTable(input: FormsInput): ReportPlan {
  const ids = indicatorsOf(input);
  const header = [
    '学段',
    '学校数',
    ...ids.map((id) => INDICATORS[id].name),
    '综合差异系数',
    '标准（≤）',
    '是否达标',
  ];
  const width = header.length;
  const b = start('basicCvs', input, width);
  const h = b.add(header);
  b.style(h, 0, h, width - 1, HEADER_STYLE);
  const first = b.nextRow;
  const { stages } = input.evaluation;
  for (const stage of STAGES) {
    const result = stages[stage];
    if (!result) continue;
    const composite = result.composite;
    b.add(
      [
        STAGE_LABELS[stage],
        result.schools,
        ...ids.map((id) => {
          const c = result.indicators[id];
          return c ? roundedCell(c.cv, CV_DECIMALS, () => roundedValueOf(c, CV_DECIMALS)) : null;
        }),
        composite
          ? roundedCell(composite.value, CV_DECIMALS, () => roundedValueOf(composite, CV_DECIMALS))
          : null,
        composite?.threshold ?? null,
        composite
          ? composite.pass === true
            ? '达标'
            : composite.pass === false
              ? '未达标'
              : '无法判定'
          : null,
      ],
      [undefined, WHOLE, ...ids.map(() => FORMAT_3), FORMAT_3, FORMAT_2],
    );
  }
  if (b.nextRow === first) b.add(['无参评学校']);
  b.style(first, 0, b.nextRow - 1, width - 1, BORDER);
  addNotes(
    b,
    [
      '差异系数为以在校生数加权的标准差与平均值之比；综合差异系数为 8 项差异系数的算术平均；均按精确值四舍五入保留三位小数。',
      '是否达标按未经四舍五入的综合差异系数判断。',
    ],
    width,
  );
  return plan('basicCvs', input, b, [8, 8, ...ids.map(() => 11), 11, 9, 9], h);
}

const BUILDERS: Readonly<Record<FormSheetId, (input: FormsInput) => ReportPlan>> = {
  resources: resourcesTable,
  schools: schoolsTable,
  balance: balanceTable,
  basicSchools: basicSchoolsTable,
  basicCvs: basicCvsTable,
};

/** The form's tables for an evaluation, in the form's order: its regime's tables, or those of `only` it has. */
export function planForms(input: FormsInput): ReportPlan[] {
  const sheets = formSheetsOf(input.evaluation.profile).filter(
    (id) => !input.only || input.only.includes(id),
  );
  return sheets.map((id) => BUILDERS[id](input));
}

/** The code's name, for help texts: “7 县级教育部门”. */
export const sponsorText = (code: SponsorCode): string => `${code} ${SPONSOR_LABELS[code]}`;
