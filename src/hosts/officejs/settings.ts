/** Add-in settings kept inside the workbook (Office.context.document.settings), so the pane remembers its choices per file. */
import { ExcelOperationError } from './errors';
import { HostProblemError } from '../port';

/** The part of Office.Settings used here; tests and the in-browser fake host pass their own. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown; error?: unknown }) => void): void;
}

/** The workbook's settings, or null outside a document (e.g. the page opened without Office). */
function documentSettings(): DocumentSettings | null {
  const office = (globalThis as { Office?: { context?: { document?: { settings?: DocumentSettings } } } })
    .Office;
  return office?.context?.document?.settings ?? null;
}

/**
 * The value stored under `name`, or null when there is none. Office.js hands back a copy of what was saved
 * (settings travel as JSON), so callers must validate it: the workbook may have been saved by an older version.
 */
export async function loadSettings(name: string, settings = documentSettings()): Promise<unknown> {
  if (!settings) return null;
  try {
    return settings.get(name) ?? null;
  } catch (error) {
    throw new ExcelOperationError('loadSettings', error);
  }
}

/**
 * Stores `value` (JSON-serialisable) under `name` and saves the settings into the document. Without saveAsync the
 * value would be lost when the workbook closes; a failed save rejects with ExcelOperationError, never silently.
 */
export function saveSettings(name: string, value: unknown, settings = documentSettings()): Promise<void> {
  const operation = 'saveSettings';
  if (!settings)
    return Promise.reject(new ExcelOperationError(operation, new HostProblemError({ code: 'noWorkbook' })));
  return new Promise<void>((resolve, reject) => {
    try {
      settings.set(name, value);
      settings.saveAsync((result) => {
        // Office.AsyncResultStatus.Failed is the string 'failed' at run time (the typings declare a numeric enum).
        if (String(result.status).toLowerCase() === 'failed') {
          reject(
            new ExcelOperationError(operation, result.error ?? new HostProblemError({ code: 'saveFailed' })),
          );
        } else {
          resolve();
        }
      });
    } catch (error) {
      reject(new ExcelOperationError(operation, error));
    }
  });
}
