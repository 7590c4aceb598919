/**
 * Which report sheets Balance owns, whether the user has edited one, and where a new report goes: the one decision
 * every host (Excel, WPS, the .xlsx copy) makes before writing 均衡评估报告 or 整改测算, so none of them can replace
 * a sheet that is not Balance's own, untouched report.
 *
 * The ownership mark is a hidden defined name scoped to the report sheet (`BalanceReport`, its value the text
 * "Balance report v1 <fingerprint>"). A sheet-scoped name is stored in workbook.xml as
 * `<definedName localSheetId=…>`, which Excel, WPS and the .xlsx path all keep through save and reopen; it follows
 * the sheet through renames and moves; it is invisible in the cells, so the user cannot delete it by tidying the
 * report; and no user sheet has it unless it came from Balance. A marker cell or note would be visible, printed, and
 * lost or faked by ordinary editing; a worksheet custom property is Office.js-only (WPS and the file host cannot read
 * it). The fingerprint is a hash of the values the report holds as written (as the host reads them back), so a
 * report the user annotated — a 审核人 line, a corrected figure — is told from an untouched one and kept.
 */
import type { ReportPlan } from './assessmentReport';

/** The sheet-scoped defined name that marks a Balance report sheet. */
export const REPORT_MARK_NAME = 'BalanceReport';
const MARK_PREFIX = 'Balance report v1 ';

/** One non-empty cell: 1-based row, 0-based column. */
export interface FingerprintCell {
  row: number;
  column: number;
  value: unknown;
}

/** A cell value as text that survives a round trip through Excel, WPS or an .xlsx file (15 significant digits). */
export function canonical(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Fast path, same text: when the shortest round-trip form has at most 15 significant digits, rounding to 15
    // digits gives that decimal (a double is within 1.2e-16 of it relatively, half a 15th digit is ≥ 5e-16), and
    // reading it back gives the same double, so String(Number(toPrecision(15))) is this very text.
    return canonicalNumber(value, String(value));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(value.getTime() / 86_400_000 + 25_569);
  return String(value);
}

/**
 * canonical(value) for a finite number whose shortest round-trip text (String(value)) the caller has already made, as
 * a writer that prints the number has: the same text, without making it twice.
 */
export function canonicalNumber(value: number, shortest: string): string {
  // At most 15 characters hold at most 15 significant digits, exponent forms included (String(-0) is '0').
  if (shortest.length <= 15 && shortest !== '-0') return shortest;
  return roundedShortest(shortest) ?? String(Number(value.toPrecision(15)));
}

/**
 * A plain numeral's shortest text rounded half-up to 15 significant digits, trailing zeros dropped: the text of
 * String(Number(x.toPrecision(15))), made without toPrecision, parsing and printing again (a report has hundreds of
 * thousands of 17-digit ratios). Null when the text has an exponent, when the 15th digit lies before the point (the
 * dropped digits would become zeros) or when the dropped digits are exactly a half: the caller takes the long way.
 *
 * Why rounding the shortest text is rounding the double: let B be the half-way point between two 15-digit decimals
 * (16 significant digits). Were B strictly between the double and its shortest text S (16 or 17 digits), B would lie in
 * the double's round-trip interval with them, and be a shorter or, at 16 digits, closer text than S: not S then. So S
 * and the double are on the same side of every half-way point, and only S = B (a tie, handed back) could differ.
 * The 15-digit result D then prints as itself: no other decimal of at most 15 digits reads as the same double, and a
 * plain S (|x| ≥ 1e-6) leaves D plain for String too.
 */
