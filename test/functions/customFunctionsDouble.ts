// Test double of the CustomFunctions global Excel provides, and a helper that reads the error a function throws.

/** What the double's Error records: the Excel code and the Chinese message. */
export interface RecordedError {
  code: string;
  message?: string;
}

class DoubleError implements RecordedError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** Installs `globalThis.CustomFunctions` with an Error class that records its arguments; returns the uninstaller. */
export function installCustomFunctionsDouble(): () => void {
  const g = globalThis as { CustomFunctions?: unknown };
  const previous = g.CustomFunctions;
  g.CustomFunctions = { Error: DoubleError, ErrorCode: ERROR_CODES };
  return () => {
    g.CustomFunctions = previous;
  };
}

/** True when the value was made by the double (i.e. by `new CustomFunctions.Error`). */
export function isDoubleError(value: unknown): value is RecordedError {
  return value instanceof DoubleError;
}

/** The error `call` throws, as made through the CustomFunctions double; fails the test when nothing or else is thrown. */
export function thrownBy(call: () => unknown): RecordedError {
  try {
    call();
  } catch (error) {
    if (!isDoubleError(error)) throw new Error(`expected a CustomFunctions.Error, got ${String(error)}`);
    return { code: error.code, message: error.message };
  }
  throw new Error('expected the function to throw a CustomFunctions.Error, but it returned');
}
