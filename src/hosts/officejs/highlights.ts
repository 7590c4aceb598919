/** Paints a HighlightPlan onto the user's sheet and takes it off again, restoring every cell's own fill and note. */
import {
  cellAddress,
  HIGHLIGHT_LEGEND,
  type CellGrid,
  type CellMark,
  type HighlightPlan,
  identityKey,
  sheetLayout,
  type SheetLayout,
} from '../../engine';
import { chunkAddresses, parseAreas, rectAddress } from './address';
import { cellValues } from './readSheet';
import { excelOperation } from './errors';
import { cost, RequestBudget } from './payload';
import { supportsExcelApi, type SetSupport } from './requirements';
import { HostProblemError, type ApplyResult, type ClearResult } from '../port';
import {
  decodeSnapshot,
  encodeSnapshot,
  MARKS_SHEET_NAME,
  noteHash,
  type MarkRecord,
  type SavedCell,
  type SavedFill,
  type SavedNote,
} from './snapshot';

export interface HighlightOptions {
  isSetSupported?: SetSupport;
  /** Largest estimated request per sync, in bytes (tests lower it); DEFAULT REQUEST_BUDGET. */
  requestBudget?: number;
}

/** The first line of every note Balance writes: how a note is known as ours even without the snapshot. */
export const NOTE_MARKER = '【均衡评估助手】';
/** Separates the user's own earlier note, kept readable under ours. */
const PRIOR_NOTE = '\n\n【原批注】';

const FILL_PROPS = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';
/** Excel on the web rejects request payloads above a few MB; marks are chunked far below that by address length. */
const ADDRESS_CHUNK = 8000;
const BALANCE_FILLS: ReadonlySet<string> = new Set(HIGHLIGHT_LEGEND.map((e) => e.fill.toUpperCase()));
/** What a cell had before when only our own mark is known (the snapshot was lost): no fill. */
const NO_SAVED_FILL: SavedFill = {
  color: null,
  pattern: 'None',
  patternColor: null,
  tintAndShade: null,
  patternTintAndShade: null,
};

/**
 * The note Balance writes for a mark, with the user's earlier note kept under it. The first line is the marker and a
 * check code of the rest, so a note of ours that the user rewrote is known as theirs even without the snapshot.
 */
export function balanceNote(text: string, prior: string | null): string {
  const body = `${text}${prior !== null ? PRIOR_NOTE + prior : ''}`;
  return `${NOTE_MARKER}${noteHash(body).slice(0, 8)}\n${body}`;
}

/** For an intact note of ours, the user's note it keeps (null: none); undefined when it is not Balance's as written. */
export function priorOfBalanceNote(content: string): string | null | undefined {
  if (!content.startsWith(NOTE_MARKER)) return undefined;
  const end = content.indexOf('\n');
  if (end < 0) return undefined;
  const body = content.slice(end + 1);
  if (content.slice(NOTE_MARKER.length, end) !== noteHash(body).slice(0, 8)) return undefined;
  const at = body.indexOf(PRIOR_NOTE);
  return at < 0 ? null : body.slice(at + PRIOR_NOTE.length);
}

/** A cell's fill and note as loaded (the note proxy is absent when notes are not read). */
interface LoadedCell {
  fill: Excel.RangeFill;
  note: Excel.Note | null;
}

/** Queues the loads of each cell's fill and note, syncing whenever the request would pass the budget. */
async function loadCells(
  sheet: Excel.Worksheet,
  addresses: readonly string[],
  withNotes: boolean,
  budget: RequestBudget,
): Promise<Map<string, LoadedCell>> {
  const notes = withNotes ? sheet.notes : null;
  const loaded = new Map<string, LoadedCell>();
  for (const address of addresses) {
    if (loaded.has(address)) continue;
    await budget.reserve(
      cost(withNotes ? 4 : 3, withNotes ? 2 : 1, address, FILL_PROPS, withNotes && address),
    );
    const fill = sheet.getRange(address).format.fill.load(FILL_PROPS);
    const note = notes ? notes.getItemOrNullObject(address).load('content') : null;
    loaded.set(address, { fill, note });
  }
  return loaded;
}

/** Whether the cell still shows exactly the fill Balance painted. */
function fillIsOurs(fill: Excel.RangeFill, mark: MarkRecord | undefined): boolean {
  const color = (fill.color ?? '').toUpperCase();
  const painted = mark ? color === mark.fill.toUpperCase() : BALANCE_FILLS.has(color);
  return painted && fill.pattern === 'Solid' && (fill.tintAndShade ?? 0) === 0;
}