function roundedShortest(text: string): string | null {
  const n = text.length;
  let point = -1;
  let digits = 0;
  /** Index of the 15th significant digit. */
  let last = -1;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      point = i;
      continue;
    }
    if (code === 45 /* - */) continue;
    if (code < 48 || code > 57) return null;
    if (digits === 0 && code === 48) continue;
    if (++digits === 15) last = i;
  }
  if (digits <= 15) return text === '-0' ? '0' : text;
  if (point < 0 || last < point) return null;
  const next = text.charCodeAt(last + 1) - 48;
  let up = next > 5;
  if (next === 5) {
    for (let i = last + 2; i < n && !up; i++) up = text.charCodeAt(i) !== 48;
    if (!up) return null;
  }
  if (!up) {
    let end = last + 1;
    while (text.charCodeAt(end - 1) === 48) end--;
    if (end - 1 === point) end--;
    return text.slice(0, end);
  }
  // Carry: trailing 9s become 0s (dropped after the point), the digit before them goes up by one.
  let i = last;
  for (; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 46 || code === 45) continue;
    if (code !== 57) break;
  }
  const sign = text.charCodeAt(0) === 45 ? '-' : '';
  if (i < 0 || text.charCodeAt(i) === 45) return `${sign}1${'0'.repeat(point - sign.length)}`;
  const raised = text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) + 1);
  return i > point ? raised : raised + '0'.repeat(point - i - 1);
}

/**
 * A 64-bit FNV-1a-style hash of a text fed piece by piece, as 16 hex digits (two 32-bit lanes with different seeds):
 * the same as hashing the pieces joined, without building the joined text.
 */
class Hasher {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;

  update(text: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995);
      b ^= b >>> 15;
    }
    this.a = a;
    this.b = b;
  }

  /** The same as update(String.fromCharCode(code)). */
  updateCode(code: number): void {
    const a = Math.imul(this.a ^ code, 0x01000193);
    let b = Math.imul(this.b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
    this.a = a;
    this.b = b;
  }

  /** The same as update(String(n)), without making the text for a row or column number. */
  updateCount(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) return this.update(String(n));
    let unit = 1;
    while (unit * 10 <= n) unit *= 10;
    for (; unit >= 1; unit /= 10) this.updateCode(48 + (Math.floor(n / unit) % 10));
  }

  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * Hashes `${row},${column}=${text}` of each entry, joined by U+0001, in reading order: entries arrive in any order
 * and are sorted (stably) only when they are not in reading order already.
 */
class EntryHash {
  private rows: number[] = [];
  private columns: number[] = [];
  private texts: string[] = [];
  private sorted = true;

  add(row: number, column: number, text: string): void {
    const n = this.rows.length;
    if (n > 0 && this.sorted) {
      const r = this.rows[n - 1];
      if (row < r || (row === r && column < this.columns[n - 1])) this.sorted = false;
    }
    this.rows.push(row);
    this.columns.push(column);
    this.texts.push(text);
  }

  digest(): string {
    const n = this.rows.length;
    let order: number[] | null = null;
    if (!this.sorted) {
      order = Array.from({ length: n }, (_, k) => k);
      const { rows, columns } = this;
      order.sort((x, y) => rows[x] - rows[y] || columns[x] - columns[y] || x - y);
    }
    const h = new Hasher();
    for (let k = 0; k < n; k++) {
      const i = order ? order[k] : k;
      h.update(`${k > 0 ? '\u0001' : ''}${this.rows[i]},${this.columns[i]}=${this.texts[i]}`);
    }
    return h.digest();
  }
}

/**
 * The same hash for entries known to come in reading order: nothing is kept, each is hashed as it comes. A writer
 * that goes through a plan's cells in reading order anyway (the file host's) fingerprints it with this as it writes
 * (see planFingerprintInOrder), instead of a second pass.
 */
export class OrderedEntryHash {
  private readonly h = new Hasher();
  private first = true;
  /** The texts of the current row's number and of the columns' `,${column}=`, made once, not per cell. */
  private row = -1;
  private rowText = '';
  private readonly columnTexts: string[] = [];

  /** Hashes `${first ? '' : '\u0001'}${row},${column}=${text}` piece by piece: no text is made per cell. */
  add(row: number, column: number, text: string): void {
    const h = this.h;
    if (!this.first) h.updateCode(1);
    if (row !== this.row) {
      this.row = row;
      this.rowText = String(row);
    }
    h.update(this.rowText);
    if (Number.isInteger(column) && column >= 0 && column < 16384)
      h.update((this.columnTexts[column] ??= `,${column}=`));
    else {
      h.updateCode(44 /* , */);
      h.updateCount(column);
      h.updateCode(61 /* = */);
    }
    h.update(text);
    this.first = false;
  }

