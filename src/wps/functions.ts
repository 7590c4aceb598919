// Registers the BALANCE.* functions with WPS (12.1.0.20540+): the same functions as in Excel, called synchronously.
import * as functions from '../functions/functions';
import type { WpsGlobal } from '../hosts/wps';

export const NAMESPACE = 'BALANCE';

/**
 * Parameters that take a range (dimensionality "matrix" in functions.json): WPS hands a one-cell reference over as the
 * bare value, Excel as [[value]], and the functions expect the latter. test/wps/dist.test.ts checks this table
 * against the generated metadata, so it cannot drift.
 */
export const RANGE_PARAMETERS: Readonly<Record<string, readonly number[]>> = {
  COEF: [0, 1],
  COEFRAW: [0, 1],
  MEAN: [0, 1],
  PLAN: [0, 1],
  SCHOOLPASS: [0],
  COMPOSITE: [0],
  DIFFRATE: [0],
  REPORT: [0],
};

type Fn = (...args: unknown[]) => unknown;

/** The function as WPS calls it: one-cell ranges made 2-D, missing optional arguments as undefined. */
export function wpsFunction(name: string, fn: Fn): Fn {
  const ranges = RANGE_PARAMETERS[name] ?? [];
  return (...args: unknown[]) =>
    fn(
      ...args.map((arg, i) =>
        ranges.includes(i) && arg !== undefined && arg !== null && !Array.isArray(arg) ? [[arg]] : arg,
      ),
    );
}

/** Registers every exported function; returns the names registered (none when this WPS has no AddCustomFunction). */
export function registerFunctions(wps: WpsGlobal | undefined): string[] {
  const add = wps?.AddCustomFunction;
  if (!add) return [];
  const names: string[] = [];
  for (const [name, fn] of Object.entries(functions as Record<string, unknown>)) {
    if (typeof fn !== 'function') continue;
    add.call(wps, NAMESPACE, name, wpsFunction(name, fn as Fn));
    names.push(name);
  }
  return names;
}
