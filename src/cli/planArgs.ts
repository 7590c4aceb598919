/** Parses the arguments of `balance plan` into options, with Chinese messages for mistakes. */
import type { SchoolFloors } from '../engine';
import { scanArgs } from './args';
import { messages, planText } from './strings.zh-CN';

export interface PlanOptions {
  /** Files and folders, as `balance check` takes them. */
  inputs: string[];
  /** A copy of the one input with the 整改测算 sheet added. */
  out?: string;
  /** A copy of each input with the 整改测算 sheet added, named `<name>-整改测算.xlsx`. */
  outDir?: string;
  sheet?: string;
  profile: string;
  target?: number;
  margin?: number;
  floors: SchoolFloors;
  costs?: string;
  json: boolean;
  /** Also show the library's raw words when the file cannot be read. */
  verbose: boolean;
}

export type ParsedPlanArgs =
  | { kind: 'plan'; options: PlanOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

const VALUE_OPTIONS = [
  '--sheet',
  '--profile',
  '--target',
  '--margin',
  '--floors',
  '--costs',
  '--out',
  '--out-dir',
] as const;
const FLAGS = ['--json', '--verbose'] as const;

/** A number as typed (half- or full-width digits, no unit); NaN when it is not one. */
function parseNumber(text: string): number {
  const t = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return /^[+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** Parses the arguments after `plan`. */
export function parsePlanArgs(argv: string[]): ParsedPlanArgs {
  const scanned = scanArgs(argv, VALUE_OPTIONS, FLAGS);
  if (scanned.kind === 'help') return { kind: 'help', text: planText.usage };
  if (scanned.kind === 'error') return scanned;
  const { inputs, flags, values } = scanned;
  if (inputs.length === 0) return { kind: 'error', message: planText.noInput };
  if (values['--out'] !== undefined && values['--out-dir'] !== undefined)
    return { kind: 'error', message: messages.outAndOutDir };
  if (values['--out'] !== undefined && !/\.xlsx$/i.test(values['--out']))
    return { kind: 'error', message: messages.outNotXlsx(values['--out']) };
  const options: PlanOptions = {
    inputs,
    profile: values['--profile'] ?? 'auto',
    floors: 'standard',
    json: flags.has('--json'),
    verbose: flags.has('--verbose'),
  };
  if (values['--sheet'] !== undefined) options.sheet = values['--sheet'];
  if (values['--costs'] !== undefined) options.costs = values['--costs'];
  if (values['--out'] !== undefined) options.out = values['--out'];
  if (values['--out-dir'] !== undefined) options.outDir = values['--out-dir'];
  const target = values['--target'];
  if (target !== undefined) {
    const t = parseNumber(target);
    if (!(t >= 0)) return { kind: 'error', message: planText.badTarget(target) };
    options.target = t;
  }
  const margin = values['--margin'];
  if (margin !== undefined) {
    const m = parseNumber(margin);
    if (!(m > 0)) return { kind: 'error', message: planText.badMargin(margin) };
    options.margin = m;
  }
  const floors = values['--floors'];
  if (floors !== undefined) {
    if (floors !== 'standard' && floors !== 'rule')
      return { kind: 'error', message: planText.badFloors(floors) };
    options.floors = floors;
  }
  return { kind: 'plan', options };
}
