/** The school model: table rows become stage parts (spec §5), with scope exclusions (§6) and row-level issues. */
import { INDICATORS, isCount } from '../model/indicators';
import { cellIssue, columnIndexOf, dataIssue, rowIssue } from '../model/issues';
import { isTotalName, stageFromName } from '../model/text';
import { profileIndicators } from './profiles';
import { isStandardName, rowExclusion, seniorOnlyExclusion, zeroStudentsExclusion } from './scope';
import {
  COMBINED_STAGES,
  facilityFields,
  isCompulsory,
  splitShares,
  splitTotal,
  type CombinedKind,
} from './split';
import type {
  AnyStage,
  ColumnMap,
  CountField,
  DataIssue,
  Exclusion,
  IndicatorId,
  Ownership,
  Profile,
  SchoolKind,
  SchoolPart,
  SchoolRow,
  SponsorCode,
  Stage,
} from '../model/types';

export interface PartsResult {
  parts: SchoolPart[];
  excluded: Exclusion[];
  issues: DataIssue[];
}

/** PartsResult plus, for each part, the index of the row it came from. */
export interface PartsWithRows extends PartsResult {
  rowIndex: number[];
}

type Counts = Partial<Record<CountField, number>>;

/** Columns of a part: a stage-qualified column ('junior.teachers') stands in for the plain field ('teachers'). */
function stageColumns(columns: ColumnMap | undefined, stage: Stage): ColumnMap | undefined {
  if (!columns) return columns;
  const out: ColumnMap = { ...columns };
  const prefix = `${stage}.`;
  for (const [key, col] of Object.entries(columns)) {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = col;
  }
  return out;
}

/** Whether the sheet has any per-stage column of the stage ('primary.students'…). */
function hasStageColumns(columns: ColumnMap | undefined, stage: Stage): boolean {
  const prefix = `${stage}.`;
  return columns !== undefined && Object.keys(columns).some((key) => key.startsWith(prefix));
}

/**
 * A stage part. Only what differs per part is stored (stage, counts, columns, split); the row's identity is read
 * through from the row, and `key` is derived when read: a SchoolPart for each of 100,000 rows with every field copied
 * and a `${row}:${stage}` string built cost about a quarter of evaluate()'s time, mostly in the garbage collector.
 * Reading works as for a plain object and JSON.stringify gives every field (toJSON); a spread copies own fields
 * only, so copy a part through toJSON().
 */
class Part implements SchoolPart {
  constructor(
    /** The table row this part comes from: its identity fields are read through, not copied (GC time). */
    private readonly source: SchoolRow,
    readonly stage: Stage,
    readonly counts: Counts,
    readonly columns: ColumnMap | undefined,
    readonly split: boolean,
  ) {}

  get row(): number {
    return this.source.row;
  }
  get sheet(): string | undefined {
    return this.source.sheet;
  }
  get name(): string {
    return this.source.name;
  }
  get kind(): SchoolKind {
    return this.source.kind;
  }
  get ownership(): Ownership | undefined {
    return this.source.ownership;
  }
  get countyRun(): boolean | undefined {
    return this.source.countyRun;
  }
  get sponsor(): SponsorCode | undefined {
    return this.source.sponsor;
  }
  get partOf(): SchoolKind | undefined {
    return this.source.partOf;
  }
  get ratios(): Partial<Record<IndicatorId, number>> | undefined {
    return this.source.ratios;
  }

  /** Stable key: `${row}:${stage}`. */
  get key(): string {
    return `${this.row}:${this.stage}`;
  }

  toJSON(): SchoolPart {
    return {
      key: this.key,
      row: this.row,
      sheet: this.sheet,
      name: this.name,
      stage: this.stage,
      kind: this.kind,
      ownership: this.ownership,
      countyRun: this.countyRun,
      ...(this.sponsor !== undefined ? { sponsor: this.sponsor } : {}),
      ...(this.partOf !== undefined ? { partOf: this.partOf } : {}),
      counts: this.counts,
      ratios: this.ratios,
      split: this.split,
      columns: this.columns,
    };
  }
}

class PartBuilder {
  readonly parts: SchoolPart[] = [];
  readonly rowIndex: number[] = [];
  readonly excluded: Exclusion[] = [];
  readonly issues: DataIssue[] = [];
  private readonly facilities: CountField[];
  /** Non-facility numerator alternatives the profile reads (teachers), which a split never guesses. */
  private readonly perStageNeeds: (readonly CountField[])[][];

  /** hasStageColumns of the last columns map read, by stage: a table's rows share one map. */
  private seenColumns: ColumnMap | undefined;
  private seenStageColumns: Partial<Record<Stage, boolean>> = {};

  constructor(private readonly profile: Profile) {
    this.facilities = facilityFields(profile);
    this.perStageNeeds = profileIndicators(profile)
      .map((id) => INDICATORS[id].numerator.filter((alt) => alt.some((f) => !this.facilities.includes(f))))
      .filter((alts) => alts.length > 0);
  }

