// A province's folder of counties: the built command holds one workbook at a time, so peak memory does not grow with
// the number of files (measured in a child process, as a user would run it).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';
import { builtCli } from '../support/paths';

const MAIN = builtCli;
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(300_000);

/** Checks `count` copies of a small county with --out-dir in a fresh node; its exit code and peak RSS in MB. */
function peakRss(folder: string, out: string): Promise<{ code: number; mb: number }> {
  const script = `
    const { run } = require(${JSON.stringify(MAIN)});
    run(['check', ${JSON.stringify(folder)}, '--out-dir', ${JSON.stringify(out)}, '--json'], { stdout: () => {}, stderr: () => {} })
      .then((code) => process.stdout.write(JSON.stringify({ code, kb: process.resourceUsage().maxRSS })));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error) return reject(error);
      const { code, kb } = JSON.parse(stdout) as { code: number; kb: number };
      resolve({ code, mb: kb / 1024 });
    });
  });
}

async function folderOf(count: number, county: Buffer): Promise<string> {
  const folder = path.join(dir, `counties-${count}`);
  fs.mkdirSync(folder);
  for (let i = 0; i < count; i++)
    fs.writeFileSync(path.join(folder, `县${String(i).padStart(4, '0')}.xlsx`), county);
  return folder;
}

test('peak RSS at 500 small counties is under 1.5× that at 50, and under 400 MB', async () => {
  expect(fs.existsSync(MAIN)).toBe(true); // npm run build:cli first
  const sample = await writeWorkbook(dir, 'county.xlsx', (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    for (let i = 0; i < 30; i++) {
      ws.addRow([`第${i}小学`, '小学', 500 + i, 25, 6, 5, 2500, 4000, 1100000, 12]);
      ws.addRow([`第${i}中学`, '初中', 600 + i, 33, 7, 6, 3600, 6300, 1560000, 15]);
    }
  });
  const county = fs.readFileSync(sample);
  const few = await peakRss(await folderOf(50, county), path.join(dir, 'out-50'));
  const many = await peakRss(await folderOf(500, county), path.join(dir, 'out-500'));
  // Reported in the test output so the figures can be quoted.
  process.stdout.write(`peak RSS: 50 files ${few.mb.toFixed(0)} MB, 500 files ${many.mb.toFixed(0)} MB\n`);
  expect(few.code).toBe(0);
  expect(many.code).toBe(0);
  expect(fs.readdirSync(path.join(dir, 'out-500'))).toHaveLength(500);
  expect(many.mb).toBeLessThan(400);
  expect(many.mb).toBeLessThan(1.5 * few.mb);
});
