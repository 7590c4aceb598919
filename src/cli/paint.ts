/** The exceljs adapter: paints the engine's HighlightPlan and ReportPlan into a workbook, as the task pane does in Excel. */
import ExcelJS from 'exceljs';
import type { HighlightPlan } from '../engine/highlightPlan';
import type { ReportPlan, ReportStyle } from '../engine/reportPlan';

/** '#RRGGBB' → exceljs ARGB. */
const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const solid = (hex: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: argb(hex) },
});

/** Separates the user's own note from ours when a marked cell already had one. */
const NOTE_SEPARATOR = '\n——\n';

/** Shades each planned cell and puts the explanation in its note, keeping any note the user wrote. */
export function applyHighlights(ws: ExcelJS.Worksheet, plan: HighlightPlan): void {
  for (const mark of plan.marks) {
    const cell = ws.getCell(mark.row, mark.column + 1);
    // A fresh style object: exceljs shares style objects between cells read from the same style record.
    cell.style = { ...cell.style, fill: solid(mark.fill) };
    const previous = noteText(cell.note);
    cell.note = previous ? `${previous}${NOTE_SEPARATOR}${mark.note}` : mark.note;
  }
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** Replaces the report sheet (均衡评估报告) with the planned one. */
export function writeReport(wb: ExcelJS.Workbook, plan: ReportPlan): ExcelJS.Worksheet {
  const old = wb.getWorksheet(plan.sheetName);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.sheetName);

  for (const section of plan.sections) {
    section.values.forEach((rowValues, i) => {
      const row = ws.getRow(section.top + i);
      rowValues.forEach((value, j) => {
        if (value === null) return;
        const cell = row.getCell(j + 1);
        cell.value = value;
        const format = section.numberFormats[i]?.[j];
        if (format && format !== 'General') cell.numFmt = format;
      });
    });
  }

  // Ranges are partial and later ones win property by property, so merge them per cell before touching exceljs.
  const styles = new Map<string, { row: number; col: number; style: ReportStyle }>();
  for (const range of plan.styles) {
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) {
        const key = `${r}:${c}`;
        const entry = styles.get(key) ?? { row: r, col: c, style: {} };
        entry.style = { ...entry.style, ...range.style };
        styles.set(key, entry);
      }
    }
  }
  for (const { row, col, style } of styles.values()) applyStyle(ws.getCell(row, col + 1), style);

  for (const m of plan.merges) ws.mergeCells(m.top, m.left + 1, m.bottom, m.right + 1);
  plan.columnWidths.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: plan.page.orientation,
    fitToPage: true,
    fitToWidth: plan.page.fitToPagesWide,
    fitToHeight: 0,
    horizontalCentered: plan.page.centerHorizontally,
  };
  return ws;
}

function applyStyle(cell: ExcelJS.Cell, s: ReportStyle): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    style.font = {
      ...style.font,
      ...(s.bold !== undefined && { bold: s.bold }),
      ...(s.fontSize !== undefined && { size: s.fontSize }),
      ...(s.fontColor !== undefined && { color: { argb: argb(s.fontColor) } }),
    };
  }
  if (s.fill) style.fill = solid(s.fill);
  if (s.wrap !== undefined || s.align !== undefined) {
    style.alignment = {
      ...style.alignment,
      ...(s.wrap !== undefined && { wrapText: s.wrap }),
      ...(s.align !== undefined && { horizontal: s.align }),
      vertical: 'top',
    };
  }
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  cell.style = style;
}
