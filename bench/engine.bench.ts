/**
 * evaluate() against a plain float64 loop computing the same CVs and per-school comparisons, on synthetic counties
 * of 1,000 / 10,000 / 100,000 schools (both stages, the 7 quality indicators from raw counts).
 */
import { evaluate } from '../src/engine/rules/evaluate';
import { QUALITY_2017 } from '../src/engine/rules/profiles';
import type { CountField, Evaluation, IndicatorId, SchoolRow, Stage } from '../src/engine/model/types';
import { measure, printTable, prng, suite } from './harness';

const IDS: IndicatorId[] = QUALITY_2017.indicators;
const FIELDS: [CountField, number, boolean][] = [
  ['qualifiedTeachers', 100, true],
  ['keyTeachers', 100, true],
  ['peArtTeachers', 100, true],
  ['teachingArea', 1, false],
  ['sportsArea', 1, false],
  ['equipmentValue', 1, false],
  ['multimediaRooms', 100, true],
];
const COLUMNS = {
  name: 0,
  kind: 1,
  students: 2,
  qualifiedTeachers: 3,
  keyTeachers: 4,
  peArtTeachers: 5,
  teachingArea: 6,
  sportsArea: 7,
  equipmentValue: 8,
  multimediaRooms: 9,
};

/**
 * A county of `n` stage parts: students 40–2,400, each resource around its standard (70%–150%), areas to 0.1 m²;
 * one part in 20 sits exactly at every standard (students a multiple of 100), where float and exact could differ.
 */
export function syntheticCounty(n: number, seed = 20170601): SchoolRow[] {
  const rnd = prng(seed + n);
  const rows: SchoolRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const stage: Stage = i % 2 === 0 ? 'primary' : 'junior';
    const exact = i % 20 === 7;
    const students = exact ? 100 * (1 + Math.floor(rnd() * 20)) : 40 + Math.floor(rnd() * 2360);
    const counts: SchoolRow['counts'] = { students };
    FIELDS.forEach(([field, per, countable], j) => {
      const standard = QUALITY_2017.standards[IDS[j]]![stage]!;
      const share = exact ? 1 : 0.7 + rnd() * 0.8;
      const raw = (standard * share * students) / per;
      counts[field] = exact
        ? Math.round(((standard * students) / per) * 100) / 100
        : countable
          ? Math.round(raw)
          : Math.round(raw * 10) / 10;
    });
    rows[i] = { row: i + 3, name: `学校${i + 1}`, kind: stage, counts, columns: COLUMNS };
  }
  return rows;
}

interface Baseline {
  cv: Float64Array;
  pass: Uint8Array;
}

const FIELD_NAMES = FIELDS.map((f) => f[0]);
const PER = Float64Array.from(FIELDS.map((f) => f[1]));
const COUNTABLE = FIELDS.map((f) => f[2]);

