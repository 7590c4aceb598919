/**
 * Workbooks the user gives the page: picked (one, several, or a folder) or dropped (files or folders). Only .xlsx
 * files are taken; Excel's ~$ lock files and our own outputs are skipped, as `balance check` skips them in folders.
 */
import { FORMS_SUFFIX, MARKED_SUFFIX } from './batch';

export interface GivenFile {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface Gathered {
  files: File[];
  /** Names of files that are not .xlsx workbooks (shown, then ignored). */
  skipped: string[];
}

function isWorkbook(name: string): boolean {
  return (
    /\.xlsx$/i.test(name) &&
    !name.startsWith('~$') &&
    !name.endsWith(MARKED_SUFFIX) &&
    !name.endsWith(FORMS_SUFFIX)
  );
}

/** Splits what was given into workbooks and the rest, workbooks sorted by name (as the CLI sorts a folder). */
export function gather(files: readonly File[]): Gathered {
  const kept = files.filter((f) => isWorkbook(f.name));
  const skipped = files
    .filter((f) => !isWorkbook(f.name) && !f.name.startsWith('~$') && !f.name.startsWith('.'))
    .map((f) => f.name);
  kept.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { files: kept, skipped };
}

export async function readGiven(file: File): Promise<GivenFile> {
  const buffer = await readBuffer(file);
  return { name: file.name, size: file.size, bytes: new Uint8Array(buffer) };
}

/** File.arrayBuffer where the browser has it, FileReader otherwise. */
function readBuffer(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

/** The files of a drop, folders walked (Chromium and Firefox both give entries through webkitGetAsEntry). */
export async function droppedFiles(data: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(data.items ?? [])) {
    const entry = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
  }
  if (entries.length === 0) return Array.from(data.files ?? []);
  const out: File[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File | null>((resolve) =>
      (entry as FileSystemFileEntry).file(resolve, () => resolve(null)),
    );
    if (file) out.push(file);
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives at most 100 entries a call: read until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve) =>
      reader.readEntries(resolve, () => resolve([])),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}
