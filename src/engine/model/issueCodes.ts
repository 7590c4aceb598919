/**
 * Every problem the engine reports about data, in the order a check meets them: a list, so that tests can walk every
 * code (IssueCode is its element type); each has its wording in issueTexts.
 */
export const ISSUE_CODES = [
  // reading a header (sheet/headers)
  'noTable',
  'missingColumn',
  'duplicateColumn',
  'unmappedColumn',
  'foreignCurrency',
  'unitMalformed',
  'unknownUnit',
  // reading one cell (sheet/cells, sheet/readTable)
  'notNumber',
  'formulaError',
  'formulaNotCalculated',
  'tooLarge',
  'negative',
  'unitMismatch',
  'dashAsZero',
  'notInteger',
  'ratioInverted',
  'unknownOwnership',
  'unknownAffiliation',
  // reading rows (sheet/readTable)
  'noKindColumn',
  'unknownKind',
  'notCompulsory',
  'missingName',
  'hiddenRow',
  'duplicateSchool',
  // rows to stage parts (rules/parts)
  'totalRow',
  'standardRow',
  'stageUnknown',
  'stageConflict',
  'stageValueConflict',
  'missingStudents',
  'zeroStudents',
  'splitStudentsMissing',
  'perStageMissing',
  'invalidNumber',
  // evaluating (rules/evaluate)
  'precisionWarning',
  'indicatorUnavailable',
  'missingValue',
  // planning (planner)
  'planMissing',
  'planUnavailable',
] as const;
