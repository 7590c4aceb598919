/** evaluate(): a table's rows under a standards profile → CVs per stage, per-school verdicts, exclusions and issues. */
import type { Decimal } from 'decimal.js';
import { runChecks, type CheckInput } from './checks';
import { compositeAtMost, cvAtMost, floatCoefficient, isNearThreshold } from './coefficient';
import { Dec, exactCvSquared, ratioAtLeast, valueAtLeast, type Bound, type Rational } from './exact';
import { formatIndicatorReason } from './format';
import { gapFor } from './gap';
import { INDICATORS, resourceAmount, resourceFieldsOf, type IndicatorMeta } from './indicators';
import { cellIssue, fieldLabel, tableIssue } from './issues';
import { buildParts } from './parts';
import { profileIndicators } from './profiles';
import { compareToFloor, floorOf, schoolRulePass, type Floor } from './schoolRule';
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
  SchoolPart,
  SchoolRow,
  SchoolVerdict,
  Stage,
  StageResult,
} from './types';

const STAGES: readonly Stage[] = ['primary', 'junior'];
const MISSING = 0;
const RAW = 1;
const RATIO = 2;

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

class Evaluator {
  readonly issues: DataIssue[];
  readonly rowIndex: number[];
  readonly excluded: Evaluation['excluded'];
  private readonly parts: SchoolPart[];
  private readonly students: Float64Array;
  private readonly columns: IndicatorColumn[];
  private readonly seen = new Set<string>();

