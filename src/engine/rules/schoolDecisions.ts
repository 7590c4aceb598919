/**
 * Per-school decisions (spec §4, §7): whether each part's indicators meet their standards or r × standard, decided
 * exactly, the k-of-n/r verdict per part, and on demand each part's indicator verdicts, §7 checks and reasons.
 */
import { runChecks, type CheckInput } from './checks';
import { compareScaled, decimalParts, Dec, NEAR, ratioAtLeast, valueAtLeast } from '../exact/arithmetic';
import {
  formatAllowanceNote,
  formatIndicatorReason,
  formatRuleReason,
  type ResourceUnits,
} from '../model/format';
import { gapFor } from './gap';
import { resourceFieldsOf } from '../model/indicators';
import { STAGES } from '../model/stages';
import { schoolBaseName } from '../model/text';
import { floorOf, meetsFloor, schoolRulePass, type Floor } from './schoolRule';
import type { StageInput } from './stageCvs';
import { exactResource, MISSING, RATIO, RAW, type ValueColumn } from './valueColumns';
import { Verdict, type VerdictSource } from './verdict';
import type {
  CheckResult,
  IndicatorId,
  IndicatorVerdict,
  SchoolPart,
  SchoolRow,
  SchoolVerdict,
} from '../model/types';

/** Per-school outcome of one indicator: no standard or no value (0), met (1), unmet (2), unmet below r × standard (3). */
const MET = 1;
const UNMET = 2;
const BELOW = 3;

/** A standard of one stage, with its floors for "met" and for the residual r × standard. */
interface StageStandard {
  standard: number;
  met: Floor;
  residual: Floor | null;
  /** r × standard as the nearest double (the amount a gap to the floor is measured to), null without a rule. */
  floorValue: number | null;
}

/** What the decisions are made from: the stage input, the rows the parts came from, and the resource units. */
export interface DecisionInput extends StageInput {
  rows: readonly SchoolRow[];
  /** For each part, the index of its row. */
  rowIndex: readonly number[];
  units?: ResourceUnits;
}

/** A value of 0 reaches the floor (a standard or residual of 0 under the profile's rounding). */
function zeroMeets(floor: Floor): boolean {
  return meetsFloor(0, floor, { value: 0 });
}

/** Standards and floors of one stage, in the order of `columns` (null where the profile sets no standard). */
function stageStandards(input: StageInput, stage: (typeof STAGES)[number]): (StageStandard | null)[] {
  const { profile } = input;
  const rule = profile.schoolRule;
  const rounding = profile.rounding.school;
  return input.columns.map((col) => {
    const standard = profile.standards[col.id]?.[stage];
    if (standard === undefined) return null;
    const floor = rule ? new Dec(rule.r).times(standard) : null;
    return {
      standard,
      met: floorOf(standard, rounding),
      residual: floor ? floorOf(floor, rounding) : null,
      floorValue: floor ? floor.toNumber() : null,
    };
  });
}

/**
 * per·R ≥ bound·P exactly (X ≥ bound for a given ratio). Scaled safe integers decide the common case (counts and
 * standards with few digits) without allocating; decimal.js decides the rest (long decimals, sums of fractional counts).
 */
function exactMeets(input: StageInput, col: ValueColumn, i: number, floor: Floor): boolean {
  const bound = floor.bound;
  const f = floor.scaled;
  const fromRatio = col.source[i] === RATIO;
  if (f !== null) {
    const r = fromRatio ? col.value[i] : col.resource[i];
    const rp =
      fromRatio || col.meta.numerator[0].length === 1 || Number.isInteger(r) ? decimalParts(r) : null;
    if (rp !== null) {
      const per = fromRatio ? 1 : col.meta.per;
      const p = fromRatio ? 1 : input.students[i];
      const left = per * rp.int;
      const right = f.int * p;
      const sign =
        Math.abs(left) <= Number.MAX_SAFE_INTEGER && Math.abs(right) <= Number.MAX_SAFE_INTEGER
          ? compareScaled(left, rp.exp, right, f.exp)
          : null;
      if (sign !== null) return bound.strict ? sign > 0 : sign >= 0;
    }
  }
  if (fromRatio) return valueAtLeast(new Dec(col.value[i]), bound);
  return ratioAtLeast(
    exactResource(input.parts[i], col.meta),
    new Dec(input.students[i]),
    col.meta.per,
    bound,
  );
}

