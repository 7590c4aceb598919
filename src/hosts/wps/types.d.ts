/**
 * The part of the WPS spreadsheet (ET) JS API this add-in uses, written from WPS's documentation — nothing more, so
 * the fake in test/hosts/wps implements exactly this. The model is synchronous and mirrors Excel VBA: 1-based
 * indexes, colours as BGR longs (red + green·256 + blue·65536), parameterised properties as methods.
 *
 * Sources (cited per member below):
 * [ET]   WPS 开放平台 · WPS 加载项 · 表格 API 参考 (open.wps.cn/previous/docs/client/wpsoffice/...), which follows
 *        [VBA] Microsoft's Excel VBA object model reference (learn.microsoft.com/office/vba/api/excel.*).
 * [CF]   WPS 加载项自定义函数 — 365.kdocs.cn/3rd/open/documents/app-integration-dev/client/wpsoffice/
 *        wps-integration-mode/wps-addin-development/wps-addin-custome-function.html (WPS 12.1.0.20540+).
 * [TPL]  The ET add-in template of wpsjs 2.2.3 (npm, packages/@wps-jsapi/et: main.js, js/ribbon.js, ribbon.xml).
 */

/** [ET] Application — excel.application(object); [TPL] window.Application. */
export interface WpsApplication {
  /** [ET]/[VBA] Application.ActiveWorkbook; null when no workbook is open. */
  readonly ActiveWorkbook: WpsWorkbook | null;
  /** [ET]/[VBA] Application.ActiveSheet. */
  readonly ActiveSheet: WpsWorksheet | null;
  /** [ET]/[VBA] Application.Selection — a Range when cells are selected (a Shape or chart otherwise). */
  readonly Selection: WpsRange | null;
  /** [ET]/[VBA] Application.ScreenUpdating. */
  ScreenUpdating: boolean;
  /** [ET]/[VBA] Application.Calculation — XlCalculation (xlCalculationManual = -4135, automatic = -4105). */
  Calculation: number;
  /** [ET]/[VBA] Application.DisplayAlerts — false suppresses the "delete sheet?" confirmation. */
  DisplayAlerts: boolean;
  /** [ET] Application.CreateTaskPane(url) — [TPL] js/ribbon.js "btnShowTaskPane". */
  CreateTaskPane(url: string): WpsTaskPane;
  /** [ET] Application.GetTaskPane(id) — [TPL] js/ribbon.js. */
  GetTaskPane(id: number | string): WpsTaskPane | null;
  /** [ET]/[VBA] Application.WorksheetFunction — CountA(range) counts the non-empty cells natively. */
  readonly WorksheetFunction: { CountA(range: WpsRange): number };
  /** [ET] Application.PluginStorage — shared by all pages of one add-in; [TPL] js/ribbon.js. */
  readonly PluginStorage: WpsPluginStorage;
}

/** [ET] TaskPane object — [TPL] js/ribbon.js (tskpane.ID, tskpane.Visible). */
export interface WpsTaskPane {
  readonly ID: number | string;
  Visible: boolean;
}

/** [ET] PluginStorage — [TPL] js/ribbon.js getItem / setItem. */
export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

/** [ET]/[VBA] Workbook. */
export interface WpsWorkbook {
  readonly Name: string;
  readonly Worksheets: WpsSheets;
}

/** [ET]/[VBA] Sheets / Worksheets collection. */
export interface WpsSheets {
  readonly Count: number;
  /** [VBA] Worksheets.Item(index) — 1-based index or the sheet's name; throws when there is none. */
  Item(index: number | string): WpsWorksheet;
  /** [VBA] Worksheets.Add(Before, After, Count, Type) — returns the new sheet, which becomes active. */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet): WpsWorksheet;
}

/** [ET]/[VBA] XlSheetVisibility: xlSheetVisible -1, xlSheetHidden 0, xlSheetVeryHidden 2. */
export type WpsSheetVisibility = -1 | 0 | 2;

