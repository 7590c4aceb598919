/** The highlight plan: which cells of the user's sheet to shade, in which colour, with which explanation — computed once, painted by the Office.js and exceljs adapters alike. */
import Decimal from 'decimal.js';
import type {
  ColumnMap,
  DataIssue,
  IndicatorId,
  IndicatorVerdict,
  SchoolKind,
  SchoolVerdict,
  Severity,
  Stage,
} from './types';

/** What a mark says about its cell; ordered weakest to strongest in {@link MARK_KIND_RANK}. */
export type MarkKind = 'indicator' | 'school' | 'check' | 'dataIssue';

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
}

/**
 * Fill colours. All are light enough that black text keeps a WCAG AA contrast ratio (≥ 4.5:1):
 * amber #FFE699 ≈ 17:1, light red #FF9999 ≈ 6.5:1, grey-purple #D9D2E9 ≈ 14:1. The school red and the
 * amber differ strongly in lightness, so they stay apart for red-green colour-blind readers too; and colour is
 * never the only signal — every mark carries a note and the report sheet lists the same facts.
 * Indicator and §7 check failures share the amber: both mean "this cell is below a standard".
 */
export const HIGHLIGHT_FILLS: Readonly<Record<MarkKind, string>> = {
  indicator: '#FFE699',
  check: '#FFE699',
  school: '#FF9999',
  dataIssue: '#D9D2E9',
};

/** When two marks land on one cell the stronger kind decides the fill (a failing school outranks its cells). */
export const MARK_KIND_RANK: Readonly<Record<MarkKind, number>> = {
  dataIssue: 1,
  check: 2,
  indicator: 3,
  school: 4,
};

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
}

/** Display text per indicator: the spec's Chinese name and the units of its value and of its resource. */
export interface IndicatorText {
  /** Exact spec §2 name. */
  name: string;
  /** Unit after the per-school value: '㎡', '元', '人' (per 100 students), '' for plain ratios. */
  valueUnit: string;
  /** Unit of the raw resource the gap is counted in. */
  gapUnit: string;
  /** Sheet fields holding the raw resource, in preference order. */
  resourceFields: readonly string[];
}

export const INDICATOR_TEXT: Readonly<Record<IndicatorId, IndicatorText>> = {
  qualifiedTeachersPer100: {
    name: '每百名学生拥有高于规定学历教师数',
    valueUnit: '人',
    gapUnit: '人',
    resourceFields: ['qualifiedTeachers'],
  },
  keyTeachersPer100: {
    name: '每百名学生拥有县级以上骨干教师数',
    valueUnit: '人',
    gapUnit: '人',
    resourceFields: ['keyTeachers'],
  },
  peArtTeachersPer100: {
    name: '每百名学生拥有体育、艺术（美术、音乐）专任教师数',
    valueUnit: '人',
    gapUnit: '人',
    resourceFields: ['peArtTeachers'],
  },
  teachingAreaPerStudent: {
    name: '生均教学及辅助用房面积',
    valueUnit: '㎡',
    gapUnit: '㎡',
    resourceFields: ['teachingArea'],
  },
  sportsAreaPerStudent: {
    name: '生均体育运动场馆面积',
    valueUnit: '㎡',
    gapUnit: '㎡',
    resourceFields: ['sportsArea'],
  },
  equipmentValuePerStudent: {
    name: '生均教学仪器设备值',
    valueUnit: '元',
    gapUnit: '元',
    resourceFields: ['equipmentValue'],
  },
  multimediaRoomsPer100: {
    name: '每百名学生拥有网络多媒体教室数',
    valueUnit: '间',
    gapUnit: '间',
    resourceFields: ['multimediaRooms'],
  },
  computersPer100: {
    name: '每百名学生拥有计算机台数',
    valueUnit: '台',
    gapUnit: '台',
    resourceFields: ['computers'],
  },
  booksPerStudent: { name: '生均图书册数', valueUnit: '册', gapUnit: '册', resourceFields: ['books'] },
  teachersPerStudent: { name: '师生比', valueUnit: '', gapUnit: '人', resourceFields: ['teachers'] },
  qualifiedTeachersPerStudent: {
    name: '生均高于规定学历教师数',
    valueUnit: '',
    gapUnit: '人',
    resourceFields: ['qualifiedTeachers'],
  },
  seniorTitleTeachersPerStudent: {
    name: '生均中级及以上专业技术职务教师数',
    valueUnit: '',
    gapUnit: '人',
    resourceFields: ['seniorTitleTeachers'],
  },
};

