// .xlsx bytes → CellGrid, sheet choice, and the Chinese diagnosis of files that cannot be used at all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chooseSheet, sniff, type CellGrid, type Workbook } from '../../../src/hosts/xlsx/workbook';
import { openWorkbook } from '../../../src/cli/check';
import { addTable, compoundFile, sha256, tmpDir, writeWorkbook } from '../../cli/fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hasName = (grid: CellGrid) => grid.values.some((r) => r.includes('学校名称'));

async function open(file: string): Promise<Workbook> {
  const opened = await openWorkbook(file);
  if (!opened.ok) throw new Error(opened.message);
  return opened.workbook;
}

describe('the grid gives values as Excel range.values would', () => {
  let grid: CellGrid;
  beforeAll(async () => {
    const file = await writeWorkbook(dir, 'cells.xlsx', (wb) => {
      const ws = addTable(
        wb,
        '学校数据',
        [
          ['某县学校情况表'],
          ['学校名称', '在校生数（人）', '比例', '日期', '链接'],
          [
            { richText: [{ text: '城关' }, { text: '小学', font: { bold: true } }] },
            { formula: 'SUM(1,2)', result: 1203 },
            0.85,
            new Date(Date.UTC(2026, 8, 1)),
            { text: '官网', hyperlink: 'https://example.org' },
          ],
          ['东关小学', { error: '#N/A' }, '—', null, null],
          ['西街小学', { formula: '1/0', result: { error: '#DIV/0!' } }, '/', null, null],
          ['南关小学', { formula: 'A1' }, null, null, null],
        ],
        { row: 3, col: 2 },
      );
      ws.mergeCells('B3:F3');
      ws.getCell('D5').numFmt = '0%';
      ws.getRow(7).hidden = true;
    });
    const chosen = chooseSheet(file, await open(file), '学校数据');
    if (!chosen.ok) throw new Error(chosen.message);
    grid = chosen.grid;
  });

  test('the grid starts at the first used cell (firstRow 1-based, firstColumn 0-based)', () => {
    expect(grid.sheet).toBe('学校数据');
    expect(grid.firstRow).toBe(3);
    expect(grid.firstColumn).toBe(1);
    expect(grid.values).toHaveLength(6);
    expect(grid.values[0]).toHaveLength(5);
  });

  test('formula results, rich text as plain text, dates, hyperlink text', () => {
    expect(grid.values[2][0]).toBe('城关小学');
    expect(grid.values[2][1]).toBe(1203);
    expect(grid.values[2][2]).toBe(0.85);
    expect(grid.values[2][3]).toEqual(new Date(Date.UTC(2026, 8, 1)));
    expect(grid.values[2][4]).toBe('官网');
  });

  test('error values and formula errors read as their codes ("#N/A", "#DIV/0!"); a formula never calculated is blank', () => {
    expect(grid.values[3][1]).toBe('#N/A');
    expect(grid.values[4][1]).toBe('#DIV/0!');
    expect(grid.values[5][1]).toBeNull();
    expect(grid.values[3][2]).toBe('—');
  });

  test('only the top-left cell of a merged area holds the value; the area is listed', () => {
    expect(grid.values[0]).toEqual(['某县学校情况表', null, null, null, null]);
    expect(grid.merges).toEqual([{ top: 3, left: 1, bottom: 3, right: 5 }]);
  });

  test('hidden rows and number formats come along', () => {
    expect(grid.hiddenRows).toEqual([7]);
    expect(grid.numberFormats?.[2][2]).toBe('0%');
    expect(grid.numberFormats?.[2][1]).toBe('General');
  });
});

