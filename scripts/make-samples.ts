/** Generates the committed sample workbooks and the blank data template, byte for byte reproducibly. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';

/** Fixed metadata so that re-running the script yields identical files. */
const FIXED_DATE = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const AUTHOR = '均衡评估助手 Balance';

export const SAMPLE_DIR = path.join(__dirname, '..', 'assets', 'samples');
export const TEMPLATE_DIR = path.join(__dirname, '..', 'assets', 'templates');
export const QUALITY_SAMPLE = '示例县-优质均衡.xlsx';
export const BASIC_SAMPLE = '示例县-基本均衡.xlsx';
export const TEMPLATE = '学校数据模板.xlsx';

/** One column of a generated sheet: the header text as a bureau would type it, and how to show the numbers. */
interface Column<K extends string> {
  key: K;
  header: string;
  width: number;
  numFmt?: string;
}

type Cell = string | number | null;

// ─── 优质均衡 sample ─────────────────────────────────────────────────────────

type QualityKey =
  | 'no'
  | 'name'
  | 'kind'
  | 'ownership'
  | 'students'
  | 'primaryStudents'
  | 'juniorStudents'
  | 'seniorStudents'
  | 'classes'
  | 'maxClassSize'
  | 'teachers'
  | 'qualifiedTeachers'
  | 'keyTeachers'
  | 'peTeachers'
  | 'musicTeachers'
  | 'artTeachers'
  | 'teachingArea'
  | 'sportsArea'
  | 'equipmentValue'
  | 'multimediaRooms'
  | 'primaryTeachers'
  | 'primaryQualified'
  | 'primaryKey'
  | 'primaryPeArt'
  | 'juniorTeachers'
  | 'juniorQualified'
  | 'juniorKey'
  | 'juniorPeArt';

const QUALITY_COLUMNS: Column<QualityKey>[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '学校名称', width: 24 },
  { key: 'kind', header: '学校类型', width: 12 },
  { key: 'ownership', header: '办学性质', width: 9 },
  { key: 'students', header: '在校生数（人）', width: 10, numFmt: '#,##0' },
  { key: 'primaryStudents', header: '小学在校生数（人）', width: 10, numFmt: '#,##0' },
  { key: 'juniorStudents', header: '初中在校生数（人）', width: 10, numFmt: '#,##0' },
  { key: 'seniorStudents', header: '高中在校生数（人）', width: 10, numFmt: '#,##0' },
  { key: 'classes', header: '班级数（个）', width: 8 },
  { key: 'maxClassSize', header: '最大班额（人）', width: 8 },
  { key: 'teachers', header: '专任教师数（人）', width: 9 },
  { key: 'qualifiedTeachers', header: '高于规定学历教师数（人）', width: 11 },
  { key: 'keyTeachers', header: '县级以上骨干教师数（人）', width: 11 },
  { key: 'peTeachers', header: '体育专任教师数（人）', width: 9 },
  { key: 'musicTeachers', header: '音乐专任教师数（人）', width: 9 },
  { key: 'artTeachers', header: '美术专任教师数（人）', width: 9 },
  { key: 'teachingArea', header: '教学及辅助用房面积（㎡）', width: 12, numFmt: '#,##0' },
  { key: 'sportsArea', header: '体育运动场（馆）面积（平方米）', width: 13, numFmt: '#,##0' },
  { key: 'equipmentValue', header: '教学仪器设备值（万元）', width: 12, numFmt: '#,##0.00' },
  { key: 'multimediaRooms', header: '网络多媒体教室数（间）', width: 11 },
  { key: 'primaryTeachers', header: '小学专任教师数（人）', width: 9 },
  { key: 'primaryQualified', header: '小学高于规定学历教师数（人）', width: 11 },
  { key: 'primaryKey', header: '小学县级以上骨干教师数（人）', width: 11 },
  { key: 'primaryPeArt', header: '小学体育、艺术专任教师数（人）', width: 11 },
  { key: 'juniorTeachers', header: '初中专任教师数（人）', width: 9 },
  { key: 'juniorQualified', header: '初中高于规定学历教师数（人）', width: 11 },
  { key: 'juniorKey', header: '初中县级以上骨干教师数（人）', width: 11 },
  { key: 'juniorPeArt', header: '初中体育、艺术专任教师数（人）', width: 11 },
];

