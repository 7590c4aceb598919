/** The grid contract: one worksheet's cells as every host hands them to the engine. */

/**
 * One cell as a host hands it over, already normalised by the host: a number, text (error values as their code,
 * e.g. "#N/A"; rich text as its plain text), a logical value, a date, or null for blank (and for a formula that has
 * no calculated result yet).
 */
export type CellValue = string | number | boolean | Date | null;

/** A merged area: 1-based rows, 0-based columns, inclusive. */
export interface CellMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet's used range as the adapters hand it over. */
export interface CellGrid {
  sheet: string;
  values: CellValue[][];
  /** 1-based worksheet row of values[0]. */
  firstRow: number;
  /** 0-based worksheet column of values[i][0]. */
  firstColumn: number;
  /** 1-based worksheet rows that are hidden. */
  hiddenRows?: number[];
  merges?: CellMerge[];
  /** Excel number formats, same shape as values. */
  numberFormats?: string[][];
}

/**
 * A cell's text as Excel shows it in the cell: numbers as written, logical values as TRUE / FALSE, blank as "".
 * Dates have no text here (they are never header words, names or kinds); a missing cell of a ragged row is blank.
 */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}
