/** Paints a HighlightPlan onto the user's sheet in WPS and takes it off again, restoring every cell's own fill and note. */
import {
  cellAddress,
  type CellGrid,
  type CellMark,
  type CellValue,
  type HighlightPlan,
  identityKey,
  type SheetLayout,
  sheetLayout,
  type TableLayout,
} from '../../engine';
import { HostProblemError, type ApplyResult, type ClearResult } from '../port';
import { wpsOperation } from './errors';
import {
  activeWorkbook,
  chunkAddresses,
  deleteSheet,
  findSheet,
  groupBy,
  hexToBgr,
  rangeRect,
  rectAddress,
  requireSheet,
  withBulkWrites,
  XL_NONE,
  XL_PATTERN_SOLID,
  XL_SHEET_VERY_HIDDEN,
} from './model';
import {
  decodeSnapshot,
  encodeSnapshot,
  MARKS_SHEET_NAME,
  type WpsSavedCell,
  type WpsSavedFill,
  type WpsSavedNote,
} from './snapshot';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './types';

/**
 * Shades the plan's cells and writes their notes (批注). Previous marks are taken off first (maybe on another sheet);
 * a cell marked again keeps the fill and note saved the first time, so our own paint is never saved as "the user's".
 * Order: restore stale cells, save the snapshot, then paint — an error part-way never leaves a painted cell whose
 * previous state is not saved.
 */
export function applyHighlights(app: WpsApplication, plan: HighlightPlan): Promise<ApplyResult> {
  return wpsOperation('highlight', () => {
    const workbook = activeWorkbook(app);
    const target = requireSheet(workbook, plan.sheet);
    const marks = uniqueMarks(plan.marks);
    const store = findSheet(workbook, MARKS_SHEET_NAME);
    const decoded = store ? decodeSnapshot(readBlock(store)) : null;
    if (store && !decoded && hasContent(readBlock(store))) {
      throw new HostProblemError({ code: 'sheetNameTaken', sheet: MARKS_SHEET_NAME, purpose: 'wpsMarks' });
    }
    const previous = decoded?.snapshot;
    const previousSheet = previous ? findSheet(workbook, previous.sheetName) : null;
    const sameSheet = previousSheet !== null && previousSheet.Name === target.Name;
    const layout = layoutOf(target, plan.layout);
    // The previous marks where they are now (the user may have sorted or inserted rows since).
    const previousLayout = previousSheet ? (sameSheet ? layoutOf(target) : layoutOf(previousSheet)) : null;
    const located = previousSheet ? relocate(previous!.cells, previousLayout) : [];
    const wanted = new Set(marks.map((m) => m.address));
    const carried = new Map<string, WpsSavedCell>();
    const stale: WpsSavedCell[] = [];
    for (const cell of located) {
      if (sameSheet && wanted.has(cell.address) && stillOurs(previousSheet!.Range(cell.address), cell))
        carried.set(cell.address, cell);
      else stale.push(cell);
    }

    let restored = 0;
    withBulkWrites(app, () => {
      if (previousSheet && stale.length > 0) restored = restoreCells(previousSheet, stale);
      // Read after restoring, so a stale note of ours that was just taken off is never saved as the user's.
      const saved: WpsSavedCell[] = marks.map((m) => {
        const before = carried.get(m.address);
        const current = target.Range(m.address).Comment?.Text() ?? null;
        const prior = before?.note.touched && current === before.note.written ? before.note.prior : current;
        const written = prior ? `${m.note}\n\n【原批注】${prior}` : m.note;
        const note: WpsSavedNote = { touched: true, prior, written };
        const fill = before?.fill ?? readFill(target.Range(m.address));
        return {
          address: m.address,
          fill,
          painted: hexToBgr(m.fill),
          note,
          row: layout?.rowOf.get(m.row) ?? null,
          column: layout?.columnOf.get(m.column) ?? null,
        };
      });
      if (marks.length > 0) {
        writeStore(app, workbook, store, encodeSnapshot({ sheetName: target.Name, cells: saved }));
      } else if (store) deleteSheet(store);

      for (const [color, addresses] of groupBy(
        saved,
        (c) => String(c.painted),
        (c) => c.address,
      )) {
        for (const chunk of chunkAddresses(addresses)) {
          // A solid, untinted fill: the user's pattern or tint under the mark would change its colour.
          const interior = target.Range(chunk).Interior;
          interior.Color = Number(color);
          interior.Pattern = XL_PATTERN_SOLID;
          interior.TintAndShade = 0;
        }
      }
      for (const cell of saved) {
        if (!cell.note.touched) continue;
        const range = target.Range(cell.address);
        const comment = range.Comment;
        if (comment) comment.Text(cell.note.written);
        else range.AddComment(cell.note.written);
      }
    });

    return { painted: marks.length, notes: 'written', notesSkipped: [], restored };
  });
}

/**
 * Takes the marks off: a cell still showing our paint gets its own fill back, a note still reading what we wrote gets
 * its own note back; anything the user changed since (a new fill, an edited note, or another row sorted into the
 * cell) is the user's and stays. Values and formulas are never touched. No snapshot → no-op.
 */
export function clearHighlights(app: WpsApplication): Promise<ClearResult> {
  return wpsOperation('clearHighlights', () => {
    const workbook = activeWorkbook(app);
    const store = findSheet(workbook, MARKS_SHEET_NAME);
    if (!store) return { restored: 0, damagedRows: [] };
    const decoded = decodeSnapshot(readBlock(store));
    if (!decoded) return { restored: 0, damagedRows: [] };
    const { snapshot, damagedRows } = decoded;
    const sheet = findSheet(workbook, snapshot.sheetName);
    let restored = 0;
    withBulkWrites(app, () => {
      if (sheet) restored = restoreCells(sheet, relocate(snapshot.cells, layoutOf(sheet)));
      deleteSheet(store);
    });
    return { restored, damagedRows };
  });
}

