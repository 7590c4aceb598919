// Spec §6: who is left out of the CVs and per-school checks, with a reason and a zh-CN message.
import { evaluate } from '../../src/engine/rules/evaluate';
import { parseProfile, BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { isStandardName } from '../../src/engine/rules/scope';
import { isTotalName } from '../../src/engine/model/text';
import { toParts } from '../../src/engine/rules/parts';
import type { SchoolRow } from '../../src/engine/model/types';

const rows: SchoolRow[] = [
  { row: 2, name: '城关小学', kind: 'primary', counts: { students: 800 } },
  { row: 3, name: '县特殊教育学校', kind: 'special', counts: { students: 120 } },
  { row: 4, name: '李家沟教学点', kind: 'teachingPoint', counts: { students: 32 } },
  { row: 5, name: '王庄教学点', kind: 'teachingPoint', counts: { students: 50 } },
  { row: 6, name: '省实验中学', kind: 'junior', countyRun: false, counts: { students: 1500 } },
  { row: 7, name: '育英学校', kind: 'primary', ownership: 'private', counts: { students: 600 } },
  { row: 8, name: '新建小学', kind: 'primary', counts: { students: 0 }, columns: { students: 2 } },
];

describe('scope exclusions', () => {
  test('quality-2017: special schools, 教学点 under 50, 省市直属, zero students; 民办 stays', () => {
    const { parts, excluded, issues } = toParts(rows, QUALITY_2017);
    expect(excluded.map((e) => [e.row, e.reason])).toEqual([
      [3, 'special'],
      [4, 'smallTeachingPoint'],
      [6, 'notCountyRun'],
      [8, 'zeroStudents'],
    ]);
    expect(parts.map((p) => p.name)).toEqual(['城关小学', '王庄教学点', '育英学校']);
    expect(excluded[1].message).toBe('教学点在校生 32 人，少于 50 人，不参与差异系数计算和学校达标判定');
    // "P_i = 0 → the school is left out with a warning"
    expect(issues).toEqual([
      expect.objectContaining({ row: 8, column: 'C', code: 'zeroStudents', severity: 'warning' }),
    ]);
  });

  test('basic-2012: "all 教学点 excluded" and "private (民办) schools in the basic regime"', () => {
    const { excluded } = toParts(rows, BASIC_2012);
    expect(excluded.map((e) => [e.row, e.reason])).toEqual([
      [3, 'special'],
      [4, 'teachingPoint'],
      [5, 'teachingPoint'],
      [6, 'notCountyRun'],
      [7, 'private'],
      [8, 'zeroStudents'],
    ]);
    expect(excluded.find((e) => e.reason === 'private')!.message).toContain('民办学校');
  });

  test('each exclusion is a profile switch', () => {
    const parsed = parseProfile({
      extends: 'quality-2017',
      scope: {
        excludeSpecial: false,
        teachingPoints: 'none',
        excludeNotCountyRun: false,
        excludePrivate: true,
      },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const { excluded } = toParts(
      rows.map((r) => (r.kind === 'special' ? { ...r, stage: 'primary' as const } : r)),
      parsed.profile,
    );
    expect(excluded.map((e) => [e.row, e.reason])).toEqual([
      [7, 'private'],
      [8, 'zeroStudents'],
    ]);
  });

  test('excluded rows count in the summary and never reach CVs or verdicts', () => {
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.summary.excluded).toBe(4);
    expect(ev.schools.map((s) => s.row)).toEqual([2, 5, 7]);
    expect(ev.stages.primary!.students).toBe(800 + 50 + 600);
    expect(ev.stages.junior).toBeUndefined();
  });

  test('"Rows that are totals or subtotals (合计, 总计, 小计, 全县, 平均) are never schools"', () => {
    for (const name of ['合计', '总 计', '城关镇小计', '全县', '全县合计', '平均', '平均值'])
      expect(isTotalName(name)).toBe(true);
    for (const name of ['城关小学', '平安小学', '全兴学校']) expect(isTotalName(name)).toBe(false);
    const { parts, excluded, issues } = toParts(
      [{ row: 30, name: '合计', kind: 'primary', counts: { students: 9999 } }, ...rows.slice(0, 1)],
      QUALITY_2017,
    );
    expect(parts.map((p) => p.name)).toEqual(['城关小学']);
    expect(excluded).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ row: 30, code: 'totalRow', severity: 'info' })]);
  });
});

describe('spec §6: "Rows naming a standard (国家标准, 省定标准, 标准值, 办学标准, with or without a stage) are never schools"', () => {
  test.each([
    '国家标准',
    '国家标准（小学）',
    '国家标准(初中)',
    '省定标准(初中)',
    '省定标准（小学）',
    '标准值',
    '标准值（初中）',
    '办学标准',
    '省定办学标准',
    '国家标准值',
    '小学国家标准',
    '初中：省定标准',
    '国家标准-小学',
    ' 国家 标准 ',
  ])('%p is a standard row', (name) => {
    expect(isStandardName(name)).toBe(true);
  });

  test.each(['标准小学', '标准化实验学校', '国家标准小学', '城关小学', '标准中学（初中部）', '合计', ''])(
    '%p is not (a school whose name merely contains 标准 is a school)',
    (name) => {
      expect(isStandardName(name)).toBe(false);
    },
  );
});
