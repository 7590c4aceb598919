/** Every user-visible string of the `balance` command line, in Chinese. */

import { PLAN_WORDS } from '../engine';
import { messages as workbookMessages } from '../hosts/xlsx/strings.zh-CN';

/** Why a file or the command line cannot be used (exit code 2). */
export const messages = {
  missingFile: (file: string) => `找不到文件：${file}。请检查路径和文件名是否正确。`,
  unreadableFile: (file: string, reason: string) => `无法读取文件：${file}（${reason}）。`,
  ...workbookMessages,
  cannotEvaluate: (file: string, reasons: string[]) => `“${file}”无法评估：${reasons.join('；')}`,
  emptyFolder: (dir: string) => `文件夹“${dir}”中没有 .xlsx 文件。`,
  noInput: '请指定要检查的 Excel 文件或文件夹，例如：balance check 学校数据.xlsx',
  unknownCommand: (command: string) =>
    `未知命令“${command}”。可用的命令：check（核查）、plan（整改测算）、forms（申报表）。`,
  unknownOption: (option: string) => `未知选项“${option}”。`,
  missingValue: (option: string) => `选项 ${option} 后面需要一个值。`,
  outAndOutDir: '--out 与 --out-dir 只能选一个。',
  outNeedsOneFile: (count: number) =>
    `--out 只能用于一个文件，现在有 ${count} 个；多个文件请用 --out-dir 文件夹。`,
  outNotXlsx: (out: string) => `输出文件“${out}”应以 .xlsx 结尾。`,
  outIsInput: (out: string) => `输出文件“${out}”就是输入文件本身；本工具从不修改原文件，请换一个输出文件名。`,
  outIsSymlink: (out: string) =>
    `输出文件“${out}”是一个符号链接；为免通过链接改写别的文件，本工具不会写入它，请换一个输出文件名。`,
  outNotAFile: (out: string) =>
    `输出位置“${out}”已存在，但不是普通文件（可能是文件夹），请换一个输出文件名。`,
  cannotWrite: (out: string, reason: string) =>
    `无法写入“${out}”（${reason}），未生成该文件，原有同名文件未被改动。`,
  notAFile: (file: string) =>
    `“${file}”不是普通文件（可能是文件夹、管道、设备或指向它们的链接），已跳过。请指定 .xlsx 工作簿文件。`,
  tooLarge: (file: string, size: number, max: number) =>
    `“${file}”有 ${(size / 1024 / 1024).toFixed(0)} MB，超过本工具可读取的上限 ${(max / 1024 / 1024).toFixed(0)} MB，不像是学校数据表，已跳过。`,
  sameInput: (file: string, first: string) => `“${file}”与“${first}”是同一个文件，只核查一次。`,
  detail: (detail: string) => `  详细信息：${detail}`,
  unknownProfile: (id: string) =>
    `未知的评估标准“${id}”。可用：auto（按数据列自动选择）、quality-2017（优质均衡）、basic-2012（基本均衡），或自定义标准的 .json 文件路径。`,
  profileFileUnreadable: (file: string, reason: string) => `无法读取评估标准文件“${file}”（${reason}）。`,
  profileNotJson: (file: string, reason: string) => `评估标准文件“${file}”有误：${reason}`,
  profileInvalid: (file: string, errors: string[]) => `评估标准文件“${file}”有误：\n  ${errors.join('\n  ')}`,
};

export const usage = `用法：balance check <文件.xlsx | 文件夹>… [选项]
      balance plan <文件.xlsx | 文件夹>… [选项]   整改测算，详见 balance plan --help
      balance forms <文件.xlsx | 文件夹>… --out-dir 文件夹   只生成申报表各表，详见 balance forms --help

检查县域义务教育学校数据是否达到均衡发展标准（差异系数与学校办学标准）。

选项：
  --sheet 名称          指定工作表（默认：第一个能识别出学校数据表头的工作表）
  --profile 标准        auto（默认：按表中的数据列选优质均衡或基本均衡）、quality-2017（优质均衡）、basic-2012（基本均衡），或自定义标准 .json 文件
  --out 结果.xlsx       另存一份标注了未达标单元格、附“均衡评估报告”“整改测算”和申报表各表的副本（原文件不会被修改）
  --out-dir 文件夹      多个文件时，把每个文件的标注副本存到该文件夹
  --json                以 JSON 输出结果（多个文件时为数组）
  --strict              有任何一个县未达标或无法判定时以退出码 1 结束
  --verbose             文件无法读取时，同时显示程序库给出的原始错误信息（供技术人员排查）
  -h, --help            显示本帮助

退出码：0 已完成评估（使用 --strict 时：每个县都达标）；1 使用 --strict 且有县未达标或无法判定；2 输入无法使用（文件缺失、损坏、加密、找不到数据表等）。

示例：
  npx balance check assets/samples/示例县-优质均衡.xlsx --out 结果.xlsx
`;

