/** The indicator catalogue (spec §2): names, units, formulas from raw counts, and lookups by id or Chinese text. */
import type { CountField } from './countFields';
import type { BaseUnit } from './units';

/** 指标 — one indicator as the table below writes it. */
interface IndicatorSpec {
  /** Full Chinese name exactly as in the spec. */
  name: string;
  /** Short Chinese label for narrow table headers. */
  label: string;
  /** Unit of the raw resource (what a gap is counted in). */
  unit: BaseUnit;
  /** Unit printed after a per-school value ('' for per-100 and per-teacher ratios). */
  valueUnit: string;
  /** Value = per × resource / students. */
  per: 1 | 100;
  /** Ways to read the resource: the first alternative whose fields are all present is summed. */
  numerator: readonly (readonly CountField[])[];
  /** Teachers, rooms, computers, books come in whole numbers, so their gaps are rounded up. */
  countable: boolean;
  /** Extra Chinese names users type (for findIndicator). */
  aliases?: readonly string[];
  /**
   * A sheet column giving the ratio itself is recognised by 生均 / 每百名学生拥有 + the resource's header words, in
   * the resource's unit; unless these say otherwise (师生比 has its own words and no unit).
   */
  givenColumn?: { headers: readonly string[]; unit: '' };
}

/** Every indicator the engine knows, in spec order (§2.1, then the §2.2 ones not in §2.1). */
const TABLE = {
  qualifiedTeachersPer100: {
    name: '每百名学生拥有高于规定学历教师数',
    label: '高学历教师',
    unit: '人',
    valueUnit: '',
    per: 100,
    numerator: [['qualifiedTeachers']],
    countable: true,
  },
  keyTeachersPer100: {
    name: '每百名学生拥有县级以上骨干教师数',
    label: '骨干教师',
    unit: '人',
    valueUnit: '',
    per: 100,
    numerator: [['keyTeachers']],
    countable: true,
  },
  peArtTeachersPer100: {
    name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    label: '体艺教师',
    unit: '人',
    valueUnit: '',
    per: 100,
    numerator: [['peArtTeachers'], ['peTeachers', 'musicTeachers', 'artTeachers']],
    countable: true,
    aliases: ['体育艺术专任教师', '体育艺术教师', '体艺教师'],
  },
  teachingAreaPerStudent: {
    name: '生均教学及辅助用房面积',
    label: '教学用房',
    unit: '㎡',
    valueUnit: '㎡',
    per: 1,
    numerator: [['teachingArea']],
    countable: false,
  },
  sportsAreaPerStudent: {
    name: '生均体育运动场馆面积',
    label: '体育场馆',
    unit: '㎡',
    valueUnit: '㎡',
    per: 1,
    numerator: [['sportsArea']],
    countable: false,
    aliases: ['生均体育运动场（馆）面积'],
  },
  equipmentValuePerStudent: {
    name: '生均教学仪器设备值',
    label: '仪器设备',
    unit: '元',
    valueUnit: '元',
    per: 1,
    numerator: [['equipmentValue']],
    countable: false,
  },
  multimediaRoomsPer100: {
    name: '每百名学生拥有网络多媒体教室数',
    label: '多媒体教室',
    unit: '间',
    valueUnit: '',
    per: 100,
    numerator: [['multimediaRooms']],
    countable: true,
  },
  computersPer100: {
    name: '每百名学生拥有计算机台数',
    label: '计算机',
    unit: '台',
    valueUnit: '',
    per: 100,
    numerator: [['computers']],
    countable: true,
  },
  booksPerStudent: {
    name: '生均图书册数',
    label: '图书',
    unit: '册',
    valueUnit: '册',
    per: 1,
    numerator: [['books']],
    countable: true,
  },
  teachersPerStudent: {
    name: '师生比',
    label: '师生比',
    unit: '人',
    valueUnit: '',
    per: 1,
    numerator: [['teachers']],
    countable: true,
    aliases: ['生均专任教师数'],
    givenColumn: { headers: ['师生比', '教师与学生比', '教师学生比'], unit: '' },
  },
  qualifiedTeachersPerStudent: {
    name: '生均高于规定学历教师数',
    label: '生均高学历教师',
    unit: '人',
    valueUnit: '',
    per: 1,
    numerator: [['qualifiedTeachers']],
    countable: true,
  },
  seniorTitleTeachersPerStudent: {
    name: '生均中级及以上专业技术职务教师数',
    label: '中级职称教师',
    unit: '人',
    valueUnit: '',
    per: 1,
    numerator: [['seniorTitleTeachers']],
    countable: true,
    aliases: ['生均中级及以上职称教师数'],
  },
} as const satisfies Record<string, IndicatorSpec>;