function uniqueMarks(marks: readonly CellMark[]): CellMark[] {
  const seen = new Map<string, CellMark>();
  for (const m of marks) seen.set(m.address, m);
  return [...seen.values()];
}

function readBlock(sheet: WpsWorksheet): unknown[][] {
  const value = sheet.UsedRange.Value2;
  return Array.isArray(value) ? value.map((row: unknown) => (Array.isArray(row) ? row : [row])) : [[value]];
}

function hasContent(values: readonly (readonly unknown[])[]): boolean {
  return values.some((row) => row.some((v) => v !== '' && v !== null && v !== undefined));
}

function readFill(cell: WpsRange): WpsSavedFill {
  const interior = cell.Interior;
  if (interior.ColorIndex === XL_NONE || interior.Pattern === XL_NONE) return { none: true };
  return {
    none: false,
    color: interior.Color,
    pattern: interior.Pattern,
    patternColor: interior.PatternColor,
    tintAndShade: interior.TintAndShade,
  };
}

/** Whether the cell still shows the colour we painted (else the user, or a sort, put something else there). */
function stillOurs(cell: WpsRange, saved: WpsSavedCell): boolean {
  const interior = cell.Interior;
  return (
    interior.ColorIndex !== XL_NONE &&
    interior.Pattern === XL_PATTERN_SOLID &&
    interior.TintAndShade === 0 &&
    interior.Color === saved.painted
  );
}

/** The rows and columns of the sheet's table as they are now (null: no table recognised). */
function layoutOf(sheet: WpsWorksheet, known?: TableLayout): SheetLayout | null {
  const used = sheet.UsedRange;
  const rect = rangeRect(used);
  const value = used.Value2;
  const rows: unknown[][] = Array.isArray(value)
    ? value.map((row: unknown) => (Array.isArray(row) ? row : [row]))
    : [[value]];
  const cell = (v: unknown): CellValue =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  const grid: CellGrid = {
    sheet: sheet.Name,
    values: rows.map((row) => row.map(cell)),
    firstRow: rect.top,
    firstColumn: rect.left,
  };
  return sheetLayout(grid, known);
}

/**
 * Where each saved cell's mark is now: by its row's identity and its column's header when both are still there, else
 * at the address it was painted at (unless another mark was found there). Two records never claim one cell; what is
 * restored there is still checked against what we painted and wrote.
 */
function relocate(cells: readonly WpsSavedCell[], layout: SheetLayout | null): WpsSavedCell[] {
  const claimed = new Set<string>();
  const found = cells.map((cell) => {
    if (!layout || !cell.row || !cell.column) return null;
    const row = layout.rowAt.get(identityKey(cell.row));
    const column = layout.columnAt.get(identityKey(cell.column));
    if (row === undefined || column === undefined) return null;
    const address = cellAddress(row, column);
    if (claimed.has(address)) return null;
    claimed.add(address);
    return address;
  });
  const located: WpsSavedCell[] = [];
  cells.forEach((cell, i) => {
    const at = found[i] ?? (claimed.has(cell.address) ? null : cell.address);
    if (at === null) return;
    claimed.add(at);
    located.push({ ...cell, address: at });
  });
  return located;
}

/** Restores fills (grouped by look, one Range per chunk of addresses) and notes of the cells still ours. */
function restoreCells(sheet: WpsWorksheet, cells: readonly WpsSavedCell[]): number {
  const ours = cells.filter((cell) => stillOurs(sheet.Range(cell.address), cell));
  for (const [key, addresses] of groupBy(
    ours,
    (c) => JSON.stringify(c.fill),
    (c) => c.address,
  )) {
    const fill = JSON.parse(key) as WpsSavedFill;
    for (const chunk of chunkAddresses(addresses)) writeFill(sheet.Range(chunk), fill);
  }
  for (const cell of cells) {
    if (!cell.note.touched) continue;
    const comment = sheet.Range(cell.address).Comment;
    if (!comment || comment.Text() !== cell.note.written) continue;
    if (cell.note.prior === null) comment.Delete();
    else comment.Text(cell.note.prior);
  }
  return ours.length;
}

function writeFill(range: WpsRange, fill: WpsSavedFill): void {
  const interior = range.Interior;
  if (fill.none) {
    interior.ColorIndex = XL_NONE;
    return;
  }
  interior.Color = fill.color;
  interior.Pattern = fill.pattern;
  interior.PatternColor = fill.patternColor;
  interior.TintAndShade = fill.tintAndShade;
}

/** Replaces the snapshot sheet; Worksheets.Add activates the new sheet, so the user's sheet is activated again. */
function writeStore(
  app: WpsApplication,
  workbook: WpsWorkbook,
  existing: WpsWorksheet | null,
  rows: string[][],
): void {
  const active = app.ActiveSheet;
  if (existing) deleteSheet(existing);
  const sheet = workbook.Worksheets.Add();
  sheet.Name = MARKS_SHEET_NAME;
  const range = sheet.Range(rectAddress({ top: 1, left: 0, bottom: rows.length, right: rows[0].length - 1 }));
  range.NumberFormat = '@';
  range.Value2 = rows;
  sheet.Visible = XL_SHEET_VERY_HIDDEN;
  active?.Activate();
}
