/**
 * One worksheet's XML → the engine's CellGrid, in one forward pass without a DOM. Cells are gathered sparsely and the
 * grid covers only the table's block: a lone cell a million rows below ("制表人" at B1048576) is reported, not
 * turned into a million empty rows.
 */
import type { CellGrid, CellMerge } from '../../../engine';
import { AttributeCursor, attribute, decodeEntities, parseRef, TagCursor } from '../package/xml';
import { stringItemText } from './strings';
import type { CellFormats } from './styles';

export type CellValue = string | number | boolean | Date | null;

/** A cell with a value outside the grid's block. */
export interface OutsideCell {
  row: number;
  /** 0-based. */
  column: number;
  value: CellValue;
}

export interface SheetRead {
  grid: CellGrid;
  outside: OutsideCell[];
  /** 0-based columns hidden in the sheet. */
  hiddenColumns: number[];
  /** Cells holding a formula that was never calculated (no cached value): read as blank, worth telling the user. */
  uncalculated: { row: number; column: number }[];
}

export interface SheetContext {
  name: string;
  sharedStrings: () => string[];
  formats: CellFormats;
  date1904: boolean;
}

/** More empty rows (or columns) than this between used cells separate blocks; the block with the most cells is the table. */
const ROW_GAP = 100;
const COLUMN_GAP = 50;
/** Columns A to XFD. */
const MAX_COLUMNS = 16384;

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel serial date as a UTC Date (1900 epoch with its phantom 29 February, or 1904). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const base = date1904 ? EPOCH_1904 : serial < 61 ? EPOCH_1900 + DAY_MS : EPOCH_1900;
  return new Date(base + Math.round(serial * DAY_MS));
}

/**
 * The cells read, as parallel typed arrays (one entry per cell, in document order), numbers unboxed: a sheet of a
 * million one-cell rows costs a few flat buffers outside the heap, not a million objects for the collector to copy.
 * Only texts, booleans and dates are objects, kept in `objects` with their index in `numbers`. What toGrid needs to
 * find the table's block is gathered as cells come: the rows holding values, and values per column.
 */
class CellList {
  count = 0;
  rows = new Float64Array(1024);
  columns = new Float64Array(1024);
  styles = new Float64Array(1024);
  /** 0 no value (a styled blank), 1 a number, 2 an object. */
  kinds = new Uint8Array(1024);
  numbers = new Float64Array(1024);
  objects: (string | boolean | Date)[] = [];
  /** Whether rows never go back (then each row's cells are one run). */
  sorted = true;
  /** Rows holding values, in order (when sorted): their number, where their cells start and end, how many values. */
  readonly usedRow: number[] = [];
  readonly usedStart: number[] = [];
  readonly usedEnd: number[] = [];
  readonly usedCount: number[] = [];
  /** Values per column (columns past XFD, which only odd references give, counted apart). */
  readonly columnCounts = new Int32Array(MAX_COLUMNS);
  readonly farColumnCounts = new Map<number, number>();
  private runRow = -Infinity;
  private runStart = 0;
  private runCount = 0;

  addNumber(row: number, column: number, value: number, s: number): void {
    const k = this.slot(row, column, s, true);
    this.kinds[k] = 1;
    this.numbers[k] = value;
  }

  add(row: number, column: number, value: CellValue, s: number): void {
    if (typeof value === 'number') return this.addNumber(row, column, value, s);
    const k = this.slot(row, column, s, value !== null);
    if (value !== null) {
      this.kinds[k] = 2;
      this.numbers[k] = this.objects.length;
      this.objects.push(value);
    }
  }

  value(k: number): CellValue {
    const kind = this.kinds[k];
    return kind === 1 ? this.numbers[k] : kind === 2 ? this.objects[this.numbers[k]] : null;
  }

  /** Ends the last row's run; the list is complete. */
  finish(): this {
    this.endRun(this.count);
    return this;
  }

  /** The cells in row order (stable: a later cell of the same place still wins); document order almost always is. */
  inRowOrder(): CellList {
    if (this.sorted) return this;
    const rows = this.rows;
    const order = Array.from({ length: this.count }, (_, k) => k).sort((a, b) => rows[a] - rows[b] || a - b);
    const out = new CellList();
    for (const i of order) out.add(rows[i], this.columns[i], this.value(i), this.styles[i]);
    return out.finish();
  }

