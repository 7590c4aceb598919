/**
 * The fake Office host for browser tests (bundled into an init script by fakeHostBundle.ts): window.Excel.run backed by
 * the recording fake Excel, loaded with window.__FAKE_WORKBOOK__, and window.__fakeHost for the test to inspect it.
 */
import type { FakeExcel, SheetDump } from '../hosts/officejs/fakeExcel';
import { loadWorkbook, type WorkbookData } from './fakeHostData';

/** What a test reads from the page (plain JSON through page.evaluate). */
export interface FakeHostProbe {
  dump(): SheetDump[];
  activeSheet(): string;
  /** The selected range as 'Sheet!A1:B2', or null. */
  selection(): string | null;
  /** Number of Excel.run batches' syncs so far. */
  syncs(): number;
}

interface HostWindow {
  __FAKE_WORKBOOK__?: WorkbookData;
  __fakeExcel?: FakeExcel;
  __fakeHost?: FakeHostProbe;
  Excel?: { run: FakeExcel['run'] };
}

const host = window as unknown as HostWindow;
const data = host.__FAKE_WORKBOOK__;
if (!data) throw new Error('fake host: set window.__FAKE_WORKBOOK__ before this script runs');
const excel = loadWorkbook(data);
host.__fakeExcel = excel;
host.Excel = { run: (batch) => excel.run(batch) };

function letters(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

host.__fakeHost = {
  dump: () => excel.workbook.sheets.map((s) => s.dump()),
  activeSheet: () => excel.workbook.activeSheet.name,
  selection: () => {
    const sel = excel.workbook.selection;
    if (!sel) return null;
    const { r1, c1, r2, c2 } = sel.rect;
    return `${excel.workbook.sheet(sel.sheetId).name}!${letters(c1)}${r1 + 1}:${letters(c2)}${r2 + 1}`;
  },
  syncs: () => excel.syncCount,
};
