// The marks snapshot round-trips through a sheet's text cells, long notes included, and rejects what is not ours.
import fc from 'fast-check';
import { decodeSnapshot, encodeSnapshot, type MarksSnapshot } from '../../../src/hosts/officejs/snapshot';

const snapshot: MarksSnapshot = {
  sheetId: '{sheet-1}',
  sheetName: '学校数据',
  cells: [
    {
      address: 'F12',
      fill: {
        color: '#FFFFFF',
        pattern: 'None',
        patternColor: '#000000',
        tintAndShade: 0,
        patternTintAndShade: 0,
      },
      note: { touched: true, prior: null },
    },
    {
      address: 'AB3',
      fill: {
        color: '#00B0F0',
        pattern: 'Gray50',
        patternColor: '#FF0000',
        tintAndShade: -0.25,
        patternTintAndShade: 0.4,
      },
      note: { touched: true, prior: '="不是公式"' + '长'.repeat(65000) },
    },
    {
      address: 'A2',
      fill: { color: null, pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null },
      note: { touched: false },
    },
  ],
};

describe('marks snapshot encoding', () => {
  test('encode → decode is the identity; every cell fits Excel (≤ 32,767 characters) and none looks like a formula', () => {
    const rows = encodeSnapshot(snapshot);
    const width = rows[0].length;
    for (const row of rows) {
      expect(row).toHaveLength(width);
      for (const value of row) {
        expect(value.length).toBeLessThanOrEqual(32767);
        if (value !== '') expect(value).not.toMatch(/^[=+\-@]/);
      }
    }
    expect(decodeSnapshot(rows)).toEqual({ snapshot, damagedRows: [] });
  });

  test('property: any notes and fills survive the round trip', () => {
    // JSON has no -0; Excel's tint of -0 and 0 are the same colour.
    const tint = fc.double({ min: -1, max: 1, noNaN: true }).map((x) => (x === 0 ? 0 : x));
    const cell = fc.record({
      address: fc
        .tuple(fc.constantFrom('A', 'F', 'AB', 'XFD'), fc.integer({ min: 1, max: 1048576 }))
        .map(([c, r]) => c + r),
      fill: fc.record({
        color: fc.option(fc.constantFrom('#FFFFFF', '#FFE699')),
        pattern: fc.option(fc.constantFrom('None', 'Solid', 'Gray50')),
        patternColor: fc.option(fc.constantFrom('#000000', '#123456')),
        tintAndShade: fc.option(tint),
        patternTintAndShade: fc.option(tint),
      }),
      note: fc.oneof(
        fc.constant({ touched: false as const }),
        fc.record({ touched: fc.constant(true as const), prior: fc.option(fc.string({ maxLength: 50 })) }),
      ),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 20 }), (cells) => {
        const s: MarksSnapshot = { sheetId: 'id', sheetName: 'S', cells };
        expect(decodeSnapshot(encodeSnapshot(s))).toEqual({ snapshot: s, damagedRows: [] });
      }),
    );
  });

  test('a sheet that is not a snapshot decodes to null; a hand-edited row is reported, not guessed', () => {
    expect(decodeSnapshot([['我的数据', 1]])).toBeNull();
    expect(decodeSnapshot([['']])).toBeNull();
    expect(decodeSnapshot([['balance-marks', '{"version":3,"sheetId":"x","sheetName":"S"}']])).toBeNull();
    const rows = encodeSnapshot(snapshot);
    rows[2][1] = '被改坏了';
    const decoded = decodeSnapshot(rows);
    expect(decoded?.damagedRows).toEqual([3]);
    expect(decoded?.snapshot.cells.map((c) => c.address)).toEqual(['F12', 'A2']);
  });
});
