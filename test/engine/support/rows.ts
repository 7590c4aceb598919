// Builders of SchoolRow test inputs from per-school indicator values (raw counts computed exactly with Decimal).
import Decimal from 'decimal.js';
import type { CountField, IndicatorId, SchoolKind, SchoolRow, Stage } from '../../../src/engine/model/types';

/** §2.1 order: qualified, key, PE/art teachers per 100; teaching, sports area, equipment per student; multimedia per 100. */
export const QUALITY_ORDER: IndicatorId[] = [
  'qualifiedTeachersPer100',
  'keyTeachersPer100',
  'peArtTeachersPer100',
  'teachingAreaPerStudent',
  'sportsAreaPerStudent',
  'equipmentValuePerStudent',
  'multimediaRoomsPer100',
];

const QUALITY_FIELDS: [CountField, number][] = [
  ['qualifiedTeachers', 100],
  ['keyTeachers', 100],
  ['peArtTeachers', 100],
  ['teachingArea', 1],
  ['sportsArea', 1],
  ['equipmentValue', 1],
  ['multimediaRooms', 100],
];

/** Column letters of the quality sheet used in tests: A name, B kind, C students, D… the seven resources. */
export const QUALITY_COLUMNS = {
  name: 0,
  kind: 1,
  students: 2,
  qualifiedTeachers: 3,
  keyTeachers: 4,
  peArtTeachers: 5,
  teachingArea: 6,
  sportsArea: 7,
  equipmentValue: 8,
  multimediaRooms: 9,
  maxClassSize: 10,
};

/** Raw counts that give exactly these §2.1 values for P students: R = value·P/per. */
export function qualityCounts(
  students: number,
  values: readonly number[],
): Partial<Record<CountField, number>> {
  const counts: Partial<Record<CountField, number>> = { students };
  QUALITY_FIELDS.forEach(([field, per], i) => {
    counts[field] = new Decimal(values[i]).times(students).div(per).toNumber();
  });
  return counts;
}

export function qualityRow(
  row: number,
  name: string,
  stage: Stage,
  students: number,
  values: readonly number[],
  extra: Partial<SchoolRow> = {},
): SchoolRow {
  return {
    row,
    name,
    kind: stage as SchoolKind,
    counts: qualityCounts(students, values),
    columns: QUALITY_COLUMNS,
    ...extra,
  };
}

/** Values for which every indicator of a pair of equal-sized schools has CV = |a − b| / (a + b). */
export function pairValues(a: number, b: number): [number[], number[]] {
  return [QUALITY_ORDER.map(() => a), QUALITY_ORDER.map(() => b)];
}
