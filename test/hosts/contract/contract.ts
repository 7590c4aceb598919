/**
 * The host contract: what src/hosts/port.ts promises, as one suite every SpreadsheetHost runs (the Office.js host over
 * the recording fake, the WPS host over the fake object model, the .xlsx file host). A host comes with a harness that
 * seeds a workbook in the host's own model and inspects it there, so each promise is checked where the user would
 * see it (the fill and note of a cell), not through the host's own reading.
 */
import fc from 'fast-check';
import type { CellMark, HighlightPlan, ReportPlan } from '../../../src/engine';
import type { SpreadsheetHost } from '../../../src/hosts/port';

/** A fill the user gave a cell: a solid colour, or a patterned one (pattern over white), maybe tinted. */
export interface UserFill {
  color: string;
  pattern: 'solid' | 'gray50';
  tint?: number;
}

export type SeedValue = string | number | boolean | Date | null;

/** One workbook to open: the table sheet (active, from A1) and maybe more sheets. */
export interface Seed {
  sheet: string;
  rows: SeedValue[][];
  otherSheets?: string[];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  fills?: Record<string, UserFill>;
  notes?: Record<string, string>;
  /** 1-based rows hidden. */
  hiddenRows?: number[];
  /** Merged areas, e.g. 'A1:E1'. */
  merges?: string[];
}

/** A cell as the user sees it: its fill ('#RRGGBB' for a solid fill; other patterns are prefixed) and its note. */
export interface CellLook {
  fill: string | null;
  note: string | null;
}

/** What a user does between two calls of the add-in (hosts where the user can edit the workbook). */
export interface UserEdits {
  /** Sorts whole rows top..bottom: `order[i]` is the old row (offset from top) that lands at position i. */
  sortRows(sheet: string, top: number, bottom: number, order: readonly number[]): void;
  /** Inserts an empty row before 1-based row `at`. */
  insertRow(sheet: string, at: number): void;
  recolour(sheet: string, address: string, fill: UserFill): void;
  /** Writes the cell's note (a note the user rewrote, or a new one). */
  setNote(sheet: string, address: string, text: string): void;
}

/** An opened workbook under a host, and ways to look at (and change) it in the host's own model. */
export interface Harness {
  host: SpreadsheetHost;
  look(sheet: string, address: string): Promise<CellLook>;
  /** Everything marks may touch on a sheet (values, fills, notes), in the host's own terms, comparable with toEqual. */
  state(sheet: string): Promise<unknown>;
  /** Visible sheets in order. */
  sheetNames(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** A cell's value as stored (a report sheet's text or number). */
  value(sheet: string, address: string): Promise<unknown>;
  /** The sheet's manual page breaks between columns: the 0-based columns a page starts before, ascending. */
  columnBreaks(sheet: string): Promise<number[]>;
  /** Hides a sheet as the user would (hosts where the user can). */
  hide?(sheet: string): void;
  /** Selects a range as the user would (hosts that read the selection). */
  select?(sheet: string, address: string): void;
  /** The selected row after selectRow, as [sheet, row]. */
  selectedRow?(): [string, number] | null;
  edits?: UserEdits;
}

export interface HostUnderTest {
  name: string;
  open(seed: Seed): Promise<Harness>;
  /** fast-check runs per property: DEFAULT 100; a host whose every look is a saved file read back may take fewer. */
  runs?: number;
  /** Whether the user can edit the workbook between calls (sort, recolour…): the harness then has `edits`. */
  userEdits: boolean;
}

export const SHEET = '学校数据';
export const HEADER = ['学校名称', '学校类型', '在校生数', '专任教师数', '校舍建筑面积'];
const COLUMNS = 'ABCDE';
const FILLS: Record<CellMark['kind'], string> = {
  allowance: '#FFF2CC',
  indicator: '#FFE699',
  check: '#FFE699',
  school: '#FF9999',
  dataIssue: '#D9D2E9',
};
const OUR_COLOURS = new Set(Object.values(FILLS));

