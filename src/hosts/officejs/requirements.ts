/** Requirement-set checks, injectable so tests and the in-browser fake host can say what the "host" supports. */

/** `Office.context.requirements.isSetSupported` or a stand-in with the same shape. */
export type SetSupport = (name: string, minVersion: string) => boolean;

/**
 * Whether the host supports ExcelApi `version`. Without an injected check the real Office object decides;
 * with no Office object at all (a fake host) everything is taken as supported, since the fake implements it.
 */
export function supportsExcelApi(version: string, check?: SetSupport): boolean {
  if (check) return check('ExcelApi', version);
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: SetSupport } } } })
    .Office;
  const isSetSupported = office?.context?.requirements?.isSetSupported;
  return isSetSupported ? isSetSupported('ExcelApi', version) : true;
}