/** How many indicator verdicts fall below r × standard (withinAllowance false). */
function countBelowFloor(indicators: readonly IndicatorVerdict[]): number {
  let n = 0;
  for (const v of indicators) if (v.withinAllowance === false) n++;
  return n;
}

/** The key a 九年/十二年一贯制 school's parts share: its sheet and its name without 小学部/初中部. */
function schoolKey(part: SchoolPart): string {
  return `${part.sheet ?? ''}\u0000${schoolBaseName(part.name)}`;
}

function isNineOrTwelve(part: SchoolPart): boolean {
  return part.kind === 'nineYear' || part.kind === 'twelveYear';
}

/** Per part: indicators met, unmet below r × standard, missing, and of the missing those 0 meets or keeps ≥ r. */
interface Tally {
  met: Uint8Array;
  below: Uint8Array;
  missing: Uint8Array;
  worstMet: Uint8Array;
  worstAbove: Uint8Array;
}

/**
 * One column's outcome per part (MET, UNMET, BELOW, or 0) into `out`, counted into `tally`. A function of its own, as
 * is decideParts: each loop is compiled while it runs without the code after it, which has not run yet (a constructor
 * holding every loop was left for the interpreter at each loop's end).
 */
function decideColumn(
  input: StageInput,
  col: ValueColumn,
  std: readonly (StageStandard | null)[],
  out: Uint8Array,
  tally: Tally,
): void {
  const { met, below, missing, worstMet, worstAbove } = tally;
  const stageOf = input.stageOf;
  const n = out.length;
  const near = NEAR;
  const value = col.value;
  const source = col.source;
  // Floats of both stages' floors in locals: the loop below is the per-school hot path.
  const has0 = std[0] !== null;
  const has1 = std[1] !== null;
  const met0 = std[0]?.met.float ?? 0;
  const met1 = std[1]?.met.float ?? 0;
  const res0 = std[0]?.residual?.float ?? -1;
  const res1 = std[1]?.residual?.float ?? -1;
  const zero = std.map((st) =>
    st === null ? 0 : zeroMeets(st.met) ? MET : st.residual !== null && zeroMeets(st.residual) ? UNMET : 0,
  );
  for (let i = 0; i < n; i++) {
    const s1 = stageOf[i] === 1;
    if (!(s1 ? has1 : has0)) continue;
    if (source[i] === MISSING) {
      missing[i]++;
      const z = zero[stageOf[i]];
      if (z === MET) worstMet[i]++;
      else if (z === UNMET) worstAbove[i]++;
      continue;
    }
    const x = value[i];
    const f = s1 ? met1 : met0;
    const slack = near * f;
    const st = std[stageOf[i]] as StageStandard;
    if (x > f + slack || (x >= f - slack && exactMeets(input, col, i, st.met))) {
      out[i] = MET;
      met[i]++;
      continue;
    }
    out[i] = UNMET;
    const rf = s1 ? res1 : res0;
    if (rf < 0) continue;
    const rslack = near * rf;
    if (x < rf - rslack || (x <= rf + rslack && !exactMeets(input, col, i, st.residual as Floor))) {
      out[i] = BELOW;
      below[i]++;
    }
  }
}

/** The k-of-n/r verdict per part into `pass` (1 pass, 0 fail, −1 undecided or no standard); how many are undecided. */
function decideParts(
  stageOf: Uint8Array,
  counted: readonly number[],
  k: number,
  tally: Tally,
  pass: Int8Array,
): number {
  const { met, below, missing, worstMet, worstAbove } = tally;
  let undecided = 0;
  for (let i = 0; i < pass.length; i++) {
    const total = counted[stageOf[i]];
    const verdict =
      total > 0
        ? schoolRulePass(met[i], total, k, below[i], missing[i], {
            met: worstMet[i],
            aboveFloor: worstAbove[i],
          })
        : null;
    pass[i] = verdict === null ? -1 : verdict ? 1 : 0;
    if (verdict === null && total > 0) undecided++;
  }
  return undecided;
}

