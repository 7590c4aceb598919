/** Standards profiles as data: the two national regimes built in, and provinces' own profiles validated from JSON. */
import { findIndicator, INDICATORS } from '../model/indicators';
import { findJsonSyntaxError } from '../model/jsonSyntax';
import {
  PROFILE_TEXTS_ZH,
  profileProblemText,
  type ProfileParams,
  type ProfileProblem,
  type ProfileProblemCode,
} from '../model/profileTexts';
import { parseStage, STAGES } from '../model/stages';
import type { IndicatorId, Profile, Stage } from '../model/types';

/** Spec §5 student-equivalents: 1 : 1.1 (九年一贯制), 1 : 1.2 (完全中学), 1 : 1.1 : 1.32 (十二年一贯制). */
const DEFAULT_SPLIT: Profile['split'] = {
  weights: {
    nineYear: { primary: 1, junior: 1.1 },
    completeMiddle: { junior: 1, senior: 1.2 },
    twelveYear: { primary: 1, junior: 1.1, senior: 1.32 },
  },
  multimediaRooms: true,
};

/** Spec §7 limits. */
const DEFAULT_CHECKS: Profile['checks'] = {
  schoolSize: { single: 2000, combined: 2500 },
  classSize: { primary: 45, junior: 50 },
  specialRooms: { classesPerRoom: 12, musicRoomArea: 96, artRoomArea: 90 },
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** 优质均衡 (教督〔2017〕6号): 7 indicators with per-school standards, 6 of 7 with the rest ≥ 85%, every CV. */
export const QUALITY_2017: Profile = deepFreeze({
  id: 'quality-2017',
  name: '优质均衡（教督〔2017〕6号）',
  indicators: [
    'qualifiedTeachersPer100',
    'keyTeachersPer100',
    'peArtTeachersPer100',
    'teachingAreaPerStudent',
    'sportsAreaPerStudent',
    'equipmentValuePerStudent',
    'multimediaRoomsPer100',
  ],
  standards: {
    qualifiedTeachersPer100: { primary: 4.2, junior: 5.3 },
    keyTeachersPer100: { primary: 1, junior: 1 },
    peArtTeachersPer100: { primary: 0.9, junior: 0.9 },
    teachingAreaPerStudent: { primary: 4.5, junior: 5.8 },
    sportsAreaPerStudent: { primary: 7.5, junior: 10.2 },
    equipmentValuePerStudent: { primary: 2000, junior: 2500 },
    multimediaRoomsPer100: { primary: 2.3, junior: 2.4 },
  },
  schoolRule: { k: 6, r: 0.85 },
  cv: { mode: 'each', thresholds: { primary: 0.5, junior: 0.45 }, nearMargin: 0.0005 },
  rounding: { cv: null, school: null },
  split: DEFAULT_SPLIT,
  scope: {
    excludeSpecial: true,
    teachingPoints: 'belowMinimum',
    teachingPointMinStudents: 50,
    excludeNotCountyRun: true,
    excludePrivate: false,
  },
  checks: DEFAULT_CHECKS,
  dashes: 'none',
} satisfies Profile);

/** 基本均衡 (教督〔2012〕3号): 8 indicators, CV only, the composite (mean of the 8 CVs) against 0.65 / 0.55. */
export const BASIC_2012: Profile = deepFreeze({
  id: 'basic-2012',
  name: '基本均衡（教督〔2012〕3号）',
  indicators: [
    'teachingAreaPerStudent',
    'sportsAreaPerStudent',
    'equipmentValuePerStudent',
    'computersPer100',
    'booksPerStudent',
    'teachersPerStudent',
    'qualifiedTeachersPerStudent',
    'seniorTitleTeachersPerStudent',
  ],
  standards: {},
  schoolRule: null,
  cv: { mode: 'composite', thresholds: { primary: 0.65, junior: 0.55 }, nearMargin: 0.0005 },
  rounding: { cv: null, school: null },
  split: JSON.parse(JSON.stringify(DEFAULT_SPLIT)),
  scope: {
    excludeSpecial: true,
    teachingPoints: 'all',
    teachingPointMinStudents: 50,
    excludeNotCountyRun: true,
    excludePrivate: true,
  },
  checks: { schoolSize: null, classSize: null, specialRooms: null },
  dashes: 'none',
} satisfies Profile);

/** The built-in profiles by id. */
export const PROFILES: Readonly<Record<'quality-2017' | 'basic-2012', Profile>> = {
  'quality-2017': QUALITY_2017,
  'basic-2012': BASIC_2012,
};

/** A built-in profile by id, or null. */
export function getProfile(id: string): Profile | null {
  return Object.prototype.hasOwnProperty.call(PROFILES, id) ? PROFILES[id as keyof typeof PROFILES] : null;
}

/** Indicators with a per-school standard for the stage, in the profile's order (then catalogue order). */
export function standardIndicators(profile: Profile, stage: Stage): IndicatorId[] {
  const ids = [...profile.indicators];
  for (const id of Object.keys(INDICATORS) as IndicatorId[]) if (!ids.includes(id)) ids.push(id);
  return ids.filter((id) => profile.standards[id]?.[stage] !== undefined);
}

/** Indicators a profile needs values for: its CV indicators, then those with standards only. */
export function profileIndicators(profile: Profile): IndicatorId[] {
  const ids = [...profile.indicators];
  for (const id of Object.keys(profile.standards) as IndicatorId[]) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/**
 * A profile, or its problems: `problems` keyed by code (for a pane in any language) and `errors`, the same problems
 * worded in zh-CN with their key paths first.
 */
export type ProfileParse =
  { ok: true; profile: Profile } | { ok: false; errors: string[]; problems: ProfileProblem[] };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

function copy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** Keys through which a plain object reaches Object.prototype; refused anywhere in a profile. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string | number;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reduceRight<string>(
    (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key),
    '',
  );
}

/**
 * Key paths of every reserved key in a JSON value, in reading order. A queue rather than recursion, and paths built
 * only for what is found, so hostile nesting neither overflows the stack nor builds long strings; cycles end.
 */
function reservedKeyPaths(root: unknown): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const queue: Visit[] = [{ value: root, parent: null, key: '' }];
  for (let i = 0; i < queue.length; i++) {
    const visit = queue[i];
    const { value } = visit;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => queue.push({ value: item, parent: visit, key: index }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const child: Visit = { value: null, parent: visit, key };
      if (RESERVED_KEYS.has(key)) found.push(pathOf(child));
      else queue.push({ ...child, value: (value as Json)[key] });
    }
  }
  return found;
}

