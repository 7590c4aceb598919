// The CLI's marked copy compresses each big part in 1 MB pieces, each its own deflate stream ended by a sync flush
// (zipCodec.ts). A county big enough that the notes, their drawing and the report sheet span several pieces: the copy
// reads back whole, Python's zipfile (zlib) inflates every part with its CRC, and LibreOffice opens it and saves the
// report sheet with every school row (skipped, with a message, when soffice is absent; CI installs it).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { openWorkbookBytes } from '../../src/hosts/xlsx/workbook';
import { readZip } from '../../src/hosts/xlsx/package/zip';
import { addTable, cli, QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';
import { mulberry32 } from '../support/random';

const SCHOOLS = 1500;
const dir = tmpDir('balance-streamed-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(240_000);

const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
  encoding: 'utf8',
}).stdout.trim();
const python = spawnSync('python3', ['--version']).status === 0;

let input = '';
let copy = '';
beforeAll(async () => {
  const rnd = mulberry32(1500);
  const per = [4.2 / 100, 1 / 100, 0.9 / 100, 4.5, 7.5, 2000, 2.3 / 100];
  const rows: (string | number)[][] = [QUALITY_HEADER];
  for (let i = 0; i < SCHOOLS; i++) {
    const students = 40 + Math.floor(rnd() * 2360);
    const row: (string | number)[] = [`第${i + 1}小学`, '小学', students];
    per.forEach((standard, k) => {
      const v = students * standard * (0.7 + rnd() * 0.8);
      row.push([0, 1, 2, 6].includes(k) ? Math.round(v) : Math.round(v * 10) / 10);
    });
    rows.push(row);
  }
  input = await writeWorkbook(dir, 'county.xlsx', (wb) => addTable(wb, '学校基本情况', rows));
  copy = path.join(dir, 'marked.xlsx');
  const r = await cli('check', input, '--out', copy);
  expect(r.code).not.toBe(2);
});

test('the big parts span several 1 MB pieces and read back whole: the sheet, its notes, the report', () => {
  const entries = readZip(fs.readFileSync(copy));
  const size = (re: RegExp) => entries.find((e) => re.test(e.name))?.size ?? 0;
  expect(size(/comments\d*\.xml$/)).toBeGreaterThan(1 << 20);
  expect(size(/vmlDrawing\d*\.vml$/)).toBeGreaterThan(2 << 20);
  const opened = openWorkbookBytes(fs.readFileSync(copy), 'marked.xlsx');
  const original = openWorkbookBytes(fs.readFileSync(input), 'county.xlsx');
  if (!opened.ok || !original.ok) throw new Error('unreadable');
  expect(opened.workbook.gridOf('学校基本情况')).toEqual(original.workbook.gridOf('学校基本情况'));
  const report = opened.workbook.gridOf('均衡评估报告')!;
  const names = report.values.flat().filter((v) => typeof v === 'string' && /^第\d+小学$/.test(v));
  expect(new Set(names).size).toBe(SCHOOLS);
});

(python ? test : test.skip)(
  'zlib inflates every part of the copy with its CRC (Python zipfile.testzip)',
  () => {
    const bad = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())', copy],
      {
        encoding: 'utf8',
      },
    ).trim();
    expect(bad).toBe('None');
  },
);

(soffice ? test : test.skip)(
  'LibreOffice opens the copy and saves the report sheet with every school',
  () => {
    const out = path.join(dir, 'lo');
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        copy,
      ],
      { timeout: 200_000, stdio: 'pipe' },
    );
    const saved = openWorkbookBytes(fs.readFileSync(path.join(out, 'marked.xlsx')), 'lo.xlsx');
    if (!saved.ok) throw new Error('LibreOffice wrote nothing readable');
    const report = saved.workbook.gridOf('均衡评估报告')!;
    const names = report.values.flat().filter((v) => typeof v === 'string' && /^第\d+小学$/.test(v));
    expect(new Set(names).size).toBe(SCHOOLS);
  },
);

if (!soffice)
  test('LibreOffice is not installed: its opening check above is skipped (CI installs libreoffice-calc)', () => {
    expect(soffice).toBe('');
  });
