// The host contract run against the Office.js host over the recording fake Excel: with notes (ExcelApi 1.18) and
// without (1.17, where the explanations live in the report only).
import { createOfficeHost } from '../../../src/hosts/officejs';
import type { SpreadsheetHost } from '../../../src/hosts/port';
import {
  createFakeExcel,
  fakeRequirements,
  NO_FILL,
  type FakeFill,
  type FakeSheet,
} from '../officejs/fakeExcel';
import { hostContract, type Harness, type Seed, type UserFill } from './contract';

const serial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;

function fakeFill(fill: UserFill): FakeFill {
  return {
    ...NO_FILL,
    color: fill.color,
    pattern: fill.pattern === 'solid' ? 'Solid' : 'Gray50',
    tintAndShade: fill.tint ?? 0,
  };
}

function lookOf(fill: FakeFill): string | null {
  if (fill.pattern === 'None') return null;
  return fill.pattern === 'Solid' && fill.tintAndShade === 0
    ? fill.color
    : `${fill.pattern}:${fill.color}:${fill.tintAndShade}`;
}

function openOffice(excelApi: string) {
  return async (seed: Seed): Promise<Harness> => {
    const fake = createFakeExcel();
    const book = fake.workbook;
    const sheet = book.addSheet(seed.sheet);
    for (const name of seed.otherSheets ?? []) book.addSheet(name);
    seed.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const address = `${'ABCDEFGH'[c]}${r + 1}`;
        sheet.setCell(address, { value: v instanceof Date ? serial(v) : v });
      }),
    );
    for (const [a, f] of Object.entries(seed.formats ?? {})) sheet.setCell(a, { numberFormat: f });
    for (const [a, f] of Object.entries(seed.fills ?? {})) sheet.setCell(a, { fill: fakeFill(f) });
    for (const [a, n] of Object.entries(seed.notes ?? {})) sheet.setNote(a, n);
    for (const r of seed.hiddenRows ?? []) sheet.hiddenRows.add(r);
    for (const m of seed.merges ?? []) sheet.merge(m);
    book.activate(seed.sheet);

    const values = new Map<string, unknown>();
    const office = {
      context: {
        requirements: { isSetSupported: fakeRequirements(excelApi) },
        document: {
          settings: {
            get: (n: string) => values.get(n),
            set: (n: string, v: unknown) => void values.set(n, JSON.parse(JSON.stringify(v))),
            saveAsync: (cb?: (r: { status: unknown }) => void) => cb?.({ status: 'succeeded' }),
          },
        },
      },
    };
    // The host reaches Excel and Office as globals; two workbooks may be open in one test, so each call installs its own.
    const install = () => Object.assign(globalThis, { Excel: { run: fake.run.bind(fake) }, Office: office });
    const inner = createOfficeHost();
    const host = new Proxy(inner, {
      get(target, key: keyof SpreadsheetHost) {
        install();
        const member = target[key];
        return typeof member === 'function' ? (member as (...a: unknown[]) => unknown).bind(target) : member;
      },
    });
    const at = (name: string): FakeSheet => book.sheet(name);
    return {
      host,
      look: async (name, address) => ({
        fill: lookOf(at(name).cell(address).fill),
        note: at(name).notes.get(address)?.content ?? null,
      }),
      state: async (name) => {
        const dump = at(name).dump();
        return {
          cells: dump.cells,
          notes: Object.fromEntries(Object.entries(dump.notes).map(([a, n]) => [a, n.content])),
        };
      },
      sheetNames: async () => book.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
      activeSheet: async () => book.activeSheet.name,
      value: async (name, address) => at(name).cell(address).value,
      columnBreaks: async (name) => [...at(name).columnBreaks],
      hide: (name) => void (at(name).visibility = 'Hidden'),
      select: (name, address) => void book.select(name, address),
      selectedRow: () => {
        const sel = book.selection;
        if (!sel || sel.rect.r1 !== sel.rect.r2) return null;
        return [book.sheet(sel.sheetId).name, sel.rect.r1 + 1];
      },
      edits: {
        sortRows: (name, top, bottom, order) => void at(name).sortRows(top, bottom, order),
        insertRow: (name, row) => void at(name).insertRows(row),
        recolour: (name, address, fill) => void at(name).setCell(address, { fill: fakeFill(fill) }),
        setNote: (name, address, text) => void at(name).setNote(address, text),
      },
    };
  };
}

hostContract({ name: 'Office.js host (ExcelApi 1.18)', open: openOffice('1.18'), userEdits: true });
hostContract({
  name: 'Office.js host without notes (ExcelApi 1.17)',
  open: openOffice('1.17'),
  userEdits: true,
});
