/**
 * A recording, in-memory fake of the part of the Excel JavaScript API that src/excel uses — for jest and for the
 * in-browser fake host. Self-contained on purpose (no jest, no Node imports) so it can be bundled for a browser.
 *
 * It behaves like Office.js where our code could get it wrong: calls on proxies only queue commands; nothing
 * happens until `context.sync()`; a property is readable only after `load()` + `sync()` (else PropertyNotLoaded);
 * `*OrNullObject` proxies report `isNullObject` after a sync; a failing command rejects the sync with an
 * Office-like error `{ code, message }` and the commands after it in that batch do not run (those before it did —
 * batches are not transactions). Writing a text starting with '=' as a value makes a formula unless the cell is
 * formatted '@'. getRanges refuses address strings of 8,192 characters or more. A cell holds a note or a threaded
 * comment, not both (adding a note over a comment fails). Every sync is counted and its commands are logged.
 */

// ---------------------------------------------------------------------------------------------------------------
// State

/** A cell's fill as Excel reports it; a never-filled cell reads as NO_FILL. */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const NO_FILL: Readonly<FakeFill> = Object.freeze({
  color: '#FFFFFF',
  pattern: 'None',
  patternColor: '#000000',
  tintAndShade: 0,
  patternTintAndShade: 0,
});

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat: string;
  fill: FakeFill;
  bold: boolean;
  fontSize: number;
  fontColor: string;
  wrapText: boolean;
  horizontalAlignment: string;
  /** Border style per edge name ('EdgeTop' …), only edges that were set. */
  borders: Record<string, string>;
}

function blankCell(): FakeCell {
  return {
    value: '',
    numberFormat: 'General',
    fill: { ...NO_FILL },
    bold: false,
    fontSize: 11,
    fontColor: '#000000',
    wrapText: false,
    horizontalAlignment: 'General',
    borders: {},
  };
}

function isBlankCell(cell: FakeCell): boolean {
  return JSON.stringify(cell) === JSON.stringify(blankCell());
}

/** 0-based inclusive rectangle. */
export interface Rect0 {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

export interface FakeNote {
  content: string;
  authorName: string;
}

export interface FakeComment {
  id: string;
  content: string;
}

/** A defined name: its formula (e.g. '="text"' or '=Sheet1!$A$1') and whether it shows in the Name Manager. */
export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
}

export interface FakeTable {
  id: string;
  name: string;
  rect: Rect0;
}

export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** As given to setPrintTitleRows / setPrintTitleColumns ('$5:$6', '$A:$A'). */
  printTitleRows?: string;
  printTitleColumns?: string;
  /** headersFooters.defaultForAllPages. */
  headersFooters: Record<HeaderFooterPart, string>;
}

const HEADER_FOOTER_PARTS = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
] as const;
type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

