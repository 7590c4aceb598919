// The CLI and the web page's county list check a workbook through one function (hosts/xlsx/checkSheet.ts): the same
// sheet, standard, issues — an uncalculated formula included — and the same unusable outcomes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JsonResult } from '../../src/cli/json';
import { checkWorkbook } from '../../src/web/batch';
import { cli, QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an uncalculated formula is the same error in the CLI and in the web batch', async () => {
  const file = await writeWorkbook(dir, '公式.xlsx', (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ws.addRow(['城关小学', '小学', 1000, 45, 12, 10, 5000, 8000, 2100000, 25]);
    ws.addRow(['北山小学', '小学', 1000, 45, 12, 10, 5000, null, 2100000, 25]);
    ws.getCell('H3').value = { formula: 'H2*1' } as never; // written by a program: no cached result
  });
  const json = JSON.parse((await cli('check', file, '--json')).stdout) as JsonResult;
  const web = checkWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  if (!web.ok) throw new Error(web.message);
  const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);
  expect(codes(web.check.issues)).toContain('formulaNotCalculated');
  expect(codes(web.check.issues)).toEqual(codes(json.issues));
  expect(web.check.issues.map((i) => i.message)).toEqual(json.issues.map((i) => i.message));
  expect(web.check.sheet).toBe(json.sheet);
  expect(web.check.profile.id).toBe(json.profile);
});

test('a workbook without a school table is unusable in both, naming the sheets searched', async () => {
  const file = await writeWorkbook(dir, '说明.xlsx', (wb) => {
    wb.addWorksheet('填表说明').addRow(['请按要求填写']);
  });
  const r = await cli('check', file);
  expect(r.code).toBe(2);
  const web = checkWorkbook(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  expect(web.ok).toBe(false);
  if (web.ok) return;
  expect(web.sheets).toEqual(['填表说明']);
  expect(r.stderr).toContain('填表说明');
});