/** Whether the note is still the one Balance wrote (a version-1 snapshot kept no hash: then any note counts). */
function noteIsOurs(note: Excel.Note, mark: MarkRecord | undefined): boolean {
  if (!mark) return true;
  return mark.noteHash !== null && noteHash(note.content) === mark.noteHash;
}

/** The grid of a sheet's used range as loaded, for finding rows and columns again. */
function gridOf(sheetName: string, range: Excel.Range | null): CellGrid | null {
  if (!range || range.isNullObject) return null;
  return {
    sheet: sheetName,
    values: cellValues(range.values as unknown[][]),
    firstRow: range.rowIndex + 1,
    firstColumn: range.columnIndex,
  };
}

/**
 * Where each saved cell's mark is now: found by its row's identity and its column's header when both are still
 * there, else at the address it was painted at (only if no other mark was found there; the mark itself is checked
 * before anything is restored). Two records never claim one cell.
 */
function relocate(
  cells: readonly SavedCell[],
  layout: SheetLayout | null,
): { at: string; byIdentity: boolean }[] {
  const claimed = new Set<string>();
  const found = cells.map((cell) => {
    const mark = cell.mark;
    if (!layout || !mark?.row || !mark.column) return null;
    const row = layout.rowAt.get(identityKey(mark.row));
    const column = layout.columnAt.get(identityKey(mark.column));
    if (row === undefined || column === undefined) return null;
    const address = cellAddress(row, column);
    if (claimed.has(address)) return null;
    claimed.add(address);
    return address;
  });
  return found.map((address, i) => {
    if (address !== null) return { at: address, byIdentity: true };
    const fallback = cells[i].address;
    if (claimed.has(fallback)) return { at: '', byIdentity: false };
    claimed.add(fallback);
    return { at: fallback, byIdentity: false };
  });
}

/** A previous mark found where it is now, with what is on that cell now. */
interface Located {
  saved: SavedCell;
  at: string;
  now: LoadedCell;
  /** Found by row identity and header, not only at the address it was painted at. */
  byIdentity?: boolean;
}

/** What is restored of a located mark: only the parts that are still exactly Balance's. */
interface Restoration {
  fill: boolean;
  note: 'restore' | 'putBack' | 'keep' | 'none';
}

function restorationOf(cell: Located, notesOn: boolean): Restoration {
  // At the old address only: the note must also be ours, or another school's mark of the same colour could be there.
  const noteAgrees =
    cell.byIdentity ||
    !notesOn ||
    !cell.saved.mark?.noteHash ||
    (cell.now.note !== null && !cell.now.note.isNullObject && noteIsOurs(cell.now.note, cell.saved.mark));
  const fill = fillIsOurs(cell.now.fill, cell.saved.mark) && noteAgrees;
  let note: Restoration['note'] = 'none';
  if (notesOn && cell.saved.note.touched && cell.now.note) {
    const current = cell.now.note;
    // The user's own note comes back where they deleted ours, but only on the cell the mark was found on for sure.
    if (current.isNullObject)
      note = cell.saved.note.prior === null || (cell.saved.mark && !cell.byIdentity) ? 'none' : 'putBack';
    else note = noteIsOurs(current, cell.saved.mark) ? 'restore' : 'keep';
  }
  return { fill, note };
}

/** Queues the restoration of located marks; returns the cells where the user's own edit was kept. */
async function restoreCells(
  sheet: Excel.Worksheet,
  cells: readonly Located[],
  notesOn: boolean,
  budget: RequestBudget,
): Promise<{ restored: number; kept: string[] }> {
  const plans = cells.map((c) => ({ cell: c, what: restorationOf(c, notesOn) }));
  const fills = new Map<string, string[]>();
  for (const { cell, what } of plans) {
    if (!what.fill) continue;
    const key = JSON.stringify(cell.saved.fill);
    const list = fills.get(key);
    if (list) list.push(cell.at);
    else fills.set(key, [cell.at]);
  }
  for (const [key, addresses] of fills) {
    const saved = JSON.parse(key) as SavedFill;
    for (const chunk of chunkAddresses(addresses, ADDRESS_CHUNK)) {
      await budget.reserve(cost(3, 6, chunk, saved));
      writeFill(sheet.getRanges(chunk).format.fill, saved);
    }
  }
  const notes = notesOn ? sheet.notes : null;
  for (const { cell, what } of plans) {
    if (!notes || (what.note !== 'restore' && what.note !== 'putBack')) continue;
    const prior = cell.saved.note.touched ? cell.saved.note.prior : null;
    await budget.reserve(cost(1, 1, cell.at, prior));
    const current = cell.now.note as Excel.Note;
    if (what.note === 'putBack') notes.add(cell.at, prior as string);
    else if (prior === null) current.delete();
    else current.content = prior;
  }
  const kept = plans.filter(({ what }) => !what.fill || what.note === 'keep').map(({ cell }) => cell.at);
  const restored = plans.filter(
    ({ what }) => what.fill || what.note === 'restore' || what.note === 'putBack',
  );
  return { restored: restored.length, kept };
}

