/** evaluate(): a table's rows under a standards profile → CVs per stage, per-school verdicts, exclusions and issues. */
import type { ResourceUnits } from '../model/format';
import { isCount } from '../model/indicators';
import { buildParts } from './parts';
import { profileIndicators } from './profiles';
import { SchoolDecisions } from './schoolDecisions';
import { stageResults } from './stageCvs';
import { readValueColumns, valueIssues } from './valueColumns';
import type { Evaluation, Profile, SchoolPart, SchoolRow } from '../model/types';

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** The unit each resource column is written in (万元), for amounts in reasons; values stay in base units. */
  units?: ResourceUnits;
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
  const { parts, rowIndex, excluded, issues: partIssues } = buildParts(rows, profile);
  const n = parts.length;
  // Weights and stages read once, as arrays, for the per-stage and per-school loops (NaN: students unknown).
  const students = new Float64Array(n);
  const stageOf = new Uint8Array(n);
  readWeights(parts, students, stageOf);
  const columns = readValueColumns(parts, students, profileIndicators(profile));
  const found = [...partIssues, ...valueIssues(parts, students, columns)];
  const input = { parts, students, stageOf, columns, profile, rows, rowIndex, units: options.units };
  const stages = stageResults(input);
  const decisions = new SchoolDecisions(input);
  const schools = decisions.verdicts();
  const ordered = found.map((issue, order) => ({ issue, order }));
  ordered.sort((a, b) => a.issue.row - b.issue.row || a.order - b.order);
  let passed = 0;
  let failed = 0;
  for (const s of schools) {
    if (s.pass === true) passed++;
    else if (s.pass === false) failed++;
  }
  return {
    profile,
    parts,
    excluded,
    stages,
    schools,
    issues: ordered.map((x) => x.issue),
    summary: {
      checked: schools.length,
      passed,
      failed,
      undecided: decisions.undecided,
      excluded: excluded.length,
    },
  };
}

/**
 * Each part's students (NaN when not a whole count ≥ 0) and stage (0 primary, 1 junior). A function of its own: its
 * loop is compiled while it runs, without the rest of evaluate(), which has not run yet.
 */
function readWeights(parts: readonly SchoolPart[], students: Float64Array, stageOf: Uint8Array): void {
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i].counts.students;
    students[i] = isCount(p) && Number.isInteger(p) ? p : NaN;
    stageOf[i] = parts[i].stage === 'primary' ? 0 : 1;
  }
}
