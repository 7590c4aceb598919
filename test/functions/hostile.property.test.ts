// No input to a BALANCE.* function, a custom profile or a workbook grid changes Object.prototype, and every function
// answers a finite number, text, TRUE/FALSE, a matrix of those, or an Excel error with a Chinese message.
import fc from 'fast-check';
import { evaluate } from '../../src/engine/rules/evaluate';
import { parseProfile, QUALITY_2017 } from '../../src/engine/rules/profiles';
import { readTable } from '../../src/engine/sheet/readTable';
import * as F from '../../src/functions/functions';
import { installCustomFunctionsDouble, isDoubleError } from './customFunctionsDouble';

let uninstall: () => void;
beforeAll(() => {
  uninstall = installCustomFunctionsDouble();
});
afterAll(() => uninstall());

const RUNS = { numRuns: 200 };
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];
const HOSTILE_TEXTS = [
  '1e999',
  '-1e999',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '-0',
  '9'.repeat(400),
  '—',
  '',
];
const WORDS = [
  '小学',
  '初中',
  'primary',
  '体育运动场馆',
  '生均教学仪器设备值',
  '优质均衡',
  '基本均衡',
  'quality-2017',
];
const HEADERS = [
  '学校名称',
  '学段',
  '学校类型',
  '在校生数',
  '体育运动场馆面积',
  '教学仪器设备值（万元）',
  '专任教师数',
];

const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 }));
const text = fc.oneof(
  fc.constantFrom(...HOSTILE_KEYS, ...HOSTILE_TEXTS, ...WORDS, ...HEADERS),
  fc.string({ maxLength: 8 }),
);
const number = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -0, 0, 1, 45, 100, 5e-324, 0.5),
  fc.double(),
  fc.integer({ min: 0, max: 3000 }),
);
const cell = fc.oneof(number, text, fc.boolean(), fc.constant(null));

/** JSON-ish values whose objects carry hostile keys as own properties (as JSON.parse makes them). */
const { json } = fc.letrec((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    cell,
    fc.array(tie('json'), { maxLength: 3 }),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
}));

/** A rectangular range, as Excel passes one. */
const range = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

/** A profile argument: omitted, a name, or JSON text of a hostile object. */
const profile = fc.oneof(
  fc.constantFrom(undefined, '优质均衡', '基本均衡', '__proto__', 'constructor'),
  json.map((v) => JSON.stringify(v)),
  fc.constant('{"split":{"weights":{"__proto__":{"toString":1}}}}'),
  fc.constant('{"extends":"quality-2017","standards":{"constructor":{"primary":1}}}'),
);
const arg = fc.oneof(cell, range);

const snapshot = (): Map<string, unknown> =>
  new Map(
    Object.getOwnPropertyNames(Object.prototype).map((k) => [
      k,
      Object.getOwnPropertyDescriptor(Object.prototype, k)?.value,
    ]),
  );
const PROTOTYPE = snapshot();

function expectPrototypeUntouched(): void {
  const now = snapshot();
  const changed = [...now.keys()].filter((k) => !PROTOTYPE.has(k) || PROTOTYPE.get(k) !== now.get(k));
  // Restore before failing, so one pollution does not fail every later test.
  for (const k of changed) {
    if (!PROTOTYPE.has(k)) delete (Object.prototype as Record<string, unknown>)[k];
    else
      Object.defineProperty(Object.prototype, k, {
        value: PROTOTYPE.get(k),
        writable: true,
        configurable: true,
      });
  }
  expect(changed).toEqual([]);
}

const CHINESE = /[\u4e00-\u9fff]/;

function isAcceptedError(value: unknown): boolean {
  return isDoubleError(value) && value.code.startsWith('#') && CHINESE.test(value.message ?? '');
}

function isAcceptedScalar(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' || typeof value === 'boolean' || isAcceptedError(value);
}

function expectAccepted(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!isAcceptedError(error)) throw new Error(`raw exception: ${String(error)}`);
    return;
  }
  if (Array.isArray(result)) {
    for (const row of result) {
      expect(Array.isArray(row)).toBe(true);
      for (const value of row as unknown[])
        if (!isAcceptedScalar(value)) throw new Error(`bad cell ${String(value)}`);
    }
  } else if (!isAcceptedScalar(result)) throw new Error(`bad result ${String(result)}`);
}

