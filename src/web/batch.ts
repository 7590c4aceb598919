/**
 * Several workbooks at once (a city or province office): each checked as `balance check` checks a file (its first sheet
 * with a school table, the standard chosen from its columns), then one zip of every marked copy and a summary sheet.
 * Bytes in, bytes out: no network, no file system.
 */
import { zipSync } from 'fflate';
import {
  AUTO_PROFILE,
  countyVerdict,
  highlightsFor,
  sheetsFor,
  type CountyVerdict,
  type Profile,
  type ReportOptions,
  type ReportPlan,
  type ReportValue,
  type SheetCheck,
  type Verdict,
} from '../engine';
import { checkWorkbookSheet } from '../hosts/xlsx/checkSheet';
import { openWorkbookBytes } from '../hosts/xlsx/workbook';
import { markedCopy } from '../hosts/xlsx/write/markedCopy';
import { workbookOf } from '../hosts/xlsx/write/newWorkbook';
import { outputName } from './download';
import type { WebStrings } from './strings';
import type { Unusable } from './unusable';

export const MARKED_SUFFIX = '-评估结果.xlsx';
export const FORMS_SUFFIX = '-申报表.xlsx';

export type { Unusable };

/** One workbook of the batch: its verdict, or why it could not be used. */
export type CountyResult =
  | {
      ok: true;
      file: string;
      sheet: string;
      /** The standard's id (quality-2017, basic-2012, or a custom one's) and its name without the document number. */
      profileId: string;
      profileName: string;
      schools: number;
      issues: number;
      verdict: Verdict;
      /** The county verdict in full, for the page to word its reason in its language. */
      county: CountyVerdict;
      /** The reason in Chinese (the summary sheet's). */
      reason: string;
    }
  | Unusable;

/**
 * Checks one workbook as the CLI does by default (standard 'auto'); unusable input is a Chinese message. `options`
 * gives the written sheets' options for the standard chosen (the pane's, when this workbook was opened in it).
 */
export function checkWorkbook(
  bytes: Uint8Array,
  file: string,
  options?: (profile: Profile) => ReportOptions,
): { ok: true; check: SheetCheck; copy: () => Uint8Array } | Omit<Unusable, 'file'> {
  const opened = openWorkbookBytes(bytes, file);
  if (!opened.ok) return { ok: false, message: opened.message, problem: opened.problem };
  const checked = checkWorkbookSheet(opened.workbook, file, AUTO_PROFILE);
  if (!checked.ok) {
    if (!('fatal' in checked))
      return {
        ok: false,
        message: checked.message,
        problem: checked.problem,
        sheets: opened.workbook.worksheets.map((w) => w.name),
      };
    return {
      ok: false,
      message: `“${file}”无法评估：${checked.fatal.map((i) => i.message).join('；')}`,
      problem: 'unusableTable',
      issues: checked.fatal,
    };
  }
  const { profile } = checked;
  const check: SheetCheck = {
    sheet: checked.sheet,
    profile,
    table: checked.table,
    evaluation: checked.evaluation,
    issues: checked.issues,
    caption: checked.caption,
  };
  const workbook = opened.workbook;
  return {
    ok: true,
    check,
    copy: () =>
      markedCopy(workbook, highlightsFor(check), sheetsFor(check, new Date(), undefined, options?.(profile))),
  };
}

/** The county list's line of a checked workbook. */
export function resultOf(file: string, outcome: ReturnType<typeof checkWorkbook>): CountyResult {
  if (!outcome.ok) return { ...outcome, file };
  const { check } = outcome;
  const county = countyVerdict(check.evaluation);
  return {
    ok: true,
    file,
    sheet: check.sheet,
    profileId: check.profile.id,
    profileName: check.profile.name.replace(/[（(].*$/, ''),
    schools: check.evaluation.schools.length,
    issues: check.issues.length,
    verdict: county.verdict,
    county,
    reason: county.reason ?? '',
  };
}

const HEADER_STYLE = { bold: true, fill: '#F2F2F2', border: true, wrap: true, align: 'center' as const };
const VERDICT_FILL: Record<Verdict | 'unusable', string> = {
  pass: '#C6EFCE',
  fail: '#FFC7CE',
  undecided: '#FFEB9C',
  unusable: '#D9D9D9',
};

/** The summary sheet: one row per workbook, its verdict shaded, and the name of its marked copy in the zip. */
export function summaryPlan(results: readonly CountyResult[], strings: WebStrings, date: Date): ReportPlan {
  const header: ReportValue[] = [
    strings.colFile,
    strings.colSheet,
    strings.colProfile,
    strings.colSchools,
    strings.colIssues,
    strings.colVerdict,
    strings.summaryReason,
    strings.summaryMarkedCopy,
  ];
  const rows: ReportValue[][] = results.map((r) =>
    r.ok
      ? [
          r.file,
          r.sheet,
          r.profileName,
          r.schools,
          r.issues,
          strings.verdictText[r.verdict],
          r.reason,
          outputName(r.file, MARKED_SUFFIX),
        ]
      : [r.file, null, null, null, null, strings.verdictText.unusable, r.message, null],
  );
  const dateText = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const top = 4;
  const styles: ReportPlan['styles'] = [
    { top: 1, bottom: 1, left: 0, right: 0, style: { bold: true, fontSize: 16 } },
    { top, bottom: top, left: 0, right: header.length - 1, style: HEADER_STYLE },
  ];
  results.forEach((r, i) => {
    const row = top + 1 + i;
    styles.push({ top: row, bottom: row, left: 0, right: header.length - 1, style: { border: true } });
    styles.push({
      top: row,
      bottom: row,
      left: 5,
      right: 5,
      style: { fill: VERDICT_FILL[r.ok ? r.verdict : 'unusable'], border: true },
    });
  });
  const general = (values: ReportValue[][]) => values.map((r) => r.map(() => 'General'));
  const title = [[strings.summaryTitle], [strings.summaryNote(dateText)]];
  const table = [header, ...rows];
  return {
    sheetName: strings.summarySheet,
    sections: [
      { id: 'title', top: 1, values: title, numberFormats: general(title) },
      { id: 'overview', top, values: table, numberFormats: general(table) },
    ],
    styles,
    merges: [],
    columnWidths: [28, 16, 12, 8, 10, 12, 60, 32],
    page: {
      paperSize: 'A4',
      orientation: 'landscape',
      zoom: 80,
      centerHorizontally: true,
      printTitleRows: { top, bottom: top },
      printTitleColumns: null,
      columnBreaks: [],
      header: {},
      footer: { center: '第 &P 页 共 &N 页' },
    },
    rowCount: top + rows.length,
    columnCount: header.length,
  };
}

/** The zip of a batch: each usable workbook's marked copy, plus the summary workbook. */
export function batchZip(
  copies: readonly { file: string; bytes: Uint8Array }[],
  results: readonly CountyResult[],
  strings: WebStrings,
  date: Date,
): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  entries[`${strings.summaryTitle}.xlsx`] = workbookOf([summaryPlan(results, strings, date)]);
  for (const c of copies) {
    let name = outputName(c.file, MARKED_SUFFIX);
    // Two counties' files of one name (from two folders) both go in.
    for (let n = 2; entries[name]; n++) name = outputName(c.file, `-${n}${MARKED_SUFFIX}`);
    entries[name] = c.bytes;
  }
  // The xlsx parts are already deflated: stored, so the zip is made quickly.
  return zipSync(entries, { level: 0 });
}
