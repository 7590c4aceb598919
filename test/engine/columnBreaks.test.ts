// Manual column breaks (plans/printSetup columnBreaks): a wide report sheet continues on the next page between column
// groups, never inside a merged header, each page fitting the printable width in the wider (LibreOffice) measure.
import * as path from 'node:path';
import { openWorkbook } from '../../src/cli/check';
import {
  A4_LANDSCAPE_PRINT_WIDTH,
  BASIC_2012,
  checkSheet,
  columnBreaks,
  QUALITY_2017,
  sheetsFor,
  widePoints,
  type Profile,
  type ReportPlan,
} from '../../src/engine';

const SAMPLES = path.join(__dirname, '..', '..', 'assets', 'samples');

async function sheetsOf(file: string, profile: Profile): Promise<ReportPlan[]> {
  const opened = await openWorkbook(path.join(SAMPLES, file));
  if (!opened.ok) throw new Error(opened.message);
  return sheetsFor(checkSheet(opened.workbook.gridOf('学校基本情况')!, profile), new Date(2026, 2, 1));
}

let plans: ReportPlan[];
/** The 优质均衡 sample's sheets, then the 基本均衡 sample's (checked for merges and page widths alike). */
let allPlans: ReportPlan[];
beforeAll(async () => {
  plans = await sheetsOf('示例县-优质均衡.xlsx', QUALITY_2017);
  allPlans = [...plans, ...(await sheetsOf('示例县-基本均衡.xlsx', BASIC_2012))];
});

const named = (prefix: string) => {
  const found = plans.find((p) => p.sheetName.startsWith(prefix));
  if (!found) throw new Error(`no sheet ${prefix}`);
  return found;
};

/** The printable width in points at 100 % for a sheet printed at `zoom` %. */
const capacity = (zoom: number) => A4_LANDSCAPE_PRINT_WIDTH / (zoom / 100) + 0.5;
const span = (widths: readonly number[], from: number, to: number) =>
  widths.slice(from, to).reduce((sum, w) => sum + widePoints(w), 0);

/** Each page's columns [from, to), as the breaks cut them. */
const pagesOf = (plan: ReportPlan) => {
  const cuts = [0, ...plan.page.columnBreaks, plan.columnWidths.length];
  return cuts.slice(1).map((to, i) => ({ from: cuts[i], to }));
};

describe('the samples’ report sheets', () => {
  test('均衡评估报告: a page per two indicators, the 说明 columns together on the last', () => {
    // At 80 % a page holds 741.09 / 0.8 = 926.4 pt. Wide measure: 34 → 243, 11 → 82, 24 → 173, 30 → 215, 50 → 355.
    // Page 1: A..E 243 + 4 × 82 = 571, + the CV 说明 group F..H (173 + 82 + 82) = 908; the next group (3 × 82) would
    // overflow. Pages 2–4: column A 243 repeated + two indicator groups 6 × 82 = 735 (a third: 981 > 926).
    // Page 5: A + 其他检查未通过 215 + 未达标原因 355 = 813.
    expect(named('均衡评估报告').page.columnBreaks).toEqual([8, 14, 20, 26]);
  });

  test('表Ⅲ and 表Ⅱ-2 continue on a second page between indicators, their two lead columns repeated', () => {
    // 表Ⅲ at 87 %: 851.8 pt; 8 → 61, 10 → 75, 9 → 68; A..B 122 + five (75 + 68) pairs = 837; a sixth pair: 980.
    expect(named('表Ⅲ').page.columnBreaks).toEqual([12]);
    expect(named('表Ⅲ').page.printTitleColumns).toEqual({ left: 0, right: 1 });
    // 表Ⅱ-2 at 80 %: 926.4 pt; 6 → 47, 24 → 173, 8 → 61, 9 → 68, 7 → 54, 11 → 82; A..F 457 + five indicators 410 =
    // 867; the sixth: 949.
    expect(named('表Ⅱ-2').page.columnBreaks).toEqual([11]);
    expect(named('表Ⅱ-2').page.printTitleColumns).toEqual({ left: 0, right: 1 });
  });

  test('no sheet of either sample breaks inside a merge that fits a page; every page fits in the wider measure', () => {
    expect(allPlans.length).toBeGreaterThan(plans.length);
    for (const plan of allPlans) {
      const { zoom, printTitleColumns, columnBreaks: breaks } = plan.page;
      const titleWidth = printTitleColumns
        ? span(plan.columnWidths, printTitleColumns.left, printTitleColumns.right + 1)
        : 0;
      for (const m of plan.merges) {
        if (span(plan.columnWidths, m.left, m.right + 1) + titleWidth > capacity(zoom)) continue;
        for (const b of breaks)
          expect({ sheet: plan.sheetName, merge: m, inside: m.left < b && b <= m.right }).toEqual({
            sheet: plan.sheetName,
            merge: m,
            inside: false,
          });
      }
      pagesOf(plan).forEach(({ from, to }, i) => {
        const width = (i > 0 ? titleWidth : 0) + span(plan.columnWidths, from, to);
        expect({ sheet: plan.sheetName, page: i + 1, fits: width <= capacity(zoom) }).toEqual({
          sheet: plan.sheetName,
          page: i + 1,
          fits: true,
        });
      });
    }
  });

  test('the indicator header groups of the report and 表Ⅲ are among the merges kept whole', () => {
    for (const [sheet, width, count] of [
      ['均衡评估报告', 3, 7],
      ['表Ⅲ', 2, 7],
    ] as const) {
      const plan = named(sheet);
      const groups = plan.merges.filter((m) => m.right - m.left === width - 1 && m.top === m.bottom);
      expect(groups.length).toBe(count);
      for (const g of groups)
        for (const b of plan.page.columnBreaks)
          expect([sheet, g, b > g.left && b <= g.right]).toEqual([sheet, g, false]);
    }
  });
});

describe('columnBreaks', () => {
  test('a table that fits one page width gets no breaks', () => {
    expect(columnBreaks([20, 12], 100)).toEqual([]);
    expect(columnBreaks([34, 11, 11, 11, 11, 24], 80, [{ left: 1, right: 3 }])).toEqual([]);
  });

  test('the page ends before a merged group rather than inside it', () => {
    // At 100 %: 741.6 pt. 20 → 145 each: five columns fit (725). Without the merge the break falls at 5; the merge
    // over 4..5 moves it to 4.
    const widths = [20, 20, 20, 20, 20, 20, 20];
    expect(columnBreaks(widths, 100)).toEqual([5]);
    expect(columnBreaks(widths, 100, [{ left: 4, right: 5 }])).toEqual([4]);
  });

  test('repeated title columns count on every page after the first', () => {
    // A 145 pt title column on each later page: pages hold 0..4, then A + 5..8, then A + 9..
    const widths = Array.from({ length: 10 }, () => 20);
    expect(columnBreaks(widths, 100)).toEqual([5]);
    expect(columnBreaks(widths, 100, [], { left: 0, right: 0 })).toEqual([5, 9]);
  });

  test('a merge wider than a page (a title across the table) does not stop the breaks; a group wider than a page is left to the automatic breaks', () => {
    const widths = Array.from({ length: 10 }, () => 20);
    expect(columnBreaks(widths, 100, [{ left: 0, right: 9 }])).toEqual([5]);
    // One column wider than the page: it gets a page of its own and the automatic breaks split it.
    expect(columnBreaks([20, 150, 20], 100)).toEqual([1, 2]);
  });
});
