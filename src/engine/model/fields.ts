/** The field catalogue: every column the table reader can map, with its zh-CN label, header synonyms and base unit. */
import { INDICATOR_IDS, INDICATORS } from './indicators';
import type { AnyStage, CountField, IndicatorId } from './types';
import type { UnitDimension } from './units';

/**
 * Field key as used in SchoolRow.columns and ColumnMapping: 'name' | 'stage' | 'kind' | 'ownership' | 'affiliation' | 'sponsor',
 * a CountField ('students'), a stage-qualified CountField ('primary.students'), or an IndicatorId for ratio columns.
 */
export type FieldKey = string;

/** How the reader treats the cells of a field. */
export type FieldType = 'text' | 'count' | 'ratio';

/** Groups of the task pane's field dropdown. */
export type FieldGroup = 'identity' | 'count' | 'stageCount' | 'ratio';

export interface FieldDef {
  key: FieldKey;
  /** zh-CN label shown in messages and the field dropdown. */
  label: string;
  type: FieldType;
  group: FieldGroup;
  /**
   * Header texts that mean this field, as typed in bureau workbooks (spec §8), without units. Matching normalises both
   * sides (widths, brackets, spaces, punctuation). A leading '=' marks a short synonym that must match the whole
   * header, so that 学校 names the name column but 学校代码 does not.
   */
  synonyms: readonly string[];
  /** Base unit the reader converts to ('' for text and pure ratios). */
  unit: string;
  dimension: UnitDimension | 'none';
  /** A table without this column cannot be evaluated. */
  required: boolean;
  /** Whole numbers expected after unit conversion (people, classes, rooms, computers, books). */
  integer: boolean;
  /** For count fields: the CountField; for stage-qualified ones the base CountField. */
  countField?: CountField;
  stage?: AnyStage;
  indicator?: IndicatorId;
}

/** Identity fields. 学段 and 学校类型 are separate: a stage-part row of a 九年一贯制 school says 小学 in 学段. */
const IDENTITY: FieldDef[] = [
  {
    key: 'name',
    label: '学校名称',
    type: 'text',
    group: 'identity',
    synonyms: [
      '学校名称',
      '学校单位名称',
      '单位名称',
      '学校全称',
      '学校名',
      '=学校',
      '=校名',
      '=名称',
      '=单位',
      '=校名称',
    ],
    unit: '',
    dimension: 'none',
    required: true,
    integer: false,
  },
  {
    key: 'stage',
    label: '学段',
    type: 'text',
    group: 'identity',
    synonyms: ['学段', '所属学段', '学段类别', '=学部'],
    unit: '',
    dimension: 'none',
    required: false,
    integer: false,
  },
  {
    key: 'kind',
    label: '学校类型',
    type: 'text',
    group: 'identity',
    synonyms: ['学校类型', '办学类型', '学校类别', '学校性质类别', '=类型', '=类别', '=校别'],
    unit: '',
    dimension: 'none',
    required: false,
    integer: false,
  },
  {
    key: 'ownership',
    label: '办学性质',
    type: 'text',
    group: 'identity',
    synonyms: ['办学性质', '公办民办', '公办或民办', '公民办', '=性质', '举办性质'],
    unit: '',
    dimension: 'none',
    required: false,
    integer: false,
  },
  {
    key: 'affiliation',
    label: '隶属关系',
    type: 'text',
    group: 'identity',
    synonyms: [
      '隶属关系',
      '隶属',
      '举办者',
      '主管部门',
      '是否省市直属',
      '省市直属',
      '县属或省市直属',
      '学校隶属',
    ],
    unit: '',
    dimension: 'none',
    required: false,
    integer: false,
  },
  {
    key: 'sponsor',
    label: '举办者类型',
    type: 'text',
    group: 'identity',
    synonyms: ['举办者类型', '举办者类别', '举办单位类型', '举办者代码', '举办者类型代码'],
    unit: '',
    dimension: 'none',
    required: false,
    integer: false,
  },
];

