// The fingerprint's fast paths (number text, merges by row, no sort when in reading order, hash fed piece by piece)
// give the very hash of the plain algorithm, which is kept here as the reference: marks written before must match.
import { planFingerprint, reportFingerprint, type ReportPlan } from '../../src/engine';
import { canonical, type FingerprintCell } from '../../src/engine/plans/reportSheets';
import { mulberry32 as rng } from '../support/random';

/** The text of a value as the first implementation made it. */
function referenceCanonical(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : null;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(value.getTime() / 86_400_000 + 25_569);
  return String(value);
}

function referenceHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

function referenceFingerprint(cells: Iterable<FingerprintCell>): string {
  const entries: [number, number, string][] = [];
  for (const cell of cells) {
    const text = referenceCanonical(cell.value);
    if (text !== null) entries.push([cell.row, cell.column, text]);
  }
  entries.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return referenceHash(entries.map(([r, c, t]) => `${r},${c}=${t}`).join('\u0001'));
}

function referencePlanFingerprint(plan: ReportPlan): string {
  const covered = (row: number, column: number) =>
    plan.merges.some(
      (m) =>
        row >= m.top &&
        row <= m.bottom &&
        column >= m.left &&
        column <= m.right &&
        (row !== m.top || column !== m.left),
    );
  const cells: FingerprintCell[] = [];
  for (const section of plan.sections)
    section.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!covered(section.top + r, c)) cells.push({ row: section.top + r, column: c, value });
      }),
    );
  return referenceFingerprint(cells);
}

/** The next double above a positive finite x. */
function nextDouble(x: number): number {
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] += 1n;
  return new Float64Array(bits.buffer)[0];
}

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.1 + 0.2,
  1.005,
  0.1225,
  123456789012345,
  999999999999999,
  1e15,
  1e15 + 1,
  1234567890123456,
  2 ** 53,
  1e21,
  1.5e300,
  5e-324,
  1e-7,
  1.23e-7,
  0.000001,
  -0.000001234,
  123456.78901234567,
  0.30000000000000004,
  12345678901234.56,
  1234567890.12345,
  99999999999999.95,
  0.9999999999999999,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
];

