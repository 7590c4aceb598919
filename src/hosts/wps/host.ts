/** The WPS host: the seam implemented over the synchronous WPS spreadsheet object model (components never see it). */
import type { SheetEntry, SpreadsheetHost } from '../port';
import { wpsOperation } from './errors';
import { applyHighlights, clearHighlights } from './highlights';
import { readSheet } from './readSheet';
import { writeReport } from './report';
import { loadSettings, saveSettings } from './settings';
import { activeWorkbook, requireSheet, XL_SHEET_HIDDEN, XL_SHEET_VERY_HIDDEN } from './model';
import type { WpsApplication } from './types';

/** Activates `sheet` and selects its 1-based worksheet `row`. */
export function selectRow(app: WpsApplication, sheet: string, row: number): Promise<void> {
  if (!Number.isInteger(row) || row < 1) return Promise.reject(new RangeError(`行号必须是正整数：${row}`));
  return wpsOperation('selectRow', () => {
    const worksheet = requireSheet(activeWorkbook(app), sheet);
    worksheet.Activate();
    worksheet.Range(`${row}:${row}`).Select();
  });
}

/** Every worksheet in order, with its visibility and which one is active. */
export function listSheets(app: WpsApplication): Promise<SheetEntry[]> {
  return wpsOperation('listSheets', () => {
    const sheets = activeWorkbook(app).Worksheets;
    const active = app.ActiveSheet?.Name;
    const list: SheetEntry[] = [];
    for (let i = 1; i <= sheets.Count; i++) {
      const sheet = sheets.Item(i);
      const hidden = sheet.Visible === XL_SHEET_HIDDEN || sheet.Visible === XL_SHEET_VERY_HIDDEN;
      list.push({ name: sheet.Name, visible: !hidden, active: sheet.Name === active });
    }
    return list;
  });
}

/** The workbook WPS has open, through `app` (window.Application in an add-in page). */
export function createWpsHost(app: WpsApplication): SpreadsheetHost {
  return {
    kind: 'wps',
    capabilities: { notes: true, selectRow: true, selection: true, settingsInWorkbook: true },
    readSheet: (request) => readSheet(app, request),
    listSheets: () => listSheets(app),
    applyHighlights: (plan) => applyHighlights(app, plan),
    clearHighlights: () => clearHighlights(app),
    writeReport: (plans) => writeReport(app, plans),
    selectRow: (sheet, row) => selectRow(app, sheet, row),
    loadSettings: () => loadSettings(app),
    saveSettings: (value) => saveSettings(app, value),
  };
}
