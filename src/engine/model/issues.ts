/** Builders for the engine's DataIssues: zh-CN messages that name the sheet, row, column letter and field. */
import { fieldByKey } from './fields';
import { INDICATORS, isIndicatorId } from './indicators';
import { columnLetter } from '../sheet/cells';
import type { ColumnMap, DataIssue, Severity } from './types';

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

/** The column letter of a field in a row, if the sheet has that column. */
export function columnOf(ref: RowRef, field: string): string | undefined {
  const index = ref.columns?.[field];
  return index === undefined || !(Number.isInteger(index) && index >= 0) ? undefined : columnLetter(index);
}

function sheetPrefix(sheet: string | undefined): string {
  return sheet ? `「${sheet}」` : '';
}

/** 「学校数据」第 12 行 F 列（体育运动场（馆）面积） */
export function cellPlace(ref: RowRef, field: string): string {
  const column = columnOf(ref, field);
  return `${sheetPrefix(ref.sheet)}第 ${ref.row} 行${column ? ` ${column} 列` : ''}（${fieldLabel(field)}）`;
}

/** 「学校数据」第 12 行“城关小学” */
export function rowPlace(ref: RowRef): string {
  return `${sheetPrefix(ref.sheet)}第 ${ref.row} 行“${ref.name}”`;
}

/** An issue about one cell; the message starts with the cell's place. */
export function cellIssue(
  ref: RowRef,
  field: string,
  code: string,
  severity: Severity,
  text: string,
): DataIssue {
  const issue: DataIssue = {
    row: ref.row,
    field,
    code,
    severity,
    message: `${cellPlace(ref, field)}：${text}`,
  };
  if (ref.sheet !== undefined) issue.sheet = ref.sheet;
  const column = columnOf(ref, field);
  if (column !== undefined) issue.column = column;
  return issue;
}

/** An issue about a whole row. */
export function rowIssue(
  ref: RowRef,
  field: string,
  code: string,
  severity: Severity,
  text: string,
): DataIssue {
  const issue: DataIssue = { row: ref.row, field, code, severity, message: `${rowPlace(ref)}：${text}` };
  if (ref.sheet !== undefined) issue.sheet = ref.sheet;
  return issue;
}

/** An issue about the whole table (row 0). */
export function tableIssue(
  sheet: string | undefined,
  field: string,
  code: string,
  severity: Severity,
  text: string,
): DataIssue {
  const issue: DataIssue = { row: 0, field, code, severity, message: `${sheetPrefix(sheet)}${text}` };
  if (sheet !== undefined) issue.sheet = sheet;
  return issue;
}