describe('sheet choice', () => {
  let file: string;
  beforeAll(async () => {
    file = await writeWorkbook(dir, 'sheets.xlsx', (wb) => {
      addTable(wb, '说明', [['本表由教育局填报']]);
      wb.addWorksheet('空白');
      addTable(wb, '学校数据', [
        ['学校名称', '在校生数'],
        ['城关小学', 1200],
      ]);
    });
  });

  test('by default the header detection of the engine recognises the school table', async () => {
    const chosen = chooseSheet(file, await open(file));
    expect(chosen.ok && chosen.worksheet.name).toBe('学校数据');
  });

  test('without --sheet: the first sheet whose header is recognised', async () => {
    const chosen = chooseSheet(file, await open(file), undefined, hasName);
    expect(chosen.ok && chosen.worksheet.name).toBe('学校数据');
  });

  test('--sheet NAME picks that sheet even when its header is not recognised', async () => {
    const chosen = chooseSheet(file, await open(file), '说明', hasName);
    expect(chosen.ok && chosen.grid.values).toEqual([['本表由教育局填报']]);
  });

  test('an unknown --sheet names the sheets that exist', async () => {
    const chosen = chooseSheet(file, await open(file), '学校', hasName);
    expect(chosen).toEqual({
      ok: false,
      problem: 'sheetNotFound',
      message: expect.stringContaining('没有名为“学校”的工作表。现有工作表：“说明”、“空白”、“学校数据”'),
    });
  });

  test('no sheet with a school table: 未找到学校数据表, naming the sheets searched', async () => {
    const chosen = chooseSheet(file, await open(file), undefined, () => false);
    expect(chosen.ok).toBe(false);
    if (!chosen.ok) {
      expect(chosen.problem).toBe('noTable');
      expect(chosen.message).toContain('“说明”、“空白”、“学校数据” 中都没有找到学校数据表');
    }
  });
});

describe('unusable input gets a clear Chinese message and is left unchanged', () => {
  async function problemOf(file: string) {
    const before = fs.existsSync(file) ? sha256(file) : null;
    const opened = await openWorkbook(file);
    if (before) expect(sha256(file)).toBe(before);
    return opened;
  }

  test('missing file', async () => {
    const opened = await problemOf(path.join(dir, '不存在.xlsx'));
    expect(opened).toEqual({
      ok: false,
      problem: 'missingFile',
      message: expect.stringContaining('找不到文件'),
    });
  });

  test('a CSV saved with an .xlsx name is not a workbook', async () => {
    const file = path.join(dir, 'csv.xlsx');
    fs.writeFileSync(file, '学校名称,在校生数\n城关小学,1200\n');
    const opened = await problemOf(file);
    expect(opened).toEqual({
      ok: false,
      problem: 'notXlsx',
      message: expect.stringContaining('不是 Excel 工作簿'),
    });
  });

  test('an empty (0-byte) file', async () => {
    const file = path.join(dir, 'zero.xlsx');
    fs.writeFileSync(file, '');
    expect(await problemOf(file)).toMatchObject({
      problem: 'notXlsx',
      message: expect.stringContaining('空文件'),
    });
  });

  test('a password-protected workbook (OLE2 signature D0 CF 11 E0 with an EncryptedPackage stream)', async () => {
    const file = path.join(dir, 'locked.xlsx');
    fs.writeFileSync(file, compoundFile(true));
    expect(sniff(fs.readFileSync(file))).toBe('encrypted');
    expect(await problemOf(file)).toMatchObject({
      problem: 'encrypted',
      message: expect.stringContaining('设置了打开密码'),
    });
  });

  test('a legacy .xls (OLE2 without encryption streams) is told to be saved as .xlsx', async () => {
    const file = path.join(dir, 'old.xls');
    fs.writeFileSync(file, compoundFile(false));
    expect(await problemOf(file)).toMatchObject({
      problem: 'legacyXls',
      message: expect.stringContaining('另存为'),
    });
  });

  test('a truncated workbook is corrupt', async () => {
    const good = await writeWorkbook(dir, 'good.xlsx', (wb) =>
      addTable(wb, 'S', [['学校名称'], ['城关小学']]),
    );
    const file = path.join(dir, 'truncated.xlsx');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await problemOf(file)).toMatchObject({
      problem: 'corrupt',
      message: expect.stringContaining('已损坏或不完整'),
    });
  });

  test('a workbook whose only sheet is blank is empty', async () => {
    const file = await writeWorkbook(dir, 'blank.xlsx', (wb) => wb.addWorksheet('Sheet1'));
    expect(await problemOf(file)).toMatchObject({
      problem: 'emptyWorkbook',
      message: expect.stringContaining('没有任何数据'),
    });
  });

  test('a workbook without any sheet is empty', async () => {
    const file = await writeWorkbook(dir, 'nosheet.xlsx', () => undefined);
    expect(await problemOf(file)).toMatchObject({ problem: 'emptyWorkbook' });
  });
});