/** Labels of the readable summary. */
export const text = {
  pass: (pass: boolean | null) => (pass === true ? '达标' : pass === false ? '未达标' : '无法判定'),
  fileTitle: (file: string, sheet: string) => `均衡评估结果：${file}（工作表“${sheet}”）`,
  profile: (name: string) => `评估标准：${name}`,
  profileAuto: '评估标准：按各文件的数据列自动选择',
  profileChoice: (why: string) => `  自动选择：${why}`,
  overview: (
    checked: number,
    byStage: string,
    n: { passed: number; failed: number; undecided: number },
    excluded: number,
  ) =>
    `参评学段：${checked} 个（${byStage}）；达到办学标准 ${n.passed} 个，未达到 ${n.failed} 个${n.undecided ? `，无法判定 ${n.undecided} 个` : ''}；未纳入计算 ${excluded} 行`,
  overviewNoRule: (checked: number, byStage: string, excluded: number) =>
    `参评学段：${checked} 个（${byStage}）；未纳入计算 ${excluded} 行`,
  stageCount: (stage: string, count: number) => `${stage} ${count}`,
  cvHeading: (stage: string, schools: number, students: string) =>
    `差异系数 · ${stage}（${schools} 所学校，${students} 名学生）`,
  cvColumns: ['指标', '县均值', '差异系数', '标准', '结论'],
  composite: '综合差异系数',
  near: '（接近标准）',
  undefinedCv: '无法计算',
  stageVerdict: (stage: string, verdict: string) => `${stage}差异系数结论：${verdict}`,
  failingSchools: (n: number) => `未达到办学标准的学校（${n}）`,
  failedChecks: (n: number) => `其他办学条件未达标（${n}）`,
  excluded: (n: number) => `未纳入计算（${n}）`,
  skipped: (n: number) => `未作为学校读取的行（${n}）`,
  issues: (n: number) => `数据问题（${n}）`,
  moreIssues: (n: number) => `……另有 ${n} 条，完整列表请用 --json 或 --out 生成的报告查看`,
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  row: (row: number) => `第 ${row} 行`,
  part: (name: string, stage: string) => `${name}（${stage}）`,
  verdict: (v: 'pass' | 'fail' | 'undecided') =>
    v === 'pass' ? '达标' : v === 'fail' ? '未达标' : '无法判定',
  countyPass: (profile: string) => `结论：达到${profile}要求`,
  countyFail: (profile: string, why: string) => `结论：未达到${profile}要求（${why}）`,
  countyUndecided: (profile: string, why: string) => `结论：无法判定是否达到${profile}要求（${why}）`,
  undecidedSchools: (n: number) => `缺数据、无法判定的学校（${n}）`,
  unknownCells: (cells: string[]) => `缺少 ${cells.join('、')}（不按 0 计算）`,
  outsideCells: (cells: string[], more: number) =>
    `以下单元格不属于学校表，未作为数据读取：${cells.join('、')}${more > 0 ? ` 等共 ${cells.length + more} 个` : ''}`,
  written: (out: string) => `已另存标注副本：${out}`,
  writtenFrom: (out: string, file: string) => `已另存标注副本：${out}（来自 ${file}）`,
  reportBeside: (kept: string, written: string) =>
    `  工作表${kept}不是本工具生成的（或生成后被修改过），在副本中原样保留；报告写入了${written}。`,
  manyColumns: ['文件', '工作表', '小学', '初中', '办学标准达标', '未纳入', '数据问题', '结论'],
  unreadable: '无法读取',
  totals: (files: number, passed: number, failed: number, unknown: number, unusable: number) =>
    `合计：${files} 个文件；达标 ${passed}，未达标 ${failed}${unknown ? `，无法判定 ${unknown}` : ''}${unusable ? `，无法读取 ${unusable}` : ''}`,
  progressFile: (i: number, n: number, file: string) => `[${i}/${n}] 正在读取 ${file} …`,
  progressEvaluate: (rows: number) => `  正在评估 ${rows} 行学校数据 …`,
  progressWrite: (out: string) => `  正在写入 ${out} …`,
  elapsed: (seconds: string) => `完成，用时 ${seconds} 秒`,
};

