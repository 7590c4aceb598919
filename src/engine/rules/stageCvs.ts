/** The CVs of each stage (spec §3): per indicator the student-weighted CV, decided exactly, and the composite. */
import type { Decimal } from 'decimal.js';
import { compositeAtMost, cvAtMost, floatCoefficientAt, isNearThreshold, OVERFLOW_NOTE } from './coefficient';
import {
  Dec,
  exactCvSquared,
  exactCvSquaredScaled,
  integerCvSquared,
  normalise,
  scaledNumber,
  type Scaled,
  meanOfRootsAtMost,
  meanOfRootsToNumber,
  sqrtToNumber,
  type Rational,
} from '../exact/arithmetic';
import { STAGES } from '../model/stages';
import { resourceFieldsOf } from '../model/indicators';
import { exactResource, MISSING, RAW, type ValueColumn } from './valueColumns';
import type {
  CoefficientResult,
  CompositeResult,
  IndicatorId,
  Profile,
  SchoolPart,
  Stage,
  StageResult,
} from '../model/types';

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

/** What the stage CVs are computed from: the parts, their weights and stages, and the profile's value columns. */
export interface StageInput {
  parts: readonly SchoolPart[];
  /** Students of each part; NaN when unknown. */
  students: Float64Array;
  /** Index into STAGES of each part's stage. */
  stageOf: Uint8Array;
  /** The value column of each of the profile's indicators. */
  columns: readonly ValueColumn[];
  profile: Profile;
}

/**
 * What a result's exact value is made of, for rounding it to the last printed digit exactly: the squares of its single
 * CVs (one for a CV, all of the stage's for a composite) and, for a CV, the exact county mean.
 */
const EXACT_PARTS = new WeakMap<
  CoefficientResult | CompositeResult,
  { squares: () => (Rational | null)[]; mean?: () => Decimal }
>();

/**
 * A CV or composite rounded half-up to `decimals` places, decided on the exact value (√ of the exact CV², or their
 * mean): 0.1225 exactly gives 0.123 although its double may be 0.12249999999999999. Null when the value is undefined.
 */
export function roundedValueOf(
  result: CoefficientResult | CompositeResult,
  decimals: number,
): Decimal | null {
  const own = exactValueOf(result);
  if (own === null) return null;
  const fallback = new Dec(own).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  const squares = EXACT_PARTS.get(result)?.squares();
  if (!squares || squares.some((q) => q === null)) return fallback;
  const qs = squares as Rational[];
  const scale = new Dec(10).pow(decimals);
  // value ≥ (m − ½)/10ᴺ, exactly: not (value < bound).
  const reaches = (m: number) =>
    m <= 0 || !meanOfRootsAtMost(qs, { value: new Dec(m).minus(0.5).div(scale), strict: true });
  let m = fallback.times(scale).toNumber();
  while (m > 0 && !reaches(m)) m--;
  while (reaches(m + 1)) m++;
  return new Dec(m).div(scale);
}

/**
 * A CV's county mean rounded half-up to `decimals` places, from the exact mean Σaᵢ/ΣPᵢ (aᵢ = per·Rᵢ from counts):
 * 1.005 exactly gives 1.01 although its double is 1.00499999999999989. Null when the mean is unknown.
 */
