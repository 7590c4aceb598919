/**
 * The engine's public surface, and the only way in (lint enforces it): pure domain code for the hosts and entries.
 * Grouped by folder: model (vocabulary), rules (the law), sheet (reading a worksheet), planner, plans.
 */
export type * from './model/types';

// Rules and the model they speak: profiles, indicators, CV, per-school rule, split, scope, gaps, §7 checks, evaluate.
export {
  BASIC_2012,
  getProfile,
  parseProfile,
  PROFILES,
  profileIndicators,
  QUALITY_2017,
  standardIndicators,
} from './rules/profiles';
export type { ProfileParse } from './rules/profiles';
export {
  findJsonSyntaxError,
  jsonSyntaxMessageEn,
  jsonSyntaxMessageZh,
  lineColumn,
} from './model/jsonSyntax';
export { PROFILE_TEXTS_ZH, profileProblemMessage, profileProblemText } from './model/profileTexts';
export type { ProfileParams, ProfileProblem, ProfileProblemCode, ProfileTexts } from './model/profileTexts';
export { PROFILE_TEXTS_EN } from './model/profileTexts.en';
export type { JsonProblem, JsonSyntaxError } from './model/jsonSyntax';
export {
  findIndicator,
  INDICATOR_IDS,
  INDICATORS,
  isCount,
  isIndicatorId,
  resourceAmount,
} from './model/indicators';
export type { IndicatorLookup, IndicatorMeta } from './model/indicators';
export { KIND_LABELS, KIND_SHORT_LABELS, parseStage, STAGE_LABELS, STAGES } from './model/stages';
export { isTotalName, kindFromName, schoolBaseName, stageFromName, toHalfWidth } from './model/text';
export { cellAddress, columnIndex, columnLetter } from './model/addresses';
export type { BaseUnit, UnitDimension } from './model/units';
export {
  coefficientFromRaw,
  coefficientPasses,
  compositeAtMost,
  cvAtMost,
  floatCoefficient,
  isNearThreshold,
  weightedCoefficient,
  weightedMean,
} from './rules/coefficient';
export type {
  CoefficientDecision,
  CoefficientProblem,
  CoefficientValue,
  MeanResult,
} from './rules/coefficient';
export { judgeSchool, schoolRulePass } from './rules/schoolRule';
export type { SchoolJudgement } from './rules/schoolRule';
export { COMBINED_STAGES, facilityFields, isCombinedKind, splitShares, splitTotal } from './rules/split';
export { rowExclusion } from './rules/scope';
export { toParts } from './rules/parts';
export type { PartsResult } from './rules/parts';
export { gapFor } from './rules/gap';
export { classBand, classSizeCheck, roomsNeeded, runChecks, schoolSizeCheck } from './rules/checks';
export type { CheckInput, ClassBand } from './rules/checks';
export {
  amountInUnit,
  formatAllowanceNote,
  formatAmount,
  formatIndicatorReason,
  formatNumber,
  formatPercent,
  formatPercentBelow,
  formatShareOfStandard,
  formatRuleReason,
  formatTeacherRatio,
} from './model/format';
export type { ReasonOptions, ResourceUnit, ResourceUnits } from './model/format';
export { cellPlace, dataIssue, fieldLabel, renderIssue, sheetPrefix } from './model/issues';
export { ISSUE_TEXTS_ZH, NUMBER_REASONS_ZH } from './model/issueTexts';
export {
  FIELD_GROUP_LABELS_EN,
  fieldLabelEn,
  INDICATOR_LABELS_EN,
  INDICATOR_NAMES_EN,
  ISSUE_TEXTS_EN,
  KIND_LABELS_EN,
  NUMBER_REASONS_EN,
  STAGE_LABELS_EN,
  unitNameEn,
  unitOneEn,
} from './model/issueTexts.en';
export { ISSUE_CODES } from './model/issueCodes';
export type { IssueParams, IssueTexts, IssueWhere, NumberReasons } from './model/issueTexts';
export { evaluate } from './rules/evaluate';
export { exactValueOf, roundedMeanOf, roundedValueOf } from './rules/stageCvs';
export type { EvaluateOptions } from './rules/evaluate';
export { AUTO_PROFILE, chooseProfile, profileNeeds } from './rules/chooseProfile';
export type { ProfileChoice, ProfileNeed } from './rules/chooseProfile';

