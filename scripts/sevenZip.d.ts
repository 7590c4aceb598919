/** Typings of sevenZip.js (the build's stored .7z writer) for tests. */
export interface SevenZipEntry {
  /** Relative name, '/' between folders. */
  name: string;
  /** The file's bytes; absent for a folder. */
  data?: Uint8Array;
}
export function crc32(bytes: Uint8Array): number;
export function sevenZip(entries: readonly SevenZipEntry[]): Uint8Array;
export function folderEntries(dir: string, root: string): SevenZipEntry[];
