/** What `balance check` does to one file: read it, evaluate it with the shared engine, and optionally save a marked copy. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  AUTO_PROFILE,
  findJsonSyntaxError,
  getProfile,
  jsonSyntaxMessageZh,
  highlightsFor,
  keepVerdictParts,
  parseProfile,
  type HighlightPlan,
  remediationFor,
  type ReportOptions,
  type ReportOutcome,
  type ReportPlan,
  reportSheetsOf,
  sheetsFor,
  type SheetCheck,
} from '../engine';
import { checkWorkbookSheet, type ProfileSpec } from '../hosts/xlsx/checkSheet';
import { markedCopyOf } from '../hosts/xlsx/write/markedCopy';
import { messages } from './strings.zh-CN';
import {
  loadWorkbook,
  type InputProblem,
  type Opened,
  type OutsideCell,
  type Workbook,
} from '../hosts/xlsx/workbook';
import { foldName, identityOf, readInput, writeAtomically, type FileIdentity } from './output';

/** A file that was read and evaluated: what the summary and the JSON need, without the workbook. */
export interface Evaluated extends SheetCheck {
  ok: true;
  file: string;
  /** With --profile auto: why this profile was chosen (zh-CN), naming what each regime lacks. */
  profileChoice?: string;
  /** Cells with values far from the table (a "制表人" line at B1048576): not read as data, named in the summary. */
  outside?: OutsideCell[];
}

/** An evaluated file with its workbook still loaded, to write a marked copy from. */
export interface Checked extends Evaluated {
  workbook: Workbook;
}

export type { ProfileSpec };

/** A file that could not be evaluated, with the Chinese reason (exit code 2). */
export interface Unusable {
  ok: false;
  file: string;
  problem: InputProblem | 'missingColumn' | 'notAFile' | 'tooLarge';
  message: string;
  /** The library's own words, shown only with --verbose. */
  detail?: string;
}

export type FileOutcome = Checked | Unusable;
/** What a batch keeps of each file once its copy is written. */
export type KeptOutcome = Evaluated | Unusable;

/** The summary's part of an outcome: the workbook is let go so that a batch holds one at a time. */
export function withoutWorkbook(o: FileOutcome): KeptOutcome {
  if (!o.ok) return o;
  const kept: Evaluated & { workbook?: Workbook } = { ...o };
  delete kept.workbook;
  return kept;
}

/** The suffix of marked copies written with --out-dir; such files are never taken as input again. */
export const OUTPUT_SUFFIX = '-评估结果.xlsx';
/** The suffix of the workbooks `balance forms` writes (the 申报表 tables alone); never taken as input either. */
export const FORMS_SUFFIX = '-申报表.xlsx';
/** The suffix of the copies `balance plan --out-dir` writes (the input with the 整改测算 sheet); not taken as input. */
export const PLAN_SUFFIX = '-整改测算.xlsx';

/**
 * Reads the file and opens it as a workbook; a file that cannot be read says why in Chinese. Only regular files under
 * the size cap are read (a FIFO or a link to a device is refused before any byte is read).
 */
export async function openWorkbook(file: string): Promise<Opened | Omit<Unusable, 'file'>> {
  const input = await readInput(file);
  if (!input.ok) return input;
  return loadWorkbook(input.bytes, file);
}

export async function checkFile(
  file: string,
  spec: ProfileSpec,
  sheet?: string,
  onEvaluate?: (rows: number) => void,
): Promise<FileOutcome> {
  const opened = await openWorkbook(file);
  if (!opened.ok) return { ...opened, file };
  const checked = checkWorkbookSheet(opened.workbook, file, spec, { sheet, onEvaluate });
  if (!checked.ok) {
    // Without a table or a required column nothing can be computed: that is unusable input, not a result.
    if (!('fatal' in checked)) return { ...checked, file };
    const reasons = checked.fatal.map((i) => i.message);
    return { ok: false, file, problem: checked.problem, message: messages.cannotEvaluate(file, reasons) };
  }
  const result: Checked = {
    ok: true,
    file,
    sheet: checked.sheet,
    profile: checked.profile,
    table: checked.table,
    evaluation: checked.evaluation,
    issues: checked.issues,
    caption: checked.caption,
    workbook: opened.workbook,
  };
  if (checked.profileChoice !== undefined) result.profileChoice = checked.profileChoice;
  if (checked.outside.length > 0) result.outside = checked.outside;
  return result;
}

/**
 * Writes a copy of the workbook with the evaluated sheet shaded and annotated and the report, 整改测算 and 申报表 sheets
 * added — the same plans the task pane paints. The input file is only ever read. A sheet of the input with a report's
 * name that is not Balance's untouched report (a school-data sheet called 整改测算, say) is kept and the report written
 * beside it.
 */
export async function writeMarkedCopy(checked: Checked, out: string, date: Date): Promise<ReportOutcome> {
  // The shading plan and each report sheet's plan are made when the writer needs them and let go once written; the
  // verdicts' parts they read are built for each reader and not kept (≈ 67 MB for 20,000 schools; issue 13).
  const schools = checked.evaluation.schools;
  keepVerdictParts(schools, false);
  try {
    const { bytes, reports } = markedCopyOf(
      checked.workbook,
      () => highlightsFor(checked),
      lazySheets(checked, date),
    );
    await writeAtomically(out, async () => bytes);
    return reports;
  } finally {
    keepVerdictParts(schools, true);
  }
}

/**
 * Writes a copy of the workbook with only the 整改测算 sheet added, planned with `options` (the input is only read; no
 * cell of it is shaded). A sheet of the input called 整改测算 that is not Balance's untouched one is kept.
 */
