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
  private readonly indicators: (IndicatorVerdict[] | undefined)[] = new Array(RECENT);
  private readonly checks: (CheckResult[] | undefined)[] = new Array(RECENT);
  private readonly reasons: (string[] | undefined)[] = new Array(RECENT);
  private next = 0;

  private slot(index: number): number {
    const indices = this.indices;
    for (let k = 0; k < RECENT; k++) if (indices[k] === index) return k;
    const k = this.next;
    this.next = (k + 1) % RECENT;
    indices[k] = index;
    this.indicators[k] = undefined;
    this.checks[k] = undefined;
    this.reasons[k] = undefined;
    return k;
  }

  /** The part's indicator verdicts when one of the last parts read built them, without making room for it. */
  peekIndicators(index: number): IndicatorVerdict[] | undefined {
    for (let k = 0; k < RECENT; k++) if (this.indices[k] === index) return this.indicators[k];
    return undefined;
  }

  indicatorsOf(index: number, build: () => IndicatorVerdict[]): IndicatorVerdict[] {
    const k = this.slot(index);
    return (this.indicators[k] ??= build());
  }

  checksOf(index: number, build: () => CheckResult[]): CheckResult[] {
    const k = this.slot(index);
    return (this.checks[k] ??= build());
  }

  reasonsOf(index: number, build: () => string[]): string[] {
    const k = this.slot(index);
    return (this.reasons[k] ??= build());
  }
}

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
    const source = this.source;
    const cached = source.indicatorCache[this.index];
    if (cached !== undefined) return cached;
    if (source.retainParts === false) {
      const recent = (source.recent ??= new RecentParts());
      return recent.indicatorsOf(this.index, () => source.indicatorsOf(this.index));
    }
    return (source.indicatorCache[this.index] = source.indicatorsOf(this.index));
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
    const source = this.source;
    const cached = source.checkCache[this.index];
    if (cached !== undefined) return cached;
    if (source.retainParts === false) {
      const recent = (source.recent ??= new RecentParts());
      return recent.checksOf(this.index, () => source.checksOf(this.index));
    }
    return (source.checkCache[this.index] = source.checksOf(this.index));
  }
  set checks(value: CheckResult[]) {
    this.source.checkCache[this.index] = value;
  }

  get reasons(): string[] {
    const source = this.source;
    const cached = source.reasonCache[this.index];
    if (cached !== undefined) return cached;
    if (source.retainParts === false) {
      const recent = (source.recent ??= new RecentParts());
      return recent.reasonsOf(this.index, () => {
        // A one-pass reader that wants the reasons alone (the text summary) needs no verdicts of met indicators.
        const indicators =
          recent.peekIndicators(this.index) ??
          (source.unmetIndicatorsOf ? source.unmetIndicatorsOf(this.index) : this.indicators);
        return source.reasonsOf(this.index, indicators, this.checks);
      });
    }
    return (source.reasonCache[this.index] = source.reasonsOf(this.index, this.indicators, this.checks));
  }
  set reasons(value: string[]) {
    this.source.reasonCache[this.index] = value;
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
  for (const school of schools) if (school instanceof Verdict) sources.add(school.source);
  for (const source of sources) {
    source.retainParts = keep;
    source.recent = undefined;
  }
}
