/** zh-CN texts of the BALANCE.* custom functions: error messages and the REPORT table's labels, kept together. */

/** What a cell holds, as messages name it. */
export const LABEL = {
  value: '值',
  students: '学生数',
  amount: '资源数',
  score: '分数',
  cv: '差异系数',
  indicatorValue: '指标值',
  classSize: '班额',
  per: '每多少名学生（per）',
  target: '目标差异系数',
  primaryStudents: '小学在校生数',
  juniorStudents: '初中在校生数',
  seniorStudents: '高中在校生数',
  weighted: '各校数值与学生数的乘积或合计',
  rawTotals: '资源数与学生数的合计',
  gap: '所需增加的资源数',
  splitParts: '拆分结果',
  composite: '综合差异系数',
  plan: '测算的补充量',
  diffRate: '校际差异率',
} as const;

export const MSG = {
  /** A cell of a range: 第 3 个值（第 3 行）. */
  item: (what: string, index: number, place: string) => `第 ${index} 个${what}（${place}）`,
  row: (row: number) => `第 ${row} 行`,
  column: (column: number) => `第 ${column} 列`,
  cell: (row: number, column: number) => `第 ${row} 行第 ${column} 列`,
  missingInPair: (at: string) => `${at}为空：缺失的数据不能按 0 计算，请填写或从区域中去掉这一行`,
  emptyArgument: (what: string) => `${what}为空`,
  notOneCell: (what: string) => `${what}只能是一个单元格或一个数`,
  weightedOnly: (fn: 'COEF' | 'MEAN') =>
    `${fn === 'COEF' ? '官方差异系数' : '县均值'}按学生数加权，只有一列数值无法计算。请选择两列（各校数值、在校生数），` +
    `例如 =BALANCE.${fn}(F5:G40)，或另给学生数区域，例如 =BALANCE.${fn}(F5:F40, G5:G40)`,
  twoColumnsExpected: (columns: number) =>
    `区域有 ${columns} 列：请选择两列（各校数值、在校生数），或只选一列数值并另给学生数区域`,
  notVector: (what: string, rows: number, columns: number) =>
    `${what}区域应为一列或一行，现为 ${rows} 行 ${columns} 列`,
  sizeMismatch: (what: string, a: number, b: number) =>
    `${what}有 ${a} 个，学生数有 ${b} 个，两个区域的大小必须相同`,
  noData: '区域中没有数据',
  /** A result beyond the largest double (about 1.8E+308), named by what overflowed. */
  tooLarge: (what: string) => `数值过大：${what}超出可计算的范围（约 1.8E+308），请检查输入是否有误`,
  noStudents: '学生数合计为 0，无法按学生数加权',
  zeroMean: '县均值为 0，差异系数无定义（不是 0）',
  badPer: (shown: string) => `每多少名学生（per）只能是 1 或 100，现为 ${shown}`,
  unknownStage: (text: string) => `无法识别的学段“${text}”：请填写 小学、初中、primary 或 junior`,
  notInProfile: (indicator: string, profile: string) =>
    `“${indicator}”不是${profile}的指标，请检查评估标准参数`,
  noStandard: (indicator: string, profile: string, stage: string) =>
    `${profile}没有“${indicator}”的${stage}办学标准`,
  noSchoolRule: (profile: string) =>
    `${profile}没有逐校达标规则（k 项达标、其余不低于 r），请改用优质均衡或含 schoolRule 的自定义标准`,
  valueCount: (count: number, got: number, names: string) =>
    `需要 ${count} 个指标值，按顺序为：${names}；实际为 ${got} 个`,
  undecided: (names: string) => `${names}的数值为空，无法判定是否达标（缺失的数据不按 0 计算）`,
  zeroStudents: '学生数为 0：生均值无定义，无法计算差额',
  noSplitStudents: '各学段学生数均为 0，无法按学生数拆分',
  primaryForCompleteMiddle: '小学在校生数为空：完全中学请填 0',
  noCvs: '没有差异系数：请选择各指标差异系数所在的单元格',
  zeroScore: (at: string) => `${at}为 0：学校平均分不应为 0；若是空单元格，请只选择有分数的单元格`,
  noTable: (reason: string) =>
    `未识别出学校表：${reason}。请选择含表头行的整张学校表，例如 =BALANCE.REPORT(A1:Q40)`,
  noTableReason: '没有找到表头行',
  noSchools: '表中没有可计算的学校（请检查学校名称、学段和在校生数列）',
};

/** Column heads and cell texts of BALANCE.REPORT's spilled table. */
export const REPORT_TEXT = {
  header: ['学段', '指标', '县均值', '差异系数', '标准', '是否达标', '说明'],
  composite: '综合差异系数',
  near: (diff: string) => `接近标准（相差 ${diff}），请核对原始数据`,
  noCv: '差异系数无法计算',
  noSchools: '没有可计算的学校',
};
