/**
 * A fake of the WPS spreadsheet object model implementing exactly src/hosts/wps/types.d.ts: synchronous, 1-based,
 * colours as BGR longs, Comment objects, sheet visibility (a very hidden sheet cannot be deleted or activated), a
 * delete that fails while DisplayAlerts would ask. Test-only helpers (cell access, sorting, fault injection) are
 * methods of FakeWps and FakeSheet, not of the model.
 */
import type {
  WpsApplication,
  WpsComment,
  WpsFont,
  WpsInterior,
  WpsListObjects,
  WpsName,
  WpsNames,
  WpsPageSetup,
  WpsPluginStorage,
  WpsRange,
  WpsSheets,
  WpsSheetVisibility,
  WpsTaskPane,
  WpsWorkbook,
  WpsWorksheet,
} from '../../../src/hosts/wps/types';

export const WHITE = 0xffffff;
export const XL_NONE = -4142;

/** One cell's state. */
export interface FakeCell {
  value: unknown;
  format: string;
  color: number;
  colorIndex: number;
  pattern: number;
  patternColor: number;
  tintAndShade: number;
  comment: string | null;
  bold: boolean;
  fontSize: number;
  fontColor: number;
  wrap: boolean;
  align: number;
  border: number;
}

function emptyCell(): FakeCell {
  return {
    value: null,
    format: 'General',
    color: WHITE,
    colorIndex: XL_NONE,
    pattern: XL_NONE,
    patternColor: 0,
    tintAndShade: 0,
    comment: null,
    bold: false,
    fontSize: 11,
    fontColor: 0,
    wrap: false,
    align: 1,
    border: XL_NONE,
  };
}

/** Rectangle with 1-based rows AND columns (the model's convention). */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

function parseArea(text: string): Area {
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(text);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COLUMNS };
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(text);
  if (!m) throw new Error(`无效的地址：${text}`);
  const a = { r: Number(m[2]), c: colNumber(m[1]) };
  const b = m[3] ? { r: Number(m[4]), c: colNumber(m[3]) } : a;
  return {
    top: Math.min(a.r, b.r),
    bottom: Math.max(a.r, b.r),
    left: Math.min(a.c, b.c),
    right: Math.max(a.c, b.c),
  };
}

