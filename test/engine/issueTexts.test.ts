// Issue wording keyed by code (issue #11): every code has a text, every issue the engine builds can be worded again
// from its place and params, and a second language gets nothing of the first's text.
import fc from 'fast-check';
import {
  evaluate,
  getProfile,
  ISSUE_CODES,
  ISSUE_TEXTS_ZH,
  planStage,
  readTable,
  renderIssue,
  type CellValue,
  type DataIssue,
  type IssueTexts,
} from '../../src/engine';

const HAN = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** A stand-in second language: the code and its params, so any Chinese in the output came from the params. */
const PROBE = Object.fromEntries(
  ISSUE_CODES.map((code) => [code, (at: object, p: object) => `${code} ${JSON.stringify({ at, p })}`]),
) as unknown as IssueTexts;

const HEADER: CellValue[] = [
  '学校名称',
  '学段',
  '办学性质',
  '隶属关系',
  '在校生数（人）',
  '教学及辅助用房面积（㎡）',
  '教学仪器设备值（美元）',
  '专任教师数（人）',
  '图书（册）',
  '师生比',
  '经费（美元）',
  '教学及辅助用房面积（㎡）',
];

/** One school table with a problem in nearly every cell a reader can meet. */
function troubledTable(): CellValue[][] {
  return [
    HEADER,
    ['城关小学', '小学', '公办', '县属', 420, 1800, 60, 30, 9000, 0.05, 1, 1],
    ['东风小学', '小学', '其他', '不清楚', 300, '—', 'x', 20.5, '#N/A', 20, 1, 1],
    ['西河小学', '幼儿园', '公办', '县属', 200, 100, 10, 10, 100, 0.05, 1, 1],
    ['南山学校', '某某', '公办', '县属', 200, 100, 10, 10, 100, 0.05, 1, 1],
    ['城关小学', '小学', '公办', '县属', 420, 1800, 60, 30, 'abc', 0.05, 1, 1],
    ['北岭小学', '小学', '公办', '县属', -5, '1e999', 1, true, '12台', 0.05, 1, 1],
    ['', '小学', '公办', '县属', 100, 100, 10, 10, 100, 0.05, 1, 1],
    ['河口小学', '小学', '公办', '县属', 0, 100, 10, 10, 100, 0.05, 1, 1],
    ['平安学校', '九年一贯制', '公办', '县属', 900, 100, 10, 10, 100, 0.05, 1, 1],
    ['一中', '完全中学', '公办', '县属', null, 100, 10, 10, 100, 0.05, 1, 1],
    ['特教学校', '特殊教育学校', '公办', '县属', 50, 100, 10, 10, 100, 0.05, 1, 1],
    ['石桥小学', '小学', '公办', '县属', 150, null, 1, 10, 100, 0.05, 1, 1],
    ['合计', '', '', '', 2000, 5000, 100, 100, 10000, 0.05, 1, 1],
  ];
}

function issuesOf(values: CellValue[][]): DataIssue[] {
  const table = readTable({ sheet: '学校数据', values, firstRow: 1, firstColumn: 0, hiddenRows: [3] });
  const profile = getProfile('quality-2017')!;
  const evaluation = evaluate(table.rows, profile);
  const planned = planStage(evaluation, 'primary');
  return [...table.issues, ...evaluation.issues, ...planned.issues];
}

describe('issue wording keyed by code', () => {
  test('every code has exactly one zh-CN text, and no text belongs to an unknown code', () => {
    expect(Object.keys(ISSUE_TEXTS_ZH).sort()).toEqual([...ISSUE_CODES].sort());
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  test('a troubled table: each issue is worded again exactly from its place and params, in any language', () => {
    const issues = issuesOf(troubledTable());
    const codes = new Set(issues.map((i) => i.code));
    // The table above meets these codes at least (a change that drops one of them is seen here).
    for (const code of [
      'duplicateColumn',
      'foreignCurrency',
      'notNumber',
      'formulaError',
      'negative',
      'tooLarge',
      'unitMismatch',
      'dashAsZero',
      'notInteger',
      'ratioInverted',
      'unknownOwnership',
      'unknownAffiliation',
      'unknownKind',
      'notCompulsory',
      'missingName',
      'hiddenRow',
      'duplicateSchool',
      'missingStudents',
      'zeroStudents',
      'stageUnknown',
      'missingValue',
      'indicatorUnavailable',
    ] as const) {
      expect(codes).toContain(code);
    }
    for (const issue of issues) {
      expect(issue.detail).toBeDefined();
      expect(renderIssue(issue)).toBe(issue.message);
      const probe = renderIssue(issue, PROBE);
      expect(probe.startsWith(issue.code + ' ')).toBe(true);
    }
  });

  test('the params carry data, not Chinese wording: only names and texts the user typed are Chinese', () => {
    const typed = new Set(
      troubledTable()
        .flat()
        .filter((v): v is string => typeof v === 'string'),
    );
    for (const issue of issuesOf(troubledTable())) {
      const values = issue.detail?.values as Record<string, unknown>;
      for (const [key, value] of Object.entries(values)) {
        if (typeof value !== 'string' || !HAN.test(value)) continue;
        // Texts as typed (a cell, a header, a unit from a header) and the planner's own note are allowed.
        const fromUser = typed.has(value) || [...typed].some((t) => t.includes(value));
        expect({ code: issue.code, key, fromUser }).toEqual({ code: issue.code, key, fromUser: true });
      }
    }
  });

  test('property: random cells never yield an issue that cannot be worded again', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -10, max: 5000 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constantFrom('—', '/', '无', '不详', 'abc', '#DIV/0!', '12人', '3万元', '1e999', '', '小学', '初中'),
    );
    const row = fc.tuple(
      fc.constantFrom('甲小学', '乙中学', '', '合计', '国家标准（小学）', '丙学校'),
      fc.constantFrom('小学', '初中', '九年一贯制', '教学点', '某某', '', '高中'),
      fc.constantFrom('公办', '民办', '?', ''),
      fc.constantFrom('县属', '省直', '?', ''),
      ...Array.from({ length: 8 }, () => cell),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (rows) => {
        for (const issue of issuesOf([HEADER, ...(rows as CellValue[][])])) {
          if (renderIssue(issue) !== issue.message) return false;
          if (!renderIssue(issue, PROBE).startsWith(issue.code)) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
