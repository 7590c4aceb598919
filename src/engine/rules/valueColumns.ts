/**
 * Value columns: per indicator, each stage part's resource and value, read from raw counts or else from a ratio given
 * in the sheet, and the issues about values that are missing or not numbers. evaluate() and the planner read the same.
 */
import { Dec, roundedClearOfHalf } from '../exact/arithmetic';
import type { Decimal } from 'decimal.js';
import {
  INDICATORS,
  isCount,
  resourceAmount,
  resourceFieldsOf,
  type IndicatorMeta,
} from '../model/indicators';
import { cellIssue, tableIssue } from '../model/issues';
import type { CountField, DataIssue, IndicatorId, IndicatorVerdict, SchoolPart } from '../model/types';

/** Where a part's value came from: nowhere (no value), its raw counts, or a ratio given in the sheet. */
export const MISSING = 0;
export const RAW = 1;
export const RATIO = 2;

/** One indicator over the parts: the resource (or P·X/per from a ratio; NaN without a value), the value, its source. */
export interface ValueColumn {
  id: IndicatorId;
  meta: IndicatorMeta;
  resource: Float64Array;
  value: Float64Array;
  source: Uint8Array;
  /** Some part has a value. */
  available: boolean;
  /** Parts with students but no value, in order. */
  missing: number[];
}

function newColumn(id: IndicatorId, n: number): ValueColumn {
  return {
    id,
    meta: INDICATORS[id],
    resource: new Float64Array(n).fill(NaN),
    value: new Float64Array(n),
    source: new Uint8Array(n),
    available: false,
    missing: [],
  };
}

/**
 * The value columns of `ids` over the parts, with `students[i]` the weight of part i (not positive: no value).
 * Raw counts first, part by part: each part's counts object is read once for all indicators while it is in cache
 * (indicator by indicator, 100,000 scattered counts objects were fetched seven times over). Then, column by column,
 * a part without a raw value takes its given ratio (a finite non-negative number), else it is missing.
 */
export function readValueColumns(
  parts: readonly SchoolPart[],
  students: ArrayLike<number>,
  ids: readonly IndicatorId[],
): ValueColumn[] {
  const n = parts.length;
  const columns = ids.map((id) => newColumn(id, n));
  const m = columns.length;
  // Most indicators read one field: read it directly rather than through the general numerator walk.
  const single = columns.map((c) =>
    c.meta.numerator.length === 1 && c.meta.numerator[0].length === 1 ? c.meta.numerator[0][0] : null,
  );
  const per = columns.map((c) => c.meta.per);
  const filled = new Uint8Array(m);
  // Each loop a function of its own: compiled while it runs, without the code after it, which has not run yet.
  readRawCounts(parts, students, columns, single, per, filled);
  for (let j = 0; j < m; j++) {
    const col = columns[j];
    if (filled[j] === 1) col.available = true;
    takeGivenRatios(parts, students, col, per[j]);
  }
  return columns;
}

/** readValueColumns' first pass: each part's raw counts, part by part, for every column. */
function readRawCounts(
  parts: readonly SchoolPart[],
  students: ArrayLike<number>,
  columns: readonly ValueColumn[],
  single: readonly (CountField | null)[],
  per: readonly number[],
  filled: Uint8Array,
): void {
  const n = parts.length;
  const m = columns.length;
  for (let i = 0; i < n; i++) {
    const p = students[i];
    if (!(p > 0)) continue;
    const counts = parts[i].counts;
    for (let j = 0; j < m; j++) {
      const field = single[j];
      let r: number;
      if (field !== null) {
        const v = counts[field];
        r = typeof v === 'number' && v >= 0 ? v : NaN;
      } else r = resourceAmount(counts, columns[j].meta);
      const x = (per[j] * r) / p;
      if (x < Infinity) {
        const col = columns[j];
        col.resource[i] = r;
        col.value[i] = x;
        col.source[i] = RAW;
        filled[j] = 1;
      }
    }
  }
}

