// Table reading (spec §8): data rows to SchoolRows, base units, "none" is not 0, totals skipped, bad cells reported.
import { parseAffiliation, parseKind, parseOwnership, readTable } from '../../src/engine/sheet/readTable';
import { kindFromName } from '../../src/engine/model/text';
import { cellAddress, columnLetter } from '../../src/engine/model/addresses';
import type { CellGrid, CellValue } from '../../src/engine/sheet/grid';
import { mapColumn } from '../../src/engine/sheet/headers';
import type { DataIssue, SchoolKind } from '../../src/engine/model/types';
import fc from 'fast-check';

function grid(values: CellValue[][], extra: Partial<CellGrid> = {}): CellGrid {
  return { sheet: '学校数据', values, firstRow: 1, firstColumn: 0, ...extra };
}

const HEADER = ['学校名称', '学段', '在校生数（人）', '教学及辅助用房面积（㎡）', '教学仪器设备值（万元）'];

/** Tables without a 学段/学校类型 column also carry an info note saying kinds come from the names. */
const withoutInfo = (issues: DataIssue[]) => issues.filter((i) => i.severity !== 'info');

/** readTable on HEADER plus the given data rows (data starts in row 2). */
function read(rows: CellValue[][], extra: Partial<CellGrid> = {}) {
  return readTable(grid([HEADER, ...rows], extra));
}

