// `balance check big.xlsx | head`: when the reader of stdout goes away the built command stops quietly, without an
// EPIPE stack trace (it used to die with “Error: write EPIPE … Unhandled 'error' event”).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addTable, QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';
import { builtCli } from '../support/paths';

const MAIN = builtCli;
const dir = tmpDir('balance-pipe-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('stdout closed early: no stack trace, no EPIPE on stderr', async () => {
  expect(fs.existsSync(MAIN)).toBe(true); // npm run build:cli first
  // 3,000 schools each below a standard: a few hundred KB of reasons, far more than a pipe holds.
  const rows: (string | number)[][] = [QUALITY_HEADER];
  for (let i = 0; i < 3000; i++)
    rows.push([`第${i + 1}小学`, '小学', 1000, 30, 8, 7, 3000, 6000, 1500000, 18]);
  const file = await writeWorkbook(dir, 'county.xlsx', (wb) => addTable(wb, '学校基本情况', rows));
  const err = path.join(dir, 'stderr.txt');
  const script = `node ${JSON.stringify(MAIN)} check ${JSON.stringify(file)} 2>${JSON.stringify(err)} | head -c 200 >/dev/null`;
  execFileSync('sh', ['-c', script], { timeout: 60_000 });
  const stderr = fs.readFileSync(err, 'utf8');
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
});