  private slot(row: number, column: number, s: number, hasValue: boolean): number {
    const k = this.count++;
    if (k === this.rows.length) this.grow();
    this.rows[k] = row;
    this.columns[k] = column;
    this.styles[k] = s;
    if (row !== this.runRow) {
      if (row < this.runRow) this.sorted = false;
      this.endRun(k);
      this.runRow = row;
      this.runStart = k;
    }
    if (hasValue) {
      this.runCount++;
      if (column >= 0 && column < MAX_COLUMNS) this.columnCounts[column]++;
      else this.farColumnCounts.set(column, (this.farColumnCounts.get(column) ?? 0) + 1);
    }
    return k;
  }

  /** Closes the current row's run of cells, which ends before `end`. */
  private endRun(end: number): void {
    if (this.runCount > 0) {
      this.usedRow.push(this.runRow);
      this.usedStart.push(this.runStart);
      this.usedEnd.push(end);
      this.usedCount.push(this.runCount);
    }
    this.runCount = 0;
  }

  private grow(): void {
    const size = this.rows.length * 2;
    const bigger = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.rows = bigger(this.rows, (n) => new Float64Array(n));
    this.columns = bigger(this.columns, (n) => new Float64Array(n));
    this.styles = bigger(this.styles, (n) => new Float64Array(n));
    this.numbers = bigger(this.numbers, (n) => new Float64Array(n));
    this.kinds = bigger(this.kinds, (n) => new Uint8Array(n));
  }
}

