// `balance plan`: 整改测算 on a workbook — typed into the sheet, the additions make `balance check` pass.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonResult } from '../../src/cli/json';
import type { JsonPlanResult } from '../../src/cli/planJson';
import type { IndicatorId } from '../../src/engine/model/types';
import { cli, QUALITY_HEADER, sha256, tmpDir, writeWorkbook } from './fixtures';
import { BASIC_UNIT_COSTS } from '../support/basicCounty';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const QUALITY = path.join(SAMPLES, '示例县-优质均衡.xlsx');
const BASIC = path.join(SAMPLES, '示例县-基本均衡.xlsx');

const dir = tmpDir('balance-plan-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 1-based sheet column of each indicator's resource in QUALITY_HEADER. */
const COLUMN: Partial<Record<IndicatorId, number>> = {
  qualifiedTeachersPer100: 4,
  keyTeachersPer100: 5,
  peArtTeachersPer100: 6,
  teachingAreaPerStudent: 7,
  sportsAreaPerStudent: 8,
  equipmentValuePerStudent: 9,
  multimediaRoomsPer100: 10,
};
/** A county with schools short of standards and very unequal equipment (小学 CV far above 0.50). */
const ROWS: ExcelJS.CellValue[][] = [
  ['城关小学', '小学', 1200, 60, 14, 12, 6000, 9600, 6000000, 30],
  ['东关小学', '小学', 800, 33, 9, 7, 3400, 5600, 1200000, 17],
  ['河口小学', '小学', 300, 12, 2, 3, 1300, 2100, 300000, 6],
  ['杨庄小学', '小学', 450, 20, 5, 4, 2100, 3300.5, 500000.5, 11],
  ['城关中学', '初中', 900, 50, 10, 9, 5400, 9500, 2400000, 22],
  ['龙泉中学', '初中', 600, 30, 5, 5, 3300, 5800, 1200000, 13],
];

async function county(name: string): Promise<string> {
  return writeWorkbook(dir, name, (wb) => {
    const ws = wb.addWorksheet('学校数据');
    ws.addRow(QUALITY_HEADER);
    ROWS.forEach((r) => ws.addRow(r));
  });
}

/** The workbook with every planned addition typed into its resource cell (the sum as a decimal, as a user would). */
async function withAdditions(file: string, plan: JsonPlanResult, out: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(plan.sheet)!;
  for (const stage of Object.values(plan.stages)) {
    for (const school of stage!.additions) {
      expect(school.split).toBe(false);
      for (const [id, add] of Object.entries(school.additions) as [IndicatorId, number][]) {
        const cell = ws.getCell(school.row, COLUMN[id]!);
        cell.value = Number((Number(cell.value) + add).toFixed(2));
      }
    }
  }
  await wb.xlsx.writeFile(out);
  return out;
}

async function planJson(...args: string[]): Promise<JsonPlanResult> {
  const run = await cli('plan', ...args, '--json');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonPlanResult;
}

describe('balance plan: "every school meets its per-school standard and the CV is at or below the target"', () => {
  test('typed into the sheet, the plan makes `balance check` pass every school and every CV', async () => {
    const file = await county('县.xlsx');
    const before = sha256(file);
    const plan = await planJson(file);
    expect(sha256(file)).toBe(before);
    const checkedBefore = JSON.parse((await cli('check', file, '--json')).stdout) as JsonResult;
    expect(checkedBefore.stages.primary!.pass).toBe(false);
    expect(plan.stages.primary!.indicators.equipmentValuePerStudent!.cvBefore as number).toBeGreaterThan(0.5);
    const after = await withAdditions(file, plan, path.join(dir, '县-整改后.xlsx'));
    const checked = JSON.parse((await cli('check', after, '--json')).stdout) as JsonResult;
    expect(checked.schools.every((s) => s.pass === true)).toBe(true);
    expect(checked.stages.primary!.pass).toBe(true);
    expect(checked.stages.junior!.pass).toBe(true);
    // The plan's CVs are the ones the check computes from the amended sheet.
    for (const [id, ip] of Object.entries(plan.stages.primary!.indicators)) {
      expect(checked.stages.primary!.indicators[id as IndicatorId]!.cv).toBeCloseTo(ip!.cv as number, 9);
    }
  });

  test('--margin 0.9: every CV planned to 0.9 × its threshold (0.45 小学, 0.405 初中), and the check agrees', async () => {
    const file = await county('县-余量.xlsx');
    const plan = await planJson(file, '--margin', '0.9');
    expect(plan.options).toEqual({ target: null, margin: 0.9, floors: 'standard', costs: null });
    expect(plan.stages.primary!.indicators.sportsAreaPerStudent!.target).toBe(0.45);
    expect(plan.stages.junior!.indicators.sportsAreaPerStudent!.target).toBe(0.405);
    const after = await withAdditions(file, plan, path.join(dir, '县-余量-整改后.xlsx'));
    const checked = JSON.parse((await cli('check', after, '--json')).stdout) as JsonResult;
    for (const [stage, limit] of [
      ['primary', 0.45],
      ['junior', 0.405],
    ] as const) {
      for (const c of Object.values(checked.stages[stage]!.indicators))
        expect(c!.cv as number).toBeLessThanOrEqual(limit);
    }
  });

  test('--target 0.3 --margin 0.9: the target is 0.27 for both stages', async () => {
    const plan = await planJson(await county('县-目标.xlsx'), '--target', '0.3', '--margin', '0.9');
    expect(plan.options.target).toBe(0.3);
    for (const stage of Object.values(plan.stages)) {
      for (const ip of Object.values(stage!.indicators)) {
        expect(ip!.target).toBe(0.27);
        expect(ip!.cv as number).toBeLessThanOrEqual(0.27);
      }
    }
  });

  test('--floors rule: the k-of-n choice never needs more than every standard, and rows and ids are as in check', async () => {
    const file = await county('县-规则.xlsx');
    const strict = await planJson(file);
    const rule = await planJson(file, '--floors', 'rule');
    expect(rule.options.floors).toBe('rule');
    for (const stage of ['primary', 'junior'] as const) {
      for (const [id, ip] of Object.entries(rule.stages[stage]!.indicators)) {
        expect(ip!.forcedTotal).toBeLessThanOrEqual(
          strict.stages[stage]!.indicators[id as IndicatorId]!.forcedTotal,
        );
      }
    }
    expect(rule.stages.primary!.additions.map((a) => a.row).every((r) => r >= 2 && r <= 7)).toBe(true);
  });
});

describe('the readable summary', () => {
  test('优质均衡 sample: targets, per-indicator totals, the schools to supply, and the k-of-n school plans', async () => {
    const { code, stdout } = await cli('plan', QUALITY);
    expect(code).toBe(0);
    expect(stdout).toContain('整改测算：');
    expect(stdout).toContain('测算目标：各项差异系数不超过评估标准的阈值（小学 0.50，初中 0.45）');
    // The sample's equipment column is in 万元: the amounts are in 万元 with two decimals, as on the 整改测算 sheet.
    expect(stdout).toMatch(
      /生均教学仪器设备值\s+0\.582\s+≤0\.50\s+—\s+[\d,]+\.\d{2}万元\s+[\d,]+\.\d{2}万元\s+0\.500/,
    );
    expect(stdout).toContain('第 15 行  柳河镇杨庄小学：体育场馆 +300㎡');
    expect(stdout).toContain(
      '第 15 行  柳河镇杨庄小学（小学）：提高 1 项：生均体育运动场馆面积增加 18.75㎡，达到 6.375㎡（标准 7.5㎡ 的 85%）',
    );
    expect(stdout).toContain('（按学段折算的份额');
  });

  test('--costs: prices by Chinese name or id give the cost of each indicator and of the stage', async () => {
    const costs = path.join(dir, '单价.json');
    fs.writeFileSync(
      costs,
      JSON.stringify({ 生均体育运动场馆面积: 800, keyTeachersPer100: 150000, 多媒体教室: 60000 }),
    );
    const plan = await planJson(QUALITY, '--costs', costs);
    expect(plan.options.costs).toEqual({
      sportsAreaPerStudent: 800,
      keyTeachersPer100: 150000,
      multimediaRoomsPer100: 60000,
    });
    const primary = plan.stages.primary!;
    expect(primary.indicators.sportsAreaPerStudent!.cost).toBe(
      primary.indicators.sportsAreaPerStudent!.total * 800,
    );
    // Equipment is counted in 元, so it costs itself.
    expect(primary.indicators.equipmentValuePerStudent!.cost).toBe(
      primary.indicators.equipmentValuePerStudent!.total,
    );
    const { stdout } = await cli('plan', QUALITY, '--costs', costs);
    expect(stdout).toContain('估算经费合计：');
  });

  test('基本均衡 sample: the composite before and after, at or below 0.55 for 初中', async () => {
    const plan = await planJson(BASIC, '--profile', 'basic-2012');
    const junior = plan.stages.junior!;
    expect(junior.composite!.threshold).toBe(0.55);
    expect(junior.composite!.before as number).toBeGreaterThan(0.55);
    expect(junior.composite!.after as number).toBeLessThanOrEqual(0.55);
    expect(plan.schoolPlans).toEqual([]);
    // Without unit costs: per indicator, and said so.
    expect(junior.mix).toEqual({
      ok: false,
      code: 'noCosts',
      reason: expect.stringContaining('不是成本最低的组合'),
    });
    const { stdout } = await cli('plan', BASIC, '--profile', 'basic-2012');
    expect(stdout).toContain('未填写单位成本：以下按各指标分别测算');
  });

  test('基本均衡 with --costs: the cheapest mix — per indicator target, additions, cost, total and the gap', async () => {
    const costs = path.join(dir, '基本单价.json');
    fs.writeFileSync(costs, JSON.stringify(BASIC_UNIT_COSTS));
    const plan = await planJson(BASIC, '--profile', 'basic-2012', '--costs', costs, '--margin', '0.9');
    const mix = plan.stages.junior!.mix!;
    if (!mix.ok) throw new Error(mix.reason);
    expect(mix.target).toBe(0.495);
    expect(mix.feasible).toBe(true);
    expect(mix.composite).toBeLessThanOrEqual(0.495);
    expect(mix.cost).toBeLessThanOrEqual(mix.perIndicatorCost);
    expect(mix.lowerBound).toBeLessThanOrEqual(mix.cost);
    expect(Object.keys(mix.indicators)).toHaveLength(8);
    const sum = Object.values(mix.indicators).reduce((s, m) => s + m!.cost, 0);
    expect(sum).toBeCloseTo(mix.cost, 6);
    const { stdout } = await cli(
      'plan',
      BASIC,
      '--profile',
      'basic-2012',
      '--costs',
      costs,
      '--margin',
      '0.9',
    );
    expect(stdout).toContain('成本最低的组合（综合差异系数目标 ≤ 0.495）');
    expect(stdout).toContain('与理论最低相差不超过');
  });
});

describe('unusable input and arguments: exit code 2 with a Chinese message', () => {
  test.each([
    [['--target', 'abc'], '目标差异系数“abc”无效'],
    [['--target', '-0.1'], '目标差异系数“-0.1”无效'],
    [['--margin', '0'], '安全系数“0”无效'],
    [['--floors', 'all'], '--floors 只能是 standard 或 rule'],
    [['--bogus'], '未知选项“--bogus”'],
    [['--target'], '选项 --target 后面需要一个值'],
  ])('%j', async (args, message) => {
    const { code, stderr } = await cli('plan', QUALITY, ...args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('no file; --out with two files; --out and --out-dir together; --out not .xlsx', async () => {
    expect((await cli('plan')).stderr).toContain('请指定要测算的 Excel 文件');
    const two = await cli('plan', QUALITY, BASIC, '--out', path.join(dir, '两个.xlsx'));
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--out 只能用于一个文件，现在有 2 个；多个文件请用 --out-dir 文件夹。');
    const both = await cli('plan', QUALITY, '--out', path.join(dir, 'a.xlsx'), '--out-dir', dir);
    expect(both.stderr).toContain('--out 与 --out-dir 只能选一个。');
    expect((await cli('plan', QUALITY, '--out', path.join(dir, 'a.csv'))).stderr).toContain(
      '应以 .xlsx 结尾',
    );
  });

  test('a missing file: the check’s message, and with --json the unusable-file object', async () => {
    const missing = path.join(dir, '没有.xlsx');
    const run = await cli('plan', missing, '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`找不到文件：${missing}`);
    expect(JSON.parse(run.stdout)).toEqual({
      file: missing,
      error: { code: 'missingFile', message: expect.stringContaining('找不到文件') },
    });
  });

  test('a costs file naming an unknown indicator, or a price that is not a number', async () => {
    const costs = path.join(dir, '坏单价.json');
    fs.writeFileSync(costs, JSON.stringify({ 操场草坪: 100, 生均体育运动场馆面积: '八百' }));
    const { code, stderr } = await cli('plan', QUALITY, '--costs', costs);
    expect(code).toBe(2);
    expect(stderr).toContain('未知的指标：“操场草坪”');
    expect(stderr).toContain('“生均体育运动场馆面积”的单价应为不小于 0 的数');
  });

  test('-h prints the usage and exits 0', async () => {
    const { code, stdout } = await cli('plan', '-h');
    expect(code).toBe(0);
    expect(stdout).toContain('用法：balance plan <文件.xlsx | 文件夹>… [选项]');
  });
});
