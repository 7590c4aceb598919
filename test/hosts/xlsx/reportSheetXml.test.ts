// A report sheet's XML reads the values in place when the sections follow each other (every plan's do), and merges
// them into a copy otherwise (the first way of writing it): both give the very same bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  AUTO_PROFILE,
  planFingerprint,
  sheetsFor,
  type ReportPlan,
  type ReportValue,
} from '../../../src/engine';
import { checkWorkbookSheet } from '../../../src/hosts/xlsx/checkSheet';
import { TextSink } from '../../../src/hosts/xlsx/package/sink';
import { openWorkbookBytes } from '../../../src/hosts/xlsx/workbook';
import { reportSheetXml, writeReportSheet } from '../../../src/hosts/xlsx/write/reportSheet';
import { minimalStyles, StylesPatch } from '../../../src/hosts/xlsx/write/styles';
import { mulberry32 as rng } from '../../support/random';

const xml = (plan: ReportPlan) =>
  Buffer.from(reportSheetXml(plan, new StylesPatch(minimalStyles('urn:x')), 'urn:x')).toString('utf8');

function randomPlan(rnd: () => number): ReportPlan {
  const sections: ReportPlan['sections'] = [];
  let top = 1 + Math.floor(rnd() * 3);
  for (let s = 0, n = 2 + Math.floor(rnd() * 4); s < n; s++) {
    const rows = Math.floor(rnd() * 5);
    const values: ReportValue[][] = [];
    const numberFormats: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const width = Math.floor(rnd() * 6);
      const row: ReportValue[] = [];
      const formats: string[] = [];
      for (let c = 0; c < width; c++) {
        const x = rnd();
        if (x < 0.1) continue; // a hole
        row[c] = x < 0.3 ? null : x < 0.4 ? '' : x < 0.7 ? Math.round(rnd() * 1e5) / 100 : `文字<${c}>&`;
        if (rnd() < 0.7) formats[c] = ['General', '0.00', '0', '0.0%'][Math.floor(rnd() * 4)];
      }
      values.push(row);
      numberFormats.push(formats);
    }
    sections.push({ id: 'formTable', top, values, numberFormats } as ReportPlan['sections'][number]);
    top += rows + Math.floor(rnd() * 3);
  }
  const styles = Array.from({ length: Math.floor(rnd() * 4) }, () => {
    const t = 1 + Math.floor(rnd() * top);
    const l = Math.floor(rnd() * 5);
    return {
      top: t,
      left: l,
      bottom: t + Math.floor(rnd() * 3),
      right: l + Math.floor(rnd() * 3),
      style: rnd() < 0.5 ? { bold: true } : { fill: '#F2F2F2', border: true },
    };
  });
  return {
    sheetName: '表',
    sections,
    styles,
    merges: [],
    columnWidths: [8, 9],
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      zoom: 90,
      centerHorizontally: true,
      printTitleRows: null,
      printTitleColumns: null,
      columnBreaks: [],
      header: { center: '页眉' },
      footer: {},
    },
    rowCount: top,
    columnCount: 6,
  } as unknown as ReportPlan;
}

