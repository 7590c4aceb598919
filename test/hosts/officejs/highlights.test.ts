// applyHighlights / clearHighlights against the recording fake: exact restore, round-trip budget, errors.
import fc from 'fast-check';
import { type CellMark, type HighlightPlan } from '../../../src/engine/plans/highlightPlan';
import { ExcelOperationError } from '../../../src/hosts/officejs/errors';
import { applyHighlights, balanceNote, clearHighlights } from '../../../src/hosts/officejs/highlights';
import { MARKS_SHEET_NAME } from '../../../src/hosts/officejs/snapshot';
import { county } from './county';
import {
  createFakeExcel,
  fakeRequirements,
  NO_FILL,
  type FakeExcel,
  type FakeFill,
  type FakeSheet,
} from './fakeExcel';

const ALL_APIS = fakeRequirements('1.18');

function ctx(fake: FakeExcel): Excel.RequestContext {
  return fake.newContext() as unknown as Excel.RequestContext;
}

function mark(address: string, kind: CellMark['kind'], note: string): CellMark {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const fill = {
    allowance: '#FFF2CC',
    indicator: '#FFE699',
    check: '#FFE699',
    school: '#FF9999',
    dataIssue: '#D9D2E9',
  }[kind];
  return { row: Number(m[2]), column, address, kind, fill, note };
}

/** A small user sheet: header, three schools, a formula, a user fill, a user note, a conditional format. */
function userWorkbook(): { fake: FakeExcel; sheet: FakeSheet } {
  const fake = createFakeExcel();
  const sheet = fake.workbook.addSheet('学校数据', [
    ['学校名称', '在校生数', '体育运动场馆面积'],
    ['城关小学', 1000, 6300],
    ['实验小学', 800, 6400],
    ['合计', 1800, 12700],
  ]);
  sheet.setCell('C4', { formula: '=SUM(C2:C3)', value: 12700 });
  sheet.setCell('C3', { fill: { ...NO_FILL, color: '#00B0F0', pattern: 'Solid' }, numberFormat: '#,##0' });
  sheet.setNote('A3', '校长：王老师');
  sheet.conditionalFormats.push({ address: 'B2:B3', rule: 'cellValue > 900' });
  fake.workbook.addSheet('说明', [['填写说明']]);
  return { fake, sheet };
}

const PLAN: HighlightPlan = {
  sheet: '学校数据',
  marks: [
    mark('A2', 'school', '城关小学未达到校际标准：7 项指标达标 5 项'),
    mark('C2', 'indicator', '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡'),
    mark('C3', 'indicator', '生均体育运动场馆面积 8㎡ < 标准 8.5㎡'),
    mark('A3', 'dataIssue', '学校名称重复'),
  ],
};

/** Every cell's value and formula, leaving out cells that hold neither (e.g. only our fill). */
function valuesAndFormulas(sheet: FakeSheet) {
  return Object.fromEntries(
    Object.entries(sheet.dump().cells)
      .filter(([, c]) => c.value !== '' || c.formula !== undefined)
      .map(([a, c]) => [a, [c.value, c.formula]]),
  );
}

