/** Number formats per cell format, from styles.xml: what Balance needs to tell dates and percentages from numbers. */
import { attribute, decodeEntities, nextTag } from '../package/xml';

/** Excel's built-in number formats (ECMA-376 §18.8.30), the ones a file names by id only. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** Ids that East Asian Excel shows as dates or times whatever their (absent) code says. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export interface CellFormats {
  /** Number format code of cell format `s` ('General' when none). */
  format(s: number): string;
  isDate(s: number): boolean;
}

export function readCellFormats(xml: string | undefined): CellFormats {
  const custom = new Map<number, string>();
  const xfFormat: number[] = [];
  if (xml) {
    let inCellXfs = false;
    for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
      if (tag.name === 'numFmt' && !tag.close) {
        const id = Number(attribute(xml, tag, 'numFmtId'));
        const code = attribute(xml, tag, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, decodeEntities(code));
      } else if (tag.name === 'cellXfs') {
        if (tag.close) break;
        inCellXfs = !tag.selfClosing;
      } else if (inCellXfs && tag.name === 'xf' && !tag.close) {
        xfFormat.push(Number(attribute(xml, tag, 'numFmtId') ?? 0) || 0);
      }
    }
  }
  const dates = new Map<number, boolean>();
  const codeOf = (id: number): string => custom.get(id) ?? BUILT_IN[id] ?? 'General';
  return {
    format: (s) => codeOf(xfFormat[s] ?? 0),
    isDate(s) {
      const id = xfFormat[s] ?? 0;
      let known = dates.get(id);
      if (known === undefined) {
        known = custom.has(id) ? isDateFormat(codeOf(id)) : BUILT_IN_DATES.has(id);
        dates.set(id, known);
      }
      return known;
    },
  };
}

/** A format shows a date or time when, outside quotes, escapes and [colour]/[$-locale] brackets, it has d m y h s. */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/General/i.test(bare)) return false;
  return /[dmyhs年月日时分秒]/i.test(bare.replace(/E\+|E-/g, ''));
}