/**
 * Shades the plan's cells and writes their notes. Previous marks (from an earlier apply, maybe on another sheet)
 * are found where they are now and taken off first, and every target cell's own fill and note are saved before
 * painting (see snapshot.ts). A cell that already shows Balance's own mark is never saved as "its own format".
 * Round trips: 1 read + (1 for the previous sheet and comment locations) + (1 for where the previous marks are now)
 * + 1 write — at most 4, whatever the number of schools, plus one more for every REQUEST_BUDGET of request.
 */
export function applyHighlights(
  context: Excel.RequestContext,
  plan: HighlightPlan,
  options: HighlightOptions = {},
): Promise<ApplyResult> {
  return excelOperation('highlight', async () => {
    const notesOn = supportsExcelApi('1.18', options.isSetSupported);
    const commentsOn = notesOn && supportsExcelApi('1.10', options.isSetSupported);
    const marks = uniqueMarks(plan.marks);
    const budget = new RequestBudget(context, options.requestBudget);

    // Round trip 1: where things are, the table's rows and columns, and the fill and note of every target cell.
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name');
    const target = worksheets.getItem(plan.sheet);
    target.load('id,name');
    const store = worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
    store.load('id');
    const storeRange = store.getUsedRangeOrNullObject(true).load('values');
    const targetRange = target.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
    const comments = commentsOn ? target.comments.load('items/id') : null;
    const current = await loadCells(
      target,
      marks.map((m) => m.address),
      notesOn,
      budget,
    );
    await budget.sync();

    const decoded = storeRange.isNullObject ? null : decodeSnapshot(storeRange.values);
    if (!store.isNullObject && !storeRange.isNullObject && !decoded && hasContent(storeRange.values)) {
      // Never overwrite a user's sheet that merely shares our name.
      throw new HostProblemError({ code: 'sheetNameTaken', sheet: MARKS_SHEET_NAME, purpose: 'marks' });
    }
    const previous = decoded?.snapshot;
    const previousItem = previous
      ? (worksheets.items.find((w) => w.id === previous.sheetId) ??
        worksheets.items.find((w) => w.name === previous.sheetName))
      : undefined;
    const sameSheet = previousItem !== undefined && previousItem.id === target.id;
    const previousSheet = previousItem ? (sameSheet ? target : worksheets.getItem(previousItem.id)) : null;

    // Round trip 2: where the threaded comments sit, and the previous sheet's rows and columns if it is another.
    const commentRanges = comments ? comments.items.map((c) => c.getLocation().load('address')) : [];
    const previousRange =
      previousSheet && !sameSheet
        ? previousSheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex')
        : null;
    if (commentRanges.length > 0 || previousRange) await budget.sync();
    const commentCells = new Set(commentRanges.flatMap((r) => parseAreas(r.address).map(rectAddress)));

    const layout = sheetLayout(gridOf(target.name, targetRange) ?? emptyGrid(target.name), plan.layout);
    const previousLayout = sameSheet
      ? layout
      : previousItem && previousRange
        ? sheetLayout(gridOf(previousItem.name, previousRange) ?? emptyGrid(previousItem.name))
        : null;

    // Round trip 3: what is on the cells where the previous marks are now.
    const previousCells = previous && previousSheet ? previous.cells : [];
    const positions = relocate(previousCells, previousLayout);
    let previousNow = sameSheet ? current : new Map<string, LoadedCell>();
    if (previousSheet) {
      const missing = positions.map((p) => p.at).filter((a) => a !== '' && !previousNow.has(a));
      if (missing.length > 0) {
        const loaded = await loadCells(previousSheet, missing, notesOn, budget);
        await budget.sync();
        previousNow = new Map([...previousNow, ...loaded]);
      }
    }
    const located: Located[] = [];
    previousCells.forEach((saved, i) => {
      const { at, byIdentity } = positions[i];
      if (at !== '') located.push({ saved, at, byIdentity, now: previousNow.get(at) as LoadedCell });
    });
    const wanted = new Set(marks.map((m) => m.address));
    const carried = new Map<string, Located>();
    const stale: Located[] = [];
    for (const cell of located) {
      if (sameSheet && wanted.has(cell.at)) carried.set(cell.at, cell);
      else stale.push(cell);
    }

    const writesNote = marks.map((m) => notesOn && !commentCells.has(m.address));
    const saved: SavedCell[] = marks.map((m, i) => {
      const now = current.get(m.address) as LoadedCell;
      const before = carried.get(m.address);
      const noteNow = now.note && !now.note.isNullObject ? now.note.content : null;
      const oursByMarker = noteNow !== null ? priorOfBalanceNote(noteNow) : undefined;

      let fill: SavedFill;
      if (before && fillIsOurs(now.fill, before.saved.mark)) fill = before.saved.fill;
      else if (!before && oursByMarker !== undefined && fillIsOurs(now.fill, undefined)) fill = NO_SAVED_FILL;
      else fill = readFill(now.fill);

      let note: SavedNote;
      if (!writesNote[i]) note = before?.saved.note ?? { touched: false };
      else if (
        before?.saved.note.touched &&
        (noteNow === null || noteIsOurs(now.note as Excel.Note, before.saved.mark))
      )
        note = before.saved.note;
      else if (!before && oursByMarker !== undefined) note = { touched: true, prior: oursByMarker };
      else note = { touched: true, prior: noteNow };

      const text = writesNote[i] ? balanceNote(m.note, note.touched ? note.prior : null) : null;
      const mark: MarkRecord = {
        fill: m.fill,
        noteHash: text === null ? null : noteHash(text),
        row: layout?.rowOf.get(m.row) ?? null,
        column: layout?.columnOf.get(m.column) ?? null,
      };
      return { address: m.address, fill, note, mark };
    });

    // Write: restore stale cells, save the snapshot, then paint — in that order, so an error part-way never leaves
    // a painted cell whose previous state is not saved. Large counties go in several size-bounded syncs.
    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    if (previousSheet && stale.length > 0) await restoreCells(previousSheet, stale, notesOn, budget);

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
      await writeRows(sheet, rows, budget);
    } else if (!store.isNullObject) {
      deleteStore(store);
    }

    for (const [fill, addresses] of groupBy(marks, (m) => m.fill)) {
      for (const chunk of chunkAddresses(addresses, ADDRESS_CHUNK)) {
        await budget.reserve(cost(3, 2, chunk, fill));
        const areas = target.getRanges(chunk);
        areas.format.fill.clear();
        areas.format.fill.color = fill;
      }
    }
    const notes = notesOn ? target.notes : null;
    for (let i = 0; i < marks.length; i++) {
      if (!notes || !writesNote[i]) continue;
      const m = marks[i];
      const note = saved[i].note;
      const text = balanceNote(m.note, note.touched ? note.prior : null);
      await budget.reserve(cost(1, 1, m.address, text));
      const existing = (current.get(m.address) as LoadedCell).note as Excel.Note;
      if (existing.isNullObject) notes.add(m.address, text);
      else existing.content = text;
    }
    await budget.sync();

    return {
      painted: marks.length,
      notes: notesOn ? 'written' : 'unsupported',
      notesSkipped: marks.filter((_, i) => notesOn && !writesNote[i]).map((m) => m.address),
      restored: stale.length,
    };
  });
}

