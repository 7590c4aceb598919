/**
 * Prints the 均衡评估报告 of a marked copy (`balance check --out` of the sample) through LibreOffice to A4 PDF and
 * reads it back: the smallest printed text is at least 8 pt, the school table runs over several pages with its header
 * repeated, and the page header and footer carry the title and 第 N 页 共 M 页. Skipped when soffice is absent (CI
 * installs libreoffice-calc).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { tmpDir } from '../cli/fixtures';
import { run } from '../../src/cli/main';
import { repoRoot, screenshotPath } from '../support/paths';
import { pdfPages } from './pdf';
import { INDICATORS, getProfile } from '../../src/engine';
import { BASIC_UNIT_COSTS } from '../support/basicCounty';

/** The seven 优质均衡 indicators' full names, as the forms' headers print them. */
const INDICATOR_NAMES = getProfile('quality-2017')!.indicators.map((id) => INDICATORS[id].name);

const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
  encoding: 'utf8',
}).stdout.trim();
const sample = path.join(__dirname, '../../assets/samples/示例县-优质均衡.xlsx');
const basicSample = path.join(__dirname, '../../assets/samples/示例县-基本均衡.xlsx');
const dir = tmpDir('balance-print-');

/** The date the reports show (评估日期): fixed, so the PNGs made for the README do not change from day to day. */
const REPORT_DATE = new Date(2026, 2, 1);

