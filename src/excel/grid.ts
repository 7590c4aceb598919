/** The grid the adapter hands to the engine: structurally identical to CellGrid of src/engine/table.ts (kept local until that file lands). */

/** One worksheet region's cells as Excel reports them. */
export interface CellGrid {
  sheet: string;
  /** number, string, boolean, '' for blank, error strings such as '#N/A'. */
  values: unknown[][];
  /** 1-based worksheet row of values[0]. */
  firstRow: number;
  /** 0-based worksheet column of values[i][0]. */
  firstColumn: number;
  /** 1-based worksheet rows that are hidden (or filtered out). */
  hiddenRows?: number[];
  /** Merged areas: 1-based rows, 0-based columns, inclusive. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  numberFormats?: string[][];
}
