// Custom functions entry (BALANCE.*): thin wrappers — inputs through normalize.ts, every rule from the engine.
import {
  classBand,
  COMBINED_STAGES,
  compositeOf,
  cvWithinThreshold,
  diffRate,
  floatCoefficient,
  gapFor,
  judgeSchool,
  meetsStandard,
  planIndicator,
  QUALITY_2017,
  splitShares,
  splitTotal,
  stepOf,
} from '../engine';
import { functionError } from './errors';
import {
  alignedPairs,
  finiteResult,
  indicatorArg,
  numberArg,
  numberList,
  numberVector,
  profileArg,
  rawPairs,
  schoolRuleIndicators,
  stageArg,
  standardOf,
  toExcelPrecision,
  weightedPairs,
  type WeightedPairs,
} from './normalize';
import { coefficientTable, evaluateTable } from './report';
import { LABEL, MSG } from './strings.zh-CN';

/**
 * The engine's float CV of the pairs (X̄ from the totals); no students at all is #DIV/0!, and totals beyond a
 * double (1e308 m²) are #NUM! naming `what`, never a mean of 0 or NaN.
 */
function coefficientOf(pairs: WeightedPairs, per: number, what: string): ReturnType<typeof floatCoefficient> {
  if (pairs.count === 0) throw functionError('divisionByZero', MSG.noStudents);
  const result = floatCoefficient(pairs.amounts, pairs.students, pairs.count, per);
  finiteResult(result.students, what);
  finiteResult(result.mean, what);
  return result;
}

/** The CV, or #DIV/0! when the mean is 0: the CV is then undefined, never 0 (spec §3). */
function cvOf(pairs: WeightedPairs, per: number, what: string): number {
  const result = coefficientOf(pairs, per, what);
  // Squared deviations beyond a double leave the CV uncomputable, which is not a mean of 0.
  finiteResult(result.sd, what);
  if (result.cv === null) throw functionError('divisionByZero', MSG.zeroMean);
  return result.cv;
}

/**
 * Student-weighted difference coefficient (CV) of per-school values: standard deviation / mean, both weighted by students.
 * @customfunction COEF
 * @param range Per-school values in one column (give students), or two columns: values, then students.
 * @param [students] Students of each school, one column as long as range; omit it when range has two columns.
 * @returns The difference coefficient, e.g. 0.515257 for books per student of TV-1.
 */
export function COEF(range: unknown[][], students?: unknown[][]): number {
  return cvOf(weightedPairs(range, students, 'COEF'), 1, LABEL.weighted);
}

/**
 * Student-weighted difference coefficient from raw totals (value = per x amount / students); the mean is exact.
 * @customfunction COEFRAW
 * @param amounts Raw resource of each school (books, m², teachers, rooms, yuan), one column.
 * @param students Students of each school, one column as long as amounts.
 * @param [per] 1 for per-student indicators (default), 100 for per-100-students indicators.
 * @returns The difference coefficient, e.g. 0.515257 for the books and students of TV-1.
 */
export function COEFRAW(amounts: unknown[][], students: unknown[][], per?: unknown): number {
  const factor = numberArg(per, LABEL.per, true) ?? 1;
  if (factor !== 1 && factor !== 100) throw functionError('invalidValue', MSG.badPer(String(factor)));
  return cvOf(rawPairs(amounts, students), factor, LABEL.rawTotals);
}

/**
 * Student-weighted mean of per-school values: the county average, sum(students x value) / sum(students).
 * @customfunction MEAN
 * @param range Per-school values in one column (give students), or two columns: values, then students.
 * @param [students] Students of each school, one column as long as range; omit it when range has two columns.
 * @returns The county mean, e.g. 6.334437 books per student for TV-1.
 */
export function MEAN(range: unknown[][], students?: unknown[][]): number {
  return coefficientOf(weightedPairs(range, students, 'MEAN'), 1, LABEL.weighted).mean;
}

/**
 * The per-school standard of an indicator for a stage under a standards profile.
 * @customfunction STANDARD
 * @param indicator Indicator id (sportsAreaPerStudent), Chinese name or an unambiguous part of it.
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [profile] Standards profile: quality-2017 (default), basic-2012, 优质均衡 or 基本均衡.
 * @returns The standard, e.g. 7.5 m² of sports area per primary student.
 */
export function STANDARD(indicator: string, stage: string, profile?: string): number {
  const standards = profileArg(profile);
  const meta = indicatorArg(indicator, standards);
  return standardOf(meta, stageArg(stage), standards);
}

/**
 * Whether a school's indicator value meets the per-school standard: value >= standard, exact, equality passes.
 * @customfunction PASS
 * @param indicator Indicator id (sportsAreaPerStudent), Chinese name or an unambiguous part of it.
 * @param value The school's indicator value, e.g. 0.9 PE and art teachers per 100 students.
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [profile] Standards profile: quality-2017 (default), basic-2012, 优质均衡 or 基本均衡.
 * @returns TRUE when the value reaches the standard.
 */