  addRow(row: SchoolRow, index: number): void {
    if (isTotalName(row.name)) {
      this.issues.push(rowIssue(row, 'name', 'totalRow', 'info', {}));
      return;
    }
    if (isStandardName(row.name)) {
      this.issues.push(rowIssue(row, 'name', 'standardRow', 'info', {}));
      return;
    }
    const out = rowExclusion(row, this.profile);
    if (out) {
      this.excluded.push(out);
      return;
    }
    switch (row.kind) {
      case 'primary':
      case 'teachingPoint':
        return this.single(row, index, 'primary');
      case 'junior':
        return this.single(row, index, 'junior');
      case 'nineYear':
      case 'completeMiddle':
      case 'twelveYear':
        return this.combined(row, index, row.kind);
      case 'special': {
        const stage = row.stage ?? stageFromName(row.name);
        if (stage) return this.single(row, index, stage);
        this.issues.push(rowIssue(row, 'kind', 'stageUnknown', 'error', { case: 'special' }));
        return;
      }
      default:
        this.issues.push(rowIssue(row, 'kind', 'unknownKind', 'error', { case: 'part' }));
    }
  }

  private push(row: SchoolRow, index: number, part: SchoolPart, conflicts?: ReadonlySet<CountField>): void {
    const students = part.counts.students;
    if (students === undefined && conflicts?.has('students')) {
      // Already reported as a conflict between two cells; the part stays in the list without a weight.
    } else if (students === undefined) {
      this.issues.push(cellIssue(part, 'students', 'missingStudents', 'error', {}));
    } else if (!isCount(students) || !Number.isInteger(students)) {
      this.issues.push(
        cellIssue(part, 'students', 'invalidNumber', 'error', { shown: String(students), as: 'students' }),
      );
    } else if (students === 0) {
      this.excluded.push(zeroStudentsExclusion(row, part.stage));
      this.issues.push(cellIssue(part, 'students', 'zeroStudents', 'warning', {}));
      return;
    }
    this.parts.push(part);
    this.rowIndex.push(index);
  }

  private makePart(
    row: SchoolRow,
    stage: Stage,
    counts: Counts,
    columns: ColumnMap | undefined,
    split: boolean,
  ): SchoolPart {
    return new Part(row, stage, counts, columns, split);
  }

  /**
   * A row that is one stage part. Its own stage's per-stage columns (小学在校生数, 初中专任教师数…) stand in for a plain
   * column that is absent or blank; where both are filled they must agree, else neither is used and the issue names
   * both cells. The part's columns point at the cell each value came from, so that shading lands on it.
   */
  private single(row: SchoolRow, index: number, stage: Stage): void {
    const own = row.byStage?.[stage];
    const plain = row.counts ?? {};
    if (!own && !this.hasStageColumns(row.columns, stage)) {
      this.push(row, index, this.makePart(row, stage, plain, row.columns, false));
      return;
    }
    const counts: Counts = { ...plain };
    const columns: ColumnMap = { ...row.columns };
    const conflicts = new Set<CountField>();
    for (const [field, value] of Object.entries(own ?? {}) as [CountField, number | undefined][]) {
      if (value === undefined) continue;
      const stageKey = `${stage}.${field}`;
      const given = plain[field];
      if (given === undefined) {
        counts[field] = value;
        const col = row.columns?.[stageKey];
        if (col !== undefined) columns[field] = col;
      } else if (given !== value) {
        conflicts.add(field);
        delete counts[field];
        this.issues.push(this.stageConflict(row, stage, field, given, value));
      }
    }
    // A field that is nowhere filled is reported on the column the sheet has for it: the stage's when no plain one.
    for (const [key, col] of Object.entries(row.columns ?? {})) {
      if (!key.startsWith(`${stage}.`)) continue;
      const field = key.slice(stage.length + 1);
      if (columns[field] === undefined) columns[field] = col;
    }
    this.push(row, index, this.makePart(row, stage, counts, columns, false), conflicts);
  }

  /** hasStageColumns, once per columns map and stage. */
  private hasStageColumns(columns: ColumnMap | undefined, stage: Stage): boolean {
    if (columns === undefined) return false;
    if (columns !== this.seenColumns) {
      this.seenColumns = columns;
      this.seenStageColumns = {};
    }
    return (this.seenStageColumns[stage] ??= hasStageColumns(columns, stage));
  }

  /** 「学校数据」第 5 行 D 列在校生数 420 与 F 列小学在校生数 410 不一致. */
  private stageConflict(
    row: SchoolRow,
    stage: Stage,
    field: CountField,
    plain: number,
    own: number,
  ): DataIssue {
    const stageField = `${stage}.${field}`;
    return dataIssue(
      { sheet: row.sheet, row: row.row, column: columnIndexOf(row, field), field, name: row.name },
      'stageValueConflict',
      'error',
      { plain, own, stageField, stageColumn: columnIndexOf(row, stageField) },
    );
  }

