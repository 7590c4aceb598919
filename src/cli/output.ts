/** Where marked copies may be written: never onto an input (by real path, inode or case-folded name), never through a symlink, never half-written. */
import { constants, promises as fs, type Stats } from 'node:fs';
import * as path from 'node:path';
import { messages } from './strings.zh-CN';

/** Largest input read, in bytes: a county's workbook is a few megabytes; beyond this it is not a school table. */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** A file's identity: the same file reached by another name (hard link, symlink, case variant) has the same one. */
export interface FileIdentity {
  dev: number;
  ino: number;
  /** The real path, case-folded where names are case-insensitive. */
  real: string;
}

/** Windows and macOS file systems ignore case by default; elsewhere names differ by case. */
export const CASE_INSENSITIVE_PLATFORM = process.platform === 'win32' || process.platform === 'darwin';

export const foldName = (p: string): string => (CASE_INSENSITIVE_PLATFORM ? p.toLowerCase() : p);

/** The identity of an existing file, following symlinks; null when it does not exist or cannot be read. */
export async function identityOf(file: string): Promise<FileIdentity | null> {
  try {
    const stat = await fs.stat(file);
    return { dev: stat.dev, ino: stat.ino, real: foldName(await fs.realpath(file)) };
  } catch {
    return null;
  }
}

export const sameFile = (a: FileIdentity, b: FileIdentity): boolean =>
  (a.dev === b.dev && a.ino === b.ino) || a.real === b.real;

/** Why `out` must not be written, in Chinese, or null when it may be. */
export async function refuseOutput(out: string, inputs: readonly FileIdentity[]): Promise<string | null> {
  let link: Stats | null = null;
  try {
    link = await fs.lstat(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null; // the write itself will say why
  }
  if (link?.isSymbolicLink()) return messages.outIsSymlink(out);
  if (link && !link.isFile()) return messages.outNotAFile(out);
  // A name not yet taken can still be the input's: its folder may be reached through a link.
  const dir = await fs.realpath(path.dirname(path.resolve(out))).catch(() => path.dirname(path.resolve(out)));
  const real = foldName(path.join(dir, path.basename(out)));
  const existing = link ? await identityOf(out) : null;
  const target: FileIdentity = existing ?? { dev: -1, ino: -1, real };
  if (inputs.some((i) => sameFile(i, target) || i.real === real)) return messages.outIsInput(out);
  return null;
}

/** The temporary name a copy is written under before it is renamed into place (in the same folder, so rename is atomic). */
export function temporaryPathFor(out: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
}

/**
 * Writes the bytes `produce` gives to a new temporary file beside `out`, then renames it over `out`: a failure at any
 * step leaves no file behind and an existing `out` as it was. The temporary file is created exclusively, so an
 * existing file or link at that name is never written through.
 */
export async function writeAtomically(out: string, produce: () => Promise<Uint8Array>): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const temporary = temporaryPathFor(out);
  const handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    try {
      await handle.writeFile(await produce());
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, out);
  } catch (e) {
    await fs.rm(temporary, { force: true });
    throw e;
  }
}

export type InputBytes =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; problem: 'missingFile' | 'notAFile' | 'tooLarge'; message: string };

/**
 * Reads an input file only if it is a regular file under the size cap: a FIFO would block a plain read forever and a
 * device such as /dev/zero never ends, so the file is opened without blocking and checked before any byte is read.
 */
export async function readInput(file: string, maxBytes = MAX_INPUT_BYTES): Promise<InputBytes> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, problem: 'missingFile', message: messages.missingFile(file) };
    if (code === 'EISDIR') return { ok: false, problem: 'notAFile', message: messages.notAFile(file) };
    return { ok: false, problem: 'missingFile', message: messages.unreadableFile(file, code ?? String(e)) };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, problem: 'notAFile', message: messages.notAFile(file) };
    if (stat.size > maxBytes) {
      return { ok: false, problem: 'tooLarge', message: messages.tooLarge(file, stat.size, maxBytes) };
    }
    return { ok: true, bytes: await handle.readFile() };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: 'missingFile', message: messages.unreadableFile(file, code ?? String(e)) };
  } finally {
    await handle.close();
  }
}
