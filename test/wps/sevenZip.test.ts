// The build's own .7z writer (scripts/sevenZip.js) and the offline package dist/wps-offline/balance.7z: checked by
// 7-Zip itself (list, test, extract, compare bytes) when a 7z binary is installed (Debian: apt-get install 7zip).
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { crc32, folderEntries, sevenZip, type SevenZipEntry } from '../../scripts/sevenZip';

const DIST = path.resolve(__dirname, '../../dist');
const SEVEN = ['7zz', '7z', '7za'].find((bin) => {
  try {
    execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const with7z = SEVEN ? test : test.skip;
if (!SEVEN)
  console.warn('sevenZip.test: no 7z binary (7zz/7z/7za); 7-Zip checks skipped — apt-get install 7zip');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'balance-7z-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const seven = (...args: string[]) => execFileSync(SEVEN!, args, { encoding: 'utf8' });
const u32 = (b: Uint8Array, at: number) =>
  (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** Every file under `dir` (relative names) with its bytes. */
function files(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) for (const [k, v] of files(full, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, fs.readFileSync(full));
  }
  return out;
}

const random = (n: number, seed: number) => {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
};
const sample: SevenZipEntry[] = [
  { name: 'balance_0.1.0' },
  { name: 'balance_0.1.0/ribbon.xml', data: new TextEncoder().encode('<customUI>均衡评估</customUI>') },
  { name: 'balance_0.1.0/空文件.txt', data: new Uint8Array(0) },
  { name: 'balance_0.1.0/assets' },
  // Sizes that need 1-, 2-, 3- and 4-byte 7z NUMBERs.
  { name: 'balance_0.1.0/assets/a.bin', data: random(100, 1) },
  { name: 'balance_0.1.0/assets/b.bin', data: random(300, 2) },
  { name: 'balance_0.1.0/assets/c.bin', data: random(20_000, 3) },
  { name: 'balance_0.1.0/assets/d.bin', data: random(2_200_000, 4) },
];

test('crc32 is the IEEE CRC-32 ("123456789" → CBF43926)', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
});

test('the signature header: 7z magic, version 0.4, start header CRC, next header where it says with its CRC', () => {
  const archive = sevenZip(sample);
  expect([...archive.slice(0, 8)]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]);
  expect(u32(archive, 8)).toBe(crc32(archive.slice(12, 32)));
  const offset = u32(archive, 12);
  const size = u32(archive, 20);
  expect(u32(archive, 16)).toBe(0);
  expect(32 + offset + size).toBe(archive.length);
  expect(u32(archive, 28)).toBe(crc32(archive.slice(32 + offset, 32 + offset + size)));
  // Stored: the files' bytes follow the signature header as they are, in order.
  const big = sample[7].data!;
  const at = 32 + offset - big.length;
  expect(Buffer.from(archive.slice(at, at + big.length)).equals(Buffer.from(big))).toBe(true);
});

with7z(
  '7-Zip lists, tests and extracts the archive to the very bytes written (folders, empty and Chinese names)',
  () => {
    const file = path.join(tmp, 'sample.7z');
    fs.writeFileSync(file, sevenZip(sample));
    expect(seven('t', file)).toContain('Everything is Ok');
    const listing = seven('l', '-slt', file);
    const names = [...listing.matchAll(/^Path = (.*)$/gm)].map((m) => m[1]).slice(1);
    expect(names).toEqual(sample.map((e) => e.name));
    const out = path.join(tmp, 'sample');
    seven('x', `-o${out}`, file);
    const extracted = files(out);
    const expected = sample.filter((e) => e.data);
    expect([...extracted.keys()].sort()).toEqual(expected.map((e) => e.name).sort());
    for (const e of expected) expect(extracted.get(e.name)!.equals(Buffer.from(e.data!))).toBe(true);
    expect(fs.statSync(path.join(out, 'balance_0.1.0/assets')).isDirectory()).toBe(true);
  },
);

describe('dist/wps-offline/balance.7z (npm run build)', () => {
  const archive = path.join(DIST, 'wps-offline/balance.7z');
  beforeAll(() => {
    if (!fs.existsSync(archive)) throw new Error('dist/wps-offline/balance.7z 不存在：先运行 npm run build');
  });

  test('is the folder folderEntries makes of the offline add-in, named in jsplugins.xml', () => {
    const folder = fs.readdirSync(path.join(DIST, 'wps-offline')).find((n) => /^balance_/.test(n))!;
    const bytes = fs.readFileSync(archive);
    const again = sevenZip(folderEntries(path.join(DIST, 'wps-offline', folder), folder));
    expect(Buffer.from(again).equals(bytes)).toBe(true);
    expect(fs.readFileSync(path.join(DIST, 'wps-offline/jsplugins.xml'), 'utf8')).toMatch(
      /url="[^"]*\/balance\.7z"/,
    );
  });

  with7z('7-Zip extracts it to exactly the files of dist/wps-offline/balance_<version>', () => {
    const folder = fs.readdirSync(path.join(DIST, 'wps-offline')).find((n) => /^balance_/.test(n))!;
    expect(seven('t', archive)).toContain('Everything is Ok');
    const out = path.join(tmp, 'dist');
    seven('x', `-o${out}`, archive);
    expect(fs.readdirSync(out)).toEqual([folder]);
    const want = files(path.join(DIST, 'wps-offline', folder));
    const got = files(path.join(out, folder));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [name, data] of want) expect(got.get(name)!.equals(data)).toBe(true);
    expect(want.has('ribbon.xml') && want.has('taskpane.html') && want.has('index.html')).toBe(true);
  });
});