/** The plain float64 version: values, ≥ standard, ≥ r·standard, k of n, gaps, and the 14 weighted CVs. */
export function floatBaseline(rows: readonly SchoolRow[]): Baseline {
  const m = IDS.length;
  const standards = Float64Array.from(
    (['primary', 'junior'] as Stage[]).flatMap((s) => IDS.map((id) => QUALITY_2017.standards[id]![s]!)),
  );
  const { k, r } = QUALITY_2017.schoolRule!;
  const floors = standards.map((s) => r * s);
  const sumR = new Float64Array(2 * m);
  const sumP = new Float64Array(2);
  const pass = new Uint8Array(rows.length);
  const gaps = new Float64Array(rows.length * m);
  for (let i = 0; i < rows.length; i++) {
    const counts = rows[i].counts;
    const st = rows[i].kind === 'primary' ? 0 : m;
    const P = counts.students as number;
    sumP[st === 0 ? 0 : 1] += P;
    let met = 0;
    let below = 0;
    for (let j = 0; j < m; j++) {
      const R = counts[FIELD_NAMES[j]] as number;
      const per = PER[j];
      sumR[st + j] += R;
      const x = (per * R) / P;
      const s = standards[st + j];
      if (x >= s) met++;
      else {
        const need = (s * P) / per - R;
        gaps[i * m + j] = COUNTABLE[j] ? Math.ceil(need) : Math.ceil(need * 100) / 100;
        if (x < floors[st + j]) below++;
      }
    }
    pass[i] = met === m || (met >= k && below === 0) ? 1 : 0;
  }
  const mean = new Float64Array(2 * m);
  for (let st = 0; st < 2; st++)
    for (let j = 0; j < m; j++) mean[st * m + j] = (PER[j] * sumR[st * m + j]) / sumP[st];
  const ss = new Float64Array(2 * m);
  for (let i = 0; i < rows.length; i++) {
    const counts = rows[i].counts;
    const st = rows[i].kind === 'primary' ? 0 : m;
    const P = counts.students as number;
    for (let j = 0; j < m; j++) {
      const d = (PER[j] * (counts[FIELD_NAMES[j]] as number)) / P - mean[st + j];
      ss[st + j] += P * d * d;
    }
  }
  const cv = new Float64Array(2 * m);
  for (let st = 0; st < 2; st++) {
    for (let j = 0; j < m; j++) cv[st * m + j] = Math.sqrt(ss[st * m + j] / sumP[st]) / mean[st * m + j];
  }
  return { cv, pass };
}

/** Per-school decisions where float64 and the exact engine disagree (the reason for the exact layer). */
function disagreements(ev: Evaluation, base: Baseline): number {
  let n = 0;
  ev.schools.forEach((s, i) => {
    if ((s.pass ? 1 : 0) !== base.pass[i]) n++;
  });
  return n;
}

/** evaluate() and then every lazily built part of every verdict, as a report or the CLI's --json would read them. */
function evaluateAndMaterialise(rows: readonly SchoolRow[]): number {
  const ev = evaluate(rows, QUALITY_2017);
  let n = 0;
  for (const s of ev.schools) n += s.indicators.length + s.checks.length + s.reasons.length;
  return n;
}

suite('engine: evaluate() vs float64 baseline', () => {
  const table: (string | number)[][] = [];
  for (const size of [1000, 10000, 100000]) {
    const rows = syntheticCounty(size);
    const runs = size >= 100000 ? 5 : 9;
    const engine = measure(() => evaluate(rows, QUALITY_2017), { runs });
    const baseline = measure(() => floatBaseline(rows), { runs });
    const full = measure(() => evaluateAndMaterialise(rows), { runs: size >= 100000 ? 3 : 5, warmup: 2 });
    const ev = evaluate(rows, QUALITY_2017);
    const base = floatBaseline(rows);
    const cvs = (['primary', 'junior'] as Stage[]).flatMap((s) =>
      IDS.map((id) => ev.stages[s]!.indicators[id]!.cv!),
    );
    const maxCvDiff = Math.max(...cvs.map((c, j) => Math.abs(c - base.cv[j])));
    if (maxCvDiff > 1e-12) throw new Error(`CVs differ from the baseline by ${maxCvDiff}`);
    table.push([
      size.toLocaleString('en-US'),
      engine.median.toFixed(1),
      baseline.median.toFixed(1),
      (engine.median / baseline.median).toFixed(2),
      engine.min.toFixed(1),
      baseline.min.toFixed(1),
      (engine.min / baseline.min).toFixed(2),
      full.median.toFixed(0),
      `${ev.summary.passed}/${ev.summary.checked}`,
      disagreements(ev, base),
    ]);
  }
  printTable(
    'evaluate(rows, quality-2017), ms: median and fastest run; "+verdicts" also builds every verdict\'s indicators, checks and reasons',
    [
      'schools',
      'engine',
      'baseline',
      'ratio',
      'engine min',
      'baseline min',
      'ratio min',
      '+verdicts',
      'passed',
      'float≠exact',
    ],
    table,
  );
});
