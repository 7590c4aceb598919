/**
 * 整改测算 against the check it follows: planStage() for all 7 indicators of one stage of 1,000 / 10,000 schools,
 * timed beside one full evaluate() of the same schools (issue #7: a plan under 10× the time of a check).
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/engine/rules/evaluate';
import { planStage } from '../src/engine/planner/plan';
import type { StagePlanOptions } from '../src/engine/planner/types';
import { QUALITY_2017 } from '../src/engine/rules/profiles';
import type { SchoolRow } from '../src/engine/model/types';
import { syntheticCounty } from './engine.bench';
import { printTable, suite } from './harness';

/** `n` 小学 parts of the engine's synthetic county (resources 70%–150% of standard, one in 20 exactly at it). */
function primaryCounty(n: number): SchoolRow[] {
  return syntheticCounty(2 * n).filter((r) => r.kind === 'primary');
}

const VARIANTS: [string, StagePlanOptions][] = [
  ['threshold', {}],
  ['margin 0.9', { margin: 0.9 }],
  ['target 0.1', { targetCv: 0.1 }],
  ['k-of-n floors', { schoolFloors: 'rule' }],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Times `a` and `b` alternately (after warm-up), so both see the same load on a shared machine; medians and the
 * fastest runs.
 */
function paired(a: () => unknown, b: () => unknown, runs: number): { a: number[]; b: number[] } {
  for (let i = 0; i < 3; i++) {
    a();
    b();
  }
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    a();
    out.a.push(performance.now() - t);
    t = performance.now();
    b();
    out.b.push(performance.now() - t);
  }
  return out;
}

suite('planner: planStage() vs one evaluate()', () => {
  const table: (string | number)[][] = [];
  let worstRatio = 0;
  for (const size of [1000, 10000]) {
    const rows = primaryCounty(size);
    const ev = evaluate(rows, QUALITY_2017);
    for (const [label, options] of VARIANTS) {
      const result = planStage(ev, 'primary', options);
      if (!result.feasible) throw new Error(`plan ${label} for ${size} schools is not feasible`);
      const t = paired(
        () => evaluate(rows, QUALITY_2017),
        () => planStage(ev, 'primary', options),
        size >= 10000 ? 9 : 15,
      );
      const ratio = median(t.b) / median(t.a);
      worstRatio = Math.max(worstRatio, ratio);
      table.push([
        size.toLocaleString('en-US'),
        label,
        median(t.a).toFixed(1),
        median(t.b).toFixed(1),
        ratio.toFixed(2),
        (Math.min(...t.b) / Math.min(...t.a)).toFixed(2),
        result.indicators.filter((x) => x.total > x.forcedTotal).length,
        Math.max(...result.indicators.map((x) => x.cv ?? 0)).toFixed(4),
      ]);
    }
  }
  printTable(
    'planStage(evaluation, "primary", options), 7 indicators, beside evaluate() of the same schools, timed in turns: ' +
      'median ms; "water" = indicators needing more than their standards; budget: ratio < 10',
    ['schools', 'options', 'evaluate', 'plan', 'ratio', 'min ratio', 'water', 'max cv'],
    table,
  );
  console.log(`\nworst median ratio plan / evaluate: ${worstRatio.toFixed(2)} (budget 10)`);
});
