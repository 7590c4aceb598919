/** Saves bytes as a file the browser downloads: a Blob behind a temporary link (no server, works from file://). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function download(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Firefox starts the download after the click returns: let the URL live a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** “示例县.xlsx” + “-评估结果.xlsx” → “示例县-评估结果.xlsx”. */
export function outputName(fileName: string, suffix: string): string {
  return fileName.replace(/\.xlsx$/i, '') + suffix;
}
