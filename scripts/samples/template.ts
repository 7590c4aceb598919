/** The blank data template: each column with its 填写说明 line, and the notes above them, limits from the engine's profiles. */
import { QUALITY_2017 } from '../../src/engine';
import type { Heading } from './data';

/** A limit the 优质均衡 profile sets (the template describes that regime's §7 checks). */
function limit<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`make-samples: QUALITY_2017 has no ${what}`);
  return value;
}

const CLASS_SIZE = limit(QUALITY_2017.checks.classSize, 'class size limit');
const ROOMS = limit(QUALITY_2017.checks.specialRooms, 'special rooms check');
const NINE = QUALITY_2017.split.weights.nineYear;
const COMPLETE = QUALITY_2017.split.weights.completeMiddle;

/** One template column and its 填写说明 line. */
export interface TemplateColumn {
  heading: Heading;
  width: number;
  required: '必填' | '选填' | '一贯制/完全中学合并填报时填写';
  what: string;
  unit: string;
}

export const TEMPLATE_COLUMNS: TemplateColumn[] = [
  {
    heading: { field: 'name' },
    width: 22,
    required: '必填',
    what: '学校全称；一贯制学校分学段填报时写明“（小学部）”“（初中部）”',
    unit: '—',
  },
  {
    heading: { field: 'kind' },
    width: 12,
    required: '必填',
    what: '小学、初中、九年一贯制、完全中学、十二年一贯制、教学点、特殊教育学校 之一',
    unit: '—',
  },
  {
    heading: { field: 'stage' },
    width: 8,
    required: '选填',
    what: '一贯制学校分学段填报时填“小学”或“初中”；其他学校可不填（按学校类型判断）',
    unit: '—',
  },
  {
    heading: { field: 'ownership' },
    width: 9,
    required: '选填',
    what: '公办 或 民办（不填按公办）',
    unit: '—',
  },
  {
    heading: { field: 'affiliation' },
    width: 10,
    required: '选填',
    what: '县属 或 省市直属（省市直属学校按设置不纳入县域评估）',
    unit: '—',
  },
  {
    heading: { field: 'sponsor' },
    width: 10,
    required: '选填',
    what: '申报表表Ⅱ-2 的举办者类型代码 1–10（如 7 县级教育部门、10 民办），也可填名称；不填则申报表此列留空',
    unit: '—',
  },
  {
    heading: { field: 'students' },
    width: 10,
    required: '必填',
    what: '本行所填学段的在校学生数；合并填报时填全校合计',
    unit: '人',
  },
  {
    heading: { field: 'primary.students' },
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报的一贯制学校中小学段学生数',
    unit: '人',
  },
  {
    heading: { field: 'junior.students' },
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报的一贯制学校或完全中学中初中段学生数',
    unit: '人',
  },
  {
    heading: { field: 'senior.students' },
    width: 10,
    required: '一贯制/完全中学合并填报时填写',
    what: '完全中学或十二年一贯制学校的高中段学生数（只用于按比例拆分校舍等设施，不参与评估）',
    unit: '人',
  },
  {
    heading: { field: 'classes' },
    width: 8,
    required: '选填',
    what: '教学班数（用于核对音乐、美术专用教室配备，并填入申报表表Ⅱ-2）',
    unit: '个',
  },
  {
    heading: { field: 'grades' },
    width: 8,
    required: '选填',
    what: '本行所填学段开设的年级数（填入申报表表Ⅱ-2）；不填则申报表此列留空',
    unit: '个',
  },
  {
    heading: { field: 'maxClassSize' },
    width: 8,
    required: '选填',
    what: `人数最多的一个班的学生数（小学不超过 ${CLASS_SIZE.primary} 人，初中不超过 ${CLASS_SIZE.junior} 人）`,
    unit: '人',
  },
  {
    heading: { field: 'teachers' },
    width: 9,
    required: '选填',
    what: '本学段专任教师数（基本均衡“师生比”用）',
    unit: '人',
  },
  {
    heading: { field: 'qualifiedTeachers' },
    width: 11,
    required: '选填',
    what: '小学为专科及以上、初中为本科及以上学历的专任教师数',
    unit: '人',
  },
  {
    heading: { field: 'keyTeachers' },
    width: 11,
    required: '选填',
    what: '获县级及以上骨干教师、学科带头人等称号的专任教师数',
    unit: '人',
  },
  {
    heading: { field: 'peTeachers' },
    width: 9,
    required: '选填',
    what: '体育专任教师数（也可与音乐、美术合并为“体育、艺术专任教师数”一列）',
    unit: '人',
  },
  { heading: { field: 'musicTeachers' }, width: 9, required: '选填', what: '音乐专任教师数', unit: '人' },
  { heading: { field: 'artTeachers' }, width: 9, required: '选填', what: '美术专任教师数', unit: '人' },
  {
    heading: { field: 'seniorTitleTeachers' },
    width: 11,
    required: '选填',
    what: '具有中级及以上专业技术职务的专任教师数（基本均衡用）',
    unit: '人',
  },
  {
    heading: { field: 'teachingArea' },
    width: 12,
    required: '选填',
    what: '教室、实验室、专用教室、图书室等教学及辅助用房建筑面积',
    unit: '平方米',
  },
  {
    heading: { field: 'sportsArea' },
    width: 12,
    required: '选填',
    what: '室外运动场地与室内体育馆面积之和',
    unit: '平方米',
  },
  {
    heading: { field: 'equipmentValue', unit: '万元' },
    width: 12,
    required: '选填',
    what: '教学仪器设备资产值，以万元为单位（表头写“元”则按元填写）',
    unit: '万元',
  },
  {
    heading: { field: 'multimediaRooms' },
    width: 11,
    required: '选填',
    what: '配备网络多媒体设备的教室间数',
    unit: '间',
  },
  {
    heading: { field: 'computers' },
    width: 9,
    required: '选填',
    what: '教学用计算机台数（基本均衡用）',
    unit: '台',
  },
  {
    heading: { field: 'books' },
    width: 9,
    required: '选填',
    what: '图书馆（室）藏书册数（基本均衡用；表头写“万册”则按万册填写）',
    unit: '册',
  },
  {
    heading: { field: 'musicRooms' },
    width: 9,
    required: '选填',
    what: `音乐专用教室间数（每 ${ROOMS.classesPerRoom} 个班至少 1 间）`,
    unit: '间',
  },
  {
    heading: { field: 'artRooms' },
    width: 9,
    required: '选填',
    what: `美术专用教室间数（每 ${ROOMS.classesPerRoom} 个班至少 1 间）`,
    unit: '间',
  },
  {
    heading: { field: 'musicRoomArea' },
    width: 10,
    required: '选填',
    what: `面积最小的一间音乐专用教室的使用面积（不小于 ${ROOMS.musicRoomArea} 平方米）`,
    unit: '平方米',
  },
  {
    heading: { field: 'artRoomArea' },
    width: 10,
    required: '选填',
    what: `面积最小的一间美术专用教室的使用面积（不小于 ${ROOMS.artRoomArea} 平方米）`,
    unit: '平方米',
  },
  {
    heading: { field: 'certifiedTeachers' },
    width: 9,
    required: '选填',
    what: '具有教师资格证的专任教师数（供核对“教师持证上岗率”，本工具暂不计算，可留空）',
    unit: '人',
  },
  {
    heading: { field: 'publicFunds' },
    width: 10,
    required: '选填',
    what: '特殊教育学校生均公用经费（供核对，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    heading: { field: 'trainingFunds' },
    width: 10,
    required: '选填',
    what: '年度教师培训经费（供核对“不低于公用经费 5%”，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    heading: { field: 'operatingBudget' },
    width: 10,
    required: '选填',
    what: '年度公用经费预算总额（同上，本工具暂不计算，可留空）',
    unit: '元',
  },
  {
    heading: { field: 'primary.teachers' },
    width: 9,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的专任教师数（教师按学段如实填写，不按比例拆分）',
    unit: '人',
  },
  {
    heading: { field: 'junior.teachers' },
    width: 9,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的专任教师数',
    unit: '人',
  },
  {
    heading: { field: 'primary.qualifiedTeachers' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的高于规定学历教师数',
    unit: '人',
  },
  {
    heading: { field: 'junior.qualifiedTeachers' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的高于规定学历教师数',
    unit: '人',
  },
  {
    heading: { field: 'primary.keyTeachers' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的县级以上骨干教师数',
    unit: '人',
  },
  {
    heading: { field: 'junior.keyTeachers' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的县级以上骨干教师数',
    unit: '人',
  },
  {
    heading: { field: 'primary.peArtTeachers', as: '小学体育、艺术专任教师数' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时小学段的体育、音乐、美术专任教师数之和',
    unit: '人',
  },
  {
    heading: { field: 'junior.peArtTeachers', as: '初中体育、艺术专任教师数' },
    width: 11,
    required: '一贯制/完全中学合并填报时填写',
    what: '合并填报时初中段的体育、音乐、美术专任教师数之和',
    unit: '人',
  },
];

export const TEMPLATE_NOTES: string[] = [
  '一、每个学段占一行：小学、初中各占一行；九年一贯制等一贯制学校的小学部、初中部各填一行（学校类型填“九年一贯制”，学段分别填“小学”“初中”；或学校类型直接填“小学”“初中”），这与评估申报表的填法一致。',
  `二、一贯制学校也可以合并为一行：学校类型填“九年一贯制”（或“完全中学”“十二年一贯制”），在校生数填全校合计，并分别填写小学、初中、高中在校生数；校舍面积、运动场面积、仪器设备值、多媒体教室等按学生数折算比例拆分（九年一贯制 小学:初中 = ${NINE.primary}:${NINE.junior}，完全中学 初中:高中 = ${COMPLETE.junior}:${COMPLETE.senior}），教师数必须按学段分别填在“小学……教师数”“初中……教师数”列中。`,
  '三、数字单元格只填数字，不要带单位；没有的填 0，不清楚的留空（留空不会被当作 0，而会提示数据缺失）。',
  '四、表头中的单位决定换算：“（万元）”列按万元填写，“（元）”列按元填写，“（万册）”列按万册填写。',
  `五、特殊教育学校、在校生不足 ${QUALITY_2017.scope.teachingPointMinStudents} 人的教学点默认不参与差异系数计算；基本均衡评估中民办学校、教学点默认不参与。`,
  '六、表格下方可以保留“合计”行，它不会被当作学校。',
];
