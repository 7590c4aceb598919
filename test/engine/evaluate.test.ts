// evaluate(): §3 edge cases end to end, data problems as DataIssues (never thrown), ratio columns, the result shape.
import fc from 'fast-check';
import { evaluate } from '../../src/engine/rules/evaluate';
import { keepVerdictParts, Verdict } from '../../src/engine/rules/verdict';
import { planReport } from '../../src/engine/plans/assessmentReport';
import { exactValueOf } from '../../src/engine/rules/stageCvs';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import type { SchoolRow, SchoolVerdict } from '../../src/engine/model/types';
import { QUALITY_COLUMNS, qualityRow } from './support/rows';
import { mulberry32 } from '../support/random';

const GOOD = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];

describe('§3 edge cases through evaluate()', () => {
  test('"one school → CV = 0"', () => {
    const ev = evaluate([qualityRow(3, '唯一小学', 'primary', 300, GOOD)], QUALITY_2017);
    const sports = ev.stages.primary!.indicators.sportsAreaPerStudent!;
    expect(sports).toMatchObject({ schools: 1, students: 300, cv: 0, pass: true, mean: 8 });
    expect(sports.note).toBeUndefined();
  });

  test('"X̄ = 0 → CV undefined (say so, never report 0)"', () => {
    const rows = [0, 1].map((k) =>
      qualityRow(3 + k, `校${k}`, 'junior', 100, [5.3, 0, 0.9, 5.8, 10.2, 2500, 2.4]),
    );
    const key = evaluate(rows, QUALITY_2017).stages.junior!.indicators.keyTeachersPer100!;
    expect(key).toMatchObject({ mean: 0, cv: null, pass: null, nearThreshold: false });
    expect(key.note).toContain('县均值为 0');
    expect(evaluate(rows, QUALITY_2017).stages.junior!.pass).toBeNull();
  });

  test('students summing past 1e308: the CV cannot be computed and says the values are too large, never a mean of 0', () => {
    const rows = [0, 1].map((k) => qualityRow(3 + k, `校${k}`, 'primary', 100, GOOD));
    // Each school's own figures are finite (1 ㎡ per student); only their totals pass the largest double.
    for (const row of rows) Object.assign(row.counts, { students: 1e308, sportsArea: 1e308 });
    const ev = evaluate(rows, QUALITY_2017);
    const sports = ev.stages.primary!.indicators.sportsAreaPerStudent!;
    expect(sports).toMatchObject({ cv: null, mean: null, pass: null, overflow: true });
    expect(sports.note).toContain('数值过大');
    expect(sports.note).not.toContain('县均值为 0');
    expect(ev.stages.primary!.pass).toBeNull();
  });

  test('resources summing past 1e308: the same, never a pass', () => {
    const rows = [0, 1].map((k) => qualityRow(3 + k, `校${k}`, 'primary', 100, GOOD));
    for (const row of rows) row.counts.sportsArea = 1.5e308;
    const ev = evaluate(rows, QUALITY_2017);
    const sports = ev.stages.primary!.indicators.sportsAreaPerStudent!;
    expect(sports).toMatchObject({ cv: null, mean: null, pass: null, overflow: true });
    expect(sports.note).toContain('数值过大');
    expect(ev.stages.primary!.pass).not.toBe(true);
  });

  test('"P_i = 0 → the school is left out with a warning"', () => {
    const rows = [qualityRow(3, '甲', 'primary', 500, GOOD), qualityRow(4, '乙', 'primary', 0, GOOD)];
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.excluded).toEqual([
      expect.objectContaining({ row: 4, reason: 'zeroStudents', stage: 'primary' }),
    ]);
    expect(ev.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'C', code: 'zeroStudents', severity: 'warning' }),
    ]);
    expect(ev.stages.primary!.schools).toBe(1);
    expect(ev.schools.map((s) => s.name)).toEqual(['甲']);
  });

  test('"a missing value … is an error on that cell" and the part is left out of THAT indicator\'s CV only', () => {
    const rows = [
      qualityRow(3, '甲', 'primary', 500, GOOD),
      qualityRow(4, '乙', 'primary', 400, [4.2, 1, 1, 4.5, 9, 2500, 2.3]),
      qualityRow(5, '丙', 'primary', 300, [4.3, 1.1, 0.9, 6, 7.5, 2000, 2.4]),
    ];
    delete rows[1].counts.sportsArea;
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.issues).toEqual([
      {
        row: 4,
        column: 'H',
        field: 'sportsArea',
        code: 'missingValue',
        severity: 'error',
        message:
          '第 4 行 H 列（体育运动场（馆）面积）：缺少数据（不按 0 计算），“生均体育运动场馆面积”无法计算，该校未计入此项差异系数',
      },
    ]);
    const stage = ev.stages.primary!;
    expect(stage.indicators.sportsAreaPerStudent).toMatchObject({ schools: 2, students: 800 });
    expect(stage.indicators.sportsAreaPerStudent!.note).toBe('1 所学校缺少数据，未计入此项（不按 0 计算）');
    expect(stage.indicators.teachingAreaPerStudent).toMatchObject({ schools: 3, students: 1200 });
    expect(stage.indicators.teachingAreaPerStudent!.note).toBeUndefined();
    // The mean is not dragged down by a 0: (500·8 + 300·7.5) / 800.
    expect(stage.indicators.sportsAreaPerStudent!.mean).toBeCloseTo((4000 + 2250) / 800, 12);
    const v = ev.schools[1];
    expect(v.indicators.find((i) => i.indicator === 'sportsAreaPerStudent')).toMatchObject({
      value: null,
      pass: null,
    });
    expect(v).toMatchObject({ met: 6, pass: null });
    expect(v.reasons).toEqual(['生均体育运动场馆面积：缺少数据']);
  });

  test('an indicator with no data anywhere: one table-level issue, CV null with a note', () => {
    const rows = [qualityRow(3, '甲', 'primary', 500, GOOD), qualityRow(4, '乙', 'primary', 400, GOOD)];
    for (const r of rows) delete r.counts.multimediaRooms;
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.issues).toEqual([
      expect.objectContaining({
        row: 0,
        field: 'multimediaRoomsPer100',
        code: 'indicatorUnavailable',
        severity: 'error',
      }),
    ]);
    expect(ev.stages.primary!.indicators.multimediaRoomsPer100).toMatchObject({
      cv: null,
      mean: null,
      schools: 0,
    });
    expect(ev.stages.primary!.pass).toBeNull();
  });
});