/** The spec's indicator order (§2.1 then the basic-only ones of §2.2), for stable output. */
export const INDICATOR_ORDER: readonly IndicatorId[] = [
  'qualifiedTeachersPer100',
  'keyTeachersPer100',
  'peArtTeachersPer100',
  'teachingAreaPerStudent',
  'sportsAreaPerStudent',
  'equipmentValuePerStudent',
  'multimediaRoomsPer100',
  'computersPer100',
  'booksPerStudent',
  'teachersPerStudent',
  'qualifiedTeachersPerStudent',
  'seniorTitleTeachersPerStudent',
];

/** 体育、艺术 teachers may sit in one combined column or in three separate ones; a gap concerns all of them. */
const PE_ART_PARTS = ['peTeachers', 'musicTeachers', 'artTeachers'] as const;

export const STAGE_TEXT: Readonly<Record<Stage, string>> = { primary: '小学', junior: '初中' };
const PART_LABEL: Readonly<Record<Stage, string>> = { primary: '（小学部）', junior: '（初中部）' };
const COMBINED_KINDS: ReadonlySet<SchoolKind> = new Set<SchoolKind>([
  'nineYear',
  'completeMiddle',
  'twelveYear',
]);

// ---------------------------------------------------------------------------------------------------------------
// Number formatting. The engine may export its own formatter later; until then this one keeps notes readable.

/**
 * Formats a number for a note: thousands separators, at most `decimals` decimals (half away from zero, decided in
 * decimal so 1.005 → 1.01), trailing zeros dropped: 1220 → "1,220", 6.3 → "6.3", 2.105263 → "2.11".
 */
export function formatQuantity(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  const text = rounded.abs().toFixed();
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = rounded.isNegative() && !rounded.isZero() ? '-' : '';
  return sign + grouped + (fraction ? '.' + fraction : '');
}

/** A ratio as a percentage with at most 2 decimals: 0.84 → "84%", 0.8666… → "86.67%". */
export function formatRatioPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  return formatQuantity(new Decimal(ratio).times(100).toNumber()) + '%';
}

function withUnit(value: number, unit: string): string {
  return formatQuantity(value) + unit;
}

/**
 * The note for a failing indicator, e.g. "生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡（小学部）".
 * `partLabel` is appended as is ('' for a stand-alone school).
 */
export function describeIndicatorShortfall(verdict: IndicatorVerdict, partLabel = ''): string {
  const text = INDICATOR_TEXT[verdict.indicator];
  const parts: string[] = [text.name];
  if (verdict.value !== null && verdict.standard !== null) {
    let comparison = `${withUnit(verdict.value, text.valueUnit)} < 标准 ${withUnit(verdict.standard, text.valueUnit)}`;
    if (verdict.ratio !== null) comparison += `（${formatRatioPercent(verdict.ratio)}）`;
    parts.push(' ' + comparison);
  } else if (verdict.standard !== null) {
    parts.push(` 未达到标准 ${withUnit(verdict.standard, text.valueUnit)}`);
  } else {
    parts.push(' 未达标');
  }
  if (verdict.gap !== null && verdict.gap > 0) parts.push(`，需增加 ${withUnit(verdict.gap, text.gapUnit)}`);
  return parts.join('') + partLabel;
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

// Private on purpose: table.ts owns the exported address helpers; these keep the plan free of that dependency.

/** 0 → 'A', 25 → 'Z', 26 → 'AA'. */
function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`列序号必须是非负整数：${index}`);
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'A' → 0, 'AA' → 26; undefined when the text is not a column letter. */
function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (12, 5) → 'F12'. */
function cellAddress(row: number, column: number): string {
  return columnLetter(column) + String(row);
}

/**
 * Splits addresses into comma-joined lists no longer than `maxChars` each, for `worksheet.getRanges(…)`
 * (Excel refuses address strings of 8,192 characters or more).
 */
