/**
 * Turns what Excel hands the BALANCE.* functions (ranges as any[][], blanks as null or 0, numbers stored as text,
 * error values, omitted arguments) into engine inputs, and every problem into #VALUE! (#NUM! for a number too large) naming the position.
 */
import {
  findIndicator,
  findProfile,
  INDICATORS,
  parseNumber,
  parseStage,
  profileIndicators,
  QUALITY_2017,
  STAGE_LABELS,
  standardIndicators,
  type CellValue,
  type IndicatorMeta,
  type Profile,
  type Stage,
} from '../engine';
import { functionError, isFunctionError } from './errors';
import { LABEL, MSG } from './strings.zh-CN';

/** Excel keeps 15 significant digits. */
const EXCEL_DIGITS = 15;

/**
 * A number as Excel shows it: rounded to 15 significant digits. A formula such as =9/1000*100 leaves binary noise
 * (0.8999999999999999) beyond what Excel can store from typing, so exact decisions read the value Excel displays.
 */
export function toExcelPrecision(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const shown = Number(value.toPrecision(EXCEL_DIGITS));
  // The largest doubles round up past the largest double: keep the value rather than turn it into Infinity.
  return Number.isFinite(shown) ? shown : value;
}

/** A computed result, or #NUM! naming `what` when it overflowed a double (Excel has no NaN or Infinity). */
export function finiteResult(value: number, what: string): number {
  if (Number.isFinite(value)) return value;
  throw functionError('invalidNumber', MSG.tooLarge(what));
}

/** True when an optional argument was left out (Excel passes null or undefined) or points at an empty cell. */
export function isOmitted(arg: unknown): boolean {
  return arg === null || arg === undefined || (typeof arg === 'string' && arg.trim() === '');
}

/** The cells of a range in reading order, each with its place for messages. */
export interface Cells {
  readonly length: number;
  readonly rows: number;
  readonly columns: number;
  at(index: number): unknown;
  /** zh-CN place of the index-th cell: 第 3 行 for a column, 第 3 列 for a row, 第 2 行第 3 列 otherwise. */
  place(index: number): string;
}

