// Header recognition (spec §8): header variants, units in brackets, two-level and merged headers, header-row detection.
import { FIELDS } from '../../src/engine/model/fields';
import {
  detectHeader,
  headerUnitProblem,
  mapColumn,
  mapHeaders,
  matchHeader,
  normaliseHeader,
  splitUnit,
} from '../../src/engine/sheet/headers';
import { readTable } from '../../src/engine/sheet/readTable';
import type { CellGrid, CellValue } from '../../src/engine/sheet/grid';

function grid(values: CellValue[][], extra: Partial<CellGrid> = {}): CellGrid {
  return { sheet: '学校数据', values, firstRow: 1, firstColumn: 0, ...extra };
}

describe('normaliseHeader', () => {
  test.each([
    ['教学及辅助用房面积（㎡）', '教学及辅助用房面积(㎡)'],
    ['教学及辅助用房面积(平方米)', '教学及辅助用房面积(㎡)'],
    ['教学及辅助用房面积【m2】', '教学及辅助用房面积(㎡)'],
    ['教学及辅助用房面积（ｍ２）', '教学及辅助用房面积(㎡)'],
    ['教学及辅助用房面积(M²)', '教学及辅助用房面积(㎡)'],
    ['教学及辅助\n用房面积\r\n（平米）', '教学及辅助用房面积(㎡)'],
    ['在 校 生 数　（人）', '在校生数(人)'],
  ])('%p → %p', (text, expected) => {
    expect(normaliseHeader(text)).toBe(expected);
  });
});

describe('splitUnit: the unit in the header converts to the base unit', () => {
  test.each([
    ['教学仪器设备值（万元）', '教学仪器设备值', '万元', 10000],
    ['教学仪器设备值(万元)', '教学仪器设备值', '万元', 10000],
    ['教学仪器设备值(千元)', '教学仪器设备值', '千元', 1000],
    ['图书（万册）', '图书', '万册', 10000],
    ['图书(册)', '图书', '册', 1],
    ['计算机台数（台）', '计算机台数', '台', 1],
    ['网络多媒体教室数（间）', '网络多媒体教室数', '间', 1],
    ['在校生数（人）', '在校生数', '人', 1],
    ['体育运动场（馆）面积（平方米）', '体育运动场(馆)面积', '㎡', 1],
    ['教学仪器设备值（单位：万元）', '教学仪器设备值', '万元', 10000],
    ['图书/万册', '图书', '万册', 10000],
    ['教学及辅助用房面积㎡', '教学及辅助用房面积', '㎡', 1],
    ['生均教学及辅助用房面积（㎡/生）', '生均教学及辅助用房面积', '㎡/生', 1],
    ['（万元）', '', '万元', 10000],
  ])('%p → %p in %p (×%p)', (text, rest, unitText, factor) => {
    const r = splitUnit(normaliseHeader(text));
    expect(r.rest).toBe(normaliseHeader(rest));
    expect(r.unitText).toBe(unitText);
    expect(r.unit?.factor).toBe(factor);
  });

  test('bracket text that is not a unit stays', () => {
    expect(splitUnit(normaliseHeader('学校类型（小学/初中）'))).toEqual({
      rest: '学校类型(小学/初中)',
      unit: null,
    });
  });
});

