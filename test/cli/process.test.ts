// The real command as a child process: exit codes 0, 1 and 2, stdout for results, stderr for problems.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compoundFile, QUALITY_HEADER, sha256, tmpDir, writeWorkbook } from './fixtures';

const ROOT = path.join(__dirname, '..', '..');
const QUALITY = path.join(ROOT, 'assets', 'samples', '示例县-优质均衡.xlsx');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function balance(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [path.join(ROOT, 'src', 'cli', 'main.ts'), ...args],
      { cwd: dir },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

jest.setTimeout(60_000);

test('exit 0: the summary on stdout (stderr only carries progress on a slow machine)', async () => {
  const before = sha256(QUALITY);
  const r = await balance('check', QUALITY);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('结论：未达到优质均衡要求');
  expect(r.stderr).not.toContain('“');
  expect(sha256(QUALITY)).toBe(before);
});

test('exit 1 with --strict when the county fails; --json stays parseable', async () => {
  const r = await balance('check', QUALITY, '--strict', '--json');
  expect(r.code).toBe(1);
  expect(JSON.parse(r.stdout)).toMatchObject({
    schemaVersion: 2,
    profile: 'quality-2017',
    sheet: '学校基本情况',
    verdict: 'fail',
  });
});

test('exit 1 with --strict when the county is undecided (a blank cell): 无法判定 is not a pass', async () => {
  const file = await writeWorkbook(dir, '缺数据.xlsx', (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ws.addRow(['城关小学', '小学', 1000, 45, 12, 10, 5000, 8000, 2100000, 25]);
    ws.addRow(['北山小学', '小学', 1000, 45, 12, 10, 5000, null, 2100000, 25]);
  });
  const strict = await balance('check', file, '--strict');
  expect(strict.code).toBe(1);
  expect(strict.stdout).toContain('结论：无法判定是否达到优质均衡要求（1 所学校缺数据：北山小学 H3）');
  expect((await balance('check', file)).code).toBe(0);
});

test('exit 2 for a password-protected file, the reason in Chinese on stderr', async () => {
  const file = path.join(dir, '加密.xlsx');
  fs.writeFileSync(file, compoundFile(true));
  const r = await balance('check', file);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('设置了打开密码');
});