export function PASS(indicator: string, value: unknown, stage: string, profile?: string): boolean {
  const standards = profileArg(profile);
  const meta = indicatorArg(indicator, standards);
  const standard = standardOf(meta, stageArg(stage), standards);
  const x = toExcelPrecision(numberArg(value, LABEL.indicatorValue));
  return meetsStandard(x, standard, standards.rounding.school);
}

/**
 * Raw resource a school must add to reach the per-school standard (standard x students / per - amount), rounded up.
 * @customfunction GAP
 * @param indicator Indicator id (sportsAreaPerStudent), Chinese name or an unambiguous part of it.
 * @param amount The school's raw resource (m², yuan, teachers, rooms).
 * @param students The school's students (of this stage part).
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [profile] Standards profile: quality-2017 (default), basic-2012, 优质均衡 or 基本均衡.
 * @returns The resource to add (whole numbers for teachers and rooms, 0.01 for m² and yuan); 0 when met.
 */
export function GAP(
  indicator: string,
  amount: unknown,
  students: unknown,
  stage: string,
  profile?: string,
): number {
  const standards = profileArg(profile);
  const meta = indicatorArg(indicator, standards);
  const standard = standardOf(meta, stageArg(stage), standards);
  const resource = toExcelPrecision(numberArg(amount, LABEL.amount));
  const p = toExcelPrecision(numberArg(students, LABEL.students));
  if (p === 0) throw functionError('divisionByZero', MSG.zeroStudents);
  return finiteResult(gapFor(meta, standard, p, resource, (meta.per * resource) / p), LABEL.gap);
}

/**
 * Remediation plan: the least resource to add per school so every school meets the standard and the CV is at most the target.
 * @customfunction PLAN
 * @param amounts Raw resource of each school (teachers, m², yuan, rooms), one column.
 * @param students Students of each school, one column as long as amounts.
 * @param indicator Indicator id (sportsAreaPerStudent), Chinese name or an unambiguous part of it.
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [target] The CV to reach or beat; default the profile's threshold for the stage (0.50 primary, 0.45 junior).
 * @param [profile] Standards profile: quality-2017 (default), basic-2012, 优质均衡 or 基本均衡.
 * @returns One column, one cell per row of amounts: the resource to add (whole teachers and rooms); empty for blank rows.
 */
export function PLAN(
  amounts: unknown[][],
  students: unknown[][],
  indicator: string,
  stage: string,
  target?: unknown,
  profile?: string,
): unknown[][] {
  const standards = profileArg(profile);
  const meta = indicatorArg(indicator, standards);
  const part = stageArg(stage);
  const inCv = standards.indicators.includes(meta.id);
  const standard = standards.standards[meta.id]?.[part] ?? (inCv ? null : standardOf(meta, part, standards));
  const given = numberArg(target, LABEL.target, true);
  const targetCv = given ?? (inCv ? standards.cv.thresholds[part] : Infinity);
  const rows = alignedPairs(amounts, students);
  const plan = planIndicator({
    amounts: rows.amounts.map(toExcelPrecision),
    students: rows.students.map(toExcelPrecision),
    per: meta.per,
    standard,
    targetCv,
    countable: meta.countable,
    step: stepOf(meta),
    unit: meta.unit,
  });
  if (!plan.ok) {
    throw functionError(plan.code === 'noStudents' ? 'divisionByZero' : 'invalidValue', plan.reason);
  }
  if (!plan.feasible) throw functionError('notAvailable', plan.note);
  return plan.additions.map((a, i) => [rows.skipped[i] ? '' : finiteResult(a, LABEL.plan)]);
}

/**
 * Whether a school passes the profile's per-school rule: k of n indicators met and the rest at least r of standard.
 * @customfunction SCHOOLPASS
 * @param values The school's indicator values in the profile's order (seven for quality-2017), one row or column.
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [profile] Standards profile: quality-2017 (default) or a custom profile with a per-school rule.
 * @returns TRUE when the school passes (quality-2017: at least 6 of 7 met, the other at least 85%).
 */
export function SCHOOLPASS(values: unknown[][], stage: string, profile?: string): boolean {
  const standards = profileArg(profile);
  const rule = standards.schoolRule;
  if (rule === null) throw functionError('notAvailable', MSG.noSchoolRule(standards.name));
  const part = stageArg(stage);
  const indicators = schoolRuleIndicators(standards, part);
  const given = numberVector(values, LABEL.indicatorValue);
  if (given.length !== indicators.length) {
    const names = indicators.map((i) => i.meta.name).join('、');
    throw functionError('invalidValue', MSG.valueCount(indicators.length, given.length, names));
  }
  const judged = judgeSchool(
    given.map((x) => (x === null ? null : toExcelPrecision(x))),
    indicators.map((i) => i.standard),
    rule,
    standards.rounding.school,
  );
  if (judged.pass === null) {
    const missing = indicators.filter((_, i) => given[i] === null).map((i) => `“${i.meta.name}”`);
    throw functionError('notAvailable', MSG.undecided(missing.join('、')));
  }
  return judged.pass;
}

