// Standards profiles: the two built-ins as the spec states them, and custom JSON with zh-CN errors naming the key path.
import {
  BASIC_2012,
  getProfile,
  parseProfile,
  PROFILES,
  QUALITY_2017,
  standardIndicators,
} from '../../src/engine/rules/profiles';
import { INDICATORS } from '../../src/engine/model/indicators';
import { PROFILE_TEXTS_ZH, profileProblemText } from '../../src/engine/model/profileTexts';
import { PROFILE_TEXTS_EN } from '../../src/engine/model/profileTexts.en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

describe('built-in profiles', () => {
  test('quality-2017: 7 indicators with §2.1 standards, 6 of 7 at 85%, every CV ≤ 0.50 / 0.45', () => {
    expect(QUALITY_2017.indicators).toHaveLength(7);
    expect(QUALITY_2017.indicators.map((id) => QUALITY_2017.standards[id])).toEqual([
      { primary: 4.2, junior: 5.3 },
      { primary: 1, junior: 1 },
      { primary: 0.9, junior: 0.9 },
      { primary: 4.5, junior: 5.8 },
      { primary: 7.5, junior: 10.2 },
      { primary: 2000, junior: 2500 },
      { primary: 2.3, junior: 2.4 },
    ]);
    expect(QUALITY_2017.schoolRule).toEqual({ k: 6, r: 0.85 });
    expect(QUALITY_2017.cv).toEqual({
      mode: 'each',
      thresholds: { primary: 0.5, junior: 0.45 },
      nearMargin: 0.0005,
    });
    expect(QUALITY_2017.rounding).toEqual({ cv: null, school: null });
  });

  test('basic-2012: 8 indicators, CV only, composite ≤ 0.65 / 0.55; all 教学点 and 民办 out', () => {
    expect(BASIC_2012.indicators).toEqual([
      'teachingAreaPerStudent',
      'sportsAreaPerStudent',
      'equipmentValuePerStudent',
      'computersPer100',
      'booksPerStudent',
      'teachersPerStudent',
      'qualifiedTeachersPerStudent',
      'seniorTitleTeachersPerStudent',
    ]);
    expect(BASIC_2012.standards).toEqual({});
    expect(BASIC_2012.schoolRule).toBeNull();
    expect(BASIC_2012.cv.mode).toBe('composite');
    expect(BASIC_2012.cv.thresholds).toEqual({ primary: 0.65, junior: 0.55 });
    expect(BASIC_2012.scope).toMatchObject({ teachingPoints: 'all', excludePrivate: true });
  });

  test('split weights 1:1.1, 1:1.2, 1:1.1:1.32 and multimedia rooms split by DEFAULT', () => {
    expect(QUALITY_2017.split).toEqual({
      weights: {
        nineYear: { primary: 1, junior: 1.1 },
        completeMiddle: { junior: 1, senior: 1.2 },
        twelveYear: { primary: 1, junior: 1.1, senior: 1.32 },
      },
      multimediaRooms: true,
    });
  });

  test('built-ins are frozen and found by id', () => {
    expect(Object.isFrozen(QUALITY_2017.standards.sportsAreaPerStudent)).toBe(true);
    expect(getProfile('basic-2012')).toBe(BASIC_2012);
    expect(getProfile('quality-2017')).toBe(PROFILES['quality-2017']);
    expect(getProfile('nope')).toBeNull();
  });

  test('indicator metadata: exact spec names, units, per, countable resources', () => {
    expect(INDICATORS.peArtTeachersPer100).toMatchObject({
      name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
      unit: '人',
      per: 100,
      countable: true,
      numerator: [['peArtTeachers'], ['peTeachers', 'musicTeachers', 'artTeachers']],
    });
    expect(INDICATORS.sportsAreaPerStudent).toMatchObject({
      name: '生均体育运动场馆面积',
      unit: '㎡',
      per: 1,
      countable: false,
    });
    expect(INDICATORS.equipmentValuePerStudent).toMatchObject({ unit: '元', countable: false });
    expect(INDICATORS.booksPerStudent).toMatchObject({ unit: '册', countable: true });
    expect(INDICATORS.computersPer100).toMatchObject({ unit: '台', per: 100, countable: true });
    expect(INDICATORS.multimediaRoomsPer100).toMatchObject({ unit: '间', resourceField: 'multimediaRooms' });
    expect(INDICATORS.teachersPerStudent.name).toBe('师生比');
  });
});

