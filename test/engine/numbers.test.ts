// Cell number parsing (spec §8: numbers stored as text, "—" or "/" for none, units in cells) and cell addressing.
import { convertUnit, isDateFormat, parseCellNumber, parseUnit } from '../../src/engine/sheet/cells';
import { cellAddress, columnLetter } from '../../src/engine/model/addresses';
import { toHalfWidth } from '../../src/engine/model/text';
import type { CellContext } from '../../src/engine/sheet/cells';
import type { CellValue } from '../../src/engine/sheet/grid';
import fc from 'fast-check';

const ctx: CellContext = {
  sheet: '学校数据',
  row: 12,
  column: 5,
  field: 'sportsArea',
  label: '体育运动场馆面积',
};

function value(v: CellValue | undefined, extra: Partial<CellContext> = {}): number | null {
  const r = parseCellNumber(v, { ...ctx, ...extra });
  if (!r.ok) throw new Error(`expected a number for ${String(v)}, got ${r.issue.message}`);
  return r.value;
}

function issue(v: CellValue | undefined, extra: Partial<CellContext> = {}) {
  const r = parseCellNumber(v, { ...ctx, ...extra });
  if (r.ok) throw new Error(`expected an issue for ${String(v)}, got ${String(r.value)}`);
  return r.issue;
}

describe('columnLetter and cellAddress', () => {
  test.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'],
  ])('column %i is %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });

  test('cellAddress joins letter and 1-based row', () => {
    expect(cellAddress(12, 5)).toBe('F12');
    expect(cellAddress(1, 26)).toBe('AA1');
  });

  test('a negative or fractional column is a programmer error', () => {
    expect(() => columnLetter(-1)).toThrow();
    expect(() => columnLetter(1.5)).toThrow();
  });
});

describe('toHalfWidth', () => {
  test('full-width digits, letters, signs and the ideographic space become ASCII', () => {
    expect(toHalfWidth('１２３．５　ＡＢｍ２（％）－＋，')).toBe('123.5 ABm2(%)-+,');
  });
});

describe('parseCellNumber: numbers as Excel gives them', () => {
  test.each([
    [120, 120],
    [0, 0],
    [12.34, 12.34],
    [1e-7, 1e-7],
  ])('number %p is read as %p', (v, expected) => {
    expect(value(v)).toBe(expected);
  });

  test('NaN and Infinity are not numbers', () => {
    expect(issue(NaN).code).toBe('notNumber');
    expect(issue(Infinity).code).toBe('notNumber');
  });
});

describe('parseCellNumber: blank and unknown are null, never 0 (spec §8: a blank, 不详, … or ? is unknown)', () => {
  test.each([[null], [undefined], [''], ['   '], ['\u3000'], ['不详'], ['…'], ['……'], ['?'], ['？']])(
    '%p is unknown',
    (v) => {
      expect(value(v)).toBeNull();
    },
  );
});

describe('parseCellNumber: spec §8 "—", "–", "-", "——", "/" and "无" mean none (0)', () => {
  test.each([['—'], ['——'], ['–'], ['-'], ['－'], ['/'], ['／'], ['无'], [' — ']])(
    '%p is 0, marked as a dash',
    (v) => {
      const r = parseCellNumber(v, ctx);
      expect(r).toEqual({ ok: true, value: 0, dash: String(v).trim() });
    },
  );

  test('a profile switch reads them as unknown instead', () => {
    for (const v of ['—', '/', '无', '-'])
      expect(parseCellNumber(v, { ...ctx, dashes: 'unknown' })).toEqual({ ok: true, value: null });
  });

  test('a number or a blank carries no dash mark', () => {
    expect(parseCellNumber('0', ctx)).toEqual({ ok: true, value: 0 });
    expect(parseCellNumber('', ctx)).toEqual({ ok: true, value: null });
  });
});

