/**
 * The fake WPS object model for browser tests (bundled into an init script by fakeWpsBundle.ts): window.Application
 * and window.wps backed by the test fake of the WPS model, loaded with window.__FAKE_WORKBOOK__, and window.__fakeWps
 * for the test to inspect it. Browser-safe: no Node imports.
 */
import { FakeWps } from '../hosts/wps/fakeWps';
import type { WorkbookData } from './fakeHostData';

/** One sheet as a test reads it from the page: visible state and every non-empty cell by A1 address. */
export interface WpsSheetDump {
  name: string;
  visible: number;
  cells: Record<
    string,
    { value: unknown; color: number; colorIndex: number; pattern: number; comment: string | null }
  >;
}

/** What a test reads from the page (plain JSON through page.evaluate). */
export interface FakeWpsProbe {
  dump(): WpsSheetDump[];
  activeSheet(): string;
  /** The selected range as 'Sheet!A1:B2', or null. */
  selection(): string | null;
}

interface WpsWindow {
  __FAKE_WORKBOOK__?: WorkbookData;
  __fakeWps?: FakeWpsProbe;
  Application?: FakeWps;
  wps?: { Application: FakeWps; CreateTaskPane(url: string): unknown };
}

function letters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** '#RRGGBB' → BGR long, as WPS stores colours. */
const bgr = (hex: string) =>
  parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) * 256 + parseInt(hex.slice(5, 7), 16) * 65536;

const win = window as unknown as WpsWindow;
const data = win.__FAKE_WORKBOOK__;
if (!data) throw new Error('fake WPS: set window.__FAKE_WORKBOOK__ before this script runs');
const app = new FakeWps(data.sheets.map((s) => s.name));
for (const sheetData of data.sheets) {
  const sheet = app.sheet(sheetData.name);
  for (const cell of sheetData.cells) {
    const target = sheet.at(cell.address);
    if (cell.value !== undefined) target.value = cell.value;
    if (cell.numberFormat) target.format = cell.numberFormat;
    if (cell.fill) sheet.Range(cell.address).Interior.Color = bgr(cell.fill);
    if (cell.bold) target.bold = true;
  }
  for (const merge of sheetData.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge);
    if (!m) continue;
    const left = sheet.Range(`${m[1]}${m[2]}`).Column;
    const right = sheet.Range(`${m[3]}${m[4]}`).Column;
    sheet.merges.push({ top: Number(m[2]), left, bottom: Number(m[4]), right });
  }
  for (const row of sheetData.hiddenRows) sheet.hiddenRows.add(row);
}
app.activeSheet = app.sheet(data.active ?? data.sheets[0].name);
win.Application = app;
win.wps = { Application: app, CreateTaskPane: (url) => app.CreateTaskPane(url) };

win.__fakeWps = {
  dump: () =>
    app.sheets.map((sheet) => {
      const cells: WpsSheetDump['cells'] = {};
      for (const [key, cell] of [...sheet.cells].sort(([a], [b]) => a.localeCompare(b))) {
        if (sheet.isEmpty(cell)) continue;
        const [r, c] = key.split(',').map(Number);
        const { value, color, colorIndex, pattern, comment } = cell;
        cells[`${letters(c)}${r}`] = { value, color, colorIndex, pattern, comment };
      }
      return { name: sheet.Name, visible: sheet.Visible, cells };
    }),
  activeSheet: () => app.ActiveSheet?.Name ?? '',
  selection: () => (app.selection ? `${app.selection.sheet.Name}!${app.selection.Address()}` : null),
};
