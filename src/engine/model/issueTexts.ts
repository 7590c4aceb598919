/**
 * Every DataIssue's wording, keyed by its code: what each code carries (IssueParams) and its zh-CN text. An issue
 * keeps its place and params, so a pane in another language renders the same issue with its own IssueTexts.
 */
import { columnLetter } from './addresses';
import { fieldByKey } from './fields';
import { INDICATORS, isIndicatorId } from './indicators';
import { KIND_LABELS, KIND_SHORT_LABELS, STAGE_LABELS } from './stages';
import type { PlanProblem } from '../planner/types';
import type { AnyStage, IndicatorId, IssueCode, SchoolKind, Stage } from './types';

/** Where an issue sits: the sheet, the 1-based row (0 for the whole table), the 0-based column, and what is there. */
export interface IssueWhere {
  sheet?: string;
  row: number;
  column?: number;
  /** Field key (a CountField, 'junior.teachers', 'name', …), an indicator id, or '' when none was found. */
  field: string;
  /** The school's name as written, for issues about a row. */
  name?: string;
  /** The cell's label when it is not the field's own (a header as written, an argument of a function). */
  label?: string;
}

/** A number a cell could not be read as, with the text as the user typed it (never Infinity or NaN). */
interface Shown {
  shown: string;
}

/** What each code carries besides its place. Keys name data (ids, numbers, texts as typed), never wording. */
export interface IssueParams {
  // reading a header
  /** scannedRows absent: the sheet is empty. */
  noTable: { scannedRows?: number };
  missingColumn: { headerRows: { top: number; bottom: number }; examples: readonly string[] };
  /** The dropped column is the issue's column. */
  duplicateColumn: { kept: number; keptHeader: string; droppedHeader: string };
  unmappedColumn: { header: string };
  foreignCurrency: { headerRows: { top: number; bottom: number }; header: string; unit: string };
  unitMalformed: { headerRows: { top: number; bottom: number }; header: string; assumed: string };
  unknownUnit: { headerRows: { top: number; bottom: number }; header: string; unit: string; assumed: string };
  // reading one cell
  notNumber: Shown & { as?: 'logical' | 'date' | 'dateFormat'; numberFormat?: string };
  formulaError: Shown;
  formulaNotCalculated: Record<string, never>;
  tooLarge: Shown;
  negative: Shown;
  /** columnUnit absent: the column names no unit. */
  unitMismatch: Shown & { unit: string; columnUnit?: string };
  dashAsZero: Shown;
  notInteger: { value: number };
  ratioInverted: { value: number };
  unknownOwnership: { text: string };
  unknownAffiliation: { text: string };
  // reading rows
  noKindColumn: Record<string, never>;
  /**
   * 'cell': the kind or stage cell is not a kind (then read by the name as nameKind, or by the default kind);
   * 'row': the row's kind is found nowhere, the row is not read; 'part': the row's kind is not one the rules know.
   */
  unknownKind: { case: 'cell'; text: string; nameKind?: SchoolKind } | { case: 'row' } | { case: 'part' };
  notCompulsory: { text: string };
  /** The name column is the issue's column. */
  missingName: Record<string, never>;
  hiddenRow: Record<string, never>;
  duplicateSchool: { firstRow: number };
  // rows to stage parts
  totalRow: Record<string, never>;
  standardRow: Record<string, never>;
  stageUnknown: { case: 'special' } | { case: 'combined'; kind: SchoolKind; stages: readonly Stage[] };
  stageConflict: { kind: SchoolKind; stage: AnyStage };
  /** The plain field is the issue's field and column; the stage's own field and its column are given. */
  stageValueConflict: { plain: number; own: number; stageField: string; stageColumn?: number };
  missingStudents: Record<string, never>;
  zeroStudents: Record<string, never>;
  splitStudentsMissing: { kind: SchoolKind; stage: AnyStage };
  perStageMissing: { kind: SchoolKind };
  /** What the value was meant to be: the part's students, a stage's students for a split, a total, an indicator's. */
  invalidNumber: Shown & { as: 'students' | 'splitStudents' | 'total' | 'value' };
  // evaluating
  precisionWarning: { indicator: IndicatorId };
  indicatorUnavailable: { indicator: IndicatorId };
  missingValue: { indicator: IndicatorId };
  // planning
  planMissing: { indicator: IndicatorId };
  planUnavailable: { indicator: IndicatorId; problem: PlanProblem };
}

