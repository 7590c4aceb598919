/**
 * BALANCE.COEF (and COEFRAW, MEAN) over 100,000-row ranges as Excel hands them (any[][]) against a plain float64 loop
 * computing the same weighted CV from the same matrix; the issue #4 budget is a ratio of at most 3 for COEF.
 */
import { COEF, COEFRAW, MEAN } from '../src/functions/functions';
import { measure, printTable, prng, suite } from './harness';

const ROWS = 100000;
const BUDGET = 3;

/** Rows of [value, students]: students 40–2,400, values around a standard, one row in 50 left blank (null, null). */
function twoColumnRange(n: number, seed = 4): unknown[][] {
  const rnd = prng(seed);
  const out: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = i % 50 === 49 ? [null, null] : [7.5 * (0.7 + rnd() * 0.8), 40 + Math.floor(rnd() * 2360)];
  }
  return out;
}

/** The float64 baseline: the weighted population CV read straight from a [value, students] matrix, two passes, no checks. */
function floatCoef(range: unknown[][]): number {
  let sumPX = 0;
  let sumP = 0;
  for (let i = 0; i < range.length; i++) {
    const x = range[i][0] as number;
    const p = range[i][1] as number;
    if (x === null || p === null) continue;
    sumPX += p * x;
    sumP += p;
  }
  const mean = sumPX / sumP;
  let ss = 0;
  for (let i = 0; i < range.length; i++) {
    const x = range[i][0] as number;
    const p = range[i][1] as number;
    if (x === null || p === null) continue;
    const d = x - mean;
    ss += p * d * d;
  }
  return Math.sqrt(ss / sumP) / mean;
}

/**
 * The same baseline over two one-column matrices, as COEF(F, G) and COEFRAW receive them: walking two row arrays
 * costs more than one, so those forms are timed against this. Written out (no shared helper or callbacks) so each
 * baseline stays a plain monomorphic loop — a slower baseline would flatter the ratio.
 */
function floatCoefColumns(values: unknown[][], students: unknown[][]): number {
  let sumPX = 0;
  let sumP = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i][0] as number;
    const p = students[i][0] as number;
    if (x === null || p === null) continue;
    sumPX += p * x;
    sumP += p;
  }
  const mean = sumPX / sumP;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i][0] as number;
    const p = students[i][0] as number;
    if (x === null || p === null) continue;
    const d = x - mean;
    ss += p * d * d;
  }
  return Math.sqrt(ss / sumP) / mean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

suite('functions: BALANCE.COEF vs float64 baseline', () => {
  const range = twoColumnRange(ROWS);
  const values = range.map((r) => [r[0]]);
  const students = range.map((r) => [r[1]]);
  const amounts = range.map((r) => [r[0] === null ? null : (r[0] as number) * (r[1] as number)]);
  const fromRange = () => floatCoef(range);
  const fromColumns = () => floatCoefColumns(values, students);
  const expected = fromRange();
  // Each form is timed against the baseline that reads the same shape of input (two columns cost more to walk).
  const checks: [string, () => number, number, () => number][] = [
    ['COEF(F:G)', () => COEF(range), expected, fromRange],
    ['COEF(F, G)', () => COEF(values, students), expected, fromColumns],
    ['COEFRAW(R, P)', () => COEFRAW(amounts, students), expected, fromColumns],
    ['MEAN(F:G)', () => MEAN(range), NaN, fromRange],
  ];
  const rows: (string | number)[][] = [];
  for (const [name, fn, want, baseline] of checks) {
    const got = fn();
    if (!Number.isNaN(want) && Math.abs(got - want) > 1e-12)
      throw new Error(`${name} = ${got}, baseline ${want}`);
    // Interleaved rounds, so a busy machine slows both sides of the ratio alike.
    const fnTimes: number[] = [];
    const baseTimes: number[] = [];
    for (let round = 0; round < 7; round++) {
      baseTimes.push(measure(baseline, { warmup: 2, runs: 5 }).median);
      fnTimes.push(measure(fn, { warmup: 2, runs: 5 }).median);
    }
    const f = median(fnTimes);
    const b = median(baseTimes);
    rows.push([name, f.toFixed(2), b.toFixed(2), (f / b).toFixed(2)]);
  }
  printTable(
    `${ROWS.toLocaleString('en-US')} rows (1 in 50 blank): median wall time, budget ratio <= ${BUDGET} for COEF`,
    ['formula', 'function ms', 'baseline ms', 'ratio'],
    rows,
  );
  for (const [name, , , ratio] of rows.filter((r) => String(r[0]).startsWith('COEF('))) {
    if (Number(ratio) > BUDGET) {
      console.log(`BALANCE.${name} ratio ${ratio} exceeds the budget of ${BUDGET}`);
      process.exitCode = 1;
    }
  }
});
