/** The grid contract: one worksheet's cells as every host hands them to the engine. */

/** A merged area: 1-based rows, 0-based columns, inclusive. */
export interface CellMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet's used range as the adapters hand it over (values as Excel or exceljs give them). */
export interface CellGrid {
  sheet: string;
  values: unknown[][];
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
