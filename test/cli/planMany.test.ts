// `balance plan` over several files and folders, with --out / --out-dir copies that add only the 整改测算 sheet.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import type { JsonPlanResult } from '../../src/cli/planJson';
import { cli, englishIn, sha256, tmpDir } from './fixtures';
import { builtCli } from '../support/paths';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const QUALITY = path.join(SAMPLES, '示例县-优质均衡.xlsx');
const BASIC = path.join(SAMPLES, '示例县-基本均衡.xlsx');

const dir = tmpDir('balance-plan-many-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(120_000);

/** A fresh folder holding copies of both samples. */
function folderOfSamples(name: string): { folder: string; quality: string; basic: string } {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { recursive: true });
  const quality = path.join(folder, '甲县.xlsx');
  const basic = path.join(folder, '乙县.xlsx');
  fs.copyFileSync(QUALITY, quality);
  fs.copyFileSync(BASIC, basic);
  return { folder, quality, basic };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

/** Column A and B of a sheet's first rows, as text. */
async function firstRows(file: string, sheet: string, rows = 12): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  return Array.from({ length: rows }, (_, r) => [1, 2].map((c) => ws.getCell(r + 1, c).text));
}

describe('balance plan FILE… / FOLDER', () => {
  test('two files: each planned and summarised, then a tally; --json gives an array in the same order', async () => {
    const run = await cli('plan', QUALITY, BASIC);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`整改测算：${QUALITY}（工作表“`);
    expect(run.stdout).toContain(`整改测算：${BASIC}（工作表“`);
    expect(run.stdout.indexOf(QUALITY)).toBeLessThan(run.stdout.indexOf(BASIC));
    expect(run.stdout.trimEnd().split('\n').pop()).toBe('共 2 个文件：已测算 2 个。');

    const json = await cli('plan', QUALITY, BASIC, '--json');
    expect(json.code).toBe(0);
    const items = JSON.parse(json.stdout) as JsonPlanResult[];
    expect(items.map((i) => i.file)).toEqual([QUALITY, BASIC]);
    // Each item is what the file alone gives.
    const alone = JSON.parse((await cli('plan', BASIC, '--json')).stdout) as JsonPlanResult;
    expect(items[1]).toEqual(alone);
  });

  test('a folder with an unusable file: the others are planned, the bad one named in Chinese, exit code 2', async () => {
    const { folder } = folderOfSamples('坏文件');
    fs.writeFileSync(path.join(folder, '丙县.xlsx'), 'not a zip');
    const run = await cli('plan', folder);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('共 3 个文件：已测算 2 个，1 个无法使用（原因见上）。');
    expect(run.stderr).toContain('丙县.xlsx');
    expect(englishIn(run.stderr)).toEqual([]);
  });

  test('--out-dir: <name>-整改测算.xlsx for each input, the input package with only the 整改测算 sheet added', async () => {
    const { folder, quality, basic } = folderOfSamples('输出');
    const before = [sha256(quality), sha256(basic)];
    const out = path.join(dir, '输出结果');
    const run = await cli('plan', folder, '--out-dir', out, '--margin', '0.9');
    expect(run.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['乙县-整改测算.xlsx', '甲县-整改测算.xlsx']);
    expect(run.stdout).toContain(
      `已另存整改测算副本：${path.join(out, '甲县-整改测算.xlsx')}（来自 ${quality}）`,
    );
    expect([sha256(quality), sha256(basic)]).toEqual(before);

    const copy = path.join(out, '甲县-整改测算.xlsx');
    expect(await sheetNames(copy)).toEqual([...(await sheetNames(quality)), '整改测算']);
    // Every part of the input is kept byte for byte but the lists of parts and sheets (docProps/app.xml names the
    // sheets too) and the styles; the zip's folder entries carry nothing.
    const input = unzipSync(fs.readFileSync(quality));
    const written = unzipSync(fs.readFileSync(copy));
    const changed = Object.keys(input).filter(
      (name) =>
        !name.endsWith('/') &&
        (!written[name] || Buffer.compare(Buffer.from(input[name]), Buffer.from(written[name])) !== 0),
    );
    expect(changed.sort()).toEqual(
      [
        '[Content_Types].xml',
        'docProps/app.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
      ].filter((n) => n in input),
    );
    // The sheet is planned with the command's options: the margin is named in its target.
    const rows = await firstRows(copy, '整改测算');
    expect(rows).toContainEqual(['测算目标', expect.stringContaining('× 0.9 的安全余量')]);

    // Run again on the same folder, writing into it: the copies are not taken as inputs.
    const again = await cli('plan', folder, '--out-dir', folder);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('共 2 个文件：已测算 2 个。');
    const third = await cli('plan', folder, '--out-dir', folder);
    expect(third.stdout).toContain('共 2 个文件：已测算 2 个。');
    expect(fs.readdirSync(folder).sort()).toEqual([
      '乙县-整改测算.xlsx',
      '乙县.xlsx',
      '甲县-整改测算.xlsx',
      '甲县.xlsx',
    ]);
  });

  test('an input is never overwritten: --out naming the input, or an --out-dir copy landing on another input', async () => {
    const { quality, folder } = folderOfSamples('不覆盖');
    const hash = sha256(quality);
    const same = await cli('plan', quality, '--out', quality);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/是输入文件/);
    expect(sha256(quality)).toBe(hash);

    // 甲县-整改测算.xlsx given as an input too: the copy of 甲县.xlsx would land on it, and is refused.
    const named = path.join(folder, '甲县-整改测算.xlsx');
    fs.copyFileSync(BASIC, named);
    const namedHash = sha256(named);
    const run = await cli('plan', quality, named, '--out-dir', folder);
    expect(run.code).toBe(2);
    expect(sha256(named)).toBe(namedHash);
    expect(run.stderr).toMatch(/是输入文件/);
  });

  test('--costs: the prices reach the copy’s 整改测算 sheet', async () => {
    const costs = path.join(dir, '单价.json');
    fs.writeFileSync(costs, JSON.stringify({ 生均体育运动场馆面积: 800 }));
    const out = path.join(dir, '单价副本.xlsx');
    const run = await cli('plan', QUALITY, '--costs', costs, '--floors', 'rule', '--out', out);
    expect(run.code).toBe(0);
    const rows = await firstRows(out, '整改测算');
    expect(rows).toContainEqual(['单价', '体育场馆 800 元/㎡']);
    expect(rows).toContainEqual(['办学标准', expect.stringMatching(/规则/)]);
  });
});