describe('a realistic bureau workbook (title row, header, 20 schools, 合计 row)', () => {
  const TITLE = 'XX县义务教育学校基本情况统计表';
  const header = [
    '序号',
    '学校名称',
    '学段',
    '办学性质',
    '在校生数\n（人）',
    '专任教师数\n（人）',
    '高于规定学历\n教师数（人）',
    '县级以上骨干\n教师数（人）',
    '体育、艺术（美术、音乐）\n专任教师数（人）',
    '教学及辅助用房\n面积（㎡）',
    '体育运动场（馆）\n面积（平方米）',
    '教学仪器设备值\n（万元）',
    '网络多媒体\n教室数（间）',
  ];
  // [name, 学段, 办学性质, students, teachers, qualified, key, peArt, teaching m², sports m², 万元, rooms]
  const schools: [string, string, string, ...(number | string)[]][] = [
    ['城关第一小学', '小学', '公办', 1860, 98, 96, 31, 20, 9300, 14880, 1041.6, 46],
    ['城关第二小学', '小学', '公办', 1520, 80, 78, 22, 15, 7600, 12160, 592.8, 36],
    ['城关第三小学', '小学', '公办', 1240, 66, 64, 18, 13, 7440, 11160, 1016.8, 33],
    ['实验小学', '小学', '公办', '1,680', 92, 90, 30, 18, 8904, 13440, 1444.8, 44],
    ['东关小学', '小学', '公办', 870, 43, 40, 10, 9, 4350, 7830, 217.5, 21],
    ['西街小学', '小学', '公办', 760, 38, 36, 9, 8, 3800, 6080, 174.8, 18],
    ['南关小学', '小学', '公办', 690, 34, 31, 8, 7, 3450, 5520, 151.8, 16],
    ['育才实验小学', '小学', '民办', 540, 28, 26, 6, 6, 3240, 4320, 351, 14],
    ['青石镇中心小学', '小学', '公办', 620, 31, 28, 7, 6, 3100, 5580, 148.8, 15],
    ['青石镇河口小学', '小学', '公办', 210, 12, 10, 3, 2, 1050, 2100, 44.1, 5],
    ['柳河镇杨庄小学', '小学', '公办', 250, 13, 11, 3, 3, 1250, 1575, 52.5, 6],
    ['王庄教学点', '教学点', '公办', 56, 4, 3, 0, 1, 280, 560, 11.2, 2],
    ['县第一初级中学', '初中', '公办', 1750, 118, 105, 28, 18, 11375, 19250, 735, 49],
    ['城关中学', '初中', '公办', 1420, 96, 82, 20, 14, 8804, 15620, 539.6, 38],
    ['实验中学', '初中', '公办', 1280, 88, 77, 22, 13, 8960, 14080, 665.6, 36],
    ['青石镇初级中学', '初中', '公办', 760, 52, 43, 9, 8, 4560, 8360, 220.4, 20],
    ['柳河镇初级中学', '初中', '公办', 690, 48, 39, 8, 7, 4140, 7590, 186.3, 18],
    ['白马乡初级中学', '初中', '公办', 520, 37, 29, 6, 5, 3120, 5720, 104, 13],
    ['龙泉乡初级中学', '初中', '公办', 1000, 66, 53, 10, 9, 5800, 10200, 250, 24],
    ['县特殊教育学校', '特殊教育学校', '公办', 85, 24, 22, 3, 3, 2100, 1800, 96.5, 6],
  ];
  const values: CellValue[][] = [
    [TITLE, ...Array(12).fill(null)],
    [...Array(10).fill(null), null, '单位：万元、㎡', null],
    header,
    ...schools.map((s, i) => [i + 1, ...s]),
    [null, '合计', null, null, 20_000, 1_000, 900, 250, 170, 100_000, 180_000, 7_000, 500],
  ];
  const g = grid(values, { merges: [{ top: 1, left: 0, bottom: 1, right: 12 }] });
  const t = readTable(g);

  test('the header is row 3, below the title rows', () => {
    expect(t.header).toEqual({ top: 3, bottom: 3 });
  });

  test('20 schools, in sheet order, with their 1-based rows; no issues', () => {
    expect(t.issues).toEqual([]);
    expect(t.rows.map((r) => [r.row, r.name])).toEqual(schools.map((s, i) => [i + 4, s[0]]));
  });

  test('合计 is skipped with a reason, never read as a school', () => {
    expect(t.skipped).toEqual([
      { row: 24, name: '合计', code: 'total', reason: '合计、小计或平均行，不是学校' },
    ]);
  });

  test('kinds from the 学段 column', () => {
    const kinds = t.rows.map((r) => r.kind);
    expect(kinds.filter((k) => k === 'primary')).toHaveLength(11);
    expect(kinds.filter((k) => k === 'junior')).toHaveLength(7);
    expect(t.rows.find((r) => r.name === '王庄教学点')?.kind).toBe('teachingPoint');
    expect(t.rows.find((r) => r.name === '县特殊教育学校')?.kind).toBe('special');
  });

  test('counts in base units: 万元 × 10000 exactly, text "1,680" read as 1680', () => {
    const first = t.rows[0];
    expect(first).toEqual({
      row: 4,
      sheet: '学校数据',
      name: '城关第一小学',
      kind: 'primary',
      ownership: 'public',
      counts: {
        students: 1860,
        teachers: 98,
        qualifiedTeachers: 96,
        keyTeachers: 31,
        peArtTeachers: 20,
        teachingArea: 9300,
        sportsArea: 14880,
        equipmentValue: 10_416_000,
        multimediaRooms: 46,
      },
      columns: {
        name: 1,
        stage: 2,
        ownership: 3,
        students: 4,
        teachers: 5,
        qualifiedTeachers: 6,
        keyTeachers: 7,
        peArtTeachers: 8,
        teachingArea: 9,
        sportsArea: 10,
        equipmentValue: 11,
        multimediaRooms: 12,
      },
    });
    expect(t.rows.find((r) => r.name === '实验小学')?.counts.students).toBe(1680);
    expect(t.rows.find((r) => r.name === '青石镇河口小学')?.counts.equipmentValue).toBe(441_000);
    expect(t.rows.find((r) => r.name === '育才实验小学')?.ownership).toBe('private');
  });
});

