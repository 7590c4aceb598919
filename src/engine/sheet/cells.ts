/** Turns one worksheet cell into a number (or "no data") the way bureau workbooks write them, and names cells for messages. */
import Decimal from 'decimal.js';
import { dataIssue } from '../model/issues';
import { NUMBER_REASONS_ZH, type IssueParams, type NumberProblemCode } from '../model/issueTexts';
import { toHalfWidth } from '../model/text';
import type { DashReading, DataIssue } from '../model/types';
import type { UnitDimension } from '../model/units';
import type { CellValue } from './grid';

/** A unit read from a header or a cell: the base symbol, what it measures and the factor to the base unit. */
export interface UnitInfo {
  /** Base unit symbol: 人, ㎡, 元, 册, 台, 间, 个. */
  symbol: string;
  dimension: UnitDimension;
  /** Multiply a value in this unit by `factor` (and divide by `divisor`) to get base units (万元 → 10000). */
  factor: number;
  /** Set only where the factor is not a whole number: 亩 is exactly 10000 / 15 ㎡, kept as factor 10000, divisor 15. */
  divisor?: number;
}

const BASE_UNITS: Record<string, { symbol: string; dimension: UnitDimension }> = {
  人: { symbol: '人', dimension: 'people' },
  名: { symbol: '人', dimension: 'people' },
  位: { symbol: '人', dimension: 'people' },
  '㎡': { symbol: '㎡', dimension: 'area' },
  元: { symbol: '元', dimension: 'money' },
  册: { symbol: '册', dimension: 'books' },
  本: { symbol: '册', dimension: 'books' },
  台: { symbol: '台', dimension: 'computers' },
  间: { symbol: '间', dimension: 'rooms' },
  班: { symbol: '个', dimension: 'classes' },
  个: { symbol: '个', dimension: 'count' },
};

const UNIT_PREFIXES: Record<string, number> = {
  百万: 1000000,
  万: 10000,
  千: 1000,
  百: 100,
  亿: 100000000,
};

/** Land units (spec §8): 亩 = 10000/15 ㎡ and 公顷 = 10000 ㎡, as an exact fraction. */
const LAND_UNITS: Record<string, { factor: number; divisor?: number }> = {
  亩: { factor: 10000, divisor: 15 },
  公顷: { factor: 10000 },
};

/** Ratio units name the student in the denominator: (㎡/生), (元/人), (台/百名学生). */
const PER_STUDENT = /^每?(百|100)?(名)?(学生|生|人)$/;

/**
 * Reads a unit such as 万元, (平方米), m², 单位：万册 or ㎡/生; null when the text is not a unit
 * (bracket text like 馆 or 含体育 is part of the header's name, not a unit).
 */
export function parseUnit(text: string): UnitInfo | null {
  let t = toHalfWidth(text).toLowerCase().replace(/\s+/g, '');
  t = t.replace(/^单位[:：]?/, '');
  const slash = t.indexOf('/');
  if (slash >= 0) {
    if (!PER_STUDENT.test(t.slice(slash + 1))) return null;
    t = t.slice(0, slash);
  }
  t = t.replace(/平方米|平米|平方|m2|m²/g, '㎡');
  const land = Object.prototype.hasOwnProperty.call(LAND_UNITS, t) ? LAND_UNITS[t] : undefined;
  if (land) return { symbol: '㎡', dimension: 'area', ...land };
  const m = /^(百万|万|千|百|亿)?(人|名|位|㎡|元|册|本|台|间|班|个)$/.exec(t);
  if (!m) return null;
  const base = BASE_UNITS[m[2]];
  return { symbol: base.symbol, dimension: base.dimension, factor: m[1] ? UNIT_PREFIXES[m[1]] : 1 };
}

/** Value in a unit × factor ÷ divisor, exactly (12.34 万元 → 123400 元; 3 亩 → 2000 ㎡), as the nearest double. */
export function convertUnit(value: number, factor: number, divisor = 1): number {
  if ((factor === 1 && divisor === 1) || !Number.isFinite(value)) return value;
  const exact = new Decimal(value).times(factor);
  return (divisor === 1 ? exact : exact.div(divisor)).toNumber();
}

