/**
 * Exact decisions for values near a threshold: decimal.js for per-school products, BigInt rationals for CVs
 * (see docs/engine.md for the scheme and why).
 */
import Decimal from 'decimal.js';

/**
 * Decimal with room for products of three 17-digit numbers, so k·R, s·P and r·s·P are exact.
 * Plain notation in toString()/toFixed() for the BigInt conversion.
 */
export const Dec = Decimal.clone({
  precision: 80,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Dec = Decimal;

/** Relative distance under which a float decision is re-decided exactly. */
export const NEAR = 1e-9;

/** A number as its shortest decimal (how the user typed it), or a decimal string, exactly. */
export function dec(x: number | string | Decimal): Decimal {
  return new Dec(x);
}

/**
 * The comparison a threshold stands for: value ≥ bound (per-school, `atLeast`) or value ≤ bound (CV, `atMost`),
 * strict when rounding turns an inclusive limit into an exclusive one.
 */
export interface Bound {
  value: Decimal;
  strict: boolean;
}

/**
 * The bound for "value ≥ limit" when the profile compares after rounding half-up to `decimals` places:
 * round(v) ≥ L  ⇔  v ≥ ceil_N(L) − ½·10⁻ᴺ. Unrounded (null): v ≥ L.
 */
export function atLeastBound(limit: Decimal, decimals: number | null): Bound {
  if (decimals === null) return { value: limit, strict: false };
  const step = new Dec(10).pow(-decimals);
  return { value: limit.toDecimalPlaces(decimals, Decimal.ROUND_CEIL).minus(step.div(2)), strict: false };
}

/**
 * The bound for "value ≤ limit" after rounding half-up to `decimals` places:
 * round(v) ≤ L  ⇔  v < floor_N(L) + ½·10⁻ᴺ. Unrounded (null): v ≤ L.
 */
export function atMostBound(limit: Decimal, decimals: number | null): Bound {
  if (decimals === null) return { value: limit, strict: false };
  const step = new Dec(10).pow(-decimals);
  return { value: limit.toDecimalPlaces(decimals, Decimal.ROUND_FLOOR).plus(step.div(2)), strict: true };
}

/**
 * A number's shortest decimal as an integer and a power of ten (6.375 → 6375, 3), when the digits fit a safe
 * integer; null otherwise (then decimal.js decides). Lets common decisions stay exact without allocating Decimals.
 */
export function decimalParts(x: number): { int: number; exp: number } | null {
  if (Number.isInteger(x)) return Number.isSafeInteger(x) ? { int: x, exp: 0 } : null;
  // Up to 6 decimals without making the text: for the least e with int/10^e === x (int of at most 15 digits), int and
  // e are the shortest text's digits and decimals, since two decimals of at most 15 digits never round to the same
  // double (and the least e leaves no trailing zero). Else the text decides, as for every other number.
  const abs = Math.abs(x);
  if (abs >= 1e-6 && abs < 1e9) {
    let scale = 10;
    for (let e = 1; e <= 6; e++, scale *= 10) {
      const int = Math.round(x * scale);
      if (int / scale === x && Math.abs(int) < 1e15) return { int, exp: e };
    }
  }
  const text = String(x);
  if (text.indexOf('e') >= 0) return null;
  const dot = text.indexOf('.');
  const exp = text.length - dot - 1;
  const int = Math.round(x * 10 ** exp);
  // Up to 15 significant digits the scaled value is an exact safe integer.
  return Number.isSafeInteger(int) && Math.abs(int) < 1e15 ? { int, exp } : null;
}

/** Products of safe integers stay exact in float64 below 2^53; beyond that the fast path gives up. */
function safeProduct(a: number, b: number): number | null {
  const p = a * b;
  return Math.abs(p) <= Number.MAX_SAFE_INTEGER ? p : null;
}

/**
 * sign(a·10^-ea − b·10^-eb) for scaled safe integers, exactly; null when aligning the exponents leaves the safe
 * integer range.
 */
export function compareScaled(a: number, ea: number, b: number, eb: number): -1 | 0 | 1 | null {
  let left: number | null = a;
  let right: number | null = b;
  if (ea < eb) left = safeProduct(a, 10 ** (eb - ea));
  else if (eb < ea) right = safeProduct(b, 10 ** (ea - eb));
  if (left === null || right === null) return null;
  return left > right ? 1 : left < right ? -1 : 0;
}

/** per·amount / students ≥ bound, exactly: per·amount ≥ bound·students (students > 0). */
export function ratioAtLeast(amount: Decimal, students: Decimal, per: number, bound: Bound): boolean {
  const lhs = amount.times(per);
  const rhs = bound.value.times(students);
  return bound.strict ? lhs.gt(rhs) : lhs.gte(rhs);
}

/** value ≥ bound for a given value (a ratio typed in the sheet), exactly. */
export function valueAtLeast(value: Decimal, bound: Bound): boolean {
  return bound.strict ? value.gt(bound.value) : value.gte(bound.value);
}

// ---------------------------------------------------------------------------------------------------------------
// Rationals for the CV: CV² = P·Σ(aᵢ²/Pᵢ)/A² − 1 with aᵢ = Pᵢ·Xᵢ, A = Σaᵢ, P = ΣPᵢ (spec §3 rewritten without X̄).
// ---------------------------------------------------------------------------------------------------------------

/** A non-negative rational num/den with den > 0 (not necessarily reduced). */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** A finite decimal as an integer scaled by 10^scale (the fewest places: no trailing zeros after the point). */
export interface Scaled {
  int: bigint;
  scale: number;
}

/** A finite decimal as an integer scaled by 10^scale. */
function scaled(d: Decimal): Scaled {
  const text = d.toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return { int: BigInt(text), scale: 0 };
  return { int: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/**
 * A double's decimal value as `new Decimal(x)` reads it (its shortest round-trip text) in the fewest places, as
 * `scaled(new Decimal(x))` gives it; null when it is not finite.
 */
export function scaledNumber(x: number): Scaled | null {
  if (!Number.isFinite(x)) return null;
  if (Number.isSafeInteger(x)) return { int: BigInt(x), scale: 0 };
  const text = String(x);
  const e = text.indexOf('e');
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const places = dot < 0 ? 0 : mantissa.length - dot - 1;
  const int = BigInt(dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1));
  return normalise({ int, scale: places - exponent });
}

/** The same value in the fewest places (never a negative scale). */
export function normalise(v: Scaled): Scaled {
  let { int, scale } = v;
  if (scale < 0) return { int: int * 10n ** BigInt(-scale), scale: 0 };
  while (scale > 0 && int % 10n === 0n) {
    int /= 10n;
    scale--;
  }
  return { int, scale };
}

/** The decimals as integers on one common scale (the ratio of any two is unchanged). */
function toCommonScale(values: readonly Decimal[]): bigint[] {
  return commonScale(values.map(scaled));
}

function commonScale(parts: readonly Scaled[]): bigint[] {
  const scale = parts.reduce((m, p) => Math.max(m, p.scale), 0);
  return parts.map((p) => (p.scale === scale ? p.int : p.int * 10n ** BigInt(scale - p.scale)));
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * CV² of the student-weighted population CV, exactly, from amounts aᵢ = Pᵢ·Xᵢ and students Pᵢ > 0 (decimals).
 * Null when ΣA = 0 (the mean is 0 and the CV undefined). CV is invariant under scaling all aᵢ or all Pᵢ, so both
 * lists are scaled to integers; Σaᵢ²/Pᵢ is summed over one common denominator, grouping equal Pᵢ first so the
 * denominator is the lcm of the distinct student counts, not their product.
 */
export function exactCvSquared(amounts: readonly Decimal[], students: readonly Decimal[]): Rational | null {
  return cvSquaredOfScaled(toCommonScale(amounts), toCommonScale(students));
}

/** {@link exactCvSquared} of decimals already scaled (each in its fewest places, as `scaled` gives them). */
export function exactCvSquaredScaled(
  amounts: readonly Scaled[],
  students: readonly Scaled[],
): Rational | null {
  return cvSquaredOfScaled(commonScale(amounts), commonScale(students));
}

function cvSquaredOfScaled(a: readonly bigint[], p: readonly bigint[]): Rational | null {
  let sumA = 0n;
  let sumP = 0n;
  const squaresByP = new Map<bigint, bigint>();
  for (let i = 0; i < a.length; i++) {
    sumA += a[i];
    sumP += p[i];
    squaresByP.set(p[i], (squaresByP.get(p[i]) ?? 0n) + a[i] * a[i]);
  }
  return cvSquaredOfSums(sumA, sumP, squaresByP);
}

/** The largest integer whose square is still a safe integer (⌊√(2⁵³ − 1)⌋). */
const SQUARE_SAFE = 94906265;

/**
 * {@link exactCvSquaredScaled} of integer amounts aᵢ and students Pᵢ (both safe integers, aᵢ ≥ 0, Pᵢ > 0) whose sums
 * are safe integers too: the same rational, summed in doubles where every step is exact (each square below 2⁵³, and
 * a group's sum of squares moved to BigInt before it would leave the safe range), so 20,000 schools do not make
 * 80,000 BigInts. Null when the inputs are not such integers (then the BigInt way decides).
 */
export function integerCvSquared(
  a: ArrayLike<number>,
  p: ArrayLike<number>,
): { square: Rational | null; sumA: number; sumP: number } | null {
  let sumA = 0;
  let sumP = 0;
  // Per student count: the sum of squares so far as a safe double (`small`) plus what no longer fitted (`big`).
  const groups = new Map<number, { small: number; big: bigint }>();
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    const pi = p[i];
    if (!(Number.isSafeInteger(ai) && ai >= 0 && Number.isSafeInteger(pi) && pi > 0)) return null;
    sumA += ai;
    sumP += pi;
    let g = groups.get(pi);
    if (g === undefined) groups.set(pi, (g = { small: 0, big: 0n }));
    if (ai <= SQUARE_SAFE) {
      const sq = ai * ai;
      if (g.small + sq <= Number.MAX_SAFE_INTEGER) g.small += sq;
      else {
        g.big += BigInt(g.small);
        g.small = sq;
      }
    } else g.big += BigInt(ai) * BigInt(ai);
  }
  // Every term is ≥ 0, so a sum past 2⁵³ at any step is past it at the end.
  if (sumA > Number.MAX_SAFE_INTEGER || sumP > Number.MAX_SAFE_INTEGER) return null;
  const squaresByP = new Map<bigint, bigint>();
  for (const [pi, g] of groups) squaresByP.set(BigInt(pi), g.big + BigInt(g.small));
  return { square: cvSquaredOfSums(BigInt(sumA), BigInt(sumP), squaresByP), sumA, sumP };
}

/** CV² from ΣA, ΣP and Σaᵢ² grouped by Pᵢ; null when ΣA = 0. */
function cvSquaredOfSums(sumA: bigint, sumP: bigint, squaresByP: Map<bigint, bigint>): Rational | null {
  if (sumA === 0n) return null;
  let lcm = 1n;
  for (const pi of squaresByP.keys()) lcm = (lcm / gcd(lcm % pi, pi)) * pi;
  let n = 0n;
  for (const [pi, sq] of squaresByP) n += sq * (lcm / pi);
  // CV² = (P·N/L)/A² − 1 = (P·N − L·A²) / (L·A²)
  const den = lcm * sumA * sumA;
  const num = sumP * n - den;
  return { num: num < 0n ? 0n : num, den };
}

/** q ≤ t² (or q < t² when strict) for a rational q = CV² and a decimal bound t ≥ 0. */
export function squaredAtMost(q: Rational, bound: Bound): boolean {
  const t = scaled(bound.value);
  const tn = t.int;
  const td = 10n ** BigInt(t.scale);
  const lhs = q.num * td * td;
  const rhs = tn * tn * q.den;
  return bound.strict ? lhs < rhs : lhs <= rhs;
}

/** Integer square root (floor) of a non-negative bigint, by Newton's method from above. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((n.toString(2).length >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** √q as a reduced rational when q is the square of a rational, else null. */
function rationalSqrt(q: Rational): Rational | null {
  const g = gcd(q.num, q.den);
  const num = q.num / g;
  const den = q.den / g;
  const rn = isqrt(num);
  const rd = isqrt(den);
  return rn * rn === num && rd * rd === den ? { num: rn, den: rd } : null;
}

/**
 * mean(√qᵢ) ≤ t (or < t when strict), exactly — the composite of several CVs. A sum of square roots equals a
 * rational only when every root is rational (square roots of distinct square-free integers are linearly independent
 * over ℚ), so: decide with Decimal at rising precision; if still tied and every qᵢ is a rational square, compare the
 * rational sum exactly; otherwise the sum is irrational and more digits separate it from t.
 */
export function meanOfRootsAtMost(qs: readonly Rational[], bound: Bound): boolean {
  const n = qs.length;
  const exactRoots = qs.map(rationalSqrt);
  if (exactRoots.every((r): r is Rational => r !== null)) {
    // Σ rn/rd ≤ n·t over a common denominator.
    let num = 0n;
    let den = 1n;
    for (const r of exactRoots) {
      num = num * r.den + r.num * den;
      den = den * r.den;
    }
    const t = scaled(bound.value);
    const lhs = num * 10n ** BigInt(t.scale);
    const rhs = BigInt(n) * t.int * den;
    return bound.strict ? lhs < rhs : lhs <= rhs;
  }
  for (let precision = 60; ; precision *= 2) {
    const D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN });
    let sum = new D(0);
    for (const q of qs) sum = sum.plus(new D(q.num.toString()).div(q.den.toString()).sqrt());
    const diff = sum.minus(new D(bound.value).times(n));
    // Each root is correct to about one unit in the last place; n of them, plus the subtraction.
    const tolerance = new D(10)
      .pow(-(precision - 4))
      .times(n + 1)
      .times(sum.abs().plus(1));
    if (diff.abs().gt(tolerance)) return diff.lt(0);
    if (precision >= 20000) return diff.lte(0) && !bound.strict;
  }
}

/** Decimal with 40 significant digits: far more than the 17 a double holds, so one rounding to a double is correct. */
const Wide = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** √q as the double nearest to it (a CV from its exact square): exactly 0.55 gives 0.55, not 0.5499999999999999. */
export function sqrtToNumber(q: Rational): number {
  return new Wide(q.num.toString()).div(q.den.toString()).sqrt().toNumber();
}

/** The mean of √qᵢ as the double nearest to it (a composite from its single CVs' exact squares). */
export function meanOfRootsToNumber(qs: readonly Rational[]): number {
  let sum = new Wide(0);
  for (const q of qs) sum = sum.plus(new Wide(q.num.toString()).div(q.den.toString()).sqrt());
  return sum.div(qs.length).toNumber();
}

/**
 * A double rounded half-up to `decimals` places (m/10ᵈ) when it is clearly away from every half-way point: more than
 * 10⁻⁹ (relative) from one, the margin the engine trusts a double computed from exact data to (its error is a few
 * units in the last place). Undefined near a half-way point, or for a negative or huge value: the exact value decides
 * there. m/10ᵈ as a double is the Decimal m/10ᵈ converted: both are the double nearest the same rational.
 */
export function roundedClearOfHalf(approx: number, decimals: number): number | undefined {
  const scale = 10 ** decimals;
  const scaled = approx * scale;
  if (!(scaled >= 0 && scaled < 2 ** 50)) return undefined;
  const half = scaled - Math.floor(scaled) - 0.5;
  return Math.abs(half) > 1e-9 * Math.max(1, scaled) ? Math.round(scaled) / scale : undefined;
}