  digest(): string {
    return this.h.digest();
  }
}

/** The fingerprint of a sheet's values: every non-empty cell with its place, in reading order. */
export function reportFingerprint(cells: Iterable<FingerprintCell>): string {
  const entries = new EntryHash();
  for (const cell of cells) {
    const text = canonical(cell.value);
    if (text !== null) entries.add(cell.row, cell.column, text);
  }
  return entries.digest();
}

/** The cells of a block of values whose top-left cell is at (firstRow, firstColumn). */
export function blockCells(values: readonly (readonly unknown[])[], firstRow: number, firstColumn: number) {
  const cells: FingerprintCell[] = [];
  values.forEach((row, r) =>
    row.forEach((value, c) => cells.push({ row: firstRow + r, column: firstColumn + c, value })),
  );
  return cells;
}

/**
 * The fingerprint of a plan as a file reader will see it: values of cells covered by a merge (other than its
 * top-left cell) do not count, as a spreadsheet keeps only the top-left value of a merged area.
 */
export function planFingerprint(plan: ReportPlan): string {
  const coveredIn = mergeCoverByRow(plan);
  // Sections that follow each other give their cells in reading order (columns go left to right in a row).
  const entries = planInReadingOrder(plan) ? new OrderedEntryHash() : new EntryHash();
  // Plain loops: a hole of a sparse row reads as undefined, which has no text, as forEach would skip it.
  for (const section of plan.sections)
    for (let i = 0; i < section.values.length; i++) {
      const values = section.values[i];
      if (values === undefined) continue;
      const row = section.top + i;
      const covered = coveredIn(row);
      for (let column = 0; column < values.length; column++) {
        if (covered?.(column)) continue;
        const text = canonical(values[column]);
        if (text !== null) entries.add(row, column, text);
      }
    }
  return entries.digest();
}

/**
 * Whether a plan's cells come in reading order section by section (each section below the one before, none above row
 * 1), so that a writer going through rows 1, 2, … and columns left to right meets them in planFingerprint's order.
 */
export function planInReadingOrder(plan: ReportPlan): boolean {
  let next = 1;
  for (const section of plan.sections) {
    if (section.values.length === 0) continue;
    if (section.top < next) return false;
    next = section.top + section.values.length;
  }
  return true;
}

/**
 * For each row of the plan, the merges over it whose covered cells (all but the top-left one) hold no value a reader
 * sees, as planFingerprint leaves them out: `covered(row, column)`.
 */
export function mergeCover(plan: ReportPlan): (row: number, column: number) => boolean {
  const byRow = mergeCoverByRow(plan);
  return (row, column) => {
    const covered = byRow(row);
    return covered !== null && covered(column);
  };
}

/**
 * mergeCover a row at a time: `coveredIn(row)` is null for a row no merge covers (most rows), else whether a column of
 * it is covered. A writer going row by row looks the row up once, not once per cell.
 */
export function mergeCoverByRow(plan: ReportPlan): (row: number) => ((column: number) => boolean) | null {
  if (plan.merges.length === 0) return () => null;
  // Only the rows of the plan's sections (rows outside them hold no value to leave out).
  let firstRow = Infinity;
  let lastRow = -Infinity;
  for (const section of plan.sections) {
    firstRow = Math.min(firstRow, section.top);
    lastRow = Math.max(lastRow, section.top + section.values.length - 1);
  }
  const mergesOf = new Map<number, ReportPlan['merges']>();
  for (const m of plan.merges)
    for (let r = Math.max(m.top, firstRow); r <= Math.min(m.bottom, lastRow); r++) {
      const list = mergesOf.get(r);
      if (list) list.push(m);
      else mergesOf.set(r, [m]);
    }
  return (row) => {
    const merges = mergesOf.get(row);
    if (merges === undefined) return null;
    return (column) =>
      merges.some((m) => column >= m.left && column <= m.right && (row !== m.top || column !== m.left));
  };
}

/** The text the mark holds. */
export function reportMarkText(fingerprint: string): string {
  return MARK_PREFIX + fingerprint;
}