function letters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export class FakeSheet implements WpsWorksheet {
  Name: string;
  private visible: WpsSheetVisibility = -1;
  readonly cells = new Map<string, FakeCell>();
  readonly hiddenRows = new Set<number>();
  readonly merges: Area[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly tables: string[] = [];
  /** Sheet-scoped names: the bare name (as given to Add), its formula and visibility. */
  readonly names: { name: string; refersTo: string; visible: boolean }[] = [];
  /** Manual vertical page breaks (VPageBreaks.Add): the 0-based columns a page starts before, ascending. */
  readonly columnBreaks: number[] = [];
  readonly VPageBreaks = {
    Add: (before: WpsRange): unknown => {
      this.app.touch('VPageBreaks.Add');
      if (!(before instanceof FakeRange)) throw new Error('VPageBreaks.Add needs a Range');
      const column = before.areas[0].left - 1;
      if (!this.columnBreaks.includes(column)) this.columnBreaks.push(column);
      this.columnBreaks.sort((a, b) => a - b);
      return {};
    },
  };
  readonly PageSetup: WpsPageSetup = {
    PaperSize: 1,
    Orientation: 1,
    CenterHorizontally: false,
    Zoom: 100,
    FitToPagesWide: false,
    FitToPagesTall: false,
    PrintTitleRows: '',
    PrintTitleColumns: '',
    LeftHeader: '',
    CenterHeader: '',
    RightHeader: '',
    LeftFooter: '',
    CenterFooter: '',
    RightFooter: '',
  };
  deleted = false;

  constructor(
    readonly app: FakeWps,
    name: string,
  ) {
    this.Name = name;
  }

  get Visible(): WpsSheetVisibility {
    return this.visible;
  }
  set Visible(value: WpsSheetVisibility) {
    this.app.touch('Worksheet.Visible');
    this.visible = value;
    if (value !== -1 && this.app.activeSheet === this) {
      const next = this.app.sheets.find((s) => s.visible === -1 && s !== this);
      if (next) this.app.activeSheet = next;
    }
  }

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Test helper: a cell by A1 address. */
  at(address: string): FakeCell {
    const a = parseArea(address);
    return this.cell(a.top, a.left);
  }

  /** Test helper: writes a block of values with its top-left at `address`. */
  setValues(address: string, values: unknown[][]): void {
    const a = parseArea(address);
    values.forEach((row, r) => row.forEach((v, c) => (this.cell(a.top + r, a.left + c).value = v)));
  }

  /** Test helper: sorts rows top..bottom (whole rows, formats and comments travel with their row, as in WPS). */
  sortRows(top: number, bottom: number, key: (row: number) => number): void {
    const rows = Array.from({ length: bottom - top + 1 }, (_, i) => top + i);
    const order = [...rows].sort((a, b) => key(a) - key(b));
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(',').map(Number);
      if (r < top || r > bottom) continue;
      moved.set(`${top + order.indexOf(r)},${c}`, cell);
      this.cells.delete(k);
    }
    for (const [k, cell] of moved) this.cells.set(k, cell);
  }

  /** Test helper: inserts an empty row before `at` (cells, comments and hidden rows below move down). */
  insertRows(at: number): void {
    const moved = [...this.cells].filter(([k]) => Number(k.split(',')[0]) >= at);
    for (const [k] of moved) this.cells.delete(k);
    for (const [k, cell] of moved) {
      const [r, c] = k.split(',').map(Number);
      this.cells.set(`${r + 1},${c}`, cell);
    }
    const hidden = [...this.hiddenRows];
    this.hiddenRows.clear();
    for (const r of hidden) this.hiddenRows.add(r >= at ? r + 1 : r);
  }

  isEmpty(cell: FakeCell): boolean {
    return (
      (cell.value === null || cell.value === '') &&
      cell.colorIndex === XL_NONE &&
      cell.comment === null &&
      cell.format === 'General'
    );
  }

  get UsedRange(): WpsRange {
    this.app.touch('Worksheet.UsedRange');
    let area: Area | null = null;
    for (const [k, cell] of this.cells) {
      if (this.isEmpty(cell)) continue;
      const [r, c] = k.split(',').map(Number);
      area = area
        ? {
            top: Math.min(area.top, r),
            left: Math.min(area.left, c),
            bottom: Math.max(area.bottom, r),
            right: Math.max(area.right, c),
          }
        : { top: r, left: c, bottom: r, right: c };
    }
    return new FakeRange(this, [area ?? { top: 1, left: 1, bottom: 1, right: 1 }]);
  }

  Range(address: string): WpsRange {
    this.app.touch('Worksheet.Range');
    if (address.length > 255) throw new Error('地址超过 255 个字符');
    return new FakeRange(this, address.split(',').map(parseArea));
  }

  get Cells(): WpsRange {
    return new FakeRange(this, [{ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS }]);
  }

  get Names(): WpsNames {
    const names = this.names;
    const wrap = (i: number): WpsName => {
      const item = names[i];
      const sheetName = this.Name;
      return {
        get Name() {
          return `${sheetName}!${item.name}`;
        },
        RefersTo: item.refersTo,
        get Visible() {
          return item.visible;
        },
        set Visible(v: boolean) {
          item.visible = v;
        },
        Delete: () => void names.splice(names.indexOf(item), 1),
      };
    };
    return {
      Count: names.length,
      Item: (i: number) => {
        if (!names[i - 1]) throw new Error(`下标越界：${i}`);
        return wrap(i - 1);
      },
      Add: (name: string, refersTo: string, visible = true) => {
        this.app.touch('Names.Add');
        const at = names.findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
        if (at >= 0) names.splice(at, 1);
        names.push({ name, refersTo, visible });
        return wrap(names.length - 1);
      },
    };
  }

  get ListObjects(): WpsListObjects {
    return { Count: this.tables.length, Item: (i: number) => ({ Name: this.tables[i - 1] }) };
  }

  Activate(): void {
    if (this.visible !== -1) throw new Error('不能激活隐藏的工作表');
    this.app.activeSheet = this;
  }

  Delete(): void {
    this.app.touch('Worksheet.Delete');
    if (this.app.DisplayAlerts) throw new Error('删除工作表需要用户确认（DisplayAlerts 未关闭）');
    if (this.visible === 2) throw new Error('不能删除深度隐藏的工作表');
    this.app.sheets.splice(this.app.sheets.indexOf(this), 1);
    this.deleted = true;
    if (this.app.activeSheet === this)
      this.app.activeSheet = this.app.sheets.find((s) => s.visible === -1) ?? null;
  }
}

