/** The highlight plan: which cells of the user's sheet to shade, in which colour, with which explanation — computed once, painted by the Office.js and exceljs adapters alike. */
import {
  formatAllowanceNote,
  formatIndicatorReason,
  formatPercent,
  type ResourceUnits,
} from '../model/format';
import { INDICATORS } from '../model/indicators';
import { cellAddress, columnIndex } from '../model/addresses';
import type {
  ColumnMap,
  DataIssue,
  IndicatorVerdict,
  SchoolKind,
  SchoolVerdict,
  Severity,
  Stage,
} from '../model/types';

/**
 * What a mark says about its cell; ordered weakest to strongest in {@link MARK_KIND_RANK}. `allowance` is a
 * below-standard cell of a school that passes (within the rule's r × standard).
 */
export type MarkKind = 'allowance' | 'indicator' | 'school' | 'check' | 'dataIssue';

/** One shaded cell (标注单元格). */
export interface CellMark {
  /** 1-based worksheet row. */
  row: number;
  /** 0-based worksheet column. */
  column: number;
  /** A1-style address without sheet, e.g. 'F12'. */
  address: string;
  kind: MarkKind;
  /** Fill colour, '#RRGGBB'. */
  fill: string;
  /** zh-CN explanation shown as the cell's note; several explanations are joined by line breaks. */
  note: string;
}

export interface HighlightPlan {
  sheet: string;
  /** One mark per cell, sorted by row then column. */
  marks: CellMark[];
  /**
   * Where the table's header rows and name column are, as the check found them: a host that records marks by row
   * and column identity takes them from here instead of recognising the header again.
   */
  layout?: TableLayout;
}

/** The table's header rows (1-based, inclusive) and its school-name column (0-based). */
export interface TableLayout {
  headerTop: number;
  headerBottom: number;
  nameColumn: number;
}

/**
 * Fill colours. All are light enough that black text keeps a WCAG AA contrast ratio (≥ 4.5:1):
 * amber #FFE699 ≈ 17:1, pale yellow #FFF2CC ≈ 19:1, light red #FF9999 ≈ 6.5:1, grey-purple #D9D2E9 ≈ 14:1. The
 * school red and the amber differ strongly in lightness, so they stay apart for red-green colour-blind readers too;
 * the pale yellow is the amber's lighter shade, "below standard, but allowed"; and colour is never the only signal —
 * every mark carries a note and the report sheet lists the same facts.
 * Indicator and §7 check failures share the amber: both mean "this cell is below a standard".
 */
export const HIGHLIGHT_FILLS: Readonly<Record<MarkKind, string>> = {
  allowance: '#FFF2CC',
  indicator: '#FFE699',
  check: '#FFE699',
  school: '#FF9999',
  dataIssue: '#D9D2E9',
};

/** When two marks land on one cell the stronger kind decides the fill (a failing school outranks its cells). */
export const MARK_KIND_RANK: Readonly<Record<MarkKind, number>> = {
  allowance: 0,
  dataIssue: 1,
  check: 2,
  indicator: 3,
  school: 4,
};

/** One colour of the legend; `kinds` are the marks painted in it (indicator and check failures share one). */
export interface LegendEntry {
  key: 'school' | 'indicator' | 'allowance' | 'dataIssue';
  fill: string;
  kinds: readonly MarkKind[];
}

/** The legend of every mark colour, strongest first: the pane and the report sheet show it from here. */
export const HIGHLIGHT_LEGEND: readonly LegendEntry[] = [
  { key: 'school', fill: HIGHLIGHT_FILLS.school, kinds: ['school'] },
  { key: 'indicator', fill: HIGHLIGHT_FILLS.indicator, kinds: ['indicator', 'check'] },
  { key: 'allowance', fill: HIGHLIGHT_FILLS.allowance, kinds: ['allowance'] },
  { key: 'dataIssue', fill: HIGHLIGHT_FILLS.dataIssue, kinds: ['dataIssue'] },
];

