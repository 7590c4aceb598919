// Excel's inputs to the BALANCE.* functions: precision, shapes, positions in messages, blanks as null or 0.
import { COEF } from '../../src/functions/functions';
import { cellsOf, numberArg, toExcelPrecision, weightedPairs } from '../../src/functions/normalize';
import { installCustomFunctionsDouble, thrownBy } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

describe('toExcelPrecision — a number as Excel shows it (15 significant digits)', () => {
  test('=9/1000*100 (0.8999999999999999 in binary) reads as 0.9; 0.1+0.2 as 0.3', () => {
    expect(toExcelPrecision((9 / 1000) * 100)).toBe(0.9);
    expect(toExcelPrecision(0.1 + 0.2)).toBe(0.3);
  });

  test('anything a user can type (15 digits) is unchanged', () => {
    for (const x of [0, 4.2, 7.49, 0.899999999999999, 123456789012345, 1e-20])
      expect(toExcelPrecision(x)).toBe(x);
  });
});

describe('positions named in messages', () => {
  test('a column names rows, a row names columns, a block names both', () => {
    expect(cellsOf([[1], [2], [3]]).place(2)).toBe('第 3 行');
    expect(cellsOf([[1, 2, 3]]).place(2)).toBe('第 3 列');
    expect(
      cellsOf([
        [1, 2],
        [3, 4],
      ]).place(3),
    ).toBe('第 2 行第 2 列');
  });

  test('values given as a row are named by column: “第 2 个值（第 2 列）”', () => {
    expect(thrownBy(() => COEF([[6.2, 'x']], [[45, 37]])).message).toBe('第 2 个值（第 2 列）：“x” 不是数字');
  });
});

describe('pairs of (value, students)', () => {
  test('amounts are Xᵢ·Pᵢ, schools with 0 students are left out, blank pairs skipped', () => {
    const pairs = weightedPairs(
      [
        [2.5, 800],
        [null, null],
        [9, 0],
        ['1.5', '200'],
      ],
      undefined,
      'COEF',
    );
    expect(pairs.count).toBe(2);
    expect(Array.from(pairs.amounts.subarray(0, 2))).toEqual([2000, 300]);
    expect(Array.from(pairs.students.subarray(0, 2))).toEqual([800, 200]);
  });

  test('reused columns: a long range, then a short one, then the long one again give their own results', () => {
    const long = Array.from({ length: 5000 }, (_, i) => [1 + (i % 7), 100 + (i % 13)]);
    const first = COEF(long);
    expect(
      COEF([
        [2.5, 800],
        [2, 400],
        [1.5, 200],
      ]),
    ).toBeCloseTo(0.164485, 6);
    expect(COEF(long)).toBe(first);
  });
});

describe('spec §8: "—", "/" and "无" mean none (0), as in the sheet reader', () => {
  test('a school whose value is "—" counts with 0 in the CV (not left out, which would hide the weakest school)', () => {
    const zero = COEF([
      [2.5, 800],
      [2, 400],
      [0, 200],
    ]);
    expect(zero).toBeGreaterThan(0.3);
    for (const dash of ['—', '/', '无', '-', '——', '–'])
      expect(
        COEF([
          [2.5, 800],
          [2, 400],
          [dash, 200],
        ]),
      ).toBe(zero);
  });

  test('"不详" is unknown, never 0: the value is missing beside its students', () => {
    expect(() =>
      COEF([
        [2.5, 800],
        [2, 400],
        ['不详', 200],
      ]),
    ).toThrow();
  });
});

describe('single-number arguments', () => {
  test('a one-cell range is its value; a larger one is #VALUE!; blank is null only when optional', () => {
    expect(numberArg([[7]], '班额')).toBe(7);
    expect(thrownBy(() => numberArg([[7, 8]], '班额')).message).toBe('班额只能是一个单元格或一个数');
    expect(numberArg(null, '高中在校生数', true)).toBeNull();
    expect(numberArg(0, '高中在校生数', true)).toBe(0);
    expect(thrownBy(() => numberArg('', '班额')).message).toBe('班额为空');
  });
});
