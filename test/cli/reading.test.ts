// Spec §8 through the whole `balance check` command: per-stage columns for every row, "—" for none, standard rows under
// the header, and header units (亩, 百万元) — the way county sheets are really laid out.
import * as fs from 'node:fs';
import type { JsonResult } from '../../src/cli/json';
import { addTable, cli, tmpDir, writeWorkbook } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function checkJson(file: string, ...extra: string[]): Promise<{ code: number; result: JsonResult }> {
  const run = await cli('check', file, '--json', ...extra);
  return { code: run.code, result: JSON.parse(run.stdout) as JsonResult };
}

/** No plain 在校生数 or 教师数: every count per stage, as many county sheets have it. */
const HEADER = [
  '学校名称', // A
  '学校类型', // B
  '小学在校生数（人）', // C
  '初中在校生数（人）', // D
  '小学高于规定学历教师数', // E
  '初中高于规定学历教师数', // F
  '小学县级以上骨干教师数', // G
  '初中县级以上骨干教师数', // H
  '小学体育、艺术专任教师数', // I
  '初中体育、艺术专任教师数', // J
  '教学及辅助用房面积（㎡）', // K
  '体育运动场（馆）面积（亩）', // L
  '教学仪器设备值（百万元）', // M
  '网络多媒体教室数', // N
];

// 小学 standards [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3]; 初中 [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4].
// 城关小学 400 students: 4.5 亩 = 3000 ㎡ = 7.5 ㎡ per student exactly; 0.8 百万元 = 800000 元 = 2000 per student.
const ROWS = [
  ['国家标准（小学）', '小学', null, null, null, null, null, null, null, null, 4.5, null, null, null],
  ['国家标准（初中）', '初中', null, null, null, null, null, null, null, null, 5.8, null, null, null],
  ['城关小学', '小学', 400, null, 17, null, 4, null, 4, null, 1800, 4.5, 0.8, 10],
  ['东关小学', '小学', 500, '—', 22, '—', 6, '—', '—', '—', 2300, 6, 1.1, 12],
  ['河口小学', '小学', 300, null, 14, null, 3, null, 3, null, 1400, 3.6, 0.7, 7],
  ['城关中学', '初中', null, 600, null, 32, null, 6, null, 6, 3500, 9.18, 1.5, 15],
  ['龙泉中学', '初中', '—', 500, '—', 27, '—', 5, '—', 5, 2900, 7.65, 1.25, 12],
  ['合计', null, 1200, 1100, 53, 59, 13, 11, 7, 11, 11900, 30.93, 5.35, 56],
];

describe('balance check on a per-stage sheet with dashes, standard rows and 亩 / 百万元', () => {
  let result: JsonResult;
  let code: number;
  let text: string;

  beforeAll(async () => {
    const file = await writeWorkbook(dir, 'per-stage.xlsx', (wb) =>
      addTable(wb, '学校数据', [HEADER, ...ROWS]),
    );
    ({ code, result } = await checkJson(file));
    text = (await cli('check', file)).stdout;
  });

  test('every stand-alone school is read from its stage columns: no 缺少在校生数, both stages have all their schools', () => {
    expect(code).toBe(0);
    expect(result.issues.filter((i) => i.code === 'missingStudents')).toEqual([]);
    expect(result.stages.primary?.schools).toBe(3);
    expect(result.stages.junior?.schools).toBe(2);
    expect(result.schools.map((s) => s.name)).toEqual([
      '城关小学',
      '东关小学',
      '河口小学',
      '城关中学',
      '龙泉中学',
    ]);
  });

  test('standard rows under the header and the 合计 row are not schools and raise no issue', () => {
    expect(
      result.issues.filter((i) => i.row <= 3 || i.row === 9).filter((i) => i.code !== 'noKindColumn'),
    ).toEqual([]);
    expect(text).toContain('国家标准（小学）');
    expect(text).toContain('标准值行');
  });

  test('"—" in a count column of the school\'s own stage is 0 and listed; 0 PE/art teachers fails that indicator', () => {
    const dash = result.issues.filter((i) => i.code === 'dashAsZero');
    expect(dash.map((i) => `${i.column}${i.row}`)).toEqual(
      expect.arrayContaining(['D5', 'F5', 'H5', 'I5', 'J5', 'C8', 'E8', 'G8', 'I8']),
    );
    expect(dash.find((i) => i.column === 'I' && i.row === 5)?.message).toBe(
      '「学校数据」第 5 行 I 列（小学体育、艺术（美术、音乐）专任教师数）：“—”按“无”计为 0',
    );
    const east = result.schools.find((s) => s.name === '东关小学')!;
    expect(east.indicators.peArtTeachersPer100?.value).toBe(0);
    expect(east.indicators.peArtTeachersPer100?.pass).toBe(false);
  });

  test('units: 4.5 亩 for 400 students is exactly 7.5 ㎡ per student (passes), 0.8 百万元 is 2000 元 per student', () => {
    const chengguan = result.schools.find((s) => s.name === '城关小学')!;
    expect(chengguan.indicators.sportsAreaPerStudent).toMatchObject({ value: 7.5, pass: true });
    expect(chengguan.indicators.equipmentValuePerStudent).toMatchObject({ value: 2000, pass: true });
    expect(chengguan.pass).toBe(true);
  });

  test('with a custom profile reading dashes as unknown, the dash cells are missing values instead', async () => {
    const profile = `${dir}/unknown-dashes.json`;
    fs.writeFileSync(profile, JSON.stringify({ extends: 'quality-2017', dashes: 'unknown' }));
    const file = `${dir}/per-stage.xlsx`;
    const { result: r } = await checkJson(file, '--profile', profile);
    expect(r.issues.filter((i) => i.code === 'dashAsZero')).toEqual([]);
    const east = r.schools.find((s) => s.name === '东关小学')!;
    expect(east.indicators.peArtTeachersPer100?.value).toBeNull();
  });
});
