// Reads bounded by the data: the sample with "制表人：张三" in B1048576, and a million one-cell rows, are checked by the
// built command in a child process, quickly and in little memory; the stray cell is named, not read as data.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { tmpDir } from './fixtures';
import { workbookPackage } from '../hosts/xlsx/packages';
import { builtCli } from '../support/paths';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = builtCli;
const SAMPLE = path.join(ROOT, 'assets', 'samples', '示例县-优质均衡.xlsx');
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(180_000);

interface Measured {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
  mb: number;
}

/** `balance check <file> …` in a fresh node: exit code, output, wall time and peak RSS. */
function check(file: string, ...args: string[]): Promise<Measured> {
  const script = `
    let stdout = '', stderr = '';
    const started = process.hrtime.bigint();
    require(${JSON.stringify(MAIN)})
      .run(['check', ${JSON.stringify(file)}, ...${JSON.stringify(args)}], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) })
      .then((code) => process.stdout.write(JSON.stringify({
        code, stdout, stderr,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        mb: process.resourceUsage().maxRSS / 1024,
      })));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { maxBuffer: 64 << 20 }, (error, stdout) => {
      if (error) return reject(error);
      resolve(JSON.parse(stdout) as Measured);
    });
  });
}

/** The sample workbook with one more cell, "制表人：张三", in B1048576 of its school sheet (an 11 KB file). */
function farCellFile(): string {
  const parts = unzipSync(fs.readFileSync(SAMPLE));
  const sheet = Object.keys(parts).find((p) => /^xl\/worksheets\/sheet1\.xml$/.test(p)) as string;
  const line = '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>制表人：张三</t></is></c></row>';
  parts[sheet] = strToU8(strFromU8(parts[sheet]).replace('</sheetData>', `${line}</sheetData>`));
  const file = path.join(dir, '远处单元格.xlsx');
  fs.writeFileSync(file, zipSync(parts));
  return file;
}

/** 1,048,576 rows of one number each, written as the package's XML directly. */
function millionRowsFile(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const file = path.join(dir, '百万行.xlsx');
  fs.writeFileSync(file, workbookPackage({ sheetData: rows.join('') }));
  return file;
}

test('the sample with 制表人：张三 in B1048576: checked in < 20 s and < 500 MB, the stray cell named', async () => {
  expect(fs.existsSync(MAIN)).toBe(true); // npm run build:cli first
  const file = farCellFile();
  expect(fs.statSync(file).size).toBeLessThan(64_000);
  const plain = await check(SAMPLE);
  const r = await check(file, '--out', path.join(dir, '远处单元格-结果.xlsx'));
  process.stdout.write(`far cell: ${r.seconds.toFixed(2)} s, peak RSS ${r.mb.toFixed(0)} MB\n`);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('以下单元格不属于学校表，未作为数据读取：B1048576 “制表人：张三”');
  // The same result as without the stray cell.
  expect(r.stdout.replace(/^以下单元格不属于学校表.*\n/m, '').replace(/^已另存.*\n/m, '')).toBe(
    plain.stdout.replace(SAMPLE, file),
  );
  expect(r.seconds).toBeLessThan(20);
  expect(r.mb).toBeLessThan(500);

  const json = await check(file, '--json');
  expect(JSON.parse(json.stdout).outside).toEqual([{ cell: 'B1048576', value: '制表人：张三' }]);
});

test('a million one-cell rows: an answer (no table) in < 30 s and < 800 MB, never a crash', async () => {
  const file = millionRowsFile();
  const r = await check(file);
  process.stdout.write(`million rows: ${r.seconds.toFixed(2)} s, peak RSS ${r.mb.toFixed(0)} MB\n`);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/[\u4e00-\u9fff]/);
  expect(r.stderr).not.toContain('内部错误');
  // 6.5 s alone, 14.5 s on a machine shared with other test runs: the bound is generous on purpose.
  expect(r.seconds).toBeLessThan(30);
  expect(r.mb).toBeLessThan(800);
});