interface CountSpec {
  field: CountField;
  label: string;
  synonyms: string[];
  unit: string;
  dimension: UnitDimension;
  integer: boolean;
  /** Stage-qualified versions exist (小学在校生数, 初中部专任教师数): people and classes, never facilities (spec §5). */
  perStage: boolean;
}

const COUNTS: CountSpec[] = [
  {
    field: 'students',
    label: '在校生数',
    synonyms: [
      '在校生数',
      '在校学生数',
      '学生数',
      '在校生',
      '在校生人数',
      '在校学生人数',
      '学生人数',
      '学生总数',
      '在校生总数',
      '在校学生',
      '=学生',
      '=生数',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'classes',
    label: '班级数',
    synonyms: ['班级数', '教学班数', '班数', '班级个数', '教学班个数', '=教学班', '=班级'],
    unit: '个',
    dimension: 'classes',
    integer: true,
    perStage: true,
  },
  {
    field: 'grades',
    label: '年级数',
    synonyms: ['年级数', '年级个数', '开设年级数', '=年级'],
    unit: '个',
    dimension: 'count',
    integer: true,
    perStage: true,
  },
  {
    field: 'maxClassSize',
    label: '最大班额',
    synonyms: ['最大班额', '最大班级人数', '班额最大值', '最大班级规模', '最大班学生数'],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'teachers',
    label: '专任教师数',
    synonyms: ['专任教师数', '专任教师', '专任教师人数', '专任教师总数', '教师数', '教师人数', '=教师'],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'qualifiedTeachers',
    label: '高于规定学历教师数',
    synonyms: [
      '高于规定学历教师数',
      '高于规定学历专任教师数',
      '高于规定学历教师',
      '高于规定学历',
      '高学历教师数',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'keyTeachers',
    label: '县级以上骨干教师数',
    synonyms: [
      '县级以上骨干教师数',
      '县级及以上骨干教师数',
      '县级以上骨干教师',
      '县级及以上骨干教师',
      '骨干教师数',
      '骨干教师',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'peArtTeachers',
    label: '体育、艺术（美术、音乐）专任教师数',
    synonyms: [
      '体育艺术美术音乐专任教师数',
      '体育艺术音乐美术专任教师数',
      '体育艺术专任教师数',
      '体育艺术美术音乐专任教师',
      '体育艺术专任教师',
      '体育艺术教师数',
      '体育艺术教师',
      '体育音乐美术专任教师数',
      '体育音乐美术教师数',
      '音体美专任教师数',
      '音体美教师数',
      '音体美教师',
      '体音美专任教师数',
      '体音美教师数',
      '体艺专任教师数',
      '体艺教师数',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'peTeachers',
    label: '体育专任教师数',
    synonyms: ['体育专任教师数', '体育专任教师', '体育教师数', '体育教师'],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'musicTeachers',
    label: '音乐专任教师数',
    synonyms: ['音乐专任教师数', '音乐专任教师', '音乐教师数', '音乐教师'],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'artTeachers',
    label: '美术专任教师数',
    synonyms: ['美术专任教师数', '美术专任教师', '美术教师数', '美术教师'],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'seniorTitleTeachers',
    label: '中级及以上职称教师数',
    synonyms: [
      '中级及以上职称教师数',
      '中级及以上专业技术职务教师数',
      '中级及以上职称专任教师数',
      '中级以上职称教师数',
      '中级及以上职称教师',
      '中级及以上专业技术职务',
      '中级及以上职称',
      '中高级职称教师数',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'certifiedTeachers',
    label: '持证教师数',
    synonyms: [
      '持证教师数',
      '持证专任教师数',
      '持教师资格证教师数',
      '具有教师资格证教师数',
      '取得教师资格证教师数',
      '持证上岗教师数',
    ],
    unit: '人',
    dimension: 'people',
    integer: true,
    perStage: true,
  },
  {
    field: 'teachingArea',
    label: '教学及辅助用房面积',
    synonyms: ['教学及辅助用房面积', '教学及教学辅助用房面积', '教学辅助用房面积', '教学及辅助用房'],
    unit: '㎡',
    dimension: 'area',
    integer: false,
    perStage: false,
  },
  {
    field: 'sportsArea',
    label: '体育运动场（馆）面积',
    synonyms: [
      '体育运动场馆面积',
      '体育运动场面积',
      '体育运动场地面积',
      '体育场馆面积',
      '运动场馆面积',
      '运动场面积',
      '运动场地面积',
    ],
    unit: '㎡',
    dimension: 'area',
    integer: false,
    perStage: false,
  },
  {
    field: 'equipmentValue',
    label: '教学仪器设备值',
    synonyms: [
      '教学仪器设备值',
      '教学仪器设备资产值',
      '教学仪器设备总值',
      '教学仪器设备资产总值',
      '教学仪器设备价值',
      '仪器设备值',
      '仪器设备资产值',
    ],
    unit: '元',
    dimension: 'money',
    integer: false,
    perStage: false,
  },
  {
    field: 'multimediaRooms',
    label: '网络多媒体教室数',
    synonyms: ['网络多媒体教室数', '网络多媒体教室', '多媒体教室数', '多媒体教室'],
    unit: '间',
    dimension: 'rooms',
    integer: true,
    perStage: false,
  },
  {
    field: 'computers',
    label: '计算机台数',
    synonyms: [
      '计算机台数',
      '教学用计算机台数',
      '教学用计算机',
      '计算机数',
      '学生用计算机台数',
      '=计算机',
      '=电脑台数',
    ],
    unit: '台',
    dimension: 'computers',
    integer: true,
    perStage: false,
  },
  {
    field: 'books',
    label: '图书册数',
    synonyms: ['图书册数', '图书藏量', '藏书册数', '藏书量', '图书总数', '图书数', '=图书', '=藏书'],
    unit: '册',
    dimension: 'books',
    integer: true,
    perStage: false,
  },
  {
    field: 'musicRooms',
    label: '音乐专用教室数',
    synonyms: ['音乐专用教室数', '音乐专用教室', '音乐教室数', '音乐教室'],
    unit: '间',
    dimension: 'rooms',
    integer: true,
    perStage: false,
  },
  {
    field: 'artRooms',
    label: '美术专用教室数',
    synonyms: ['美术专用教室数', '美术专用教室', '美术教室数', '美术教室'],
    unit: '间',
    dimension: 'rooms',
    integer: true,
    perStage: false,
  },
  {
    field: 'musicRoomArea',
    label: '最小音乐教室面积',
    synonyms: ['最小音乐教室面积', '音乐专用教室面积', '音乐教室面积', '最小音乐专用教室面积'],
    unit: '㎡',
    dimension: 'area',
    integer: false,
    perStage: false,
  },
  {
    field: 'artRoomArea',
    label: '最小美术教室面积',
    synonyms: ['最小美术教室面积', '美术专用教室面积', '美术教室面积', '最小美术专用教室面积'],
    unit: '㎡',
    dimension: 'area',
    integer: false,
    perStage: false,
  },
  {
    field: 'publicFunds',
    label: '生均公用经费',
    synonyms: ['生均公用经费', '生均公用经费拨款', '生均公用经费支出'],
    unit: '元',
    dimension: 'money',
    integer: false,
    perStage: false,
  },
  {
    field: 'trainingFunds',
    label: '教师培训经费',
    synonyms: ['教师培训经费', '教师培训费', '培训经费'],
    unit: '元',
    dimension: 'money',
    integer: false,
    perStage: false,
  },
  {
    field: 'operatingBudget',
    label: '公用经费预算',
    synonyms: ['公用经费预算', '公用经费预算数', '年度公用经费预算', '公用经费总额', '公用经费'],
    unit: '元',
    dimension: 'money',
    integer: false,
    perStage: false,
  },
];

/** Stage words that qualify a per-stage column, with their zh-CN label prefix. */
export const STAGE_WORDS: readonly { stage: AnyStage; label: string; words: readonly string[] }[] = [
  { stage: 'primary', label: '小学', words: ['小学部', '小学段', '小学'] },
  { stage: 'junior', label: '初中', words: ['初中部', '初中段', '初中'] },
  { stage: 'senior', label: '高中', words: ['高中部', '高中段', '高中'] },
];

const PER_100_PREFIXES = ['每百名学生拥有', '每百名学生', '百名学生拥有', '每百名学生拥有的', '每百生'];
const PER_STUDENT_PREFIXES = ['生均'];

function countDefs(): FieldDef[] {
  return COUNTS.map((c) => ({
    key: c.field,
    label: c.label,
    type: 'count' as const,
    group: 'count' as const,
    synonyms: c.synonyms,
    unit: c.unit,
    dimension: c.dimension,
    required: c.field === 'students',
    integer: c.integer,
    countField: c.field,
  }));
}

function stageDefs(): FieldDef[] {
  const defs: FieldDef[] = [];
  for (const s of STAGE_WORDS) {
    for (const c of COUNTS.filter((x) => x.perStage)) {
      const synonyms = c.synonyms.flatMap((syn) => {
        const exact = syn.startsWith('=');
        const body = exact ? syn.slice(1) : syn;
        return s.words.map((w) => (exact ? `=${w}${body}` : `${w}${body}`));
      });
      defs.push({
        key: `${s.stage}.${c.field}`,
        label: `${s.label}${c.label}`,
        type: 'count',
        group: 'stageCount',
        synonyms,
        unit: c.unit,
        dimension: c.dimension,
        required: false,
        integer: c.integer,
        countField: c.field,
        stage: s.stage,
      });
    }
  }
  return defs;
}

/** Per-school indicator values given directly in the sheet (spec §2.1, §2.2): one column kind per indicator. */
function ratioDefs(): FieldDef[] {
  return INDICATOR_IDS.map((id) => {
    const meta = INDICATORS[id];
    const base = COUNTS.find((c) => c.field === meta.resourceField);
    const resources = (base?.synonyms ?? []).filter((s) => !s.startsWith('='));
    const prefixes = meta.per === 100 ? PER_100_PREFIXES : PER_STUDENT_PREFIXES;
    const generated = meta.givenColumn?.headers ?? prefixes.flatMap((p) => resources.map((s) => `${p}${s}`));
    const unit = meta.givenColumn ? meta.givenColumn.unit : meta.unit;
    const own = meta.name.replace(/[、（）()]/g, '');
    return {
      key: id,
      label: meta.name,
      type: 'ratio' as const,
      group: 'ratio' as const,
      synonyms: [own, ...generated.filter((s) => s !== own)],
      unit,
      dimension: base && unit ? base.dimension : ('none' as const),
      required: false,
      integer: false,
      indicator: id,
    };
  });
}

/** Every field the reader can map, in dropdown order: identity, counts, per-stage counts, ratio columns. */
export const FIELDS: readonly FieldDef[] = [...IDENTITY, ...countDefs(), ...stageDefs(), ...ratioDefs()];

const BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** The definition of a field key; undefined for an unknown key. */
export function fieldByKey(key: FieldKey): FieldDef | undefined {
  return BY_KEY.get(key);
}

/** Keys a table must have (spec §8: name and students; kind is optional with a default). */
export const REQUIRED_FIELDS: readonly FieldKey[] = FIELDS.filter((f) => f.required).map((f) => f.key);

/** zh-CN names of the dropdown groups. */
export const FIELD_GROUP_LABELS: Readonly<Record<FieldGroup, string>> = {
  identity: '学校信息',
  count: '数量（全校或本学段）',
  stageCount: '分学段数量（一贯制合并行）',
  ratio: '已算好的指标值',
};

/** One option of the task pane's per-column field dropdown. */
export interface FieldOption {
  key: FieldKey;
  /** Label with the base unit, e.g. 教学仪器设备值（元）. */
  text: string;
  group: FieldGroup;
  groupLabel: string;
  required: boolean;
}

/** Dropdown options for mapping a column to a field, grouped and in catalogue order. */
export function fieldOptions(): FieldOption[] {
  return FIELDS.map((f) => ({
    key: f.key,
    text: f.unit ? `${f.label}（${f.unit}）` : f.label,
    group: f.group,
    groupLabel: FIELD_GROUP_LABELS[f.group],
    required: f.required,
  }));
}
