// 整改测算 of a stage (planStage) and of a school (planSchool): applied to the table, the plan makes the check pass.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { evaluate } from '../../src/engine/rules/evaluate';
import { INDICATORS } from '../../src/engine/model/indicators';
import { planSchool, planSchools, planStage, residualOf } from '../../src/engine/planner/plan';
import type { SchoolPlan, StagePlan } from '../../src/engine/planner/types';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { basicCounts } from '../support/basicCounty';
import type {
  CountField,
  Evaluation,
  IndicatorId,
  Profile,
  SchoolRow,
  Stage,
} from '../../src/engine/model/types';
import { QUALITY_COLUMNS, qualityRow } from './support/rows';

/** A 优质均衡 school from raw counts, as a bureau sheet holds them (whole teachers and rooms, m² to 0.1, 元). */
interface RawSchool {
  students: number;
  qualifiedTeachers: number;
  keyTeachers: number;
  peArtTeachers: number;
  teachingArea: number;
  sportsArea: number;
  equipmentValue: number;
  multimediaRooms: number;
}

function rawRow(row: number, stage: Stage, school: RawSchool): SchoolRow {
  return { row, name: `学校${row}`, kind: stage, counts: { ...school }, columns: QUALITY_COLUMNS };
}

const rawSchool = (stage: Stage): fc.Arbitrary<RawSchool> =>
  fc.integer({ min: 80, max: 1800 }).chain((students) =>
    fc.record({
      students: fc.constant(students),
      qualifiedTeachers: fc.integer({ min: Math.floor(students * 0.03), max: Math.ceil(students * 0.07) }),
      keyTeachers: fc.integer({ min: 0, max: Math.ceil(students * 0.015) }),
      peArtTeachers: fc.integer({ min: 0, max: Math.ceil(students * 0.014) }),
      teachingArea: fc.integer({ min: students * 30, max: students * 75 }).map((x) => x / 10),
      sportsArea: fc
        .integer({ min: students * 40, max: students * (stage === 'primary' ? 110 : 140) })
        .map((x) => x / 10),
      equipmentValue: fc.integer({ min: students * 1200, max: students * 3200 }),
      multimediaRooms: fc.integer({ min: Math.floor(students * 0.012), max: Math.ceil(students * 0.035) }),
    }),
  );

/** The rows with the plan's additions added to the resource cells (exact decimal sums, as a user would type). */
function applyStagePlan(
  rows: readonly SchoolRow[],
  ev: Evaluation,
  plans: readonly StagePlan[],
): SchoolRow[] {
  const out = rows.map((r) => ({ ...r, counts: { ...r.counts } }));
  const byRow = new Map(out.map((r) => [r.row, r]));
  for (const plan of plans) {
    plan.indicators.forEach((ip) => {
      const field = INDICATORS[ip.indicator].resourceField;
      plan.schools.forEach((s, i) => addTo(byRow.get(s.row) as SchoolRow, field, ip.additions[i]));
    });
  }
  expect(ev.parts.every((p) => !p.split)).toBe(true);
  return out;
}

function addTo(row: SchoolRow, field: CountField, amount: number): void {
  if (amount === 0) return;
  row.counts[field] = new Decimal(row.counts[field] as number).plus(amount).toNumber();
}

function applySchoolPlan(row: SchoolRow, plan: SchoolPlan): SchoolRow {
  const out = { ...row, counts: { ...row.counts } };
  for (const lift of plan.lifts) addTo(out, INDICATORS[lift.indicator].resourceField, lift.addition);
  return out;
}

function cvs(ev: Evaluation, stage: Stage): number[] {
  return Object.values(ev.stages[stage]!.indicators).map((c) => c.cv as number);
}

