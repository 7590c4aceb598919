/** evaluate(): a table's rows under a standards profile → CVs per stage, per-school verdicts, exclusions and issues. */
import type { Decimal } from 'decimal.js';
import { runChecks, type CheckInput } from './checks';
import { compositeAtMost, cvAtMost, floatCoefficientAt, isNearThreshold, OVERFLOW_NOTE } from './coefficient';
import {
  Dec,
  exactCvSquared,
  NEAR,
  compareScaled,
  decimalParts,
  meanOfRootsToNumber,
  ratioAtLeast,
  sqrtToNumber,
  valueAtLeast,
  type Rational,
} from '../exact/arithmetic';
import {
  formatAllowanceNote,
  formatIndicatorReason,
  formatRuleReason,
  type ResourceUnits,
} from '../model/format';
import { gapFor } from './gap';
import { INDICATORS, resourceAmount, resourceFieldsOf, type IndicatorMeta } from '../model/indicators';
import { cellIssue, fieldLabel, tableIssue } from '../model/issues';
import { buildParts } from './parts';
import { profileIndicators } from './profiles';
import { compareToFloor, floorOf, meetsFloor, schoolRulePass, type Floor } from './schoolRule';
import type {
  CheckResult,
  CoefficientResult,
  CompositeResult,
  CountField,
  DataIssue,
  Evaluation,
  IndicatorId,
  IndicatorVerdict,
  Profile,
  SchoolKind,
  SchoolPart,
  SchoolRow,
  SchoolVerdict,
  Stage,
  StageResult,
} from '../model/types';

const STAGES: readonly Stage[] = ['primary', 'junior'];
const MISSING = 0;
const RAW = 1;
const RATIO = 2;
/** Per-school outcome of one indicator: no standard or no value (0), met (1), unmet (2), unmet below r × standard (3). */
const MET = 1;
const UNMET = 2;
const BELOW = 3;

/** A value of 0 reaches the floor (a standard or residual of 0 under the profile's rounding). */
function zeroMeets(floor: Floor): boolean {
  return meetsFloor(0, floor, { value: 0 });
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && v >= 0 && v < Infinity;
}

/** Per indicator, per part: the resource (or P·X/per from a ratio), the value, and where it came from. */
interface IndicatorColumn {
  id: IndicatorId;
  meta: IndicatorMeta;
  resource: Float64Array;
  value: Float64Array;
  source: Uint8Array;
  available: boolean;
  missing: number[];
}

/** A standard of one stage, with its floors for "met" and for the residual r × standard. */
interface StageStandard {
  standard: number;
  met: Floor;
  residual: Floor | null;
}

/** A combined school's name without its stage suffix, so its 小学部 and 初中部 rows group together. */
function schoolBaseName(name: string): string {
  return name.replace(/[（(【[\-—_\s]*(小学部|初中部|中学部|小学|初中)[）)】\]]?\s*$/, '').trim();
}

/** The cell to point at for a missing value: the first absent field of the most complete numerator. */
function missingFieldOf(part: SchoolPart, meta: IndicatorMeta): CountField {
  let best: readonly CountField[] = meta.numerator[0];
  let bestHave = -1;
  for (const alt of meta.numerator) {
    const have = alt.filter((f) => part.counts[f] !== undefined || part.columns?.[f] !== undefined).length;
    if (have > bestHave) {
      best = alt;
      bestHave = have;
    }
  }
  return best.find((f) => !isCount(part.counts[f])) ?? best[0];
}

/**
 * The fields whose unknown cells leave a part's values open: 在校生数 when the students are unknown, else, for each
 * indicator without a value, the cell to fill (as the missing-value issue points at it). Empty when nothing is unknown.
 */
export function unknownFields(part: SchoolPart, indicators: readonly (IndicatorId | null)[]): CountField[] {
  const p = part.counts.students;
  if (!(isCount(p) && Number.isInteger(p))) return ['students'];
  const out: CountField[] = [];
  for (const id of indicators) {
    if (id === null) continue;
    const field = missingFieldOf(part, INDICATORS[id]);
    if (!out.includes(field)) out.push(field);
  }
  return out;
}

