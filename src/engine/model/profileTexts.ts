/**
 * Every problem parseProfile reports, keyed by code: what each code carries (ProfileParams) and its zh-CN text. A
 * problem keeps its key path and params, so a pane in another language words the same problem in its own language.
 */
import { INDICATORS } from './indicators';
import { jsonSyntaxMessageZh, type JsonSyntaxError } from './jsonSyntax';
import { STAGE_LABELS } from './stages';
import type { IndicatorId, Stage } from './types';

/** What each code carries besides its key path. Keys name data (ids, numbers, texts as typed), never wording. */
export interface ProfileParams {
  /** The text is not JSON; `error` is null when even the place of the mistake cannot be found. */
  jsonSyntax: { error: JsonSyntaxError | null };
  notJsonObject: Record<string, never>;
  reservedKey: Record<string, never>;
  unknownKey: { allowed: readonly string[] };
  notObject: Record<string, never>;
  /** The number rule broken: an integer, a positive number, within [min, max], at least min. */
  notNumber: { integer?: boolean; positive?: boolean; min?: number; max?: number };
  notBoolean: Record<string, never>;
  notOneOf: { options: readonly string[] };
  notIndicatorText: Record<string, never>;
  /** `reason` is the zh-CN reason of findIndicator; `text` is what was written. */
  unknownIndicator: { text: string; reason: string };
  unknownStage: { text: string };
  badExtends: { options: readonly string[] };
  indicatorsRequired: Record<string, never>;
  thresholdsRequired: Record<string, never>;
  emptyText: Record<string, never>;
  emptyIndicators: Record<string, never>;
  duplicateIndicator: { indicator: IndicatorId };
  required: Record<string, never>;
  ratioRange: Record<string, never>;
  ruleNeedsStandards: Record<string, never>;
  /** k against the indicators with a standard, per stage where k is too large. */
  kTooLarge: { k: number; counts: readonly { stage: Stage; count: number }[] };
}

export type ProfileProblemCode = keyof ProfileParams;

/** One problem of a profile: its code, the key path it names ('' for the whole profile) and its params. */
export type ProfileProblem = {
  [C in ProfileProblemCode]: { code: C; path: string; params: ProfileParams[C] };
}[ProfileProblemCode];

/** A language's wording of every code, without the key path: a code without a text does not compile. */
export type ProfileTexts = { readonly [C in ProfileProblemCode]: (p: ProfileParams[C]) => string };

/** The problem's text without its key path (what a form field shows next to itself). */
export function profileProblemMessage(problem: ProfileProblem, texts: ProfileTexts): string {
  return (texts[problem.code] as (p: ProfileParams[typeof problem.code]) => string)(problem.params);
}

/** The problem's text with its key path first ("schoolRule.k 必须填写"), or the message alone for the whole profile. */
export function profileProblemText(problem: ProfileProblem, texts: ProfileTexts): string {
  const message = profileProblemMessage(problem, texts);
  return problem.path ? `${problem.path} ${message}` : message;
}

const quoted = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(' 或 ');

/** The zh-CN wording of every profile problem. */
export const PROFILE_TEXTS_ZH: ProfileTexts = {
  jsonSyntax: (p) => (p.error ? jsonSyntaxMessageZh(p.error) : 'JSON 格式错误：无法解析'),
  notJsonObject: () => '标准配置必须是 JSON 对象',
  reservedKey: () => '是保留的键名，不能使用（可能改动程序内部对象），请删除此项',
  unknownKey: (p) => `不是可识别的设置项（可用：${p.allowed.join('、')}）`,
  notObject: () => '必须是对象',
  notNumber: (p) => {
    let range = '';
    if (p.positive) range = '大于 0 的';
    else if (p.min !== undefined && p.max !== undefined) range = `在 ${p.min} 到 ${p.max} 之间的`;
    else if (p.min !== undefined) range = `不小于 ${p.min} 的`;
    return `必须是${range}${p.integer ? '整数' : '数'}`;
  },
  notBoolean: () => '必须是 true 或 false',
  notOneOf: (p) => `必须是 ${quoted(p.options)}`,
  notIndicatorText: () => '必须是指标代码或指标名称',
  unknownIndicator: (p) => `不是可识别的指标：${p.reason}`,
  unknownStage: () => '不是可识别的学段（primary/小学 或 junior/初中）',
  badExtends: (p) => `只能是 ${quoted(p.options)}`,
  indicatorsRequired: () => '必须填写（或用 "extends" 继承内置标准）',
  thresholdsRequired: () => '必须填写小学和初中的差异系数标准（或用 "extends" 继承内置标准）',
  emptyText: () => '必须是非空文本',
  emptyIndicators: () => '必须是非空的指标列表',
  duplicateIndicator: (p) => `重复：${INDICATORS[p.indicator].name}`,
  required: () => '必须填写',
  ratioRange: () => '必须在 0 到 1 之间',
  ruleNeedsStandards: () => '需要在 standards 中填写各指标的办学标准',
  kTooLarge: (p) =>
    `不能大于有办学标准的指标数（${p.counts.map((c) => `${STAGE_LABELS[c.stage]} ${c.count} 项`).join('、')}）`,
};
