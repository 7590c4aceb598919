// User-visible strings of the task pane in Chinese (zh-CN), the master list every other language must match.
import { HOST_TEXTS_ZH, hostProblemText, type HostProblem } from '../hosts/port';
import {
  amountInUnit,
  type ResourceUnit,
  type CheckResult,
  type CoefficientResult,
  type CorrectionTarget,
  type CountyVerdict,
  type Exclusion,
  FIELD_GROUP_LABELS,
  fieldLabel,
  ISSUE_TEXTS_ZH,
  type IssueTexts,
  PROFILE_TEXTS_ZH,
  type ProfileTexts,
  type Profile,
  type SchoolVerdict,
  flagMessage,
  formatIndicatorValue,
  type IndicatorId,
  INDICATORS,
  KIND_LABELS,
  type LegendEntry,
  legendText,
  type OutlierFlag,
  type ProfileChoice as AutoChoice,
  type SchoolKind,
  type UnknownValue,
} from '../engine';

const num = (n: number) => n.toLocaleString('zh-CN');

export const zhCN = {
  /** BCP 47 tag for <html lang> and Intl formatting. */
  lang: 'zh-CN',
  appTitle: '均衡评估助手',
  appSubtitle: '县域义务教育均衡发展督导评估：差异系数与学校达标核查',
  officeUnavailable: '未能加载 Office.js。请在 Excel 中打开本加载项，并确认网络可以访问 Office 加载项服务。',

  stageNames: { primary: '小学', junior: '初中' },
  tabCheck: '检查',
  tabPlan: '整改测算',

  busyReading: '正在读取工作表…',
  busyChecking: '正在检查并标注…',
  busyReport: '正在写入评估报告…',
  busyClearing: '正在清除标注…',
  busyLocating: '正在定位…',

  errorTitle: '操作失败',
  unexpectedError: (message: string) => `出现意外错误：${message}`,
  /** A host failure: the operation that failed and why. */
  hostProblem: (problem: HostProblem) => hostProblemText(problem, HOST_TEXTS_ZH),
  /** Items of a list in running text: “甲”、“乙”. */
  list: (items: readonly string[]) => items.join('、'),
  /** Messages run together: 甲；乙. */
  sentences: (items: readonly string[]) => items.join('；'),
  /** An unknown cell: “K17”, or “第 17 行在校生数” when the sheet has no such column. */
  cellPlace: (p: { field: string; column?: string; row: number }) =>
    p.column ? `${p.column}${p.row}` : `第 ${p.row} 行${fieldLabel(p.field)}`,
  dismiss: '关闭',

  // Step 1: the table
  stepTable: '数据表',
  tableSheet: (sheet: string) => `工作表“${sheet}”`,
  tableRange: (address: string) => `区域 ${address}`,
  tableSelection: '所选区域',
  tableHeader: (top: number, bottom: number) =>
    top === bottom ? `表头在第 ${top} 行` : `表头在第 ${top}–${bottom} 行（两级表头）`,
  tableRows: (rows: number, skipped: number) =>
    skipped > 0
      ? `${num(rows)} 行学校数据，另有 ${num(skipped)} 行不是学校（合计、说明等）已跳过`
      : `${num(rows)} 行学校数据`,
  tableNotFound: '未找到学校数据表',
  tableNotFoundHint:
    '请打开存放学校数据的工作表后点“重新识别”，或在表中选中整张表（含表头）后点“使用所选区域”。',
  rescan: '重新识别',
  rescanHint: '重新读取当前工作表',
  useSelection: '使用所选区域',
  useSelectionHint: '先在工作表中选中整张表（含表头），再点此按钮',
  headerChanged: '表头与上次识别时不同（可能插入、删除或修改了列），已重新识别，请核对列对应后再检查。',
  restored: '已沿用本工作簿上次保存的列对应和评估标准。',
  savedProfileInvalid: (errors: readonly string[]) =>
    `本工作簿保存的自定义评估标准有误，已改用优质均衡：${errors.join('；')}`,

  // Step 2: the column mapping
  stepMapping: '列对应',
  mappingSummary: (mapped: number) => `已对应 ${mapped} 列`,
  mappingMissing: (labels: string) => `缺少必填列：${labels}`,
  mappingMissingCount: (n: number) => `缺少 ${n} 项必填`,
  mappingToggle: '查看或修改各列对应的字段',
  mappingHint: '以下为自动识别结果，可逐项修改；修改会保存在本工作簿中。',
  mappingNone: '（不使用）',
  mappingColumn: (letter: string, header: string) => `${letter} 列 · ${header}`,
  mappingRequired: '必填：请选择对应的列',
  mappingUnit: (unit: string) => `按表头单位“${unit}”换算`,
  mappingShowAll: '显示全部字段',
  mappingNeedsCount: (n: number) => `标准所需缺 ${n} 列`,
  mappingNeedsMissing: (labels: string) =>
    `所选评估标准还需要：${labels}。缺少这些列时，相关指标无法计算，学校无法判定。`,
  mappingRequiredMark: '必填',

  // Step 3: the standard
  stepProfile: '评估标准',
  profileLabel: '选择评估标准',
  profileAuto: '自动选择（按表中的数据列）',
  autoChosen: (name: string) => `已选择：${name}`,
  autoWhy: (choice: AutoChoice) => choice.explanation,
  needsTitle: '该标准需要的数据列',
  needsAll: (n: number) => `表中已有全部 ${num(n)} 项`,
  needsSome: (missing: number, n: number) => `${num(n)} 项中缺少 ${num(missing)} 项`,
  needPresent: '已有',
  needMissing: '缺少',
  profileQuality: '优质均衡（2017）',
  profileBasic: '基本均衡（2012）',
  profileCustom: '自定义标准',
  customLabel: '标准配置（JSON）',
  customPlaceholder: '{ "extends": "quality-2017", "schoolRule": { "k": 5, "r": 0.6 } }',
  customHint: '可粘贴 JSON，或选择 .json 文件。用 "extends" 继承内置标准，只写需要修改的项。',
  customUpload: '选择 JSON 文件',
  customEmpty: '请粘贴或选择标准配置。',
  customErrors: '标准配置有误',
  customExport: '导出 JSON 文件',
  customExportName: '自定义评估标准.json',
  formTitle: '自定义标准',
  formStart: '选择一个内置标准作为起点，再在表单中修改；也可以粘贴或导入 JSON。',
  formStartFrom: (name: string) => `从${name}开始`,
  formErrorsAtFields: (n: number) => `有 ${num(n)} 处需要修改，见各项下方的提示。`,
  formBase: '基于',
  formName: '名称',
  formCv: '差异系数标准',
  formCvMode: '差异系数判定方式',
  formCvEach: '每项指标的差异系数分别判定（优质均衡）',
  formCvComposite: '综合差异系数（各项的平均值）判定（基本均衡）',
  formCvLimit: (stage: string, composite: boolean) =>
    composite ? `${stage}综合差异系数上限` : `${stage}每项差异系数上限`,
  formRule: '学校达标规则',
  formRuleOn: '判定每所学校是否达标',
  formRuleK: '至少达标的指标数 k',
  formRuleKHint: '不能多于有学校标准的指标数',
  formRuleR: '其余指标不低于标准的比例 r',
  formRuleRHint: '0 到 1 之间，如 0.85',
  formIndicators: '指标与学校标准',
  formIndicatorsHint: '勾选的指标计算差异系数；填写了学校标准的指标参与学校达标判定，留空表示没有标准。',
  formStandardOf: (stage: string) => `${stage}标准`,
  formStandardLabel: (indicator: string, stage: string) => `${indicator} ${stage}标准`,
  formScope: '参评范围',
  formTeachingPoints: '教学点',
  formTeachingPointsBelow: '学生数少于下限的教学点不参评',
  formTeachingPointsAll: '教学点一律不参评',
  formTeachingPointsNone: '教学点一律参评',
  formTeachingPointMin: '教学点学生数下限（人）',
  formScopeSwitch: (key: 'excludePrivate' | 'excludeNotCountyRun' | 'excludeSpecial') =>
    ({
      excludePrivate: '民办学校不参评',
      excludeNotCountyRun: '省市直属学校不参评',
      excludeSpecial: '特殊教育学校不参评',
    })[key],
  formSplit: '一贯制学校的拆分比例',
  formSplitHint: '九年一贯制、完全中学、十二年一贯制学校的校舍等总量按各学段学生数 × 比例拆分。',
  formSplitWeight: (kind: string, stage: string) => `${kind} ${stage}`,
  formDashes: '数据读法',
  /** School kinds. */
  kindNames: KIND_LABELS as Record<SchoolKind, string>,
  seniorName: '高中',
  /** Every DataIssue's wording by code (the engine's). */
  issueTexts: ISSUE_TEXTS_ZH as IssueTexts,
  /** Every problem of a custom standard by code (the engine's). */
  profileTexts: PROFILE_TEXTS_ZH as ProfileTexts,
  /** A field's name (a column the table maps). */
  fieldLabel: (key: string) => fieldLabel(key),
  /** A field in the mapping dropdown, with its base unit. */
  fieldOption: (key: string, unit: string) => (unit ? `${fieldLabel(key)}（${unit}）` : fieldLabel(key)),
  fieldGroup: (group: keyof typeof FIELD_GROUP_LABELS) => FIELD_GROUP_LABELS[group],
  /** An amount in a resource's unit: 3人, 1,200.00万元. */
  amount: (amount: number, unit: string, column: ResourceUnit | undefined) =>
    amountInUnit(amount, unit, column),
  /** A base unit (人, ㎡, 元…). */
  unitName: (unit: string) => unit,
  /** A value with its base unit: 7.5㎡ (the unit as the catalogue writes it). */
  valueWithUnit: (value: string, unit: string) => `${value}${unit}`,
  /** Why a row is left out (the engine's words). */
  exclusion: ((ex: Exclusion) => ex.message) as (ex: Exclusion, profile: Profile) => string,
  /** A failed size, class-size or room check. */
  checkText: (c: CheckResult) => c.message,
  /** Why a school fails or is within the allowance. */
  schoolReasons: ((school: SchoolVerdict) => school.reasons) as (
    school: SchoolVerdict,
    profile: Profile,
  ) => readonly string[],
  /** Why the county's verdict is what it is. */
  countyReason: (county: CountyVerdict) => county.reason,
  /** A CV's note (cannot be computed, schools left out). */
  cvNote: (result: CoefficientResult) => result.note ?? null,
  /** An indicator's short label for narrow columns. */
  indicatorLabel: (id: IndicatorId) => INDICATORS[id].label,
  dashesNone: '“—”“/”“无”按 0（无）计',
  dashesHint:
    '统计表常用“—”表示“无”。关闭后，这些单元格按缺数据处理（不按 0 计算）；空白、“不详”始终按缺数据处理。',
  customReadFailed: (name: string) => `无法读取文件“${name}”`,
  cvRuleEach: (primary: string, junior: string) => `每项指标的差异系数：小学 ≤ ${primary}，初中 ≤ ${junior}`,
  cvRuleComposite: (primary: string, junior: string) =>
    `综合差异系数（各项差异系数的平均值）：小学 ≤ ${primary}，初中 ≤ ${junior}`,
  schoolRule: (k: number, n: number, r: string) =>
    `学校达标：${n} 项指标中至少 ${k} 项达到标准，其余不低于标准的 ${r}`,
  noSchoolRule: '不做学校达标判定，只计算差异系数。',
  standardsCaption: '各项指标的学校标准',
  colIndicator: '指标',
  colPrimary: '小学',
  colJunior: '初中',
  cvOnly: '只算差异系数',

  // Actions
  check: '检查并标注',
  checkHint: '按所选标准计算，并在工作表中标出未达标的单元格',
  checkNeedsColumns: '请先补全必填列',
  checkNeedsProfile: '请先修正评估标准',
  writeReport: '写入评估报告',
  clearMarks: '清除标注',
  checked: (painted: number) =>
    painted > 0 ? `检查完成，已标注 ${num(painted)} 个单元格。` : '检查完成，没有需要标注的单元格。',
  notesUnsupported: '当前 Excel 版本不支持单元格批注（需要 ExcelApi 1.18），标注说明请查看评估报告。',
  notesSkipped: (n: number) => `${num(n)} 个单元格已有评论，未添加批注说明。`,
  reportWritten: (sheets: readonly string[]) => `已写入工作表：${sheets.map((s) => `“${s}”`).join('、')}。`,
  reportSheetsLabel: '写入哪些工作表',
  reportSheetsHint:
    '申报表各表随评估标准而定：优质均衡为表Ⅱ-1、表Ⅱ-2、表Ⅲ，基本均衡为学校指标情况和校际差异系数。',
  /** A sheet's label in the choice: its name (the sheet is named in Chinese whatever the display language). */
  reportSheetLabel: (sheetName: string) => sheetName,
  reportSheetsNone: '请至少选择一个要写入的工作表',
  reportCountyLabel: '县（市、区）名称',
  reportYearLabel: '数据年份',
  reportTitleHint: '用于报告和申报表的标题；已从表格标题行读取的可直接使用，修改后保存在本工作簿中。',
  reportYearInvalid: '请输入四位年份，例如 2026',
  reportKeptUser: (kept: string, written: string) =>
    `工作表${kept}不是均衡评估助手生成的，已原样保留；新的报告写入了${written}。`,
  reportKeptEdited: (kept: string, written: string) =>
    `评估报告${kept}在生成后被修改过，已保留您的修改；新的报告写入了${written}。`,
  outsideCells: (cells: string, total: number) =>
    `以下单元格不属于学校表，未作为数据读取：${cells}${total > 10 ? ` 等共 ${num(total)} 个` : ''}`,
  cleared: (n: number) => (n > 0 ? `已清除标注，恢复了 ${num(n)} 个单元格。` : '没有需要清除的标注。'),
  clearDamaged: (rows: string) => `标注记录第 ${rows} 行已被改动，这些单元格的标注未能清除。`,
  clearKeptEdits: (cells: string) => `单元格 ${cells} 在检查后被您改过颜色或批注，已按您的修改保留。`,

  // Results
  resultsTitle: '检查结果',
  resultsStale: '列对应或评估标准已修改，以下是修改前的结果，请重新检查。',
  verdictPass: '全部达标',
  verdictFail: '未全部达标',
  verdictUnknown: '无法判定',
  verdictWhy: '原因',
  countChecked: '参评',
  countPassed: '达标',
  countFailed: '未达标',
  countUndecided: '无法判定',
  countExcluded: '未纳入',
  stageHeading: (stage: string, schools: number, students: number) =>
    `${stage} · ${num(schools)} 所 · ${num(students)} 名学生`,
  colCv: '差异系数',
  cvLimit: (threshold: string) => `标准：每项差异系数 ≤ ${threshold}`,
  compositeLimit: (threshold: string) => `标准：综合差异系数 ≤ ${threshold}`,
  colResult: '结论',
  pass: '达标',
  fail: '未达标',
  undecided: '无法判定',
  near: (diff: string) => `接近标准（相差 ${diff}）`,
  composite: '综合差异系数',
  noStages: '没有可计算差异系数的学校。',
  excludedTitle: (n: number) => `未纳入计算（${num(n)}）`,
  failingTitle: (n: number) => `未达标学校（${num(n)}）`,
  failingHint: '点击学校可在工作表中定位到该行。',
  noFailing: '所有参评学校均达到学校标准。',
  noFailingButUndecided: '没有未达标的学校，但有学校缺数据、无法判定（见下）。',
  undecidedTitle: (n: number) => `缺数据、无法判定（${num(n)}）`,
  unknownCells: (cells: string) => `缺少 ${cells}（不按 0 计算）`,
  noSchoolVerdicts: '该标准不做学校达标判定。',
  schoolMet: (met: number, judged: number) => `${judged} 项指标中 ${met} 项达标`,
  legendTitle: '工作表标注颜色',
  /** The engine's wording of each mark colour (`r` the rule's floor, null without a school rule). */
  legend: (key: LegendEntry['key'], r: number | null): string => legendText(key, r),
  teacherRatioMean: (decimal: string, ratio: string) => `县均值 ${decimal}（即 ${ratio}）`,
  checksTitle: (n: number) => `规模、班额等核查未通过（${num(n)}）`,
  issuesTitle: (n: number) => `数据问题（${num(n)}）`,
  noIssues: '未发现数据问题。',
  issuePlace: (row: number, column: string | undefined) =>
    row < 1 ? '整表' : column ? `第 ${row} 行 ${column} 列` : `第 ${row} 行`,
  severityError: '错误',
  severityWarning: '提醒',
  severityInfo: '提示',
  showMore: (n: number) => `再显示 ${num(n)} 条`,
  locate: (name: string) => `定位到 ${name}`,

  // Remediation planner
  planNeedsCheck: '请先在“检查”页完成一次检查，再测算整改需求。',
  planIntro: '按学校标准和差异系数标准，测算每项指标至少需要增加多少资源，以及所需预算。',
  planFloorsRule: (k: number, r: string) =>
    `按“至少 ${k} 项达标、其余不低于 ${r}”测算（否则每项都要达到标准）`,
  unitCostsTitle: '单位成本（可选，用于估算预算）',
  /** A unit cost's label; `unit` is the base unit (㎡, 人…). */
  unitCostLabel: (label: string, unit: string) => `${label}（元/${unit}）`,
  unitCostInvalid: '请输入不小于 0 的数字',
  planAdd: (amount: string) => `需增加 ${amount}`,
  planSchools: (n: number) => `涉及 ${num(n)} 所学校`,
  planCv: (before: string, after: string, target: string) =>
    `差异系数 ${before} → ${after}（目标 ≤ ${target}）`,
  planCost: (yuan: string) => `约 ${yuan} 元`,
  planNeeds: '需整改',
  planNothing: '无需增加',
  planInfeasible: '按现有数据无法达到目标',
  planMissing: (n: number) => `${num(n)} 所学校缺少数据，未参与测算`,
  planStageTotal: (yuan: string) => `预算合计约 ${yuan} 元`,
  planStageUnpriced: '填写单位成本后可估算预算',
  planComposite: (before: string, after: string, threshold: string) =>
    `综合差异系数 ${before} → ${after}（标准 ≤ ${threshold}）`,
  planNoSchools: '没有可测算的学校。',
  cvUndefined: '无法计算',
  mixTitle: (target: string) => `成本最低的组合（综合差异系数目标 ≤ ${target}）`,
  mixIntro: '按各项单位成本，选出使综合差异系数达标、总费用最少的增加方案（各项差异系数不必都降到目标）。',
  mixNothing: (composite: string, target: string) =>
    `综合差异系数 ${composite} 已不超过目标 ${target}，无需增加资源`,
  mixTotal: (yuan: string) => `合计约 ${yuan} 元`,
  mixGap: (yuan: string) => `，与理论最低相差不超过 ${yuan} 元`,
  mixCompared: (yuan: string) => `（各项分别降到目标约需 ${yuan} 元）`,
  mixComposite: (after: string, target: string) => `综合差异系数降至 ${after}（目标 ≤ ${target}）`,
  mixTeachers: '教师各项分别计价：同一名新教师可同时计入几项，故教师费用为上限。',
  mixPerIndicator:
    '未填写单位成本：上面按各指标分别测算（每项差异系数都降到目标），能保证综合差异系数达标，但不是成本最低的组合。填写各项单位成本后可求成本最低的组合。',
  mixMissingPrices: (names: string) => `缺少单位成本（${names}）：上面按各指标分别测算，不是成本最低的组合。`,
  mixUnavailable: (reason: string) => `无法求成本最低的组合（${reason}），上面按各指标分别测算。`,

  // Diagnosis of one CV (click a CV in the results)
  diagOpen: (indicator: string, stage: string) => `查看${stage}“${indicator}”差异系数的诊断`,
  diagBack: '返回检查结果',
  diagTitle: (indicator: string, stage: string) => `${stage} · ${indicator}`,
  /** An indicator's full name. */
  indicatorName: (id: IndicatorId) => INDICATORS[id].name,
  /** A per-school value with its unit: "56.1㎡/生", "2.5台/百生", 师生比 "1:19.6". */
  diagValue: (id: IndicatorId, value: number) => formatIndicatorValue(id, value),
  diagMean: '县均值（按学生数加权）',
  diagMedian: '中位数',
  diagCv: '差异系数',
  diagCvOf: (cv: string, limit: string | null) => (limit === null ? cv : `${cv}（标准 ≤ ${limit}）`),
  diagStandard: '学校标准',
  diagCount: (schools: number, students: number) => `${num(schools)} 所学校 · ${num(students)} 名学生`,
  diagChartTitle: '各校数值（从高到低）',
  diagChartSummary: (
    n: number,
    high: string,
    low: string,
    mean: string | null,
    standard: string | null,
    flagged: number,
  ) =>
    `${num(n)} 所学校数值条形图，最高 ${high}，最低 ${low}` +
    (mean === null ? '' : `，县均值 ${mean}`) +
    (standard === null ? '' : `，学校标准 ${standard}`) +
    (flagged > 0 ? `，${num(flagged)} 个数值请核实` : ''),
  diagLegendMean: '县均值',
  diagLegendStandard: '学校标准',
  diagLegendFlag: '请核实的数值',
  diagSharesTitle: '各校对差异系数的贡献',
  diagSharesHint: '贡献：该校“学生数 ×（数值 − 县均值）²”占全部学校之和的比例，合计 100%。',
  diagColSchool: '学校',
  diagColValue: '数值',
  diagColShare: '贡献',
  diagStudents: (n: number) => `${num(n)} 名学生`,
  diagMoversTitle: '去掉或修正后差异系数变化最大的学校',
  diagMoversHint: (target: CorrectionTarget) =>
    `“去掉后”为不计该校时的差异系数；“修正后”为把该校数值改为${
      target === 'median' ? '全部学校的中位数' : '其余学校的加权均值'
    }时的差异系数。仅为测算，不修改数据。`,
  diagColWithout: '去掉后',
  diagColCorrected: '修正后',
  diagFlagsTitle: (n: number) => `请核实的数值（${num(n)}）`,
  diagFlagRule: (threshold: string) =>
    `规则：各校数值取对数，按中位数和 MAD 计算稳健 z 分数，绝对值大于 ${threshold} 的提示核实；数值为 0 的也提示。只是提示，不会修改数据。`,
  diagNoFlags: '没有明显偏离其他学校的数值。',
  diagNotScreened: (code: 'tooFew' | 'allEqual' | 'noCv', min: number): string =>
    code === 'tooFew'
      ? `学校少于 ${min} 所，不做异常值判断。`
      : code === 'allEqual'
        ? '各校数值相同，没有异常值。'
        : '差异系数无法计算，不做异常值判断。',
  diagFlag: (
    kind: OutlierFlag['kind'],
    name: string,
    value: string,
    ratio: number | null,
    mean: string | null,
  ) => flagMessage(kind, name, value, ratio, mean),
  diagUnknownTitle: (n: number) => `未计入：缺少数据（${num(n)}）`,
  diagUnknown: (missing: UnknownValue['missing']): string =>
    missing === 'students' ? '在校生数缺失或无效（不按 0 计算）' : '缺少数据（不按 0 计算）',
  diagNoSchools: '没有可计算的学校。',
  // Any sheet, any range (issue 14)
  sheetPicker: '学校数据所在的工作表',
  sheetPickerHint: '已自动查看各个可见的工作表，可在此改选。',
  sheetNoTable: (sheet: string) => `工作表“${sheet}”中没有找到学校数据表。`,
  scanNone: (n: number) => `已查看 ${num(n)} 张可见的工作表，都没有找到学校数据表。`,
  selectionUnusable: '没有可用的选中区域：请先在工作表中选中整张学校表（含表头），再点“使用所选区域”。',
  selectionNoTable: (address: string) => `所选区域 ${address} 中没有找到学校表的表头，仍使用原来的数据表。`,
  mappingWaiting: '找到数据表后，在这里核对各列对应的字段。',

  // Feedback next to the actions
  actionsLabel: '操作',
  openReport: '打开报告',
  showResults: '查看结果',

  // The last check, kept in the workbook
  lastCheckTitle: '上次检查',
  lastCheckStale: '已过期 · 需重新检查',
  lastCheckWhen: (at: string, sheet: string, profile: string) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    const when = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return `${when} · 工作表“${sheet}” · ${profile}`;
  },
  lastCheckCounts: (checked: number, passed: number, failed: number, undecided: number) =>
    `参评 ${num(checked)} 所，达标 ${num(passed)}，未达标 ${num(failed)}` +
    (undecided > 0 ? `，无法判定 ${num(undecided)}` : ''),
  lastCheckHint: '数据或设置可能已改动，请点“检查并标注”重新检查。',
  /** A stage's coefficients in the last check: the composite (基本均衡), or the largest single CV (优质均衡). */
  lastCheckStage: (
    stage: string,
    composite: boolean,
    cv: string,
    limit: string,
    count?: { over: number; of: number },
  ) =>
    composite
      ? `${stage}综合差异系数 ${cv}（标准 ≤ ${limit}）`
      : `${stage}差异系数最大 ${cv}（每项标准 ≤ ${limit}）` +
        (count === undefined
          ? ''
          : count.over > 0
            ? `，${num(count.over)}/${num(count.of)} 项超标`
            : `，${num(count.of)} 项均达标`),

  // Plan inputs
  planMarginLabel: '目标差异系数留余量（%）',
  planMarginHint: '例如填 5，按标准的 95% 测算，留出余量；不填按标准测算。',
  planMarginInvalid: '请输入 0 到 50 之间的数字',
};

/** The shape every language file has (keys of the zh-CN master). */
export type Strings = typeof zhCN;