/** Every user-visible string of `balance plan`, in Chinese. */
export const planText = {
  usage: `用法：balance plan <文件.xlsx | 文件夹>… [选项]

整改测算：在只增加、不调配资源的前提下，算出每所学校最少需要增加多少教师、校舍面积、设备和教室，
使各校达到办学标准、各项差异系数不超过目标。

选项：
  --sheet 名称          指定工作表（默认：第一个能识别出学校数据表头的工作表）
  --profile 标准        auto（默认：按表中的数据列选优质均衡或基本均衡）、quality-2017（优质均衡）、basic-2012（基本均衡），或自定义标准 .json 文件
  --target 差异系数     各项差异系数的目标（默认：评估标准的阈值，如优质均衡小学 0.50、初中 0.45）
  --margin 系数         安全系数，目标乘以它，例如 0.9 表示留一成余量（默认 1）
  --floors 方式         standard：每校达到全部办学标准（默认）；rule：按“k 项达标、其余不低于 r”的规则逐校选最省的指标
  --costs 单价.json     各项资源的单价（元），如 {"生均体育运动场馆面积": 800, "qualifiedTeachersPer100": 120000}，
                        用于估算经费，并在 --floors rule 时按经费最省选择指标
  --out 文件.xlsx       另存一份副本，在原文件内容之外只增加“整改测算”工作表（只能用于一个文件；不会覆盖输入文件）
  --out-dir 文件夹      每个文件另存为“<原名>-整改测算.xlsx”到该文件夹（同名时加序号，不会覆盖输入文件）
  --json                以 JSON 输出结果（多个文件时为数组）
  --verbose             文件无法读取时，同时显示程序库给出的原始错误信息（供技术人员排查）
  -h, --help            显示本帮助

多个文件或文件夹：逐个测算（文件夹中的 .xlsx 文件按名称排序，跳过本工具生成的副本），最后给出汇总。

退出码：0 已完成测算；2 输入无法使用（文件缺失、损坏、找不到数据表、选项有误、副本无法写入等；多个文件时有一个即为 2）。

示例：
  npx balance plan assets/samples/示例县-优质均衡.xlsx --margin 0.9
  npx balance plan 各县数据/ --costs 单价.json --out-dir 整改测算/
`,
  noSuchFile: '找不到该文件',
  written: (out: string, file: string) => `已另存整改测算副本：${out}（来自 ${file}）`,
  sheetBeside: (kept: string, written: string) =>
    `  工作表${kept}不是本工具生成的（或生成后被修改过），在副本中原样保留；整改测算写入了${written}。`,
  manyDone: (files: number, planned: number, unusable: number) =>
    `共 ${files} 个文件：已测算 ${planned} 个` +
    (unusable > 0 ? `，${unusable} 个无法使用（原因见上）。` : '。'),
  noInput: '请指定要测算的 Excel 文件，例如：balance plan 学校数据.xlsx',
  badNumber: (option: string, value: string) => `选项 ${option} 的值“${value}”不是有效的数字。`,
  badTarget: (value: string) => `目标差异系数“${value}”无效：应为不小于 0 的数，例如 0.45。`,
  badMargin: (value: string) => `安全系数“${value}”无效：应为大于 0 的数，例如 0.9。`,
  badFloors: (value: string) => `--floors 只能是 standard 或 rule，而不是“${value}”。`,
  costsUnreadable: (file: string, reason: string) => `无法读取单价文件“${file}”（${reason}）。`,
  costsNotJson: (file: string, reason: string) => `单价文件“${file}”有误：${reason}`,
  costsInvalid: (file: string, errors: string[]) => `单价文件“${file}”有误：\n  ${errors.join('\n  ')}`,
  costsNotObject: '应为一个对象，键是指标名称或指标 id，值是单价（元）',
  costNotNumber: (key: string) => `“${key}”的单价应为不小于 0 的数`,
  title: (file: string, sheet: string) => `整改测算：${file}（工作表“${sheet}”）`,
  profile: (name: string) => `评估标准：${name}`,
  targetDefault: (stages: string, margin: string) =>
    `测算目标：各项差异系数不超过评估标准的阈值（${stages}）${margin}`,
  targetGiven: (target: string) => `测算目标：各项差异系数不超过 ${target}`,
  marginText: (margin: string) => ` × 安全系数 ${margin}`,
  floorsStandard: '办学标准：每所学校达到全部办学标准',
  floorsRule: (k: number, n: number, r: string) =>
    `办学标准：按“${n} 项中至少 ${k} 项达标、其余不低于标准的 ${r}”逐校选最省的指标`,
  stageHeading: PLAN_WORDS.stageHeading,
  columns: PLAN_WORDS.columns,
  costColumn: '估算经费（元）',
  noTarget: PLAN_WORDS.noTarget,
  composite: (before: string, after: string, threshold: string) =>
    `  综合差异系数：${before} → ${after}（≤${threshold}）`,
  stageCost: (cost: string) => `  估算经费合计：${cost} 元`,
  schoolsHeading: (n: number) => `  需增加资源的学校（${n}）`,
  moreSchools: (n: number) => `    ……另有 ${n} 所，完整清单请用 --json 查看`,
  row: (row: number) => `第 ${row} 行`,
  nothingToAdd: `  ${PLAN_WORDS.nothingToAdd}`,
  splitShare: PLAN_WORDS.splitShare,
  schoolPlansHeading: (n: number, priced: boolean) =>
    `逐校整改（按达标规则${priced ? '经费最省' : '提高项目最少'}）：未达到办学标准的学段 ${n} 个`,
  schoolPlan: (row: number, name: string, stage: string, note: string) =>
    `  第 ${row} 行  ${name}（${stage}）：${note}`,
  issues: (n: number) => `数据问题（${n}）`,
  moreIssues: (n: number) => `……另有 ${n} 条，完整列表请用 --json 查看`,
  severity: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  infeasible: PLAN_WORDS.infeasible,
  mixHeading: (target: string) => `  ${PLAN_WORDS.mixHeading(target)}：`,
  mixColumns: ['指标', '现差异系数', '组合中的目标', '需增加', '测算后', '费用（元）'],
  mixNote: (note: string) => `  ${note}`,
  mixSchools: `  ${PLAN_WORDS.mixSchools}`,
  perIndicator: (reason: string) => `  ${reason}`,
};

