/** Paints a HighlightPlan onto the user's sheet and takes it off again, restoring every cell's own fill and note. */
import type { CellMark, HighlightPlan } from '../../engine';
import { chunkAddresses, parseAreas, rectAddress } from './address';
import { excelOperation } from './errors';
import { supportsExcelApi, type SetSupport } from './requirements';
import type { ApplyResult, ClearResult } from '../port';
import {
  decodeSnapshot,
  encodeSnapshot,
  MARKS_SHEET_NAME,
  type SavedCell,
  type SavedFill,
  type SavedNote,
} from './snapshot';

export interface HighlightOptions {
  isSetSupported?: SetSupport;
}

const FILL_PROPS = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';
/** Excel on the web rejects request payloads above a few MB; marks are chunked far below that by address length. */
const ADDRESS_CHUNK = 8000;

/**
 * Shades the plan's cells and writes their notes. Previous marks (from an earlier apply, maybe on another sheet)
 * are taken off first, and every target cell's own fill and note are saved before painting (see snapshot.ts).
 * Round trips: 1 read + (1 for the previous snapshot / comment locations) + (1 for stale notes) + 1 write — at
 * most 4, whatever the number of schools.
 */
export function applyHighlights(
  context: Excel.RequestContext,
  plan: HighlightPlan,
  options: HighlightOptions = {},
): Promise<ApplyResult> {
  return excelOperation('标注', async () => {
    const notesOn = supportsExcelApi('1.18', options.isSetSupported);
    const commentsOn = notesOn && supportsExcelApi('1.10', options.isSetSupported);
    const marks = uniqueMarks(plan.marks);

    // Round trip 1: where things are, and the current fill and note of every target cell.
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const target = worksheets.getItem(plan.sheet);
    target.load('id,name');
    const store = worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
    store.load('id');
    const fills = marks.map((m) => target.getRange(m.address).format.fill.load(FILL_PROPS));
    const notes = notesOn
      ? marks.map((m) => target.notes.getItemOrNullObject(m.address).load('content'))
      : [];
    const comments = commentsOn ? target.comments.load('items/id') : null;
    await context.sync();

    // Round trip 2: the previous snapshot, and where the threaded comments sit.
    const storeRange = store.isNullObject ? null : store.getUsedRange(true).load('values');
    const commentRanges = comments ? comments.items.map((c) => c.getLocation().load('address')) : [];
    if (storeRange || commentRanges.length > 0) await context.sync();
    const commentCells = new Set(commentRanges.flatMap((r) => parseAreas(r.address).map(rectAddress)));

    const decoded = storeRange ? decodeSnapshot(storeRange.values) : null;
    if (storeRange && !decoded && hasContent(storeRange.values)) {
      // Never overwrite a user's sheet that merely shares our name.
      throw new Error(
        `工作簿中已有名为「${MARKS_SHEET_NAME}」的工作表，但不是本插件的标注记录，请将其改名后重试`,
      );
    }
    const previous = decoded?.snapshot;
    const previousSheet = previous
      ? (worksheets.items.find((w) => w.id === previous.sheetId) ??
        worksheets.items.find((w) => w.name === previous.sheetName))
      : undefined;
    const sameSheet = previousSheet !== undefined && previousSheet.id === target.id;
    const wanted = new Set(marks.map((m) => m.address));
    const carried = new Map<string, SavedCell>();
    const stale: SavedCell[] = [];
    if (previous && previousSheet) {
      for (const cell of previous.cells) {
        if (sameSheet && wanted.has(cell.address)) carried.set(cell.address, cell);
        else stale.push(cell);
      }
    }

    // Round trip 3 (only when old marks must go): whether our old notes are still there.
    const staleSheet = previousSheet ? worksheets.getItem(previousSheet.id) : null;
    const staleNotes = new Map<string, Excel.Note>();
    if (staleSheet && notesOn) {
      for (const cell of stale) {
        if (cell.note.touched)
          staleNotes.set(cell.address, staleSheet.notes.getItemOrNullObject(cell.address).load('content'));
      }
      if (staleNotes.size > 0) await context.sync();
    }

    const writesNote = marks.map((m) => notesOn && !commentCells.has(m.address));
    const saved: SavedCell[] = marks.map((m, i) => {
      const before = carried.get(m.address);
      let note: SavedNote;
      if (before?.note.touched || !writesNote[i]) note = before?.note ?? { touched: false };
      else note = { touched: true, prior: notes[i].isNullObject ? null : notes[i].content };
      return { address: m.address, fill: before?.fill ?? readFill(fills[i]), note };
    });

    // Round trip 4: restore stale cells, save the snapshot, then paint — in that order, so an error part-way
    // never leaves a painted cell whose previous state is not saved.
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    if (staleSheet && stale.length > 0) restoreCells(staleSheet, stale, staleNotes, notesOn);

    if (marks.length > 0) {
      const rows = encodeSnapshot({ sheetId: target.id, sheetName: target.name, cells: saved });
      let sheet: Excel.Worksheet;
      if (store.isNullObject) {
        sheet = worksheets.add(MARKS_SHEET_NAME);
        sheet.visibility = 'VeryHidden';
      } else {
        sheet = store;
        sheet.getRange().clear();
      }
      const range = sheet.getRangeByIndexes(0, 0, rows.length, rows[0].length);
      range.numberFormat = rows.map((r) => r.map(() => '@'));
      range.values = rows;
    } else if (!store.isNullObject) {
      deleteStore(store);
    }

    for (const [fill, addresses] of groupBy(marks, (m) => m.fill)) {
      for (const chunk of chunkAddresses(addresses, ADDRESS_CHUNK)) {
        const areas = target.getRanges(chunk);
        areas.format.fill.clear();
        areas.format.fill.color = fill;
      }
    }
    marks.forEach((m, i) => {
      if (!writesNote[i]) return;
      const note = saved[i].note;
      const prior = note.touched ? note.prior : null;
      const text = prior ? `${m.note}\n\n【原批注】${prior}` : m.note;
      if (notes[i].isNullObject) target.notes.add(m.address, text);
      else notes[i].content = text;
    });
    await context.sync();

    return {
      painted: marks.length,
      notes: notesOn ? 'written' : 'unsupported',
      notesSkipped: marks.filter((_, i) => notesOn && !writesNote[i]).map((m) => m.address),
      restored: stale.length,
    };
  });
}

