/**
 * Reads .xlsx bytes into the engine's CellGrid, and says clearly in Chinese why a workbook is unusable.
 * Bytes in, no file system: the CLI reads files, a browser page reads a picked file.
 */
import { type CellGrid, detectHeader } from '../../engine';
import { readWorkbookInfo, type SheetInfo, type WorkbookInfo, XlsxPackage } from './package/parts';
import { readZip, ZipError } from './package/zip';
import { readSheet, type OutsideCell, type SheetRead } from './read/sheet';
import { readSharedStrings } from './read/strings';
import { type CellFormats, readCellFormats } from './read/styles';
import { messages } from './strings.zh-CN';

export type { CellGrid };

/** Why a workbook cannot be used at all. */
export type InputProblem =
  | 'missingFile'
  | 'notXlsx'
  | 'legacyXls'
  | 'encrypted'
  | 'corrupt'
  | 'emptyWorkbook'
  | 'sheetNotFound'
  | 'noTable';

/** `detail`: the library's own words, for --verbose only. */
export type Unusable = { ok: false; problem: InputProblem; message: string; detail?: string };
export type Opened = { ok: true; workbook: Workbook } | Unusable;
export type ChosenSheet =
  | {
      ok: true;
      worksheet: SheetInfo;
      grid: CellGrid;
      /** Cells with values away from the table's block (a signature line far below, say): not part of the table. */
      outside: OutsideCell[];
    }
  | Unusable;

export type { OutsideCell, SheetInfo };

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

/** Classifies the bytes before unzipping them, so that a legacy or encrypted file is named as such. */
export function sniff(bytes: Uint8Array): 'zip' | 'encrypted' | 'legacyXls' | 'other' {
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'zip';
  if (startsWith(bytes, CFB_SIGNATURE)) return contains(bytes, ENCRYPTED_PACKAGE) ? 'encrypted' : 'legacyXls';
  return 'other';
}

/**
 * An opened workbook: its package (kept compressed: parts are inflated when read, and a marked copy reuses the
 * untouched ones as they are), its sheets, and what reading cells needs.
 */
export class Workbook {
  private sharedStrings: string[] | null = null;
  private cellFormats: CellFormats | null = null;
  private readonly grids = new Map<string, SheetRead>();

  constructor(
    readonly pkg: XlsxPackage,
    readonly info: WorkbookInfo,
  ) {}

  /** Worksheets in workbook order (chart sheets have no cells and are left out). */
  get worksheets(): SheetInfo[] {
    return this.info.sheets.filter((s) => s.path !== undefined);
  }

  get formats(): CellFormats {
    this.cellFormats ??= readCellFormats(
      this.info.stylesPath ? this.pkg.text(this.info.stylesPath) : undefined,
    );
    return this.cellFormats;
  }

  /** The named sheet's grid, or undefined when there is no such worksheet. */
  gridOf(name: string): CellGrid | undefined {
    const sheet = this.worksheets.find((s) => s.name === name);
    return sheet && this.read(sheet).grid;
  }

  /** The sheet's cells, read once. */
  read(sheet: SheetInfo): SheetRead {
    const path = sheet.path ?? '';
    let read = this.grids.get(path);
    if (read) return read;
    const xml = this.pkg.text(path) ?? '';
    read = readSheet(xml, {
      name: sheet.name,
      formats: this.formats,
      date1904: this.info.date1904,
      sharedStrings: () => {
        const p = this.info.sharedStringsPath;
        this.sharedStrings ??= readSharedStrings(p ? this.pkg.text(p) : undefined);
        if (p) this.pkg.forget(p);
        return this.sharedStrings;
      },
    });
    // The text of a big sheet is not kept: the writer reads it again only for the sheet it marks.
    this.pkg.forget(path);
    this.grids.set(path, read);
    return read;
  }
}

/** Opens a workbook from its bytes; `file` names it in messages. */
export async function loadWorkbook(bytes: Uint8Array, file: string): Promise<Opened> {
  return Promise.resolve(openWorkbookBytes(bytes, file));
}

/** The synchronous core of loadWorkbook. */
export function openWorkbookBytes(bytes: Uint8Array, file: string): Opened {
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
  try {
    const pkg = new XlsxPackage(readZip(bytes));
    const info = readWorkbookInfo(pkg);
    if ('problem' in info) {
      return info.problem === 'noWorkbook'
        ? unusable('notXlsx', messages.zipNotWorkbook(file, info.detail as 'word' | 'ppt' | ''))
        : {
            ...unusable('corrupt', messages.corrupt(file, messages.partMissing(info.detail))),
            detail: info.detail,
          };
    }
    const workbook = new Workbook(pkg, info);
    const missing = workbook.worksheets.find((s) => !pkg.has(s.path ?? ''));
    if (missing)
      return {
        ...unusable('corrupt', messages.corrupt(file, messages.partMissing(missing.path ?? ''))),
        detail: missing.path,
      };
    const hasValues = workbook.worksheets.some((s) =>
      /<(?:[\w.-]+:)?(?:v|is)>/.test(pkg.text(s.path ?? '') ?? ''),
    );
    if (!hasValues) return unusable('emptyWorkbook', messages.emptyWorkbook(file));
    // Inflated now so that a damaged part is reported here, with its cause, rather than while reading cells.
    void workbook.formats;
    if (info.sharedStringsPath) pkg.text(info.sharedStringsPath);
    return { ok: true, workbook };
  } catch (e) {
    // The cause in Chinese; the library's own words only as `detail`, shown under --verbose.
    const detail = e instanceof Error ? e.message : String(e);
    if (e instanceof ZipError && e.reason === 'noDirectory')
      return { ...unusable('corrupt', messages.corrupt(file, messages.zipNoDirectory)), detail };
    // Any failure while decoding damaged bytes (a length pointing past the end, say) is damage too, never a crash.
    const cause =
      e instanceof ZipError && e.reason !== 'truncated' ? messages.zipData : messages.zipTruncated;
    return { ...unusable('corrupt', messages.corrupt(file, cause)), detail };
  }
}

/** Picks the sheet to evaluate: the one named (`--sheet`), else the first whose header the engine recognises. */
export function chooseSheet(
  file: string,
  workbook: Workbook,
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
    return { ok: true, worksheet: ws, ...workbook.read(ws) };
  }
  for (const ws of sheets) {
    const read = workbook.read(ws);
    if (read.grid.values.length === 0) continue;
    if (recognise(read.grid)) return { ok: true, worksheet: ws, ...read };
  }
  return unusable(
    'noTable',
    messages.noTable(
      file,
      sheets.map((s) => s.name),
    ),
  );
}

export function unusable(problem: InputProblem, message: string): Unusable {
  return { ok: false, problem, message };
}
