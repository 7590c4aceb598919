/** Parses the `balance` command line into options, with Chinese messages for mistakes. */
import { messages, usage } from './strings.zh-CN';

export interface CheckOptions {
  inputs: string[];
  sheet?: string;
  /** 'auto' (DEFAULT: chosen per file from its columns), a built-in profile id, or a .json file. */
  profile: string;
  out?: string;
  outDir?: string;
  json: boolean;
  strict: boolean;
}

export type ParsedArgs =
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const VALUE_OPTIONS = ['--sheet', '--profile', '--out', '--out-dir'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    return { kind: 'help', text: usage };
  }
  if (command !== 'check') return { kind: 'error', message: messages.unknownCommand(command) };

  const options: CheckOptions = { inputs: [], profile: 'auto', json: false, strict: false };
  const values: Partial<Record<ValueOption, string>> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help', text: usage };
    if (arg === '--json') options.json = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--') {
      options.inputs.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = (eq < 0 ? arg : arg.slice(0, eq)) as ValueOption;
      if (!VALUE_OPTIONS.includes(name)) return { kind: 'error', message: messages.unknownOption(arg) };
      const value = eq < 0 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { kind: 'error', message: messages.missingValue(name) };
      values[name] = value;
    } else if (arg.startsWith('-') && arg !== '-')
      return { kind: 'error', message: messages.unknownOption(arg) };
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) return { kind: 'error', message: messages.noInput };
  if (values['--out'] !== undefined && values['--out-dir'] !== undefined) {
    return { kind: 'error', message: messages.outAndOutDir };
  }
  if (values['--out'] !== undefined && !/\.xlsx$/i.test(values['--out'])) {
    return { kind: 'error', message: messages.outNotXlsx(values['--out']) };
  }
  options.sheet = values['--sheet'];
  options.profile = values['--profile'] ?? options.profile;
  options.out = values['--out'];
  options.outDir = values['--out-dir'];
  return { kind: 'check', options };
}