// Reading sheets: field catalogue, number parsing, header recognition, table reading.
export {
  FIELD_GROUP_LABELS,
  FIELDS,
  fieldByKey,
  fieldOptions,
  REQUIRED_FIELDS,
  STAGE_WORDS,
} from './model/fields';
export type { FieldDef, FieldGroup, FieldKey, FieldOption, FieldType } from './model/fields';
export { isDateFormat, parseCellNumber, parseNumber, parseUnit, unitFitsDimension } from './sheet/cells';
export type {
  CellContext,
  NumberProblem,
  NumberProblemCode,
  NumberSpec,
  NumberValue,
  ParsedNumber,
  UnitInfo,
} from './sheet/cells';
export { toBaseUnit } from './sheet/units';
export { cellText } from './sheet/grid';
export type { CellGrid, CellMerge, CellValue } from './sheet/grid';
export {
  detectHeader,
  HEADER_SCAN_ROWS,
  mapColumn,
  mapHeaders,
  matchHeader,
  missingColumnIssues,
  normaliseHeader,
  splitUnit,
} from './sheet/headers';
export type {
  ColumnMapping,
  HeaderDetection,
  HeaderMatch,
  MappedColumn,
  UnmappedColumn,
} from './sheet/headers';
export { parseAffiliation, parseKind, parseOwnership, readTable } from './sheet/readTable';
export type { ReadTableOptions, SkipCode, SkippedRow, TableRead } from './sheet/readTable';

// Values given directly in formulas: profile lookup by name, decisions on typed values, the composite, 校际差异率.
export { findProfile } from './rules/profileLookup';
export type { ProfileLookup } from './rules/profileLookup';
export { compositeOf, cvWithinThreshold, meetsStandard } from './rules/givenValues';
export { diffRate } from './rules/diffRate';

// Remediation planner 整改测算: minimal additions per indicator, per stage and per school.
export { MEASURE_STEP, planIndicator, planSchool, planSchools, planStage, stepOf } from './planner/plan';
export type * from './planner/types';
export { cheapestMix, MIX_STEP } from './planner/mix';
export type { CheapestMix, CheapestMixInput, MixIndicator, MixIndicatorInput } from './planner/mix';

// Plans: what a host paints and writes, and the one check-a-sheet path.
export * from './plans/sheetCheck';
export { keepVerdictParts } from './rules/verdict';
export { planStages } from './plans/planStages';
export { HIGHLIGHT_LEGEND, legendText, planHighlights } from './plans/highlightPlan';
export type { CellMark, HighlightPlan, LegendEntry, TableLayout } from './plans/highlightPlan';
export { identityKey, sheetLayout } from './plans/markIdentity';
export type { ColumnIdentity, RowIdentity, SheetLayout } from './plans/markIdentity';
export { planReport, REPORT_SHEET_NAME, stylesByLook } from './plans/assessmentReport';
export type { ReportPlan, ReportStyle, ReportTitle, ReportValue } from './plans/assessmentReport';
export {
  A4_LANDSCAPE_PRINT_WIDTH,
  columnPoints,
  columnBreaks,
  widePoints,
  headerFooterString,
  MIN_PRINT_ZOOM,
  pageSetup,
  PAGE_FOOTER,
  printZoom,
} from './plans/printSetup';
export type { ColumnSpan, HeaderFooterText, ReportPageSetup } from './plans/printSetup';
export { captionOf, readCaption } from './sheet/caption';
export type { TableCaption } from './sheet/caption';
export { isTeacherIndicator, PER_INDICATOR_NOTE } from './planner/plan';
export {
  additionsText,
  extraForCv,
  PLAN_WORDS,
  planCvText,
  planRemediationReport,
  planTargetText,
  REMEDIATION_SHEET_NAME,
} from './plans/remediationReport';
export type { RemediationReportInput } from './plans/remediationReport';

// Diagnosis 差异系数诊断: per-school values, shares of the CV, the CV without or with a corrected school, outliers.
export { diagnoseCoefficient, flagMessage, roundShares } from './diagnosis/diagnose';
export type {
  CoefficientDiagnosis,
  CorrectionTarget,
  DiagnosedSchool,
  DiagnosisOptions,
  OutlierFlag,
  UnknownValue,
} from './diagnosis/diagnose';
export { DEFAULT_OUTLIER_RULE, median, outlierRule, robustScores } from './diagnosis/outliers';
export type { OutlierRule, RobustScores } from './diagnosis/outliers';
export { formatIndicatorValue, formatValueNumber, valueDecimals, valueUnitText } from './diagnosis/valueText';

// 申报表 tables.
export {
  BASIC_FORMS,
  basicDecimals,
  DARK_SHADE,
  footnoteKinds,
  FORM_SHEET_NAMES,
  formName,
  formSheetsOf,
  percentOf,
  planForms,
  QUALITY_FORMS,
  remarkOf,
} from './plans/forms';
export type { FootnoteKind, FormSheetId, FormsInput } from './plans/forms';
export { parseSponsor, SPONSOR_LABELS } from './model/sponsor';
export type { SponsorCode } from './model/sponsor';
export { exactSchoolValue, roundedSchoolValue } from './rules/valueColumns';

// Report sheets Balance owns: the hidden mark, the fingerprint, where each report goes.
export {
  blockCells,
  canonicalNumber,
  mergeCover,
  mergeCoverByRow,
  OrderedEntryHash,
  placeReports,
  planFingerprint,
  planInReadingOrder,
  readReportMark,
  REPORT_MARK_NAME,
  reportFamily,
  reportFingerprint,
  reportMarkFormula,
  reportMarkText,
} from './plans/reportSheets';
export type { ExistingSheet, FingerprintCell, ReportOutcome, ReportPlacement } from './plans/reportSheets';