/** A code's params as an argument: optional for the codes that carry none. */
type Params<C extends ProfileProblemCode> =
  ProfileParams[C] extends Record<string, never> ? [] : [ProfileParams[C]];

function failure(problems: ProfileProblem[]): { ok: false; errors: string[]; problems: ProfileProblem[] } {
  return { ok: false, errors: problems.map((p) => profileProblemText(p, PROFILE_TEXTS_ZH)), problems };
}

/** Collects the problems, each naming the key path. */
class Validator {
  readonly problems: ProfileProblem[] = [];

  fail<C extends ProfileProblemCode>(path: string, code: C, ...params: Params<C>): void {
    this.problems.push({ code, path, params: params[0] ?? {} } as ProfileProblem);
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  result(): { ok: false; errors: string[]; problems: ProfileProblem[] } {
    return failure(this.problems);
  }

  keys(path: string, value: Json, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(path ? `${path}.${key}` : key, 'unknownKey', { allowed });
    }
  }

  object(path: string, value: unknown): value is Json {
    if (isObject(value)) return true;
    this.fail(path, 'notObject');
    return false;
  }

  number(
    path: string,
    value: unknown,
    rule: { min?: number; max?: number; positive?: boolean; integer?: boolean },
  ): number | undefined {
    const bad = (): undefined => {
      this.fail(path, 'notNumber', { ...rule });
      return undefined;
    };
    if (typeof value !== 'number' || !Number.isFinite(value)) return bad();
    if (rule.integer && !Number.isInteger(value)) return bad();
    if (rule.positive && !(value > 0)) return bad();
    if (rule.min !== undefined && value < rule.min) return bad();
    if (rule.max !== undefined && value > rule.max) return bad();
    return value;
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.fail(path, 'notBoolean');
    return undefined;
  }

