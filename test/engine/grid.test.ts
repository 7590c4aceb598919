// The grid contract: one text for a cell, whoever reads it (header detection, the table reader), as Excel shows it.
import {
  cellText,
  detectHeader,
  mapHeaders,
  parseCellNumber,
  parseNumber,
  readTable,
} from '../../src/engine';
import type { CellGrid, CellValue } from '../../src/engine';

function grid(values: CellValue[][]): CellGrid {
  return { sheet: '学校数据', values, firstRow: 1, firstColumn: 0 };
}

describe('cellText', () => {
  test.each<[CellValue | undefined, string]>([
    [null, ''],
    [undefined, ''],
    ['城关小学', '城关小学'],
    [120, '120'],
    [0.5, '0.5'],
    [NaN, ''],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(2024, 0, 1), ''],
  ])('%p → %p', (v, text) => {
    expect(cellText(v)).toBe(text);
  });

  test('header mapping and the table reader read a logical value alike (TRUE, as Excel shows it)', () => {
    const header = mapHeaders(['学校名称', true]);
    expect(header.unmapped).toEqual([{ column: 1, header: 'TRUE' }]);
    const t = readTable(
      grid([
        ['学校名称', '学段', '在校生数'],
        [true, '小学', 100],
      ]),
    );
    expect(t.rows.map((r) => r.name)).toEqual(['TRUE']);
    expect(detectHeader(grid([['学校名称', '在校生数', false]])).unmapped).toEqual([
      { column: 2, header: 'FALSE' },
    ]);
  });
});

describe('parseNumber gives the reason without the place; parseCellNumber puts the cell first', () => {
  test.each<[CellValue, string, string, object]>([
    ['abc', 'notNumber', '“abc” 不是数字', { shown: 'abc' }],
    ['#N/A', 'formulaError', '公式错误 #N/A，请先修正公式或填写数值', { shown: '#N/A' }],
    [-3, 'negative', '“-3” 是负数，此项不能为负数', { shown: '-3' }],
    ['1e999', 'tooLarge', '“1e999” 数值过大，超出可计算的范围', { shown: '1e999' }],
    [true, 'notNumber', '“TRUE” 是逻辑值，不是数字', { shown: 'TRUE', as: 'logical' }],
  ])('%p → %s: %s', (v, code, reason, params) => {
    expect(parseNumber(v)).toEqual({ ok: false, code, params, reason });
    const ctx = { sheet: '学校数据', row: 12, column: 5, field: 'students', label: '在校生数' };
    const cell = parseCellNumber(v, ctx);
    expect(cell.ok).toBe(false);
    if (!cell.ok) {
      expect(cell.issue).toMatchObject({ code, column: 'F', row: 12 });
      expect(cell.issue.message).toBe(`「学校数据」第 12 行 F 列（在校生数）：${reason}`);
    }
  });

  test('numbers, blanks and dashes are the same with or without a place', () => {
    expect(parseNumber('1,200')).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(null)).toEqual({ ok: true, value: null });
    expect(parseNumber('—')).toEqual({ ok: true, value: 0, dash: '—' });
    expect(parseNumber('—', { dashes: 'unknown' })).toEqual({ ok: true, value: null });
  });
});