describe('the fingerprint: fast paths give the reference hash', () => {
  test('number text matches the 15-digit round trip on edge cases and random doubles', () => {
    for (const x of EDGE_NUMBERS) expect([x, canonical(x)]).toEqual([x, referenceCanonical(x)]);
    const rnd = rng(13);
    const wrong: number[] = [];
    const view = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 20_000; i++) {
      // Random bit patterns (every exponent), random decimals with few places, and sums that miss by an ulp.
      view.setUint32(0, Math.floor(rnd() * 2 ** 32));
      view.setUint32(4, Math.floor(rnd() * 2 ** 32));
      const bits = view.getFloat64(0);
      const few = Math.round(rnd() * 1e6) / 10 ** Math.floor(rnd() * 6);
      const sum = few + 0.1 * Math.floor(rnd() * 10);
      for (const x of [bits, few, sum, -sum]) if (canonical(x) !== referenceCanonical(x)) wrong.push(x);
    }
    expect(wrong).toEqual([]);
    for (const v of [null, undefined, '', 'x', true, false, new Date(Date.UTC(2024, 0, 2))])
      expect(canonical(v)).toBe(referenceCanonical(v));
  });

  test('17-digit ratios rounded on their text: carries, ties handed back, every magnitude and sign', () => {
    // Texts whose 16th digit is a 5 and nothing follows (a tie on the text, not on the double), carries through 9s
    // into the integer part and past the first digit, and the 15th digit on either side of the point.
    const awkward = [
      0.1234567890123455, 1.234567890123455, 12345.67890123455, 0.9999999999999999, 9.999999999999998,
      99999.99999999999, 999999999999999.9, 99999999999999.98, 0.000001999999999999999,
      0.0000012345678901234567, 123456789012345.6, 12345678901234.56, 4.651162790697675, 1559.16511627907,
      2965.0904821802933, 0.30000000000000004, 1.0000000000000002, 19.999999999999996, 0.09999999999999999,
    ];
    const wrong: number[] = [];
    for (const x of [...awkward, ...awkward.map((v) => -v)])
      if (canonical(x) !== referenceCanonical(x)) wrong.push(x);
    const rnd = rng(17);
    for (let i = 0; i < 100_000; i++) {
      // Ratios as a report holds them (a count over students, times 100), and values a step from a half-way point.
      const ratio =
        ((1 + Math.floor(rnd() * 1e6)) / (1 + Math.floor(rnd() * 5000))) * (rnd() < 0.5 ? 100 : 1);
      const scale = 10 ** Math.floor(rnd() * 30 - 10);
      const near = (Math.floor(rnd() * 1e15) + 0.5) * 10 ** Math.floor(rnd() * 8 - 18);
      for (const x of [ratio, ratio * scale, near, nextDouble(near), nextDouble(ratio)])
        if (canonical(x) !== referenceCanonical(x)) wrong.push(x);
    }
    expect(wrong).toEqual([]);
  });

  test('cells out of reading order, repeated places and sparse rows hash as the reference sorts them', () => {
    const rnd = rng(7);
    for (let t = 0; t < 50; t++) {
      const cells: FingerprintCell[] = [];
      const n = 1 + Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++)
        cells.push({
          row: 1 + Math.floor(rnd() * 8),
          column: Math.floor(rnd() * 5),
          value: rnd() < 0.2 ? null : rnd() < 0.5 ? `v${i}` : Math.round(rnd() * 1e5) / 100,
        });
      expect(reportFingerprint(cells)).toBe(referenceFingerprint(cells));
      const ordered = [...cells].sort((x, y) => x.row - y.row || x.column - y.column);
      expect(reportFingerprint(ordered)).toBe(referenceFingerprint(ordered));
    }
    expect(reportFingerprint([])).toBe(referenceFingerprint([]));
  });

  test('plans with merges (across rows, across sections, beyond the values) hash as the reference', () => {
    const rnd = rng(99);
    for (let t = 0; t < 60; t++) {
      const sections: ReportPlan['sections'] = [];
      let top = 1 + Math.floor(rnd() * 3);
      const count = 1 + Math.floor(rnd() * 4);
      for (let s = 0; s < count; s++) {
        const rows = Math.floor(rnd() * 6);
        const values = Array.from({ length: rows }, () => {
          const row = Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, c) =>
            rnd() < 0.15 ? null : c % 2 ? Math.round(rnd() * 1e4) / 100 : `t${Math.floor(rnd() * 9)}`,
          );
          if (rnd() < 0.1) delete row[0];
          return row;
        });
        sections.push({ id: 'formTable', top, values, numberFormats: [] } as ReportPlan['sections'][number]);
        // Sections usually follow each other; sometimes one overlaps or comes before the last.
        top = rnd() < 0.2 ? Math.max(1, top - 2) : top + rows + Math.floor(rnd() * 2);
      }
      const merges = Array.from({ length: Math.floor(rnd() * 5) }, () => {
        const mTop = Math.floor(rnd() * 14);
        const left = Math.floor(rnd() * 5);
        return {
          top: mTop,
          left,
          bottom: mTop + Math.floor(rnd() * 4),
          right: left + Math.floor(rnd() * 3),
        };
      });
      const plan = { sheetName: 'x', sections, merges } as unknown as ReportPlan;
      expect(planFingerprint(plan)).toBe(referencePlanFingerprint(plan));
    }
  });
  test('row and column numbers of every length (fed digit by digit) hash as the reference', () => {
    const tops = [0, 1, 9, 10, 99, 100, 101, 1000, 9999, 10000, 20001, 100000, 1048575, 1048576];
    const sections = tops.map((top, k) => ({
      id: 'formTable',
      top,
      values: [Array.from({ length: 1 + (k % 3) * 12 }, (_, c) => (c % 2 ? c * 1.5 : `r${top}c${c}`))],
      numberFormats: [],
    })) as unknown as ReportPlan['sections'];
    const plan = { sheetName: 'x', sections, merges: [] } as unknown as ReportPlan;
    expect(planFingerprint(plan)).toBe(referencePlanFingerprint(plan));
  });
});
