/**
 * The pane's settings kept inside the workbook, on a very hidden sheet. Not custom document properties: a text
 * property holds at most 255 characters, and the settings are JSON of any length (a cell holds 32,767, split below).
 */
import { wpsOperation } from './errors';
import { HostProblemError } from '../port';
import { activeWorkbook, findSheet, rectAddress, withBulkWrites, XL_SHEET_VERY_HIDDEN } from './model';
import type { WpsApplication } from './types';

export const SETTINGS_SHEET_NAME = '_balance_settings';
const MAGIC = 'balance-settings';
const PIECE = 30000;

/** The stored value (unvalidated: an older version may have saved it), or null when there is none or it is unreadable. */
export function loadSettings(app: WpsApplication): Promise<unknown> {
  return wpsOperation('loadSettings', () => {
    const sheet = findSheet(activeWorkbook(app), SETTINGS_SHEET_NAME);
    if (!sheet) return null;
    const value = sheet.UsedRange.Value2;
    const row: unknown[] =
      Array.isArray(value) && Array.isArray(value[0]) ? (value[0] as unknown[]) : [value];
    if (row[0] !== MAGIC) return null;
    try {
      return JSON.parse(
        row
          .slice(1)
          .map((v) => (typeof v === 'string' ? v : ''))
          .join(''),
      ) as unknown;
    } catch {
      return null;
    }
  });
}

/** Stores `value` (JSON-serialisable); the sheet is created very hidden the first time and never shown. */
export function saveSettings(app: WpsApplication, value: unknown): Promise<void> {
  return wpsOperation('saveSettings', () => {
    const workbook = activeWorkbook(app);
    const json = JSON.stringify(value ?? null);
    const pieces: string[] = [];
    for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
    const row = [MAGIC, ...pieces];
    withBulkWrites(app, () => {
      let sheet = findSheet(workbook, SETTINGS_SHEET_NAME);
      if (sheet) {
        // A user's sheet that merely shares the name is never overwritten.
        const head = sheet.Range('A1').Value2;
        if (head !== MAGIC && head !== null && head !== undefined && head !== '')
          throw new HostProblemError({
            code: 'sheetNameTaken',
            sheet: SETTINGS_SHEET_NAME,
            purpose: 'settings',
          });
      } else {
        const active = app.ActiveSheet;
        sheet = workbook.Worksheets.Add();
        sheet.Name = SETTINGS_SHEET_NAME;
        sheet.Visible = XL_SHEET_VERY_HIDDEN;
        active?.Activate();
      }
      const old = sheet.UsedRange;
      const width = Math.max(row.length, old.Column + old.Columns.Count - 1);
      const range = sheet.Range(rectAddress({ top: 1, left: 0, bottom: 1, right: width - 1 }));
      range.NumberFormat = '@';
      range.Value2 = [[...row, ...Array<string>(width - row.length).fill('')]];
    });
  });
}
