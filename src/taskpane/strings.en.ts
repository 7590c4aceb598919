// User-visible strings of the task pane in English, for Office display languages other than Chinese.
import {
  amountInUnit,
  FIELD_GROUP_LABELS_EN,
  FIELDS,
  fieldLabelEn,
  formatPercent,
  formatShareOfStandard,
  formatTeacherRatio,
  formatValueNumber,
  INDICATOR_LABELS_EN,
  INDICATOR_NAMES_EN,
  INDICATORS,
  ISSUE_TEXTS_EN,
  PROFILE_TEXTS_EN,
  STAGE_LABELS_EN,
  STAGES,
  unitNameEn,
  unitOneEn,
} from '../engine';
import { hostProblemText, type HostTexts } from '../hosts/port';
import type { Strings } from './strings.zh-CN';

const num = (n: number) => n.toLocaleString('en');

/** Host failures in English: what the add-in was doing and why, keyed like HOST_TEXTS_ZH. */
const HOST_TEXTS_EN: HostTexts = {
  operations: {
    readSheet: 'read the sheet',
    listSheets: 'list the sheets',
    highlight: 'mark the cells',
    clearHighlights: 'clear the marks',
    writeReport: 'write the assessment report',
    selectRow: 'go to the school',
    loadSettings: 'read the add-in settings',
    saveSettings: 'save the add-in settings',
  },
  codes: {
    AccessDenied: () => 'no permission to change it; the sheet or workbook may be protected',
    ActivityLimitReached: () => 'Excel is busy; try again in a moment',
    ApiNotFound: () => 'this version of Excel does not support it; please update Office',
    GeneralException: () => 'an internal Excel error',
    InsertDeleteConflict: () => 'inserting or deleting conflicts with existing content',
    InvalidArgument: () => 'an invalid argument',
    InvalidOperation: () => 'this cannot be done in the current state',
    InvalidOperationInCellEditMode: () => 'a cell is being edited; press Enter or Esc first',
    ItemAlreadyExists: () => 'the object already exists',
    ItemNotFound: () => 'the sheet, table or cell was not found',
    NotImplemented: () => 'this version of Excel does not implement it',
    RequestPayloadSizeLimitExceeded: () => 'too much data for one read or write',
    UnsupportedOperation: () => 'the operation is not supported',
    noWorkbook: () => 'no workbook is open',
    noWpsWorkbook: () => 'no workbook is open in WPS',
    noActiveSheet: () => 'no sheet is active',
    sheetNotFound: (p) => `the sheet “${p.sheet ?? ''}” was not found`,
    notARange: () => 'the selection is not a range of cells',
    noSelectionInFile: () => 'a file has no selection; choose a sheet or a range',
    badAddress: (p) => `“${p.address ?? ''}” is not a valid range address`,
    saveFailed: () => 'saving failed',
    sheetNameTaken: (p) =>
      p.purpose === 'settings'
        ? `the workbook already has a sheet named “${p.sheet ?? ''}” that is not this add-in’s settings; please rename it`
        : `the workbook already has a sheet named “${p.sheet ?? ''}” that is not this add-in’s record of marks; please rename it and try again`,
    other: (p) => p.detail || 'unknown error',
  },
  failed: (operation, why, hostCode) => `Could not ${operation}: ${why}${hostCode ? ` (${hostCode})` : ''}`,
};
const INDICATOR_NAMES = INDICATOR_NAMES_EN;

const INDICATOR_LABELS = INDICATOR_LABELS_EN;

/** Base units in English. */
const UNITS: Record<string, string> = {
  '㎡': 'm²',
  元: 'yuan',
  册: 'books',
  台: 'computers',
  间: 'rooms',
  人: 'teachers',
};

/** A field's English name from the engine's Chinese label of it. */
const fieldNameOf = (label: string): string => {
  const field = FIELDS.find((f) => f.label === label);
  return field ? fieldLabelEn(field.key) : label;
};

const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

