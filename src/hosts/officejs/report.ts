/** Writes ReportPlans (the 均衡评估报告 and the 整改测算 sheet) as sheets, replacing previous ones, in two round trips. */
import {
  columnLetter,
  stylesByLook,
  type ReportPlan,
  type ReportStyle,
  type ReportValue,
} from '../../engine';
import { chunkAddresses, rectAddress } from './address';
import { excelOperation } from './errors';

export interface WriteReportOptions {
  /** Show the report sheet when done; DEFAULT true. */
  activate?: boolean;
}

/** Text that Excel would read as a formula or a number when written as a value. */
const LOOKS_LIKE_INPUT = /^[=+\-@]/;
const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;

/** Column width in characters (exceljs' unit) to points (Office.js' unit): 7 px per character + 5 px padding. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Deletes the old sheet of each plan if any and adds a fresh one: values in one range per section, then styles grouped
 * by look (one getRanges call per chunk of addresses), merges, column widths and the A4 landscape page setup. Several
 * plans share the same two syncs; the first one's sheet is shown when done.
 */
export function writeReport(
  context: Excel.RequestContext,
  plans: ReportPlan | readonly ReportPlan[],
  options: WriteReportOptions = {},
): Promise<void> {
  const list: readonly ReportPlan[] = Array.isArray(plans) ? plans : [plans as ReportPlan];
  return excelOperation('写入评估报告', async () => {
    const worksheets = context.workbook.worksheets;
    const existing = list.map((plan) => {
      const sheet = worksheets.getItemOrNullObject(plan.sheetName);
      sheet.load('id');
      return sheet;
    });
    await context.sync();

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const old of existing) if (!old.isNullObject) old.delete();
    const sheets = list.map((plan) => {
      const sheet = worksheets.add(plan.sheetName);
      writeSheet(sheet, plan);
      return sheet;
    });
    if ((options.activate ?? true) && sheets.length > 0) sheets[0].activate();
    await context.sync();
  });
}

/** Queues one plan's values, styles, merges, widths and page setup on a fresh sheet (no sync). */
function writeSheet(sheet: Excel.Worksheet, plan: ReportPlan): void {
  for (const section of plan.sections) {
    const rows = section.values.length;
    const columns = section.values[0]?.length ?? 0;
    if (rows === 0 || columns === 0) continue;
    const range = sheet.getRangeByIndexes(section.top - 1, 0, rows, columns);
    range.numberFormat = section.numberFormats.map((row, r) =>
      row.map((format, c) => (isLiteralText(section.values[r][c]) ? '@' : format)),
    );
    range.values = section.values.map((row) => row.map((v) => (v === null ? '' : v)));
  }

  for (const { style, areas } of stylesByLook(plan)) {
    for (const chunk of chunkAddresses(areas.map(rectAddress)))
      applyStyle(sheet.getRanges(chunk).format, style);
  }
  for (const merge of plan.merges) sheet.getRange(rectAddress(merge)).merge(false);
  plan.columnWidths.forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(width);
  });

  const page = sheet.pageLayout;
  const setup = plan.page;
  page.paperSize = setup.paperSize;
  page.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  page.centerHorizontally = setup.centerHorizontally;
  // A scale, never fit-to-width: wide tables continue on further pages under their print titles.
  page.zoom = { scale: setup.zoom };
  if (setup.printTitleRows)
    page.setPrintTitleRows(`$${setup.printTitleRows.top}:$${setup.printTitleRows.bottom}`);
  if (setup.printTitleColumns) {
    const { left, right } = setup.printTitleColumns;
    page.setPrintTitleColumns(`$${columnLetter(left)}:$${columnLetter(right)}`);
  }
  // The same Excel codes (&P, &N) as the OOXML header and footer.
  const hf = page.headersFooters.defaultForAllPages;
  hf.leftHeader = setup.header.left ?? '';
  hf.centerHeader = setup.header.center ?? '';
  hf.rightHeader = setup.header.right ?? '';
  hf.leftFooter = setup.footer.left ?? '';
  hf.centerFooter = setup.footer.center ?? '';
  hf.rightFooter = setup.footer.right ?? '';
}

function isLiteralText(value: ReportValue): boolean {
  return typeof value === 'string' && LOOKS_LIKE_INPUT.test(value);
}

function applyStyle(format: Excel.RangeFormat, style: ReportStyle): void {
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.fontSize !== undefined) format.font.size = style.fontSize;
  if (style.fontColor !== undefined) format.font.color = style.fontColor;
  if (style.fill !== undefined) format.fill.color = style.fill;
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.align !== undefined) {
    format.horizontalAlignment =
      style.align === 'left' ? 'Left' : style.align === 'center' ? 'Center' : 'Right';
  }
  if (style.border) {
    for (const edge of EDGES) format.borders.getItem(edge).style = 'Continuous';
  }
}