type QualityRow = Partial<Record<QualityKey, Cell>>;

/**
 * A stand-alone school (or one stage part) with its own row:
 * [name, kind, ownership, students, classes, maxClassSize, teachers, qualified, key, PE, music, art,
 *  teaching area m², sports area m², equipment 万元, multimedia rooms].
 */
type PartRow = [name: string, kind: string, ownership: string, ...counts: number[]];

/*
 * The county's schools. Urban primary schools are large and well equipped (the new 城关第三小学 and 实验小学
 * very well), village schools sit close to the standards — so 生均教学仪器设备值 varies too much among 小学 and
 * that CV fails. Deliberate per-school cases:
 *   柳河镇杨庄小学 sports area 1,575 m² / 250 = 6.3 m² = 84% of 7.5 → fails (only one indicator unmet, below 85%);
 *   双龙镇岔口小学 sports area 2,550 m² / 400 = 6.375 m² = exactly 85% → passes;
 *   白马乡石桥小学 2 key teachers and 6 rooms for 330 students → two indicators unmet → fails;
 *   王庄教学点 (56 students, so counted) has no key teacher → fails;
 *   龙泉乡初级中学 sits exactly on every 初中 standard (spec TV-5 F, incl. 9 PE/art teachers per 1,000) → passes;
 *   白马乡初级中学 equipment 104 万元 / 520 = 2,000 元 = 80% of 2,500 → fails;
 *   城关第一小学 has a class of 48 (偏大班额).
 */