/**
 * Takes the marks off: every painted cell gets its saved fill and note back and the snapshot sheet is removed.
 * Values, formulas, number formats, conditional formats and everything else are never touched. No snapshot → no-op.
 */
export function clearHighlights(
  context: Excel.RequestContext,
  options: HighlightOptions = {},
): Promise<ClearResult> {
  return excelOperation('清除标注', async () => {
    const notesOn = supportsExcelApi('1.18', options.isSetSupported);
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const store = worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
    store.load('id');
    await context.sync();
    if (store.isNullObject) return { restored: 0, damagedRows: [] };

    const storeRange = store.getUsedRange(true).load('values');
    await context.sync();
    const decoded = decodeSnapshot(storeRange.values);
    // A sheet of that name that is not ours is left alone.
    if (!decoded) return { restored: 0, damagedRows: [] };
    const { snapshot, damagedRows } = decoded;
    const item =
      worksheets.items.find((w) => w.id === snapshot.sheetId) ??
      worksheets.items.find((w) => w.name === snapshot.sheetName);
    const sheet = item ? worksheets.getItem(item.id) : null;

    const currentNotes = new Map<string, Excel.Note>();
    if (sheet && notesOn) {
      for (const cell of snapshot.cells) {
        if (cell.note.touched)
          currentNotes.set(cell.address, sheet.notes.getItemOrNullObject(cell.address).load('content'));
      }
      if (currentNotes.size > 0) await context.sync();
    }

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    if (sheet) restoreCells(sheet, snapshot.cells, currentNotes, notesOn);
    deleteStore(store);
    await context.sync();
    return { restored: sheet ? snapshot.cells.length : 0, damagedRows };
  });
}

function hasContent(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => v !== '' && v !== null && v !== undefined));
}

function uniqueMarks(marks: readonly CellMark[]): CellMark[] {
  const seen = new Map<string, CellMark>();
  for (const m of marks) seen.set(m.address, m);
  return [...seen.values()];
}

function readFill(fill: Excel.RangeFill): SavedFill {
  return {
    color: fill.color ?? null,
    pattern: fill.pattern ?? null,
    patternColor: fill.patternColor ?? null,
    tintAndShade: fill.tintAndShade ?? null,
    patternTintAndShade: fill.patternTintAndShade ?? null,
  };
}

/** Puts saved fills back (grouped: most cells had no fill, so one getRanges call per chunk does them) and notes. */
function restoreCells(
  sheet: Excel.Worksheet,
  cells: readonly SavedCell[],
  currentNotes: ReadonlyMap<string, Excel.Note>,
  notesOn: boolean,
): void {
  for (const [key, addresses] of groupBy(cells, (c) => JSON.stringify(c.fill))) {
    const saved = JSON.parse(key) as SavedFill;
    for (const chunk of chunkAddresses(addresses, ADDRESS_CHUNK))
      writeFill(sheet.getRanges(chunk).format.fill, saved);
  }
  if (!notesOn) return;
  for (const cell of cells) {
    if (!cell.note.touched) continue;
    const current = currentNotes.get(cell.address);
    const exists = current !== undefined && !current.isNullObject;
    if (cell.note.prior === null) {
      if (exists) current.delete();
    } else if (exists) current.content = cell.note.prior;
    else sheet.notes.add(cell.address, cell.note.prior);
  }
}

/** clear() first so nothing of our paint survives, then each property Excel reported, pattern after colour. */
function writeFill(fill: Excel.RangeFill, saved: SavedFill): void {
  fill.clear();
  if (saved.pattern === 'None') return;
  if (saved.color !== null) fill.color = saved.color;
  if (saved.pattern !== null) fill.pattern = saved.pattern as Excel.FillPattern;
  if (saved.patternColor !== null) fill.patternColor = saved.patternColor;
  if (saved.tintAndShade !== null) fill.tintAndShade = saved.tintAndShade;
  if (saved.patternTintAndShade !== null) fill.patternTintAndShade = saved.patternTintAndShade;
}

/** Made merely hidden before deleting: deleting a very hidden sheet is not documented for every host. */
function deleteStore(store: Excel.Worksheet): void {
  store.visibility = 'Hidden';
  store.delete();
}

/** Addresses grouped by a key, in first-seen order. */
function groupBy<T extends { address: string }>(
  items: readonly T[],
  key: (item: T) => string,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item.address);
    else groups.set(k, [item.address]);
  }
  return groups;
}