describe('planStage, 优质均衡: "every school meets its per-school standard and the CV is at or below the target"', () => {
  const county = fc.array(rawSchool('primary'), { minLength: 3, maxLength: 25 });

  test('random 小学 counties: with the additions typed in, evaluate() passes every school (7/7) and every CV', () => {
    fc.assert(
      fc.property(county, (schools) => {
        const rows = schools.map((s, i) => rawRow(3 + i, 'primary', s));
        const ev = evaluate(rows, QUALITY_2017);
        const plan = planStage(ev, 'primary');
        expect(plan.feasible).toBe(true);
        const after = evaluate(applyStagePlan(rows, ev, [plan]), QUALITY_2017);
        expect(after.schools.every((s) => s.met === 7 && s.pass === true)).toBe(true);
        expect(after.stages.primary!.pass).toBe(true);
        // The plan's own CVs are the ones the check computes.
        plan.indicators.forEach((ip, j) => expect(ip.cv).toBeCloseTo(cvs(after, 'primary')[j], 12));
      }),
      { numRuns: 25, seed: 21 },
    );
  });

  test('a safety margin: margin 0.9 plans every 初中 CV to ≤ 0.9 × 0.45 = 0.405', () => {
    fc.assert(
      fc.property(fc.array(rawSchool('junior'), { minLength: 3, maxLength: 15 }), (schools) => {
        const rows = schools.map((s, i) => rawRow(3 + i, 'junior', s));
        const ev = evaluate(rows, QUALITY_2017);
        const plan = planStage(ev, 'junior', { margin: 0.9 });
        plan.indicators.forEach((ip) => expect(ip.targetCv).toBe(0.405));
        const after = evaluate(applyStagePlan(rows, ev, [plan]), QUALITY_2017);
        cvs(after, 'junior').forEach((cv) => expect(cv).toBeLessThanOrEqual(0.405));
      }),
      { numRuns: 10, seed: 22 },
    );
  });

  test('the k-of-n rule as floors (schoolFloors: "rule") never costs more than "every standard", and still passes', () => {
    fc.assert(
      fc.property(county, (schools) => {
        const rows = schools.map((s, i) => rawRow(3 + i, 'primary', s));
        const ev = evaluate(rows, QUALITY_2017);
        const strict = planStage(ev, 'primary');
        const rule = planStage(ev, 'primary', { schoolFloors: 'rule' });
        rule.indicators.forEach((ip, j) =>
          expect(ip.forcedTotal).toBeLessThanOrEqual(strict.indicators[j].forcedTotal),
        );
        const after = evaluate(applyStagePlan(rows, ev, [rule]), QUALITY_2017);
        expect(after.schools.every((s) => s.pass === true)).toBe(true);
        expect(after.stages.primary!.pass).toBe(true);
      }),
      { numRuns: 20, seed: 23 },
    );
  });

  test('per-indicator targets override the threshold; indicators limits the plan', () => {
    const rows = [
      qualityRow(3, '甲', 'primary', 600, [4.5, 1.2, 1.0, 5.0, 12.0, 2100, 2.5]),
      qualityRow(4, '乙', 'primary', 400, [4.5, 1.2, 1.0, 5.0, 7.5, 2100, 2.5]),
    ];
    const plan = planStage(evaluate(rows, QUALITY_2017), 'primary', {
      targets: { sportsAreaPerStudent: 0.1 },
      indicators: ['sportsAreaPerStudent'],
    });
    expect(plan.indicators.map((x) => x.indicator)).toEqual(['sportsAreaPerStudent']);
    const sports = plan.indicators[0];
    expect(sports.targetCv).toBe(0.1);
    expect(sports.cv as number).toBeLessThanOrEqual(0.1);
    expect(sports.additions[0]).toBe(0);
    expect(sports.additions[1]).toBeGreaterThan(0);
    expect(sports.unit).toBe('㎡');
  });

  test('unit costs: cost = total × price; equipment (元) is priced 1 元 per 元 without being told', () => {
    const rows = [
      qualityRow(3, '甲', 'primary', 500, [4.5, 1.2, 1.0, 5.0, 8.0, 1900, 2.5]),
      qualityRow(4, '乙', 'primary', 500, [4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5]),
    ];
    const ev = evaluate(rows, QUALITY_2017);
    const plan = planStage(ev, 'primary', {
      unitCosts: { qualifiedTeachersPer100: 120000, sportsAreaPerStudent: 800 },
    });
    const by = (id: IndicatorId) => plan.indicators.find((x) => x.indicator === id)!;
    expect(by('qualifiedTeachersPer100').cost).toBe(by('qualifiedTeachersPer100').total * 120000);
    expect(by('sportsAreaPerStudent').cost).toBe(by('sportsAreaPerStudent').total * 800);
    expect(by('equipmentValuePerStudent').total).toBe(50000);
    expect(by('equipmentValuePerStudent').cost).toBe(50000);
    expect(plan.cost).toBe(plan.indicators.reduce((s, x) => s + (x.cost ?? 0), 0));
    expect(planStage(ev, 'primary').cost).toBeNull();
  });

  test('a school plan states money as its column is written: a 万元 column gives 万元 with 2 decimals, 元 otherwise', () => {
    // 乙's equipment is at 50% of 2,000 元 per pupil: the one lift is to the standard, (2,000 − 1,000) × 500 pupils.
    const rows = [qualityRow(4, '乙', 'primary', 500, [4.1, 1.2, 1.0, 5.0, 8.0, 1000, 2.5])];
    const ev = evaluate(rows, QUALITY_2017);
    const inYuan = planSchools(ev)[0].note;
    const inWan = planSchools(ev, undefined, { equipmentValue: { unit: '万元', factor: 10000 } })[0].note;
    expect(inYuan).toContain('生均教学仪器设备值增加 500,000元');
    expect(inWan).toContain('生均教学仪器设备值增加 50.00万元');
    expect(inWan).not.toContain('500,000元');
  });

  test('"a missing value is never silently treated as 0": the school is left out of that indicator, with a warning', () => {
    const rows = [
      qualityRow(3, '甲', 'primary', 500, [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5]),
      qualityRow(4, '乙', 'primary', 400, [4.5, 1.2, 1.0, 5.0, 6.0, 2100, 2.5]),
    ];
    delete rows[1].counts.sportsArea;
    const plan = planStage(evaluate(rows, QUALITY_2017), 'primary');
    const sports = plan.indicators.find((x) => x.indicator === 'sportsAreaPerStudent')!;
    expect(sports.missing).toBe(1);
    expect(sports.additions[1]).toBe(0);
    expect(sports.values[1]).toBeNull();
    expect(sports.note).toContain('1 所学校缺少数据');
    expect(plan.issues).toEqual([
      expect.objectContaining({
        row: 4,
        column: 'H',
        field: 'sportsArea',
        code: 'planMissing',
        severity: 'warning',
      }),
    ]);
    expect(plan.issues[0].message).toContain('第 4 行 H 列');
  });

  test('a stage without schools gives an empty plan; bad options are programmer errors (RangeError)', () => {
    const ev = evaluate(
      [qualityRow(3, '甲', 'primary', 500, [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5])],
      QUALITY_2017,
    );
    const plan = planStage(ev, 'junior');
    expect(plan.schools).toEqual([]);
    expect(plan.feasible).toBe(false);
    expect(() => planStage(ev, 'primary', { margin: 0 })).toThrow(RangeError);
    expect(() => planStage(ev, 'primary', { targetCv: -1 })).toThrow(RangeError);
  });
});

