/** ExcelOperationError: every failure of an Excel call, surfaced (never swallowed) as a HostProblemError. */
import { HostProblemError, type HostOperation, type HostProblem, type OfficeErrorCode } from '../port';

/** The Office.js error codes users actually meet (explained in plain language by the pane's host texts). */
const OFFICE_CODES: ReadonlySet<string> = new Set<OfficeErrorCode>([
  'AccessDenied',
  'ActivityLimitReached',
  'ApiNotFound',
  'GeneralException',
  'InsertDeleteConflict',
  'InvalidArgument',
  'InvalidOperation',
  'InvalidOperationInCellEditMode',
  'ItemAlreadyExists',
  'ItemNotFound',
  'NotImplemented',
  'RequestPayloadSizeLimitExceeded',
  'UnsupportedOperation',
]);

/** An Excel call failed; `operation` says what the add-in was doing, `cause` keeps the original error. */
export class ExcelOperationError extends HostProblemError {
  override readonly name = 'ExcelOperationError';
  /** Office.js error code when there is one, e.g. 'AccessDenied'. */
  readonly code?: string;

  constructor(
    readonly operation: HostOperation,
    cause: unknown,
  ) {
    super(problemOf(operation, cause), cause);
    this.code = errorCode(cause);
  }
}

function problemOf(operation: HostOperation, cause: unknown): HostProblem {
  // A fault the host code found itself (no workbook, a sheet of ours taken…): the operation is added.
  if (cause instanceof HostProblemError) return { ...cause.problem, operation };
  const code = errorCode(cause);
  if (code && OFFICE_CODES.has(code)) return { operation, code: code as OfficeErrorCode, hostCode: code };
  return { operation, code: 'other', detail: errorMessage(cause), hostCode: code };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error)
    return String((error as { message: unknown }).message);
  return typeof error === 'string' ? error : '';
}

/** Runs an Excel operation; any failure comes out as ExcelOperationError naming the operation. */
export async function excelOperation<T>(operation: HostOperation, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ExcelOperationError) throw error;
    throw new ExcelOperationError(operation, error);
  }
}