const QUALITY_PARTS: PartRow[] = [
  ['城关第一小学', '小学', '公办', 1860, 42, 48, 98, 96, 31, 8, 7, 5, 9300, 14880, 1041.6, 46],
  ['城关第二小学', '小学', '公办', 1520, 34, 45, 80, 78, 22, 6, 5, 4, 7600, 12160, 592.8, 36],
  ['城关第三小学', '小学', '公办', 1240, 28, 45, 66, 64, 18, 5, 4, 4, 7440, 11160, 1016.8, 33],
  ['城关第四小学', '小学', '公办', 980, 22, 45, 50, 47, 11, 4, 3, 3, 4900, 8330, 264.6, 24],
  ['实验小学', '小学', '公办', 1680, 38, 45, 92, 90, 30, 7, 6, 5, 8904, 13440, 1444.8, 44],
  ['东关小学', '小学', '公办', 870, 20, 44, 43, 40, 10, 4, 3, 2, 4350, 7830, 217.5, 21],
  ['西街小学', '小学', '公办', 760, 18, 43, 38, 36, 9, 3, 3, 2, 3800, 6080, 174.8, 18],
  ['南关小学', '小学', '公办', 690, 16, 44, 34, 31, 8, 3, 2, 2, 3450, 5520, 151.8, 16],
  ['育才实验小学', '小学', '民办', 540, 12, 45, 28, 26, 6, 2, 2, 2, 3240, 4320, 351, 14],
  ['青石镇中心小学', '小学', '公办', 620, 15, 42, 31, 28, 7, 2, 2, 2, 3100, 5580, 148.8, 15],
  ['青石镇河口小学', '小学', '公办', 210, 6, 38, 12, 10, 3, 1, 1, 0, 1050, 2100, 44.1, 5],
  ['柳河镇中心小学', '小学', '公办', 580, 14, 42, 29, 26, 7, 2, 2, 2, 2900, 5220, 133.4, 14],
  ['柳河镇杨庄小学', '小学', '公办', 250, 6, 42, 13, 11, 3, 1, 1, 1, 1250, 1575, 52.5, 6],
  ['柳河镇大湾小学', '小学', '公办', 180, 6, 32, 11, 8, 2, 1, 1, 0, 900, 1800, 36.9, 5],
  ['白马乡中心小学', '小学', '公办', 450, 12, 40, 23, 20, 5, 2, 2, 1, 2250, 4050, 99, 11],
  ['白马乡石桥小学', '小学', '公办', 330, 8, 42, 17, 15, 2, 1, 1, 1, 1650, 2970, 69.3, 6],
  ['双龙镇中心小学', '小学', '公办', 520, 12, 44, 27, 24, 6, 2, 2, 1, 2600, 4680, 124.8, 13],
  ['双龙镇岔口小学', '小学', '公办', 400, 10, 41, 20, 18, 5, 2, 1, 1, 2000, 2550, 84, 10],
  ['龙泉乡中心小学', '小学', '公办', 470, 12, 40, 24, 21, 5, 2, 2, 1, 2350, 4230, 108.1, 12],
  ['龙泉乡马坪小学', '小学', '公办', 160, 6, 30, 10, 7, 2, 1, 1, 0, 800, 1600, 32, 4],
  ['凤山镇中心小学', '小学', '公办', 510, 12, 43, 26, 23, 6, 2, 2, 1, 2550, 4590, 112.2, 12],
  ['凤山镇枣林小学', '小学', '公办', 190, 6, 33, 11, 8, 2, 1, 1, 0, 950, 1900, 38, 5],
  ['王庄教学点', '教学点', '公办', 56, 3, 22, 4, 3, 0, 1, 0, 0, 280, 560, 11.2, 2],
  ['李家沟教学点', '教学点', '公办', 28, 2, 16, 3, 2, 0, 0, 1, 0, 150, 300, 5.6, 1],
  ['明德学校（小学部）', '小学', '公办', 720, 16, 45, 37, 34, 9, 3, 2, 2, 3600, 6480, 180, 18],
  ['明德学校（初中部）', '初中', '公办', 450, 10, 45, 33, 26, 6, 2, 2, 1, 2790, 5400, 135, 12],
  ['县第一初级中学', '初中', '公办', 1750, 36, 50, 118, 105, 28, 8, 5, 5, 11375, 19250, 735, 49],
  ['城关中学', '初中', '公办', 1420, 30, 50, 96, 82, 20, 6, 4, 4, 8804, 15620, 539.6, 38],
  ['实验中学', '初中', '公办', 1280, 27, 48, 88, 77, 22, 6, 4, 3, 8960, 14080, 665.6, 36],
  ['青石镇初级中学', '初中', '公办', 760, 16, 48, 52, 43, 9, 4, 2, 2, 4560, 8360, 220.4, 20],
  ['柳河镇初级中学', '初中', '公办', 690, 15, 47, 48, 39, 8, 3, 2, 2, 4140, 7590, 186.3, 18],
  ['白马乡初级中学', '初中', '公办', 520, 12, 45, 37, 29, 6, 3, 1, 1, 3120, 5720, 104, 13],
  ['双龙镇初级中学', '初中', '公办', 640, 14, 46, 44, 36, 7, 3, 2, 1, 3840, 7040, 179.2, 16],
  ['龙泉乡初级中学', '初中', '公办', 1000, 21, 48, 66, 53, 10, 4, 3, 2, 5800, 10200, 250, 24],
  ['凤山镇初级中学', '初中', '公办', 580, 13, 46, 40, 33, 7, 3, 2, 1, 3480, 6380, 150.8, 15],
  ['县特殊教育学校', '特殊教育学校', '公办', 85, 9, 10, 24, 22, 3, 1, 1, 1, 2100, 1800, 96.5, 6],
];

/**
 * Whole-school rows. 红星九年一贯制学校: 600 小学 + 400 初中 students, facilities split 600 : 440 (1 : 1.1).
 * 县第二中学 (完全中学): 900 初中 + 1,000 高中 students, facilities split 900 : 1,200 (1 : 1.2), the senior part dropped.
 * Teachers come per stage, never from a ratio.
 */
