// `balance forms`: the 申报表 tables alone, a new workbook per county; inputs only read; the built command end to end.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cli, sha256, tmpDir } from './fixtures';
import { builtCli } from '../support/paths';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLES = path.join(ROOT, 'assets', 'samples');
const QUALITY = path.join(SAMPLES, '示例县-优质均衡.xlsx');
const BASIC = path.join(SAMPLES, '示例县-基本均衡.xlsx');
const BUILT = builtCli;
const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(60_000);

async function sheetsOf(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test('a folder gives one new workbook per county holding only its regime’s tables; the inputs are untouched', async () => {
  const out = path.join(dir, 'folder');
  const before = [sha256(QUALITY), sha256(BASIC)];
  const { code, stdout } = await cli('forms', SAMPLES, '--out-dir', out);
  expect(code).toBe(0);
  expect([sha256(QUALITY), sha256(BASIC)]).toEqual(before);
  expect(fs.readdirSync(out).sort()).toEqual(
    ['示例县-优质均衡-申报表.xlsx', '示例县-基本均衡-申报表.xlsx'].sort(),
  );
  expect(stdout).toContain(`已生成申报表：${path.join(out, '示例县-优质均衡-申报表.xlsx')}`);
  const q = await sheetsOf(path.join(out, '示例县-优质均衡-申报表.xlsx'));
  expect(q.worksheets.map((w) => w.name)).toEqual([
    '表Ⅱ-1 资源配置达标情况',
    '表Ⅱ-2 学校资源配置情况',
    '表Ⅲ 县域义务教育校际均衡情况',
  ]);
  // 柳河镇杨庄小学: 1,575 m² / 250 = 6.30 in the 生均体育运动场馆面积 column (K), 否 in 是否达标 (N).
  const ii2 = q.getWorksheet('表Ⅱ-2 学校资源配置情况')!;
  const yang = ii2.getColumn(2).values.findIndex((v) => v === '柳河镇杨庄小学');
  expect([ii2.getCell(yang, 11).value, ii2.getCell(yang, 14).value]).toEqual([6.3, '否']);
  expect(ii2.getCell(yang, 11).numFmt).toBe('0.00');
  const b = await sheetsOf(path.join(out, '示例县-基本均衡-申报表.xlsx'));
  expect(b.worksheets.map((w) => w.name)).toEqual(['基本均衡 学校指标情况', '基本均衡 校际差异系数']);
});

test('--profile and --sheet are the check’s; a run again skips its own outputs in the folder', async () => {
  const out = path.join(dir, 'profile');
  const r = await cli(
    'forms',
    QUALITY,
    '--profile',
    'basic-2012',
    '--sheet',
    '学校基本情况',
    '--out-dir',
    out,
  );
  expect(r.code).toBe(0);
  const wb = await sheetsOf(path.join(out, '示例县-优质均衡-申报表.xlsx'));
  expect(wb.worksheets.map((w) => w.name)).toEqual(['基本均衡 学校指标情况', '基本均衡 校际差异系数']);
  const again = await cli('forms', out, '--out-dir', path.join(dir, 'again'));
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('没有 .xlsx 文件');
});

test('mistakes: no --out-dir, an unknown sheet, a missing file — exit 2 with the reason, nothing written', async () => {
  const none = await cli('forms', QUALITY);
  expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('请用 --out-dir 指定')]);
  const out = path.join(dir, 'bad');
  const sheet = await cli('forms', QUALITY, '--sheet', '没有这个表', '--out-dir', out);
  expect(sheet.code).toBe(2);
  expect(sheet.stderr).toContain('没有这个表');
  const missing = await cli('forms', path.join(dir, '不存在.xlsx'), '--out-dir', out);
  expect(missing.code).toBe(2);
  expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  const help = await cli('forms', '--help');
  expect(help.stdout).toContain('balance forms');
});

(fs.existsSync(BUILT) ? test : test.skip)(
  'the built command (npm run build:cli) writes the tables',
  async () => {
    const out = path.join(dir, 'built');
    const r = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [BUILT, 'forms', QUALITY, '--out-dir', out], (error, stdout) =>
        resolve({ code: error ? Number(error.code) : 0, stdout }),
      ),
    );
    expect(r.code).toBe(0);
    const wb = await sheetsOf(path.join(out, '示例县-优质均衡-申报表.xlsx'));
    const iii = wb.getWorksheet('表Ⅲ 县域义务教育校际均衡情况')!;
    // 初中 row: multimedia rooms mean 100 × 282 / 10,390 = 2.71 (column O).
    const junior = iii.getColumn(1).values.findIndex((v) => v === '初中');
    expect(iii.getCell(junior, 15).value).toBe(2.71);
  },
);
