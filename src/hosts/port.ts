/**
 * The host seam: what a spreadsheet host (Excel through Office.js, an .xlsx file, WPS Office) does for the task pane.
 * The pane is given one SpreadsheetHost at start-up and never touches a host's own API.
 */
import type { CellGrid, CellValue, HighlightPlan, ReportOutcome, ReportPlan } from '../engine';

export type { ReportOutcome };

/**
 * Where to read: the active sheet's table ('auto'), the user's selection, or a fixed range of a named sheet (the table
 * found earlier, re-read on every check so that edits made since are seen).
 */
export type ReadRequest =
  | { source: 'auto'; sheet?: string }
  | { source: 'selection' }
  | { source: 'range'; sheet: string; address: string };

/** A sheet (or range) as read by a host: the engine's grid contract plus where it came from. */
export interface SheetRead extends CellGrid {
  /** The range read, as the host reports it (e.g. "学校数据!A1:N42"). */
  address: string;
  /** Names of the tables (list objects) on the sheet when the whole sheet was read, so the pane can offer a choice. */
  tables: string[];
  /**
   * Cells with values far from the table (more than a hundred empty rows or fifty empty columns away, such as a
   * "制表人" line at B1048576): not read into the grid, named so the user knows they were not taken as data.
   */
  outside?: OutsideCell[];
}

/** A cell with a value outside the table's block: 1-based row, 0-based column. */
export interface OutsideCell {
  row: number;
  column: number;
  value: CellValue;
}

export interface ApplyResult {
  /** Cells shaded. */
  painted: number;
  /**
   * 'written' — every explanation is a cell note; 'unsupported' — the host cannot write notes, so the explanations
   * are only in the report sheet: the caller should point the user there.
   */
  notes: 'written' | 'unsupported';
  /** Cells that carry a threaded comment: a cell holds a note or a comment, so these got no note. */
  notesSkipped: string[];
  /** Cells of the previous marks that the new plan no longer marks, restored before painting. */
  restored: number;
}

export interface ClearResult {
  /** Cells whose previous fill (and note) were put back. */
  restored: number;
  /** Snapshot rows edited by hand that could not be read; those cells keep their marks. */
  damagedRows: number[];
  /**
   * Cells (where they are now) that the user recoloured or whose note the user rewrote since the check: left as the
   * user made them. Absent when the host leaves such cells alone without listing them.
   */
  keptUserEdits?: string[];
}

/** One worksheet of the workbook, in workbook order (the pane scans the visible ones for the school table). */
export interface SheetEntry {
  name: string;
  /** false for a hidden (or very hidden) sheet: the pane neither scans nor offers it. */
  visible: boolean;
  /** The sheet the user is looking at now. */
  active: boolean;
}

/** What a host can do; the pane hides or explains what is missing instead of failing. */
export interface HostCapabilities {
  /** Cell notes for the marks' explanations (else the explanations live in the report only). */
  notes: boolean;
  /** Jumping to a school's row in the workbook. */
  selectRow: boolean;
  /** Reading the user's current selection as the table. */
  selection: boolean;
  /** Settings kept inside the workbook (else per browser or not at all). */
  settingsInWorkbook: boolean;
}

/** Which host this is: for messages and capability-specific wording, never for branching on host APIs. */
export type HostKind = 'officejs' | 'xlsx' | 'wps';

export interface SpreadsheetHost {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;
  readSheet(request: ReadRequest): Promise<SheetRead>;
  /** Every worksheet in workbook order, with its visibility and which one is active. */
  listSheets(): Promise<SheetEntry[]>;
  /** Clears the previous marks and paints the plan, remembering each cell's own fill and note. */
  applyHighlights(plan: HighlightPlan): Promise<ApplyResult>;
  /** Takes Balance's marks off again, restoring each cell's own fill and note. */
  clearHighlights(): Promise<ClearResult>;
  /**
   * Writes the report sheets, in order; the first is shown. Only Balance's own untouched report of the same name is
   * replaced: a user's sheet of that name, or a report the user edited, is kept and the new one written beside it
   * (`均衡评估报告 (2)`); the outcome says which.
   */
  writeReport(plans: ReportPlan | readonly ReportPlan[]): Promise<ReportOutcome>;
  /** Activates the sheet and selects the 1-based row. */
  selectRow(sheet: string, row: number): Promise<void>;
  /** The pane's stored settings of this workbook (unvalidated), or null. */
  loadSettings(): Promise<unknown>;
  saveSettings(value: unknown): Promise<void>;
}

// ─── Host problems ───────────────────────────────────────────────────────────

/** What the add-in was doing when a host call failed. */
export type HostOperation =
  | 'readSheet'
  | 'listSheets'
  | 'highlight'
  | 'clearHighlights'
  | 'writeReport'
  | 'selectRow'
  | 'loadSettings'
  | 'saveSettings';

/** The Office.js error codes users actually meet, each with a plain-language explanation. */
export type OfficeErrorCode =
  | 'AccessDenied'
  | 'ActivityLimitReached'
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InsertDeleteConflict'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'NotImplemented'
  | 'RequestPayloadSizeLimitExceeded'
  | 'UnsupportedOperation';

