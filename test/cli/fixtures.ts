/** Builds the workbooks the CLI tests need (good and bad) in a temporary folder, and hashes files to prove they stay unchanged. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';

export function tmpDir(prefix = 'balance-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Writes a workbook built by `build` to dir/name and returns its path. */
export async function writeWorkbook(
  dir: string,
  name: string,
  build: (wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A sheet from a header row and data rows, starting at `origin` (e.g. 'A1'). */
export function addTable(
  wb: ExcelJS.Workbook,
  sheet: string,
  rows: ExcelJS.CellValue[][],
  origin = { row: 1, col: 1 },
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== undefined && v !== null) ws.getCell(origin.row + i, origin.col + j).value = v;
    }),
  );
  return ws;
}

/**
 * A minimal OLE2 compound file whose directory names the MS-OFFCRYPTO streams, as a password-protected .xlsx
 * has them; `encrypted: false` names a 'Workbook' stream instead, as a legacy .xls does.
 */
export function compoundFile(encrypted: boolean): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3 (512-byte sectors)
  header.writeUInt16LE(0xfffe, 28); // little-endian byte order mark
  header.writeUInt16LE(9, 30); // sector shift
  const names = encrypted ? ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'] : ['Root Entry', 'Workbook'];
  const directory = Buffer.alloc(512);
  names.forEach((n, i) => {
    const name = Buffer.from(n, 'utf16le');
    name.copy(directory, i * 128);
    directory.writeUInt16LE(name.length + 2, i * 128 + 64);
    directory[i * 128 + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x5a)]);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command in-process, as `balance <args>` would, capturing its output. */
export async function cli(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** A cell's solid fill as exceljs ARGB ('FFFFE699'), or undefined. */
export const fillOf = (cell: ExcelJS.Cell): string | undefined =>
  (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;

/** A cell's note as plain text ('' when none). */
export const noteOf = (cell: ExcelJS.Cell): string =>
  typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');

/** The header of the small quality sheets the CLI tests build: columns A…J, the seven resources' raw counts. */
export const QUALITY_HEADER = [
  '学校名称',
  '学校类型',
  '在校生数（人）',
  '高于规定学历教师数',
  '县级以上骨干教师数',
  '体育、艺术专任教师数',
  '教学及辅助用房面积（㎡）',
  '体育运动场（馆）面积（㎡）',
  '教学仪器设备值（元）',
  '网络多媒体教室数',
];

/**
 * English words a library might leak into a message: any but the product names, options (--sheet) and paths
 * (assets/templates/….xlsx) our own messages name.
 */
export const englishIn = (s: string): string[] =>
  (s.replace(/--[a-z-]+|[^\s“”（），、]+\.xlsx/g, '').match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => !/^(Excel|WPS|xlsx)$/i.test(w),
  );
