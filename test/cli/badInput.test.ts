// Bad input through the whole `balance check` command: a clear Chinese message naming sheet, row and column, no crash,
// the right exit code, and the input file byte for byte unchanged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonResult } from '../../src/cli/json';
import { cli, compoundFile, QUALITY_HEADER, sha256, tmpDir, writeWorkbook, type CliRun } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the file in text and in JSON mode; the file must come out of both unchanged. */
async function check(
  file: string,
  ...extra: string[]
): Promise<{ text: CliRun; json: CliRun; result: JsonResult }> {
  const before = sha256(file);
  const text = await cli('check', file, ...extra);
  const json = await cli('check', file, '--json', ...extra);
  expect(sha256(file)).toBe(before);
  return { text, json, result: JSON.parse(json.stdout) as JsonResult };
}

// Columns A…J; data in rows 2…6.
const ROWS: ExcelJS.CellValue[][] = [
  ['城关小学', '小学', 1000, 50, 12, 10, 5000, 8000, 2500000, 25],
  ['东关小学', '小学', 800, 40, 9, 8, 4000, 6400, 1800000, 20],
  ['河口小学', '小学', 300, 14, 3, 3, 1500, 2400, 660000, 8],
  ['城关中学', '初中', 900, 50, 10, 9, 5400, 9500, 2400000, 22],
  ['龙泉中学', '初中', 600, 33, 7, 6, 3600, 6300, 1560000, 15],
];