describe('malformed --costs and --profile files: Chinese messages with the line and column, no English', () => {
  test.each([
    ['{"生均体育运动场馆面积": 800,}', '第 1 行第 19 列'],
    ['{\n  "生均体育运动场馆面积"： 800\n}', '第 2 行'],
    ['', 'JSON 格式错误'],
  ])('costs %j', async (content, where) => {
    const costs = path.join(dir, `坏单价-${where.length}-${content.length}.json`);
    fs.writeFileSync(costs, content);
    const run = await cli('plan', QUALITY, '--costs', costs);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`单价文件“${costs}”有误：JSON 格式错误`);
    expect(run.stderr).toContain(where);
    expect(englishIn(run.stderr.replace(costs, '')).filter((w) => w !== 'JSON')).toEqual([]);
    expect(run.stdout).toBe('');
  });

  test('a costs file that does not exist', async () => {
    const run = await cli('plan', QUALITY, '--costs', path.join(dir, '没有.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到该文件');
  });

  test('a profile with a syntax error, for plan and check alike', async () => {
    const profile = path.join(dir, '坏标准.json');
    fs.writeFileSync(profile, "{\n  'id': 'x'\n}");
    for (const command of ['plan', 'check']) {
      const run = await cli(command, QUALITY, '--profile', profile);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`评估标准文件“${profile}”有误：JSON 格式错误（第 2 行第 3 列）`);
      expect(englishIn(run.stderr.replace(profile, '')).filter((w) => w !== 'JSON')).toEqual([]);
    }
  });
});

test('the built command (npm run build:cli) as a child process: plan FOLDER --out-dir exits 0 and writes the copies', async () => {
  const { execFile } = await import('node:child_process');
  const main = builtCli;
  if (!fs.existsSync(main)) throw new Error('build/cli is missing: run `npm run build:cli` first');
  const { folder, quality } = folderOfSamples('子进程');
  const before = sha256(quality);
  const out = path.join(dir, '子进程输出');
  const run = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [main, 'plan', folder, '--out-dir', out], (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    ),
  );
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('共 2 个文件：已测算 2 个。');
  expect(fs.readdirSync(out).sort()).toEqual(['乙县-整改测算.xlsx', '甲县-整改测算.xlsx']);
  expect(sha256(quality)).toBe(before);
});