describe('blank rows, "none" and numbers stored as text', () => {
  test('blank rows are skipped silently', () => {
    const t = read([['甲小学', '小学', 100, 500, 1], [], [null, '', '  '], ['乙小学', '小学', 200, 800, 2]]);
    expect(t.rows.map((r) => [r.row, r.name])).toEqual([
      [2, '甲小学'],
      [5, '乙小学'],
    ]);
    expect(t.skipped).toEqual([]);
    expect(t.issues).toEqual([]);
  });

  test('a row of white space of every kind (full-width, no-break, line breaks) is blank; FALSE, 0 and a date are not', () => {
    const blank = [null, '\u3000', '\u00a0 ', ' \n\t', '\r\n\u3000'];
    const t = read([['甲小学', '小学', 100, 500, 1], blank, ['乙小学', '小学', 200, 800, 2]]);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(t.skipped).toEqual([]);
    for (const value of [false, 0, new Date(2024, 0, 1), 'x']) {
      const u = read([
        ['甲小学', '小学', 100, 500, 1],
        [null, null, null, value],
      ]);
      // Not blank: the row is looked at (and skipped for its empty name), unlike the blank row above.
      expect(u.skipped.map((s) => [s.row, s.code])).toEqual([[3, 'noName']]);
    }
  });

  test('a name with line breaks and full-width spaces reads as shown, runs of spaces collapsed', () => {
    const t = read([['\u3000第一\n\n小学 \u00a0部 ', '小学', 100, 500, 1]]);
    expect(t.rows[0].name).toBe('第一 小学 部');
  });

  test.each([[''], [null], ['不详'], ['…'], ['?'], ['？']])(
    '%p is unknown: the field is absent, never 0 (spec §8)',
    (none) => {
      const t = read([['甲小学', '小学', 100, none, 1]]);
      expect(t.rows[0].counts).toEqual({ students: 100, equipmentValue: 10000 });
      expect('teachingArea' in t.rows[0].counts).toBe(false);
      expect(t.issues).toEqual([]);
    },
  );

  test.each([['—'], ['–'], ['-'], ['——'], ['/'], ['无']])(
    'spec §8: %p means none: 0, listed once as an info notice naming the cell',
    (dash) => {
      const t = read([['甲小学', '小学', 100, dash, 1]]);
      expect(t.rows[0].counts).toEqual({ students: 100, teachingArea: 0, equipmentValue: 10000 });
      expect(t.issues).toEqual([
        {
          sheet: '学校数据',
          row: 2,
          column: 'D',
          field: 'teachingArea',
          code: 'dashAsZero',
          severity: 'info',
          message: `「学校数据」第 2 行 D 列（教学及辅助用房面积）：“${dash}”按“无”计为 0`,
        },
      ]);
    },
  );

  test('with dashes: "unknown" (the profile switch) a dash is no data and no notice', () => {
    const t = readTable(grid([HEADER, ['甲小学', '小学', 100, '—', '/']]), { dashes: 'unknown' });
    expect(t.rows[0].counts).toEqual({ students: 100 });
    expect(t.issues).toEqual([]);
  });

  test.each([
    ['1,234.5', 1234.5],
    ['1，234', 1234],
    ['１２３４．５', 1234.5],
    [' 500 ', 500],
    ['500㎡', 500],
    ['500平方米', 500],
  ])('text %p in a ㎡ column is %p', (text, expected) => {
    const t = read([['甲小学', '小学', 100, text, null]]);
    expect(t.rows[0].counts.teachingArea).toBe(expected);
    expect(t.issues).toEqual([]);
  });

  test('exact unit conversion: 1.1 万元 is 11000 元, not 11000.000000000002; 12.34 万元 is 123400', () => {
    const t = read([
      ['甲小学', '小学', 100, 1, 1.1],
      ['乙小学', '小学', 100, 1, '12.34'],
      ['丙小学', '小学', 100, 1, 0.07],
    ]);
    expect(t.rows.map((r) => r.counts.equipmentValue)).toEqual([11000, 123400, 700]);
  });

  test('property: any amount of 万元 with up to 4 decimals converts to a whole number of 元, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (yuan) => {
        const wan = yuan / 10000;
        const t = read([['甲小学', '小学', 100, 1, wan]]);
        expect(t.rows[0].counts.equipmentValue).toBe(yuan);
      }),
      { numRuns: 300 },
    );
  });

  test('books in 万册 convert to 册', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数', '图书（万册）'],
        ['甲小学', 100, 1.25],
      ]),
    );
    expect(t.rows[0].counts.books).toBe(12500);
  });
});

