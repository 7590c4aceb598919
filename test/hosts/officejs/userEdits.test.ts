// Clearing after the user sorted, inserted, deleted, recoloured and rewrote: nothing of the user's is lost, and no
// mark of Balance's stays on a cell the user did not touch. The expected sheet is a copy of the unmarked sheet that
// gets the same edits.
import fc from 'fast-check';
import type { CellMark, HighlightPlan } from '../../../src/engine/plans/highlightPlan';
import { applyHighlights, clearHighlights, priorOfBalanceNote } from '../../../src/hosts/officejs/highlights';
import { MARKS_SHEET_NAME } from '../../../src/hosts/officejs/snapshot';
import { createFakeExcel, fakeRequirements, NO_FILL, type FakeFill, type FakeSheet } from './fakeExcel';

const ALL_APIS = { isSetSupported: fakeRequirements('1.18') };
const HEADER = ['学校名称', '学校类型', '在校生数', '专任教师数', '校舍建筑面积'];
const FILLS: Record<CellMark['kind'], string> = {
  allowance: '#FFF2CC',
  indicator: '#FFE699',
  check: '#FFE699',
  school: '#FF9999',
  dataIssue: '#D9D2E9',
};
const BACK_FROM_SNAPSHOT = 'back-from-snapshot';
const letter = (c: number) => 'ABCDEFGHIJ'[c];

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([r, g, b]) => '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join(''));
const userFill: fc.Arbitrary<FakeFill> = fc.oneof(
  fc.constant({ ...NO_FILL }),
  fc.record({
    color: fc.oneof(hex, fc.constantFrom('#FFE699', '#FF9999')), // a user may pick our colours too
    pattern: fc.constantFrom('Solid', 'Gray50', 'Checker'),
    patternColor: hex,
    tintAndShade: fc.constantFrom(0, -0.25, 0.4),
    patternTintAndShade: fc.constant(0),
  }),
);

type Edit =
  | { op: 'sort'; keys: number[] }
  | { op: 'insertRow'; at: number }
  | { op: 'deleteRow'; at: number }
  | { op: 'insertColumn'; at: number }
  | { op: 'deleteColumn'; at: number }
  | { op: 'recolour'; row: number; column: number; fill: FakeFill }
  | { op: 'editNote'; row: number; column: number; text: string; append: boolean }
  | { op: 'deleteNote'; row: number; column: number }
  | { op: 'deleteStore' };

const place = { row: fc.integer({ min: 1, max: 10 }), column: fc.integer({ min: 0, max: 5 }) };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('sort' as const),
    keys: fc.array(fc.nat(100), { minLength: 10, maxLength: 10 }),
  }),
  fc.record({ op: fc.constant('insertRow' as const), at: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ op: fc.constant('deleteRow' as const), at: fc.integer({ min: 2, max: 9 }) }),
  fc.record({ op: fc.constant('insertColumn' as const), at: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ op: fc.constant('deleteColumn' as const), at: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('recolour' as const), ...place, fill: userFill }),
  fc.record({
    op: fc.constant('editNote' as const),
    ...place,
    text: fc.string({ minLength: 1, maxLength: 10 }),
    append: fc.boolean(),
  }),
  fc.record({ op: fc.constant('deleteNote' as const), ...place }),
  fc.constant({ op: 'deleteStore' as const }),
);

/** Where the header is now: the row holding 学校名称 (inserting rows above moves it). */
function headerRow(sheet: FakeSheet): { row: number; nameColumn: number } {
  for (const [address, cell] of Object.entries(sheet.dump().cells)) {
    if (cell.value === '学校名称') {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      return { row: Number(m[2]), nameColumn: m[1].charCodeAt(0) - 65 };
    }
  }
  throw new Error('no header');
}

function lastRow(sheet: FakeSheet): number {
  return Math.max(...Object.keys(sheet.dump().cells).map((a) => Number(/\d+/.exec(a)![0])));
}

/** Applies one user edit to the marked sheet and to the expected (unmarked) copy. */
/**
 * Applies one user edit to the marked sheet and to the expected (unmarked) copy; `under` holds, where they are now,
 * the user's notes that Balance's notes were written over (clearing puts one back where our note was deleted).
 */
function edit(
  actual: FakeSheet,
  expected: FakeSheet,
  under: FakeSheet,
  e: Edit,
  dropStore: () => void,
): void {
  const both = (f: (s: FakeSheet) => void) => [actual, expected, under].forEach(f);
  switch (e.op) {
    case 'sort': {
      const top = headerRow(expected).row + 1;
      const bottom = lastRow(expected);
      if (bottom <= top) return;
      const order = [...Array(bottom - top + 1).keys()].sort(
        (a, b) => e.keys[a % 10] - e.keys[b % 10] || a - b,
      );
      both((s) => s.sortRows(top, bottom, order));
      return;
    }
    case 'insertRow':
      return both((s) => s.insertRows(e.at));
    case 'deleteRow':
      if (e.at === headerRow(expected).row) return; // deleting the header is not a sort-and-clear story
      return both((s) => s.deleteRows(e.at));
    case 'insertColumn':
      return both((s) => s.insertColumns(e.at));
    case 'deleteColumn':
      if (e.at === headerRow(expected).nameColumn) return;
      return both((s) => s.deleteColumns(e.at));
    case 'recolour': {
      const address = letter(e.column) + e.row;
      // Picking the very fill the cell already shows changes nothing anyone could see (or restore from); nor does a
      // solid fill of the same colour and shade with another pattern colour (a solid fill shows no pattern colour).
      const now = actual.cell(address).fill;
      if (JSON.stringify(now) === JSON.stringify(e.fill)) return;
      const solid = (f: FakeFill) => f.pattern === 'Solid';
      if (
        solid(now) &&
        solid(e.fill) &&
        now.color === e.fill.color &&
        now.tintAndShade === e.fill.tintAndShade
      )
        return;
      return both((s) => s.setCell(address, { fill: { ...e.fill } }));
    }
    case 'editNote': {
      const address = letter(e.column) + e.row;
      const now = actual.notes.get(address)?.content;
      const text = e.append && now ? `${now}\n回复：${e.text}` : e.text;
      return [actual, expected].forEach((s) => s.setNote(address, text));
    }
    case 'deleteNote': {
      const address = letter(e.column) + e.row;
      actual.notes.delete(address);
      // Deleting the note of a marked cell gives the user's own earlier note back on clear (from the snapshot):
      // the expected sheet has it, tagged in case the snapshot is deleted too.
      const earlier = under.notes.get(address);
      if (earlier) expected.setNote(address, earlier.content, BACK_FROM_SNAPSHOT);
      else expected.notes.delete(address);
      return;
    }
    case 'deleteStore':
      return dropStore();
  }
}

