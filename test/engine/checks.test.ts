// TV-7 and spec §7: school size, class size with bands, music and art rooms — alone and through evaluate().
import {
  classBand,
  classSizeCheck,
  roomsNeeded,
  runChecks,
  schoolSizeCheck,
} from '../../src/engine/rules/checks';
import { evaluate } from '../../src/engine/rules/evaluate';
import { BASIC_2012, QUALITY_2017 } from '../../src/engine/rules/profiles';
import type { SchoolRow } from '../../src/engine/model/types';

const LIMITS = QUALITY_2017.checks;

describe('TV-7 school size: "小学, 初中 ≤ 2000; 九年一贯制 and 十二年一贯制 compulsory-stage enrolment ≤ 2500"', () => {
  test.each([
    [2000, false, true],
    [2001, false, false],
    [2500, true, true],
    [2501, true, false],
  ])('%i students (combined %s) → pass %s', (n, combined, pass) => {
    const r = schoolSizeCheck(n, combined ? 2500 : 2000, combined);
    expect(r).toMatchObject({ check: 'schoolSize', pass, field: 'students' });
  });

  test('message', () => {
    expect(schoolSizeCheck(2001, 2000, false).message).toBe('学校规模 2,001 人，超过 2,000 人');
  });
});

describe('TV-7 class size: "every class ≤ 45 (小学) / ≤ 50 (初中); bands 46–55 偏大班额, 56–65 大班额, ≥ 66 超大班额"', () => {
  test.each([
    [45, 'primary', true, '正常'],
    [46, 'primary', false, '偏大班额'],
    [50, 'junior', true, '正常'],
    [51, 'junior', false, '偏大班额'],
    [56, 'primary', false, '大班额'],
    [65, 'junior', false, '大班额'],
    [66, 'primary', false, '超大班额'],
  ] as const)('largest class %i (%s) → pass %s, %s', (size, stage, pass, band) => {
    expect(classBand(size, stage)).toBe(band);
    expect(classSizeCheck(size, stage, LIMITS.classSize![stage])).toMatchObject({
      pass,
      band,
      field: 'maxClassSize',
    });
  });

  test('message names the band', () => {
    expect(classSizeCheck(58, 'primary', 45).message).toBe('最大班额 58 人，超过 45 人（大班额）');
  });
});

describe('TV-7 rooms: "per 12 classes (ceil, at least 1) one music and one art room; music ≥ 96 m², art ≥ 90 m²"', () => {
  test('25 classes → 3 music + 3 art rooms; 1 class still needs 1', () => {
    expect(roomsNeeded(25, 12)).toBe(3);
    expect(roomsNeeded(24, 12)).toBe(2);
    expect(roomsNeeded(1, 12)).toBe(1);
    const checks = runChecks(
      { stage: 'primary', combined: false, classes: 25, musicRooms: 3, artRooms: 2 },
      LIMITS,
    );
    expect(checks.map((c) => [c.check, c.pass])).toEqual([
      ['musicRooms', true],
      ['artRooms', false],
    ]);
    expect(checks[1].message).toBe('美术专用教室 2 间，25 个班需 3 间，还差 1 间');
  });

  test('a 95 m² music room fails, a 90 m² art room passes', () => {
    const checks = runChecks(
      { stage: 'junior', combined: false, musicRoomArea: 95, artRoomArea: 90 },
      LIMITS,
    );
    expect(checks.map((c) => [c.check, c.pass, c.field])).toEqual([
      ['musicRoomArea', false, 'musicRoomArea'],
      ['artRoomArea', true, 'artRoomArea'],
    ]);
    expect(checks[0].message).toBe('音乐教室面积 95㎡，低于 96㎡');
  });

  test('"checks run only when their fields are present", and not at all when the profile switches them off', () => {
    expect(runChecks({ stage: 'primary', combined: false }, LIMITS)).toEqual([]);
    expect(
      runChecks({ stage: 'primary', combined: false, enrolment: 3000, maxClassSize: 70 }, BASIC_2012.checks),
    ).toEqual([]);
  });
});