  oneOf<T extends string>(path: string, value: unknown, options: readonly T[]): T | undefined {
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    this.fail(path, 'notOneOf', { options });
    return undefined;
  }

  indicator(path: string, value: unknown): IndicatorId | undefined {
    if (typeof value !== 'string') {
      this.fail(path, 'notIndicatorText');
      return undefined;
    }
    const found = findIndicator(value);
    if (found.ok) return found.indicator.id;
    this.fail(path, 'unknownIndicator', { text: value, reason: found.reason });
    return undefined;
  }

  stage(path: string, key: string): Stage | undefined {
    const stage = parseStage(key);
    if (stage === null) this.fail(path, 'unknownStage', { text: key });
    return stage ?? undefined;
  }
}

const TOP_KEYS = [
  'id',
  'name',
  'extends',
  'indicators',
  'standards',
  'schoolRule',
  'cv',
  'rounding',
  'split',
  'scope',
  'checks',
  'dashes',
] as const;

/** Defaults for a profile without "extends": no per-school rule, the spec's DEFAULT split, scope and checks. */
function blankProfile(): Profile {
  return {
    id: 'custom',
    name: '自定义标准',
    indicators: [],
    standards: {},
    schoolRule: null,
    cv: { mode: 'each', thresholds: { primary: NaN, junior: NaN }, nearMargin: 0.0005 },
    rounding: { cv: null, school: null },
    split: copy(DEFAULT_SPLIT),
    scope: copy(QUALITY_2017.scope),
    checks: copy(DEFAULT_CHECKS),
    dashes: 'none',
  };
}

/**
 * A standards profile from JSON (an object or JSON text). `"extends": "quality-2017"` starts from a built-in profile
 * and overrides only the keys given; without it, "indicators" and "cv" are required. Errors name the key path.
 */
export function parseProfile(json: unknown): ProfileParse {
  let input = json;
  if (typeof input === 'string') {
    const text = input;
    try {
      input = JSON.parse(text) as unknown;
    } catch {
      // JSON.parse's own message is English and engine-specific: locate and word the mistake ourselves.
      return failure([{ code: 'jsonSyntax', path: '', params: { error: findJsonSyntaxError(text) } }]);
    }
  }
  const v = new Validator();
  if (!isObject(input)) return failure([{ code: 'notJsonObject', path: '', params: {} }]);
  const reserved = reservedKeyPaths(input);
  if (reserved.length > 0) {
    for (const path of reserved) v.fail(path, 'reservedKey');
    return v.result();
  }
  v.keys('', input, TOP_KEYS);

  let profile: Profile;
  if (input.extends !== undefined) {
    const base = typeof input.extends === 'string' ? getProfile(input.extends) : null;
    if (base === null) {
      v.fail('extends', 'badExtends', { options: Object.keys(PROFILES) });
      return v.result();
    }
    profile = copy(base);
    profile.id = `${base.id}-custom`;
    profile.name = `${base.name}（自定义）`;
  } else {
    profile = blankProfile();
    if (input.indicators === undefined) v.fail('indicators', 'indicatorsRequired');
    if (!isObject(input.cv) || !isObject(input.cv.thresholds)) {
      v.fail('cv.thresholds', 'thresholdsRequired');
    }
  }

  if (input.id !== undefined) {
    if (typeof input.id === 'string' && input.id.trim() !== '') profile.id = input.id.trim();
    else v.fail('id', 'emptyText');
  }
  if (input.name !== undefined) {
    if (typeof input.name === 'string' && input.name.trim() !== '') profile.name = input.name.trim();
    else v.fail('name', 'emptyText');
  }
  if (input.indicators !== undefined) readIndicators(v, input.indicators, profile);
  if (input.standards !== undefined) readStandards(v, input.standards, profile);
  if (input.cv !== undefined) readCv(v, input.cv, profile);
  if (input.rounding !== undefined) readRounding(v, input.rounding, profile);
  if (input.split !== undefined) readSplit(v, input.split, profile);
  if (input.scope !== undefined) readScope(v, input.scope, profile);
  if (input.checks !== undefined) readChecks(v, input.checks, profile);
  if (input.schoolRule !== undefined) readSchoolRule(v, input.schoolRule, profile);
  if (input.dashes !== undefined) {
    // "—", "/", "无": 0 (none, DEFAULT) or no data (unknown), spec §8.
    const d = v.oneOf('dashes', input.dashes, ['none', 'unknown'] as const);
    if (d) profile.dashes = d;
  }
  if (!v.failed) checkConsistency(v, profile);
  return v.failed ? v.result() : { ok: true, profile };
}

