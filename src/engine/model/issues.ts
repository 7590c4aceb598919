/** DataIssues: their codes, the fixed zh-CN texts keyed by code, and the one set of builders naming sheet, row, column. */
import { columnLetter } from './addresses';
import { fieldByKey } from './fields';
import { INDICATORS, isIndicatorId } from './indicators';
import type { ColumnMap, DataIssue, IssueCode, Severity } from './types';

/** The zh-CN texts of the codes whose text never varies (after the place the builder puts in front). */
export const ISSUE_TEXTS = {
  totalRow: '是合计/小计行，不是学校，已忽略',
  standardRow: '是标准值行（国家标准、省定标准等），不是学校，已忽略',
  missingStudents: '缺少在校生数，该校无法计算任何指标（不按 0 计算）',
  zeroStudents: '在校生为 0，没有权重，未参与差异系数计算和学校达标判定',
} as const satisfies Partial<Record<IssueCode, string>>;

/** Where a problem sits: the sheet, the 1-based row (0 for the whole table), the 0-based column of one cell. */
export interface IssuePlace {
  sheet?: string;
  row: number;
  column?: number;
}

/** Where a row sits: enough to point the user at a cell. */
export interface RowRef {
  sheet?: string;
  row: number;
  name: string;
  columns?: ColumnMap;
}

/** Chinese label of a field key: a CountField, a stage-qualified one ('junior.teachers'), or an indicator id. */
export function fieldLabel(field: string): string {
  const def = fieldByKey(field);
  if (def) return def.label;
  return isIndicatorId(field) ? INDICATORS[field].name : field;
}

/** The 0-based column of a field in a row, if the sheet has that column. */
export function columnIndexOf(ref: RowRef, field: string): number | undefined {
  const index = ref.columns?.[field];
  return index === undefined || !(Number.isInteger(index) && index >= 0) ? undefined : index;
}

/** The column letter of a field in a row, if the sheet has that column. */
export function columnOf(ref: RowRef, field: string): string | undefined {
  const index = columnIndexOf(ref, field);
  return index === undefined ? undefined : columnLetter(index);
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
export function rowPlace(ref: RowRef): string {
  return `${sheetPrefix(ref.sheet)}第 ${ref.row} 行“${ref.name}”`;
}

/** An issue at a place, its message given whole: what every builder below comes down to. */
export function dataIssue(
  at: IssuePlace,
  field: string,
  code: IssueCode,
  severity: Severity,
  message: string,
): DataIssue {
  const issue: DataIssue = { row: at.row, field, code, severity, message };
  if (at.sheet !== undefined) issue.sheet = at.sheet;
  if (at.column !== undefined) issue.column = columnLetter(at.column);
  return issue;
}

/** An issue about one cell of a row; the message starts with the cell's place. */
export function cellIssue(
  ref: RowRef,
  field: string,
  code: IssueCode,
  severity: Severity,
  text: string,
): DataIssue {
  const at = { sheet: ref.sheet, row: ref.row, column: columnIndexOf(ref, field) };
  return dataIssue(at, field, code, severity, `${cellPlace({ ...at, label: fieldLabel(field) })}：${text}`);
}

/** An issue about a whole row. */
export function rowIssue(
  ref: RowRef,
  field: string,
  code: IssueCode,
  severity: Severity,
  text: string,
): DataIssue {
  return dataIssue({ sheet: ref.sheet, row: ref.row }, field, code, severity, `${rowPlace(ref)}：${text}`);
}

/** An issue about the whole table (row 0). */
export function tableIssue(
  sheet: string | undefined,
  field: string,
  code: IssueCode,
  severity: Severity,
  text: string,
): DataIssue {
  return dataIssue({ sheet, row: 0 }, field, code, severity, `${sheetPrefix(sheet)}${text}`);
}
