/** zh-CN display of engine numbers and one-line reasons ("生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡"). */
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

/** A number with thousands separators and at most `maxDecimals` decimals, trailing zeros dropped: 1220.5 → "1,220.5". */
export function formatNumber(value: number, maxDecimals: number = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const scale = 10 ** maxDecimals;
  const scaled = Math.round(abs * scale);
  if (!(scaled < Number.MAX_SAFE_INTEGER)) return (value < 0 ? '-' : '') + abs.toFixed(0);
  const int = Math.floor(scaled / scale);
  let frac = scaled - int * scale;
  let digits = maxDecimals;
  while (digits > 0 && frac % 10 === 0) {
    frac /= 10;
    digits--;
  }
  const intText = String(int);
  const fracText = digits > 0 ? '.' + String(frac).padStart(digits, '0') : '';
  const sign = value < 0 && scaled > 0 ? '-' : '';
  return sign + (intText.length > 3 ? groupThousands(intText) : intText) + fracText;
}

/**
 * A share as a percentage, truncated (never rounded up) to one decimal, so 84.96% shows as 84.9% and is not
 * mistaken for the 85% floor: 0.84 → "84%", 0.8667 → "86.6%". The 1e-9 slack absorbs binary noise (0.85 → 85%).
 */
export function formatPercent(share: number): string {
  const tenths = Math.floor(share * 1000 + 1e-6);
  return formatNumber(tenths / 10, 1) + '%';
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

/**
 * One line for an unmet indicator: "生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡".
 * A missing value reads "…：缺少数据".
 */
export function formatIndicatorReason(verdict: IndicatorVerdict): string {
  const meta = INDICATORS[verdict.indicator];
  if (verdict.value === null) return `${meta.name}：缺少数据`;
  if (verdict.standard === null) return `${meta.name} ${formatNumber(verdict.value)}${meta.valueUnit}`;
  const u = meta.valueUnit;
  const ratio = verdict.ratio ?? verdict.value / verdict.standard;
  const gap =
    verdict.gap !== null && verdict.gap > 0 ? `，需增加 ${formatNumber(verdict.gap)}${meta.unit}` : '';
  return (
    `${meta.name} ${distinctValue(verdict.value, verdict.standard)}${u} < 标准 ${formatNumber(verdict.standard, 6)}${u}` +
    `（${formatPercent(ratio)}）${gap}`
  );
}
