/** What the task pane asks of Excel, as one interface: host.ts implements it with Office.js, tests with fakes. */
import type { HighlightPlan } from '../engine/plans/highlightPlan';
import type { ReportPlan } from '../engine/plans/assessmentReport';
import type { ApplyResult, ClearResult } from './officejs/highlights';
import type { SheetRead } from './officejs/readSheet';

/**
 * Where to read: the active sheet's table ('auto'), the user's selection, or a fixed range of a named sheet (the table
 * found earlier, re-read on every check so that edits made since are seen).
 */
export type ReadRequest =
  | { source: 'auto'; sheet?: string }
  | { source: 'selection' }
  | { source: 'range'; sheet: string; address: string };

export interface Operations {
  readSheet(request: ReadRequest): Promise<SheetRead>;
  /** Clears the previous marks and paints the plan (see src/excel/highlights.ts). */
  applyHighlights(plan: HighlightPlan): Promise<ApplyResult>;
  clearHighlights(): Promise<ClearResult>;
  /** Writes (or replaces) the 均衡评估报告 sheet, and the 整改测算 sheet when given both (the first is shown). */
  writeReport(plans: ReportPlan | readonly ReportPlan[]): Promise<void>;
  /** Activates the sheet and selects the 1-based row. */
  selectRow(sheet: string, row: number): Promise<void>;
  /** The pane's stored settings of this workbook (unvalidated), or null. */
  loadSettings(): Promise<unknown>;
  saveSettings(value: unknown): Promise<void>;
}

export type { ApplyResult, ClearResult, SheetRead };
