// Merging the reader's and the engine's issues: the same issues, in the same order, as the first way of doing it
// (a key with the message, then a stable sort by row), which is kept here as the reference.
import { mergeIssues } from '../../src/engine/plans/sheetCheck';
import type { DataIssue } from '../../src/engine/model/types';
import { mulberry32 as rng } from '../support/random';

function reference(...lists: readonly (readonly DataIssue[])[]): DataIssue[] {
  const seen = new Set<string>();
  const out: DataIssue[] = [];
  for (const issue of lists.flat()) {
    const key = `${issue.row}:${issue.column ?? ''}:${issue.code}:${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out.sort((x, y) => x.row - y.row);
}

const CODES = ['notNumber', 'notInteger', 'negative'] as const;

function issues(rnd: () => number, n: number, inOrder: boolean): DataIssue[] {
  const list: DataIssue[] = [];
  let row = 1;
  for (let i = 0; i < n; i++) {
    row = inOrder ? row + Math.floor(rnd() * 2) : 1 + Math.floor(rnd() * 6);
    const issue: DataIssue = {
      row,
      field: 'x',
      code: CODES[Math.floor(rnd() * CODES.length)] as DataIssue['code'],
      severity: 'error',
      message: ['不是整数', '不是数字', '负数'][Math.floor(rnd() * 3)],
    };
    if (rnd() < 0.8) issue.column = ['A', 'B'][Math.floor(rnd() * 2)];
    list.push(issue);
  }
  return list;
}

describe('mergeIssues', () => {
  test('drops repeats of place, code and message only, and keeps sheet order stably', () => {
    const rnd = rng(11);
    for (let t = 0; t < 300; t++) {
      const a = issues(rnd, Math.floor(rnd() * 30), rnd() < 0.5);
      const b =
        rnd() < 0.3
          ? [...a.slice(0, 5), ...issues(rnd, 10, false)]
          : issues(rnd, Math.floor(rnd() * 30), rnd() < 0.5);
      const got = mergeIssues(a, b);
      const want = reference(a, b);
      expect(got.length).toBe(want.length);
      got.forEach((issue, i) => expect(issue).toBe(want[i]));
    }
  });

  test('three messages on one cell and code are all kept, each once', () => {
    const at = { row: 3, column: 'C', field: 'x', code: 'notNumber', severity: 'error' } as const;
    const list: DataIssue[] = ['一', '二', '一', '三', '二'].map((message) => ({ ...at, message }));
    expect(mergeIssues(list, list).map((i) => i.message)).toEqual(['一', '二', '三']);
  });

  test('three lists at once: as merging the first two, then the third, and as the reference', () => {
    const rnd = rng(29);
    for (let t = 0; t < 300; t++) {
      const a = issues(rnd, Math.floor(rnd() * 30), rnd() < 0.5);
      const b = rnd() < 0.3 ? [] : issues(rnd, Math.floor(rnd() * 10), rnd() < 0.5);
      const c =
        rnd() < 0.3 ? [...a.slice(0, 4), ...b.slice(0, 3)] : issues(rnd, Math.floor(rnd() * 30), rnd() < 0.5);
      const got = mergeIssues(a, b, c);
      const nested = mergeIssues(mergeIssues(a, b), c);
      const want = reference(a, b, c);
      expect(got.length).toBe(want.length);
      got.forEach((issue, i) => {
        expect(issue).toBe(want[i]);
        expect(issue).toBe(nested[i]);
      });
    }
  });

  test('one list alone or none', () => {
    const rnd = rng(5);
    const a = issues(rnd, 40, false);
    expect(mergeIssues(a)).toEqual(reference(a));
    expect(mergeIssues()).toEqual([]);
  });
});
