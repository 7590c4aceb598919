/** The indicator catalogue (spec §2): names, units, formulas from raw counts, and lookups by id or Chinese text. */
import type { CountField, IndicatorId, SchoolKind, Stage } from './types';
import type { BaseUnit } from './units';

/** 指标 — one indicator's metadata. */
export interface IndicatorMeta {
  id: IndicatorId;
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
  /** The field a gap is expressed in (the first of the preferred alternative). */
  resourceField: CountField;
  /** Teachers, rooms, computers, books come in whole numbers, so their gaps are rounded up. */
  countable: boolean;
  /** Extra Chinese names users type (for findIndicator). */
  aliases: readonly string[];
}

function meta(
  id: IndicatorId,
  name: string,
  label: string,
  unit: BaseUnit,
  valueUnit: string,
  per: 1 | 100,
  numerator: CountField[][],
  countable: boolean,
  aliases: string[] = [],
): IndicatorMeta {
  return {
    id,
    name,
    label,
    unit,
    valueUnit,
    per,
    numerator,
    resourceField: numerator[0][0],
    countable,
    aliases,
  };
}

/** Every indicator the engine knows, in spec order (§2.1, then the §2.2 ones not in §2.1). */
export const INDICATORS: Readonly<Record<IndicatorId, IndicatorMeta>> = {
  qualifiedTeachersPer100: meta(
    'qualifiedTeachersPer100',
    '每百名学生拥有高于规定学历教师数',
    '高学历教师',
    '人',
    '',
    100,
    [['qualifiedTeachers']],
    true,
  ),
  keyTeachersPer100: meta(
    'keyTeachersPer100',
    '每百名学生拥有县级以上骨干教师数',
    '骨干教师',
    '人',
    '',
    100,
    [['keyTeachers']],
    true,
  ),
  peArtTeachersPer100: meta(
    'peArtTeachersPer100',
    '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    '体艺教师',
    '人',
    '',
    100,
    [['peArtTeachers'], ['peTeachers', 'musicTeachers', 'artTeachers']],
    true,
    ['体育艺术专任教师', '体育艺术教师', '体艺教师'],
  ),
  teachingAreaPerStudent: meta(
    'teachingAreaPerStudent',
    '生均教学及辅助用房面积',
    '教学用房',
    '㎡',
    '㎡',
    1,
    [['teachingArea']],
    false,
  ),
  sportsAreaPerStudent: meta(
    'sportsAreaPerStudent',
    '生均体育运动场馆面积',
    '体育场馆',
    '㎡',
    '㎡',
    1,
    [['sportsArea']],
    false,
    ['生均体育运动场（馆）面积'],
  ),
  equipmentValuePerStudent: meta(
    'equipmentValuePerStudent',
    '生均教学仪器设备值',
    '仪器设备',
    '元',
    '元',
    1,
    [['equipmentValue']],
    false,
  ),
  multimediaRoomsPer100: meta(
    'multimediaRoomsPer100',
    '每百名学生拥有网络多媒体教室数',
    '多媒体教室',
    '间',
    '',
    100,
    [['multimediaRooms']],
    true,
  ),
  computersPer100: meta(
    'computersPer100',
    '每百名学生拥有计算机台数',
    '计算机',
    '台',
    '',
    100,
    [['computers']],
    true,
  ),
  booksPerStudent: meta('booksPerStudent', '生均图书册数', '图书', '册', '册', 1, [['books']], true),
  teachersPerStudent: meta('teachersPerStudent', '师生比', '师生比', '人', '', 1, [['teachers']], true, [
    '生均专任教师数',
  ]),
  qualifiedTeachersPerStudent: meta(
    'qualifiedTeachersPerStudent',
    '生均高于规定学历教师数',
    '生均高学历教师',
    '人',
    '',
    1,
    [['qualifiedTeachers']],
    true,
  ),
  seniorTitleTeachersPerStudent: meta(
    'seniorTitleTeachersPerStudent',
    '生均中级及以上专业技术职务教师数',
    '中级职称教师',
    '人',
    '',
    1,
    [['seniorTitleTeachers']],
    true,
    ['生均中级及以上职称教师数'],
  ),
};

/** All indicator ids in catalogue order. */
export const INDICATOR_IDS = Object.keys(INDICATORS) as IndicatorId[];

export function isIndicatorId(text: string): text is IndicatorId {
  return Object.prototype.hasOwnProperty.call(INDICATORS, text);
}

/** 学段 names. */
export const STAGE_LABELS: Readonly<Record<Stage | 'senior', string>> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
};

/** 学校类型 names. */
export const KIND_LABELS: Readonly<Record<SchoolKind, string>> = {
  primary: '小学',
  junior: '初中',
  nineYear: '九年一贯制学校',
  completeMiddle: '完全中学',
  twelveYear: '十二年一贯制学校',
  teachingPoint: '教学点',
  special: '特殊教育学校',
};

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
  for (const fields of meta.numerator) {
    if (fields.every((f) => counts[f] !== undefined)) return fields;
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

const STAGE_WORDS: Record<string, Stage> = {
  小学: 'primary',
  小学部: 'primary',
  小学段: 'primary',
  小学阶段: 'primary',
  primary: 'primary',
  初中: 'junior',
  初中部: 'junior',
  初中段: 'junior',
  初中阶段: 'junior',
  初级中学: 'junior',
  junior: 'junior',
};

/** 学段 from text: 小学 / 初中 (also 小学部, 初中阶段, primary, junior); null when it names no compulsory stage. */
export function parseStage(text: string): Stage | null {
  const key = String(text ?? '')
    .replace(/\s/g, '')
    .toLowerCase();
  // Own words only: "constructor" or "__proto__" must not find Object.prototype's members.
  return Object.prototype.hasOwnProperty.call(STAGE_WORDS, key) ? STAGE_WORDS[key] : null;
}
