/** The WPS host: the seam implemented over the synchronous WPS spreadsheet object model (components never see it). */
import type { SpreadsheetHost } from '../port';
import { wpsOperation } from './errors';
import { applyHighlights, clearHighlights } from './highlights';
import { readSheet } from './readSheet';
import { writeReport } from './report';
import { loadSettings, saveSettings } from './settings';
import { activeWorkbook, requireSheet } from './model';
import type { WpsApplication } from './types';

/** Activates `sheet` and selects its 1-based worksheet `row`. */
export function selectRow(app: WpsApplication, sheet: string, row: number): Promise<void> {
  if (!Number.isInteger(row) || row < 1) return Promise.reject(new RangeError(`行号必须是正整数：${row}`));
  return wpsOperation('定位学校', () => {
    const worksheet = requireSheet(activeWorkbook(app), sheet);
    worksheet.Activate();
    worksheet.Range(`${row}:${row}`).Select();
  });
}

/** The workbook WPS has open, through `app` (window.Application in an add-in page). */
export function createWpsHost(app: WpsApplication): SpreadsheetHost {
  return {
    kind: 'wps',
    capabilities: { notes: true, selectRow: true, selection: true, settingsInWorkbook: true },
    readSheet: (request) => readSheet(app, request),
    applyHighlights: (plan) => applyHighlights(app, plan),
    clearHighlights: () => clearHighlights(app),
    writeReport: (plans) => writeReport(app, plans),
    selectRow: (sheet, row) => selectRow(app, sheet, row),
    loadSettings: () => loadSettings(app),
    saveSettings: (value) => saveSettings(app, value),
  };
}