class FakeInterior implements WpsInterior {
  constructor(private readonly range: FakeRange) {}
  private first(): FakeCell {
    return this.range.firstCell();
  }
  private each(f: (c: FakeCell) => void): void {
    this.range.sheet.app.touch('Interior');
    this.range.eachCell(f);
  }
  get Color() {
    return this.first().color;
  }
  set Color(v: number) {
    this.each((c) => {
      c.color = v;
      // WPS derives ColorIndex from the colour (the nearest of the 56 palette entries); the fake just needs "not none".
      c.colorIndex = 1 + (v % 56);
      if (c.pattern === XL_NONE) c.pattern = 1;
    });
  }
  get ColorIndex() {
    return this.first().colorIndex;
  }
  set ColorIndex(v: number) {
    this.each((c) => {
      if (v === XL_NONE)
        Object.assign(c, {
          color: WHITE,
          colorIndex: XL_NONE,
          pattern: XL_NONE,
          patternColor: 0,
          tintAndShade: 0,
        });
      else c.colorIndex = v;
    });
  }
  get Pattern() {
    return this.first().pattern;
  }
  set Pattern(v: number) {
    this.each((c) => {
      c.pattern = v;
      if (v === XL_NONE) c.colorIndex = XL_NONE;
    });
  }
  get PatternColor() {
    return this.first().patternColor;
  }
  set PatternColor(v: number) {
    this.each((c) => (c.patternColor = v));
  }
  get TintAndShade() {
    return this.first().tintAndShade;
  }
  set TintAndShade(v: number) {
    this.each((c) => (c.tintAndShade = v));
  }
}

class FakeComment implements WpsComment {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
  ) {}
  Text(text?: string): string {
    const cell = this.sheet.cell(this.row, this.column);
    if (text !== undefined) cell.comment = text;
    return cell.comment ?? '';
  }
  Delete(): void {
    this.sheet.cell(this.row, this.column).comment = null;
  }
}