  private combined(row: SchoolRow, index: number, kind: CombinedKind): void {
    const stages = COMBINED_STAGES[kind];
    const compulsory = stages.filter(isCompulsory);
    if (row.stage !== undefined) {
      if (compulsory.includes(row.stage)) return this.single(row, index, row.stage);
      this.issues.push(rowIssue(row, 'stage', 'stageConflict', 'error', { kind, stage: row.stage }));
      return;
    }
    const by = row.byStage ?? {};
    const given = stages.filter((s) => by[s]?.students !== undefined);
    if (given.length === stages.length) return this.split(row, index, kind);
    if (given.length === 0) {
      const named = stageFromName(row.name);
      if (named && compulsory.includes(named)) return this.single(row, index, named);
      // A 完全中学 row without per-stage students is its 初中部 row: junior is its only compulsory stage.
      if (kind === 'completeMiddle') return this.single(row, index, 'junior');
      this.issues.push(
        rowIssue(row, 'students', 'stageUnknown', 'error', { case: 'combined', kind, stages: compulsory }),
      );
      return;
    }
    // Only one stage's students filled and the row's own students agree: the row is that stage part.
    const only = given[0];
    const total = row.counts?.students;
    if (given.length === 1 && isCompulsory(only) && (total === undefined || total === by[only]?.students)) {
      const counts: Counts = { ...row.counts, ...by[only] };
      return this.push(row, index, this.makePart(row, only, counts, stageColumns(row.columns, only), false));
    }
    if (given.length === 1 && only === 'senior') {
      this.excluded.push(seniorOnlyExclusion(row));
      return;
    }
    for (const s of stages.filter((x) => !given.includes(x))) {
      this.issues.push(cellIssue(row, `${s}.students`, 'splitStudentsMissing', 'error', { kind, stage: s }));
    }
  }

  private split(row: SchoolRow, index: number, kind: CombinedKind): void {
    const stages = COMBINED_STAGES[kind];
    const by = row.byStage ?? {};
    const students: Partial<Record<AnyStage, number>> = {};
    for (const s of stages) {
      const p = by[s]?.students;
      if (!isCount(p) || !Number.isInteger(p)) {
        this.issues.push(
          cellIssue(row, `${s}.students`, 'invalidNumber', 'error', {
            shown: String(p),
            as: 'splitStudents',
          }),
        );
        return;
      }
      students[s] = p;
    }
    const shares = splitShares(kind, students, this.profile.split.weights);
    const splitValues: Partial<Record<CountField, Partial<Record<AnyStage, number>>>> = {};
    if (shares) {
      for (const f of this.facilities) {
        const total = row.counts?.[f];
        if (total === undefined) continue;
        if (!isCount(total)) {
          this.issues.push(
            cellIssue(row, f, 'invalidNumber', 'error', { shown: String(total), as: 'total' }),
          );
          continue;
        }
        splitValues[f] = splitTotal(total, stages, shares);
      }
    }
    const reported = new Set<CountField>();
    for (const stage of stages.filter(isCompulsory)) {
      const counts: Counts = { ...by[stage] };
      for (const f of this.facilities) {
        if (counts[f] === undefined && splitValues[f]?.[stage] !== undefined)
          counts[f] = splitValues[f]![stage];
      }
      this.reportPerStageGaps(row, counts, reported);
      this.push(row, index, this.makePart(row, stage, counts, stageColumns(row.columns, stage), true));
    }
  }

  /** Teachers of a combined row come per stage from the data, never from a ratio (spec §5). */
  private reportPerStageGaps(row: SchoolRow, counts: Counts, reported: Set<CountField>): void {
    for (const alternatives of this.perStageNeeds) {
      if (alternatives.some((alt) => alt.every((f) => counts[f] !== undefined))) continue;
      const inTotal = alternatives.find((alt) => alt.every((f) => row.counts?.[f] !== undefined));
      if (!inTotal) continue;
      for (const f of inTotal) {
        if (reported.has(f)) continue;
        reported.add(f);
        this.issues.push(cellIssue(row, f, 'perStageMissing', 'error', { kind: row.kind }));
      }
    }
  }
}

/** Stage parts, exclusions and row issues, plus each part's source row index (for school-level checks). */
export function buildParts(rows: readonly SchoolRow[], profile: Profile): PartsWithRows {
  const b = new PartBuilder(profile);
  rows.forEach((row, i) => b.addRow(row, i));
  return { parts: b.parts, excluded: b.excluded, issues: b.issues, rowIndex: b.rowIndex };
}

/**
 * 学段部分 — one SchoolPart per stage part in scope. Combined rows with per-stage students are split (facility totals by
 * student-equivalents; teachers and other counts from `byStage` only); out-of-scope rows and zero-student parts go to
 * `excluded`; data problems to `issues`. Plain rows share their `counts` object with the part (read-only).
 */
export function toParts(rows: readonly SchoolRow[], profile: Profile): PartsResult {
  const { parts, excluded, issues } = buildParts(rows, profile);
  return { parts, excluded, issues };
}
