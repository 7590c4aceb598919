// The layering is enforced, not just drawn: lint refuses imports against the arrows, and no import cycle exists.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Lints each snippet as if it were the file at its repo-relative path, in one ESLint process; returns rule messages. */
function lintAll(cases: [file: string, code: string][]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
    }
    console.log(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const PROBES: Record<string, [file: string, code: string]> = {
  paneDeep: [
    'src/taskpane/Probe.ts',
    "import { evaluate } from '../engine/rules/evaluate';\nvoid evaluate;\n",
  ],
  paneIndex: ['src/taskpane/Probe.ts', "import { evaluate } from '../engine';\nvoid evaluate;\n"],
  cliDeep: [
    'src/cli/probe.ts',
    "import { INDICATORS } from '../engine/model/indicators';\nvoid INDICATORS;\n",
  ],
  functionsDeep: [
    'src/functions/probe.ts',
    "import { INDICATORS } from '../engine/model/indicators';\nvoid INDICATORS;\n",
  ],
  hostDeep: [
    'src/hosts/xlsx/probe.ts',
    "import { INDICATORS } from '../../engine/model/indicators';\nvoid INDICATORS;\n",
  ],
  xlsxToOffice: [
    'src/hosts/xlsx/probe.ts',
    "import { readSheet } from '../officejs/readSheet';\nvoid readSheet;\n",
  ],
  officeToXlsx: ['src/hosts/officejs/probe.ts', "import { sniff } from '../xlsx/workbook';\nvoid sniff;\n"],
  hostToPort: [
    'src/hosts/xlsx/probe.ts',
    "import type { SpreadsheetHost } from '../port';\nexport type H = SpreadsheetHost;\n",
  ],
  paneToHost: [
    'src/taskpane/Probe.ts',
    "import { createOfficeHost } from '../hosts/officejs/host';\nvoid createOfficeHost;\n",
  ],
  paneToPort: [
    'src/taskpane/Probe.ts',
    "import type { SpreadsheetHost } from '../hosts/port';\nexport type H = SpreadsheetHost;\n",
  ],
  entryToHost: [
    'src/taskpane/index.tsx',
    "import { createOfficeHost } from '../hosts/officejs/host';\nvoid createOfficeHost;\n",
  ],
  engineToPackage: ['src/engine/rules/probe.ts', "import ExcelJS from 'exceljs';\nvoid ExcelJS;\n"],
  engineToHost: [
    'src/engine/rules/probe.ts',
    "import type { SpreadsheetHost } from '../../hosts/port';\nexport type H = SpreadsheetHost;\n",
  ],
  engineOwn: [
    'src/engine/rules/probe.ts',
    "import Decimal from 'decimal.js';\nimport { INDICATORS } from '../model/indicators';\nvoid Decimal;\nvoid INDICATORS;\n",
  ],
};

let linted: Record<string, string[]> = {};
beforeAll(() => {
  const names = Object.keys(PROBES);
  const results = lintAll(names.map((n) => PROBES[n]));
  linted = Object.fromEntries(names.map((n, i) => [n, results[i]]));
}, 60_000);

describe('lint enforces the arrows (entries → hosts → engine)', () => {
  test('a deep import into the engine from the pane fails; the index passes', () => {
    expect(linted.paneDeep).toEqual([expect.stringContaining('src/engine/index.ts')]);
    expect(linted.paneIndex).toEqual([]);
  });

  test('a deep engine import from the CLI, the functions and a host fails', () => {
    for (const probe of ['cliDeep', 'functionsDeep', 'hostDeep']) expect(linted[probe]).toHaveLength(1);
  });

  test('one host adapter importing another fails; the port passes', () => {
    expect(linted.xlsxToOffice).toEqual([expect.stringContaining('src/hosts/port.ts')]);
    expect(linted.officeToXlsx).toHaveLength(1);
    expect(linted.hostToPort).toEqual([]);
  });

  test('the pane reaches hosts only through the port; its entry may choose the host', () => {
    expect(linted.paneToHost).toHaveLength(1);
    expect(linted.paneToPort).toEqual([]);
    expect(linted.entryToHost).toEqual([]);
  });

  test('the engine imports nothing but its own files and decimal.js', () => {
    expect(linted.engineToPackage).toHaveLength(1);
    expect(linted.engineToHost).toHaveLength(1);
    expect(linted.engineOwn).toEqual([]);
  });
});

/** Every relative import (value or type) of every source file, resolved to a file. */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(path.join(ROOT, 'src'));
  const resolve = (from: string, spec: string): string | null => {
    const base = path.resolve(path.dirname(from), spec);
    for (const candidate of [
      `${base}.ts`,
      `${base}.tsx`,
      path.join(base, 'index.ts'),
      path.join(base, 'index.tsx'),
    ])
      if (fs.existsSync(candidate)) return candidate;
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']*)'/g)].map((m) => m[1]);
    graph.set(
      file,
      specs.map((s) => resolve(file, s)).filter((f): f is string => f !== null),
    );
  }
  return graph;
}

/** Strongly connected components with more than one file (Tarjan), as repo-relative paths. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

test('no import cycles in src (type-only imports included)', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(50);
  expect(cycles(graph)).toEqual([]);
});

test('the cycle finder finds a cycle when there is one', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(cycles(graph).map((c) => c.length)).toEqual([3]);
});
