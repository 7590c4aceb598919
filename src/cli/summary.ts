/** The readable Chinese summary: one file in detail, or several files as one row each plus totals. */
import {
  AUTO_PROFILE,
  type CoefficientResult,
  columnLetter,
  countyVerdict,
  type CountyVerdict,
  type Evaluation,
  formatNumber,
  INDICATORS,
  keepVerdictParts,
  STAGE_LABELS,
  STAGES,
  type Stage,
  type StageResult,
  stageVerdict,
  type Verdict,
} from '../engine';
import type { OutsideCell } from '../hosts/xlsx/workbook';
import type { Evaluated, KeptOutcome, ProfileSpec, Unusable } from './check';
import { text } from './strings.zh-CN';

/**
 * The county verdict of an evaluation, made once: the exit code, the summary and the JSON of one run all read it, and
 * it passes over every school.
 */
export function countyVerdictOf(evaluation: Evaluation): CountyVerdict {
  let verdict = COUNTY_VERDICTS.get(evaluation);
  if (verdict === undefined) COUNTY_VERDICTS.set(evaluation, (verdict = countyVerdict(evaluation)));
  return verdict;
}

const COUNTY_VERDICTS = new WeakMap<Evaluation, CountyVerdict>();

/** Beyond this many data problems the summary stops listing them (the JSON and the report sheet have them all). */
export const MAX_ISSUES_SHOWN = 50;

/** Terminal columns a string takes: CJK and full-width characters are two wide. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** Lays out rows as aligned columns, two spaces apart. */
export function columns(rows: string[][], indent = '  '): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map(
    (r) =>
      indent +
      r
        .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - displayWidth(cell))))
        .join('  ')
        .trimEnd(),
  );
}

const cvText = (cv: number | null) => (cv === null ? text.undefinedCv : cv.toFixed(3));
const thresholdText = (t: number | null) => (t === null ? '—' : `≤${t.toFixed(2)}`);

function coefficientRow(r: CoefficientResult): string[] {
  const verdict = r.threshold === null ? '—' : text.pass(r.pass) + (r.nearThreshold ? text.near : '');
  return [
    INDICATORS[r.indicator].name,
    // Ratios such as 师生比 (about 0.05) need more decimals than areas and amounts to be told apart.
    r.mean === null ? '—' : formatNumber(r.mean, Math.abs(r.mean) < 1 ? 4 : 2),
    cvText(r.cv),
    thresholdText(r.threshold),
    verdict,
  ];
}

function stageLines(s: StageResult): string[] {
  const stage = STAGE_LABELS[s.stage];
  const rows = [text.cvColumns, ...Object.values(s.indicators).map((r) => coefficientRow(r!))];
  if (s.composite) {
    const c = s.composite;
    rows.push([
      text.composite,
      '',
      cvText(c.value),
      thresholdText(c.threshold),
      text.pass(c.pass) + (c.nearThreshold ? text.near : ''),
    ]);
  }
  const notes = Object.values(s.indicators)
    .filter((r) => r?.note)
    .map((r) => `  · ${INDICATORS[r!.indicator].name}：${r!.note}`);
  return [
    text.cvHeading(stage, s.schools, formatNumber(s.students)),
    ...columns(rows),
    ...notes,
    `  ${text.stageVerdict(stage, text.verdict(stageVerdict(s)))}`,
  ];
}

/** The detailed summary of one evaluated file (no line break at the end). */
export function fileSummary(c: Evaluated): string {
  const chunks: string[] = [];
  writeFileSummary(c, (chunk) => chunks.push(chunk));
  return chunks.join('').slice(0, -1);
}

/** Characters of summary lines gathered before they are handed on. */
const CHUNK = 1 << 16;

/**
 * The detailed summary of one evaluated file, each line followed by a line break, handed to `write` in pieces as it is
 * made: 17,000 failing schools' reason lines become output while they are young, not 9 MB of text kept to the end.
 */
export function writeFileSummary(c: Evaluated, write: (text: string) => void): void {
  // The summary reads each school's indicator verdicts, checks and reasons once: built for it and not kept, they are
  // young garbage (cheap to collect) instead of 20,000 schools' worth copied from one collection to the next.
  const schools = c.evaluation.schools;
  keepVerdictParts(schools, false);
  try {
    const sink = new LineSink(write);
    summaryLines(c, sink);
    sink.flush();
  } finally {
    keepVerdictParts(schools, true);
  }
}

/** Lines gathered into chunks of about CHUNK characters, each line ending in a line break. */
class LineSink {
  private lines: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length + 1;
    }
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.lines.length === 0) return;
    this.lines.push('');
    this.write(this.lines.join('\n'));
    this.lines = [];
    this.size = 0;
  }
}

