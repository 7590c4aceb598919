/**
 * The engine's vocabulary and every DataIssue's wording in English, for a pane whose Office display language is not
 * Chinese: field, indicator, kind, stage and unit names, and ISSUE_TEXTS_EN keyed by code like ISSUE_TEXTS_ZH.
 */
import { columnLetter } from './addresses';
import { INDICATORS, isIndicatorId } from './indicators';
import type { PlanProblem } from '../planner/types';
import type { AnyStage, IndicatorId, SchoolKind } from './types';
import { fieldLabel, type IssueTexts, type IssueWhere, type NumberReasons } from './issueTexts';

/** Indicator names in English. */
export const INDICATOR_NAMES_EN: Readonly<Record<IndicatorId, string>> = {
  qualifiedTeachersPer100: 'Teachers above the required degree per 100 students',
  keyTeachersPer100: 'County-level or higher key teachers per 100 students',
  peArtTeachersPer100: 'PE and art (music, fine art) teachers per 100 students',
  teachingAreaPerStudent: 'Teaching and auxiliary floor area per student',
  sportsAreaPerStudent: 'Sports ground and hall area per student',
  equipmentValuePerStudent: 'Teaching equipment value per student',
  multimediaRoomsPer100: 'Networked multimedia classrooms per 100 students',
  computersPer100: 'Computers per 100 students',
  booksPerStudent: 'Library books per student',
  teachersPerStudent: 'Teacher–student ratio',
  qualifiedTeachersPerStudent: 'Teachers above the required degree per student',
  seniorTitleTeachersPerStudent: 'Teachers with intermediate or higher titles per student',
};

/** Short indicator labels in English for narrow columns. */
export const INDICATOR_LABELS_EN: Readonly<Record<IndicatorId, string>> = {
  qualifiedTeachersPer100: 'Degree teachers',
  keyTeachersPer100: 'Key teachers',
  peArtTeachersPer100: 'PE & art teachers',
  teachingAreaPerStudent: 'Teaching space',
  sportsAreaPerStudent: 'Sports space',
  equipmentValuePerStudent: 'Equipment',
  multimediaRoomsPer100: 'Multimedia rooms',
  computersPer100: 'Computers',
  booksPerStudent: 'Books',
  teachersPerStudent: 'Teacher ratio',
  qualifiedTeachersPerStudent: 'Degree teachers per student',
  seniorTitleTeachersPerStudent: 'Titled teachers',
};

export const KIND_LABELS_EN: Readonly<Record<SchoolKind, string>> = {
  primary: 'primary school',
  junior: 'junior secondary school',
  nineYear: 'nine-year school',
  completeMiddle: 'complete middle school',
  twelveYear: 'twelve-year school',
  teachingPoint: 'teaching point',
  special: 'special-education school',
};

export const STAGE_LABELS_EN: Readonly<Record<AnyStage, string>> = {
  primary: 'primary',
  junior: 'junior secondary',
  senior: 'senior secondary',
};

/** The base units of fields and indicators in English ('' stays ''). */
export const UNIT_NAMES_EN: Readonly<Record<string, string>> = {
  '㎡': 'm²',
  元: 'yuan',
  万元: '10,000 yuan',
  册: 'books',
  台: 'computers',
  间: 'rooms',
  人: 'people',
  个: '',
  '': '',
};

/** A unit in English; one the catalogue does not know is kept as written (a header's own text). */
export function unitNameEn(unit: string): string {
  return Object.prototype.hasOwnProperty.call(UNIT_NAMES_EN, unit) ? UNIT_NAMES_EN[unit] : unit;
}

/** One of a base unit in English, after "per" or "1": "yuan per person", "1 book". */
const UNIT_ONE_EN: Readonly<Record<string, string>> = {
  '㎡': 'm²',
  元: 'yuan',
  万元: '10,000 yuan',
  册: 'book',
  台: 'computer',
  间: 'room',
  人: 'person',
  个: '',
  '': '',
};

/** One of a unit in English ("per person"); one the catalogue does not know is kept as written. */
export function unitOneEn(unit: string): string {
  return Object.prototype.hasOwnProperty.call(UNIT_ONE_EN, unit) ? UNIT_ONE_EN[unit] : unit;
}

