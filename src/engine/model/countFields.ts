/** The raw count fields a school row holds (spec §8). */

/**
 * Raw count fields a school row can hold (spec §8), in base units after unit conversion:
 * people, m², 元, rooms, books (册), computers (台).
 */
export type CountField =
  | 'students' /** 在校生数 */
  | 'classes' /** 班级数 */
  | 'grades' /** 年级数 (申报表 表Ⅱ-2) */
  | 'maxClassSize' /** 最大班额 */
  | 'teachers' /** 专任教师数 */
  | 'qualifiedTeachers' /** 高于规定学历教师数 */
  | 'keyTeachers' /** 县级以上骨干教师数 */
  | 'peArtTeachers' /** 体育、艺术（美术、音乐）专任教师数 (combined column) */
  | 'peTeachers' /** 体育专任教师数 */
  | 'musicTeachers' /** 音乐专任教师数 */
  | 'artTeachers' /** 美术专任教师数 */
  | 'seniorTitleTeachers' /** 中级及以上职称教师数 */
  | 'certifiedTeachers' /** 持证教师数 */
  | 'teachingArea' /** 教学及辅助用房面积 (m²) */
  | 'sportsArea' /** 体育运动场（馆）面积 (m²) */
  | 'equipmentValue' /** 教学仪器设备值 (元) */
  | 'multimediaRooms' /** 网络多媒体教室数 */
  | 'computers' /** 计算机台数 */
  | 'books' /** 图书册数 */
  | 'musicRooms' /** 音乐专用教室数 */
  | 'artRooms' /** 美术专用教室数 */
  | 'musicRoomArea' /** 最小音乐教室面积 (m²) */
  | 'artRoomArea' /** 最小美术教室面积 (m²) */
  | 'publicFunds' /** 生均公用经费 (元) — special schools */
  | 'trainingFunds' /** 教师培训经费 (元) */
  | 'operatingBudget'; /** 公用经费预算 (元) */