/** The mark as a defined name's formula (a text constant). */
export function reportMarkFormula(fingerprint: string): string {
  return `="${reportMarkText(fingerprint)}"`;
}

/**
 * The fingerprint a mark carries, from the name's formula or value as a host gives it (`="Balance report v1 …"`,
 * `"…"` as stored in workbook.xml, or the bare text); null when it is not Balance's mark.
 */
export function readReportMark(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const bare = text
    .trim()
    .replace(/^=/, '')
    .replace(/^"(.*)"$/s, '$1');
  if (!bare.startsWith(MARK_PREFIX)) return null;
  const fingerprint = bare.slice(MARK_PREFIX.length).trim();
  return /^[0-9a-f]{16}$/.test(fingerprint) ? fingerprint : null;
}

/** A sheet of the workbook as a host found it. */
export interface ExistingSheet {
  name: string;
  /** The fingerprint in the sheet's Balance mark, or null when it has none (a user's sheet). */
  mark: string | null;
  /** The fingerprint of the sheet's values now (needed only for marked sheets). */
  current?: string | null;
}

/** Where one plan goes. */
export interface ReportPlacement {
  plan: ReportPlan;
  /** The sheet name to write. */
  name: string;
  /** True when `name` is Balance's own untouched report, to be replaced; false for a new sheet. */
  replace: boolean;
}

/** What writing the reports did, for the pane's message. */
export interface ReportOutcome {
  /** Sheets written, in plan order. */
  written: string[];
  /** Sheets with a report's name that are not Balance's: left as they are. */
  keptUserSheets: string[];
  /** Balance reports the user has edited since: kept, the new report written beside them. */
  keptEdited: string[];
}

const fold = (name: string) => name.toLocaleLowerCase('en-US');

/** `base` itself is 1, `base (n)` is n; other names are not of the family. */
function familyIndex(name: string, base: string): number | null {
  if (fold(name) === fold(base)) return 1;
  const m = /^(.*) \((\d+)\)$/.exec(name);
  if (m && fold(m[1]) === fold(base) && Number(m[2]) >= 2) return Number(m[2]);
  return null;
}

/**
 * Chooses each plan's sheet: Balance's own untouched report with the plan's name (or a `name (n)` one) is replaced;
 * else the report goes to the first free name of `name`, `name (2)`, `name (3)`, …. A sheet that is not
 * Balance's, or a Balance report the user edited, is never replaced.
 */
export function placeReports(
  plans: readonly ReportPlan[],
  existing: readonly ExistingSheet[],
): { placements: ReportPlacement[]; outcome: ReportOutcome } {
  const taken = new Set(existing.map((s) => fold(s.name)));
  const outcome: ReportOutcome = { written: [], keptUserSheets: [], keptEdited: [] };
  const placements: ReportPlacement[] = [];
  for (const plan of plans) {
    const family = existing
      .map((sheet) => ({ sheet, n: familyIndex(sheet.name, plan.sheetName) }))
      .filter((f): f is { sheet: ExistingSheet; n: number } => f.n !== null)
      .sort((a, b) => a.n - b.n);
    const untouched = family.find(
      ({ sheet }) => sheet.mark !== null && sheet.current !== undefined && sheet.current === sheet.mark,
    );
    let placement: ReportPlacement;
    if (untouched) placement = { plan, name: untouched.sheet.name, replace: true };
    else {
      let name = plan.sheetName;
      for (let n = 2; taken.has(fold(name)); n++) name = `${plan.sheetName} (${n})`;
      placement = { plan, name, replace: false };
    }
    taken.add(fold(placement.name));
    placements.push(placement);
    outcome.written.push(placement.name);
    for (const { sheet } of family) {
      if (sheet === untouched?.sheet) continue;
      if (sheet.mark === null) outcome.keptUserSheets.push(sheet.name);
      else if (sheet.current !== sheet.mark) outcome.keptEdited.push(sheet.name);
    }
  }
  return { placements, outcome };
}

/** Names of the existing sheets that may be one of the plans' reports (only these need their mark read). */
export function reportFamily(plans: readonly ReportPlan[], names: readonly string[]): string[] {
  return names.filter((name) => plans.some((plan) => familyIndex(name, plan.sheetName) !== null));
}
