// BALANCE.* against the spec's vectors (§9), with Excel's inputs (null or 0 for blanks, text numbers) and errors.
import Decimal from 'decimal.js';
import {
  CLASSBAND,
  COEF,
  COEFPASS,
  COEFRAW,
  COMPOSITE,
  DIFFRATE,
  GAP,
  MEAN,
  PASS,
  SCHOOLPASS,
  SPLIT,
  STANDARD,
} from '../../src/functions/functions';
import { installCustomFunctionsDouble, thrownBy } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

/** A list as one column, the way Excel passes a vertical range. */
const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);
/** Two lists side by side, the way Excel passes a two-column range. */
const columns = (a: unknown[], b: unknown[]): unknown[][] => a.map((v, i) => [v, b[i]]);

// TV-1: books per student of 5 primary schools (students, books).
const TV1_STUDENTS = [45, 37, 89, 76, 55];
const TV1_BOOKS = [279, 137, 935, 160, 402];
const TV1_VALUES = TV1_BOOKS.map((b, i) => b / TV1_STUDENTS[i]);
const TV1_ROUNDED = [6.2, 3.702703, 10.505618, 2.105263, 7.309091];

describe('BALANCE.COEF — student-weighted 差异系数 of per-school values (spec §3)', () => {
  test('TV-1: values and students as two ranges → 0.515257', () => {
    expect(COEF(column(TV1_VALUES), column(TV1_STUDENTS))).toBeCloseTo(0.515257, 6);
  });

  test('TV-1: one two-column range (values, students), students omitted → 0.515257', () => {
    expect(COEF(columns(TV1_VALUES, TV1_STUDENTS))).toBeCloseTo(0.515257, 6);
    expect(COEF(columns(TV1_VALUES, TV1_STUDENTS), null as unknown as undefined)).toBeCloseTo(0.515257, 6);
  });

  test('TV-1 with the published 6-decimal values still gives 0.515257, never a wrong formula’s 0.488771/0.546462/0.516112', () => {
    const cv = COEF(columns(TV1_ROUNDED, TV1_STUDENTS));
    expect(cv).toBeCloseTo(0.515257, 6);
    for (const wrong of [0.488771, 0.546462, 0.516112]) expect(Math.abs(cv - wrong)).toBeGreaterThan(1e-4);
  });

  test('values in a row and students in a row work like columns', () => {
    expect(COEF([TV1_VALUES], [TV1_STUDENTS])).toBeCloseTo(0.515257, 6);
  });

  test('TV-6: multimedia rooms per 100 [2.5, 2.0, 1.5] for students [800, 400, 200] → 0.164485', () => {
    expect(COEF(columns([2.5, 2, 1.5], [800, 400, 200]))).toBeCloseTo(0.164485, 6);
  });

  test("numbers stored as text are accepted (full-width “６.2”, “'37” with a leading apostrophe)", () => {
    const text = columns(
      TV1_VALUES.map((v, i) => (i === 0 ? '６.2' : String(v))),
      TV1_STUDENTS.map((p, i) => (i === 1 ? "'37" : String(p))),
    );
    expect(COEF(text)).toBeCloseTo(0.515257, 6);
  });

  test('blank pairs are skipped whether Excel sends null, "" or 0 for both cells', () => {
    const base = columns(TV1_VALUES, TV1_STUDENTS);
    for (const blank of [null, '', 0]) {
      expect(COEF([...base, [blank, blank], [blank, blank]])).toBeCloseTo(0.515257, 6);
    }
  });

  test('a school with 0 students has no weight (spec §3): its value does not move the CV', () => {
    expect(COEF([...columns(TV1_VALUES, TV1_STUDENTS), [99, 0]])).toBeCloseTo(0.515257, 6);
  });

  test('one school → CV = 0 (spec §3)', () => {
    expect(COEF([[6.2, 45]])).toBe(0);
  });

  test('a value missing beside its students is #VALUE! naming the position (never read as 0)', () => {
    const range = columns([6.2, null, 10.5], [45, 37, 89]);
    expect(thrownBy(() => COEF(range))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^第 2 个值（第 2 行）为空/),
    });
    const noStudents = columns([6.2, 3.7], [45, '']);
    expect(thrownBy(() => COEF(noStudents)).message).toMatch(/^第 2 个学生数（第 2 行）为空/);
  });

  test('text that is not a number is #VALUE! “第 3 个值（第 3 行）：“缺” 不是数字”', () => {
    expect(thrownBy(() => COEF(columns([6.2, 3.7, '缺'], [45, 37, 89])))).toEqual({
      code: '#VALUE!',
      message: '第 3 个值（第 3 行）：“缺” 不是数字',
    });
  });

  test('an error value in a cell, a logical value and negative students are #VALUE!', () => {
    expect(thrownBy(() => COEF(columns([6.2, '#N/A'], [45, 37]))).message).toMatch(
      /^第 2 个值（第 2 行）：公式错误 #N\/A/,
    );
    expect(thrownBy(() => COEF(columns([6.2, true], [45, 37]))).message).toMatch(
      /^第 2 个值（第 2 行）：.*逻辑值/,
    );
    expect(thrownBy(() => COEF(columns([6.2, 3.7], [45, -37]))).message).toMatch(
      /^第 2 个学生数（第 2 行）：“-37” 是负数/,
    );
  });

  test('one column without students is #VALUE! explaining the weighting, with an example', () => {
    const error = thrownBy(() => COEF(column(TV1_VALUES)));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('按学生数加权');
    expect(error.message).toContain('=BALANCE.COEF(F5:G40)');
  });

  test('mismatched range sizes, three columns, or a two-column range with students given are #VALUE!', () => {
    expect(thrownBy(() => COEF(column([1, 2, 3]), column([10, 20]))).message).toBe(
      '值有 3 个，学生数有 2 个，两个区域的大小必须相同',
    );
    expect(thrownBy(() => COEF([[1, 2, 3]].concat([[4, 5, 6]]))).message).toMatch(/^区域有 3 列/);
    expect(thrownBy(() => COEF(columns([1, 2], [3, 4]), column([10, 20]))).message).toBe(
      '值区域应为一列或一行，现为 2 行 2 列',
    );
  });

  test('no data at all is #VALUE!; mean 0 is #DIV/0! (CV undefined, never 0); no students is #DIV/0!', () => {
    expect(thrownBy(() => COEF(columns([null, null], [null, null])))).toEqual({
      code: '#VALUE!',
      message: '区域中没有数据',
    });
    expect(thrownBy(() => COEF(columns([0, 0], [45, 37])))).toEqual({
      code: '#DIV/0!',
      message: expect.stringContaining('差异系数无定义'),
    });
    expect(thrownBy(() => COEF(columns([6.2, 3.7], [0, 0]))).code).toBe('#DIV/0!');
  });
});

