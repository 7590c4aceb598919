#!/usr/bin/env node
/** The `balance` command line: argument handling, progress and printing around checkFile and planChecked; exit codes 0, 1, 2. */
import { QUALITY_2017, type UnitCosts } from '../engine';
import { parseArgs } from './args';
import {
  checkFile,
  gatherInputs,
  loadProfile,
  outputPathIn,
  PLAN_SUFFIX,
  withoutWorkbook,
  writeMarkedCopy,
  writePlanCopy,
  type Checked,
  type KeptOutcome,
  type Unusable,
} from './check';
import { runForms } from './forms';
import { toJson, unusableToJson } from './json';
import { costsOf, planChecked, readCostsJson, stageOptions } from './plan';
import { parsePlanArgs } from './planArgs';
import { planToJson } from './planJson';
import { refuseOutput } from './output';
import { planSummary } from './planSummary';
import { messages, planText, text, usage } from './strings.zh-CN';
import { countyVerdictOf, fileLine, manySummary, writeFileSummary, type FileLine } from './summary';
import { growHeapGently } from './memory';
import { useNodeZlib } from './zipCodec';

// The package's zip entries through node:zlib: the same bytes in, several times faster than fflate out.
useNodeZlib();

export const EXIT_OK = 0;
export const EXIT_COUNTY_FAILS = 1;
export const EXIT_UNUSABLE = 2;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Milliseconds clock, replaceable in tests. */
  now?: () => number;
  /** The date the written reports show as 评估日期 (default: today); fixed in tests for reproducible prints. */
  today?: () => Date;
}

const reportDate = (io: Io): Date => (io.today ? io.today() : new Date());

/** Progress lines on stderr, shown only once a run has taken longer than a second. */
class Progress {
  private readonly start: number;
  private pending: string | null = null;
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly io: Io,
    private readonly now: () => number,
  ) {
    this.start = now();
    this.timer = setTimeout(() => this.flush(), 1000);
    this.timer.unref?.();
  }

  step(line: string): void {
    this.pending = line;
    if (this.now() - this.start > 1000) this.flush();
  }

  done(): void {
    clearTimeout(this.timer);
    const ms = this.now() - this.start;
    if (ms > 1000) this.io.stderr(text.elapsed((ms / 1000).toFixed(1)) + '\n');
  }

  private flush(): void {
    if (this.pending !== null) this.io.stderr(this.pending + '\n');
    this.pending = null;
  }
}

/**
 * A run that writes workbooks collects garbage before the heap grows past twice what is live (the marked copy's peak
 * RSS; see memory.ts). A check alone keeps V8's own pace: on a 20,000-school county the gentle one cost it a second
 * full collection (≈ 10 ms of pause, and the marking beside it) and saved no memory worth having.
 */
function pacedForWriting(options: { out?: string; outDir?: string }): void {
  if (options.out !== undefined || options.outDir !== undefined) growHeapGently();
}

