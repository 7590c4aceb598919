// The pane's steps as pure functions: locating the table, keeping a saved mapping only while it fits, checking, reporting.
import path from 'path';
import { planHighlights } from '../../src/engine/plans/highlightPlan';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { countyVerdict, mergeIssues, reportFor, resourceUnits } from '../../src/engine/plans/sheetCheck';
import type { DataIssue, IssueCode } from '../../src/engine/model/types';
import { PROFILE_TEXTS_ZH, profileProblemText } from '../../src/engine/model/profileTexts';
import { readSheet } from '../../src/hosts/officejs/readSheet';
import type { SheetRead } from '../../src/hosts/port';
import { parseSettings, savedTableFor } from '../../src/taskpane/settings';
import {
  assignColumn,
  locateTable,
  missingRequired,
  relevantFields,
  resolveProfile,
  restoreMapping,
  runCheck,
  savedTableOf,
  type LocatedTable,
} from '../../src/taskpane/workflow';
import { loadWorkbook, type WorkbookData } from '../support/fakeHostData';
import { readXlsx } from '../support/fakeHostXlsx';

const SAMPLE = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
let sample: WorkbookData;
let read: SheetRead;
let table: LocatedTable;

beforeAll(async () => {
  sample = await readXlsx(SAMPLE);
  const fake = loadWorkbook(sample);
  read = await fake.run((context) => readSheet(context as unknown as Excel.RequestContext));
  const location = locateTable(read, false);
  if (!location.ok) throw new Error('the sample has a table');
  table = location.table;
});

/** A sheet of given rows starting at A1, as readSheet would return it. */
function sheetRead(values: unknown[][], sheet = '学校数据'): SheetRead {
  const width = Math.max(...values.map((r) => r.length));
  const last = String.fromCharCode(64 + width);
  return {
    sheet,
    address: `${sheet}!A1:${last}${values.length}`,
    values: values.map((r) => [...r, ...Array(width - r.length).fill('')]),
    firstRow: 1,
    firstColumn: 0,
    tables: [],
  };
}

describe('locating the table', () => {
  test('the sample: title row above, header in row 2, every header column offered for mapping', () => {
    expect(table.sheet).toBe('学校基本情况');
    expect([table.headerTop, table.headerBottom]).toEqual([2, 2]);
    expect(table.columns).toHaveLength(28);
    expect(table.columns[4]).toEqual({ column: 4, letter: 'E', header: '在校生数（人）' });
    expect(table.detected.students?.column).toBe(4);
    expect(table.detected.equipmentValue).toMatchObject({ column: 18, unit: '万元', unitFactor: 10000 });
    expect(table.request).toEqual({ source: 'auto', sheet: '学校基本情况' });
  });

  test('a table the user selected is re-read as that range of that sheet', () => {
    const location = locateTable(
      sheetRead([
        ['学校名称', '在校生数'],
        ['城关小学', 500],
      ]),
      true,
    );
    expect(location.ok && location.table.request).toEqual({
      source: 'range',
      sheet: '学校数据',
      address: 'A1:B2',
    });
  });

  test('no header: the engine’s reason, in Chinese', () => {
    const location = locateTable(sheetRead([['2026 年工作计划'], ['一、摸底调查']]), false);
    expect(location.ok).toBe(false);
    expect(!location.ok && location.issues[0].message).toMatch(/^「学校数据」未找到学校数据表/);
  });
});

