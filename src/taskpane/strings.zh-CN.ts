// User-visible strings of the task pane in Chinese (zh-CN), the master list every other language must match.

export const zhCN = {
  /** BCP 47 tag for <html lang> and Intl formatting. */
  lang: 'zh-CN',
  appTitle: '均衡评估助手',
  appSubtitle: '县域义务教育均衡发展督导评估：差异系数与学校达标核查',
  officeUnavailable: '未能加载 Office.js。请在 Excel 中打开本加载项，并确认网络可以访问 Office 加载项服务。',
};

/** The shape every language file has (keys of the zh-CN master). */
export type Strings = typeof zhCN;
