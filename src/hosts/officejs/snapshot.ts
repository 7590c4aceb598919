/**
 * The marks snapshot: each painted cell's previous fill and note, kept in the workbook so clearing restores them
 * exactly — even in a later session, or after the CLI painted the file.
 *
 * Where it lives: a very hidden worksheet '_balance_marks'. Why that and not the alternatives:
 * - it travels inside the .xlsx with the marks it describes (save, e-mail, reopen, co-authoring);
 * - it is written in the same batch as the paint (Office.context.document.settings needs a separate saveAsync and
 *   is size-limited; custom XML parts need XML escaping and ExcelApi 1.5) and holds thousands of rows;
 * - exceljs can read and write a worksheet but not custom XML parts or add-in settings, so the CLI's painted copy
 *   and the task pane share one format;
 * - 'VeryHidden' cannot be unhidden from Excel's UI, so users do not stumble on it.
 *
 * Layout: row 1 = ['balance-marks', '{"version":2,"sheetId":…,"sheetName":…}']; then one row per cell:
 * [address, fill JSON, mark JSON, note JSON split into pieces of ≤ 30,000 characters (an Excel cell holds 32,767)].
 * The mark says what Balance painted (its fill, a hash of its note) and whose cell it is (the school row's identity
 * and the column's header), so clearing finds the cell after a sort and touches it only while the mark is intact.
 * Version 1 (no mark column) is still read. Every value is text that cannot be mistaken for a formula, and the
 * range is formatted '@' besides.
 */
import type { ColumnIdentity, RowIdentity } from '../../engine';

export const MARKS_SHEET_NAME = '_balance_marks';
const MAGIC = 'balance-marks';
const VERSION = 2;
const PIECE = 30000;

/** A cell's fill as Excel reports it (RangeFill); null where Excel reported none. */
export interface SavedFill {
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/** Whether we wrote a note on the cell and, if so, the note that was there before (null: none). */
export type SavedNote = { touched: false } | { touched: true; prior: string | null };

/** What Balance painted on a cell and whose cell it is. */
export interface MarkRecord {
  /** The fill painted, '#RRGGBB'. */
  fill: string;
  /** notehash() of the note written, null when no note was written. */
  noteHash: string | null;
  row: RowIdentity | null;
  column: ColumnIdentity | null;
}

export interface SavedCell {
  /** A1 address without sheet when painted, e.g. 'F12'. */
  address: string;
  fill: SavedFill;
  note: SavedNote;
  /** Absent in version-1 snapshots. */
  mark?: MarkRecord;
}

export interface MarksSnapshot {
  /** Worksheet.id of the painted sheet (survives renaming), and its name as a fallback. */
  sheetId: string;
  sheetName: string;
  cells: SavedCell[];
}

/** The snapshot as a rectangle of text values for one range write. */
export function encodeSnapshot(snapshot: MarksSnapshot): string[][] {
  const rows: string[][] = [
    [MAGIC, JSON.stringify({ version: VERSION, sheetId: snapshot.sheetId, sheetName: snapshot.sheetName })],
  ];
  for (const cell of snapshot.cells) {
    const note = JSON.stringify(cell.note);
    const pieces: string[] = [];
    for (let i = 0; i < note.length; i += PIECE) pieces.push(note.slice(i, i + PIECE));
    rows.push([cell.address, JSON.stringify(cell.fill), JSON.stringify(cell.mark ?? null), ...pieces]);
  }
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

export interface DecodedSnapshot {
  snapshot: MarksSnapshot;
  /** Rows that could not be read (edited by hand); their cells cannot be restored. */
  damagedRows: number[];
}

/** Reads the snapshot back; null when the sheet does not hold one (its first row is not ours). */
export function decodeSnapshot(values: readonly (readonly unknown[])[]): DecodedSnapshot | null {
  const head = values[0];
  if (!head || head[0] !== MAGIC) return null;
  let meta: { version?: unknown; sheetId?: unknown; sheetName?: unknown };
  try {
    meta = JSON.parse(String(head[1])) as typeof meta;
  } catch {
    return null;
  }
  const version = meta.version;
  if (
    (version !== 1 && version !== VERSION) ||
    typeof meta.sheetId !== 'string' ||
    typeof meta.sheetName !== 'string'
  )
    return null;

  const cells: SavedCell[] = [];
  const damagedRows: number[] = [];
  values.slice(1).forEach((row, i) => {
    const cell = decodeRow(row, version === 1 ? 2 : 3);
    if (cell) cells.push(cell);
    else if (row.some((v) => v !== '' && v !== null && v !== undefined)) damagedRows.push(i + 2);
  });
  return { snapshot: { sheetId: meta.sheetId, sheetName: meta.sheetName, cells }, damagedRows };
}

function decodeRow(row: readonly unknown[], notesFrom: number): SavedCell | null {
  const address = row[0];
  if (typeof address !== 'string' || !/^[A-Z]{1,3}[1-9]\d*$/.test(address)) return null;
  try {
    const fill = JSON.parse(String(row[1])) as SavedFill;
    const note = JSON.parse(
      row
        .slice(notesFrom)
        .map((v) => (v === null || v === undefined ? '' : String(v)))
        .join(''),
    ) as SavedNote;
    if (typeof fill !== 'object' || fill === null || !('pattern' in fill)) return null;
    if (typeof note !== 'object' || note === null || typeof note.touched !== 'boolean') return null;
    if (note.touched && note.prior !== null && typeof note.prior !== 'string') return null;
    const mark = notesFrom === 3 ? (JSON.parse(String(row[2])) as MarkRecord | null) : null;
    if (mark !== null && (typeof mark !== 'object' || typeof mark.fill !== 'string')) return null;
    return mark ? { address, fill, note, mark } : { address, fill, note };
  } catch {
    return null;
  }
}

/** A short hash of a note's text (two 32-bit FNV-1a passes), to see later whether the note is still ours. */
export function noteHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