/** `balance <args>` in-process, with the report date fixed. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    today: () => REPORT_DATE,
  });
  return { code, stdout, stderr };
}

/** Every text cell of a written sheet (a merged range once), whitespace removed as pdftotext's words lose it. */
async function sheetTexts(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const texts = new Set<string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.trim()) texts.add(cell.value.replace(/\s/g, ''));
    }),
  );
  return [...texts];
}

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
  const marked = path.join(dir, 'marked.xlsx');
  /** 基本均衡 planned with unit costs (`balance plan --costs --out`): the 整改测算 sheet with its cheapest-mix table. */
  const basicPlan = path.join(dir, 'basic-plan.xlsx');
  let basicPdf = '';
  let basicPages: ReturnType<typeof pdfPages> = [];

  beforeAll(async () => {
    const checked = await cli('check', sample, '--out', marked);
    expect(checked.code).toBeLessThan(2);
    // Only the report sheet: a copy of the package with the data sheet hidden is more than this test needs, so the
    // whole workbook is printed and the report's pages are found by their page header.
    pdf = convert(marked, 'pdf');
    pages = pdfPages(new Uint8Array(fs.readFileSync(pdf)));
    const costs = path.join(dir, 'costs.json');
    fs.writeFileSync(costs, JSON.stringify(BASIC_UNIT_COSTS));
    const planned = await cli(
      'plan',
      basicSample,
      '--profile',
      'basic-2012',
      '--costs',
      costs,
      '--margin',
      '0.9',
      '--out',
      basicPlan,
    );
    expect(planned.stderr).toBe('');
    basicPdf = convert(basicPlan, 'pdf');
    basicPages = pdfPages(new Uint8Array(fs.readFileSync(basicPdf)));
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
    return wordCellTexts(page, pdf);
  }
  function wordCellTexts(page: number, file: string): string[] {
    const html = execFileSync(pdftotext, ['-bbox', '-f', String(page), '-l', String(page), file, '-'], {
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

  /**
   * Like cellTexts, from pdftotext's lines (-bbox-layout) instead of its words: a cell line such as
   * “仪器设备 +9.86万元” is one line of two words, whitespace dropped. pdftotext may run a line on into the next
   * cell: a line is cut where the gap between two words is wider than a space (4 pt), or where a word starts at the
   * left edge three lines or words start at (a column's text edge: the gap between cells can be as narrow as a space).
   */
  function lineCellTexts(page: number, file: string): string[] {
    const html = execFileSync(
      pdftotext,
      ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-'],
      {
        encoding: 'utf8',
      },
    );
    const wordLines = [...html.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
      [
        ...m[1].matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((w) => ({ left: Number(w[1]), y: Number(w[2]), right: Number(w[3]), text: w[4] })),
    );
    // A column's text edge: where at least three lines (or, as pdftotext may start a line in the cell before, words)
    // start; both readings are returned.
    return [false, true].flatMap((byWord) => linePieces(wordLines, byWord));
  }

  function linePieces(
    wordLines: { left: number; y: number; right: number; text: string }[][],
    byWord: boolean,
  ): string[] {
    const starts = byWord
      ? wordLines.flat().map((w) => w.left)
      : wordLines.filter((l) => l.length > 0).map((l) => l[0].left);
    const edges = starts.filter((x) => starts.filter((y) => Math.abs(x - y) < 1).length >= 3);
    const lines = wordLines.flatMap((words) => {
      const pieces: { left: number; y: number; right: number; text: string }[] = [];
      for (const w of words) {
        const last = pieces[pieces.length - 1];
        const atEdge = edges.some((x) => Math.abs(x - w.left) < 1);
        if (last && !atEdge && w.left - last.right <= 4)
          Object.assign(last, { right: w.right, text: last.text + w.text });
        else pieces.push({ ...w });
      }
      return pieces.map((p) => ({ left: p.left, y: p.y, centre: (p.left + p.right) / 2, text: p.text }));
    });
    const grouped = (x: (l: (typeof lines)[number]) => number) => {
      const cells: { x: number; lines: { y: number; text: string }[] }[] = [];
      for (const l of lines) {
        const cell =
          cells.find((c) => Math.abs(c.x - x(l)) < 3) ?? cells[cells.push({ x: x(l), lines: [] }) - 1];
        cell.lines.push({ y: l.y, text: l.text });
      }
      return cells.map((c) =>
        c.lines
          .sort((p, q) => p.y - q.y)
          .map((l) => l.text)
          .join(''),
      );
    };
    // pdftotext escapes & < > in its XML.
    const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return [...grouped((l) => l.centre), ...grouped((l) => l.left)].map(unescape);
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

  /**
   * The pages of a sheet (its page header names it) where an indicator's merged header is cut by a page break: a cell
   * text of at least 4 characters that is part of an indicator's name while that name is nowhere whole on the page
   * (“生均教学仪” at the right edge of one page, “器设备值” at the left of the next, as printed before the breaks).
   */
  function splitHeaders(marker: string): { page: number; fragment: string }[] {
    const numbers = pages.flatMap((p, i) => (textOf(p).includes(marker) ? [i + 1] : []));
    expect(numbers.length).toBeGreaterThan(1);
    return numbers.flatMap((page) => {
      const texts = [...cellTexts(page), ...lineCellTexts(page, pdf)];
      const whole = INDICATOR_NAMES.filter((name) => texts.some((t) => t.includes(name)));
      return texts
        .filter(
          (t) =>
            t.length >= 4 &&
            INDICATOR_NAMES.some((name) => name !== t && name.includes(t) && !whole.includes(name)),
        )
        .map((fragment) => ({ page, fragment }));
    });
  }

  maybeText(
    'the report and 表Ⅲ continue on the next page between indicator groups: no merged header is cut by a page break',
    () => {
      for (const marker of ['示例县2026年义务教育优质均衡发展评估报告', '表Ⅲ 县域义务教育校际均衡情况'])
        expect([marker, splitHeaders(marker)]).toEqual([marker, []]);
    },
  );

  test('no printed text of 表Ⅲ and 表Ⅱ-2 is smaller than 8 pt', () => {
    for (const marker of ['表Ⅲ 县域义务教育校际均衡情况', '表Ⅱ-2 学校资源配置情况']) {
      const sizes = pages.filter((p) => textOf(p).includes(marker)).flatMap((p) => p.map((t) => t.size));
      expect(sizes.length).toBeGreaterThan(20);
      expect({ marker, legible: Math.min(...sizes) >= 8 }).toEqual({ marker, legible: true });
    }
  });

  /** The 1-based numbers of the pages whose header names the 整改测算 of a PDF's pages. */
  const planPages = (of: typeof pages) =>
    of.flatMap((p, i) => (textOf(p).includes('整改测算') && textOf(p).includes('评估标准') ? [i + 1] : []));

  maybeText(
    'the 整改测算 sheets (优质均衡 by check, 基本均衡 with unit costs by plan) print every text cell whole: 需增加, 说明, notes, the basis',
    async () => {
      for (const [file, printed, of] of [
        [marked, pdf, pages],
        [basicPlan, basicPdf, basicPages],
      ] as const) {
        const numbers = planPages(of);
        expect(numbers.length).toBeGreaterThan(0);
        const texts = numbers.flatMap((n) => [...lineCellTexts(n, printed), ...wordCellTexts(n, printed)]);
        const cells = await sheetTexts(file, '整改测算');
        // The school section's additions in words are among them (the texts known to print clipped before).
        const additions = cells.filter(
          (t) => /\+[\d,.]+(人|间|台|册|万元|元|㎡)/.test(t) && !t.includes('差异系数'),
        );
        expect(additions.length).toBeGreaterThan(2);
        const clipped = cells.filter((cell) => !texts.some((t) => t.includes(cell)));
        expect([path.basename(file), clipped]).toEqual([path.basename(file), []]);
      }
    },
  );

  test('no printed text of the 整改测算 sheets is smaller than 8 pt', () => {
    expect(basicPages.length).toBeGreaterThan(0);
    for (const of of [pages, basicPages]) {
      const sizes = planPages(of).flatMap((n) => of[n - 1].map((t) => t.size));
      expect(sizes.length).toBeGreaterThan(50);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(8);
    }
  });
});
