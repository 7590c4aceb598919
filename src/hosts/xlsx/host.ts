/**
 * The file host: the seam over one opened .xlsx in memory, for a page that works on a picked file. Bytes in, bytes out,
 * no file system and no network. The input is never changed: marks and report sheets are kept as plans, and save()
 * writes the marked copy from the input (so clearing is exact by construction: the copy is made without the marks).
 */
import {
  type CellGrid,
  type CellMerge,
  type HighlightPlan,
  type ReportPlan,
  columnIndex,
  placeReports,
} from '../../engine';
import {
  HostProblemError,
  type ApplyResult,
  type ClearResult,
  type HostCapabilities,
  type ReadRequest,
  type SheetEntry,
  type SheetRead,
  type SpreadsheetHost,
} from '../port';
import { relsPathOf } from './package/parts';
import { chooseSheet, openWorkbookBytes, type Unusable, type Workbook } from './workbook';
import { existingSheets, markedCopy } from './write/markedCopy';
import { cellKey, threadedCells } from './write/notes';

/** Where the pane's settings live when the workbook cannot keep them (the page passes localStorage, say). */
export interface SettingsStore {
  load(): unknown;
  save(value: unknown): void;
}

export interface XlsxFileHost extends SpreadsheetHost {
  readonly kind: 'xlsx';
  /** The file's name as picked, for messages and the download's name. */
  readonly fileName: string;
  /** The sheet a spreadsheet would show now: the table's sheet, or the first report sheet after writeReport. */
  readonly shownSheet: string;
  /** The row selectRow asked for last (the page's preview scrolls to it), or null. */
  readonly selectedRow: { sheet: string; row: number } | null;
  /** The workbook as it stands: the input bytes as they were, or its marked copy with the current marks and reports. */
  save(): Uint8Array;
}

export type OpenedFile = { ok: true; host: XlsxFileHost } | Unusable;

const CAPABILITIES: HostCapabilities = {
  notes: true,
  selectRow: true,
  // A file has no selection; the page picks the table by sheet and range.
  selection: false,
  settingsInWorkbook: false,
};

function memoryStore(): SettingsStore {
  let value: unknown = null;
  return { load: () => value, save: (v) => void (value = structuredCloneJson(v)) };
}

