// Per-school rule (spec §4): TV-5, "exactly 85% passes", the float trap, other provinces' k of n, gaps and reasons.
import { evaluate } from '../../src/engine/rules/evaluate';
import {
  formatAmount,
  formatIndicatorReason,
  formatNumber,
  formatPercent,
  formatPercentBelow,
  formatTeacherRatio,
} from '../../src/engine/model/format';
import { parseProfile, QUALITY_2017 } from '../../src/engine/rules/profiles';
import {
  compareToFloor,
  floorOf,
  judgeSchool,
  meetsFloor,
  schoolRulePass,
} from '../../src/engine/rules/schoolRule';
import type { Profile, SchoolVerdict } from '../../src/engine/model/types';
import { qualityRow, QUALITY_ORDER } from './support/rows';

const PRIMARY = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3];
const RULE = { k: 6, r: 0.85 };
const A = [4.5, 1.2, 1.0, 5.0, 8.0, 2100, 2.5];
const withSports = (sports: number) => [4.5, 1.2, 1.0, 5.0, sports, 2100, 2.5];
const E = [4.1, 1.2, 1.0, 5.0, 7.0, 2100, 2.5];
const F = [5.3, 1.0, 0.9, 5.8, 10.2, 2500, 2.4];

describe('TV-5 with given values (judgeSchool)', () => {
  test.each([
    ['A (7/7)', A, 7, true],
    ['B (6.5/7.5 = 86.7%)', withSports(6.5), 6, true],
    ['C (exactly 85%)', withSports(6.375), 6, true],
    ['D (84%)', withSports(6.3), 6, false],
    ['E (5 met)', E, 5, false],
  ])('小学 %s', (_, values, met, pass) => {
    expect(judgeSchool(values, PRIMARY, RULE)).toMatchObject({ met, pass });
  });

  test('初中 F: "all exactly at standard" passes 7/7', () => {
    expect(judgeSchool(F, [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4], RULE)).toMatchObject({ met: 7, pass: true });
  });
});

