/** The Office.js host: the seam implemented with Excel.run batches over this folder's adapter (components never see Excel). */
import type { ReadRequest, SpreadsheetHost } from '../port';
import { applyHighlights, clearHighlights } from './highlights';
import { selectRow } from './navigation';
import { readSheet, type ReadSheetOptions } from './readSheet';
import { writeReport } from './report';
import { supportsExcelApi } from './requirements';
import { loadSettings, saveSettings } from './settings';
import { listSheets } from './sheets';

/** The name the pane's settings are stored under in the workbook. */
export const SETTINGS_NAME = 'balance.taskpane';

function readOptions(request: ReadRequest): ReadSheetOptions {
  switch (request.source) {
    case 'auto':
      return request.sheet ? { sheet: request.sheet, source: 'auto' } : { source: 'auto' };
    case 'selection':
      return { source: 'selection' };
    case 'range':
      return { sheet: request.sheet, source: { address: request.address } };
  }
}

/** The workbook Excel has open; each call is one Excel.run batch. */
export function createOfficeHost(): SpreadsheetHost {
  return {
    kind: 'officejs',
    capabilities: {
      get notes() {
        return supportsExcelApi('1.18');
      },
      selectRow: true,
      selection: true,
      settingsInWorkbook: true,
    },
    readSheet: (request) => Excel.run((context) => readSheet(context, readOptions(request))),
    listSheets: () => Excel.run((context) => listSheets(context)),
    applyHighlights: (plan) => Excel.run((context) => applyHighlights(context, plan)),
    clearHighlights: () => Excel.run((context) => clearHighlights(context)),
    writeReport: (plans) => Excel.run((context) => writeReport(context, plans)),
    selectRow: (sheet, row) => Excel.run((context) => selectRow(context, sheet, row)),
    loadSettings: () => loadSettings(SETTINGS_NAME),
    saveSettings: (value) => saveSettings(SETTINGS_NAME, value),
  };
}
