/** Parses the `balance` command line into options, with Chinese messages for mistakes. */
import { messages, usage } from './strings.zh-CN';

export interface CheckOptions {
  inputs: string[];
  sheet?: string;
  /** Built-in profile id or a .json file; DEFAULT quality-2017. */
  profile: string;
  out?: string;
  outDir?: string;
  json: boolean;
  strict: boolean;
  /** Also show the library's raw words when a file cannot be read. */
  verbose: boolean;
}

export type ParsedArgs =
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const VALUE_OPTIONS = ['--sheet', '--profile', '--out', '--out-dir'] as const;
const FLAGS = ['--json', '--strict', '--verbose'] as const;

/** A subcommand's arguments sorted into inputs, flags given and option values, or a request for help, or a mistake. */
export type ScannedArgs<V extends string, F extends string> =
  | { kind: 'scanned'; inputs: string[]; flags: Set<F>; values: Partial<Record<V, string>> }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Sorts a subcommand's arguments: `--name value` and `--name=value` options, flags, `--` ending the options. */
export function scanArgs<V extends string, F extends string>(
  argv: string[],
  valueOptions: readonly V[],
  flags: readonly F[],
): ScannedArgs<V, F> {
  const inputs: string[] = [];
  const given = new Set<F>();
  const values: Partial<Record<V, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if ((flags as readonly string[]).includes(arg)) given.add(arg as F);
    else if (arg === '--') {
      inputs.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq < 0 ? arg : arg.slice(0, eq)) as V;
      if (!valueOptions.includes(name)) return { kind: 'error', message: messages.unknownOption(arg) };
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { kind: 'error', message: messages.missingValue(name) };
      values[name] = value;
    } else if (arg.startsWith('-') && arg !== '-')
      return { kind: 'error', message: messages.unknownOption(arg) };
    else inputs.push(arg);
  }
  return { kind: 'scanned', inputs, flags: given, values };
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help', text: usage };
  }
  if (command !== 'check') return { kind: 'error', message: messages.unknownCommand(command) };

  const scanned = scanArgs(rest, VALUE_OPTIONS, FLAGS);
  if (scanned.kind === 'help') return { kind: 'help', text: usage };
  if (scanned.kind === 'error') return scanned;
  const { inputs, flags, values } = scanned;
  if (inputs.length === 0) return { kind: 'error', message: messages.noInput };
  if (values['--out'] !== undefined && values['--out-dir'] !== undefined) {
    return { kind: 'error', message: messages.outAndOutDir };
  }
  if (values['--out'] !== undefined && !/\.xlsx$/i.test(values['--out'])) {
    return { kind: 'error', message: messages.outNotXlsx(values['--out']) };
  }
  const options: CheckOptions = {
    inputs,
    profile: values['--profile'] ?? 'auto',
    json: flags.has('--json'),
    strict: flags.has('--strict'),
    verbose: flags.has('--verbose'),
  };
  options.sheet = values['--sheet'];
  options.out = values['--out'];
  options.outDir = values['--out-dir'];
  return { kind: 'check', options };
}