/** One worksheet of the fake workbook; tests set it up and inspect it directly. */
export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly notes = new Map<string, FakeNote>();
  readonly comments = new Map<string, FakeComment>();
  /** Sheet-scoped defined names, by lower-case name. */
  readonly names = new Map<string, FakeName>();
  readonly tables: FakeTable[] = [];
  readonly merges: Rect0[] = [];
  /** 1-based hidden rows. */
  readonly hiddenRows = new Set<number>();
  /** Column index → width in points. */
  readonly columnWidths = new Map<number, number>();
  /** Row heights set by the add-in (0-based row → points). */
  readonly rowHeights = new Map<number, number>();
  /** Manual vertical page breaks (worksheet.verticalPageBreaks.add): the 0-based columns a page starts before. */
  readonly columnBreaks: number[] = [];
  /** Opaque user conditional formats; the adapter must never touch them. */
  readonly conditionalFormats: { address: string; rule: string }[] = [];
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    zoom: { scale: 100 },
    headersFooters: {
      leftHeader: '',
      centerHeader: '',
      rightHeader: '',
      leftFooter: '',
      centerFooter: '',
      rightFooter: '',
    },
  };
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** A protected sheet refuses every change (AccessDenied), as Excel does with default protection. */
  protected = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  /** The cell at an A1 address (a blank default if never written). */
  cell(address: string): FakeCell {
    const { r1, c1 } = parseRect(address);
    return this.cells.get(key(r1, c1)) ?? blankCell();
  }

  /** Writes into a cell directly (test setup, not through the API). */
  setCell(address: string, patch: Partial<FakeCell>): this {
    const { r1, c1 } = parseRect(address);
    this.cells.set(key(r1, c1), { ...this.cellAt(r1, c1), ...patch });
    return this;
  }

  /** Writes a block of values with its top-left at `at` (test setup). */
  setValues(values: readonly (readonly FakeValue[])[], at = 'A1'): this {
    const { r1, c1 } = parseRect(at);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === '') return;
        this.cells.set(key(r1 + r, c1 + c), { ...this.cellAt(r1 + r, c1 + c), value });
      }),
    );
    return this;
  }

  setNote(address: string, content: string, authorName = '用户'): this {
    this.notes.set(normalizeCell(address), { content, authorName });
    return this;
  }

  addComment(address: string, content: string): this {
    this.comments.set(normalizeCell(address), { id: `comment-${++commentCounter}`, content });
    return this;
  }

  addTable(name: string, address: string): this {
    this.tables.push({ id: `table-${++tableCounter}`, name, rect: parseRect(address) });
    return this;
  }

  merge(address: string): this {
    this.merges.push(parseRect(address));
    return this;
  }

  // -- What a user does in Excel between two calls of the add-in (cells move with their fill and note) --

  /**
   * Sorts the 1-based rows top..bottom as Excel's Sort does on whole rows: `order[i]` is the old row (offset from
   * top) that lands at position i. Values, formats, notes and comments move with their rows.
   */
  sortRows(top: number, bottom: number, order: readonly number[]): this {
    const count = bottom - top + 1;
    if (order.length !== count || new Set(order).size !== count) throw new Error('fake: bad sort order');
    const target = new Map<number, number>(); // old 0-based row → new 0-based row
    order.forEach((old, i) => target.set(top - 1 + old, top - 1 + i));
    return this.remap((r, c) => [target.get(r) ?? r, c]);
  }

  /** Inserts `count` empty rows before 1-based row `at` (Excel: Insert Sheet Rows). */
  insertRows(at: number, count = 1): this {
    return this.remap((r, c) => [r >= at - 1 ? r + count : r, c]);
  }

  /** Deletes 1-based rows at..at+count-1 with everything in them. */
  deleteRows(at: number, count = 1): this {
    const first = at - 1;
    return this.remap((r, c) => (r < first ? [r, c] : r < first + count ? null : [r - count, c]));
  }

  /** Inserts `count` empty columns before 0-based column `at`. */
  insertColumns(at: number, count = 1): this {
    return this.remap((r, c) => [r, c >= at ? c + count : c]);
  }

  /** Deletes 0-based columns at..at+count-1 with everything in them. */
  deleteColumns(at: number, count = 1): this {
    return this.remap((r, c) => (c < at ? [r, c] : c < at + count ? null : [r, c - count]));
  }

  /** Moves every cell, note, comment and hidden row by `move` (null: deleted). Merges and tables are not moved. */
  private remap(move: (r: number, c: number) => [number, number] | null): this {
    const cells = [...this.cells];
    this.cells.clear();
    for (const [k, cell] of cells) {
      const [r, c] = k.split(',').map(Number);
      const to = move(r, c);
      if (to) this.cells.set(key(to[0], to[1]), cell);
    }
    for (const map of [this.notes, this.comments] as Map<string, unknown>[]) {
      const entries = [...map];
      map.clear();
      for (const [address, item] of entries) {
        const { r1, c1 } = parseRect(address);
        const to = move(r1, c1);
        if (to) map.set(rectToAddress({ r1: to[0], c1: to[1], r2: to[0], c2: to[1] }), item);
      }
    }
    const hidden = [...this.hiddenRows];
    this.hiddenRows.clear();
    for (const row of hidden) {
      const to = move(row - 1, 0);
      if (to) this.hiddenRows.add(to[0] + 1);
    }
    return this;
  }

  /** A plain, comparable copy of everything in the sheet. */
  dump(): SheetDump {
    const cells: Record<string, FakeCell> = {};
    for (const [k, cell] of [...this.cells].sort(([a], [b]) => compareKeys(a, b))) {
      if (!isBlankCell(cell)) cells[addressOfKey(k)] = structuredCloneCell(cell);
    }
    const notes: Record<string, FakeNote> = {};
    for (const [a, n] of [...this.notes].sort(([x], [y]) => x.localeCompare(y))) notes[a] = { ...n };
    return {
      name: this.name,
      visibility: this.visibility,
      cells,
      notes,
      comments: Object.fromEntries([...this.comments].map(([a, c]) => [a, { ...c }])),
      merges: this.merges.map((m) => ({ ...m })),
      conditionalFormats: this.conditionalFormats.map((c) => ({ ...c })),
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
    };
  }

  /** @internal */
  cellAt(r: number, c: number): FakeCell {
    const existing = this.cells.get(key(r, c));
    return existing ? structuredCloneCell(existing) : blankCell();
  }

  /** @internal Applies `change` to every cell of the rectangles (cells are created as needed). */
  updateCells(rects: readonly Rect0[], change: (cell: FakeCell) => void): void {
    for (const rect of rects) {
      if (rect.r2 - rect.r1 > 100000 || rect.c2 - rect.c1 > 1000) {
        // Whole rows/columns/sheet: only existing cells can change in a way a test could see.
        for (const [k, cell] of this.cells) {
          const [r, c] = k.split(',').map(Number);
          if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) change(cell);
        }
        continue;
      }
      for (let r = rect.r1; r <= rect.r2; r++) {
        for (let c = rect.c1; c <= rect.c2; c++) {
          const k = key(r, c);
          let cell = this.cells.get(k);
          if (!cell) {
            cell = blankCell();
            this.cells.set(k, cell);
          }
          change(cell);
        }
      }
    }
  }
}

export interface SheetDump {
  name: string;
  visibility: string;
  cells: Record<string, FakeCell>;
  notes: Record<string, FakeNote>;
  comments: Record<string, FakeComment>;
  merges: Rect0[];
  conditionalFormats: { address: string; rule: string }[];
  hiddenRows: number[];
}

let commentCounter = 0;
let tableCounter = 0;

function structuredCloneCell(cell: FakeCell): FakeCell {
  return { ...cell, fill: { ...cell.fill }, borders: { ...cell.borders } };
}

