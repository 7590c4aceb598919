// `balance check` on the samples: the summary, --json, --out/--out-dir marked copies, profiles, --strict, arguments.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { JsonResult, JsonUnusable } from '../../src/cli/json';
import { run } from '../../src/cli/main';
import { REPORT_SHEET_NAME } from '../../src/engine/plans/assessmentReport';
import { addTable, cli, fillOf, noteOf, QUALITY_HEADER, sha256, tmpDir, writeWorkbook } from './fixtures';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');
const QUALITY = path.join(SAMPLES, '示例县-优质均衡.xlsx');
const BASIC = path.join(SAMPLES, '示例县-基本均衡.xlsx');

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the readable summary', () => {
  test('优质均衡 sample: CV table per stage, failing schools with reasons, exclusions, the county verdict', async () => {
    const { code, stdout } = await cli('check', QUALITY);
    expect(code).toBe(0);
    expect(stdout).toContain('评估标准：优质均衡（教督〔2017〕6号）');
    expect(stdout).toContain(
      '参评学段：37 个（小学 25，初中 12）；达到办学标准 33 个，未达到 4 个；未纳入计算 2 行',
    );
    expect(stdout).toMatch(/生均教学仪器设备值\s+4,076\.65\s+0\.582\s+≤0\.50\s+未达标/);
    expect(stdout).toContain('小学差异系数结论：未达标');
    expect(stdout).toContain('初中差异系数结论：达标');
    // The reason names the rule that fails, then what makes the school pass (18.75㎡) and what reaches the standard.
    expect(stdout).toContain(
      '第 15 行  柳河镇杨庄小学（小学）：6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线；' +
        '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准',
    );
    expect(stdout).toContain('第 26 行  李家沟教学点：教学点在校生 28 人');
    expect(stdout).toContain('第 3 行  城关第一小学（小学）：最大班额 48 人');
    expect(stdout).toContain('结论：未达到优质均衡要求（小学差异系数未达标；4 个学段未达到办学标准）');
  });

  test('基本均衡 sample with --profile basic-2012: the composite per stage', async () => {
    const { code, stdout } = await cli('check', BASIC, '--profile', 'basic-2012');
    expect(code).toBe(0);
    expect(stdout).toMatch(/综合差异系数\s+0\.249\s+≤0\.65\s+达标/);
    expect(stdout).toMatch(/综合差异系数\s+0\.567\s+≤0\.55\s+未达标/);
    expect(stdout).toContain('第 15 行  育英学校：民办学校');
    expect(stdout).toContain('结论：未达到基本均衡要求（初中差异系数未达标）');
  });

  test('several files: one row per file and the totals; an unreadable one keeps its reason', async () => {
    const missing = path.join(dir, '缺失.xlsx');
    const { code, stdout } = await cli('check', QUALITY, BASIC, missing);
    expect(code).toBe(2);
    const lines = stdout.split('\n');
    expect(lines.find((l) => l.includes('示例县-优质均衡.xlsx'))).toMatch(
      /学校基本情况\s+未达标\s+达标\s+33\/37\s+2\s+0\s+未达标/,
    );
    // Under the default --profile auto the basic-regime sample is read as 基本均衡: no per-school rule, no problems.
    expect(lines.find((l) => l.includes('示例县-基本均衡.xlsx'))).toMatch(
      /达标\s+未达标\s+—\s+2\s+0\s+未达标/,
    );
    expect(stdout).toContain(`找不到文件：${missing}`);
    expect(stdout).toContain('合计：3 个文件；达标 0，未达标 2，无法读取 1');
  });
});