describe('the column mapping', () => {
  test('a saved mapping is reused while every saved column still carries its header', () => {
    const changed = assignColumn(table, table.detected, 'name', 0);
    const saved = savedTableOf(table, changed);
    expect(saved.columns.name).toEqual({ column: 0, header: '序号' });
    const again = restoreMapping(table, saved);
    expect(again.restored).toBe(true);
    expect(again.mapping.name?.column).toBe(0);
    expect(again.mapping.students).toBe(table.detected.students);
  });

  test('a saved mapping whose column moved (header text differs) is not reused: the recognised one is', () => {
    const saved = savedTableOf(table, table.detected);
    const moved = {
      ...saved,
      columns: { ...saved.columns, students: { column: 5, header: '在校生数（人）' } },
    };
    expect(restoreMapping(table, moved)).toEqual({ mapping: table.detected, restored: false });
    expect(restoreMapping(table, { ...saved, headerBottom: 3 })).toEqual({
      mapping: table.detected,
      restored: false,
    });
    expect(restoreMapping(table, undefined)).toEqual({ mapping: table.detected, restored: false });
  });

  test('a column holds one field: assigning it elsewhere takes it away from the old field', () => {
    const next = assignColumn(table, table.detected, 'teachers', 4);
    expect(next.teachers?.column).toBe(4);
    expect(next.students).toBeUndefined();
  });

  test('a field mapped by hand reads the unit in its header (万元 → ×10000); null unmaps', () => {
    const cleared = assignColumn(table, table.detected, 'equipmentValue', null);
    expect(cleared.equipmentValue).toBeUndefined();
    const byHand = assignColumn(table, cleared, 'equipmentValue', 18);
    expect(byHand.equipmentValue).toMatchObject({ column: 18, unit: '万元', unitFactor: 10000 });
  });

  test('required: 学校名称 and 在校生数; per-stage 在校生数 columns stand in for the whole-school one', () => {
    const { name, students, ...rest } = table.detected;
    expect(name && students).toBeTruthy();
    expect(missingRequired(table, rest)).toEqual(['name']);
    expect(missingRequired(table, { ...rest, name })).toEqual([]);
    const { 'primary.students': p, 'junior.students': j, 'senior.students': s, ...none } = rest;
    expect(p && j && s).toBeTruthy();
    expect(missingRequired(table, { ...none, name })).toEqual(['students']);
  });

  test('the list shows identity fields, required ones, what the profile reads and what is mapped', () => {
    const quality = relevantFields({}, QUALITY_2017).map((f) => f.key);
    expect(quality).toEqual(
      expect.arrayContaining(['name', 'students', 'sportsArea', 'keyTeachers', 'peArtTeachers']),
    );
    expect(quality).not.toContain('books');
    const basic = relevantFields({}, BASIC_2012).map((f) => f.key);
    expect(basic).toEqual(expect.arrayContaining(['books', 'computers', 'seniorTitleTeachers']));
    expect(
      relevantFields({ publicFunds: { column: 3, header: '生均公用经费', unitFactor: 1 } }, null).map(
        (f) => f.key,
      ),
    ).toContain('publicFunds');
  });
});

describe('the standard', () => {
  test('built-in profiles by id', () => {
    expect(resolveProfile({ kind: 'builtin', id: 'basic-2012' })).toEqual({ ok: true, profile: BASIC_2012 });
  });

  test('settings stored before 自动选择 existed still read as they were; auto is stored and read back', () => {
    const stored = (profile: unknown) => parseSettings({ version: 1, profile, tables: {} }).profile;
    expect(stored({ kind: 'builtin', id: 'quality-2017' })).toEqual({ kind: 'builtin', id: 'quality-2017' });
    expect(stored({ kind: 'builtin', id: 'basic-2012' })).toEqual({ kind: 'builtin', id: 'basic-2012' });
    expect(stored({ kind: 'auto' })).toEqual({ kind: 'auto' });
  });

  test('auto: the regime whose columns the table has, with the engine’s reason; 优质均衡 when neither fits', () => {
    const basic = ['name', 'kind', 'students', 'teachers', 'seniorTeachers', 'teachingArea', 'sportsArea'];
    const quality = resolveProfile({ kind: 'auto' }, [
      'name',
      'students',
      'qualifiedTeachers',
      'keyTeachers',
      'peArtTeachers',
      'teachingArea',
      'sportsArea',
      'equipmentValue',
      'multimediaRooms',
    ]);
    expect(quality.ok && quality.profile.id).toBe('quality-2017');
    expect(quality.ok && quality.auto?.explanation).toMatch(/^表中有优质均衡所需的全部数据列/);
    const neither = resolveProfile({ kind: 'auto' }, basic);
    expect(neither.ok && neither.profile.id).toBe('quality-2017');
    expect(neither.ok && neither.auto?.explanation).toMatch(/都不全/);
    expect(resolveProfile({ kind: 'builtin', id: 'basic-2012' }, basic)).toEqual({
      ok: true,
      profile: BASIC_2012,
    });
  });

  test('a custom profile is validated with the engine’s messages; an empty one waits for input', () => {
    expect(resolveProfile({ kind: 'custom', text: '  ' })).toEqual({ ok: false, problems: [] });
    const broken = resolveProfile({ kind: 'custom', text: '{ "extends": "quality-2017", ' });
    expect(!broken.ok && broken.problems.map((p) => p.code)).toEqual(['jsonSyntax']);
    expect(!broken.ok && profileProblemText(broken.problems[0], PROFILE_TEXTS_ZH)).toMatch(/^JSON 格式错误/);
    const custom = resolveProfile({
      kind: 'custom',
      text: '{ "extends": "quality-2017", "schoolRule": { "k": 5, "r": 0.6 } }',
    });
    expect(custom.ok && custom.profile.schoolRule).toEqual({ k: 5, r: 0.6 });
  });
});