export async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === 'plan') return runPlan(argv.slice(1), io);
  if (argv[0] === 'forms') {
    growHeapGently();
    return runForms(argv.slice(1), io);
  }
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${usage}`);
    return EXIT_UNUSABLE;
  }
  const options = parsed.options;
  pacedForWriting(options);
  const profile = await loadProfile(options.profile);
  if (!profile.ok) {
    io.stderr(profile.message + '\n');
    return EXIT_UNUSABLE;
  }
  const inputs = await gatherInputs(options.inputs, options.out, io.stderr);
  if (inputs === null) return EXIT_UNUSABLE;
  const { files, emptyFolders, folders, identities } = inputs;

  const progress = new Progress(io, io.now ?? Date.now);
  let unusable = emptyFolders.length > 0;
  let notPassed = false;
  // A batch keeps one small line per file (or, for --json, prints each file as it is done): the workbook and the
  // evaluation are let go once the file's copy is written, so memory does not grow with the number of files.
  const single = files.length === 1;
  const jsonArray = options.json && !(single && folders === 0);
  let kept: KeptOutcome | null = null;
  const lines: FileLine[] = [];
  const problems: Unusable[] = [];
  const written: { file: string; out: string; kept: string[]; reports: string[] }[] = [];
  const taken = new Set<string>();
  for (const [i, file] of files.entries()) {
    progress.step(text.progressFile(i + 1, files.length, file));
    const outcome = await checkFile(file, profile.profile, options.sheet, (rows) =>
      progress.step(text.progressEvaluate(rows)),
    );
    if (outcome.ok) {
      // Under --strict only a pass is success: 无法判定 (a missing value) is not a pass.
      if (countyVerdictOf(outcome.evaluation).verdict !== 'pass') notPassed = true;
      await writeCopy(outcome);
    } else {
      unusable = true;
      problems.push(outcome);
    }
    if (options.json) {
      const json = JSON.stringify(outcome.ok ? toJson(outcome) : unusableToJson(outcome), null, 2);
      // Several files, or a folder, give an array, written item by item as JSON.stringify would lay it out.
      if (jsonArray) io.stdout((i === 0 ? '[\n' : ',\n') + json.replace(/^/gm, '  '));
      else {
        // Apart: joined, the line break would make the 24 MB text of 20,000 schools be copied once more.
        io.stdout(json);
        io.stdout('\n');
      }
    } else if (single) kept = withoutWorkbook(outcome);
    else lines.push(fileLine(outcome));
  }
  progress.done();

  async function writeCopy(outcome: Checked): Promise<void> {
    const file = outcome.file;
    const out =
      options.out ?? (options.outDir !== undefined ? outputPathIn(options.outDir, file, taken) : undefined);
    if (out === undefined) return;
    const refusal = await refuseOutput(out, identities);
    if (refusal !== null) {
      io.stderr(refusal + '\n');
      unusable = true;
      return;
    }
    progress.step(text.progressWrite(out));
    try {
      const reports = await writeMarkedCopy(outcome, out, reportDate(io));
      written.push({
        file,
        out,
        kept: [...reports.keptUserSheets, ...reports.keptEdited],
        reports: reports.written,
      });
    } catch (e) {
      io.stderr(messages.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? String(e)) + '\n');
      unusable = true;
    }
  }

  const explain = (o: Unusable) =>
    o.message + (options.verbose && o.detail ? '\n' + messages.detail(o.detail) : '') + '\n';
  if (options.json) {
    if (jsonArray) io.stdout('\n]\n');
    for (const o of problems) io.stderr(explain(o));
  } else if (kept !== null) {
    if (kept.ok) writeFileSummary(kept, io.stdout);
    else io.stderr(explain(kept));
  } else {
    io.stdout(manySummary(lines, profile.profile) + '\n');
    if (options.verbose) for (const o of problems) if (o.detail) io.stderr(explain(o));
  }
  const quoted = (names: string[]) => names.map((n) => `“${n}”`).join('、');
  const notices = written
    .map(
      (w) =>
        (single ? text.written(w.out) : text.writtenFrom(w.out, w.file)) +
        '\n' +
        (w.kept.length > 0 ? text.reportBeside(quoted(w.kept), quoted(w.reports)) + '\n' : ''),
    )
    .join('');
  if (notices) (options.json ? io.stderr : io.stdout)(notices);

  if (unusable) return EXIT_UNUSABLE;
  return options.strict && notPassed ? EXIT_COUNTY_FAILS : EXIT_OK;
}

/**
 * `balance plan …` (the arguments after `plan`): files and folders as `balance check` takes them, each planned and
 * summarised, with `--out`/`--out-dir` a copy of each with the 整改测算 sheet. Exit code 0 when every file was planned
 * (and its copy written), 2 when an input, the costs or an output could not be used.
 */
export async function runPlan(argv: string[], io: Io): Promise<number> {
  const parsed = parsePlanArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return EXIT_OK;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${planText.usage}`);
    return EXIT_UNUSABLE;
  }
  const options = parsed.options;
  pacedForWriting(options);
  const profile = await loadProfile(options.profile);
  if (!profile.ok) {
    io.stderr(profile.message + '\n');
    return EXIT_UNUSABLE;
  }
  // The costs file is read once; its prices are checked against each file's profile (auto may choose either).
  let costsJson: unknown;
  if (options.costs !== undefined) {
    const read = await readCostsJson(options.costs);
    if (!read.ok) {
      io.stderr(read.message + '\n');
      return EXIT_UNUSABLE;
    }
    costsJson = read.json;
  }
  const inputs = await gatherInputs(options.inputs, options.out, io.stderr);
  if (inputs === null) return EXIT_UNUSABLE;
  const { files, emptyFolders, folders, identities } = inputs;

  const single = files.length === 1 && folders === 0;
  let unusable = emptyFolders.length > 0;
  let planned = 0;
  let items = 0;
  const taken = new Set<string>();
  const explain = (o: Unusable) =>
    o.message + (options.verbose && o.detail ? '\n' + messages.detail(o.detail) : '') + '\n';
  const quoted = (names: string[]) => names.map((n) => `“${n}”`).join('、');
  for (const file of files) {
    const outcome = await checkFile(file, profile.profile, options.sheet);
    let costs: UnitCosts | undefined;
    if (costsJson !== undefined) {
      // An unusable file is reported as such; the costs are still checked (against 优质均衡) so a typo shows at once.
      const checked = costsOf(options.costs!, costsJson, outcome.ok ? outcome.profile : QUALITY_2017);
      if (!checked.ok) {
        io.stderr(checked.message + '\n');
        unusable = true;
        if (single) return EXIT_UNUSABLE;
        continue;
      }
      costs = checked.costs;
    }
    const item = (json: unknown) => {
      const text = JSON.stringify(json, null, 2);
      if (single) io.stdout(text + '\n');
      // Several files, or a folder, give an array, written item by item as JSON.stringify would lay it out.
      else io.stdout((items++ === 0 ? '[\n' : ',\n') + text.replace(/^/gm, '  '));
    };
    if (!outcome.ok) {
      unusable = true;
      if (options.json) item(unusableToJson(outcome));
      io.stderr(explain(outcome));
      continue;
    }
    const plan = planChecked(outcome, options, costs);
    planned++;
    if (options.json) item(planToJson(plan));
    else io.stdout(planSummary(plan) + '\n' + (single ? '' : '\n'));

    const out =
      options.out ??
      (options.outDir !== undefined ? outputPathIn(options.outDir, file, taken, PLAN_SUFFIX) : undefined);
    if (out === undefined) continue;
    const refusal = await refuseOutput(out, identities);
    if (refusal !== null) {
      io.stderr(refusal + '\n');
      unusable = true;
      continue;
    }
    try {
      const reports = await writePlanCopy(outcome, out, reportDate(io), {
        plan: stageOptions(options, costs),
      });
      const kept = [...reports.keptUserSheets, ...reports.keptEdited];
      (options.json ? io.stderr : io.stdout)(
        planText.written(out, file) +
          '\n' +
          (kept.length > 0 ? planText.sheetBeside(quoted(kept), quoted(reports.written)) + '\n' : ''),
      );
    } catch (e) {
      io.stderr(messages.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? String(e)) + '\n');
      unusable = true;
    }
  }
  if (options.json && !single) io.stdout(items === 0 ? '[]\n' : '\n]\n');
  if (!single && !options.json)
    io.stdout(planText.manyDone(files.length, planned, files.length - planned) + '\n');
  return unusable ? EXIT_UNUSABLE : EXIT_OK;
}

if (require.main === module) {
  // `balance check big.xlsx | head`: once the reader has gone, stop quietly instead of dying on EPIPE with a stack.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit();
    throw e;
  });
  run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not a data problem: say so plainly and keep the stack for the report.
      process.stderr.write(
        `程序内部错误，请把以下信息反馈给开发者：\n${e instanceof Error ? e.stack : String(e)}\n`,
      );
      process.exitCode = 70;
    },
  );
}
