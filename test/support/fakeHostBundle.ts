// Bundles the fake Office host (fakeHost.ts and the fake Excel it loads) into one browser script with esbuild.
import path from 'path';
import { build } from 'esbuild';
import type { WorkbookData } from './fakeHostData';

/** The fake host as an IIFE script, for page init scripts. */
export async function bundleFakeHost(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'fakeHost.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Init scripts that open `workbook` in the fake host: the data first, then the host. */
export function fakeHostScripts(bundle: string, workbook: WorkbookData): string[] {
  return [`window.__FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};`, bundle];
}