describe('clear after user edits (property, ≥ 200 runs)', () => {
  test('no user fill or note is lost; no Balance mark is left on a cell the user did not edit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 7 }),
        fc.array(fc.tuple(userFill, fc.option(fc.string({ maxLength: 8 }), { nil: undefined })), {
          minLength: 40,
          maxLength: 40,
        }),
        fc.uniqueArray(
          fc.record({
            row: fc.integer({ min: 2, max: 8 }),
            column: fc.integer({ min: 0, max: 4 }),
            kind: fc.constantFrom<CellMark['kind']>('indicator', 'school', 'dataIssue', 'allowance'),
            note: fc.string({ minLength: 1, maxLength: 12 }),
          }),
          { selector: (m) => `${m.row}:${m.column}`, maxLength: 15 },
        ),
        // At most one column deleted: with more, the header may no longer be recognisable as a school table (no
        // 在校生数), and marks then fall back to their old addresses — a known gap, see the host's report.
        fc
          .array(editArb, { maxLength: 5 })
          .filter((es) => es.filter((e) => e.op === 'deleteColumn').length <= 1),
        async (schools, formats, wantedMarks, edits) => {
          const fake = createFakeExcel();
          const rows = [
            HEADER,
            ...[...Array(schools).keys()].map((i) => [`学校${i + 1}`, '小学', 100 + i, 5 + i, 900 + i]),
          ];
          const actual = fake.workbook.addSheet('S', rows);
          const modelBook = createFakeExcel().workbook;
          const model = modelBook.addSheet('S', rows);
          const under = modelBook.addSheet('under');
          formats.forEach(([fill, note], i) => {
            const address = letter(i % 5) + (Math.floor(i / 5) + 1);
            for (const s of [actual, model]) {
              s.setCell(address, { fill: { ...fill } });
              if (note !== undefined) s.setNote(address, note);
            }
          });
          const marks = wantedMarks
            .filter((m) => m.row <= schools + 1)
            .map((m) => ({
              row: m.row,
              column: m.column,
              address: letter(m.column) + m.row,
              kind: m.kind,
              fill: FILLS[m.kind],
              note: m.note,
            }));
          const plan: HighlightPlan = { sheet: 'S', marks };
          await applyHighlights(fake.newContext() as unknown as Excel.RequestContext, plan, ALL_APIS);
          for (const m of marks) {
            const earlier = model.notes.get(m.address);
            if (earlier) under.setNote(m.address, earlier.content);
          }

          let storeDropped = false;
          for (const e of edits) {
            edit(actual, model, under, e, () => {
              const store = fake.workbook.findSheet(MARKS_SHEET_NAME);
              if (store) fake.workbook.removeSheet(store);
              storeDropped = true;
            });
          }
          if (storeDropped) {
            // Without the snapshot only Balance's notes say which cells are marked: under such a note Balance's fill
            // goes and nothing comes back (the fill before is unknown); where the user deleted or rewrote our note,
            // a fill in one of our colours cannot be told from the user's own and stays.
            for (const [address, cell] of Object.entries(actual.dump().cells)) {
              const fill = cell.fill;
              const ourColour =
                Object.values(FILLS).includes(fill.color) &&
                fill.pattern === 'Solid' &&
                fill.tintAndShade === 0;
              if (!ourColour) continue;
              const note = actual.notes.get(address)?.content;
              const ourNote = note !== undefined && priorOfBalanceNote(note) !== undefined;
              model.setCell(address, { fill: ourNote ? { ...NO_FILL } : { ...fill } });
            }
            for (const [address, note] of [...model.notes])
              if (note.authorName === BACK_FROM_SNAPSHOT) model.notes.delete(address);
          }

          await clearHighlights(fake.newContext() as unknown as Excel.RequestContext, ALL_APIS);
          const after = actual.dump();
          const want = model.dump();
          expect(after.cells).toEqual(want.cells);
          expect(Object.fromEntries(Object.entries(after.notes).map(([a, n]) => [a, n.content]))).toEqual(
            Object.fromEntries(Object.entries(want.notes).map(([a, n]) => [a, n.content])),
          );
          expect(fake.workbook.findSheet(MARKS_SHEET_NAME)).toBeUndefined();
        },
      ),
      { numRuns: 500 },
    );
  }, 120000);
});
