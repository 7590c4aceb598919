/** The sample counties: their sheets' columns (as fields of the engine's catalogue) and their schools, one row each. */
import type { FieldKey } from '../../src/engine';

/**
 * A column's header: a field of the engine's catalogue under its label, or `as` another name a bureau types for it,
 * with `unit` when the sheet does not use the base unit; or plain `text` for a column the reader ignores (序号).
 */
export type Heading = { field: FieldKey; as?: string; unit?: string } | { text: string };

/** One column of a generated sheet: its header, and how to show the numbers. */
export interface Column<K extends string> {
  key: K;
  heading: Heading;
  width: number;
  numFmt?: string;
}

export type Cell = string | number | null;

/** A generated sheet: its title, columns and rows, and when `totals` is given a 合计 row summing `sum` under `label`. */
export interface SampleSheet<K extends string> {
  title: string;
  columns: Column<K>[];
  rows: Partial<Record<K, Cell>>[];
  totals?: { label: K; sum: K[] };
}

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

export const QUALITY_COLUMNS: Column<QualityKey>[] = [
  { key: 'no', heading: { text: '序号' }, width: 6 },
  { key: 'name', heading: { field: 'name' }, width: 24 },
  { key: 'kind', heading: { field: 'kind' }, width: 12 },
  { key: 'ownership', heading: { field: 'ownership' }, width: 9 },
  { key: 'students', heading: { field: 'students' }, width: 10, numFmt: '#,##0' },
  { key: 'primaryStudents', heading: { field: 'primary.students' }, width: 10, numFmt: '#,##0' },
  { key: 'juniorStudents', heading: { field: 'junior.students' }, width: 10, numFmt: '#,##0' },
  { key: 'seniorStudents', heading: { field: 'senior.students' }, width: 10, numFmt: '#,##0' },
  { key: 'classes', heading: { field: 'classes' }, width: 8 },
  { key: 'maxClassSize', heading: { field: 'maxClassSize' }, width: 8 },
  { key: 'teachers', heading: { field: 'teachers' }, width: 9 },
  { key: 'qualifiedTeachers', heading: { field: 'qualifiedTeachers' }, width: 11 },
  { key: 'keyTeachers', heading: { field: 'keyTeachers' }, width: 11 },
  { key: 'peTeachers', heading: { field: 'peTeachers' }, width: 9 },
  { key: 'musicTeachers', heading: { field: 'musicTeachers' }, width: 9 },
  { key: 'artTeachers', heading: { field: 'artTeachers' }, width: 9 },
  { key: 'teachingArea', heading: { field: 'teachingArea' }, width: 12, numFmt: '#,##0' },
  { key: 'sportsArea', heading: { field: 'sportsArea', unit: '平方米' }, width: 13, numFmt: '#,##0' },
  {
    key: 'equipmentValue',
    heading: { field: 'equipmentValue', unit: '万元' },
    width: 12,
    numFmt: '#,##0.00',
  },
  { key: 'multimediaRooms', heading: { field: 'multimediaRooms' }, width: 11 },
  { key: 'primaryTeachers', heading: { field: 'primary.teachers' }, width: 9 },
  { key: 'primaryQualified', heading: { field: 'primary.qualifiedTeachers' }, width: 11 },
  { key: 'primaryKey', heading: { field: 'primary.keyTeachers' }, width: 11 },
  {
    key: 'primaryPeArt',
    heading: { field: 'primary.peArtTeachers', as: '小学体育、艺术专任教师数' },
    width: 11,
  },
  { key: 'juniorTeachers', heading: { field: 'junior.teachers' }, width: 9 },
  { key: 'juniorQualified', heading: { field: 'junior.qualifiedTeachers' }, width: 11 },
  { key: 'juniorKey', heading: { field: 'junior.keyTeachers' }, width: 11 },
  {
    key: 'juniorPeArt',
    heading: { field: 'junior.peArtTeachers', as: '初中体育、艺术专任教师数' },
    width: 11,
  },
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
export function qualityRows(): QualityRow[] {
  const parts = QUALITY_PARTS.map(partToRow);
  const firstJunior = parts.findIndex((r) => r.kind === '初中');
  const rows = [...parts.slice(0, firstJunior), ...QUALITY_COMBINED, ...parts.slice(firstJunior)];
  return rows.map((r, i) => ({ ...r, no: i + 1 }));
}

/** The 优质均衡 county: every count summed in the 合计 row but the largest class. */
export function qualitySheet(): SampleSheet<QualityKey> {
  return {
    title: '示例县义务教育学校基本情况统计表（2026年）',
    columns: QUALITY_COLUMNS,
    rows: qualityRows(),
    totals: {
      label: 'name',
      sum: QUALITY_COLUMNS.map((c) => c.key).filter(
        (k) => !['no', 'name', 'kind', 'ownership', 'maxClassSize'].includes(k),
      ),
    },
  };
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

export const BASIC_COLUMNS: Column<BasicKey>[] = [
  { key: 'no', heading: { text: '序号' }, width: 6 },
  { key: 'name', heading: { field: 'name' }, width: 22 },
  { key: 'kind', heading: { field: 'stage' }, width: 10 },
  { key: 'ownership', heading: { field: 'ownership' }, width: 9 },
  { key: 'students', heading: { field: 'students' }, width: 10, numFmt: '#,##0' },
  { key: 'teachers', heading: { field: 'teachers' }, width: 9 },
  { key: 'qualifiedTeachers', heading: { field: 'qualifiedTeachers' }, width: 11 },
  { key: 'seniorTitleTeachers', heading: { field: 'seniorTitleTeachers' }, width: 11 },
  { key: 'teachingArea', heading: { field: 'teachingArea' }, width: 12, numFmt: '#,##0' },
  { key: 'sportsArea', heading: { field: 'sportsArea' }, width: 12, numFmt: '#,##0' },
  {
    key: 'equipmentValue',
    heading: { field: 'equipmentValue', unit: '万元' },
    width: 12,
    numFmt: '#,##0.00',
  },
  { key: 'computers', heading: { field: 'computers' }, width: 9 },
  { key: 'books', heading: { field: 'books', as: '图书', unit: '万册' }, width: 9, numFmt: '0.00' },
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

export function basicRows(): Partial<Record<BasicKey, Cell>>[] {
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

/** The 基本均衡 county: every count summed in the 合计 row. */
export function basicSheet(): SampleSheet<BasicKey> {
  return {
    title: '示例县义务教育学校基本情况统计表（基本均衡，2015年）',
    columns: BASIC_COLUMNS,
    rows: basicRows(),
    totals: {
      label: 'name',
      sum: BASIC_COLUMNS.map((c) => c.key).filter((k) => !['no', 'name', 'kind', 'ownership'].includes(k)),
    },
  };
}
