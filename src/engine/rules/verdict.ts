/** A school part's verdict whose indicator verdicts, §7 checks and reasons are built on first read. */
import type {
  CheckResult,
  IndicatorId,
  IndicatorVerdict,
  SchoolKind,
  SchoolPart,
  SchoolVerdict,
  Stage,
} from '../model/types';

/** What a verdict reads its lazy fields from: the evaluation's builders and caches, by the part's index. */
export interface VerdictSource {
  readonly indicatorCache: (IndicatorVerdict[] | undefined)[];
  readonly checkCache: (CheckResult[] | undefined)[];
  readonly reasonCache: (string[] | undefined)[];
  /**
   * Whether parts built on read are kept (default true). False for a one-pass reader such as `check --out`: each
   * read builds them again, and nothing accumulates (20,000 schools' indicator verdicts and reasons are ≈ 67 MB).
   */
  retainParts?: boolean;
  /** While parts are not kept: those of the last few parts read (see RecentParts). */
  recent?: RecentParts;
  indicatorsOf(i: number): IndicatorVerdict[];
  /** Part i's indicator verdicts except those meeting their standard, in order (what reasonsOf reads). */
  unmetIndicatorsOf?(i: number): IndicatorVerdict[];
  /** The indicators of part i that have a standard (standard not null), in order, without building the verdicts. */
  judgedOf?(i: number): readonly IndicatorId[];
  /** Whether an indicator value of part i is unknown, as `indicatorsOf(i).some((v) => v.value === null)`. */
  hasUnknownValue?(i: number): boolean;
  checksOf(i: number): CheckResult[];
  reasonsOf(i: number, indicators: readonly IndicatorVerdict[], checks: readonly CheckResult[]): string[];
}

/** How many parts' built fields RecentParts holds. */
const RECENT = 8;

/**
 * The built fields of the last RECENT parts read while parts are not kept: a reader that reads a school's indicators,
 * checks and reasons in turn, or several times while making one row (the marked copy's notes, report rows and form
 * rows do), builds them once there, and nothing accumulates beyond these few.
 */
export class RecentParts {
  private readonly indices = new Int32Array(RECENT).fill(-1);
  private readonly parts: { [K in PartKind]: (Parts[K] | undefined)[] } = {
    indicators: new Array(RECENT),
    checks: new Array(RECENT),
    reasons: new Array(RECENT),
  };
  private next = 0;

  /** A part's built field when one of the last parts read built it, without making room for the part. */
  peek<K extends PartKind>(kind: K, index: number): Parts[K] | undefined {
    for (let k = 0; k < RECENT; k++) if (this.indices[k] === index) return this.parts[kind][k];
    return undefined;
  }

  /** A part's field, built unless one of the last parts read built it. */
  get<K extends PartKind>(kind: K, index: number, build: () => Parts[K]): Parts[K] {
    const k = this.slot(index);
    return (this.parts[kind][k] ??= build());
  }

  private slot(index: number): number {
    const indices = this.indices;
    for (let k = 0; k < RECENT; k++) if (indices[k] === index) return k;
    const k = this.next;
    this.next = (k + 1) % RECENT;
    indices[k] = index;
    this.parts.indicators[k] = undefined;
    this.parts.checks[k] = undefined;
    this.parts.reasons[k] = undefined;
    return k;
  }
}

/** The fields a verdict builds on first read. */
interface Parts {
  indicators: IndicatorVerdict[];
  checks: CheckResult[];
  reasons: string[];
}
type PartKind = keyof Parts;

/**
 * A school part's verdict. The decisions (met, pass) are computed eagerly by evaluate(); the indicator verdicts,
 * §7 checks and reason lines are built on first access and cached by the evaluation, so evaluating 100,000 schools
 * does not build 800,000 objects and 300,000 strings nobody may read. They read and assign like plain properties,
 * JSON.stringify includes them (toJSON), and `toJSON()` gives a plain copy (spread copies own fields only).
 * The identity fields (row, sheet, name, stage, kind, key) are read through from the part, not copied; only met and
 * pass are stored, with the verdict's `index` and the evaluation it reads from (`source`). Compare verdicts through
 * `toJSON()`.
 */
export class Verdict implements SchoolVerdict {
  met: number;
  pass: boolean | null;

  constructor(
    readonly source: VerdictSource,
    /** The stage part this verdict is about: its identity fields are read through, not copied (GC time). */
    private readonly part: SchoolPart,
    /** Position in Evaluation.schools and Evaluation.parts. */
    readonly index: number,
    met: number,
    pass: boolean | null,
  ) {
    this.met = met;
    this.pass = pass;
  }