/** A range as a 2-D array; Excel always passes matrix parameters so, a lone value is wrapped for direct callers. */
function asMatrix(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  // Checked before copying (a plain loop: \`every\` with a callback costs more than the CV on 100 000 rows).
  let rows = true;
  for (let i = 0; i < range.length && rows; i++) rows = Array.isArray(range[i]);
  return rows ? (range as unknown[][]) : range.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Every cell of a range, row by row. */
export function cellsOf(range: unknown): Cells {
  const matrix = asMatrix(range);
  const rows = matrix.length;
  const columns = rows === 0 ? 0 : matrix[0].length;
  if (columns === 1) {
    return {
      length: rows,
      rows,
      columns,
      at: (i) => matrix[i][0],
      place: (i) => MSG.row(i + 1),
    };
  }
  if (rows === 1) {
    return {
      length: columns,
      rows,
      columns,
      at: (i) => matrix[0][i],
      place: (i) => MSG.column(i + 1),
    };
  }
  return {
    length: rows * columns,
    rows,
    columns,
    at: (i) => matrix[Math.floor(i / columns)][i % columns],
    place: (i) => MSG.cell(Math.floor(i / columns) + 1, (i % columns) + 1),
  };
}

/** One column (or row) of a range; anything wider is an error naming `what`. */
export function vectorOf(range: unknown, what: string): Cells {
  const cells = cellsOf(range);
  if (cells.rows > 1 && cells.columns > 1) {
    throw functionError('invalidValue', MSG.notVector(what, cells.rows, cells.columns));
  }
  return cells;
}

/**
 * A cell of a range as Excel hands it to a function, in the grid contract: an error value reads as its code (#N/A),
 * which the engine reports as a formula error; an omitted one is blank.
 */
export function cellValueOf(cell: unknown): CellValue {
  if (cell === null || cell === undefined) return null;
  if (isFunctionError(cell)) return cell.code;
  if (
    typeof cell === 'string' ||
    typeof cell === 'number' ||
    typeof cell === 'boolean' ||
    cell instanceof Date
  ) {
    return cell;
  }
  return typeof cell === 'object' ? objectText(cell) : String(cell);
}

/** An object Excel should never pass, quoted in the message as it is. */
function objectText(cell: object): string {
  try {
    return JSON.stringify(cell) ?? String(cell);
  } catch {
    return String(cell);
  }
}

/**
 * The number in a cell, or null for blank and unknown (不详, …, ?); "—", "/" and "无" mean none and are 0 (spec §8).
 * Text numbers (full-width digits, thousands
 * separators, "12.5%") go through the engine's cell parser; negatives, text, logical values and error values are
 * #VALUE! at `at()` — computed only on failure, since the fast path runs for every cell of 100 000-row ranges.
 */
export function numberIn(cell: unknown, at: () => string): number | null {
  if (typeof cell === 'number' && cell >= 0 && cell < Infinity) return cell;
  const parsed = parseNumber(cellValueOf(cell));
  if (parsed.ok) return parsed.value;
  // The reason names no place: a function names the position within its argument.
  const kind = parsed.code === 'tooLarge' ? 'invalidNumber' : 'invalidValue';
  throw functionError(kind, `${at()}：${parsed.reason}`);
}

/** The index-th cell of `cells` as a number or null, its position named as 第 k 个<label>（第 r 行）. */
function itemNumber(cells: Cells, index: number, label: string): number | null {
  const cell = cells.at(index);
  if (typeof cell === 'number' && cell >= 0 && cell < Infinity) return cell;
  return numberIn(cell, () => MSG.item(label, index + 1, cells.place(index)));
}

/** One column of a range, kept as the matrix and the column index so hot loops index rows directly. */
interface Column {
  matrix: unknown[][];
  column: number;
  /** true when the list came as a row: positions are then columns (第 3 列), else rows (第 3 行). */
  across: boolean;
}

/** A one-column or one-row range as a Column (a row is turned on its side; Excel rows have at most 16 384 cells). */
function columnFrom(range: unknown, what: string): Column {
  const cells = vectorOf(range, what);
  const matrix = asMatrix(range);
  if (cells.columns <= 1) return { matrix, column: 0, across: false };
  return { matrix: matrix[0].map((cell) => [cell]), column: 0, across: true };
}

function itemPlace(column: Column, index: number, label: string): string {
  return MSG.item(label, index + 1, column.across ? MSG.column(index + 1) : MSG.row(index + 1));
}

/**
 * Columns reused from call to call. Fresh 100 000-row buffers cost more in page faults than the whole CV, and the
 * functions run synchronously on one thread, so no two calls ever hold them at once.
 */
let scratchAmounts = new Float64Array(1024);
let scratchWeights = new Float64Array(1024);

function scratch(n: number): { amounts: Float64Array; weights: Float64Array } {
  if (scratchAmounts.length < n) {
    let size = scratchAmounts.length;
    while (size < n) size *= 2;
    scratchAmounts = new Float64Array(size);
    scratchWeights = new Float64Array(size);
  }
  return { amounts: scratchAmounts, weights: scratchWeights };
}

/**
 * A cell that is not a plain non-negative number: blank, or whatever the engine's parser makes of it. Blank is NaN
 * rather than null so the hot loop's values stay unboxed doubles.
 */
function slowItem(cell: unknown, column: Column, index: number, label: string): number {
  if (cell === null || cell === undefined) return NaN;
  return numberIn(cell, () => itemPlace(column, index, label)) ?? NaN;
}

/**
 * Per-school pairs ready for the engine's float CV: `amounts` holds Xᵢ·Pᵢ (per-school values) or Rᵢ (raw totals),
 * `students` Pᵢ; only the first `count` entries are used, and schools with Pᵢ = 0 are left out (no weight, spec §3).
 * The arrays are shared scratch space, valid until the next call: use them at once.
 */
export interface WeightedPairs {
  amounts: Float64Array;
  students: Float64Array;
  count: number;
}

/**
 * Pairs row i of two equally long columns. Both cells empty → skipped (the tail of a selected column); one empty →
 * #VALUE!, because a missing value is never read as 0 (spec §3). One pass over plain numbers; only other cells go
 * through the engine's parser, so a 100 000-row range costs about one float loop.
 */
function pairsOf(values: Column, students: Column, valueLabel: string, times: boolean): WeightedPairs {
  const n = values.matrix.length;
  if (n !== students.matrix.length) {
    throw functionError('invalidValue', MSG.sizeMismatch(valueLabel, n, students.matrix.length));
  }
  const { amounts, weights } = scratch(n);
  const vm = values.matrix;
  const vc = values.column;
  const sm = students.matrix;
  const sc = students.column;
  let count = 0;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const a = vm[i][vc];
    const b = sm[i][sc];
    // No closures in this loop: a closure capturing `i` would make V8 allocate a context for every row.
    const x = typeof a === 'number' && a >= 0 && a < Infinity ? a : slowItem(a, values, i, valueLabel);
    const p = typeof b === 'number' && b >= 0 && b < Infinity ? b : slowItem(b, students, i, LABEL.students);
    if (x !== x || p !== p) {
      if (x !== x && p !== p) continue;
      const at = x !== x ? itemPlace(values, i, valueLabel) : itemPlace(students, i, LABEL.students);
      throw functionError('invalidValue', MSG.missingInPair(at));
    }
    given++;
    if (p > 0) {
      // `x * 1`, not `x`: with both branches float multiplications V8 keeps the amount unboxed (4× faster here).
      amounts[count] = times ? x * p : x * 1;
      weights[count] = p;
      count++;
    }
  }
  if (given === 0) throw functionError('invalidValue', MSG.noData);
  return { amounts, students: weights, count };
}

