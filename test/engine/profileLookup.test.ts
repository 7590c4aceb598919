// Profiles by what users type: id, 优质均衡 / 基本均衡, full name, or a province's JSON.
import { BASIC_2012, findProfile, QUALITY_2017 } from '../../src/engine';

describe('findProfile', () => {
  test.each([
    ['quality-2017', QUALITY_2017],
    ['Quality-2017', QUALITY_2017],
    ['优质均衡', QUALITY_2017],
    ['优质均衡（教督〔2017〕6号）', QUALITY_2017],
    ['basic-2012', BASIC_2012],
    [' 基本均衡 ', BASIC_2012],
  ])('“%s” names a built-in profile', (text, profile) => {
    expect(findProfile(text)).toEqual({ ok: true, profile });
  });

  test('an unknown name is refused with the names that work', () => {
    const found = findProfile('均衡');
    expect(found.ok).toBe(false);
    if (!found.ok) expect(found.reason).toContain('quality-2017（优质均衡）');
  });

  test('an empty text is refused (the caller chooses a default)', () => {
    expect(findProfile('  ')).toEqual({ ok: false, reason: '评估标准为空' });
  });

  test('JSON text is a custom profile validated by parseProfile', () => {
    const found = findProfile('{"extends": "quality-2017", "schoolRule": {"k": 5}}');
    expect(found.ok && found.profile.schoolRule).toEqual({ k: 5, r: 0.85 });
    const bad = findProfile('{"extends": "quality-2017", "schoolRule": {"k": 0}}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^自定义评估标准有误：schoolRule\.k/);
  });
});
