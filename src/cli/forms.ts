/** `balance forms`: the 申报表 tables alone, one new workbook per county, written atomically beside no input. */
import { formsFor } from '../engine';
import { workbookOf } from '../hosts/xlsx/write/newWorkbook';
import { scanArgs } from './args';
import { checkFile, FORMS_SUFFIX, gatherInputs, loadProfile, outputPathIn } from './check';
import { refuseOutput, writeAtomically } from './output';
import { formsText, messages } from './strings.zh-CN';

export interface FormsOptions {
  inputs: string[];
  sheet?: string;
  profile: string;
  outDir: string;
  verbose: boolean;
}

export type ParsedFormsArgs =
  | { kind: 'forms'; options: FormsOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const VALUE_OPTIONS = ['--sheet', '--profile', '--out-dir'] as const;
const FLAGS = ['--verbose'] as const;

/** The arguments after `forms`. */
export function parseFormsArgs(argv: string[]): ParsedFormsArgs {
  const scanned = scanArgs(argv, VALUE_OPTIONS, FLAGS);
  if (scanned.kind === 'help') return { kind: 'help', text: formsText.usage };
  if (scanned.kind === 'error') return scanned;
  const { inputs, flags, values } = scanned;
  if (inputs.length === 0) return { kind: 'error', message: formsText.noInput };
  const outDir = values['--out-dir'];
  if (outDir === undefined) return { kind: 'error', message: formsText.noOutDir };
  return {
    kind: 'forms',
    options: {
      inputs,
      sheet: values['--sheet'],
      profile: values['--profile'] ?? 'auto',
      outDir,
      verbose: flags.has('--verbose'),
    },
  };
}

export interface FormsIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Exit code 0 when every file's tables were written, 2 when an input or an output could not be used. */
export async function runForms(argv: string[], io: FormsIo): Promise<number> {
  const parsed = parseFormsArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(parsed.text);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.stderr(`${parsed.message}\n\n${formsText.usage}`);
    return 2;
  }
  const options = parsed.options;
  const profile = await loadProfile(options.profile);
  if (!profile.ok) {
    io.stderr(profile.message + '\n');
    return 2;
  }
  const inputs = await gatherInputs(options.inputs, undefined, io.stderr);
  if (inputs === null) return 2;
  const { files, emptyFolders, identities } = inputs;
  let failed = emptyFolders.length > 0;
  const taken = new Set<string>();
  for (const file of files) {
    const outcome = await checkFile(file, profile.profile, options.sheet);
    if (!outcome.ok) {
      io.stderr(
        outcome.message +
          (options.verbose && outcome.detail ? '\n' + messages.detail(outcome.detail) : '') +
          '\n',
      );
      failed = true;
      continue;
    }
    const plans = formsFor(outcome);
    const out = outputPathIn(options.outDir, file, taken, FORMS_SUFFIX);
    const refusal = await refuseOutput(out, identities);
    if (refusal !== null) {
      io.stderr(refusal + '\n');
      failed = true;
      continue;
    }
    try {
      await writeAtomically(out, async () => workbookOf(plans));
      io.stdout(
        formsText.written(
          out,
          file,
          plans.map((p) => p.sheetName),
        ) + '\n',
      );
    } catch (e) {
      io.stderr(messages.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? String(e)) + '\n');
      failed = true;
    }
  }
  return failed ? 2 : 0;
}
