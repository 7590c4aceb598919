/** zh-CN display of engine numbers and reasons stated against the per-school rule ("6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线"). */
import Decimal from 'decimal.js';
import { INDICATORS } from './indicators';
import type { IndicatorVerdict } from './types';

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = '';
  const head = digits.length % 3;
  if (head > 0) out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += (out ? ',' : '') + digits.slice(i, i + 3);
  return out;
}

/** "0" … "999", and "000" … "999" for the groups after a comma, each made on first use. */
const UNDER_1000: (string | undefined)[] = new Array(1000);
const GROUPS: (string | undefined)[] = new Array(1000);

/** A non-negative integer below 2^31 with thousands separators, from the texts of its groups: 1234567 → "1,234,567". */
function groupedInt(int: number): string {
  if (int < 1000) return (UNDER_1000[int] ??= String(int));
  if (int < 1e6) {
    const head = Math.floor(int / 1000);
    const group = int % 1000;
    return (UNDER_1000[head] ??= String(head)) + ',' + (GROUPS[group] ??= String(group).padStart(3, '0'));
  }
  return groupThousands(String(int));
}

/** ".05", ".5" … for 1 to 99 hundredths, ".1" … ".9" for tenths (decimals without trailing zeros), made on first use. */
const HUNDREDTHS: (string | undefined)[] = new Array(100);
const TENTHS: (string | undefined)[] = new Array(10);

/** The decimals of `frac` (1 … 10^decimals − 1) at 1 or 2 decimals, trailing zeros dropped. */
function fractionText(frac: number, decimals: number): string {
  if (decimals === 1) return (TENTHS[frac] ??= '.' + String(frac));
  return (HUNDREDTHS[frac] ??=
    frac % 10 === 0 ? '.' + String(frac / 10) : (frac < 10 ? '.0' : '.') + String(frac));
}

/** Integers below this are small integers to V8 (their text is made without the double-to-text algorithm). */
const SMALL_INT = 2 ** 31 - 1;

