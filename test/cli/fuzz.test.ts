// 400 randomly damaged copies of a sample (truncated, bytes flipped, zip entries dropped): every run ends with exit code
// 2 and a Chinese message with no library English in it (that only under --verbose), or, for the rare flip that hits
// nothing read, with exactly the undamaged result.
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { cli, englishIn, tmpDir } from './fixtures';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
jest.setTimeout(300_000);

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'samples', '示例县-优质均衡.xlsx');
/** Parts without which the sample cannot be evaluated ('xl/' drops the whole folder). */
const ESSENTIAL = [
  'xl/',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/worksheets/sheet1.xml',
  'xl/sharedStrings.xml',
];
const RUNS = 400;

/** A small deterministic generator (Park–Miller), so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

type Damage = 'truncate' | 'flip' | 'drop';

async function damaged(bytes: Buffer, kind: Damage, rnd: () => number): Promise<Buffer> {
  if (kind === 'truncate') return bytes.subarray(0, Math.floor(rnd() * bytes.length));
  if (kind === 'flip') {
    const copy = Buffer.from(bytes);
    const flips = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < flips; i++) copy[Math.floor(rnd() * copy.length)] ^= 1 + Math.floor(rnd() * 255);
    return copy;
  }
  const zip = await JSZip.loadAsync(bytes);
  zip.remove(ESSENTIAL[Math.floor(rnd() * ESSENTIAL.length)]);
  const others = Object.keys(zip.files);
  if (rnd() < 0.5) zip.remove(others[Math.floor(rnd() * others.length)]);
  return zip.generateAsync({ type: 'nodebuffer', compression: rnd() < 0.5 ? 'DEFLATE' : 'STORE' });
}

test(`${RUNS} damaged copies: exit 2 with a Chinese cause (library English only under --verbose) or the same result, no crash`, async () => {
  const bytes = fs.readFileSync(SAMPLE);
  const resultOf = (json: string) => JSON.stringify({ ...(JSON.parse(json) as object), file: undefined });
  const original = resultOf((await cli('check', SAMPLE, '--json')).stdout);
  const rnd = random(20261202);
  const kinds: Damage[] = ['truncate', 'flip', 'drop'];
  const tally: Record<string, number> = {};
  const failures: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const kind = kinds[i % 3];
    const file = path.join(dir, `损坏-${i}.xlsx`);
    fs.writeFileSync(file, await damaged(bytes, kind, rnd));
    const verbose = i % 10 === 0;
    const r = await cli('check', file, ...(verbose ? ['--verbose'] : []));
    const shown = r.stderr.replace(new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '');
    const message = verbose ? shown.replace(/ {2}详细信息：.*\n/, '') : shown;
    const key = `${kind} exit ${r.code}`;
    tally[key] = (tally[key] ?? 0) + 1;
    if (r.code !== 2) {
      // A flip in a part the check never reads (a folder entry's header, docProps) leaves a readable file: then its
      // result must be exactly the undamaged one, never silently different.
      if (kind !== 'flip' || resultOf((await cli('check', file, '--json')).stdout) !== original)
        failures.push(`${i} ${kind}: exit ${r.code}`);
    } else if (!/[\u4e00-\u9fff]/.test(message) || englishIn(message).length > 0)
      failures.push(`${i} ${kind}: ${r.stderr}`);
    fs.rmSync(file);
  }
  process.stdout.write(`fuzz: ${JSON.stringify(tally)}\n`);
  expect(failures).toEqual([]);
});