const QUALITY_COMBINED: QualityRow[] = [
  {
    name: '红星九年一贯制学校',
    kind: '九年一贯制',
    ownership: '公办',
    students: 1000,
    primaryStudents: 600,
    juniorStudents: 400,
    classes: 23,
    maxClassSize: 45,
    teachingArea: 5200,
    sportsArea: 10400,
    equipmentValue: 260,
    multimediaRooms: 26,
    primaryTeachers: 32,
    primaryQualified: 29,
    primaryKey: 7,
    primaryPeArt: 6,
    juniorTeachers: 29,
    juniorQualified: 23,
    juniorKey: 5,
    juniorPeArt: 4,
  },
  {
    name: '县第二中学',
    kind: '完全中学',
    ownership: '公办',
    students: 1900,
    juniorStudents: 900,
    seniorStudents: 1000,
    classes: 38,
    maxClassSize: 50,
    teachingArea: 14000,
    sportsArea: 24500,
    equipmentValue: 700,
    multimediaRooms: 70,
    juniorTeachers: 64,
    juniorQualified: 55,
    juniorKey: 12,
    juniorPeArt: 10,
  },
];

function partToRow(p: PartRow): QualityRow {
  const [name, kind, ownership, ...counts] = p;
  const [students, classes, maxClassSize, teachers, qualified, key, pe, music, art] = counts;
  const [teachingArea, sportsArea, equipmentValue, multimediaRooms] = counts.slice(9);
  return {
    name,
    kind,
    ownership,
    students,
    classes,
    maxClassSize,
    teachers,
    qualifiedTeachers: qualified,
    keyTeachers: key,
    peTeachers: pe,
    musicTeachers: music,
    artTeachers: art,
    teachingArea,
    sportsArea,
    equipmentValue,
    multimediaRooms,
  };
}

/** Combined rows go after the stand-alone 小学 and before the 初中 so that the sheet reads like a real one. */
function qualityRows(): QualityRow[] {
  const parts = QUALITY_PARTS.map(partToRow);
  const firstJunior = parts.findIndex((r) => r.kind === '初中');
  const rows = [...parts.slice(0, firstJunior), ...QUALITY_COMBINED, ...parts.slice(firstJunior)];
  return rows.map((r, i) => ({ ...r, no: i + 1 }));
}

// ─── 基本均衡 sample ─────────────────────────────────────────────────────────

type BasicKey =
  | 'no'
  | 'name'
  | 'kind'
  | 'ownership'
  | 'students'
  | 'teachers'
  | 'qualifiedTeachers'
  | 'seniorTitleTeachers'
  | 'teachingArea'
  | 'sportsArea'
  | 'equipmentValue'
  | 'computers'
  | 'books';

const BASIC_COLUMNS: Column<BasicKey>[] = [
  { key: 'no', header: '序号', width: 6 },
  { key: 'name', header: '学校名称', width: 22 },
  { key: 'kind', header: '学段', width: 10 },
  { key: 'ownership', header: '办学性质', width: 9 },
  { key: 'students', header: '在校生数（人）', width: 10, numFmt: '#,##0' },
  { key: 'teachers', header: '专任教师数（人）', width: 9 },
  { key: 'qualifiedTeachers', header: '高于规定学历教师数（人）', width: 11 },
  { key: 'seniorTitleTeachers', header: '中级及以上职称教师数（人）', width: 11 },
  { key: 'teachingArea', header: '教学及辅助用房面积（㎡）', width: 12, numFmt: '#,##0' },
  { key: 'sportsArea', header: '体育运动场（馆）面积（㎡）', width: 12, numFmt: '#,##0' },
  { key: 'equipmentValue', header: '教学仪器设备值（万元）', width: 12, numFmt: '#,##0.00' },
  { key: 'computers', header: '计算机台数（台）', width: 9 },
  { key: 'books', header: '图书（万册）', width: 9, numFmt: '0.00' },
];

/**
 * [name, kind, ownership, students, teachers, qualified, senior-title, teaching area m², sports area m²,
 *  equipment 万元, computers, books 万册]. 小学 are fairly even (composite passes); the 初中 range from a
 * crowded, poorly equipped town school to a new county school (composite fails). The 教学点 and the 民办
 * school are out of scope in the basic regime.
 */
type BasicRow = [name: string, kind: string, ownership: string, ...counts: number[]];