describe('applyHighlights', () => {
  test('shades every mark with its fill and writes its note; values and formulas never change', async () => {
    const { fake, sheet } = userWorkbook();
    const before = valuesAndFormulas(sheet);
    const result = await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });

    expect(result).toEqual({ painted: 4, notes: 'written', notesSkipped: [], restored: 0 });
    expect(sheet.cell('A2').fill).toMatchObject({ color: '#FF9999', pattern: 'Solid' });
    expect(sheet.cell('C2').fill).toMatchObject({ color: '#FFE699', pattern: 'Solid' });
    expect(sheet.cell('C3').fill.color).toBe('#FFE699');
    expect(sheet.cell('A3').fill.color).toBe('#D9D2E9');
    expect(sheet.notes.get('C2')?.content).toBe(
      balanceNote('生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,200㎡', null),
    );
    // The user's own note stays readable under ours.
    expect(sheet.notes.get('A3')?.content).toBe(balanceNote('学校名称重复', '校长：王老师'));
    expect(valuesAndFormulas(sheet)).toEqual(before);
    expect(sheet.cell('C3').numberFormat).toBe('#,##0');
    expect(sheet.conditionalFormats).toEqual([{ address: 'B2:B3', rule: 'cellValue > 900' }]);
  });

  test('the snapshot lives in a very hidden sheet, text-formatted, and the bulk write suspends calc and screen', async () => {
    const { fake } = userWorkbook();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    const store = fake.workbook.sheet(MARKS_SHEET_NAME);
    expect(store.visibility).toBe('VeryHidden');
    expect(store.cell('A1').value).toBe('balance-marks');
    expect(store.cell('A2').numberFormat).toBe('@');
    expect(fake.workbook.activeSheet.name).toBe('学校数据');
    const write = fake.batches[fake.batches.length - 1];
    expect(write[0]).toBe('application.suspendApiCalculationUntilNextSync');
    expect(write[1]).toBe('application.suspendScreenUpdatingUntilNextSync');
  });

  test('a cell holding a threaded comment gets its fill but no note (Excel allows one or the other)', async () => {
    const { fake, sheet } = userWorkbook();
    sheet.addComment('C2', '请核实面积');
    const result = await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    expect(result.notesSkipped).toEqual(['C2']);
    expect(sheet.cell('C2').fill.color).toBe('#FFE699');
    expect(sheet.notes.has('C2')).toBe(false);
    expect(sheet.comments.get('C2')?.content).toBe('请核实面积');
  });

  test('without the Notes API (ExcelApi < 1.18) only fills are painted and the result says so', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    const old = fakeRequirements('1.17');
    const result = await applyHighlights(ctx(fake), PLAN, { isSetSupported: old });
    expect(result.notes).toBe('unsupported');
    expect(sheet.cell('C2').fill.color).toBe('#FFE699');
    expect(sheet.dump().notes).toEqual(original.notes);
    await clearHighlights(ctx(fake), { isSetSupported: old });
    expect(sheet.dump()).toEqual(original);
  });

  test('re-applying clears the previous marks first: cells no longer marked get their own fill and note back', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    const second: HighlightPlan = {
      sheet: '学校数据',
      marks: [mark('C3', 'school', '第二次'), mark('B4', 'check', '规模超标')],
    };
    const result = await applyHighlights(ctx(fake), second, { isSetSupported: ALL_APIS });
    expect(result.restored).toBe(3);
    for (const address of ['A2', 'C2', 'A3']) {
      expect(sheet.cell(address).fill).toEqual(original.cells[address]?.fill ?? NO_FILL);
      expect(sheet.notes.get(address)).toEqual(original.notes[address]);
    }
    expect(sheet.cell('C3').fill.color).toBe('#FF9999');
    expect(sheet.notes.get('C3')?.content).toBe(balanceNote('第二次', null));
    // C3 was marked twice: clearing must still return the user's blue, not the first mark's amber.
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(sheet.dump()).toEqual(original);
    expect(fake.workbook.findSheet(MARKS_SHEET_NAME)).toBeUndefined();
  });

  test('marks on another sheet are taken off when a different sheet is painted', async () => {
    const { fake, sheet } = userWorkbook();
    const other = fake.workbook.sheet('说明');
    const originalOther = other.dump();
    await applyHighlights(
      ctx(fake),
      { sheet: '说明', marks: [mark('A1', 'dataIssue', '无数据')] },
      { isSetSupported: ALL_APIS },
    );
    expect(other.cell('A1').fill.color).toBe('#D9D2E9');
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    expect(other.dump()).toEqual(originalOther);
    expect(sheet.cell('C2').fill.color).toBe('#FFE699');
  });

  test('an empty plan takes previous marks off and leaves no snapshot', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    await applyHighlights(ctx(fake), { sheet: '学校数据', marks: [] }, { isSetSupported: ALL_APIS });
    expect(sheet.dump()).toEqual(original);
    expect(fake.workbook.findSheet(MARKS_SHEET_NAME)).toBeUndefined();
  });

  test('a long user note (over one cell of snapshot) comes back whole', async () => {
    const { fake, sheet } = userWorkbook();
    const long = '很长的批注'.repeat(14000); // 70,000 characters
    sheet.setNote('C2', long);
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(sheet.notes.get('C2')?.content).toBe(long);
  });

  test('a user sheet that merely shares the snapshot name is never overwritten', async () => {
    const { fake } = userWorkbook();
    const mine = fake.workbook.addSheet(MARKS_SHEET_NAME, [['我的数据', 1]]);
    await expect(applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS })).rejects.toThrow(
      /标注失败：工作簿中已有名为「_balance_marks」的工作表/,
    );
    expect(mine.cell('A1').value).toBe('我的数据');
    expect(fake.workbook.sheet('学校数据').cell('C2').fill).toEqual(NO_FILL);
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(mine.cell('A1').value).toBe('我的数据');
  });
});