/**
 * Takes the marks off: each mark is found where it is now (the school's row and the column's header, after sorts
 * and inserted or deleted rows and columns), and its saved fill and note come back only where the cell still shows
 * Balance's exact mark; what the user recoloured or rewrote stays as they made it and is reported. Without the
 * snapshot sheet, Balance's notes (known by their first line) and the fills under them are taken off. Values,
 * formulas, number formats, conditional formats and everything else are never touched.
 */
export function clearHighlights(
  context: Excel.RequestContext,
  options: HighlightOptions = {},
): Promise<ClearResult> {
  return excelOperation('clearHighlights', async () => {
    const notesOn = supportsExcelApi('1.18', options.isSetSupported);
    const budget = new RequestBudget(context, options.requestBudget);
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/id,items/name,items/visibility');
    const store = worksheets.getItemOrNullObject(MARKS_SHEET_NAME);
    store.load('id');
    const storeRange = store.getUsedRangeOrNullObject(true).load('values');
    await budget.sync();
    const none: ClearResult = { restored: 0, damagedRows: [], keptUserEdits: [] };
    if (store.isNullObject) return notesOn ? clearByMarker(context, worksheets, budget) : none;

    const decoded = storeRange.isNullObject ? null : decodeSnapshot(storeRange.values);
    // A sheet of that name that is not ours is left alone.
    if (!decoded) return none;
    const { snapshot, damagedRows } = decoded;
    const item =
      worksheets.items.find((w) => w.id === snapshot.sheetId) ??
      worksheets.items.find((w) => w.name === snapshot.sheetName);
    const sheet = item ? worksheets.getItem(item.id) : null;

    let result = { restored: 0, kept: [] as string[] };
    if (sheet && item) {
      const range = sheet.getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex');
      await budget.sync();
      const layout = sheetLayout(gridOf(item.name, range) ?? emptyGrid(item.name));
      const positions = relocate(snapshot.cells, layout);
      const now = await loadCells(
        sheet,
        positions.map((p) => p.at).filter((a) => a !== ''),
        notesOn,
        budget,
      );
      await budget.sync();
      const located: Located[] = [];
      snapshot.cells.forEach((saved, i) => {
        const { at, byIdentity } = positions[i];
        if (at !== '') located.push({ saved, at, byIdentity, now: now.get(at) as LoadedCell });
      });
      context.application.suspendApiCalculationUntilNextSync();
      context.application.suspendScreenUpdatingUntilNextSync();
      result = await restoreCells(sheet, located, notesOn, budget);
    }
    deleteStore(store);
    await budget.sync();
    return { restored: result.restored, damagedRows, keptUserEdits: result.kept };
  });
}