/** What a legend colour means, in zh-CN (the pane has its own per-language strings); `r` is the rule's floor. */
export function legendText(key: LegendEntry['key'], r: number | null = null): string {
  switch (key) {
    case 'school':
      return '学校名称：该校未达到校际标准（说明见批注）';
    case 'indicator':
      return '数值低于标准，且该校未达标；或未通过其他检查（班额、规模、功能室）';
    case 'allowance':
      return `数值低于标准，但在${r === null ? '' : ` ${formatPercent(r)} `}允许范围内，学校仍达标`;
    case 'dataIssue':
      return '数据问题：缺少、无效或需核对的数据';
  }
}

/** Anything that knows a worksheet row's columns: SchoolRow and SchoolPart both fit. */
export interface RowColumns {
  row: number;
  stage?: Stage;
  sheet?: string;
  columns?: ColumnMap;
}

/**
 * Where the planner finds a school's cells: one ColumnMap for the whole sheet (the usual single header),
 * the rows/parts as read (each carries its own `columns`), or a function.
 */
export type ColumnSource =
  ColumnMap | readonly RowColumns[] | ((school: SchoolVerdict) => ColumnMap | undefined);

export interface HighlightInput {
  sheet: string;
  schools: readonly SchoolVerdict[];
  columns: ColumnSource;
  issues?: readonly DataIssue[];
  /** Issues of these severities are shaded; DEFAULT error and warning (info would drown the sheet). */
  issueSeverities?: readonly Severity[];
  /** The unit each resource column is written in (万元), for the amounts in notes. */
  units?: ResourceUnits;
  /** The profile's per-school rule: with it a note says when reaching the floor is all the school needs. */
  rule?: { k: number; r: number } | null;
}

const PART_LABEL: Readonly<Record<Stage, string>> = { primary: '（小学部）', junior: '（初中部）' };
const COMBINED_KINDS: ReadonlySet<SchoolKind> = new Set<SchoolKind>([
  'nineYear',
  'completeMiddle',
  'twelveYear',
]);

// ---------------------------------------------------------------------------------------------------------------
// Planning

function isColumnMap(source: ColumnSource): source is ColumnMap {
  return typeof source === 'object' && !Array.isArray(source);
}

/** A lookup from school to its columns; rows are indexed once (the CLI passes 20,000 of them). */
function columnResolver(source: ColumnSource): (school: SchoolVerdict) => ColumnMap | undefined {
  if (typeof source === 'function') return source;
  if (isColumnMap(source)) return () => source;
  const byRow = new Map<number, RowColumns[]>();
  for (const entry of source as readonly RowColumns[]) {
    const list = byRow.get(entry.row);
    if (list) list.push(entry);
    else byRow.set(entry.row, [entry]);
  }
  return (school) => {
    const list = byRow.get(school.row);
    if (list === undefined) return undefined;
    if (list.length === 1) {
      // The usual row, one part: the same answer as below, without the lists.
      const only = list[0];
      return only.sheet === undefined || only.sheet === school.sheet ? only.columns : undefined;
    }
    const sameRow = list.filter((r) => r.sheet === undefined || r.sheet === school.sheet);
    const entry =
      sameRow.find((r) => r.stage === school.stage) ??
      sameRow.find((r) => r.stage === undefined) ??
      sameRow[0];
    return entry?.columns;
  };
}

/** A combined row keeps per-stage columns ('primary.teachers') beside shared ones ('sportsArea'). */
/**
 * A field's cell for one school part. A combined row keeps each stage's count in its own column (初中专任教师数), so
 * there the stage-qualified column wins; a stand-alone school's count is in the plain column even when the sheet also
 * has per-stage columns for its combined rows, and falls back to a per-stage column only when that is all there is.
 */
function fieldColumn(columns: ColumnMap, field: string, school: SchoolVerdict): number | undefined {
  const staged = columns[`${school.stage}.${field}`];
  return COMBINED_KINDS.has(school.kind) ? (staged ?? columns[field]) : (columns[field] ?? staged);
}

/**
 * The cells that hold an indicator's resource: the verdict's resource field, else the first way of reading the
 * numerator whose columns are all on the sheet (体育、艺术 teachers in one column or in three), else whatever part of
 * it is there; the ratio column when the value came from a ratio, or when the sheet has nothing else.
 */
