/** The --json output: the shape of issue #6 with three-valued verdicts (schemaVersion 2); numbers unrounded (CVs and composites the doubles nearest their exact values). */
import {
  columnLetter,
  exactValueOf,
  type IndicatorId,
  keepVerdictParts,
  type SchoolVerdict,
  type Stage,
  stageVerdict,
  type Verdict,
} from '../engine';
import type { Evaluated, Unusable } from './check';
import { countyVerdictOf } from './summary';

export interface JsonIndicatorCv {
  mean: number | null;
  cv: number | null;
  threshold: number | null;
  pass: boolean | null;
  nearThreshold: boolean;
}

/** Version of the --json shape: 2 added schemaVersion, verdict, counts, undecided and each stage's verdict. */
export const JSON_SCHEMA_VERSION = 2;

export interface JsonStage {
  schools: number;
  students: number;
  /** The stage's CV verdict; undecided also when a CV left out a school for an unknown value. */
  verdict: Verdict;
  pass: boolean | null;
  /** 综合差异系数 (composite-mode profiles), else null. */
  composite: number | null;
  indicators: Partial<Record<IndicatorId, JsonIndicatorCv>>;
}

export interface JsonSchool {
  row: number;
  name: string;
  stage: Stage;
  pass: boolean | null;
  indicators: Partial<
    Record<
      IndicatorId,
      { value: number | null; standard: number | null; pass: boolean | null; gap: number | null }
    >
  >;
}

export interface JsonResult {
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  file: string;
  sheet: string;
  /** Id of the profile used, e.g. "quality-2017" (what --profile auto chose, never "auto"). */
  profile: string;
  /** The county verdict: never "pass" while a school or a CV is undecided. */
  verdict: Verdict;
  /** Stage parts under the per-school rule, and rows left out. */
  counts: { checked: number; passed: number; failed: number; undecided: number; excluded: number };
  /** zh-CN reason for the verdict, e.g. "1 所学校缺数据：北山小学 K17". */
  reason: string;
  /** Parts with unknown cells ("K17") and stages whose CVs could not be computed. */
  undecided: {
    schools: { row: number; name: string; stage: Stage; pass: boolean | null; cells: string[] }[];
    stages: { stage: Stage; reason: string }[];
  };
  stages: Partial<Record<Stage, JsonStage>>;
  /** One entry per stage part: a combined row appears once per part, with the same row. */
  schools: JsonSchool[];
  /** `reason` is the engine's code (special, smallTeachingPoint, teachingPoint, notCountyRun, private, …). */
  excluded: { row: number; name: string; reason: string }[];
  issues: { row: number; column: string | null; field: string; code: string; message: string }[];
  /** Cells with values far from the table, not read as data (present only when there are any). */
  outside?: { cell: string; value: string | number | boolean }[];
}

/** An unusable file in --json output. */
export interface JsonUnusable {
  file: string;
  error: { code: string; message: string };
}

export function toJson(c: Evaluated): JsonResult {
  const ev = c.evaluation;
  const stages: Partial<Record<Stage, JsonStage>> = {};
  for (const [stage, s] of Object.entries(ev.stages) as [Stage, NonNullable<(typeof ev.stages)[Stage]>][]) {
    const indicators: Partial<Record<IndicatorId, JsonIndicatorCv>> = {};
    for (const [id, r] of Object.entries(s.indicators) as [
      IndicatorId,
      NonNullable<(typeof s.indicators)[IndicatorId]>,
    ][]) {
      indicators[id] = {
        mean: r.mean,
        cv: exactValueOf(r),
        threshold: r.threshold,
        pass: r.pass,
        nearThreshold: r.nearThreshold,
      };
    }
    stages[stage] = {
      schools: s.schools,
      students: s.students,
      verdict: stageVerdict(s),
      pass: s.pass,
      composite: s.composite ? exactValueOf(s.composite) : null,
      indicators,
    };
  }
  const county = countyVerdictOf(ev);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    file: c.file,
    sheet: c.sheet,
    profile: c.profile.id,
    verdict: county.verdict,
    counts: county.counts,
    reason: county.reason,
    undecided: {
      schools: county.undecidedSchools.map((u) => ({
        row: u.row,
        name: u.name,
        stage: u.stage,
        pass: u.pass,
        cells: u.cells,
      })),
      stages: county.undecidedStages,
    },
    stages,
    schools: schoolsToJson(ev.schools),
    excluded: ev.excluded.map((e) => ({ row: e.row, name: e.name, reason: e.reason })),
    issues: c.issues.map((i) => ({
      row: i.row,
      column: i.column ?? null,
      field: i.field,
      code: i.code,
      message: i.message,
    })),
    ...(c.outside?.length
      ? {
          outside: c.outside.map((o) => ({
            cell: `${columnLetter(o.column)}${o.row}`,
            value: o.value instanceof Date ? o.value.toISOString() : (o.value ?? ''),
          })),
        }
      : {}),
  };
}

/**
 * Each part with its indicators' value, standard, decision and gap. The verdicts' indicator verdicts are built for
 * this one read and not kept: young garbage, not 20,000 schools' worth carried through every collection.
 */
function schoolsToJson(schools: readonly SchoolVerdict[]): JsonSchool[] {
  keepVerdictParts(schools, false);
  try {
    return schools.map((s) => {
      const indicators: JsonSchool['indicators'] = {};
      for (const i of s.indicators) {
        indicators[i.indicator] = { value: i.value, standard: i.standard, pass: i.pass, gap: i.gap };
      }
      return { row: s.row, name: s.name, stage: s.stage, pass: s.pass, indicators };
    });
  } finally {
    keepVerdictParts(schools, true);
  }
}

export function unusableToJson(u: Unusable): JsonUnusable {
  return { file: u.file, error: { code: u.problem, message: u.message } };
}