/** readValueColumns' second pass, for one column: a part without a raw value takes its given ratio, else is missing. */
function takeGivenRatios(
  parts: readonly SchoolPart[],
  students: ArrayLike<number>,
  col: ValueColumn,
  per: number,
): void {
  const id = col.id;
  const source = col.source;
  for (let i = 0; i < parts.length; i++) {
    const p = students[i];
    if (!(p > 0) || source[i] !== MISSING) continue;
    const given = parts[i].ratios?.[id];
    if (given !== undefined && isCount(given)) {
      col.value[i] = given;
      col.resource[i] = (given * p) / per;
      source[i] = RATIO;
      col.available = true;
    } else col.missing.push(i);
  }
}

/** One part's resource as {@link readValueColumns} reads it: raw counts, else a given ratio × P / per; NaN without. */
export function partResource(part: SchoolPart, meta: IndicatorMeta, students: number): number {
  if (!(students > 0)) return NaN;
  const r = resourceAmount(part.counts, meta);
  if ((meta.per * r) / students < Infinity) return r;
  const x = part.ratios?.[meta.id];
  return isCount(x) ? (x * students) / meta.per : NaN;
}

/**
 * The issues about the columns' values, column by column and part by part: counts that are not numbers, ratios used
 * for want of counts (once per sheet and indicator), ratios that are not numbers, and values missing (per cell, or
 * once for the table when no part has one). Each cell is reported once however many indicators read it.
 */
export function valueIssues(
  parts: readonly SchoolPart[],
  students: ArrayLike<number>,
  columns: readonly ValueColumn[],
): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  for (const col of columns) {
    const { id, meta } = col;
    for (let i = 0; i < parts.length; i++) {
      if (!(students[i] > 0) || col.source[i] === RAW) continue;
      const part = parts[i];
      for (const alt of meta.numerator) {
        for (const f of alt) {
          const v = part.counts[f];
          if (v !== undefined && !isCount(v) && once(`bad|${part.sheet ?? ''}|${part.row}|${f}`)) {
            issues.push(cellIssue(part, f, 'invalidNumber', 'error', { shown: String(v), as: 'value' }));
          }
        }
      }
      const given = part.ratios?.[id];
      if (col.source[i] === RATIO) {
        if (once(`ratio|${part.sheet ?? ''}|${id}`)) {
          issues.push(cellIssue(part, id, 'precisionWarning', 'warning', { indicator: id }));
        }
      } else if (given !== undefined && once(`bad|${part.sheet ?? ''}|${part.row}|${id}`)) {
        issues.push(cellIssue(part, id, 'invalidNumber', 'error', { shown: String(given), as: 'value' }));
      }
    }
    if (col.missing.length === 0) continue;
    if (!col.available) {
      issues.push(
        tableIssue(parts[col.missing[0]].sheet, id, 'indicatorUnavailable', 'error', { indicator: id }),
      );
      continue;
    }
    for (const i of col.missing) {
      const part = parts[i];
      const field = missingFieldOf(part, meta);
      if (!once(`missing|${part.sheet ?? ''}|${part.row}|${part.stage}|${field}`)) continue;
      issues.push(cellIssue(part, field, 'missingValue', 'error', { indicator: id }));
    }
  }
  return issues;
}

/** The cell to point at for a missing value: the first absent field of the most complete numerator. */
function missingFieldOf(part: SchoolPart, meta: IndicatorMeta): CountField {
  let best: readonly CountField[] = meta.numerator[0];
  let bestHave = -1;
  for (const alt of meta.numerator) {
    const have = alt.filter((f) => part.counts[f] !== undefined || part.columns?.[f] !== undefined).length;
    if (have > bestHave) {
      best = alt;
      bestHave = have;
    }
  }
  return best.find((f) => !isCount(part.counts[f])) ?? best[0];
}