describe('data problems are DataIssues, never exceptions', () => {
  test('NaN, negative, Infinity and strings in counts: error on the cell, value treated as missing', () => {
    const rows: SchoolRow[] = [
      qualityRow(3, '甲', 'primary', 500, GOOD),
      { ...qualityRow(4, '乙', 'primary', 400, GOOD), sheet: '学校数据' },
      qualityRow(5, '丙', 'primary', 300, GOOD),
    ];
    rows[1].counts.sportsArea = -5;
    rows[1].counts.teachingArea = NaN;
    rows[2].counts.equipmentValue = Infinity;
    (rows[2].counts as Record<string, unknown>).keyTeachers = '3';
    const ev = evaluate(rows, QUALITY_2017);
    const codes = ev.issues.map((i) => [i.row, i.column, i.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [4, 'H', 'invalidNumber'],
        [4, 'G', 'invalidNumber'],
        [5, 'I', 'invalidNumber'],
        [5, 'E', 'invalidNumber'],
      ]),
    );
    expect(ev.issues.find((i) => i.row === 4 && i.column === 'H')!.message).toBe(
      '「学校数据」第 4 行 H 列（体育运动场（馆）面积）：“-5” 不是有效的非负数，按缺少数据处理',
    );
    expect(ev.stages.primary!.indicators.sportsAreaPerStudent!.schools).toBe(2);
  });

  test('missing or invalid students: an error, and that part has no values', () => {
    const rows = [qualityRow(3, '甲', 'primary', 500, GOOD), qualityRow(4, '乙', 'primary', 400, GOOD)];
    delete rows[1].counts.students;
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.issues).toEqual([expect.objectContaining({ row: 4, column: 'C', code: 'missingStudents' })]);
    expect(ev.schools[1]).toMatchObject({ pass: null, met: 0 });
    expect(ev.stages.primary!.schools).toBe(1);
  });

  test('property: arbitrary junk rows never throw and every issue names a row', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(NaN),
      fc.constant(-1),
      fc.constant(Infinity),
      fc.integer({ min: 0, max: 3000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    );
    const kind = fc.constantFrom(
      'primary' as const,
      'junior' as const,
      'nineYear' as const,
      'completeMiddle' as const,
      'twelveYear' as const,
      'teachingPoint' as const,
      'special' as const,
    );
    const row = fc.record({
      kind,
      students: junk,
      sportsArea: junk,
      peTeachers: junk,
      qualifiedTeachers: junk,
      p: junk,
      j: junk,
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (specs) => {
        const rows: SchoolRow[] = specs.map((s, i) => ({
          row: i + 2,
          name: `校${i}`,
          kind: s.kind,
          counts: {
            students: s.students,
            sportsArea: s.sportsArea,
            peTeachers: s.peTeachers,
            qualifiedTeachers: s.qualifiedTeachers,
          } as SchoolRow['counts'],
          byStage:
            i % 2 ? { primary: { students: s.p as number }, junior: { students: s.j as number } } : undefined,
          columns: QUALITY_COLUMNS,
        }));
        for (const profile of [QUALITY_2017, BASIC_2012]) {
          const ev = evaluate(rows, profile);
          for (const issue of ev.issues) {
            expect(issue.message.length).toBeGreaterThan(0);
            expect(issue.row).toBeGreaterThanOrEqual(0);
          }
          for (const stage of Object.values(ev.stages)) {
            for (const c of Object.values(stage.indicators))
              if (c.cv !== null) expect(c.cv).toBeGreaterThanOrEqual(0);
          }
        }
      }),
    );
  });
});