describe('checking', () => {
  // Spec TV-5, 小学 standards [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3], as raw counts of 1000-student schools.
  const header = [
    '学校名称',
    '学校类型',
    '在校生数',
    '高于规定学历教师数',
    '县级以上骨干教师数',
    '体育、艺术专任教师数',
    '教学及辅助用房面积',
    '体育运动场馆面积',
    '教学仪器设备值',
    '网络多媒体教室数',
  ];
  const school = (name: string, sportsArea: number) => [
    name,
    '小学',
    1000,
    45,
    12,
    10,
    5000,
    sportsArea,
    2100000,
    25,
  ];
  const grid = sheetRead([header, school('甲校', 8000), school('丙校', 6375), school('丁校', 6300)]);

  test('TV-5: exactly 85% of the standard passes (C), 84% fails (D); both sports-area cells are below standard', () => {
    const location = locateTable(grid, false);
    if (!location.ok) throw new Error('table expected');
    const outcome = runCheck(grid, location.table.detected, 1, QUALITY_2017);
    expect(outcome.evaluation.schools.map((s) => [s.name, s.pass])).toEqual([
      ['甲校', true],
      ['丙校', true],
      ['丁校', false],
    ]);
    // The failing school's name turns red and its cell below standard amber; the passing school's cell at exactly
    // 85% gets the lighter allowance shade.
    expect(outcome.plan.marks.map((m) => [m.address, m.fill])).toEqual([
      ['H3', '#FFF2CC'],
      ['A4', '#FF9999'],
      ['H4', '#FFE699'],
    ]);
    expect(outcome.plan.marks[0].note).toContain('低于标准但在 85% 允许范围内，学校仍达标');
    expect(outcome.plan.marks[2].note).toBe(
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 75㎡ 达到底线即可使学校达标，增加 1,200㎡ 达到标准',
    );
  });

  test('the pane marks exactly what planHighlights plans for the sample (table reader and engine issues merged)', () => {
    const outcome = runCheck(read, table.detected, table.headerBottom, QUALITY_2017);
    expect(outcome.evaluation.summary).toEqual({
      checked: 37,
      passed: 33,
      failed: 4,
      undecided: 0,
      excluded: 2,
    });
    // The sample's equipment value is in 万元: the note says so, as staff write it, not “260,000元”.
    expect(outcome.plan.marks.find((m) => m.address === 'S36')?.note).toContain(
      '增加 6.50万元 达到底线即可使学校达标，增加 26.00万元 达到标准',
    );
    // The plan also says where the header and the name column are, so the host need not recognise them again.
    expect(outcome.plan.layout).toEqual({
      headerTop: outcome.table.header!.top,
      headerBottom: outcome.table.header!.bottom,
      nameColumn: outcome.table.mapping.name!.column,
    });
    expect({ ...outcome.plan, layout: undefined }).toEqual(
      planHighlights({
        sheet: '学校基本情况',
        schools: outcome.evaluation.schools,
        columns: outcome.evaluation.parts.map((p) => ({
          row: p.row,
          stage: p.stage,
          columns: Object.fromEntries(Object.entries(p.columns ?? {}).filter(([k]) => !k.includes('.'))),
        })),
        issues: outcome.issues,
        rule: QUALITY_2017.schoolRule,
        units: resourceUnits(outcome.table.mapping),
      }),
    );
    expect(countyVerdict(outcome.evaluation).verdict).toBe('fail');
  });

  test('issues reported by both the reader and the engine on one cell are listed once, in row order', () => {
    const issue = (row: number, code: IssueCode): DataIssue => ({
      row,
      column: 'C',
      field: 'students',
      code,
      message: `第 ${row} 行`,
      severity: 'warning',
    });
    expect(
      mergeIssues(
        [issue(5, 'notNumber'), issue(2, 'negative')],
        [issue(5, 'notNumber'), issue(3, 'tooLarge')],
      ).map((i) => i.row),
    ).toEqual([2, 3, 5]);
  });

  test('the report: 均衡评估报告 with the profile, the date as 年月日 and the source sheet', () => {
    const outcome = runCheck(read, table.detected, table.headerBottom, QUALITY_2017);
    const plan = reportFor(outcome, new Date(2026, 2, 1));
    expect(plan.sheetName).toBe('均衡评估报告');
    const overview = plan.sections.find((s) => s.id === 'overview')?.values.flat();
    expect(overview).toEqual(
      expect.arrayContaining(['评估日期', '2026年3月1日', '数据工作表', '学校基本情况']),
    );
  });
});