describe('clearHighlights', () => {
  test('after a sort and an inserted row and column, each mark is found on its school and the user keeps their note', async () => {
    const { fake, sheet } = userWorkbook();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    expect(sheet.notes.get('C2')?.content.split('\n')[0]).toMatch(/^【均衡评估助手】/);
    sheet.sortRows(2, 3, [1, 0]); // 实验小学 first
    sheet.insertRows(1);
    sheet.insertColumns(1);
    const result = await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(result.keptUserEdits).toEqual([]);
    // 实验小学 is now row 3, its columns one to the right: the user's blue fill and note are back on its cells.
    expect(sheet.cell('D3').fill).toMatchObject({ color: '#00B0F0', pattern: 'Solid' });
    expect(sheet.notes.get('A3')?.content).toBe('校长：王老师');
    expect([...sheet.notes.keys()]).toEqual(['A3']);
    for (const address of ['A4', 'D4', 'A3']) expect(sheet.cell(address).fill).toEqual(NO_FILL);
  });

  test('a mark the user recoloured or whose note they rewrote stays as they made it, and is reported', async () => {
    const { fake, sheet } = userWorkbook();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    sheet.setCell('A2', { fill: { ...NO_FILL, color: '#00FF00', pattern: 'Solid' } });
    const rewritten = `${sheet.notes.get('C2')?.content}\n审核人：李四`;
    sheet.setNote('C2', rewritten);
    const result = await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(result.keptUserEdits!.sort()).toEqual(['A2', 'C2']);
    expect(sheet.cell('A2').fill.color).toBe('#00FF00');
    expect(sheet.notes.get('C2')?.content).toBe(rewritten);
    expect(sheet.cell('C2').fill).toEqual(NO_FILL); // our fill under the rewritten note still goes
    expect(sheet.notes.has('A2')).toBe(false);
  });

  test("checking again after the snapshot sheet was deleted never saves a mark as the cell's own format", async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    fake.workbook.removeSheet(fake.workbook.sheet(MARKS_SHEET_NAME));
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    expect(sheet.notes.get('A3')?.content).toBe(balanceNote('学校名称重复', '校长：王老师'));
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    // C3's blue was under our mark when the snapshot went: it cannot come back, but no mark stays.
    expect(sheet.dump()).toEqual({
      ...original,
      cells: { ...original.cells, C3: { ...original.cells.C3, fill: { ...NO_FILL } } },
    });
  });

  test('is a no-op when nothing was painted (one round trip, and one to look for notes of ours)', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    expect(await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS })).toEqual({
      restored: 0,
      damagedRows: [],
      keptUserEdits: [],
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.batches.flat().filter((label) => !label.endsWith('.load'))).toEqual([]);
    expect(sheet.dump()).toEqual(original);
  });

  test('works in a later session (a new request context) and after the sheet was renamed', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    sheet.name = '2026年学校数据';
    const result = await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(result).toEqual({ restored: 4, damagedRows: [], keptUserEdits: [] });
    expect(sheet.dump()).toEqual({ ...original, name: '2026年学校数据' });
  });

  test('a note the user deleted meanwhile is put back if it was theirs, and ours is not resurrected', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    sheet.notes.delete('A3'); // held ours + the user's
    sheet.notes.delete('C2'); // held only ours
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    // The text comes back; the author cannot (notes.add always signs with the current user).
    expect(sheet.notes.get('A3')?.content).toBe('校长：王老师');
    expect([...sheet.notes.keys()]).toEqual(['A3']);
    expect({ ...sheet.dump(), notes: {} }).toEqual({ ...original, notes: {} });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: apply then clear restores the exact previous fills and notes, whatever they were.

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([r, g, b]) => '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join(''));
const tint = fc.integer({ min: -100, max: 100 }).map((n) => n / 100);
const fillArb: fc.Arbitrary<FakeFill> = fc.oneof(
  fc.constant({ ...NO_FILL }),
  fc.record({
    color: hex,
    pattern: fc.constantFrom('Solid', 'Gray50', 'Gray75', 'Checker', 'CrissCross', 'LinearGradient'),
    patternColor: hex,
    tintAndShade: tint,
    patternTintAndShade: tint,
  }),
);
const cellArb = fc.record({
  address: fc
    .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 12 }))
    .map(([c, r]) => 'ABCDEFGH'[c] + r),
  value: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
  formula: fc.option(fc.constantFrom('=1+1', '=SUM(A1:A3)', '=TODAY()'), { nil: undefined }),
  fill: fillArb,
  numberFormat: fc.constantFrom('General', '0.00', '@', '#,##0'),
  bold: fc.boolean(),
  note: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});
