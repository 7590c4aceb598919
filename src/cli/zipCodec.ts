/** node:zlib for the package's zip entries: native inflate, deflate and CRC-32, several times faster than fflate's. */
import * as zlib from 'node:zlib';
import { useZipCodec } from '../hosts/xlsx/package/zip';

/** Node 20.15+ has zlib.crc32; older Node keeps the table CRC. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export function useNodeZlib(): void {
  useZipCodec({
    // One output chunk one byte longer than the entry: inflated in one call, its bytes handed on without the copy
    // that joining 16 KB chunks makes (7 MB for a 20,000-school sheet); a longer output still fails at maxOutputLength.
    inflate: (raw, size) => {
      const out = zlib.inflateRawSync(raw, {
        maxOutputLength: Math.max(size, 1),
        chunkSize: Math.max(size + 1, zlib.constants.Z_MIN_CHUNK),
      });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
    // Level 1: the copy is written once and zipped again by Excel on save; speed matters more than a few per cent.
    deflate: (data) => {
      const out = zlib.deflateRawSync(data, { level: 1 });
      return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    },
    // Each piece its own deflate stream ended by a sync flush (byte-aligned, not final), the last one finished: joined,
    // they are one valid stream (the technique of pigz); a piece refers back only within itself, which costs little
    // at the sink's 1 MB pieces.
    deflateStream: (out) => ({
      push: (data, last) => {
        const raw = zlib.deflateRawSync(data, {
          level: 1,
          finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
        });
        out(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
      },
    }),
    ...(nativeCrc32 ? { crc32: (data: Uint8Array, crc?: number) => nativeCrc32(data, crc ?? 0) >>> 0 } : {}),
  });
}
