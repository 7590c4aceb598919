/**
 * Prints the 均衡评估报告 of a marked copy (`balance check --out` of the sample) through LibreOffice to A4 PDF and
 * reads it back: the smallest printed text is at least 8 pt, the school table runs over several pages with its header
 * repeated, and the page header and footer carry the title and 第 N 页 共 M 页. Skipped when soffice is absent (CI
 * installs libreoffice-calc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tmpDir } from '../cli/fixtures';
import { pdfPages } from './pdf';

const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
  encoding: 'utf8',
}).stdout.trim();
const sample = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
const dir = tmpDir('balance-print-');

/** LibreOffice with a profile of its own (parallel runs must not share one). */
function convert(file: string, to: string): string {
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      to,
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'pipe', timeout: 240_000 },
  );
  return path.join(dir, `${path.basename(file, path.extname(file))}.${to.split(':')[0]}`);
}

const maybe = soffice ? describe : describe.skip;
if (!soffice) console.warn('soffice (LibreOffice) is not installed: the printed-report test is skipped.');

maybe('the report prints legibly (LibreOffice → PDF)', () => {
  let pages: ReturnType<typeof pdfPages> = [];

  beforeAll(async () => {
    const marked = path.join(dir, 'marked.xlsx');
    const run = await cli('check', sample, '--out', marked);
    expect(run.code).toBeLessThan(2);
    // Only the report sheet: a copy of the package with the data sheet hidden is more than this test needs, so the
    // whole workbook is printed and the report's pages are found by their page header.
    const pdf = convert(marked, 'pdf');
    pages = pdfPages(new Uint8Array(fs.readFileSync(pdf)));
  }, 300_000);

  /** A page's text in reading order, joined (LibreOffice shows a line in several pieces). */
  const textOf = (page: (typeof pages)[number]) => page.map((t) => t.text).join('');
  const reportPages = () =>
    pages.filter((p) => textOf(p).includes('示例县2026年义务教育优质均衡发展评估报告'));

  test('the report pages carry the county, the year, the standard and 第 N 页 共 M 页', () => {
    const report = reportPages();
    expect(report.length).toBeGreaterThan(1);
    for (const page of report) {
      expect(textOf(page)).toContain('评估标准：优质均衡');
      expect(textOf(page)).toMatch(/第\s*\d+\s*页\s*共\s*\d+\s*页/);
    }
  });

  test('no printed text of the report is smaller than 8 pt', () => {
    // The sample's own data sheet is fitted to one page by its author: only our pages are measured.
    const sizes = reportPages()
      .flat()
      .map((t) => t.size);
    expect(sizes.length).toBeGreaterThan(100);
    const smallest = Math.min(...sizes);
    expect(smallest).toBeGreaterThanOrEqual(8);
  });

  test('the school table runs over several pages, its header repeated on each', () => {
    const withHeader = reportPages().filter((p) => textOf(p).includes('达标项数'));
    expect(withHeader.length).toBeGreaterThanOrEqual(2);
    // The school name column is repeated too: a school's name on more than one page.
    const onPages = reportPages().filter((p) => textOf(p).includes('城关第一小学')).length;
    expect(onPages).toBeGreaterThanOrEqual(2);
  });
});