export class FakeRange implements WpsRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly areas: Area[],
  ) {}

  private get area(): Area {
    return this.areas[0];
  }
  firstCell(): FakeCell {
    return this.sheet.cell(this.area.top, this.area.left);
  }
  eachCell(f: (cell: FakeCell, row: number, column: number) => void): void {
    for (const a of this.areas)
      for (let r = a.top; r <= Math.min(a.bottom, a.top + 5000); r++)
        for (let c = a.left; c <= Math.min(a.right, a.left + 200); c++) f(this.sheet.cell(r, c), r, c);
  }

  get Row() {
    return this.area.top;
  }
  get Column() {
    return this.area.left;
  }
  get Count() {
    return (this.area.bottom - this.area.top + 1) * (this.area.right - this.area.left + 1);
  }
  get Rows(): WpsRange & { Count: number } {
    const a = this.area;
    const range = new FakeRange(this.sheet, [a]);
    return Object.defineProperties(
      Object.assign(range, {
        Item: (i: number) => new FakeRange(this.sheet, [{ ...a, top: a.top + i - 1, bottom: a.top + i - 1 }]),
      }),
      { Count: { get: () => a.bottom - a.top + 1 } },
    ) as FakeRange & { Count: number };
  }
  get Columns(): WpsRange & { Count: number } {
    const a = this.area;
    const range = new FakeRange(this.sheet, [a]);
    return Object.defineProperties(
      Object.assign(range, {
        Item: (i: number) =>
          new FakeRange(this.sheet, [{ ...a, left: a.left + i - 1, right: a.left + i - 1 }]),
      }),
      { Count: { get: () => a.right - a.left + 1 } },
    ) as FakeRange & { Count: number };
  }
  Item(row: number, column = 1): WpsRange {
    this.sheet.app.touch('Range.Item');
    const r = this.area.top + row - 1;
    const c = this.area.left + column - 1;
    return new FakeRange(this.sheet, [{ top: r, left: c, bottom: r, right: c }]);
  }
  get Worksheet(): WpsWorksheet {
    return this.sheet;
  }

  get Value2(): unknown {
    this.sheet.app.touch('Range.Value2');
    const a = this.area;
    this.sheet.app.cellsRead += (a.bottom - a.top + 1) * (a.right - a.left + 1);
    if (a.top === a.bottom && a.left === a.right) return this.firstCell().value;
    const rows: unknown[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(this.sheet.cells.get(`${r},${c}`)?.value ?? null);
      rows.push(row);
    }
    return rows;
  }
  set Value2(value: unknown) {
    this.sheet.app.touch('Range.Value2=');
    const a = this.area;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const v = Array.isArray(value) ? (value[r - a.top] as unknown[] | undefined)?.[c - a.left] : value;
        const cell = this.sheet.cell(r, c);
        cell.value = v === '' ? null : (v ?? null);
        if (typeof v === 'string' && cell.format !== '@' && v !== '' && !Number.isNaN(Number(v)))
          cell.value = Number(v);
      }
  }

  get NumberFormat(): string | null {
    this.sheet.app.touch('Range.NumberFormat');
    const formats = new Set<string>();
    this.eachCell((c) => formats.add(c.format));
    return formats.size === 1 ? [...formats][0] : null;
  }
  set NumberFormat(v: string | null) {
    this.eachCell((c) => (c.format = v ?? 'General'));
  }

  private mergeOf(row: number, column: number): Area | undefined {
    return this.sheet.merges.find(
      (m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right,
    );
  }
  get MergeCells(): boolean | null {
    let some = false;
    let all = true;
    const a = this.area;
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        if (this.mergeOf(r, c)) some = true;
        else all = false;
      }
    return all ? true : some ? null : false;
  }
  get MergeArea(): WpsRange {
    return new FakeRange(this.sheet, [this.mergeOf(this.area.top, this.area.left) ?? this.area]);
  }
  Merge(): void {
    this.sheet.merges.push({ ...this.area });
  }
  get Hidden(): boolean | null {
    const a = this.area;
    let hidden = 0;
    for (let r = a.top; r <= a.bottom; r++) if (this.sheet.hiddenRows.has(r)) hidden++;
    return hidden === 0 ? false : hidden === a.bottom - a.top + 1 ? true : null;
  }
  get EntireRow(): WpsRange {
    return new FakeRange(this.sheet, [{ ...this.area, left: 1, right: MAX_COLUMNS }]);
  }
  get Interior(): WpsInterior {
    return new FakeInterior(this);
  }
  get Font(): WpsFont {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessor objects below need the range
    const range = this;
    return {
      get Bold() {
        return range.firstCell().bold;
      },
      set Bold(v) {
        range.eachCell((c) => (c.bold = Boolean(v)));
      },
      get Size() {
        return range.firstCell().fontSize;
      },
      set Size(v) {
        range.eachCell((c) => (c.fontSize = Number(v)));
      },
      get Color() {
        return range.firstCell().fontColor;
      },
      set Color(v) {
        range.eachCell((c) => (c.fontColor = v));
      },
    };
  }
  get Borders(): { LineStyle: number } {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the accessor objects below need the range
    const range = this;
    return {
      get LineStyle() {
        return range.firstCell().border;
      },
      set LineStyle(v) {
        range.eachCell((c) => (c.border = v));
      },
    };
  }
  get WrapText(): boolean | null {
    return this.firstCell().wrap;
  }
  set WrapText(v: boolean | null) {
    this.eachCell((c) => (c.wrap = Boolean(v)));
  }
  get HorizontalAlignment(): number | null {
    return this.firstCell().align;
  }
  set HorizontalAlignment(v: number | null) {
    this.eachCell((c) => (c.align = v ?? 1));
  }
  get ColumnWidth(): number | null {
    return this.sheet.columnWidths.get(this.area.left) ?? 8.38;
  }
  set ColumnWidth(v: number | null) {
    for (let c = this.area.left; c <= this.area.right; c++) this.sheet.columnWidths.set(c, v ?? 8.38);
  }
  get RowHeight(): number | null {
    return this.sheet.rowHeights.get(this.area.top) ?? 15;
  }
  set RowHeight(v: number | null) {
    for (let r = this.area.top; r <= this.area.bottom; r++) this.sheet.rowHeights.set(r, v ?? 15);
  }
  get Comment(): WpsComment | null {
    return this.firstCell().comment === null
      ? null
      : new FakeComment(this.sheet, this.area.top, this.area.left);
  }
  AddComment(text?: string): WpsComment {
    this.sheet.app.touch('Range.AddComment');
    const cell = this.firstCell();
    if (cell.comment !== null) throw new Error('单元格已有批注');
    cell.comment = text ?? '';
    return new FakeComment(this.sheet, this.area.top, this.area.left);
  }
  Address(): string {
    return this.areas
      .map((a) =>
        a.top === a.bottom && a.left === a.right
          ? `${letters(a.left)}${a.top}`
          : `${letters(a.left)}${a.top}:${letters(a.right)}${a.bottom}`,
      )
      .join(',');
  }
  Select(): void {
    this.sheet.app.selection = this;
  }
}