/** The fake workbook's state. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: Rect0 } | null = null;
  private nextId = 1;

  addSheet(name: string, values?: readonly (readonly FakeValue[])[], at = 'A1'): FakeSheet {
    if (this.findSheet(name)) throw new Error(`fake: sheet ${name} exists`);
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    if (values) sheet.setValues(values, at);
    return sheet;
  }

  /** By name (case-insensitive, as Excel) or id. */
  findSheet(key: string): FakeSheet | undefined {
    return (
      this.sheets.find((s) => s.id === key) ??
      this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase())
    );
  }

  sheet(key: string): FakeSheet {
    const found = this.findSheet(key);
    if (!found) throw new Error(`fake: no sheet ${key}`);
    return found;
  }

  get activeSheet(): FakeSheet {
    return this.sheet(this.activeSheetId);
  }

  activate(name: string): this {
    this.activeSheetId = this.sheet(name).id;
    return this;
  }

  select(sheet: string, address: string): this {
    this.selection = { sheetId: this.sheet(sheet).id, rect: parseRect(address) };
    return this;
  }

  /** @internal */
  removeSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === 'Visible');
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeOfficeError('InvalidOperation', '工作簿至少需要一张可见工作表');
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheetId === sheet.id) {
      this.activeSheetId = this.sheets.find((s) => s.visibility === 'Visible')?.id ?? '';
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function compareKeys(a: string, b: string): number {
  const [ar, ac] = a.split(',').map(Number);
  const [br, bc] = b.split(',').map(Number);
  return ar - br || ac - bc;
}

function letters(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnOf(text: string): number {
  let n = 0;
  for (const ch of text.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function addressOfKey(k: string): string {
  const [r, c] = k.split(',').map(Number);
  return letters(c) + (r + 1);
}

export function rectToAddress(rect: Rect0): string {
  const a = letters(rect.c1) + (rect.r1 + 1);
  return rect.r1 === rect.r2 && rect.c1 === rect.c2 ? a : `${a}:${letters(rect.c2)}${rect.r2 + 1}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits off a sheet prefix: "'My Sheet'!A1" → ['My Sheet', 'A1']. */
function splitSheet(address: string): [string | undefined, string] {
  const text = address.trim();
  const bang = text.lastIndexOf('!');
  if (bang < 0) return [undefined, text];
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, text.slice(bang + 1)];
}

/** One area: 'A1', '$A$1:B2', '5:5', '5:7', 'A:C'. */
export function parseRect(address: string): Rect0 {
  const [, area] = splitSheet(address);
  const text = area.replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(text);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = columnOf(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? columnOf(m[3]) : c1;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  m = /^(\d+):(\d+)$/.exec(text);
  if (m) return { r1: Number(m[1]) - 1, c1: 0, r2: Number(m[2]) - 1, c2: MAX_COL };
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text);
  if (m) return { r1: 0, c1: columnOf(m[1]), r2: MAX_ROW, c2: columnOf(m[2]) };
  throw new FakeOfficeError('InvalidArgument', `地址无效：${address}`);
}

function normalizeCell(address: string): string {
  const rect = parseRect(address);
  if (rect.r1 !== rect.r2 || rect.c1 !== rect.c2)
    throw new FakeOfficeError('InvalidArgument', `不是单个单元格：${address}`);
  return rectToAddress(rect);
}

function intersects(a: Rect0, b: Rect0): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors, requests, proxies

/** Shaped like OfficeExtension.Error: code + message. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Command {
  label: string;
  run: () => void;
}

interface Failure {
  match: string | RegExp;
  code: string;
  message: string;
}

/** The fake Excel: the workbook state, the request contexts, and the sync counter. */
export class FakeExcel {
  readonly workbook = new FakeWorkbook();
  /** Every sync() of every context, failed ones included. */
  syncCount = 0;
  /** Cells whose values or number formats were loaded (the read's cost). */
  cellsLoaded = 0;
  /** The command labels of each sync, in order. */
  readonly batches: string[][] = [];
  /**
   * An estimate of each sync's request size in bytes (UTF-8), as Office.js would send it: every object path and
   * every action costs its JSON envelope, plus the UTF-8 length of its arguments (addresses, values, note texts).
   */
  readonly payloads: number[] = [];
  private failures: Failure[] = [];

  /** A fresh request context, as `Excel.run` gives one. */
  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** `Excel.run` look-alike. */
  async run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> {
    return batch(this.newContext());
  }

  /** The next command whose label matches fails with `code` (one-shot). Labels look like 'notes.add', 'range.values'. */
  failOn(match: string | RegExp, code = 'GeneralException', message = 'Simulated failure'): void {
    this.failures.push({ match, code, message });
  }

  /** @internal */
  execute(commands: readonly Command[], bytes = 0): void {
    this.syncCount++;
    this.batches.push(commands.map((c) => c.label));
    this.payloads.push(bytes);
    for (const command of commands) {
      const index = this.failures.findIndex((f) =>
        typeof f.match === 'string' ? f.match === command.label : f.match.test(command.label),
      );
      if (index >= 0) {
        const [failure] = this.failures.splice(index, 1);
        throw new FakeOfficeError(failure.code, failure.message);
      }
      command.run();
    }
  }
}

export function createFakeExcel(): FakeExcel {
  return new FakeExcel();
}

/** Stand-in for `Office.context.requirements.isSetSupported` with a fixed ExcelApi level, e.g. '1.17'. */
export function fakeRequirements(excelApi: string): (name: string, version: string) => boolean {
  const [major, minor] = excelApi.split('.').map(Number);
  return (name, version) => {
    if (name !== 'ExcelApi') return false;
    const [vMajor, vMinor] = version.split('.').map(Number);
    return vMajor < major || (vMajor === major && (vMinor ?? 0) <= minor);
  };
}

/** JSON envelope of one object path ({"Id":…,"ObjectPathType":…,"Name":"getRange","ParentObjectPathId":…}) and its instantiate action. */
export const PATH_BYTES = 120;
/** JSON envelope of one action (a property set, a method call, a query). */
export const ACTION_BYTES = 70;

/** UTF-8 length of a JSON value, as Office.js serialises arguments. */
export function jsonBytes(value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += code === 0x22 || code === 0x5c || code < 0x20 ? 2 : 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export class FakeRequestContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  /** @internal */
  readonly queue: Command[] = [];
  /** @internal Estimated request bytes queued since the last sync. */
  pendingBytes = 0;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  /** @internal `argument` is what the action carries (a value, an address, a note's text). */
  enqueue(label: string, run: () => void, argument?: unknown): void {
    this.queue.push({ label, run });
    this.pendingBytes += ACTION_BYTES + label.length + (argument === undefined ? 0 : jsonBytes(argument));
  }

  /** @internal A new object path (a proxy), with the arguments that address it. */
  path(argument?: unknown): void {
    this.pendingBytes += PATH_BYTES + (argument === undefined ? 0 : jsonBytes(argument));
  }

  async sync(): Promise<void> {
    const commands = this.queue.splice(0, this.queue.length);
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    await Promise.resolve();
    this.excel.execute(commands, bytes);
  }

  get state(): FakeWorkbook {
    return this.excel.workbook;
  }
}

function notLoaded(property: string): never {
  throw new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function splitProps(props?: string | string[]): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

/** Shared load/null-object behaviour. `resolve` runs at sync time; null means "null object". */
abstract class FakeProxy<T> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly resolve: () => T | null,
    private readonly nullable = false,
    argument?: unknown,
  ) {
    context.path(argument);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) notLoaded('isNullObject');
    return this.nullState;
  }

  /** The target, or an ItemNotFound / null-object error when it is gone. */
  protected target(): T {
    const found = this.resolve();
    if (found === null) throw new FakeOfficeError('ItemNotFound', '找不到请求的对象');
    return found;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as V;
  }

  load(props?: string | string[]): this {
    const names = splitProps(props);
    this.context.enqueue(
      `${this.kind}.load`,
      () => {
        const found = this.resolve();
        if (found === null) {
          if (!this.nullable) throw new FakeOfficeError('ItemNotFound', '找不到请求的对象');
          this.nullState = true;
          return;
        }
        this.nullState = false;
        for (const [name, value] of Object.entries(this.snapshot(found, names))) this.loaded.set(name, value);
      },
      names.join(','),
    );
    return this;
  }

  protected queue(label: string, run: (target: T) => void, argument?: unknown): void {
    this.context.enqueue(`${this.kind}.${label}`, () => run(this.target()), argument);
  }

  protected abstract readonly kind: string;
  protected abstract snapshot(target: T, names: string[]): Record<string, unknown>;
}

function pick(all: Record<string, unknown>, names: string[]): Record<string, unknown> {
  if (names.length === 0) return all;
  const out: Record<string, unknown> = {};
  for (const n of names) {
    if (!(n in all)) throw new FakeOfficeError('InvalidArgument', `fake: cannot load '${n}'`);
    out[n] = all[n];
  }
  return out;
}

function assertWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError('AccessDenied', '工作表受保护');
}

class ApplicationProxy {
  constructor(private readonly context: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue('application.suspendApiCalculationUntilNextSync', () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue('application.suspendScreenUpdatingUntilNextSync', () => undefined);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(private readonly context: FakeRequestContext) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, () => context.state.sheets);
  }
  getSelectedRange(): RangeProxy {
    const state = this.context.state;
    return new RangeProxy(this.context, () => {
      const selection = state.selection;
      if (!selection) throw new FakeOfficeError('ItemNotFound', '没有选中的区域');
      return { sheet: state.sheet(selection.sheetId), rect: selection.rect };
    });
  }
}

class WorksheetCollectionProxy extends FakeProxy<FakeSheet[]> {
  protected readonly kind = 'worksheets';
  private itemProxies: WorksheetProxy[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, () => context.state.sheets);
  }

  get items(): WorksheetProxy[] {
    if (!this.itemProxies) notLoaded('items');
    return this.itemProxies;
  }

  protected snapshot(sheets: FakeSheet[], names: string[]): Record<string, unknown> {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    this.itemProxies = sheets.map((sheet) => {
      const id = sheet.id;
      const proxy = new WorksheetProxy(this.context, () => this.context.state.findSheet(id) ?? null);
      proxy.fill(sheet, itemProps);
      return proxy;
    });
    return {};
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.findSheet(key) ?? null, false, key);
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.findSheet(key) ?? null, true, key);
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      () => this.context.state.findSheet(this.context.state.activeSheetId) ?? null,
    );
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.context.enqueue(
      'worksheets.add',
      () => {
        if (this.context.state.findSheet(name))
          throw new FakeOfficeError('ItemAlreadyExists', `工作表 ${name} 已存在`);
        created = this.context.state.addSheet(name);
      },
      name,
    );
    return new WorksheetProxy(this.context, () => created);
  }
}

class WorksheetProxy extends FakeProxy<FakeSheet> {
  protected readonly kind = 'worksheet';

  constructor(
    context: FakeRequestContext,
    resolve: () => FakeSheet | null,
    nullable = false,
    argument?: unknown,
  ) {
    super(context, resolve, nullable, argument);
  }

  /** @internal Fills loaded properties directly (collection loads). */
  fill(sheet: FakeSheet, names: string[]): void {
    for (const [n, v] of Object.entries(this.snapshot(sheet, names))) this.loaded.set(n, v);
  }

  protected snapshot(sheet: FakeSheet, names: string[]): Record<string, unknown> {
    return pick({ id: sheet.id, name: sheet.name, visibility: sheet.visibility }, names);
  }

  get id(): string {
    return this.read('id');
  }
  get name(): string {
    return this.read('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }
  set visibility(value: string) {
    this.queue('visibility', (sheet) => {
      if (value === 'Visible' || value === 'Hidden' || value === 'VeryHidden') sheet.visibility = value;
      else throw new FakeOfficeError('InvalidArgument', `visibility ${value}`);
    });
  }

  get notes(): NoteCollectionProxy {
    return new NoteCollectionProxy(this.context, () => this.resolve());
  }
  get comments(): CommentCollectionProxy {
    return new CommentCollectionProxy(this.context, () => this.target());
  }
  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.context, () => [this.target()]);
  }
  get names(): NamedItemCollectionProxy {
    return new NamedItemCollectionProxy(this.context, () => this.target());
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.context, () => this.target());
  }
  /** ExcelApi 1.9: a page break before the range's top-left cell (its column, for vertical breaks). */
  get verticalPageBreaks(): { add(range: string): void } {
    return {
      add: (range: string) => {
        const { c1 } = parseRect(range);
        this.queue('verticalPageBreaks.add', (sheet) => {
          assertWritable(sheet);
          if (!sheet.columnBreaks.includes(c1)) sheet.columnBreaks.push(c1);
          sheet.columnBreaks.sort((a, b) => a - b);
        });
      },
    };
  }

  delete(): void {
    this.queue('delete', (sheet) => this.context.state.removeSheet(sheet));
  }

  activate(): void {
    this.queue('activate', (sheet) => {
      if (sheet.visibility !== 'Visible')
        throw new FakeOfficeError('InvalidOperation', '不能激活隐藏的工作表');
      this.context.state.activeSheetId = sheet.id;
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.target();
        if (address === undefined) return { sheet, rect: { r1: 0, c1: 0, r2: MAX_ROW, c2: MAX_COL } };
        const [prefix] = splitSheet(address);
        if (prefix !== undefined && prefix !== sheet.name)
          throw new FakeOfficeError('InvalidArgument', address);
        return { sheet, rect: parseRect(address) };
      },
      false,
      address,
    );
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        if (rowCount < 1 || columnCount < 1) throw new FakeOfficeError('InvalidArgument', 'empty range');
        return {
          sheet: this.target(),
          rect: { r1: row, c1: column, r2: row + rowCount - 1, c2: column + columnCount - 1 },
        };
      },
      false,
      [row, column, rowCount, columnCount],
    );
  }

  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        if (address.length >= 8192) throw new FakeOfficeError('InvalidArgument', '地址字符串过长（≥ 8192）');
        const rects = address
          .split(/[,;]/)
          .map((a) => a.trim())
          .filter(Boolean)
          .map(parseRect);
        return { sheet: this.target(), rects };
      },
      false,
      address,
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.target();
      return { sheet, rect: usedRect(sheet, valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        // Like Office.js, a method of a null object gives a null object.
        const sheet = this.resolve();
        const rect = sheet ? usedRect(sheet, valuesOnly) : null;
        return sheet && rect ? { sheet, rect } : null;
      },
      true,
    );
  }
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean, within?: Rect0): Rect0 | null {
  let rect: Rect0 | null = null;
  for (const [k, cell] of sheet.cells) {
    const used = valuesOnly ? cell.value !== '' || cell.formula !== undefined : !isBlankCell(cell);
    if (!used) continue;
    const [r, c] = k.split(',').map(Number);
    if (within && (r < within.r1 || r > within.r2 || c < within.c1 || c > within.c2)) continue;
    rect = rect
      ? {
          r1: Math.min(rect.r1, r),
          c1: Math.min(rect.c1, c),
          r2: Math.max(rect.r2, r),
          c2: Math.max(rect.c2, c),
        }
      : { r1: r, c1: c, r2: r, c2: c };
  }
  return rect;
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect0;
}

/** A value written through the API: '=…' becomes a formula unless the cell is text-formatted. */
function writeValue(cell: FakeCell, value: unknown): void {
  if (typeof value === 'string' && value.startsWith('=') && cell.numberFormat !== '@') {
    cell.formula = value;
    cell.value = '';
    return;
  }
  delete cell.formula;
  cell.value = value === null || value === undefined ? '' : (value as FakeValue);
}

function matrix<V>(rect: Rect0, at: (r: number, c: number) => V): V[][] {
  const rows: V[][] = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row: V[] = [];
    for (let c = rect.c1; c <= rect.c2; c++) row.push(at(r, c));
    rows.push(row);
  }
  return rows;
}

function checkShape(rect: Rect0, values: unknown, what: string): unknown[][] | null {
  if (!Array.isArray(values)) return null;
  const rows = rect.r2 - rect.r1 + 1;
  const cols = rect.c2 - rect.c1 + 1;
  if (values.length !== rows || values.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError('InvalidArgument', `${what} 的行列数与区域不符`);
  }
  return values as unknown[][];
}

class RangeProxy extends FakeProxy<RangeTarget> {
  protected readonly kind = 'range';

  constructor(
    context: FakeRequestContext,
    resolve: () => RangeTarget | null,
    nullable = false,
    argument?: unknown,
  ) {
    super(context, resolve, nullable, argument);
  }

  protected snapshot({ sheet, rect }: RangeTarget, names: string[]): Record<string, unknown> {
    const wanted =
      names.length > 0 ? names : ['address', 'values', 'numberFormat', 'rowIndex', 'columnIndex'];
    const all: Record<string, () => unknown> = {
      address: () => `${quoteSheet(sheet.name)}!${rectToAddress(rect)}`,
      values: () => {
        this.context.excel.cellsLoaded += (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
        return matrix(rect, (r, c) => sheet.cellAt(r, c).value);
      },
      formulas: () => matrix(rect, (r, c) => sheet.cellAt(r, c).formula ?? sheet.cellAt(r, c).value),
      numberFormat: () => {
        this.context.excel.cellsLoaded += (rect.r2 - rect.r1 + 1) * (rect.c2 - rect.c1 + 1);
        return matrix(rect, (r, c) => sheet.cellAt(r, c).numberFormat);
      },
      rowIndex: () => rect.r1,
      columnIndex: () => rect.c1,
      rowCount: () => rect.r2 - rect.r1 + 1,
      columnCount: () => rect.c2 - rect.c1 + 1,
    };
    const out: Record<string, unknown> = {};
    for (const n of wanted) {
      const get = all[n];
      if (!get) throw new FakeOfficeError('InvalidArgument', `fake: cannot load range '${n}'`);
      out[n] = get();
    }
    return out;
  }

  get address(): string {
    return this.read('address');
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.queue(
      'values',
      ({ sheet, rect }) => {
        assertWritable(sheet);
        const rows = checkShape(rect, values, 'values');
        sheet.updateCells([rect], () => undefined);
        for (let r = rect.r1; r <= rect.r2; r++) {
          for (let c = rect.c1; c <= rect.c2; c++) {
            const cell = sheet.cells.get(key(r, c)) ?? blankCell();
            writeValue(cell, rows ? rows[r - rect.r1][c - rect.c1] : values);
            sheet.cells.set(key(r, c), cell);
          }
        }
      },
      values,
    );
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.queue(
      'numberFormat',
      ({ sheet, rect }) => {
        assertWritable(sheet);
        const rows = checkShape(rect, formats, 'numberFormat');
        sheet.updateCells([rect], () => undefined);
        for (let r = rect.r1; r <= rect.r2; r++) {
          for (let c = rect.c1; c <= rect.c2; c++) {
            const cell = sheet.cells.get(key(r, c)) as FakeCell;
            cell.numberFormat = String(rows ? rows[r - rect.r1][c - rect.c1] : formats);
          }
        }
      },
      formats,
    );
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rects: [rect] };
    });
  }

  /** The part of this range inside `other` (same sheet), or a null object. */
  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const a = this.resolve();
        const b = other.target();
        if (!a) return null;
        const rect = {
          r1: Math.max(a.rect.r1, b.rect.r1),
          c1: Math.max(a.rect.c1, b.rect.c1),
          r2: Math.min(a.rect.r2, b.rect.r2),
          c2: Math.min(a.rect.c2, b.rect.c2),
        };
        return rect.r1 <= rect.r2 && rect.c1 <= rect.c2 ? { sheet: a.sheet, rect } : null;
      },
      true,
    );
  }

  /** The bounding box of the used cells inside this range (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const t = this.resolve();
        if (!t) return null;
        const rect = usedRect(t.sheet, valuesOnly, t.rect);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      true,
    );
  }

  getColumn(index: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { ...rect, c1: rect.c1 + index, c2: rect.c1 + index } };
    });
  }

  getRowProperties(options: {
    rowIndex?: boolean;
    rowHidden?: boolean;
  }): ClientResult<{ rowIndex?: number; rowHidden?: boolean }[]> {
    const result = new ClientResult<{ rowIndex?: number; rowHidden?: boolean }[]>();
    this.queue('getRowProperties', ({ sheet, rect }) => {
      const rows: { rowIndex?: number; rowHidden?: boolean }[] = [];
      for (let r = rect.r1; r <= rect.r2; r++) {
        const props: { rowIndex?: number; rowHidden?: boolean } = {};
        if (options.rowIndex) props.rowIndex = r;
        if (options.rowHidden) props.rowHidden = sheet.hiddenRows.has(r + 1);
        rows.push(props);
      }
      result.set(rows);
    });
    return result;
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      () => {
        const { sheet, rect } = this.target();
        const rects = sheet.merges.filter((m) => intersects(m, rect));
        return rects.length > 0 ? { sheet, rects } : null;
      },
      true,
    );
  }

  merge(across = false): void {
    this.queue('merge', ({ sheet, rect }) => {
      assertWritable(sheet);
      if (sheet.merges.some((m) => intersects(m, rect))) {
        throw new FakeOfficeError('InvalidOperation', '与已合并的单元格重叠');
      }
      if (across) for (let r = rect.r1; r <= rect.r2; r++) sheet.merges.push({ ...rect, r1: r, r2: r });
      else sheet.merges.push({ ...rect });
    });
  }

  select(): void {
    this.queue('select', ({ sheet, rect }) => {
      this.context.state.activeSheetId = sheet.id;
      this.context.state.selection = { sheetId: sheet.id, rect };
    });
  }

  clear(): void {
    this.queue('clear', ({ sheet, rect }) => {
      assertWritable(sheet);
      for (const k of [...sheet.cells.keys()]) {
        const [r, c] = k.split(',').map(Number);
        if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) sheet.cells.delete(k);
      }
    });
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: Rect0[];
}

class RangeAreasProxy extends FakeProxy<AreasTarget> {
  protected readonly kind = 'rangeAreas';

  constructor(
    context: FakeRequestContext,
    resolve: () => AreasTarget | null,
    nullable = false,
    argument?: unknown,
  ) {
    super(context, resolve, nullable, argument);
  }

  protected snapshot({ sheet, rects }: AreasTarget, names: string[]): Record<string, unknown> {
    return pick(
      {
        address: rects.map((r) => `${quoteSheet(sheet.name)}!${rectToAddress(r)}`).join(', '),
        areaCount: rects.length,
      },
      names,
    );
  }

  get address(): string {
    return this.read('address');
  }
  get areaCount(): number {
    return this.read('areaCount');
  }

  get format(): RangeFormatProxy {
    return new RangeFormatProxy(this.context, () => this.target());
  }
}

class RangeFormatProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly resolve: () => AreasTarget,
  ) {
    context.path();
  }

  private change(label: string, apply: (cell: FakeCell) => void): void {
    this.context.enqueue(
      `format.${label}`,
      () => {
        const { sheet, rects } = this.resolve();
        assertWritable(sheet);
        sheet.updateCells(rects, apply);
      },
      0,
    );
  }

  get fill(): RangeFillProxy {
    return new RangeFillProxy(this.context, () => this.resolve());
  }
  get font(): { bold: boolean; size: number; color: string } {
    const change = (label: string, apply: (cell: FakeCell) => void) => this.change(label, apply);
    return {
      set bold(v: boolean) {
        change('font.bold', (cell) => (cell.bold = v));
      },
      set size(v: number) {
        change('font.size', (cell) => (cell.fontSize = v));
      },
      set color(v: string) {
        change('font.color', (cell) => (cell.fontColor = v.toUpperCase()));
      },
    } as { bold: boolean; size: number; color: string };
  }
  get borders(): { getItem(edge: string): { style: string } } {
    const change = (label: string, apply: (cell: FakeCell) => void) => this.change(label, apply);
    return {
      getItem(edge: string) {
        return {
          set style(v: string) {
            change(`borders.${edge}`, (cell) => (cell.borders[edge] = v));
          },
        } as { style: string };
      },
    };
  }
  set wrapText(v: boolean) {
    this.change('wrapText', (cell) => (cell.wrapText = v));
  }
  set horizontalAlignment(v: string) {
    this.change('horizontalAlignment', (cell) => (cell.horizontalAlignment = v));
  }
  set columnWidth(points: number) {
    this.context.enqueue('format.columnWidth', () => {
      const { sheet, rects } = this.resolve();
      assertWritable(sheet);
      for (const rect of rects) for (let c = rect.c1; c <= rect.c2; c++) sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.context.enqueue('format.rowHeight', () => {
      const { sheet, rects } = this.resolve();
      assertWritable(sheet);
      for (const rect of rects) for (let r = rect.r1; r <= rect.r2; r++) sheet.rowHeights.set(r, points);
    });
  }
}

const FILL_KEYS = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const;
type FillKey = (typeof FILL_KEYS)[number];

class RangeFillProxy extends FakeProxy<AreasTarget> {
  protected readonly kind = 'fill';

  constructor(context: FakeRequestContext, resolve: () => AreasTarget) {
    super(context, resolve);
  }

  /** Uniform value over the cells, null when they differ (as Excel reports mixed formats). */
  protected snapshot({ sheet, rects }: AreasTarget, names: string[]): Record<string, unknown> {
    const wanted = names.length > 0 ? names : [...FILL_KEYS];
    const out: Record<string, unknown> = {};
    for (const n of wanted) {
      if (!(FILL_KEYS as readonly string[]).includes(n))
        throw new FakeOfficeError('InvalidArgument', `fill.${n}`);
      let value: unknown;
      let first = true;
      for (const rect of rects) {
        for (let r = rect.r1; r <= rect.r2; r++) {
          for (let c = rect.c1; c <= rect.c2; c++) {
            const v = sheet.cellAt(r, c).fill[n as FillKey];
            if (first) value = v;
            else if (v !== value) value = null;
            first = false;
          }
        }
      }
      out[n] = value;
    }
    return out;
  }

  private set(label: FillKey, apply: (fill: FakeFill) => void, value: unknown): void {
    this.queue(
      label,
      ({ sheet, rects }) => {
        assertWritable(sheet);
        sheet.updateCells(rects, (cell) => apply(cell.fill));
      },
      value,
    );
  }

  get color(): string {
    return this.read('color');
  }
  set color(v: string) {
    this.set(
      'color',
      (fill) => {
        fill.color = v.toUpperCase();
        if (fill.pattern === 'None') fill.pattern = 'Solid';
      },
      v,
    );
  }
  get pattern(): string {
    return this.read('pattern');
  }
  set pattern(v: string) {
    this.set(
      'pattern',
      (fill) => {
        if (v === 'None') Object.assign(fill, NO_FILL);
        else fill.pattern = v;
      },
      v,
    );
  }
  get patternColor(): string {
    return this.read('patternColor');
  }
  set patternColor(v: string) {
    this.set('patternColor', (fill) => (fill.patternColor = v.toUpperCase()), v);
  }
  get tintAndShade(): number {
    return this.read('tintAndShade');
  }
  set tintAndShade(v: number) {
    this.set('tintAndShade', (fill) => (fill.tintAndShade = v), v);
  }
  get patternTintAndShade(): number {
    return this.read('patternTintAndShade');
  }
  set patternTintAndShade(v: number) {
    this.set('patternTintAndShade', (fill) => (fill.patternTintAndShade = v), v);
  }

  clear(): void {
    this.queue('clear', ({ sheet, rects }) => {
      assertWritable(sheet);
      sheet.updateCells(rects, (cell) => (cell.fill = { ...NO_FILL }));
    });
  }
}

class ClientResult<T> {
  private settled = false;
  private result: T | undefined;
  /** @internal */
  set(value: T): void {
    this.result = value;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) notLoaded('value');
    return this.result as T;
  }
}

/** A worksheet's names (ExcelApi 1.4): add, getItemOrNullObject; a name's formula (1.7) and visible. */
class NamedItemCollectionProxy extends FakeProxy<FakeSheet> {
  protected readonly kind = 'names';

  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, sheet);
  }

  protected snapshot(): Record<string, unknown> {
    return {};
  }

  add(name: string, reference: string): NamedItemProxy {
    this.queue(
      'add',
      (sheet) => {
        assertWritable(sheet);
        if (sheet.names.has(name.toLowerCase()))
          throw new FakeOfficeError('ItemAlreadyExists', `名称 ${name} 已存在`);
        if (!/^[A-Za-z_\\][\w.]*$/.test(name)) throw new FakeOfficeError('InvalidArgument', `名称 ${name}`);
        sheet.names.set(name.toLowerCase(), { name, formula: reference, visible: true });
      },
      [name, reference],
    );
    return new NamedItemProxy(this.context, () => this.sheet(), name);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.sheet(), name, true);
  }
}

class NamedItemProxy extends FakeProxy<FakeName> {
  protected readonly kind = 'name';

  constructor(context: FakeRequestContext, sheet: () => FakeSheet, name: string, nullable = false) {
    super(context, () => sheet().names.get(name.toLowerCase()) ?? null, nullable, name);
  }

  protected snapshot(item: FakeName, names: string[]): Record<string, unknown> {
    return pick({ name: item.name, formula: item.formula, visible: item.visible }, names);
  }

  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  get visible(): boolean {
    return this.read('visible');
  }
  set visible(value: boolean) {
    this.queue('visible', (item) => void (item.visible = value));
  }
}

class NoteCollectionProxy extends FakeProxy<FakeSheet> {
  protected readonly kind = 'notes';
  private itemProxies: NoteProxy[] | undefined;

  constructor(context: FakeRequestContext, sheet: () => FakeSheet | null) {
    super(context, sheet);
  }

  get items(): NoteProxy[] {
    if (!this.itemProxies) notLoaded('items');
    return this.itemProxies;
  }

  protected snapshot(sheet: FakeSheet, names: string[]): Record<string, unknown> {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    this.itemProxies = [...sheet.notes.keys()].map((address) => {
      const proxy = new NoteProxy(this.context, () => sheet, address);
      proxy.fill(sheet, address, itemProps);
      return proxy;
    });
    return {};
  }

  private sheet(): FakeSheet {
    return this.target();
  }

  add(cellAddress: string, content: string): NoteProxy {
    const address = normalizeCell(cellAddress);
    this.context.enqueue(
      'notes.add',
      () => {
        const sheet = this.sheet();
        assertWritable(sheet);
        if (sheet.notes.has(address)) throw new FakeOfficeError('InvalidArgument', `${address} 已有批注`);
        if (sheet.comments.has(address))
          throw new FakeOfficeError('InvalidOperation', `${address} 已有评论，不能再加批注`);
        sheet.notes.set(address, { content: String(content), authorName: 'Balance' });
      },
      [address, content],
    );
    return new NoteProxy(this.context, () => this.sheet(), address);
  }

  getItem(cellAddress: string): NoteProxy {
    return new NoteProxy(this.context, () => this.sheet(), normalizeCell(cellAddress));
  }

  getItemOrNullObject(cellAddress: string): NoteProxy {
    return new NoteProxy(this.context, () => this.sheet(), normalizeCell(cellAddress), true);
  }
}

class NoteProxy extends FakeProxy<{ sheet: FakeSheet; note: FakeNote; address: string }> {
  protected readonly kind = 'note';

  constructor(
    context: FakeRequestContext,
    sheet: () => FakeSheet,
    private readonly address: string,
    nullable = false,
  ) {
    super(
      context,
      () => {
        const s = sheet();
        const note = s.notes.get(address);
        return note ? { sheet: s, note, address } : null;
      },
      nullable,
      address,
    );
  }

  /** @internal Filled by a collection load. */
  fill(sheet: FakeSheet, address: string, names: string[]): void {
    const note = sheet.notes.get(address);
    if (!note) return;
    for (const [n, v] of Object.entries(this.snapshot({ note }, names))) this.loaded.set(n, v);
  }

  /** The cell the note is on. */
  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, address } = this.target();
      return { sheet, rect: parseRect(address) };
    });
  }

  protected snapshot({ note }: { note: FakeNote }, names: string[]): Record<string, unknown> {
    return pick({ content: note.content, authorName: note.authorName }, names);
  }

  get content(): string {
    return this.read('content');
  }
  set content(v: string) {
    this.queue(
      'content',
      ({ sheet, note }) => {
        assertWritable(sheet);
        note.content = v;
      },
      v,
    );
  }
  get authorName(): string {
    return this.read('authorName');
  }

  delete(): void {
    this.queue('delete', ({ sheet, address }) => {
      assertWritable(sheet);
      sheet.notes.delete(address);
    });
  }
}

class CommentCollectionProxy extends FakeProxy<FakeSheet> {
  protected readonly kind = 'comments';
  private itemProxies: CommentProxy[] | undefined;

  constructor(context: FakeRequestContext, sheet: () => FakeSheet) {
    super(context, sheet);
  }

  get items(): CommentProxy[] {
    if (!this.itemProxies) notLoaded('items');
    return this.itemProxies;
  }

  protected snapshot(sheet: FakeSheet, names: string[]): Record<string, unknown> {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    this.itemProxies = [...sheet.comments].map(([address, comment]) => {
      const proxy = new CommentProxy(this.context, sheet, address);
      proxy.fill(comment, itemProps);
      return proxy;
    });
    return {};
  }
}

class CommentProxy extends FakeProxy<FakeComment> {
  protected readonly kind = 'comment';

  constructor(
    context: FakeRequestContext,
    private readonly sheet: FakeSheet,
    private readonly address: string,
  ) {
    super(context, () => sheet.comments.get(address) ?? null);
  }

  /** @internal */
  fill(comment: FakeComment, names: string[]): void {
    for (const [n, v] of Object.entries(this.snapshot(comment, names))) this.loaded.set(n, v);
  }

  protected snapshot(comment: FakeComment, names: string[]): Record<string, unknown> {
    return pick({ id: comment.id, content: comment.content }, names);
  }

  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }

  getLocation(): RangeProxy {
    return new RangeProxy(this.context, () => ({ sheet: this.sheet, rect: parseRect(this.address) }));
  }
}

class TableCollectionProxy extends FakeProxy<FakeSheet[]> {
  protected readonly kind = 'tables';
  private itemProxies: TableProxy[] | undefined;

  constructor(context: FakeRequestContext, sheets: () => FakeSheet[]) {
    super(context, sheets);
  }

  get items(): TableProxy[] {
    if (!this.itemProxies) notLoaded('items');
    return this.itemProxies;
  }

  protected snapshot(sheets: FakeSheet[], names: string[]): Record<string, unknown> {
    const itemProps = names.filter((n) => n.startsWith('items/')).map((n) => n.slice('items/'.length));
    this.itemProxies = sheets.flatMap((sheet) =>
      sheet.tables.map((table) => {
        const proxy = new TableProxy(this.context, () => ({ sheet, table }));
        proxy.fill({ sheet, table }, itemProps);
        return proxy;
      }),
    );
    return {};
  }

  getItem(key: string): TableProxy {
    return new TableProxy(this.context, () => {
      for (const sheet of this.resolve() ?? []) {
        const table = sheet.tables.find((t) => t.name.toLowerCase() === key.toLowerCase() || t.id === key);
        if (table) return { sheet, table };
      }
      return null;
    });
  }
}

class TableProxy extends FakeProxy<{ sheet: FakeSheet; table: FakeTable }> {
  protected readonly kind = 'table';

  /** @internal */
  fill(target: { sheet: FakeSheet; table: FakeTable }, names: string[]): void {
    for (const [n, v] of Object.entries(this.snapshot(target, names))) this.loaded.set(n, v);
  }

  protected snapshot({ table }: { table: FakeTable }, names: string[]): Record<string, unknown> {
    return pick({ id: table.id, name: table.name }, names);
  }

  get name(): string {
    return this.read('name');
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.target().sheet);
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, table } = this.target();
      return { sheet, rect: table.rect };
    });
  }
}

class PageLayoutProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}

  private change(label: string, apply: (layout: FakePageLayout) => void): void {
    this.context.enqueue(`pageLayout.${label}`, () => {
      const sheet = this.sheet();
      assertWritable(sheet);
      apply(sheet.pageLayout);
    });
  }

  set orientation(v: string) {
    this.change('orientation', (l) => (l.orientation = v));
  }
  set paperSize(v: string) {
    this.change('paperSize', (l) => (l.paperSize = v));
  }
  set centerHorizontally(v: boolean) {
    this.change('centerHorizontally', (l) => (l.centerHorizontally = v));
  }
  set zoom(v: FakePageLayout['zoom']) {
    this.change('zoom', (l) => (l.zoom = { ...v }));
  }
  /** Excel requires whole rows ('$5:$6' or '5:6'). */
  setPrintTitleRows(address: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(address))
      throw new Error(`setPrintTitleRows needs whole rows, got ${address}`);
    this.change('setPrintTitleRows', (l) => (l.printTitleRows = address));
  }
  /** Excel requires whole columns ('$A:$A'). */
  setPrintTitleColumns(address: string): void {
    if (!/^\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(address))
      throw new Error(`setPrintTitleColumns needs whole columns, got ${address}`);
    this.change('setPrintTitleColumns', (l) => (l.printTitleColumns = address));
  }
  get headersFooters(): { defaultForAllPages: Record<HeaderFooterPart, string> } {
    const target = {} as Record<HeaderFooterPart, string>;
    for (const part of HEADER_FOOTER_PARTS) {
      Object.defineProperty(target, part, {
        set: (v: string) => this.change(`headersFooters.${part}`, (l) => (l.headersFooters[part] = v)),
        get: () => this.sheet().pageLayout.headersFooters[part],
      });
    }
    return { defaultForAllPages: target };
  }
}
