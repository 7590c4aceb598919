/** What `balance check` does to one file: read it, evaluate it with the shared engine, and optionally save a marked copy. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  AUTO_PROFILE,
  chooseProfile,
  evaluate,
  getProfile,
  highlightsFor,
  mergeIssues,
  parseProfile,
  type Profile,
  readTable,
  reportsFor,
  resourceUnits,
  type SheetCheck,
} from '../engine';
import { markedCopy } from '../hosts/xlsx/write/markedCopy';
import { messages } from './strings.zh-CN';
import {
  chooseSheet,
  loadWorkbook,
  unusable,
  type InputProblem,
  type Opened,
  type Workbook,
} from '../hosts/xlsx/workbook';

/** A file that was read and evaluated. */
export interface Checked extends SheetCheck {
  ok: true;
  file: string;
  workbook: Workbook;
  /** With --profile auto: why this profile was chosen (zh-CN), naming what each regime lacks. */
  profileChoice?: string;
}

/** A profile, or 'auto': chosen per file from its recognised columns. */
export type ProfileSpec = Profile | typeof AUTO_PROFILE;

/** A file that could not be evaluated, with the Chinese reason (exit code 2). */
export interface Unusable {
  ok: false;
  file: string;
  problem: InputProblem | 'missingColumn';
  message: string;
}

export type FileOutcome = Checked | Unusable;

/** The suffix of marked copies written with --out-dir; such files are never taken as input again. */
export const OUTPUT_SUFFIX = '-评估结果.xlsx';

/** Reads the file and opens it as a workbook; a file that cannot be read says why in Chinese. */
export async function openWorkbook(file: string): Promise<Opened> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return unusable('missingFile', messages.missingFile(file));
    return unusable('missingFile', messages.unreadableFile(file, code ?? String(e)));
  }
  return loadWorkbook(bytes, file);
}

export async function checkFile(
  file: string,
  spec: ProfileSpec,
  sheet?: string,
  onEvaluate?: (rows: number) => void,
): Promise<FileOutcome> {
  const opened = await openWorkbook(file);
  if (!opened.ok) return { ...opened, file };
  const chosen = chooseSheet(file, opened.workbook, sheet);
  if (!chosen.ok) return { ...chosen, file };

  // Both built-in regimes read dashes as none, so auto reads them so too; a custom profile says how.
  const table = readTable(chosen.grid, { dashes: spec === AUTO_PROFILE ? 'none' : spec.dashes });
  // Without a table or a required column nothing can be computed: that is unusable input, not a result.
  const fatal = table.issues.filter((i) => i.code === 'noTable' || i.code === 'missingColumn');
  if (table.header === null || fatal.length > 0) {
    return {
      ok: false,
      file,
      problem: table.header === null ? 'noTable' : 'missingColumn',
      message: messages.cannotEvaluate(
        file,
        fatal.map((i) => i.message),
      ),
    };
  }
  onEvaluate?.(table.rows.length);
  const choice = spec === AUTO_PROFILE ? chooseProfile(Object.keys(table.mapping)) : null;
  const profile = choice?.profile ?? (spec as Profile);
  const evaluation = evaluate(table.rows, profile, { units: resourceUnits(table.mapping) });
  const checked: Checked = {
    ok: true,
    file,
    sheet: chosen.worksheet.name,
    profile,
    table,
    evaluation,
    issues: mergeIssues(table.issues, evaluation.issues),
    workbook: opened.workbook,
  };
  if (choice) checked.profileChoice = choice.explanation;
  return checked;
}

/**
 * Writes a copy of the workbook with the evaluated sheet shaded and annotated and the report and 整改测算 sheets added — the
 * same plans the task pane paints. The input file is only ever read.
 */
export async function writeMarkedCopy(checked: Checked, out: string, date: Date): Promise<void> {
  const bytes = markedCopy(checked.workbook, highlightsFor(checked), reportsFor(checked, date));
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await fs.writeFile(out, bytes);
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
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, message: messages.profileNotJson(spec, (e as Error).message) };
  }
  const parsed = parseProfile(json);
  return parsed.ok ? parsed : { ok: false, message: messages.profileInvalid(spec, parsed.errors) };
}

/**
 * The files named on the command line: folders give their .xlsx files (not Excel's ~$ lock files nor our own
 * marked copies), sorted; a path that does not exist is kept so that reading it reports it.
 */
export async function expandInputs(
  inputs: string[],
): Promise<{ files: string[]; emptyFolders: string[]; folders: number }> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  let folders = 0;
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat?.isDirectory()) {
      files.push(input);
      continue;
    }
    folders++;
    const names = (await fs.readdir(input))
      .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.endsWith(OUTPUT_SUFFIX))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
    if (names.length === 0) emptyFolders.push(input);
    files.push(...names.map((n) => path.join(input, n)));
  }
  return { files, emptyFolders, folders };
}

/** Where --out-dir puts a file's marked copy. */
export function outputPathIn(dir: string, file: string): string {
  return path.join(dir, path.basename(file).replace(/\.xlsx$/i, '') + OUTPUT_SUFFIX);
}