describe('--json', () => {
  test('exactly the issue shape; a combined row appears once per stage part with the same row', async () => {
    const { code, stdout } = await cli('check', QUALITY, '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as JsonResult;
    expect(Object.keys(r)).toEqual([
      'schemaVersion',
      'file',
      'sheet',
      'profile',
      'verdict',
      'counts',
      'reason',
      'undecided',
      'stages',
      'schools',
      'excluded',
      'issues',
    ]);
    expect([r.schemaVersion, r.file, r.sheet, r.profile]).toEqual([
      2,
      QUALITY,
      '学校基本情况',
      'quality-2017',
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.counts).toEqual({ checked: 37, passed: 33, failed: 4, undecided: 0, excluded: 2 });
    expect(r.reason).toBe('小学差异系数未达标；4 个学段未达到办学标准');
    expect(r.undecided).toEqual({ schools: [], stages: [] });
    expect([r.stages.primary!.verdict, r.stages.junior!.verdict]).toEqual(['fail', 'pass']);
    expect(Object.keys(r.stages.primary!)).toEqual([
      'schools',
      'students',
      'verdict',
      'pass',
      'composite',
      'indicators',
    ]);
    expect(r.stages.primary!.indicators.equipmentValuePerStudent).toEqual({
      mean: expect.closeTo(4076.650799, 6),
      cv: expect.closeTo(0.581747, 6),
      threshold: 0.5,
      pass: false,
      nearThreshold: false,
    });
    const hongxing = r.schools.filter((s) => s.name === '红星九年一贯制学校');
    expect(hongxing.map((s) => [s.row, s.stage])).toEqual([
      [28, 'primary'],
      [28, 'junior'],
    ]);
    expect(hongxing[1].indicators.teachingAreaPerStudent).toEqual({
      value: 5.5,
      standard: 5.8,
      pass: false,
      gap: 120,
    });
    expect(r.excluded).toEqual([
      { row: 26, name: '李家沟教学点', reason: 'smallTeachingPoint' },
      { row: 40, name: '县特殊教育学校', reason: 'special' },
    ]);
    expect(r.issues).toEqual([]);
  });

  test('CVs and composites are the doubles nearest the exact values: a composite of exactly 0.55 prints 0.55', async () => {
    // Two 初中 of 100 pupils, every resource 31 : 9 → each of the 8 CVs is exactly 22/40 = 0.55, and so is their mean;
    // the float mean of the eight float CVs is 0.5499999999999999.
    const header = [
      '学校名称',
      '学校类型',
      '在校生数',
      '教学及辅助用房面积（㎡）',
      '体育运动场（馆）面积（㎡）',
      '教学仪器设备值（元）',
      '计算机台数',
      '图书册数',
      '专任教师数',
      '高于规定学历教师数',
      '中级及以上职称教师数',
    ];
    const file = await writeWorkbook(dir, '综合0.55.xlsx', (wb) =>
      addTable(wb, '学校', [
        header,
        ['甲中学', '初中', 100, ...Array(8).fill(31)],
        ['乙中学', '初中', 100, ...Array(8).fill(9)],
      ]),
    );
    const { code, stdout } = await cli('check', file, '--profile', 'basic-2012', '--json');
    expect(code).toBe(0);
    const junior = (JSON.parse(stdout) as JsonResult).stages.junior!;
    expect(stdout).toContain('"composite": 0.55,');
    expect(stdout).not.toContain('0.5499999999999999');
    expect(junior.composite).toBe(0.55);
    expect(junior.pass).toBe(true);
    expect(Object.values(junior.indicators).map((i) => i!.cv)).toEqual(Array(8).fill(0.55));
  });

  test('several files, or a folder, give an array; an unusable file an error entry', async () => {
    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    fs.copyFileSync(QUALITY, path.join(folder, 'a.xlsx'));
    fs.writeFileSync(path.join(folder, '~$a.xlsx'), 'Excel lock file');
    fs.writeFileSync(path.join(folder, 'b.xlsx'), 'not a workbook');
    const { code, stdout, stderr } = await cli('check', folder, '--json');
    expect(code).toBe(2);
    const results = JSON.parse(stdout) as (JsonResult | JsonUnusable)[];
    expect(results.map((r) => path.basename(r.file))).toEqual(['a.xlsx', 'b.xlsx']);
    expect((results[1] as JsonUnusable).error.code).toBe('notXlsx');
    expect(stderr).toContain('不是 Excel 工作簿');
  });
});

describe('--out and --out-dir: a marked copy; the input is never modified', () => {
  test('the copy has the shading, the notes and the report sheet the task pane would write', async () => {
    const before = sha256(QUALITY);
    const out = path.join(dir, '结果.xlsx');
    const { code, stdout } = await cli('check', QUALITY, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`已另存标注副本：${out}`);
    expect(sha256(QUALITY)).toBe(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    // The 申报表 tables of the regime follow the reports.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '学校基本情况',
      REPORT_SHEET_NAME,
      '整改测算',
      '表Ⅱ-1 资源配置达标情况',
      '表Ⅱ-2 学校资源配置情况',
      '表Ⅲ 县域义务教育校际均衡情况',
    ]);
    const ws = wb.getWorksheet('学校基本情况')!;
    // 白马乡石桥小学 (row 18): the name cell, and the key-teacher (M) and multimedia-room (T) counts it lacks.
    expect([fillOf(ws.getCell('B18')), fillOf(ws.getCell('M18')), fillOf(ws.getCell('T18'))]).toEqual([
      'FFFF9999',
      'FFFFE699',
      'FFFFE699',
    ]);
    expect(noteOf(ws.getCell('M18'))).toContain('每百名学生拥有县级以上骨干教师数');
    // 红星 (row 28) 初中部 falls short on teaching area: the shared facility cell (Q) says which part.
    expect(noteOf(ws.getCell('Q28'))).toContain('初中部');
    expect(fillOf(ws.getCell('B4'))).toBeUndefined();
    expect(ws.getCell('R15').value).toBe(1575);
    const report = wb.getWorksheet(REPORT_SHEET_NAME)!;
    expect(report.getCell('A1').value).toBe('示例县2026年义务教育优质均衡发展评估报告');
  });

  test('the copy has the 整改测算 sheet: per stage the totals, per school the additions with units', async () => {
    const out = path.join(dir, '整改.xlsx');
    expect((await cli('check', QUALITY, '--out', out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('整改测算')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      rows[n] = (row.values as unknown[]).slice(1);
    });
    const find = (pred: (r: unknown[]) => boolean) => rows.filter((r) => r && pred(r));
    expect(rows[1][0]).toBe('示例县2026年义务教育优质均衡发展整改测算');
    expect(find((r) => r[0] === '小学（25 所学校）')).toHaveLength(1);
    expect(find((r) => r[0] === '初中（12 所学校）')).toHaveLength(1);
    // 小学 equipment: the CV 0.582 is above 0.50 before; after the plan it is at most the target.
    const equipment = find((r) => r[0] === '生均教学仪器设备值')[0];
    // The sample's equipment column is in 万元: the sheet's amounts follow it.
    expect(equipment[1]).toBe('万元');
    expect(equipment[2]).toBeCloseTo(0.582, 3);
    expect(equipment[3]).toBe(0.5);
    expect(equipment[7] as number).toBeLessThanOrEqual(0.5);
    const header = find((r) => r[0] === '学校名称')[0];
    const shiqiao = find((r) => r[0] === '白马乡石桥小学');
    expect(shiqiao).toHaveLength(1);
    const line = shiqiao[0];
    expect(line.slice(1, 3)).toEqual([18, '小学']);
    expect(line[header.indexOf('骨干教师（人）')]).toBe(2);
    expect(line[header.indexOf('多媒体教室（间）')]).toBe(2);
    expect(line[header.indexOf('仪器设备（万元）')]).toBe(23.12);
    expect(line[header.indexOf('需增加')]).toBe('骨干教师 +2人，仪器设备 +23.12万元，多媒体教室 +2间');
  });

  test('--out-dir writes one marked copy per file; --out onto the input itself is refused', async () => {
    const outDir = path.join(dir, 'outs');
    const r = await cli('check', QUALITY, BASIC, '--out-dir', outDir);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual(
      ['示例县-优质均衡-评估结果.xlsx', '示例县-基本均衡-评估结果.xlsx'].sort(),
    );

    const copy = path.join(dir, 'copy.xlsx');
    fs.copyFileSync(QUALITY, copy);
    const before = sha256(copy);
    const same = await cli('check', copy, '--out', copy);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('就是输入文件本身');
    expect(sha256(copy)).toBe(before);
  });
});

describe('three-valued verdicts: 无法判定 while a school has an unknown cell', () => {
  // Three 小学 of 1000 pupils meeting every standard; 北山小学's sports area (H4) is blank, i.e. unknown.
  let file: string;
  beforeAll(async () => {
    file = await writeWorkbook(dir, '缺数据.xlsx', (wb) => {
      const ws = wb.addWorksheet('学校数据');
      ws.addRow(QUALITY_HEADER);
      ws.addRow(['城关小学', '小学', 1000, 45, 12, 10, 5000, 8000, 2100000, 25]);
      ws.addRow(['东关小学', '小学', 1000, 46, 12, 11, 5100, 8200, 2150000, 26]);
      ws.addRow(['北山小学', '小学', 1000, 45, 12, 10, 5000, null, 2100000, 25]);
    });
  });

  test('the summary says 无法判定 and why, never 达到; the school is listed with its cell', async () => {
    const { code, stdout } = await cli('check', file);
    expect(code).toBe(0);
    expect(stdout).toContain('达到办学标准 2 个，未达到 0 个，无法判定 1 个');
    expect(stdout).toContain('第 4 行  北山小学（小学）：缺少 H4（不按 0 计算）');
    expect(stdout).toContain('小学差异系数结论：无法判定');
    expect(stdout).toContain('结论：无法判定是否达到优质均衡要求（1 所学校缺数据：北山小学 H4）');
    expect(stdout).not.toContain('结论：达到');
  });

  test('--strict: undecided is not a pass (exit 1)', async () => {
    expect((await cli('check', file, '--strict')).code).toBe(1);
  });

  test('--json: verdict, counts, the undecided list and each stage’s verdict', async () => {
    const r = JSON.parse((await cli('check', file, '--json')).stdout) as JsonResult;
    expect(r.verdict).toBe('undecided');
    expect(r.counts).toEqual({ checked: 3, passed: 2, failed: 0, undecided: 1, excluded: 0 });
    expect(r.reason).toBe('1 所学校缺数据：北山小学 H4');
    expect(r.undecided).toEqual({
      schools: [{ row: 4, name: '北山小学', stage: 'primary', pass: null, cells: ['H4'] }],
      stages: [],
    });
    expect(r.stages.primary).toMatchObject({ verdict: 'undecided', pass: true });
    expect(r.schools.map((s) => s.pass)).toEqual([true, true, null]);
  });
});

describe('profiles and exit codes', () => {
  test('--profile auto is the default: the 基本均衡 sample is evaluated as basic-2012, and the summary says why', async () => {
    const { stdout } = await cli('check', BASIC);
    expect(stdout).toContain('评估标准：基本均衡（教督〔2012〕3号）');
    expect(stdout).toContain('自动选择：表中有基本均衡所需的全部数据列，按基本均衡评估（优质均衡缺少：');
    const r = JSON.parse((await cli('check', BASIC, '--json')).stdout) as JsonResult;
    expect(r.profile).toBe('basic-2012');
    const q = JSON.parse((await cli('check', QUALITY, '--profile', 'auto', '--json')).stdout) as JsonResult;
    expect(q.profile).toBe('quality-2017');
  });

  test('--strict exits 1 when the county fails, 0 without it', async () => {
    expect((await cli('check', QUALITY, '--strict')).code).toBe(1);
    expect((await cli('check', QUALITY)).code).toBe(0);
  });

  test('a province profile from JSON (extends quality-2017, 小学 CV limit 0.60) is applied', async () => {
    const file = path.join(dir, '某省标准.json');
    fs.writeFileSync(file, JSON.stringify({ extends: 'quality-2017', cv: { thresholds: { primary: 0.6 } } }));
    const { code, stdout } = await cli('check', QUALITY, '--profile', file, '--json');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as JsonResult;
    expect(r.stages.primary?.indicators.equipmentValuePerStudent?.threshold).toBe(0.6);
    expect(r.stages.primary?.pass).toBe(true);
  });

  test('a bad profile names the bad key; an unknown one lists the built-in ones', async () => {
    const file = path.join(dir, '坏标准.json');
    fs.writeFileSync(file, JSON.stringify({ extends: 'quality-2017', schoolRule: { r: 1.5 } }));
    const bad = await cli('check', QUALITY, '--profile', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('schoolRule.r');
    const unknown = await cli('check', QUALITY, '--profile', 'quality-2099');
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('quality-2017（优质均衡）') });
  });

  test('argument mistakes: exit 2 with the reason and the usage', async () => {
    for (const args of [
      ['check'],
      ['check', QUALITY, '--sheet'],
      ['check', QUALITY, '--bogus'],
      ['verify', QUALITY],
    ]) {
      const r = await cli(...args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stderr).toContain('用法：balance check');
    }
    const many = await cli('check', QUALITY, BASIC, '--out', path.join(dir, 'x.xlsx'));
    expect(many).toMatchObject({ code: 2, stderr: expect.stringContaining('--out 只能用于一个文件') });
    expect((await cli('--help')).stdout).toContain('退出码');
  });

  test('an unknown command names both commands, check and plan; the usage points to balance plan', async () => {
    const r = await cli('verify', QUALITY);
    expect(r.stderr).toContain('可用的命令：check（核查）、plan（整改测算）');
    expect((await cli('--help')).stdout).toContain('balance plan <文件.xlsx | 文件夹>…');
  });
});

test('progress goes to stderr only once a run takes longer than a second', async () => {
  let clock = 0;
  const slow: string[] = [];
  await run(['check', QUALITY, '--json'], {
    stdout: () => undefined,
    stderr: (s) => slow.push(s),
    now: () => (clock += 600),
  });
  expect(slow.join('')).toMatch(/正在评估 38 行学校数据[\s\S]*完成，用时 \d+\.\d 秒/);

  const fast: string[] = [];
  await run(['check', QUALITY, '--json'], {
    stdout: () => undefined,
    stderr: (s) => fast.push(s),
    now: () => 0,
  });
  expect(fast).toEqual([]);
});