/**
 * Whether a difference coefficient meets the profile's threshold for the stage (inclusive, exact).
 * @customfunction COEFPASS
 * @param cv The difference coefficient: a single CV (quality-2017) or the composite (basic-2012).
 * @param stage Stage: 小学, 初中, primary or junior.
 * @param [profile] Standards profile: quality-2017 (default; 0.50 / 0.45), basic-2012 (composite 0.65 / 0.55).
 * @returns TRUE when the coefficient is at most the threshold.
 */
export function COEFPASS(cv: unknown, stage: string, profile?: string): boolean {
  const standards = profileArg(profile);
  const threshold = standards.cv.thresholds[stageArg(stage)];
  const value = toExcelPrecision(numberArg(cv, LABEL.cv));
  return cvWithinThreshold(value, threshold, standards.rounding.cv);
}

/**
 * Composite difference coefficient of basic balance: the simple mean of the single coefficients.
 * @customfunction COMPOSITE
 * @param cvs The single difference coefficients (eight for basic-2012); empty cells are skipped.
 * @returns The mean of the coefficients.
 */
export function COMPOSITE(cvs: unknown[][]): number {
  const { values } = numberList(cvs, LABEL.cv);
  const composite = compositeOf(values.map(toExcelPrecision));
  if (composite === null) throw functionError('invalidValue', MSG.noCvs);
  return finiteResult(composite, LABEL.composite);
}

/**
 * Splits a combined school's facility total into its primary and junior parts by student-equivalents
 * (nine-year 1 : 1.1, complete middle junior : senior 1 : 1.2, twelve-year 1 : 1.1 : 1.32; the senior part is dropped).
 * @customfunction SPLIT
 * @param amount The whole school's total (teaching area, sports area, equipment value, computers, books, rooms).
 * @param primaryStudents Primary students (0 for a complete middle school).
 * @param juniorStudents Junior students.
 * @param [seniorStudents] Senior students, for complete middle and twelve-year schools.
 * @returns Two cells side by side: the primary part and the junior part.
 */
export function SPLIT(
  amount: unknown,
  primaryStudents: unknown,
  juniorStudents: unknown,
  seniorStudents?: unknown,
): number[][] {
  const total = numberArg(amount, LABEL.amount);
  const primary = numberArg(primaryStudents, LABEL.primaryStudents, true);
  const junior = numberArg(juniorStudents, LABEL.juniorStudents);
  const senior = numberArg(seniorStudents, LABEL.seniorStudents, true) ?? 0;
  if (primary === null) {
    throw functionError(
      'invalidValue',
      senior > 0 ? MSG.primaryForCompleteMiddle : MSG.emptyArgument(LABEL.primaryStudents),
    );
  }
  const kind = senior === 0 ? 'nineYear' : primary === 0 ? 'completeMiddle' : 'twelveYear';
  const shares = splitShares(kind, { primary, junior, senior }, QUALITY_2017.split.weights);
  if (shares === null) throw functionError('divisionByZero', MSG.noSplitStudents);
  const parts = splitTotal(total, COMBINED_STAGES[kind], shares);
  return [
    [finiteResult(parts.primary ?? 0, LABEL.splitParts), finiteResult(parts.junior ?? 0, LABEL.splitParts)],
  ];
}

/**
 * Class-size band of a class: normal within the stage's limit (45 primary, 50 junior), else 46-55, 56-65, 66 and above.
 * @customfunction CLASSBAND
 * @param size Number of students in the class.
 * @param stage Stage: 小学, 初中, primary or junior.
 * @returns 正常, 偏大班额, 大班额 or 超大班额.
 */
export function CLASSBAND(size: unknown, stage: string): string {
  return classBand(numberArg(size, LABEL.classSize), stageArg(stage));
}

/**
 * Inter-school difference rate of school mean scores: (mean - min) / mean, each school counted once.
 * Blank cells are skipped and numbers stored as text are accepted. A rate below 0.15 meets the standard.
 * @customfunction DIFFRATE
 * @param scores School mean scores, one cell per school.
 * @returns The difference rate, e.g. 0.0816 for 520, 500 and 450.
 */
export function DIFFRATE(scores: unknown[][]): number {
  const { values, places } = numberList(scores, LABEL.score);
  // Some hosts hand blank cells over as 0, and no school's mean score is 0: refuse rather than skew the minimum.
  const zero = values.indexOf(0);
  if (zero >= 0) throw functionError('invalidValue', MSG.zeroScore(places[zero]));
  const result = diffRate(values);
  if (result.ok) return finiteResult(result.value, LABEL.diffRate);
  if (result.reason === 'invalidScore' && result.index !== undefined) {
    throw functionError('invalidValue', `${places[result.index]}：${result.message}`);
  }
  throw functionError('invalidValue', result.message);
}

/**
 * The whole difference-coefficient table of a school table: stage, indicator, county mean, CV, threshold, pass, note.
 * @customfunction REPORT
 * @param table The school table including its header row (school name, stage, students and the indicator columns).
 * @param [profile] Standards profile: quality-2017 (default), basic-2012 (adds the composite rows), 优质均衡 or 基本均衡.
 * @returns A spilled table with a header row and one row per stage and indicator.
 */
export function REPORT(table: unknown[][], profile?: string): unknown[][] {
  return coefficientTable(evaluateTable(table, profileArg(profile)));
}