describe('matchHeader: spec §8 header terms and common variants', () => {
  test.each([
    ['学校名称', 'name', 1],
    ['学校', 'name', 1],
    ['单位名称', 'name', 1],
    ['学校（单位）名称', 'name', 1],
    ['学段', 'stage', 1],
    ['学校类型', 'kind', 1],
    ['办学类型', 'kind', 1],
    ['学校类型（小学/初中）', 'kind', 1],
    ['办学性质', 'ownership', 1],
    ['公办/民办', 'ownership', 1],
    ['隶属关系', 'affiliation', 1],
    ['在校生数', 'students', 1],
    ['在校学生数', 'students', 1],
    ['学生数', 'students', 1],
    ['在校生数（人）', 'students', 1],
    ['在校生数\n（人）', 'students', 1],
    ['在 校 生 数', 'students', 1],
    ['班级数（个）', 'classes', 1],
    ['教学班数', 'classes', 1],
    ['最大班额（人）', 'maxClassSize', 1],
    ['专任教师数', 'teachers', 1],
    ['专任教师数（人）', 'teachers', 1],
    ['高于规定学历教师数', 'qualifiedTeachers', 1],
    ['县级以上骨干教师数', 'keyTeachers', 1],
    ['县级及以上骨干教师数（人）', 'keyTeachers', 1],
    ['体育专任教师数', 'peTeachers', 1],
    ['音乐专任教师数', 'musicTeachers', 1],
    ['美术专任教师数', 'artTeachers', 1],
    ['体育、艺术（美术、音乐）专任教师数', 'peArtTeachers', 1],
    ['音体美教师数', 'peArtTeachers', 1],
    ['中级及以上职称教师数', 'seniorTitleTeachers', 1],
    ['中级及以上专业技术职务教师数', 'seniorTitleTeachers', 1],
    ['教学及辅助用房面积（㎡）', 'teachingArea', 1],
    ['教学及辅助用房面积(平方米)', 'teachingArea', 1],
    ['体育运动场（馆）面积（平方米）', 'sportsArea', 1],
    ['体育运动场馆面积', 'sportsArea', 1],
    ['教学仪器设备值（万元）', 'equipmentValue', 10000],
    ['教学仪器设备资产值(元)', 'equipmentValue', 1],
    ['教学仪器设备值（千元）', 'equipmentValue', 1000],
    ['网络多媒体教室数（间）', 'multimediaRooms', 1],
    ['计算机台数（台）', 'computers', 1],
    ['教学用计算机', 'computers', 1],
    ['图书册数', 'books', 1],
    ['图书（万册）', 'books', 10000],
    ['图书(册)', 'books', 1],
    ['音乐专用教室数', 'musicRooms', 1],
    ['最小音乐教室面积（㎡）', 'musicRoomArea', 1],
  ])('%p → %s (×%p)', (text, field, factor) => {
    const m = matchHeader(text);
    expect(m?.field).toBe(field);
    expect(m?.unit?.factor ?? 1).toBe(factor);
  });

  test.each([
    ['小学在校生数', 'primary.students'],
    ['初中在校生数（人）', 'junior.students'],
    ['高中在校生数', 'senior.students'],
    ['小学部在校生数', 'primary.students'],
    ['在校生数（初中部）', 'junior.students'],
    ['小学生数', 'primary.students'],
    ['小学专任教师数', 'primary.teachers'],
    ['初中部专任教师数', 'junior.teachers'],
    ['小学高于规定学历教师数（人）', 'primary.qualifiedTeachers'],
    ['初中县级以上骨干教师数', 'junior.keyTeachers'],
    ['小学体育、艺术专任教师数（人）', 'primary.peArtTeachers'],
  ])('stage-qualified: %p → %s, not the whole-school field', (text, field) => {
    expect(matchHeader(text)?.field).toBe(field);
  });

  test.each([
    ['专任教师数', 'teachers'],
    ['体育专任教师数', 'peTeachers'],
    ['高于规定学历教师数', 'qualifiedTeachers'],
    ['中级及以上职称教师数', 'seniorTitleTeachers'],
  ])('the most specific synonym wins: %p → %s', (text, field) => {
    expect(matchHeader(text)?.field).toBe(field);
  });

  test.each([
    ['生均教学及辅助用房面积（㎡）', 'teachingAreaPerStudent'],
    ['生均体育运动场馆面积（㎡/生）', 'sportsAreaPerStudent'],
    ['生均教学仪器设备值（元）', 'equipmentValuePerStudent'],
    ['每百名学生拥有网络多媒体教室数', 'multimediaRoomsPer100'],
    ['每百名学生拥有网络多媒体教室数（间）', 'multimediaRoomsPer100'],
    ['每百名学生拥有计算机台数', 'computersPer100'],
    ['每百名学生拥有高于规定学历教师数', 'qualifiedTeachersPer100'],
    ['每百名学生拥有县级以上骨干教师数', 'keyTeachersPer100'],
    ['每百名学生拥有体育、艺术（美术、音乐）专任教师数', 'peArtTeachersPer100'],
    ['生均图书册数', 'booksPerStudent'],
    ['师生比', 'teachersPerStudent'],
    ['生均高于规定学历教师数', 'qualifiedTeachersPerStudent'],
    ['生均中级及以上专业技术职务教师数', 'seniorTitleTeachersPerStudent'],
  ])('ratio column %p → %s', (text, field) => {
    expect(matchHeader(text)?.field).toBe(field);
  });

  test.each([
    ['序号'],
    ['学校代码'],
    ['寄宿学生数'],
    ['女专任教师数'],
    ['生师比'],
    ['需增加体育运动场馆面积'],
    ['生均教学及辅助用房面积达标情况'],
    ['骨干教师占比'],
    ['图书（万元）'],
    ['备注'],
    ['XX县义务教育学校基本情况统计表'],
    [''],
  ])('%p maps to no field', (text) => {
    expect(matchHeader(text)).toBeNull();
  });

  test('every catalogue synonym maps back to its own field', () => {
    const wrong: string[] = [];
    for (const f of FIELDS) {
      for (const s of f.synonyms) {
        const text = s.replace(/^=/, '');
        const got = matchHeader(text)?.field;
        if (got !== f.key) wrong.push(`${text} → ${got} (expected ${f.key})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('matchHeader: two-level headers (parent over child)', () => {
  test.each([
    [['教师（人）', '专任教师'], 'teachers', '人'],
    [['教师（人）', '高于规定学历'], 'qualifiedTeachers', '人'],
    [['教师（人）', '县级以上骨干教师'], 'keyTeachers', '人'],
    [['教师（人）', '中级及以上职称'], 'seniorTitleTeachers', '人'],
    [['专任教师（人）', '合计'], 'teachers', '人'],
    [['专任教师（人）', '体育'], 'peTeachers', '人'],
    [['专任教师（人）', '音乐'], 'musicTeachers', '人'],
    [['在校生数（人）', '小学'], 'primary.students', '人'],
    [['在校生数（人）', '初中'], 'junior.students', '人'],
    [['小学', '专任教师数'], 'primary.teachers', undefined],
    [['教学仪器设备值', '万元'], 'equipmentValue', '万元'],
    [['生均', '教学及辅助用房面积（㎡）'], 'teachingAreaPerStudent', '㎡'],
  ])('%j → %s', (parts, field, unitText) => {
    const m = matchHeader(...(parts as string[]));
    expect(m?.field).toBe(field);
    expect(m?.unitText).toBe(unitText);
  });

  test('the child unit wins over the parent unit', () => {
    const m = matchHeader('仪器设备（元）', '教学仪器设备值（万元）');
    expect(m?.field).toBe('equipmentValue');
    expect(m?.unit?.factor).toBe(10000);
  });
});

describe('spec §8: "sometimes a two-level header (教师（人） over 专任教师 / 高于规定学历 / …)" — the child names the field, the parent gives context and unit', () => {
  test.each([
    // 教师（人） over 专任教师 / 高于规定学历 / 县级以上骨干 / 中级及以上职称 / 体育 / 音乐 / 美术 / 体育、艺术
    [['教师（人）', '专任教师'], 'teachers', '人', 1],
    [['教师（人）', '高于规定学历'], 'qualifiedTeachers', '人', 1],
    [['教师（人）', '县级以上骨干'], 'keyTeachers', '人', 1],
    [['教师（人）', '中级及以上职称'], 'seniorTitleTeachers', '人', 1],
    [['教师（人）', '体育'], 'peTeachers', '人', 1],
    [['教师（人）', '音乐'], 'musicTeachers', '人', 1],
    [['教师（人）', '美术'], 'artTeachers', '人', 1],
    [['教师（人）', '体育、艺术'], 'peArtTeachers', '人', 1],
    [['教师（人）', '体育、艺术（美术、音乐）'], 'peArtTeachers', '人', 1],
    [['教师\n（人）', '县级及以上\n骨干'], 'keyTeachers', '人', 1],
    // 专任教师（人） over the same children: the parent's 专任教师 must not swallow the child
    [['专任教师（人）', '县级以上骨干'], 'keyTeachers', '人', 1],
    [['专任教师（人）', '骨干'], 'keyTeachers', '人', 1],
    [['专任教师（人）', '高于规定学历'], 'qualifiedTeachers', '人', 1],
    [['专任教师（人）', '中级及以上职称'], 'seniorTitleTeachers', '人', 1],
    [['专任教师（人）', '体育、艺术'], 'peArtTeachers', '人', 1],
    [['专任教师（人）', '体育'], 'peTeachers', '人', 1],
    [['专任教师（人）', '音乐'], 'musicTeachers', '人', 1],
    [['专任教师（人）', '美术'], 'artTeachers', '人', 1],
    [['专任教师（人）', '合计'], 'teachers', '人', 1],
    [['专任教师(人)', '小计'], 'teachers', '人', 1],
    // a parent that is itself a field: the child narrows it, completes it, or totals it
    [['体育、艺术教师（人）', '体育'], 'peTeachers', '人', 1],
    [['体育、艺术教师（人）', '音乐'], 'musicTeachers', '人', 1],
    [['体育、艺术教师（人）', '美术'], 'artTeachers', '人', 1],
    [['体育、艺术教师（人）', '合计'], 'peArtTeachers', '人', 1],
    [['骨干教师（人）', '县级以上'], 'keyTeachers', '人', 1],
    [['专用教室（间）', '音乐'], 'musicRooms', '间', 1],
    [['专用教室（间）', '美术'], 'artRooms', '间', 1],
    // 在校生数（人） over 小学 / 初中 / 高中 (combined rows)
    [['在校生数（人）', '小学'], 'primary.students', '人', 1],
    [['在校生数（人）', '初中'], 'junior.students', '人', 1],
    [['在校生数（人）', '高中'], 'senior.students', '人', 1],
    [['在校生数（人）', '合计'], 'students', '人', 1],
    // 校舍面积（㎡） over 教学及辅助用房 / 体育运动场（馆）
    [['校舍面积（㎡）', '教学及辅助用房'], 'teachingArea', '㎡', 1],
    [['校舍面积（㎡）', '体育运动场（馆）'], 'sportsArea', '㎡', 1],
    [['校舍面积(平方米)', '体育运动场(馆)'], 'sportsArea', '㎡', 1],
    [['校舍（㎡）', '体育运动场（馆）'], 'sportsArea', '㎡', 1],
    [['生均面积（㎡）', '体育运动场（馆）'], 'sportsAreaPerStudent', '㎡', 1],
    // 设备（万元） over 教学仪器设备值: the unit from the parent applies
    [['设备（万元）', '教学仪器设备值'], 'equipmentValue', '万元', 10000],
    [['设备(千元)', '教学仪器设备值'], 'equipmentValue', '千元', 1000],
    // 图书 over 册数（万册）: the child's unit
    [['图书', '册数（万册）'], 'books', '万册', 10000],
    [['图书', '册数'], 'books', undefined, 1],
  ])('%j → %s (%s, ×%p)', (parts, field, unitText, factor) => {
    const m = matchHeader(...(parts as string[]));
    expect(m?.field).toBe(field);
    expect(m?.unitText).toBe(unitText);
    expect(m?.unit?.factor ?? 1).toBe(factor);
  });

  test.each([
    [['专任教师（人）', '其中：研究生']],
    [['专任教师（人）', '代课']],
    [['教师（人）', '女']],
    [['教师（人）', '合计']],
    [['需增加面积（㎡）', '体育运动场（馆）']],
    [['在校生数（人）', '其中：寄宿生']],
    [['在校生数（人）', '男']],
  ])('a child that names no field is not read as its parent: %j → no field', (parts) => {
    expect(matchHeader(...parts)).toBeNull();
  });
});

describe('mapHeaders (one row)', () => {
  test('maps by position from firstColumn, keeps header text and unit', () => {
    const r = mapHeaders(['序号', '学校名称', '在校生数（人）', '教学仪器设备值（万元）'], {
      firstColumn: 2,
    });
    expect(r.mapping).toEqual({
      name: { column: 3, header: '学校名称', unitFactor: 1 },
      students: { column: 4, header: '在校生数（人）', unit: '人', unitFactor: 1 },
      equipmentValue: { column: 5, header: '教学仪器设备值（万元）', unit: '万元', unitFactor: 10000 },
    });
    expect(r.unmapped).toEqual([{ column: 2, header: '序号' }]);
    expect(r.issues).toEqual([]);
  });

  test('two columns for one field: duplicateColumn naming both columns, the first kept', () => {
    const r = mapHeaders(['学校名称', '在校生数', '学生数'], { sheet: '学校数据', row: 2 });
    expect(r.mapping.students?.column).toBe(1);
    expect(r.issues).toEqual([
      {
        sheet: '学校数据',
        row: 2,
        column: 'C',
        field: 'students',
        code: 'duplicateColumn',
        severity: 'warning',
        message: '「学校数据」B 列“在校生数”和 C 列“学生数”都对应“在校生数”，已使用 B 列，C 列未读取',
      },
    ]);
  });
});

describe('mapColumn (a column the user mapped by hand)', () => {
  test('the unit is still read from the header text', () => {
    expect(mapColumn('equipmentValue', 7, '设备（万元）')).toEqual({
      column: 7,
      header: '设备（万元）',
      unit: '万元',
      unitFactor: 10000,
    });
  });
  test('a unit that does not measure the field is ignored', () => {
    expect(mapColumn('books', 3, '图书（万元）')).toEqual({
      column: 3,
      header: '图书（万元）',
      unitFactor: 1,
    });
  });
  test('an unknown field key is a programmer error', () => {
    expect(() => mapColumn('nonsense', 0, 'x')).toThrow(RangeError);
  });
});

describe('detectHeader', () => {
  const HEADER = ['序号', '学校名称', '学段', '在校生数（人）', '专任教师数（人）', '教学仪器设备值（万元）'];
  const DATA = [1, '城关第一小学', '小学', 1860, 98, 1041.6];

  test('a one-row header in row 1', () => {
    const d = detectHeader(grid([HEADER, DATA]));
    expect([d.found, d.headerTop, d.headerBottom]).toEqual([true, 1, 1]);
    expect(Object.keys(d.mapping)).toEqual(['name', 'stage', 'students', 'teachers', 'equipmentValue']);
    expect(d.unmapped).toEqual([{ column: 0, header: '序号' }]);
    expect(d.issues).toEqual([]);
  });

  test('title rows above the header (merged title, unit note) are skipped', () => {
    const title = ['XX县义务教育学校基本情况统计表', null, null, null, null, null];
    const note = [null, null, null, null, null, '填报日期：2024年9月'];
    const d = detectHeader(
      grid([title, note, HEADER, DATA], { merges: [{ top: 1, left: 0, bottom: 1, right: 5 }] }),
    );
    expect([d.headerTop, d.headerBottom]).toEqual([3, 3]);
    expect(d.mapping.name?.column).toBe(1);
  });

  test('title row without merge information is skipped too', () => {
    const d = detectHeader(grid([['XX县义务教育学校基本情况统计表'], HEADER, DATA]));
    expect([d.headerTop, d.headerBottom]).toEqual([2, 2]);
  });

  test('the grid may start below row 1 and right of column A', () => {
    const d = detectHeader(grid([HEADER, DATA], { firstRow: 4, firstColumn: 2 }));
    expect([d.headerTop, d.headerBottom]).toEqual([4, 4]);
    expect(d.mapping.name?.column).toBe(3);
  });

  test('two-level header with merged parent cells (教师（人） over 专任教师 / 高于规定学历 / 骨干教师)', () => {
    const values = [
      ['XX县义务教育学校基本情况统计表', null, null, null, null, null, null],
      ['学校名称', '学段', '在校生数（人）', '教师（人）', null, null, '教学仪器设备值（万元）'],
      [null, null, null, '专任教师', '高于规定学历', '县级以上骨干教师', null],
      ['城关第一小学', '小学', 1860, 98, 96, 31, 1041.6],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 1, right: 6 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 5 },
      { top: 2, left: 6, bottom: 3, right: 6 },
    ];
    const d = detectHeader(grid(values, { merges }));
    expect([d.headerTop, d.headerBottom]).toEqual([2, 3]);
    expect(d.mapping).toEqual({
      name: { column: 0, header: '学校名称', unitFactor: 1 },
      stage: { column: 1, header: '学段', unitFactor: 1 },
      students: { column: 2, header: '在校生数（人）', unit: '人', unitFactor: 1 },
      teachers: { column: 3, header: '教师（人） / 专任教师', unit: '人', unitFactor: 1 },
      qualifiedTeachers: { column: 4, header: '教师（人） / 高于规定学历', unit: '人', unitFactor: 1 },
      keyTeachers: { column: 5, header: '教师（人） / 县级以上骨干教师', unit: '人', unitFactor: 1 },
      equipmentValue: { column: 6, header: '教学仪器设备值（万元）', unit: '万元', unitFactor: 10000 },
    });
    expect(d.issues).toEqual([]);
  });

  test('two-level header without merge information: the parent spreads over the children', () => {
    const values = [
      ['学校名称', '在校生数（人）', null, '专任教师数（人）', null],
      [null, '小学', '初中', '小学', '初中'],
      ['红星九年一贯制学校', 600, 400, 32, 29],
    ];
    const d = detectHeader(grid(values));
    expect([d.headerTop, d.headerBottom]).toEqual([1, 2]);
    expect(Object.fromEntries(Object.entries(d.mapping).map(([k, m]) => [k, m?.column]))).toEqual({
      name: 0,
      'primary.students': 1,
      'junior.students': 2,
      'primary.teachers': 3,
      'junior.teachers': 4,
    });
  });

  describe('spec §8 two-level header as bureaus lay it out: 教师（人）, 在校生数（人）, 校舍面积（㎡）, 设备（万元）, 图书', () => {
    // Columns: A 学校名称 | B 在校生数（人）: C 小学, D 初中 | 教师（人）: E 专任教师, F 高于规定学历, G 县级以上骨干,
    // H 中级及以上职称, I 体育, J 音乐, K 美术, L 体育、艺术, M 研究生学历 | 校舍面积（㎡）: N 教学及辅助用房,
    // O 体育运动场（馆） | 设备（万元）: P 教学仪器设备值 | 图书: Q 册数（万册） | R 备注
    const parentRow = [
      '学校名称',
      '在校生数（人）',
      null,
      '教师（人）',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      '校舍面积（㎡）',
      null,
      '设备（万元）',
      '图书',
      '备注',
    ];
    const childRow = [
      null,
      '小学',
      '初中',
      '专任教师',
      '高于规定学历',
      '县级以上骨干',
      '中级及以上职称',
      '体育',
      '音乐',
      '美术',
      '体育、艺术',
      '研究生学历',
      '教学及辅助用房',
      '体育运动场（馆）',
      '教学仪器设备值',
      '册数（万册）',
      null,
    ];
    const title = ['XX县义务教育学校基本情况统计表', ...Array<null>(16).fill(null)];
    const data = [
      '红星九年一贯制学校',
      600,
      400,
      70,
      66,
      12,
      30,
      5,
      3,
      3,
      11,
      2,
      5200,
      9800,
      123.4,
      3.1,
      null,
    ];
    const merges = [
      { top: 1, left: 0, bottom: 1, right: 16 },
      { top: 2, left: 0, bottom: 3, right: 0 },
      { top: 2, left: 1, bottom: 2, right: 2 },
      { top: 2, left: 3, bottom: 2, right: 11 },
      { top: 2, left: 12, bottom: 2, right: 13 },
      { top: 2, left: 16, bottom: 3, right: 16 },
    ];
    const expected = {
      name: { column: 0, header: '学校名称', unitFactor: 1 },
      'primary.students': { column: 1, header: '在校生数（人） / 小学', unit: '人', unitFactor: 1 },
      'junior.students': { column: 2, header: '在校生数（人） / 初中', unit: '人', unitFactor: 1 },
      teachers: { column: 3, header: '教师（人） / 专任教师', unit: '人', unitFactor: 1 },
      qualifiedTeachers: { column: 4, header: '教师（人） / 高于规定学历', unit: '人', unitFactor: 1 },
      keyTeachers: { column: 5, header: '教师（人） / 县级以上骨干', unit: '人', unitFactor: 1 },
      seniorTitleTeachers: { column: 6, header: '教师（人） / 中级及以上职称', unit: '人', unitFactor: 1 },
      peTeachers: { column: 7, header: '教师（人） / 体育', unit: '人', unitFactor: 1 },
      musicTeachers: { column: 8, header: '教师（人） / 音乐', unit: '人', unitFactor: 1 },
      artTeachers: { column: 9, header: '教师（人） / 美术', unit: '人', unitFactor: 1 },
      peArtTeachers: { column: 10, header: '教师（人） / 体育、艺术', unit: '人', unitFactor: 1 },
      teachingArea: { column: 12, header: '校舍面积（㎡） / 教学及辅助用房', unit: '㎡', unitFactor: 1 },
      sportsArea: { column: 13, header: '校舍面积（㎡） / 体育运动场（馆）', unit: '㎡', unitFactor: 1 },
      equipmentValue: {
        column: 14,
        header: '设备（万元） / 教学仪器设备值',
        unit: '万元',
        unitFactor: 10000,
      },
      books: { column: 15, header: '图书 / 册数（万册）', unit: '万册', unitFactor: 10000 },
    };
    const unmappedIssue = {
      sheet: '学校数据',
      row: 3,
      column: 'L',
      field: '',
      code: 'unmappedColumn',
      severity: 'info',
      message:
        '「学校数据」L 列“教师（人） / 研究生学历”未对应到任何字段，未读取；如需使用，请在列映射中为它选择字段',
    };

    test.each([
      ['with merged parent cells', { merges }],
      ['without merge information (the parent spreads over the children)', {}],
    ])('%s: every column maps to the field its child names', (_how, extra) => {
      const d = detectHeader(grid([title, parentRow, childRow, data], extra));
      expect([d.found, d.headerTop, d.headerBottom]).toEqual([true, 2, 3]);
      expect(d.mapping).toEqual(expected);
      expect(d.unmapped).toEqual([
        { column: 11, header: '教师（人） / 研究生学历' },
        { column: 16, header: '备注' },
      ]);
      expect(d.issues).toEqual([unmappedIssue]);
    });

    test('readTable converts with the parent unit (123.4 万元 → 1234000 元, 3.1 万册 → 31000 册) and passes the issue on', () => {
      const t = readTable(grid([title, parentRow, childRow, data], { merges }), { defaultKind: 'nineYear' });
      expect(t.issues).toEqual([unmappedIssue]);
      expect(t.rows).toHaveLength(1);
      expect(t.rows[0].byStage?.primary?.students).toBe(600);
      expect(t.rows[0].counts).toMatchObject({
        keyTeachers: 12,
        peArtTeachers: 11,
        sportsArea: 9800,
        equipmentValue: 1234000,
        books: 31000,
      });
    });
  });

  test('an unmapped column under a parent no column maps to (其他 over 甲 / 乙) is not reported', () => {
    const values = [
      ['学校名称', '在校生数（人）', '其他', null],
      [null, null, '甲', '乙'],
      ['城关第一小学', 1860, 1, 2],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
    ];
    const d = detectHeader(grid(values, { merges }));
    expect(d.unmapped.map((u) => u.column)).toEqual([2, 3]);
    expect(d.issues).toEqual([]);
  });

  test('a row of column numbers (甲 乙 1 2 3) under the header does not make it two-level', () => {
    const d = detectHeader(grid([HEADER, ['甲', '乙', '丙', 1, 2, 3], DATA]));
    expect([d.headerTop, d.headerBottom]).toEqual([1, 1]);
  });

  test('missing required column → missingColumn (error) naming the field', () => {
    const d = detectHeader(
      grid([
        ['学校名称', '学段', '专任教师数'],
        ['城关第一小学', '小学', 98],
      ]),
    );
    expect(d.found).toBe(true);
    expect(d.issues).toEqual([
      {
        sheet: '学校数据',
        row: 1,
        field: 'students',
        code: 'missingColumn',
        severity: 'error',
        message:
          '「学校数据」表头（第 1 行）中未找到“在校生数”列，可用的列名如：“在校生数”、“在校学生数”、“学生数”',
      },
    ]);
  });

  test('per-stage 在校生数 columns stand in for the whole-school one', () => {
    const d = detectHeader(
      grid([
        ['学校名称', '小学在校生数', '初中在校生数'],
        ['红星学校', 600, 400],
      ]),
    );
    expect(d.issues).toEqual([]);
  });

  test('two columns for one field → duplicateColumn, the first kept', () => {
    const d = detectHeader(
      grid([
        ['学校名称', '在校生数', '学校', '在校学生数'],
        ['甲校', 1, '乙校', 2],
      ]),
    );
    expect(d.mapping.name?.column).toBe(0);
    expect(d.mapping.students?.column).toBe(1);
    expect(d.issues.map((i) => [i.code, i.column, i.field])).toEqual([
      ['duplicateColumn', 'C', 'name'],
      ['duplicateColumn', 'D', 'students'],
    ]);
  });

  test.each([
    ['an empty grid', [] as CellValue[][], '「学校数据」未找到学校数据表：工作表是空的'],
    ['a grid of empty rows', [[], []] as CellValue[][], '「学校数据」未找到学校数据表：工作表是空的'],
    [
      'a sheet with no recognisable header',
      [['说明'], ['本表用于……'], ['1', '2']] as CellValue[][],
      '「学校数据」未找到学校数据表：前 3 行中没有可识别的表头（至少需要“学校名称”“在校生数”等列名）',
    ],
  ])('%s → a single noTable error', (_what, values, message) => {
    const d = detectHeader(grid(values));
    expect(d.found).toBe(false);
    expect(d.mapping).toEqual({});
    expect(d.issues).toEqual([
      { sheet: '学校数据', row: 0, field: 'table', code: 'noTable', severity: 'error', message },
    ]);
  });
});

describe('spec §8 units: 元/千元/万元/百万元/亿元, ㎡/平方米/m2/亩/公顷, 册/万册, 台, 间, 人 convert to the base unit', () => {
  test.each([
    ['教学仪器设备值（百万元）', 'equipmentValue', 4.26, 4260000],
    ['教学仪器设备值(亿元)', 'equipmentValue', 0.0426, 4260000],
    ['教学仪器设备值\n（ 千元 ）', 'equipmentValue', 4260, 4260000],
    ['体育运动场（馆）面积（亩）', 'sportsArea', 4.5, 3000],
    ['体育运动场（馆）面积（公顷）', 'sportsArea', 0.3, 3000],
    ['体育运动场（馆）面积(m2)', 'sportsArea', 3000, 3000],
    ['图书（万册）', 'books', 1.25, 12500],
  ])('%p: %p × %p → %p', (header, field, cell, expected) => {
    const t = readTable(
      grid([
        ['学校名称', '学段', '在校生数', header],
        ['甲小学', '小学', 400, cell],
      ]),
    );
    expect(t.issues).toEqual([]);
    expect(t.rows[0].counts[field as 'books']).toBe(expected);
  });

  test('亩 is exactly 10000/15 ㎡: 7.5 ㎡ per student from 亩 decides exactly at the standard (spec §9 exactness)', () => {
    // 400 students × 7.5 ㎡ = 3000 ㎡ = 4.5 亩; 0.01125 亩 × 10000/15 = 7.5 ㎡.
    const t = readTable(
      grid([
        ['学校名称', '学段', '在校生数', '体育运动场（馆）面积（亩）'],
        ['甲小学', '小学', 400, 4.5],
        ['乙小学', '小学', 1, 0.01125],
      ]),
    );
    expect(t.rows.map((r) => r.counts.sportsArea)).toEqual([3000, 7.5]);
    expect(t.mapping.sportsArea).toMatchObject({ unit: '亩', unitFactor: 10000, unitDivisor: 15 });
  });

  test('a foreign currency (美元) is an error on its column, and the column is not read', () => {
    const t = readTable(
      grid([
        ['学校名称', '学段', '在校生数', '教学仪器设备值（美元）'],
        ['甲小学', '小学', 400, 100000],
      ]),
    );
    expect(t.mapping.equipmentValue).toBeUndefined();
    expect(t.rows[0].counts.equipmentValue).toBeUndefined();
    expect(t.issues).toEqual([
      {
        sheet: '学校数据',
        row: 1,
        column: 'D',
        field: 'equipmentValue',
        code: 'foreignCurrency',
        severity: 'error',
        message:
          '「学校数据」第 1 行 D 列“教学仪器设备值（美元）”：单位“美元”是外币，本工具按人民币元计算，此列未读取；请换算为元（或万元）后填写',
      },
    ]);
  });

  test.each([['（万美元）'], ['(USD)'], ['($)'], ['（欧元）'], ['(港元)'], ['（日元）'], ['（英镑）']])(
    'foreign currency %p is an error too',
    (unit) => {
      const t = readTable(
        grid([
          ['学校名称', '在校生数', `教学仪器设备值${unit}`],
          ['甲小学', 400, 1],
        ]),
      );
      expect(t.issues.filter((i) => i.code === 'foreignCurrency')).toHaveLength(1);
      expect(t.rows[0].counts.equipmentValue).toBeUndefined();
    },
  );

  test('an unclosed bracket "(万元" is read as 万元, with a warning naming the column and what was assumed', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数', '教学仪器设备值(万元'],
        ['甲小学', 400, 1.5],
      ]),
    );
    expect(t.rows[0].counts.equipmentValue).toBe(15000);
    const [w] = t.issues.filter((i) => i.code === 'unitMalformed');
    expect(w).toMatchObject({ row: 1, column: 'C', field: 'equipmentValue', severity: 'warning' });
    expect(w.message).toBe(
      '「学校数据」第 1 行 C 列“教学仪器设备值(万元”：单位的括号不完整，已按“万元”读取，请核对',
    );
  });

  test.each([
    ['图书（套）', '套', '册'],
    ['教学仪器设备值（十万元）', '十万元', '元'],
    ['体育运动场（馆）面积（平方公里）', '平方公里', '㎡'],
    ['教学仪器设备值（单位：两）', '两', '元'],
  ])('an unknown unit in %p is a warning: “%s” … 已按“%s”读取', (header, unit, assumed) => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数', header],
        ['甲小学', 400, 1],
      ]),
    );
    const unknown = t.issues.filter((i) => i.code === 'unknownUnit');
    expect(unknown).toHaveLength(1);
    expect(unknown[0].severity).toBe('warning');
    expect(unknown[0].message).toContain(`单位“${unit}”无法识别，已按“${assumed}”读取`);
    expect(unknown[0].message).toContain('第 1 行 C 列');
  });

  test.each([
    ['体育运动场（馆）面积（㎡）'],
    ['在校生数（含教学点）'],
    ['学校类型（小学/初中）'],
    ['体育运动场（馆）'],
    ['音乐教室面积（㎡/间）'],
    ['在校生数（2023年）'],
    ['学校名称（全称）'],
  ])('bracket text that is no unit (%p) gives no warning', (header) => {
    expect(headerUnitProblem([header])).toBeNull();
  });

  test('two-level: 设备（美元） over 教学仪器设备值 is foreign too, and named with both header rows', () => {
    const values = [
      ['学校名称', '在校生数', '设备（美元）'],
      [null, null, '教学仪器设备值'],
      ['甲小学', 400, 1],
    ];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
    ];
    const t = readTable(grid(values, { merges }));
    const [e] = t.issues.filter((i) => i.code === 'foreignCurrency');
    expect(e.message).toContain('「学校数据」第 1–2 行 C 列“设备（美元） / 教学仪器设备值”');
    expect(t.rows[0].counts.equipmentValue).toBeUndefined();
  });

  test('a column mapped by hand is checked too: a foreign column is not read', () => {
    const g = grid([
      ['学校名称', '在校生数', '设备（美元）'],
      ['甲小学', 400, 1],
    ]);
    const t = readTable(g, {
      mapping: {
        name: mapColumn('name', 0, '学校名称'),
        students: mapColumn('students', 1, '在校生数'),
        equipmentValue: mapColumn('equipmentValue', 2, '设备（美元）'),
      },
    });
    expect(t.issues.filter((i) => i.severity !== 'info').map((i) => i.code)).toEqual(['foreignCurrency']);
    expect(t.rows[0].counts.equipmentValue).toBeUndefined();
  });
});
