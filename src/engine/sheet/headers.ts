/** Header recognition: finds the header row(s) of a school table and maps each column to a catalogue field and unit. */
import { FIELDS, REQUIRED_FIELDS, STAGE_WORDS, fieldByKey } from '../model/fields';
import type { FieldDef, FieldKey } from '../model/fields';
import { dataIssue } from '../model/issues';
import { toHalfWidth } from '../model/text';
import { parseUnit, unitFitsDimension } from './cells';
import type { UnitInfo } from './cells';
import { cellText, type CellGrid, type CellValue } from './grid';
import type { DataIssue } from '../model/types';

/** Where a field's values are: the sheet column, the header text as shown, and the unit factor to base units. */
export interface MappedColumn {
  /** 0-based worksheet column. */
  column: number;
  /** Header text as in the sheet (two-level headers as “parent / child”). */
  header: string;
  /** Unit named in the header, e.g. 万元 (absent when the header names none). */
  unit?: string;
  /** Multiply cell values by this to get the field's base unit (万元 → 10000). */
  unitFactor: number;
  /** Then divide by this, when the factor is a fraction (亩: × 10000 ÷ 15). */
  unitDivisor?: number;
}

/** Field key → column. The task pane may edit it and pass it back to readTable. */
export type ColumnMapping = Partial<Record<FieldKey, MappedColumn>>;

/** A header column no field matched, for the pane to offer manual mapping. */
export interface UnmappedColumn {
  column: number;
  header: string;
}

/** The best field for one header text. */
export interface HeaderMatch {
  field: FieldKey;
  /** Larger is more specific (longer synonym, exact rather than contained). */
  score: number;
  unit: UnitInfo | null;
  /** The unit as written, e.g. 万元. */
  unitText?: string;
}

export interface HeaderDetection {
  found: boolean;
  /** 1-based worksheet rows of the header (equal for a one-row header); 0 when not found. */
  headerTop: number;
  headerBottom: number;
  mapping: ColumnMapping;
  unmapped: UnmappedColumn[];
  issues: DataIssue[];
}

/** Header rows are looked for among the first rows only: titles and notes sit above the table, not hundreds of rows down. */
export const HEADER_SCAN_ROWS = 30;

/** zh-CN message texts of this module, kept together. */

// ─── text normalisation ──────────────────────────────────────────────────────

/**
 * Normal form of a header text: half-width letters and digits, one kind of bracket, no spaces or line breaks,
 * ㎡ for every way of writing square metres, lower-case Latin. Units are still in it (see splitUnit).
 */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[【〔［[｛{〈《]/g, '(')
    .replace(/[】〕］\]｝}〉》]/g, ')')
    .replace(/[\s\u00a0\u200b]+/g, '')
    .toLowerCase()
    .replace(/平方米|平米|m2|m²/g, '㎡');
}

