// A county of failing schools on the fake, for the round-trip and payload budgets of the Office.js host.
import { planHighlights, type HighlightPlan } from '../../../src/engine/plans/highlightPlan';
import type { ColumnMap, SchoolVerdict } from '../../../src/engine/model/types';
import { createFakeExcel, type FakeExcel } from './fakeExcel';

const COLUMNS: ColumnMap = { name: 0, students: 1, qualifiedTeachers: 2, sportsArea: 7, equipmentValue: 8 };

/** `schools` failing primary schools under one header row, with a user comment and a user note. */
export function county(schools: number): { fake: FakeExcel; plan: HighlightPlan } {
  const fake = createFakeExcel();
  const rows: (string | number)[][] = [
    ['学校名称', '在校生数', '高于规定学历教师数', '', '', '', '', '体育运动场馆面积', '设备值'],
  ];
  const verdicts: SchoolVerdict[] = [];
  for (let i = 0; i < schools; i++) {
    const row = i + 2;
    rows.push([`第${i + 1}小学`, 1000, 40, '', '', '', '', 6300, 1800000]);
    verdicts.push({
      key: `${row}:primary`,
      row,
      name: `第${i + 1}小学`,
      stage: 'primary',
      kind: 'primary',
      indicators: [
        {
          indicator: 'sportsAreaPerStudent',
          value: 6.3,
          standard: 7.5,
          ratio: 0.84,
          pass: false,
          gap: 1200,
          resourceField: 'sportsArea',
        },
        {
          indicator: 'equipmentValuePerStudent',
          value: 1800,
          standard: 2000,
          ratio: 0.9,
          pass: false,
          gap: 200000,
          resourceField: 'equipmentValue',
        },
        {
          indicator: 'qualifiedTeachersPer100',
          value: 4,
          standard: 4.2,
          ratio: 4 / 4.2,
          pass: i % 2 === 0,
          gap: 2,
          resourceField: 'qualifiedTeachers',
        },
      ],
      met: 0,
      pass: false,
      checks: [],
      reasons: ['生均体育运动场馆面积不达标'],
    });
  }
  const sheet = fake.workbook.addSheet('学校数据', rows);
  sheet.addComment('H2', '面积待核实');
  sheet.setNote('B3', '含分校');
  return { fake, plan: planHighlights({ sheet: '学校数据', schools: verdicts, columns: COLUMNS }) };
}