/**
 * Clearing when the snapshot sheet is gone: every note that begins with Balance's marker is ours; it gives back the
 * user's note it kept, and the cell's fill is cleared only while it is exactly one of Balance's fills.
 */
async function clearByMarker(
  context: Excel.RequestContext,
  worksheets: Excel.WorksheetCollection,
  budget: RequestBudget,
): Promise<ClearResult> {
  const sheets = worksheets.items.filter((w) => w.name !== MARKS_SHEET_NAME);
  const collections = sheets.map((w) => {
    const sheet = worksheets.getItem(w.id);
    return { sheet, notes: sheet.notes.load('items/content') };
  });
  await budget.sync();
  const found: {
    sheet: Excel.Worksheet;
    note: Excel.Note;
    prior: string | null;
    location: Excel.Range;
    fill: Excel.RangeFill;
  }[] = [];
  for (const { sheet, notes } of collections) {
    for (const note of notes.items) {
      const prior = priorOfBalanceNote(note.content);
      if (prior === undefined) continue;
      await budget.reserve(cost(4, 2, FILL_PROPS));
      const location = note.getLocation().load('address');
      const fill = location.format.fill.load(FILL_PROPS);
      found.push({ sheet, note, prior, location, fill });
    }
  }
  if (found.length === 0) return { restored: 0, damagedRows: [], keptUserEdits: [] };
  await budget.sync();
  context.application.suspendApiCalculationUntilNextSync();
  context.application.suspendScreenUpdatingUntilNextSync();
  for (const { sheet, note, prior, location, fill } of found) {
    await budget.reserve(cost(4, 3, location.address, prior));
    if (fillIsOurs(fill, undefined)) sheet.getRange(location.address).format.fill.clear();
    if (prior === null) note.delete();
    else note.content = prior;
  }
  await budget.sync();
  return { restored: found.length, damagedRows: [], keptUserEdits: [] };
}

function emptyGrid(sheet: string): CellGrid {
  return { sheet, values: [], firstRow: 1, firstColumn: 0 };
}

/** Writes rows of text in blocks that each fit the request budget, formatted '@' so nothing reads as a formula. */
async function writeRows(sheet: Excel.Worksheet, rows: string[][], budget: RequestBudget): Promise<void> {
  const width = rows[0].length;
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = cost(2, 2);
    const limit = 1_000_000;
    while (end < rows.length) {
      const next = cost(0, 0, rows[end]) + width * 4;
      if (end > start && bytes + next > limit) break;
      bytes += next;
      end++;
    }
    await budget.reserve(bytes);
    const block = rows.slice(start, end);
    const range = sheet.getRangeByIndexes(start, 0, block.length, width);
    range.numberFormat = block.map((r) => r.map(() => '@'));
    range.values = block;
    start = end;
  }
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
