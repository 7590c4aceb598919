// Spec §8 "Per-stage columns": a stand-alone school reads its own stage's columns (小学在校生数, 初中专任教师数 …) when
// the plain column is absent or blank; spec §6: standard and total rows are never schools.
import { evaluate } from '../../src/engine/rules/evaluate';
import { buildParts } from '../../src/engine/rules/parts';
import { QUALITY_2017 } from '../../src/engine/rules/profiles';
import { readTable } from '../../src/engine/sheet/readTable';
import type { CellGrid, CellValue } from '../../src/engine/sheet/grid';
import type { SchoolRow } from '../../src/engine/model/types';

function grid(values: CellValue[][], extra: Partial<CellGrid> = {}): CellGrid {
  return { sheet: '学校数据', values, firstRow: 1, firstColumn: 0, ...extra };
}

function partsOf(values: CellValue[][], extra: Partial<CellGrid> = {}) {
  const table = readTable(grid(values, extra));
  return { table, ...buildParts(table.rows, QUALITY_2017) };
}

/** One-level per-stage header as county sheets have it: no plain 在校生数 or 专任教师数. */
const PER_STAGE = [
  '学校名称', // A
  '学校类型', // B
  '小学在校生数', // C
  '初中在校生数', // D
  '小学专任教师数', // E
  '初中专任教师数', // F
  '小学体育艺术专任教师数', // G
  '初中体育艺术专任教师数', // H
  '教学及辅助用房面积（㎡）', // I
];

describe('spec §8: per-stage columns for every row, not only for combined schools', () => {
  const rows = [
    ['城关小学', '小学', 410, null, 22, null, 4, null, 1845],
    ['城关中学', '初中', null, 600, null, 40, null, 6, 3480],
    ['河口教学点', '教学点', 60, null, 4, null, 1, null, 300],
    ['明德学校', '九年一贯制', 600, 400, 30, 28, 6, 4, 5000],
  ];

  test('a stand-alone 小学 and 初中 row read their own stage: no 缺少在校生数, counts from the stage columns', () => {
    const { parts, issues } = partsOf([PER_STAGE, ...rows]);
    expect(issues.filter((i) => i.code === 'missingStudents')).toEqual([]);
    const byName = (name: string, stage = parts.find((p) => p.name === name)?.stage) =>
      parts.find((p) => p.name === name && p.stage === stage)!;
    expect(byName('城关小学').counts).toMatchObject({ students: 410, teachers: 22, peArtTeachers: 4 });
    expect(byName('城关中学').counts).toMatchObject({ students: 600, teachers: 40, peArtTeachers: 6 });
    expect(byName('河口教学点').counts).toMatchObject({ students: 60, teachers: 4 });
    expect(byName('城关小学').stage).toBe('primary');
    expect(byName('城关中学').stage).toBe('junior');
  });

  test("the part's columns point at the cell used, so shading lands on it (小学 → C/E/G, 初中 → D/F/H)", () => {
    const { parts } = partsOf([PER_STAGE, ...rows]);
    const primary = parts.find((p) => p.name === '城关小学')!;
    const junior = parts.find((p) => p.name === '城关中学')!;
    expect(primary.columns).toMatchObject({ students: 2, teachers: 4, peArtTeachers: 6, teachingArea: 8 });
    expect(junior.columns).toMatchObject({ students: 3, teachers: 5, peArtTeachers: 7, teachingArea: 8 });
  });

  test('both stages get their CV: every school is counted (3 primary parts incl. the split, 2 junior)', () => {
    const e = evaluate(readTable(grid([PER_STAGE, ...rows])).rows, QUALITY_2017);
    expect(e.parts.filter((p) => p.stage === 'primary').map((p) => p.name)).toEqual([
      '城关小学',
      '河口教学点',
      '明德学校',
    ]);
    expect(e.parts.filter((p) => p.stage === 'junior').map((p) => p.name)).toEqual(['城关中学', '明德学校']);
    expect(e.issues.filter((i) => i.code === 'missingStudents')).toEqual([]);
  });

  test('a missing value of a per-stage-only sheet is reported on the stage column (小学在校生数 C)', () => {
    const { issues } = partsOf([PER_STAGE, ['城关小学', '小学', null, null, 22, null, 4, null, 1845]]);
    const missing = issues.find((i) => i.code === 'missingStudents')!;
    expect(missing.column).toBe('C');
  });

  test('a 教学点 with 30 小学在校生数 only is a small 教学点 (spec §6), not a school with unknown students', () => {
    const { excluded, parts } = partsOf([
      PER_STAGE,
      ['河口教学点', '教学点', 30, null, 3, null, 1, null, 150],
    ]);
    expect(parts).toEqual([]);
    expect(excluded.map((x) => x.reason)).toEqual(['smallTeachingPoint']);
  });

  const BOTH = [
    '学校名称',
    '学段',
    '在校生数',
    '专任教师数',
    '小学在校生数',
    '小学专任教师数',
    '初中在校生数',
  ];

  test('the plain column is used where it is filled; a blank plain cell falls back to the stage column', () => {
    const { parts, issues } = partsOf([
      BOTH,
      ['甲小学', '小学', 420, null, 420, 21, null],
      ['乙小学', '小学', null, 20, 380, 20, null],
    ]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parts[0].counts).toMatchObject({ students: 420, teachers: 21 });
    expect(parts[0].columns).toMatchObject({ students: 2, teachers: 5 });
    expect(parts[1].counts).toMatchObject({ students: 380, teachers: 20 });
    expect(parts[1].columns).toMatchObject({ students: 4, teachers: 3 });
  });

  test('"第 5 行 C 列在校生数 420 与 E 列小学在校生数 410 不一致": one error naming both cells, neither number used', () => {
    const { parts, issues } = partsOf([
      BOTH,
      ['甲小学', '小学', 300, 15, 300, 15, null],
      [],
      [],
      ['城关小学', '小学', 420, 21, 410, 21, null],
    ]);
    const conflicts = issues.filter((i) => i.code === 'stageValueConflict');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ row: 5, column: 'C', field: 'students', severity: 'error' });
    expect(conflicts[0].message).toContain(
      '「学校数据」第 5 行 C 列在校生数 420 与 E 列小学在校生数 410 不一致',
    );
    expect(issues.filter((i) => i.code === 'missingStudents')).toEqual([]);
    const part = parts.find((p) => p.name === '城关小学')!;
    expect(part.counts.students).toBeUndefined();
    expect(part.counts.teachers).toBe(21);
  });

  test("rows of two tables, one with stage columns and one without, each read by its own table's columns", () => {
    // A table's rows share one columns map; rows of tables read apart, taken in turn, must not share an answer: a
    // per-stage row with its stage cells blank reports its missing students on its stage column (C).
    const blank = readTable(
      grid([PER_STAGE, ['城关小学', '小学', null, null, null, null, null, null, 1845]]),
    );
    const plain = readTable(
      grid([
        ['学校名称', '学段', '在校生数'],
        ['河口小学', '小学', 500],
      ]),
    );
    const [perStageRow, plainRow] = [blank.rows[0], plain.rows[0]];
    const { issues } = buildParts([plainRow, perStageRow, plainRow, perStageRow], QUALITY_2017);
    const missing = issues.filter((i) => i.code === 'missingStudents');
    expect(missing.map((i) => [i.row, i.column])).toEqual([
      [2, 'C'],
      [2, 'C'],
    ]);
    const read = readTable(grid([PER_STAGE, ...rows])).rows;
    expect(read[0].columns).toBe(read[1].columns);
  });

  test('two-level header: 在校生数（人） over 小学 / 初中 and 专任教师（人） over 小学 / 初中', () => {
    const header1 = ['学校名称', '学校类型', '在校生数（人）', null, '专任教师（人）', null];
    const header2 = [null, null, '小学', '初中', '小学', '初中'];
    const merges = [
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
    ];
    const { table, parts, issues } = partsOf(
      [
        header1,
        header2,
        ['城关小学', '小学', 410, null, 22, null],
        ['城关中学', '初中', null, 600, null, 40],
      ],
      { merges },
    );
    expect(Object.keys(table.mapping)).toEqual(
      expect.arrayContaining(['primary.students', 'junior.students', 'primary.teachers', 'junior.teachers']),
    );
    expect(issues.filter((i) => i.code === 'missingStudents')).toEqual([]);
    expect(parts.map((p) => [p.name, p.stage, p.counts.students, p.counts.teachers])).toEqual([
      ['城关小学', 'primary', 410, 22],
      ['城关中学', 'junior', 600, 40],
    ]);
  });
});

