// Generates the add-in icons (a balance scale in #0F6CBD on white) as PNGs; `node scripts/icons.js` rewrites assets/.
/* global Buffer */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** Sizes the manifest uses: 16/32/80 for the ribbon, 32 IconUrl, 64 HighResolutionIconUrl. */
const ICON_SIZES = [16, 32, 64, 80];
const BRAND = [0x0f, 0x6c, 0xbd];
const SUPERSAMPLING = 8;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** Encodes 8-bit RGB pixels (row-major, 3 bytes each) as a PNG: no filters, one zlib stream. */
function encodePng(width, height, rgb) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0; // filter: none
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Squared distances and plain comparisons instead of Math.* calls: exact to reproduce, and Math calls are slow
// inside jest's vm context, where the icon test renders every size.
function within(dx, dy, radius) {
  return dx * dx + dy * dy <= radius * radius;
}

function nearSegment(px, py, ax, ay, bx, by, radius) {
  const dx = bx - ax;
  const dy = by - ay;
  let t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  return within(px - (ax + t * dx), py - (ay + t * dy), radius);
}

/**
 * The mark in unit coordinates (y down); `line` and `post` are stroke widths in the same units.
 */
function insideMark(x, y, line, post) {
  const fromCentre = x - 0.5;
  if (fromCentre >= -post / 2 && fromCentre <= post / 2 && y >= 0.2 && y <= 0.84) return true; // post
  if (x >= 0.28 && x <= 0.72 && y >= 0.8 && y <= 0.88) return true; // foot
  if (x >= 0.12 && x <= 0.88 && y >= 0.27 - line * 0.9 && y <= 0.27 + line * 0.9) return true; // beam
  if (within(x - 0.5, y - 0.2, 0.075)) return true; // pivot
  for (const cx of [0.16, 0.84]) {
    if (nearSegment(x, y, cx, 0.27, cx - 0.11, 0.58, line / 2)) return true; // strings
    if (nearSegment(x, y, cx, 0.27, cx + 0.11, 0.58, line / 2)) return true;
    if (y >= 0.58 && within(x - cx, y - 0.58, 0.14)) return true; // pan (lower half disc)
  }
  return false;
}

/** Renders the icon at `size`×`size` pixels and returns the PNG bytes (deterministic). */
function renderIcon(size) {
  const rgb = Buffer.alloc(size * size * 3);
  // Strokes never get thinner than about one pixel, so the 16 px icon still reads as a scale, not a grey smudge.
  const line = Math.max(0.035, 1.1 / size);
  const post = Math.max(0.07, 1.6 / size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          if (insideMark(x, y, line, post)) covered++;
        }
      }
      const coverage = covered / (SUPERSAMPLING * SUPERSAMPLING);
      for (let c = 0; c < 3; c++) {
        rgb[(py * size + px) * 3 + c] = Math.round(255 + (BRAND[c] - 255) * coverage);
      }
    }
  }
  return encodePng(size, size, rgb);
}

function iconPath(size) {
  return path.join(__dirname, '..', 'assets', `icon-${size}.png`);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    fs.writeFileSync(iconPath(size), renderIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), iconPath(size))}`);
  }
}

module.exports = { ICON_SIZES, renderIcon, encodePng, crc32, iconPath };