describe('parseProfile', () => {
  test('"extends" plus overrides: a province\'s thresholds, standards and rule', () => {
    const r = parseProfile({
      extends: 'quality-2017',
      id: 'henan-2021',
      name: '某省优质均衡标准',
      cv: { thresholds: { 小学: 0.48 } },
      standards: { 体育运动场馆: { primary: 8 }, multimediaRoomsPer100: null },
      schoolRule: { k: 5 },
      checks: { classSize: { primary: 40 }, specialRooms: null },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.profile.id).toBe('henan-2021');
    expect(r.profile.cv.thresholds).toEqual({ primary: 0.48, junior: 0.45 });
    expect(r.profile.standards.sportsAreaPerStudent).toEqual({ primary: 8, junior: 10.2 });
    expect(r.profile.standards.multimediaRoomsPer100).toBeUndefined();
    expect(standardIndicators(r.profile, 'primary')).toHaveLength(6);
    expect(r.profile.schoolRule).toEqual({ k: 5, r: 0.85 });
    expect(r.profile.checks.classSize).toEqual({ primary: 40, junior: 50 });
    expect(r.profile.checks.specialRooms).toBeNull();
    // The built-in is untouched.
    expect(QUALITY_2017.cv.thresholds.primary).toBe(0.5);
  });

  test('JSON text, CV mode, rounding, split and scope switches', () => {
    const r = parseProfile(
      JSON.stringify({
        extends: 'basic-2012',
        cv: { mode: 'each' },
        rounding: { cv: 3, school: 2 },
        split: { weights: { nineYear: { junior: 1.2 } }, multimediaRooms: false },
        scope: { teachingPoints: 'belowMinimum', teachingPointMinStudents: 30, excludePrivate: false },
      }),
    );
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.profile.cv.mode).toBe('each');
    expect(r.profile.rounding).toEqual({ cv: 3, school: 2 });
    expect(r.profile.split.weights.nineYear).toEqual({ primary: 1, junior: 1.2 });
    expect(r.profile.split.multimediaRooms).toBe(false);
    expect(r.profile.scope).toMatchObject({
      teachingPoints: 'belowMinimum',
      teachingPointMinStudents: 30,
      excludePrivate: false,
    });
  });

  test('spec §8 dashes: "—", "/" and "无" are none (0) in both built-ins and by default; a custom profile may read them as unknown', () => {
    expect(QUALITY_2017.dashes).toBe('none');
    expect(BASIC_2012.dashes).toBe('none');
    const r = parseProfile({ extends: 'basic-2012', dashes: 'unknown' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.profile.dashes).toBe('unknown');
    const own = parseProfile({
      indicators: ['booksPerStudent'],
      cv: { thresholds: { primary: 0.6, junior: 0.5 } },
    });
    expect(own.ok && own.profile.dashes).toBe('none');
  });

  test('a profile without "extends" needs indicators and CV thresholds; the rest defaults to the spec', () => {
    const r = parseProfile({
      name: '自定义',
      indicators: ['生均教学及辅助用房面积', 'booksPerStudent'],
      cv: { mode: 'composite', thresholds: { primary: 0.6, junior: 0.5 } },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.profile.indicators).toEqual(['teachingAreaPerStudent', 'booksPerStudent']);
    expect(r.profile.schoolRule).toBeNull();
    expect(parseProfile({ name: 'x' })).toMatchObject({
      ok: false,
      errors: [
        'indicators 必须填写（或用 "extends" 继承内置标准）',
        'cv.thresholds 必须填写小学和初中的差异系数标准（或用 "extends" 继承内置标准）',
      ],
    });
  });

  test.each([
    [{ schoolRule: { r: 1.5 } }, 'schoolRule.r 必须在 0 到 1 之间'],
    [{ schoolRule: { k: 8 } }, 'schoolRule.k 不能大于有办学标准的指标数（小学 7 项、初中 7 项）'],
    [{ schoolRule: { k: 2.5 } }, 'schoolRule.k 必须是不小于 1 的整数'],
    [{ cv: { mode: 'mean' } }, 'cv.mode 必须是 "each" 或 "composite"'],
    [{ cv: { thresholds: { primary: -1 } } }, 'cv.thresholds.primary 必须是大于 0 的数'],
    [
      { cv: { thresholds: { 高中: 0.5 } } },
      'cv.thresholds.高中 不是可识别的学段（primary/小学 或 junior/初中）',
    ],
    [{ standards: { 操场: { primary: 1 } } }, 'standards.操场 不是可识别的指标：未知的指标：“操场”'],
    [
      { standards: { sportsAreaPerStudent: { primary: '7.5' } } },
      'standards.sportsAreaPerStudent.primary 必须是大于 0 的数',
    ],
    [{ indicators: ['booksPerStudent', '生均图书册数'] }, 'indicators[1] 重复：生均图书册数'],
    [{ indicators: [] }, 'indicators 必须是非空的指标列表'],
    [{ rounding: { cv: -1 } }, 'rounding.cv 必须是在 0 到 10 之间的整数'],
    [{ scope: { teachingPoints: 'some' } }, 'scope.teachingPoints 必须是 "all" 或 "belowMinimum" 或 "none"'],
    [{ dashes: 'zero' }, 'dashes 必须是 "none" 或 "unknown"'],
    [{ split: { weights: { nineYear: { junior: 0 } } } }, 'split.weights.nineYear.junior 必须是大于 0 的数'],
    [{ checks: { classSize: { primary: 45.5 } } }, 'checks.classSize.primary 必须是大于 0 的整数'],
    [
      { thresholds: {} },
      'thresholds 不是可识别的设置项（可用：id、name、extends、indicators、standards、schoolRule、cv、rounding、split、scope、checks、dashes）',
    ],
  ])('%j → "%s"', (override, message) => {
    const r = parseProfile({ extends: 'quality-2017', ...override });
    expect(r).toMatchObject({ ok: false, errors: [message] });
    // The same problem by code: its zh wording is the message, its English wording has no Chinese but what was typed.
    if (r.ok) throw new Error('expected a problem');
    expect(r.problems.map((p) => profileProblemText(p, PROFILE_TEXTS_ZH))).toEqual([message]);
    const english = profileProblemText(r.problems[0], PROFILE_TEXTS_EN);
    expect(english.startsWith(r.problems[0].path)).toBe(true);
    expect(english.replace(/操场|高中/g, '')).not.toMatch(HAN);
  });

  test('bad "extends", non-object input and broken JSON', () => {
    expect(parseProfile({ extends: 'quality-2020' })).toMatchObject({
      ok: false,
      errors: ['extends 只能是 "quality-2017" 或 "basic-2012"'],
    });
    expect(parseProfile(42)).toMatchObject({ ok: false, errors: ['标准配置必须是 JSON 对象'] });
    const broken = parseProfile('{"extends": ');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]).toMatch(/^JSON 格式错误/);
    const english = !broken.ok && profileProblemText(broken.problems[0], PROFILE_TEXTS_EN);
    expect(english).toMatch(/^JSON syntax error \(line 1, column 13\): the text ends too early/);
    const punctuation = parseProfile('{"extends"："quality-2017"}');
    expect(!punctuation.ok && profileProblemText(punctuation.problems[0], PROFILE_TEXTS_EN)).toBe(
      'JSON syntax error (line 1, column 11): full-width punctuation “：” is used; type the ASCII “:” instead',
    );
  });

  test('all errors are reported at once', () => {
    const r = parseProfile({
      extends: 'quality-2017',
      schoolRule: { r: 2 },
      cv: { mode: 'x' },
      rounding: { school: 'a' },
    });
    expect(!r.ok && r.errors).toHaveLength(3);
  });
});

