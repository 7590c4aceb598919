/** 学段 and 学校类型: the stage list, their Chinese names, and a stage from text. */
import type { AnyStage, SchoolKind, Stage } from './types';

/** The compulsory stages in display order (小学 first): every per-stage loop walks this list. */
export const STAGES: readonly Stage[] = ['primary', 'junior'];

/** 学段 names. */
export const STAGE_LABELS: Readonly<Record<AnyStage, string>> = {
  primary: '小学',
  junior: '初中',
  senior: '高中',
};

/** 学校类型 names as they name a school (九年一贯制学校没有初中学段). */
export const KIND_LABELS: Readonly<Record<SchoolKind, string>> = {
  primary: '小学',
  junior: '初中',
  nineYear: '九年一贯制学校',
  completeMiddle: '完全中学',
  twelveYear: '十二年一贯制学校',
  teachingPoint: '教学点',
  special: '特殊教育学校',
};

/** 学校类型 names as a 学校类型 cell writes the type (视为九年一贯制): the 一贯制 kinds without 学校. */
export const KIND_SHORT_LABELS: Readonly<Record<SchoolKind, string>> = Object.fromEntries(
  Object.entries(KIND_LABELS).map(([kind, label]) => [kind, label.replace(/一贯制学校$/, '一贯制')]),
) as Record<SchoolKind, string>;

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
