// TV-4: CV thresholds of both regimes, inclusive ("小于或等于"), decided exactly, through evaluate().
import { evaluate } from '../../src/engine/rules/evaluate';
import { parseProfile, BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import type { CountField, IndicatorId, Profile, SchoolRow, Stage } from '../../src/engine/model/types';
import { QUALITY_ORDER } from './support/rows';

/**
 * Two schools of 100 students each with resources a and b per student: the weighted CV is exactly
 * |a − b| / (a + b). So (3, 1) → 0.5, (15001, 4999) → 0.5001, (13, 7) → 0.30, (151, 49) → 0.51.
 */
const PAIR: Record<string, [number, number]> = {
  '0.30': [13, 7],
  '0.45': [145, 55],
  '0.4501': [14501, 5499],
  '0.50': [3, 1],
  '0.5001': [15001, 4999],
  '0.51': [151, 49],
  '0.55': [155, 45],
  '0.5501': [15501, 4499],
  '0.65': [165, 35],
  '0.6501': [16501, 3499],
};

const FIELD: Record<IndicatorId, [CountField, number]> = {
  qualifiedTeachersPer100: ['qualifiedTeachers', 100],
  keyTeachersPer100: ['keyTeachers', 100],
  peArtTeachersPer100: ['peArtTeachers', 100],
  teachingAreaPerStudent: ['teachingArea', 1],
  sportsAreaPerStudent: ['sportsArea', 1],
  equipmentValuePerStudent: ['equipmentValue', 1],
  multimediaRoomsPer100: ['multimediaRooms', 100],
  computersPer100: ['computers', 100],
  booksPerStudent: ['books', 1],
  teachersPerStudent: ['teachers', 1],
  qualifiedTeachersPerStudent: ['qualifiedTeachers', 1],
  seniorTitleTeachersPerStudent: ['seniorTitleTeachers', 1],
};

/** Two schools of one stage whose CV for each listed indicator is the named value. */
function county(stage: Stage, cvs: Partial<Record<IndicatorId, string>>): SchoolRow[] {
  return [0, 1].map((k) => {
    const counts: SchoolRow['counts'] = { students: 100 };
    for (const [id, cv] of Object.entries(cvs) as [IndicatorId, string][]) {
      const [field] = FIELD[id];
      // The CV is scale-free, so one resource count serves per-student and per-100 indicators alike.
      counts[field] = PAIR[cv][k] * 100;
    }
    return { row: 3 + k, name: `学校${k + 1}`, kind: stage, counts };
  });
}

function allAt(ids: readonly IndicatorId[], cv: string): Partial<Record<IndicatorId, string>> {
  return Object.fromEntries(ids.map((id) => [id, cv]));
}

describe('TV-4 quality regime: every single CV, 小学 ≤ 0.50, 初中 ≤ 0.45', () => {
  test.each([
    ['primary', '0.50', true],
    ['primary', '0.5001', false],
    ['junior', '0.45', true],
    ['junior', '0.4501', false],
  ] as [Stage, string, boolean][])('%s CV %s → pass %s', (stage, cv, pass) => {
    const ev = evaluate(county(stage, allAt(QUALITY_ORDER, cv)), QUALITY_2017);
    const result = ev.stages[stage]!;
    for (const id of QUALITY_ORDER) {
      expect(result.indicators[id]!.cv).toBeCloseTo(Number(cv), 12);
      expect([id, result.indicators[id]!.pass]).toEqual([id, pass]);
      expect(result.indicators[id]!.threshold).toBe(stage === 'primary' ? 0.5 : 0.45);
      expect(result.indicators[id]!.nearThreshold).toBe(true);
    }
    expect(result.pass).toBe(pass);
    expect(result.composite).toBeNull();
  });

  test('"six 小学 CVs at 0.30 and one at 0.51 → county fails"', () => {
    const cvs = allAt(QUALITY_ORDER, '0.30');
    cvs.equipmentValuePerStudent = '0.51';
    const result = evaluate(county('primary', cvs), QUALITY_2017).stages.primary!;
    const passes = QUALITY_ORDER.map((id) => result.indicators[id]!.pass);
    expect(passes).toEqual([true, true, true, true, true, false, true]);
    expect(result.indicators.equipmentValuePerStudent!.nearThreshold).toBe(false);
    expect(result.pass).toBe(false);
  });
});

describe('TV-4 basic regime: composite = simple mean of the 8 CVs, 小学 ≤ 0.65, 初中 ≤ 0.55', () => {
  test.each([
    ['primary', '0.65', true],
    ['primary', '0.6501', false],
    ['junior', '0.55', true],
    ['junior', '0.5501', false],
  ] as [Stage, string, boolean][])('%s composite %s → pass %s', (stage, cv, pass) => {
    const ev = evaluate(county(stage, allAt(BASIC_2012.indicators, cv)), BASIC_2012);
    const result = ev.stages[stage]!;
    expect(result.composite!.value).toBeCloseTo(Number(cv), 12);
    expect(result.composite!.threshold).toBe(stage === 'primary' ? 0.65 : 0.55);
    expect(result.composite!.pass).toBe(pass);
    expect(result.composite!.nearThreshold).toBe(true);
    expect(result.pass).toBe(pass);
    // Single CVs have no threshold of their own in a composite-mode profile.
    expect(result.indicators.booksPerStudent).toMatchObject({ threshold: null, pass: null });
  });

  test('a composite of mixed CVs exactly at 0.65 passes: 4 × 0.50 and 4 × 0.80 (mean 0.65)', () => {
    // (9, 1) → 0.8.
    const cvs = allAt(BASIC_2012.indicators, '0.50');
    const rows = county('primary', cvs);
    for (const id of BASIC_2012.indicators.slice(4)) {
      const [field] = FIELD[id];
      rows[0].counts[field] = 900;
      rows[1].counts[field] = 100;
    }
    const composite = evaluate(rows, BASIC_2012).stages.primary!.composite!;
    expect(composite.value).toBeCloseTo(0.65, 12);
    expect(composite.pass).toBe(true);
  });

  test('a single undefined CV (no data) leaves the composite undefined, not computed from 7', () => {
    const rows = county('junior', allAt(BASIC_2012.indicators, '0.30'));
    for (const r of rows) delete r.counts.books;
    const result = evaluate(rows, BASIC_2012).stages.junior!;
    expect(result.indicators.booksPerStudent!.cv).toBeNull();
    expect(result.composite).toMatchObject({ value: null, pass: null });
    expect(result.pass).toBeNull();
  });
});

describe('profile rounding mode for CVs', () => {
  const rounded = (): Profile => {
    const parsed = parseProfile({ extends: 'quality-2017', rounding: { cv: 3 } });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.profile;
  };

  test('unrounded by DEFAULT: 0.5001 fails; rounded to 3 decimals it is 0.500 and passes', () => {
    const rows = county('primary', allAt(QUALITY_ORDER, '0.5001'));
    expect(evaluate(rows, QUALITY_2017).stages.primary!.pass).toBe(false);
    expect(evaluate(rows, rounded()).stages.primary!.pass).toBe(true);
  });
});