describe('stored settings', () => {
  test('sheets named like Object.prototype members: saved under their own name, never found by inheritance', () => {
    const raw = JSON.parse(
      '{"version":1,"profile":{"kind":"builtin","id":"quality-2017"},"tables":{"__proto__":{"headerBottom":2,"columns":{}}}}',
    ) as unknown;
    const parsed = parseSettings(raw);
    expect(Object.getPrototypeOf(parsed.tables)).toBe(Object.prototype);
    expect(Object.keys(parsed.tables)).toEqual(['__proto__']);
    expect(savedTableFor(parsed, '__proto__')).toEqual({ headerBottom: 2, columns: {} });
    expect(savedTableFor(parsed, 'constructor')).toBeUndefined();
    expect(savedTableFor(parsed, 'toString')).toBeUndefined();
  });

  test('the dashes switch is kept when it is "none" or "unknown", dropped otherwise (then “—” reads as 0)', () => {
    const base = { version: 1, profile: { kind: 'builtin', id: 'quality-2017' }, tables: {} };
    expect(parseSettings({ ...base, dashes: 'unknown' }).dashes).toBe('unknown');
    expect(parseSettings({ ...base, dashes: 'none' }).dashes).toBe('none');
    expect('dashes' in parseSettings({ ...base, dashes: 'zero' })).toBe(false);
  });

  test('anything unreadable falls back to the defaults; unknown fields are dropped, the rest kept', () => {
    // A workbook without settings (or with unreadable ones) chooses its standard from its columns.
    expect(parseSettings(null)).toEqual({ version: 1, profile: { kind: 'auto' }, tables: {} });
    expect(parseSettings({ version: 1, profile: { kind: 'magic' }, tables: {} }).profile).toEqual({
      kind: 'auto',
    });
    expect(parseSettings({ version: 2, profile: { kind: 'builtin', id: 'basic-2012' } }).profile.kind).toBe(
      'auto',
    );
    const parsed = parseSettings({
      version: 1,
      profile: { kind: 'custom', text: '{"extends":"basic-2012"}' },
      tables: {
        学校数据: {
          headerBottom: 2,
          address: 'A2:C9',
          columns: {
            name: { column: 0, header: '学校' },
            nonsense: { column: 1, header: 'x' },
            students: { column: -1, header: 'y' },
          },
        },
        坏表: { headerBottom: 0, columns: {} },
      },
    });
    expect(parsed).toEqual({
      version: 1,
      profile: { kind: 'custom', text: '{"extends":"basic-2012"}' },
      tables: {
        学校数据: { headerBottom: 2, address: 'A2:C9', columns: { name: { column: 0, header: '学校' } } },
      },
    });
  });
});