/**
 * The exact value behind a CV or composite, as a thunk: results stay plain data and evaluate() does no BigInt work for
 * values nobody prints to the last digit (see {@link exactValueOf}).
 */
const EXACT_VALUES = new WeakMap<CoefficientResult | CompositeResult, () => number | null>();

/**
 * A CV's or composite's value as the double nearest to the exact value (CV² is an exact rational; the CV its square
 * root, to 40 digits): a composite of exactly 0.55 gives 0.55 where the float mean gives 0.5499999999999999. The
 * result's own float `cv`/`value` is within a few units in the last place and decides nothing; this is for output
 * that prints every digit (the CLI's JSON). Results not made by evaluate() give their own float.
 */
export function exactValueOf(result: CoefficientResult | CompositeResult): number | null {
  const own = 'cv' in result ? result.cv : result.value;
  if (own === null) return null;
  const exact = EXACT_VALUES.get(result)?.();
  return exact === undefined || exact === null ? own : exact;
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** The unit each resource column is written in (万元), for amounts in reasons; values stay in base units. */
  units?: ResourceUnits;
}

class Evaluator {
  readonly issues: DataIssue[];
  readonly rowIndex: number[];
  readonly excluded: Evaluation['excluded'];
  private readonly parts: SchoolPart[];
  private readonly students: Float64Array;
  /** Index into STAGES of each part's stage (0 primary, 1 junior), read once for the per-stage loops. */
  private readonly stageOf: Uint8Array;
  private readonly columns: IndicatorColumn[];
  private readonly seen = new Set<string>();

