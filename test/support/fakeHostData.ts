/**
 * A workbook as plain JSON for the fake Office host, and its loading into the recording fake Excel. Browser-safe (no
 * Node imports): the same loader runs in jest and, bundled, inside the page of the end-to-end tests.
 */
import {
  createFakeExcel,
  NO_FILL,
  type FakeCell,
  type FakeExcel,
  type FakeValue,
} from '../hosts/officejs/fakeExcel';

/** One non-blank cell: its address and what differs from a blank cell. */
export interface CellData {
  address: string;
  value?: FakeValue;
  /** '=SUM(E3:E40)' */
  formula?: string;
  numberFormat?: string;
  /** Solid fill colour '#RRGGBB'. */
  fill?: string;
  bold?: boolean;
  fontSize?: number;
  wrapText?: boolean;
  horizontalAlignment?: string;
  borders?: Record<string, string>;
}

export interface SheetData {
  name: string;
  cells: CellData[];
  /** A1 ranges. */
  merges: string[];
  hiddenRows: number[];
}

export interface WorkbookData {
  sheets: SheetData[];
  /** Name of the active sheet; the first sheet when absent. */
  active?: string;
}

function cellPatch(data: CellData): Partial<FakeCell> {
  const patch: Partial<FakeCell> = {};
  if (data.value !== undefined) patch.value = data.value;
  if (data.formula !== undefined) patch.formula = data.formula;
  if (data.numberFormat !== undefined) patch.numberFormat = data.numberFormat;
  if (data.fill !== undefined) patch.fill = { ...NO_FILL, color: data.fill.toUpperCase(), pattern: 'Solid' };
  if (data.bold !== undefined) patch.bold = data.bold;
  if (data.fontSize !== undefined) patch.fontSize = data.fontSize;
  if (data.wrapText !== undefined) patch.wrapText = data.wrapText;
  if (data.horizontalAlignment !== undefined) patch.horizontalAlignment = data.horizontalAlignment;
  if (data.borders !== undefined) patch.borders = { ...data.borders };
  return patch;
}

/** Loads the sheets into `fake` (a new fake when none is given). */
export function loadWorkbook(data: WorkbookData, fake: FakeExcel = createFakeExcel()): FakeExcel {
  for (const sheetData of data.sheets) {
    const sheet = fake.workbook.addSheet(sheetData.name);
    for (const cell of sheetData.cells) sheet.setCell(cell.address, cellPatch(cell));
    for (const merge of sheetData.merges) sheet.merge(merge);
    for (const row of sheetData.hiddenRows) sheet.hiddenRows.add(row);
  }
  if (data.active) fake.workbook.activate(data.active);
  return fake;
}