describe('bad cells: an issue naming row and column, the field left absent, the row still returned', () => {
  test('#N/A → formulaError', () => {
    const t = read([['甲小学', '小学', 100, '#N/A', 1]]);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0].counts).toEqual({ students: 100, equipmentValue: 10000 });
    expect(t.issues).toEqual([
      {
        sheet: '学校数据',
        row: 2,
        column: 'D',
        field: 'teachingArea',
        code: 'formulaError',
        severity: 'error',
        message: '「学校数据」第 2 行 D 列（教学及辅助用房面积）：公式错误 #N/A，请先修正公式或填写数值',
      },
    ]);
  });

  test('a negative count → negative', () => {
    const t = read([['甲小学', '小学', -100, 500, 1]]);
    expect(t.rows[0].counts.students).toBeUndefined();
    expect(t.issues.map((i) => [i.code, i.row, i.column, i.field])).toEqual([
      ['negative', 2, 'C', 'students'],
    ]);
  });

  test('words in a number cell → notNumber, quoting the cell', () => {
    const t = read([['甲小学', '小学', 100, '约300', 1]]);
    expect(t.issues[0].message).toBe('「学校数据」第 2 行 D 列（教学及辅助用房面积）：“约300” 不是数字');
  });

  test('a unit in the cell that differs from the header unit → unitMismatch', () => {
    const t = read([['甲小学', '小学', 100, 500, '123400元']]);
    expect(t.rows[0].counts.equipmentValue).toBeUndefined();
    expect(t.issues.map((i) => i.code)).toEqual(['unitMismatch']);
  });

  test('a count shown with a date format → issue (Excel turned "3-5" into a date)', () => {
    const formats = [[], ['General', 'General', 'm/d', 'General', 'General']];
    const t = read([['甲小学', '小学', 45356, 500, 1]], { numberFormats: formats });
    expect(t.rows[0].counts.students).toBeUndefined();
    expect(t.issues.map((i) => [i.code, i.column])).toEqual([['notNumber', 'C']]);
  });

  test('a fractional number of students → notInteger warning, value kept', () => {
    const t = read([['甲小学', '小学', 100.5, 500, 1]]);
    expect(t.rows[0].counts.students).toBe(100.5);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([['notInteger', 'warning']]);
  });
});

