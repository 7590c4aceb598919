/** Writes ReportPlans (the 均衡评估报告 and the 整改测算 sheet) as marked WPS sheets (print titles, header and footer), replacing only Balance's untouched ones. */
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
import { wpsOperation } from './errors';
import {
  activeWorkbook,
  chunkAddresses,
  deleteSheet,
  findSheet,
  hexToBgr,
  rectAddress,
  withBulkWrites,
  XL_CONTINUOUS,
} from './model';
import type { WpsApplication, WpsRange, WpsWorksheet } from './types';

/** Text that WPS would read as a formula or a number when written as a value. */
const LOOKS_LIKE_INPUT = /^[=+\-@]/;
const XL_PAPER_A4 = 9;
const XL_LANDSCAPE = 2;
const ALIGN = { left: -4131, center: -4108, right: -4152 } as const;

/**
 * Writes each plan as a sheet after the last one: values one Value2 write per section, number formats grouped by
 * format, styles grouped by look, merges, column widths (the plan's unit, characters, is VBA's ColumnWidth unit) and
 * A4 landscape at the plan's scale with print titles, header and footer. Only Balance's own untouched report is replaced (see placeReports); the new sheet is
 * marked with a hidden sheet-scoped name whose fingerprint is of the values as WPS holds them after writing (WPS
 * turns a written "12" into 12). The first plan's sheet is shown.
 */
export function writeReport(
  app: WpsApplication,
  plans: ReportPlan | readonly ReportPlan[],
): Promise<ReportOutcome> {
  const list: readonly ReportPlan[] = Array.isArray(plans) ? plans : [plans as ReportPlan];
  return wpsOperation('writeReport', () => {
    const workbook = activeWorkbook(app);
    const worksheets = workbook.Worksheets;
    const existing: ExistingSheet[] = [];
    for (let i = 1; i <= worksheets.Count; i++) existing.push({ name: worksheets.Item(i).Name, mark: null });
    const family = new Set(
      reportFamily(
        list,
        existing.map((s) => s.name),
      ),
    );
    for (const entry of existing) {
      if (!family.has(entry.name)) continue;
      const sheet = findSheet(workbook, entry.name);
      entry.mark = sheet ? markOf(sheet) : null;
      if (sheet && entry.mark !== null) entry.current = fingerprintOf(sheet);
    }
    const { placements, outcome } = placeReports(list, existing);
    withBulkWrites(app, () => {
      const sheets = placements.map((placement) => {
        if (placement.replace) {
          const old = findSheet(workbook, placement.name);
          if (old) deleteSheet(old);
        }
        const sheet = worksheets.Add(undefined, worksheets.Item(worksheets.Count));
        sheet.Name = placement.name;
        writeSheet(sheet, placement.plan);
        sheet.Names.Add(REPORT_MARK_NAME, reportMarkFormula(fingerprintOf(sheet)), false);
        return sheet;
      });
      sheets[0]?.Activate();
    });
    return outcome;
  });
}

/** The fingerprint in the sheet's Balance mark, or null (a sheet-scoped name reads as "Sheet!BalanceReport"). */
function markOf(sheet: WpsWorksheet): string | null {
  const names = sheet.Names;
  for (let i = 1; i <= names.Count; i++) {
    const name = names.Item(i);
    const bare = name.Name.slice(name.Name.lastIndexOf('!') + 1);
    if (bare.toLowerCase() === REPORT_MARK_NAME.toLowerCase()) return readReportMark(name.RefersTo);
  }
  return null;
}

/** The fingerprint of the sheet's values as WPS holds them (one Value2 read of the used range). */
function fingerprintOf(sheet: WpsWorksheet): string {
  const used = sheet.UsedRange;
  const value = used.Value2;
  const values = Array.isArray(value) ? (value as unknown[][]) : [[value]];
  return reportFingerprint(blockCells(values, used.Row, used.Column - 1));
}

function writeSheet(sheet: WpsWorksheet, plan: ReportPlan): void {
  for (const section of plan.sections) {
    const rows = section.values.length;
    const columns = section.values[0]?.length ?? 0;
    if (rows === 0 || columns === 0) continue;
    const formats = new Map<string, string[]>();
    section.numberFormats.forEach((row, r) =>
      row.forEach((format, c) => {
        const f = isLiteralText(section.values[r][c]) ? '@' : format;
        if (f === 'General') return;
        const address = rectAddress({ top: section.top + r, left: c, bottom: section.top + r, right: c });
        const list = formats.get(f) ?? [];
        list.push(address);
        formats.set(f, list);
      }),
    );
    for (const [format, addresses] of formats)
      for (const chunk of chunkAddresses(addresses)) sheet.Range(chunk).NumberFormat = format;
    const block = sheet.Range(
      rectAddress({ top: section.top, left: 0, bottom: section.top + rows - 1, right: columns - 1 }),
    );
    block.Value2 = section.values.map((row) => row.map((v) => (v === null ? '' : v)));
  }

  for (const { style, areas } of stylesByLook(plan)) {
    for (const chunk of chunkAddresses(areas.map(rectAddress))) applyStyle(sheet.Range(chunk), style);
  }
  for (const merge of plan.merges) sheet.Range(rectAddress(merge)).Merge(false);
  plan.columnWidths.forEach((width, c) => {
    sheet.Range(rectAddress({ top: 1, left: c, bottom: 1, right: c })).ColumnWidth = width;
  });
  for (const { row, points } of plan.rowHeights ?? [])
    sheet.Range(rectAddress({ top: row, left: 0, bottom: row, right: 0 })).RowHeight = points;

  const page = sheet.PageSetup;
  const setup = plan.page;
  page.PaperSize = XL_PAPER_A4;
  page.Orientation = XL_LANDSCAPE;
  page.CenterHorizontally = setup.centerHorizontally;
  // A scale, never fit-to-width: wide tables continue on further pages under their print titles.
  page.Zoom = setup.zoom;
  const rows = setup.printTitleRows;
  page.PrintTitleRows = rows ? `$${rows.top}:$${rows.bottom}` : '';
  const columns = setup.printTitleColumns;
  page.PrintTitleColumns = columns ? `$${columnLetter(columns.left)}:$${columnLetter(columns.right)}` : '';
  page.LeftHeader = setup.header.left ?? '';
  page.CenterHeader = setup.header.center ?? '';
  page.RightHeader = setup.header.right ?? '';
  page.LeftFooter = setup.footer.left ?? '';
  page.CenterFooter = setup.footer.center ?? '';
  page.RightFooter = setup.footer.right ?? '';
  // A page starts before each break's column (between header groups, engine/plans/printSetup columnBreaks).
  const breaks = sheet.VPageBreaks;
  if (breaks)
    for (const b of setup.columnBreaks)
      breaks.Add(sheet.Range(rectAddress({ top: 1, left: b, bottom: 1, right: b })));
}

function isLiteralText(value: ReportValue): boolean {
  return typeof value === 'string' && LOOKS_LIKE_INPUT.test(value);
}

function applyStyle(range: WpsRange, style: ReportStyle): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.fontSize !== undefined) range.Font.Size = style.fontSize;
  if (style.fontColor !== undefined) range.Font.Color = hexToBgr(style.fontColor);
  if (style.fill !== undefined) range.Interior.Color = hexToBgr(style.fill);
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.align !== undefined) range.HorizontalAlignment = ALIGN[style.align];
  if (style.border) range.Borders.LineStyle = XL_CONTINUOUS;
}
