// User-visible strings of the web page around the pane in English; keys match strings.zh-CN.ts (the type says so).
import { ISSUE_TEXTS_EN, renderIssue } from '../engine';
import type { Unusable } from './unusable';
import type { WebStrings } from './strings.zh-CN';

const num = (n: number) => n.toLocaleString('en');

export const webEn: WebStrings = {
  pageTitle: 'Balance (web)',
  privacy:
    'This page makes no network request and never uploads the workbook: everything runs in this browser.',
  intro:
    'No Excel or add-in needed: choose the schools workbook (.xlsx) to check the coefficients of variation and the school standards, see the diagnosis and the remediation plan, and download the marked copy and the declaration forms.',
  choose: 'Choose workbook',
  chooseFolder: 'Choose folder',
  dropHint: 'or drop workbooks (one or more) or a folder onto this page',
  dropHere: 'Release to open',
  reading: (name) => `Reading “${name}”…`,
  notXlsx: (names) => `Only .xlsx workbooks can be opened; ignored: ${names}`,
  noXlsx: 'No .xlsx workbook found. Choose an Excel workbook (.xlsx); save old .xls files as .xlsx first.',
  cannotOpen: (name, why) => `Cannot open “${name}”: ${why}`,
  downloadMarked: 'Download marked copy',
  downloadForms: 'Download declaration forms',
  downloadNeedsCheck: 'Run “Check and mark” first, then download the marked copy and the forms.',
  downloaded: (name) => `“${name}” was created; see the browser’s downloads.`,
  otherFile: 'Another workbook',
  backToList: 'Back to the county list',
  previewTitle: (sheet) => `Sheet “${sheet}” (read-only preview)`,
  previewHint: 'Coloured cells are Balance’s marks; point at or click a cell to read its note.',
  previewRows: (rows, marks) => `${num(rows)} rows, ${num(marks)} marked cells`,
  previewEmpty: 'The sheet is empty.',
  noteOf: (address) => `Note of ${address}`,
  noNoteSelected: 'Point at or click a coloured cell to read its note here.',
  settingsLocal:
    'This workbook’s column mapping and standard are kept in this browser (by file name and size).',

  batchTitle: (n) => `Counties (${num(n)} workbooks)`,
  batchChecking: (done, total) => `Checking ${num(done)} / ${num(total)}…`,
  batchHint: 'Click a column title to sort; “Open” shows a county in the pane.',
  colFile: 'Workbook',
  colSheet: 'Sheet',
  colProfile: 'Standard',
  colSchools: 'Schools',
  colIssues: 'Data problems',
  colVerdict: 'County verdict',
  open: 'Open',
  verdictText: { pass: 'Pass', fail: 'Fail', undecided: 'Undecided', unusable: 'Unusable' },
  downloadAll: 'Download all marked copies and the summary (zip)',
  zipName: 'balance-results.zip',
  summarySheet: '县域汇总',
  summaryTitle: '县域均衡评估汇总',
  summaryNote: (date) => `由均衡评估助手（网页版）生成于 ${date}。各县的标注副本在同一压缩包中。`,
  summaryMarkedCopy: '标注副本',
  summaryReason: '说明',
  sortedBy: (column, ascending) => `Sorted by ${column}, ${ascending ? 'ascending' : 'descending'}`,
  profileName: (id, name) =>
    id === 'quality-2017' ? 'High-quality balance' : id === 'basic-2012' ? 'Basic balance' : name,
  unusableReason: unusableEn,
};

/** Why a workbook cannot be evaluated, in English: from the problem's code, the engine's issues rendered in English. */
function unusableEn(r: Unusable): string {
  const file = `“${r.file}”`;
  const saveAs = 'Open it in Excel or WPS and save it as “Excel Workbook (*.xlsx)”, then try again.';
  switch (r.problem) {
    case 'missingFile':
      return `${file} was not found.`;
    case 'notXlsx':
      return `${file} is not an Excel workbook (.xlsx). ${saveAs}`;
    case 'legacyXls':
      return `${file} is an old Excel 97-2003 workbook (.xls); only .xlsx can be read. ${saveAs}`;
    case 'encrypted':
      return `${file} is protected by an opening password (encrypted) and cannot be read. Remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password), save, and try again.`;
    case 'corrupt':
      return `${file} is damaged or incomplete and cannot be opened as an Excel workbook. Check it in Excel and export it again if needed.`;
    case 'emptyWorkbook':
      return `${file} holds no data (the workbook is empty).`;
    case 'sheetNotFound':
      return `${file} has no sheet of that name. Sheets: ${(r.sheets ?? []).map((s) => `“${s}”`).join(', ')}.`;
    case 'noTable':
      return `No school table was found in ${file} (sheets ${(r.sheets ?? []).map((s) => `“${s}”`).join(', ')}): it needs a header row with at least the school name and the number of students.`;
    case 'unusableTable':
      return `${file} cannot be evaluated: ${(r.issues ?? []).map((i) => renderIssue(i, ISSUE_TEXTS_EN)).join('; ')}`;
  }
}
