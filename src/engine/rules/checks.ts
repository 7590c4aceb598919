/** Other per-school checks of spec §7 that school data can show: school size, class size, music and art rooms. */
import { formatNumber } from '../model/format';
import type { CheckResult, Profile, Stage } from '../model/types';

/** 班额 band: within the stage's limit, 偏大班额 (46–55), 大班额 (56–65), 超大班额 (≥ 66). */
export type ClassBand = '正常' | '偏大班额' | '大班额' | '超大班额';

const DEFAULT_CLASS_LIMIT: Record<Stage, number> = { primary: 45, junior: 50 };

/** The band of a largest class: 正常 within the limit (45 小学, 50 初中), else by size 46–55 / 56–65 / ≥ 66. */
export function classBand(size: number, stage: Stage, limit: number = DEFAULT_CLASS_LIMIT[stage]): ClassBand {
  if (size <= limit) return '正常';
  if (size <= 55) return '偏大班额';
  if (size <= 65) return '大班额';
  return '超大班额';
}

/** 学校规模: enrolment ≤ limit (2000 小学/初中; 2500 for a 九年/十二年一贯制's compulsory stages together). */
export function schoolSizeCheck(enrolment: number, limit: number, combined: boolean): CheckResult {
  const pass = enrolment <= limit;
  const what = combined ? '学校规模（义务教育阶段合计）' : '学校规模 ';
  return {
    check: 'schoolSize',
    pass,
    field: 'students',
    value: enrolment,
    limit,
    combined,
    message: `${what}${formatNumber(enrolment)} 人，${pass ? '不超过' : '超过'} ${formatNumber(limit)} 人`,
  };
}

/** 班额: the largest class ≤ the stage's limit, with its band. */
export function classSizeCheck(size: number, stage: Stage, limit: number): CheckResult {
  const band = classBand(size, stage, limit);
  const pass = size <= limit;
  return {
    check: 'classSize',
    pass,
    field: 'maxClassSize',
    band,
    value: size,
    limit,
    message: `最大班额 ${formatNumber(size)} 人，${pass ? '不超过' : '超过'} ${limit} 人${pass ? '' : `（${band}）`}`,
  };
}

/** Rooms needed for a number of classes: one per `classesPerRoom` classes, rounded up, at least one. */
export function roomsNeeded(classes: number, classesPerRoom: number): number {
  return Math.max(1, Math.ceil(classes / classesPerRoom));
}

/** 音乐/美术专用教室 count against the classes. */
export function roomCountCheck(
  kind: 'music' | 'art',
  rooms: number,
  classes: number,
  classesPerRoom: number,
): CheckResult {
  const needed = roomsNeeded(classes, classesPerRoom);
  const pass = rooms >= needed;
  const label = kind === 'music' ? '音乐专用教室' : '美术专用教室';
  return {
    check: kind === 'music' ? 'musicRooms' : 'artRooms',
    pass,
    field: kind === 'music' ? 'musicRooms' : 'artRooms',
    value: rooms,
    limit: needed,
    classes,
    message: `${label} ${formatNumber(rooms)} 间，${formatNumber(classes)} 个班需 ${needed} 间${pass ? '' : `，还差 ${needed - rooms} 间`}`,
  };
}

/** 音乐/美术教室面积: each room at least the minimum (96 m² music, 90 m² art). */
export function roomAreaCheck(kind: 'music' | 'art', area: number, minimum: number): CheckResult {
  const pass = area >= minimum;
  const label = kind === 'music' ? '音乐教室面积' : '美术教室面积';
  return {
    check: kind === 'music' ? 'musicRoomArea' : 'artRoomArea',
    pass,
    field: kind === 'music' ? 'musicRoomArea' : 'artRoomArea',
    value: area,
    limit: minimum,
    message: `${label} ${formatNumber(area)}㎡，${pass ? '不低于' : '低于'} ${formatNumber(minimum)}㎡`,
  };
}

/** The figures a part's checks read; each check runs only when its figures are present. */
export interface CheckInput {
  stage: Stage;
  /** Enrolment the size limit applies to (the school's compulsory total for 一贯制 parts). */
  enrolment?: number;
  /** true for 九年一贯制 / 十二年一贯制 parts (the 2500 limit). */
  combined: boolean;
  maxClassSize?: number;
  classes?: number;
  musicRooms?: number;
  artRooms?: number;
  musicRoomArea?: number;
  artRoomArea?: number;
}

function present(v: number | undefined): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

/** The §7 checks the profile switches on and the data can show, in a fixed order. */
export function runChecks(input: CheckInput, limits: Profile['checks']): CheckResult[] {
  const out: CheckResult[] = [];
  if (limits.schoolSize && present(input.enrolment)) {
    const limit = input.combined ? limits.schoolSize.combined : limits.schoolSize.single;
    out.push(schoolSizeCheck(input.enrolment, limit, input.combined));
  }
  if (limits.classSize && present(input.maxClassSize)) {
    out.push(classSizeCheck(input.maxClassSize, input.stage, limits.classSize[input.stage]));
  }
  const rooms = limits.specialRooms;
  if (rooms) {
    if (present(input.classes) && input.classes > 0) {
      if (present(input.musicRooms))
        out.push(roomCountCheck('music', input.musicRooms, input.classes, rooms.classesPerRoom));
      if (present(input.artRooms))
        out.push(roomCountCheck('art', input.artRooms, input.classes, rooms.classesPerRoom));
    }
    if (present(input.musicRoomArea))
      out.push(roomAreaCheck('music', input.musicRoomArea, rooms.musicRoomArea));
    if (present(input.artRoomArea)) out.push(roomAreaCheck('art', input.artRoomArea, rooms.artRoomArea));
  }
  return out;
}