const BASIC_SCHOOLS: BasicRow[] = [
  ['城关第一小学', '小学', '公办', 1650, 82, 78, 52, 8250, 9900, 495, 198, 4.95],
  ['城关第二小学', '小学', '公办', 1320, 64, 60, 40, 5280, 7920, 264, 106, 3.3],
  ['实验小学', '小学', '公办', 1480, 76, 74, 50, 8140, 11840, 592, 222, 5.18],
  ['东关小学', '小学', '公办', 760, 36, 32, 22, 2660, 4180, 91.2, 46, 1.52],
  ['青石镇中心小学', '小学', '公办', 540, 29, 24, 15, 1890, 4860, 54, 27, 1.08],
  ['青石镇河口小学', '小学', '公办', 190, 12, 8, 4, 475, 1900, 9.5, 4, 0.29],
  ['柳河镇中心小学', '小学', '公办', 610, 31, 27, 16, 2135, 4880, 61, 30, 1.22],
  ['柳河镇杨庄小学', '小学', '公办', 230, 13, 9, 5, 575, 2070, 11.5, 5, 0.35],
  ['白马乡中心小学', '小学', '公办', 420, 23, 19, 11, 1260, 3780, 33.6, 17, 0.76],
  ['双龙镇中心小学', '小学', '公办', 480, 25, 21, 13, 1680, 3840, 43.2, 22, 0.96],
  ['龙泉乡中心小学', '小学', '公办', 400, 21, 18, 10, 1200, 3600, 28, 16, 0.72],
  ['凤山镇中心小学', '小学', '公办', 450, 24, 20, 12, 1575, 4050, 40.5, 20, 0.86],
  ['育英学校', '小学', '民办', 360, 16, 16, 6, 2520, 2160, 90, 60, 1.26],
  ['王庄教学点', '教学点', '公办', 64, 5, 3, 1, 190, 400, 3.2, 2, 0.1],
  ['县第一初级中学', '初中', '公办', 1580, 118, 112, 86, 13430, 22120, 1106, 380, 9.48],
  ['城关中学', '初中', '公办', 1350, 76, 64, 40, 5400, 8100, 270, 100, 3.24],
  ['实验中学', '初中', '公办', 980, 86, 84, 64, 8820, 14700, 784, 280, 6.37],
  ['青石镇初级中学', '初中', '公办', 720, 38, 22, 11, 2160, 3600, 57.6, 24, 1.15],
  ['柳河镇初级中学', '初中', '公办', 640, 33, 17, 8, 1792, 2880, 38.4, 16, 0.9],
  ['白马乡初级中学', '初中', '公办', 430, 22, 10, 4, 1075, 1720, 21.5, 8, 0.52],
  ['龙泉乡初级中学', '初中', '公办', 560, 29, 14, 6, 1680, 2800, 33.6, 14, 0.78],
];

function basicRows(): Partial<Record<BasicKey, Cell>>[] {
  return BASIC_SCHOOLS.map((s, i) => {
    const [name, kind, ownership, ...counts] = s;
    const [
      students,
      teachers,
      qualified,
      senior,
      teachingArea,
      sportsArea,
      equipmentValue,
      computers,
      books,
    ] = counts;
    return {
      no: i + 1,
      name,
      kind,
      ownership,
      students,
      teachers,
      qualifiedTeachers: qualified,
      seniorTitleTeachers: senior,
      teachingArea,
      sportsArea,
      equipmentValue,
      computers,
      books,
    };
  });
}

// ─── template ────────────────────────────────────────────────────────────────

/** One template column and its 填写说明 line. */
interface TemplateColumn {
  header: string;
  width: number;
  required: '必填' | '选填' | '一贯制/完全中学合并填报时填写';
  what: string;
  unit: string;
}

