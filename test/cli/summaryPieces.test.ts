// The text summary written in pieces as it is made: the pieces are the whole summary and its last line break, each
// piece ends a line, and the verdicts keep their parts afterwards as before.
import {
  countyVerdict,
  evaluate,
  QUALITY_2017,
  readTable,
  resourceUnits,
  STAGE_LABELS,
  type CellValue,
} from '../../src/engine';
import type { Evaluated } from '../../src/cli/check';
import { toJson } from '../../src/cli/json';
import { countyVerdictOf, fileSummary, writeFileSummary } from '../../src/cli/summary';
import { mulberry32 } from '../support/random';

const HEADER = [
  '学校名称',
  '学段',
  '在校生数',
  '高于规定学历教师数',
  '县级以上骨干教师数',
  '体育、艺术专任教师数',
  '教学及辅助用房面积（㎡）',
  '体育运动场馆面积（㎡）',
  '教学仪器设备值（万元）',
  '网络多媒体教室数',
];

/** A county of `n` 小学, most of them short of several standards (long reason lines), some over 2,000 students. */
function county(n: number): Evaluated {
  const rnd = mulberry32(77);
  const values: CellValue[][] = [HEADER];
  for (let i = 1; i <= n; i++) {
    const p = 300 + Math.floor(rnd() * 2000);
    const share = 0.6 + rnd() * 0.6;
    values.push([
      `第${i}小学`,
      '小学',
      p,
      Math.round((4.2 * p * share) / 100),
      Math.round((1 * p * share) / 100),
      Math.round((0.9 * p * share) / 100),
      Math.round(4.5 * p * share),
      Math.round(7.5 * p * share),
      Math.round((2000 * p * share) / 100) / 100,
      Math.round((2.3 * p * share) / 100),
    ]);
  }
  const table = readTable({ sheet: '学校', values, firstRow: 1, firstColumn: 0 });
  const evaluation = evaluate(table.rows, QUALITY_2017, { units: resourceUnits(table.mapping) });
  return {
    ok: true,
    file: '示例.xlsx',
    sheet: '学校',
    profile: QUALITY_2017,
    table,
    evaluation,
    issues: [...table.issues, ...evaluation.issues],
  };
}

describe('writeFileSummary', () => {
  test('its pieces are the summary and its last line break; each piece ends a line', () => {
    const c = county(1500);
    const failing = c.evaluation.schools.filter((s) => s.pass === false).length;
    expect(failing).toBeGreaterThan(1000);
    const pieces: string[] = [];
    writeFileSummary(c, (piece) => pieces.push(piece));
    // 1,000 reason lines and more: several pieces of about 64 K characters, not one.
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) expect(piece.endsWith('\n')).toBe(true);
    const whole = fileSummary(c);
    expect(pieces.join('')).toBe(whole + '\n');
    expect(whole.split('\n').filter((line) => line.startsWith('  第 ')).length).toBeGreaterThanOrEqual(
      failing,
    );
  });

  test("a failing school's line is its row, name and stage, then its reasons joined by '；'", () => {
    const c = county(300);
    const lines = new Set(fileSummary(c).split('\n'));
    const schools = c.evaluation.schools.filter((s) => s.pass === false);
    expect(schools.length).toBeGreaterThan(100);
    // The reasons as a reader gets them, read after the summary (which made its own and did not keep them).
    const expected = schools.map(
      (s) => `  第 ${s.row} 行  ${s.name}（${STAGE_LABELS[s.stage]}）：${s.reasons.join('；')}`,
    );
    expect(schools.filter((s) => s.reasons.length > 1).length).toBeGreaterThan(50);
    for (const line of expected) expect(lines.has(line)).toBe(true);
  });

  test("the county verdict is made once per evaluation, and is the engine's", () => {
    const c = county(40);
    const first = countyVerdictOf(c.evaluation);
    expect(first).toEqual(countyVerdict(c.evaluation));
    expect(countyVerdictOf(c.evaluation)).toBe(first);
    expect(countyVerdictOf(county(41).evaluation)).not.toBe(first);
  });

  test.each([
    ['summary', (c: Evaluated) => writeFileSummary(c, () => {})],
    ['--json', (c: Evaluated) => void toJson(c)],
  ])('the verdicts keep their parts after the %s, as before it', (_, write) => {
    const c = county(30);
    write(c);
    // Read every school's parts, then the first again: kept, they are the very same arrays (not built anew).
    const schools = c.evaluation.schools;
    const reasons = schools.map((v) => v.reasons);
    const indicators = schools.map((v) => v.indicators);
    expect(schools.length).toBeGreaterThan(20);
    expect(schools[0].reasons).toBe(reasons[0]);
    expect(schools[0].indicators).toBe(indicators[0]);
  });
});
