/**
 * Where a mark belongs, independent of its A1 address: the school's row by identity (its name, and which of
 * several rows with that name) and the column by its header text. Sorting, inserting or deleting rows and
 * columns moves cells; re-reading the header and the name column finds each mark's row and column again.
 */
import type { CellGrid } from '../sheet/grid';
import { detectHeader } from '../sheet/headers';
import type { TableLayout } from './highlightPlan';

/** A row's identity: its school name; `n` tells apart rows that share it (in sheet order). */
export interface RowIdentity {
  key: string;
  n: number;
}

/** A column's identity: its header text (all header rows), and `n` among columns with the same text. */
export type ColumnIdentity = RowIdentity;

/** The identities of one sheet's rows and columns, as read now. */
export interface SheetLayout {
  /** 1-based row → identity, for the data rows under the header. */
  rowOf: Map<number, RowIdentity>;
  /** 0-based column → identity, for every column of the header. */
  columnOf: Map<number, ColumnIdentity>;
  /** identity → row / column, the way back. */
  rowAt: Map<string, number>;
  columnAt: Map<string, number>;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());

export const identityKey = (id: RowIdentity): string => `${id.n}\u0001${id.key}`;

/** Reads the header and the name column of a sheet's used range; null when there is no recognisable table. */
export function sheetLayout(grid: CellGrid, known?: TableLayout): SheetLayout | null {
  if (grid.values.length === 0) return null;
  // The check's own layout when painting its plan; recognised again when the sheet may have changed since.
  let header: { headerTop: number; headerBottom: number };
  let name: number | undefined;
  if (known) {
    header = known;
    name = known.nameColumn;
  } else {
    const found = detectHeader(grid);
    if (!found.found) return null;
    header = found;
    name = found.mapping['name']?.column;
  }
  if (name === undefined) return null;
  const at = (row: number, column: number): unknown =>
    grid.values[row - grid.firstRow]?.[column - grid.firstColumn];

  const layout: SheetLayout = {
    rowOf: new Map(),
    columnOf: new Map(),
    rowAt: new Map(),
    columnAt: new Map(),
  };
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const seenColumns = new Map<string, number>();
  for (let c = grid.firstColumn; c < grid.firstColumn + width; c++) {
    const parts: string[] = [];
    for (let r = header.headerTop; r <= header.headerBottom; r++) parts.push(text(at(r, c)));
    const key = parts.join('\u0002');
    const n = seenColumns.get(key) ?? 0;
    seenColumns.set(key, n + 1);
    const id = { key, n };
    layout.columnOf.set(c, id);
    layout.columnAt.set(identityKey(id), c);
  }
  const seenRows = new Map<string, number>();
  for (let r = header.headerBottom + 1; r < grid.firstRow + grid.values.length; r++) {
    // The name alone: the type and stage columns may be deleted or edited, the name is what the user sorts by.
    const key = text(at(r, name));
    if (key === '') continue;
    const n = seenRows.get(key) ?? 0;
    seenRows.set(key, n + 1);
    const id = { key, n };
    layout.rowOf.set(r, id);
    layout.rowAt.set(identityKey(id), r);
  }
  return layout;
}
