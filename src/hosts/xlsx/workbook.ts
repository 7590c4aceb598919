/**
 * Reads .xlsx bytes with exceljs into the engine's CellGrid, and says clearly in Chinese why a workbook is unusable.
 * Bytes in, no file system: the CLI reads files, a browser page reads a picked file.
 */
import ExcelJS from 'exceljs';
import { type CellGrid, detectHeader } from '../../engine';
import { explainLoadFailure, missingPart } from './failures';
import { messages } from './strings.zh-CN';

export type { CellGrid };

/** Why a workbook cannot be used at all. */
export type InputProblem =
  | 'missingFile'
  | 'notXlsx'
  | 'legacyXls'
  | 'encrypted'
  | 'corrupt'
  | 'partMissing'
  | 'emptyWorkbook'
  | 'sheetNotFound'
  | 'noTable';

/** `detail`: the library's own words, for --verbose only. */
export type Unusable = { ok: false; problem: InputProblem; message: string; detail?: string };
export type Opened = { ok: true; workbook: ExcelJS.Workbook } | Unusable;
export type ChosenSheet = { ok: true; worksheet: ExcelJS.Worksheet; grid: CellGrid } | Unusable;

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound file: legacy .xls, and also every password-protected .xlsx (an encrypted package inside CFB). */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name MS-OFFCRYPTO puts in an encrypted file's CFB directory (directory names are UTF-16LE). */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((ch) => [ch.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    if (needle.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
}

/** Classifies the bytes before handing them to exceljs, whose own errors ("End of data reached") help nobody. */
export function sniff(bytes: Uint8Array): 'zip' | 'encrypted' | 'legacyXls' | 'other' {
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, CFB_SIGNATURE)) return contains(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'legacyXls';
  return 'other';
}

/** Opens a workbook from its bytes; `file` names it in messages. */
export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<Opened> {
  switch (sniff(bytes)) {
    case 'encrypted':
      return unusable('encrypted', messages.encrypted(file));
    case 'legacyXls':
      return unusable('legacyXls', messages.legacyXls(file));
    case 'other':
      return unusable('notXlsx', bytes.length === 0 ? messages.emptyFile(file) : messages.notXlsx(file));
    case 'zip':
      break;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types Buffer as its own ArrayBuffer-like interface.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    const failure = explainLoadFailure(e, bytes, file);
    return { ...unusable(failure.problem, failure.message), detail: failure.detail };
  }
  // A package without workbook.xml loads as no sheets: that is a damaged file, not an empty workbook.
  const missing = missingPart(bytes, file);
  if (missing) return { ...unusable(missing.problem, missing.message), detail: missing.detail };
  if (workbook.worksheets.every((ws) => ws.actualRowCount === 0)) {
    return unusable('emptyWorkbook', messages.emptyWorkbook(file));
  }
  return { ok: true, workbook };
}

/** Picks the sheet to evaluate: the one named (`--sheet`), else the first whose header the engine recognises. */
export function chooseSheet(
  file: string,
  workbook: ExcelJS.Workbook,
  name?: string,
  recognise: (grid: CellGrid) => boolean = (grid) => detectHeader(grid).found,
): ChosenSheet {
  const sheets = workbook.worksheets;
  if (name !== undefined) {
    const ws = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim() === name.trim());
    if (!ws)
      return unusable(
        'sheetNotFound',
        messages.sheetNotFound(
          file,
          name,
          sheets.map((s) => s.name),
        ),
      );
    return { ok: true, worksheet: ws, grid: sheetToGrid(ws) };
  }
  for (const ws of sheets) {
    if (ws.actualRowCount === 0) continue;
    const grid = sheetToGrid(ws);
    if (recognise(grid)) return { ok: true, worksheet: ws, grid };
  }
  return unusable(
    'noTable',
    messages.noTable(
      file,
      sheets.map((s) => s.name),
    ),
  );
}

/**
 * The sheet's used cells as a CellGrid: values like Excel's `range.values` (formula results, plain text of rich
 * text, error codes such as '#N/A' as strings, dates as Date, only the top-left cell of a merged area filled),
 * plus hidden rows, merged areas and number formats.
 */
export function sheetToGrid(ws: ExcelJS.Worksheet): CellGrid {
  let top = Infinity;
  let bottom = 0;
  let left = Infinity;
  let right = 0;
  const hiddenRows: number[] = [];
  const mergeAreas = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) hiddenRows.push(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged) {
        const master = cell.master;
        const area = mergeAreas.get(master.address) ?? {
          top: Number(master.row),
          left: Number(master.col) - 1,
          bottom: Number(master.row),
          right: Number(master.col) - 1,
        };
        area.bottom = Math.max(area.bottom, r);
        area.right = Math.max(area.right, c - 1);
        mergeAreas.set(master.address, area);
      }
      if (cell.type === ExcelJS.ValueType.Merge || cellValue(cell.value) === null) return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom === 0)
    return { sheet: ws.name, values: [], firstRow: 1, firstColumn: 0, hiddenRows, merges: [] };

  const values: unknown[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r);
    const rowValues: unknown[] = [];
    const rowFormats: string[] = [];
    for (let c = left; c <= right; c++) {
      const cell = row.getCell(c);
      rowValues.push(cell.type === ExcelJS.ValueType.Merge ? null : cellValue(cell.value));
      rowFormats.push(cell.numFmt || 'General');
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return {
    sheet: ws.name,
    values,
    firstRow: top,
    firstColumn: left - 1,
    hiddenRows,
    merges: [...mergeAreas.values()],
    numberFormats,
  };
}

/** One exceljs cell value as Excel's `range.values` would show it. */
export function cellValue(v: ExcelJS.CellValue | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('error' in v) return v.error;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  // A formula without a cached result (never calculated) reads as blank, as it would before Excel recalculates.
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result as ExcelJS.CellValue | undefined);
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cellValue(v.text as ExcelJS.CellValue);
  return null;
}

export function unusable(problem: InputProblem, message: string): Unusable {
  return { ok: false, problem, message };
}