export async function writePlanCopy(
  checked: Checked,
  out: string,
  date: Date,
  options: ReportOptions,
): Promise<ReportOutcome> {
  const none: HighlightPlan = { sheet: checked.sheet, marks: [] };
  const { bytes, reports } = markedCopyOf(checked.workbook, none, [remediationFor(checked, date, options)]);
  await writeAtomically(out, async () => bytes);
  return reports;
}

/** The sheets sheetsFor gives, planned one at a time as the writer asks for them (a 20,000-school plan is big). */
function* lazySheets(checked: Checked, date: Date): Generator<ReportPlan> {
  for (const id of reportSheetsOf(checked.profile)) yield* sheetsFor(checked, date, [id]);
}

/**
 * JSON text a user wrote (a BOM allowed), or where it breaks in Chinese, with line and column: the runtime's own
 * messages are English.
 */
export function parseJsonZh(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    const error = findJsonSyntaxError(body);
    return { ok: false, reason: error ? jsonSyntaxMessageZh(error) : 'JSON 格式错误：无法解析' };
  }
}

export type ProfileResult = { ok: true; profile: ProfileSpec } | { ok: false; message: string };

/** --profile: auto (DEFAULT: chosen per file from its columns), a built-in id, or a JSON file validated by the engine. */
export async function loadProfile(spec: string): Promise<ProfileResult> {
  if (spec === AUTO_PROFILE) return { ok: true, profile: AUTO_PROFILE };
  const builtIn = getProfile(spec);
  if (builtIn) return { ok: true, profile: builtIn };
  if (!/\.json$/i.test(spec)) return { ok: false, message: messages.unknownProfile(spec) };
  let text: string;
  try {
    text = await fs.readFile(spec, 'utf8');
  } catch (e) {
    return {
      ok: false,
      message: messages.profileFileUnreadable(spec, (e as NodeJS.ErrnoException).code ?? String(e)),
    };
  }
  const json = parseJsonZh(text);
  if (!json.ok) return { ok: false, message: messages.profileNotJson(spec, json.reason) };
  const parsed = parseProfile(json.value);
  return parsed.ok ? parsed : { ok: false, message: messages.profileInvalid(spec, parsed.errors) };
}

/** A file given twice (or by two names: a link, another case) is checked once. */
export interface SameInput {
  file: string;
  first: string;
}

export type Inputs = Awaited<ReturnType<typeof expandInputs>>;

/**
 * The inputs of a command, with empty folders and repeated files reported on `warn`; null when there is nothing to
 * do: no file at all, or `--out` (one output path) given for several files.
 */
export async function gatherInputs(
  inputs: string[],
  out: string | undefined,
  warn: (line: string) => void,
): Promise<Inputs | null> {
  const expanded = await expandInputs(inputs);
  for (const dir of expanded.emptyFolders) warn(messages.emptyFolder(dir) + '\n');
  for (const r of expanded.repeated) warn(messages.sameInput(r.file, r.first) + '\n');
  if (expanded.files.length === 0) return null;
  if (out !== undefined && expanded.files.length > 1) {
    warn(messages.outNeedsOneFile(expanded.files.length) + '\n');
    return null;
  }
  return expanded;
}

/**
 * The files named on the command line: folders give their .xlsx files (not Excel's ~$ lock files nor our own
 * marked copies), sorted; a path that does not exist is kept so that reading it reports it. The same file reached
 * twice is kept once; `identities` are every input's, for keeping outputs off them.
 */
export async function expandInputs(inputs: string[]): Promise<{
  files: string[];
  emptyFolders: string[];
  folders: number;
  repeated: SameInput[];
  identities: FileIdentity[];
}> {
  const listed: string[] = [];
  const emptyFolders: string[] = [];
  let folders = 0;
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      listed.push(input);
      continue;
    }
    folders++;
    const names = (await fs.readdir(input))
      .filter(
        (n) =>
          /\.xlsx$/i.test(n) &&
          !n.startsWith('~$') &&
          !n.endsWith(OUTPUT_SUFFIX) &&
          !n.endsWith(FORMS_SUFFIX) &&
          !n.endsWith(PLAN_SUFFIX),
      )
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
    if (names.length === 0) emptyFolders.push(input);
    listed.push(...names.map((n) => path.join(input, n)));
  }
  const files: string[] = [];
  const repeated: SameInput[] = [];
  const identities: FileIdentity[] = [];
  const seen = new Map<string, string>();
  for (const file of listed) {
    const id = await identityOf(file);
    if (id === null) {
      files.push(file);
      continue;
    }
    const key = `${id.dev}:${id.ino}`;
    const first = seen.get(key);
    if (first !== undefined) {
      repeated.push({ file, first });
      continue;
    }
    seen.set(key, file);
    identities.push(id);
    files.push(file);
  }
  return { files, emptyFolders, folders, repeated, identities };
}

/**
 * Where --out-dir puts a file's marked copy; a name already given to another copy in this run (same-named files
 * from different folders) gets " (2)", " (3)", … before .xlsx.
 */
export function outputPathIn(
  dir: string,
  file: string,
  taken: Set<string> = new Set(),
  suffix: string = OUTPUT_SUFFIX,
): string {
  const stem = path.basename(file).replace(/\.xlsx$/i, '') + suffix.replace(/\.xlsx$/, '');
  for (let n = 1; ; n++) {
    const out = path.join(dir, `${stem}${n === 1 ? '' : ` (${n})`}.xlsx`);
    const key = foldName(path.resolve(out));
    if (!taken.has(key)) {
      taken.add(key);
      return out;
    }
  }
}