function indicatorColumns(verdict: IndicatorVerdict, columns: ColumnMap, school: SchoolVerdict): number[] {
  const ratioColumn = fieldColumn(columns, verdict.indicator, school);
  if (verdict.fromRatio && ratioColumn !== undefined) return [ratioColumn];
  const ways: (readonly string[])[] = [...INDICATORS[verdict.indicator].numerator];
  if (verdict.resourceField) ways.unshift([verdict.resourceField]);
  const located = ways.map((fields) => fields.map((f) => fieldColumn(columns, f, school)));
  const complete = located.find((cols) => cols.every((c) => c !== undefined));
  const found = [...new Set((complete ?? located.flat()).filter((c): c is number => c !== undefined))];
  if (found.length === 0 && ratioColumn !== undefined) found.push(ratioColumn);
  return found;
}

/**
 * indicatorColumns remembered per column map: the answer depends only on the map, the verdict's indicator, resource
 * field and source, the part's stage and whether its school is a combined one. The parts of one table share its map,
 * so 20,000 parts ask about one or two maps.
 */
function indicatorColumnsCache(): (
  verdict: IndicatorVerdict,
  columns: ColumnMap,
  school: SchoolVerdict,
) => number[] {
  // map → indicator → resource field → stage → [source and combined school as 2 bits]: every key is a constant
  // string, so no key text is made per verdict.
  type Known = Map<string, Map<string, Map<string, (number[] | undefined)[]>>>;
  const maps = new Map<ColumnMap, Known>();
  return (verdict, columns, school) => {
    let known = maps.get(columns);
    if (known === undefined) {
      // A source with a new map per part would grow this without end: remember the last few only.
      if (maps.size >= 16) maps.clear();
      maps.set(columns, (known = new Map()));
    }
    let byField = known.get(verdict.indicator);
    if (byField === undefined) known.set(verdict.indicator, (byField = new Map()));
    const field = verdict.resourceField ?? '';
    let byStage = byField.get(field);
    if (byStage === undefined) byField.set(field, (byStage = new Map()));
    let slots = byStage.get(school.stage);
    if (slots === undefined) byStage.set(school.stage, (slots = []));
    const slot = (verdict.fromRatio === true ? 1 : 0) + (COMBINED_KINDS.has(school.kind) ? 2 : 0);
    let found = slots[slot];
    if (found === undefined) slots[slot] = found = indicatorColumns(verdict, columns, school);
    return found;
  };
}

interface PendingMark {
  row: number;
  column: number;
  kind: MarkKind;
  note: string;
}

function partLabelFor(school: SchoolVerdict, sharedRows: ReadonlySet<number>): string {
  return COMBINED_KINDS.has(school.kind) || sharedRows.has(school.row) ? PART_LABEL[school.stage] : '';
}

function countBelowFloor(indicators: readonly IndicatorVerdict[]): number {
  let n = 0;
  for (const v of indicators) if (v.withinAllowance === false) n++;
  return n;
}

/** The name cell's note: the school's reasons, which begin with the rule it breaks ("仅 5 项达标，少于 6 项"). */
function schoolNote(school: SchoolVerdict, partLabel: string): string {
  if (school.reasons.length === 0) {
    const judged = school.indicators.filter((i) => i.standard !== null).length;
    return `${school.name}${partLabel}未达到校际标准：${judged} 项指标中 ${school.met} 项达标`;
  }
  return [`${school.name}${partLabel}未达到校际标准`, ...school.reasons.map((r) => '· ' + r)].join('\n');
}

/**
 * Plans the shading of one sheet: below-standard indicators shade their resource cells (amber when the school fails,
 * pale yellow when it passes within the allowance), failing schools their name cell,
 * failing §7 checks their field's cell, and data issues their cell. Marks that meet on one cell (the two parts of a
 * combined row, or an issue on a failing cell) merge into one: the stronger kind's fill, all notes.
 */
