/** The county's three-valued verdict (spec §8): pass, fail, or undecided while some school or CV could not be judged. */
import { unknownFields } from './valueColumns';
import { Verdict as PartVerdict } from './verdict';
import { INDICATORS } from '../model/indicators';
import { STAGE_LABELS, STAGES } from '../model/stages';
import { columnOf, fieldLabel } from '../model/issues';
import type {
  CoefficientResult,
  Evaluation,
  IndicatorId,
  SchoolKind,
  SchoolPart,
  Stage,
  StageResult,
} from '../model/types';

/** 达到 / 未达到 / 无法判定. */
export type Verdict = 'pass' | 'fail' | 'undecided';

/** A school part with unknown cells: its own verdict or a CV of its stage depends on them. */
export interface UndecidedSchool {
  sheet?: string;
  row: number;
  name: string;
  stage: Stage;
  kind: SchoolKind;
  /** Its per-school verdict (null: 无法判定 under the rule, or no rule). */
  pass: boolean | null;
  /** The unknown cells, "K17" (or "第 17 行在校生数" when the sheet has no such column). */
  cells: string[];
  /** The same cells as data, for wording in another language: the field, and its column letter when there is one. */
  places: { field: string; column?: string; row: number }[];
}

/** A stage whose CV verdict could not be reached, with the zh-CN reason. */
export interface UndecidedStage {
  stage: Stage;
  reason: string;
  /** The indicators whose CV could not be computed or decided (empty: the stage has no CV to compute). */
  indicators: IndicatorId[];
}

export interface CountyVerdict {
  verdict: Verdict;
  /** Stage parts checked, passing, failing and undecided under the per-school rule; rows left out. */
  counts: { checked: number; passed: number; failed: number; undecided: number; excluded: number };
  /** Each stage's CV verdict: undecided when a CV cannot be computed or left out a school for an unknown value. */
  stages: Partial<Record<Stage, Verdict>>;
  /** Every part with an unknown value that matters, in table order. */
  undecidedSchools: UndecidedSchool[];
  /** Stages whose CVs could not be computed. */
  undecidedStages: UndecidedStage[];
  /** Why, in zh-CN: "1 所学校缺数据：北山小学 K17"; what fails first when the verdict is fail. */
  reason: string;
}

const COMBINED: readonly SchoolKind[] = ['nineYear', 'completeMiddle', 'twelveYear'];
/** The reason names this many schools, then "等 N 所"; the structured list has them all. */
const SCHOOLS_NAMED = 5;

const MSG = {
  pass: '各学段差异系数均达标，参评学校均达到办学标准',
  passNoRule: '各学段差异系数均达标',
  stageFails: (stage: string) => `${stage}差异系数未达标`,
  schoolsFail: (n: number) => `${n} 个学段未达到办学标准`,
  missing: (n: number, list: string) => `${n} 所学校缺数据：${list}`,
  more: (n: number) => `等 ${n} 所`,
  alsoMissing: (text: string) => `另有 ${text}`,
  cvUndefined: (stage: string, what: string) => `${stage}差异系数无法判定：${what}`,
  noCv: '没有可计算的差异系数',
  schoolsUndecided: (n: number) => `${n} 个学段无法判定是否达到办学标准`,
  nothing: '没有可评估的学校',
};

/** A stage's CV verdict: fail when it fails, undecided when it cannot be computed or a school was left out of a CV. */
export function stageVerdict(stage: StageResult): Verdict {
  if (stage.pass === false) return 'fail';
  if (stage.pass === null) return 'undecided';
  return Object.values(stage.indicators).some((c) => (c?.leftOut ?? 0) > 0) ? 'undecided' : 'pass';
}

/** The CVs of a stage that could not be computed or decided. */
function openCvs(stage: StageResult): CoefficientResult[] {
  return Object.values(stage.indicators).filter(
    (c): c is CoefficientResult =>
      c !== undefined && (c.cv === null || (c.threshold !== null && c.pass === null)),
  );
}

/** Why a stage's verdict is null: the CVs that could not be computed, with their notes. */
function stageReason(stage: StageResult): string {
  const label = STAGE_LABELS[stage.stage];
  const what = openCvs(stage).map((c) => `${INDICATORS[c.indicator].name}${c.note ? `（${c.note}）` : ''}`);
  return MSG.cvUndefined(label, what.length > 0 ? what.join('、') : MSG.noCv);
}

