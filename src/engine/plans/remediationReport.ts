/** The 整改测算 sheet as a pure ReportPlan — per stage and indicator the additions and CVs, then per school — and its shared wording. */
import { Dec } from '../exact/arithmetic';
import { amountInUnit, formatNumber, inColumnUnit, type ResourceUnit } from '../model/format';
import { INDICATOR_IDS, INDICATORS } from '../model/indicators';
import { STAGE_LABELS, STAGES } from '../model/stages';
import { isTeacherIndicator } from '../planner/plan';
import type { IndicatorPlan, StagePlan, StagePlanOptions } from '../planner/types';
import { A4_LANDSCAPE_PRINT_WIDTH, columnPoints, pageSetup, printZoom } from './printSetup';
import { rowHeightsFor } from './rowHeights';
import {
  CV_FORMAT,
  FAIL_STYLE,
  HEADER_STYLE,
  PASS_STYLE,
  SECTION_STYLE,
  SectionBuilder,
  SUBTITLE_STYLE,
  TITLE_STYLE,
  regimeOf,
  reportTitle,
  type CellRect,
  type ReportPlan,
  type ReportStyleRange,
  type ReportTitle,
  type ReportValue,
} from './assessmentReport';
import type { IndicatorId, Stage } from '../model/types';

/** Name of the remediation sheet; writing the report replaces the sheet of that name too. */
export const REMEDIATION_SHEET_NAME = '整改测算';

/** Wording shared by the 整改测算 sheet and `balance plan`'s summary. */
export const PLAN_WORDS = {
  columns: ['指标', '现差异系数', '目标', '补足标准', '为差异系数再增加', '合计', '测算后'],
  stageHeading: (stage: string, schools: number) => `${stage}（${schools} 所学校）`,
  /** `amount` with its unit: “+2人”, “+26.00万元”. */
  addition: (name: string, amount: string) => `${name} +${amount}`,
  splitShare: '（按学段折算的份额；全校合计需按折算比例相应增加）',
  nothingToAdd: '无需增加资源',
  undefinedCv: '无法计算',
  infeasible: '（未达到目标）',
  noTarget: '—',
  targetDefault: (stages: string) => `各项差异系数不超过评估标准的阈值（${stages}）`,
  floorsStandard: '每所学校达到全部办学标准',
  floorsRule: '每所学校按达标项数规则达标（其余指标达到标准的一定比例）',
  margin: (m: string) => `（评估标准阈值 × ${m} 的安全余量）`,
  /** Teacher indicators are not added up: one new teacher can count for several. */
  teachersAtLeast: (items: string, most: string) =>
    `教师至少 max(${items}) = ${most} 人：同一名新增教师可同时计入多项教师指标（如既是高学历又是骨干），各项人数不能相加`,
  costAtLeast: (amount: string) => `预算至少 ${amount} 元（教师按费用最多的一项教师指标计，其他资源相加）`,
  perIndicator:
    '按单项测算：每项差异系数都降到综合差异系数的标准以下，这足以使综合差异系数达标，但不是费用最省的组合（综合差异系数只要求 8 项的平均不超过标准）',
  unitCosts: (list: string) => `单价：${list}`,
  /** 基本均衡 with unit costs: the cheapest mix of additions, shown after the per-indicator table. */
  mixHeading: (target: string) => `成本最低的组合（综合差异系数目标 ≤ ${target}）`,
  mixColumns: ['指标', '单位', '现差异系数', '组合中的目标', '需增加', '测算后', '费用（元）'],
  mixTotal: '合计',
  mixComposite: '综合差异系数',
  mixAbove: '上表为各指标分别降到目标的方案，仅供对照；建议按下面成本最低的组合增加',
  mixSchools: '基本均衡且填写了单位成本的学段，按成本最低的组合列出各校需增加的资源',
};

/** A CV as the plan prints it: 3 decimals, or 无法计算 when undefined (county mean 0). */
export const planCvText = (cv: number | null): string =>
  cv === null ? PLAN_WORDS.undefinedCv : cv.toFixed(3);

/** A CV target with at least two decimals, as thresholds are printed (0.50, 0.405). */
export const planTargetText = (t: number): string =>
  Number(t.toFixed(2)) === t ? t.toFixed(2) : formatNumber(t, 6);