describe('ratio columns ("accepted, with a precisionWarning once per column")', () => {
  test('values from ratios are used when raw counts are missing; one warning per indicator column', () => {
    const rows: SchoolRow[] = [3, 4, 5].map((row, k) => ({
      row,
      name: `校${k}`,
      kind: 'primary',
      counts: { students: [500, 400, 300][k] },
      ratios: { sportsAreaPerStudent: [8, 6.375, 7.4][k], teachingAreaPerStudent: 5 },
      columns: { students: 2, sportsAreaPerStudent: 11, teachingAreaPerStudent: 12 },
    }));
    const ev = evaluate(rows, QUALITY_2017);
    const warnings = ev.issues.filter((i) => i.code === 'precisionWarning');
    expect(warnings.map((w) => [w.row, w.column, w.field, w.severity])).toEqual([
      [3, 'M', 'teachingAreaPerStudent', 'warning'],
      [3, 'L', 'sportsAreaPerStudent', 'warning'],
    ]);
    const sports = ev.schools[1].indicators.find((i) => i.indicator === 'sportsAreaPerStudent')!;
    // 6.375 given = exactly 85%: residual ≥ r·standard decided on the decimal given.
    expect(sports).toMatchObject({
      value: 6.375,
      pass: false,
      fromRatio: true,
      resourceField: 'sportsAreaPerStudent',
    });
    expect(sports.gap).toBe(450);
    const cv = ev.stages.primary!.indicators.sportsAreaPerStudent!;
    expect(cv.mean).toBeCloseTo((500 * 8 + 400 * 6.375 + 300 * 7.4) / 1200, 12);
  });

  test('raw counts are preferred over a given ratio', () => {
    const row = qualityRow(3, '甲', 'primary', 500, GOOD, { ratios: { sportsAreaPerStudent: 99 } });
    const ev = evaluate([row], QUALITY_2017);
    expect(ev.schools[0].indicators.find((i) => i.indicator === 'sportsAreaPerStudent')!.value).toBe(8);
    expect(ev.issues).toEqual([]);
  });
});

