// Custom functions metadata: the generator accepts functions.ts, every exported function is registered, and the
// zh-CN metadata mirrors functions.json (same ids, parameter counts and types) with Chinese text.
import fs from 'fs';
import path from 'path';
import ts from 'typescript';
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata } from 'custom-functions-metadata';
import { localizeMetadata, type TranslationTable } from '../../scripts/localizeMetadata';
import { repoRoot } from '../support/paths';

const functionsFile = path.join(repoRoot, 'src/functions/functions.ts');
const tableFile = path.join(repoRoot, 'src/functions/metadata.zh-CN.json');
const CJK = /[\u4e00-\u9fff]/;

/**
 * Golden copies of the generated metadata: a change to a function's signature or JSDoc, or to the Chinese table, must
 * show up in review. To update them after an intended change, run
 *   UPDATE_GOLDEN=1 npx jest test/functions/metadata.test.ts
 * and commit the rewritten files under test/functions/__golden__/ together with the change.
 */
const goldenDir = path.join(repoRoot, 'test/functions/__golden__');
const updateGolden = process.env.UPDATE_GOLDEN === '1';

function compareGolden(name: string, actual: unknown): void {
  const file = path.join(goldenDir, name);
  if (updateGolden) fs.writeFileSync(file, JSON.stringify(actual, null, 4) + '\n');
  expect(fs.existsSync(file)).toBe(true);
  expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
}

/** Every BALANCE.* function of issues #4 and #7 (PLAN), in the order of docs/functions.md. */
const FUNCTION_IDS = [
  'COEF',
  'COEFRAW',
  'MEAN',
  'STANDARD',
  'PASS',
  'GAP',
  'PLAN',
  'SCHOOLPASS',
  'COEFPASS',
  'COMPOSITE',
  'SPLIT',
  'CLASSBAND',
  'DIFFRATE',
  'REPORT',
];

/** Names of exported function declarations, and exported consts holding functions (the generator drops those). */
function exportsOf(file: string): { functions: string[]; functionConsts: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const exported = (node: ts.Node) =>
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const functions: string[] = [];
  const functionConsts: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && exported(statement) && statement.name) {
      functions.push(statement.name.text);
    }
    if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init))) {
          functionConsts.push(declaration.name.getText(source));
        }
      }
    }
  }
  return { functions, functionConsts };
}

let metadata: ICustomFunctionsMetadata;
let associations: { functionName: string; id: string }[];
const table = JSON.parse(fs.readFileSync(tableFile, 'utf8')) as TranslationTable;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(functionsFile);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as ICustomFunctionsMetadata;
  associations = result.associate;
});