/** A school table: the header, then `schools` rows. */
export function schoolRows(schools: number): SeedValue[][] {
  return [
    HEADER,
    ...Array.from({ length: schools }, (_, i) => [`学校${i + 1}`, '小学', 100 + i, 5 + i, 900 + i]),
  ];
}

function mark(row: number, column: number, kind: CellMark['kind'], note: string): CellMark {
  return { row, column, address: `${COLUMNS[column]}${row}`, kind, fill: FILLS[kind], note };
}

const planOf = (marks: CellMark[], sheet = SHEET): HighlightPlan => ({ sheet, marks });

const report = (sheetName: string, title: string): ReportPlan => ({
  sheetName,
  sections: [
    { id: 'title', top: 1, values: [[title, null]], numberFormats: [['General', 'General']] },
    { id: 'overview', top: 2, values: [['差异系数', 0.42]], numberFormats: [['General', '0.00']] },
  ],
  styles: [{ top: 1, left: 0, bottom: 1, right: 1, style: { bold: true, fill: '#C6EFCE', border: true } }],
  merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
  columnWidths: [20, 12],
  page: {
    paperSize: 'A4',
    orientation: 'landscape',
    zoom: 85,
    centerHorizontally: true,
    printTitleRows: { top: 2, bottom: 2 },
    printTitleColumns: { left: 0, right: 0 },
    columnBreaks: [1],
    header: { left: '示例县2026年 报告', right: '评估标准：优质均衡' },
    footer: { center: '第 &P 页 共 &N 页' },
  },
  rowCount: 2,
  columnCount: 2,
});

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map(([r, g, b]) => '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join(''))
  // A user who picks exactly Balance's colour cannot be told from Balance: that case is host-specific.
  .filter((c) => !OUR_COLOURS.has(c));
const userFill: fc.Arbitrary<UserFill> = fc.record(
  {
    color: hex,
    pattern: fc.constantFrom<UserFill['pattern']>('solid', 'gray50'),
    tint: fc.constantFrom(0, 0.4),
  },
  { requiredKeys: ['color', 'pattern'] },
);
const noteText = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() === s && s !== '');
/** User formats on the table's cells: address → fill and/or note. */
const userFormats = (schools: number) =>
  fc.dictionary(
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: schools + 1 }))
      .map(([c, r]) => `${COLUMNS[c]}${r}`),
    fc.record({
      fill: fc.option(userFill, { nil: undefined }),
      note: fc.option(noteText, { nil: undefined }),
    }),
    { maxKeys: 12 },
  );
const marksOf = (schools: number) =>
  fc
    .uniqueArray(
      fc.record({
        row: fc.integer({ min: 2, max: schools + 1 }),
        column: fc.integer({ min: 0, max: 4 }),
        kind: fc.constantFrom<CellMark['kind']>('indicator', 'school', 'dataIssue', 'allowance'),
        note: noteText,
      }),
      { selector: (m) => `${m.row}:${m.column}`, maxLength: 10 },
    )
    .map((ms) => ms.map((m) => mark(m.row, m.column, m.kind, `标注：${m.note}`)));

function seedWith(schools: number, formats: Record<string, { fill?: UserFill; note?: string }>): Seed {
  const fills: Record<string, UserFill> = {};
  const notes: Record<string, string> = {};
  for (const [address, f] of Object.entries(formats)) {
    if (f.fill) fills[address] = f.fill;
    if (f.note) notes[address] = f.note;
  }
  return { sheet: SHEET, rows: schoolRows(schools), otherSheets: ['说明'], fills, notes };
}

const isBlank = (v: unknown) => v === null || v === '';