describe('rows that are not schools', () => {
  test.each([
    ['合计'],
    ['总计'],
    ['小计'],
    ['全县'],
    ['全县合计'],
    ['平均'],
    ['小学合计'],
    ['其中：小学'],
    ['合 计'],
  ])('a %p row is skipped as a total', (name) => {
    const t = read([
      ['甲小学', '小学', 100, 500, 1],
      [name, null, 100, 500, 1],
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(['甲小学']);
    expect(t.skipped.map((s) => [s.row, s.code])).toEqual([[3, 'total']]);
  });

  test('合计 in the 序号 column before the name also marks a total row', () => {
    const t = readTable(
      grid([
        ['序号', '学校名称', '在校生数'],
        [1, '甲小学', 100],
        ['合计', null, 100],
      ]),
    );
    expect(t.skipped.map((s) => [s.row, s.code])).toEqual([[3, 'total']]);
    expect(withoutInfo(t.issues)).toEqual([]);
  });

  test('notes and signatures under the table are skipped', () => {
    const t = read([['甲小学', '小学', 100, 500, 1], ['注：面积单位为平方米'], ['填表人：张三']]);
    expect(t.rows).toHaveLength(1);
    expect(t.skipped.map((s) => s.code)).toEqual(['note', 'note']);
    expect(t.issues).toEqual([]);
  });

  test('notes without a colon are known by their first words, spaced or full-width; a school is not', () => {
    const t = read([
      ['甲小学', '小学', 100, 500, 1],
      ['备注 以上数据截至9月'],
      ['\u3000数据 来源 教育事业统计'],
      ['单位负责人 李四'],
      ['联合小学', '小学', 100, 500, 1],
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(['甲小学', '联合小学']);
    expect(t.skipped.map((s) => [s.row, s.code])).toEqual([
      [3, 'note'],
      [4, 'note'],
      [5, 'note'],
    ]);
  });

  test('the same name twice is a duplicate only within one kind', () => {
    const t = read([
      ['实验学校', '小学', 100, 500, 1],
      ['实验学校', '初中', 100, 500, 1],
      ['实验学校', '小学', 120, 500, 1],
    ]);
    expect(t.issues.filter((i) => i.code === 'duplicateSchool').map((i) => i.row)).toEqual([4]);
  });

  test('a column-number row (甲 乙 1 2 3) is skipped', () => {
    const t = read([
      ['甲', '乙', 1, 2, 3],
      ['甲小学', '小学', 100, 500, 1],
    ]);
    expect(t.rows.map((r) => r.name)).toEqual(['甲小学']);
    expect(t.skipped.map((s) => s.code)).toEqual(['numbering']);
  });

  test('a header repeated for printing is skipped', () => {
    const t = read([['甲小学', '小学', 100, 500, 1], HEADER, ['乙小学', '小学', 200, 500, 1]]);
    expect(t.rows.map((r) => r.name)).toEqual(['甲小学', '乙小学']);
    expect(t.skipped.map((s) => s.code)).toEqual(['repeatedHeader']);
  });

  test('data without a school name → skipped with a warning', () => {
    const t = read([[null, '小学', 100, 500, 1]]);
    expect(t.rows).toEqual([]);
    expect(t.skipped.map((s) => s.code)).toEqual(['noName']);
    expect(t.issues.map((i) => [i.code, i.severity, i.column])).toEqual([['missingName', 'warning', 'A']]);
  });

  test('a senior high school is not a compulsory-education school', () => {
    const t = read([['县第一高级中学', '高中', 2000, 500, 1]]);
    expect(t.rows).toEqual([]);
    expect(t.skipped.map((s) => s.code)).toEqual(['notCompulsory']);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([['notCompulsory', 'info']]);
  });
});

describe('school kind (spec §5)', () => {
  test.each([
    ['小学', 'primary'],
    ['小学部', 'primary'],
    ['初中', 'junior'],
    ['初级中学', 'junior'],
    ['九年一贯制', 'nineYear'],
    ['九年一贯制学校', 'nineYear'],
    ['完全中学', 'completeMiddle'],
    ['完中', 'completeMiddle'],
    ['十二年一贯制', 'twelveYear'],
    ['教学点', 'teachingPoint'],
    ['特殊教育学校', 'special'],
    ['特教', 'special'],
    ['（小学）', 'primary'],
    ['中学', null],
    ['中小学', null],
    ['职业高中', null],
    ['', null],
  ] as [string, SchoolKind | null][])('parseKind(%p) → %p', (text, kind) => {
    expect(parseKind(text)).toBe(kind);
  });

  test.each([
    ['城关第一小学', 'primary'],
    ['明德学校（小学部）', 'primary'],
    ['明德学校（初中部）', 'junior'],
    ['县第一初级中学', 'junior'],
    ['城关中学', 'junior'],
    ['红星九年一贯制学校', 'nineYear'],
    ['王庄教学点', 'teachingPoint'],
    ['县特殊教育学校', 'special'],
    ['县第一高级中学', null],
    ['育英学校', null],
  ] as [string, SchoolKind | null][])('kindFromName(%p) → %p', (name, kind) => {
    expect(kindFromName(name)).toBe(kind);
  });

  const KIND_HEADER = ['学校名称', '学段', '学校类型', '在校生数'];
  test.each([
    ['小学', '九年一贯制', 'primary', '一贯制学校的小学部行：学段定学段'],
    ['初中', '九年一贯制', 'junior', '一贯制学校的初中部行'],
    ['小学', '教学点', 'teachingPoint', '教学点仍是教学点'],
    ['', '九年一贯制', 'nineYear', '合并行'],
    ['', '完全中学', 'completeMiddle', '合并行'],
    ['小学', '', 'primary', '只有学段'],
  ] as [string, string, SchoolKind, string][])('学段 %p + 学校类型 %p → %p (%s)', (stage, kind, expected) => {
    const t = readTable(grid([KIND_HEADER, ['某学校', stage, kind, 100]]));
    expect(t.rows[0].kind).toBe(expected);
    expect(t.issues).toEqual([]);
  });

  test('without a kind column the name decides, and an info issue says so', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数'],
        ['城关第一小学', 100],
        ['城关中学', 200],
      ]),
    );
    expect(t.rows.map((r) => r.kind)).toEqual(['primary', 'junior']);
    expect(t.issues.map((i) => [i.code, i.severity])).toEqual([['noKindColumn', 'info']]);
  });

  test('defaultKind applies when neither the kind cell nor the name says anything', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数'],
        ['育英学校', 100],
        ['城关中学', 200],
      ]),
      {
        defaultKind: 'primary',
      },
    );
    expect(t.rows.map((r) => r.kind)).toEqual(['primary', 'junior']);
    expect(t.issues).toEqual([]);
  });

  test('no kind at all → error issue and the row is skipped', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数'],
        ['育英学校', 100],
      ]),
    );
    expect(t.rows).toEqual([]);
    expect(t.skipped.map((s) => s.code)).toEqual(['noKind']);
    const errors = t.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.row])).toEqual([['unknownKind', 2]]);
    expect(errors[0].message).toContain('育英学校');
  });

  test('an unknown kind text with a telling name → warning, kind from the name', () => {
    const t = read([['城关第一小学', '普通学校', 100, 500, 1]]);
    expect(t.rows[0].kind).toBe('primary');
    expect(t.issues.map((i) => [i.code, i.severity, i.column])).toEqual([['unknownKind', 'warning', 'B']]);
  });

  test('a 学段 merged down over a group of rows applies to every row of the group', () => {
    const t = read(
      [
        ['甲校', '小学', 100, 500, 1],
        ['乙校', null, 200, 500, 1],
        ['丙校', '初中', 300, 500, 1],
      ],
      { merges: [{ top: 2, left: 1, bottom: 3, right: 1 }] },
    );
    expect(t.rows.map((r) => r.kind)).toEqual(['primary', 'primary', 'junior']);
  });
});

