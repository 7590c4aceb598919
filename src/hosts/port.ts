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
