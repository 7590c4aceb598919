/**
 * The WPS marks snapshot: each painted cell's own fill and note, and what we painted, on a very hidden sheet — the
 * same idea and sheet name as the Office host (it travels with the workbook; 'VeryHidden' keeps it out of the UI).
 *
 * The fills are WPS's own (BGR longs, XlPattern numbers), not Office.js' hex strings, so the first cell says
 * 'balance-marks-wps': the Office host reads it as "not our sheet" and leaves it alone instead of misreading it.
 * Layout: row 1 = [magic, '{"version":1,"sheetName":…}']; then per cell [address, cell JSON, note JSON in pieces of
 * ≤ 30,000 characters]. Every value is text, and the range is formatted '@'.
 */
import type { ColumnIdentity, RowIdentity } from '../../engine';

export const MARKS_SHEET_NAME = '_balance_marks';
const MAGIC = 'balance-marks-wps';
const VERSION = 1;
const PIECE = 30000;

/** A cell's own fill; `none` when it had no fill (ColorIndex xlNone). */
export type WpsSavedFill =
  | { none: true }
  | { none: false; color: number; pattern: number; patternColor: number; tintAndShade: number };

/** Whether we wrote the cell's note and, if so, what was there before (null: none) and the text we wrote. */
export type WpsSavedNote = { touched: false } | { touched: true; prior: string | null; written: string };

export interface WpsSavedCell {
  /** A1 address without sheet, e.g. 'F12'. */
  address: string;
  fill: WpsSavedFill;
  /** The BGR colour we painted: on clearing, a cell whose fill is no longer this is the user's and is left alone. */
  painted: number;
  note: WpsSavedNote;
  /** Whose cell it is: the school row's identity and the column's header (null: not in the table), to find it after a sort. */
  row?: RowIdentity | null;
  column?: ColumnIdentity | null;
}

export interface WpsMarksSnapshot {
  sheetName: string;
  cells: WpsSavedCell[];
}

export function encodeSnapshot(snapshot: WpsMarksSnapshot): string[][] {
  const rows: string[][] = [[MAGIC, JSON.stringify({ version: VERSION, sheetName: snapshot.sheetName })]];
  for (const cell of snapshot.cells) {
    const note = JSON.stringify(cell.note);
    const pieces: string[] = [];
    for (let i = 0; i < note.length; i += PIECE) pieces.push(note.slice(i, i + PIECE));
    const body = {
      fill: cell.fill,
      painted: cell.painted,
      row: cell.row ?? null,
      column: cell.column ?? null,
    };
    rows.push([cell.address, JSON.stringify(body), ...pieces]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

export interface DecodedSnapshot {
  snapshot: WpsMarksSnapshot;
  /** Rows that could not be read (edited by hand); their cells cannot be restored. */
  damagedRows: number[];
}

/** Reads the snapshot back; null when the sheet does not hold one of ours. */
export function decodeSnapshot(values: readonly (readonly unknown[])[]): DecodedSnapshot | null {
  const head = values[0];
  if (!head || head[0] !== MAGIC) return null;
  let meta: { version?: unknown; sheetName?: unknown };
  try {
    meta = JSON.parse(String(head[1])) as typeof meta;
  } catch {
    return null;
  }
  if (meta.version !== VERSION || typeof meta.sheetName !== 'string') return null;
  const cells: WpsSavedCell[] = [];
  const damagedRows: number[] = [];
  values.slice(1).forEach((row, i) => {
    const cell = decodeRow(row);
    if (cell) cells.push(cell);
    else if (row.some((v) => v !== '' && v !== null && v !== undefined)) damagedRows.push(i + 2);
  });
  return { snapshot: { sheetName: meta.sheetName, cells }, damagedRows };
}

function decodeRow(row: readonly unknown[]): WpsSavedCell | null {
  const address = row[0];
  if (typeof address !== 'string' || !/^[A-Z]{1,3}[1-9]\d*$/.test(address)) return null;
  try {
    const body = JSON.parse(String(row[1])) as {
      fill?: WpsSavedFill;
      painted?: unknown;
      row?: unknown;
      column?: unknown;
    };
    const note = JSON.parse(
      row
        .slice(2)
        .map((v) => (v === null || v === undefined ? '' : String(v)))
        .join(''),
    ) as WpsSavedNote;
    const fill = body.fill;
    if (typeof fill !== 'object' || fill === null || typeof fill.none !== 'boolean') return null;
    if (!fill.none && typeof fill.color !== 'number') return null;
    if (typeof body.painted !== 'number') return null;
    if (typeof note !== 'object' || note === null || typeof note.touched !== 'boolean') return null;
    if (
      note.touched &&
      (typeof note.written !== 'string' || (note.prior !== null && typeof note.prior !== 'string'))
    )
      return null;
    return {
      address,
      fill,
      painted: body.painted,
      note,
      row: identity(body.row),
      column: identity(body.column),
    };
  } catch {
    return null;
  }
}

/** An identity as stored, or null when absent or edited into something else. */
function identity(value: unknown): RowIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { key, n } = value as { key?: unknown; n?: unknown };
  return typeof key === 'string' && typeof n === 'number' ? { key, n } : null;
}