/** Punctuation that carries no meaning in a header (体育、艺术（美术、音乐） ≡ 体育艺术美术音乐). */
const HEADER_PUNCTUATION = /[()、,，.。:：;；·•'"“”‘’/\\\-—_*※#№!！?？]/g;

/** The part of a normalised header that is compared with synonyms: punctuation and brackets dropped, contents kept. */
function matchKey(normalised: string): string {
  return normalised.replace(HEADER_PUNCTUATION, '');
}

/**
 * Removes the unit from a normalised header: a bracketed unit ((万元), (㎡/生), (单位:万元)), a trailing "/万元",
 * or a trailing ㎡. Bracket text that is not a unit (体育运动场(馆)面积) stays.
 */
export function splitUnit(normalised: string): { rest: string; unit: UnitInfo | null; unitText?: string } {
  const bare = normalised.replace(/^\((.*)\)$/, '$1');
  const whole = parseUnit(bare);
  if (whole) return { rest: '', unit: whole, unitText: bare.replace(/^单位[:：]?/, '') };
  let unit: UnitInfo | null = null;
  let unitText: string | undefined;
  let rest = normalised.replace(/\(([^()]*)\)/g, (group, inner: string) => {
    const u = parseUnit(inner);
    if (!u) return group;
    unit = u;
    unitText = inner.replace(/^单位[:：]?/, '');
    return '';
  });
  if (!unit) {
    const trailing = /(?:[/_]|单位[:：]?)([^/_()]+)$/.exec(rest);
    const u = trailing ? parseUnit(trailing[1]) : null;
    if (trailing && u) {
      unit = u;
      unitText = trailing[1];
      rest = rest.slice(0, trailing.index);
    } else if (/\(([^()]*)$/.test(rest) && parseUnit(/\(([^()]*)$/.exec(rest)![1])) {
      // An unclosed bracket, "(万元": the unit is read, and headerUnitProblem warns about the bracket.
      const open = /\(([^()]*)$/.exec(rest)!;
      unit = parseUnit(open[1]);
      unitText = open[1].replace(/^单位[:：]?/, '');
      rest = rest.slice(0, open.index);
    } else if (rest.length > 1 && rest.endsWith('㎡')) {
      unit = parseUnit('㎡');
      unitText = '㎡';
      rest = rest.slice(0, -1);
    }
  }
  return { rest, unit, unitText };
}

// ─── matching one header ─────────────────────────────────────────────────────

export interface SynonymEntry {
  field: FieldDef;
  key: string;
  exactOnly: boolean;
}

export const INDEX: readonly SynonymEntry[] = FIELDS.flatMap((field) =>
  field.synonyms.map((s) => {
    const exactOnly = s.startsWith('=');
    return { field, key: matchKey(normaliseHeader(exactOnly ? s.slice(1) : s)), exactOnly };
  }),
);

/** Adds position i under key k; positions come in order, so a repeat is the list's last. */
function addTo(map: Map<string, number[]>, k: string, i: number): void {
  const list = map.get(k);
  if (list === undefined) map.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** Synonyms by their whole key: the only ones a key can equal. */
const BY_KEY = new Map<string, number[]>();
/** Synonyms by every pair of adjacent characters in them: a synonym containing a text of two or more holds its pairs. */
const BY_ANY_PAIR = new Map<string, number[]>();
/**
 * Synonyms a key may contain, by their rarest pair of characters (小学 is in hundreds, 骨干 in few): a key containing
 * one holds that pair.
 */
const BY_RAREST_PAIR = new Map<string, number[]>();
// Plain loops: this runs once per process, before any of it is optimised.
for (let i = 0; i < INDEX.length; i++) {
  const key = INDEX[i].key;
  addTo(BY_KEY, key, i);
  for (let k = 0; k + 1 < key.length; k++) addTo(BY_ANY_PAIR, key.slice(k, k + 2), i);
}
for (let i = 0; i < INDEX.length; i++) {
  const { key, exactOnly } = INDEX[i];
  if (exactOnly || key.length < 2) continue;
  let rarest = key.slice(0, 2);
  let fewest = Infinity;
  for (let k = 0; k + 1 < key.length; k++) {
    const pair = key.slice(k, k + 2);
    const n = (BY_ANY_PAIR.get(pair) as number[]).length;
    if (n < fewest) {
      fewest = n;
      rarest = pair;
    }
  }
  addTo(BY_RAREST_PAIR, rarest, i);
}

/**
 * The INDEX positions, in order, of the synonyms a key can equal or contain (scoreKey skips every other one): 1,204
 * synonyms are not each searched for in every cell text of the rows a detection scans.
 */
export function keyCandidates(key: string): number[] {
  const found: number[] = [];
  const exact = BY_KEY.get(key);
  if (exact !== undefined) for (const i of exact) found.push(i);
  for (let i = 0; i + 1 < key.length; i++) {
    const list = BY_RAREST_PAIR.get(key.slice(i, i + 2));
    if (list !== undefined) for (const j of list) found.push(j);
  }
  if (found.length < 2) return found;
  found.sort((a, b) => a - b);
  let n = 1;
  for (let i = 1; i < found.length; i++) if (found[i] !== found[n - 1]) found[n++] = found[i];
  found.length = n;
  return found;
}

/**
 * The INDEX positions, in order, of the synonyms that may contain `text` (two or more characters): those holding the
 * rarest of its pairs.
 */
export function containingCandidates(text: string): readonly number[] {
  let fewest: readonly number[] | undefined;
  for (let i = 0; i + 1 < text.length; i++) {
    const list = BY_ANY_PAIR.get(text.slice(i, i + 2));
    if (list === undefined) return [];
    if (fewest === undefined || list.length < fewest.length) fewest = list;
  }
  return fewest ?? [];
}

/**
 * Words that change what a header counts: a header that contains a synonym plus one of these is another quantity
 * (寄宿学生数, 女教师数, 需增加体育运动场馆面积, 生均图书 when only 图书 matched, 骨干教师占比, 学校代码).
 */
const DISQUALIFIERS = [
  '生均',
  '每百',
  '百名',
  '比',
  '率',
  '占',
  '达标',
  '标准',
  '缺',
  '需',
  '差',
  '增',
  '减',
  '计划',
  '寄宿',
  '女',
  '民族',
  '随迁',
  '留守',
  '残疾',
  '毕业',
  '招生',
  '新招',
  '流失',
  '外聘',
  '代课',
  '临聘',
  '兼任',
  '兼职',
  '退休',
  '代码',
  '编号',
  '标识',
  '序号',
  '地址',
  '电话',
  '校长',
  '联系',
  '是否',
];

const EXACT_BONUS = 90;
const CONTAINED_BONUS = 50;

function unitFits(field: FieldDef, unit: UnitInfo | null): boolean {
  if (!unit) return true;
  if (field.dimension === 'none') return false;
  return unitFitsDimension(unit, field.dimension);
}

/** A field and how specifically a header text named it (larger is more specific). */
interface Scored {
  field: FieldDef;
  score: number;
}

/** Best field for a match key among the synonyms, or null. */
function scoreKey(key: string, unit: UnitInfo | null): Scored | null {
  if (!key) return null;
  let best: Scored | null = null;
  for (const i of keyCandidates(key)) {
    const e = INDEX[i];
    let score: number;
    if (key === e.key) {
      score = e.key.length * 100 + EXACT_BONUS;
    } else if (!e.exactOnly && e.key.length >= 2 && key.includes(e.key)) {
      const leftover = key.replace(e.key, '');
      if (DISQUALIFIERS.some((d) => leftover.includes(d))) continue;
      score = e.key.length * 100 + CONTAINED_BONUS - Math.min(leftover.length, 49);
    } else {
      continue;
    }
    if (!unitFits(e.field, unit)) continue;
    if (!best || score > best.score) best = { field: e.field, score };
  }
  return best;
}

/**
 * A stage word anywhere in the header qualifies a per-stage count (在校生数（初中部） → junior.students), provided the
 * header names one stage only (中小学 names none).
 */
function scoreWithStage(key: string, unit: UnitInfo | null): Scored | null {
  if (key.includes('中小学')) return null;
  const found = STAGE_WORDS.map((s) => ({ s, word: s.words.find((w) => key.includes(w)) })).filter(
    (x) => x.word,
  );
  if (found.length !== 1) return null;
  const { s, word } = found[0];
  const rest = key.replace(word as string, '');
  const base = scoreKey(rest, unit);
  if (!base || base.field.type !== 'count' || base.field.stage || !base.field.countField) return null;
  const field = fieldByKey(`${s.stage}.${base.field.countField}`);
  if (!field) return null;
  return { field, score: base.score + (word as string).length * 100 };
}

function bestOf(a: Scored | null, b: Scored | null): Scored | null {
  if (!a) return b;
  if (!b) return a;
  return b.score > a.score ? b : a;
}

/** Scores a header text (without its unit) both with and without the text in brackets. */
function scoreText(rest: string, unit: UnitInfo | null): Scored | null {
  const keys = new Set([matchKey(rest), matchKey(rest.replace(/\([^()]*\)/g, ''))]);
  let best: Scored | null = null;
  for (const key of keys) best = bestOf(best, bestOf(scoreKey(key, unit), scoreWithStage(key, unit)));
  return best;
}

// ─── two-level headers ───────────────────────────────────────────────────────

/** Child texts that mean “the parent's own total” (专任教师（人） over 合计): the parent's field stands though the child adds nothing. */
const TOTAL_WORDS = new Set([
  '合计',
  '小计',
  '总计',
  '共计',
  '计',
  '总数',
  '总',
  '数',
  '人数',
  '数量',
  '全部',
]);

/**
 * Words a synonym may hold that a two-level header leaves unsaid: 县级以上骨干 under 教师 is 县级以上骨干教师数, 体育、艺术
 * under 教师 is 体育艺术专任教师数. Longest first, so that 人数 goes before 数.
 */
const IMPLIED_WORDS = ['专任', '人数', '个数', '数'];

/** Placeholder for a removed piece, so that the text around it cannot join into a new match. */
const GAP = '\u0000';

function longestCommon(a: string, b: string): string {
  let best = '';
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best.length + 1; j <= a.length && b.includes(a.slice(i, j)); j++) best = a.slice(i, j);
  }
  return best;
}

/** `a` without every piece of two or more characters it shares with `b`, longest pieces first. */
function subtractCommon(a: string, b: string): string {
  let rest = a;
  for (let common = longestCommon(rest, b); common.length >= 2; common = longestCommon(rest, b)) {
    rest = rest.replace(common, GAP);
  }
  return rest.split(GAP).join('');
}

/** Match keys of a header text with and without its bracketed part (体育运动场(馆) → 体育运动场馆, 体育运动场). */
function keysOf(text: string): string[] {
  return [...new Set([matchKey(text), matchKey(text.replace(/\([^()]*\)/g, ''))])].filter((k) => k !== '');
}

/**
 * The field a child names in its parent's context: a synonym that contains the child, whose other words come from the
 * parent or are implied (IMPLIED_WORDS, and 面积 when the unit is an area), and whose parent words left over change
 * nothing (the 生均 of 生均面积 over 体育运动场（馆） must be used, so it is the per-student indicator). The parent's own
 * field is no candidate: a child is there to say something narrower (体育 under 体育、艺术教师 is 体育教师).
 */
function scoreInContext(
  child: string,
  parent: string,
  unit: UnitInfo | null,
  parentField: FieldKey | undefined,
): Scored | null {
  const implied = unit?.dimension === 'area' ? ['面积', ...IMPLIED_WORDS] : IMPLIED_WORDS;
  const parentKeys = keysOf(parent);
  let best: Scored | null = null;
  for (const c of keysOf(child)) {
    if (c.length < 2) continue;
    for (const i of containingCandidates(c)) {
      const e = INDEX[i];
      if (e.exactOnly || e.field.key === parentField || !e.key.includes(c) || !unitFits(e.field, unit))
        continue;
      for (const p of parentKeys) {
        const unused = subtractCommon(p, e.key);
        if (DISQUALIFIERS.some((d) => unused.includes(d))) continue;
        let leftover = subtractCommon(e.key.replace(c, GAP), p).replace(GAP, '');
        let impliedLength = 0;
        for (const w of implied) {
          const without = leftover.split(w).join('');
          impliedLength += leftover.length - without.length;
          leftover = without;
        }
        if (leftover !== '') continue;
        const score =
          (e.key.length - impliedLength) * 100 + 20 - impliedLength * 10 - Math.min(unused.length, 9);
        best = bestOf(best, { field: e.field, score });
      }
    }
  }
  return best;
}

/**
 * Parent over child: the child names the field and the parent gives context and unit. A match on the joined texts
 * that found the parent's field no better than the parent alone did (专任教师 in 专任教师 + 县级以上骨干) means the
 * child added nothing; unless the child is a total (合计), the child's own or in-context match then decides, and a
 * child that names nothing maps to nothing rather than to a second copy of the parent. A child that completes the
 * parent's synonym (县级以上 under 骨干教师, 册数 under 图书) scores above the parent alone and keeps the joined match.
 */
function scoreTwoLevel(parent: string, child: string, unit: UnitInfo | null): Scored | null {
  const parentOwn = scoreText(parent, unit);
  const joined = bestOf(scoreText(parent + child, unit), scoreText(child + parent, unit));
  const childOwn = bestOf(scoreText(child, unit), scoreInContext(child, parent, unit, parentOwn?.field.key));
  const childAddedNothing =
    parentOwn !== null &&
    joined !== null &&
    joined.field.key === parentOwn.field.key &&
    joined.score <= parentOwn.score;
  if (childAddedNothing && !TOTAL_WORDS.has(matchKey(child))) return childOwn;
  return bestOf(joined, childOwn);
}

/**
 * The field a header means. `parts` are the texts from the top header row down (one for a one-row header,
 * parent then child for a two-level one); the child's unit wins over the parent's. Null when nothing matches.
 */
export function matchHeader(...parts: string[]): HeaderMatch | null {
  const split = parts.map((p) => splitUnit(normaliseHeader(p))).filter((p) => p.rest !== '' || p.unit);
  let unitPart: { unit: UnitInfo | null; unitText?: string } = { unit: null };
  for (const p of split) if (p.unit) unitPart = p;
  const texts = split.map((p) => p.rest).filter((t) => t !== '');
  let best: Scored | null = null;
  if (texts.length === 1) best = scoreText(texts[0], unitPart.unit);
  else if (texts.length > 1)
    best = scoreTwoLevel(texts.slice(0, -1).join(''), texts[texts.length - 1], unitPart.unit);
  return best
    ? { field: best.field.key, score: best.score, unit: unitPart.unit, unitText: unitPart.unitText }
    : null;
}

type Matcher = (...parts: string[]) => HeaderMatch | null;

/**
 * matchHeader remembered for one detection: its candidate rows repeat texts (each row alone and with the row below,
 * data rows full of the same numbers). Scoped to the detection, so a second detection costs in full and shows.
 */
function matcherForOneDetection(): Matcher {
  const seen = new Map<string, HeaderMatch | null>();
  return (...parts) => {
    const key = parts.join('\u0001');
    let m = seen.get(key);
    if (m === undefined) {
      m = matchHeader(...parts);
      seen.set(key, m);
    }
    return m;
  };
}

/** Header text for display: each part trimmed, line breaks and runs of spaces collapsed, parts joined by “ / ”. */
function displayHeader(parts: string[]): string {
  return parts
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join(' / ');
}

/**
 * A mapping entry for a column the user assigned to a field by hand: the unit is still read from the header text,
 * and ignored if it does not measure the field (a hand-made choice is trusted over the header).
 */
export function mapColumn(field: FieldKey, column: number, headerText: string): MappedColumn {
  const def = fieldByKey(field);
  if (!def) throw new RangeError(`unknown field key: ${field}`);
  const { unit, unitText } = splitUnit(normaliseHeader(headerText));
  const fits = unit !== null && unitFits(def, unit);
  return {
    column,
    header: displayHeader([headerText]),
    ...(fits ? { unit: unitText } : {}),
    unitFactor: fits && unit ? unit.factor : 1,
    ...(fits && unit?.divisor ? { unitDivisor: unit.divisor } : {}),
  };
}

// ─── units a header names that cannot be used as written ─────────────────────

/** A header unit that is not 元 / 万元 / ㎡ / 亩 / 册 …: a foreign currency, a broken bracket, or an unknown word. */
export interface UnitProblem {
  kind: 'foreign' | 'malformed' | 'unknown';
  /** The unit as written (for 'malformed', the text after the open bracket). */
  text: string;
}

const FOREIGN_CURRENCY =
  /美元|美金|欧元|港元|港币|日元|英镑|韩元|澳元|加元|卢布|新台币|台币|瑞郎|usd|eur|hkd|jpy|gbp|\$|€|£/;

/**
 * Bracket text in a unit's place that looks like a unit but is none this tool knows: a multiplier (十万元), a measure
 * word (套, 件, 吨) or Latin letters (m3, km2). Other bracket text (馆, 含教学点, 小学) is part of the header's name.
 */
const UNIT_LIKE =
  /^(?:[十百千万亿]+\S{1,3}|\S{0,3}(?:元|米|亩|顷|册|本|台|间|人|名|个|套|件|座|块|张|辆|吨|斤|克|里|尺)|(?=.*[a-z$€£¥])[a-z0-9$€£¥²³]+)$/;

/** What is wrong with the unit of a header (its texts from the top row down), or null when nothing is. */
export function headerUnitProblem(parts: readonly string[]): UnitProblem | null {
  let problem: UnitProblem | null = null;
  for (const p of parts) {
    const n = normaliseHeader(p);
    const foreign = FOREIGN_CURRENCY.exec(n);
    if (foreign) return { kind: 'foreign', text: foreign[0] };
    const opens = (n.match(/\(/g) ?? []).length;
    const closes = (n.match(/\)/g) ?? []).length;
    if (opens !== closes) {
      problem ??= { kind: 'malformed', text: /\(([^()]*)$/.exec(n)?.[1] ?? n };
      continue;
    }
    const last = /\(([^()]*)\)$/.exec(n)?.[1];
    if (last === undefined || parseUnit(last)) continue;
    const word = last.replace(/^单位[:：]?/, '');
    // A rate such as (㎡/间) names a known unit per something: the field says what it is per.
    if (word.includes('/') && parseUnit(word.slice(0, word.indexOf('/')))) continue;
    if (word !== '' && (UNIT_LIKE.test(word) || word !== last)) problem ??= { kind: 'unknown', text: word };
  }
  return problem;
}

/**
 * Warnings for mapped columns whose unit is unknown or malformed (naming the unit assumed), and errors for foreign
 * currencies, whose columns are returned in `foreign`: such a column is not read at all.
 */
export function unitIssues(
  mapping: ColumnMapping,
  sheet: string | undefined,
  headerTop: number,
  headerBottom: number,
): { issues: DataIssue[]; foreign: FieldKey[] } {
  const headerRows = { top: headerTop, bottom: headerBottom };
  const issues: DataIssue[] = [];
  const foreign: FieldKey[] = [];
  for (const [key, mapped] of Object.entries(mapping)) {
    if (!mapped) continue;
    const problem = headerUnitProblem(mapped.header.split(' / '));
    if (!problem) continue;
    const assumed = mapped.unit ?? (fieldByKey(key)?.unit || '数值');
    const place = { sheet, row: headerTop, column: mapped.column, field: key };
    const header = mapped.header;
    if (problem.kind === 'foreign') {
      foreign.push(key);
      issues.push(dataIssue(place, 'foreignCurrency', 'error', { headerRows, header, unit: problem.text }));
    } else if (problem.kind === 'malformed') {
      issues.push(dataIssue(place, 'unitMalformed', 'warning', { headerRows, header, assumed }));
    } else {
      issues.push(
        dataIssue(place, 'unknownUnit', 'warning', { headerRows, header, unit: problem.text, assumed }),
      );
    }
  }
  return { issues, foreign };
}

// ─── mapping a header row (or row pair) ──────────────────────────────────────

interface HeaderColumn {
  column: number;
  parts: string[];
  /** For a parent over child: the cell the parent text came from, shared by the columns of one group. */
  parentOrigin?: string;
}

interface RowMapping {
  mapping: ColumnMapping;
  unmapped: UnmappedColumn[];
  /** Later columns that matched an already mapped field. */
  duplicates: { field: FieldKey; kept: MappedColumn; dropped: MappedColumn }[];
  /** Unmapped columns under a recognised parent (one that maps alone, or over a child that maps). */
  orphans: UnmappedColumn[];
}

function mapColumns(columns: HeaderColumn[], match: Matcher = matchHeader): RowMapping {
  const mapping: ColumnMapping = {};
  const unmapped: UnmappedColumn[] = [];
  const duplicates: RowMapping['duplicates'] = [];
  const recognisedParents = new Set<string>();
  const underParent: { column: UnmappedColumn; parentOrigin: string; parent: string }[] = [];
  for (const c of columns) {
    const header = displayHeader(c.parts);
    if (header === '') continue;
    const m = match(...c.parts);
    if (!m) {
      unmapped.push({ column: c.column, header });
      if (c.parentOrigin !== undefined && c.parts.length === 2) {
        underParent.push({
          column: unmapped[unmapped.length - 1],
          parentOrigin: c.parentOrigin,
          parent: c.parts[0],
        });
      }
      continue;
    }
    if (c.parentOrigin !== undefined && c.parts.length === 2) recognisedParents.add(c.parentOrigin);
    const entry: MappedColumn = {
      column: c.column,
      header,
      ...(m.unit ? { unit: m.unitText } : {}),
      unitFactor: m.unit ? m.unit.factor : 1,
      ...(m.unit?.divisor ? { unitDivisor: m.unit.divisor } : {}),
    };
    const kept = mapping[m.field];
    if (kept) duplicates.push({ field: m.field, kept, dropped: entry });
    else mapping[m.field] = entry;
  }
  const orphans = underParent
    .filter((u) => recognisedParents.has(u.parentOrigin) || match(u.parent) !== null)
    .map((u) => u.column);
  return { mapping, unmapped, duplicates, orphans };
}

/**
 * Info issues for columns under a recognised parent that no field matched (教师（人） over 研究生学历), so that the
 * user sees them in the mapping instead of losing them silently. They carry no field key: none was found.
 */
function unmappedIssues(orphans: UnmappedColumn[], sheet: string | undefined, row: number): DataIssue[] {
  return orphans.map((o) =>
    dataIssue({ sheet, row, column: o.column, field: '' }, 'unmappedColumn', 'info', { header: o.header }),
  );
}

function duplicateIssues(
  duplicates: RowMapping['duplicates'],
  sheet: string | undefined,
  row: number,
): DataIssue[] {
  return duplicates.map(({ field, kept, dropped }) =>
    dataIssue({ sheet, row, column: dropped.column, field }, 'duplicateColumn', 'warning', {
      kept: kept.column,
      keptHeader: kept.header,
      droppedHeader: dropped.header,
    }),
  );
}

/** Whether the mapping has the students column, or per-stage students columns for combined rows. */
function hasStudents(mapping: ColumnMapping): boolean {
  return Object.keys(mapping).some((k) => k === 'students' || k.endsWith('.students'));
}

/**
 * Issues for required fields (spec §8: 学校名称 and 在校生数) missing from a mapping. Per-stage 在校生数 columns
 * stand in for the whole-school one.
 */
export function missingColumnIssues(
  mapping: ColumnMapping,
  sheet: string | undefined,
  headerTop: number,
  headerBottom: number,
): DataIssue[] {
  return REQUIRED_FIELDS.filter((key) => (key === 'students' ? !hasStudents(mapping) : !mapping[key])).map(
    (key) => {
      const def = fieldByKey(key) as FieldDef;
      const examples = def.synonyms.filter((s) => !s.startsWith('=')).slice(0, 3);
      return dataIssue({ sheet, row: headerTop, field: key }, 'missingColumn', 'error', {
        headerRows: { top: headerTop, bottom: headerBottom },
        examples,
      });
    },
  );
}

/**
 * Maps one header row given as texts (column = firstColumn + index). Reports two columns for one field
 * ('duplicateColumn', the first kept) but not missing columns: a single row may be half of a two-level header.
 */
export function mapHeaders(
  texts: readonly (CellValue | undefined)[],
  options: { sheet?: string; row?: number; firstColumn?: number } = {},
): { mapping: ColumnMapping; unmapped: UnmappedColumn[]; issues: DataIssue[] } {
  const first = options.firstColumn ?? 0;
  const r = mapColumns(texts.map((t, i) => ({ column: first + i, parts: [cellText(t)] })));
  return {
    mapping: r.mapping,
    unmapped: r.unmapped,
    issues: duplicateIssues(r.duplicates, options.sheet, options.row ?? 0),
  };
}

// ─── finding the header in a grid ────────────────────────────────────────────

/**
 * Cell text with merged areas resolved to their top-left cell, and which cell the text came from. Areas that start
 * above the candidate header's top row are not followed: a header merged down over two rows belongs to the pair.
 */
function makeHeaderReader(
  grid: CellGrid,
  top: number,
): (row: number, col: number) => { text: string; origin: string } {
  const merges = grid.merges ?? [];
  return (row, col) => {
    let r = row;
    let c = col;
    for (const m of merges) {
      if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
        if (m.top < top) return { text: '', origin: `${row}:${col}` };
        r = m.top;
        c = m.left;
        break;
      }
    }
    const v = grid.values[r - grid.firstRow]?.[c - grid.firstColumn];
    return { text: cellText(v).trim(), origin: `${r}:${c}` };
  };
}

function gridWidth(grid: CellGrid, rows: number): number {
  let w = 0;
  for (let i = 0; i < rows && i < grid.values.length; i++) w = Math.max(w, grid.values[i]?.length ?? 0);
  return w;
}

/**
 * Header columns of rows [top, top + levels). For two levels, a parent text spreads over its merged area; when the
 * adapter gave no merge information at all, a parent spreads right over blank parent cells that have a child below.
 */
function headerColumns(grid: CellGrid, top: number, levels: number, width: number): HeaderColumn[] {
  const read = makeHeaderReader(grid, top);
  const cols: HeaderColumn[] = [];
  let carried: { text: string; origin: string } | null = null;
  for (let j = 0; j < width; j++) {
    const col = grid.firstColumn + j;
    if (levels === 1) {
      cols.push({ column: col, parts: [read(top, col).text] });
      continue;
    }
    let parent = read(top, col);
    const child = read(top + 1, col);
    if (parent.text !== '') carried = parent;
    else if (grid.merges === undefined && child.text !== '' && carried) parent = carried;
    else carried = null;
    if (parent.origin === child.origin || child.text === '') cols.push({ column: col, parts: [parent.text] });
    else if (parent.text === '') cols.push({ column: col, parts: [child.text] });
    else cols.push({ column: col, parts: [parent.text, child.text], parentOrigin: parent.origin });
  }
  return cols;
}

/** How well a candidate header explains the table: distinct fields mapped, with the required ones counting extra. */
function headerScore(mapping: ColumnMapping): number {
  const keys = Object.keys(mapping);
  return keys.length + (mapping.name ? 0.5 : 0) + (hasStudents(mapping) ? 0.5 : 0);
}

/**
 * Finds the header: every row of the first HEADER_SCAN_ROWS, alone or with the row below it as a two-level header,
 * is mapped; the one mapping the most fields wins (ties: one row over two, then the upper one). Title rows above
 * map nothing and so lose. Needs at least two fields to call it a table.
 */
export function detectHeader(grid: CellGrid): HeaderDetection {
  const sheet = grid.sheet;
  const notFound = (scannedRows?: number): HeaderDetection => ({
    found: false,
    headerTop: 0,
    headerBottom: 0,
    mapping: {},
    unmapped: [],
    issues: [dataIssue({ sheet, row: 0, field: 'table' }, 'noTable', 'error', { scannedRows })],
  });
  const scan = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  const width = gridWidth(grid, scan + 1);
  if (scan === 0 || width === 0) return notFound();

  const match = matcherForOneDetection();
  let best: { top: number; levels: number; result: RowMapping; score: number } | null = null;
  for (let i = 0; i < scan; i++) {
    const top = grid.firstRow + i;
    for (const levels of [1, 2]) {
      if (levels === 2 && i + 1 >= grid.values.length) continue;
      const result = mapColumns(headerColumns(grid, top, levels, width), match);
      const score = headerScore(result.mapping);
      if (!best || score > best.score || (score === best.score && levels < best.levels)) {
        best = { top, levels, result, score };
      }
    }
  }
  if (!best || Object.keys(best.result.mapping).length < 2) return notFound(scan);

  const headerTop = best.top;
  const headerBottom = best.top + best.levels - 1;
  const { duplicates, orphans } = best.result;
  const mapping = { ...best.result.mapping };
  const unmapped = [...best.result.unmapped];
  const units = unitIssues(mapping, sheet, headerTop, headerBottom);
  for (const key of units.foreign) {
    const m = mapping[key] as MappedColumn;
    unmapped.push({ column: m.column, header: m.header });
    delete mapping[key];
  }
  unmapped.sort((a, b) => a.column - b.column);
  return {
    found: true,
    headerTop,
    headerBottom,
    mapping,
    unmapped,
    issues: [
      ...units.issues,
      ...duplicateIssues(duplicates, sheet, headerTop),
      ...missingColumnIssues(mapping, sheet, headerTop, headerBottom),
      ...unmappedIssues(orphans, sheet, headerBottom),
    ],
  };
}