/** A language's wording of every code: a code without a text does not compile. */
export type IssueTexts = { readonly [C in IssueCode]: (at: IssueWhere, p: IssueParams[C]) => string };

/** The number problems' reasons, naming no place: a function's argument or a cell puts its place in front. */
export type NumberProblemCode = Extract<
  IssueCode,
  'notNumber' | 'formulaError' | 'tooLarge' | 'negative' | 'unitMismatch'
>;
export type NumberReasons = { readonly [C in NumberProblemCode]: (p: IssueParams[C]) => string };

// ─── zh-CN ───────────────────────────────────────────────────────────────────

/** Chinese label of a field key: a CountField, a stage-qualified one ('junior.teachers'), or an indicator id. */
export function fieldLabel(field: string): string {
  const def = fieldByKey(field);
  if (def) return def.label;
  return isIndicatorId(field) ? INDICATORS[field].name : field;
}

/** 「学校数据」 before a place, or nothing when the sheet has no name. */
export function sheetPrefix(sheet: string | undefined): string {
  return sheet ? `「${sheet}」` : '';
}

/** 「学校数据」第 12 行 F 列（体育运动场（馆）面积）: a cell's place in messages (without a column when unknown). */
export function cellPlace(at: { sheet?: string; row: number; column?: number; label: string }): string {
  const column = at.column === undefined ? '' : ` ${columnLetter(at.column)} 列`;
  return `${sheetPrefix(at.sheet)}第 ${at.row} 行${column}（${at.label}）`;
}

/** 「学校数据」第 12 行“城关小学” */
export function rowPlace(at: { sheet?: string; row: number; name: string }): string {
  return `${sheetPrefix(at.sheet)}第 ${at.row} 行“${at.name}”`;
}

const cellAt = (w: IssueWhere): string => cellPlace({ ...w, label: w.label ?? fieldLabel(w.field) });
const rowAt = (w: IssueWhere): string => rowPlace({ ...w, name: w.name ?? '' });
const sheetAt = (w: IssueWhere): string => sheetPrefix(w.sheet);
const rowsText = (r: { top: number; bottom: number }): string =>
  r.top === r.bottom ? `${r.top}` : `${r.top}–${r.bottom}`;
/** 「学校数据」第 3–4 行 F 列“经费（美元）”: a header cell. */
const headerAt = (
  w: IssueWhere,
  p: { headerRows: { top: number; bottom: number }; header: string },
): string => `${sheetAt(w)}第 ${rowsText(p.headerRows)} 行 ${columnLetter(w.column ?? 0)} 列“${p.header}”`;
const letterOf = (column: number | undefined): string =>
  column === undefined ? '' : ` ${columnLetter(column)} 列`;
const indicatorName = (id: IndicatorId): string => INDICATORS[id].name;

/** zh-CN reasons of the number problems, naming no place. */
export const NUMBER_REASONS_ZH: NumberReasons = {
  notNumber: (p) => {
    if (p.as === 'logical') return `“${p.shown}” 是逻辑值，不是数字`;
    if (p.as === 'date') return `“${p.shown}” 是日期，不是数字`;
    if (p.as === 'dateFormat') {
      return `单元格为日期格式（${p.numberFormat ?? ''}），数值 ${p.shown} 可能已被 Excel 转成日期，请改为常规格式后重新填写`;
    }
    return `“${p.shown}” 不是数字`;
  },
  formulaError: (p) => `公式错误 ${p.shown}，请先修正公式或填写数值`,
  tooLarge: (p) => `“${p.shown}” 数值过大，超出可计算的范围`,
  negative: (p) => `“${p.shown}” 是负数，此项不能为负数`,
  unitMismatch: (p) =>
    p.columnUnit === undefined
      ? `“${p.shown}” 带有单位“${p.unit}”，但本列未注明单位，请只填写数字`
      : `“${p.shown}” 的单位“${p.unit}”与本列单位“${p.columnUnit}”不一致，请只填写以“${p.columnUnit}”计的数字`,
};

/** Why a stage plan could not be made (the planner's own reason names the value; these name the problem). */
const PLAN_PROBLEMS_ZH: Readonly<Record<PlanProblem, string>> = {
  empty: '没有数据',
  lengthMismatch: '学生数与资源数的个数不一致',
  invalidAmount: '有学校的资源数不是非负数（缺失的数据不能按 0 计算）',
  invalidStudents: '有学校的学生数不是非负数',
  invalidStandard: '有学校的标准不是非负数',
  invalidTarget: '目标差异系数无效（应为非负数）',
  invalidStep: '折算系数或步长无效',
  noStudents: '学生数合计为 0，无法加权',
};

