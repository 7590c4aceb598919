/** The WPS adapter: the only code that touches the WPS object model. Entries create the host with createWpsHost. */
export { createWpsHost, selectRow } from './host';
export { WpsOperationError } from './errors';
export { readSheet } from './readSheet';
export { applyHighlights, clearHighlights } from './highlights';
export { writeReport } from './report';
export { loadSettings, saveSettings, SETTINGS_SHEET_NAME } from './settings';
export { MARKS_SHEET_NAME } from './snapshot';
export { hexToBgr, withBulkWrites } from './model';
export type * from './types';