/**
 * Per-school values Xᵢ and students Pᵢ for COEF and MEAN, as amounts Xᵢ·Pᵢ: `range` is one column of values with
 * `students` given, or two columns (values, students) with `students` omitted. One column alone is refused with an
 * example, since the official figures are weighted by students.
 */
export function weightedPairs(range: unknown, students: unknown, fn: 'COEF' | 'MEAN'): WeightedPairs {
  if (isOmitted(students)) {
    const matrix = asMatrix(range);
    const columns = matrix[0]?.length ?? 0;
    if (columns === 2) {
      const value = { matrix, column: 0, across: false };
      return pairsOf(value, { matrix, column: 1, across: false }, LABEL.value, true);
    }
    if (columns <= 1) throw functionError('invalidValue', MSG.weightedOnly(fn));
    throw functionError('invalidValue', MSG.twoColumnsExpected(columns));
  }
  return pairsOf(columnFrom(range, LABEL.value), columnFrom(students, LABEL.students), LABEL.value, true);
}

/** Raw resource totals Rᵢ and students Pᵢ for COEFRAW, two equally long columns (or rows). */
export function rawPairs(amounts: unknown, students: unknown): WeightedPairs {
  return pairsOf(
    columnFrom(amounts, LABEL.amount),
    columnFrom(students, LABEL.students),
    LABEL.amount,
    false,
  );
}

/** Every non-empty number of a range (any shape), with the place of each for later messages. */
export function numberList(range: unknown, label: string): { values: number[]; places: string[] } {
  const cells = cellsOf(range);
  const values: number[] = [];
  const places: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const x = itemNumber(cells, i, label);
    if (x === null) continue;
    values.push(x);
    places.push(MSG.item(label, i + 1, cells.place(i)));
  }
  return { values, places };
}

/** One cell per position of a row or column: numbers, null for empty ones (kept, so positions keep their meaning). */
export function numberVector(range: unknown, label: string): (number | null)[] {
  const cells = vectorOf(range, label);
  const out: (number | null)[] = [];
  for (let i = 0; i < cells.length; i++) out.push(itemNumber(cells, i, label));
  return out;
}

/** A single number argument; null when omitted and `optional`, else #VALUE! naming it. */
export function numberArg(arg: unknown, label: string, optional: true): number | null;
export function numberArg(arg: unknown, label: string, optional?: false): number;
export function numberArg(arg: unknown, label: string, optional = false): number | null {
  let value = arg;
  if (Array.isArray(value)) {
    const cells = cellsOf(value);
    if (cells.length !== 1) throw functionError('invalidValue', MSG.notOneCell(label));
    value = cells.at(0);
  }
  const x = numberIn(value, () => label);
  if (x === null) {
    if (optional) return null;
    throw functionError('invalidValue', MSG.emptyArgument(label));
  }
  return x;
}