function readIndicators(v: Validator, value: unknown, profile: Profile): void {
  if (!Array.isArray(value) || value.length === 0) {
    v.fail('indicators', 'emptyIndicators');
    return;
  }
  const ids: IndicatorId[] = [];
  value.forEach((item, i) => {
    const id = v.indicator(`indicators[${i}]`, item);
    if (id === undefined) return;
    if (ids.includes(id)) v.fail(`indicators[${i}]`, 'duplicateIndicator', { indicator: id });
    else ids.push(id);
  });
  profile.indicators = ids;
}

function readStandards(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('standards', value)) return;
  for (const [key, perStage] of Object.entries(value)) {
    const path = `standards.${key}`;
    const id = v.indicator(path, key);
    if (id === undefined) continue;
    if (perStage === null) {
      delete profile.standards[id];
      continue;
    }
    if (!v.object(path, perStage)) continue;
    const target = { ...(profile.standards[id] ?? {}) };
    for (const [stageKey, n] of Object.entries(perStage)) {
      const stage = v.stage(`${path}.${stageKey}`, stageKey);
      if (stage === undefined) continue;
      if (n === null) {
        delete target[stage];
        continue;
      }
      const standard = v.number(`${path}.${stageKey}`, n, { positive: true });
      if (standard !== undefined) target[stage] = standard;
    }
    if (Object.keys(target).length > 0) profile.standards[id] = target;
    else delete profile.standards[id];
  }
}

function readSchoolRule(v: Validator, value: unknown, profile: Profile): void {
  if (value === null) {
    profile.schoolRule = null;
    return;
  }
  if (!v.object('schoolRule', value)) return;
  v.keys('schoolRule', value, ['k', 'r']);
  const rule = profile.schoolRule ? { ...profile.schoolRule } : { k: NaN, r: NaN };
  if (value.k !== undefined) {
    const k = v.number('schoolRule.k', value.k, { integer: true, min: 1 });
    if (k !== undefined) rule.k = k;
  } else if (Number.isNaN(rule.k)) v.fail('schoolRule.k', 'required');
  if (value.r !== undefined) {
    if (typeof value.r !== 'number' || !(value.r >= 0 && value.r <= 1)) v.fail('schoolRule.r', 'ratioRange');
    else rule.r = value.r;
  } else if (Number.isNaN(rule.r)) v.fail('schoolRule.r', 'required');
  profile.schoolRule = rule;
}

function readCv(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('cv', value)) return;
  v.keys('cv', value, ['mode', 'thresholds', 'nearMargin']);
  if (value.mode !== undefined) {
    const mode = v.oneOf('cv.mode', value.mode, ['each', 'composite'] as const);
    if (mode) profile.cv.mode = mode;
  }
  if (value.thresholds !== undefined && v.object('cv.thresholds', value.thresholds)) {
    for (const [key, n] of Object.entries(value.thresholds)) {
      const stage = v.stage(`cv.thresholds.${key}`, key);
      const t = v.number(`cv.thresholds.${key}`, n, { positive: true });
      if (stage && t !== undefined) profile.cv.thresholds[stage] = t;
    }
  }
  if (value.nearMargin !== undefined) {
    const m = v.number('cv.nearMargin', value.nearMargin, { min: 0, max: 1 });
    if (m !== undefined) profile.cv.nearMargin = m;
  }
}

function readRounding(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('rounding', value)) return;
  v.keys('rounding', value, ['cv', 'school']);
  for (const key of ['cv', 'school'] as const) {
    if (value[key] === undefined) continue;
    if (value[key] === null) profile.rounding[key] = null;
    else {
      const n = v.number(`rounding.${key}`, value[key], { integer: true, min: 0, max: 10 });
      if (n !== undefined) profile.rounding[key] = n;
    }
  }
}