/** What an indicator adds beyond the standards, for the CV alone (exact: 0.01 grids do not leave binary noise). */
export function extraForCv(plan: Pick<IndicatorPlan, 'total' | 'forcedTotal'>): number {
  return new Dec(plan.total).minus(plan.forcedTotal).toNumber();
}

/**
 * One school's additions in words: “骨干教师 +2人，多媒体教室 +2间”; money in its column's unit when given
 * (“仪器设备 +26.00万元”).
 */
export function additionsText(
  additions: readonly { indicator: IndicatorId; amount: number; columnUnit?: ResourceUnit }[],
): string {
  return additions
    .map((a) => {
      const meta = INDICATORS[a.indicator];
      return PLAN_WORDS.addition(meta.label, amountInUnit(a.amount, meta.unit, a.columnUnit));
    })
    .join('，');
}

/** What the sheet needs of an indicator's additions: the per-indicator plan's or the cheapest mix's. */
type Additions = Pick<
  IndicatorPlan,
  'indicator' | 'unit' | 'columnUnit' | 'countable' | 'total' | 'additions'
>;

/** The unit an indicator's amounts are shown in on the sheet: its column's (万元) or the base unit. */
const shownUnit = (ip: Additions): string => ip.columnUnit?.unit ?? ip.unit;

/** An amount in base units as the sheet shows it: in the column's unit (2 decimals, rounded up) when there is one. */
const shownAmount = (ip: Additions, amount: number): number =>
  ip.columnUnit ? inColumnUnit(amount, ip.columnUnit) : amount;

/** The additions the sheet recommends for a stage: the cheapest mix when there is one, else each indicator's plan. */
const recommended = (sp: StagePlan): readonly Additions[] => (sp.mix?.ok ? sp.mix.indicators : sp.indicators);

export interface RemediationReportInput {
  /** Standards profile shown to the user. */
  profileName: string;
  /** Date as the user should read it (the caller decides; keeps this pure). */
  date: string;
  sourceSheet?: string;
  /** The stage plans, in any order (shown 小学 first). */
  stages: readonly StagePlan[];
  /** The options the stages were planned with (margin, rule switch, unit costs), named in the basis. */
  options?: Omit<StagePlanOptions, 'units'>;
  /** 基本均衡 (composite) plans say they are per indicator. */
  cvMode?: 'each' | 'composite';
  title?: ReportTitle;
}

const WHOLE = '#,##0';
/** CV targets: two decimals like thresholds, more when a margin or the mix gives them (0.495, 0.3295 — never 0.50). */
const TARGET_FORMAT = '0.00##';
const HUNDREDTHS = '#,##0.00';
const amountFormat = (ip: Additions) => (ip.countable && !ip.columnUnit ? WHOLE : HUNDREDTHS);

