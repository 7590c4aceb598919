/**
 * The zip container of an .xlsx, read from its central directory and written back entry by entry: an entry that is
 * not changed is copied with its compressed bytes as they were, so a patched package differs only where it must.
 * fflate does the (de)compression; it runs in Node and in browsers alike.
 */
import { Deflate, deflateSync, inflateSync } from 'fflate';
import { concatBytes } from './bytes';

/**
 * The (de)compression and checksum the package uses. fflate and a table CRC by default, in Node and browsers alike;
 * the CLI swaps in node:zlib, several times faster on a big marked copy (see useZipCodec).
 */
export interface ZipCodec {
  /** Raw deflate data → its `size` bytes. */
  inflate(raw: Uint8Array, size: number): Uint8Array;
  /** Bytes → raw deflate data (fast over small: the copy is written once and zipped again by Excel on save). */
  deflate(data: Uint8Array): Uint8Array;
  /** The CRC-32 of `data`, or of the bytes before it (whose CRC is `crc`) followed by it. */
  crc32(data: Uint8Array, crc?: number): number;
  /**
   * A raw deflate stream fed piece by piece, handing its compressed bytes to `out` as they come (the pieces, joined,
   * are one valid deflate stream); `push` must not keep `data`, which the caller reuses.
   */
  deflateStream(out: (raw: Uint8Array) => void): { push(data: Uint8Array, last: boolean): void };
}

const FFLATE_CODEC: ZipCodec = {
  inflate: (raw, size) => inflateSync(raw, { out: new Uint8Array(size) }),
  deflate: (data) => deflateSync(data, { level: 1 }),
  crc32: tableCrc32,
  deflateStream: (out) => {
    // fflate copies each pushed chunk into its own window before compressing it.
    const stream = new Deflate({ level: 1 }, (raw) => out(raw));
    return { push: (data, last) => stream.push(data, last) };
  },
};

let codec: ZipCodec = FFLATE_CODEC;

/** Replaces parts of the codec (all of it back to fflate when called without one). */
export function useZipCodec(replacement?: Partial<ZipCodec>): void {
  codec = { ...FFLATE_CODEC, ...replacement };
}

/** One stored file of the package. `raw` is the compressed data exactly as in the input. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  raw: Uint8Array;
  /** MS-DOS time and date of the entry, kept when copied. */
  time: number;
  date: number;
}

/** Why the container cannot be read (the caller words it in Chinese). */
export class ZipError extends Error {
  constructor(
    readonly reason: 'noDirectory' | 'truncated' | 'method' | 'data',
    detail: string,
  ) {
    super(detail);
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8');
/** Names without the UTF-8 flag are CP437 in theory; every tool that writes .xlsx uses ASCII part names anyway. */
const latin1 = new TextDecoder('latin1');

/** Lists the entries of a zip file from its central directory (zip64 included). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('noDirectory', 'end of central directory not found');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (
    (count === 0xffff || offset === 0xffffffff) &&
    eocd >= 20 &&
    view.getUint32(eocd - 20, true) === EOCD64_LOCATOR
  ) {
    const at = Number(view.getBigUint64(eocd - 12, true));
    if (at + 56 > bytes.length) throw new ZipError('truncated', 'zip64 directory out of range');
    count = Number(view.getBigUint64(at + 32, true));
    offset = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw new ZipError('truncated', `central directory entry ${n + 1} damaged`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    let compressed = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    let local = view.getUint32(p + 42, true);
    const name = (flags & 0x800 ? utf8 : latin1).decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // zip64: the extra field holds the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = view.getUint16(e, true);
      const length = view.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (compressed === 0xffffffff) {
          compressed = Number(view.getBigUint64(q, true));
          q += 8;
        }
        if (local === 0xffffffff) local = Number(view.getBigUint64(q, true));
      }
      e += 4 + length;
    }
    p += 46 + nameLength + extraLength + commentLength;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new ZipError('truncated', `${name}: local header missing`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressed > bytes.length) throw new ZipError('truncated', `${name}: data cut off`);
    if (name.endsWith('/')) continue;
    entries.push({ name, method, crc, size, raw: bytes.subarray(start, start + compressed), time, date });
  }
  return entries;
}

/** The entry's uncompressed bytes. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.method === 0) return entry.raw;
  if (entry.method !== 8) throw new ZipError('method', `${entry.name}: compression method ${entry.method}`);
  let data: Uint8Array;
  try {
    data = codec.inflate(entry.raw, entry.size);
  } catch (e) {
    throw new ZipError('data', `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Damage that still inflates shows in the checksum; reading on would hand the engine garbage.
  if (data.length !== entry.size || codec.crc32(data) !== entry.crc)
    throw new ZipError('data', `${entry.name}: CRC`);
  return data;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  return codec.crc32(data);
}

function tableCrc32(data: Uint8Array, crc = 0): number {
  let c = crc ^ -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A new entry written piece by piece and compressed as it comes: a big part (the notes of 20,000 schools, a report
 * sheet of 35 MB) is never held whole, uncompressed. `write` does not keep the bytes it is given.
 */
export class EntryWriter {
  private crc = 0;
  private size = 0;
  private readonly raw: Uint8Array[] = [];
  private readonly stream: { push(data: Uint8Array, last: boolean): void };

  constructor(
    readonly name: string,
    /** The entry this one replaces: its time and date are kept. */
    private readonly like?: ZipEntry,
  ) {
    this.stream = codec.deflateStream((raw) => this.raw.push(raw));
  }

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.crc = codec.crc32(bytes, this.crc);
    this.size += bytes.length;
    this.stream.push(bytes, false);
  }

  /** The entry, once everything is written. */
  finish(): ZipEntry {
    this.stream.push(new Uint8Array(0), true);
    const raw = concatBytes(this.raw);
    this.raw.length = 0;
    return {
      name: this.name,
      method: 8,
      crc: this.crc,
      size: this.size,
      raw,
      time: this.like?.time ?? 0,
      date: this.like?.date ?? 0x21,
    };
  }
}

/** A new or changed entry, compressed here. */
export function deflateEntry(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
  return {
    name,
    method: 8,
    crc: crc32(data),
    size: data.length,
    raw: codec.deflate(data),
    time: like?.time ?? 0,
    date: like?.date ?? 0x21, // 1980-01-01: the same bytes for the same content, run after run
  };
}

/** Writes the entries, in order, as one zip file (no zip64: a workbook of 4 GB is not a county's school table). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + 46 + 2 * names[i].length + e.raw.length));
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 0x800, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.raw.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    view.setUint32(p, CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, 0x800, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}
