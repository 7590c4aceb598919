// Bundles the fake WPS object model (fakeWpsHost.ts and the fake it loads) into one browser script with esbuild.
import path from 'path';
import { build } from 'esbuild';
import type { WorkbookData } from './fakeHostData';

/** The fake WPS model as an IIFE script, for page init scripts. */
export async function bundleFakeWps(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'fakeWpsHost.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Init scripts that open `workbook` in the fake WPS: the data first, then the model. */
export function fakeWpsScripts(bundle: string, workbook: WorkbookData): string[] {
  return [`window.__FAKE_WORKBOOK__ = ${JSON.stringify(workbook)};`, bundle];
}
