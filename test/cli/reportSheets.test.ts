// The built command never writes a copy without the school data: a data sheet named like a report sheet keeps its
// rows, and the report goes beside it (run as a child process, as a user would).
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';
import { builtCli } from '../support/paths';

const MAIN = builtCli;
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

jest.setTimeout(120_000);

function balance(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { cwd: dir }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

const SCHOOLS = [
  ['城关小学', '小学', 1000, 45, 12, 10, 5000, 8000, 2100000, 25],
  ['北山小学', '小学', 800, 30, 6, 6, 3000, 4000, 1200000, 12],
];

test.each(['均衡评估报告', '整改测算'])(
  'a data sheet named %s keeps its school data in the copy; the report goes beside it',
  async (name) => {
    expect(fs.existsSync(MAIN)).toBe(true); // npm run build:cli first
    const file = await writeWorkbook(dir, `${name}.xlsx`, (wb) => {
      const ws = wb.addWorksheet(name);
      ws.addRow(QUALITY_HEADER);
      for (const row of SCHOOLS) ws.addRow(row);
    });
    const out = path.join(dir, `${name}-结果.xlsx`);
    const r = await balance('check', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已另存标注副本：${out}`);
    expect(r.stdout).toContain(`工作表“${name}”不是本工具生成的`);
    expect(r.stdout).toContain(`“${name} (2)”`);

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const data = back.getWorksheet(name)!;
    expect(data.getRow(1).getCell(1).value).toBe('学校名称');
    expect(data.getRow(2).getCell(1).value).toBe('城关小学');
    expect(data.getRow(3).getCell(3).value).toBe(800);
    expect(back.worksheets.map((w) => w.name)).toContain(`${name} (2)`);

    // Checking the copy again finds the school data in it, and writes over its own untouched reports only.
    const again = path.join(dir, `${name}-再次.xlsx`);
    const second = await balance('check', out, '--sheet', name, '--out', again);
    expect(second.code).toBe(0);
    const twice = new ExcelJS.Workbook();
    await twice.xlsx.readFile(again);
    expect(twice.getWorksheet(name)!.getRow(2).getCell(1).value).toBe('城关小学');
    expect(twice.worksheets.map((w) => w.name).filter((n) => n.startsWith(name))).toEqual([
      name,
      `${name} (2)`,
    ]);
  },
);