describe('TV-5 from raw counts through evaluate() (1000 students each)', () => {
  const rows = [
    qualityRow(3, 'A', 'primary', 1000, A),
    qualityRow(4, 'B', 'primary', 1000, withSports(6.5)),
    qualityRow(5, 'C', 'primary', 1000, withSports(6.375)),
    qualityRow(6, 'D', 'primary', 1000, withSports(6.3)),
    qualityRow(7, 'E', 'primary', 1000, E),
    qualityRow(8, 'F', 'junior', 1000, F),
  ];
  const ev = evaluate(rows, QUALITY_2017);
  const byName = (name: string): SchoolVerdict => ev.schools.find((s) => s.name === name)!;

  test('verdicts A pass, B pass, C pass (exactly 85%), D fail (84%), E fail (5 met), F pass', () => {
    expect(ev.schools.map((s) => [s.name, s.met, s.pass])).toEqual([
      ['A', 7, true],
      ['B', 6, true],
      ['C', 6, true],
      ['D', 6, false],
      ['E', 5, false],
      ['F', 7, true],
    ]);
    expect(ev.summary).toEqual({ checked: 6, passed: 4, failed: 2, undecided: 0, excluded: 0 });
    expect(ev.issues).toEqual([]);
  });

  test('each indicator carries value, standard, ratio, exact pass and the gap (0 when met)', () => {
    const c = byName('C').indicators.find((i) => i.indicator === 'sportsAreaPerStudent')!;
    expect(c).toMatchObject({ value: 6.375, standard: 7.5, ratio: 0.85, pass: false, gap: 1125 });
    expect(c.resourceField).toBe('sportsArea');
    expect(byName('F').indicators.map((i) => [i.indicator, i.pass, i.gap])).toEqual(
      QUALITY_ORDER.map((id) => [id, true, 0]),
    );
  });

  test('"gap = raw resource to add": sportsArea gap = standard·P − area; per-100 teachers rounded up', () => {
    const d = byName('D').indicators.find((i) => i.indicator === 'sportsAreaPerStudent')!;
    expect(d.gap).toBe(7.5 * 1000 - 6300);
    // E has 41 qualified teachers for 1000 students; 4.2 per 100 needs 42.
    const e = byName('E').indicators.find((i) => i.indicator === 'qualifiedTeachersPer100')!;
    expect(e).toMatchObject({ value: 4.1, pass: false, gap: 1, resourceField: 'qualifiedTeachers' });
  });

  test('reasons name the rule that fails (k and r from the profile), then each unmet indicator with both amounts', () => {
    expect(byName('D').reasons).toEqual([
      '6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线',
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 75㎡ 达到底线即可使学校达标，增加 1,200㎡ 达到标准',
    ]);
    expect(byName('E').reasons).toEqual([
      '仅 5 项达标，少于 6 项',
      '每百名学生拥有高于规定学历教师数 4.1 < 标准 4.2（97.6%），在 85% 允许范围内；增加 1人 达到标准',
      '生均体育运动场馆面积 7㎡ < 标准 7.5㎡（93.3%），在 85% 允许范围内；增加 500㎡ 达到标准',
    ]);
    expect(byName('A').reasons).toEqual([]);
  });

  test('a passing school below standard says it is within the allowance (C at exactly 85%, B at 86.7%)', () => {
    expect(byName('C').reasons).toEqual([
      '生均体育运动场馆面积 6.38㎡ < 标准 7.5㎡（85%）：低于标准但在 85% 允许范围内，学校仍达标；增加 1,125㎡ 达到标准',
    ]);
    expect(byName('B').reasons[0]).toContain('（86.7%）：低于标准但在 85% 允许范围内，学校仍达标');
  });

  test('each unmet indicator carries the floor: r, whether it is within the allowance, and the gap to r × standard', () => {
    const sports = (name: string) =>
      byName(name).indicators.find((i) => i.indicator === 'sportsAreaPerStudent')!;
    expect(sports('C')).toMatchObject({ floorShare: 0.85, withinAllowance: true, floorGap: 0, gap: 1125 });
    expect(sports('D')).toMatchObject({ floorShare: 0.85, withinAllowance: false, floorGap: 75, gap: 1200 });
    expect(sports('A').withinAllowance).toBeUndefined();
  });

  test("the issue's school: 6.3㎡ for 250 pupils needs 18.75㎡ to pass and 300㎡ to reach the standard", () => {
    const ev250 = evaluate([qualityRow(2, '杨庄小学', 'primary', 250, withSports(6.3))], QUALITY_2017);
    expect(ev250.schools[0].pass).toBe(false);
    expect(ev250.schools[0].reasons).toEqual([
      '6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 85% 底线',
      '生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），低于 85% 底线：增加 18.75㎡ 达到底线即可使学校达标，增加 300㎡ 达到标准',
    ]);
  });

  test('"at least k" and r come from the profile: 5 of 7 at 90%', () => {
    const parsed = parseProfile({ extends: 'quality-2017', schoolRule: { k: 5, r: 0.9 } });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const ev5 = evaluate(
      [
        qualityRow(2, '四项', 'primary', 1000, [4.1, 0.9, 1.0, 5.0, 7.0, 2100, 2.5]),
        qualityRow(3, '底线', 'primary', 1000, withSports(6.3)),
      ],
      parsed.profile,
    );
    expect(ev5.schools[0].reasons[0]).toBe('仅 4 项达标，少于 5 项');
    expect(ev5.schools[1].reasons[0]).toBe('6 项达标；生均体育运动场馆面积仅为标准的 84%，低于 90% 底线');
  });
});