export function roundedMeanOf(result: CoefficientResult, decimals: number): Decimal | null {
  if (result.mean === null) return null;
  const exact = EXACT_PARTS.get(result)?.mean?.() ?? new Dec(result.mean);
  return exact.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

/**
 * The exact CV² and the exact county mean Σaᵢ/ΣPᵢ (to 80 digits) of the listed parts, from one list of Decimal
 * amounts aᵢ = Pᵢ·Xᵢ (per·Rᵢ from counts) and students: the form's mean and CV need both, and the amounts of 20,000
 * schools are the costly part.
 */
function exactSquareAndMean(
  input: StageInput,
  col: ValueColumn,
  indices: ArrayLike<number>,
): { square: Rational | null; mean: Decimal } {
  const whole = integerAmounts(input, col, indices);
  const counted = whole && integerCvSquared(whole.amounts, whole.students);
  if (whole && counted) {
    const mean =
      counted.sumP === 0 ? new Dec(0) : new Dec(`${counted.sumA}e-${whole.places}`).div(counted.sumP);
    return { square: counted.square, mean };
  }
  const fast = scaledAmounts(input, col, indices);
  if (fast) {
    const a = sumOf(fast.amounts);
    const p = sumOf(fast.students);
    if (a && p) {
      const square = exactCvSquaredScaled(fast.amounts, fast.students);
      return { square, mean: p.int === 0n ? new Dec(0) : decimalOf(a).div(decimalOf(p)) };
    }
  }
  const { amounts, students } = exactAmounts(input, col, indices);
  const a = amounts.reduce((s, x) => s.plus(x), new Dec(0));
  const p = students.reduce((s, x) => s.plus(x), new Dec(0));
  return { square: exactCvSquared(amounts, students), mean: p.isZero() ? new Dec(0) : a.div(p) };
}

/** Below this an integer's digits, and those of a sum or product of two, stay well inside Decimal's 80 digits. */
const SMALL = 10n ** 35n;
const SUMMABLE = 10n ** 75n;

const magnitude = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * The amounts and students of {@link exactAmounts} as scaled integers, computed with BigInt instead of Decimal: the
 * same values, as every Decimal step there is exact for these inputs (counts of at most 35 digits, so that sums and
 * products have far fewer than 80). Null when some input is larger or not finite: then Decimal does it. Exported for
 * its test, which holds it to exactAmounts.
 */
export function scaledAmounts(
  input: StageInput,
  col: ValueColumn,
  indices: ArrayLike<number>,
): { amounts: Scaled[]; students: Scaled[] } | null {
  const amounts: Scaled[] = [];
  const students: Scaled[] = [];
  const per = BigInt(col.meta.per);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const p = small(input.students[i]);
    if (!p) return null;
    let amount: Scaled;
    if (col.source[i] === RAW) {
      const counts = input.parts[i].counts;
      let sum: Scaled = { int: 0n, scale: 0 };
      for (const f of resourceFieldsOf(counts, col.meta) ?? []) {
        const c = small(counts[f] as number);
        if (!c) return null;
        sum = add(sum, c);
      }
      amount = normalise({ int: sum.int * per, scale: sum.scale });
    } else {
      const x = small(col.value[i]);
      if (!x) return null;
      amount = normalise({ int: x.int * p.int, scale: x.scale + p.scale });
    }
    amounts.push(amount);
    students.push(p);
  }
  return { amounts, students };
}

/** The places of the last {@link safeDigits} (a scratch value: no object per number). */
let digitsPlaces = 0;

/**
 * A double's shortest decimal as a safe integer of its digits, its places left in `digitsPlaces` (6.375 → 6375, 3;
 * 1200 → 1200, 0): the value {@link scaledNumber} gives, in a double. Null when the digits are no safe integer or
 * the text has an exponent.
 */
function safeDigits(x: number): number | null {
  if (Number.isSafeInteger(x)) {
    digitsPlaces = 0;
    return x;
  }
  if (!Number.isFinite(x)) return null;
  const text = String(x);
  if (text.indexOf('e') >= 0) return null;
  const dot = text.indexOf('.');
  if (dot < 0) return null;
  const int = Number(text.slice(0, dot) + text.slice(dot + 1));
  if (!Number.isSafeInteger(int)) return null;
  digitsPlaces = text.length - dot - 1;
  return int;
}

/** Powers of ten that are safe integers, by exponent. */
const TENS = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** int·10^k when that is a safe integer, else NaN. */
function shifted(int: number, k: number): number {
  if (k === 0) return int;
  const v = k < TENS.length ? int * TENS[k] : NaN;
  return Number.isSafeInteger(v) ? v : NaN;
}

