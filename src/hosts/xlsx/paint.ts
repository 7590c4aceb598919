/** The exceljs adapter: paints the engine's HighlightPlan and ReportPlan into a workbook, as the task pane does in Excel. */
import ExcelJS from 'exceljs';
import type { HighlightPlan, ReportPlan, ReportStyle } from '../../engine';

/** '#RRGGBB' → exceljs ARGB. */
const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

const solid = (hex: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: argb(hex) },
});

/** Separates the user's own note from ours when a marked cell already had one. */
const NOTE_SEPARATOR = '\n——\n';

/**
 * Shades each planned cell and puts the explanation in its note, keeping any note the user wrote. Cells that
 * shared a style keep sharing one (shaded) style object: exceljs writes a shared style object once.
 */
export function applyHighlights(ws: ExcelJS.Worksheet, plan: HighlightPlan): void {
  const shaded = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();
  for (const mark of plan.marks) {
    const cell = ws.getCell(mark.row, mark.column + 1);
    // Never mutate cell.style: exceljs shares style objects between cells read from the same style record.
    const base = cell.style;
    const byFill = shaded.get(base) ?? new Map<string, Partial<ExcelJS.Style>>();
    shaded.set(base, byFill);
    const style = byFill.get(mark.fill) ?? { ...base, fill: solid(mark.fill) };
    byFill.set(mark.fill, style);
    cell.style = style;
    const previous = noteText(cell.note);
    cell.note = previous ? `${previous}${NOTE_SEPARATOR}${mark.note}` : mark.note;
  }
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** A canonical key for a ReportStyle, independent of property order. */
const styleKey = (s: ReportStyle): string =>
  [s.bold, s.fontSize, s.fontColor, s.fill, s.wrap, s.align, s.border].map((v) => v ?? '').join('|');

/**
 * Replaces the report sheet (均衡评估报告) with the planned one. Style ranges are partial and later ones win property
 * by property; cells that end up alike share one exceljs style object, which keeps a 20,000-school report fast.
 */
export function writeReport(wb: ExcelJS.Workbook, plan: ReportPlan): ExcelJS.Worksheet {
  const old = wb.getWorksheet(plan.sheetName);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(plan.sheetName);

  // Interned styles: id 0 is "no style"; merging id a with range style b is computed once per (a, b).
  const styles: ReportStyle[] = [{}];
  const idOf = new Map<string, number>([[styleKey({}), 0]]);
  const intern = (s: ReportStyle): number => {
    const key = styleKey(s);
    let id = idOf.get(key);
    if (id === undefined) {
      id = styles.push(s) - 1;
      idOf.set(key, id);
    }
    return id;
  };
  const merged = new Map<string, number>();
  const cellStyle: number[][] = [];
  for (const range of plan.styles) {
    const add = intern(range.style);
    for (let r = range.top; r <= range.bottom; r++) {
      const row = (cellStyle[r] ??= []);
      for (let c = range.left; c <= range.right; c++) {
        const key = `${row[c] ?? 0}+${add}`;
        let id = merged.get(key);
        if (id === undefined) {
          id = intern({ ...styles[row[c] ?? 0], ...range.style });
          merged.set(key, id);
        }
        row[c] = id;
      }
    }
  }

  const cellFormat: string[][] = [];
  for (const section of plan.sections) {
    section.values.forEach((rowValues, i) => {
      const r = section.top + i;
      const row = ws.getRow(r);
      rowValues.forEach((value, j) => {
        if (value !== null) row.getCell(j + 1).value = value;
        const format = section.numberFormats[i]?.[j];
        if (value !== null && format && format !== 'General') (cellFormat[r] ??= [])[j] = format;
      });
    });
  }

  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const rows = new Set([...Object.keys(cellStyle), ...Object.keys(cellFormat)].map(Number));
  for (const r of rows) {
    const columns = new Set(
      [...Object.keys(cellStyle[r] ?? {}), ...Object.keys(cellFormat[r] ?? {})].map(Number),
    );
    for (const c of columns) {
      const id = cellStyle[r]?.[c] ?? 0;
      const format = cellFormat[r]?.[c];
      const key = `${id}|${format ?? ''}`;
      let style = shared.get(key);
      if (style === undefined) {
        style = toExcelStyle(styles[id], format);
        shared.set(key, style);
      }
      ws.getCell(r, c + 1).style = style;
    }
  }

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

function toExcelStyle(s: ReportStyle, numFmt: string | undefined): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (numFmt) style.numFmt = numFmt;
  if (s.bold !== undefined || s.fontSize !== undefined || s.fontColor !== undefined) {
    style.font = {
      ...(s.bold !== undefined && { bold: s.bold }),
      ...(s.fontSize !== undefined && { size: s.fontSize }),
      ...(s.fontColor !== undefined && { color: { argb: argb(s.fontColor) } }),
    };
  }
  if (s.fill) style.fill = solid(s.fill);
  if (s.wrap !== undefined || s.align !== undefined) {
    style.alignment = {
      ...(s.wrap !== undefined && { wrapText: s.wrap }),
      ...(s.align !== undefined && { horizontal: s.align }),
      vertical: 'top',
    };
  }
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return style;
}
