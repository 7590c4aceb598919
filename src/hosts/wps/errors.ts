/** WpsOperationError: every failure of a WPS object-model call, surfaced as a HostProblemError naming the operation. */
import { HostProblemError, type HostOperation } from '../port';

/** A WPS call failed; `operation` says what the add-in was doing, `cause` keeps the original error. */
export class WpsOperationError extends HostProblemError {
  override readonly name = 'WpsOperationError';

  constructor(
    readonly operation: HostOperation,
    cause: unknown,
  ) {
    super(
      cause instanceof HostProblemError
        ? { ...cause.problem, operation }
        : { operation, code: 'other', detail: detailOf(cause) },
      cause,
    );
  }
}

function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return typeof error === 'string' ? error : '';
}

/**
 * Runs a synchronous WPS operation as a promise (the seam is asynchronous because Office.js is); any failure comes out
 * as WpsOperationError naming the operation.
 */
export function wpsOperation<T>(operation: HostOperation, run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(
      error instanceof WpsOperationError ? error : new WpsOperationError(operation, error),
    );
  }
}
