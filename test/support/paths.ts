// Well-known folders for tests: the repository root, the built add-in (dist/) and test-artifacts/.
import fs from 'fs';
import path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const distDir = path.join(repoRoot, 'dist');
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export const screenshotsDir = path.join(artifactsDir, 'screenshots');
/** The command users run (`npx balance`): the CLI bundled into one file by `npm run build:cli`. */
export const builtCli = path.join(repoRoot, 'build', 'cli', 'balance.js');

/** Fails with a clear instruction when the build is missing: browser tests test what `npm run build` produced. */
export function requireBuild(): void {
  for (const file of [
    'taskpane.html',
    'taskpane.js',
    'functions.js',
    'functions.json',
    'functions-zh-cn.json',
  ]) {
    if (!fs.existsSync(path.join(distDir, file))) {
      throw new Error(`dist/${file} is missing: run \`npm run build\` first (\`npm test\` does it for you)`);
    }
  }
}

/** Path of a screenshot under test-artifacts/screenshots/, creating the folder. */
export function screenshotPath(name: string): string {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  return path.join(screenshotsDir, name);
}