const TEMPLATE_COLUMNS: TemplateColumn[] = [
  {
    header: '学校名称',
    width: 22,
    required: '必填',
    what: '学校全称；一贯制学校分学段填报时写明“（小学部）”“（初中部）”',
    unit: '—',
  },
  {
    header: '学校类型',
    width: 12,
    required: '必填',
    what: '小学、初中、九年一贯制、完全中学、十二年一贯制、教学点、特殊教育学校 之一',
    unit: '—',
  },
  {
    header: '学段',
    width: 8,
    required: '选填',
    what: '一贯制学校分学段填报时填“小学”或“初中”；其他学校可不填（按学校类型判断）',
    unit: '—',
  },
  { header: '办学性质', width: 9, required: '选填', what: '公办 或 民办（不填按公办）', unit: '—' },
  {
    header: '隶属关系',
    width: 10,
    required: '选填',
    what: '县属 或 省市直属（省市直属学校按设置不纳入县域评估）',
    unit: '—',
  },
  {
    header: '在校生数（人）',
    width: 10,
    required: '必填',
    what: '本行所填学段的在校学生数；合并填报时填全校合计',
    unit: '人',
  },
  {
    header: '小学在校生数（人）',
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报的一贯制学校中小学段学生数',
    unit: '人',
  },
  {
    header: '初中在校生数（人）',
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报的一贯制学校或完全中学中初中段学生数',
    unit: '人',
  },
  {
    header: '高中在校生数（人）',
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '完全中学或十二年一贯制学校的高中段学生数（只用于按比例拆分校舍等设施，不参与评估）',
    unit: '人',
  },
  {
    header: '班级数（个）',
    width: 8,
    required: '选填',
    what: '教学班数（用于核对音乐、美术专用教室配备）',
    unit: '个',
  },
  {
    header: '最大班额（人）',
    width: 8,
    required: '选填',
    what: '人数最多的一个班的学生数（小学不超过 45 人，初中不超过 50 人）',
    unit: '人',
  },
  {
    header: '专任教师数（人）',
    width: 9,
    required: '选填',
    what: '本学段专任教师数（基本均衡“师生比”用）',
    unit: '人',
  },
  {
    header: '高于规定学历教师数（人）',
    width: 11,
    required: '选填',
    what: '小学为专科及以上、初中为本科及以上学历的专任教师数',
    unit: '人',
  },
  {
    header: '县级以上骨干教师数（人）',
    width: 11,
    required: '选填',
    what: '获县级及以上骨干教师、学科带头人等称号的专任教师数',
    unit: '人',
  },
  {
    header: '体育专任教师数（人）',
    width: 9,
    required: '选填',
    what: '体育专任教师数（也可与音乐、美术合并为“体育、艺术专任教师数”一列）',
    unit: '人',
  },
  { header: '音乐专任教师数（人）', width: 9, required: '选填', what: '音乐专任教师数', unit: '人' },
  { header: '美术专任教师数（人）', width: 9, required: '选填', what: '美术专任教师数', unit: '人' },
  {
    header: '中级及以上职称教师数（人）',
    width: 11,
    required: '选填',
    what: '具有中级及以上专业技术职务的专任教师数（基本均衡用）',
    unit: '人',
  },
  {
    header: '教学及辅助用房面积（㎡）',
    width: 12,
    required: '选填',
    what: '教室、实验室、专用教室、图书室等教学及辅助用房建筑面积',
    unit: '平方米',
  },
  {
    header: '体育运动场（馆）面积（㎡）',
    width: 12,
    required: '选填',
    what: '室外运动场地与室内体育馆面积之和',
    unit: '平方米',
  },
  {
    header: '教学仪器设备值（万元）',
    width: 12,
    required: '选填',
    what: '教学仪器设备资产值，以万元为单位（表头写“元”则按元填写）',
    unit: '万元',
  },
  {
    header: '网络多媒体教室数（间）',
    width: 11,
    required: '选填',
    what: '配备网络多媒体设备的教室间数',
    unit: '间',
  },
  {
    header: '计算机台数（台）',
    width: 9,
    required: '选填',
    what: '教学用计算机台数（基本均衡用）',
    unit: '台',
  },
  {
    header: '图书册数（册）',
    width: 9,
    required: '选填',
    what: '图书馆（室）藏书册数（基本均衡用；表头写“万册”则按万册填写）',
    unit: '册',
  },
  {
    header: '音乐专用教室数（间）',
    width: 9,
    required: '选填',
    what: '音乐专用教室间数（每 12 个班至少 1 间）',
    unit: '间',
  },
  {
    header: '美术专用教室数（间）',
    width: 9,
    required: '选填',
    what: '美术专用教室间数（每 12 个班至少 1 间）',
    unit: '间',
  },
  {
    header: '最小音乐教室面积（㎡）',
    width: 10,
    required: '选填',
    what: '面积最小的一间音乐专用教室的使用面积（不小于 96 平方米）',
    unit: '平方米',
  },
  {
    header: '最小美术教室面积（㎡）',
    width: 10,
    required: '选填',
    what: '面积最小的一间美术专用教室的使用面积（不小于 90 平方米）',
    unit: '平方米',
  },
  {
    header: '持证教师数（人）',
    width: 9,
    required: '选填',
    what: '具有教师资格证的专任教师数（供核对“教师持证上岗率”，本工具暂不计算，可留空）',
    unit: '人',
  },
  {
    header: '生均公用经费（元）',
    width: 10,
    required: '选填',
    what: '特殊教育学校生均公用经费（供核对，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    header: '教师培训经费（元）',
    width: 10,
    required: '选填',
    what: '年度教师培训经费（供核对“不低于公用经费 5%”，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    header: '公用经费预算（元）',
    width: 10,
    required: '选填',
    what: '年度公用经费预算总额（同上，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    header: '小学专任教师数（人）',
    width: 9,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的专任教师数（教师按学段如实填写，不按比例拆分）',
    unit: '人',
  },
  {
    header: '初中专任教师数（人）',
    width: 9,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的专任教师数',
    unit: '人',
  },
  {
    header: '小学高于规定学历教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的高于规定学历教师数',
    unit: '人',
  },
  {
    header: '初中高于规定学历教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的高于规定学历教师数',
    unit: '人',
  },
  {
    header: '小学县级以上骨干教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的县级以上骨干教师数',
    unit: '人',
  },
  {
    header: '初中县级以上骨干教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的县级以上骨干教师数',
    unit: '人',
  },
  {
    header: '小学体育、艺术专任教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的体育、音乐、美术专任教师数之和',
    unit: '人',
  },
  {
    header: '初中体育、艺术专任教师数（人）',
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的体育、音乐、美术专任教师数之和',
    unit: '人',
  },
];