/** Identity and count field names in English. */
const FIELD_NAMES_EN: Readonly<Record<string, string>> = {
  name: 'School name',
  stage: 'Stage',
  kind: 'School type',
  ownership: 'Public or private',
  affiliation: 'Administered by',
  sponsor: 'Sponsor type',
  students: 'Students',
  classes: 'Classes',
  grades: 'Grades',
  maxClassSize: 'Largest class',
  teachers: 'Full-time teachers',
  qualifiedTeachers: 'Teachers above the required degree',
  keyTeachers: 'County-level or higher key teachers',
  peArtTeachers: 'PE and art teachers',
  peTeachers: 'PE teachers',
  musicTeachers: 'Music teachers',
  artTeachers: 'Fine-art teachers',
  seniorTitleTeachers: 'Teachers with intermediate or higher titles',
  certifiedTeachers: 'Certified teachers',
  teachingArea: 'Teaching and auxiliary floor area',
  sportsArea: 'Sports ground and hall area',
  equipmentValue: 'Teaching equipment value',
  multimediaRooms: 'Networked multimedia classrooms',
  computers: 'Computers',
  books: 'Library books',
  musicRooms: 'Music rooms',
  artRooms: 'Fine-art rooms',
  musicRoomArea: 'Smallest music room area',
  artRoomArea: 'Smallest fine-art room area',
  publicFunds: 'Public funds per student',
  trainingFunds: 'Teacher training funds',
  operatingBudget: 'Public funds budget',
};

/** English name of a field key: a count field, a stage-qualified one ('junior.teachers'), or an indicator id. */
export function fieldLabelEn(field: string): string {
  if (isIndicatorId(field)) return INDICATOR_NAMES_EN[field];
  const dot = field.indexOf('.');
  if (dot > 0) {
    const stage = field.slice(0, dot) as AnyStage;
    const base = field.slice(dot + 1);
    if (STAGE_LABELS_EN[stage] && FIELD_NAMES_EN[base]) {
      return `${FIELD_NAMES_EN[base]} (${STAGE_LABELS_EN[stage]})`;
    }
  }
  if (Object.prototype.hasOwnProperty.call(FIELD_NAMES_EN, field)) return FIELD_NAMES_EN[field];
  // A catalogue field this list lacked would show its key, never Chinese (a test keeps the two in step).
  return field;
}

/** Field groups of the mapping dropdown in English. */
export const FIELD_GROUP_LABELS_EN = {
  identity: 'School',
  count: 'Counts (school or stage)',
  stageCount: 'Counts by stage (combined rows)',
  ratio: 'Indicator values already computed',
} as const;

const sheetAt = (w: IssueWhere): string => (w.sheet ? `Sheet “${w.sheet}”, ` : '');
const rowsText = (r: { top: number; bottom: number }): string =>
  r.top === r.bottom ? `row ${r.top}` : `rows ${r.top}–${r.bottom}`;
const cellAt = (w: IssueWhere): string => {
  const column = w.column === undefined ? '' : `, column ${columnLetter(w.column)}`;
  // A label that is only the field's Chinese name is worded in English; a header as the user wrote it stays.
  const label = w.label !== undefined && w.label !== fieldLabel(w.field) ? w.label : fieldLabelEn(w.field);
  return `${sheetAt(w)}row ${w.row}${column} (${label})`;
};
const rowAt = (w: IssueWhere): string => `${sheetAt(w)}row ${w.row} “${w.name ?? ''}”`;
const headerAt = (
  w: IssueWhere,
  p: { headerRows: { top: number; bottom: number }; header: string },
): string =>
  `${sheetAt(w)}header ${rowsText(p.headerRows)}, column ${columnLetter(w.column ?? 0)} “${p.header}”`;
const letterOf = (column: number | undefined): string =>
  column === undefined ? '' : ` (column ${columnLetter(column)})`;
const name = (id: IndicatorId): string => INDICATOR_NAMES_EN[id];
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** English reasons of the number problems, naming no place. */
export const NUMBER_REASONS_EN: NumberReasons = {
  notNumber: (p) => {
    if (p.as === 'logical') return `“${p.shown}” is a logical value, not a number`;
    if (p.as === 'date') return `“${p.shown}” is a date, not a number`;
    if (p.as === 'dateFormat') {
      return `the cell has a date format (${p.numberFormat ?? ''}); the value ${p.shown} may have been turned into a date by Excel: set the format to General and type it again`;
    }
    return `“${p.shown}” is not a number`;
  },
  formulaError: (p) => `formula error ${p.shown}: fix the formula or type a value`,
  tooLarge: (p) => `“${p.shown}” is too large to compute with`,
  negative: (p) => `“${p.shown}” is negative; this value cannot be negative`,
  unitMismatch: (p) =>
    p.columnUnit === undefined
      ? `“${p.shown}” has the unit “${p.unit}” but the column names none: type the number only`
      : `the unit “${p.unit}” of “${p.shown}” differs from the column’s “${p.columnUnit}”: type the number in “${p.columnUnit}” only`,
};

