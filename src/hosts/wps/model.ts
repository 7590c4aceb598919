/** Small helpers over the WPS object model: constants, sheet lookup, addresses, BGR colours and bulk-write suspension. */
import { columnLetter, type CellMerge } from '../../engine';
import type { WpsApplication, WpsRange, WpsWorkbook, WpsWorksheet } from './types';
import { HostProblemError } from '../port';

/** XlSheetVisibility. */
export const XL_SHEET_HIDDEN = 0;
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlColorIndexNone / xlNone: "no fill". */
export const XL_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const XL_CALCULATION_MANUAL = -4135;
export const XL_CONTINUOUS = 1;
/** Excel VBA limits Range("a,b,c") address strings to 255 characters; WPS follows it. */
export const MAX_ADDRESS = 255;

export function activeWorkbook(app: WpsApplication): WpsWorkbook {
  const workbook = app.ActiveWorkbook;
  if (!workbook) throw new HostProblemError({ code: 'noWpsWorkbook' });
  return workbook;
}

/** The sheet of that name, or null — Worksheets.Item(name) throws for a missing name, so the sheets are walked. */
export function findSheet(workbook: WpsWorkbook, name: string): WpsWorksheet | null {
  const sheets = workbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const sheet = sheets.Item(i);
    if (sheet.Name === name) return sheet;
  }
  return null;
}

export function requireSheet(workbook: WpsWorkbook, name: string): WpsWorksheet {
  const sheet = findSheet(workbook, name);
  if (!sheet) throw new HostProblemError({ code: 'sheetNotFound', sheet: name });
  return sheet;
}

/** 'A1' for a single cell, 'A1:C4' otherwise (1-based rows, 0-based columns as in CellGrid). */
export function rectAddress(rect: CellMerge): string {
  const start = columnLetter(rect.left) + rect.top;
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${columnLetter(rect.right)}${rect.bottom}`;
}

/** The rectangle a WPS range covers. */
export function rangeRect(range: WpsRange): CellMerge {
  return {
    top: range.Row,
    left: range.Column - 1,
    bottom: range.Row + range.Rows.Count - 1,
    right: range.Column + range.Columns.Count - 2,
  };
}

/** '#RRGGBB' → the BGR long WPS (like VBA) uses for colours. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new RangeError(`颜色格式不正确：${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

/** Addresses joined by commas into lists no longer than Range() accepts. */
export function chunkAddresses(addresses: readonly string[], max = MAX_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (current === '') current = address;
    else if (current.length + 1 + address.length <= max) current += ',' + address;
    else {
      chunks.push(current);
      current = address;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Addresses grouped by a key, in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string, address: (item: T) => string) {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(address(item));
    else groups.set(k, [address(item)]);
  }
  return groups;
}

/**
 * Runs bulk writes with screen updating and automatic calculation off, and ALWAYS puts both back as they were — also
 * when a write fails part-way, or WPS would stay frozen and uncalculated for the user.
 */
export function withBulkWrites<T>(app: WpsApplication, run: () => T): T {
  const screen = app.ScreenUpdating;
  const calculation = app.Calculation;
  const alerts = app.DisplayAlerts;
  app.ScreenUpdating = false;
  try {
    app.Calculation = XL_CALCULATION_MANUAL;
    // Deleting our own sheets must not stop at a confirmation dialog.
    app.DisplayAlerts = false;
    return run();
  } finally {
    try {
      app.DisplayAlerts = alerts;
      app.Calculation = calculation;
    } finally {
      app.ScreenUpdating = screen;
    }
  }
}

/** Deletes a sheet of ours: made merely hidden first (a very hidden sheet cannot be deleted in Excel, WPS follows). */
export function deleteSheet(sheet: WpsWorksheet): void {
  sheet.Visible = XL_SHEET_HIDDEN;
  sheet.Delete();
}
