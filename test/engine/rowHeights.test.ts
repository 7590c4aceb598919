// Rows tall enough for wrapped text: the 申报表 headers print whole (LibreOffice and WPS keep default row heights).
import * as path from 'node:path';
import { openWorkbook } from '../../src/cli/check';
import { checkSheet, FORM_SHEET_NAMES, formsFor, QUALITY_2017 } from '../../src/engine';
import { DEFAULT_ROW_HEIGHT, rowHeightsFor, wrappedLines } from '../../src/engine/plans/rowHeights';
import { columnPoints } from '../../src/engine/plans/printSetup';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', '示例县-优质均衡.xlsx');

describe('wrappedLines', () => {
  test('a Han character takes one em, a Latin letter or digit about half', () => {
    // 5 em of usable width: 5 Han characters per line.
    const width = 5 * 11 + 4;
    expect(wrappedLines('每百名学生', width)).toBe(1);
    expect(wrappedLines('每百名学生拥', width)).toBe(2);
    expect(wrappedLines('每百名学生拥有高于规定学历教师数', width)).toBe(4);
    expect(wrappedLines('1234567890', width)).toBe(2);
    expect(wrappedLines('一行\n两行', width)).toBe(2);
  });

  test('every code unit is wide or narrow as the CJK ranges say; a character beyond the BMP is one narrow character', () => {
    // 15 pt usable: a narrow character and "a" (2 × 6.05) fit on one line, a wide one and "a" (11 + 6.05) do not.
    const width = 15 + 4;
    const wide =
      /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2160-\u217f]/;
    const mismatches: number[] = [];
    for (let code = 0x20; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      if (ch === '\n') continue;
      if (wrappedLines(ch + 'a', width) !== (wide.test(ch) ? 2 : 1)) mismatches.push(code);
    }
    expect(mismatches).toEqual([]);
    // U+20000 is one narrow character (a surrogate pair, not two): with "a" it fits one line, with "ab" not.
    expect(wrappedLines('\u{20000}a', width)).toBe(1);
    expect(wrappedLines('\u{20000}ab', width)).toBe(2);
  });
});

describe('rowHeightsFor', () => {
  const section = (values: (string | null)[][]) => [
    { id: 'formTable' as const, top: 1, values, numberFormats: [] },
  ];
  test('only wrapped or enlarged cells count; a merged cell uses the merge’s width and spreads over its rows', () => {
    const widths = [6, 6, 6];
    const text = '每百名学生拥有高于规定学历教师数';
    // Not wrapped: the default height, nothing listed.
    expect(rowHeightsFor(section([[text]]), [], [], widths)).toEqual([]);
    const wrap = { top: 1, left: 0, bottom: 1, right: 0, style: { wrap: true } };
    const narrow = rowHeightsFor(section([[text]]), [wrap], [], widths)[0];
    const lines = wrappedLines(text, columnPoints(6));
    expect(lines).toBeGreaterThan(2);
    expect(narrow.row).toBe(1);
    expect(narrow.points).toBeGreaterThanOrEqual(lines * 14);
    // Merged over three columns: fewer lines, a lower row.
    const wide = rowHeightsFor(
      section([[text]]),
      [wrap],
      [{ top: 1, left: 0, bottom: 1, right: 2 }],
      widths,
    )[0];
    expect(wide.points).toBeLessThan(narrow.points);
    // A 14 pt title on one line is taller than the default.
    const title = { top: 1, left: 0, bottom: 1, right: 0, style: { fontSize: 14 } };
    expect(rowHeightsFor(section([['表']]), [title], [], widths)[0].points).toBeGreaterThan(
      DEFAULT_ROW_HEIGHT,
    );
  });
});

test('表Ⅱ-2 of the sample: the header row is tall enough for its longest indicator name in its column', async () => {
  const opened = await openWorkbook(SAMPLE);
  if (!opened.ok) throw new Error(opened.message);
  const check = checkSheet(opened.workbook.gridOf('学校基本情况')!, QUALITY_2017);
  const [plan] = formsFor(check, ['schools']);
  expect(plan.sheetName).toBe(FORM_SHEET_NAMES.schools);
  const values = plan.sections[0].values;
  const header = values.findIndex((row) => row[0] === '序号') + plan.sections[0].top;
  const height = plan.rowHeights?.find((h) => h.row === header)?.points ?? DEFAULT_ROW_HEIGHT;
  const longest = '每百名学生拥有体育、艺术（美术、音乐）专任教师数';
  const column = values[header - plan.sections[0].top].indexOf(longest);
  expect(column).toBeGreaterThan(0);
  const lines = wrappedLines(longest, columnPoints(plan.columnWidths[column]));
  expect(lines).toBeGreaterThanOrEqual(4);
  expect(height).toBeGreaterThanOrEqual(lines * 14);
  // The title row (14 pt) too.
  expect(plan.rowHeights?.find((h) => h.row === 1)?.points ?? 0).toBeGreaterThan(DEFAULT_ROW_HEIGHT);
});
