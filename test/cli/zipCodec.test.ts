// node:zlib under the package (cli/zipCodec.ts): an entry inflates to its bytes in one output chunk; an entry whose
// data is longer or shorter than its declared size is damage, as with fflate.
import { deflateRawSync } from 'node:zlib';
import { useNodeZlib } from '../../src/cli/zipCodec';
import { crc32, inflateEntry, ZipError, type ZipEntry } from '../../src/hosts/xlsx/package/zip';

beforeAll(() => useNodeZlib());

function entryOf(data: Buffer, size = data.length): ZipEntry {
  return {
    name: 'xl/worksheets/sheet1.xml',
    method: 8,
    crc: crc32(data),
    size,
    raw: deflateRawSync(data),
    time: 0,
    date: 0,
  };
}

/** A sheet-like text of `rows` rows: large enough to take many of zlib's default 16 KB chunks. */
const sheet = (rows: number) =>
  Buffer.from(
    Array.from(
      { length: rows },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i * 7.5}</v></c></row>`,
    ).join(''),
  );

test.each([0, 1, 63, 64, 65, 5000])('an entry of %i rows inflates to its bytes', (rows) => {
  const data = sheet(rows);
  expect(Buffer.from(inflateEntry(entryOf(data))).equals(data)).toBe(true);
});

test('an entry longer or shorter than its declared size is damage', () => {
  const data = sheet(5000);
  for (const size of [data.length - 1, data.length + 1, 1]) {
    expect(() => inflateEntry(entryOf(data, size))).toThrow(ZipError);
  }
});
