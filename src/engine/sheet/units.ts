/** Converting a value written in a unit (万元, 万册, 亩) to the engine's base unit, exactly. */
import { convertUnit, parseUnit } from './cells';

/**
 * Converts a value in `unit` (万元, 千元, 百万元, 亿元, 元, 万册, 册, 平方米, ㎡, m², 亩, 公顷, in brackets of either width or not) to the
 * base unit exactly: 12.34 万元 → 123400 元, not 123399.99999999999; 3 亩 → 2000 ㎡. Unit text is read by the same parser as sheet
 * headers. Throws RangeError for text that is not a unit — check user text with `parseUnit` first.
 */
export function toBaseUnit(value: number, unit: string): number {
  const info = parseUnit(String(unit).replace(/^\s*[（(]\s*|\s*[）)]\s*$/g, ''));
  if (info === null) throw new RangeError(`Unknown unit: ${unit}`);
  return convertUnit(value, info.factor, info.divisor);
}