function stageSection(stages: readonly StagePlan[], top: number, span: number): SectionBuilder {
  const b = new SectionBuilder('planStages', top);
  b.add(['一、各学段测算（只增加、不调配资源）'], [], SECTION_STYLE);
  if (stages.length === 0) b.add(['无']);
  const header = [PLAN_WORDS.columns[0], '单位', ...PLAN_WORDS.columns.slice(1), '说明'];
  for (const sp of stages) {
    b.add([PLAN_WORDS.stageHeading(STAGE_LABELS[sp.stage], sp.schools.length)], [], SUBTITLE_STYLE);
    const h = b.add(header);
    b.style(h, 0, h, header.length - 1, HEADER_STYLE);
    const first = b.nextRow;
    for (const ip of sp.indicators) {
      const f = amountFormat(ip);
      const row = b.add(
        [
          INDICATORS[ip.indicator].name,
          shownUnit(ip),
          ip.cvBefore,
          ip.targetCv ?? PLAN_WORDS.noTarget,
          shownAmount(ip, ip.forcedTotal),
          shownAmount(ip, extraForCv(ip)),
          shownAmount(ip, ip.total),
          ip.cv,
          ip.feasible ? ip.note : `${PLAN_WORDS.infeasible}${ip.note}`,
        ],
        [undefined, undefined, CV_FORMAT, TARGET_FORMAT, f, f, f, CV_FORMAT],
      );
      const after = 7;
      b.style(row, after, row, after, ip.feasible ? PASS_STYLE : FAIL_STYLE);
    }
    if (sp.composite) {
      const c = sp.composite;
      b.add(
        ['综合差异系数', null, c.before, c.threshold, null, null, null, c.after],
        [undefined, undefined, CV_FORMAT, TARGET_FORMAT, undefined, undefined, undefined, CV_FORMAT],
        { bold: true },
      );
    }
    if (b.nextRow > first) b.style(first, 0, b.nextRow - 1, header.length - 1, { border: true, wrap: true });
    const teachers = sp.indicators.filter((ip) => ip.total > 0 && isTeacherIndicator(ip.indicator));
    if (teachers.length > 1) {
      const most = Math.max(...teachers.map((ip) => ip.total));
      const items = teachers.map((ip) => `${INDICATORS[ip.indicator].label} ${formatNumber(ip.total)}`);
      noteRow(
        b,
        PLAN_WORDS.teachersAtLeast(items.join('，'), formatNumber(most)),
        Math.min(span, header.length),
      );
    }
    if (sp.cost !== null && sp.indicators.some((ip) => ip.total > 0))
      noteRow(b, PLAN_WORDS.costAtLeast(formatNumber(sp.cost, 0)), Math.min(span, header.length));
    if (sp.mix?.ok) {
      noteRow(b, PLAN_WORDS.mixAbove, Math.min(span, header.length));
      mixTable(b, sp.mix, Math.min(span, header.length));
    } else if (sp.mix) noteRow(b, sp.mix.reason, Math.min(span, header.length));
    else if (sp.composite) noteRow(b, PLAN_WORDS.perIndicator, Math.min(span, header.length));
  }
  return b;
}

/** The cheapest mix of a 基本均衡 stage: per indicator its target in the mix, additions, CV after and cost; the total. */
function mixTable(b: SectionBuilder, mix: Extract<StagePlan['mix'], { ok: true }>, width: number): void {
  b.add([PLAN_WORDS.mixHeading(planTargetText(mix.target))], [], SUBTITLE_STYLE);
  const h = b.add(PLAN_WORDS.mixColumns);
  b.style(h, 0, h, PLAN_WORDS.mixColumns.length - 1, HEADER_STYLE);
  const first = b.nextRow;
  for (const m of mix.indicators) {
    b.add(
      [
        INDICATORS[m.indicator].name,
        shownUnit(m),
        m.cvBefore,
        // An indicator the mix leaves alone has no target of its own.
        m.total > 0 ? m.targetCv : PLAN_WORDS.noTarget,
        m.total > 0 ? shownAmount(m, m.total) : null,
        m.cv,
        m.total > 0 ? m.cost : null,
      ],
      [undefined, undefined, CV_FORMAT, TARGET_FORMAT, amountFormat(m), CV_FORMAT, WHOLE],
    );
  }
  const total = b.add(
    [PLAN_WORDS.mixComposite, null, null, mix.target, null, mix.composite, mix.cost],
    [undefined, undefined, undefined, TARGET_FORMAT, undefined, CV_FORMAT, WHOLE],
    { bold: true },
  );
  b.style(total, 5, total, 5, mix.feasible ? PASS_STYLE : FAIL_STYLE);
  b.style(first, 0, b.nextRow - 1, PLAN_WORDS.mixColumns.length - 1, { border: true, wrap: true });
  noteRow(b, mix.note, width);
}

/**
 * A note under a table: merged across it (or across the columns the first page prints, when the sheet runs over
 * several page widths: a merge cut by a page edge prints clipped on both pages), wrapped, and as tall as its lines.
 */
function noteRow(b: SectionBuilder, text: string, width: number): void {
  const row = b.add([text]);
  b.merges.push({ top: row, left: 0, bottom: row, right: width - 1 });
  b.style(row, 0, row, width - 1, { wrap: true });
}

/** Indicators with a recommended addition somewhere, in spec order, each with its unit and grid. */
function addedIndicators(stages: readonly StagePlan[]): Additions[] {
  const found = new Map<IndicatorId, Additions>();
  for (const sp of stages) for (const ip of recommended(sp)) if (ip.total > 0) found.set(ip.indicator, ip);
  return INDICATOR_IDS.filter((id) => found.has(id)).map((id) => found.get(id) as Additions);
}