describe('reportSheetXml', () => {
  test('sections read in place give the bytes of sections merged into a copy', () => {
    const rnd = rng(3);
    for (let t = 0; t < 200; t++) {
      const plan = randomPlan(rnd);
      // Listed backwards the sections no longer follow each other: the copy is made.
      const backwards = { ...plan, sections: [...plan.sections].reverse() };
      expect(xml(plan)).toBe(xml(backwards));
    }
  });

  test('cell looks from one table give the bytes of looks kept in arrays per row (ranges with other places)', () => {
    const rnd = rng(29);
    const styles = [
      { bold: true },
      { fill: '#F2F2F2', border: true },
      { wrap: true },
      { fill: '#FFC7CE' },
      {},
    ];
    for (let t = 0; t < 200; t++) {
      const plan = randomPlan(rnd);
      // More ranges, overlapping, of shared and fresh style objects, some of no columns or no rows.
      for (let k = Math.floor(rnd() * 6); k > 0; k--) {
        const top = 1 + Math.floor(rnd() * (plan.rowCount + 2));
        const left = Math.floor(rnd() * 7);
        plan.styles.push({
          top,
          left,
          bottom: top + Math.floor(rnd() * 4) - (rnd() < 0.1 ? 5 : 0),
          right: left + Math.floor(rnd() * 4) - (rnd() < 0.1 ? 5 : 0),
          style:
            rnd() < 0.5 ? styles[Math.floor(rnd() * styles.length)] : { bold: rnd() < 0.5, fontSize: 12 },
        });
      }
      // A range at a place no row or column has (row 0.5) shows nothing, and makes the writer keep its looks in
      // arrays per row: the first way.
      const perRow = {
        ...plan,
        styles: [...plan.styles, { top: 0.5, left: 0, bottom: 0.5, right: 2, style: {} }],
      };
      expect(xml(plan)).toBe(xml(perRow));
    }
  });

  test('an overlapping section overrides values cell by cell, null leaving the earlier value', () => {
    const plan = randomPlan(rng(1));
    plan.sections = [
      { id: 'formTable', top: 1, values: [['a', 'b', 1]], numberFormats: [[]] },
      { id: 'formTable', top: 1, values: [[null, 'B']], numberFormats: [[undefined, 'General']] },
    ] as unknown as ReportPlan['sections'];
    plan.styles = [];
    const text = xml(plan);
    expect(text).toContain('<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">a</t></is></c>');
    expect(text).toContain(
      '<c r="B1" t="inlineStr"><is><t xml:space="preserve">B</t></is></c><c r="C1"><v>1</v></c></row>',
    );
  });

  test('column breaks are written as manual colBreaks after the header and footer, none when there are none', () => {
    const plan = randomPlan(rng(2));
    expect(xml(plan)).not.toContain('colBreaks');
    plan.page = { ...plan.page, columnBreaks: [8, 14] };
    expect(xml(plan)).toMatch(
      /<\/headerFooter><colBreaks count="2" manualBreakCount="2"><brk id="8" max="1048575" man="1"\/><brk id="14" max="1048575" man="1"\/><\/colBreaks><\/worksheet>$/,
    );
  });
});

describe('the fingerprint taken while writing', () => {
  const write = (plan: ReportPlan) => {
    const sink = new TextSink();
    return writeReportSheet(sink, plan, new StylesPatch(minimalStyles('urn:x')), 'urn:x');
  };

  test('is planFingerprint’s, merges and awkward numbers included', () => {
    const rnd = rng(11);
    for (let t = 0; t < 300; t++) {
      const plan = randomPlan(rnd);
      // Numbers whose shortest text has more than 15 digits, -0, and merges over valued cells.
      for (const section of plan.sections)
        for (const row of section.values as ReportValue[][])
          for (let c = 0; c < row.length; c++)
            if (typeof row[c] === 'number' && rnd() < 0.3)
              row[c] = [0.1 + 0.2, -0, 1 / 3, 2 ** 60, -1e-7][t % 5];
      plan.merges = Array.from({ length: Math.floor(rnd() * 3) }, () => {
        const top = 1 + Math.floor(rnd() * 6);
        const left = Math.floor(rnd() * 4);
        return { top, left, bottom: top + Math.floor(rnd() * 2), right: left + 1 + Math.floor(rnd() * 2) };
      });
      expect(write(plan)).toBe(planFingerprint(plan));
    }
  });

  test('is left to the caller (null) when the sections are not in reading order', () => {
    const plan = randomPlan(rng(4));
    plan.sections = [
      { id: 'formTable', top: 3, values: [['a']], numberFormats: [[]] },
      { id: 'formTable', top: 1, values: [['b']], numberFormats: [[]] },
    ] as unknown as ReportPlan['sections'];
    expect(write(plan)).toBeNull();
  });

  test('is planFingerprint’s for every sheet of both samples', () => {
    for (const file of ['示例县-优质均衡.xlsx', '示例县-基本均衡.xlsx']) {
      const bytes = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'assets', 'samples', file));
      const opened = openWorkbookBytes(bytes, file);
      if (!opened.ok) throw new Error(file);
      const checked = checkWorkbookSheet(opened.workbook, file, AUTO_PROFILE);
      if (!checked.ok) throw new Error(file);
      const plans = sheetsFor(checked, new Date(2026, 2, 1));
      expect(plans.length).toBeGreaterThanOrEqual(4);
      for (const plan of plans) {
        const fingerprint = write(plan);
        expect(fingerprint).not.toBeNull();
        expect(fingerprint).toBe(planFingerprint(plan));
      }
    }
  });
});
