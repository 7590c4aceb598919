// The host contract run against the .xlsx file host: workbooks made with exceljs, opened from their bytes, and
// every look taken at the saved copy read back with exceljs (what the user gets when they download it).
import ExcelJS from 'exceljs';
import { openXlsxFileHost } from '../../../src/hosts/xlsx/host';
import { readWorkbookInfo, XlsxPackage } from '../../../src/hosts/xlsx/package/parts';
import { readZip } from '../../../src/hosts/xlsx/package/zip';
import { hostContract, SHEET, schoolRows, type Harness, type Seed } from './contract';

async function bytesOf(seed: Seed): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(seed.sheet);
  for (const name of seed.otherSheets ?? []) wb.addWorksheet(name).getCell('A1').value = '说明文字';
  seed.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }),
  );
  for (const [a, f] of Object.entries(seed.formats ?? {})) ws.getCell(a).numFmt = f;
  for (const [a, f] of Object.entries(seed.fills ?? {}))
    ws.getCell(a).fill = {
      type: 'pattern',
      pattern: f.pattern === 'solid' ? 'solid' : 'mediumGray',
      fgColor: { argb: `FF${f.color.slice(1)}` },
    };
  for (const [a, n] of Object.entries(seed.notes ?? {})) ws.getCell(a).note = n;
  for (const r of seed.hiddenRows ?? []) ws.getRow(r).hidden = true;
  for (const m of seed.merges ?? []) ws.mergeCells(m);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const noteText = (cell: ExcelJS.Cell): string | null =>
  cell.note === undefined
    ? null
    : typeof cell.note === 'string'
      ? cell.note
      : (cell.note.texts ?? []).map((t) => t.text).join('');

function fillText(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== 'pattern' || fill.pattern === 'none' || !fill.pattern) return null;
  const colour = `#${(fill.fgColor?.argb ?? 'FF000000').slice(-6).toUpperCase()}`;
  return fill.pattern === 'solid' ? colour : `${fill.pattern}:${colour}`;
}

async function openFile(seed: Seed): Promise<Harness> {
  const opened = openXlsxFileHost(await bytesOf(seed), '学校数据.xlsx');
  if (!opened.ok) throw new Error(opened.message);
  const host = opened.host;
  // The saved copy is read back once per state of the host (its bytes change only when the host is called).
  let cached: { bytes: Uint8Array; book: ExcelJS.Workbook } | null = null;
  const book = async () => {
    const bytes = host.save();
    if (cached && cached.bytes.length === bytes.length && cached.bytes.every((b, i) => b === bytes[i]))
      return cached.book;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    cached = { bytes, book: wb };
    return wb;
  };
  const sheet = async (name: string) => {
    const ws = (await book()).getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  return {
    host,
    look: async (name, address) => {
      const cell = (await sheet(name)).getCell(address);
      return { fill: fillText(cell), note: noteText(cell) };
    },
    state: async (name) => {
      const out: Record<string, unknown> = {};
      (await sheet(name)).eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          out[cell.address] = {
            value: cell.value,
            fill: fillText(cell),
            note: noteText(cell),
            numFmt: cell.numFmt,
          };
        }),
      );
      return out;
    },
    sheetNames: async () => (await book()).worksheets.filter((w) => w.state === 'visible').map((w) => w.name),
    activeSheet: async () => host.shownSheet,
    value: async (name, address) => (await sheet(name)).getCell(address).value,
    // exceljs does not read colBreaks back: the saved sheet's XML is read instead.
    columnBreaks: async (name) => {
      const pkg = new XlsxPackage(readZip(host.save()));
      const info = readWorkbookInfo(pkg);
      if ('problem' in info) throw new Error(info.problem);
      const path = info.sheets.find((s) => s.name === name)?.path;
      const xml = path ? (pkg.text(path) ?? '') : '';
      const block = /<colBreaks\b[^>]*>(.*?)<\/colBreaks>/s.exec(xml)?.[1] ?? '';
      return [...block.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]));
    },
    selectedRow: () => (host.selectedRow ? [host.selectedRow.sheet, host.selectedRow.row] : null),
  };
}

// Every look here saves the copy and reads it back with exceljs (≈ 0.3 s a run on a quiet machine): 30 runs keep the
// property inside the suite's time budget; the Office.js and WPS hosts run it 100 times on the same generators.
hostContract({ name: '.xlsx file host', open: openFile, userEdits: false, runs: 30 });

describe('.xlsx file host: what only a file host does', () => {
  test('clearing gives back the very bytes that were opened; an unusable file is a Chinese message', async () => {
    const bytes = await bytesOf({ sheet: SHEET, rows: schoolRows(3), notes: { A2: '用户的批注' } });
    const opened = openXlsxFileHost(bytes, '学校数据.xlsx');
    if (!opened.ok) throw new Error(opened.message);
    await opened.host.applyHighlights({
      sheet: SHEET,
      marks: [{ row: 2, column: 0, address: 'A2', kind: 'school', fill: '#FF9999', note: '不达标' }],
    });
    expect(opened.host.save()).not.toEqual(bytes);
    await opened.host.clearHighlights();
    expect(opened.host.save()).toEqual(bytes);

    const bad = openXlsxFileHost(new TextEncoder().encode('不是工作簿'), '随便.xlsx');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('“随便.xlsx”不是 Excel 工作簿');
  });
});
