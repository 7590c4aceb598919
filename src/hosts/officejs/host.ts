/** The Office host: the pane's Operations implemented with Excel.run and the src/excel adapter (components never see Excel). */
import { applyHighlights, clearHighlights } from './highlights';
import { selectRow } from './navigation';
import { readSheet } from './readSheet';
import { writeReport } from './report';
import { loadSettings, saveSettings } from './settings';
import type { Operations, ReadRequest } from '../port';
import { SETTINGS_NAME } from '../../taskpane/settings';

function readOptions(request: ReadRequest): Parameters<typeof readSheet>[1] {
  switch (request.source) {
    case 'auto':
      return request.sheet ? { sheet: request.sheet, source: 'auto' } : { source: 'auto' };
    case 'selection':
      return { source: 'selection' };
    case 'range':
      return { sheet: request.sheet, source: { address: request.address } };
  }
}

/** Operations on the workbook Excel has open; each call is one Excel.run batch. */
export function createExcelOperations(): Operations {
  return {
    readSheet: (request) => Excel.run((context) => readSheet(context, readOptions(request))),
    applyHighlights: (plan) => Excel.run((context) => applyHighlights(context, plan)),
    clearHighlights: () => Excel.run((context) => clearHighlights(context)),
    writeReport: (plans) => Excel.run((context) => writeReport(context, plans)),
    selectRow: (sheet, row) => Excel.run((context) => selectRow(context, sheet, row)),
    loadSettings: () => loadSettings(SETTINGS_NAME),
    saveSettings: (value) => saveSettings(SETTINGS_NAME, value),
  };
}