interface SchoolLine {
  row: number;
  stage: Stage;
  name: string;
  split: boolean;
  additions: Map<IndicatorId, number>;
}

function schoolLines(stages: readonly StagePlan[]): SchoolLine[] {
  const lines: SchoolLine[] = [];
  for (const sp of stages) {
    sp.schools.forEach((school, i) => {
      const additions = new Map<IndicatorId, number>();
      for (const ip of recommended(sp)) if (ip.additions[i] > 0) additions.set(ip.indicator, ip.additions[i]);
      if (additions.size > 0) {
        lines.push({ row: school.row, stage: sp.stage, name: school.name, split: school.split, additions });
      }
    });
  }
  return lines.sort((x, y) => x.row - y.row || STAGES.indexOf(x.stage) - STAGES.indexOf(y.stage));
}

function schoolSection(stages: readonly StagePlan[], top: number, span: number): SectionBuilder {
  const b = new SectionBuilder('planSchools', top);
  b.add(['二、需增加资源的学校'], [], SECTION_STYLE);
  const indicators = addedIndicators(stages);
  const lead = ['学校名称', '行号', '学段'];
  const header = [
    ...lead,
    ...indicators.map((ip) => `${INDICATORS[ip.indicator].label}（${shownUnit(ip)}）`),
    '需增加',
    '说明',
  ];
  const h = b.add(header);
  b.style(h, 0, h, header.length - 1, HEADER_STYLE);
  const lines = schoolLines(stages);
  if (lines.length === 0) b.add([PLAN_WORDS.nothingToAdd]);
  const unitOf = new Map(indicators.map((ip) => [ip.indicator, ip.columnUnit]));
  // One row of formats for every school (a plan is never written into).
  const formats = [undefined, undefined, undefined, ...indicators.map(amountFormat)];
  for (const line of lines) {
    const amounts = indicators.map((ip) => {
      const amount = line.additions.get(ip.indicator);
      return amount === undefined ? null : shownAmount(ip, amount);
    });
    const text = additionsText(
      [...line.additions].map(([indicator, amount]) => ({
        indicator,
        amount,
        columnUnit: unitOf.get(indicator),
      })),
    );
    const values: ReportValue[] = [
      line.name,
      line.row,
      STAGE_LABELS[line.stage],
      ...amounts,
      text,
      line.split ? PLAN_WORDS.splitShare : '',
    ];
    b.add(values, formats);
  }
  if (lines.length > 0) b.style(h + 1, 0, b.nextRow - 1, header.length - 1, { border: true, wrap: true });
  if (stages.some((sp) => sp.mix?.ok)) noteRow(b, PLAN_WORDS.mixSchools, Math.min(span, header.length));
  return b;
}

/**
 * The sheet's column widths (characters), narrow enough that it prints one A4 landscape page wide at ≥ 80 % whenever
 * the school table has at most seven resource columns: the stage table (指标, 单位, five numbers, 说明) and the school
 * table (学校名称, 行号, 学段, one column per resource, 需增加 in words, 说明) share the columns, their headers wrap.
 */
function remediationWidths(stages: readonly StagePlan[]): number[] {
  const added = addedIndicators(stages).length;
  const columnCount = Math.max(stages.length > 0 ? 9 : 2, 5 + added);
  const widths = Array.from({ length: columnCount }, () => 9);
  widths[0] = 24;
  widths[1] = 6;
  // The cheapest mix's 费用（元）: costs run to ten digits with separators.
  if (stages.some((sp) => sp.mix?.ok)) widths[6] = 13;
  if (stages.length > 0) widths[8] = 30; // the stage section's 说明
  // The school section's 需增加 (the additions in words) and 说明 columns.
  widths[3 + added] = Math.max(widths[3 + added], 30);
  widths[4 + added] = Math.max(widths[4 + added], 16);
  return widths;
}

/**
 * How many columns the first page prints at the sheet's print zoom (at least two), counted safely: where Calibri is
 * missing LibreOffice lays columns out in a wider font (DejaVu Sans: about 7 pt a character instead of 5.25 pt), so
 * what is merged across these columns stays on the first page in Excel, WPS and LibreOffice alike.
 */
