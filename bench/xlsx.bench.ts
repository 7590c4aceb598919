/**
 * The .xlsx host on a 20,000-school workbook, each run in a child process (the bundled CLI that `npx balance` runs,
 * `npm run build:cli` first) so that peak RSS is its own: `balance check` against exceljs merely reading the file, and
 * `check --out` against check.
 * Medians of 3 runs, runs interleaved so that a busy spell of the (shared) machine hits all alike. Ratios are given on
 * wall time and on CPU time (user + system), the steadier of the two when other jobs compete for the cores. "xlsx read"
 * is our reader alone (open the package, read the table's sheet into a grid): the part of the check this host owns;
 * the rest is the engine (reading the table, evaluating, the summary).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { printTable, prng, suite } from './harness';

const SCHOOLS = 20_000;
const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'build', 'cli', 'balance.js');
const HEADER = [
  '学校名称',
  '学校类型',
  '在校生数（人）',
  '高于规定学历教师数',
  '县级以上骨干教师数',
  '体育、艺术专任教师数',
  '教学及辅助用房面积（㎡）',
  '体育运动场（馆）面积（㎡）',
  '教学仪器设备值（元）',
  '网络多媒体教室数',
];
/** Per-student standards of the quality profile (primary), so that values scatter around them. */
const PER_STUDENT = [4.2 / 100, 1 / 100, 0.9 / 100, 4.5, 7.5, 2000, 2.3 / 100];
/** Which of them count people or rooms: whole numbers in a real county's table. */
const WHOLE = [true, true, true, false, false, false, true];

/**
 * A county of SCHOOLS primary schools around the standards (most miss one or more: a county before remediation).
 * `wholeCounts`: teachers and rooms are whole numbers, as in a real table, and areas and values have one decimal;
 * without it every count has one decimal too (each such cell is a 不是整数 warning and a note: a stress case).
 */
async function county(file: string, wholeCounts: boolean): Promise<void> {
  const rnd = prng(20_000);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学校基本情况');
  ws.addRow(HEADER);
  for (let i = 0; i < SCHOOLS; i++) {
    const students = 40 + Math.floor(rnd() * 2360);
    const row: (string | number)[] = [`第${i + 1}小学`, '小学', students];
    PER_STUDENT.forEach((standard, k) => {
      const value = students * standard * (0.7 + rnd() * 0.8);
      row.push(wholeCounts && WHOLE[k] ? Math.round(value) : Math.round(value * 10) / 10);
    });
    ws.addRow(row);
  }
  await wb.xlsx.writeFile(file);
}