describe('§7 through evaluate()', () => {
  const base = { students: 900, maxClassSize: 46, classes: 25, musicRooms: 3, artRooms: 3 };

  test('a 小学 row: size, class band and rooms appear as checks; failures become reasons', () => {
    const ev = evaluate([{ row: 2, name: '城关小学', kind: 'primary', counts: base }], QUALITY_2017);
    const v = ev.schools[0];
    expect(v.checks.map((c) => [c.check, c.pass, c.band])).toEqual([
      ['schoolSize', true, undefined],
      ['classSize', false, '偏大班额'],
      ['musicRooms', true, undefined],
      ['artRooms', true, undefined],
    ]);
    expect(v.reasons).toContain('最大班额 46 人，超过 45 人（偏大班额）');
  });

  test('"for a combined school\'s parts use the school total of its compulsory parts": 1300 + 1201 > 2500', () => {
    const rows: SchoolRow[] = [
      { row: 2, name: '红星学校（小学部）', kind: 'nineYear', stage: 'primary', counts: { students: 1300 } },
      { row: 3, name: '红星学校（初中部）', kind: 'nineYear', stage: 'junior', counts: { students: 1201 } },
      {
        row: 4,
        name: '青山学校',
        kind: 'nineYear',
        counts: {},
        byStage: { primary: { students: 1300 }, junior: { students: 1200 } },
      },
    ];
    const ev = evaluate(rows, QUALITY_2017);
    const size = ev.schools.map((s) => [
      s.name,
      s.stage,
      s.checks.find((c) => c.check === 'schoolSize')?.pass,
    ]);
    expect(size).toEqual([
      ['红星学校（小学部）', 'primary', false],
      ['红星学校（初中部）', 'junior', false],
      ['青山学校', 'primary', true],
      ['青山学校', 'junior', true],
    ]);
    expect(ev.schools[0].checks[0].message).toBe('学校规模（义务教育阶段合计）2,501 人，超过 2,500 人');
  });

  test("a split row's rooms are the whole school's: checked once, on its first stage part", () => {
    const ev = evaluate(
      [
        {
          row: 2,
          name: '青山学校',
          kind: 'nineYear',
          counts: { classes: 30, musicRooms: 2, artRooms: 3 },
          byStage: { primary: { students: 600 }, junior: { students: 400 } },
        },
      ],
      QUALITY_2017,
    );
    expect(ev.schools[0].checks.filter((c) => c.check === 'musicRooms').map((c) => c.pass)).toEqual([false]);
    expect(ev.schools[1].checks.filter((c) => c.check === 'musicRooms')).toEqual([]);
  });
});

describe('a check carries its figures as data, the same numbers its Chinese message states', () => {
  test('size, class, rooms and areas: value and limit (and classes) match the message', () => {
    const checks = runChecks(
      {
        stage: 'primary',
        combined: true,
        enrolment: 2600,
        maxClassSize: 58,
        classes: 25,
        musicRooms: 1,
        artRooms: 3,
        musicRoomArea: 80,
        artRoomArea: 95.5,
      },
      LIMITS,
    );
    expect(checks.map((c) => [c.check, c.value, c.limit, c.classes, c.combined])).toEqual([
      ['schoolSize', 2600, 2500, undefined, true],
      ['classSize', 58, 45, undefined, undefined],
      ['musicRooms', 1, 3, 25, undefined],
      ['artRooms', 3, 3, 25, undefined],
      ['musicRoomArea', 80, 96, undefined, undefined],
      ['artRoomArea', 95.5, 90, undefined, undefined],
    ]);
    // Every figure appears in the message (formatted with thousands separators).
    for (const c of checks) {
      const numbers = (c.message.match(/\d[\d,]*(\.\d+)?/g) ?? []).map((n) => Number(n.replace(/,/g, '')));
      expect(numbers).toEqual(expect.arrayContaining([c.value, c.limit]));
    }
  });
});