type Call = [string, fc.Arbitrary<() => unknown>];

/* eslint-disable @typescript-eslint/no-explicit-any -- the functions take what Excel passes, anything at all */
const CALLS: Call[] = [
  [
    'COEF',
    fc.tuple(arg, fc.option(arg)).map(
      ([a, b]) =>
        () =>
          F.COEF(a as any, (b ?? undefined) as any),
    ),
  ],
  [
    'COEFRAW',
    fc.tuple(arg, arg, fc.option(cell)).map(
      ([a, b, c]) =>
        () =>
          F.COEFRAW(a as any, b as any, c),
    ),
  ],
  [
    'MEAN',
    fc.tuple(arg, fc.option(arg)).map(
      ([a, b]) =>
        () =>
          F.MEAN(a as any, (b ?? undefined) as any),
    ),
  ],
  [
    'STANDARD',
    fc.tuple(text, text, profile).map(
      ([i, s, p]) =>
        () =>
          F.STANDARD(i, s, p),
    ),
  ],
  [
    'PASS',
    fc.tuple(text, cell, text, profile).map(
      ([i, v, s, p]) =>
        () =>
          F.PASS(i, v, s, p),
    ),
  ],
  [
    'GAP',
    fc.tuple(text, cell, cell, text, profile).map(
      ([i, a, n, s, p]) =>
        () =>
          F.GAP(i, a, n, s, p),
    ),
  ],
  [
    'PLAN',
    fc.tuple(arg, arg, text, text, fc.option(cell), profile).map(
      ([a, n, i, s, t, p]) =>
        () =>
          F.PLAN(a as any, n as any, i, s, t, p),
    ),
  ],
  [
    'SCHOOLPASS',
    fc.tuple(arg, text, profile).map(
      ([v, s, p]) =>
        () =>
          F.SCHOOLPASS(v as any, s, p),
    ),
  ],
  [
    'COEFPASS',
    fc.tuple(cell, text, profile).map(
      ([c, s, p]) =>
        () =>
          F.COEFPASS(c, s, p),
    ),
  ],
  ['COMPOSITE', arg.map((a) => () => F.COMPOSITE(a as any))],
  [
    'SPLIT',
    fc.tuple(cell, cell, cell, fc.option(cell)).map(
      ([a, b, c, d]) =>
        () =>
          F.SPLIT(a, b, c, d),
    ),
  ],
  [
    'CLASSBAND',
    fc.tuple(cell, text).map(
      ([n, s]) =>
        () =>
          F.CLASSBAND(n, s),
    ),
  ],
  ['DIFFRATE', arg.map((a) => () => F.DIFFRATE(a as any))],
  [
    'REPORT',
    fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom(...HEADERS), text), { minLength: 4, maxLength: 4 }),
        range,
        profile,
      )
      .map(
        ([header, rows, p]) =>
          () =>
            F.REPORT([header, ...rows.map((r) => [...r, ...r].slice(0, 4))] as any, p),
      ),
  ],
];
/* eslint-enable @typescript-eslint/no-explicit-any */

describe('every BALANCE.* function answers a finite value or an Excel error with a Chinese message', () => {
  test.each(CALLS)('%s', (_, calls) => {
    fc.assert(
      fc.property(calls, (call) => {
        expectAccepted(call);
        expectPrototypeUntouched();
      }),
      RUNS,
    );
  });
});

describe('no profile or workbook can change Object.prototype', () => {
  test('parseProfile of hostile objects and their JSON text', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, asText) => {
        const parsed = parseProfile(asText ? JSON.stringify(value) : value);
        expect(typeof parsed.ok).toBe('boolean');
        expectPrototypeUntouched();
      }),
      RUNS,
    );
  });

  test('readTable and evaluate of a grid with hostile header and cell texts', () => {
    const grid = fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { minLength: 0, maxLength: 5 });
    const header = fc.array(fc.oneof(fc.constantFrom(...HEADERS), text), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(header, grid, (head, rows) => {
        const read = readTable({ sheet: '__proto__', values: [head, ...rows], firstRow: 1, firstColumn: 0 });
        evaluate(read.rows, QUALITY_2017);
        expectPrototypeUntouched();
      }),
      RUNS,
    );
  });
});