describe('spec §6: rows naming a standard are never schools; a school whose name contains 标准 is one', () => {
  const HEADER = ['学校名称', '学段', '在校生数', '教学及辅助用房面积（㎡）'];

  test('国家标准（小学）and 省定标准(初中) under the header are skipped with the reason; 标准小学 is read', () => {
    const { table, parts, issues } = partsOf([
      HEADER,
      ['国家标准（小学）', '小学', null, 4.5],
      ['省定标准(初中)', '初中', null, 5.8],
      ['标准小学', '小学', 400, 1800],
      ['标准化实验学校', '初中', 500, 2900],
    ]);
    expect(table.skipped.map((s) => [s.row, s.name, s.code])).toEqual([
      [2, '国家标准（小学）', 'standard'],
      [3, '省定标准(初中)', 'standard'],
    ]);
    expect(table.skipped[0].reason).toContain('标准');
    expect(parts.map((p) => p.name)).toEqual(['标准小学', '标准化实验学校']);
    expect(issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('rows given to the engine directly: a standard row is an info notice, no missing-student or CV issue', () => {
    const rows: SchoolRow[] = [
      { row: 2, name: '国家标准（小学）', kind: 'primary', counts: { teachingArea: 4.5 } },
      { row: 3, name: '标准值', kind: 'primary', counts: {} },
      { row: 4, name: '甲小学', kind: 'primary', counts: { students: 100, teachingArea: 450 } },
      { row: 5, name: '合计', kind: 'primary', counts: { students: 100 } },
    ];
    const e = evaluate(rows, QUALITY_2017);
    expect(e.parts.map((p) => p.name)).toEqual(['甲小学']);
    expect(
      e.issues.filter((i) => i.row === 2 || i.row === 3).map((i) => [i.row, i.code, i.severity]),
    ).toEqual([
      [2, 'standardRow', 'info'],
      [3, 'standardRow', 'info'],
    ]);
  });
});
