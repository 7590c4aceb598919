// Each piece of vocabulary is defined once: stages, kind labels, total words, issue codes, ratio columns.
import {
  evaluate,
  FIELDS,
  INDICATOR_IDS,
  INDICATORS,
  isTotalName,
  KIND_LABELS,
  KIND_SHORT_LABELS,
  QUALITY_2017,
  readTable,
  STAGES,
  type DataIssue,
} from '../../src/engine';

test('the stage list is 小学 then 初中', () => {
  expect(STAGES).toEqual(['primary', 'junior']);
});

test('a 学校类型 cell names 九年一贯制; a school is a 九年一贯制学校', () => {
  expect(KIND_LABELS.nineYear).toBe('九年一贯制学校');
  expect(KIND_SHORT_LABELS.nineYear).toBe('九年一贯制');
  expect(KIND_SHORT_LABELS.twelveYear).toBe('十二年一贯制');
  expect(KIND_SHORT_LABELS.special).toBe('特殊教育学校');
});

test('the reader and the rules skip the same total rows (汇总, 全区…, 其中…)', () => {
  for (const name of ['汇总', '全区', '其中：民办', '全市平均']) {
    expect(isTotalName(name)).toBe(true);
    const ev = evaluate([{ row: 3, name, kind: 'primary', counts: { students: 100 } }], QUALITY_2017);
    expect(ev.issues.map((i) => i.code)).toEqual(['totalRow']);
    const table = readTable({
      sheet: 'S',
      firstRow: 1,
      firstColumn: 0,
      values: [
        ['学校名称', '学段', '在校生数'],
        ['城关小学', '小学', 300],
        [name, '', 300],
      ],
    });
    expect(table.skipped.map((s) => s.code)).toEqual(['total']);
  }
});

test('an unknown issue code does not compile', () => {
  const issue: DataIssue = {
    row: 1,
    field: 'students',
    // @ts-expect-error: not an IssueCode
    code: 'noSuchCode',
    message: '',
    severity: 'info',
  };
  expect(issue.row).toBe(1);
});

test('indicator ids are the keys of the table, and each has one given-ratio column named after it', () => {
  expect(INDICATOR_IDS).toEqual(Object.keys(INDICATORS));
  for (const id of INDICATOR_IDS) {
    const ratio = FIELDS.filter((f) => f.type === 'ratio' && f.indicator === id);
    expect(ratio.map((f) => [f.key, f.label])).toEqual([[id, INDICATORS[id].name]]);
  }
  expect(FIELDS.find((f) => f.key === 'teachersPerStudent')?.unit).toBe('');
  expect(FIELDS.find((f) => f.key === 'sportsAreaPerStudent')?.unit).toBe('㎡');
});