export function chunkAddresses(addresses: readonly string[], maxChars = 8000): string[] {
  if (maxChars >= 8192) throw new RangeError('maxChars 必须小于 8192');
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (address.length > maxChars) throw new RangeError(`单个地址超过 ${maxChars} 个字符：${address}`);
    if (current === '') current = address;
    else if (current.length + 1 + address.length <= maxChars) current += ',' + address;
    else {
      chunks.push(current);
      current = address;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

// ---------------------------------------------------------------------------------------------------------------
// Planning

function isColumnMap(source: ColumnSource): source is ColumnMap {
  return typeof source === 'object' && !Array.isArray(source);
}

function columnsFor(source: ColumnSource, school: SchoolVerdict): ColumnMap | undefined {
  if (typeof source === 'function') return source(school);
  if (isColumnMap(source)) return source;
  const rows = source as readonly RowColumns[];
  const sameRow = rows.filter(
    (r) => r.row === school.row && (r.sheet === undefined || r.sheet === school.sheet),
  );
  return (
    sameRow.find((r) => r.stage === school.stage) ??
    sameRow.find((r) => r.stage === undefined) ??
    sameRow[0]
  )?.columns;
}

/** A combined row keeps per-stage columns ('primary.teachers') beside shared ones ('sportsArea'). */
function fieldColumn(columns: ColumnMap, field: string, stage: Stage): number | undefined {
  return columns[`${stage}.${field}`] ?? columns[field];
}

/** The cells that hold an indicator's resource; the ratio column when the sheet only gives ratios. */
function indicatorColumns(verdict: IndicatorVerdict, columns: ColumnMap, stage: Stage): number[] {
  const ratioColumn = fieldColumn(columns, verdict.indicator, stage);
  if (verdict.fromRatio && ratioColumn !== undefined) return [ratioColumn];
  const fields = verdict.resourceField
    ? [verdict.resourceField]
    : [...INDICATOR_TEXT[verdict.indicator].resourceFields];
  const found: number[] = [];
  for (const field of fields) {
    const direct = fieldColumn(columns, field, stage);
    if (direct !== undefined) found.push(direct);
    else if (field === 'peArtTeachers') {
      for (const part of PE_ART_PARTS) {
        const column = fieldColumn(columns, part, stage);
        if (column !== undefined) found.push(column);
      }
    }
  }
  if (found.length === 0 && ratioColumn !== undefined) found.push(ratioColumn);
  return found;
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

function schoolNote(school: SchoolVerdict, partLabel: string): string {
  const judged = school.indicators.filter((i) => i.standard !== null).length;
  const head = `${school.name}${partLabel}未达到校际标准：${judged} 项指标达标 ${school.met} 项`;
  return school.reasons.length === 0 ? head : [head, ...school.reasons.map((r) => '· ' + r)].join('\n');
}

/**
 * Plans the shading of one sheet: failing indicators shade their resource cells, failing schools their name cell,
 * failing §7 checks their field's cell, and data issues their cell. Marks that meet on one cell (the two parts of a
 * combined row, or an issue on a failing cell) merge into one: the stronger kind's fill, all notes.
 */
export function planHighlights(input: HighlightInput): HighlightPlan {
  const pending: PendingMark[] = [];
  const severities = new Set<Severity>(input.issueSeverities ?? ['error', 'warning']);
  const onSheet = (sheet: string | undefined) => sheet === undefined || sheet === input.sheet;

  const rowsSeen = new Map<number, number>();
  for (const school of input.schools) {
    if (onSheet(school.sheet)) rowsSeen.set(school.row, (rowsSeen.get(school.row) ?? 0) + 1);
  }
  const sharedRows = new Set([...rowsSeen].filter(([, count]) => count > 1).map(([row]) => row));

  for (const school of input.schools) {
    if (!onSheet(school.sheet)) continue;
    const columns = columnsFor(input.columns, school);
    if (!columns) continue;
    const partLabel = partLabelFor(school, sharedRows);

    for (const verdict of school.indicators) {
      if (verdict.pass !== false) continue;
      const note = describeIndicatorShortfall(verdict, partLabel);
      for (const column of indicatorColumns(verdict, columns, school.stage)) {
        pending.push({ row: school.row, column, kind: 'indicator', note });
      }
    }
    for (const check of school.checks) {
      if (check.pass) continue;
      const column = fieldColumn(columns, check.field, school.stage);
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
    const column = columnIndex(issue.column);
    if (column === undefined) continue;
    pending.push({ row: issue.row, column, kind: 'dataIssue', note: issue.message });
  }

  return { sheet: input.sheet, marks: mergeMarks(pending) };
}

/** One mark per cell: the strongest kind's fill, notes strongest first, duplicates dropped. */
function mergeMarks(pending: readonly PendingMark[]): CellMark[] {
  const byCell = new Map<string, PendingMark[]>();
  for (const mark of pending) {
    const key = `${mark.row}:${mark.column}`;
    const list = byCell.get(key);
    if (list) list.push(mark);
    else byCell.set(key, [mark]);
  }
  const marks: CellMark[] = [];
  for (const list of byCell.values()) {
    const ordered = list
      .map((mark, order) => ({ mark, order }))
      .sort((a, b) => MARK_KIND_RANK[b.mark.kind] - MARK_KIND_RANK[a.mark.kind] || a.order - b.order)
      .map((entry) => entry.mark);
    const strongest = ordered[0];
    const notes = [...new Set(ordered.map((m) => m.note))];
    marks.push({
      row: strongest.row,
      column: strongest.column,
      address: cellAddress(strongest.row, strongest.column),
      kind: strongest.kind,
      fill: HIGHLIGHT_FILLS[strongest.kind],
      note: notes.join('\n'),
    });
  }
  return marks.sort((a, b) => a.row - b.row || a.column - b.column);
}