/** [ET]/[VBA] Worksheet. */
export interface WpsWorksheet {
  Name: string;
  /** [VBA] Worksheet.Visible — XlSheetVisibility. */
  Visible: WpsSheetVisibility;
  /** [VBA] Worksheet.UsedRange. */
  readonly UsedRange: WpsRange;
  /** [VBA] Worksheet.Range(Cell1) — an A1 address, several areas joined by commas (at most 255 characters). */
  Range(address: string): WpsRange;
  /** [VBA] Worksheet.Cells — all cells; Cells.Item(row, column), 1-based. */
  readonly Cells: WpsRange;
  /** [VBA] Worksheet.ListObjects — the sheet's tables. */
  readonly ListObjects: WpsListObjects;
  /** [VBA] Worksheet.PageSetup. */
  readonly PageSetup: WpsPageSetup;
  /**
   * [VBA] Worksheet.VPageBreaks — the manual vertical page breaks; optional here because the host's JSA object model
   * is not documented to carry it in every version (written when present, the automatic breaks otherwise).
   */
  readonly VPageBreaks?: WpsVPageBreaks;
  /** [VBA] Worksheet.Names — the names scoped to this sheet (they move, rename and are deleted with it). */
  readonly Names: WpsNames;
  /** [VBA] Worksheet.Activate(). */
  Activate(): void;
  /** [VBA] Worksheet.Delete() — asks for confirmation unless Application.DisplayAlerts is false. */
  Delete(): void;
}

/** [ET]/[VBA] Names. */
export interface WpsNames {
  readonly Count: number;
  /** [VBA] Names.Item(Index) — 1-based. */
  Item(index: number): WpsName;
  /** [VBA] Names.Add(Name, RefersTo, Visible) — RefersTo a formula such as '="text"'. */
  Add(Name: string, RefersTo: string, Visible?: boolean): WpsName;
}

/** [ET]/[VBA] Name. */
export interface WpsName {
  /** A sheet-scoped name reads as "Sheet!Name". */
  readonly Name: string;
  /** The formula, e.g. '="text"'. */
  readonly RefersTo: string;
  Visible: boolean;
  Delete(): void;
}

/** [ET]/[VBA] ListObjects. */
export interface WpsListObjects {
  readonly Count: number;
  Item(index: number): { readonly Name: string };
}

/** [ET]/[VBA] Range: a block of cells. */
export interface WpsRange {
  /** [VBA] Range.Row / Range.Column — 1-based position of the first cell. */
  readonly Row: number;
  readonly Column: number;
  /** [VBA] Range.Rows / Range.Columns — Count, and Item(i) (1-based) a row or column of the range. */
  readonly Rows: WpsRange & { readonly Count: number };
  readonly Columns: WpsRange & { readonly Count: number };
  /** [VBA] Range.Cells — Item(row, column), 1-based within the range. */
  Item(row: number, column?: number): WpsRange;
  readonly Count: number;
  /** [VBA] Range.Worksheet. */
  readonly Worksheet: WpsWorksheet;
  /**
   * [VBA] Range.Value2 — no Date or Currency conversion (dates come as serial numbers). A single cell gives its
   * value; a block gives a 2-D array (rows of columns). Writing a 2-D array of the range's shape fills the block.
   */
  Value2: unknown;
  /** [VBA] Range.NumberFormat — null for a block whose cells differ. */
  NumberFormat: string | null;
  /** [VBA] Range.MergeCells — true / false, null when some cells are merged and some not. */
  readonly MergeCells: boolean | null;
  /** [VBA] Range.MergeArea — the merged area containing the first cell. */
  readonly MergeArea: WpsRange;
  /** [VBA] Range.Merge(Across). */
  Merge(Across?: boolean): void;
  /** [VBA] Range.Hidden — for whole rows (Rows.Item(i)); null when some rows are hidden and some not. */
  readonly Hidden: boolean | null;
  /** [VBA] Range.EntireRow. */
  readonly EntireRow: WpsRange;
  /** [VBA] Range.Interior. */
  readonly Interior: WpsInterior;
  /** [VBA] Range.Font. */
  readonly Font: WpsFont;
  /** [VBA] Range.Borders — LineStyle on the collection sets every edge. */
  readonly Borders: { LineStyle: number };
  /** [VBA] Range.WrapText. */
  WrapText: boolean | null;
  /** [VBA] Range.HorizontalAlignment — xlLeft -4131, xlCenter -4108, xlRight -4152. */
  HorizontalAlignment: number | null;
  /** [VBA] Range.ColumnWidth — in characters of the default font (the ReportPlan's unit). */
  ColumnWidth: number | null;
  /** [VBA] Range.RowHeight — in points. */
  RowHeight: number | null;
  /** [VBA] Range.Comment — the cell's comment (批注) or null. */
  readonly Comment: WpsComment | null;
  /** [VBA] Range.AddComment(Text) — fails when the cell already has a comment. */
  AddComment(Text?: string): WpsComment;
  /** [VBA] Range.Address(RowAbsolute, ColumnAbsolute) — e.g. "A1:N42" with (false, false). */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  /** [VBA] Range.Select(). */
  Select(): void;
}