/** A non-negative integer written with 1 to 9 plain digits, or -1. */
function plainIndex(xml: string, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * One worksheet's cells, in one forward pass over the text. A cell, a row's start tag or a closing tag in the usual
 * plain form (`<c r="B2" s="1" t="s"><v>3</v></c>`) is matched by a sticky regular expression (PLAIN_CELL, PLAIN_ROW,
 * PLAIN_CLOSE); any other form, and every other element, goes by the general rules (`tagAt`, over a tag cursor that
 * makes no object per tag), which read every form SpreadsheetML allows. Both give the same cells for the same text
 * (test/hosts/xlsx/readerExact.test.ts).
 */
export function readSheet(xml: string, ctx: SheetContext): SheetRead {
  const reader = new SheetReader(xml, ctx);
  reader.run();
  return {
    ...toGrid(ctx, reader.cells, reader.hiddenRows, reader.hiddenColumns, reader.merges),
    uncalculated: reader.uncalculated,
  };
}

class SheetReader {
  readonly cells = new CellList();
  readonly hiddenRows: number[] = [];
  readonly hiddenColumns: number[] = [];
  readonly merges: CellMerge[] = [];
  readonly uncalculated: { row: number; column: number }[] = [];
  private rowNumber = 0;
  private nextColumn = 0;
  private strings: string[] | null = null;
  /** Per cell format: 1 a date format, 0 not, undefined not yet asked. */
  private readonly dateStyle: (0 | 1 | undefined)[] = [];
  private readonly tag: TagCursor;
  private readonly attrs: AttributeCursor;

  constructor(
    private readonly xml: string,
    private readonly ctx: SheetContext,
  ) {
    this.tag = new TagCursor(xml);
    this.attrs = new AttributeCursor(xml);
  }

  run(): void {
    const xml = this.xml;
    let pos = 0;
    for (;;) {
      const lt = xml.charCodeAt(pos) === 0x3c ? pos : xml.indexOf('<', pos);
      if (lt < 0) return;
      const next = xml.charCodeAt(lt + 1);
      if (next === 0x63 /* c */ || next === 0x72 /* r */ || next === 0x2f /* / */) {
        const end =
          next === 0x63 ? this.plainCell(lt) : next === 0x72 ? this.plainRow(lt) : plainClose(xml, lt);
        if (end > 0) {
          pos = end;
          continue;
        }
      }
      pos = this.tagAt(lt);
      if (pos < 0) return;
    }
  }

  private isDate(s: number): boolean {
    if (s >= 0 && s < 65536 && Number.isInteger(s)) {
      let known = this.dateStyle[s];
      if (known === undefined) this.dateStyle[s] = known = this.ctx.formats.isDate(s) ? 1 : 0;
      return known === 1;
    }
    return this.ctx.formats.isDate(s);
  }

  private sharedString(index: number): CellValue {
    this.strings ??= this.ctx.sharedStrings();
    const text = this.strings[index];
    return text === undefined || text === '' ? null : text;
  }

  /**
   * Reads the cell starting at `lt` when it has the plain form PLAIN_CELL describes, its value by the general rules
   * (toValue, as `cell` would); returns the index after it, or -1, having changed nothing, for any other form.
   */
  private plainCell(lt: number): number {
    PLAIN_CELL.lastIndex = lt;
    const m = PLAIN_CELL.exec(this.xml);
    if (m === null) return -1;
    const row = Number(m[2]);
    if (row === 0) return -1;
    const letters = m[1];
    let column = letters.charCodeAt(0) - 65;
    for (let i = 1; i < letters.length; i++) column = (column + 1) * 26 + letters.charCodeAt(i) - 65;
    const s = m[3] === undefined ? 0 : Number(m[3]);
    this.rowNumber = row;
    this.nextColumn = column + 1;
    const type = m[4];
    const raw = m[6];
    let value: CellValue = null;
    if (m[5] !== undefined || raw === undefined) value = null;
    else if (type === undefined || type === 'n') {
      // toValue's rule for numbers, taken straight.
      if (raw.trim() !== '') {
        const n = Number(raw);
        value = !Number.isFinite(n) ? raw : this.isDate(s) ? serialToDate(n, this.ctx.date1904) : n;
      }
    } else if (type === 's') value = this.sharedString(Number(raw));
    else value = this.toValue(type, raw, null, s);
    if (value !== null || s !== 0) this.cells.add(row, column, value, s);
    return PLAIN_CELL.lastIndex;
  }

  /**
   * Reads the row starting at `lt` when it has the plain form PLAIN_ROW describes, as `row` would; returns the index
   * after its start tag, or -1, having changed nothing, for any other form.
   */
  private plainRow(lt: number): number {
    PLAIN_ROW.lastIndex = lt;
    const m = PLAIN_ROW.exec(this.xml);
    if (m === null || m[2].includes('hidden')) return -1;
    const row = Number(m[1]);
    if (row === 0) return -1;
    this.rowNumber = row;
    this.nextColumn = 0;
    return PLAIN_ROW.lastIndex;
  }

  /** Reads the tag at `lt` by the general rules; returns the index to go on from, or -1 at the text's end. */
  private tagAt(lt: number): number {
    const tag = this.tag;
    const xml = this.xml;
    if (!tag.next(lt)) return -1;
    const pos = tag.end;
    if (tag.close) return pos;
    const nameLength = tag.nameEnd - tag.nameStart;
    const first = xml.charCodeAt(tag.nameStart);
    if (nameLength === 1 && first === 0x63 /* c */) return this.cell();
    if (nameLength === 3 && first === 0x72 /* r */ && tag.is('row')) this.row();
    else if (nameLength === 9 && tag.is('mergeCell')) {
      const [a, b] = (attribute(xml, tag.tag(), 'ref') ?? '').split(':');
      const from = parseRef(a ?? '');
      const to = parseRef(b ?? a ?? '');
      if (from && to)
        this.merges.push({ top: from.row, left: from.column, bottom: to.row, right: to.column });
    } else if (nameLength === 3 && tag.is('col')) {
      const t = tag.tag();
      const hidden = attribute(xml, t, 'hidden');
      if (hidden === '1' || hidden === 'true') {
        const min = Number(attribute(xml, t, 'min'));
        const max = Math.min(Number(attribute(xml, t, 'max')), min + 16384);
        for (let c = min; c <= max; c++) this.hiddenColumns.push(c - 1);
      }
    }
    return pos;
  }

  /** A <row> start tag at the cursor: its number (or the next one) and whether it is hidden. */
  private row(): void {
    const xml = this.xml;
    const attrs = this.attrs;
    let r = NaN;
    let hidden = false;
    let seenR = false;
    let seenHidden = false;
    attrs.reset(this.tag.nameEnd, this.tag.end);
    while (attrs.next()) {
      const n = attrs.nameEnd - attrs.nameStart;
      if (n === 1 && !seenR && xml.charCodeAt(attrs.nameStart) === 0x72 /* r */) {
        seenR = true;
        r = plainIndex(xml, attrs.valueStart, attrs.valueEnd);
        if (r < 0) r = Number(decodeEntities(xml.slice(attrs.valueStart, attrs.valueEnd)));
      } else if (n === 6 && !seenHidden && xml.startsWith('hidden', attrs.nameStart)) {
        seenHidden = true;
        const v = decodeEntities(xml.slice(attrs.valueStart, attrs.valueEnd));
        hidden = v === '1' || v === 'true';
      }
    }
    this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1;
    this.nextColumn = 0;
    if (hidden) this.hiddenRows.push(this.rowNumber);
  }

  /** A <c> start tag at the cursor, in any form; returns the index to go on from. */
  private cell(): number {
    const xml = this.xml;
    const tag = this.tag;
    const attrs = this.attrs;
    // Attributes r, s and t, each the first of its name.
    let refStart = -1;
    let refEnd = -1;
    let styleStart = -1;
    let styleEnd = -1;
    let typeStart = -1;
    let typeEnd = -1;
    attrs.reset(tag.nameEnd, tag.end);
    while (attrs.next()) {
      if (attrs.nameEnd - attrs.nameStart !== 1) continue;
      const a = xml.charCodeAt(attrs.nameStart);
      if (a === 0x72 /* r */ && refStart < 0) {
        refStart = attrs.valueStart;
        refEnd = attrs.valueEnd;
      } else if (a === 0x73 /* s */ && styleStart < 0) {
        styleStart = attrs.valueStart;
        styleEnd = attrs.valueEnd;
      } else if (a === 0x74 /* t */ && typeStart < 0) {
        typeStart = attrs.valueStart;
        typeEnd = attrs.valueEnd;
      }
    }
    let column = this.nextColumn;
    if (refStart >= 0) {
      const at = parseRef(decodeEntities(xml.slice(refStart, refEnd)));
      if (at) {
        column = at.column;
        // A cell outside any <row> element or with a row of its own: follow its reference.
        this.rowNumber = at.row;
      }
    }
    this.nextColumn = column + 1;
    const row = this.rowNumber;
    const s = styleStart < 0 ? 0 : Number(decodeEntities(xml.slice(styleStart, styleEnd))) || 0;
    let value: CellValue = null;
    let pos = tag.end;
    if (!tag.selfClosing) {
      const type = typeStart < 0 ? 'n' : decodeEntities(xml.slice(typeStart, typeEnd));
      // The cell's content up to its first closing </c>: the last <v>, an <is>, whether there is an <f>.
      let raw: string | null = null;
      let inline: string | null = null;
      let formula = false;
      let end = -1;
      let p = tag.end;
      while (tag.next(p)) {
        p = tag.end;
        if (tag.close) {
          if (tag.is('c')) {
            end = tag.start;
            break;
          }
          continue;
        }
        if (tag.is('v')) {
          if (!tag.selfClosing) raw = decodeEntities(xml.slice(tag.end, xml.indexOf('<', tag.end)));
        } else if (tag.is('is')) {
          const body = tag.end;
          const selfClosing = tag.selfClosing;
          const isEnd = skipTo(tag, body, 'is');
          if (!selfClosing) inline = stringItemText(xml, body, isEnd);
          p = isEnd;
          if (skippedCellEnd >= 0) {
            end = skippedCellEnd;
            break;
          }
        } else if (tag.is('f')) {
          formula = true;
          if (!tag.selfClosing) {
            p = skipTo(tag, tag.end, 'f');
            if (skippedCellEnd >= 0) {
              end = skippedCellEnd;
              break;
            }
          }
        }
      }
      if (formula && raw === null && inline === null) this.uncalculated.push({ row, column });
      value = this.toValue(type, raw, inline, s);
      pos = end < 0 ? xml.length : end;
    }
    if (value !== null || s !== 0) this.cells.add(row, column, value, s);
    return pos;
  }

  private toValue(t: string, raw: string | null, inline: string | null, s: number): CellValue {
    switch (t) {
      case 'inlineStr':
        return inline === null || inline === '' ? (raw === null || raw === '' ? null : raw) : inline;
      case 's':
        return raw === null ? null : this.sharedString(Number(raw));
      case 'str':
        return raw === null || raw === '' ? null : raw;
      case 'b':
        return raw === null ? null : raw.trim() === '1' || raw.trim() === 'true';
      case 'e':
        return raw === null || raw === '' ? null : raw;
      case 'd': {
        if (raw === null || raw === '') return null;
        const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
        return Number.isNaN(d.getTime()) ? raw : d;
      }
      default: {
        if (raw === null || raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        return this.isDate(s) ? serialToDate(n, this.ctx.date1904) : n;
      }
    }
  }
}

/**
 * A cell in the form most writers use: `<c r="B2" s="1" t="s"><v>3</v></c>`, also without s or t, empty (`/>`,
 * `></c>`), attributes in this order, double quotes, no prefix, a reference of capitals and digits, a value without
 * markup or entities. Groups: column letters, row digits, s, t, '/' when empty, the <v> text. Irregexp runs it as
 * native code from the first cells on, where a hand-written scanner would still be interpreted.
 */
const PLAIN_CELL =
  /<c r="([A-Z]{1,3})([0-9]{1,9})"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:(\/)>|>(?:<v>([^<&]{0,64})<\/v>)?<\/c>)/y;

/**
 * A row's start tag in the usual form: `<row r="2" spans="1:10" x14ac:dyDescent="0.25">`, r first, double quotes, no
 * prefix, values without markup or entities. Groups: the row number, the other attributes (a hidden row is left to
 * the general rules).
 */
const PLAIN_ROW = /<row r="([0-9]{1,9})"((?: [A-Za-z0-9_.:-]+="[^"<>&]*")*) ?\/?>/y;

/** A closing tag without quotes in it: nothing to read, where the general rules too only step over it. */
const PLAIN_CLOSE = /<\/[^>"']*>/y;

/** The index after the plain closing tag at `lt`, or -1. */
function plainClose(xml: string, lt: number): number {
  PLAIN_CLOSE.lastIndex = lt;
  return PLAIN_CLOSE.test(xml) ? PLAIN_CLOSE.lastIndex : -1;
}

/** Set by skipTo: where the first </c> it stepped over starts, -1 when none. */
let skippedCellEnd = -1;

/**
 * Moves the cursor from `from` to the closing tag of `name` (prefixes allowed) and returns where that tag starts (the
 * text's end when missing), noting in skippedCellEnd the first </c> on the way: the cell then ended inside.
 */
function skipTo(tag: TagCursor, from: number, name: string): number {
  skippedCellEnd = -1;
  for (let p = from; tag.next(p); p = tag.end) {
    if (!tag.close) continue;
    if (tag.is(name)) return tag.start;
    if (skippedCellEnd < 0 && tag.is('c')) skippedCellEnd = tag.start;
  }
  return tag.xml.length;
}

function toGrid(
  ctx: SheetContext,
  read: CellList,
  hiddenRows: number[],
  hiddenColumns: number[],
  merges: CellMerge[],
): Omit<SheetRead, 'uncalculated'> {
  const cells = read.finish().inRowOrder();
  const { rows, columns, styles, kinds, usedRow, usedStart, usedEnd, usedCount } = cells;
  const n = cells.count;
  const outside: OutsideCell[] = [];
  const empty: CellGrid = {
    sheet: ctx.name,
    values: [],
    firstRow: 1,
    firstColumn: 0,
    hiddenRows,
    merges: [],
  };
  if (usedRow.length === 0) return { grid: empty, outside, hiddenColumns };

  // The block of rows holding most cells is the table; other blocks are stray notes around it.
  const [first, last] = largest(
    usedRow.length,
    (i) => usedRow[i],
    ROW_GAP,
    (i) => usedCount[i],
  );
  const allRows = first === 0 && last === usedRow.length - 1;
  // Values per column in that block: counted while reading when the block is every row.
  let counts = cells.columnCounts;
  let farCounts = cells.farColumnCounts;
  if (!allRows) {
    counts = new Int32Array(MAX_COLUMNS);
    farCounts = new Map<number, number>();
    for (let k = usedStart[first]; k < usedEnd[last]; k++) {
      if (kinds[k] === 0) continue;
      const c = columns[k];
      if (c >= 0 && c < MAX_COLUMNS) counts[c]++;
      else farCounts.set(c, (farCounts.get(c) ?? 0) + 1);
    }
  }
  const columnList: number[] = [];
  const columnCounts: number[] = [];
  for (const c of [...farCounts.keys()].filter((c) => c < 0).sort((a, b) => a - b)) {
    columnList.push(c);
    columnCounts.push(farCounts.get(c) ?? 0);
  }
  for (let c = 0; c < MAX_COLUMNS; c++)
    if (counts[c] > 0) {
      columnList.push(c);
      columnCounts.push(counts[c]);
    }
  for (const c of [...farCounts.keys()].filter((c) => c >= 0).sort((a, b) => a - b)) {
    columnList.push(c);
    columnCounts.push(farCounts.get(c) ?? 0);
  }
  const [c0, c1] = largest(
    columnList.length,
    (i) => columnList[i],
    COLUMN_GAP,
    (i) => columnCounts[i],
  );
  const left = columnList[c0];
  const right = columnList[c1];
  const top = usedRow[first];
  const bottom = usedRow[last];
  // Every value is inside the block when it spans every row and column holding one.
  const everything = allRows && c0 === 0 && c1 === columnList.length - 1;
  for (let u = 0; u < usedRow.length && !everything; u++) {
    const inBlock = u >= first && u <= last;
    for (let k = usedStart[u]; k < usedEnd[u]; k++) {
      const c = columns[k];
      if (kinds[k] !== 0 && (!inBlock || c < left || c > right))
        outside.push({ row: usedRow[u], column: c, value: cells.value(k) });
    }
  }

  const width = right - left + 1;
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  // Rows without a number format share one all-General row (the grid is read, never written, by the engine).
  const general: string[] = new Array<string>(width).fill('General');
  const formatOf: (string | undefined)[] = [];
  let k = 0;
  while (k < n && rows[k] < top) k++;
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = new Array<CellValue>(width).fill(null);
    let rowFormats: string[] | null = null;
    for (; k < n && rows[k] === r; k++) {
      const c = columns[k];
      if (c < left || c > right) continue;
      rowValues[c - left] = cells.value(k);
      const s = styles[k];
      let format = s >= 0 && s < 65536 && Number.isInteger(s) ? formatOf[s] : undefined;
      if (format === undefined) {
        format = ctx.formats.format(s);
        if (s >= 0 && s < 65536 && Number.isInteger(s)) formatOf[s] = format;
      }
      if (format !== 'General' || rowFormats) (rowFormats ??= [...general])[c - left] = format;
    }
    values.push(rowValues);
    numberFormats.push(rowFormats ?? general);
  }
  // Only the top-left cell of a merged area holds its value, as Excel's range.values shows it.
  const inside = merges.filter(
    (m) => m.bottom >= top && m.top <= bottom && m.right >= left && m.left <= right,
  );
  for (const m of inside)
    for (let r = Math.max(m.top, top); r <= Math.min(m.bottom, bottom); r++)
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right); c++)
        if (r !== m.top || c !== m.left) values[r - top][c - left] = null;
  return {
    grid: {
      sheet: ctx.name,
      values,
      firstRow: top,
      firstColumn: left,
      hiddenRows: hiddenRows.filter((r) => r >= top && r <= bottom),
      merges: inside,
      numberFormats,
    },
    outside,
    hiddenColumns,
  };
}

/**
 * Splits items 0…count-1 (sorted by position) where their positions jump by more than `gap`, and returns the first
 * and last index of the heaviest run.
 */
function largest(
  count: number,
  position: (i: number) => number,
  gap: number,
  weight: (i: number) => number,
): [number, number] {
  let best: [number, number] = [0, 0];
  let bestWeight = -1;
  let start = 0;
  let runWeight = 0;
  for (let i = 0; i < count; i++) {
    if (i > start && position(i) - position(i - 1) > gap + 1) {
      if (runWeight > bestWeight) [best, bestWeight] = [[start, i - 1], runWeight];
      start = i;
      runWeight = 0;
    }
    runWeight += weight(i);
  }
  if (runWeight > bestWeight) best = [start, count - 1];
  return best;
}
