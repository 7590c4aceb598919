// Marked copies never land on an input (by link, hard link, case variant or folder link), never go through a symlink,
// never leave a half-written file, and special or huge inputs are refused before they are read.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_INPUT_BYTES, readInput, temporaryPathFor, writeAtomically } from '../../src/cli/output';
import { cli, QUALITY_HEADER, sha256, tmpDir, writeWorkbook } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS: ExcelJS.CellValue[][] = [
  ['城关小学', '小学', 1000, 50, 12, 10, 5000, 8000, 2500000, 25],
  ['东关小学', '小学', 800, 40, 9, 8, 4000, 6400, 1800000, 20],
];

let n = 0;
/** A fresh folder holding a small valid county workbook named `name`. */
async function county(name = '学校数据.xlsx', folder = `case${++n}`): Promise<string> {
  const at = path.join(dir, folder);
  fs.mkdirSync(at, { recursive: true });
  return writeWorkbook(at, name, (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ROWS.forEach((r) => ws.addRow(r));
  });
}

const listing = (folder: string) => fs.readdirSync(folder).sort();

describe('--out never overwrites the input', () => {
  test('a symlink to the input is refused, and the input is unchanged', async () => {
    const input = await county();
    const link = path.join(path.dirname(input), '链接.xlsx');
    fs.symlinkSync(input, link);
    const before = sha256(input);
    const r = await cli('check', input, '--out', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/符号链接|就是输入文件/);
    expect(sha256(input)).toBe(before);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test('a symlink to some other file is not written through either', async () => {
    const input = await county();
    const other = path.join(path.dirname(input), '别人的.xlsx');
    fs.writeFileSync(other, 'keep me');
    const link = path.join(path.dirname(input), '结果.xlsx');
    fs.symlinkSync(other, link);
    const r = await cli('check', input, '--out', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('符号链接');
    expect(fs.readFileSync(other, 'utf8')).toBe('keep me');
  });

  test('a hard link to the input is refused', async () => {
    const input = await county();
    const hard = path.join(path.dirname(input), '硬链接.xlsx');
    fs.linkSync(input, hard);
    const before = sha256(input);
    const r = await cli('check', input, '--out', hard);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('就是输入文件');
    expect(sha256(input)).toBe(before);
  });

  test('an input given through a symlink, with --out the real file, is refused', async () => {
    const input = await county();
    const link = path.join(path.dirname(input), '入口.xlsx');
    fs.symlinkSync(input, link);
    const before = sha256(input);
    const r = await cli('check', link, '--out', input);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('就是输入文件');
    expect(sha256(input)).toBe(before);
  });

  test('the input reached through a linked folder is refused', async () => {
    const input = await county();
    const folderLink = path.join(dir, `folder-link-${n}`);
    fs.symlinkSync(path.dirname(input), folderLink);
    const before = sha256(input);
    const r = await cli('check', input, '--out', path.join(folderLink, path.basename(input)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('就是输入文件');
    expect(sha256(input)).toBe(before);
  });

  test('a case variant of the input name: refused where the file system ignores case, a separate file where not', async () => {
    const input = await county('in.xlsx');
    const upper = path.join(path.dirname(input), 'IN.XLSX');
    const caseInsensitive = fs.existsSync(upper);
    const before = sha256(input);
    const r = await cli('check', input, '--out', upper);
    expect(sha256(input)).toBe(before);
    if (caseInsensitive) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('就是输入文件');
    } else {
      expect(r.code).toBe(0);
      expect(listing(path.dirname(input))).toEqual(['IN.XLSX', 'in.xlsx']);
    }
  });
});

describe('--out-dir', () => {
  test('a symlink inside --out-dir at the target name is refused and its target untouched', async () => {
    const input = await county();
    const out = path.join(dir, `out${n}`);
    fs.mkdirSync(out);
    const victim = path.join(dir, `victim${n}.txt`);
    fs.writeFileSync(victim, 'keep me');
    fs.symlinkSync(victim, path.join(out, '学校数据-评估结果.xlsx'));
    const r = await cli('check', input, '--out-dir', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('符号链接');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
  });

  test('a symlink inside --out-dir pointing at the input is refused', async () => {
    const input = await county();
    const out = path.join(dir, `out${n}`);
    fs.mkdirSync(out);
    fs.symlinkSync(input, path.join(out, '学校数据-评估结果.xlsx'));
    const before = sha256(input);
    expect((await cli('check', input, '--out-dir', out)).code).toBe(2);
    expect(sha256(input)).toBe(before);
  });

  test('same-named inputs from two folders get two copies, and the summary names both', async () => {
    const at = `same${++n}`;
    const a = await county('学校数据.xlsx', `${at}/甲县`);
    const b = await county('学校数据.xlsx', `${at}/乙县`);
    const out = path.join(dir, `out${n}`);
    const r = await cli('check', a, b, '--out-dir', out);
    expect(r.code).toBe(0);
    expect(listing(out)).toEqual(['学校数据-评估结果 (2).xlsx', '学校数据-评估结果.xlsx']);
    expect(r.stdout).toContain(`已另存标注副本：${path.join(out, '学校数据-评估结果.xlsx')}（来自 ${a}）`);
    expect(r.stdout).toContain(
      `已另存标注副本：${path.join(out, '学校数据-评估结果 (2).xlsx')}（来自 ${b}）`,
    );
  });

  test('one file given twice (or by a link to it) is checked once, and that is said', async () => {
    const a = await county();
    const link = path.join(dir, `again${n}.xlsx`);
    fs.symlinkSync(a, link);
    const out = path.join(dir, `out${n}`);
    const r = await cli('check', a, a, link, '--out-dir', out, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`“${a}”与“${a}”是同一个文件，只核查一次`);
    expect(r.stderr).toContain(`“${link}”与“${a}”是同一个文件，只核查一次`);
    expect(listing(out)).toEqual(['学校数据-评估结果.xlsx']);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: a });
  });
});

describe('a failed write leaves nothing behind and the old copy as it was', () => {
  test('a blocked temporary name: no new file, the existing copy untouched, exit 2', async () => {
    const input = await county();
    const out = path.join(path.dirname(input), '结果.xlsx');
    fs.writeFileSync(out, 'old copy');
    fs.mkdirSync(temporaryPathFor(out)); // something not ours sits where the copy would be written first
    const r = await cli('check', input, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).toContain('原有同名文件未被改动');
    expect(fs.readFileSync(out, 'utf8')).toBe('old copy');
    expect(fs.statSync(temporaryPathFor(out)).isDirectory()).toBe(true);
  });

  test('a writer failing half way: no temporary file, no 0-byte file, the old file intact', async () => {
    const folder = path.join(dir, `fail${++n}`);
    fs.mkdirSync(folder);
    const out = path.join(folder, '结果.xlsx');
    fs.writeFileSync(out, 'old copy');
    await expect(
      writeAtomically(out, async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(listing(folder)).toEqual(['结果.xlsx']);
    expect(fs.readFileSync(out, 'utf8')).toBe('old copy');

    const fresh = path.join(folder, '新的.xlsx');
    await expect(writeAtomically(fresh, () => Promise.reject(new Error('EIO')))).rejects.toThrow();
    expect(listing(folder)).toEqual(['结果.xlsx']);
  });

  test('a successful write replaces the old file in one step', async () => {
    const input = await county();
    const out = path.join(path.dirname(input), '结果.xlsx');
    fs.writeFileSync(out, 'old copy');
    const r = await cli('check', input, '--out', out);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(listing(path.dirname(input))).toEqual(['学校数据.xlsx', '结果.xlsx']);
  });
});

describe('only regular files are read', () => {
  test('a FIFO named .xlsx in a folder is refused at once instead of blocking', async () => {
    const folder = path.dirname(await county('甲县.xlsx'));
    execFileSync('mkfifo', [path.join(folder, '乙县.xlsx')]);
    const started = Date.now();
    const r = await cli('check', folder);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('甲县.xlsx');
    expect(r.stdout).toContain('不是普通文件');
  });

  test('a link to /dev/zero is refused without reading it', async () => {
    const link = path.join(dir, `zero${++n}.xlsx`);
    fs.symlinkSync('/dev/zero', link);
    const r = await cli('check', link);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });

  test('a folder given as --out is not written over', async () => {
    const input = await county();
    const out = path.join(path.dirname(input), '文件夹.xlsx');
    fs.mkdirSync(out);
    const r = await cli('check', input, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不是普通文件');
  });

  test('a file over the size cap is refused with its size, in Chinese', async () => {
    const big = path.join(dir, `big${++n}.xlsx`);
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_INPUT_BYTES + 1); // sparse: no disk used
    const r = await cli('check', big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('超过本工具可读取的上限 200 MB');
    expect(await readInput(big, 10)).toMatchObject({ ok: false, problem: 'tooLarge' });
  });
});