/**
 * The fields whose unknown cells leave a part's values open: 在校生数 when the students are unknown, else, for each
 * indicator without a value, the cell to fill (as the missing-value issue points at it). Empty when nothing is unknown.
 */
export function unknownFields(part: SchoolPart, indicators: readonly (IndicatorId | null)[]): CountField[] {
  const p = part.counts.students;
  if (!(isCount(p) && Number.isInteger(p))) return ['students'];
  const out: CountField[] = [];
  for (const id of indicators) {
    if (id === null) continue;
    const field = missingFieldOf(part, INDICATORS[id]);
    if (!out.includes(field)) out.push(field);
  }
  return out;
}

/** A part's resource exactly, as a Decimal: the sum of the counts the float value used. */
export function exactResource(part: SchoolPart, meta: IndicatorMeta): Decimal {
  const counts = part.counts;
  const fields = resourceFieldsOf(counts, meta) ?? [];
  let sum = new Dec(0);
  for (const f of fields) sum = sum.plus(counts[f] as number);
  return sum;
}

/**
 * A school part's indicator value exactly (to 80 digits): per·R/P from its counts, or the given ratio as typed; null
 * when the verdict has no value. The double in the verdict is for display; this is for rounding to the printed digit.
 */
export function exactSchoolValue(
  part: SchoolPart,
  verdict: Pick<IndicatorVerdict, 'indicator' | 'value' | 'fromRatio'>,
): Decimal | null {
  if (verdict.value === null) return null;
  const students = part.counts.students;
  if (verdict.fromRatio || students === undefined || !(students > 0)) return new Dec(verdict.value);
  const meta = INDICATORS[verdict.indicator];
  if (!resourceFieldsOf(part.counts, meta)) return new Dec(verdict.value);
  return exactResource(part, meta).times(meta.per).div(students);
}

/**
 * {@link exactSchoolValue} rounded half-up to `decimals` places, as the double a cell holds (m/10ᵈ); null when the
 * verdict has no value. The double decides when it is clearly away from a half-way point: it is within a few units
 * in the last place of the exact value (counts ≥ 0 summed, times per, over the students: at most a handful of
 * roundings of 2⁻⁵³ each), far inside the 10⁻⁹ (relative) margin kept from every …5 boundary; near one, or for
 * negative, huge or non-finite values, the exact Decimal decides. m/10ᵈ as a double is the Decimal m/10ᵈ converted,
 * as both are the double nearest the same rational.
 */
export function roundedSchoolValue(
  part: SchoolPart,
  verdict: Pick<IndicatorVerdict, 'indicator' | 'value' | 'fromRatio'>,
  decimals: number,
): number | null {
  if (verdict.value === null) return null;
  const approx = approximateSchoolValue(part, verdict);
  const rounded = approx === null ? undefined : roundedClearOfHalf(approx, decimals);
  if (rounded !== undefined) return rounded;
  const exact = exactSchoolValue(part, verdict) as Decimal;
  return exact.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP).toNumber();
}

/** The double of exactSchoolValue's value, computed along the same branch; null when it cannot be bounded. */
function approximateSchoolValue(
  part: SchoolPart,
  verdict: Pick<IndicatorVerdict, 'indicator' | 'value' | 'fromRatio'>,
): number | null {
  const value = verdict.value as number;
  const students = part.counts.students;
  if (verdict.fromRatio || students === undefined || !(students > 0)) return value;
  const meta = INDICATORS[verdict.indicator];
  const fields = resourceFieldsOf(part.counts, meta);
  if (!fields) return value;
  let sum = 0;
  for (const f of fields) {
    const count = part.counts[f] as number;
    // A negative count could cancel: the sum's relative error would be unbounded.
    if (!(count >= 0) || !Number.isFinite(count)) return null;
    sum += count;
  }
  const out = (sum * meta.per) / students;
  return Number.isFinite(out) ? out : null;
}