function cellText(part: SchoolPart, field: string): string {
  const column = columnOf(part, field);
  return column !== undefined ? `${column}${part.row}` : `第 ${part.row} 行${fieldLabel(field)}`;
}

function schoolLabel(s: UndecidedSchool): string {
  const name = COMBINED.includes(s.kind) ? `${s.name}（${STAGE_LABELS[s.stage]}）` : s.name;
  return `${name} ${s.cells.join('、')}`;
}

function missingText(schools: readonly UndecidedSchool[]): string {
  const named = schools.slice(0, SCHOOLS_NAMED).map(schoolLabel).join('；');
  const rest = schools.length > SCHOOLS_NAMED ? MSG.more(schools.length) : '';
  return MSG.missing(schools.length, named + rest);
}

/**
 * 县域结论: a fail anywhere (a stage's CVs, a school part under the per-school rule) fails the county; else anything
 * undecided (a part's verdict, a CV that cannot be computed or left out a school for an unknown value) leaves it
 * undecided; only then does it pass. Never 'pass' while anything is undecided, and always says why.
 */
export function countyVerdict(evaluation: Evaluation): CountyVerdict {
  const { schools, parts, summary } = evaluation;
  const undecidedSchools: UndecidedSchool[] = [];
  schools.forEach((school, i) => {
    // A decided part with every value known is the common case: it adds nothing, so neither its indicator verdicts
    // nor its part (found by key, a text made per read) are looked at.
    if (school.pass !== null && school instanceof PartVerdict && !school.hasUnknownValue()) return;
    const part = parts[i]?.key === school.key ? parts[i] : parts.find((p) => p.key === school.key);
    if (part === undefined) return;
    const open = school.indicators.filter((v) => v.value === null).map((v) => v.indicator);
    if (open.length === 0 && school.pass !== null) return;
    const fields = open.length > 0 ? unknownFields(part, open) : [];
    if (fields.length === 0 && !(school.pass === null && evaluation.profile.schoolRule !== null)) return;
    const entry: UndecidedSchool = {
      row: school.row,
      name: school.name,
      stage: school.stage,
      kind: school.kind,
      pass: school.pass,
      cells: fields.map((f) => cellText(part, f)),
      places: fields.map((field) => {
        const column = columnOf(part, field);
        return column === undefined ? { field, row: part.row } : { field, column, row: part.row };
      }),
    };
    if (school.sheet !== undefined) entry.sheet = school.sheet;
    undecidedSchools.push(entry);
  });

  const stages: Partial<Record<Stage, Verdict>> = {};
  const undecidedStages: UndecidedStage[] = [];
  for (const s of STAGES) {
    const stage = evaluation.stages[s];
    if (!stage) continue;
    stages[s] = stageVerdict(stage);
    if (stage.pass === null) {
      const indicators = openCvs(stage).map((c) => c.indicator);
      undecidedStages.push({ stage: s, reason: stageReason(stage), indicators });
    }
  }

  const failingStages = STAGES.filter((s) => stages[s] === 'fail');
  const nothing = Object.keys(stages).length === 0;
  const anyUndecided =
    nothing ||
    summary.undecided > 0 ||
    undecidedSchools.length > 0 ||
    Object.values(stages).some((v) => v === 'undecided');
  const verdict: Verdict =
    failingStages.length > 0 || summary.failed > 0 ? 'fail' : anyUndecided ? 'undecided' : 'pass';

  const open: string[] = [];
  if (undecidedSchools.length > 0) open.push(missingText(undecidedSchools));
  else if (summary.undecided > 0) open.push(MSG.schoolsUndecided(summary.undecided));
  open.push(...undecidedStages.map((u) => u.reason));
  if (nothing) open.push(MSG.nothing);
  let reason: string;
  if (verdict === 'fail') {
    const why = failingStages.map((s) => MSG.stageFails(STAGE_LABELS[s]));
    if (summary.failed > 0) why.push(MSG.schoolsFail(summary.failed));
    if (open.length > 0) why.push(MSG.alsoMissing(open.join('；')));
    reason = why.join('；');
  } else if (verdict === 'undecided') reason = open.join('；');
  else reason = evaluation.profile.schoolRule ? MSG.pass : MSG.passNoRule;

  return {
    verdict,
    counts: {
      checked: summary.checked,
      passed: summary.passed,
      failed: summary.failed,
      undecided: summary.undecided,
      excluded: summary.excluded,
    },
    stages,
    undecidedSchools,
    undecidedStages,
    reason,
  };
}
