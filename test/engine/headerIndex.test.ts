// The synonym index header matching searches through: it must offer every synonym a header text can equal or contain.
import { containingCandidates, INDEX, keyCandidates } from '../../src/engine/sheet/headers';
import { mulberry32 } from '../support/random';

/** What scoreKey looks at without the index: every synonym the key equals, or contains when it may be contained. */
const keyMatches = (key: string): number[] =>
  INDEX.flatMap((e, i) =>
    key === e.key || (!e.exactOnly && e.key.length >= 2 && key.includes(e.key)) ? [i] : [],
  );
/** What scoreInContext looks at without the index: every synonym containing the text. */
const containing = (text: string): number[] => INDEX.flatMap((e, i) => (e.key.includes(text) ? [i] : []));

/** Random header-like texts: pieces of synonyms (whole, cut, joined) with stage words, digits and junk between. */
function texts(seed: number, n: number): string[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const junk = ['', '小学', '初中', '1', '23', '(', ')', '第', '数', '生均', 'a', '总'];
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let text = '';
    const pieces = 1 + Math.floor(rnd() * 3);
    for (let p = 0; p < pieces; p++) {
      const key = pick(INDEX).key;
      const from = rnd() < 0.5 ? 0 : Math.floor(rnd() * key.length);
      const to = rnd() < 0.5 ? key.length : from + Math.floor(rnd() * (key.length - from + 1));
      text += pick(junk) + key.slice(from, to);
    }
    out.push(text);
  }
  return out;
}

const ordered = (list: readonly number[]) => list.every((x, i) => i === 0 || list[i - 1] < x);

describe('the synonym index', () => {
  const sample = [...INDEX.map((e) => e.key), ...texts(20260303, 4000)];

  test('every synonym a key equals or contains is a candidate, in index order, each once', () => {
    for (const key of sample) {
      const candidates = keyCandidates(key);
      expect(ordered(candidates)).toBe(true);
      const missed = keyMatches(key).filter((i) => !candidates.includes(i));
      if (missed.length > 0) throw new Error(`${key}: ${missed.map((i) => INDEX[i].key).join(', ')} missed`);
    }
  });

  test('every synonym containing a text of two or more characters is a candidate, in index order, each once', () => {
    for (const text of sample.filter((t) => t.length >= 2)) {
      const candidates = containingCandidates(text);
      expect(ordered(candidates)).toBe(true);
      const missed = containing(text).filter((i) => !candidates.includes(i));
      if (missed.length > 0) throw new Error(`${text}: ${missed.map((i) => INDEX[i].key).join(', ')} missed`);
    }
  });

  test('the index narrows the search (a data cell is compared with some synonyms, not all 1,204)', () => {
    expect(INDEX.length).toBeGreaterThan(1000);
    expect(keyCandidates('第12小学').length).toBeLessThan(20);
    expect(containingCandidates('骨干教师').length).toBeLessThan(INDEX.length / 10);
    expect(keyCandidates('1234.5')).toEqual([]);
  });
});