describe('functions.json generated from src/functions/functions.ts', () => {
  test('the generator reports no errors and finds at least DIFFRATE', () => {
    expect(metadata.functions.map((f) => f.id)).toContain('DIFFRATE');
  });

  test('every exported function is a registered custom function (JSDoc @customfunction)', () => {
    const { functions } = exportsOf(functionsFile);
    expect(functions.length).toBeGreaterThan(0);
    const registered = associations.map((a) => a.functionName).sort();
    expect(registered).toEqual([...functions].sort());
    const ids = new Set(metadata.functions.map((f) => f.id));
    expect(associations.filter((a) => !ids.has(a.id))).toEqual([]);
  });

  test('no exported arrow or function-expression consts: the generator would silently drop them', () => {
    expect(exportsOf(functionsFile).functionConsts).toEqual([]);
  });

  test('ids are unique, upper case and identical to the names (names are the same in every locale)', () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fn of metadata.functions) {
      expect(fn.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(fn.name).toBe(fn.id);
    }
  });

  test('every function and parameter has an English description', () => {
    for (const fn of metadata.functions) {
      expect({ id: fn.id, description: (fn.description ?? '').trim().length > 0 }).toEqual({
        id: fn.id,
        description: true,
      });
      for (const p of fn.parameters) {
        expect({ id: fn.id, parameter: p.name, ok: (p.description ?? '').trim().length > 0 }).toEqual({
          id: fn.id,
          parameter: p.name,
          ok: true,
        });
      }
    }
  });

  test('every BALANCE.* function of issues #4 and #7 is there, and no other', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(FUNCTION_IDS);
  });

  test('no function is volatile or streaming (results change only when their inputs do)', () => {
    for (const fn of metadata.functions) {
      expect({
        id: fn.id,
        volatile: fn.options?.volatile ?? false,
        stream: fn.options?.stream ?? false,
      }).toEqual({
        id: fn.id,
        volatile: false,
        stream: false,
      });
    }
  });

  test('range parameters are matrices of any values (one call per range, not one per cell)', () => {
    const matrices = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.dimensionality === 'matrix').map((p) => `${f.id}.${p.name}`),
    );
    expect(matrices.sort()).toEqual(
      [
        'COEF.range',
        'COEF.students',
        'COEFRAW.amounts',
        'COEFRAW.students',
        'MEAN.range',
        'MEAN.students',
        'PLAN.amounts',
        'PLAN.students',
        'SCHOOLPASS.values',
        'COMPOSITE.cvs',
        'DIFFRATE.scores',
        'REPORT.table',
      ].sort(),
    );
    for (const fn of metadata.functions) {
      for (const p of fn.parameters.filter((q) => q.dimensionality === 'matrix')) expect(p.type).toBe('any');
    }
  });

  test('optional parameters are the bracketed ones of the formulas', () => {
    const optional = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`),
    );
    expect(optional.sort()).toEqual(
      [
        'COEF.students',
        'COEFRAW.per',
        'MEAN.students',
        'STANDARD.profile',
        'PASS.profile',
        'GAP.profile',
        'PLAN.target',
        'PLAN.profile',
        'SCHOOLPASS.profile',
        'COEFPASS.profile',
        'SPLIT.seniorStudents',
        'REPORT.profile',
      ].sort(),
    );
  });

  test('PLAN, SPLIT and REPORT spill (matrix results); the others return one value', () => {
    const spilling = metadata.functions.filter((f) => f.result?.dimensionality === 'matrix').map((f) => f.id);
    expect(spilling).toEqual(['PLAN', 'SPLIT', 'REPORT']);
  });

  test('functions.json matches the golden copy (test/functions/__golden__/functions.json)', () => {
    compareGolden('functions.json', metadata);
  });

  test('DIFFRATE takes one matrix of any values and returns a number', () => {
    const diffRate = metadata.functions.find((f) => f.id === 'DIFFRATE');
    expect(diffRate?.parameters).toEqual([
      expect.objectContaining({ name: 'scores', type: 'any', dimensionality: 'matrix' }),
    ]);
    expect(diffRate?.result).toEqual({ type: 'number' });
  });
});

describe('functions-zh-cn.json = functions.json with the Chinese table of src/functions/metadata.zh-CN.json', () => {
  test('the table covers every function id and every parameter, with no stale entries', () => {
    expect(localizeMetadata(metadata, table).errors).toEqual([]);
  });

  test('same ids, names, parameter counts, types and results; Chinese descriptions non-empty', () => {
    const zh = localizeMetadata(metadata, table).metadata;
    expect(zh.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    zh.functions.forEach((fn, i) => {
      const en = metadata.functions[i];
      expect(fn.name).toBe(en.name);
      expect(fn.result).toEqual(en.result);
      expect(fn.options).toEqual(en.options);
      expect(fn.parameters.length).toBe(en.parameters.length);
      fn.parameters.forEach((p, j) => {
        const { name: enName, description: enDescription, ...enRest } = en.parameters[j];
        const { name, description, ...rest } = p;
        expect(rest).toEqual(enRest);
        expect({
          fn: fn.id,
          parameter: enName,
          name: CJK.test(name),
          description: CJK.test(description ?? ''),
        }).toEqual({
          fn: fn.id,
          parameter: enName,
          name: true,
          description: true,
        });
        expect(description).not.toBe(enDescription);
      });
      expect({ fn: fn.id, description: CJK.test(fn.description ?? '') }).toEqual({
        fn: fn.id,
        description: true,
      });
    });
  });

  test('functions-zh-cn.json matches the golden copy (test/functions/__golden__/functions-zh-cn.json)', () => {
    compareGolden('functions-zh-cn.json', localizeMetadata(metadata, table).metadata);
  });

  test('parameter names are short Chinese names, unique within each function', () => {
    const zh = localizeMetadata(metadata, table).metadata;
    for (const fn of zh.functions) {
      const names = fn.parameters.map((p) => p.name);
      expect({ fn: fn.id, unique: new Set(names).size === names.length }).toEqual({
        fn: fn.id,
        unique: true,
      });
      for (const name of names) expect(name.length).toBeLessThanOrEqual(8);
    }
  });

  test('a missing function, a stale entry and a missing parameter are all reported at once', () => {
    const sample: ICustomFunctionsMetadata = {
      functions: [
        { id: 'A', name: 'A', description: 'a', parameters: [{ name: 'x', type: 'number' }] },
        {
          id: 'B',
          name: 'B',
          description: 'b',
          parameters: [{ name: 'y', type: 'any', dimensionality: 'matrix' }],
        },
      ],
      enums: [],
    };
    const { errors } = localizeMetadata(sample, {
      $comment: 'ignored',
      A: { description: '甲', parameters: {} },
      OLD: { description: '旧' },
    });
    expect(errors).toEqual([
      expect.stringContaining('"OLD" is not a function id'),
      expect.stringContaining('A.parameters.x'),
      expect.stringContaining('missing entry for function B'),
    ]);
  });

  test('an empty Chinese description is an error, not a silent English fallback', () => {
    const sample: ICustomFunctionsMetadata = {
      functions: [{ id: 'A', name: 'A', description: 'a', parameters: [] }],
      enums: [],
    };
    expect(localizeMetadata(sample, { A: { description: ' ' } }).errors).toEqual([
      expect.stringContaining('A.description'),
    ]);
  });
});