const TEMPLATE_NOTES: string[] = [
  '一、每个学段占一行：小学、初中各占一行；九年一贯制等一贯制学校的小学部、初中部各填一行（学校类型填“九年一贯制”，学段分别填“小学”“初中”；或学校类型直接填“小学”“初中”），这与评估申报表的填法一致。',
  '二、一贯制学校也可以合并为一行：学校类型填“九年一贯制”（或“完全中学”“十二年一贯制”），在校生数填全校合计，并分别填写小学、初中、高中在校生数；校舍面积、运动场面积、仪器设备值、多媒体教室等按学生数折算比例拆分（九年一贯制 小学:初中 = 1:1.1，完全中学 初中:高中 = 1:1.2），教师数必须按学段分别填在“小学……教师数”“初中……教师数”列中。',
  '三、数字单元格只填数字，不要带单位；没有的填 0，不清楚的留空（留空不会被当作 0，而会提示数据缺失）。',
  '四、表头中的单位决定换算：“（万元）”列按万元填写，“（元）”列按元填写，“（万册）”列按万册填写。',
  '五、特殊教育学校、在校生不足 50 人的教学点默认不参与差异系数计算；基本均衡评估中民办学校、教学点默认不参与。',
  '六、表格下方可以保留“合计”行，它不会被当作学校。',
];

// ─── writing ─────────────────────────────────────────────────────────────────

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = AUTHOR;
  wb.lastModifiedBy = AUTHOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** A title row, a header row, the data rows and an optional 合计 row of SUM formulas (with cached results). */