/**
 * The amounts aᵢ = per·Rᵢ (or Xᵢ·Pᵢ for a given ratio) and students as safe integers on one common scale — the
 * integers {@link scaledAmounts} gives after the common scale {@link exactCvSquaredScaled} puts them on, with that
 * scale's places — when every step fits a safe integer: whole counts, or counts and areas with a few decimals (the
 * usual county). Null otherwise (then BigInt decides). Exported for its test.
 */
export function integerAmounts(
  input: StageInput,
  col: ValueColumn,
  indices: ArrayLike<number>,
): { amounts: Float64Array; students: Float64Array; places: number } | null {
  const n = indices.length;
  const amounts = new Float64Array(n);
  const places = new Uint8Array(n);
  const students = new Float64Array(n);
  const per = col.meta.per;
  let most = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    const p = input.students[i];
    if (!Number.isSafeInteger(p)) return null;
    let amount: number;
    let scale: number;
    if (col.source[i] === RAW) {
      const counts = input.parts[i].counts;
      amount = 0;
      scale = 0;
      for (const f of resourceFieldsOf(counts, col.meta) ?? []) {
        const c = safeDigits(counts[f] as number);
        if (c === null) return null;
        const cp = digitsPlaces;
        // The sum on the larger of the two scales.
        if (cp > scale) {
          amount = shifted(amount, cp - scale);
          scale = cp;
        }
        amount += shifted(c, scale - cp);
        if (!Number.isSafeInteger(amount)) return null;
      }
      amount *= per;
    } else {
      const x = safeDigits(col.value[i]);
      if (x === null) return null;
      scale = digitsPlaces;
      amount = x * p;
    }
    // A product or sum past 2⁵³ may have been rounded: only safe results are known to be exact.
    if (!Number.isSafeInteger(amount)) return null;
    // In its fewest places, as BigInt's normalise leaves it.
    while (scale > 0 && amount % 10 === 0) {
      amount /= 10;
      scale--;
    }
    if (scale > most) most = scale;
    amounts[k] = amount;
    places[k] = scale;
    students[k] = p;
  }
  for (let k = 0; k < n; k++) {
    if (places[k] === most) continue;
    const v = shifted(amounts[k], most - places[k]);
    if (Number.isNaN(v)) return null;
    amounts[k] = v;
  }
  return { amounts, students, places: most };
}

/** A double as a scaled integer of fewer than 35 digits, else null. */
function small(x: number): Scaled | null {
  const v = scaledNumber(x);
  return v && magnitude(v.int) < SMALL && v.scale <= 35 ? v : null;
}

function add(a: Scaled, b: Scaled): Scaled {
  const scale = Math.max(a.scale, b.scale);
  const int = a.int * 10n ** BigInt(scale - a.scale) + b.int * 10n ** BigInt(scale - b.scale);
  return normalise({ int, scale });
}

/** The exact sum, when it and every partial sum have fewer than 75 digits on the common scale; else null. */
function sumOf(values: readonly Scaled[]): Scaled | null {
  const scale = values.reduce((m, v) => Math.max(m, v.scale), 0);
  let sum = 0n;
  let bound = 0n;
  for (const v of values) {
    const int = v.scale === scale ? v.int : v.int * 10n ** BigInt(scale - v.scale);
    sum += int;
    bound += magnitude(int);
  }
  return bound < SUMMABLE ? normalise({ int: sum, scale }) : null;
}

const decimalOf = (v: Scaled): Decimal => new Dec(`${v.int}e-${v.scale}`);