/** Defines the contract's tests for one host. */
export function hostContract(subject: HostUnderTest): void {
  const runs = subject.runs ?? 100;

  describe(`${subject.name}: the host contract (src/hosts/port.ts)`, () => {
    describe('readSheet', () => {
      const seed: Seed = {
        sheet: SHEET,
        otherSheets: ['说明'],
        rows: [
          ['县域义务教育学校办学条件', null, null, null, null],
          HEADER,
          ['杨庄小学', '小学', 250, 12, 1575.5],
          ['河口小学', '小学', 300, 15, 2100],
          ['城关中学', '初中', 800, 60, true],
          ['新建小学', null, 120, 8, new Date(Date.UTC(2024, 8, 1))],
        ],
        formats: { E3: '0.00', E6: 'yyyy-mm-dd' },
        hiddenRows: [4],
        merges: ['A1:E1'],
      };

      test('auto reads the active sheet: typed values, hidden rows, merges and number formats', async () => {
        const { host } = await subject.open(seed);
        const read = await host.readSheet({ source: 'auto' });
        expect(read.sheet).toBe(SHEET);
        expect(read.address.replace(/'/g, '').startsWith(`${SHEET}!`)).toBe(true);
        expect(read.firstRow).toBe(1);
        expect(read.firstColumn).toBe(0);
        expect(read.values).toHaveLength(6);
        for (const row of read.values)
          for (const v of row)
            expect(
              v === null || v instanceof Date || ['string', 'number', 'boolean'].includes(typeof v),
            ).toBe(true);
        expect(read.values[1]).toEqual(HEADER);
        expect(read.values[2].slice(0, 5)).toEqual(['杨庄小学', '小学', 250, 12, 1575.5]);
        expect(read.values[4][4]).toBe(true);
        expect(isBlank(read.values[5][1])).toBe(true);
        // A date is a Date, or Excel's serial number under a date format (the engine reads either).
        const date = read.values[5][4];
        if (date instanceof Date) expect(date.toISOString().slice(0, 10)).toBe('2024-09-01');
        else {
          expect(date).toBe(45536);
          expect(read.numberFormats?.[5][4]).toBe('yyyy-mm-dd');
        }
        expect(read.hiddenRows).toEqual([4]);
        expect(read.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 4 }]);
        expect(read.numberFormats?.[2][4]).toBe('0.00');
        expect(read.numberFormats?.[3][4]).toBe('General');
        expect(Array.isArray(read.tables)).toBe(true);
      });

      test('a named sheet and a range are read where they are; a missing sheet is a Chinese error', async () => {
        const { host } = await subject.open(seed);
        const named = await host.readSheet({ source: 'auto', sheet: SHEET });
        expect(named.values[2][0]).toBe('杨庄小学');
        const range = await host.readSheet({ source: 'range', sheet: SHEET, address: 'B3:C4' });
        expect(range.firstRow).toBe(3);
        expect(range.firstColumn).toBe(1);
        expect(range.values).toEqual([
          ['小学', 250],
          ['小学', 300],
        ]);
        expect(range.hiddenRows).toEqual([4]);
        // A Chinese message (the Office host says 找不到指定的工作表 without the name: Excel's ItemNotFound).
        await expect(host.readSheet({ source: 'auto', sheet: '没有这张表' })).rejects.toThrow(/找不到/);
      });

      test('the selection is read where the host can; elsewhere it is refused, not guessed', async () => {
        const harness = await subject.open(seed);
        if (harness.host.capabilities.selection) {
          harness.select!(SHEET, 'A3:B4');
          const read = await harness.host.readSheet({ source: 'selection' });
          expect(read.sheet).toBe(SHEET);
          expect([read.firstRow, read.firstColumn]).toEqual([3, 0]);
          expect(read.values).toEqual([
            ['杨庄小学', '小学'],
            ['河口小学', '小学'],
          ]);
        } else {
          await expect(harness.host.readSheet({ source: 'selection' })).rejects.toThrow();
        }
      });
    });

    describe('marks', () => {
      test('apply paints each mark with its colour and note and leaves every other cell as it was', async () => {
        const seed = seedWith(4, {
          B3: { fill: { color: '#00B050', pattern: 'solid' }, note: '用户的批注' },
          A1: { fill: { color: '#DDEBF7', pattern: 'solid' } },
        });
        const harness = await subject.open(seed);
        const { host } = harness;
        const before = await harness.look(SHEET, 'A1');
        const marks = [mark(2, 2, 'indicator', '在校生数低于标准'), mark(3, 1, 'school', '学校不达标')];
        const result = await host.applyHighlights(planOf(marks));
        expect(result.painted).toBe(2);
        expect(result.notes).toBe(host.capabilities.notes ? 'written' : 'unsupported');
        expect(result.notesSkipped).toEqual([]);
        for (const m of marks) {
          const look = await harness.look(SHEET, m.address);
          expect(look.fill).toBe(m.fill);
          if (host.capabilities.notes) expect(look.note).toContain(m.note);
        }
        if (host.capabilities.notes) expect((await harness.look(SHEET, 'B3')).note).toContain('用户的批注');
        else expect((await harness.look(SHEET, 'B3')).note).toBe('用户的批注');
        expect(await harness.look(SHEET, 'A1')).toEqual(before);
        expect(await harness.look(SHEET, 'D4')).toEqual({ fill: null, note: null });
        // The user's sheets stay as they were: no helper sheet shows.
        expect(await harness.sheetNames()).toEqual([SHEET, '说明']);
      });

      test('clearing with nothing marked restores nothing and changes nothing', async () => {
        const harness = await subject.open(
          seedWith(3, { C2: { fill: { color: '#00B050', pattern: 'solid' } } }),
        );
        const before = await harness.state(SHEET);
        expect(await harness.host.clearHighlights()).toMatchObject({ restored: 0, damagedRows: [] });
        expect(await harness.state(SHEET)).toEqual(before);
      });

      test(`apply (once or again) then clear restores every prior fill and note exactly (property, ${runs} runs)`, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc
              .integer({ min: 2, max: 6 })
              .chain((schools) =>
                fc.tuple(
                  fc.constant(schools),
                  userFormats(schools),
                  fc.array(marksOf(schools), { minLength: 1, maxLength: 3 }),
                ),
              ),
            async ([schools, formats, plans]) => {
              const harness = await subject.open(seedWith(schools, formats));
              const { host } = harness;
              const before = await harness.state(SHEET);
              const looks = new Map<string, CellLook>();
              for (let r = 1; r <= schools + 1; r++)
                for (const c of COLUMNS) looks.set(`${c}${r}`, await harness.look(SHEET, `${c}${r}`));

              for (const [i, marks] of plans.entries()) {
                const result = await host.applyHighlights(planOf(marks));
                expect(result.painted).toBe(marks.length);
                const now = new Set(marks.map((m) => m.address));
                // Marks of the plan before that this plan no longer makes are restored first.
                if (i > 0) {
                  const dropped = plans[i - 1].filter((m) => !now.has(m.address));
                  expect(result.restored).toBe(dropped.length);
                  for (const m of dropped)
                    expect(await harness.look(SHEET, m.address)).toEqual(looks.get(m.address));
                }
                for (const m of marks) expect((await harness.look(SHEET, m.address)).fill).toBe(m.fill);
              }
              const last = plans[plans.length - 1];
              const cleared = await host.clearHighlights();
              expect(cleared.restored).toBe(last.length);
              expect(cleared.damagedRows).toEqual([]);
              // Applying twice never made a mark "the cell's own" format: everything is as before the first apply.
              expect(await harness.state(SHEET)).toEqual(before);
              expect(await harness.sheetNames()).toEqual([SHEET, '说明']);
            },
          ),
          { numRuns: runs },
        );
      }, 120_000);

      const withEdits = subject.userEdits ? test : test.skip;
      withEdits('after a sort and an inserted row, clear finds the marks where they are now', async () => {
        const harness = await subject.open(
          seedWith(4, { C3: { fill: { color: '#00B050', pattern: 'solid' } } }),
        );
        if (!harness.edits) throw new Error('harness: userEdits without edits');
        const before = await harness.look(SHEET, 'C3');
        await harness.host.applyHighlights(
          planOf([mark(3, 2, 'indicator', '在校生数低于标准'), mark(5, 0, 'school', '学校不达标')]),
        );
        // 学校2 (row 3) goes to the bottom; a row is inserted above the table.
        harness.edits.sortRows(SHEET, 2, 5, [0, 2, 3, 1]);
        harness.edits.insertRow(SHEET, 1);
        expect((await harness.look(SHEET, 'C6')).fill).toBe('#FFE699');
        expect((await harness.look(SHEET, 'A5')).fill).toBe('#FF9999');
        await harness.host.clearHighlights();
        expect(await harness.look(SHEET, 'C6')).toEqual(before);
        expect(await harness.look(SHEET, 'A5')).toEqual({ fill: null, note: null });
        for (let r = 1; r <= 6; r++)
          for (const c of COLUMNS)
            if (!(c === 'C' && r === 6)) expect((await harness.look(SHEET, `${c}${r}`)).fill).toBeNull();
      });

      withEdits(
        `clear after user edits keeps the user's fills and notes and leaves no mark behind (property, ${runs} runs)`,
        async () => {
          type Edit =
            | { op: 'sort'; keys: number[] }
            | { op: 'insertRow'; at: number }
            | { op: 'recolour'; row: number; column: number; fill: UserFill }
            | { op: 'note'; row: number; column: number; text: string; append: boolean };
          const place = { row: fc.integer({ min: 1, max: 8 }), column: fc.integer({ min: 0, max: 4 }) };
          const edit: fc.Arbitrary<Edit> = fc.oneof(
            fc.record({
              op: fc.constant('sort' as const),
              keys: fc.array(fc.nat(50), { minLength: 8, maxLength: 8 }),
            }),
            fc.record({ op: fc.constant('insertRow' as const), at: fc.integer({ min: 1, max: 8 }) }),
            fc.record({ op: fc.constant('recolour' as const), ...place, fill: userFill }),
            fc.record({ op: fc.constant('note' as const), ...place, text: noteText, append: fc.boolean() }),
          );
          await fc.assert(
            fc.asyncProperty(
              fc
                .integer({ min: 2, max: 6 })
                .chain((schools) =>
                  fc.tuple(
                    fc.constant(schools),
                    userFormats(schools),
                    marksOf(schools),
                    fc.array(edit, { maxLength: 4 }),
                  ),
                ),
              async ([schools, formats, marks, edits]) => {
                const seed = seedWith(schools, formats);
                // The same workbook twice: the user's edits go to both, the marks only to `actual`. After clearing,
                // `actual` must be exactly `model`.
                const actual = await subject.open(seed);
                const model = await subject.open(seed);
                await actual.host.applyHighlights(planOf(marks));
                let header = 1;
                let last = schools + 1;
                for (const e of edits) {
                  const both = (f: (h: Harness) => void) => [actual, model].forEach(f);
                  if (e.op === 'sort') {
                    const top = header + 1;
                    const order = [...Array(last - top + 1).keys()].sort(
                      (a, b) => e.keys[a % 8] - e.keys[b % 8] || a - b,
                    );
                    both((h) => h.edits!.sortRows(SHEET, top, last, order));
                  } else if (e.op === 'insertRow') {
                    both((h) => h.edits!.insertRow(SHEET, e.at));
                    if (e.at <= header) header++;
                    if (e.at <= last) last++;
                  } else if (e.op === 'recolour') {
                    const address = `${COLUMNS[e.column]}${e.row}`;
                    both((h) => h.edits!.recolour(SHEET, address, e.fill));
                  } else {
                    const address = `${COLUMNS[e.column]}${e.row}`;
                    const now = (await actual.look(SHEET, address)).note;
                    const text = e.append && now ? `${now}\n回复：${e.text}` : e.text;
                    both((h) => h.edits!.setNote(SHEET, address, text));
                  }
                }
                await actual.host.clearHighlights();
                expect(await actual.state(SHEET)).toEqual(await model.state(SHEET));
              },
            ),
            { numRuns: runs },
          );
        },
        180_000,
      );
    });

    test('writeReport creates the report sheets in order, shows the first, and replaces them when run again', async () => {
      const harness = await subject.open(seedWith(2, {}));
      const plans = [report('均衡评估报告', '评估报告'), report('整改测算', '整改测算表')];
      await harness.host.writeReport(plans);
      await harness.host.writeReport([report('均衡评估报告', '评估报告（第二次）'), plans[1]]);
      const names = await harness.sheetNames();
      expect(names.filter((n) => n === '均衡评估报告')).toHaveLength(1);
      expect(names.filter((n) => n === '整改测算')).toHaveLength(1);
      expect(names.slice(0, 2)).toEqual([SHEET, '说明']);
      expect(await harness.activeSheet()).toBe('均衡评估报告');
      expect(await harness.value('均衡评估报告', 'A1')).toBe('评估报告（第二次）');
      expect(await harness.value('均衡评估报告', 'B2')).toBe(0.42);
      expect(await harness.value('整改测算', 'A1')).toBe('整改测算表');
      // The plan's manual column break (a page starts before column B), written once though the sheet was replaced.
      expect(await harness.columnBreaks('均衡评估报告')).toEqual([1]);
    });

    test('listSheets: every sheet in order, its visibility, the active one; after writeReport the report is listed and active', async () => {
      const harness = await subject.open({ ...seedWith(2, {}), otherSheets: ['说明', '附表'] });
      const first = await harness.host.listSheets();
      expect(first.map((s) => s.name)).toEqual(await harness.sheetNames());
      expect(first.every((s) => s.visible)).toBe(true);
      expect(first.filter((s) => s.active).map((s) => s.name)).toEqual([await harness.activeSheet()]);
      await harness.host.writeReport([report('均衡评估报告', '评估报告')]);
      const after = await harness.host.listSheets();
      expect(after.filter((s) => s.name === '均衡评估报告')).toEqual([
        { name: '均衡评估报告', visible: true, active: true },
      ]);
      expect(after.find((s) => s.name === SHEET)?.active).toBe(false);
      if (harness.hide) {
        harness.hide('附表');
        const hidden = await harness.host.listSheets();
        expect(hidden.find((s) => s.name === '附表')).toEqual({
          name: '附表',
          visible: false,
          active: false,
        });
        expect(hidden.filter((s) => s.visible).map((s) => s.name)).toEqual(await harness.sheetNames());
      }
    });

    test('selectRow shows the row where the host can; a row that is not a positive integer is refused', async () => {
      const harness = await subject.open(seedWith(3, {}));
      if (harness.host.capabilities.selectRow) {
        await harness.host.selectRow(SHEET, 3);
        expect(harness.selectedRow?.()).toEqual([SHEET, 3]);
        await expect(harness.host.selectRow(SHEET, 0)).rejects.toThrow();
      }
    });

    test('settings round-trip: nothing at first, then the last value saved', async () => {
      const { host } = await subject.open(seedWith(2, {}));
      expect(await host.loadSettings()).toBeNull();
      await host.saveSettings({ profile: 'quality-2017', columns: { 在校生数: 2 } });
      await host.saveSettings({ profile: 'basic-2012' });
      expect(await host.loadSettings()).toEqual({ profile: 'basic-2012' });
    });
  });
}