describe('parseProfile: keys that reach into Object.prototype are refused', () => {
  const before = Object.getOwnPropertyNames(Object.prototype).sort();
  afterEach(() => {
    // A polluted prototype would break every later test: restore it, then fail this one.
    const added = Object.getOwnPropertyNames(Object.prototype).filter((k) => !before.includes(k));
    for (const key of added) delete (Object.prototype as Record<string, unknown>)[key];
    expect(added).toEqual([]);
  });

  test.each([
    ['{"split":{"weights":{"__proto__":{"toString":1}}}}', 'split.weights.__proto__'],
    [
      '{"extends":"quality-2017","split":{"weights":{"nineYear":{"constructor":2}}}}',
      'split.weights.nineYear.constructor',
    ],
    ['{"extends":"quality-2017","standards":{"constructor":{"primary":1}}}', 'standards.constructor'],
    ['{"extends":"quality-2017","cv":{"thresholds":{"__proto__":0.5}}}', 'cv.thresholds.__proto__'],
    ['{"extends":"quality-2017","scope":{"prototype":{"excludePrivate":true}}}', 'scope.prototype'],
    ['{"extends":"quality-2017","indicators":[{"__proto__":1}]}', 'indicators[0].__proto__'],
    ['{"__proto__":{"extends":"basic-2012"}}', '__proto__'],
  ])('%s is refused naming %s', (text, path) => {
    const tooToString = Object.prototype.toString;
    const parsed = parseProfile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors).toContain(`${path} 是保留的键名，不能使用（可能改动程序内部对象），请删除此项`);
    }
    expect(Object.prototype.toString).toBe(tooToString);
    expect(({} as { toString: unknown }).toString).toBe(tooToString);
  });

  test('an object (not text) with an own "__proto__" key is refused the same way', () => {
    const parsed = parseProfile(
      JSON.parse('{"extends":"quality-2017","checks":{"__proto__":{"polluted":1}}}'),
    );
    expect(parsed).toMatchObject({
      ok: false,
      errors: ['checks.__proto__ 是保留的键名，不能使用（可能改动程序内部对象），请删除此项'],
    });
  });

  test('deeply nested or cyclic input is walked without overflowing the stack', () => {
    const deep = `${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`;
    expect(parseProfile(`{"extends":"quality-2017","scope":${deep}}`).ok).toBe(false);
    const cyclic: Record<string, unknown> = { extends: 'quality-2017' };
    cyclic.scope = cyclic;
    expect(parseProfile(cyclic).ok).toBe(false);
  });
});