function firstPageColumns(widths: readonly number[]): number {
  const zoom = printZoom(widths) / 100;
  let used = 0;
  let count = 0;
  for (const w of widths) {
    used += Math.max(columnPoints(w), w * 7 + 5) * zoom;
    if (used > A4_LANDSCAPE_PRINT_WIDTH + 0.5) break;
    count++;
  }
  return Math.max(2, count);
}

/**
 * Lays out the 整改测算 sheet: a title and the basis (profile, date, target), 各学段测算 (per stage and indicator:
 * CV now, target, added for the standards, added for the CV, total, CV after, the planner's note) and 需增加资源的学校
 * (one row per school part with additions, one column per resource with its unit, and the same in words).
 */
export function planRemediationReport(input: RemediationReportInput): ReportPlan {
  const stages = [...input.stages].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  const titleText = reportTitle('整改测算', input.title, regimeOf(input.cvMode));
  const options = input.options ?? {};
  const title = new SectionBuilder('title', 1);
  title.add([titleText], [], TITLE_STYLE);
  title.add(['评估标准', input.profileName]);
  title.add(['评估日期', input.date]);
  if (input.sourceSheet) title.add(['数据工作表', input.sourceSheet]);
  const targets = stages
    .map((sp) => {
      const t = sp.indicators.find((ip) => ip.targetCv !== null)?.targetCv;
      return t === undefined || t === null ? null : `${STAGE_LABELS[sp.stage]} ${planTargetText(t)}`;
    })
    .filter((t): t is string => t !== null);
  const margin =
    options.targetCv === undefined && options.margin !== undefined && options.margin !== 1
      ? PLAN_WORDS.margin(formatNumber(options.margin, 4))
      : '';
  title.add(['测算目标', PLAN_WORDS.targetDefault(targets.join('，')) + margin]);
  title.add([
    '办学标准',
    options.schoolFloors === 'rule' ? PLAN_WORDS.floorsRule : PLAN_WORDS.floorsStandard,
  ]);
  const prices = Object.entries(options.unitCosts ?? {})
    .filter(([, v]) => typeof v === 'number')
    .map(([id, v]) => {
      const meta = INDICATORS[id as IndicatorId];
      return meta.unit === '元' ? null : `${meta.label} ${formatNumber(v as number)} 元/${meta.unit}`;
    })
    .filter((t): t is string => t !== null);
  if (prices.length > 0) title.add(['单价', prices.join('，')]);
  title.style(2, 0, title.nextRow - 1, 0, { bold: true });

  const widths = remediationWidths(stages);
  const span = firstPageColumns(widths);
  // The basis's values (the target, the unit prices run long) wrap within the first page, beside their labels.
  for (let row = 2; row < title.nextRow; row++) {
    title.merges.push({ top: row, left: 1, bottom: row, right: span - 1 });
    title.style(row, 1, row, span - 1, { wrap: true });
  }

  const builders = [title];
  const next = () => builders[builders.length - 1].nextRow + 1;
  builders.push(stageSection(stages, next(), span));
  const schools = schoolSection(stages, next(), span);
  builders.push(schools);
  // The school table's header, right under the section's heading.
  const schoolHeader = schools.top + 1;

  const sections = builders.map((b) => b.build());
  // concat copies each builder's list in one go (flatMap goes element by element: 70,000 style ranges).
  const styles = ([] as ReportStyleRange[]).concat(...builders.map((b) => b.styles));
  const merges = ([] as CellRect[]).concat(...builders.map((b) => b.merges));
  return {
    sheetName: REMEDIATION_SHEET_NAME,
    sections,
    styles,
    merges,
    columnWidths: widths,
    // Wrapped names, notes and 说明 print whole (LibreOffice and WPS keep default row heights).
    rowHeights: rowHeightsFor(sections, styles, merges, widths),
    page: {
      ...pageSetup({
        columnWidths: widths,
        title: titleText,
        standard: `评估标准：${input.profileName}`,
        printTitleRows: { top: schoolHeader, bottom: schoolHeader },
        printTitleColumns: { left: 0, right: 0 },
        merges,
      }),
      // Always: where the columns print wider than Excel lays them out (LibreOffice without Calibri), the 需增加 and
      // 说明 columns continue on a page of their own and still need the school's name beside them.
      printTitleColumns: { left: 0, right: 0 },
    },
    rowCount: builders[builders.length - 1].nextRow - 1,
    columnCount: widths.length,
  };
}