describe('merged school names', () => {
  test('a name merged down over the 小学 and 初中 rows of a 一贯制 school names both parts', () => {
    const t = read(
      [
        ['明德学校', '小学', 720, 3600, 180],
        [null, '初中', 450, 2790, 135],
      ],
      { merges: [{ top: 2, left: 0, bottom: 3, right: 0 }] },
    );
    expect(t.rows.map((r) => [r.row, r.name, r.kind])).toEqual([
      [2, '明德学校', 'primary'],
      [3, '明德学校', 'junior'],
    ]);
    expect(t.issues).toEqual([]);
  });
});

describe('办学性质 and 隶属关系', () => {
  test.each([
    ['公办', 'public'],
    ['民办', 'private'],
    ['教育部门办', 'public'],
    ['私立', 'private'],
    ['其他', null],
  ])('parseOwnership(%p) → %p', (text, expected) => {
    expect(parseOwnership(text)).toBe(expected);
  });

  test.each([
    ['县属', '隶属关系', true],
    ['省市直属', '隶属关系', false],
    ['市属', '隶属关系', false],
    ['乡镇', '隶属关系', true],
    ['是', '是否省市直属', false],
    ['否', '是否省市直属', true],
    ['其他', '隶属关系', null],
  ] as [string, string, boolean | null][])('parseAffiliation(%p under %p) → %p', (text, header, expected) => {
    expect(parseAffiliation(text, header)).toBe(expected);
  });

  test('read into ownership and countyRun; unknown values are warnings', () => {
    const t = readTable(
      grid([
        ['学校名称', '办学性质', '隶属关系', '在校生数'],
        ['甲小学', '民办', '县属', 100],
        ['乙小学', '公办', '省市直属', 100],
        ['丙小学', '合办', '不详', 100],
      ]),
    );
    expect(t.rows.map((r) => [r.ownership, r.countyRun])).toEqual([
      ['private', true],
      ['public', false],
      [undefined, undefined],
    ]);
    expect(withoutInfo(t.issues).map((i) => [i.code, i.row, i.column])).toEqual([
      ['unknownOwnership', 4, 'B'],
      ['unknownAffiliation', 4, 'C'],
    ]);
  });
});

describe('combined rows, ratio columns and columns map', () => {
  test('per-stage counts go to byStage, totals stay in counts', () => {
    const t = readTable(
      grid([
        [
          '学校名称',
          '学校类型',
          '在校生数',
          '小学在校生数',
          '初中在校生数',
          '小学专任教师数',
          '初中专任教师数',
          '教学及辅助用房面积',
        ],
        ['红星九年一贯制学校', '九年一贯制', 1000, 600, 400, 32, 29, 5200],
      ]),
    );
    expect(t.rows[0]).toMatchObject({
      kind: 'nineYear',
      counts: { students: 1000, teachingArea: 5200 },
      byStage: { primary: { students: 600, teachers: 32 }, junior: { students: 400, teachers: 29 } },
    });
  });

  test('ratio columns go to ratios keyed by indicator id; percent text is a fraction', () => {
    const t = readTable(
      grid([
        [
          '学校名称',
          '学段',
          '在校生数',
          '生均教学及辅助用房面积（㎡）',
          '每百名学生拥有网络多媒体教室数',
          '师生比',
        ],
        ['甲小学', '小学', 100, '5.2', '85%', 0.06],
      ]),
    );
    expect(t.rows[0].ratios).toEqual({
      teachingAreaPerStudent: 5.2,
      multimediaRoomsPer100: 0.85,
      teachersPerStudent: 0.06,
    });
  });

  test('师生比 "1:18" is 1/18 teacher per student; 18 looks like 生师比 and is refused (spec §2.2)', () => {
    const t = readTable(
      grid([
        ['学校名称', '学段', '在校生数', '师生比'],
        ['甲小学', '小学', 180, '1:18'],
        ['乙小学', '小学', 180, 18],
      ]),
    );
    expect(t.rows[0].ratios?.teachersPerStudent).toBe(1 / 18);
    expect(t.rows[1].ratios).toBeUndefined();
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([['ratioInverted', 3, 'D']]);
  });
});