function summaryLines(c: Evaluated, lines: LineSink): void {
  const ev = c.evaluation;
  lines.push(text.fileTitle(c.file, c.sheet), text.profile(c.profile.name));
  if (c.profileChoice) lines.push(text.profileChoice(c.profileChoice));
  // Parts per stage and failing parts, counted in one pass over the schools.
  const perStage: Partial<Record<Stage, number>> = {};
  let failing = 0;
  for (const v of ev.schools) {
    perStage[v.stage] = (perStage[v.stage] ?? 0) + 1;
    if (v.pass === false) failing++;
  }
  const byStage = STAGES.filter((s) => ev.stages[s])
    .map((s) => text.stageCount(STAGE_LABELS[s], perStage[s] ?? 0))
    .join('，');
  lines.push(
    c.profile.schoolRule
      ? text.overview(ev.summary.checked, byStage, ev.summary, ev.summary.excluded)
      : text.overviewNoRule(ev.summary.checked, byStage, ev.summary.excluded),
  );
  if (c.outside?.length) lines.push(outsideLine(c.outside));
  for (const s of STAGES) {
    const stage = ev.stages[s];
    if (stage) lines.push('', ...stageLines(stage));
  }

  // One pass over the schools: a failing school's line with its reasons, and every school's failed §7 checks kept
  // for their own list below (each school's checks built once: the reasons read the same ones).
  if (failing) lines.push('', text.failingSchools(failing));
  const checkLines: string[] = [];
  for (const s of ev.schools) {
    if (s.pass === false)
      lines.push(
        `  ${text.row(s.row)}  ${text.part(s.name, STAGE_LABELS[s.stage])}：${s.reasons.join('；')}`,
      );
    for (const ch of s.checks)
      if (!ch.pass)
        checkLines.push(`  ${text.row(s.row)}  ${text.part(s.name, STAGE_LABELS[s.stage])}：${ch.message}`);
  }
  const county = countyVerdictOf(ev);
  const undecided = county.undecidedSchools;
  if (undecided.length) {
    lines.push('', text.undecidedSchools(undecided.length));
    for (const s of undecided) {
      lines.push(
        `  ${text.row(s.row)}  ${text.part(s.name, STAGE_LABELS[s.stage])}：${text.unknownCells(s.cells)}`,
      );
    }
  }
  if (checkLines.length) {
    lines.push('', text.failedChecks(checkLines.length));
    for (const line of checkLines) lines.push(line);
  }
  if (ev.excluded.length) {
    lines.push('', text.excluded(ev.excluded.length));
    for (const e of ev.excluded) lines.push(`  ${text.row(e.row)}  ${e.name}：${e.message}`);
  }
  if (c.table.skipped.length) {
    lines.push('', text.skipped(c.table.skipped.length));
    for (const s of c.table.skipped) lines.push(`  ${text.row(s.row)}  ${s.name}：${s.reason}`);
  }
  if (c.issues.length) {
    lines.push('', text.issues(c.issues.length));
    for (const i of c.issues.slice(0, MAX_ISSUES_SHOWN))
      lines.push(`  [${text.severity[i.severity]}] ${i.message}`);
    if (c.issues.length > MAX_ISSUES_SHOWN)
      lines.push(`  ${text.moreIssues(c.issues.length - MAX_ISSUES_SHOWN)}`);
  }
  lines.push('', countyLine(c, county));
}

/** The profile's short name for the verdict line: 优质均衡（教督〔2017〕6号） → 优质均衡. */
const shortName = (name: string) => name.replace(/[（(].*$/, '');

function countyLine(c: Evaluated, county: CountyVerdict): string {
  const name = shortName(c.profile.name);
  if (county.verdict === 'pass') return text.countyPass(name);
  if (county.verdict === 'undecided') return text.countyUndecided(name, county.reason);
  return text.countyFail(name, county.reason);
}

/** What the many-files table shows of one file: all a batch keeps of it. */
export type FileLine =
  | {
      ok: true;
      file: string;
      sheet: string;
      stages: Partial<Record<Stage, Verdict>>;
      /** Parts meeting the school standards out of those checked, or — without a school rule. */
      schoolsPassed: string;
      excluded: number;
      issues: number;
      verdict: Verdict;
    }
  | Unusable;

export function fileLine(o: KeptOutcome): FileLine {
  if (!o.ok) return o;
  const ev = o.evaluation;
  const stages: Partial<Record<Stage, Verdict>> = {};
  for (const s of STAGES) if (ev.stages[s]) stages[s] = stageVerdict(ev.stages[s]!);
  return {
    ok: true,
    file: o.file,
    sheet: o.sheet,
    stages,
    schoolsPassed: o.profile.schoolRule ? `${ev.summary.passed}/${ev.summary.checked}` : '—',
    excluded: ev.summary.excluded,
    issues: o.issues.length,
    verdict: countyVerdictOf(ev).verdict,
  };
}

/** Several files: one row each (the unusable ones with their reason below), then totals. */
export function manySummary(lines: FileLine[], profile: ProfileSpec): string {
  const rows: string[][] = [text.manyColumns];
  let passed = 0;
  let failed = 0;
  let unknown = 0;
  const problems: string[] = [];
  for (const o of lines) {
    if (!o.ok) {
      rows.push([o.file, '—', '—', '—', '—', '—', '—', text.unreadable]);
      problems.push(`  ${o.message}`);
      continue;
    }
    if (o.verdict === 'pass') passed++;
    else if (o.verdict === 'fail') failed++;
    else unknown++;
    rows.push([
      o.file,
      o.sheet,
      ...STAGES.map((s) => (o.stages[s] ? text.verdict(o.stages[s]) : '—')),
      o.schoolsPassed,
      String(o.excluded),
      String(o.issues),
      text.verdict(o.verdict),
    ]);
  }
  const out = [
    profile === AUTO_PROFILE ? text.profileAuto : text.profile(profile.name),
    ...columns(rows, ''),
  ];
  if (problems.length) out.push('', ...problems);
  out.push('', text.totals(lines.length, passed, failed, unknown, lines.length - passed - failed - unknown));
  return out.join('\n');
}

/** "以下单元格不属于学校表…：B1048576 “制表人：张三”", at most ten cells named. */
export function outsideLine(cells: readonly OutsideCell[]): string {
  const named = cells
    .slice(0, 10)
    .map(
      (o) =>
        `${columnLetter(o.column)}${o.row} “${String(o.value instanceof Date ? o.value.toISOString().slice(0, 10) : o.value)}”`,
    );
  return text.outsideCells(named, cells.length - named.length);
}