/** Units that count things (people, books, computers, rooms, items): the field's name already says what. */
const COUNT_UNITS: ReadonlySet<string> = new Set(['人', '册', '台', '间', '个']);
export const en: Strings = {
  lang: 'en',
  appTitle: 'Balance',
  appSubtitle:
    'County compulsory-education balance evaluation: difference coefficients and per-school standards',
  officeUnavailable:
    'Office.js could not be loaded. Open this add-in inside Excel and check that the Office add-in service is reachable.',

  stageNames: { primary: 'Primary', junior: 'Junior secondary' },
  tabCheck: 'Check',
  tabPlan: 'Remediation',

  busyReading: 'Reading the worksheet…',
  busyChecking: 'Checking and marking…',
  busyReport: 'Writing the evaluation report…',
  busyClearing: 'Clearing the marks…',
  busyLocating: 'Going to the row…',

  errorTitle: 'Something went wrong',
  unexpectedError: (message) => `Unexpected error: ${message}`,
  hostProblem: (problem) => hostProblemText(problem, HOST_TEXTS_EN),
  list: (items) => items.join(', '),
  sentences: (items) => items.join('; '),
  cellPlace: (p) => (p.column ? `${p.column}${p.row}` : `row ${p.row} ${fieldLabelEn(p.field)}`),
  dismiss: 'Dismiss',

  stepTable: 'Data table',
  tableSheet: (sheet) => `Sheet “${sheet}”`,
  tableRange: (address) => `range ${address}`,
  tableSelection: 'selected range',
  tableHeader: (top, bottom) =>
    top === bottom ? `Header in row ${top}` : `Header in rows ${top}–${bottom} (two levels)`,
  tableRows: (rows, skipped) =>
    skipped > 0
      ? `${plural(rows, 'school row')}; ${plural(skipped, 'other row')} (totals, notes) skipped`
      : plural(rows, 'school row'),
  tableNotFound: 'No school table found',
  tableNotFoundHint:
    'Open the sheet with the school data and click “Scan again”, or select the whole table (with its header) and click “Use selection”.',
  rescan: 'Scan again',
  rescanHint: 'Read the active worksheet again',
  useSelection: 'Use selection',
  useSelectionHint: 'Select the whole table (with its header) in the sheet first',
  headerChanged:
    'The header has changed since it was found (columns inserted, deleted or renamed); it was read again. Check the column mapping, then check again.',
  restored: 'Using the column mapping and standard saved in this workbook last time.',
  savedProfileInvalid: (errors) =>
    `The custom standard saved in this workbook has errors; using the high-quality balance standard instead: ${errors.join('; ')}`,

  stepMapping: 'Columns',
  mappingSummary: (mapped) => `${plural(mapped, 'column')} mapped`,
  mappingMissing: (labels) => `Required columns missing: ${labels}`,
  mappingMissingCount: (n) => `${n} required missing`,
  mappingToggle: 'Show or change the column of each field',
  mappingHint: 'Recognised automatically; change any of them. Changes are saved in this workbook.',
  mappingNone: '(not used)',
  mappingColumn: (letter, header) => `Column ${letter} · ${header}`,
  mappingRequired: 'Required: choose the column',
  mappingUnit: (unit) => `Converted from the header unit “${unit}”`,
  mappingShowAll: 'Show all fields',
  mappingNeedsCount: (n) => `${n} column${n === 1 ? '' : 's'} the standard needs missing`,
  mappingNeedsMissing: (labels) =>
    `The chosen standard also needs: ${labels}. Without them the indicators they serve cannot be computed and schools cannot be decided.`,
  mappingRequiredMark: 'required',

  stepProfile: 'Standard',
  profileLabel: 'Evaluation standard',
  profileAuto: 'Automatic (from the table’s columns)',
  autoChosen: (name) => `Chosen: ${name}`,
  autoWhy: (choice) => {
    const name = (id: string) => (id === 'basic-2012' ? 'basic balance' : 'high-quality balance');
    const entries = Object.entries(choice.lacking);
    const fits = entries.filter(([, labels]) => labels.length === 0).map(([id]) => id);
    const lacks = entries
      .filter(([, labels]) => labels.length > 0)
      // The engine names the lacking columns in Chinese: back to their fields, then their English names.
      .map(([id, labels]) => `${name(id)} lacks ${labels.map(fieldNameOf).join(', ')}`)
      .join('; ');
    if (fits.length === 1) return `The table has every column ${name(fits[0])} needs (${lacks})`;
    if (fits.length > 1)
      return 'The table has the columns of both standards: high-quality balance is used (choose basic balance if needed)';
    return `The table’s columns fit neither standard fully, high-quality balance is used: ${lacks}`;
  },
  needsTitle: 'Columns this standard needs',
  needsAll: (n) => `All ${n} are in the table`,
  needsSome: (missing, n) => `${missing} of ${n} missing`,
  needPresent: 'present',
  needMissing: 'missing',
  profileQuality: 'High-quality balance (2017)',
  profileBasic: 'Basic balance (2012)',
  profileCustom: 'Custom standard',
  customLabel: 'Standard configuration (JSON)',
  customPlaceholder: '{ "extends": "quality-2017", "schoolRule": { "k": 5, "r": 0.6 } }',
  customHint:
    'Paste JSON or choose a .json file. Use "extends" to start from a built-in standard and give only what differs.',
  customUpload: 'Choose JSON file',
  customEmpty: 'Paste or choose a standard configuration.',
  customErrors: 'The configuration has errors',
  customExport: 'Export JSON file',
  customExportName: 'custom-standard.json',
  formTitle: 'Custom standard',
  formStart: 'Start from a built-in standard and change it in the form, or paste or import JSON.',
  formStartFrom: (name) => `Start from ${name}`,
  formErrorsAtFields: (n) => `${plural(n, 'field')} to correct; see the message under each.`,
  formBase: 'Based on',
  formName: 'Name',
  formCv: 'Difference coefficient limits',
  formCvMode: 'How difference coefficients are judged',
  formCvEach: 'Each indicator’s coefficient on its own (high-quality balance)',
  formCvComposite: 'The composite coefficient, the mean of all (basic balance)',
  formCvLimit: (stage, composite) =>
    composite ? `${stage}: composite CV limit` : `${stage}: limit of each CV`,
  formRule: 'Per-school rule',
  formRuleOn: 'Judge whether each school meets the standard',
  formRuleK: 'Indicators to meet, k',
  formRuleKHint: 'At most the number of indicators with a per-school standard',
  formRuleR: 'Floor for the rest, r',
  formRuleRHint: 'Between 0 and 1, e.g. 0.85',
  formIndicators: 'Indicators and per-school standards',
  formIndicatorsHint:
    'Ticked indicators get a difference coefficient; those with a per-school standard count in the per-school rule. Leave a standard empty for none.',
  formStandardOf: (stage) => `${stage} standard`,
  formStandardLabel: (indicator, stage) => `${indicator}: ${stage} standard`,
  formScope: 'Schools evaluated',
  formTeachingPoints: 'Teaching points',
  formTeachingPointsBelow: 'Leave out teaching points below the minimum enrolment',
  formTeachingPointsAll: 'Leave out every teaching point',
  formTeachingPointsNone: 'Include every teaching point',
  formTeachingPointMin: 'Minimum enrolment of a teaching point (students)',
  formScopeSwitch: (key) =>
    ({
      excludePrivate: 'Leave out private schools',
      excludeNotCountyRun: 'Leave out schools run by the province or city',
      excludeSpecial: 'Leave out special-education schools',
    })[key],
  formSplit: 'Split ratios of combined schools',
  formSplitHint:
    'Totals such as floor area of nine-year, complete-middle and twelve-year schools are split by each stage’s students × its ratio.',
  formSplitWeight: (kind, stage) => `${kind}: ${stage}`,
  formDashes: 'Reading the data',
  kindNames: {
    primary: 'Primary school',
    junior: 'Junior secondary school',
    nineYear: 'Nine-year school',
    completeMiddle: 'Complete middle school',
    twelveYear: 'Twelve-year school',
    teachingPoint: 'Teaching point',
    special: 'Special-education school',
  },
  seniorName: 'Senior secondary',
  indicatorLabel: (id) => INDICATOR_LABELS[id],
  issueTexts: ISSUE_TEXTS_EN,
  profileTexts: PROFILE_TEXTS_EN,
  fieldLabel: (key) => fieldLabelEn(key),
  fieldOption: (key, unit) => {
    // A count's unit says again what the name says ("Students (people)", "Books (books)"): only measures carry theirs.
    const u = COUNT_UNITS.has(unit) ? '' : unitNameEn(unit);
    return u ? `${fieldLabelEn(key)} (${u})` : fieldLabelEn(key);
  },
  fieldGroup: (group) => FIELD_GROUP_LABELS_EN[group],
  unitName: (unit) => unitNameEn(unit),
  valueWithUnit: (value, unit) => {
    const name = value === '1' ? unitOneEn(unit) : unitNameEn(unit);
    return name ? `${value} ${name}` : value;
  },
  amount: (amount, unit, column) => {
    const text = amountInUnit(amount, unit, column);
    const written = column?.unit ?? unit;
    const number = text.slice(0, text.length - written.length);
    if (written === '万元') return `${number} × 10,000 yuan`;
    return en.valueWithUnit(number, written);
  },
  exclusion: (ex, profile) => {
    switch (ex.reason) {
      case 'special':
        return 'Special-education school: left out of the coefficients and the per-school rule';
      case 'teachingPoint':
        return 'This standard leaves out teaching points: left out of the coefficients and the per-school rule';
      case 'smallTeachingPoint':
        return `Teaching point with fewer than ${profile.scope.teachingPointMinStudents} students: left out of the coefficients and the per-school rule`;
      case 'notCountyRun':
        return 'Run by the province or city: left out of the county’s coefficients and the per-school rule';
      case 'private':
        return 'Private school: this standard leaves it out of the coefficients';
      case 'zeroStudents':
        return 'No students, so no weight: left out of the coefficients and the per-school rule';
      case 'seniorOnly':
        return 'Senior secondary only: not part of the compulsory-education evaluation';
    }
  },
  checkText: (c) => {
    const bands: Record<string, string> = {
      偏大班额: 'large',
      大班额: 'oversized',
      超大班额: 'far oversized',
    };
    const than = c.pass ? 'within' : 'above';
    switch (c.check) {
      case 'schoolSize':
        return `School size${c.combined ? ' (compulsory stages together)' : ''} ${plural(c.value, 'student')}, ${than} the limit of ${num(c.limit)}`;
      case 'classSize': {
        const band = !c.pass && c.band && bands[c.band] ? ` (${bands[c.band]})` : '';
        return `Largest class ${plural(c.value, 'student')}, ${than} the limit of ${num(c.limit)}${band}`;
      }
      case 'musicRooms':
      case 'artRooms': {
        const what = c.check === 'musicRooms' ? 'Music rooms' : 'Fine-art rooms';
        const classes = c.classes === undefined ? '' : ` for ${plural(c.classes, 'class', 'classes')}`;
        const short = c.pass ? '' : `, ${num(c.limit - c.value)} short`;
        return `${what}: ${num(c.value)}; ${num(c.limit)} needed${classes}${short}`;
      }
      case 'musicRoomArea':
      case 'artRoomArea': {
        const what = c.check === 'musicRoomArea' ? 'Music room area' : 'Fine-art room area';
        return `${what} ${num(c.value)} m², ${c.pass ? 'not below' : 'below'} the minimum ${num(c.limit)} m²`;
      }
    }
  },
  schoolReasons: (school, profile) => {
    const lines: string[] = [];
    const rule = profile.schoolRule;
    const judged = school.indicators.filter((v) => v.standard !== null).length;
    if (rule && school.pass === false) {
      lines.push(
        `${school.met} of ${judged} indicators met; the rule needs ${rule.k}, the rest at least ${formatPercent(rule.r)} of the standard`,
      );
    }
    for (const v of school.indicators) {
      if (v.standard === null || v.pass === true) continue;
      const label = INDICATOR_LABELS[v.indicator];
      if (v.value === null) {
        lines.push(`${label}: data missing (not counted as 0)`);
        continue;
      }
      const value = en.diagValue(v.indicator, v.value);
      const standard = en.diagValue(v.indicator, v.standard);
      const share = formatShareOfStandard(v, v.ratio ?? v.value / v.standard);
      const floor = v.floorShare === undefined ? '' : formatPercent(v.floorShare);
      const allowance =
        v.withinAllowance === true
          ? ` (within the ${floor} allowance)`
          : v.withinAllowance === false
            ? ` (below the ${floor} floor)`
            : '';
      lines.push(`${label}: ${value}, ${share} of the standard ${standard}${allowance}`);
    }
    for (const c of school.checks) if (!c.pass) lines.push(en.checkText(c));
    return lines;
  },
  countyReason: (county) => {
    const stage = (s: string) => STAGE_LABELS_EN[s as 'primary'] ?? s;
    const open: string[] = [];
    const lacking = county.undecidedSchools;
    if (lacking.length > 0) {
      const named = lacking
        .slice(0, 5)
        .map((u) => {
          const cells = u.places.map((p) =>
            p.column ? `${p.column}${p.row}` : `row ${p.row} ${fieldLabelEn(p.field)}`,
          );
          return `${u.name} ${cells.join(', ')}`;
        })
        .join('; ');
      open.push(
        `${plural(lacking.length, 'school')} lack data: ${named}${lacking.length > 5 ? ` and ${num(lacking.length - 5)} more` : ''}`,
      );
    } else if (county.counts.undecided > 0) {
      open.push(`${plural(county.counts.undecided, 'school')} undecided under the per-school standard`);
    }
    open.push(
      ...county.undecidedStages.map(
        (u) =>
          `${stage(u.stage)}: coefficients cannot be decided${
            u.indicators.length > 0
              ? ` (${u.indicators.map((id) => INDICATOR_NAMES[id]).join(', ')})`
              : ' (no coefficient can be computed)'
          }`,
      ),
    );
    if (Object.keys(county.stages).length === 0) open.push('no schools to evaluate');
    if (county.verdict === 'fail') {
      const why = STAGES.filter((s) => county.stages[s] === 'fail').map(
        (s) => `${stage(s)}: coefficients above the limit`,
      );
      if (county.counts.failed > 0)
        why.push(`${plural(county.counts.failed, 'school')} below the per-school standard`);
      if (open.length > 0) why.push(`also ${open.join('; ')}`);
      return why.join('; ');
    }
    if (county.verdict === 'undecided') return open.join('; ');
    return county.counts.checked > 0 && county.counts.passed + county.counts.failed > 0
      ? 'Every coefficient within its limit and every school meets the standard'
      : 'Every coefficient within its limit';
  },
  cvNote: (result) => {
    if (result.note === undefined) return null;
    if (result.cv === null) return 'Cannot be computed (no data, or a county mean of 0)';
    return result.leftOut
      ? `${plural(result.leftOut, 'school')} without data left out (not counted as 0)`
      : null;
  },
  dashesNone: 'Read “—”, “/” and “无” as 0 (none)',
  dashesHint:
    'Chinese statistical tables write “—” for none. When off, such cells are missing data (never 0); blank and “不详” are always missing data.',
  customReadFailed: (name) => `Could not read the file “${name}”`,
  cvRuleEach: (primary, junior) =>
    `Every indicator's difference coefficient: primary ≤ ${primary}, junior secondary ≤ ${junior}`,
  cvRuleComposite: (primary, junior) =>
    `Composite difference coefficient (mean of all): primary ≤ ${primary}, junior secondary ≤ ${junior}`,
  schoolRule: (k, n, r) =>
    `Per school: at least ${k} of ${n} indicators meet the standard, the rest at least ${r} of it`,
  noSchoolRule: 'No per-school verdict; difference coefficients only.',
  standardsCaption: 'Per-school standards',
  colIndicator: 'Indicator',
  colPrimary: 'Primary',
  colJunior: 'Junior',
  cvOnly: 'CV only',

  check: 'Check and mark',
  checkHint: 'Evaluate with the chosen standard and shade the cells below standard',
  checkNeedsColumns: 'Map the required columns first',
  checkNeedsProfile: 'Fix the standard first',
  writeReport: 'Write report',
  clearMarks: 'Clear marks',
  checked: (painted) =>
    painted > 0 ? `Check done; ${plural(painted, 'cell')} marked.` : 'Check done; nothing to mark.',
  notesUnsupported:
    'This Excel version does not support cell notes (needs ExcelApi 1.18); the explanations are in the report.',
  notesSkipped: (n) => `${plural(n, 'cell')} already had a comment and got no note.`,
  reportWritten: (sheets) => `Written to the sheets ${sheets.map((s) => `“${s}”`).join(', ')}.`,
  reportSheetsLabel: 'Sheets to write',
  reportSheetsHint:
    'The declaration-form tables follow the standard: 表Ⅱ-1, 表Ⅱ-2 and 表Ⅲ for high-quality balance; the per-school table and the difference coefficients for basic balance.',
  reportSheetLabel: (sheetName) => {
    const english: Record<string, string> = {
      均衡评估报告: 'Evaluation report',
      整改测算: 'Remediation plan',
      '表Ⅱ-1 资源配置达标情况': 'Form Ⅱ-1: schools meeting each standard',
      '表Ⅱ-2 学校资源配置情况': 'Form Ⅱ-2: per-school values',
      '表Ⅲ 县域义务教育校际均衡情况': 'Form Ⅲ: county means and coefficients',
      '基本均衡 学校指标情况': 'Basic balance: per-school values',
      '基本均衡 校际差异系数': 'Basic balance: difference coefficients',
    };
    return english[sheetName] ? `${english[sheetName]} (${sheetName})` : sheetName;
  },
  reportSheetsNone: 'Choose at least one sheet to write',
  reportCountyLabel: 'County (city, district)',
  reportYearLabel: 'Data year',
  reportTitleHint:
    "Used in the titles of the report and the declaration form's tables; read from the table's title row when it has one, and saved in this workbook when changed.",
  reportYearInvalid: 'Enter a four-digit year, e.g. 2026',
  reportKeptUser: (kept, written) =>
    `The sheet ${kept} was not made by Balance and is kept as it is; the new report went to ${written}.`,
  reportKeptEdited: (kept, written) =>
    `The report ${kept} was edited after Balance wrote it and is kept with your changes; the new report went to ${written}.`,
  outsideCells: (cells, total) =>
    `These cells are not part of the school table and were not read as data: ${cells}${total > 10 ? ` and more (${num(total)} in all)` : ''}`,
  cleared: (n) => (n > 0 ? `Marks cleared; ${plural(n, 'cell')} restored.` : 'There were no marks to clear.'),
  clearDamaged: (rows) => `Rows ${rows} of the marks record were edited; those cells keep their marks.`,
  clearKeptEdits: (cells) =>
    `Cells ${cells} were recoloured or their notes edited after the check; they are kept as you made them.`,

  resultsTitle: 'Results',
  resultsStale: 'The columns or the standard changed since; these results are from before. Check again.',
  verdictPass: 'All standards met',
  verdictFail: 'Not all standards met',
  verdictUnknown: 'Undecided',
  verdictWhy: 'Why',
  countChecked: 'Checked',
  countPassed: 'Passed',
  countFailed: 'Failed',
  countUndecided: 'Undecided',
  countExcluded: 'Excluded',
  stageHeading: (stage, schools, students) =>
    `${stage} · ${plural(schools, 'school')} · ${plural(students, 'student')}`,
  colCv: 'CV',
  cvLimit: (threshold) => `Limit: every CV ≤ ${threshold}`,
  compositeLimit: (threshold) => `Limit: composite CV ≤ ${threshold}`,
  colResult: 'Result',
  pass: 'Pass',
  fail: 'Fail',
  undecided: 'Undecided',
  near: (diff) => `Near the limit (${diff} apart)`,
  composite: 'Composite CV',
  noStages: 'No schools to compute difference coefficients for.',
  excludedTitle: (n) => `Excluded (${num(n)})`,
  failingTitle: (n) => `Schools below standard (${num(n)})`,
  failingHint: 'Click a school to go to its row.',
  noFailing: 'Every checked school meets the per-school standard.',
  noFailingButUndecided: 'No school is below standard, but some lack data and are undecided (below).',
  undecidedTitle: (n) => `Undecided: missing data (${num(n)})`,
  unknownCells: (cells) => `Missing ${cells} (not counted as 0)`,
  noSchoolVerdicts: 'This standard has no per-school verdict.',
  schoolMet: (met, judged) => `${met} of ${judged} indicators met`,
  legendTitle: 'Colours marked on the sheet',
  legend: (key, r) => {
    const floor = r === null ? '' : ` (at least ${Math.round(r * 1000) / 10}% of it)`;
    switch (key) {
      case 'school':
        return 'School name: the school does not meet the per-school standard (see its note)';
      case 'indicator':
        return 'Below standard and the school fails; or a size, class-size or room check failed';
      case 'allowance':
        return `Below standard but within the allowance${floor}: the school still passes`;
      case 'dataIssue':
        return 'Data problem: missing, invalid or doubtful data';
    }
  },
  teacherRatioMean: (decimal, ratio) => `County mean ${decimal} (${ratio})`,
  checksTitle: (n) => `Size, class size and other checks failed (${num(n)})`,
  issuesTitle: (n) => `Data problems (${num(n)})`,
  noIssues: 'No data problems found.',
  issuePlace: (row, column) =>
    row < 1 ? 'Whole table' : column ? `Row ${row}, column ${column}` : `Row ${row}`,
  severityError: 'Error',
  severityWarning: 'Warning',
  severityInfo: 'Note',
  showMore: (n) => `Show ${num(n)} more`,
  locate: (name) => `Go to ${name}`,

  planNeedsCheck: 'Run a check on the “Check” tab first, then plan the remediation here.',
  planIntro:
    'The least each indicator needs to gain so that every school meets its standard and the difference coefficient its limit, and what it costs.',
  planFloorsRule: (k, r) =>
    `Plan by the rule “at least ${k} met, the rest at least ${r}” (otherwise every indicator must be met)`,
  unitCostsTitle: 'Unit costs (optional, for the budget)',
  unitCostLabel: (label, unit) => `${label} (yuan per ${unitOneEn(unit)})`,
  unitCostInvalid: 'Enter a number of at least 0',
  planAdd: (amount) => `Add ${amount}`,
  planSchools: (n) => `in ${plural(n, 'school')}`,
  planCv: (before, after, target) => `CV ${before} → ${after} (target ≤ ${target})`,
  planCost: (yuan) => `about ${yuan} yuan`,
  planNeeds: 'Needs work',
  planNothing: 'Nothing to add',
  planInfeasible: 'The target cannot be reached with this data',
  planMissing: (n) => `${plural(n, 'school')} without data left out`,
  planStageTotal: (yuan) => `Budget about ${yuan} yuan in total`,
  planStageUnpriced: 'Enter unit costs to estimate the budget',
  planComposite: (before, after, threshold) => `Composite CV ${before} → ${after} (limit ≤ ${threshold})`,
  planNoSchools: 'No schools to plan for.',
  cvUndefined: 'undefined',
  mixTitle: (target) => `Cheapest mix (composite CV target ≤ ${target})`,
  mixIntro:
    'From the unit costs, the additions that bring the composite CV to its target for the least total cost (single CVs need not all reach the target).',
  mixNothing: (composite, target) =>
    `Composite CV ${composite} is already within the target ${target}: nothing to add`,
  mixTotal: (yuan) => `Total about ${yuan} yuan`,
  mixGap: (yuan) => `, at most ${yuan} yuan above the proven minimum`,
  mixCompared: (yuan) => ` (planning each CV to the target on its own: about ${yuan} yuan)`,
  mixComposite: (after, target) => `Composite CV down to ${after} (target ≤ ${target})`,
  mixTeachers:
    'Teacher indicators are priced separately: one new teacher may count for several, so the teacher cost is an upper bound.',
  mixPerIndicator:
    'No unit costs: the plan above lowers each CV to the target on its own. That makes the composite pass but is not the cheapest mix; enter the unit costs to get the cheapest mix.',
  mixMissingPrices: (names) =>
    `Unit costs missing (${names}): the plan above is per indicator, not the cheapest mix.`,
  mixUnavailable: () => 'No cheapest mix could be computed from this data; the plan above is per indicator.',

  diagOpen: (indicator, stage) => `Diagnose the ${stage} CV of “${indicator}”`,
  diagBack: 'Back to results',
  diagTitle: (indicator, stage) => `${stage} · ${indicator}`,
  indicatorName: (id) => INDICATOR_NAMES[id],
  diagValue: (id, value) => {
    if (id === 'teachersPerStudent') return formatTeacherRatio(value);
    const meta = INDICATORS[id];
    const unit = UNITS[meta.unit] ?? meta.unit;
    return `${formatValueNumber(value)} ${unit}/${meta.per === 100 ? '100 students' : 'student'}`;
  },
  diagMean: 'County mean (student-weighted)',
  diagMedian: 'Median',
  diagCv: 'CV',
  diagCvOf: (cv, limit) => (limit === null ? cv : `${cv} (limit ≤ ${limit})`),
  diagStandard: 'Per-school standard',
  diagCount: (schools, students) => `${plural(schools, 'school')} · ${plural(students, 'student')}`,
  diagChartTitle: 'Each school’s value (highest first)',
  diagChartSummary: (n, high, low, mean, standard, flagged) =>
    `Bar chart of ${plural(n, 'school')}: highest ${high}, lowest ${low}` +
    (mean === null ? '' : `, county mean ${mean}`) +
    (standard === null ? '' : `, standard ${standard}`) +
    (flagged > 0 ? `, ${plural(flagged, 'value')} to check` : ''),
  diagLegendMean: 'County mean',
  diagLegendStandard: 'Standard',
  diagLegendFlag: 'Value to check',
  diagSharesTitle: 'Each school’s share of the CV',
  diagSharesHint:
    'Share: the school’s students × (value − mean)² as a part of the sum over all schools; the shares add up to 100%.',
  diagColSchool: 'School',
  diagColValue: 'Value',
  diagColShare: 'Share',
  diagStudents: (n) => plural(n, 'student'),
  diagMoversTitle: 'Schools that move the CV most if removed or corrected',
  diagMoversHint: (target) =>
    `“Without”: the CV if the school were left out; “Corrected”: the CV if its value were ${
      target === 'median' ? 'the median of all schools' : 'the weighted mean of the other schools'
    }. A what-if only; no data is changed.`,
  diagColWithout: 'Without',
  diagColCorrected: 'Corrected',
  diagFlagsTitle: (n) => `Values to check (${num(n)})`,
  diagFlagRule: (threshold) =>
    `Rule: a robust z-score of the log values (from the median and the MAD) beyond ${threshold}, and any value of 0, is flagged. Flags only ask you to check; no data is changed.`,
  diagNoFlags: 'No value stands far from the other schools.',
  diagNotScreened: (code, min) =>
    code === 'tooFew'
      ? `Fewer than ${min} schools: values are not screened for outliers.`
      : code === 'allEqual'
        ? 'Every school has the same value: no outliers.'
        : 'The CV cannot be computed: values are not screened.',
  diagFlag: (kind, name, value, ratio, mean) => {
    if (kind === 'zero')
      return `Please check: ${name} is 0${mean === null ? '' : ` (county mean ${mean})`}. Was it left blank?`;
    const how =
      ratio === null
        ? kind === 'high'
          ? 'far above the others'
          : 'far below the others'
        : kind === 'high'
          ? `${ratio.toFixed(1)} times the county mean`
          : `only ${Math.round(ratio * 1000) / 10}% of the county mean`;
    return `Please check: ${name} ${value}, ${how}`;
  },
  diagUnknownTitle: (n) => `Left out: missing data (${num(n)})`,
  diagUnknown: (missing) =>
    missing === 'students'
      ? 'Students missing or invalid (not counted as 0)'
      : 'Value missing (not counted as 0)',
  diagNoSchools: 'No schools to compute.',

  // Any sheet, any range (issue 14)
  sheetPicker: 'Worksheet with the school data',
  sheetPickerHint: 'Every visible worksheet was looked at; choose another one here.',
  sheetNoTable: (sheet) => `No school table found on the worksheet “${sheet}”.`,
  scanNone: (n) => `Looked at ${num(n)} visible worksheet(s): none holds a school table.`,
  selectionUnusable:
    'No usable selection: select the whole school table (with its header) in the worksheet, then click “Use selection”.',
  selectionNoTable: (address) =>
    `No school table header found in the selection ${address}; the previous table is kept.`,
  mappingWaiting: 'Once the table is found, check here which column holds which field.',

  // Feedback next to the actions
  actionsLabel: 'Actions',
  openReport: 'Open report',
  showResults: 'Show results',

  // The last check, kept in the workbook
  lastCheckTitle: 'Last check',
  lastCheckStale: 'Out of date · check again',
  lastCheckWhen: (at, sheet, profile) => {
    const d = new Date(at);
    const pad = (n: number) => String(n).padStart(2, '0');
    const when = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
    return `${when} · worksheet “${sheet}” · ${profile}`;
  },
  lastCheckCounts: (checked, passed, failed, undecided) =>
    `${num(checked)} checked, ${num(passed)} passed, ${num(failed)} failed` +
    (undecided > 0 ? `, ${num(undecided)} undecided` : ''),
  lastCheckHint: 'The data or settings may have changed: click “Check and mark” to check again.',
  lastCheckStage: (stage, composite, cv, limit, count) =>
    composite
      ? `${stage}: composite CV ${cv} (limit ≤ ${limit})`
      : `${stage}: largest CV ${cv} (limit ≤ ${limit} each)` +
        (count === undefined
          ? ''
          : count.over > 0
            ? `, ${num(count.over)} of ${num(count.of)} over the limit`
            : `, all ${num(count.of)} within the limit`),

  // Plan inputs
  planMarginLabel: 'Safety margin on the CV target (%)',
  planMarginHint: 'E.g. 5 plans for 95% of the threshold; leave empty to plan for the threshold itself.',
  planMarginInvalid: 'Enter a number from 0 to 50',
};
