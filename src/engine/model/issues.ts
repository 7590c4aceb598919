/** DataIssues: the one set of builders, each naming sheet, row and column, the text taken from the code's wording. */
import { columnLetter } from './addresses';
import { ISSUE_TEXTS_ZH, type IssueParams, type IssueTexts, type IssueWhere } from './issueTexts';
import type { ColumnMap, DataIssue, IssueCode, Severity } from './types';

export { cellPlace, fieldLabel, rowPlace, sheetPrefix } from './issueTexts';

/** Where a row sits: enough to point the user at a cell. */
export interface RowRef {
  sheet?: string;
  row: number;
  name: string;
  columns?: ColumnMap;
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

/**
 * The zh-CN text of an engine-built issue, worded when first read: a county of 20,000 schools can have 70,000 issues
 * of which the summary shows 50. It reads and assigns like a plain property, in its place among the issue's keys, so
 * JSON.stringify, a spread and jest's equality see the same object as before; once read (or assigned) it is a plain
 * data property.
 */
const LAZY_MESSAGE: PropertyDescriptor = {
  get(this: DataIssue): string {
    const message = renderIssue(this);
    // Kept as a data property; a frozen issue (its accessor no longer configurable) words it again when read.
    Reflect.defineProperty(this, 'message', {
      value: message,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return message;
  },
  set(this: DataIssue, message: string) {
    Object.defineProperty(this, 'message', {
      value: message,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  },
  enumerable: true,
  configurable: true,
};

/** An issue at a place, worded by its code: what every builder below comes down to. */
export function dataIssue<C extends IssueCode>(
  at: IssueWhere,
  code: C,
  severity: Severity,
  params: IssueParams[C],
): DataIssue {
  const issue = { row: at.row, field: at.field, code, severity } as DataIssue;
  Object.defineProperty(issue, 'message', LAZY_MESSAGE);
  if (at.sheet !== undefined) issue.sheet = at.sheet;
  if (at.column !== undefined) issue.column = columnLetter(at.column);
  const detail: DataIssue['detail'] = { values: params };
  if (at.name !== undefined) detail.name = at.name;
  if (at.label !== undefined) detail.label = at.label;
  if (at.column !== undefined) detail.columnIndex = at.column;
  // Not enumerable: an issue's JSON, its equality in tests and the CLI's output stay what they were; copy an issue
  // by building it again, not by a spread, to keep it renderable in another language. The message is worded from it.
  Object.defineProperty(issue, 'detail', { value: detail, enumerable: false, writable: true });
  return issue;
}

/** An issue about one cell of a row (the field's column in that row). */
export function cellIssue<C extends IssueCode>(
  ref: RowRef,
  field: string,
  code: C,
  severity: Severity,
  params: IssueParams[C],
): DataIssue {
  const at = { sheet: ref.sheet, row: ref.row, column: columnIndexOf(ref, field), field, name: ref.name };
  return dataIssue(at, code, severity, params);
}

/** An issue about a whole row. */
export function rowIssue<C extends IssueCode>(
  ref: RowRef,
  field: string,
  code: C,
  severity: Severity,
  params: IssueParams[C],
): DataIssue {
  return dataIssue({ sheet: ref.sheet, row: ref.row, field, name: ref.name }, code, severity, params);
}

/** An issue about the whole table (row 0). */
export function tableIssue<C extends IssueCode>(
  sheet: string | undefined,
  field: string,
  code: C,
  severity: Severity,
  params: IssueParams[C],
): DataIssue {
  return dataIssue({ sheet, row: 0, field }, code, severity, params);
}

/**
 * The issue's text in the given wording (DEFAULT zh-CN, which is `issue.message`): an issue built by the engine keeps
 * its place and params; one built elsewhere (a host's own) keeps its message.
 */
export function renderIssue(issue: DataIssue, texts: IssueTexts = ISSUE_TEXTS_ZH): string {
  const detail = issue.detail;
  if (!detail) return issue.message;
  const where: IssueWhere = { sheet: issue.sheet, row: issue.row, field: issue.field };
  if (detail.columnIndex !== undefined) where.column = detail.columnIndex;
  if (detail.name !== undefined) where.name = detail.name;
  if (detail.label !== undefined) where.label = detail.label;
  const text = texts[issue.code] as (at: IssueWhere, p: object) => string;
  return text(where, detail.values);
}