describe('the Evaluation', () => {
  test('stages, parts, summary; a stage without schools is absent', () => {
    const ev = evaluate(
      [qualityRow(3, '甲', 'junior', 500, [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4])],
      QUALITY_2017,
    );
    expect(Object.keys(ev.stages)).toEqual(['junior']);
    expect(ev.profile).toBe(QUALITY_2017);
    expect(ev.parts.map((p) => p.key)).toEqual(['3:junior']);
    expect(ev.summary).toEqual({ checked: 1, passed: 1, failed: 0, undecided: 0, excluded: 0 });
  });

  test('basic-2012: no per-school standards, so verdicts carry values only and pass is null', () => {
    const rows: SchoolRow[] = [
      {
        row: 3,
        name: '甲',
        kind: 'primary',
        counts: { students: 500, books: 12000, computers: 60, teachers: 30 },
      },
    ];
    const ev = evaluate(rows, BASIC_2012);
    const v = ev.schools[0];
    expect(v.pass).toBeNull();
    expect(v.indicators.map((i) => i.indicator)).toEqual(BASIC_2012.indicators);
    expect(v.indicators.find((i) => i.indicator === 'booksPerStudent')).toMatchObject({
      value: 24,
      standard: null,
      pass: null,
      gap: null,
    });
    expect(ev.summary).toEqual({ checked: 1, passed: 0, failed: 0, undecided: 0, excluded: 0 });
  });

  test('issues are ordered by row, table-level ones first', () => {
    const rows = [qualityRow(5, '甲', 'primary', 500, GOOD), qualityRow(3, '乙', 'primary', 0, GOOD)];
    for (const r of rows) delete r.counts.multimediaRooms;
    const ev = evaluate(rows, QUALITY_2017);
    expect(ev.issues.map((i) => i.row)).toEqual([0, 3]);
  });
});

describe('verdict details are built on first access and behave like plain properties', () => {
  const ev = evaluate(
    [qualityRow(3, '甲', 'primary', 1000, [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5], { sheet: '学校数据' })],
    QUALITY_2017,
  );
  const v = ev.schools[0];

  test('JSON.stringify and toJSON() give the whole verdict', () => {
    const plain = JSON.parse(JSON.stringify(v));
    expect(plain).toEqual({
      key: '3:primary',
      row: 3,
      sheet: '学校数据',
      name: '甲',
      stage: 'primary',
      kind: 'primary',
      indicators: expect.any(Array),
      met: 6,
      pass: false,
      checks: [expect.objectContaining({ check: 'schoolSize', pass: true })],
      reasons: [
        '6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线',
        '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 75㎡ 达到底线即可使学校达标，增加 1,200㎡ 达到标准',
      ],
    });
    expect(plain.indicators).toHaveLength(7);
    expect((v as unknown as { toJSON(): unknown }).toJSON()).toEqual(plain);
  });

  test('each detail is built once and can be replaced', () => {
    expect(v.indicators).toBe(v.indicators);
    expect(v.reasons).toBe(v.reasons);
    v.reasons = ['自定义'];
    expect(v.reasons).toEqual(['自定义']);
  });
});