/** A number with thousands separators and at most `maxDecimals` decimals, trailing zeros dropped: 1220.5 → "1,220.5". */
export function formatNumber(value: number, maxDecimals: number = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const scale = 10 ** maxDecimals;
  const scaled = Math.round(abs * scale);
  if (!(scaled < Number.MAX_SAFE_INTEGER)) return (value < 0 ? '-' : '') + abs.toFixed(0);
  const sign = value < 0 && scaled > 0 ? '-' : '';
  if (scaled < SMALL_INT * scale && maxDecimals >= 0 && maxDecimals <= 6 && Number.isInteger(maxDecimals)) {
    // Integer part and decimals as small integers: their texts are cheap, a double's shortest text is not.
    const int = Math.floor(scaled / scale);
    const head = groupedInt(int);
    let frac = scaled - int * scale;
    if (frac === 0) return sign + head;
    if (maxDecimals <= 2) return sign + head + fractionText(frac, maxDecimals);
    let digits = maxDecimals;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    const fracText = String(frac);
    const pad = digits - fracText.length;
    return sign + head + '.' + (pad > 0 ? '0'.repeat(pad) + fracText : fracText);
  }
  if (scaled < 1e15 && maxDecimals >= 0 && maxDecimals <= 6 && Number.isInteger(maxDecimals)) {
    // scaled / 10^d is the double nearest the decimal of at most 15 digits, so its shortest text is that decimal,
    // trailing zeros dropped and without an exponent (≥ 1e-6, < 1e15): one conversion instead of two and a pad.
    const text = String(scaled / scale);
    const dot = text.indexOf('.');
    if (dot < 0) return sign + (text.length > 3 ? groupThousands(text) : text);
    return sign + (dot > 3 ? groupThousands(text.slice(0, dot)) + text.slice(dot) : text);
  }
  const int = Math.floor(scaled / scale);
  let frac = scaled - int * scale;
  let digits = maxDecimals;
  while (digits > 0 && frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const intText = String(int);
  const fracText = digits > 0 ? '.' + String(frac).padStart(digits, '0') : '';
  return sign + (intText.length > 3 ? groupThousands(intText) : intText) + fracText;
}

/** A share as a percentage rounded half-up to one decimal, trailing zero dropped: 0.84 → "84%", 4/4.5 → "88.9%". */
export function formatPercent(share: number): string {
  return formatNumber(share * 100, 1) + '%';
}

/**
 * A share known to be below `floor` (decided exactly elsewhere), rounded to `decimals` when that stays below the
 * floor, else with as many more decimals as it takes not to read as the floor: 0.84 → "84%", 0.8499 → "84.99%"
 * under 85%; 0.9999995 under 100% with one decimal → "99.99995%", never "100%".
 */
export function formatPercentBelow(share: number, floor: number, decimals: number = 0): string {
  const limit = floor * 100;
  for (let d = decimals; d <= 6; d++) {
    const scale = 10 ** d;
    const shown = Math.round(share * 100 * scale) / scale;
    if (shown < limit - 1e-9) return formatNumber(shown, d) + '%';
  }
  return formatNumber(Math.floor(share * 1e8) / 1e6, 6) + '%';
}

/** 师生比 as staff write it, students per teacher to one decimal: 0.0511 → "1:19.6"; "—" when there are no teachers. */
export function formatTeacherRatio(teachersPerStudent: number): string {
  if (!(teachersPerStudent > 0) || !Number.isFinite(teachersPerStudent)) return '—';
  return `1:${(1 / teachersPerStudent).toFixed(1)}`;
}

/** The unit a resource column is written in, when it is not the base unit: 万元 with factor 10000. */
export interface ResourceUnit {
  /** As in the header, e.g. 万元. */
  unit: string;
  /** Base units per one of this unit. */
  factor: number;
}

/** Resource field → the unit of its column, for amounts in notes and reports (the engine's values stay in base units). */
export type ResourceUnits = Partial<Record<string, ResourceUnit>>;

/** The column unit money amounts of `field` are shown in, or undefined for the base unit. */
export function moneyUnitOf(
  field: string | undefined,
  units: ResourceUnits | undefined,
): ResourceUnit | undefined {
  if (field === undefined || units === undefined) return undefined;
  const u = Object.prototype.hasOwnProperty.call(units, field) ? units[field] : undefined;
  return u !== undefined && u.factor !== 1 && u.factor > 0 ? u : undefined;
}

/** An amount of money in a column unit, rounded up to 2 decimals so that adding it is enough: 260000 元 in 万元 → 26. */
export function inColumnUnit(amount: number, unit: ResourceUnit): number {
  return new Decimal(amount).div(unit.factor).toDecimalPlaces(2, Decimal.ROUND_CEIL).toNumber();
}

/**
 * A raw-resource amount of an indicator as staff write it: money in its column's unit with 2 decimals ("26.00万元"),
 * anything else in the base unit ("18.75㎡", "3人").
 */
export function formatAmount(verdict: IndicatorVerdict, amount: number, units?: ResourceUnits): string {
  const meta = INDICATORS[verdict.indicator];
  const money = meta.unit === '元' ? moneyUnitOf(verdict.resourceField, units) : undefined;
  return amountInUnit(amount, meta.unit, money);
}

/** An amount in base units as text: in `column`'s unit with 2 decimals when given ("26.00万元"), else "18.75㎡". */
export function amountInUnit(amount: number, baseUnit: string, column: ResourceUnit | undefined): string {
  if (column === undefined) return `${formatNumber(amount)}${baseUnit}`;
  const shown = inColumnUnit(amount, column);
  const [int, frac] = shown.toFixed(2).split('.');
  return `${groupThousands(int)}.${frac}${column.unit}`;
}

/** The value with enough decimals (2 to 6) not to print the same text as the standard it misses. */
function distinctValue(value: number, standard: number): string {
  const text = formatNumber(value, 2);
  if (Math.round(value * 100) !== Math.round(standard * 100)) return text;
  for (let d = 3; d < 6; d++) {
    const scale = 10 ** d;
    if (Math.round(value * scale) !== Math.round(standard * scale)) return formatNumber(value, d);
  }
  return formatNumber(value, 6);
}

/** Where the school stands under the k-of-n rule, for saying when reaching the floor is all it takes. */
export interface SchoolStanding {
  met: number;
  k: number;
  /** Unmet indicators below r × standard. */
  belowFloor: number;
}

export interface ReasonOptions {
  units?: ResourceUnits;
  school?: SchoolStanding;
}

/** The share of the standard, never shown at the floor when below it, nor at 100% when below the standard. */
export function formatShareOfStandard(verdict: IndicatorVerdict, ratio: number): string {
  if (verdict.withinAllowance === false && verdict.floorShare !== undefined)
    return formatPercentBelow(ratio, verdict.floorShare);
  return verdict.pass === false ? formatPercentBelow(ratio, 1, 1) : formatPercent(ratio);
}

/** Texts of the few numbers every reason line repeats (a profile's standards, its floor share), by value. */
const STANDARD_TEXTS = new Map<number, string>();
const PERCENT_TEXTS = new Map<number, string>();
const REPEATED_TEXTS_KEPT = 500;

function remembered(cache: Map<number, string>, value: number, format: (v: number) => string): string {
  const known = cache.get(value);
  if (known !== undefined) return known;
  const text = format(value);
  if (cache.size >= REPEATED_TEXTS_KEPT) cache.clear();
  cache.set(value, text);
  return text;
}

/** formatNumber(standard, 6), remembered. */
const standardText = (standard: number): string =>
  remembered(STANDARD_TEXTS, standard, (v) => formatNumber(v, 6));
/** formatPercent(share) of a profile's floor share, remembered. */
const floorText = (share: number): string => remembered(PERCENT_TEXTS, share, formatPercent);

/** "生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%）". */
function belowStandard(verdict: IndicatorVerdict & { value: number; standard: number }): string {
  const meta = INDICATORS[verdict.indicator];
  const u = meta.valueUnit;
  const ratio = verdict.ratio ?? verdict.value / verdict.standard;
  return (
    `${meta.name} ${distinctValue(verdict.value, verdict.standard)}${u} < 标准 ${standardText(verdict.standard)}${u}` +
    `（${formatShareOfStandard(verdict, ratio)}）`
  );
}

/**
 * One line for an unmet indicator, both amounts when the rule has a floor: "生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡
 * （84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准". Within the allowance it says so;
 * without a rule it gives the amount to the standard. A missing value reads "…：缺少数据".
 */
export function formatIndicatorReason(verdict: IndicatorVerdict, options: ReasonOptions = {}): string {
  const meta = INDICATORS[verdict.indicator];
  if (verdict.value === null) return `${meta.name}：缺少数据`;
  if (verdict.standard === null) return `${meta.name} ${formatNumber(verdict.value)}${meta.valueUnit}`;
  const head = belowStandard(verdict as IndicatorVerdict & { value: number; standard: number });
  const gap =
    verdict.gap !== null && verdict.gap > 0 ? formatAmount(verdict, verdict.gap, options.units) : null;
  if (verdict.floorShare === undefined || verdict.withinAllowance === undefined) {
    return gap === null ? head : `${head}，需增加 ${gap}`;
  }
  const floor = floorText(verdict.floorShare);
  const toStandard = gap === null ? '' : `增加 ${gap} 达到标准`;
  if (verdict.withinAllowance) return `${head}，在 ${floor} 允许范围内${toStandard ? '；' + toStandard : ''}`;
  const s = options.school;
  const decides = s !== undefined && s.met >= s.k && s.belowFloor === 1;
  const toFloor =
    verdict.floorGap !== undefined && verdict.floorGap > 0
      ? `增加 ${formatAmount(verdict, verdict.floorGap, options.units)} 达到底线${decides ? '即可使学校达标' : ''}`
      : '';
  const both = toFloor !== '' && toStandard !== '' ? `${toFloor}，${toStandard}` : toFloor + toStandard;
  return `${head}，低于 ${floor} 底线：${both}`;
}

/**
 * The note of a below-standard cell of a school that passes: "生均体育运动场馆面积 6.5㎡ < 标准 7.5㎡（86.7%）：
 * 低于标准但在 85% 允许范围内，学校仍达标；增加 250㎡ 达到标准".
 */
export function formatAllowanceNote(verdict: IndicatorVerdict, options: ReasonOptions = {}): string {
  if (verdict.value === null || verdict.standard === null) return formatIndicatorReason(verdict, options);
  const head = belowStandard(verdict as IndicatorVerdict & { value: number; standard: number });
  const floor = verdict.floorShare !== undefined ? ` ${formatPercent(verdict.floorShare)} ` : '';
  const gap =
    verdict.gap !== null && verdict.gap > 0
      ? `；增加 ${formatAmount(verdict, verdict.gap, options.units)} 达到标准`
      : '';
  return `${head}：低于标准但在${floor}允许范围内，学校仍达标${gap}`;
}

/**
 * The rule a failing school breaks, in its own terms: "仅 5 项达标，少于 6 项", or "6 项达标；生均体育运动场馆面积仅为
 * 标准的 84%，低于 85% 底线". Null when the school's indicators do not show why (missing data, no floor).
 */
export function formatRuleReason(
  indicators: readonly IndicatorVerdict[],
  met: number,
  rule: { k: number; r: number },
): string | null {
  if (met < rule.k) return `仅 ${met} 项达标，少于 ${rule.k} 项`;
  const below = indicators.filter(
    (v) => v.pass === false && v.withinAllowance === false && v.value !== null && v.standard !== null,
  );
  if (below.length === 0) return null;
  const parts = below.map((v) => {
    const ratio = v.ratio ?? (v.value as number) / (v.standard as number);
    return `${INDICATORS[v.indicator].name}仅为标准的 ${formatPercentBelow(ratio, rule.r)}`;
  });
  return `${met} 项达标；${parts.join('，')}，低于 ${formatPercent(rule.r)} 底线`;
}
