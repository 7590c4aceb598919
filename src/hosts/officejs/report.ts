/** Writes ReportPlans (the 均衡评估报告 and the 整改测算 sheet) as marked sheets (A4 landscape at the plan's scale, print titles, header and footer), replacing only Balance's own untouched ones. */
import {
  columnLetter,
  blockCells,
  type ExistingSheet,
  placeReports,
  readReportMark,
  REPORT_MARK_NAME,
  reportFamily,
  reportFingerprint,
  reportMarkFormula,
  type ReportOutcome,
  stylesByLook,
  type ReportPlan,
  type ReportStyle,
  type ReportValue,
} from '../../engine';
import { chunkAddresses, rectAddress } from './address';
import { excelOperation } from './errors';
import { supportsExcelApi, type SetSupport } from './requirements';

export interface WriteReportOptions {
  /** Show the report sheet when done; DEFAULT true. */
  activate?: boolean;
  /** Requirement-set check (tests inject one); DEFAULT Office's own. */
  isSetSupported?: SetSupport;
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
 * Writes each plan as a sheet. Only Balance's own untouched report (marked, its values as Balance wrote them) is
 * replaced; a user's sheet of the same name or a report the user edited stays and the new one goes to the next free
 * name ("均衡评估报告 (2)"). Round trips: the sheet names; the marks (and values of marked sheets) of the sheets
 * bearing a report's name, only when there are any; the write itself (values in one range per section, styles grouped
 * by look, merges, widths, A4 landscape) with the written values read back; and the marks, whose fingerprint is of
 * the values as Excel holds them (Excel may turn a written "85%" into 0.85). The first plan's sheet is shown.
 */
export function writeReport(
  context: Excel.RequestContext,
  plans: ReportPlan | readonly ReportPlan[],
  options: WriteReportOptions = {},
): Promise<ReportOutcome> {
  const list: readonly ReportPlan[] = Array.isArray(plans) ? plans : [plans as ReportPlan];
  return excelOperation('writeReport', async () => {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();

    const existing: ExistingSheet[] = worksheets.items.map((s) => ({ name: s.name, mark: null }));
    const family = reportFamily(
      list,
      existing.map((s) => s.name),
    );
    if (family.length > 0) await readMarks(context, existing, family);
    const { placements, outcome } = placeReports(list, existing);

    context.application.suspendApiCalculationUntilNextSync();
    context.application.suspendScreenUpdatingUntilNextSync();
    for (const placement of placements) if (placement.replace) worksheets.getItem(placement.name).delete();
    // Manual column breaks need ExcelApi 1.9 (worksheet.verticalPageBreaks); without it the automatic breaks stay.
    const breaksOn = supportsExcelApi('1.9', options.isSetSupported);
    const sheets = placements.map((placement) => {
      const sheet = worksheets.add(placement.name);
      writeSheet(sheet, placement.plan, breaksOn);
      return sheet;
    });
    if ((options.activate ?? true) && sheets.length > 0) sheets[0].activate();
    const written = sheets.map((sheet) => loadValues(sheet));
    await context.sync();

    sheets.forEach((sheet, i) => {
      const mark = sheet.names.add(REPORT_MARK_NAME, reportMarkFormula(fingerprintOf(written[i])));
      mark.visible = false;
    });
    await context.sync();
    return outcome;
  });
}

/** The used range's values (values only, formats ignored) of a sheet, to fingerprint. */
function loadValues(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  return used;
}

function fingerprintOf(used: Excel.Range): string {
  return reportFingerprint(
    used.isNullObject ? [] : blockCells(used.values, used.rowIndex + 1, used.columnIndex),
  );
}

/** Fills in the mark and current fingerprint of the sheets bearing a report's name: one sync, two if any is marked. */
async function readMarks(
  context: Excel.RequestContext,
  existing: ExistingSheet[],
  family: readonly string[],
): Promise<void> {
  const probes = family.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const mark = sheet.names.getItemOrNullObject(REPORT_MARK_NAME);
    mark.load('formula');
    return { name, sheet, mark };
  });
  await context.sync();
  const marked = probes.flatMap((p) => {
    const fingerprint = p.mark.isNullObject ? null : readReportMark(p.mark.formula);
    return fingerprint === null ? [] : [{ ...p, fingerprint, used: loadValues(p.sheet) }];
  });
  if (marked.length === 0) return;
  await context.sync();
  for (const m of marked) {
    const entry = existing.find((s) => s.name === m.name);
    if (entry) {
      entry.mark = m.fingerprint;
      entry.current = fingerprintOf(m.used);
    }
  }
}

/** Queues one plan's values, styles, merges, widths and page setup on a fresh sheet (no sync). */
function writeSheet(sheet: Excel.Worksheet, plan: ReportPlan, breaksOn: boolean): void {
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
  for (const { row, points } of plan.rowHeights ?? [])
    sheet.getRangeByIndexes(row - 1, 0, 1, 1).format.rowHeight = points;

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
  // A page starts before each break's column (between header groups, engine/plans/printSetup columnBreaks).
  if (breaksOn) for (const b of setup.columnBreaks) sheet.verticalPageBreaks.add(`${columnLetter(b)}1`);
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
