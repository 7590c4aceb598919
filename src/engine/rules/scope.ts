/** Scope (spec §6): which rows and stage parts are left out of the CVs and per-school checks, and why. */
import { KIND_LABELS, STAGE_LABELS } from '../model/stages';
import type { Exclusion, ExclusionReason, Profile, SchoolRow, Stage } from '../model/types';

const STAGE_WORD = '(?:小学|初中)(?:部|段|学段)?';
const STANDARD_CORE =
  /^(?:(?:国家|省定|省级|省|市定|市级|县定)(?:规定)?(?:办学)?标准值?|办学标准值?|标准值)$/;

/**
 * Names of standard rows (国家标准, 省定标准, 标准值, 办学标准, with or without a stage: 国家标准（小学）, 省定标准-初中,
 * 小学国家标准): the 申报表 puts them right under the header, and they are never schools. A school whose name merely
 * contains 标准 (标准小学, 标准化实验学校, 国家标准小学) is a school: a stage counts only in brackets, before the
 * standard or after a separator.
 */
export function isStandardName(name: string): boolean {
  const raw = String(name ?? '');
  if (!raw.includes('标准')) return false;
  const text = raw
    .replace(/[\s\u00a0\u3000]/g, '')
    .replace(new RegExp(`[(（\\[【]${STAGE_WORD}[)）\\]】]`, 'g'), '')
    .replace(new RegExp(`^${STAGE_WORD}[:：\\-—_·/]?`), '')
    .replace(new RegExp(`[:：\\-—_·/]${STAGE_WORD}$`), '');
  return STANDARD_CORE.test(text);
}

function exclusion(row: SchoolRow, reason: ExclusionReason, message: string, stage?: Stage): Exclusion {
  const e: Exclusion = { row: row.row, name: row.name, reason, message };
  if (row.sheet !== undefined) e.sheet = row.sheet;
  if (stage !== undefined) e.stage = stage;
  return e;
}

function fixedStage(row: SchoolRow): Stage | undefined {
  if (row.kind === 'primary' || row.kind === 'teachingPoint') return 'primary';
  if (row.kind === 'junior') return 'junior';
  return row.stage;
}

/**
 * Why a row is out of scope under the profile, or null. Zero-student parts are excluded later, per stage part
 * (`zeroStudentsExclusion`), because a combined row may have students in one stage only.
 */
export function rowExclusion(row: SchoolRow, profile: Profile): Exclusion | null {
  const scope = profile.scope;
  const stage = fixedStage(row);
  if (row.kind === 'special' && scope.excludeSpecial) {
    return exclusion(row, 'special', '特殊教育学校不参与差异系数计算和学校达标判定', stage);
  }
  if (row.kind === 'teachingPoint') {
    if (scope.teachingPoints === 'all') {
      return exclusion(
        row,
        'teachingPoint',
        `${profile.name}不含教学点，不参与差异系数计算和学校达标判定`,
        stage,
      );
    }
    // A 教学点 is a primary site: a sheet with per-stage columns only holds its students under 小学在校生数.
    const students = row.counts?.students ?? row.byStage?.primary?.students;
    if (
      scope.teachingPoints === 'belowMinimum' &&
      typeof students === 'number' &&
      students >= 0 &&
      students < scope.teachingPointMinStudents
    ) {
      return exclusion(
        row,
        'smallTeachingPoint',
        `教学点在校生 ${students} 人，少于 ${scope.teachingPointMinStudents} 人，不参与差异系数计算和学校达标判定`,
        stage,
      );
    }
  }
  if (row.countyRun === false && scope.excludeNotCountyRun) {
    return exclusion(row, 'notCountyRun', '省市直属学校，不参与县域差异系数计算和学校达标判定', stage);
  }
  if (row.ownership === 'private' && scope.excludePrivate) {
    return exclusion(row, 'private', `民办学校，按${profile.name}不参与差异系数计算`, stage);
  }
  return null;
}

/** A stage part without students has no weight in the CV (spec §3). */
export function zeroStudentsExclusion(row: SchoolRow, stage: Stage): Exclusion {
  return exclusion(
    row,
    'zeroStudents',
    `${KIND_LABELS[row.kind] === STAGE_LABELS[stage] ? '' : STAGE_LABELS[stage] + '部'}在校生为 0 人，没有权重，不参与差异系数计算和学校达标判定`,
    stage,
  );
}

/** A combined row whose students are all in the senior stage: nothing for the compulsory-stage evaluation. */
export function seniorOnlyExclusion(row: SchoolRow): Exclusion {
  return exclusion(row, 'seniorOnly', '只有高中学段的学生，不属于义务教育阶段评估范围');
}
