// A 20,000-school county with --out: the marked copy (shading, a note per flagged cell, five report sheets) is written
// part by part, compressed as each is made, so the built command's peak memory stays bounded (a child process, as a
// user would run it). Skipped when the machine has too little free memory to measure anything meaningful.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readZip } from '../../src/hosts/xlsx/package/zip';
import { QUALITY_HEADER, tmpDir } from './fixtures';
import { builtCli } from '../support/paths';

const MAIN = builtCli;
const SCHOOLS = 20_000;
/**
 * A guard against regressions. This county is the bench's stress case (every count has a decimal: 72,107 不是整数
 * warnings, each a note); the goal (400 MB) is measured on the bench's county with whole counts, ≈ 290 MB now.
 * History: 1.2 GB when every part was one string, 700-1000 MB before the sink wrote in chunks, 530 MB with the report
 * sheet read in place, 483 MB with the verdicts' parts not kept while the copy is written; now every big part is
 * compressed as it is written (never held whole) and the CLI collects garbage before the heap doubles (cli/memory.ts):
 * 360-455 MB measured here, so 600 MB (≈ 1.3× the worst).
 */
const BOUND_MB = 600;
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(900_000);

const enoughMemory = os.freemem() >= 2 * 1024 ** 3;
if (!enoughMemory)
  console.warn(`bigOutMemory: skipped, ${(os.freemem() / 1024 ** 3).toFixed(1)} GB free (needs 2 GB)`);

/** A county whose values scatter around the standards, so that many cells are marked and noted. */
async function county(file: string): Promise<void> {
  let seed = 13;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('学校基本情况');
  ws.addRow(QUALITY_HEADER).commit();
  const perStudent = [4.2 / 100, 1 / 100, 0.9 / 100, 4.5, 7.5, 2000, 2.3 / 100];
  for (let i = 0; i < SCHOOLS; i++) {
    const students = 40 + Math.floor(rnd() * 2360);
    const row: (string | number)[] = [`第${i + 1}小学`, '小学', students];
    for (const standard of perStudent)
      row.push(Math.round(students * standard * (0.7 + rnd() * 0.8) * 10) / 10);
    ws.addRow(row).commit();
  }
  await wb.commit();
}

function run(args: string[]): Promise<{ code: number; mb: number }> {
  const script = `
    const { run } = require(${JSON.stringify(MAIN)});
    run(${JSON.stringify(args)}, { stdout: () => {}, stderr: () => {} })
      .then((code) => process.stdout.write(JSON.stringify({ code, kb: process.resourceUsage().maxRSS })));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) return reject(error);
      const { code, kb } = JSON.parse(stdout) as { code: number; kb: number };
      resolve({ code, mb: kb / 1024 });
    });
  });
}

(enoughMemory ? test : test.skip)(
  `check --out of ${SCHOOLS} schools peaks under ${BOUND_MB} MB`,
  async () => {
    expect(fs.existsSync(MAIN)).toBe(true); // npm run build:cli first
    const file = path.join(dir, 'county.xlsx');
    await county(file);
    const out = path.join(dir, 'marked.xlsx');
    const r = await run(['check', file, '--out', out]);
    process.stdout.write(`check --out of ${SCHOOLS} schools: peak RSS ${r.mb.toFixed(0)} MB\n`);
    expect(r.code).not.toBe(2);
    // The copy is there and complete: the sheet, its notes and the report sheets.
    const names = readZip(fs.readFileSync(out)).map((e) => e.name);
    expect(names.filter((n) => /comments\d*\.xml$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length).toBeGreaterThan(2);
    expect(r.mb).toBeLessThan(BOUND_MB);
  },
);