interface ChildRun {
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/** Runs `script` in a fresh Node; it prints the milliseconds of the work it times; RSS is the child's peak. */
function child(script: string, args: string[]): ChildRun {
  const r = spawnSync(process.execPath, ['-e', script, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildRun;
  return out;
}

const TIMED = (body: string) => `
const { performance } = require('node:perf_hooks');
(async () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  ${body}
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 }));
})().catch((e) => { console.error(e); process.exit(1); });`;

const EXCELJS_READ = TIMED(
  `const ExcelJS = require('exceljs'); await new (ExcelJS.Workbook)().xlsx.readFile(process.argv[1]);`,
);
const CHECK = TIMED(
  `const { run } = require(${JSON.stringify(CLI)}); await run(process.argv.slice(1), { stdout: () => {}, stderr: () => {} });`,
);

const BUILD = path.join(ROOT, 'build', 'cli');
const XLSX_READ = TIMED(
  `require(${JSON.stringify(path.join(BUILD, 'cli', 'zipCodec.js'))}).useNodeZlib();
  const wb = require(${JSON.stringify(path.join(BUILD, 'hosts', 'xlsx', 'workbook.js'))});
  const opened = wb.openWorkbookBytes(require('node:fs').readFileSync(process.argv[1]), 'f');
  for (const ws of opened.workbook.worksheets) opened.workbook.read(ws);`,
);

/**
 * The floor under any writer of the same copy: the XML of the copy's parts, already made as strings, only encoded to
 * UTF-8, check-summed and compressed as the CLI does (deflate level 1 on 1 MB pieces). Nothing of the content is made.
 */
const COPY_BYTES_FLOOR = `
const zlib = require('node:zlib');
const { unzipSync } = require('fflate');
const { performance } = require('node:perf_hooks');
const parts = unzipSync(new Uint8Array(require('node:fs').readFileSync(process.argv[1])));
const texts = Object.values(parts).map((b) => new TextDecoder().decode(b));
const t0 = performance.now();
const c0 = process.cpuUsage();
const encoder = new TextEncoder();
const piece = new Uint8Array(1 << 20);
let out = 0;
for (const text of texts) {
  const bytes = encoder.encode(text);
  zlib.crc32 ? zlib.crc32(bytes) : 0;
  for (let at = 0; at < bytes.length; at += piece.length)
    out += zlib.deflateRawSync(bytes.subarray(at, at + piece.length), { level: 1, flush: zlib.constants.Z_SYNC_FLUSH }).length;
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.resourceUsage().maxRSS / 1024, xmlMb: texts.reduce((a, t) => a + Buffer.byteLength(t), 0) / 1e6 }));`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function medianRun(runs: ChildRun[]): ChildRun {
  return {
    ms: median(runs.map((r) => r.ms)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
  };
}

/** Interleaved child runs on one file, printed as one table. */
function measureFile(file: string, dir: string, title: string): void {
  const out = path.join(dir, 'marked.xlsx');
  const times = 3;
  const runs: Record<'exceljs' | 'read' | 'check' | 'marked' | 'floor', ChildRun[]> = {
    exceljs: [],
    read: [],
    check: [],
    marked: [],
    floor: [],
  };
  for (let i = 0; i < times; i++) {
    runs.exceljs.push(child(EXCELJS_READ, [file]));
    runs.read.push(child(XLSX_READ, [file]));
    runs.check.push(child(CHECK, ['check', file]));
    runs.marked.push(child(CHECK, ['check', file, '--out', out]));
    runs.floor.push(child(COPY_BYTES_FLOOR, [out]));
  }
  const xmlMb = (runs.floor[0] as ChildRun & { xmlMb: number }).xmlMb;
  const exceljs = medianRun(runs.exceljs);
  const read = medianRun(runs.read);
  const check = medianRun(runs.check);
  const marked = medianRun(runs.marked);
  const floor = medianRun(runs.floor);
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  const ratio = (a: ChildRun, b: ChildRun) =>
    `${(a.ms / b.ms).toFixed(2)} / ${(a.cpuMs / b.cpuMs).toFixed(2)}`;
  const row = (name: string, r: ChildRun, of?: ChildRun, ofName = '', target = '') => [
    name,
    r.ms.toFixed(0),
    r.cpuMs.toFixed(0),
    r.rssMb.toFixed(0),
    of ? ratio(r, of) : '',
    ofName,
    target,
  ];
  printTable(
    `${title}: ${SCHOOLS} schools, ${mb} MB; medians of ${times} child runs, peak RSS of all; ratio = wall / cpu`,
    ['run', 'wall ms', 'cpu ms', 'RSS MB', 'ratio', 'of', 'target'],
    [
      row('exceljs read', exceljs),
      row('xlsx read', read, exceljs, 'exceljs'),
      row('balance check', check, exceljs, 'exceljs', '<= 0.5x'),
      row('check --out', marked, check, 'check', '<= 2x, <= 400 MB'),
      // Its RSS is the measuring process holding every part's text at once: not a figure of any writer.
      row('  its bytes only', floor, check, 'check').map((cell, i) => (i === 3 ? '' : cell)),
    ],
  );
  console.log(
    `  its bytes only: the copy's ${xmlMb.toFixed(0)} MB of XML, already made, only encoded, check-summed and compressed`,
  );
}

suite('xlsx', async () => {
  if (!fs.existsSync(CLI)) {
    console.log('build/cli is missing: run `npm run build:cli` first');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'balance-bench-'));
  try {
    const whole = path.join(dir, 'county.xlsx');
    await county(whole, true);
    measureFile(whole, dir, 'County (whole counts of teachers and rooms)');
    const fractional = path.join(dir, 'fractional.xlsx');
    await county(fractional, false);
    measureFile(fractional, dir, 'Stress (every count with a decimal: a warning and a note each)');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