function writeTable<K extends string>(
  ws: ExcelJS.Worksheet,
  title: string,
  columns: Column<K>[],
  rows: Partial<Record<K, Cell>>[],
  totals?: { label: K; sum: K[] },
): void {
  ws.columns = columns.map((c) => ({ width: c.width }));
  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 14 };
  titleRow.getCell(1).alignment = { horizontal: 'center' };
  titleRow.height = 24;
  ws.mergeCells(1, 1, 1, columns.length);

  const header = ws.getRow(2);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.height = 48;

  rows.forEach((r, i) => {
    const row = ws.getRow(3 + i);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const v = r[c.key];
      cell.value = v === undefined ? null : v;
      cell.border = THIN;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
  });

  if (totals) {
    const first = 3;
    const last = 2 + rows.length;
    const row = ws.getRow(last + 1);
    columns.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      cell.border = THIN;
      cell.font = { bold: true };
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.key === totals.label) cell.value = '合计';
      else if (totals.sum.includes(c.key)) {
        const letter = ws.getColumn(j + 1).letter;
        // Cached results make the file read like one saved by Excel; sums of 万元 values are kept to 2 decimals.
        const result = Math.round(rows.reduce((s, r) => s + (Number(r[c.key]) || 0), 0) * 100) / 100;
        cell.value = { formula: `SUM(${letter}${first}:${letter}${last})`, result };
      }
    });
  }
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

export async function buildQualitySample(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('学校基本情况');
  const sumKeys = QUALITY_COLUMNS.map((c) => c.key).filter(
    (k) => !['no', 'name', 'kind', 'ownership', 'maxClassSize'].includes(k),
  );
  writeTable(ws, '示例县义务教育学校基本情况统计表（2026年）', QUALITY_COLUMNS, qualityRows(), {
    label: 'name',
    sum: sumKeys,
  });
  return finish(wb);
}

export async function buildBasicSample(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('学校基本情况');
  const sumKeys = BASIC_COLUMNS.map((c) => c.key).filter(
    (k) => !['no', 'name', 'kind', 'ownership'].includes(k),
  );
  writeTable(ws, '示例县义务教育学校基本情况统计表（基本均衡，2015年）', BASIC_COLUMNS, basicRows(), {
    label: 'name',
    sum: sumKeys,
  });
  return finish(wb);
}

export async function buildTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('学校数据');
  const columns: Column<string>[] = TEMPLATE_COLUMNS.map((c) => ({
    key: c.header,
    header: c.header,
    width: c.width,
  }));
  writeTable(ws, 'XX县义务教育学校基本情况统计表（XXXX年）', columns, []);

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 30 }, { width: 16 }, { width: 60 }, { width: 10 }];
  help.getCell('A1').value = '学校数据模板 填写说明';
  help.getCell('A1').font = { bold: true, size: 14 };
  let r = 3;
  for (const note of TEMPLATE_NOTES) {
    help.mergeCells(r, 1, r, 4);
    const cell = help.getCell(r, 1);
    cell.value = note;
    cell.alignment = { wrapText: true, vertical: 'top' };
    help.getRow(r).height = note.length > 60 ? 64 : 20;
    r++;
  }
  r++;
  const head = help.getRow(r);
  ['列名', '是否必填', '填写内容', '单位'].forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const c of TEMPLATE_COLUMNS) {
    r++;
    const row = help.getRow(r);
    [c.header, c.required, c.what, c.unit].forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return finish(wb);
}

async function finish(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(raw, FIXED_DATE);
}

/**
 * exceljs (through JSZip) stamps every zip entry with the current time, so two runs differ byte for byte.
 * Rewrites the DOS date/time of every local and central directory header to `date` (UTC fields).
 */
export function fixZipTimestamps(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const eocd = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('fixZipTimestamps: not a zip archive');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('fixZipTimestamps: bad central directory');
    out.writeUInt16LE(dosTime, p + 12);
    out.writeUInt16LE(dosDate, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('fixZipTimestamps: bad local header');
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** Every generated file: where it goes and how it is built. */
export const OUTPUTS: { file: string; build: () => Promise<Buffer> }[] = [
  { file: path.join(SAMPLE_DIR, QUALITY_SAMPLE), build: buildQualitySample },
  { file: path.join(SAMPLE_DIR, BASIC_SAMPLE), build: buildBasicSample },
  { file: path.join(TEMPLATE_DIR, TEMPLATE), build: buildTemplate },
];

async function main(): Promise<void> {
  for (const o of OUTPUTS) {
    fs.mkdirSync(path.dirname(o.file), { recursive: true });
    fs.writeFileSync(o.file, await o.build());
    console.log(`wrote ${path.relative(process.cwd(), o.file)}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
