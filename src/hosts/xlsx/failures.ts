/** Turns what the zip and XML libraries throw on a damaged .xlsx into a cause a user can act on, in Chinese. */
import { messages } from './strings.zh-CN';

/** What went wrong with a package the libraries could not read; the raw text stays for --verbose. */
export type LoadFailure = {
  problem: 'corrupt' | 'encrypted' | 'notXlsx' | 'partMissing';
  message: string;
  detail: string;
};

const ZIP_DAMAGE =
  /central directory|end of data|corrupted zip|size mismatch|unexpected signature|invalid (stored|distance|code|block|literal)|incorrect header check|unexpected end|too many length|crc32|relative offset/i;
const XML_DAMAGE =
  /^\d+:\d+:|close tag|attribute|root|xml|text data outside|unencoded|unexpected character|invalid character/i;

/** The failure behind an exception from opening the package; `bytes` tells a zip that is not a workbook at all. */
export function explainLoadFailure(error: unknown, bytes: Uint8Array, file: string): LoadFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (/encrypted zip/i.test(detail))
    return { problem: 'encrypted', message: messages.zipEncrypted(file), detail };
  if (ZIP_DAMAGE.test(detail))
    return { problem: 'corrupt', message: messages.corrupt(file, messages.zipDamaged), detail };
  const missing = missingPart(bytes, file);
  if (missing) return { ...missing, detail: `${missing.detail}; ${detail}` };
  if (XML_DAMAGE.test(detail))
    return { problem: 'corrupt', message: messages.corrupt(file, messages.partDamaged), detail };
  return { problem: 'corrupt', message: messages.corrupt(file, messages.unknownDamage), detail };
}

const WORKBOOK_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

/**
 * The entry names of a zip from its central directory (the names a reader goes by; a part's text may mention a name
 * that is not there), or null when the directory cannot be found.
 */
export function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535 bytes.
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const count = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    const names = new Set<string>();
    const decoder = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      names.add(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return null;
}

/**
 * A zip without a workbook's essential parts: not a workbook at all when nothing is under xl/, else a workbook with
 * a part missing; null when both parts are there.
 */
export function missingPart(
  bytes: Uint8Array,
  file: string,
): { problem: 'notXlsx' | 'partMissing'; message: string; detail: string } | null {
  const names = zipEntryNames(bytes);
  const missing = WORKBOOK_PARTS.filter((p) => !names?.has(p));
  if (names === null || missing.length === 0) return null;
  const detail = `missing ${missing.join(', ')}`;
  return [...names].some((n) => n.startsWith('xl/'))
    ? { problem: 'partMissing', message: messages.partMissing(file), detail }
    : { problem: 'notXlsx', message: messages.zipNotXlsx(file), detail };
}
