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
import { repoRoot, screenshotPath } from '../support/paths';
import { pdfPages } from './pdf';
import { INDICATORS, getProfile } from '../../src/engine';

/** The seven 优质均衡 indicators' full names, as the forms' headers print them. */
const INDICATOR_NAMES = getProfile('quality-2017')!.indicators.map((id) => INDICATORS[id].name);

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

const pdftoppm = spawnSync('sh', ['-c', 'command -v pdftoppm'], { encoding: 'utf8' }).stdout.trim();
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext'], { encoding: 'utf8' }).stdout.trim();
const maybeRender = soffice && pdftoppm ? test : test.skip;
if (soffice && !pdftoppm)
  console.warn(
    'pdftoppm (poppler-utils) is not installed: the printed pages are not rendered for the README.',
  );

/** Page `page` (1-based) of the PDF as a PNG at 60 dpi: test-artifacts/screenshots, copied to docs/screenshots. */
function renderPage(pdf: string, page: number, name: string): string {
  const file = screenshotPath(name);
  execFileSync(
    pdftoppm,
    [
      '-png',
      '-r',
      '60',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdf,
      file.replace(/\.png$/, ''),
    ],
    { stdio: 'pipe', timeout: 60_000 },
  );
  const docs = path.join(repoRoot, 'docs', 'screenshots');
  fs.mkdirSync(docs, { recursive: true });
  fs.copyFileSync(file, path.join(docs, name));
  return file;
}

maybe('the report prints legibly (LibreOffice → PDF)', () => {
  let pages: ReturnType<typeof pdfPages> = [];
  let pdf = '';

  beforeAll(async () => {
    const marked = path.join(dir, 'marked.xlsx');
    const run = await cli('check', sample, '--out', marked);
    expect(run.code).toBeLessThan(2);
    // Only the report sheet: a copy of the package with the data sheet hidden is more than this test needs, so the
    // whole workbook is printed and the report's pages are found by their page header.
    pdf = convert(marked, 'pdf');
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

  /** 1-based number of the first page whose text includes `marker`. */
  const firstPage = (marker: string) => pages.findIndex((p) => textOf(p).includes(marker)) + 1;

  maybeRender('page 1 of the report and of 表Ⅱ-2 rendered to PNG for the README (pdftoppm -r 60)', () => {
    const report = firstPage('示例县2026年义务教育优质均衡发展评估报告');
    const form = firstPage('表Ⅱ-2 学校资源配置情况');
    expect(report).toBeGreaterThan(0);
    expect(form).toBeGreaterThan(0);
    for (const [page, name] of [
      [report, 'print-report-page1.png'],
      [form, 'print-form-II-2.png'],
    ] as const) {
      const png = fs.readFileSync(renderPage(pdf, page, name));
      // A PNG of an A4 landscape page at 60 dpi: about 701 × 496 pixels.
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThan(png.readUInt32BE(20));
    }
  });

  /**
   * The texts of a page's cells, each cell's lines joined top to bottom (pdftotext -bbox): the lines of a centred cell
   * share their centre, those of a left-aligned one their left edge; both groupings are returned.
   */
  function cellTexts(page: number): string[] {
    const html = execFileSync(pdftotext, ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'], {
      encoding: 'utf8',
    });
    const words = [
      ...html.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({
      left: Number(m[1]),
      y: Number(m[2]),
      centre: (Number(m[1]) + Number(m[3])) / 2,
      text: m[4],
    }));
    const grouped = (x: (w: (typeof words)[number]) => number) => {
      const cells: { x: number; lines: { y: number; text: string }[] }[] = [];
      for (const w of words) {
        const cell =
          cells.find((c) => Math.abs(c.x - x(w)) < 3) ?? cells[cells.push({ x: x(w), lines: [] }) - 1];
        cell.lines.push({ y: w.y, text: w.text });
      }
      return cells.map((c) =>
        c.lines
          .sort((p, q) => p.y - q.y)
          .map((l) => l.text)
          .join(''),
      );
    };
    return [...grouped((w) => w.centre), ...grouped((w) => w.left)];
  }

  const maybeText = soffice && pdftotext ? test : test.skip;
  maybeText(
    'the report, the 整改测算, 表Ⅱ-2 and 表Ⅲ print each indicator’s full name in their wrapped cells (pdftotext clips as the page does)',
    () => {
      for (const marker of [
        '表Ⅱ-2 学校资源配置情况',
        '表Ⅲ 县域义务教育校际均衡情况',
        '示例县2026年义务教育优质均衡发展评估报告',
        '示例县2026年义务教育优质均衡发展整改测算',
      ]) {
        // A wide table continues on the next pages: every page of the sheet (its page header names it).
        const numbers = pages.flatMap((p, i) => (textOf(p).includes(marker) ? [i + 1] : []));
        expect(numbers.length).toBeGreaterThan(0);
        const texts = numbers.flatMap(cellTexts);
        const missing = INDICATOR_NAMES.filter((name) => !texts.some((t) => t.includes(name)));
        expect([marker, missing]).toEqual([marker, []]);
      }
    },
  );
});
