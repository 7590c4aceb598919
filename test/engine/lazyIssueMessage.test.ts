// An engine-built issue words its zh-CN message when first read (a county has 70,000 issues, the summary shows 50):
// it must read, assign, spread, compare and serialise exactly as the eagerly worded issue did.
import { cellIssue, dataIssue, renderIssue } from '../../src/engine/model/issues';
import { ISSUE_TEXTS_ZH } from '../../src/engine/model/issueTexts';
import { mergeIssues } from '../../src/engine/plans/sheetCheck';

const at = { sheet: '学校基本情况', row: 11, column: 4, field: 'keyTeachers', name: '第10小学' };

describe('lazy issue message', () => {
  it('reads as the eager wording, in the same key order, and JSON carries it', () => {
    const issue = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    const eager = ISSUE_TEXTS_ZH.notInteger(at, { value: 8.2 });
    expect(Object.keys(issue)).toEqual(['row', 'field', 'code', 'severity', 'message', 'sheet', 'column']);
    expect(JSON.parse(JSON.stringify(issue))).toEqual({
      row: 11,
      field: 'keyTeachers',
      code: 'notInteger',
      severity: 'warning',
      message: eager,
      sheet: '学校基本情况',
      column: 'E',
    });
    expect(JSON.stringify(issue)).toBe(
      `{"row":11,"field":"keyTeachers","code":"notInteger","severity":"warning","message":${JSON.stringify(eager)},"sheet":"学校基本情况","column":"E"}`,
    );
    expect(issue.message).toBe(eager);
    expect(renderIssue(issue)).toBe(eager);
  });

  it('once read is a plain data property, still in its place', () => {
    const issue = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    const first = issue.message;
    expect(issue.message).toBe(first);
    const d = Object.getOwnPropertyDescriptor(issue, 'message')!;
    expect(d.value).toBe(first);
    expect(d.enumerable).toBe(true);
    expect(Object.keys(issue)[4]).toBe('message');
  });

  it('can be assigned before it is ever read, and a spread copies the text', () => {
    const issue = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    issue.message = '另写的说明';
    expect(issue.message).toBe('另写的说明');
    expect(JSON.parse(JSON.stringify(issue)).message).toBe('另写的说明');
    const other = cellIssue(
      { row: 3, name: '甲', columns: { students: 2 } },
      'students',
      'notNumber',
      'error',
      {
        shown: 'abc',
      },
    );
    const copy = { ...other };
    expect(Object.getOwnPropertyDescriptor(copy, 'message')!.value).toBe(other.message);
    expect(copy).toEqual(other);
  });

  it('without a sheet or column words the row alone, as before', () => {
    const place = { row: 7, field: 'students', name: '乙' };
    const issue = dataIssue(place, 'notNumber', 'error', { shown: 'x' });
    expect(issue.message).toBe(ISSUE_TEXTS_ZH.notNumber(place, { shown: 'x' }));
    expect('column' in issue).toBe(false);
    expect('sheet' in issue).toBe(false);
  });
});

describe('mergeIssues words messages only for repeats', () => {
  const descriptorIsLazy = (o: object) =>
    typeof Object.getOwnPropertyDescriptor(o, 'message')!.get === 'function';

  it('leaves the message of an issue alone at its own place unworded', () => {
    const a = [dataIssue(at, 'notInteger', 'warning', { value: 8.2 })];
    const b = [dataIssue({ ...at, row: 12 }, 'notInteger', 'warning', { value: 6.5 })];
    const merged = mergeIssues(a, b);
    expect(merged).toHaveLength(2);
    expect(merged.every(descriptorIsLazy)).toBe(true);
  });

  it('drops the same text at the same place and code, keeps a different one', () => {
    const one = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    const same = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    const other = dataIssue(at, 'notInteger', 'warning', { value: 9.5 });
    const third = dataIssue(at, 'notInteger', 'warning', { value: 10.5 });
    expect(mergeIssues([one], [same, other, third, other])).toEqual([one, other, third]);
  });
});

describe('a frozen issue', () => {
  it('still reads its message, frozen before or after the first read', () => {
    const before = Object.freeze(dataIssue(at, 'notInteger', 'warning', { value: 8.2 }));
    const eager = ISSUE_TEXTS_ZH.notInteger(at, { value: 8.2 });
    expect(before.message).toBe(eager);
    expect(before.message).toBe(eager);
    expect(JSON.parse(JSON.stringify(before)).message).toBe(eager);
    const after = dataIssue(at, 'notInteger', 'warning', { value: 8.2 });
    void after.message;
    Object.freeze(after);
    expect(after.message).toBe(eager);
  });
});