/** [ET]/[VBA] Interior. xlColorIndexNone / xlNone = -4142 means "no fill". */
export interface WpsInterior {
  /** BGR long. */
  Color: number;
  ColorIndex: number;
  /** XlPattern: xlPatternSolid 1, xlNone -4142. */
  Pattern: number;
  /** BGR long. */
  PatternColor: number;
  TintAndShade: number;
}

/** [ET]/[VBA] Font. */
export interface WpsFont {
  Bold: boolean | null;
  Size: number | null;
  /** BGR long. */
  Color: number;
}

/** [ET]/[VBA] Comment (批注). */
export interface WpsComment {
  /** [VBA] Comment.Text(Text, Start, Overwrite) — returns the text; with Text, replaces it. */
  Text(Text?: string): string;
  /** [VBA] Comment.Delete(). */
  Delete(): void;
}

/** [VBA] VPageBreaks. */
export interface WpsVPageBreaks {
  /** [VBA] VPageBreaks.Add(Before) — a manual page break to the left of the range's first column. */
  Add(Before: WpsRange): unknown;
}

/** [ET]/[VBA] PageSetup. */
export interface WpsPageSetup {
  /** XlPaperSize: xlPaperA4 = 9. */
  PaperSize: number;
  /** XlPageOrientation: xlPortrait 1, xlLandscape 2. */
  Orientation: number;
  CenterHorizontally: boolean;
  /** [VBA] PageSetup.Zoom — a scale of 10–400 %; false to let FitToPagesWide / FitToPagesTall decide. */
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  /** [VBA] PageSetup.PrintTitleRows — rows repeated at the top of each page, as an A1 reference ("$5:$6"); "" for none. */
  PrintTitleRows: string;
  /** [VBA] PageSetup.PrintTitleColumns — columns repeated at the left of each page ("$A:$A"); "" for none. */
  PrintTitleColumns: string;
  /**
   * [VBA] PageSetup.LeftHeader, CenterHeader, RightHeader, LeftFooter, CenterFooter, RightFooter — texts with the
   * header and footer codes (&P the page number, &N the number of pages, && a literal &).
   */
  LeftHeader: string;
  CenterHeader: string;
  RightHeader: string;
  LeftFooter: string;
  CenterFooter: string;
  RightFooter: string;
}

/** [CF]/[TPL] the `wps` global of an add-in page. */
export interface WpsGlobal {
  /** [CF] wps.AddCustomFunction(namespace, name, fn) — fn is called synchronously; used as 命名空间.函数名(…). */
  AddCustomFunction?(namespace: string, name: string, fn: (...args: unknown[]) => unknown): void;
  /** [TPL] wps.CreateTaskPane(url) — the older spelling of Application.CreateTaskPane. */
  CreateTaskPane?(url: string): WpsTaskPane;
}

/** [TPL] The control handed to ribbon callbacks (control.Id is the element's id in ribbon.xml). */
export interface WpsRibbonControl {
  readonly Id: string;
}