describe('duplicates, hidden rows, missing columns, empty sheets', () => {
  test('duplicate school names (same name and kind) → warning naming both rows', () => {
    const t = read([
      ['甲小学', '小学', 100, 500, 1],
      ['明德学校', '小学', 100, 500, 1],
      ['明德学校', '初中', 100, 500, 1],
      ['甲小学', '小学', 100, 500, 1],
    ]);
    expect(t.rows).toHaveLength(4);
    expect(t.issues).toEqual([
      {
        sheet: '学校数据',
        row: 5,
        column: 'A',
        field: 'name',
        code: 'duplicateSchool',
        severity: 'warning',
        message: '「学校数据」第 5 行“甲小学”与第 2 行学校名称和类型相同，可能重复填报',
      },
    ]);
  });

  test('hidden rows are read and noted as info', () => {
    const t = read(
      [
        ['甲小学', '小学', 100, 500, 1],
        ['乙小学', '小学', 200, 500, 1],
      ],
      { hiddenRows: [3] },
    );
    expect(t.rows).toHaveLength(2);
    expect(t.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['hiddenRow', 'info', 3]]);
  });

  test('missing 在校生数 column → missingColumn error; rows still read', () => {
    const t = readTable(
      grid([
        ['学校名称', '学段', '专任教师数'],
        ['甲小学', '小学', 5],
      ]),
    );
    expect(t.issues.map((i) => [i.code, i.field, i.severity])).toEqual([
      ['missingColumn', 'students', 'error'],
    ]);
    expect(t.rows[0].counts).toEqual({ teachers: 5 });
  });

  test('missing 学校名称 column → missingColumn error and no rows', () => {
    const t = readTable(
      grid([
        ['学段', '在校生数', '专任教师数'],
        ['小学', 100, 5],
      ]),
    );
    expect(t.rows).toEqual([]);
    expect(t.issues.map((i) => [i.code, i.field])).toEqual([['missingColumn', 'name']]);
  });

  test('two columns for one field → duplicateColumn, the first column read', () => {
    const t = readTable(
      grid([
        ['学校名称', '在校生数', '学生数'],
        ['甲小学', 100, 999],
      ]),
    );
    expect(t.rows[0].counts.students).toBe(100);
    expect(withoutInfo(t.issues).map((i) => [i.code, i.column])).toEqual([['duplicateColumn', 'C']]);
  });

  test.each([
    ['an empty grid', []],
    ['only a title', [['XX县义务教育学校基本情况统计表']]],
  ])('%s → one noTable error (未找到学校数据表…) and no rows', (_what, values) => {
    const t = readTable(grid(values as CellValue[][]));
    expect(t.rows).toEqual([]);
    expect(t.header).toBeNull();
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]).toMatchObject({ code: 'noTable', severity: 'error', row: 0 });
    expect(t.issues[0].message).toContain('未找到学校数据表');
  });

  test('never throws on odd cell values', () => {
    // Objects and undefined are outside the grid contract: a host that forgot to normalise must not crash the reader.
    const odd = [
      true,
      new Date(2024, 0, 1),
      { richText: [{ text: '12' }] },
      { error: '#REF!' },
      NaN,
      undefined,
    ] as unknown as CellValue[];
    expect(() => read(odd.map((v) => ['甲小学', '小学', v, v, v]))).not.toThrow();
  });
});

describe('a mapping fixed by the user', () => {
  test('replaces the recognised mapping; units come from the header via mapColumn', () => {
    const values = [
      ['学校', '人数', '设备（万元）'],
      ['甲小学', 100, 2.5],
    ];
    const t = readTable(grid(values), {
      mapping: {
        name: mapColumn('name', 0, '学校'),
        students: mapColumn('students', 1, '人数'),
        equipmentValue: mapColumn('equipmentValue', 2, '设备（万元）'),
      },
      defaultKind: 'primary',
    });
    expect(t.header).toEqual({ top: 1, bottom: 1 });
    expect(t.rows[0]).toMatchObject({ kind: 'primary', counts: { students: 100, equipmentValue: 25000 } });
    expect(t.issues).toEqual([]);
  });

  test('an unknown field key in the mapping is a programmer error', () => {
    expect(() =>
      readTable(grid([['a'], ['b']]), { mapping: { bogus: { column: 0, header: 'a', unitFactor: 1 } } }),
    ).toThrow(RangeError);
  });
});

