/** Every problem parseProfile reports, worded in English for a pane whose display language is not Chinese. */
import { INDICATOR_NAMES_EN, STAGE_LABELS_EN } from './issueTexts.en';
import { jsonSyntaxMessageEn } from './jsonSyntax';
import type { ProfileTexts } from './profileTexts';

const quoted = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(' or ');

/** The English wording of every profile problem, keyed like PROFILE_TEXTS_ZH. */
export const PROFILE_TEXTS_EN: ProfileTexts = {
  jsonSyntax: (p) => (p.error ? jsonSyntaxMessageEn(p.error) : 'JSON syntax error: the text cannot be read'),
  notJsonObject: () => 'The standard must be a JSON object',
  reservedKey: () => 'is a reserved key name and cannot be used (it could alter internal objects); delete it',
  unknownKey: (p) => `is not a known setting (known: ${p.allowed.join(', ')})`,
  notObject: () => 'must be an object',
  notNumber: (p) => {
    const what = p.integer ? 'an integer' : 'a number';
    if (p.positive) return `must be ${what} greater than 0`;
    if (p.min !== undefined && p.max !== undefined) return `must be ${what} from ${p.min} to ${p.max}`;
    if (p.min !== undefined) return `must be ${what} of at least ${p.min}`;
    return `must be ${what}`;
  },
  notBoolean: () => 'must be true or false',
  notOneOf: (p) => `must be ${quoted(p.options)}`,
  notIndicatorText: () => 'must be an indicator id or name',
  unknownIndicator: (p) => `is not a known indicator: “${p.text}”`,
  unknownStage: (p) => `is not a known stage: “${p.text}” (primary or junior)`,
  badExtends: (p) => `can only be ${quoted(p.options)}`,
  indicatorsRequired: () => 'is required (or use "extends" to start from a built-in standard)',
  thresholdsRequired: () =>
    'must give the primary and junior secondary difference-coefficient limits (or use "extends" to start from a built-in standard)',
  emptyText: () => 'must be a non-empty text',
  emptyIndicators: () => 'must be a non-empty list of indicators',
  duplicateIndicator: (p) => `repeats ${INDICATOR_NAMES_EN[p.indicator]}`,
  required: () => 'is required',
  ratioRange: () => 'must be from 0 to 1',
  ruleNeedsStandards: () => 'needs per-school standards of the indicators under "standards"',
  kTooLarge: (p) =>
    `cannot be more than the indicators with a per-school standard (${p.counts
      .map((c) => `${STAGE_LABELS_EN[c.stage]}: ${c.count}`)
      .join(', ')})`,
};