/** Whether a unit may measure a field of the given dimension (个 counts rooms, classes and computers). */
export function unitFitsDimension(unit: UnitInfo, dimension: UnitDimension | 'none'): boolean {
  if (unit.dimension === dimension) return true;
  return (
    unit.dimension === 'count' &&
    (dimension === 'rooms' || dimension === 'classes' || dimension === 'computers')
  );
}

/**
 * True for an Excel number format that shows a date or time (y, m, d, h, s, or aaa weekdays outside quotes and
 * brackets). A count typed as "3-5" becomes a date serial under such a format, so the number cannot be trusted.
 */
export function isDateFormat(format: string): boolean {
  if (!format || /^general$/i.test(format.trim()) || format.trim() === '@') return false;
  const stripped = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]|aaa/i.test(stripped);
}

/** Where a cell sits and what it holds, for parsing and for the message naming it. */
export interface CellContext {
  sheet?: string;
  /** 1-based worksheet row. */
  row: number;
  /** 0-based worksheet column. */
  column: number;
  /** Field key the cell belongs to (see SchoolRow.columns). */
  field: string;
  /** zh-CN field label used in messages, e.g. 体育运动场馆面积. */
  label: string;
  /**
   * The unit the column is counted in (from the header, else the field's base unit), e.g. 人 or 万元. A unit
   * written in the cell ("120人") is accepted only when it is this unit, since anything else is ambiguous.
   */
  unit?: string;
  /** Counts are never negative; only a caller that expects signed values sets this. */
  allowNegative?: boolean;
  /** The cell's Excel number format, when the adapter knows it. */
  numberFormat?: string;
  /** How "—", "/" and "无" read: 'none' (0, DEFAULT, spec §8) or 'unknown' (no data). */
  dashes?: DashReading;
}

/** What a cell holds, as a number: `value: null` is blank or unknown; a dash read as none is 0 with `dash` set. */
export type NumberValue = { ok: true; value: number | null; dash?: string };

export type { NumberProblemCode } from '../model/issueTexts';

/**
 * A parse failure: its code, what it is made of, and the zh-CN reason naming no place; the caller puts the place (a
 * cell, a function's argument) first.
 */
export type NumberProblem = {
  [C in NumberProblemCode]: { ok: false; code: C; params: IssueParams[C]; reason: string };
}[NumberProblemCode];

/** The column-level facts a cell is read with: everything in CellContext but where the cell is. */
export type NumberSpec = Pick<CellContext, 'unit' | 'allowNegative' | 'numberFormat' | 'dashes'>;

/**
 * `value: null` means blank or unknown (不详, …, ?): no data, which is NOT 0; the caller decides. A dash or 无 read as
 * none is 0 with `dash` set to the text as written, so that the caller can list it to the user.
 */
export type ParsedNumber = NumberValue | { ok: false; issue: DataIssue };

const FORMULA_ERROR =
  /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!|TIMEOUT!)$/i;

/** Cell texts that mean "none" in Chinese statistical tables (spec §8): 0, unless the profile reads them as unknown. */
const DASH_TOKENS = /^([—–―-]{1,3}|\/|无|暂无)$/;

/** Cell texts that mean "not known": no data, never 0. */
const UNKNOWN_TOKENS = new Set(['', '\\', '空', '不详', '未知', '…', '……', '...', '?', '??']);

/** A number written as text: sign, digits (optionally grouped by commas), fraction, exponent, then whatever follows. */
const TEXT_NUMBER = /^([+-]?)(\d[\d,]*(?:\.\d*)?|\.\d+)(e[+-]?\d+)?(.*)$/i;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

function problem<C extends NumberProblemCode>(code: C, params: IssueParams[C]): NumberProblem {
  const reason = (NUMBER_REASONS_ZH[code] as (p: IssueParams[C]) => string)(params);
  return { ok: false, code, params, reason } as NumberProblem;
}

