// The planner reads each school's resource as evaluate() does: raw counts, else the ratio given in the sheet.
import { evaluate, planSchool, planStage, QUALITY_2017, type SchoolRow } from '../../src/engine';

const rows: SchoolRow[] = [
  { row: 2, name: '城关小学', kind: 'primary', counts: { students: 400, sportsArea: 4000 } },
  // No raw area, only the 生均 value the sheet gives: 5 ㎡ per student, so 1,000 ㎡ for 200 students.
  {
    row: 3,
    name: '北山小学',
    kind: 'primary',
    counts: { students: 200 },
    ratios: { sportsAreaPerStudent: 5 },
  },
  // A given value that is not a number counts as missing, in the plan as in the evaluation.
  {
    row: 4,
    name: '南湖小学',
    kind: 'primary',
    counts: { students: 100 },
    ratios: { sportsAreaPerStudent: -1 },
  },
];

test('a school with only a given ratio is planned from P·X, one with a bad ratio is left out', () => {
  const ev = evaluate(rows, QUALITY_2017);
  const plan = planStage(ev, 'primary', { indicators: ['sportsAreaPerStudent'] });
  const sports = plan.indicators[0];
  expect(sports.missing).toBe(1);
  // 7.5 ㎡ per student: 北山小学 lacks (7.5 − 5) × 200 = 500 ㎡, 城关小学 (7.5 − 10) × 400 < 0 nothing.
  expect(sports.additions).toEqual([0, 500, 0]);
  expect(plan.issues.map((i) => [i.row, i.code])).toEqual([[4, 'planMissing']]);
  const school = ev.schools.find((s) => s.row === 3)!;
  const value = school.indicators.find((v) => v.indicator === 'sportsAreaPerStudent')!;
  expect(value).toMatchObject({ value: 5, fromRatio: true, pass: false });
  // Per school: the given ratio stands for the area (missing: the other indicators, not this one).
  const note = planSchool(
    school,
    ev.parts.find((p) => p.key === school.key)!,
    QUALITY_2017,
  ).note;
  expect(note).toContain('生均教学及辅助用房面积');
  expect(note).not.toContain('生均体育运动场馆面积');
});
