/**
 * Exact running sums for the planner's greedy near the target: CV ≤ t decided in integers after every step, in O(1)
 * big-integer operations per step rather than a fresh exact CV over all schools.
 */
import { dec, gcd } from '../exact/arithmetic';

/** Fraction bits of the fixed-point Σa²/P: its error (under one unit per term) is then far below any real margin. */
const FRACTION_BITS = 96n;

/** A finite decimal (its shortest form) as an integer scaled by 10^scale; plain float64 for the usual short ones. */
function scaled(x: number): { int: bigint; scale: number } {
  let factor = 1;
  for (let k = 0; k <= 6; k++, factor *= 10) {
    const int = Math.round(x * factor);
    if (Math.abs(int) >= 2 ** 52) break;
    if (int / factor === x) return { int: BigInt(int), scale: k };
  }
  const text = dec(x).toFixed();
  const dot = text.indexOf('.');
  if (dot < 0) return { int: BigInt(text), scale: 0 };
  return { int: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

function onScale(v: { int: bigint; scale: number }, scale: number): bigint {
  return v.int * 10n ** BigInt(scale - v.scale);
}

/**
 * Σaᵢ exactly and Σaᵢ²/Pᵢ in fixed point with a known error, over amounts aᵢ = rᵢ + jᵢ·h on one decimal scale, so
 * CV² = P·Σ(aᵢ²/Pᵢ)/(Σa)² − 1 ≤ t² is decided in integers: by the fixed-point bounds when they agree (always, but
 * for ties), else over the lcm of the student counts, where the comparison is exact.
 */
export class ExactSums {
  private readonly a: bigint[];
  private readonly p: bigint[];
  private readonly h: bigint;
  private readonly sumP: bigint;
  private s1 = 0n;
  /** ⌊2^K·Σaᵢ²/Pᵢ⌋ up to `error` units below the true value. */
  private s2 = 0n;
  private error = 0n;

  constructor(r: ArrayLike<number>, p: ArrayLike<number>, j: ArrayLike<number>, step: number) {
    const rs = Array.from(r, scaled);
    const hs = scaled(step);
    const aScale = rs.reduce((m, v) => Math.max(m, v.scale), hs.scale);
    const ps = Array.from(p, scaled);
    const pScale = ps.reduce((m, v) => Math.max(m, v.scale), 0);
    this.p = ps.map((v) => onScale(v, pScale));
    this.h = onScale(hs, aScale);
    this.a = rs.map((v, i) => onScale(v, aScale) + BigInt(j[i]) * this.h);
    this.sumP = this.p.reduce((s, x) => s + x, 0n);
    for (let i = 0; i < this.a.length; i++) {
      this.s1 += this.a[i];
      this.s2 += ((this.a[i] * this.a[i]) << FRACTION_BITS) / this.p[i];
      this.error += 1n;
    }
  }

  /** One more step h at school i. */
  add(i: number): void {
    const a = this.a[i];
    this.s2 += (((2n * a + this.h) * this.h) << FRACTION_BITS) / this.p[i];
    this.error += 1n;
    this.a[i] = a + this.h;
    this.s1 += this.h;
  }

  /** CV ≤ target, exactly (false while Σa = 0: the CV is undefined, never 0). */
  within(target: number): boolean {
    if (this.s1 === 0n) return false;
    const t = scaled(target);
    const td2 = 10n ** BigInt(2 * t.scale);
    const tn2 = t.int * t.int;
    // td²·P·Σa²/P ≤ (td² + tn²)·S₁², with Σa²/P ∈ [s2, s2 + error] / 2^K.
    const rhs = ((td2 + tn2) * this.s1 * this.s1) << FRACTION_BITS;
    if (td2 * this.sumP * (this.s2 + this.error) <= rhs) return true;
    if (td2 * this.sumP * this.s2 > rhs) return false;
    return this.exactWithin(td2, tn2);
  }

  /** The tie case: Σa²/P over the lcm L of the student counts, td²·P·Σaᵢ²·(L/Pᵢ) ≤ (td² + tn²)·S₁²·L. */
  private exactWithin(td2: bigint, tn2: bigint): boolean {
    const squares = new Map<bigint, bigint>();
    for (let i = 0; i < this.a.length; i++)
      squares.set(this.p[i], (squares.get(this.p[i]) ?? 0n) + this.a[i] ** 2n);
    let lcm = 1n;
    for (const x of squares.keys()) lcm = (lcm / gcd(lcm % x, x)) * x;
    let s2 = 0n;
    for (const [x, sq] of squares) s2 += sq * (lcm / x);
    return td2 * this.sumP * s2 <= (td2 + tn2) * this.s1 * this.s1 * lcm;
  }
}