  constructor(
    private readonly rows: readonly SchoolRow[],
    private readonly profile: Profile,
    private readonly units?: ResourceUnits,
  ) {
    const built = buildParts(rows, profile);
    this.parts = built.parts;
    this.rowIndex = built.rowIndex;
    this.excluded = built.excluded;
    this.issues = built.issues;
    const n = this.parts.length;
    this.students = new Float64Array(n);
    this.stageOf = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const part = this.parts[i];
      const p = part.counts.students;
      this.students[i] = isCount(p) && Number.isInteger(p) ? p : NaN;
      this.stageOf[i] = part.stage === 'primary' ? 0 : 1;
    }
    const columns = profileIndicators(profile).map((id) => this.newColumn(id));
    this.readRaw(columns);
    for (const col of columns) this.readFallbacks(col);
    this.columns = columns;
  }

  partsInScope(): SchoolPart[] {
    return this.parts;
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  private newColumn(id: IndicatorId): IndicatorColumn {
    const n = this.parts.length;
    return {
      id,
      meta: INDICATORS[id],
      resource: new Float64Array(n),
      value: new Float64Array(n),
      source: new Uint8Array(n),
      available: false,
      missing: [],
    };
  }

  /**
   * Raw-count values of every indicator, part by part: each part's counts object is read once for all indicators
   * while it is in cache (indicator by indicator, 100,000 scattered counts objects were fetched seven times over).
   * Parts whose counts give no finite value stay MISSING for `readFallbacks`.
   */
  private readRaw(columns: IndicatorColumn[]): void {
    const m = columns.length;
    const n = this.parts.length;
    const students = this.students;
    const parts = this.parts;
    // Most indicators read one field: read it directly rather than through the general numerator walk.
    const single = columns.map((c) =>
      c.meta.numerator.length === 1 && c.meta.numerator[0].length === 1 ? c.meta.numerator[0][0] : null,
    );
    const per = columns.map((c) => c.meta.per);
    const filled = new Uint8Array(m);
    for (let i = 0; i < n; i++) {
      const p = students[i];
      if (!(p > 0)) continue;
      const counts = parts[i].counts;
      for (let j = 0; j < m; j++) {
        const field = single[j];
        let r: number;
        if (field !== null) {
          const v = counts[field];
          r = typeof v === 'number' && v >= 0 ? v : NaN;
        } else r = resourceAmount(counts, columns[j].meta);
        const x = (per[j] * r) / p;
        if (x < Infinity) {
          const col = columns[j];
          col.resource[i] = r;
          col.value[i] = x;
          col.source[i] = RAW;
          filled[j] = 1;
        }
      }
    }
    for (let j = 0; j < m; j++) if (filled[j] === 1) columns[j].available = true;
  }

  /**
   * The parts of one indicator without a raw value: a given ratio accepted with a warning, else reported. Column by
   * column and part by part, so the issues come in the same order as when each column was read on its own.
   */
  private readFallbacks(col: IndicatorColumn): void {
    const id = col.id;
    const meta = col.meta;
    const n = this.parts.length;
    const per = meta.per;
    const students = this.students;
    const source = col.source;
    for (let i = 0; i < n; i++) {
      const p = students[i];
      if (!(p > 0) || source[i] !== MISSING) continue;
      const part = this.parts[i];
      this.reportInvalid(part, meta);
      const given = part.ratios?.[id];
      if (given !== undefined && isCount(given)) {
        col.value[i] = given;
        col.resource[i] = (given * p) / per;
        source[i] = RATIO;
        col.available = true;
        if (this.once(`ratio|${part.sheet ?? ''}|${id}`)) {
          this.issues.push(
            cellIssue(
              part,
              id,
              'precisionWarning',
              'warning',
              `“${meta.name}”按表中已算好的比值计算（缺少原始数据）。比值经过四舍五入，差异系数和达标判定可能略有偏差；建议填写原始数据`,
            ),
          );
        }
      } else {
        if (given !== undefined) this.reportInvalidRatio(part, id, given);
        col.missing.push(i);
      }
    }
    this.reportMissing(col);
  }

  private reportInvalid(part: SchoolPart, meta: IndicatorMeta): void {
    for (const alt of meta.numerator) {
      for (const f of alt) {
        const v = part.counts[f];
        if (v !== undefined && !isCount(v) && this.once(`bad|${part.sheet ?? ''}|${part.row}|${f}`)) {
          this.issues.push(
            cellIssue(part, f, 'invalidNumber', 'error', `“${v}” 不是有效的非负数，按缺少数据处理`),
          );
        }
      }
    }
  }

  private reportInvalidRatio(part: SchoolPart, id: IndicatorId, x: unknown): void {
    if (this.once(`bad|${part.sheet ?? ''}|${part.row}|${id}`)) {
      this.issues.push(
        cellIssue(part, id, 'invalidNumber', 'error', `“${x}” 不是有效的非负数，按缺少数据处理`),
      );
    }
  }

  private missingField(part: SchoolPart, meta: IndicatorMeta): CountField {
    return missingFieldOf(part, meta);
  }

  private reportMissing(col: IndicatorColumn): void {
    const meta = col.meta;
    if (col.missing.length === 0) return;
    if (!col.available) {
      const fields = meta.numerator.map((alt) => alt.map(fieldLabel).join('+')).join(' 或 ');
      this.issues.push(
        tableIssue(
          this.parts[col.missing[0]].sheet,
          col.id,
          'indicatorUnavailable',
          'error',
          `表中没有计算“${meta.name}”所需的数据（${fields}），该指标无法计算`,
        ),
      );
      return;
    }
    for (const i of col.missing) {
      const part = this.parts[i];
      const field = this.missingField(part, meta);
      if (!this.once(`missing|${part.sheet ?? ''}|${part.row}|${part.stage}|${field}`)) continue;
      this.issues.push(
        cellIssue(
          part,
          field,
          'missingValue',
          'error',
          `缺少数据（不按 0 计算），“${meta.name}”无法计算，该校未计入此项差异系数`,
        ),
      );
    }
  }

  /** The resource of part i exactly, as a Decimal (the sum of the fields the float used). */
  private exactResource(i: number, meta: IndicatorMeta): Decimal {
    const counts = this.parts[i].counts;
    const fields = resourceFieldsOf(counts, meta) ?? [];
    let sum = new Dec(0);
    for (const f of fields) sum = sum.plus(counts[f] as number);
    return sum;
  }

  /** Decimal amounts aᵢ = Pᵢ·Xᵢ (per·Rᵢ from counts) and students of the listed parts, for the exact CV. */
  private exactSquare(col: IndicatorColumn, indices: ArrayLike<number>, count: number): Rational | null {
    const amounts: Decimal[] = [];
    const students: Decimal[] = [];
    for (let k = 0; k < count; k++) {
      const i = indices[k];
      const p = new Dec(this.students[i]);
      amounts.push(
        col.source[i] === RAW
          ? this.exactResource(i, col.meta).times(col.meta.per)
          : new Dec(col.value[i]).times(p),
      );
      students.push(p);
    }
    return exactCvSquared(amounts, students);
  }

  stages(): Partial<Record<Stage, StageResult>> {
    const out: Partial<Record<Stage, StageResult>> = {};
    const n = this.parts.length;
    const studentsOf = this.students;
    const stageOf = this.stageOf;
    const inStageAll = new Int32Array(n);
    for (let s = 0; s < STAGES.length; s++) {
      const stage = STAGES[s];
      let inCount = 0;
      let unknownStudents = 0;
      let students = 0;
      for (let i = 0; i < n; i++) {
        if (stageOf[i] !== s) continue;
        const pi = studentsOf[i];
        if (pi > 0) {
          inStageAll[inCount++] = i;
          students += pi;
        } else unknownStudents++;
      }
      if (inCount === 0 && unknownStudents === 0) continue;
      const inStage = inStageAll.slice(0, inCount);
      const indicators: Partial<Record<IndicatorId, CoefficientResult>> = {};
      const exacts: (() => Rational | null)[] = [];
      const cvs: (number | null)[] = [];
      for (const id of this.profile.indicators) {
        const col = this.columns.find((c) => c.id === id) as IndicatorColumn;
        // The parts of the stage with a value: all of them unless some are missing (then a filtered copy).
        let used = inStage;
        if (col.missing.length > 0) {
          const source = col.source;
          used = new Int32Array(inCount);
          let count = 0;
          for (let k = 0; k < inCount; k++) if (source[inStage[k]] !== MISSING) used[count++] = inStage[k];
          used = used.subarray(0, count);
        }
        const indices = used;
        let square: Rational | null | undefined;
        const exact = (): Rational | null => {
          if (square === undefined) square = this.exactSquare(col, indices, indices.length);
          return square;
        };
        const result = this.coefficient(
          stage,
          col,
          indices,
          inCount - indices.length + unknownStudents,
          exact,
        );
        indicators[id] = result;
        if (result.cv !== null) {
          EXACT_VALUES.set(result, () => {
            const q = exact();
            return q === null ? null : sqrtToNumber(q);
          });
        }
        cvs.push(result.cv);
        exacts.push(exact);
      }
      const composite = this.profile.cv.mode === 'composite' ? this.composite(stage, cvs, exacts) : null;
      const singles = Object.values(indicators).map((c) => c.pass);
      const pass =
        composite !== null
          ? composite.pass
          : singles.includes(false)
            ? false
            : singles.length > 0 && singles.every((x) => x === true)
              ? true
              : null;
      out[stage] = { stage, schools: inCount, students, indicators, composite, pass };
    }
    return out;
  }

  private coefficient(
    stage: Stage,
    col: IndicatorColumn,
    indices: Int32Array,
    leftOut: number,
    exact: () => Rational | null,
  ): CoefficientResult {
    const id = col.id;
    const count = indices.length;
    const each = this.profile.cv.mode === 'each';
    const threshold = each ? this.profile.cv.thresholds[stage] : null;
    const notes: string[] = [];
    const result: CoefficientResult = {
      indicator: id,
      schools: count,
      students: 0,
      mean: null,
      cv: null,
      threshold,
      pass: null,
      nearThreshold: false,
    };
    if (count === 0) notes.push('没有可计算的学校，差异系数无法计算');
    else {
      const f = floatCoefficientAt(col.resource, this.students, indices, count, col.meta.per);
      // An overflowed total is no count and no mean: leave them unknown rather than Infinity or 0.
      result.students = f.overflow ? 0 : f.students;
      result.mean = f.overflow ? null : f.mean;
      if (f.overflow) result.overflow = true;
      if (f.cv === null) notes.push(f.overflow ? OVERFLOW_NOTE : '县均值为 0，差异系数无定义（不是 0）');
      else {
        result.cv = f.cv;
        if (threshold !== null) {
          result.pass = cvAtMost(f.cv, threshold, this.profile.rounding.cv, exact);
          result.nearThreshold = isNearThreshold(f.cv, threshold, this.profile.cv.nearMargin);
        }
      }
    }
    if (leftOut > 0) {
      notes.push(`${leftOut} 所学校缺少数据，未计入此项（不按 0 计算）`);
      result.leftOut = leftOut;
    }
    if (notes.length > 0) result.note = notes.join('；');
    return result;
  }

  private composite(
    stage: Stage,
    cvs: (number | null)[],
    exacts: (() => Rational | null)[],
  ): CompositeResult {
    const threshold = this.profile.cv.thresholds[stage];
    if (cvs.length === 0 || cvs.some((c) => c === null)) {
      return { value: null, threshold, pass: null, nearThreshold: false };
    }
    const values = cvs as number[];
    const value = values.reduce((s, x) => s + x, 0) / values.length;
    const pass = compositeAtMost(values, threshold, this.profile.rounding.cv, () => exacts.map((e) => e()));
    const result: CompositeResult = {
      value,
      threshold,
      pass,
      nearThreshold: isNearThreshold(value, threshold, this.profile.cv.nearMargin),
    };
    EXACT_VALUES.set(result, () => {
      const qs = exacts.map((e) => e());
      return qs.some((q) => q === null) ? null : meanOfRootsToNumber(qs as Rational[]);
    });
    return result;
  }

  /** Standards and floors per stage, in the order of `columns`. */
  private stageStandards(stage: Stage): (StageStandard | null)[] {
    const rule = this.profile.schoolRule;
    const rounding = this.profile.rounding.school;
    return this.columns.map((col) => {
      const standard = this.profile.standards[col.id]?.[stage];
      if (standard === undefined) return null;
      return {
        standard,
        met: floorOf(standard, rounding),
        residual: rule ? floorOf(new Dec(rule.r).times(standard), rounding) : null,
      };
    });
  }

  private meets(col: IndicatorColumn, i: number, floor: Floor): boolean {
    const c = compareToFloor(col.value[i], floor);
    if (c !== 0) return c > 0;
    return this.exactMeets(col, i, floor);
  }

  /**
   * per·R ≥ bound·P exactly. Scaled safe integers decide the common case (counts and standards with few digits)
   * without allocating; decimal.js decides the rest (long decimals, sums of fractional counts).
   */
  private exactMeets(col: IndicatorColumn, i: number, floor: Floor): boolean {
    const bound = floor.bound;
    const f = floor.scaled;
    if (f !== null) {
      // per·R ≥ bound·P, or X ≥ bound for a given ratio, in scaled integers.
      const fromRatio = col.source[i] === RATIO;
      const r = fromRatio ? col.value[i] : col.resource[i];
      const rp =
        fromRatio || col.meta.numerator[0].length === 1 || Number.isInteger(r) ? decimalParts(r) : null;
      if (rp !== null) {
        const per = fromRatio ? 1 : col.meta.per;
        const p = fromRatio ? 1 : this.students[i];
        const left = per * rp.int;
        const right = f.int * p;
        const sign =
          Math.abs(left) <= Number.MAX_SAFE_INTEGER && Math.abs(right) <= Number.MAX_SAFE_INTEGER
            ? compareScaled(left, rp.exp, right, f.exp)
            : null;
        if (sign !== null) return bound.strict ? sign > 0 : sign >= 0;
      }
    }
    if (col.source[i] === RATIO) return valueAtLeast(new Dec(col.value[i]), bound);
    return ratioAtLeast(this.exactResource(i, col.meta), new Dec(this.students[i]), col.meta.per, bound);
  }

  /** 九年/十二年一贯制: the school's compulsory enrolment, over its parts (split or one row per stage). */
  private combinedEnrolment(): Map<string, number> {
    const totals = new Map<string, number>();
    this.parts.forEach((part, i) => {
      if (part.kind !== 'nineYear' && part.kind !== 'twelveYear') return;
      const key = `${part.sheet ?? ''}\u0000${schoolBaseName(part.name)}`;
      totals.set(key, (totals.get(key) ?? 0) + this.students[i]);
    });
    return totals;
  }

  /**
   * Every per-school decision, eagerly and exactly, column by column: whether each indicator meets its standard
   * (MET / UNMET in `outcome`), how many unmet fall below r × standard, and the k-of-n/r verdict per part.
   */
  private decide(): void {
    const n = this.parts.length;
    const standards = { primary: this.stageStandards('primary'), junior: this.stageStandards('junior') };
    const stageOf = this.stageOf;
    const byStage = [standards.primary, standards.junior];
    this.standards = byStage;
    const met = new Uint8Array(n);
    const below = new Uint8Array(n);
    const missing = new Uint8Array(n);
    // Of the missing indicators, those a value of 0 (the worst an unknown count can be) still meets or keeps ≥ r.
    const worstMet = new Uint8Array(n);
    const worstAbove = new Uint8Array(n);
    const near = NEAR;
    this.outcome = [];
    for (let j = 0; j < this.columns.length; j++) {
      const col = this.columns[j];
      const out = new Uint8Array(n);
      this.outcome.push(out);
      const std = [byStage[0][j], byStage[1][j]];
      if (std[0] === null && std[1] === null) continue;
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
        st === null
          ? 0
          : zeroMeets(st.met)
            ? MET
            : st.residual !== null && zeroMeets(st.residual)
              ? UNMET
              : 0,
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
        if (x > f + slack || (x >= f - slack && this.exactMeets(col, i, st.met))) {
          out[i] = MET;
          met[i]++;
          continue;
        }
        out[i] = UNMET;
        const rf = s1 ? res1 : res0;
        if (rf < 0) continue;
        const rslack = near * rf;
        if (x < rf - rslack || (x <= rf + rslack && !this.exactMeets(col, i, st.residual as Floor))) {
          out[i] = BELOW;
          below[i]++;
        }
      }
    }
    const rule = this.profile.schoolRule;
    const counted = byStage.map((list) => list.filter((x) => x !== null).length);
    this.met = met;
    this.pass = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const total = counted[stageOf[i]];
      const pass =
        rule !== null && total > 0
          ? schoolRulePass(met[i], total, rule.k, below[i], missing[i], {
              met: worstMet[i],
              aboveFloor: worstAbove[i],
            })
          : null;
      this.pass[i] = pass === null ? -1 : pass ? 1 : 0;
      if (pass === null && rule !== null && total > 0) this.undecided++;
    }
  }

  private standards: (StageStandard | null)[][] = [];
  private outcome: Uint8Array[] = [];
  private met = new Uint8Array(0);
  private pass = new Int8Array(0);
  /** Parts the per-school rule applies to whose verdict a missing value leaves open (无法判定). */
  undecided = 0;
  private enrolments: Map<string, number> | null = null;

  readonly indicatorCache: (IndicatorVerdict[] | undefined)[] = [];
  readonly checkCache: (CheckResult[] | undefined)[] = [];
  readonly reasonCache: (string[] | undefined)[] = [];

  schools(): SchoolVerdict[] {
    this.decide();
    const out: SchoolVerdict[] = new Array(this.parts.length);
    for (let i = 0; i < this.parts.length; i++) {
      const p = this.pass[i];
      out[i] = new Verdict(this, this.parts[i], i, this.met[i], p < 0 ? null : p === 1);
    }
    return out;
  }

  /** The indicator verdicts of part i (materialised on first access of SchoolVerdict.indicators). */
  indicatorsOf(i: number): IndicatorVerdict[] {
    const st = this.parts[i].stage === 'primary' ? 0 : 1;
    return this.columns.map((col, j) =>
      this.verdict(col, i, this.standards[st][j], this.students[i], this.outcome[j][i]),
    );
  }

  /** The §7 checks of part i. */
  checksOf(i: number): CheckResult[] {
    const firstOfRow = i === 0 || this.rowIndex[i - 1] !== this.rowIndex[i];
    this.enrolments ??= this.combinedEnrolment();
    return this.checks(this.parts[i], i, firstOfRow, this.enrolments);
  }

  private verdict(
    col: IndicatorColumn,
    i: number,
    std: StageStandard | null,
    p: number,
    outcome: number,
  ): IndicatorVerdict {
    const source = col.source[i];
    const fields =
      source === RATIO
        ? [col.id]
        : (resourceFieldsOf(this.parts[i].counts, col.meta) ?? col.meta.numerator[0]);
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
    v.ratio = value / std.standard;
    const rule = this.profile.schoolRule;
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
        const floor = new Dec(rule.r).times(std.standard).toNumber();
        v.floorGap = outcome === BELOW ? gapFor(col.meta, floor, p, resource, value) : 0;
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
    const rule = this.profile.schoolRule;
    const pass = this.pass[i];
    const school =
      rule === null
        ? undefined
        : {
            met: this.met[i],
            k: rule.k,
            belowFloor: indicators.filter((v) => v.withinAllowance === false).length,
          };
    if (rule !== null && pass === 0) {
      const line = formatRuleReason(indicators, this.met[i], rule);
      if (line !== null) lines.push(line);
    }
    for (const v of indicators) {
      if (v.standard === null || v.pass === true) continue;
      lines.push(
        pass === 1 && v.pass === false
          ? formatAllowanceNote(v, { units: this.units })
          : formatIndicatorReason(v, { units: this.units, school }),
      );
    }
    for (const c of checks) if (!c.pass) lines.push(c.message);
    return lines;
  }

  private checks(
    part: SchoolPart,
    i: number,
    firstOfRow: boolean,
    enrolments: Map<string, number>,
  ): CheckResult[] {
    const limits = this.profile.checks;
    if (!limits.schoolSize && !limits.classSize && !limits.specialRooms) return [];
    const combined = part.kind === 'nineYear' || part.kind === 'twelveYear';
    const enrolment = combined
      ? enrolments.get(`${part.sheet ?? ''}\u0000${schoolBaseName(part.name)}`)
      : this.students[i];
    // A split row's rooms and classes are the whole school's: checked once, on its first stage part.
    const school = part.split ? (firstOfRow ? this.rows[this.rowIndex[i]].counts : undefined) : part.counts;
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
class Verdict implements SchoolVerdict {
  met: number;
  pass: boolean | null;

  constructor(
    readonly source: Evaluator,
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
    return (this.source.indicatorCache[this.index] ??= this.source.indicatorsOf(this.index));
  }
  set indicators(value: IndicatorVerdict[]) {
    this.source.indicatorCache[this.index] = value;
  }

  get checks(): CheckResult[] {
    return (this.source.checkCache[this.index] ??= this.source.checksOf(this.index));
  }
  set checks(value: CheckResult[]) {
    this.source.checkCache[this.index] = value;
  }

  get reasons(): string[] {
    return (this.source.reasonCache[this.index] ??= this.source.reasonsOf(
      this.index,
      this.indicators,
      this.checks,
    ));
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
 * 评估 — evaluates a table's rows under a standards profile: stage parts (combined schools split, §5), scope (§6),
 * the student-weighted CV per stage and indicator with exact threshold decisions (§3), per-school verdicts with
 * gaps and the k-of-n/r rule (§4), the §7 checks, and every data problem as a DataIssue. Never throws on bad data.
 */
export function evaluate(
  rows: readonly SchoolRow[],
  profile: Profile,
  options: EvaluateOptions = {},
): Evaluation {
  const ev = new Evaluator(rows, profile, options.units);
  const stages = ev.stages();
  const schools = ev.schools();
  const issues = ev.issues.map((issue, order) => ({ issue, order }));
  issues.sort((a, b) => a.issue.row - b.issue.row || a.order - b.order);
  let passed = 0;
  let failed = 0;
  for (const s of schools) {
    if (s.pass === true) passed++;
    else if (s.pass === false) failed++;
  }
  return {
    profile,
    parts: ev.partsInScope(),
    excluded: ev.excluded,
    stages,
    schools,
    issues: issues.map((x) => x.issue),
    summary: {
      checked: schools.length,
      passed,
      failed,
      undecided: ev.undecided,
      excluded: ev.excluded.length,
    },
  };
}
