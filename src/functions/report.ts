/**
 * BALANCE.REPORT's spilled CV table: a school table (header row included) read by the task pane's reader, evaluated by
 * evaluate(), and laid out one row per stage and indicator (plus the 综合差异系数 row in composite profiles).
 */
import {
  evaluate,
  INDICATORS,
  readTable,
  STAGE_LABELS,
  type CellGrid,
  type CellValue,
  type CoefficientResult,
  type CompositeResult,
  type Evaluation,
  type Profile,
  STAGES,
} from '../engine';
import { functionError, type FunctionError } from './errors';
import { cellsOf, cellValueOf } from './normalize';
import { MSG, REPORT_TEXT } from './strings.zh-CN';

export type ReportCell = string | number | boolean | FunctionError;

/** The range as a worksheet of its own: row 1 is its first row, so messages name rows within the selection. */
function gridOf(table: unknown): CellGrid {
  const cells = cellsOf(table);
  const values: CellValue[][] = [];
  for (let r = 0; r < cells.rows; r++) {
    const row: CellValue[] = [];
    // An error value in a cell reads like its text (#N/A), which the reader reports as a formula error.
    for (let c = 0; c < cells.columns; c++) row.push(cellValueOf(cells.at(r * cells.columns + c)));
    values.push(row);
  }
  return { sheet: '', values, firstRow: 1, firstColumn: 0 };
}

/** Reads and evaluates the table; an unreadable table or one without schools is #VALUE! with the reader's reason. */
export function evaluateTable(table: unknown, profile: Profile): Evaluation {
  const read = readTable(gridOf(table), { dashes: profile.dashes });
  if (read.header === null || !read.mapping.name) {
    const reasons = read.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    throw functionError('invalidValue', MSG.noTable(reasons.join('；') || MSG.noTableReason));
  }
  const evaluation = evaluate(read.rows, profile);
  if (STAGES.every((s) => evaluation.stages[s] === undefined)) {
    throw functionError('invalidValue', MSG.noSchools);
  }
  return evaluation;
}

function nearNote(value: number | null, threshold: number | null, near: boolean): string {
  if (!near || value === null || threshold === null) return '';
  // Six decimals: a CV 0.000023 under the threshold must not read as “相差 0.0000”.
  return REPORT_TEXT.near(Math.abs(value - threshold).toFixed(6));
}

/** A CV that is undefined is an error cell, never 0 or an error-looking text: #DIV/0! for a zero mean, else #N/A. */
function undefinedCv(result: CoefficientResult): FunctionError {
  const note = result.note ?? REPORT_TEXT.noCv;
  return result.mean === 0 ? functionError('divisionByZero', note) : functionError('notAvailable', note);
}

function indicatorRow(stage: string, result: CoefficientResult): ReportCell[] {
  const note = [nearNote(result.cv, result.threshold, result.nearThreshold), result.note ?? '']
    .filter(Boolean)
    .join('；');
  const undecided = result.threshold === null ? '' : functionError('notAvailable', note || REPORT_TEXT.noCv);
  return [
    stage,
    INDICATORS[result.indicator].name,
    result.overflow
      ? functionError('invalidNumber', MSG.tooLarge(REPORT_TEXT.header[2]))
      : (result.mean ?? functionError('notAvailable', result.note ?? REPORT_TEXT.noSchools)),
    result.cv ?? undefinedCv(result),
    result.threshold ?? '',
    result.pass ?? undecided,
    note,
  ];
}

function compositeRow(stage: string, composite: CompositeResult): ReportCell[] {
  return [
    stage,
    REPORT_TEXT.composite,
    '',
    composite.value ?? functionError('notAvailable', REPORT_TEXT.noCv),
    composite.threshold,
    composite.pass ?? functionError('notAvailable', REPORT_TEXT.noCv),
    nearNote(composite.value, composite.threshold, composite.nearThreshold),
  ];
}

/** A number Excel cannot hold (a mean from totals beyond a double) becomes #NUM! naming its column, never NaN. */
function finiteCells(row: ReportCell[]): ReportCell[] {
  return row.map((cell, i) =>
    typeof cell === 'number' && !Number.isFinite(cell)
      ? functionError('invalidNumber', MSG.tooLarge(REPORT_TEXT.header[i]))
      : cell,
  );
}

/**
 * The CV table: a header row, then per stage (小学, 初中) one row per indicator in the profile's order with county
 * mean, CV, threshold (single-CV profiles) and pass, and the 综合差异系数 row for composite profiles (basic-2012).
 */
export function coefficientTable(evaluation: Evaluation): ReportCell[][] {
  const rows: ReportCell[][] = [[...REPORT_TEXT.header]];
  for (const stage of STAGES) {
    const result = evaluation.stages[stage];
    if (!result) continue;
    const label = STAGE_LABELS[stage];
    for (const id of evaluation.profile.indicators) {
      const indicator = result.indicators[id];
      if (indicator) rows.push(finiteCells(indicatorRow(label, indicator)));
    }
    if (result.composite) rows.push(finiteCells(compositeRow(label, result.composite)));
  }
  return rows;
}
