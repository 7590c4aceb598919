// `--profile auto` (issue #10): "take the regime whose required fields the sheet has; if both or neither fit, keep
// 优质均衡 and say which fields each regime lacks."
import { chooseProfile, profileNeeds } from '../../src/engine/rules/chooseProfile';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';

const IDENTITY = ['name', 'kind', 'students'];
const QUALITY = [
  'qualifiedTeachers',
  'keyTeachers',
  'peArtTeachers',
  'teachingArea',
  'sportsArea',
  'equipmentValue',
  'multimediaRooms',
];
const BASIC = [
  'teachingArea',
  'sportsArea',
  'equipmentValue',
  'computers',
  'books',
  'teachers',
  'qualifiedTeachers',
  'seniorTitleTeachers',
];

describe('chooseProfile', () => {
  test('a sheet with the 7 优质均衡 columns only: quality-2017, and says what 基本均衡 lacks', () => {
    const c = chooseProfile([...IDENTITY, ...QUALITY]);
    expect(c.profile).toBe(QUALITY_2017);
    expect(c.lacking['quality-2017']).toEqual([]);
    expect(c.lacking['basic-2012']).toEqual(['计算机台数', '图书册数', '专任教师数', '中级及以上职称教师数']);
    expect(c.explanation).toBe(
      '表中有优质均衡所需的全部数据列，按优质均衡评估（基本均衡缺少：计算机台数、图书册数、专任教师数、中级及以上职称教师数）',
    );
  });

  test('a sheet with the 8 基本均衡 columns only: basic-2012', () => {
    const c = chooseProfile([...IDENTITY, ...BASIC]);
    expect(c.profile).toBe(BASIC_2012);
    expect(c.lacking['quality-2017']).toEqual([
      '县级以上骨干教师数',
      '体育、艺术（美术、音乐）专任教师数',
      '网络多媒体教室数',
    ]);
    expect(c.needs.every((n) => n.present)).toBe(true);
  });

  test('both fit: 优质均衡, saying 基本均衡 could be chosen', () => {
    const c = chooseProfile([...IDENTITY, ...QUALITY, ...BASIC]);
    expect(c.profile).toBe(QUALITY_2017);
    expect(c.explanation).toBe(
      '表中同时有优质均衡和基本均衡所需的数据列，按优质均衡评估（如需基本均衡请改选）',
    );
  });

  test('neither fits: 优质均衡, and what each lacks', () => {
    const c = chooseProfile([...IDENTITY, 'teachingArea', 'sportsArea']);
    expect(c.profile).toBe(QUALITY_2017);
    expect(c.explanation).toMatch(
      /^表中数据列对两种标准都不全，按优质均衡评估：优质均衡缺少：高于规定学历教师数、.*；基本均衡缺少：/,
    );
    expect(c.needs.filter((n) => !n.present).map((n) => n.field)).toEqual([
      'qualifiedTeachers',
      'keyTeachers',
      'peArtTeachers',
      'equipmentValue',
      'multimediaRooms',
    ]);
  });

  test('per-stage columns and the PE + music + art alternative count as having the field', () => {
    const keys = [
      ...IDENTITY,
      'primary.qualifiedTeachers',
      'junior.keyTeachers',
      'peTeachers',
      'musicTeachers',
      'artTeachers',
      'teachingArea',
      'sportsArea',
      'equipmentValue',
      'multimediaRooms',
    ];
    const needs = profileNeeds(QUALITY_2017, keys);
    expect(needs.every((n) => n.present)).toBe(true);
    expect(needs.map((n) => n.field)).toContain('musicTeachers');
    expect(chooseProfile(keys).profile).toBe(QUALITY_2017);
  });

  test('a ratio column (生均图书册数) stands in for its count (books)', () => {
    const keys = [...IDENTITY, ...BASIC.filter((f) => f !== 'books'), 'booksPerStudent'];
    expect(chooseProfile(keys).profile).toBe(BASIC_2012);
  });
});
