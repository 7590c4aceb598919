/** The Office.js adapter: the only code that touches `Excel.*`. The pane and the functions call these. */
export { ExcelOperationError, excelOperation } from './errors';
export { readSheet, type ReadSheetOptions, type ReadSource } from './readSheet';
export { applyHighlights, clearHighlights, type HighlightOptions } from './highlights';
export { MARKS_SHEET_NAME } from './snapshot';
export { writeReport, type WriteReportOptions } from './report';
export { selectRow } from './navigation';
export { supportsExcelApi, type SetSupport } from './requirements';
export { createOfficeHost } from './host';