describe('keepVerdictParts(false): a one-pass reader keeps only the last few parts it read, nothing accumulates', () => {
  const rows = [
    qualityRow(3, '甲', 'primary', 1000, [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]),
    qualityRow(4, '乙', 'primary', 800, [3.0, 0.5, 1.0, 5.0, 8.0, 2100, 2.5]),
  ];
  // Twenty schools, each missing something different: enough to push a part out of the few that are kept.
  const many = Array.from({ length: 20 }, (_, k) =>
    qualityRow(3 + k, `校${k}`, 'primary', 500 + 37 * k, [
      4.5 - k / 10,
      1.2,
      1.0 - k / 50,
      5.0,
      6.3,
      2100,
      2.5,
    ]),
  );

  test('reads give results equal to the kept ones; a part read again soon is not built again', () => {
    const kept = evaluate(rows, QUALITY_2017).schools.map((s) => JSON.parse(JSON.stringify(s)));
    const ev = evaluate(rows, QUALITY_2017);
    keepVerdictParts(ev.schools, false);
    const [a, b] = ev.schools;
    // Reading a school's indicators, checks and reasons in turn (as a report row does) builds each once.
    expect(a.indicators).toBe(a.indicators);
    expect(a.checks).toBe(a.checks);
    expect(b.reasons).toBe(b.reasons);
    expect(b.reasons).toEqual(kept[1].reasons);
    expect(ev.schools.map((s) => JSON.parse(JSON.stringify(s)))).toEqual(kept);
    keepVerdictParts(ev.schools, true);
    expect(a.indicators).toBe(a.indicators);
    expect(b.reasons).toBe(b.reasons);
    expect(ev.schools.map((s) => JSON.parse(JSON.stringify(s)))).toEqual(kept);
  });

  test('a pass over many schools keeps none of them: the first is built again, equal, after the others', () => {
    const kept = evaluate(many, QUALITY_2017).schools.map((s) => JSON.parse(JSON.stringify(s)));
    const ev = evaluate(many, QUALITY_2017);
    keepVerdictParts(ev.schools, false);
    const first = ev.schools[0].indicators;
    const firstReasons = ev.schools[0].reasons;
    for (const s of ev.schools) void s.reasons;
    expect(ev.schools[0].indicators).not.toBe(first);
    expect(ev.schools[0].indicators).toEqual(first);
    expect(ev.schools[0].reasons).not.toBe(firstReasons);
    expect(ev.schools[0].reasons).toEqual(firstReasons);
    // Reads in any order give the kept results.
    for (const k of [19, 3, 3, 11, 0, 19, 7])
      expect(JSON.parse(JSON.stringify(ev.schools[k]))).toEqual(kept[k]);
    // Nothing went into the evaluation's own caches.
    const source = (
      ev.schools[0] as unknown as { source: { indicatorCache: unknown[]; reasonCache: unknown[] } }
    ).source;
    expect(source.indicatorCache.filter((x) => x !== undefined)).toHaveLength(0);
    expect(source.reasonCache.filter((x) => x !== undefined)).toHaveLength(0);
  });

  test('an assigned detail stays assigned while parts are not kept', () => {
    const ev = evaluate(rows, QUALITY_2017);
    keepVerdictParts(ev.schools, false);
    ev.schools[0].reasons = ['自定义'];
    expect(ev.schools[0].reasons).toEqual(['自定义']);
  });
});

describe('exact values for output: "the correctly rounded doubles of the exact values"', () => {
  // Two schools of 100 pupils, every resource 31 : 9 → each CV is exactly 22/40 = 0.55, so is their mean.
  const counts = (x: number) => ({
    students: 100,
    teachingArea: x,
    sportsArea: x,
    equipmentValue: x,
    computers: x,
    books: x,
    teachers: x,
    qualifiedTeachers: x,
    seniorTitleTeachers: x,
  });
  const ev = evaluate(
    [
      { row: 2, name: '甲', kind: 'junior', counts: counts(31) },
      { row: 3, name: '乙', kind: 'junior', counts: counts(9) },
    ],
    BASIC_2012,
  );
  const junior = ev.stages.junior!;

  test('a composite of exactly 0.55 is 0.55 (the float mean is 0.5499999999999999) and passes ≤ 0.55', () => {
    expect(junior.composite!.value).toBe(0.5499999999999999);
    expect(exactValueOf(junior.composite!)).toBe(0.55);
    expect(junior.composite!.pass).toBe(true);
  });

  test('each CV is the double nearest √(CV²): 0.55', () => {
    for (const r of Object.values(junior.indicators)) expect(exactValueOf(r!)).toBe(0.55);
  });

  test('an irrational CV is the double nearest the exact root (TV-1 books per student: 0.515257…)', () => {
    const tv1 = evaluate(
      [
        [45, 279],
        [37, 137],
        [89, 935],
        [76, 160],
        [55, 402],
      ].map(([students, books], i) => ({
        row: i + 2,
        name: `校${i}`,
        kind: 'primary' as const,
        counts: { students, books },
      })),
      BASIC_2012,
    );
    const books = tv1.stages.primary!.indicators.booksPerStudent!;
    expect(exactValueOf(books)).toBeCloseTo(0.515257, 6);
    expect(Math.abs(exactValueOf(books)! - books.cv!)).toBeLessThan(1e-15);
  });

  test('an undefined CV stays null', () => {
    const zero = evaluate(
      [
        { row: 2, name: '甲', kind: 'junior', counts: { students: 100, books: 0 } },
        { row: 3, name: '乙', kind: 'junior', counts: { students: 50, books: 0 } },
      ],
      BASIC_2012,
    );
    expect(exactValueOf(zero.stages.junior!.indicators.booksPerStudent!)).toBeNull();
  });
});

