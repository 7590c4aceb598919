/** Text as bureau workbooks write it: half-width forms, and what a school's name says (stage, kind, total rows). */
import type { SchoolKind, Stage } from './types';

/**
 * Full-width ASCII (Ｕ+FF01…FF5E, as typed by Chinese IMEs) and the ideographic space to their half-width forms,
 * so that “１２３．５” and “（万元）” read like "123.5" and "(万元)".
 */
export function toHalfWidth(text: string): string {
  if (!/[\u2212\u3000\uff01-\uff5e]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (ch === '\u2212') out += '-';
    else out += ch;
  }
  return out;
}

const ALREADY_COMPACT = /^[\u4e00-\u9fff0-9a-z]*$/;

/** Compact form for comparing texts: half-width, no spaces, no brackets or punctuation, lower case. */
export function compactText(text: string): string {
  // Ideographs, digits and lower-case Latin only (most school names): nothing to change.
  if (ALREADY_COMPACT.test(text)) return text;
  return toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/[()（）【】[\]、,，.。:：;；·'"“”‘’/\\\-—_*]/g, '')
    .toLowerCase();
}

const TOTAL_WORDS = /合计|总计|小计|汇总|平均/;
const TOTAL_PREFIXES = /^(全县|全区|全市|全旗|其中)/;

/**
 * Texts of totals and subtotals (合计, 总计, 小计, 汇总, 平均; 全县…, 全区…, 全市…, 全旗…, 其中…): such rows are
 * never schools, whether the word stands in the name or in a cell before it (序号).
 */
export function isTotalName(text: string): boolean {
  const raw = String(text ?? '');
  // Every total word holds 计, 全, 平, 汇 or 其: most names are settled by one scan, without a regular expression.
  let marked = false;
  for (let i = 0; i < raw.length && !marked; i++) {
    const c = raw.charCodeAt(i);
    marked = c === 0x8ba1 || c === 0x5168 || c === 0x5e73 || c === 0x6c47 || c === 0x5176;
  }
  if (!marked) return false;
  const t = compactText(raw);
  return TOTAL_WORDS.test(t) || TOTAL_PREFIXES.test(t);
}

/** 小学部 / 初中部 (中学部) in a name says which stage part a combined school's row holds. */
export function stageFromName(name: string): Stage | null {
  if (/小学部/.test(name)) return 'primary';
  if (/初中部|中学部/.test(name)) return 'junior';
  return null;
}

/** A combined school's name without its stage suffix, so its 小学部 and 初中部 rows group together. */
export function schoolBaseName(name: string): string {
  return name.replace(/[（(【[\-—_\s]*(小学部|初中部|中学部|小学|初中)[）)】\]]?\s*$/, '').trim();
}

/** Kind from the end of a school's name (城关第一小学, 明德学校（初中部）, 王庄教学点); null when it says nothing. */
export function kindFromName(name: string): SchoolKind | null {
  const t = compactText(name);
  if (/特殊教育|特教|培智|启智|聋哑|聋校|盲校/.test(t)) return 'special';
  if (/十二年一贯制|十二年制/.test(t)) return 'twelveYear';
  if (/九年一贯制|九年制/.test(t)) return 'nineYear';
  if (/完全中学/.test(t)) return 'completeMiddle';
  if (/教学点$/.test(t)) return 'teachingPoint';
  if (/小学(部|校区)?$/.test(t)) return 'primary';
  if (/(初中|初级中学|中学)(部|校区)?$/.test(t) && !/高级中学$/.test(t)) return 'junior';
  return null;
}
