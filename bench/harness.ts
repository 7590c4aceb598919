/** A tiny benchmark harness: suites register with `suite(name, fn)`, `bench/run.ts` runs them and prints tables. */
import { performance } from 'node:perf_hooks';

export interface Suite {
  name: string;
  run: () => void | Promise<void>;
}

const registry: Suite[] = [];

/** Registers a benchmark suite; add its module to bench/suites.ts so `npm run bench` picks it up. */
export function suite(name: string, run: Suite['run']): void {
  registry.push({ name, run });
}

export function suites(): readonly Suite[] {
  return registry;
}

export interface Timing {
  /** Median wall time of the timed runs, in ms. */
  median: number;
  /** Fastest timed run, in ms: the least disturbed by other processes on a shared machine. */
  min: number;
  runs: number[];
}

/**
 * Runs `fn` untimed until the JIT has settled (at least `warmup` calls and `warmupMs` of wall time), then `runs`
 * times timed; returns the median, which shrugs off GC pauses and a busy machine better than the mean.
 */
export function measure(
  fn: () => unknown,
  options: { warmup?: number; warmupMs?: number; runs?: number } = {},
): Timing {
  const warmup = options.warmup ?? 5;
  const warmupMs = options.warmupMs ?? 500;
  const count = options.runs ?? 7;
  let sink: unknown;
  const start = performance.now();
  for (let i = 0; i < warmup || performance.now() - start < warmupMs; i++) sink = fn();
  const runs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    sink = fn();
    runs.push(performance.now() - t0);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], runs };
}

/** Prints an aligned table (CJK-unaware; keep headers ASCII). */
export function printTable(title: string, headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((x, c) => (c === 0 ? x.padEnd(widths[c]) : x.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
}

/** Deterministic PRNG (mulberry32) so every run benchmarks the same county. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