  get row(): number {
    return this.part.row;
  }
  get sheet(): string | undefined {
    return this.part.sheet;
  }
  get name(): string {
    return this.part.name;
  }
  get stage(): Stage {
    return this.part.stage;
  }
  get kind(): SchoolKind {
    return this.part.kind;
  }
  /** Stable key `${row}:${stage}`, as the part's. */
  get key(): string {
    return this.part.key;
  }

  get indicators(): IndicatorVerdict[] {
    return this.built('indicators', this.source.indicatorCache, () => this.source.indicatorsOf(this.index));
  }
  set indicators(value: IndicatorVerdict[]) {
    this.source.indicatorCache[this.index] = value;
  }

  /**
   * The indicators judged against a standard (their verdict's standard is not null), in order: read from the
   * evaluation without building the indicator verdicts, which a pass over 20,000 schools would otherwise do.
   */
  judgedIndicators(): readonly IndicatorId[] {
    const source = this.source;
    if (source.judgedOf && source.indicatorCache[this.index] === undefined)
      return source.judgedOf(this.index);
    return this.indicators.filter((v) => v.standard !== null).map((v) => v.indicator);
  }

  /** Whether an indicator's value is unknown (null), without building the indicator verdicts when not yet built. */
  hasUnknownValue(): boolean {
    const source = this.source;
    if (source.indicatorCache[this.index] === undefined && source.hasUnknownValue !== undefined) {
      return source.hasUnknownValue(this.index);
    }
    return this.indicators.some((v) => v.value === null);
  }

  get checks(): CheckResult[] {
    return this.built('checks', this.source.checkCache, () => this.source.checksOf(this.index));
  }
  set checks(value: CheckResult[]) {
    this.source.checkCache[this.index] = value;
  }

  get reasons(): string[] {
    return this.built('reasons', this.source.reasonCache, () =>
      this.source.reasonsOf(this.index, this.indicatorsForReasons(), this.checks),
    );
  }
  set reasons(value: string[]) {
    this.source.reasonCache[this.index] = value;
  }

  /** A built field: kept in the evaluation's cache, or while parts are not kept, among the last parts read. */
  private built<K extends PartKind>(
    kind: K,
    cache: (Parts[K] | undefined)[],
    build: () => Parts[K],
  ): Parts[K] {
    const cached = cache[this.index];
    if (cached !== undefined) return cached;
    const source = this.source;
    if (source.retainParts === false)
      return (source.recent ??= new RecentParts()).get(kind, this.index, build);
    return (cache[this.index] = build());
  }

  /**
   * What the reasons are made from. A one-pass reader that wants the reasons alone (the text summary) needs no
   * verdicts of met indicators: unless the indicators were just built, only the unmet ones are.
   */
  private indicatorsForReasons(): readonly IndicatorVerdict[] {
    const source = this.source;
    if (source.retainParts !== false || !source.unmetIndicatorsOf) return this.indicators;
    return source.recent?.peek('indicators', this.index) ?? source.unmetIndicatorsOf(this.index);
  }

  toJSON(): SchoolVerdict {
    const plain: SchoolVerdict = {
      key: this.key,
      row: this.row,
      name: this.name,
      stage: this.stage,
      kind: this.kind,
      indicators: this.indicators,
      met: this.met,
      pass: this.pass,
      checks: this.checks,
      reasons: this.reasons,
    };
    if (this.sheet !== undefined) plain.sheet = this.sheet;
    return plain;
  }

  /** console.log in Node shows the plain verdict, not the evaluation behind it. */
  [Symbol.for('nodejs.util.inspect.custom')](): SchoolVerdict {
    return this.toJSON();
  }
}

/**
 * Whether these verdicts keep their indicator verdicts, §7 checks and reasons once built (the default), or build them
 * again on every read (`keep` false) — for a one-pass reader such as the marked copy, which reads each once or twice
 * and would otherwise leave 20,000 schools' worth (≈ 67 MB) cached for as long as the evaluation lives. Parts already
 * kept stay kept; reads give equal results either way.
 */
export function keepVerdictParts(schools: readonly SchoolVerdict[], keep: boolean): void {
  const sources = new Set<VerdictSource>();
  // An evaluation's verdicts share one source: the set is asked only when the source changes.
  let last: VerdictSource | undefined;
  for (const school of schools) {
    if (school instanceof Verdict && school.source !== last) sources.add((last = school.source));
  }
  for (const source of sources) {
    source.retainParts = keep;
    source.recent = undefined;
  }
}
