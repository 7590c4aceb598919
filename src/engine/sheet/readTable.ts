/** Reads a worksheet's school table into SchoolRows: the one reader the task pane, BALANCE.REPORT and the CLI share. */
import Decimal from 'decimal.js';
import { fieldByKey } from '../model/fields';
import type { FieldDef, FieldKey } from '../model/fields';
import { detectHeader, missingColumnIssues, unitIssues } from './headers';
import type { ColumnMapping, HeaderDetection, MappedColumn } from './headers';
import { dataIssue } from '../model/issues';
import type { IssueParams } from '../model/issueTexts';
import { compactText as compact, isTotalName, kindFromName, toHalfWidth } from '../model/text';
import { convertUnit, isDateFormat, parseCellNumber } from './cells';
import type { ParsedNumber } from './cells';
import { cellText, type CellGrid, type CellValue } from './grid';
import { isStandardName } from '../rules/scope';
import { parseSponsor } from '../model/sponsor';
import type {
  AnyStage,
  ColumnMap,
  CountField,
  DashReading,
  DataIssue,
  IndicatorId,
  IssueCode,
  Ownership,
  SchoolKind,
  SchoolRow,
  Severity,
  SponsorCode,
} from '../model/types';

export type { CellGrid, CellMerge } from './grid';

export interface ReadTableOptions {
  /** A mapping fixed by the user (replaces the recognised one; header rows are still detected). */
  mapping?: ColumnMapping;
  /** Kind for rows whose 学段/学校类型 cell and name say nothing. */
  defaultKind?: SchoolKind;
  /** 1-based last header row, when the caller knows it (data starts below). */
  headerBottom?: number;
  /** How "—", "/" and "无" read (the profile's `dashes`): 'none' is 0 (DEFAULT), 'unknown' is no data. */
  dashes?: DashReading;
  /**
   * The header already detected on this same grid (detectHeader), so that one check detects it once; DEFAULT
   * detected here.
   */
  detection?: HeaderDetection;
}

/** Why a non-blank row below the header is not a school. */
export type SkipCode =
  'total' | 'standard' | 'note' | 'numbering' | 'repeatedHeader' | 'noName' | 'noKind' | 'notCompulsory';

export interface SkippedRow {
  row: number;
  name: string;
  code: SkipCode;
  /** zh-CN reason. */
  reason: string;
}

export interface TableRead {
  sheet: string;
  /** 1-based header rows; null when no table was found. */
  header: { top: number; bottom: number } | null;
  mapping: ColumnMapping;
  rows: SchoolRow[];
  skipped: SkippedRow[];
  issues: DataIssue[];
}

/** zh-CN texts of this module, kept together. */
const MSG = {
  skipTotal: '合计、小计或平均行，不是学校',
  skipStandard: '标准值行（国家标准、省定标准等），不是学校',
  skipNote: '表格下方的说明或签名行',
  skipNumbering: '栏目编号行（甲、乙、1、2…）',
  skipRepeatedHeader: '重复的表头行',
  skipNoName: '学校名称为空',
  skipNoKind: '无法确定学校类型',
  skipNotCompulsory: '不属于义务教育学校',
};

// ─── cell texts ──────────────────────────────────────────────────────────────

/** A text cell as shown: line breaks and runs of spaces collapsed, trimmed. */
function displayText(v: CellValue | undefined): string {
  const text = cellText(v);
  // Most texts (names, kinds, every number) have no space to collapse: the regular expression is not run for them.
  return SPACE.test(text) ? text.replace(SPACES, ' ').trim() : text;
}

const SPACE = /[\s\u00a0\u3000]/;
const SPACES = /[\s\u00a0\u3000]+/g;
/** Only white space (\s takes in U+00A0 and U+3000): what displayText shows as ''. */
const ONLY_SPACE = /^[\s\u00a0\u3000]*$/;

/** displayText(v) === '' and not a date, without making the text of a number. */
function isBlankCell(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v === 'string') return ONLY_SPACE.test(v);
  return false;
}

// ─── kind, ownership, affiliation ────────────────────────────────────────────

/**
 * 学校类型 or 学段 text → school kind (spec §5): 小学, 初中, 九年一贯制, 完全中学, 十二年一贯制, 教学点, 特殊教育学校
 * and their usual short forms; null when the text names none of them.
 */
