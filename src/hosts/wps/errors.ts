/** WpsOperationError: every failure of a WPS object-model call, surfaced with a Chinese message naming the operation. */

/** A WPS call failed; `operation` says what the add-in was doing, `cause` keeps the original error. */
export class WpsOperationError extends Error {
  override readonly name = 'WpsOperationError';

  constructor(
    readonly operation: string,
    readonly cause: unknown,
  ) {
    super(`${operation}失败：${detailOf(cause) || '未知错误'}`);
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
 * as WpsOperationError naming the operation in Chinese.
 */
export function wpsOperation<T>(operation: string, run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(
      error instanceof WpsOperationError ? error : new WpsOperationError(operation, error),
    );
  }
}
