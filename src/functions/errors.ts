/** Builds the Excel errors (#VALUE!, #DIV/0!, #N/A, #NUM!) the BALANCE.* functions throw or place in spilled cells. */

/** The error kinds the functions use, by their CustomFunctions.ErrorCode member names. */
export type FunctionErrorKind = 'invalidValue' | 'divisionByZero' | 'notAvailable' | 'invalidNumber';

/** What Excel reads from a thrown or returned error: its code (#VALUE!) and the message shown by the error flag. */
export interface FunctionError {
  code: string;
  message?: string;
}

const CODES: Readonly<Record<FunctionErrorKind, string>> = {
  invalidValue: '#VALUE!',
  divisionByZero: '#DIV/0!',
  notAvailable: '#N/A',
  invalidNumber: '#NUM!',
};

/**
 * Outside Excel (jest, the bench, Node) there is no CustomFunctions global; the functions then throw this, with the
 * same code and message, so they stay usable and testable.
 */
class HostlessFunctionError extends Error implements FunctionError {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionError';
  }
}

type Host = Pick<typeof CustomFunctions, 'Error' | 'ErrorCode'>;

function host(): Host | undefined {
  const candidate = (globalThis as { CustomFunctions?: Partial<Host> }).CustomFunctions;
  return candidate?.Error && candidate.ErrorCode ? (candidate as Host) : undefined;
}

/**
 * An Excel error with a Chinese message: `new CustomFunctions.Error(code, message)` when the runtime is there.
 * Excel shows custom messages for #VALUE! and #N/A; for #DIV/0! it shows its own text (the message is still kept).
 */
export function functionError(kind: FunctionErrorKind, message: string): FunctionError {
  const runtime = host();
  if (runtime) return new runtime.Error(runtime.ErrorCode[kind], message);
  return new HostlessFunctionError(CODES[kind], message);
}

/** True for an error value Excel handed over inside a range (a CustomFunctions.Error, or our own). */
export function isFunctionError(value: unknown): value is FunctionError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FunctionError).code === 'string' &&
    (value as FunctionError).code.startsWith('#')
  );
}
