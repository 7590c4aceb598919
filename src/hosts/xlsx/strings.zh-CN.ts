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
  corrupt: (file: string, detail: string) =>
    `“${file}”已损坏或不完整，无法作为 Excel 工作簿打开（${detail}）。请用 Excel 打开确认，必要时重新导出。`,
  /** A zip package that holds no workbook: a Word or PowerPoint file, or some other archive, renamed. */
  zipNotWorkbook: (file: string, kind: 'word' | 'ppt' | '') =>
    `“${file}”不是 Excel 工作簿（.xlsx）：它${kind === 'word' ? '是 Word 文档' : kind === 'ppt' ? '是 PowerPoint 演示文稿' : '是一个压缩包，但里面没有工作簿'}。请在 Excel 或 WPS 中打开学校数据表，另存为“Excel 工作簿(*.xlsx)”后再试。`,
  /** The detail inside corrupt(): what exactly is broken. */
  zipNoDirectory: '压缩包的目录缺失，文件可能只下载或复制了一部分',
  zipTruncated: '压缩包结构损坏，文件可能被截断或改坏',
  zipData: '压缩数据损坏，无法解压（文件可能在拷贝或下载中出错）',
  /** A missing part named by what it is for, not by its path (the path goes to --verbose). */
  partMissing: (part: string) =>
    `缺少${
      /workbook\.xml$/i.test(part)
        ? '工作簿主体部分'
        : /_rels\//i.test(part)
          ? '部件关系表'
          : /worksheets\//i.test(part)
            ? '工作表数据部分'
            : /sharedStrings/i.test(part)
              ? '共享文本部分'
              : /styles/i.test(part)
                ? '样式部分'
                : '内部组成部分'
    }，文件不完整`,
  emptyWorkbook: (file: string) => `“${file}”中没有任何数据（工作簿为空）。`,
  sheetNotFound: (file: string, sheet: string, sheets: string[]) =>
    `“${file}”中没有名为“${sheet}”的工作表。现有工作表：${list(sheets)}。`,
  noTable: (file: string, sheets: string[]) =>
    `“${file}”的工作表 ${list(sheets)} 中都没有找到学校数据表：需要一行表头，至少包含“学校名称”和“在校生数”等列。可以用 --sheet 指定工作表，或参照 assets/templates/学校数据模板.xlsx 整理表头。`,
};