const markArb = fc.record({
  address: fc
    .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 12 }))
    .map(([c, r]) => 'ABCDEFGH'[c] + r),
  kind: fc.constantFrom<CellMark['kind']>('indicator', 'school', 'check', 'dataIssue'),
  note: fc.string({ minLength: 1, maxLength: 30 }),
});
const planArb = fc
  .uniqueArray(markArb, { selector: (m) => m.address, maxLength: 25 })
  .map((marks): HighlightPlan => ({ sheet: 'S', marks: marks.map((m) => mark(m.address, m.kind, m.note)) }));

describe('apply + clear restore exactly (property, random prior formats)', () => {
  test('apply(A); apply(B); clear → the sheet is exactly as before; values and formulas never change', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(cellArb, { selector: (c) => c.address, maxLength: 30 }),
        planArb,
        planArb,
        fc.boolean(),
        async (cells, first, second, notesApi) => {
          const fake = createFakeExcel();
          const sheet = fake.workbook.addSheet('S');
          for (const c of cells) {
            sheet.setCell(c.address, {
              value: c.value,
              formula: c.formula,
              fill: c.fill,
              numberFormat: c.numberFormat,
              bold: c.bold,
            });
            if (c.note !== undefined) sheet.setNote(c.address, c.note);
          }
          const original = sheet.dump();
          const options = { isSetSupported: fakeRequirements(notesApi ? '1.18' : '1.17') };

          await applyHighlights(ctx(fake), first, options);
          for (const m of first.marks) expect(sheet.cell(m.address).fill.color).toBe(m.fill);
          const originalValues = Object.entries(original.cells)
            .filter(([, c]) => c.value !== '' || c.formula !== undefined)
            .map(([a, c]) => [a, [c.value, c.formula]]);
          expect(valuesAndFormulas(sheet)).toEqual(Object.fromEntries(originalValues));
          await applyHighlights(ctx(fake), second, options);
          for (const m of second.marks) expect(sheet.cell(m.address).fill.color).toBe(m.fill);

          await clearHighlights(ctx(fake), options);
          const after = sheet.dump();
          // Cells created only to hold our fill are blank again and drop out of the dump.
          expect(after).toEqual(original);
          expect(fake.workbook.findSheet(MARKS_SHEET_NAME)).toBeUndefined();
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round-trip budget: the number of syncs does not grow with the number of schools.

async function syncsFor(schools: number): Promise<number[]> {
  const { fake, plan } = county(schools);
  const counts: number[] = [];
  let last = 0;
  const step = async (run: () => Promise<unknown>) => {
    await run();
    counts.push(fake.syncCount - last);
    last = fake.syncCount;
  };
  const shifted: HighlightPlan = { ...plan, marks: plan.marks.filter((m) => m.row % 3 !== 0) };
  await step(() => applyHighlights(ctx(fake), plan, { isSetSupported: ALL_APIS })); // first apply
  await step(() => applyHighlights(ctx(fake), shifted, { isSetSupported: ALL_APIS })); // re-apply, some cells dropped
  await step(() => clearHighlights(ctx(fake), { isSetSupported: ALL_APIS }));
  return counts;
}

describe('round trips do not grow with the county', () => {
  test('20 vs 2,000 schools: apply, re-apply and clear take ≤ 6 syncs each (more only for request size)', async () => {
    const small = await syncsFor(20);
    const large = await syncsFor(2000);
    expect(small).toEqual([3, 4, 4]);
    for (const n of large) expect(n).toBeLessThanOrEqual(6);
  }, 60000);

  test('2,000 schools paint through several getRanges chunks, each under 8,192 characters', async () => {
    const { fake, plan } = county(2000);
    expect(plan.marks.length).toBeGreaterThan(5000);
    await applyHighlights(ctx(fake), plan, { isSetSupported: ALL_APIS });
    const write = fake.batches.flat();
    // The fake rejects getRanges addresses ≥ 8,192 characters, so reaching here proves the chunk limit held.
    expect(write.filter((label) => label === 'fill.color').length).toBeGreaterThan(2);
    const sheet = fake.workbook.sheet('学校数据');
    for (const m of plan.marks) expect(sheet.cell(m.address).fill.color).toBe(m.fill);
  }, 60000);
});

// ---------------------------------------------------------------------------------------------------------------
// Errors surface as ExcelOperationError with a Chinese message.

describe('Excel errors are never swallowed', () => {
  test('a protected sheet: 标注失败 with the reason in Chinese and the code', async () => {
    const { fake, sheet } = userWorkbook();
    sheet.protected = true;
    const error = await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExcelOperationError);
    expect((error as ExcelOperationError).message).toBe(
      '标注失败：没有修改权限，工作表或工作簿可能受保护（AccessDenied）',
    );
    expect((error as ExcelOperationError).code).toBe('AccessDenied');
    // The snapshot was saved before the paint failed, so clearing after unprotecting is still exact.
    sheet.protected = false;
    const original = userWorkbook().sheet.dump();
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(sheet.dump()).toEqual(original);
  });

  test('a missing sheet: 标注失败：找不到…', async () => {
    const { fake } = userWorkbook();
    await expect(
      applyHighlights(ctx(fake), { sheet: '不存在', marks: PLAN.marks }, { isSetSupported: ALL_APIS }),
    ).rejects.toThrow('标注失败：找不到指定的工作表、表格或单元格（ItemNotFound）');
  });

  test('a failure while clearing: 清除标注失败, the snapshot kept for another try', async () => {
    const { fake, sheet } = userWorkbook();
    const original = sheet.dump();
    await applyHighlights(ctx(fake), PLAN, { isSetSupported: ALL_APIS });
    fake.failOn('worksheet.delete', 'GeneralException');
    await expect(clearHighlights(ctx(fake), { isSetSupported: ALL_APIS })).rejects.toThrow(
      '清除标注失败：Excel 内部错误（GeneralException）',
    );
    expect(fake.workbook.findSheet(MARKS_SHEET_NAME)).toBeDefined();
    await clearHighlights(ctx(fake), { isSetSupported: ALL_APIS });
    expect(sheet.dump()).toEqual(original);
  });
});