describe('exactness: "any raw counts whose ratio equals the standard must pass"', () => {
  test('the trap is real: 9/1000*100 in binary floating point is 0.8999999999999999', () => {
    expect((9 / 1000) * 100).toBe(0.8999999999999999);
  });

  test('the float value one ulp under the standard is re-decided from the counts: 9 for 1000 is exactly 0.9', () => {
    const floor = floorOf(0.9, null);
    expect(compareToFloor(0.8999999999999999, floor)).toBe(0);
    expect(
      meetsFloor(0.8999999999999999, floor, {
        resource: () => floorOf(9, null).bound.value,
        students: 1000,
        per: 100,
      }),
    ).toBe(true);
    // 8.999999 teachers is not 9: the exact path says no.
    expect(
      meetsFloor(0.8999999, floor, {
        resource: () => floorOf(8.999999, null).bound.value,
        students: 1000,
        per: 100,
      }),
    ).toBe(false);
  });

  test('9 PE/art teachers for 1000 students and 21 qualified for 500 students pass through evaluate()', () => {
    const ev = evaluate(
      [
        {
          row: 2,
          name: '体艺',
          kind: 'primary',
          counts: {
            students: 1000,
            peTeachers: 4,
            musicTeachers: 3,
            artTeachers: 2,
            qualifiedTeachers: 21 * 2,
          },
        },
        { row: 3, name: '学历', kind: 'primary', counts: { students: 500, qualifiedTeachers: 21 } },
      ],
      QUALITY_2017,
    );
    const pe = ev.schools[0].indicators.find((i) => i.indicator === 'peArtTeachersPer100')!;
    expect(pe).toMatchObject({
      pass: true,
      gap: 0,
      resourceFields: ['peTeachers', 'musicTeachers', 'artTeachers'],
    });
    expect(ev.schools[1].indicators.find((i) => i.indicator === 'qualifiedTeachersPer100')).toMatchObject({
      value: 4.2,
      pass: true,
    });
  });

  test('the residual floor r × standard is exact too: 0.85 × 7.5 = 6.375 (0.85*7.5 in binary is not)', () => {
    expect(judgeSchool(withSports(6.375), PRIMARY, RULE).pass).toBe(true);
    expect(judgeSchool(withSports(6.374999999999), PRIMARY, RULE).pass).toBe(false);
  });
});