describe('BALANCE.COEFRAW — 差异系数 from raw totals, X̄ = per·ΣR/ΣP exactly', () => {
  test('TV-1: books and students → 0.515257', () => {
    expect(COEFRAW(column(TV1_BOOKS), column(TV1_STUDENTS))).toBeCloseTo(0.515257, 6);
    expect(COEFRAW(column(TV1_BOOKS), column(TV1_STUDENTS), 1)).toBeCloseTo(0.515257, 6);
  });

  test('TV-6 (per 100): multimedia rooms [20, 8, 3] → 0.164485; teaching area [4400, 2000, 800] → 0.100154', () => {
    const students = column([800, 400, 200]);
    expect(COEFRAW(column([20, 8, 3]), students, 100)).toBeCloseTo(0.164485, 6);
    expect(COEFRAW(column([20, 8, 3]), students, '100')).toBeCloseTo(0.164485, 6);
    expect(COEFRAW(column([4400, 2000, 800]), students)).toBeCloseTo(0.100154, 6);
  });

  test('per other than 1 or 100 is #VALUE!', () => {
    expect(thrownBy(() => COEFRAW(column([20, 8]), column([800, 400]), 10))).toEqual({
      code: '#VALUE!',
      message: '每多少名学生（per）只能是 1 或 100，现为 10',
    });
  });

  test('a missing amount beside its students is #VALUE! naming it as 资源数', () => {
    expect(thrownBy(() => COEFRAW(column([20, null, 3]), column([800, 400, 200]))).message).toMatch(
      /^第 2 个资源数（第 2 行）为空/,
    );
  });
});

describe('BALANCE.MEAN — the student-weighted county mean X̄ = ΣPᵢXᵢ / ΣPᵢ', () => {
  test('TV-1: X̄ = 6.334437 from one two-column range, and from two ranges', () => {
    expect(MEAN(columns(TV1_VALUES, TV1_STUDENTS))).toBeCloseTo(6.334437, 6);
    expect(MEAN(column(TV1_VALUES), column(TV1_STUDENTS))).toBeCloseTo(6.334437, 6);
  });

  test('TV-6: X̄ = 2.214286', () => {
    expect(MEAN(columns([2.5, 2, 1.5], [800, 400, 200]))).toBeCloseTo(2.214286, 6);
  });

  test('one column alone is #VALUE! with a MEAN example', () => {
    expect(thrownBy(() => MEAN(column([1, 2]))).message).toContain('=BALANCE.MEAN(F5:G40)');
  });
});