  constructor(
    private readonly rows: readonly SchoolRow[],
    private readonly profile: Profile,
  ) {
    const built = buildParts(rows, profile);
    this.parts = built.parts;
    this.rowIndex = built.rowIndex;
    this.excluded = built.excluded;
    this.issues = built.issues;
    const n = this.parts.length;
    this.students = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = this.parts[i].counts.students;
      this.students[i] = isCount(p) && Number.isInteger(p) ? p : NaN;
    }
    this.columns = profileIndicators(profile).map((id) => this.readIndicator(id));
  }

  partsInScope(): SchoolPart[] {
    return this.parts;
  }

  private once(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  /** Values of one indicator for every part: raw counts preferred, a given ratio accepted with a warning. */
  private readIndicator(id: IndicatorId): IndicatorColumn {
    const meta = INDICATORS[id];
    const n = this.parts.length;
    const col: IndicatorColumn = {
      id,
      meta,
      resource: new Float64Array(n),
      value: new Float64Array(n),
      source: new Uint8Array(n),
      available: false,
      missing: [],
    };
    const per = meta.per;
    for (let i = 0; i < n; i++) {
      const p = this.students[i];
      if (!(p > 0)) continue;
      const part = this.parts[i];
      const r = resourceAmount(part.counts, meta);
      const x = (per * r) / p;
      if (x < Infinity) {
        col.resource[i] = r;
        col.value[i] = x;
        col.source[i] = RAW;
        col.available = true;
        continue;
      }
      this.reportInvalid(part, meta);
      const given = part.ratios?.[id];
      if (given !== undefined && isCount(given)) {
        col.value[i] = given;
        col.resource[i] = (given * p) / per;
        col.source[i] = RATIO;
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
    return col;
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

  /** The cell to point at for a missing value: the first absent field of the most complete numerator. */
  private missingField(part: SchoolPart, meta: IndicatorMeta): CountField {
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
    const r = new Float64Array(n);
    const p = new Float64Array(n);
    for (const stage of STAGES) {
      const inStage: number[] = [];
      let unknownStudents = 0;
      let students = 0;
      for (let i = 0; i < n; i++) {
        if (this.parts[i].stage !== stage) continue;
        if (this.students[i] > 0) {
          inStage.push(i);
          students += this.students[i];
        } else unknownStudents++;
      }
      if (inStage.length === 0 && unknownStudents === 0) continue;
      const indicators: Partial<Record<IndicatorId, CoefficientResult>> = {};
      const exacts: (() => Rational | null)[] = [];
      const cvs: (number | null)[] = [];
      for (const id of this.profile.indicators) {
        const col = this.columns.find((c) => c.id === id) as IndicatorColumn;
        const used = new Int32Array(inStage.length);
        let count = 0;
        for (const i of inStage) {
          if (col.source[i] === MISSING) continue;
          r[count] = col.resource[i];
          p[count] = this.students[i];
          used[count++] = i;
        }
        const exact = (): Rational | null => this.exactSquare(col, used, count);
        const result = this.coefficient(
          stage,
          id,
          r,
          p,
          count,
          inStage.length - count + unknownStudents,
          exact,
        );
        indicators[id] = result;
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
      out[stage] = { stage, schools: inStage.length, students, indicators, composite, pass };
    }
    return out;
  }

  private coefficient(
    stage: Stage,
    id: IndicatorId,
    r: Float64Array,
    p: Float64Array,
    count: number,
    leftOut: number,
    exact: () => Rational | null,
  ): CoefficientResult {
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
      const f = floatCoefficient(r, p, count, INDICATORS[id].per);
      result.students = f.students;
      result.mean = f.mean;
      if (f.cv === null)
        notes.push(
          f.mean === 0 ? '县均值为 0，差异系数无定义（不是 0）' : '数值超出可计算范围，差异系数无法计算',
        );
      else {
        result.cv = f.cv;
        if (threshold !== null) {
          result.pass = cvAtMost(f.cv, threshold, this.profile.rounding.cv, exact);
          result.nearThreshold = isNearThreshold(f.cv, threshold, this.profile.cv.nearMargin);
        }
      }
    }
    if (leftOut > 0) notes.push(`${leftOut} 所学校缺少数据，未计入此项（不按 0 计算）`);
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
    return {
      value,
      threshold,
      pass,
      nearThreshold: isNearThreshold(value, threshold, this.profile.cv.nearMargin),
    };
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
    return this.exactMeets(col, i, floor.bound);
  }

  private exactMeets(col: IndicatorColumn, i: number, bound: Bound): boolean {
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

  schools(): SchoolVerdict[] {
    const standardsByStage: Record<Stage, (StageStandard | null)[]> = {
      primary: this.stageStandards('primary'),
      junior: this.stageStandards('junior'),
    };
    const counted: Record<Stage, number> = {
      primary: standardsByStage.primary.filter((s) => s !== null).length,
      junior: standardsByStage.junior.filter((s) => s !== null).length,
    };
    const enrolments = this.combinedEnrolment();
    const rule = this.profile.schoolRule;
    const out: SchoolVerdict[] = new Array(this.parts.length);
    let lastRow = -1;
    for (let i = 0; i < this.parts.length; i++) {
      const part = this.parts[i];
      const standards = standardsByStage[part.stage];
      const p = this.students[i];
      const indicators: IndicatorVerdict[] = new Array(this.columns.length);
      const reasons: string[] = [];
      let met = 0;
      let below = 0;
      let missing = 0;
      for (let j = 0; j < this.columns.length; j++) {
        const col = this.columns[j];
        const std = standards[j];
        const v = this.verdict(col, i, std, p);
        indicators[j] = v;
        if (std === null) continue;
        if (v.pass === null) {
          missing++;
          reasons.push(formatIndicatorReason(v));
        } else if (v.pass) met++;
        else {
          reasons.push(formatIndicatorReason(v));
          if (std.residual !== null && !this.meets(col, i, std.residual)) below++;
        }
      }
      const n = counted[part.stage];
      const pass = rule !== null && n > 0 ? schoolRulePass(met, n, rule.k, below, missing) : null;
      const firstOfRow = this.rowIndex[i] !== lastRow;
      lastRow = this.rowIndex[i];
      const checks = this.checks(part, i, firstOfRow, enrolments);
      for (const c of checks) if (!c.pass) reasons.push(c.message);
      const verdict: SchoolVerdict = {
        key: part.key,
        row: part.row,
        name: part.name,
        stage: part.stage,
        kind: part.kind,
        indicators,
        met,
        pass,
        checks,
        reasons,
      };
      if (part.sheet !== undefined) verdict.sheet = part.sheet;
      out[i] = verdict;
    }
    return out;
  }

  private verdict(col: IndicatorColumn, i: number, std: StageStandard | null, p: number): IndicatorVerdict {
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
    if (this.meets(col, i, std.met)) {
      v.pass = true;
      v.gap = 0;
    } else {
      v.pass = false;
      v.gap = gapFor(col.meta, std.standard, p, source === RAW ? col.resource[i] : null, value);
    }
    return v;
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
 * 评估 — evaluates a table's rows under a standards profile: stage parts (combined schools split, §5), scope (§6),
 * the student-weighted CV per stage and indicator with exact threshold decisions (§3), per-school verdicts with
 * gaps and the k-of-n/r rule (§4), the §7 checks, and every data problem as a DataIssue. Never throws on bad data.
 */
export function evaluate(rows: readonly SchoolRow[], profile: Profile): Evaluation {
  const ev = new Evaluator(rows, profile);
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
    summary: { checked: schools.length, passed, failed, excluded: ev.excluded.length },
  };
}