function checkSign(value: number, shown: string, spec: NumberSpec): NumberValue | NumberProblem {
  // Text such as "1e999" or 400 digits parses to ±Infinity: quote it as typed, never as "Infinity".
  if (!Number.isFinite(value)) return problem('tooLarge', { shown });
  if (value < 0 && !spec.allowNegative) return problem('negative', { shown });
  return { ok: true, value: value === 0 ? 0 : value };
}

function formatDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? String(d) : `${d.getFullYear()}/${d.getMonth() + 1}/${d.getDate()}`;
}

/** Text for a value outside the grid contract (a caller that skipped its host's normalising): quoted, never thrown. */
function shownOther(v: unknown): string {
  if (typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Parses one cell value (number, text, logical value, date or blank) into a number, or a problem whose reason names
 * no place (codes: formulaError, notNumber, tooLarge, negative, unitMismatch). Never throws on data.
 */
export function parseNumber(v: CellValue | undefined, spec: NumberSpec = {}): NumberValue | NumberProblem {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return problem('notNumber', { shown: String(v) });
    if (spec.numberFormat && isDateFormat(spec.numberFormat)) {
      return problem('notNumber', { shown: String(v), as: 'dateFormat', numberFormat: spec.numberFormat });
    }
    return checkSign(v, String(v), spec);
  }
  if (typeof v === 'string') return parseText(v, spec);
  if (typeof v === 'boolean') return problem('notNumber', { shown: v ? 'TRUE' : 'FALSE', as: 'logical' });
  if (v instanceof Date) return problem('notNumber', { shown: formatDate(v), as: 'date' });
  return problem('notNumber', { shown: shownOther(v) });
}

/**
 * Parses one worksheet cell (see parseNumber); a problem comes back as an issue whose message names the cell:
 * 「学校数据」第 12 行 F 列（体育运动场馆面积）：“abc” 不是数字.
 */
export function parseCellNumber(v: CellValue | undefined, ctx: CellContext): ParsedNumber {
  const parsed = parseNumber(v, ctx);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    issue: dataIssue(
      { sheet: ctx.sheet, row: ctx.row, column: ctx.column, field: ctx.field, label: ctx.label },
      parsed.code,
      'error',
      // NumberProblem pairs each code with its own params; TypeScript cannot follow the pair through the union.
      parsed.params as never,
    ),
  };
}

function parseText(raw: string, spec: NumberSpec): NumberValue | NumberProblem {
  const shown = raw.trim();
  if (FORMULA_ERROR.test(shown)) return problem('formulaError', { shown: shown.toUpperCase() });
  const t = toHalfWidth(raw)
    .replace(/^\s*'/, '')
    .replace(/[\s\u00a0]+/g, '');
  if (UNKNOWN_TOKENS.has(t)) return { ok: true, value: null };
  if (DASH_TOKENS.test(t)) {
    return spec.dashes === 'unknown' ? { ok: true, value: null } : { ok: true, value: 0, dash: shown };
  }
  const m = TEXT_NUMBER.exec(t);
  if (!m) return problem('notNumber', { shown });
  const [, sign, digits, exponent = '', suffix] = m;
  if (digits.includes(',') && !GROUPED.test(digits)) return problem('notNumber', { shown });
  const plain = `${sign}${digits.replace(/,/g, '')}${exponent}`;
  if (suffix === '') return checkSign(Number(plain), shown, spec);
  if (suffix === '%') return checkSign(new Decimal(plain).div(100).toNumber(), shown, spec);
  const cellUnit = parseUnit(suffix);
  if (!cellUnit) return problem('notNumber', { shown });
  if (!spec.unit) return problem('unitMismatch', { shown, unit: suffix });
  const columnUnit = parseUnit(spec.unit);
  const same =
    columnUnit !== null &&
    columnUnit.symbol === cellUnit.symbol &&
    columnUnit.dimension === cellUnit.dimension &&
    columnUnit.factor === cellUnit.factor &&
    columnUnit.divisor === cellUnit.divisor;
  if (!same) return problem('unitMismatch', { shown, unit: suffix, columnUnit: spec.unit });
  return checkSign(Number(plain), shown, spec);
}