/**
 * Why a host call failed: an Office.js code, a fault the host code itself finds (no workbook, a missing sheet, a
 * sheet of ours taken by the user…), or 'other' with the host's own text in `detail`.
 */
export type HostProblemCode =
  | OfficeErrorCode
  | 'noWorkbook'
  | 'noWpsWorkbook'
  | 'noActiveSheet'
  | 'sheetNotFound'
  | 'notARange'
  | 'noSelectionInFile'
  | 'badAddress'
  | 'saveFailed'
  | 'sheetNameTaken'
  | 'other';

/** A host failure as data, so that the pane words it in its own language. */
export interface HostProblem {
  /** Absent for a fault found outside any operation (the .xlsx file host names only the fault). */
  operation?: HostOperation;
  code: HostProblemCode;
  /** The sheet concerned (sheetNotFound, sheetNameTaken). */
  sheet?: string;
  /** The range address (badAddress). */
  address?: string;
  /** sheetNameTaken: whose sheet of that name it is meant to be. */
  purpose?: 'marks' | 'wpsMarks' | 'settings';
  /** The host's own text of an 'other' failure ('' when it gave none). */
  detail?: string;
  /** The host's error code as it gave it (Office.js), shown after the explanation. */
  hostCode?: string;
}

/** One language's wording of host problems: a code or operation without a text does not compile. */
export interface HostTexts {
  operations: Readonly<Record<HostOperation, string>>;
  codes: { readonly [C in HostProblemCode]: (p: HostProblem) => string };
  /** "读取工作表失败：…（ItemNotFound）" */
  failed(operation: string, why: string, hostCode: string | undefined): string;
}

/** The full text of a host problem in a language: the operation that failed, why, and the host's code. */
export function hostProblemText(problem: HostProblem, texts: HostTexts): string {
  const why = texts.codes[problem.code](problem);
  return problem.operation ? texts.failed(texts.operations[problem.operation], why, problem.hostCode) : why;
}

/** The zh-CN wording of host problems (the errors' own messages). */
export const HOST_TEXTS_ZH: HostTexts = {
  operations: {
    readSheet: '读取工作表',
    listSheets: '列出工作表',
    highlight: '标注',
    clearHighlights: '清除标注',
    writeReport: '写入评估报告',
    selectRow: '定位学校',
    loadSettings: '读取加载项设置',
    saveSettings: '保存加载项设置',
  },
  codes: {
    AccessDenied: () => '没有修改权限，工作表或工作簿可能受保护',
    ActivityLimitReached: () => 'Excel 正忙，请稍后重试',
    ApiNotFound: () => '当前 Excel 版本不支持此功能，请升级 Office',
    GeneralException: () => 'Excel 内部错误',
    InsertDeleteConflict: () => '插入或删除操作与现有内容冲突',
    InvalidArgument: () => '参数无效',
    InvalidOperation: () => '当前状态下不能执行此操作',
    InvalidOperationInCellEditMode: () => '单元格正处于编辑状态，请先按 Enter 或 Esc 退出编辑',
    ItemAlreadyExists: () => '对象已存在',
    ItemNotFound: () => '找不到指定的工作表、表格或单元格',
    NotImplemented: () => '当前 Excel 版本未实现此功能',
    RequestPayloadSizeLimitExceeded: () => '一次读写的数据量过大',
    UnsupportedOperation: () => '不支持此操作',
    noWorkbook: () => '当前环境没有打开的工作簿',
    noWpsWorkbook: () => 'WPS 中没有打开的工作簿',
    noActiveSheet: () => '没有活动工作表',
    sheetNotFound: (p) => `找不到工作表「${p.sheet ?? ''}」`,
    notARange: () => '当前选中的不是单元格区域',
    noSelectionInFile: () => '文件中没有“选中区域”，请选择工作表或区域',
    badAddress: (p) => `无效的区域地址：${p.address ?? ''}`,
    saveFailed: () => '保存失败',
    sheetNameTaken: (p) =>
      p.purpose === 'settings'
        ? `工作簿中已有名为「${p.sheet ?? ''}」的工作表，但不是本插件的设置，请将其改名`
        : `工作簿中已有名为「${p.sheet ?? ''}」的工作表，但不是本插件${p.purpose === 'wpsMarks' ? '（WPS）' : ''}的标注记录，请将其改名后重试`,
    other: (p) => p.detail || '未知错误',
  },
  failed: (operation, why, hostCode) => `${operation}失败：${why}${hostCode ? `（${hostCode}）` : ''}`,
};

/**
 * A host call failed, as data (`problem`) with its zh-CN text as the message; `cause` keeps the original error. The
 * pane words `problem` in its own language. Host code throws one without an operation for a fault it finds itself;
 * the host's operation wrapper then adds the operation.
 */
export class HostProblemError extends Error {
  override name = 'HostProblemError';

  constructor(
    readonly problem: HostProblem,
    readonly cause?: unknown,
  ) {
    super(hostProblemText(problem, HOST_TEXTS_ZH));
  }
}