/** The small valid table above on sheet 学校数据, then `change` applied to it. */
function schools(name: string, change: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<string> {
  return writeWorkbook(dir, name, (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ROWS.forEach((r) => ws.addRow(r));
    change(ws);
  });
}

const issueAt = (r: JsonResult, row: number, column: string | null) =>
  r.issues.filter((i) => i.row === row && i.column === column);
const school = (r: JsonResult, name: string) => r.schools.find((s) => s.name === name)!;

describe('data problems: reported on their cell, the rest still evaluated (exit 0)', () => {
  test('text in a numeric cell: 「学校数据」第 3 行 H 列 … “约300” 不是数字, and never read as 0', async () => {
    const { text, result } = await check(
      await schools('text.xlsx', (ws) => (ws.getCell('H3').value = '约300')),
    );
    expect(text.code).toBe(0);
    const [issue] = issueAt(result, 3, 'H');
    expect(issue).toMatchObject({ field: 'sportsArea', code: 'notNumber' });
    expect(issue.message).toContain('「学校数据」第 3 行 H 列');
    expect(issue.message).toContain('“约300” 不是数字');
    expect(text.stdout).toContain(issue.message);
    expect(school(result, '东关小学').indicators.sportsAreaPerStudent?.value).toBeNull();
    expect(result.stages.primary?.schools).toBe(3);
  });

  test('spec §8: "—" and "/" are none (0), each listed as read as 0; a blank is a missing value on that cell, not 0', async () => {
    const file = await schools('dash.xlsx', (ws) => {
      ws.getCell('E3').value = '—';
      ws.getCell('J4').value = '/';
      ws.getCell('G5').value = null;
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    for (const [row, column, field, dash] of [
      [3, 'E', 'keyTeachers', '—'],
      [4, 'J', 'multimediaRooms', '/'],
    ] as const) {
      const [issue] = issueAt(result, row, column);
      expect(issue).toMatchObject({ field, code: 'dashAsZero' });
      expect(issue.message).toContain(`第 ${row} 行 ${column} 列`);
      expect(issue.message).toContain(`“${dash}”按“无”计为 0`);
      expect(text.stdout).toContain(issue.message);
    }
    const [missing] = issueAt(result, 5, 'G');
    expect(missing).toMatchObject({ field: 'teachingArea', code: 'missingValue' });
    expect(missing.message).toContain('不按 0 计算');
    expect(school(result, '东关小学').indicators.keyTeachersPer100?.value).toBe(0);
    expect(school(result, '东关小学').pass).toBe(false);
    expect(school(result, '城关中学').indicators.teachingAreaPerStudent?.value).toBeNull();
  });

  test('formula error values (#N/A, #DIV/0!) name the error and the cell', async () => {
    const file = await schools('errors.xlsx', (ws) => {
      ws.getCell('D2').value = { error: '#N/A' };
      ws.getCell('I3').value = { formula: 'G3/0', result: { error: '#DIV/0!' } };
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    expect(issueAt(result, 2, 'D')[0]).toMatchObject({
      code: 'formulaError',
      message: expect.stringContaining('#N/A'),
    });
    expect(issueAt(result, 3, 'I')[0]).toMatchObject({
      code: 'formulaError',
      message: expect.stringContaining('#DIV/0!'),
    });
    expect(text.stdout).toContain('「学校数据」第 3 行 I 列（教学仪器设备值）：公式错误 #DIV/0!');
  });

  test('a negative number is refused on its cell', async () => {
    const { text, result } = await check(
      await schools('negative.xlsx', (ws) => (ws.getCell('G4').value = -1500)),
    );
    expect(text.code).toBe(0);
    expect(issueAt(result, 4, 'G')[0]).toMatchObject({
      code: 'negative',
      message: expect.stringContaining('「学校数据」第 4 行 G 列'),
    });
    expect(school(result, '河口小学').indicators.teachingAreaPerStudent?.value).toBeNull();
  });

  test('zero students: the school has no weight and is excluded, with the reason on its cell', async () => {
    const { text, result } = await check(await schools('zero.xlsx', (ws) => (ws.getCell('C4').value = 0)));
    expect(text.code).toBe(0);
    expect(result.excluded).toEqual([{ row: 4, name: '河口小学', reason: 'zeroStudents' }]);
    expect(issueAt(result, 4, 'C')[0].message).toContain('在校生为 0');
    expect(result.stages.primary?.schools).toBe(2);
    expect(text.stdout).toContain('未纳入计算（1）');
  });

  test('duplicate school names are flagged on the second row', async () => {
    const { text, result } = await check(
      await schools('dup.xlsx', (ws) => (ws.getCell('A3').value = '城关小学')),
    );
    expect(text.code).toBe(0);
    expect(issueAt(result, 3, 'A')[0]).toMatchObject({
      code: 'duplicateSchool',
      message: expect.stringContaining('与第 2 行学校名称和类型相同'),
    });
  });

  test('two columns mapping to one field: both named, the first one used', async () => {
    const file = await schools('twocols.xlsx', (ws) => {
      ws.getCell('K1').value = '学生数';
      for (let r = 2; r <= 6; r++) ws.getCell(`K${r}`).value = 1;
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    const [issue] = result.issues.filter((i) => i.code === 'duplicateColumn');
    expect(issue.message).toContain('C 列“在校生数（人）”和 K 列“学生数”');
    expect(result.stages.primary?.students).toBe(2100);
  });

  test('hidden rows are read like any other and noted', async () => {
    const { text, result } = await check(await schools('hidden.xlsx', (ws) => (ws.getRow(4).hidden = true)));
    expect(text.code).toBe(0);
    expect(result.issues.find((i) => i.code === 'hiddenRow')?.message).toContain('第 4 行“河口小学”是隐藏行');
    expect(school(result, '河口小学').pass).toBe(true);
  });

  test('numbers stored as text, with thousands separators or full-width digits, are read exactly', async () => {
    const file = await schools('textnum.xlsx', (ws) => {
      ws.getCell('I2').value = '2,500,000';
      ws.getCell('C3').value = '８００';
      ws.getCell('G6').value = '3，600';
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    expect(result.issues).toEqual([]);
    expect(school(result, '城关小学').indicators.equipmentValuePerStudent?.value).toBe(2500);
    expect(school(result, '东关小学').indicators.qualifiedTeachersPer100?.value).toBe(5);
    expect(school(result, '龙泉中学').indicators.teachingAreaPerStudent?.value).toBe(6);
  });

  test('a percent-formatted count (1.2% for 12 teachers) is questioned on its cell', async () => {
    const file = await schools('percent.xlsx', (ws) => {
      ws.getCell('E2').value = 0.012;
      ws.getCell('E2').numFmt = '0.0%';
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    expect(issueAt(result, 2, 'E')[0].message).toContain('「学校数据」第 2 行 E 列（县级以上骨干教师数）');
  });

  test('merged header cells and a two-level header (教师（人） over 专任教师 / 高于规定学历 / …)', async () => {
    const file = await writeWorkbook(dir, 'twolevel.xlsx', (wb) => {
      const ws = wb.addWorksheet('学校数据');
      ws.addRow(['某县学校基本情况']);
      ws.mergeCells('A1:K1');
      ws.addRow([
        '学校名称',
        '学校类型',
        '在校生数（人）',
        '教师（人）',
        null,
        null,
        null,
        '校舍（㎡）',
        null,
        '教学仪器设备值（万元）',
        '网络多媒体教室数（间）',
      ]);
      ws.addRow([
        null,
        null,
        null,
        '专任教师',
        '高于规定学历',
        '县级以上骨干',
        '体育、艺术专任教师',
        '教学及辅助用房面积',
        '体育运动场（馆）面积',
      ]);
      for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:G2', 'H2:I2', 'J2:J3', 'K2:K3'])
        ws.mergeCells(range);
      ws.addRow(['城关小学', '小学', 1000, 55, 50, 12, 10, 5000, 8000, 250, 25]);
      ws.addRow(['城关中学', '初中', 900, 60, 50, 10, 9, 5400, 9500, 240, 22]);
    });
    const { text, result } = await check(file);
    expect(text.code).toBe(0);
    expect(result.issues).toEqual([]);
    const v = school(result, '城关小学').indicators;
    expect([
      v.qualifiedTeachersPer100?.value,
      v.keyTeachersPer100?.value,
      v.peArtTeachersPer100?.value,
      v.teachingAreaPerStudent?.value,
      v.sportsAreaPerStudent?.value,
      v.equipmentValuePerStudent?.value,
      v.multimediaRoomsPer100?.value,
    ]).toEqual([5, 1.2, 1, 5, 8, 2500, 2.5]);
  });
});

describe('unusable input: a clear Chinese message and exit code 2', () => {
  async function unusable(file: string, ...extra: string[]): Promise<string> {
    const before = fs.existsSync(file) ? sha256(file) : null;
    const text = await cli('check', file, ...extra);
    const json = await cli('check', file, '--json', ...extra);
    if (before) expect(sha256(file)).toBe(before);
    expect([text.code, json.code]).toEqual([2, 2]);
    expect(text.stdout).toBe('');
    expect(JSON.parse(json.stdout)).toMatchObject({ file, error: { message: text.stderr.trim() } });
    return text.stderr;
  }

  test('a missing required column names the sheet, the header row and what to call it', async () => {
    const file = await writeWorkbook(dir, 'nostudents.xlsx', (wb) => {
      const ws = wb.addWorksheet('学校数据');
      ws.addRow(QUALITY_HEADER.filter((h) => !h.startsWith('在校生数')));
      ROWS.forEach((r) => ws.addRow(r.filter((_, i) => i !== 2)));
    });
    const message = await unusable(file);
    expect(message).toContain('「学校数据」表头（第 1 行）中未找到“在校生数”列');
  });

  test('a workbook with no school table names the sheets searched', async () => {
    const file = await writeWorkbook(dir, 'notable.xlsx', (wb) => {
      wb.addWorksheet('说明').addRow(['本表由各校填报，教育股汇总']);
      wb.addWorksheet('联系人').addRow(['联系人', '张三']);
    });
    expect(await unusable(file)).toContain('“说明”、“联系人” 中都没有找到学校数据表');
  });

  test('--sheet naming a sheet without a school table says so for that sheet', async () => {
    const file = await writeWorkbook(dir, 'notable2.xlsx', (wb) =>
      wb.addWorksheet('说明').addRow(['本表由各校填报']),
    );
    expect(await unusable(file, '--sheet', '说明')).toContain('「说明」未找到学校数据表');
  });

  test('an empty workbook', async () => {
    const file = await writeWorkbook(dir, 'empty.xlsx', (wb) => wb.addWorksheet('Sheet1'));
    expect(await unusable(file)).toContain('没有任何数据');
  });

  test('a password-protected workbook (CFB signature D0 CF 11 E0)', async () => {
    const file = path.join(dir, 'locked.xlsx');
    fs.writeFileSync(file, compoundFile(true));
    expect(await unusable(file)).toContain('设置了打开密码');
  });

  test('a corrupt workbook', async () => {
    const good = await schools('good.xlsx');
    const file = path.join(dir, 'corrupt.xlsx');
    const bytes = Buffer.from(fs.readFileSync(good));
    bytes.fill(0x41, 200, bytes.length - 200); // keep the zip signature, destroy the entries
    fs.writeFileSync(file, bytes);
    expect(await unusable(file)).toContain('已损坏或不完整');
  });

  test('a file that does not exist', async () => {
    expect(await unusable(path.join(dir, '没有这个文件.xlsx'))).toContain('找不到文件');
  });
});

test('a 20,000-row workbook finishes, with every row evaluated', async () => {
  const file = await writeWorkbook(dir, 'big.xlsx', (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    for (let i = 0; i < 20000; i++) {
      const junior = i % 3 === 0;
      const p = 200 + ((i * 37) % 1800);
      ws.addRow([
        `第${i + 1}学校`,
        junior ? '初中' : '小学',
        p,
        Math.round(p * 0.055),
        Math.round(p * 0.012),
        Math.round(p * 0.01),
        p * 5,
        p * 9,
        p * 2600,
        Math.round(p * 0.025),
      ]);
    }
  });
  const before = sha256(file);
  const started = Date.now();
  const result = await cli('check', file, '--json');
  const seconds = (Date.now() - started) / 1000;
  expect(sha256(file)).toBe(before);
  expect(result.code).toBe(0);
  const json = JSON.parse(result.stdout) as JsonResult;
  expect(json.schools).toHaveLength(20000);
  expect((json.stages.primary?.schools ?? 0) + (json.stages.junior?.schools ?? 0)).toBe(20000);
  expect(seconds).toBeLessThan(120);
}, 180_000);
