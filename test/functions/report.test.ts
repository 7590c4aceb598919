// BALANCE.REPORT: the task pane's table reader and evaluate() on the selected range, spilled as the CV table.
import { evaluate, readTable, BASIC_2012, QUALITY_2017, type CellValue } from '../../src/engine';
import { REPORT } from '../../src/functions/functions';
import { installCustomFunctionsDouble, isDoubleError, thrownBy } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

const HEADER = ['学段', '指标', '县均值', '差异系数', '标准', '是否达标', '说明'];

// TV-6: three 初中 schools, students [800, 400, 200], multimedia rooms [20, 8, 3], teaching area [4400, 2000, 800];
// a title row above the header and a 合计 row below, as bureau sheets have them.
const TV6_TABLE: CellValue[][] = [
  ['2024年初中学校办学条件统计表', null, null, null, null],
  ['学校名称', '学段', '在校生数', '网络多媒体教室数（间）', '教学及辅助用房面积（㎡）'],
  ['城关中学', '初中', 800, 20, 4400],
  ['东关中学', '初中', 400, '8', 2000],
  ['西河中学', '初中', 200, 3, 800],
  ['合计', null, 1400, 31, 7200],
];

function rowOf(table: unknown[][], indicator: string): unknown[] {
  const row = table.find((r) => r[1] === indicator);
  if (!row) throw new Error(`no row for ${indicator}`);
  return row;
}

describe('BALANCE.REPORT — the CV table of a school table with its header row', () => {
  test('TV-6 (quality-2017, 初中 ≤ 0.45): multimedia rooms CV 0.164485, teaching area 0.100154, both pass', () => {
    const table = REPORT(TV6_TABLE);
    expect(table[0]).toEqual(HEADER);
    const rooms = rowOf(table, '每百名学生拥有网络多媒体教室数');
    expect(rooms[0]).toBe('初中');
    expect(rooms[2]).toBeCloseTo(2.214286, 6);
    expect(rooms[3]).toBeCloseTo(0.164485, 6);
    expect(rooms.slice(4, 6)).toEqual([0.45, true]);
    const area = rowOf(table, '生均教学及辅助用房面积');
    expect(area[3]).toBeCloseTo(0.100154, 6);
    expect(area[5]).toBe(true);
  });

  test('one row per indicator of the profile in its order; indicators without data are error cells, not 0', () => {
    const table = REPORT(TV6_TABLE);
    expect(table.slice(1).map((r) => r[1])).toEqual([
      '每百名学生拥有高于规定学历教师数',
      '每百名学生拥有县级以上骨干教师数',
      '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
      '生均教学及辅助用房面积',
      '生均体育运动场馆面积',
      '生均教学仪器设备值',
      '每百名学生拥有网络多媒体教室数',
    ]);
    const sports = rowOf(table, '生均体育运动场馆面积');
    expect(isDoubleError(sports[3])).toBe(true);
    expect(sports[3]).toMatchObject({ code: '#N/A' });
    expect(sports[5]).toMatchObject({ code: '#N/A' });
    for (const cell of table.flat()) {
      if (typeof cell === 'string') expect(cell).not.toMatch(/^#/);
    }
  });

  test('the same numbers as readTable + evaluate() on the same cells (one implementation with the task pane)', () => {
    const read = readTable({ sheet: '', values: TV6_TABLE, firstRow: 1, firstColumn: 0 });
    const evaluation = evaluate(read.rows, QUALITY_2017);
    const junior = evaluation.stages.junior;
    const table = REPORT(TV6_TABLE, 'quality-2017');
    expect(rowOf(table, '每百名学生拥有网络多媒体教室数')[3]).toBe(
      junior?.indicators.multimediaRoomsPer100?.cv,
    );
    expect(rowOf(table, '生均教学及辅助用房面积')[2]).toBe(junior?.indicators.teachingAreaPerStudent?.mean);
  });

  test('basic-2012: eight single CVs per stage without threshold, then the 综合差异系数 row with 0.65 / 0.55', () => {
    const header = [
      '学校名称',
      '学段',
      '在校生数',
      '专任教师数',
      '高于规定学历教师数',
      '中级及以上职称教师数',
      '教学及辅助用房面积',
      '体育运动场馆面积',
      '教学仪器设备值（万元）',
      '计算机台数',
      '图书册数',
    ];
    const rows = [
      ['一小', '小学', 800, 50, 48, 30, 3600, 6000, 160, 80, 24000],
      ['二小', '小学', 400, 30, 25, 12, 2000, 2500, 60, 30, 10000],
      ['三小', '小学', 200, 12, 12, 5, 700, 1600, 40, 20, 6000],
      ['一中', '初中', 900, 80, 70, 50, 5400, 9000, 270, 120, 36000],
      ['二中', '初中', 300, 24, 20, 10, 1500, 2400, 60, 30, 9000],
    ];
    const table = REPORT([header, ...rows], '基本均衡');
    const evaluation = evaluate(
      readTable({ sheet: '', values: [header, ...rows], firstRow: 1, firstColumn: 0 }).rows,
      BASIC_2012,
    );
    expect(table).toHaveLength(1 + 2 * 9);
    const composites = table.filter((r) => r[1] === '综合差异系数');
    expect(composites.map((r) => [r[0], r[4]])).toEqual([
      ['小学', 0.65],
      ['初中', 0.55],
    ]);
    expect(composites[0][3]).toBe(evaluation.stages.primary?.composite?.value);
    expect(composites[0][5]).toBe(evaluation.stages.primary?.composite?.pass);
    const singles = table.slice(1).filter((r) => r[1] !== '综合差异系数');
    expect(singles).toHaveLength(16);
    for (const r of singles) {
      expect(typeof r[3]).toBe('number');
      expect(r.slice(4, 6)).toEqual(['', '']);
    }
    // 万元 in the header converts to 元: 小学 160 + 60 + 40 万元 over 1400 students = 1857.14 元 per student.
    expect(rowOf(table, '生均教学仪器设备值')[2]).toBeCloseTo(2600000 / 1400, 9);
  });

  test('a CV within 0.0005 of the threshold carries a visible near-threshold note', () => {
    // 5 rooms for 200 students and 6 for 100: per 100 [2.5, 6], CV 0.449977 — 0.000023 under 0.45.
    const table: unknown[][] = [
      ['学校名称', '学段', '在校生数', '网络多媒体教室数'],
      ['甲校', '初中', 200, 5],
      ['乙校', '初中', 100, 6],
    ];
    const row = rowOf(REPORT(table), '每百名学生拥有网络多媒体教室数');
    expect(Math.abs((row[3] as number) - 0.45)).toBeLessThanOrEqual(0.0005);
    expect(row[5]).toBe(true);
    expect(row[6]).toBe('接近标准（相差 0.000023），请核对原始数据');
  });

  test('a range without a recognisable header or without schools is #VALUE! with the reason', () => {
    const noHeader = thrownBy(() =>
      REPORT([
        [1, 2],
        [3, 4],
      ]),
    );
    expect(noHeader.code).toBe('#VALUE!');
    expect(noHeader.message).toMatch(/^未识别出学校表：/);
    expect(noHeader.message).toContain('=BALANCE.REPORT(A1:Q40)');
    const noSchools = thrownBy(() => REPORT([['学校名称', '学段', '在校生数', '网络多媒体教室数']]));
    expect(noSchools).toEqual({ code: '#VALUE!', message: expect.stringContaining('没有可计算的学校') });
  });
});