const PLAN_PROBLEMS_EN: Readonly<Record<PlanProblem, string>> = {
  empty: 'no data',
  lengthMismatch: 'the numbers of students and of resources differ',
  invalidAmount: 'a school’s resource is not a non-negative number (missing data is never counted as 0)',
  invalidStudents: 'a school’s students are not a non-negative number',
  invalidStandard: 'a school’s standard is not a non-negative number',
  invalidTarget: 'the target coefficient is invalid (it must be non-negative)',
  invalidStep: 'the split ratio or the step is invalid',
  noStudents: 'the students add up to 0, so nothing can be weighted',
};

const KIND_NAMES_EN = Object.values(KIND_LABELS_EN).join(', ');

/** The English wording of every issue, with its place first. */
export const ISSUE_TEXTS_EN: IssueTexts = {
  noTable: (w, p) =>
    p.scannedRows === undefined
      ? `${sheetAt(w)}no school table found: the sheet is empty`
      : `${sheetAt(w)}no school table found: no header recognised in the first ${p.scannedRows} rows (at least columns such as “school name” and “students” are needed)`,
  missingColumn: (w, p) =>
    `${sheetAt(w)}the header (${rowsText(p.headerRows)}) has no “${fieldLabelEn(w.field)}” column; headers that work include ${p.examples
      .map((s) => `“${s}”`)
      .join(', ')}`,
  duplicateColumn: (w, p) => {
    const a = columnLetter(p.kept);
    const b = columnLetter(w.column ?? 0);
    return `${sheetAt(w)}columns ${a} “${p.keptHeader}” and ${b} “${p.droppedHeader}” both match “${fieldLabelEn(w.field)}”: column ${a} is used, column ${b} is not read`;
  },
  unmappedColumn: (w, p) =>
    `${sheetAt(w)}column ${columnLetter(w.column ?? 0)} “${p.header}” matches no field and is not read; choose a field for it in the column mapping to use it`,
  foreignCurrency: (w, p) =>
    `${headerAt(w, p)}: the unit “${p.unit}” is a foreign currency; amounts are in yuan, so this column is not read. Convert it to yuan (or 10,000 yuan)`,
  unitMalformed: (w, p) =>
    `${headerAt(w, p)}: the unit’s brackets are incomplete; read as “${unitNameEn(p.assumed)}”, please check`,
  unknownUnit: (w, p) =>
    `${headerAt(w, p)}: the unit “${p.unit}” is not recognised; read as “${unitNameEn(p.assumed)}”, please check`,

  notNumber: (w, p) => `${cellAt(w)}: ${NUMBER_REASONS_EN.notNumber(p)}`,
  formulaError: (w, p) => `${cellAt(w)}: ${NUMBER_REASONS_EN.formulaError(p)}`,
  formulaNotCalculated: (w) =>
    `${cellAt(w)}: the formula has not been calculated; open and save the workbook in Excel or WPS, then try again`,
  tooLarge: (w, p) => `${cellAt(w)}: ${NUMBER_REASONS_EN.tooLarge(p)}`,
  negative: (w, p) => `${cellAt(w)}: ${NUMBER_REASONS_EN.negative(p)}`,
  unitMismatch: (w, p) => `${cellAt(w)}: ${NUMBER_REASONS_EN.unitMismatch(p)}`,
  dashAsZero: (w, p) => `${cellAt(w)}: “${p.shown}” read as none, 0`,
  notInteger: (w, p) => `${cellAt(w)}: ${p.value} is not a whole number, please check`,
  ratioInverted: (w, p) =>
    `${cellAt(w)}: ${p.value} is greater than 1 and looks like a student–teacher ratio (students ÷ teachers); the teacher–student ratio is teachers ÷ students, so it is not read`,
  unknownOwnership: (w, p) => `${cellAt(w)}: “${p.text}” is neither public nor private; not read`,
  unknownAffiliation: (w, p) =>
    `${cellAt(w)}: whether “${p.text}” is county-run cannot be told (write county-run or province/city-run in Chinese); not read`,

  noKindColumn: (w) =>
    `${sheetAt(w)}no “stage” or “school type” column: the type is taken from the school name (primary school, middle school…)`,
  unknownKind: (w, p) => {
    if (p.case === 'row') {
      return `${rowAt(w)}: the school type is unknown; fill in the stage or school type column (primary, junior, nine-year…); the row is not read`;
    }
    if (p.case === 'part')
      return `${rowAt(w)}: the school type is not recognised; left out of the computation`;
    return p.nameKind === undefined
      ? `${cellAt(w)}: “${p.text}” is not a known school type (${KIND_NAMES_EN})`
      : `${cellAt(w)}: “${p.text}” is not a known school type; taken as a ${KIND_LABELS_EN[p.nameKind]} from the name “${w.name ?? ''}”`;
  },
  notCompulsory: (w, p) =>
    `${sheetAt(w)}row ${w.row} “${w.name ?? ''}” is of type “${p.text}”, not a compulsory-education school; the row is not read`,
  missingName: (w) =>
    `${sheetAt(w)}row ${w.row} has data but its school name (column ${columnLetter(w.column ?? 0)}) is empty; the row is not read`,
  hiddenRow: (w) => `${rowAt(w)} is hidden; read as usual`,
  duplicateSchool: (w, p) =>
    `${rowAt(w)} has the same name and type as row ${p.firstRow}; it may be entered twice`,

  totalRow: (w) => `${rowAt(w)}: a total or subtotal row, not a school; ignored`,
  standardRow: (w) => `${rowAt(w)}: a row of standard values (national, provincial…), not a school; ignored`,
  stageUnknown: (w, p) =>
    p.case === 'special'
      ? `${rowAt(w)}: the special-education school names no stage (primary or junior secondary); left out`
      : `${rowAt(w)}: the ${KIND_LABELS_EN[p.kind]} has no students by stage, so its stage is unknown; left out. Enter one row per stage, or fill in ${p.stages
          .map((s) => `${STAGE_LABELS_EN[s]} students`)
          .join(' and ')}`,
  stageConflict: (w, p) =>
    `${rowAt(w)}: a ${KIND_LABELS_EN[p.kind]} has no ${STAGE_LABELS_EN[p.stage]} stage; left out`,
  stageValueConflict: (w, p) =>
    `${sheetAt(w)}row ${w.row}: ${fieldLabelEn(w.field)}${letterOf(w.column)} ${p.plain} differs from ${fieldLabelEn(p.stageField)}${letterOf(p.stageColumn)} ${p.own}; ` +
    `the ${fieldLabelEn(w.field)} of “${w.name ?? ''}” is not used: keep only one of the two`,
  missingStudents: (w) =>
    `${cellAt(w)}: students missing; no indicator of this school can be computed (never counted as 0)`,
  zeroStudents: (w) =>
    `${cellAt(w)}: 0 students, so no weight; left out of the coefficients and the per-school rule`,
  splitStudentsMissing: (w, p) =>
    `${cellAt(w)}: the ${KIND_LABELS_EN[p.kind]} lacks its ${STAGE_LABELS_EN[p.stage]} students, so it cannot be split by stage; left out`,
  perStageMissing: (w, p) =>
    `${cellAt(w)}: a ${KIND_LABELS_EN[p.kind]}’s ${fieldLabelEn(w.field)} must be given per stage (e.g. ${fieldLabelEn(`primary.${w.field}`)}), never split by ratio; the indicators using it are not computed`,
  invalidNumber: (w, p) => {
    const text = {
      students:
        'is not a valid number of people (a whole number ≥ 0); no indicator of this school can be computed',
      splitStudents: 'is not a valid number of people, so the school cannot be split by stage; left out',
      total: 'is not a valid non-negative number',
      value: 'is not a valid non-negative number; treated as missing',
    }[p.as];
    return `${cellAt(w)}: “${p.shown}” ${text}`;
  },

  precisionWarning: (w, p) =>
    `${cellAt(w)}: “${name(p.indicator)}” comes from a ratio the table already computed (raw data missing). Rounded ratios can shift the coefficients and verdicts slightly; give the raw data if you can`,
  indicatorUnavailable: (w, p) => {
    const fields = INDICATORS[p.indicator].numerator
      .map((alt) => alt.map(fieldLabelEn).join(' + '))
      .join(' or ');
    return `${sheetAt(w)}the table lacks the data “${name(p.indicator)}” needs (${fields}); it cannot be computed`;
  },
  missingValue: (w, p) =>
    `${cellAt(w)}: data missing (never counted as 0); “${name(p.indicator)}” cannot be computed and the school is left out of its coefficient`,
  planMissing: (w, p) =>
    `${cellAt(w)}: data missing (never counted as 0); the school is left out of the plan for “${name(p.indicator)}”`,
  planUnavailable: (w, p) =>
    `${capital(sheetAt(w))}${name(p.indicator)}: ${PLAN_PROBLEMS_EN[p.problem]}; no plan can be made`,
};