describe('re-exports for adapters', () => {
  test('columnLetter and cellAddress', () => {
    expect(columnLetter(26)).toBe('AA');
    expect(cellAddress(3, 0)).toBe('A3');
  });
});

describe('spec §6: standard rows under the header are not schools', () => {
  test('国家标准（小学） in the 序号 column beside a blank name is skipped as a standard row, with no missing-name warning', () => {
    const t = readTable(
      grid([
        ['序号', '学校名称', '学段', '在校生数', '教学及辅助用房面积（㎡）'],
        ['国家标准（小学）', null, '小学', null, 4.5],
        [1, '甲小学', '小学', 100, 450],
      ]),
    );
    expect(t.skipped.map((s) => [s.row, s.code])).toEqual([[2, 'standard']]);
    expect(t.rows.map((r) => r.name)).toEqual(['甲小学']);
    expect(t.issues).toEqual([]);
  });
});

describe('numeric cells: the fast path for a positive number reads as the parser does', () => {
  test('0 and −0 read 0 without an issue; a negative number is refused', () => {
    const t = read([
      ['甲小学', '小学', 0, -0, 1],
      ['乙小学', '小学', 100, -3, 1],
    ]);
    expect(Object.is(t.rows[0].counts.students, 0)).toBe(true);
    expect(Object.is(t.rows[0].counts.teachingArea, 0)).toBe(true);
    expect(t.rows[1].counts.teachingArea).toBeUndefined();
    expect(t.issues.map((i) => [i.code, i.row, i.column])).toEqual([['negative', 3, 'D']]);
  });

  test('a number format that is not a date keeps the value; 万元 converts to 元', () => {
    const formats = [[], ['General', 'General', '#,##0', '0.00', '0.00_ ']];
    const t = read([['甲小学', '小学', 120, 300.5, 12.34]], { numberFormats: formats });
    expect(t.rows[0].counts).toEqual({ students: 120, teachingArea: 300.5, equipmentValue: 123400 });
    expect(t.issues).toEqual([]);
  });

  test('any positive number reads as the same number typed as text (the parser’s path), issues and all', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 5e-324, max: 1e300, noNaN: true })),
        fc.oneof(fc.integer({ min: 1, max: 1e7 }), fc.double({ min: 1e-6, max: 1e7, noNaN: true })),
        (students, money) => {
          const asNumber = read([['甲小学', '小学', students, 500, money]]);
          const asText = read([['甲小学', '小学', String(students), 500, String(money)]]);
          expect(asNumber.rows[0].counts).toEqual(asText.rows[0].counts);
          expect(asNumber.issues.map((i) => [i.code, i.message])).toEqual(
            asText.issues.map((i) => [i.code, i.message]),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseKind remembers the texts it has parsed', () => {
  test('the same answer the first time, the second, and after more than a thousand other texts', () => {
    const texts = ['小学', '初中', '九年一贯制学校', '中小学', '教学点', '特殊教育学校', '高中', ''];
    const first = texts.map(parseKind);
    expect(first).toEqual(['primary', 'junior', 'nineYear', null, 'teachingPoint', 'special', null, null]);
    expect(texts.map(parseKind)).toEqual(first);
    for (let i = 0; i < 1500; i++) expect(parseKind(`第${i}号初级中学`)).toBe('junior');
    expect(texts.map(parseKind)).toEqual(first);
  });

  test('a General number format reads a count as no format does; a date format still refuses it', () => {
    const general = read([['甲小学', '小学', 120, 300, 1]], {
      numberFormats: [[], ['General', 'General', 'General', 'General', 'General']],
    });
    const none = read([['甲小学', '小学', 120, 300, 1]]);
    expect(general.rows[0].counts).toEqual(none.rows[0].counts);
    expect(general.issues).toEqual(none.issues);
    const dated = read([['甲小学', '小学', 120, 300, 1]], {
      numberFormats: [[], ['General', 'General', 'yyyy-m-d']],
    });
    expect(dated.issues.map((i) => [i.code, i.column])).toEqual([['notNumber', 'C']]);
  });
});