/** Every user-visible string of `balance forms`, in Chinese. */
export const formsText = {
  usage: `用法：balance forms <文件.xlsx | 文件夹>… --out-dir 文件夹 [选项]

生成申报表中可由学校数据填写的各表，每个县（每个输入文件）另存为一个新工作簿“原文件名-申报表.xlsx”，只含这些表：
  优质均衡：表Ⅱ-1 资源配置达标情况、表Ⅱ-2 学校资源配置情况、表Ⅲ 县域义务教育校际均衡情况；
  基本均衡：学校指标情况（未达标数值深色底纹、达标学校填 1）、校际差异系数。
工作表中没有的数据（如举办者类型、年级数）留空，并在表下注明，不会推算。原文件不会被修改。

选项：
  --out-dir 文件夹      新工作簿存放的文件夹（必填）
  --sheet 名称          指定工作表（默认：第一个能识别出学校数据表头的工作表）
  --profile 标准        auto（默认：按表中的数据列选优质均衡或基本均衡）、quality-2017（优质均衡）、basic-2012（基本均衡），或自定义标准 .json 文件
  --verbose             文件无法读取时，同时显示程序库给出的原始错误信息（供技术人员排查）
  -h, --help            显示本帮助

退出码：0 已生成；2 输入或输出无法使用（文件缺失、损坏、找不到数据表、输出位置不可写等）。

示例：
  npx balance forms assets/samples/示例县-优质均衡.xlsx --out-dir 申报表
`,
  noInput: '请指定要生成申报表的 Excel 文件或文件夹，例如：balance forms 学校数据.xlsx --out-dir 申报表',
  noOutDir: '请用 --out-dir 指定新工作簿存放的文件夹，例如：--out-dir 申报表',
  written: (out: string, file: string, sheets: string[]) =>
    `已生成申报表：${out}（来自 ${file}；${sheets.join('、')}）`,
};