export function parseKind(text: string): SchoolKind | null {
  // A county's 学校类型/学段 cells repeat a handful of texts 20,000 times: each is parsed once.
  const known = KIND_OF_TEXT.get(text);
  if (known !== undefined) return known;
  const kind = parseKindText(text);
  if (KIND_OF_TEXT.size >= KIND_CACHE_SIZE) KIND_OF_TEXT.clear();
  KIND_OF_TEXT.set(text, kind);
  return kind;
}

const KIND_OF_TEXT = new Map<string, SchoolKind | null>();
const KIND_CACHE_SIZE = 1000;

function parseKindText(text: string): SchoolKind | null {
  const t = compact(text);
  if (!t) return null;
  if (/特殊教育|特教|特校|培智|启智|聋哑|聋校|盲校/.test(t)) return 'special';
  if (/十二年/.test(t)) return 'twelveYear';
  if (/九年/.test(t)) return 'nineYear';
  if (/完全中学|完中/.test(t)) return 'completeMiddle';
  if (/教学点/.test(t)) return 'teachingPoint';
  if (/小学/.test(t) && !/中小学/.test(t)) return 'primary';
  if (/初中|初级中学/.test(t)) return 'junior';
  return null;
}

/** Texts of 学段/学校类型 cells (or names) that are schools outside compulsory education. */
const NOT_COMPULSORY = /^(高中|普通高中|高级中学|职业高中|职高|中职|中专|职业中学|幼儿园|学前|幼儿班)$/;

/** Whether a 学段/学校类型 text names a school outside compulsory education; each of a county's few texts tested once. */
function isNotCompulsory(text: string): boolean {
  const known = NOT_COMPULSORY_OF_TEXT.get(text);
  if (known !== undefined) return known;
  const outside = NOT_COMPULSORY.test(compact(text));
  if (NOT_COMPULSORY_OF_TEXT.size >= KIND_CACHE_SIZE) NOT_COMPULSORY_OF_TEXT.clear();
  NOT_COMPULSORY_OF_TEXT.set(text, outside);
  return outside;
}

const NOT_COMPULSORY_OF_TEXT = new Map<string, boolean>();

/** 办学性质 text → ownership; 教育部门办 and other public sponsors count as 公办. */
export function parseOwnership(text: string): Ownership | null {
  const t = compact(text);
  if (/民办|私立|民营|私人/.test(t)) return 'private';
  if (/公办|公立|国办|教育部门|其他部门|集体|地方企业|事业单位/.test(t)) return 'public';
  return null;
}

/**
 * 隶属关系 text → whether the county runs the school (spec §6: 省市直属 schools are not the county's). Under a
 * yes/no header such as 是否省市直属, 是/√ means not county-run.
 */
export function parseAffiliation(text: string, header = ''): boolean | null {
  const t = compact(text);
  if (compact(header).includes('直属')) {
    if (/^(是|√|✓|y|yes|true|1)$/.test(t)) return false;
    if (/^(否|×|x|n|no|false|0)$/.test(t)) return true;
  }
  if (/县|乡|镇|区|村/.test(t)) return true;
  if (/省|市|直属|中央|部属/.test(t)) return false;
  return null;
}

// ─── rows that are not schools ───────────────────────────────────────────────

const NOTE_PREFIXES =
  /^(注|备注|说明|填表|填报|审核|制表|负责人|单位负责人|统计负责人|联系人|联系电话|数据来源)/;
/**
 * The first characters of NOTE_PREFIXES: a text without any of them cannot start with one once compacted (compacting
 * only drops spaces and punctuation and narrows full-width Latin), so most rows skip compacting for this test.
 */
const NOTE_CHARS = /[注备说填审制负单统联数]/;

// ─── reading ─────────────────────────────────────────────────────────────────

interface Reader {
  grid: CellGrid;
  value: (row: number, col: number) => CellValue | undefined;
  /** For text fields: a blank cell inside a merged area reads its top-left value (学段 merged down over a group). */
  mergedValue: (row: number, col: number) => CellValue | undefined;
  numberFormat: (row: number, col: number) => string | undefined;
}

