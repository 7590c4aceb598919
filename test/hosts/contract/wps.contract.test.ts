// The host contract run against the WPS host over the fake WPS object model (synchronous, 1-based, BGR colours).
import { createWpsHost, hexToBgr } from '../../../src/hosts/wps';
import { FakeWps, XL_NONE, type FakeSheet } from '../wps/fakeWps';
import { hostContract, type Harness, type Seed, type UserFill } from './contract';

const XL_SOLID = 1;
const XL_GRAY50 = -4125;
const serial = (d: Date) => (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
const bgrToHex = (bgr: number) =>
  '#' +
  [bgr & 0xff, (bgr >> 8) & 0xff, (bgr >> 16) & 0xff]
    .map((n) => n.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

function paint(sheet: FakeSheet, address: string, fill: UserFill): void {
  const interior = sheet.Range(address).Interior;
  interior.Color = hexToBgr(fill.color);
  interior.Pattern = fill.pattern === 'solid' ? XL_SOLID : XL_GRAY50;
  interior.PatternColor = 0;
  interior.TintAndShade = fill.tint ?? 0;
}

function area(address: string) {
  const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(address)!;
  return {
    top: Number(m[2]),
    left: m[1].charCodeAt(0) - 64,
    bottom: Number(m[4]),
    right: m[3].charCodeAt(0) - 64,
  };
}

async function openWps(seed: Seed): Promise<Harness> {
  const app = new FakeWps([seed.sheet, ...(seed.otherSheets ?? [])]);
  const sheet = app.sheet(seed.sheet);
  sheet.setValues(
    'A1',
    seed.rows.map((row) => row.map((v) => (v instanceof Date ? serial(v) : v))),
  );
  for (const [a, f] of Object.entries(seed.formats ?? {})) sheet.at(a).format = f;
  for (const [a, f] of Object.entries(seed.fills ?? {})) paint(sheet, a, f);
  for (const [a, n] of Object.entries(seed.notes ?? {})) sheet.at(a).comment = n;
  for (const r of seed.hiddenRows ?? []) sheet.hiddenRows.add(r);
  for (const m of seed.merges ?? []) sheet.merges.push(area(m));
  app.calls.clear();
  const at = (name: string) => app.sheet(name);
  return {
    host: createWpsHost(app),
    look: async (name, address) => {
      const cell = at(name).at(address);
      const fill =
        cell.colorIndex === XL_NONE || cell.pattern === XL_NONE
          ? null
          : cell.pattern === XL_SOLID && cell.tintAndShade === 0
            ? bgrToHex(cell.color)
            : `${cell.pattern}:${bgrToHex(cell.color)}:${cell.tintAndShade}`;
      return { fill, note: cell.comment };
    },
    state: async (name) => {
      const s = at(name);
      return Object.fromEntries(
        [...s.cells].filter(([, c]) => !s.isEmpty(c)).sort(([a], [b]) => a.localeCompare(b)),
      );
    },
    sheetNames: async () => app.sheets.filter((s) => s.Visible === -1).map((s) => s.Name),
    activeSheet: async () => app.ActiveSheet?.Name ?? '',
    value: async (name, address) => at(name).at(address).value,
    columnBreaks: async (name) => [...at(name).columnBreaks],
    hide: (name) => void (at(name).Visible = 0),
    select: (name, address) => void (app.selection = at(name).Range(address) as never),
    selectedRow: () => {
      const sel = app.selection;
      const m = sel && /^A(\d+):XFD(\d+)$/.exec(sel.Address());
      return sel && m && m[1] === m[2] ? [sel.sheet.Name, Number(m[1])] : null;
    },
    edits: {
      sortRows: (name, top, bottom, order) => at(name).sortRows(top, bottom, (r) => order.indexOf(r - top)),
      insertRow: (name, row) => at(name).insertRows(row),
      recolour: (name, address, fill) => paint(at(name), address, fill),
      setNote: (name, address, text) => void (at(name).at(address).comment = text),
    },
  };
}

hostContract({ name: 'WPS host', open: openWps, userEdits: true });
