// What a county bureau reads when a file cannot be used: the cause in Chinese (damaged, part missing, encrypted, not a
// workbook), the library's own English only under --verbose, and an uncalculated formula named as such.
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { JsonResult } from '../../src/cli/json';
import { usage } from '../../src/cli/strings.zh-CN';
import { cli, englishIn, QUALITY_HEADER, tmpDir, writeWorkbook } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', '示例县-优质均衡.xlsx');

async function withoutEntry(name: string, entry: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(SAMPLE));
  zip.remove(entry);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

test('a truncated file: the zip is damaged, said in Chinese; the raw detail only with --verbose', async () => {
  const file = path.join(dir, '截断.xlsx');
  const bytes = fs.readFileSync(SAMPLE);
  fs.writeFileSync(file, bytes.subarray(0, bytes.length - 300));
  const r = await cli('check', file);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('已损坏或不完整');
  expect(r.stderr).toContain('已损坏或不完整');
  expect(englishIn(r.stderr.replace(file, ''))).toEqual([]);
  const verbose = await cli('check', file, '--verbose');
  expect(verbose.code).toBe(2);
  expect(verbose.stderr).toContain('详细信息：');
  expect(verbose.stderr).toMatch(/central directory|End of data|end of central|zip/i);
});

test('--json carries the Chinese message and the problem code, not the library text', async () => {
  const file = path.join(dir, '截断2.xlsx');
  fs.writeFileSync(file, fs.readFileSync(SAMPLE).subarray(0, 5000));
  const r = await cli('check', file, '--json');
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as { error: { code: string; message: string } };
  expect(json.error.code).toBe('corrupt');
  expect(englishIn(json.error.message.replace(file, ''))).toEqual([]);
});

test('a package missing xl/workbook.xml is a file with a part missing, not 工作簿为空', async () => {
  const file = await withoutEntry('缺主体.xlsx', 'xl/workbook.xml');
  const r = await cli('check', file, '--json');
  expect(r.code).toBe(2);
  const json = JSON.parse(r.stdout) as { error: { code: string; message: string } };
  expect(json.error.code).toBe('corrupt');
  expect(json.error.message).toContain('缺少工作簿主体部分');
  expect(json.error.message).not.toContain('工作簿为空');
});

test('a package missing the workbook relationships is a part missing too', async () => {
  const file = await withoutEntry('缺关系.xlsx', 'xl/_rels/workbook.xml.rels');
  const r = await cli('check', file);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('缺少部件关系表');
});

test('a zip that is not a workbook at all says so', async () => {
  const zip = new JSZip();
  zip.file('说明.txt', '这不是工作簿');
  const file = path.join(dir, '压缩包.xlsx');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  const r = await cli('check', file);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('是一个压缩包，但里面没有工作簿');
});

test('a formula never calculated is named as such, not only as missing data', async () => {
  const file = await writeWorkbook(dir, '公式.xlsx', (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ws.addRow(['城关小学', '小学', 1000, 45, 12, 10, 5000, 8000, 2100000, 25]);
    ws.addRow(['北山小学', '小学', 1000, 45, 12, 10, 5000, null, 2100000, 25]);
    ws.getCell('H3').value = { formula: 'H2*1' } as never; // written by a program: no cached result
  });
  const r = await cli('check', file, '--json');
  const result = JSON.parse(r.stdout) as JsonResult;
  const issue = result.issues.find((i) => i.code === 'formulaNotCalculated');
  expect(issue).toMatchObject({ row: 3, column: 'H' });
  expect(issue?.message).toBe(
    '「学校数据」第 3 行 H 列（体育运动场（馆）面积（㎡））：公式未计算，请在 Excel/WPS 中打开并保存后再试',
  );
  const text = await cli('check', file);
  expect(text.stdout).toContain('公式未计算，请在 Excel/WPS 中打开并保存后再试');
});

test('the usage names --verbose', () => {
  expect(usage).toContain('--verbose');
});
