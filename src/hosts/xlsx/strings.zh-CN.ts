/** Why a workbook file cannot be used, in Chinese: shared by every entry that opens .xlsx files (CLI, web page). */

const list = (names: string[]): string => (names.length ? names.map((n) => `“${n}”`).join('、') : '（无）');

export const messages = {
  emptyFile: (file: string) => `“${file}”是空文件（0 字节），不是 Excel 工作簿。`,
  notXlsx: (file: string) =>
    `“${file}”不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 中打开它，另存为“Excel 工作簿(*.xlsx)”后再试。`,
  legacyXls: (file: string) =>
    `“${file}”是旧版 Excel 97-2003 工作簿（.xls），本工具只能读取 .xlsx。请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”后再试。`,
  encrypted: (file: string) =>
    `“${file}”设置了打开密码（文件已加密），无法读取。请在 Excel 中打开，依次点“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码并保存后再试。`,
  corrupt: (file: string, cause: string) =>
    `“${file}”已损坏或不完整，无法作为 Excel 工作簿打开：${cause}。请用 Excel 或 WPS 打开确认，必要时重新导出或重新拷贝。`,
  zipDamaged: '文件的压缩结构已损坏（常见于下载或拷贝中断、文件被截断）',
  partDamaged: '工作簿内部的某个部分内容有误（文件可能被其他程序改坏）',
  unknownDamage: '文件内容无法解读',
  partMissing: (file: string) =>
    `“${file}”缺少工作簿的主体部分，文件不完整，无法作为 Excel 工作簿打开。请用 Excel 或 WPS 打开确认，必要时重新导出。`,
  zipEncrypted: (file: string) =>
    `“${file}”的内容被加密（压缩包设置了密码），无法读取。请提供未加密的 .xlsx 文件。`,
  zipNotXlsx: (file: string) =>
    `“${file}”是一个压缩包，但不是 Excel 工作簿（.xlsx）。请确认选对了文件，或在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”后再试。`,
  formulaNotCalculated: (place: string) => `${place}：公式未计算，请在 Excel/WPS 中打开并保存后再试`,
  emptyWorkbook: (file: string) => `“${file}”中没有任何数据（工作簿为空）。`,
  sheetNotFound: (file: string, sheet: string, sheets: string[]) =>
    `“${file}”中没有名为“${sheet}”的工作表。现有工作表：${list(sheets)}。`,
  noTable: (file: string, sheets: string[]) =>
    `“${file}”的工作表 ${list(sheets)} 中都没有找到学校数据表：需要一行表头，至少包含“学校名称”和“在校生数”等列。可以用 --sheet 指定工作表，或参照 assets/templates/学校数据模板.xlsx 整理表头。`,
};