/** 学段 from 小学 / 初中 / primary / junior (also 小学部, 初中阶段). */
export function stageArg(arg: unknown): Stage {
  const text = isOmitted(arg) ? '' : String(arg).trim();
  const stage = parseStage(text);
  if (stage === null) throw functionError('invalidValue', MSG.unknownStage(text));
  return stage;
}

/** The standards profile: quality-2017 when omitted; else by id, 优质均衡 / 基本均衡, full name or JSON. */
export function profileArg(arg: unknown): Profile {
  if (isOmitted(arg)) return QUALITY_2017;
  const found = findProfile(String(arg));
  if (!found.ok) throw functionError('invalidValue', found.reason);
  return found.profile;
}

/**
 * An indicator by id, Chinese name or an unambiguous part of it. The profile's own indicators are searched first,
 * which settles parts two regimes share (高于规定学历); then the whole catalogue, for a clearer message.
 */
export function indicatorArg(arg: unknown, profile: Profile): IndicatorMeta {
  const text = isOmitted(arg) ? '' : String(arg);
  const inProfile = findIndicator(text, profileIndicators(profile));
  if (inProfile.ok) return inProfile.indicator;
  if (inProfile.candidates.length > 0) throw functionError('invalidValue', inProfile.reason);
  const anywhere = findIndicator(text);
  if (anywhere.ok) {
    throw functionError('notAvailable', MSG.notInProfile(anywhere.indicator.name, profile.name));
  }
  throw functionError('invalidValue', anywhere.reason);
}

/** The per-school standard of an indicator for a stage under the profile; #N/A when the profile has none. */
export function standardOf(meta: IndicatorMeta, stage: Stage, profile: Profile): number {
  const standard = profile.standards[meta.id]?.[stage];
  if (standard === undefined) {
    throw functionError('notAvailable', MSG.noStandard(meta.name, profile.name, STAGE_LABELS[stage]));
  }
  return standard;
}

/** The indicators a per-school value list follows (the engine's order for the profile), with their standards. */
export function schoolRuleIndicators(
  profile: Profile,
  stage: Stage,
): { meta: IndicatorMeta; standard: number }[] {
  return standardIndicators(profile, stage).map((id) => ({
    meta: INDICATORS[id],
    standard: profile.standards[id]?.[stage] as number,
  }));
}

/**
 * Row-aligned raw totals Rᵢ and students Pᵢ for PLAN, which answers one cell per input row. The blank rules are
 * COEF's: both cells empty → the row is skipped (`skipped[i]`, its amount and students 0); one empty → #VALUE!;
 * Pᵢ = 0 → kept, with no weight. At least one row must have data.
 */
export function alignedPairs(
  amounts: unknown,
  students: unknown,
): { amounts: number[]; students: number[]; skipped: boolean[] } {
  const values = columnFrom(amounts, LABEL.amount);
  const weights = columnFrom(students, LABEL.students);
  const n = values.matrix.length;
  if (n !== weights.matrix.length) {
    throw functionError('invalidValue', MSG.sizeMismatch(LABEL.amount, n, weights.matrix.length));
  }
  const out = {
    amounts: new Array<number>(n),
    students: new Array<number>(n),
    skipped: new Array<boolean>(n),
  };
  let given = 0;
  for (let i = 0; i < n; i++) {
    const x = slowItem(values.matrix[i][0], values, i, LABEL.amount);
    const p = slowItem(weights.matrix[i][0], weights, i, LABEL.students);
    const blank = x !== x && p !== p;
    if (!blank && (x !== x || p !== p)) {
      const at = x !== x ? itemPlace(values, i, LABEL.amount) : itemPlace(weights, i, LABEL.students);
      throw functionError('invalidValue', MSG.missingInPair(at));
    }
    if (!blank) given++;
    out.amounts[i] = blank ? 0 : x;
    out.students[i] = blank ? 0 : p;
    out.skipped[i] = blank;
  }
  if (given === 0) throw functionError('invalidValue', MSG.noData);
  return out;
}