function makeReader(grid: CellGrid): Reader {
  const value = (row: number, col: number): CellValue | undefined =>
    grid.values[row - grid.firstRow]?.[col - grid.firstColumn];
  return {
    grid,
    value,
    mergedValue: (row, col) => {
      const v = value(row, col);
      if (!isBlankCell(v)) return v;
      const m = grid.merges?.find((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      return m ? value(m.top, m.left) : v;
    },
    numberFormat: (row, col) => grid.numberFormats?.[row - grid.firstRow]?.[col - grid.firstColumn],
  };
}

/** An issue at a cell (or a row, without a column) of the grid; `name` is the school's, for issues about a row. */
function issueAt<C extends IssueCode>(
  grid: CellGrid,
  at: { row: number; column?: number; field: string; name?: string; label?: string },
  code: C,
  severity: Severity,
  params: IssueParams[C],
): DataIssue {
  return dataIssue({ sheet: grid.sheet, ...at }, code, severity, params);
}

/** The column unit for parsing "120人" in a cell: the header's unit, else the field's base unit. */
function columnUnit(def: FieldDef, mapped: MappedColumn): string | undefined {
  return mapped.unit ?? (def.unit || undefined);
}

/** 师生比 is sometimes written "1:18" (one teacher per 18 students) — that is 1/18 teachers per student. */
function parseTeacherRatio(v: CellValue | undefined): number | null {
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)\s*$/.exec(toHalfWidth(v));
  if (!m || Number(m[2]) === 0) return null;
  return new Decimal(m[1]).div(m[2]).toNumber();
}

/**
 * The cell's number in base units, or null (blank, unknown or bad); what is wrong with the cell is added to `issues`.
 */
function readNumber(
  r: Reader,
  row: number,
  key: FieldKey,
  def: FieldDef,
  mapped: MappedColumn,
  dashes: DashReading | undefined,
  issues: DataIssue[],
): number | null {
  const { grid } = r;
  const v = r.value(row, mapped.column);
  // The common cell, a positive finite number whose number format does not make it a date: no context, no
  // parse result (the same value and issues as parseCellNumber's path below).
  if (typeof v === 'number' && v > 0 && v < Infinity) {
    const format = r.numberFormat(row, mapped.column);
    if (format === undefined || format === 'General' || !isDateFormat(format)) {
      return numberRead(grid, row, key, def, mapped, v, issues);
    }
  }
  const ctx = {
    sheet: grid.sheet,
    row,
    column: mapped.column,
    field: key,
    label: def.label,
    unit: columnUnit(def, mapped),
    numberFormat: r.numberFormat(row, mapped.column),
    dashes,
  };
  let parsed: ParsedNumber;
  const ratio = def.indicator === 'teachersPerStudent' ? parseTeacherRatio(v) : null;
  if (ratio !== null) parsed = { ok: true, value: ratio };
  else parsed = parseCellNumber(v, ctx);
  if (!parsed.ok) {
    issues.push(parsed.issue);
    return null;
  }
  if (parsed.value === null) return null;
  if (parsed.dash !== undefined) {
    const at = { row, column: mapped.column, field: key, label: def.label };
    issues.push(issueAt(grid, at, 'dashAsZero', 'info', { shown: parsed.dash }));
    return 0;
  }
  return numberRead(grid, row, key, def, mapped, parsed.value, issues);
}

/** A cell's number in the column's unit, converted to the base unit; what is wrong with it as a count is added to `issues`. */
function numberRead(
  grid: CellGrid,
  row: number,
  key: FieldKey,
  def: FieldDef,
  mapped: MappedColumn,
  parsed: number,
  issues: DataIssue[],
): number | null {
  const value = convertUnit(parsed, mapped.unitFactor, mapped.unitDivisor);
  const ratioInverted = def.indicator === 'teachersPerStudent' && value > 1;
  const notInteger = !ratioInverted && def.integer === true && !Number.isInteger(value);
  if (!ratioInverted && !notInteger) return value;
  const at = { sheet: grid.sheet, row, column: mapped.column, field: key, label: def.label };
  if (ratioInverted) {
    issues.push(dataIssue(at, 'ratioInverted', 'error', { value }));
    return null;
  }
  issues.push(dataIssue(at, 'notInteger', 'warning', { value }));
  return value;
}

function setStageCount(school: SchoolRow, stage: AnyStage, field: CountField, value: number): void {
  const byStage = (school.byStage ??= {});
  const counts = (byStage[stage] ??= {});
  counts[field] = value;
}

/** Text of a text field's cell, merged areas resolved. */
function textOf(r: Reader, row: number, mapping: ColumnMapping, key: FieldKey): string {
  const m = mapping[key];
  return m ? displayText(r.mergedValue(row, m.column)) : '';
}

/** The 举办者类型 cell as text (a code typed as a number reads as its digits). */
function sponsorCell(r: Reader, row: number, mapping: ColumnMapping): string {
  const m = mapping.sponsor;
  if (!m) return '';
  const v = r.mergedValue(row, m.column);
  return typeof v === 'number' ? String(v) : displayText(v);
}

/** A 举办者/隶属关系/办学性质 text's sponsor code; null for a blank text or one that names none. */
const sponsorCode = (text: string): SponsorCode | null => (text === '' ? null : parseSponsor(text));

/** The first of three texts that names a sponsor, as its code; null when none does. */
function sponsorOf(first: string, second: string, third: string): SponsorCode | null {
  return sponsorCode(first) ?? sponsorCode(second) ?? sponsorCode(third);
}

interface KindDecision {
  kind: SchoolKind | null;
  /** The combined kind 学校类型 names when 学段 made the row one of its stage parts. */
  partOf?: SchoolKind;
  issues: readonly DataIssue[];
  /** Set when the row is a school outside compulsory education. */
  notCompulsory?: string;
}

const NO_ISSUES: readonly DataIssue[] = [];
const DECIDED: Partial<Record<SchoolKind, KindDecision>> = {};

/**
 * The row's kind: a 学段 of 小学/初中 makes the row that stage part (a 九年一贯制 school's 小学部 row), except that
 * 教学点 and 特殊教育学校 in 学校类型 stay what they are; then 学校类型; then the name's ending; then the default.
 */
function decideKind(
  r: Reader,
  row: number,
  mapping: ColumnMapping,
  name: string,
  defaultKind: SchoolKind | undefined,
): KindDecision {
  const { grid } = r;
  const stageText = textOf(r, row, mapping, 'stage');
  const kindText = textOf(r, row, mapping, 'kind');
  if (kindText !== '' && isNotCompulsory(kindText))
    return { kind: null, issues: NO_ISSUES, notCompulsory: kindText };
  if (stageText !== '' && isNotCompulsory(stageText))
    return { kind: null, issues: NO_ISSUES, notCompulsory: stageText };
  const fromStage = stageText ? parseKind(stageText) : null;
  const fromKind = kindText ? parseKind(kindText) : null;
  let kind: SchoolKind | null;
  if (fromKind === 'teachingPoint' || fromKind === 'special') kind = fromKind;
  else if (fromStage === 'primary' || fromStage === 'junior') kind = fromStage;
  else kind = fromKind ?? fromStage;
  const combined = fromKind === 'nineYear' || fromKind === 'completeMiddle' || fromKind === 'twelveYear';
  if (kind && combined && kind !== fromKind) return { kind, partOf: fromKind, issues: NO_ISSUES };
  // The common row: one decision per kind, made once (a decision is read, never changed).
  if (kind) return (DECIDED[kind] ??= { kind, issues: NO_ISSUES });

  const issues: DataIssue[] = [];
  const unknown: { key: FieldKey; text: string }[] = [];
  if (kindText) unknown.push({ key: 'kind', text: kindText });
  if (stageText) unknown.push({ key: 'stage', text: stageText });
  const byName = kindFromName(name);
  kind = byName ?? defaultKind ?? null;
  for (const u of unknown) {
    const column = (mapping[u.key] as MappedColumn).column;
    if (kind) {
      const params: IssueParams['unknownKind'] = byName
        ? { case: 'cell', text: u.text, nameKind: kind }
        : { case: 'cell', text: u.text };
      issues.push(issueAt(grid, { row, column, field: u.key, name }, 'unknownKind', 'warning', params));
    }
  }
  return { kind, issues };
}

/**
 * Reads the school table of one worksheet: finds the header (or uses the caller's mapping), then turns every data
 * row into a SchoolRow with counts in base units. Totals, notes and numbering rows are skipped with a reason; a bad
 * cell yields an issue and leaves that field absent (never 0) while the row is still returned. Never throws on data.
 */
export function readTable(grid: CellGrid, options: ReadTableOptions = {}): TableRead {
  const sheet = grid.sheet;
  const detected = options.detection ?? detectHeader(grid);
  const empty = (issues: DataIssue[], header: TableRead['header'], mapping: ColumnMapping): TableRead => ({
    sheet,
    header,
    mapping,
    rows: [],
    skipped: [],
    issues,
  });

  let mapping: ColumnMapping;
  let header: { top: number; bottom: number } | null;
  const issues: DataIssue[] = [];
  if (options.mapping) {
    for (const key of Object.keys(options.mapping)) {
      if (!fieldByKey(key)) throw new RangeError(`unknown field key in mapping: ${key}`);
    }
    const bottom = options.headerBottom ?? (detected.found ? detected.headerBottom : grid.firstRow);
    const top = detected.found && detected.headerBottom === bottom ? detected.headerTop : bottom;
    header = { top, bottom };
    // A foreign-currency column is not read, even when the user mapped it by hand.
    const units = unitIssues(options.mapping, sheet, top, bottom);
    mapping = { ...options.mapping };
    for (const key of units.foreign) delete mapping[key];
    issues.push(...units.issues, ...missingColumnIssues(mapping, sheet, top, bottom));
  } else {
    if (!detected.found) return empty(detected.issues, null, {});
    mapping = detected.mapping;
    const bottom = options.headerBottom ?? detected.headerBottom;
    header = { top: Math.min(detected.headerTop, bottom), bottom };
    issues.push(...detected.issues);
  }
  if (!mapping.name) return empty(issues, header, mapping);
  if (!mapping.kind && !mapping.stage && !options.defaultKind) {
    issues.push(issueAt(grid, { row: header.top, field: 'kind' }, 'noKindColumn', 'info', {}));
  }

  const r = makeReader(grid);
  const nameCol = (mapping.name as MappedColumn).column;
  const nameHeaderKey = compact((mapping.name as MappedColumn).header);
  const entries = Object.entries(mapping).filter((e): e is [FieldKey, MappedColumn] => e[1] !== undefined);
  // Every row's columns are the table's: one map, shared by the rows (read only, as a part shares a row's counts).
  const columns: ColumnMap = Object.fromEntries(entries.map(([k, m]) => [k, m.column]));
  const numericEntries = entries
    .map(([key, mapped]): [FieldKey, MappedColumn, FieldDef] => [key, mapped, fieldByKey(key) as FieldDef])
    .filter(([, , def]) => def.type !== 'text');
  const dataColumns = entries.filter(([k]) => fieldByKey(k)?.type !== 'text').map(([, m]) => m.column);
  const hidden = new Set(grid.hiddenRows ?? []);
  const rows: SchoolRow[] = [];
  const skipped: SkippedRow[] = [];
  const seen = new Map<SchoolKind, Map<string, number>>();
  const lastRow = grid.firstRow + grid.values.length - 1;
  const rowWidth = (row: number) => grid.values[row - grid.firstRow]?.length ?? 0;

  for (let row = header.bottom + 1; row <= lastRow; row++) {
    const cells = grid.values[row - grid.firstRow] ?? [];
    if (cells.every(isBlankCell)) continue;
    // A 一贯制 school's name is often merged down over its 小学部 and 初中部 rows.
    const name = displayText(r.mergedValue(row, nameCol));
    const skip = (code: SkipCode, reason: string) => skipped.push({ row, name, code, reason });

    const leading: string[] = [];
    for (let c = grid.firstColumn; c <= nameCol && c - grid.firstColumn < rowWidth(row); c++) {
      leading.push(displayText(r.value(row, c)));
    }
    if (leading.some(isTotalName)) {
      skip('total', MSG.skipTotal);
      continue;
    }
    // 申报表: 国家标准（小学） in the name column, or in the 序号 column beside a blank name.
    if (isStandardName(name) || leading.some(isStandardName)) {
      skip('standard', MSG.skipStandard);
      continue;
    }
    const firstText = leading.find((t) => t !== '') ?? '';
    if ((NOTE_CHARS.test(firstText) && NOTE_PREFIXES.test(compact(firstText))) || /[:：]/.test(name)) {
      skip('note', MSG.skipNote);
      continue;
    }
    if (name === '') {
      skip('noName', MSG.skipNoName);
      if (dataColumns.some((c) => !isBlankCell(r.value(row, c)))) {
        issues.push(issueAt(grid, { row, column: nameCol, field: 'name' }, 'missingName', 'warning', {}));
      }
      continue;
    }
    const nameKey = compact(name);
    if (/^([甲乙丙丁]|\d+(\.\d+)?)$/.test(nameKey)) {
      skip('numbering', MSG.skipNumbering);
      continue;
    }
    if (nameKey === nameHeaderKey) {
      skip('repeatedHeader', MSG.skipRepeatedHeader);
      continue;
    }

    const kindDecision = decideKind(r, row, mapping, name, options.defaultKind);
    if (kindDecision.issues.length > 0) issues.push(...kindDecision.issues);
    if (kindDecision.notCompulsory !== undefined) {
      skip('notCompulsory', MSG.skipNotCompulsory);
      issues.push(
        issueAt(grid, { row, field: 'kind', name }, 'notCompulsory', 'info', {
          text: kindDecision.notCompulsory,
        }),
      );
      continue;
    }
    if (!kindDecision.kind) {
      skip('noKind', MSG.skipNoKind);
      const col = mapping.kind?.column ?? mapping.stage?.column;
      issues.push(
        issueAt(grid, { row, column: col, field: 'kind', name }, 'unknownKind', 'error', { case: 'row' }),
      );
      continue;
    }

    const school: SchoolRow = {
      row,
      sheet,
      name,
      kind: kindDecision.kind,
      counts: {},
      columns,
    };
    if (kindDecision.partOf) school.partOf = kindDecision.partOf;
    const ownershipText = textOf(r, row, mapping, 'ownership');
    if (ownershipText) {
      const o = parseOwnership(ownershipText);
      const col = (mapping.ownership as MappedColumn).column;
      if (o) school.ownership = o;
      else {
        const at = { row, column: col, field: 'ownership', name, label: '办学性质' };
        issues.push(issueAt(grid, at, 'unknownOwnership', 'warning', { text: ownershipText }));
      }
    }
    const affiliationText = textOf(r, row, mapping, 'affiliation');
    if (affiliationText) {
      const m = mapping.affiliation as MappedColumn;
      const countyRun = parseAffiliation(affiliationText, m.header);
      if (countyRun !== null) school.countyRun = countyRun;
      else {
        const at = { row, column: m.column, field: 'affiliation', name, label: '隶属关系' };
        issues.push(issueAt(grid, at, 'unknownAffiliation', 'warning', { text: affiliationText }));
      }
    }

    // 举办者类型: its own column (the form's code or a name), else what 举办者/隶属关系 or 办学性质 says (民办 → 10).
    const sponsor = sponsorOf(sponsorCell(r, row, mapping), affiliationText, ownershipText);
    if (sponsor) school.sponsor = sponsor;

    for (let e = 0; e < numericEntries.length; e++) {
      const entry = numericEntries[e];
      const key = entry[0];
      const mapped = entry[1];
      const def = entry[2];
      const value = readNumber(r, row, key, def, mapped, options.dashes, issues);
      if (value === null) continue;
      if (def.type === 'ratio' && def.indicator) {
        (school.ratios ??= {})[def.indicator as IndicatorId] = value;
      } else if (def.stage && def.countField) {
        setStageCount(school, def.stage, def.countField, value);
      } else if (def.countField) {
        school.counts[def.countField] = value;
      }
    }

    if (hidden.has(row)) {
      issues.push(issueAt(grid, { row, field: 'name', name }, 'hiddenRow', 'info', {}));
    }
    // By kind, then name: no key text made per row.
    let seenOfKind = seen.get(school.kind);
    if (seenOfKind === undefined) seen.set(school.kind, (seenOfKind = new Map<string, number>()));
    const first = seenOfKind.get(nameKey);
    if (first !== undefined) {
      issues.push(
        issueAt(grid, { row, column: nameCol, field: 'name', name }, 'duplicateSchool', 'warning', {
          firstRow: first,
        }),
      );
    } else {
      seenOfKind.set(nameKey, row);
    }
    rows.push(school);
  }
  return { sheet, header, mapping, rows, skipped, issues };
}