/** Every per-school decision of an evaluation, made when it is built; verdict details on demand. */
export class SchoolDecisions implements VerdictSource {
  /** Standards and floors per stage (index into STAGES), in the order of the columns. */
  private readonly standards: (StageStandard | null)[][];
  /** Per column, per part: MET, UNMET, BELOW, or 0 (no standard or no value). */
  private readonly outcome: Uint8Array[] = [];
  /** Indicators met per part. */
  private readonly met: Uint8Array;
  /** The k-of-n/r verdict per part: 1 pass, 0 fail, −1 undecided or no rule. */
  private readonly pass: Int8Array;
  /** Parts the per-school rule applies to whose verdict a missing value leaves open (无法判定). */
  readonly undecided: number = 0;
  private enrolments: Map<string, number> | null = null;
  readonly indicatorCache: (IndicatorVerdict[] | undefined)[] = [];
  readonly checkCache: (CheckResult[] | undefined)[] = [];
  readonly reasonCache: (string[] | undefined)[] = [];
  /** Whether the verdicts keep the parts they build on read (see VerdictSource.retainParts). */
  retainParts = true;

  /**
   * Decides eagerly and exactly, column by column: whether each indicator meets its standard (MET / UNMET), how many
   * unmet fall below r × standard (BELOW), and the k-of-n/r verdict per part.
   */
  constructor(private readonly input: DecisionInput) {
    const n = input.parts.length;
    const byStage = STAGES.map((stage) => stageStandards(input, stage));
    this.standards = byStage;
    const tally: Tally = {
      met: new Uint8Array(n),
      below: new Uint8Array(n),
      missing: new Uint8Array(n),
      worstMet: new Uint8Array(n),
      worstAbove: new Uint8Array(n),
    };
    for (let j = 0; j < input.columns.length; j++) {
      const out = new Uint8Array(n);
      this.outcome.push(out);
      const std = [byStage[0][j], byStage[1][j]];
      if (std[0] === null && std[1] === null) continue;
      decideColumn(input, input.columns[j], std, out, tally);
    }
    const rule = input.profile.schoolRule;
    const counted = byStage.map((list) => list.filter((x) => x !== null).length);
    this.met = tally.met;
    this.pass = new Int8Array(n);
    if (rule === null) this.pass.fill(-1);
    else this.undecided = decideParts(input.stageOf, counted, rule.k, tally, this.pass);
  }

  /** The verdict of every part, in part order. */
  verdicts(): SchoolVerdict[] {
    const parts = this.input.parts;
    const out: SchoolVerdict[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const p = this.pass[i];
      out[i] = new Verdict(this, parts[i], i, this.met[i], p < 0 ? null : p === 1);
    }
    return out;
  }

  /** Whether some indicator value of part i is unknown (its verdict's `value` is null), without building them. */
  hasUnknownValue(i: number): boolean {
    const cached = this.indicatorCache[i];
    if (cached !== undefined) return cached.some((v) => v.value === null);
    for (const col of this.input.columns) if (col.source[i] === MISSING) return true;
    return false;
  }

  /** The indicators of part i with a standard: those of its stage (indicatorVerdict's standard is the stage's). */
  judgedOf(i: number): readonly IndicatorId[] {
    const st = this.input.stageOf[i];
    return (this.judgedByStage[st] ??= this.input.columns
      .filter((_, j) => this.standards[st][j] !== null)
      .map((col) => col.id));
  }
  private readonly judgedByStage: (IndicatorId[] | undefined)[] = [];

  /** The indicator verdicts of part i (materialised on first access of SchoolVerdict.indicators). */
  indicatorsOf(i: number): IndicatorVerdict[] {
    const standards = this.standards[this.input.stageOf[i]];
    const columns = this.input.columns;
    const out: IndicatorVerdict[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) {
      out[j] = this.indicatorVerdict(columns[j], i, standards[j], this.outcome[j][i]);
    }
    return out;
  }

  /**
   * Part i's indicator verdicts except those meeting their standard, in order: all that reasonsOf reads (the rule
   * line, the floor count and the lines skip met ones), for a reader that wants the reasons alone.
   */
  unmetIndicatorsOf(i: number): IndicatorVerdict[] {
    const standards = this.standards[this.input.stageOf[i]];
    const columns = this.input.columns;
    const out: IndicatorVerdict[] = [];
    for (let j = 0; j < columns.length; j++) {
      const outcome = this.outcome[j][i];
      if (outcome !== MET) out.push(this.indicatorVerdict(columns[j], i, standards[j], outcome));
    }
    return out;
  }

