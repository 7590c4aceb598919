// User-visible strings of the web page around the pane (zh-CN, the master list; strings.en.ts must match it).
import type { Unusable } from './unusable';

const num = (n: number) => n.toLocaleString('zh-CN');

export const webZhCN = {
  pageTitle: '均衡评估助手（网页版）',
  privacy: '本页面不联网，工作簿不会上传：所有计算都在这台电脑的浏览器里完成。',
  intro:
    '不需要安装 Excel 或加载项：选择学校数据工作簿（.xlsx），即可检查差异系数与学校达标情况、查看诊断与整改测算，并下载标注副本和申报表。',
  choose: '选择工作簿',
  chooseFolder: '选择文件夹',
  dropHint: '或把工作簿（可多个）或文件夹拖到本页面',
  dropHere: '松开鼠标即可打开',
  reading: (name: string) => `正在读取“${name}”…`,
  notXlsx: (names: string) => `只能打开 .xlsx 工作簿，已忽略：${names}`,
  noXlsx:
    '没有找到 .xlsx 工作簿。请选择 Excel 工作簿（.xlsx），旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。',
  cannotOpen: (name: string, why: string) => `无法打开“${name}”：${why}`,
  downloadMarked: '下载标注副本',
  downloadForms: '下载申报表',
  downloadNeedsCheck: '先点“检查并标注”，再下载标注副本和申报表。',
  downloaded: (name: string) => `已生成“${name}”，请在浏览器的下载中查看。`,
  otherFile: '换一个工作簿',
  backToList: '返回县列表',
  previewTitle: (sheet: string) => `工作表“${sheet}”预览（只读）`,
  previewHint: '带颜色的单元格是评估助手的标注；指向或点击单元格可查看说明。',
  previewRows: (rows: number, marks: number) => `共 ${num(rows)} 行，${num(marks)} 个标注单元格`,
  previewEmpty: '工作表为空。',
  noteOf: (address: string) => `${address} 的说明`,
  noNoteSelected: '指向或点击带颜色的单元格，这里显示它的说明。',
  settingsLocal: '本工作簿的列对应和标准选择保存在本浏览器中（按文件名和大小区分）。',

  // City and province offices: several workbooks at once.
  batchTitle: (n: number) => `县列表（${num(n)} 个工作簿）`,
  batchChecking: (done: number, total: number) => `正在检查 ${num(done)} / ${num(total)}…`,
  batchHint: '点击列标题排序；点击“打开”在评估助手中查看某个县。',
  colFile: '工作簿',
  colSheet: '工作表',
  colProfile: '标准',
  colSchools: '学校数',
  colIssues: '数据问题',
  colVerdict: '县域结论',
  open: '打开',
  verdictText: { pass: '达标', fail: '未达标', undecided: '无法判定', unusable: '无法使用' },
  downloadAll: '下载全部标注副本和汇总表（zip）',
  zipName: '均衡评估结果.zip',
  summarySheet: '县域汇总',
  summaryTitle: '县域均衡评估汇总',
  summaryNote: (date: string) => `由均衡评估助手（网页版）生成于 ${date}。各县的标注副本在同一压缩包中。`,
  summaryMarkedCopy: '标注副本',
  summaryReason: '说明',
  sortedBy: (column: string, ascending: boolean) => `按${column}${ascending ? '升序' : '降序'}排列`,
  /** The county list's 评估标准 column: the standard's name (a custom one's as its author wrote it). */
  profileName: (_id: string, name: string) => name,
  /** Why a workbook of the county list cannot be evaluated: the reader's own Chinese message. */
  unusableReason: (r: Unusable) => r.message,
};

export type WebStrings = typeof webZhCN;