describe('BALANCE.STANDARD — the per-school standard (spec §2.1)', () => {
  test.each([
    ['sportsAreaPerStudent', '小学', 7.5],
    ['生均体育运动场馆面积', '初中', 10.2],
    ['体育运动场馆', 'primary', 7.5],
    ['每百名学生拥有体育、艺术（美术、音乐）专任教师数', 'junior', 0.9],
    ['高于规定学历', '小学', 4.2],
    ['equipmentValuePerStudent', '初中', 2500],
    ['多媒体教室', '初中', 2.4],
  ])('%s, %s → %d', (indicator, stage, standard) => {
    expect(STANDARD(indicator, stage)).toBe(standard);
    expect(STANDARD(indicator, stage, '优质均衡')).toBe(standard);
  });

  test('an ambiguous part of a name is #VALUE! listing the candidates', () => {
    const error = thrownBy(() => STANDARD('教师', '小学'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('不明确');
  });

  test('an unknown indicator or stage is #VALUE!', () => {
    expect(thrownBy(() => STANDARD('操场', '小学')).message).toBe('未知的指标：“操场”');
    expect(thrownBy(() => STANDARD('体育运动场馆', '高中')).message).toContain('无法识别的学段“高中”');
  });

  test('an indicator outside the profile, or a profile without standards (基本均衡), is #N/A', () => {
    expect(thrownBy(() => STANDARD('生均图书册数', '小学'))).toEqual({
      code: '#N/A',
      message: expect.stringContaining('不是优质均衡'),
    });
    expect(thrownBy(() => STANDARD('体育运动场馆', '小学', 'basic-2012'))).toEqual({
      code: '#N/A',
      message: '基本均衡（教督〔2012〕3号）没有“生均体育运动场馆面积”的小学办学标准',
    });
  });

  test('an unknown profile is #VALUE! naming the profiles that exist', () => {
    expect(thrownBy(() => STANDARD('体育运动场馆', '小学', '省标准')).message).toContain(
      'basic-2012（基本均衡）',
    );
  });
});

describe('BALANCE.PASS — value ≥ standard, exact, the standard itself passes (spec §2, §4)', () => {
  test('float trap: 9 PE/art teachers per 1000 students is exactly 0.9 per 100 and passes', () => {
    expect((9 / 1000) * 100).toBeLessThan(0.9);
    expect(PASS('peArtTeachersPer100', (9 / 1000) * 100, '小学')).toBe(true);
    expect(PASS('体育、艺术', 0.9, '小学')).toBe(true);
  });

  test('21 qualified teachers for 500 students is exactly 4.2 per 100 and passes (小学)', () => {
    expect(PASS('qualifiedTeachersPer100', (21 / 500) * 100, '小学')).toBe(true);
  });

  test('below the standard fails; text numbers are read', () => {
    expect(PASS('peArtTeachersPer100', 0.89, '小学')).toBe(false);
    expect(PASS('sportsAreaPerStudent', '7.5', '小学')).toBe(true);
    expect(PASS('sportsAreaPerStudent', '7.49', '小学')).toBe(false);
    expect(PASS('sportsAreaPerStudent', 10.1, '初中')).toBe(false);
  });

  test('an empty value is #VALUE! (never read as 0); text is #VALUE!', () => {
    expect(thrownBy(() => PASS('sportsAreaPerStudent', null, '小学'))).toEqual({
      code: '#VALUE!',
      message: '指标值为空',
    });
    expect(thrownBy(() => PASS('sportsAreaPerStudent', '达标', '小学')).message).toBe(
      '指标值：“达标” 不是数字',
    );
  });
});

describe('BALANCE.GAP — raw resource to add to reach the standard (spec §4)', () => {
  test('sports area: 7000 m² for 1000 primary students needs 7.5 × 1000 − 7000 = 500 m²', () => {
    expect(GAP('体育运动场馆', 7000, 1000, '小学')).toBe(500);
  });

  test('met → 0; exactly at the standard → 0', () => {
    expect(GAP('体育运动场馆', 8000, 1000, '小学')).toBe(0);
    expect(GAP('体育运动场馆', 7500, 1000, '小学')).toBe(0);
    expect(GAP('peArtTeachersPer100', 9, 1000, '小学')).toBe(0);
  });

  test('countable resources are rounded up: 8 PE/art teachers for 1000 students need 1 more', () => {
    expect(GAP('peArtTeachersPer100', 8, 1000, '小学')).toBe(1);
    // 2.3 rooms per 100 for 950 students = 21.85 rooms → 22; 20 rooms need 2 more.
    expect(GAP('多媒体教室', 20, 950, '小学')).toBe(2);
  });

  test('m² and 元 are rounded up to 0.01: 2500 元 × 333 students − 832,300 元 = 200 元; 4.5 × 223 − 1000 = 3.5 m²', () => {
    expect(GAP('equipmentValuePerStudent', 832300, 333, '初中')).toBe(200);
    expect(GAP('teachingAreaPerStudent', 1000, 223, '小学')).toBe(3.5);
  });

  test('0 students is #DIV/0!; an empty amount is #VALUE!', () => {
    expect(thrownBy(() => GAP('体育运动场馆', 7000, 0, '小学')).code).toBe('#DIV/0!');
    expect(thrownBy(() => GAP('体育运动场馆', '', 1000, '小学'))).toEqual({
      code: '#VALUE!',
      message: '资源数为空',
    });
  });
});

describe('BALANCE.SCHOOLPASS — k of n met, the rest ≥ r × standard (spec §4, TV-5)', () => {
  const A = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];
  const withSports = (sports: number) => A.map((v, i) => (i === 4 ? sports : v));

  test('TV-5: A passes (7/7); B 6.5 passes (86.7%); C 6.375 passes (exactly 85%); D 6.3 fails (84%)', () => {
    expect(SCHOOLPASS([A], '小学')).toBe(true);
    expect(SCHOOLPASS([withSports(6.5)], '小学')).toBe(true);
    expect(SCHOOLPASS([withSports(6.375)], '小学')).toBe(true);
    expect(SCHOOLPASS([withSports(6.3)], '小学')).toBe(false);
  });

  test('TV-5: E [4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5] fails (5 met)', () => {
    expect(SCHOOLPASS(column([4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5]), 'primary')).toBe(false);
  });

  test('TV-5: 初中 F, every value exactly at the standard, passes', () => {
    expect(SCHOOLPASS([[5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4]], '初中', 'quality-2017')).toBe(true);
  });

  test('a wrong number of values is #VALUE! naming the order', () => {
    const error = thrownBy(() => SCHOOLPASS([A.slice(0, 6)], '小学'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^需要 7 个指标值，按顺序为：每百名学生拥有高于规定学历教师数、/);
  });

  test('an empty value that could decide the result is #N/A naming it; one that cannot still fails', () => {
    const missingOne = A.map((v, i) => (i === 0 ? null : v));
    expect(thrownBy(() => SCHOOLPASS([missingOne], '小学'))).toEqual({
      code: '#N/A',
      message: expect.stringContaining('“每百名学生拥有高于规定学历教师数”的数值为空'),
    });
    // Two values far below standard: no value of the missing one can make it pass.
    const hopeless = [null, 0.1, 0.1, 5.0, 8.0, 2100, 2.5];
    expect(SCHOOLPASS([hopeless], '小学')).toBe(false);
  });

  test('基本均衡 has no per-school rule: #N/A', () => {
    expect(thrownBy(() => SCHOOLPASS([A], '小学', '基本均衡')).code).toBe('#N/A');
  });
});

describe('BALANCE.COEFPASS — CV ≤ the profile threshold, inclusive (TV-4)', () => {
  test('TV-4 quality single CV: 小学 0.50 passes, 0.5001 fails; 初中 0.45 passes, 0.4501 fails', () => {
    expect(COEFPASS(0.5, '小学')).toBe(true);
    expect(COEFPASS(0.5001, '小学')).toBe(false);
    expect(COEFPASS(0.45, '初中')).toBe(true);
    expect(COEFPASS(0.4501, '初中')).toBe(false);
  });

  test('TV-4 basic composite: 小学 0.65 passes, 0.6501 fails; 初中 0.55 passes, 0.5501 fails', () => {
    expect(COEFPASS(0.65, '小学', 'basic-2012')).toBe(true);
    expect(COEFPASS(0.6501, '小学', '基本均衡')).toBe(false);
    expect(COEFPASS(0.55, '初中', '基本均衡')).toBe(true);
    expect(COEFPASS(0.5501, '初中', '基本均衡')).toBe(false);
  });

  test('TV-4: six 小学 CVs at 0.30 and one at 0.51 → that one fails, so the county fails', () => {
    const verdicts = [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.51].map((cv) => COEFPASS(cv, '小学'));
    expect(verdicts.filter((v) => !v)).toHaveLength(1);
  });

  test('an empty CV is #VALUE!', () => {
    expect(thrownBy(() => COEFPASS('', '小学')).message).toBe('差异系数为空');
  });
});

describe('BALANCE.COMPOSITE — 综合差异系数, the simple mean of the single CVs (spec §2)', () => {
  test('eight CVs averaging exactly 0.65 give 0.65 and pass 小学 0.65 (float summing gives 0.6500000000000001)', () => {
    const cvs = column([0.99, 0.49, 0.76, 0.39, 0.45, 0.71, 0.84, 0.57]);
    expect(COMPOSITE(cvs)).toBe(0.65);
    expect(COEFPASS(COMPOSITE(cvs), '小学', '基本均衡')).toBe(true);
  });

  test('初中: eight CVs averaging exactly 0.55 pass 0.55', () => {
    const cvs = [[0.52, 0.62, 0.66, 0.76, 0.45, 0.56, 0.41, 0.42]];
    expect(COMPOSITE(cvs)).toBe(0.55);
    expect(COEFPASS(COMPOSITE(cvs), '初中', '基本均衡')).toBe(true);
  });

  test('blank cells are skipped; no CV at all is #VALUE!', () => {
    expect(COMPOSITE(column([0.6, null, 0.7, '']))).toBe(0.65);
    expect(thrownBy(() => COMPOSITE(column([null, '']))).code).toBe('#VALUE!');
  });
});

describe('BALANCE.SPLIT — facility totals of combined schools by student-equivalents (spec §5)', () => {
  test('九年一贯制 1 : 1.1: 2100 m² with 1000 + 1000 students → 1000 and 1100', () => {
    expect(SPLIT(2100, 1000, 1000)).toEqual([[1000, 1100]]);
  });

  test('完全中学 1 : 1.2: junior share B / (B + 1.2C); the senior part is dropped, primary is 0', () => {
    expect(SPLIT(1600, 0, 1000, 500)).toEqual([[0, 1000]]);
  });

  test('十二年一贯制 1 : 1.1 : 1.32: 3420 with 1000 each → 1000 and 1100', () => {
    const [[primary, junior]] = SPLIT(3420, 1000, 1000, 1000);
    expect(primary).toBeCloseTo(1000, 9);
    expect(junior).toBeCloseTo(1100, 9);
  });

  test('the two parts of a 九年一贯制 add back to the total exactly', () => {
    const [[primary, junior]] = SPLIT(12345.67, 321, 456);
    expect(new Decimal(primary).plus(junior).toString()).toBe('12345.67');
    expect(primary / 12345.67).toBeCloseTo(321 / (321 + 1.1 * 456), 12);
  });

  test('no students at all is #DIV/0!; an empty primary count with seniors asks for 0', () => {
    expect(thrownBy(() => SPLIT(1000, 0, 0)).code).toBe('#DIV/0!');
    expect(thrownBy(() => SPLIT(1000, null, 500, 300)).message).toBe('小学在校生数为空：完全中学请填 0');
  });
});

describe('BALANCE.CLASSBAND — 班额 bands (spec §7, TV-7)', () => {
  test.each([
    [45, '小学', '正常'],
    [46, '小学', '偏大班额'],
    [50, '初中', '正常'],
    [51, '初中', '偏大班额'],
    [55, '小学', '偏大班额'],
    [56, '小学', '大班额'],
    [65, '初中', '大班额'],
    [66, '初中', '超大班额'],
  ])('TV-7: %d in %s → %s', (size, stage, band) => {
    expect(CLASSBAND(size, stage)).toBe(band);
  });

  test('an empty size is #VALUE!', () => {
    expect(thrownBy(() => CLASSBAND(null, '小学')).message).toBe('班额为空');
  });
});

describe('BALANCE.DIFFRATE — 校际差异率 (mean − min) / mean (spec §7, TV-8)', () => {
  test('TV-8: [520, 500, 450] → 0.0816; [520, 500, 400] → 0.1549', () => {
    expect(DIFFRATE(column([520, 500, 450])).toFixed(4)).toBe('0.0816');
    expect(DIFFRATE([[520, 500, 400]]).toFixed(4)).toBe('0.1549');
  });

  test('blank cells are skipped, text numbers read; a 0 score (a blank sent as 0) is #VALUE! naming it', () => {
    expect(DIFFRATE(column([520, null, '500', '', 450])).toFixed(4)).toBe('0.0816');
    expect(thrownBy(() => DIFFRATE(column([520, 0, 450])))).toEqual({
      code: '#VALUE!',
      message: expect.stringMatching(/^第 2 个分数（第 2 行）为 0/),
    });
  });
});