describe('amounts in reasons follow the column unit given to evaluate()', () => {
  test('equipment read from a 万元 column: "需增加 …万元" with 2 decimals; values stay in 元', () => {
    const ev = evaluate(
      [qualityRow(2, '甲', 'primary', 200, [4.5, 1.2, 1.0, 5.0, 8.0, 1700, 2.5])],
      QUALITY_2017,
      {
        units: { equipmentValue: { unit: '万元', factor: 10000 } },
      },
    );
    const equipment = ev.schools[0].indicators.find((i) => i.indicator === 'equipmentValuePerStudent')!;
    expect(equipment).toMatchObject({ value: 1700, gap: 60000, floorGap: 0, withinAllowance: true });
    expect(ev.schools[0].pass).toBe(true);
    expect(ev.schools[0].reasons).toEqual([
      '生均教学仪器设备值 1,700元 < 标准 2,000元（85%）：低于标准但在 85% 允许范围内，学校仍达标；增加 6.00万元 达到标准',
    ]);
  });
});

describe('a verdict’s judged indicators, read without building its indicator verdicts', () => {
  test('are those whose verdict has a standard, in order, for every stage and regime, parts kept or not', () => {
    const rows = [
      qualityRow(3, '甲小学', 'primary', 1000, [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]),
      qualityRow(4, '乙初中', 'junior', 800, [3.0, 0.5, 1.0, 5.0, 8.0, 2100, 2.5]),
      qualityRow(5, '丙初中', 'junior', 900, [4.0, 1.0, 0.9, 4.0, 7.0, 1900, 2.2]),
    ];
    for (const profile of [QUALITY_2017, BASIC_2012]) {
      for (const keep of [true, false]) {
        const ev = evaluate(rows, profile);
        keepVerdictParts(ev.schools, keep);
        for (const s of ev.schools) {
          const fast = (s as Verdict).judgedIndicators();
          const slow = s.indicators.filter((v) => v.standard !== null).map((v) => v.indicator);
          expect([s.name, s.stage, [...fast]]).toEqual([s.name, s.stage, slow]);
        }
      }
    }
  });

  test('the report from verdicts and from their plain copies is the same', () => {
    const rows = [
      qualityRow(3, '甲小学', 'primary', 1000, [4.5, 1.2, 1.0, 5.0, 6.3, 2100, 2.5]),
      qualityRow(4, '乙初中', 'junior', 800, [3.0, 0.5, 1.0, 5.0, 8.0, 2100, 2.5]),
    ];
    const ev = evaluate(rows, QUALITY_2017);
    const input = {
      profileName: QUALITY_2017.name,
      date: '2026年3月1日',
      stages: ev.stages,
      excluded: ev.excluded,
      issues: ev.issues,
    };
    const plain = ev.schools.map((s) => JSON.parse(JSON.stringify(s)) as SchoolVerdict);
    expect(planReport({ ...input, schools: ev.schools })).toEqual(planReport({ ...input, schools: plain }));
  });
});

describe('reasons read alone by a one-pass reader (only the unmet indicators built)', () => {
  test('equal the reasons built from every indicator verdict, on random counties with missing values', () => {
    const rnd = mulberry32(2212);
    for (let t = 0; t < 150; t++) {
      const rows = Array.from({ length: 3 + Math.floor(rnd() * 10) }, (_, k) => {
        const values = GOOD.map((g) => g * (0.6 + rnd() * 0.8));
        const row = qualityRow(
          3 + k,
          `校${k}`,
          rnd() < 0.5 ? 'primary' : 'junior',
          100 + Math.floor(rnd() * 2000),
          values,
        );
        // Now and then a count left blank: its indicator is unknown (缺少数据).
        for (const field of Object.keys(row.counts))
          if (field !== 'students' && rnd() < 0.05) delete (row.counts as Record<string, number>)[field];
        return row;
      });
      for (const profile of [QUALITY_2017, BASIC_2012]) {
        const kept = evaluate(rows, profile).schools.map((s) => s.reasons);
        const ev = evaluate(rows, profile);
        keepVerdictParts(ev.schools, false);
        expect(ev.schools.map((s) => s.reasons)).toEqual(kept);
        // Read after the indicators, the same again.
        expect(ev.schools.map((s) => (void s.indicators, s.reasons))).toEqual(kept);
      }
    }
  });
});