/** Indicator ids exactly as in spec §2.1 and §2.2: the keys of the table above. */
export type IndicatorId = keyof typeof TABLE;

/** 指标 — one indicator's metadata. */
export interface IndicatorMeta extends IndicatorSpec {
  id: IndicatorId;
  /** The field a gap is expressed in (the first of the preferred alternative). */
  resourceField: CountField;
  aliases: readonly string[];
}

/** Every indicator the engine knows, in spec order (§2.1, then the §2.2 ones not in §2.1), with its id. */
export const INDICATORS: Readonly<Record<IndicatorId, IndicatorMeta>> = Object.fromEntries(
  Object.entries(TABLE).map(([id, spec]: [string, IndicatorSpec]) => [
    id,
    { id, ...spec, resourceField: spec.numerator[0][0], aliases: spec.aliases ?? [] },
  ]),
) as Record<IndicatorId, IndicatorMeta>;

/** All indicator ids in catalogue order. */
export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

export function isIndicatorId(text: string): text is IndicatorId {
  return Object.prototype.hasOwnProperty.call(INDICATORS, text);
}

/** A count as the rules read it: a finite non-negative number (a missing or bad cell is not one, and never 0). */
export function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

/**
 * The indicator's resource amount from counts: the sum of the first complete numerator alternative; NaN when no
 * alternative is complete or a value is not a finite non-negative number (never 0 for missing data).
 */
export function resourceAmount(counts: Partial<Record<CountField, number>>, meta: IndicatorMeta): number {
  for (const fields of meta.numerator) {
    let sum = 0;
    let complete = true;
    for (const f of fields) {
      const v = counts[f];
      if (v === undefined) {
        complete = false;
        break;
      }
      if (!(typeof v === 'number' && v >= 0 && v < Infinity)) return NaN;
      sum += v;
    }
    if (complete) return sum;
  }
  return NaN;
}

/** The numerator alternative used for these counts (the first complete one), or null. */
export function resourceFieldsOf(
  counts: Partial<Record<CountField, number>>,
  meta: IndicatorMeta,
): readonly CountField[] | null {
  // Plain loops: this runs for every school and indicator each time verdicts, gaps and CVs are built.
  for (const fields of meta.numerator) {
    let complete = true;
    for (let k = 0; k < fields.length && complete; k++) complete = counts[fields[k]] !== undefined;
    if (complete) return fields;
  }
  return null;
}

const BRACKETED_UNIT = /[（(]\s*(?:㎡|m²|m2|平方米|元|万元|千元|册|万册|台|间|人|个)\s*[）)]/gi;

/** Lower-cases and drops spaces, bracketed units, brackets and list punctuation so names compare loosely. */
function normaliseName(text: string): string {
  return text
    .replace(BRACKETED_UNIT, '')
    .toLowerCase()
    .replace(/[\s()（）、，,·]/g, '');
}

export type IndicatorLookup =
  { ok: true; indicator: IndicatorMeta } | { ok: false; reason: string; candidates: IndicatorId[] };

/**
 * Finds an indicator by id, full Chinese name, or an unambiguous part of a name (体育运动场馆). `among` limits the
 * search to a profile's indicators, which resolves parts shared by two regimes' names (高于规定学历).
 */
export function findIndicator(text: string, among: readonly IndicatorId[] = INDICATOR_IDS): IndicatorLookup {
  const query = normaliseName(String(text ?? ''));
  if (query === '') return { ok: false, reason: '指标名称为空', candidates: [] };
  const pool = among.map((id) => INDICATORS[id]);
  const byId = pool.find((m) => m.id.toLowerCase() === query);
  if (byId) return { ok: true, indicator: byId };
  const names = (m: IndicatorMeta): string[] => [m.name, m.label, ...m.aliases].map(normaliseName);
  const exact = pool.filter((m) => names(m).includes(query));
  if (exact.length === 1) return { ok: true, indicator: exact[0] };
  const partial = exact.length > 1 ? exact : pool.filter((m) => names(m).some((n) => n.includes(query)));
  if (partial.length === 1) return { ok: true, indicator: partial[0] };
  if (partial.length === 0) return { ok: false, reason: `未知的指标：“${text}”`, candidates: [] };
  return {
    ok: false,
    reason: `指标“${text}”不明确，可能是：${partial.map((m) => m.name).join('、')}`,
    candidates: partial.map((m) => m.id),
  };
}
