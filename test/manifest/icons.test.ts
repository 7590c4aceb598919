// Icons: committed PNGs are exactly what scripts/icons.js draws, at the sizes the manifest references.
import fs from 'fs';
import zlib from 'zlib';
import { crc32, ICON_SIZES, iconPath, renderIcon } from '../../scripts/icons';

interface Png {
  width: number;
  height: number;
  colourType: number;
  pixels: Buffer;
}

/** Minimal PNG reader for what scripts/icons.js writes: checks every chunk's CRC, inflates IDAT. */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(
      crc32(bytes.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error('no IHDR');
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    colourType: header[9],
    pixels: zlib.inflateSync(Buffer.concat(data)),
  };
}

test('the manifest sizes 16, 32, 64 and 80 exist under assets/ as square PNGs of that size', () => {
  expect(ICON_SIZES).toEqual([16, 32, 64, 80]);
  for (const size of ICON_SIZES) {
    const png = readPng(fs.readFileSync(iconPath(size)));
    expect([png.width, png.height, png.colourType]).toEqual([size, size, 2]);
    expect(png.pixels.length).toBe(size * (size * 3 + 1));
  }
});

test('the committed icons are reproducible: `npm run icons` would write the same bytes', () => {
  for (const size of ICON_SIZES) {
    expect(renderIcon(size).equals(fs.readFileSync(iconPath(size)))).toBe(true);
  }
});

test('the mark is #0F6CBD on white: corners white, the post centre brand blue', () => {
  const size = 80;
  const { pixels } = readPng(renderIcon(size));
  const at = (x: number, y: number) => {
    const i = y * (size * 3 + 1) + 1 + x * 3;
    return [pixels[i], pixels[i + 1], pixels[i + 2]];
  };
  expect(at(0, 0)).toEqual([255, 255, 255]);
  expect(at(size - 1, size - 1)).toEqual([255, 255, 255]);
  expect(at(size / 2, Math.round(size * 0.5))).toEqual([0x0f, 0x6c, 0xbd]);
});