describe('planStage, 基本均衡: the composite (mean of the 8 CVs) is met by planning each CV to the threshold', () => {
  test('a 初中 county over 0.55: each indicator planned to ≤ 0.55, so the composite passes after the additions', () => {
    const counts = basicCounts;
    const rows: SchoolRow[] = [0, 0.02, 0.3, 2, 4].map((k, i) => ({
      row: 3 + i,
      name: `中学${i}`,
      kind: 'junior',
      counts: counts(300 + 200 * i, k),
    }));
    const ev = evaluate(rows, BASIC_2012);
    expect(ev.stages.junior!.pass).toBe(false);
    const plan = planStage(ev, 'junior');
    expect(plan.composite!.threshold).toBe(0.55);
    expect(plan.composite!.before as number).toBeGreaterThan(0.55);
    expect(plan.composite!.after as number).toBeLessThanOrEqual(0.55);
    plan.indicators.forEach((ip) => expect(ip.standard).toBeNull());
    const after = evaluate(applyStagePlan(rows, ev, [plan]), BASIC_2012);
    expect(after.stages.junior!.pass).toBe(true);
    expect(after.stages.junior!.composite!.value).toBeCloseTo(plan.composite!.after as number, 12);
  });
});

describe('planSchool: "the cheapest set of indicators to lift so the school passes" (k of n, residual r, spec §4)', () => {
  const TV5 = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
  const school = (values: number[], students = 1000): { ev: Evaluation; row: SchoolRow } => {
    const row = qualityRow(3, '测试小学', 'primary', students, values);
    return { ev: evaluate([row], QUALITY_2017), row };
  };
  const only = (ev: Evaluation, unitCosts?: Partial<Record<IndicatorId, number>>): SchoolPlan =>
    planSchool(ev.schools[0], ev.parts[0], ev.profile, unitCosts);

  test('TV-5 A (7/7) and C (exactly 85%) pass: nothing to lift, and planSchools leaves them out', () => {
    for (const values of [
      [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5],
      [4.5, 1.2, 1.0, 5.0, 6.375, 2100, 2.5],
    ]) {
      const { ev } = school(values);
      expect(only(ev)).toMatchObject({ passBefore: true, lifts: [], count: 0, feasible: true });
      expect(planSchools(ev)).toEqual([]);
    }
  });

  test('TV-5 D (sports 6.3 = 84%): lift sports area only to 85% of 7.5 = 6.375 m² — 75 m² for 1000 students', () => {
    const { ev, row } = school([4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]);
    const plan = only(ev);
    expect(plan.passBefore).toBe(false);
    expect(plan.lifts).toEqual([
      { indicator: 'sportsAreaPerStudent', to: 'residual', target: 6.375, addition: 75, cost: null },
    ]);
    expect(evaluate([applySchoolPlan(row, plan)], QUALITY_2017).schools[0].pass).toBe(true);
  });

  test('TV-5 E (5 met): without prices the fewest lifts — one teacher, the smaller relative gap — not both', () => {
    const { ev, row } = school([4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5]);
    const plan = only(ev);
    expect(plan.count).toBe(1);
    expect(plan.lifts).toEqual([
      { indicator: 'qualifiedTeachersPer100', to: 'standard', target: 4.2, addition: 1, cost: null },
    ]);
    expect(evaluate([applySchoolPlan(row, plan)], QUALITY_2017).schools[0].pass).toBe(true);
  });

  test('TV-5 E with prices: 500 m² of sports ground at 100 元 is cheaper than a teacher at 200,000 元', () => {
    const { ev, row } = school([4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5]);
    const plan = only(ev, { qualifiedTeachersPer100: 200000, sportsAreaPerStudent: 100 });
    expect(plan.lifts).toEqual([
      { indicator: 'sportsAreaPerStudent', to: 'standard', target: 7.5, addition: 500, cost: 50000 },
    ]);
    expect(plan.cost).toBe(50000);
    expect(plan.note).toContain('50,000 元');
    expect(evaluate([applySchoolPlan(row, plan)], QUALITY_2017).schools[0].pass).toBe(true);
  });

  test('cheapest is not fewest: two cheap lifts (one only to 85%) beat one dear lift to the standard', () => {
    // Teaching area at 80% (below the 85% floor) and equipment at 90%.
    const { ev, row } = school([4.5, 1.2, 1.0, 3.6, 8.0, 1800, 2.5]);
    const fewest = only(ev);
    expect(fewest.lifts).toEqual([
      { indicator: 'teachingAreaPerStudent', to: 'standard', target: 4.5, addition: 900, cost: null },
    ]);
    const cheapest = only(ev, { teachingAreaPerStudent: 3000 });
    // 900 m² × 3000 = 2.7 M; instead 225 m² to 3.825 (85%) = 675,000 plus 200,000 元 of equipment.
    expect(cheapest.lifts).toEqual([
      { indicator: 'teachingAreaPerStudent', to: 'residual', target: 3.825, addition: 225, cost: 675000 },
      { indicator: 'equipmentValuePerStudent', to: 'standard', target: 2000, addition: 200000, cost: 200000 },
    ]);
    expect(cheapest.cost).toBe(875000);
    for (const plan of [fewest, cheapest]) {
      expect(evaluate([applySchoolPlan(row, plan)], QUALITY_2017).schools[0].pass).toBe(true);
    }
  });

  test('random failing schools: the plan makes them pass, and no lift can be dropped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 60, max: 120 }), { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 100, max: 2000 }),
        (percents, students) => {
          const values = TV5.map((s, i) => new Decimal(s).times(percents[i]).div(100).toNumber());
          const { ev, row } = school(values, students);
          const plan = only(ev);
          expect(plan.feasible).toBe(true);
          const passes = (p: SchoolPlan): boolean =>
            evaluate([applySchoolPlan(row, p)], QUALITY_2017).schools[0].pass === true;
          expect(passes(plan)).toBe(true);
          plan.lifts.forEach((lift, i) => {
            const without = { ...plan, lifts: plan.lifts.filter((_, j) => j !== i) };
            expect(passes(without)).toBe(false);
          });
        },
      ),
      { numRuns: 80, seed: 31 },
    );
  });

  test('missing data: no plan, and the note names the indicator (never counted as 0)', () => {
    const { ev } = school([4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]);
    delete ev.parts[0].counts.sportsArea;
    const plan = only(ev);
    expect(plan.feasible).toBe(false);
    expect(plan.note).toContain('生均体育运动场馆面积');
  });

  test('基本均衡 has no per-school rule: the plan says so; a verdict from another part is a programmer error', () => {
    const rows = [{ row: 3, name: '甲', kind: 'primary' as const, counts: { students: 100, books: 1000 } }];
    const ev = evaluate(rows, BASIC_2012);
    const plan = planSchool(ev.schools[0], ev.parts[0], BASIC_2012 as Profile);
    expect(plan.feasible).toBe(false);
    expect(plan.note).toContain('没有校级达标规则');
    expect(planSchools(ev)).toEqual([]);
    const other = { ...ev.parts[0], key: '9:primary' };
    expect(() => planSchool(ev.schools[0], other, BASIC_2012)).toThrow(RangeError);
  });
});