const KIND_NAMES = '小学、初中、九年一贯制、完全中学、十二年一贯制、教学点、特殊教育学校';

/** The zh-CN wording of every issue, with its place first. */
export const ISSUE_TEXTS_ZH: IssueTexts = {
  noTable: (w, p) =>
    p.scannedRows === undefined
      ? `${sheetAt(w)}未找到学校数据表：工作表是空的`
      : `${sheetAt(w)}未找到学校数据表：前 ${p.scannedRows} 行中没有可识别的表头（至少需要“学校名称”“在校生数”等列名）`,
  missingColumn: (w, p) =>
    `${sheetAt(w)}表头（第 ${rowsText(p.headerRows)} 行）中未找到“${fieldLabel(w.field)}”列，可用的列名如：${p.examples
      .map((s) => `“${s}”`)
      .join('、')}`,
  duplicateColumn: (w, p) => {
    const a = columnLetter(p.kept);
    const b = columnLetter(w.column ?? 0);
    return `${sheetAt(w)}${a} 列“${p.keptHeader}”和 ${b} 列“${p.droppedHeader}”都对应“${fieldLabel(w.field)}”，已使用 ${a} 列，${b} 列未读取`;
  },
  unmappedColumn: (w, p) =>
    `${sheetAt(w)}${columnLetter(w.column ?? 0)} 列“${p.header}”未对应到任何字段，未读取；如需使用，请在列映射中为它选择字段`,
  foreignCurrency: (w, p) =>
    `${headerAt(w, p)}：单位“${p.unit}”是外币，本工具按人民币元计算，此列未读取；请换算为元（或万元）后填写`,
  unitMalformed: (w, p) => `${headerAt(w, p)}：单位的括号不完整，已按“${p.assumed}”读取，请核对`,
  unknownUnit: (w, p) => `${headerAt(w, p)}：单位“${p.unit}”无法识别，已按“${p.assumed}”读取，请核对`,

  notNumber: (w, p) => `${cellAt(w)}：${NUMBER_REASONS_ZH.notNumber(p)}`,
  formulaError: (w, p) => `${cellAt(w)}：${NUMBER_REASONS_ZH.formulaError(p)}`,
  formulaNotCalculated: (w) => `${cellAt(w)}：公式未计算，请在 Excel/WPS 中打开并保存后再试`,
  tooLarge: (w, p) => `${cellAt(w)}：${NUMBER_REASONS_ZH.tooLarge(p)}`,
  negative: (w, p) => `${cellAt(w)}：${NUMBER_REASONS_ZH.negative(p)}`,
  unitMismatch: (w, p) => `${cellAt(w)}：${NUMBER_REASONS_ZH.unitMismatch(p)}`,
  dashAsZero: (w, p) => `${cellAt(w)}：“${p.shown}”按“无”计为 0`,
  notInteger: (w, p) => `${cellAt(w)}：${p.value} 不是整数，请核对`,
  ratioInverted: (w, p) =>
    `${cellAt(w)}：${p.value} 大于 1，看起来是“生师比”（学生数 ÷ 教师数）；师生比应为教师数 ÷ 学生数，此项未读取`,
  unknownOwnership: (w, p) => `${cellAt(w)}：“${p.text}” 不是“公办”或“民办”，此项未读取`,
  unknownAffiliation: (w, p) =>
    `${cellAt(w)}：“${p.text}” 无法判断是否县属（可填“县属”或“省市直属”），此项未读取`,

  noKindColumn: (w) => `${sheetAt(w)}未找到“学段”或“学校类型”列，将按学校名称判断类型（如“…小学”“…中学”）`,
  unknownKind: (w, p) => {
    if (p.case === 'row') {
      return `${rowAt(w)}：无法确定学校类型，请填写“学段”或“学校类型”列（小学、初中、九年一贯制等），此行未读取`;
    }
    if (p.case === 'part') return `${rowAt(w)}：学校类型无法识别，未参与计算`;
    return p.nameKind === undefined
      ? `${cellAt(w)}：“${p.text}” 不是可识别的学校类型（${KIND_NAMES}）`
      : `${cellAt(w)}：“${p.text}” 不是可识别的学校类型，已按学校名称“${w.name ?? ''}”视为${KIND_SHORT_LABELS[p.nameKind]}`;
  },
  notCompulsory: (w, p) =>
    `${sheetAt(w)}第 ${w.row} 行“${w.name ?? ''}”的类型为“${p.text}”，不属于义务教育学校，此行未读取`,
  missingName: (w) =>
    `${sheetAt(w)}第 ${w.row} 行有数据，但 ${columnLetter(w.column ?? 0)} 列（学校名称）为空，此行未读取`,
  hiddenRow: (w) => `${rowAt(w)}是隐藏行，已照常读取`,
  duplicateSchool: (w, p) => `${rowAt(w)}与第 ${p.firstRow} 行学校名称和类型相同，可能重复填报`,

  totalRow: (w) => `${rowAt(w)}：是合计/小计行，不是学校，已忽略`,
  standardRow: (w) => `${rowAt(w)}：是标准值行（国家标准、省定标准等），不是学校，已忽略`,
  stageUnknown: (w, p) =>
    p.case === 'special'
      ? `${rowAt(w)}：特殊教育学校没有注明学段（小学或初中），未参与计算`
      : `${rowAt(w)}：${KIND_LABELS[p.kind]}没有分学段的在校生数，无法确定学段，未参与计算。请按学段分行填写（小学部、初中部各一行），或填写${p.stages
          .map((s) => STAGE_LABELS[s] + '在校生数')
          .join('和')}`,
  stageConflict: (w, p) => `${rowAt(w)}：${KIND_LABELS[p.kind]}没有${STAGE_LABELS[p.stage]}学段，未参与计算`,
  stageValueConflict: (w, p) =>
    `${sheetAt(w)}第 ${w.row} 行${letterOf(w.column)}${fieldLabel(w.field)} ${p.plain} 与${letterOf(p.stageColumn)}${fieldLabel(p.stageField)} ${p.own} 不一致：` +
    `“${w.name ?? ''}”的${fieldLabel(w.field)}未使用，请核对后只保留一个数`,
  missingStudents: (w) => `${cellAt(w)}：缺少在校生数，该校无法计算任何指标（不按 0 计算）`,
  zeroStudents: (w) => `${cellAt(w)}：在校生为 0，没有权重，未参与差异系数计算和学校达标判定`,
  splitStudentsMissing: (w, p) =>
    `${cellAt(w)}：${KIND_LABELS[p.kind]}缺少${STAGE_LABELS[p.stage]}在校生数，无法按学段拆分，未参与计算`,
  perStageMissing: (w, p) =>
    `${cellAt(w)}：${KIND_LABELS[p.kind]}的${fieldLabel(w.field)}须按学段分别填写（如 ${STAGE_LABELS.primary}${fieldLabel(w.field)}），不按比例拆分；相关指标未计算`,
  invalidNumber: (w, p) => {
    const text = {
      students: '不是有效的人数（应为非负整数），该校无法计算任何指标',
      splitStudents: '不是有效的人数，无法按学段拆分，未参与计算',
      total: '不是有效的非负数',
      value: '不是有效的非负数，按缺少数据处理',
    }[p.as];
    return `${cellAt(w)}：“${p.shown}” ${text}`;
  },

  precisionWarning: (w, p) =>
    `${cellAt(w)}：“${indicatorName(p.indicator)}”按表中已算好的比值计算（缺少原始数据）。比值经过四舍五入，差异系数和达标判定可能略有偏差；建议填写原始数据`,
  indicatorUnavailable: (w, p) => {
    const fields = INDICATORS[p.indicator].numerator.map((alt) => alt.map(fieldLabel).join('+')).join(' 或 ');
    return `${sheetAt(w)}表中没有计算“${indicatorName(p.indicator)}”所需的数据（${fields}），该指标无法计算`;
  },
  missingValue: (w, p) =>
    `${cellAt(w)}：缺少数据（不按 0 计算），“${indicatorName(p.indicator)}”无法计算，该校未计入此项差异系数`,
  planMissing: (w, p) =>
    `${cellAt(w)}：缺少数据（不按 0 计算），该校未参与“${indicatorName(p.indicator)}”的整改测算`,
  planUnavailable: (w, p) =>
    `${sheetAt(w)}${indicatorName(p.indicator)}：${PLAN_PROBLEMS_ZH[p.problem]}，无法测算`,
};
