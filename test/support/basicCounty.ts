// A small 基本均衡 初中 county for planner tests: school i has `p` students and resources that grow with its factor k
// (k = 0 is a school with almost nothing), so the 8 CVs are far over 0.55; and unit costs for the seven priced ones.
import type { CountField, SchoolRow } from '../../src/engine';

export function basicCounts(p: number, k: number): Partial<Record<CountField, number>> {
  return {
    students: p,
    teachingArea: p * (2 + 3 * k),
    sportsArea: p * (3 + 9 * k),
    equipmentValue: p * (300 + 2500 * k),
    computers: Math.round(p * (0.02 + 0.2 * k)),
    books: Math.round(p * (10 + 40 * k)),
    teachers: Math.round(p * (0.04 + 0.08 * k)),
    qualifiedTeachers: Math.round(p * (0.02 + 0.08 * k)),
    seniorTitleTeachers: Math.round(p * (0.01 + 0.07 * k)),
  };
}

/** One junior school per factor: rows from `firstRow`, students `base + step × i`, named by `name(i)`. */
export function basicSchools(
  factors: readonly number[],
  shape: { firstRow: number; base: number; step: number; name: (i: number) => string },
): SchoolRow[] {
  return factors.map((k, i) => ({
    row: shape.firstRow + i,
    name: shape.name(i),
    kind: 'junior',
    counts: basicCounts(shape.base + shape.step * i, k),
  }));
}

export const BASIC_UNIT_COSTS = {
  teachingAreaPerStudent: 3000,
  sportsAreaPerStudent: 300,
  computersPer100: 5000,
  booksPerStudent: 30,
  teachersPerStudent: 150_000,
  qualifiedTeachersPerStudent: 150_000,
  seniorTitleTeachersPerStudent: 150_000,
};