export function planHighlights(input: HighlightInput): HighlightPlan {
  const pending: PendingMark[] = [];
  const columnsOf = columnResolver(input.columns);
  const cellsOf = indicatorColumnsCache();
  const severities = new Set<Severity>(input.issueSeverities ?? ['error', 'warning']);
  const onSheet = (sheet: string | undefined) => sheet === undefined || sheet === input.sheet;

  const rowsSeen = new Map<number, number>();
  for (const school of input.schools) {
    if (onSheet(school.sheet)) rowsSeen.set(school.row, (rowsSeen.get(school.row) ?? 0) + 1);
  }
  const sharedRows = new Set([...rowsSeen].filter(([, count]) => count > 1).map(([row]) => row));

  for (const school of input.schools) {
    if (!onSheet(school.sheet)) continue;
    const columns = columnsOf(school);
    if (!columns) continue;
    const partLabel = partLabelFor(school, sharedRows);

    const rule = input.rule ?? null;
    const reasonOptions = {
      units: input.units,
      school:
        rule === null
          ? undefined
          : {
              met: school.met,
              k: rule.k,
              belowFloor: countBelowFloor(school.indicators),
            },
    };
    for (const verdict of school.indicators) {
      if (verdict.pass !== false) continue;
      // A passing school's below-standard cells are within the allowance: a lighter shade, and a note saying so.
      const allowed = school.pass === true && verdict.withinAllowance !== false;
      const kind: MarkKind = allowed ? 'allowance' : 'indicator';
      const note =
        (allowed
          ? formatAllowanceNote(verdict, reasonOptions)
          : formatIndicatorReason(verdict, reasonOptions)) + partLabel;
      for (const column of cellsOf(verdict, columns, school)) {
        pending.push({ row: school.row, column, kind, note });
      }
    }
    for (const check of school.checks) {
      if (check.pass) continue;
      const column = fieldColumn(columns, check.field, school);
      if (column !== undefined)
        pending.push({ row: school.row, column, kind: 'check', note: check.message + partLabel });
    }
    if (school.pass === false) {
      const column = columns['name'];
      if (column !== undefined) {
        pending.push({ row: school.row, column, kind: 'school', note: schoolNote(school, partLabel) });
      }
    }
  }

  for (const issue of input.issues ?? []) {
    if (!onSheet(issue.sheet) || issue.row < 1 || issue.column === undefined) continue;
    if (!severities.has(issue.severity)) continue;
    // An engine-built issue keeps its 0-based column; one built by a host has only the letter.
    const column = issue.detail?.columnIndex ?? columnIndex(issue.column);
    if (column === undefined) continue;
    pending.push({ row: issue.row, column, kind: 'dataIssue', note: issue.message });
  }

  return { sheet: input.sheet, marks: mergeMarks(pending) };
}

/** A cell's key: a number for ordinary places (no string per mark: a county has 100,000 of them). */
function cellKey(row: number, column: number): number | string {
  return Number.isInteger(row) &&
    row >= 0 &&
    row < 2 ** 32 &&
    Number.isInteger(column) &&
    column >= 0 &&
    column < 2 ** 20
    ? row * 2 ** 20 + column
    : `${row}:${column}`;
}

/** One mark per cell: the strongest kind's fill, notes strongest first, duplicates dropped. */
function mergeMarks(pending: readonly PendingMark[]): CellMark[] {
  // A cell's first mark, or all of its marks once there are several (most cells have one).
  const byCell = new Map<number | string, PendingMark | PendingMark[]>();
  for (const mark of pending) {
    const key = cellKey(mark.row, mark.column);
    const seen = byCell.get(key);
    if (seen === undefined) byCell.set(key, mark);
    else if (Array.isArray(seen)) seen.push(mark);
    else byCell.set(key, [seen, mark]);
  }
  const marks: CellMark[] = [];
  for (const entry of byCell.values()) {
    let strongest: PendingMark;
    let note: string;
    if (!Array.isArray(entry)) {
      strongest = entry;
      note = entry.note;
    } else {
      const ordered = entry
        .map((mark, order) => ({ mark, order }))
        .sort((a, b) => MARK_KIND_RANK[b.mark.kind] - MARK_KIND_RANK[a.mark.kind] || a.order - b.order)
        .map((e) => e.mark);
      strongest = ordered[0];
      note = [...new Set(ordered.map((m) => m.note))].join('\n');
    }
    marks.push({
      row: strongest.row,
      column: strongest.column,
      address: cellAddress(strongest.row, strongest.column),
      kind: strongest.kind,
      fill: HIGHLIGHT_FILLS[strongest.kind],
      note,
    });
  }
  return marks.sort((a, b) => a.row - b.row || a.column - b.column);
}