  private indicatorVerdict(
    col: ValueColumn,
    i: number,
    std: StageStandard | null,
    outcome: number,
  ): IndicatorVerdict {
    const source = col.source[i];
    const numerator = col.meta.numerator;
    // With one alternative it is the one whether the counts are complete or not: their fields need not be looked at.
    const fields =
      source === RATIO
        ? [col.id]
        : numerator.length === 1
          ? numerator[0]
          : (resourceFieldsOf(this.input.parts[i].counts, col.meta) ?? numerator[0]);
    const v: IndicatorVerdict = {
      indicator: col.id,
      value: source === MISSING ? null : col.value[i],
      standard: std === null ? null : std.standard,
      ratio: null,
      pass: null,
      gap: null,
      resourceField: fields[0],
      resourceFields: fields as string[],
    };
    if (source === RATIO) v.fromRatio = true;
    if (source === MISSING || std === null) return v;
    const value = col.value[i];
    const p = this.input.students[i];
    v.ratio = value / std.standard;
    const rule = this.input.profile.schoolRule;
    if (rule !== null) v.floorShare = rule.r;
    if (outcome === MET) {
      v.pass = true;
      v.gap = 0;
    } else {
      v.pass = false;
      const resource = source === RAW ? col.resource[i] : null;
      v.gap = gapFor(col.meta, std.standard, p, resource, value);
      if (rule !== null) {
        v.withinAllowance = outcome !== BELOW;
        v.floorGap = outcome === BELOW ? gapFor(col.meta, std.floorValue as number, p, resource, value) : 0;
      }
    }
    return v;
  }

  /**
   * Reason lines of part i: for a failing school the rule it breaks first, then each unmet indicator with what
   * reaches the floor and what reaches the standard; for a passing one its indicators within the allowance; the
   * failed §7 checks last.
   */
  reasonsOf(i: number, indicators: readonly IndicatorVerdict[], checks: readonly CheckResult[]): string[] {
    const lines: string[] = [];
    const rule = this.input.profile.schoolRule;
    const units = this.input.units;
    const pass = this.pass[i];
    const school =
      rule === null
        ? undefined
        : {
            met: this.met[i],
            k: rule.k,
            belowFloor: countBelowFloor(indicators),
          };
    if (rule !== null && pass === 0) {
      const line = formatRuleReason(indicators, this.met[i], rule);
      if (line !== null) lines.push(line);
    }
    const options = { units, school };
    const allowance = { units };
    for (const v of indicators) {
      if (v.standard === null || v.pass === true) continue;
      lines.push(
        pass === 1 && v.pass === false
          ? formatAllowanceNote(v, allowance)
          : formatIndicatorReason(v, options),
      );
    }
    for (const c of checks) if (!c.pass) lines.push(c.message);
    return lines;
  }

  /** The §7 checks of part i. */
  checksOf(i: number): CheckResult[] {
    const { parts, rows, rowIndex, students, profile } = this.input;
    const limits = profile.checks;
    if (!limits.schoolSize && !limits.classSize && !limits.specialRooms) return [];
    const part = parts[i];
    const firstOfRow = i === 0 || rowIndex[i - 1] !== rowIndex[i];
    const combined = isNineOrTwelve(part);
    const enrolment = combined ? this.combinedEnrolments().get(schoolKey(part)) : students[i];
    // A split row's rooms and classes are the whole school's: checked once, on its first stage part.
    const school = part.split ? (firstOfRow ? rows[rowIndex[i]].counts : undefined) : part.counts;
    const input: CheckInput = {
      stage: part.stage,
      combined,
      enrolment,
      maxClassSize: part.counts.maxClassSize,
      classes: school?.classes,
      musicRooms: school?.musicRooms,
      artRooms: school?.artRooms,
      musicRoomArea: school?.musicRoomArea,
      artRoomArea: school?.artRoomArea,
    };
    return runChecks(input, limits);
  }

  /** 九年/十二年一贯制: the school's compulsory enrolment, over its parts (split or one row per stage). */
  private combinedEnrolments(): Map<string, number> {
    if (this.enrolments !== null) return this.enrolments;
    const totals = new Map<string, number>();
    this.input.parts.forEach((part, i) => {
      if (!isNineOrTwelve(part)) return;
      const key = schoolKey(part);
      totals.set(key, (totals.get(key) ?? 0) + this.input.students[i]);
    });
    this.enrolments = totals;
    return totals;
  }
}
