// BALANCE.PLAN — 整改测算 per school: lift to the standard, then water-fill to the CV target (docs/planner.md).
import { COEFRAW, PLAN } from '../../src/functions/functions';
import { installCustomFunctionsDouble, thrownBy } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
const flat = (spill: unknown[][]): unknown[] => spill.map((row) => row[0]);

describe('BALANCE.PLAN — minimal additions: every school at its standard, CV ≤ target, only added', () => {
  test('TV-6 初中 multimedia rooms [20, 8, 3] for [800, 400, 200]: the standard 2.4 per 100 alone forces +0, +2, +2', () => {
    // 2.4 × 400 / 100 = 9.6 → 10 rooms, 2.4 × 200 / 100 = 4.8 → 5 rooms; all at 2.5 per 100, CV 0 ≤ 0.45.
    const spill = PLAN(column([20, 8, 3]), column([800, 400, 200]), '多媒体教室', '初中');
    expect(spill).toEqual([[0], [2], [2]]);
  });

  test('小学 key teachers [10, 2, 1] for [100, 100, 200]: +1 for the standard, then water-filling to CV ≤ 0.50 → [0, 2, 7]', () => {
    // Standard 1 per 100: school 3 needs 2 teachers (+1). Values [10, 2, 1] → CV 1.079 > 0.50. Raising the two lowest
    // to a common floor L: CV = √3·(10 − L)/(10 + 3L) ≤ 0.5 ⇔ L ≥ 3.812, so 4 and 8 teachers (whole): +2 and +7.
    const spill = PLAN(column([10, 2, 1]), column([100, 100, 200]), 'keyTeachersPer100', '小学');
    expect(flat(spill)).toEqual([0, 2, 7]);
    const after = [10, 4, 8];
    expect(COEFRAW(column(after), column([100, 100, 200]), 100)).toBeLessThanOrEqual(0.5);
  });

  test('the total is minimal: no whole additions with a smaller sum meet the standard and CV ≤ 0.50', () => {
    const total = 9;
    for (let b = 0; b <= total; b++) {
      for (let c = 1; b + c < total; c++) {
        const cv = COEFRAW(column([10, 2 + b, 1 + c]), column([100, 100, 200]), 100);
        expect({ b, c, reaches: cv <= 0.5 }).toEqual({ b, c, reaches: false });
      }
    }
  });

  test('target: an explicit CV target replaces the threshold (2: the standard alone; 0.3: more than the 9 of 0.50)', () => {
    const loose = flat(PLAN(column([10, 2, 1]), column([100, 100, 200]), '骨干', '小学', 2));
    expect(loose).toEqual([0, 0, 1]);
    const tight = flat(PLAN(column([10, 2, 1]), column([100, 100, 200]), '骨干', '小学', 0.3));
    const sum = (xs: unknown[]) => xs.reduce((s: number, x) => s + (x as number), 0);
    expect(sum(tight)).toBeGreaterThan(9);
    expect(
      COEFRAW(column([10, 2 + (tight[1] as number), 1 + (tight[2] as number)]), column([100, 100, 200]), 100),
    ).toBeLessThanOrEqual(0.3);
  });

  test('areas and 元 are planned on a 0.01 grid: sports area 7000 m² for 1000 primary students → +500', () => {
    expect(PLAN(column([7000, 8000]), column([1000, 1000]), '体育运动场馆', '小学')).toEqual([[500], [0]]);
  });

  test('one cell per input row in the same order: a blank pair gives an empty cell, a 0/0 row (no weight) gives 0', () => {
    const spill = PLAN(
      column([20, null, 8, 0, 3, '']),
      column([800, null, 400, 0, 200, '']),
      '多媒体教室',
      '初中',
    );
    expect(spill).toEqual([[0], [''], [2], [0], [2], ['']]);
  });

  test('rows given across work like columns (one answer per position)', () => {
    expect(flat(PLAN([[20, 8, 3]], [[800, 400, 200]], '多媒体教室', '初中'))).toEqual([0, 2, 2]);
  });

  test('numbers stored as text are accepted', () => {
    expect(flat(PLAN(column(['20', '８', "'3"]), column(['800', 400, '200']), '多媒体', '初中'))).toEqual([
      0, 2, 2,
    ]);
  });

  test('basic-2012 (profile) has no per-school standard: TV-1 books, CV 0.515 ≤ 0.65 already → nothing to add', () => {
    const books = column([279, 137, 935, 160, 402]);
    const students = column([45, 37, 89, 76, 55]);
    expect(flat(PLAN(books, students, '图书', '小学', null, '基本均衡'))).toEqual([0, 0, 0, 0, 0]);
    const added = flat(PLAN(books, students, '图书', '小学', 0.4, '基本均衡')) as number[];
    // Water-filling lifts the lowest values only: the best-stocked school (10.5 per student) gets nothing.
    expect(added[2]).toBe(0);
    expect(added.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
    const after = [279, 137, 935, 160, 402].map((b, i) => b + added[i]);
    expect(COEFRAW(column(after), students)).toBeLessThanOrEqual(0.4);
  });
});

describe('BALANCE.PLAN — bad input', () => {
  const amounts = column([20, 8, 3]);
  const students = column([800, 400, 200]);

  test('one cell of a pair empty → #VALUE! naming it (a missing value is never 0)', () => {
    expect(thrownBy(() => PLAN(column([20, null, 3]), students, '多媒体', '初中'))).toEqual({
      code: '#VALUE!',
      message: expect.stringContaining('第 2 个资源数（第 2 行）为空'),
    });
  });

  test('ranges of different sizes → #VALUE!', () => {
    expect(thrownBy(() => PLAN(amounts, column([800, 400]), '多媒体', '初中'))).toEqual({
      code: '#VALUE!',
      message: expect.stringContaining('资源数有 3 个，学生数有 2 个'),
    });
  });

  test('text that is not a number → #VALUE! naming the position', () => {
    expect(thrownBy(() => PLAN(amounts, column([800, '缺', 200]), '多媒体', '初中'))).toEqual({
      code: '#VALUE!',
      message: expect.stringContaining('第 2 个学生数（第 2 行）'),
    });
  });

  test('an indicator outside the profile → #N/A; an unknown stage → #VALUE!', () => {
    expect(thrownBy(() => PLAN(amounts, students, '图书', '初中')).code).toBe('#N/A');
    expect(thrownBy(() => PLAN(amounts, students, '多媒体', '高中')).code).toBe('#VALUE!');
  });

  test('a negative or textual target → #VALUE!', () => {
    expect(thrownBy(() => PLAN(amounts, students, '多媒体', '初中', -0.1)).code).toBe('#VALUE!');
    expect(thrownBy(() => PLAN(amounts, students, '多媒体', '初中', '低')).code).toBe('#VALUE!');
  });

  test('no students at all → #DIV/0!; nothing but blank rows → #VALUE!', () => {
    expect(thrownBy(() => PLAN(column([1, 2]), column([0, 0]), '多媒体', '初中')).code).toBe('#DIV/0!');
    expect(thrownBy(() => PLAN(column([null]), column([null]), '多媒体', '初中')).code).toBe('#VALUE!');
  });
});