/** Settings travel as JSON in every host; a copy here, so a caller's later change of the object is not "saved". */
function structuredCloneJson(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

/** Opens `bytes` (a picked .xlsx named `fileName`); an unusable file is a Chinese message, never a throw. */
export function openXlsxFileHost(
  bytes: Uint8Array,
  fileName: string,
  settings: SettingsStore = memoryStore(),
): OpenedFile {
  const opened = openWorkbookBytes(bytes, fileName);
  if (!opened.ok) return opened;
  const workbook = opened.workbook;
  const chosen = chooseSheet(fileName, workbook);
  const tableSheet = chosen.ok ? chosen.worksheet.name : (workbook.worksheets[0]?.name ?? '');
  const input = bytes.slice();
  let highlights: HighlightPlan | null = null;
  const reports = new Map<string, ReportPlan>();
  /** The names the reports are written under (a report beside a user's sheet of its name gets "… (2)"). */
  const reportNames = new Set<string>();
  /** The input's sheets with their Balance marks, looked at once (the input never changes). */
  let fileSheets: ReturnType<typeof existingSheets> | undefined;
  let shown = tableSheet;
  let selected: { sheet: string; row: number } | null = null;

  const sheetInfo = (name: string) => {
    const sheet = workbook.worksheets.find((s) => s.name === name);
    if (!sheet) throw new HostProblemError({ code: 'sheetNotFound', sheet: name });
    return sheet;
  };

  const host: XlsxFileHost = {
    kind: 'xlsx',
    fileName,
    capabilities: CAPABILITIES,
    get shownSheet() {
      return shown;
    },
    get selectedRow() {
      return selected;
    },

    readSheet: (request: ReadRequest) =>
      attempt(() => {
        if (request.source === 'selection') throw new HostProblemError({ code: 'noSelectionInFile' });
        const name = request.sheet ?? tableSheet;
        const grid = workbook.read(sheetInfo(name)).grid;
        if (request.source === 'range') return cut(grid, request.address);
        return { ...grid, address: `${name}!${blockAddress(grid)}`, tables: [] };
      }),

    listSheets: () =>
      attempt((): SheetEntry[] => [
        ...workbook.worksheets
          // A report sheet written in this session replaces the file's sheet of that name.
          .filter((s) => !reports.has(s.name))
          .map((s) => ({ name: s.name, visible: s.state === 'visible', active: s.name === shown })),
        ...[...reports.keys()].map((name) => ({ name, visible: true, active: name === shown })),
      ]),

    applyHighlights: (plan: HighlightPlan) =>
      attempt((): ApplyResult => {
        const sheet = sheetInfo(plan.sheet);
        const wanted = new Set(plan.marks.map((m) => m.address));
        const restored = highlights ? new Set(highlights.marks.map((m) => m.address)) : new Set<string>();
        const stale =
          highlights && highlights.sheet === plan.sheet
            ? [...restored].filter((a) => !wanted.has(a)).length
            : restored.size;
        highlights = plan;
        const threaded = threadedOf(workbook, sheet.path ?? '');
        const notesSkipped = plan.marks
          .filter((m) => m.note && threaded.has(cellKey(m.row, m.column)))
          .map((m) => m.address);
        return { painted: wanted.size, notes: 'written', notesSkipped, restored: stale };
      }),

    clearHighlights: () =>
      attempt((): ClearResult => {
        const restored = highlights ? new Set(highlights.marks.map((m) => m.address)).size : 0;
        highlights = null;
        return { restored, damagedRows: [] };
      }),

    writeReport: (plans) =>
      attempt(() => {
        const list = Array.isArray(plans) ? plans : [plans as ReportPlan];
        for (const plan of list) {
          reports.delete(plan.sheetName);
          reports.set(plan.sheetName, plan);
        }
        // The copy is written on save(), with the same placement: the file's own sheets of a report's name stay.
        const { outcome } = placeReports(list, (fileSheets ??= existingSheets(workbook)));
        for (const name of outcome.written) reportNames.add(name);
        if (outcome.written[0]) shown = outcome.written[0];
        return outcome;
      }),

    selectRow: (sheet, row) => {
      if (!Number.isInteger(row) || row < 1)
        return Promise.reject(new RangeError(`行号必须是正整数：${row}`));
      return attempt(() => {
        if (!reports.has(sheet) && !reportNames.has(sheet)) sheetInfo(sheet);
        selected = { sheet, row };
        shown = sheet;
      });
    },

    loadSettings: () => attempt(() => settings.load() ?? null),
    saveSettings: (value) => attempt(() => settings.save(structuredCloneJson(value))),

    save() {
      if (!highlights && reports.size === 0) return input.slice();
      return markedCopy(workbook, highlights ?? { sheet: tableSheet, marks: [] }, [...reports.values()]);
    },
  };
  return { ok: true, host };
}

/** Runs synchronous work as the port's promise (an error becomes a rejection, as in the other hosts). */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The cells with a threaded comment on a sheet: a cell holds a note or a comment, so those get no note. */
function threadedOf(workbook: Workbook, path: string): Set<string> {
  if (!path || !workbook.pkg.has(relsPathOf(path))) return new Set();
  const rel = workbook.pkg.relationships(path).find((r) => r.type === 'threadedComment' && !r.external);
  return threadedCells(rel ? workbook.pkg.text(rel.target) : undefined);
}

function blockAddress(grid: CellGrid): string {
  const rows = Math.max(1, grid.values.length);
  const columns = Math.max(1, ...grid.values.map((r) => r.length));
  return `${letters(grid.firstColumn)}${grid.firstRow}:${letters(grid.firstColumn + columns - 1)}${grid.firstRow + rows - 1}`;
}

function letters(column0: number): string {
  let n = column0 + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The part of a sheet's grid inside an A1 range (cells outside the table's block read as blank). */
function cut(grid: CellGrid, address: string): SheetRead {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  const c1 = m ? columnIndex(m[1]) : undefined;
  const c2 = m ? columnIndex(m[3] ?? m[1]) : undefined;
  if (!m || c1 === undefined || c2 === undefined) throw new HostProblemError({ code: 'badAddress', address });
  const top = Math.min(Number(m[2]), Number(m[4] ?? m[2]));
  const bottom = Math.max(Number(m[2]), Number(m[4] ?? m[2]));
  const left = Math.min(c1, c2);
  const right = Math.max(c1, c2);
  const values = Array.from({ length: bottom - top + 1 }, (_, r) =>
    Array.from(
      { length: right - left + 1 },
      (_, c) => grid.values[top + r - grid.firstRow]?.[left + c - grid.firstColumn] ?? null,
    ),
  );
  const numberFormats = Array.from({ length: bottom - top + 1 }, (_, r) =>
    Array.from(
      { length: right - left + 1 },
      (_, c) => grid.numberFormats?.[top + r - grid.firstRow]?.[left + c - grid.firstColumn] ?? 'General',
    ),
  );
  const inside = (m: CellMerge) => m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left;
  return {
    sheet: grid.sheet,
    address: `${grid.sheet}!${letters(left)}${top}:${letters(right)}${bottom}`,
    values,
    firstRow: top,
    firstColumn: left,
    hiddenRows: (grid.hiddenRows ?? []).filter((r) => r >= top && r <= bottom),
    merges: (grid.merges ?? []).filter(inside),
    numberFormats,
    tables: [],
  };
}
