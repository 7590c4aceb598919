// The row heights computed the fast way are the first implementation's (test/engine/support/referenceRowHeights.ts),
// on random plans (overlapping sections, merges, wrapped and enlarged ranges, line breaks, pairs beyond the BMP) and on
// every sheet Balance plans for both samples.
import * as path from 'node:path';
import { openWorkbook } from '../../src/cli/check';
import { BASIC_2012, checkSheet, QUALITY_2017, sheetsFor } from '../../src/engine';
import { rowHeightsFor, wrappedLines } from '../../src/engine/plans/rowHeights';
import { referenceRowHeightsFor, referenceWrappedLines } from './support/referenceRowHeights';
import { mulberry32 } from '../support/random';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const PIECES = ['每百名学生', '拥有', 'ab', '12.5', '；', '\n', '\u{20000}', '（美术、音乐）', ' ', 'x'];

function randomText(rnd: () => number): string {
  let text = '';
  const n = Math.floor(rnd() * 14);
  for (let i = 0; i < n; i++) text += PIECES[Math.floor(rnd() * PIECES.length)];
  // Now and then a lone surrogate or a pair split by a line break.
  if (rnd() < 0.05) text += rnd() < 0.5 ? '\ud840' : '\ud840\n\udc00';
  return text;
}

describe('rowHeightsFor gives the first implementation’s heights', () => {
  test('wrappedLines on random texts and widths', () => {
    const rnd = mulberry32(5);
    for (let t = 0; t < 5000; t++) {
      const text = randomText(rnd);
      const width = 5 + rnd() * 200;
      const size = [9, 11, 12, 14, 16][Math.floor(rnd() * 5)];
      expect([text, width, size, wrappedLines(text, width, size)]).toEqual([
        text,
        width,
        size,
        referenceWrappedLines(text, width, size),
      ]);
    }
  });

  test('random plans', () => {
    const rnd = mulberry32(11);
    const pick = (n: number) => Math.floor(rnd() * n);
    let withHeights = 0;
    for (let t = 0; t < 1000; t++) {
      const sections = Array.from({ length: 1 + pick(4) }, () => ({
        top: 1 + pick(12),
        values: Array.from({ length: pick(6) }, () => {
          const row = Array.from({ length: pick(6) }, () =>
            rnd() < 0.6 ? randomText(rnd) : rnd() < 0.5 ? null : rnd() * 100,
          );
          if (rnd() < 0.1 && row.length > 0) delete row[0];
          return row;
        }),
      }));
      const rect = () => {
        const top = pick(16);
        const left = pick(6);
        return { top, left, bottom: top + pick(4), right: left + pick(3) };
      };
      const styles = Array.from({ length: pick(8) }, () => ({
        ...rect(),
        style: {
          ...(rnd() < 0.5 ? { wrap: rnd() < 0.8 } : {}),
          ...(rnd() < 0.3 ? { fontSize: [9, 11, 12, 14, 16][pick(5)] } : {}),
          ...(rnd() < 0.3 ? { bold: true } : {}),
        },
      }));
      const merges = Array.from({ length: pick(4) }, rect);
      const widths = Array.from({ length: pick(8) }, () => 2 + pick(40));
      const expected = referenceRowHeightsFor(sections, styles, merges, widths);
      if (expected.length > 0) withHeights++;
      expect(rowHeightsFor(sections, styles, merges, widths)).toEqual(expected);
    }
    expect(withHeights).toBeGreaterThan(200);
  });

  test('every sheet of both samples', async () => {
    for (const [file, profile] of [
      ['示例县-优质均衡.xlsx', QUALITY_2017],
      ['示例县-基本均衡.xlsx', BASIC_2012],
    ] as const) {
      const opened = await openWorkbook(path.join(SAMPLES, file));
      if (!opened.ok) throw new Error(opened.message);
      const check = checkSheet(opened.workbook.gridOf('学校基本情况')!, profile);
      for (const plan of sheetsFor(check, new Date(2026, 2, 1))) {
        const expected = referenceRowHeightsFor(plan.sections, plan.styles, plan.merges, plan.columnWidths);
        expect(expected.length).toBeGreaterThan(0);
        expect(rowHeightsFor(plan.sections, plan.styles, plan.merges, plan.columnWidths)).toEqual(expected);
        expect(plan.rowHeights).toEqual(expected);
      }
    }
  });
});