describe('parseCellNumber: numbers stored as text (spec §8)', () => {
  test.each([
    ['120', 120],
    [' 120 ', 120],
    ['1,234.5', 1234.5],
    ['1，234', 1234],
    ['12,345,678', 12345678],
    ['１２３．５', 123.5],
    ['1 234', 1234],
    ['+7', 7],
    ['.5', 0.5],
    ['3.', 3],
    ['1.5e3', 1500],
    ["'300", 300],
    ['0.1', 0.1],
  ])('text %p is read as %p', (v, expected) => {
    expect(value(v)).toBe(expected);
  });

  test('full-width minus with negatives allowed', () => {
    expect(value('－５', { allowNegative: true })).toBe(-5);
  });

  test('text numbers convert to the nearest double of the exact decimal', () => {
    expect(value('0.3')).toBe(0.3);
    expect(value('4.2')).toBe(4.2);
    expect(value('123456789.123456789')).toBe(Number('123456789.123456789'));
    expect(value('1,234,567.8901')).toBe(1234567.8901);
  });

  test.each([['1,5'], ['12,34'], ['1,2345'], ['1.234,5'], ['1..2'], ['1-2'], ['e5']])(
    'badly grouped or malformed %p is not a number',
    (v) => {
      expect(issue(v).code).toBe('notNumber');
    },
  );

  test('the message names sheet, row, column letter and field label, quoting the cell', () => {
    const i = issue('约300');
    expect(i.message).toBe('「学校数据」第 12 行 F 列（体育运动场馆面积）：“约300” 不是数字');
    expect(i).toMatchObject({
      sheet: '学校数据',
      row: 12,
      column: 'F',
      field: 'sportsArea',
      severity: 'error',
    });
  });

  test('without a sheet name the message starts at the row', () => {
    const r = parseCellNumber('abc', { row: 3, column: 0, field: 'students', label: '在校生数' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message).toBe('第 3 行 A 列（在校生数）：“abc” 不是数字');
  });
});

describe('parseCellNumber: text too large for a number is an issue quoting the text as typed', () => {
  test.each([['1e999'], ['-1e999'], ['1e999%'], ['9'.repeat(400)], ['1,000e400']])('%p', (v) => {
    const i = issue(v, { allowNegative: true });
    expect(i.code).toBe('tooLarge');
    expect(i.message).toBe(
      `「学校数据」第 12 行 F 列（体育运动场馆面积）：“${v}” 数值过大，超出可计算的范围`,
    );
    expect(i.message).not.toMatch(/Infinity|NaN/);
  });

  test('1e308 itself is still a number', () => {
    expect(value('1e308')).toBe(1e308);
  });
});

describe('parseCellNumber: percent strings', () => {
  test.each([
    ['85%', 0.85],
    ['85％', 0.85],
    ['100%', 1],
    ['12.5 %', 0.125],
    ['0.1%', 0.001],
  ])('%p is %p', (v, expected) => {
    expect(value(v)).toBe(expected);
  });
});

describe('parseCellNumber: a unit in the cell is accepted only when it is the column unit', () => {
  test('“120人” in a column counted in 人', () => {
    expect(value('120人', { unit: '人' })).toBe(120);
  });
  test('“120 名” in a column counted in 人 (名 is the same unit)', () => {
    expect(value('120 名', { unit: '人' })).toBe(120);
  });
  test('“300平方米” and “300㎡” and “300m2” in a ㎡ column', () => {
    expect(value('300平方米', { unit: '㎡' })).toBe(300);
    expect(value('300㎡', { unit: '平方米' })).toBe(300);
    expect(value('300 m²', { unit: '㎡' })).toBe(300);
    expect(value('300M2', { unit: '㎡' })).toBe(300);
  });
  test('“12.34万元” in a 万元 column stays in the column unit', () => {
    expect(value('12.34万元', { unit: '万元' })).toBe(12.34);
  });
  test('“123400元” in a 万元 column is ambiguous and is an issue', () => {
    const i = issue('123400元', { unit: '万元' });
    expect(i.code).toBe('unitMismatch');
    expect(i.message).toContain('万元');
  });
  test('“120人” when the column has no known unit is an issue', () => {
    expect(issue('120人').code).toBe('unitMismatch');
  });
  test('words around a number are not units', () => {
    expect(issue('300左右', { unit: '㎡' }).code).toBe('notNumber');
    expect(issue('约300', { unit: '㎡' }).code).toBe('notNumber');
    expect(issue('>300', { unit: '㎡' }).code).toBe('notNumber');
  });
});

describe('parseCellNumber: formula errors, booleans, dates', () => {
  test.each([['#N/A'], ['#DIV/0!'], ['#VALUE!'], ['#REF!'], ['#NAME?'], ['#NUM!'], ['#NULL!'], ['#SPILL!']])(
    '%p is a formulaError',
    (v) => {
      const i = issue(v);
      expect(i.code).toBe('formulaError');
      expect(i.message).toContain(v);
      expect(i.message).toContain('公式错误');
    },
  );

  test('error, formula and rich-text cells as the hosts hand them over (error code, cached result, joined runs)', () => {
    expect(issue('#N/A').code).toBe('formulaError');
    expect(value(42)).toBe(42);
    expect(issue('#DIV/0!').code).toBe('formulaError');
    expect(value('1,2' + '00')).toBe(1200);
  });

  test('booleans are not numbers', () => {
    const i = issue(true);
    expect(i.code).toBe('notNumber');
    expect(i.message).toContain('TRUE');
  });

  test('dates are not numbers', () => {
    const i = issue(new Date(2024, 2, 5));
    expect(i.code).toBe('notNumber');
    expect(i.message).toContain('日期');
  });

  test('a number shown with a date format was probably turned into a date by Excel', () => {
    const i = issue(45356, { numberFormat: 'yyyy/m/d' });
    expect(i.code).toBe('notNumber');
    expect(i.message).toContain('日期');
    expect(value(45356, { numberFormat: '#,##0.00' })).toBe(45356);
  });
});

describe('parseCellNumber: negative counts', () => {
  test('a negative count is an issue "negative"', () => {
    const i = issue(-3);
    expect(i.code).toBe('negative');
    expect(i.message).toContain('负数');
    expect(issue('-3').code).toBe('negative');
  });
  test('a negative number is accepted when the caller allows it', () => {
    expect(value(-3, { allowNegative: true })).toBe(-3);
  });
});

describe('isDateFormat', () => {
  test.each([
    ['yyyy/m/d', true],
    ['m/d', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-804]aaaa', true],
    ['h:mm', true],
    ['General', false],
    ['0.00', false],
    ['#,##0"元"', false],
    ['0.00E+00', false],
    ['[Red]0.0', false],
    ['@', false],
  ])('%p → %p', (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});

describe('parseUnit', () => {
  test.each([
    ['万元', { symbol: '元', dimension: 'money', factor: 10000 }],
    ['千元', { symbol: '元', dimension: 'money', factor: 1000 }],
    ['元', { symbol: '元', dimension: 'money', factor: 1 }],
    ['万册', { symbol: '册', dimension: 'books', factor: 10000 }],
    ['册', { symbol: '册', dimension: 'books', factor: 1 }],
    ['台', { symbol: '台', dimension: 'computers', factor: 1 }],
    ['间', { symbol: '间', dimension: 'rooms', factor: 1 }],
    ['人', { symbol: '人', dimension: 'people', factor: 1 }],
    ['㎡', { symbol: '㎡', dimension: 'area', factor: 1 }],
    ['平方米', { symbol: '㎡', dimension: 'area', factor: 1 }],
    ['m2', { symbol: '㎡', dimension: 'area', factor: 1 }],
    ['M²', { symbol: '㎡', dimension: 'area', factor: 1 }],
    ['单位：万元', { symbol: '元', dimension: 'money', factor: 10000 }],
    ['㎡/生', { symbol: '㎡', dimension: 'area', factor: 1 }],
    ['元/生', { symbol: '元', dimension: 'money', factor: 1 }],
    ['百万元', { symbol: '元', dimension: 'money', factor: 1000000 }],
    ['亿元', { symbol: '元', dimension: 'money', factor: 100000000 }],
    ['亩', { symbol: '㎡', dimension: 'area', factor: 10000, divisor: 15 }],
    ['公顷', { symbol: '㎡', dimension: 'area', factor: 10000 }],
  ])('%p', (text, expected) => {
    expect(parseUnit(text)).toEqual(expected);
  });

  test.each([['馆'], ['含体育'], ['小学/初中'], [''], ['万'], ['美元'], ['套']])(
    '%p is not a unit',
    (text) => {
      expect(parseUnit(text)).toBeNull();
    },
  );
});

describe('convertUnit: spec §8 units to base units, exactly', () => {
  test.each([
    [3, 10000, 15, 2000],
    [1.5, 10000, 15, 1000],
    [0.01125, 10000, 15, 7.5],
    [2.5, 10000, 1, 25000],
    [1.1, 10000, 1, 11000],
    [4.26, 1000000, 1, 4260000],
    [0.0426, 100000000, 1, 4260000],
  ])('%p × %p ÷ %p = %p', (v, factor, divisor, expected) => {
    expect(convertUnit(v, factor, divisor)).toBe(expected);
  });

  test('1 亩 is the double nearest 10000/15 ㎡', () => {
    expect(convertUnit(1, 10000, 15)).toBe(10000 / 15);
  });
});

describe('parseCellNumber: properties', () => {
  const toFullWidth = (t: string) =>
    t.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

  test('a number written with thousands separators, in either width, reads as the number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const text = `${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
          const expected = Number(`${whole}.${String(cents).padStart(2, '0')}`);
          expect(value(text)).toBe(expected);
          expect(value(toFullWidth(text))).toBe(expected);
        },
      ),
    );
  });

  test('a finite non-negative number cell reads as itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => {
        expect(value(x)).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});
