/** The engine's public surface: pure domain code for the task pane, the custom functions and the CLI. */
export type * from './types';

// Evaluation engine (issue #3): profiles, indicators, CV, per-school rule, split, scope, gaps, §7 checks, evaluate.
export {
  BASIC_2012,
  getProfile,
  parseProfile,
  PROFILES,
  profileIndicators,
  QUALITY_2017,
  standardIndicators,
} from './profiles';
export type { ProfileParse } from './profiles';
export {
  findIndicator,
  INDICATOR_IDS,
  INDICATORS,
  isIndicatorId,
  KIND_LABELS,
  parseStage,
  resourceAmount,
  STAGE_LABELS,
} from './indicators';
export type { IndicatorLookup, IndicatorMeta } from './indicators';
export { toBaseUnit } from './units';
export type { BaseUnit } from './units';
export {
  coefficientFromRaw,
  coefficientPasses,
  compositeAtMost,
  cvAtMost,
  floatCoefficient,
  isNearThreshold,
  weightedCoefficient,
  weightedMean,
} from './coefficient';
export type { CoefficientDecision, CoefficientProblem, CoefficientValue, MeanResult } from './coefficient';
export { judgeSchool, schoolRulePass } from './schoolRule';
export type { SchoolJudgement } from './schoolRule';
export { COMBINED_STAGES, facilityFields, isCombinedKind, splitShares, splitTotal } from './split';
export { isTotalName, rowExclusion } from './scope';
export { stageFromName, toParts } from './parts';
export type { PartsResult } from './parts';
export { gapFor } from './gap';
export { classBand, classSizeCheck, roomsNeeded, runChecks, schoolSizeCheck } from './checks';
export type { CheckInput, ClassBand } from './checks';
export {
  formatAllowanceNote,
  formatAmount,
  formatIndicatorReason,
  formatNumber,
  formatPercent,
  formatPercentBelow,
  formatRuleReason,
  formatTeacherRatio,
} from './format';
export type { ReasonOptions, ResourceUnit, ResourceUnits } from './format';
export { fieldLabel } from './issues';
export { evaluate, exactValueOf } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { AUTO_PROFILE, chooseProfile, profileNeeds } from './chooseProfile';
export type { ProfileChoice, ProfileNeed } from './chooseProfile';

// Reading sheets: field catalogue, number parsing, header recognition, table reading.
export { FIELD_GROUP_LABELS, FIELDS, fieldByKey, fieldOptions, REQUIRED_FIELDS, STAGE_WORDS } from './fields';
export type { FieldDef, FieldGroup, FieldKey, FieldOption, FieldType } from './fields';
export {
  cellAddress,
  cellPlace,
  columnLetter,
  isDateFormat,
  parseCellNumber,
  parseUnit,
  toHalfWidth,
  unitFitsDimension,
} from './numbers';
export type { CellContext, ParsedNumber, UnitDimension, UnitInfo } from './numbers';
export {
  detectHeader,
  HEADER_SCAN_ROWS,
  mapColumn,
  mapHeaders,
  matchHeader,
  missingColumnIssues,
  normaliseHeader,
  splitUnit,
} from './headers';
export type { ColumnMapping, HeaderDetection, HeaderMatch, MappedColumn, UnmappedColumn } from './headers';
export {
  kindFromName,
  parseAffiliation,
  parseKind,
  parseOwnership,
  readTable,
  SCHOOL_KIND_LABELS,
} from './table';
export type { CellGrid, CellMerge, ReadTableOptions, SkipCode, SkippedRow, TableRead } from './table';

// Values given directly in formulas (issue #4): profile lookup by name, decisions on typed values, the composite.
export { findProfile } from './profileLookup';
export type { ProfileLookup } from './profileLookup';
export { compositeOf, cvWithinThreshold, meetsStandard } from './givenValues';

// Remediation planner 整改测算 (issue #7): minimal additions per indicator, per stage and per school.
export { MEASURE_STEP, planIndicator, planSchool, planSchools, planStage, stepOf } from './planner';
export type * from './plannerTypes';
export * from './sheetCheck';
export {
  additionsText,
  extraForCv,
  PLAN_WORDS,
  planCvText,
  planRemediationReport,
  planTargetText,
  REMEDIATION_SHEET_NAME,
} from './remediationReport';
export type { RemediationReportInput } from './remediationReport';
