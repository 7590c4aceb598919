// The field catalogue (spec §8 header terms): complete over CountField and IndicatorId, unique keys, required fields.
import { FIELDS, REQUIRED_FIELDS, fieldByKey, fieldOptions } from '../../src/engine/model/fields';
import type { CountField, IndicatorId } from '../../src/engine/model/types';

/** Exhaustive by type: adding a CountField to types.ts without listing it here fails to compile. */
const COUNT_FIELDS: Record<CountField, true> = {
  students: true,
  classes: true,
  grades: true,
  maxClassSize: true,
  teachers: true,
  qualifiedTeachers: true,
  keyTeachers: true,
  peArtTeachers: true,
  peTeachers: true,
  musicTeachers: true,
  artTeachers: true,
  seniorTitleTeachers: true,
  certifiedTeachers: true,
  teachingArea: true,
  sportsArea: true,
  equipmentValue: true,
  multimediaRooms: true,
  computers: true,
  books: true,
  musicRooms: true,
  artRooms: true,
  musicRoomArea: true,
  artRoomArea: true,
  publicFunds: true,
  trainingFunds: true,
  operatingBudget: true,
};

const INDICATORS: Record<IndicatorId, true> = {
  qualifiedTeachersPer100: true,
  keyTeachersPer100: true,
  peArtTeachersPer100: true,
  teachingAreaPerStudent: true,
  sportsAreaPerStudent: true,
  equipmentValuePerStudent: true,
  multimediaRoomsPer100: true,
  computersPer100: true,
  booksPerStudent: true,
  teachersPerStudent: true,
  qualifiedTeachersPerStudent: true,
  seniorTitleTeachersPerStudent: true,
};

describe('field catalogue', () => {
  test('field keys are unique', () => {
    const keys = FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(Object.keys(COUNT_FIELDS))('every CountField has a count field: %s', (field) => {
    const def = fieldByKey(field);
    expect(def).toMatchObject({ type: 'count', countField: field });
    expect(def?.unit).not.toBe('');
  });

  test.each(Object.keys(INDICATORS))('every indicator has a ratio column keyed by its id: %s', (id) => {
    expect(fieldByKey(id)).toMatchObject({ type: 'ratio', indicator: id, group: 'ratio' });
  });

  test('identity fields: name, 学段, 学校类型, 办学性质, 隶属关系', () => {
    expect(['name', 'stage', 'kind', 'ownership', 'affiliation'].map((k) => fieldByKey(k)?.label)).toEqual([
      '学校名称',
      '学段',
      '学校类型',
      '办学性质',
      '隶属关系',
    ]);
  });

  test('spec §8: name and students are required; kind is optional', () => {
    expect([...REQUIRED_FIELDS].sort()).toEqual(['name', 'students']);
    expect(fieldByKey('kind')?.required).toBe(false);
  });

  test('stage-qualified people counts exist for combined rows (spec §5: teachers come per stage)', () => {
    for (const key of [
      'primary.students',
      'junior.students',
      'senior.students',
      'primary.teachers',
      'junior.teachers',
      'primary.qualifiedTeachers',
      'junior.keyTeachers',
      'primary.peArtTeachers',
      'junior.seniorTitleTeachers',
    ]) {
      const [stage, field] = key.split('.');
      expect(fieldByKey(key)).toMatchObject({ stage, countField: field, group: 'stageCount', type: 'count' });
    }
    expect(fieldByKey('primary.students')?.label).toBe('小学在校生数');
    expect(fieldByKey('junior.teachers')?.label).toBe('初中专任教师数');
  });

  test('spec §5: facility totals are split by ratio, so they have no per-stage field', () => {
    for (const f of [
      'teachingArea',
      'sportsArea',
      'equipmentValue',
      'computers',
      'books',
      'multimediaRooms',
    ]) {
      expect(fieldByKey(`primary.${f}`)).toBeUndefined();
    }
  });

  test('base units: 元 for money, ㎡ for areas, 册 for books, 台 for computers, 间 for rooms, 人 for people', () => {
    expect(
      [
        'equipmentValue',
        'teachingArea',
        'sportsArea',
        'books',
        'computers',
        'multimediaRooms',
        'students',
      ].map((k) => fieldByKey(k)?.unit),
    ).toEqual(['元', '㎡', '㎡', '册', '台', '间', '人']);
  });

  test('spec §8 terms are synonyms of their field', () => {
    const has = (key: string, ...terms: string[]) => {
      const syn = fieldByKey(key)?.synonyms.map((s) => s.replace(/^=/, '')) ?? [];
      for (const t of terms) expect([key, syn.includes(t)]).toEqual([key, true]);
    };
    has('name', '学校名称', '学校', '单位名称');
    has('stage', '学段');
    has('kind', '学校类型', '办学类型');
    has('students', '在校生数', '在校学生数', '学生数');
    has('classes', '班级数', '教学班数');
    has('maxClassSize', '最大班额');
    has('teachers', '专任教师数');
    has('qualifiedTeachers', '高于规定学历教师数');
    has('keyTeachers', '县级以上骨干教师数');
    has('peTeachers', '体育专任教师数');
    has('musicTeachers', '音乐专任教师数');
    has('artTeachers', '美术专任教师数');
    has('seniorTitleTeachers', '中级及以上职称教师数');
    has('teachingArea', '教学及辅助用房面积');
    has('sportsArea', '体育运动场馆面积');
    has('equipmentValue', '教学仪器设备值', '教学仪器设备资产值');
    has('multimediaRooms', '网络多媒体教室数');
    has('computers', '计算机台数', '教学用计算机');
    has('books', '图书册数', '图书');
    has('ownership', '办学性质');
  });

  test('every field has a label and at least one synonym', () => {
    for (const f of FIELDS) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(f.synonyms.length).toBeGreaterThan(0);
    }
  });
});

describe('fieldOptions (the task pane dropdown)', () => {
  test('one option per field, labelled with its base unit, grouped', () => {
    const options = fieldOptions();
    expect(options).toHaveLength(FIELDS.length);
    expect(options.find((o) => o.key === 'equipmentValue')).toEqual({
      key: 'equipmentValue',
      text: '教学仪器设备值（元）',
      group: 'count',
      groupLabel: '数量（全校或本学段）',
      required: false,
    });
    expect(options.find((o) => o.key === 'name')).toMatchObject({
      text: '学校名称',
      required: true,
      group: 'identity',
    });
    expect(options.find((o) => o.key === 'primary.students')?.group).toBe('stageCount');
  });
});
