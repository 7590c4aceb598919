// Which report sheets Balance may replace: its own untouched report only; the rest are kept and named.
import {
  placeReports,
  readReportMark,
  reportFingerprint,
  reportMarkFormula,
  type ReportPlan,
} from '../../src/engine';

const plan = (sheetName: string) => ({ sheetName }) as ReportPlan;

describe('the mark and the fingerprint', () => {
  test('the mark reads back from a formula, from workbook.xml text, and not from anything else', () => {
    const fp = reportFingerprint([{ row: 1, column: 0, value: '报告' }]);
    expect(readReportMark(reportMarkFormula(fp))).toBe(fp);
    expect(readReportMark(`"Balance report v1 ${fp}"`)).toBe(fp);
    expect(readReportMark('=Sheet1!$A$1')).toBeNull();
    expect(readReportMark('="Balance report v1 xyz"')).toBeNull();
    expect(readReportMark(42)).toBeNull();
  });

  test('a value read back with float noise beyond 15 digits is the same; an added line or a changed value is not', () => {
    const cells = [
      { row: 1, column: 0, value: '差异系数' },
      { row: 1, column: 1, value: 0.3 },
    ];
    const fp = reportFingerprint(cells);
    expect(reportFingerprint([cells[1], { ...cells[0] }, { row: 9, column: 0, value: '' }])).toBe(fp);
    expect(reportFingerprint([cells[0], { row: 1, column: 1, value: 0.1 + 0.2 }])).toBe(fp);
    expect(reportFingerprint([...cells, { row: 40, column: 0, value: '审核人：李四' }])).not.toBe(fp);
    expect(reportFingerprint([cells[0], { row: 1, column: 1, value: 0.31 }])).not.toBe(fp);
  });
});

describe('placeReports', () => {
  test('no sheet of that name: written under its own name', () => {
    const { placements, outcome } = placeReports([plan('均衡评估报告')], [{ name: '学校数据', mark: null }]);
    expect(placements.map((p) => [p.name, p.replace])).toEqual([['均衡评估报告', false]]);
    expect(outcome).toEqual({ written: ['均衡评估报告'], keptUserSheets: [], keptEdited: [] });
  });

  test("Balance's untouched report is replaced; an edited one or a user's sheet (any case) never is", () => {
    const untouched = { name: '均衡评估报告', mark: 'a', current: 'a' };
    expect(placeReports([plan('均衡评估报告')], [untouched]).placements[0]).toMatchObject({
      name: '均衡评估报告',
      replace: true,
    });
    const edited = { name: '均衡评估报告', mark: 'a', current: 'b' };
    const user = { name: '均衡评估报告 (2)', mark: null };
    const { placements, outcome } = placeReports([plan('均衡评估报告')], [edited, user]);
    expect(placements[0]).toMatchObject({ name: '均衡评估报告 (3)', replace: false });
    expect(outcome).toEqual({
      written: ['均衡评估报告 (3)'],
      keptUserSheets: ['均衡评估报告 (2)'],
      keptEdited: ['均衡评估报告'],
    });
    expect(placeReports([plan('Report')], [{ name: 'REPORT', mark: null }]).placements[0].name).toBe(
      'Report (2)',
    );
  });
});