function readSplit(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('split', value)) return;
  v.keys('split', value, ['weights', 'multimediaRooms']);
  if (value.multimediaRooms !== undefined) {
    const b = v.boolean('split.multimediaRooms', value.multimediaRooms);
    if (b !== undefined) profile.split.multimediaRooms = b;
  }
  if (value.weights === undefined || !v.object('split.weights', value.weights)) return;
  const weights = profile.split.weights as unknown as Record<string, Record<string, number>>;
  v.keys('split.weights', value.weights, Object.keys(weights));
  for (const [kind, stages] of Object.entries(value.weights)) {
    if (!hasOwn(weights, kind) || !v.object(`split.weights.${kind}`, stages)) continue;
    v.keys(`split.weights.${kind}`, stages, Object.keys(weights[kind]));
    for (const [stage, w] of Object.entries(stages)) {
      if (!hasOwn(weights[kind], stage)) continue;
      const n = v.number(`split.weights.${kind}.${stage}`, w, { positive: true });
      if (n !== undefined) weights[kind][stage] = n;
    }
  }
}

function readScope(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('scope', value)) return;
  const scope = profile.scope;
  v.keys('scope', value, Object.keys(scope));
  for (const key of ['excludeSpecial', 'excludeNotCountyRun', 'excludePrivate'] as const) {
    if (value[key] === undefined) continue;
    const b = v.boolean(`scope.${key}`, value[key]);
    if (b !== undefined) scope[key] = b;
  }
  if (value.teachingPoints !== undefined) {
    const t = v.oneOf('scope.teachingPoints', value.teachingPoints, ['all', 'belowMinimum', 'none'] as const);
    if (t) scope.teachingPoints = t;
  }
  if (value.teachingPointMinStudents !== undefined) {
    const n = v.number('scope.teachingPointMinStudents', value.teachingPointMinStudents, {
      integer: true,
      min: 0,
    });
    if (n !== undefined) scope.teachingPointMinStudents = n;
  }
}

function readChecks(v: Validator, value: unknown, profile: Profile): void {
  if (!v.object('checks', value)) return;
  const fields: Record<keyof Profile['checks'], Record<string, { integer?: boolean }>> = {
    schoolSize: { single: { integer: true }, combined: { integer: true } },
    classSize: { primary: { integer: true }, junior: { integer: true } },
    specialRooms: { classesPerRoom: { integer: true }, musicRoomArea: {}, artRoomArea: {} },
  };
  v.keys('checks', value, Object.keys(fields));
  for (const check of Object.keys(fields) as (keyof Profile['checks'])[]) {
    const given = value[check];
    if (given === undefined) continue;
    if (given === null) {
      profile.checks[check] = null;
      continue;
    }
    const path = `checks.${check}`;
    if (!v.object(path, given)) continue;
    v.keys(path, given, Object.keys(fields[check]));
    const target: Record<string, number> = {
      ...((profile.checks[check] ?? DEFAULT_CHECKS[check]) as object),
    };
    for (const [key, rule] of Object.entries(fields[check])) {
      if (given[key] === undefined) continue;
      const n = v.number(`${path}.${key}`, given[key], { positive: true, integer: rule.integer });
      if (n !== undefined) target[key] = n;
    }
    (profile.checks as unknown as Record<string, unknown>)[check] = target;
  }
}

/** Rules across keys: k ≤ n per stage, a rule needs standards, composite needs indicators. */
function checkConsistency(v: Validator, profile: Profile): void {
  for (const stage of STAGES) {
    if (!Number.isFinite(profile.cv.thresholds[stage])) v.fail(`cv.thresholds.${stage}`, 'required');
  }
  const rule = profile.schoolRule;
  if (rule === null) return;
  const counts = STAGES.map((stage) => standardIndicators(profile, stage).length);
  if (counts.every((n) => n === 0)) {
    v.fail('schoolRule', 'ruleNeedsStandards');
    return;
  }
  const tooFew = STAGES.flatMap((stage, i) =>
    counts[i] > 0 && rule.k > counts[i] ? [{ stage, count: counts[i] }] : [],
  );
  if (tooFew.length > 0) v.fail('schoolRule.k', 'kTooLarge', { k: rule.k, counts: tooFew });
}