class FakeSheets implements WpsSheets {
  constructor(private readonly app: FakeWps) {}
  get Count() {
    return this.app.sheets.length;
  }
  Item(index: number | string): WpsWorksheet {
    const sheet =
      typeof index === 'number' ? this.app.sheets[index - 1] : this.app.sheets.find((s) => s.Name === index);
    if (!sheet) throw new Error(`下标越界：${index}`);
    return sheet;
  }
  Add(before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet {
    this.app.touch('Worksheets.Add');
    let n = this.app.sheets.length + 1;
    while (this.app.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
    const sheet = new FakeSheet(this.app, `Sheet${n}`);
    const anchor = (after ?? before) as FakeSheet | undefined;
    const at = anchor
      ? this.app.sheets.indexOf(anchor) + (after ? 1 : 0)
      : Math.max(0, this.app.sheets.indexOf(this.app.activeSheet as FakeSheet));
    this.app.sheets.splice(at, 0, sheet);
    this.app.activeSheet = sheet;
    return sheet;
  }
}

/** The fake Application with one open workbook. */
export class FakeWps implements WpsApplication {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selection: FakeRange | null = null;
  ScreenUpdating = true;
  Calculation = -4105;
  DisplayAlerts = true;
  /** Test helper: cells whose values were read through Value2 (the read's cost). */
  cellsRead = 0;
  /** Test helper: calls by member name, for "how many calls" checks. */
  readonly calls = new Map<string, number>();
  /** Test helper: the member whose next use throws (a fault in the middle of a bulk write). */
  failOn: string | null = null;
  private readonly storage = new Map<string, unknown>();
  private readonly workbook: WpsWorkbook;

  constructor(sheetNames: string[] = ['Sheet1']) {
    for (const name of sheetNames) this.sheets.push(new FakeSheet(this, name));
    this.activeSheet = this.sheets[0] ?? null;
    const worksheets = new FakeSheets(this);
    this.workbook = { Name: '测试.xlsx', Worksheets: worksheets };
  }

  touch(member: string): void {
    this.calls.set(member, (this.calls.get(member) ?? 0) + 1);
    if (this.failOn === member) {
      this.failOn = null;
      throw new Error(`模拟故障：${member}`);
    }
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.Name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  get ActiveWorkbook(): WpsWorkbook {
    return this.workbook;
  }
  get ActiveSheet(): WpsWorksheet | null {
    return this.activeSheet;
  }
  get Selection(): WpsRange | null {
    return this.selection;
  }
  CreateTaskPane(url: string): WpsTaskPane {
    return { ID: url, Visible: false };
  }
  GetTaskPane(): WpsTaskPane | null {
    return null;
  }
  get WorksheetFunction(): { CountA(range: WpsRange): number } {
    return {
      CountA: (range: WpsRange) => {
        this.touch('WorksheetFunction.CountA');
        const { sheet, areas } = range as FakeRange;
        let n = 0;
        for (const [k, cell] of sheet.cells) {
          if (cell.value === null || cell.value === '') continue;
          const [r, c] = k.split(',').map(Number);
          if (areas.some((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)) n++;
        }
        return n;
      },
    };
  }
  get PluginStorage(): WpsPluginStorage {
    return { getItem: (k) => this.storage.get(k) ?? null, setItem: (k, v) => void this.storage.set(k, v) };
  }
}
