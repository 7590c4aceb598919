/**
 * One workbook file checked as Balance's file entries check it (the CLI's `check`, `plan` and `forms`, the web page's
 * county list): the named sheet or the first with a school table, the table read, the standard given or chosen from
 * its columns ('auto'), the evaluation, and every issue — the reader's, uncalculated formulas and the engine's — in
 * sheet order. Each entry words an unusable outcome itself (the CLI in its messages, the web page in its language).
 */
import {
  AUTO_PROFILE,
  chooseProfile,
  dataIssue,
  detectHeader,
  evaluate,
  mergeIssues,
  readCaption,
  readTable,
  resourceUnits,
  type CellGrid,
  type DataIssue,
  type HeaderDetection,
  type Profile,
  type SheetCheck,
  type TableRead,
} from '../../engine';
import { chooseSheet, type OutsideCell, type SheetInfo, type Unusable, type Workbook } from './workbook';

/** A profile, or 'auto': chosen per file from its recognised columns. */
export type ProfileSpec = Profile | typeof AUTO_PROFILE;

export type SheetOutcome =
  | (SheetCheck & {
      ok: true;
      worksheet: SheetInfo;
      /** With 'auto': why this profile was chosen (zh-CN), naming what each regime lacks. */
      profileChoice?: string;
      /** Cells with values far from the table: not read as data. */
      outside: OutsideCell[];
    })
  /** No sheet to read (none named so, or none with a school table): the reader's own Chinese message. */
  | Unusable
  /** A sheet was read, but without a table or a required column nothing can be computed. */
  | { ok: false; problem: 'noTable' | 'missingColumn'; sheet: string; fatal: DataIssue[] };

export function checkWorkbookSheet(
  workbook: Workbook,
  file: string,
  spec: ProfileSpec,
  options: { sheet?: string; onEvaluate?: (rows: number) => void } = {},
): SheetOutcome {
  // The header found while choosing the sheet is the one the table is read under: detected once, not twice.
  const seen: { grid?: CellGrid; detection?: HeaderDetection } = {};
  const chosen = chooseSheet(file, workbook, options.sheet, (grid) => {
    seen.grid = grid;
    seen.detection = detectHeader(grid);
    return seen.detection.found;
  });
  if (!chosen.ok) return chosen;
  const detection = seen.grid === chosen.grid ? seen.detection : undefined;
  // Both built-in regimes read dashes as none, so auto reads them so too; a custom profile says how.
  const table = readTable(chosen.grid, {
    dashes: spec === AUTO_PROFILE ? 'none' : spec.dashes,
    detection,
  });
  const fatal = table.issues.filter((i) => i.code === 'noTable' || i.code === 'missingColumn');
  if (table.header === null || fatal.length > 0)
    return {
      ok: false,
      problem: table.header === null ? 'noTable' : 'missingColumn',
      sheet: chosen.worksheet.name,
      fatal,
    };
  options.onEvaluate?.(table.rows.length);
  const choice = spec === AUTO_PROFILE ? chooseProfile(Object.keys(table.mapping)) : null;
  const profile = choice?.profile ?? (spec as Profile);
  const evaluation = evaluate(table.rows, profile, { units: resourceUnits(table.mapping) });
  const outcome: SheetOutcome = {
    ok: true,
    sheet: chosen.worksheet.name,
    profile,
    table,
    evaluation,
    issues: mergeIssues(
      table.issues,
      uncalculatedFormulas(workbook.read(chosen.worksheet).uncalculated, chosen.worksheet, table),
      evaluation.issues,
    ),
    caption: readCaption(chosen.grid, table.header.top),
    worksheet: chosen.worksheet,
    outside: chosen.outside,
  };
  if (choice) outcome.profileChoice = choice.explanation;
  return outcome;
}

/**
 * Formulas in the table's data cells that were never calculated (a file written by a program, not saved by Excel):
 * the reader sees them blank, so the user is told why the value is missing and how to get it.
 */
function uncalculatedFormulas(
  uncalculated: readonly { row: number; column: number }[],
  ws: SheetInfo,
  table: TableRead,
): DataIssue[] {
  const issues: DataIssue[] = [];
  if (uncalculated.length === 0) return issues;
  const cells = new Set(uncalculated.map((c) => `${c.row}:${c.column}`));
  for (const row of table.rows) {
    for (const [field, mapped] of Object.entries(table.mapping)) {
      if (!mapped || !cells.has(`${row.row}:${mapped.column}`)) continue;
      const at = { sheet: ws.name, row: row.row, column: mapped.column, field, label: mapped.header };
      issues.push(dataIssue(at, 'formulaNotCalculated', 'error', {}));
    }
  }
  return issues;
}