describe('planSchools shares each stage’s rule among its parts', () => {
  test('the plans of a mixed county (both stages, with and without unit costs) equal planSchool’s, part by part', () => {
    const mixed = fc.array(
      fc.oneof(
        rawSchool('primary').map((s) => ({ stage: 'primary' as Stage, s })),
        rawSchool('junior').map((s) => ({ stage: 'junior' as Stage, s })),
      ),
      { minLength: 1, maxLength: 14 },
    );
    fc.assert(
      fc.property(mixed, fc.boolean(), (schools, priced) => {
        const rows = schools.map(({ stage, s }, i) => rawRow(3 + i, stage, s));
        const ev = evaluate(rows, QUALITY_2017);
        const unitCosts = priced ? { sportsAreaPerStudent: 800, qualifiedTeachersPer100: 120000 } : undefined;
        const plans = planSchools(ev, unitCosts);
        const one = ev.schools
          .map((v, i) => ({ v, part: ev.parts[i] }))
          .filter(({ v }) => v.pass !== true)
          .map(({ v, part }) => planSchool(v, part, ev.profile, unitCosts));
        expect(plans).toEqual(one);
      }),
      { numRuns: 60, seed: 23 },
    );
  });

  test('r × standard is the decimal product, the same when asked again (0.85 × 4.2 = 3.57)', () => {
    expect(residualOf(4.2, 0.85)).toBe(3.57);
    for (let i = 0; i < 3; i++)
      for (const [s, r] of [
        [4.2, 0.85],
        [7.5, 0.85],
        [2.3, 0.7],
        [0.9, 0.85],
      ])
        expect(residualOf(s, r)).toBe(new Decimal(r).times(s).toNumber());
  });
});
