/** Turns the sample data into workbooks with exceljs, header texts from the engine's field catalogue, byte for byte reproducibly. */
import ExcelJS from 'exceljs';
import { fieldByKey, matchHeader } from '../../src/engine';
import { basicSheet, qualitySheet, type Column, type Heading, type SampleSheet } from './data';
import { TEMPLATE_COLUMNS, TEMPLATE_NOTES } from './template';

/** Fixed metadata so that re-running the script yields identical files. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const AUTHOR = '均衡评估助手 Balance';

/** A field's header as the sheet shows it, e.g. 教学仪器设备值（万元）; the engine must read it back as that field. */
export function headerText(heading: Heading): string {
  if ('text' in heading) return heading.text;
  const def = fieldByKey(heading.field);
  if (!def) throw new Error(`make-samples: no field ${heading.field} in the engine's catalogue`);
  const unit = heading.unit ?? def.unit;
  const text = `${heading.as ?? def.label}${unit ? `（${unit}）` : ''}`;
  const read = matchHeader(text)?.field ?? null;
  if (read !== heading.field)
    throw new Error(`make-samples: the engine reads “${text}” as ${read}, not ${heading.field}`);
  return text;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** A title row, a header row, the data rows and an optional 合计 row of SUM formulas (with cached results). */
function writeTable<K extends string>(
  ws: ExcelJS.Worksheet,
  { title, columns, rows, totals }: SampleSheet<K>,
): void {
  ws.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { horizontal: 'center' };
  titleRow.height = 24;
  ws.mergeCells(1, 1, 1, columns.length);

  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = headerText(c.heading);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.height = 48;

  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const v = r[c.key];
      cell.value = v === undefined ? null : v;
      cell.border = THIN;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  });

  if (totals) {
    const first = 3;
    const last = 2 + rows.length;
    const row = ws.getRow(last + 1);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.border = THIN;
      cell.font = { bold: true };
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.key === totals.label) cell.value = '合计';
      else if (totals.sum.includes(c.key)) {
        const letter = ws.getColumn(j + 1).letter;
        // Cached results make the file read like one saved by Excel; sums of 万元 values are kept to 2 decimals.
        const result = Math.round(rows.reduce((s, r) => s + (Number(r[c.key]) || 0), 0) * 100) / 100;
        cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result };
      }
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export async function buildQualitySample(): Promise<Buffer> {
  const wb = newWorkbook();
  writeTable(wb.addWorksheet('学校基本情况'), qualitySheet());
  return finish(wb);
}

export async function buildBasicSample(): Promise<Buffer> {
  const wb = newWorkbook();
  writeTable(wb.addWorksheet('学校基本情况'), basicSheet());
  return finish(wb);
}

export async function buildTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('学校数据');
  const columns: Column<string>[] = TEMPLATE_COLUMNS.map((c, i) => ({
    key: String(i),
    heading: c.heading,
    width: c.width,
  }));
  writeTable(ws, { title: 'XX县义务教育学校基本情况统计表（XXXX年）', columns, rows: [] });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 30 }, { width: 16 }, { width: 60 }, { width: 10 }];
  help.getCell('A1').value = '学校数据模板 填写说明';
  help.getCell('A1').font = { bold: true, size: 14 };
  let r = 3;
  for (const note of TEMPLATE_NOTES) {
    help.mergeCells(r, 1, r, 4);
    const cell = help.getCell(r, 1);
    cell.value = note;
    cell.alignment = { wrapText: true, vertical: 'top' };
    help.getRow(r).height = note.length > 60 ? 64 : 20;
    r++;
  }
  r++;
  const head = help.getRow(r);
  ['列名', '是否必填', '填写内容', '单位'].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const c of TEMPLATE_COLUMNS) {
    r++;
    const row = help.getRow(r);
    [headerText(c.heading), c.required, c.what, c.unit].forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return finish(wb);
}

async function finish(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(raw, FIXED_DATE);
}

/**
 * exceljs (through JSZip) stamps every zip entry with the current time, so two runs differ byte for byte.
 * Rewrites the DOS date/time of every local and central directory header to `date` (UTC fields).
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('fixZipTimestamps: not a zip archive');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('fixZipTimestamps: bad central directory');
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('fixZipTimestamps: bad local header');
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}
