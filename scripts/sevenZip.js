// A minimal .7z writer (stored, "Copy" method) for the offline WPS package: no 7-Zip needed to build.
//
// Follows 7zFormat.txt of the 7-Zip SDK (DOC/7zFormat.txt, the same text in every 7-Zip/LZMA SDK since 9.20):
//   - "7z format headers": SignatureHeader = Signature '7z\xBC\xAF\x27\x1C', ArchiveVersion {0, 4},
//     StartHeaderCRC (UINT32 over the next 20 bytes), StartHeader {NextHeaderOffset UINT64 (from the end of the
//     32-byte signature header), NextHeaderSize UINT64, NextHeaderCRC UINT32}; then the packed streams; then Header.
//   - "7z Number": NUMBER's first byte says by its leading 1 bits how many little-endian bytes follow.
//   - "Property IDs": kEnd 0x00, kHeader 0x01, kMainStreamsInfo 0x04, kFilesInfo 0x05, kPackInfo 0x06,
//     kUnPackInfo 0x07, kSubStreamsInfo 0x08, kSize 0x09, kCRC 0x0A, kFolder 0x0B, kCodersUnPackSize 0x0C,
//     kEmptyStream 0x0E, kEmptyFile 0x0F, kName 0x11, kWinAttributes 0x15.
//   - "PackInfo", "Folder" (one coder: flag byte 0x01 = 1-byte codec id, simple coder, no properties; id 0x00 is
//     Copy in Methods.txt), "CodersInfo" (External 0, unpack size per folder), "SubStreams Info" (one stream per
//     folder, so only the digests), "FilesInfo" (bit vectors MSB first; names UTF-16LE, NUL-terminated, '/' between
//     folders; attributes FILE_ATTRIBUTE_DIRECTORY 0x10 / FILE_ATTRIBUTE_ARCHIVE 0x20).
// Each file is its own folder and pack stream, stored as is; folders and empty files have no stream.
'use strict';

const fs = require('fs');
const path = require('path');

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE 802.3, the one 7z and zip use). */
function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 7z NUMBER: values below 2^53 are enough for any package here. */
function number(value) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`7z: bad number ${value}`);
  for (let extra = 0; extra < 8; extra++) {
    if (value < 2 ** (7 * (extra + 1))) {
      const high = Math.floor(value / 2 ** (8 * extra));
      const first = ((0xff << (8 - extra)) & 0xff) | high;
      const out = [first];
      let low = value % 2 ** (8 * extra);
      for (let i = 0; i < extra; i++) {
        out.push(low % 256);
        low = Math.floor(low / 256);
      }
      return out;
    }
  }
  const out = [0xff];
  let v = value;
  for (let i = 0; i < 8; i++) {
    out.push(v % 256);
    v = Math.floor(v / 256);
  }
  return out;
}

function uint32(value) {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function uint64(value) {
  const out = [];
  let v = value;
  for (let i = 0; i < 8; i++) {
    out.push(v % 256);
    v = Math.floor(v / 256);
  }
  return out;
}

/** Bit vector, most significant bit first, padded to whole bytes. */
function bits(flags) {
  const out = new Array(Math.ceil(flags.length / 8)).fill(0);
  flags.forEach((on, i) => {
    if (on) out[i >> 3] |= 0x80 >> (i & 7);
  });
  return out;
}

function property(id, body) {
  return [id, ...number(body.length), ...body];
}

/**
 * A .7z archive of `entries` in order: { name: 'folder/file.txt', data: Uint8Array } for a file,
 * { name: 'folder' } (no data) for a folder. Names use '/' and are relative.
 */
function sevenZip(entries) {
  const streams = entries.filter((e) => e.data && e.data.length > 0);
  const header = [0x01];
  if (streams.length > 0) {
    header.push(0x04);
    // PackInfo: pack streams start right after the signature header.
    header.push(0x06, ...number(0), ...number(streams.length), 0x09);
    for (const s of streams) header.push(...number(s.data.length));
    header.push(0x00);
    // CodersInfo: one Copy folder per stream.
    header.push(0x07, 0x0b, ...number(streams.length), 0x00);
    for (let i = 0; i < streams.length; i++) header.push(...number(1), 0x01, 0x00);
    header.push(0x0c);
    for (const s of streams) header.push(...number(s.data.length));
    header.push(0x00);
    // SubStreamsInfo: one stream per folder, so only the CRCs.
    header.push(0x08, 0x0a, 0x01);
    for (const s of streams) header.push(...uint32(crc32(s.data)));
    header.push(0x00);
    header.push(0x00);
  }
  header.push(0x05, ...number(entries.length));
  const empty = entries.map((e) => !e.data || e.data.length === 0);
  if (empty.some(Boolean)) {
    header.push(...property(0x0e, bits(empty)));
    const emptyFiles = entries.filter((_, i) => empty[i]).map((e) => e.data !== undefined);
    if (emptyFiles.some(Boolean)) header.push(...property(0x0f, bits(emptyFiles)));
  }
  const names = [0x00];
  for (const e of entries) {
    const name = e.name.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
    for (let i = 0; i < name.length; i++) names.push(name.charCodeAt(i) & 0xff, name.charCodeAt(i) >>> 8);
    names.push(0, 0);
  }
  header.push(...property(0x11, names));
  const attributes = [0x01, 0x00];
  for (const e of entries) attributes.push(...uint32(e.data === undefined ? 0x10 : 0x20));
  header.push(...property(0x15, attributes));
  header.push(0x00, 0x00);

  const packed = streams.reduce((n, s) => n + s.data.length, 0);
  const headerBytes = Uint8Array.from(header);
  const start = [...uint64(packed), ...uint64(headerBytes.length), ...uint32(crc32(headerBytes))];
  const signature = [
    0x37,
    0x7a,
    0xbc,
    0xaf,
    0x27,
    0x1c,
    0x00,
    0x04,
    ...uint32(crc32(Uint8Array.from(start))),
    ...start,
  ];

  const out = new Uint8Array(32 + packed + headerBytes.length);
  out.set(signature, 0);
  let at = 32;
  for (const s of streams) {
    out.set(s.data, at);
    at += s.data.length;
  }
  out.set(headerBytes, at);
  return out;
}

/** The entries of a folder on disk under `root` (the name it gets in the archive), folders before their files. */
function folderEntries(dir, root) {
  const entries = [{ name: root }];
  for (const name of fs.readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const inner = `${root}/${name}`;
    if (fs.statSync(full).isDirectory()) entries.push(...folderEntries(full, inner));
    else entries.push({ name: inner, data: new Uint8Array(fs.readFileSync(full)) });
  }
  return entries;
}

module.exports = { crc32, sevenZip, folderEntries };
