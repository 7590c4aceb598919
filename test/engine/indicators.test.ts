// Lookups by id or Chinese text, stage names, and exact unit conversion to base units.
import { findIndicator } from '../../src/engine/model/indicators';
import { parseStage } from '../../src/engine/model/stages';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { toBaseUnit } from '../../src/engine/sheet/units';

describe('findIndicator', () => {
  test.each([
    ['sportsAreaPerStudent', 'sportsAreaPerStudent'],
    ['生均体育运动场馆面积', 'sportsAreaPerStudent'],
    ['体育运动场馆', 'sportsAreaPerStudent'],
    ['生均体育运动场（馆）面积（㎡）', 'sportsAreaPerStudent'],
    ['每百名学生拥有体育、艺术（美术、音乐）专任教师数', 'peArtTeachersPer100'],
    ['体育艺术专任教师', 'peArtTeachersPer100'],
    ['仪器设备', 'equipmentValuePerStudent'],
    ['师生比', 'teachersPerStudent'],
    [' MULTIMEDIAROOMSPER100 ', 'multimediaRoomsPer100'],
  ])('“%s” → %s', (text, id) => {
    const r = findIndicator(text);
    expect(r.ok && r.indicator.id).toBe(id);
  });

  test("an ambiguous part lists the candidates; a profile's list resolves it", () => {
    const r = findIndicator('高于规定学历');
    expect(r).toEqual({
      ok: false,
      reason: expect.stringContaining('不明确'),
      candidates: ['qualifiedTeachersPer100', 'qualifiedTeachersPerStudent'],
    });
    const q = findIndicator('高于规定学历', QUALITY_2017.indicators);
    expect(q.ok && q.indicator.id).toBe('qualifiedTeachersPer100');
    const b = findIndicator('高于规定学历', BASIC_2012.indicators);
    expect(b.ok && b.indicator.id).toBe('qualifiedTeachersPerStudent');
  });

  test('unknown and empty text', () => {
    expect(findIndicator('操场')).toMatchObject({ ok: false, candidates: [] });
    expect(findIndicator('  ')).toMatchObject({ ok: false, reason: '指标名称为空' });
  });
});

describe('parseStage', () => {
  test.each([
    ['小学', 'primary'],
    ['小学部', 'primary'],
    ['primary', 'primary'],
    ['Primary ', 'primary'],
    ['初中', 'junior'],
    ['初中部', 'junior'],
    ['junior', 'junior'],
    ['初级中学', 'junior'],
    ['高中', null],
    ['', null],
  ])('“%s” → %s', (text, stage) => {
    expect(parseStage(text)).toBe(stage);
  });

  test.each([['constructor'], ['__proto__'], ['toString'], ['hasOwnProperty'], ['valueOf']])(
    'an inherited property name “%s” is no stage',
    (text) => {
      expect(parseStage(text)).toBeNull();
    },
  );
});

describe('toBaseUnit', () => {
  test.each([
    [12.34, '万元', 123400],
    [12.34, '（万元）', 123400],
    [1.5, '千元', 1500],
    [2000, '元', 2000],
    [3.21, '万册', 32100],
    [500, '册', 500],
    [120.5, '平方米', 120.5],
    [120.5, '㎡', 120.5],
    [120.5, 'm²', 120.5],
    [0.1, '万元', 1000],
  ])('%d %s → %d (exact, not binary-rounded)', (value, unit, base) => {
    expect(toBaseUnit(value, unit)).toBe(base);
  });

  test('floating point would miss: 1.005 * 10000 is 10049.999999999998, 0.07 * 10000 is 700.0000000000001', () => {
    expect(1.005 * 10000).not.toBe(10050);
    expect(toBaseUnit(1.005, '万元')).toBe(10050);
    expect(toBaseUnit(0.07, '万册')).toBe(700);
  });

  test('text that is not a unit is a programmer error (check user text first)', () => {
    expect(() => toBaseUnit(1, '公斤')).toThrow(RangeError);
  });
});
