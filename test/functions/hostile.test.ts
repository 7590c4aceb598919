// Hostile input to BALANCE.*: values too large for a double are #NUM! with a Chinese message, never NaN or Infinity.
import {
  COEF,
  COEFRAW,
  COMPOSITE,
  DIFFRATE,
  GAP,
  MEAN,
  PASS,
  PLAN,
  REPORT,
  SPLIT,
  STANDARD,
} from '../../src/functions/functions';
import { toExcelPrecision } from '../../src/functions/normalize';
import { installCustomFunctionsDouble, isDoubleError, thrownBy } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
const TOO_LARGE = '超出可计算的范围';

describe('text that is too large for a number is #NUM!, quoted as typed', () => {
  test('COMPOSITE of “1e999” names the cell and quotes the text', () => {
    expect(thrownBy(() => COMPOSITE(column([0.3, '1e999'])))).toEqual({
      code: '#NUM!',
      message: `第 2 个差异系数（第 2 行）：“1e999” 数值过大，${TOO_LARGE}`,
    });
  });

  test('MEAN of a “1e999” value names the row', () => {
    const error = thrownBy(() => MEAN([['1e999', 100]]));
    expect(error).toEqual({ code: '#NUM!', message: `第 1 个值（第 1 行）：“1e999” 数值过大，${TOO_LARGE}` });
  });

  test('GAP and SPLIT name the argument', () => {
    expect(thrownBy(() => GAP('体育运动场馆', '1e999', 100, '小学'))).toEqual({
      code: '#NUM!',
      message: `资源数：“1e999” 数值过大，${TOO_LARGE}`,
    });
    expect(thrownBy(() => SPLIT('1e999', 100, 100)).code).toBe('#NUM!');
  });

  test('DIFFRATE of a score “1e999” names the score', () => {
    expect(thrownBy(() => DIFFRATE(column([500, '1e999'])))).toEqual({
      code: '#NUM!',
      message: `第 2 个分数（第 2 行）：“1e999” 数值过大，${TOO_LARGE}`,
    });
  });
});

describe('results that overflow a double are #NUM! naming what overflowed', () => {
  test.each([
    [
      'MEAN',
      () =>
        MEAN([
          [1e308, 100],
          [1e308, 100],
        ]),
      '各校数值与学生数',
    ],
    [
      'COEF',
      () =>
        COEF([
          [1e308, 100],
          [1e307, 100],
        ]),
      '各校数值与学生数',
    ],
    [
      'COEF (students)',
      () =>
        COEF([
          [1, 1e308],
          [2, 1e308],
        ]),
      '各校数值与学生数',
    ],
    ['COEFRAW', () => COEFRAW(column([1e308, 1e308]), column([1, 1])), '资源数与学生数'],
    ['GAP', () => GAP('体育运动场馆', 0, 1e308, '小学'), '所需增加的资源数'],
  ])('%s', (_, call, what) => {
    const error = thrownBy(call);
    expect(error.code).toBe('#NUM!');
    expect(error.message).toMatch(/^数值过大：/);
    expect(error.message).toContain(what);
  });

  test('PLAN with students too many for a double is an error, not Infinity', () => {
    let result: unknown;
    try {
      result = PLAN(column([0, 0]), column([1e308, 1e308]), '体育运动场馆', '小学', 0.9);
    } catch (error) {
      expect(isDoubleError(error)).toBe(true);
      return;
    }
    for (const row of result as unknown[][]) for (const cell of row) expect(Number.isFinite(cell)).toBe(true);
  });

  test('REPORT never spills NaN or Infinity', () => {
    const table = [
      ['学校名称', '学段', '在校生数', '体育运动场馆面积'],
      ['甲小学', '小学', 1e308, 1e308],
      ['乙小学', '小学', 1e308, 1],
    ];
    const rows = REPORT(table);
    for (const row of rows) {
      for (const cell of row) {
        if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true);
      }
    }
  });

  test('the largest double still reads as itself (PASS compares it, not Infinity)', () => {
    expect(toExcelPrecision(Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(toExcelPrecision(-Number.MAX_VALUE)).toBe(-Number.MAX_VALUE);
    expect(PASS('体育运动场馆', Number.MAX_VALUE, '小学')).toBe(true);
    expect(PASS('体育运动场馆', '1.79769313486231E+308', '小学')).toBe(true);
  });
});

describe('stage names are own words only', () => {
  test.each([['constructor'], ['__proto__']])('STANDARD with stage “%s” is #VALUE! naming it', (stage) => {
    expect(thrownBy(() => STANDARD('体育运动场馆', stage))).toEqual({
      code: '#VALUE!',
      message: `无法识别的学段“${stage}”：请填写 小学、初中、primary 或 junior`,
    });
  });
});

describe('REPORT cells', () => {
  test('a county mean that is not finite becomes #NUM! naming the column', () => {
    const table = [
      ['学校名称', '学段', '在校生数', '体育运动场馆面积'],
      ['甲小学', '小学', 1, 1.7e308],
      ['乙小学', '小学', 1, 1.7e308],
    ];
    const sports = REPORT(table).find((r) => r[1] === '生均体育运动场馆面积') as unknown[];
    expect(sports[2]).toMatchObject({ code: '#NUM!', message: expect.stringMatching(/^数值过大：县均值/) });
  });
});

test('MEAN of values whose squares overflow is still the mean; only the CV needs the squares', () => {
  expect(
    MEAN([
      [1e200, 1],
      [0, 1],
    ]),
  ).toBe(5e199);
  expect(
    thrownBy(() =>
      COEF([
        [1e200, 1],
        [0, 1],
      ]),
    ).code,
  ).toBe('#NUM!');
});