describe('the rule "met == n or (met ≥ k and every unmet ≥ r × standard)" with other k, n, r', () => {
  const tenOfTen = (): Profile => {
    const parsed = parseProfile({
      extends: 'quality-2017',
      id: 'province-8-of-10',
      standards: {
        computersPer100: { primary: 10, junior: 12 },
        booksPerStudent: { primary: 25, junior: 35 },
        teachersPerStudent: { primary: 0.05, junior: 0.07 },
      },
      schoolRule: { k: 8, r: 0.6 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    return parsed.profile;
  };

  test('a province using 8 of 10 at 60%: 8 met and two at 60% pass; 59.9% fails; 7 met fails', () => {
    const standards = [4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3, 10, 25, 0.05];
    expect(
      judgeSchool([4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3, 10, 15, 0.03], standards, { k: 8, r: 0.6 }).pass,
    ).toBe(true);
    expect(
      judgeSchool([4.2, 1, 0.9, 4.5, 7.5, 2000, 2.3, 10, 14.99, 0.03], standards, { k: 8, r: 0.6 }).pass,
    ).toBe(false);
    expect(
      judgeSchool([4.2, 1, 0.9, 4.5, 7.5, 2000, 1, 10, 24, 0.04], standards, { k: 8, r: 0.6 }).pass,
    ).toBe(false);
    const profile = tenOfTen();
    const ev = evaluate(
      [
        {
          row: 2,
          name: '十项',
          kind: 'primary',
          counts: {
            ...qualityRow(2, '', 'primary', 1000, A).counts,
            computers: 100,
            books: 15000,
            teachers: 30,
          },
        },
      ],
      profile,
    );
    expect(ev.schools[0]).toMatchObject({ met: 8, pass: true });
    expect(ev.schools[0].indicators).toHaveLength(10);
  });

  test('"Each stage part is checked against its own stage\'s standard"', () => {
    const values = [5.0, 1.0, 0.9, 5.0, 8.0, 2200, 2.35];
    const ev = evaluate(
      [qualityRow(2, '小学部', 'primary', 1000, values), qualityRow(3, '初中部', 'junior', 1000, values)],
      QUALITY_2017,
    );
    expect(ev.schools.map((s) => [s.stage, s.met, s.pass])).toEqual([
      ['primary', 7, true],
      ['junior', 2, false],
    ]);
  });

  test('a missing value is never a guess: pass is null unless no outcome of it could pass', () => {
    expect(schoolRulePass(6, 7, 6, 0, 1)).toBeNull();
    expect(schoolRulePass(5, 7, 6, 0, 1)).toBeNull();
    expect(schoolRulePass(4, 7, 6, 0, 1)).toBe(false);
    expect(schoolRulePass(5, 7, 6, 1, 1)).toBe(false);
    expect(judgeSchool([4.5, 1.2, 1, 5, null, 2100, 2.5], PRIMARY, RULE)).toMatchObject({
      met: 6,
      pass: null,
    });
  });

  describe('three-valued: "the school leaves that indicator and its verdict is undecided unless no value could change it" (§8)', () => {
    // §4: pass = met == n or (met ≥ k and every unmet ≥ r × standard). An unknown count is ≥ 0, and the rule only
    // gets easier as a value grows, so the unknown at 0 is the worst case and the unknown met is the best.
    test('6 of 7 met, the 7th unknown: it could be met (pass) or below 85% (fail), so undecided', () => {
      expect(schoolRulePass(6, 7, 6, 0, 1)).toBeNull();
      expect(judgeSchool([4.5, 1.2, 1, 5, null, 2100, 2.5], PRIMARY, RULE).pass).toBeNull();
    });

    test('"met ≥ k" cannot be reached even with every unknown met: fail, decided', () => {
      // 4 met, 2 unmet above 85%, 1 unknown: at best 5 of 7.
      expect(schoolRulePass(4, 7, 6, 0, 1)).toBe(false);
      expect(judgeSchool([4.0, 0.9, 1, 5, null, 2100, 2.5], PRIMARY, RULE)).toMatchObject({
        met: 4,
        pass: false,
      });
    });

    test('"every unmet ≥ r × standard" already broken by a known value (84%): fail whatever the unknown is', () => {
      expect(schoolRulePass(5, 7, 6, 1, 1)).toBe(false);
      expect(judgeSchool([4.5, 1.2, 1, 5, 6.3, null, 2.5], PRIMARY, RULE).pass).toBe(false);
    });

    test('"met == n" is the only way with a known unmet one below the floor; an unknown one cannot rescue 5 met', () => {
      expect(judgeSchool([4.5, 1.2, 1, 5, 6.3, 2100, null], PRIMARY, RULE).pass).toBe(false);
    });

    test('8 of 10 at 60%: 9 met and one unknown is still undecided (the unknown could be below 60%)', () => {
      expect(schoolRulePass(9, 10, 8, 0, 1)).toBeNull();
      expect(schoolRulePass(7, 10, 8, 0, 1)).toBeNull();
      expect(schoolRulePass(6, 10, 8, 0, 1)).toBe(false);
    });

    test('r = 0 ("the rest ≥ 0 × standard" holds for any count): met ≥ k decides a pass despite unknowns', () => {
      const r0 = { k: 6, r: 0 };
      expect(schoolRulePass(6, 7, 6, 0, 1, { met: 0, aboveFloor: 1 })).toBe(true);
      expect(judgeSchool([4.5, 1.2, 1, 5, null, 2100, 2.5], PRIMARY, r0).pass).toBe(true);
      // 5 met and 2 unknown: both unknown could be unmet, so only 5 of 7 at worst.
      expect(judgeSchool([4.5, 1.2, 1, 5, null, null, 2.5], PRIMARY, r0).pass).toBeNull();
    });

    test('a standard of 0 is met by any count: an unknown value there cannot change the verdict', () => {
      const standards = [...PRIMARY.slice(0, 6), 0];
      expect(judgeSchool([4.5, 1.2, 1, 5, 8, 2100, null], standards, RULE).pass).toBe(true);
    });

    test('through evaluate(): an unknown count leaves the part undecided and counted in summary.undecided', () => {
      const known = qualityRow(3, '甲', 'primary', 1000, A);
      const open = qualityRow(4, '北山小学', 'primary', 1000, A);
      delete open.counts.sportsArea;
      const lost = qualityRow(5, '丙', 'primary', 1000, withSports(6.3));
      delete lost.counts.multimediaRooms;
      const ev = evaluate([known, open, lost], QUALITY_2017);
      expect(ev.schools.map((s) => s.pass)).toEqual([true, null, false]);
      expect(ev.summary).toEqual({ checked: 3, passed: 1, failed: 1, undecided: 1, excluded: 0 });
    });

    test('through evaluate() with r = 0: a part with 6 known met and one unknown passes', () => {
      const parsed = parseProfile({ extends: 'quality-2017', schoolRule: { r: 0 } });
      if (!parsed.ok) throw new Error(parsed.errors.join());
      const open = qualityRow(4, '北山小学', 'primary', 1000, A);
      delete open.counts.sportsArea;
      const ev = evaluate([open], parsed.profile);
      expect(ev.schools[0].pass).toBe(true);
      expect(ev.summary.undecided).toBe(0);
    });
  });

  test('rounding mode for per-school values: compared after rounding half-up (7.45 → 7.5 meets 7.5)', () => {
    const parsed = parseProfile({ extends: 'quality-2017', rounding: { school: 1 } });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    // Rounded to 1 decimal: 7.45 → 7.5 meets 7.5; 7.44 → 7.4 does not.
    expect(judgeSchool(withSports(7.45), PRIMARY, RULE, 1).meets[4]).toBe(true);
    expect(judgeSchool(withSports(7.44), PRIMARY, RULE, 1).meets[4]).toBe(false);
    expect(judgeSchool(withSports(7.45), PRIMARY, RULE).meets[4]).toBe(false);
    const ev = evaluate([qualityRow(2, 'x', 'primary', 1000, withSports(7.45))], parsed.profile);
    expect(ev.schools[0].met).toBe(7);
  });
});

describe('reason formatting (exported for the highlight plan and the report)', () => {
  test('numbers: thousands separators, ≤ 2 decimals; percentages rounded, not truncated (4/4.5 = 88.9%)', () => {
    expect(formatNumber(1220)).toBe('1,220');
    expect(formatNumber(1234567.891)).toBe('1,234,567.89');
    expect(formatNumber(6.3)).toBe('6.3');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatPercent(0.84)).toBe('84%');
    expect(formatPercent(0.85)).toBe('85%');
    expect(formatPercent(4 / 4.5)).toBe('88.9%');
    expect(formatPercent(6.5 / 7.5)).toBe('86.7%');
  });

  test('a share below the 85% floor is never shown as 85%: whole percent, else one more decimal', () => {
    expect(formatPercentBelow(0.84, 0.85)).toBe('84%');
    expect(formatPercentBelow(0.8467, 0.85)).toBe('84.7%');
    expect(formatPercentBelow(0.8496, 0.85)).toBe('84.96%');
    expect(formatPercentBelow(0.84999, 0.85)).toBe('84.999%');
    expect(formatPercentBelow(0.8499999999999, 0.85)).not.toMatch(/^85/);
    // An unmet indicator is never shown at 100% either.
    expect(formatPercentBelow(0.9996, 1, 1)).toBe('99.96%');
  });

  test('师生比 as staff write it: students per teacher, 1 decimal', () => {
    expect(formatTeacherRatio(0.0511)).toBe('1:19.6');
    expect(formatTeacherRatio(1 / 13)).toBe('1:13.0');
    expect(formatTeacherRatio(0)).toBe('—');
  });

  test('money follows its column\'s unit: 260,000 元 in a 万元 column is "26.00万元", rounded up to 2 decimals', () => {
    const verdict = {
      indicator: 'equipmentValuePerStudent' as const,
      value: 1740,
      standard: 2000,
      ratio: 0.87,
      pass: false,
      gap: 260000,
      resourceField: 'equipmentValue',
    };
    const units = { equipmentValue: { unit: '万元', factor: 10000 } };
    expect(formatAmount(verdict, 260000, units)).toBe('26.00万元');
    expect(formatAmount(verdict, 123456.78, units)).toBe('12.35万元');
    expect(formatAmount(verdict, 260000)).toBe('260,000元');
    expect(formatIndicatorReason(verdict, { units })).toBe(
      '生均教学仪器设备值 1,740元 < 标准 2,000元（87%），需增加 26.00万元',
    );
    // Only money follows the column: an area column in 亩 still reads in ㎡.
    expect(
      formatAmount({ ...verdict, indicator: 'sportsAreaPerStudent', resourceField: 'sportsArea' }, 300, {
        sportsArea: { unit: '亩', factor: 10000 / 15 },
      }),
    ).toBe('300㎡');
  });

  test('"生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡"', () => {
    expect(
      formatIndicatorReason({
        indicator: 'sportsAreaPerStudent',
        value: 6.3,
        standard: 7.5,
        ratio: 0.84,
        pass: false,
        gap: 1220,
      }),
    ).toBe('生均体育运动场馆面积 6.3㎡ < 标准 7.5㎡（84%），需增加 1,220㎡');
  });

  test('a value that would print like its standard gets more decimals', () => {
    expect(
      formatIndicatorReason({
        indicator: 'equipmentValuePerStudent',
        value: 1999.999,
        standard: 2000,
        ratio: 0.9999995,
        pass: false,
        gap: 0.01,
      }),
    ).toBe('生均教学仪器设备值 1,999.999元 < 标准 2,000元（99.99995%），需增加 0.01元');
  });
});