export function exactAmounts(
  input: StageInput,
  col: ValueColumn,
  indices: ArrayLike<number>,
): { amounts: Decimal[]; students: Decimal[] } {
  const amounts: Decimal[] = [];
  const students: Decimal[] = [];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const p = new Dec(input.students[i]);
    amounts.push(
      col.source[i] === RAW
        ? exactResource(input.parts[i], col.meta).times(col.meta.per)
        : new Dec(col.value[i]).times(p),
    );
    students.push(p);
  }
  return { amounts, students };
}

/** Every stage with parts: its CVs, the composite when the profile asks for one, and the stage's verdict. */
export function stageResults(input: StageInput): Partial<Record<Stage, StageResult>> {
  const { profile, columns } = input;
  const out: Partial<Record<Stage, StageResult>> = {};
  const n = input.parts.length;
  const studentsOf = input.students;
  const stageOf = input.stageOf;
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
    for (const id of profile.indicators) {
      const col = columns.find((c) => c.id === id) as ValueColumn;
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
      let both: { square: Rational | null; mean: Decimal } | undefined;
      const exactBoth = () => (both ??= exactSquareAndMean(input, col, indices));
      const exact = (): Rational | null => exactBoth().square;
      const result = coefficient(
        input,
        stage,
        col,
        indices,
        inCount - indices.length + unknownStudents,
        exact,
      );
      indicators[id] = result;
      EXACT_PARTS.set(result, { squares: () => [exact()], mean: () => exactBoth().mean });
      if (result.cv !== null) {
        EXACT_VALUES.set(result, () => {
          const q = exact();
          return q === null ? null : sqrtToNumber(q);
        });
      }
      cvs.push(result.cv);
      exacts.push(exact);
    }
    const composite = profile.cv.mode === 'composite' ? compositeOfStage(profile, stage, cvs, exacts) : null;
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

function coefficient(
  input: StageInput,
  stage: Stage,
  col: ValueColumn,
  indices: Int32Array,
  leftOut: number,
  exact: () => Rational | null,
): CoefficientResult {
  const profile = input.profile;
  const count = indices.length;
  const each = profile.cv.mode === 'each';
  const threshold = each ? profile.cv.thresholds[stage] : null;
  const notes: string[] = [];
  const result: CoefficientResult = {
    indicator: col.id,
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
    const f = floatCoefficientAt(col.resource, input.students, indices, count, col.meta.per);
    // An overflowed total is no count and no mean: leave them unknown rather than Infinity or 0.
    result.students = f.overflow ? 0 : f.students;
    result.mean = f.overflow ? null : f.mean;
    if (f.overflow) result.overflow = true;
    if (f.cv === null) notes.push(f.overflow ? OVERFLOW_NOTE : '县均值为 0，差异系数无定义（不是 0）');
    else {
      result.cv = f.cv;
      if (threshold !== null) {
        result.pass = cvAtMost(f.cv, threshold, profile.rounding.cv, exact);
        result.nearThreshold = isNearThreshold(f.cv, threshold, profile.cv.nearMargin);
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

function compositeOfStage(
  profile: Profile,
  stage: Stage,
  cvs: (number | null)[],
  exacts: (() => Rational | null)[],
): CompositeResult {
  const threshold = profile.cv.thresholds[stage];
  if (cvs.length === 0 || cvs.some((c) => c === null)) {
    return { value: null, threshold, pass: null, nearThreshold: false };
  }
  const values = cvs as number[];
  const value = values.reduce((s, x) => s + x, 0) / values.length;
  const pass = compositeAtMost(values, threshold, profile.rounding.cv, () => exacts.map((e) => e()));
  const result: CompositeResult = {
    value,
    threshold,
    pass,
    nearThreshold: isNearThreshold(value, threshold, profile.cv.nearMargin),
  };
  EXACT_VALUES.set(result, () => {
    const qs = exacts.map((e) => e());
    return qs.some((q) => q === null) ? null : meanOfRootsToNumber(qs as Rational[]);
  });
  EXACT_PARTS.set(result, { squares: () => exacts.map((e) => e()) });
  return result;
}
