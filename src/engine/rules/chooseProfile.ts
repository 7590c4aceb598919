/** 自动选择评估标准: the built-in regime whose required data columns the sheet's header mapping has (`--profile auto`). */
import { fieldLabel } from '../model/issues';
import { INDICATORS } from '../model/indicators';
import { BASIC_2012, profileIndicators, QUALITY_2017 } from './profiles';
import type { CountField, IndicatorId, Profile } from '../model/types';

/** The id the CLI and the pane use for "choose from the sheet". */
export const AUTO_PROFILE = 'auto';

/** One data column a profile needs: a count field, or an indicator whose any way of reading it is absent. */
export interface ProfileNeed {
  /** The field key (a CountField), or for an indicator read from several fields, the first of its preferred way. */
  field: CountField;
  /** zh-CN label, e.g. “县级以上骨干教师数”. */
  label: string;
  /** The indicators this field serves. */
  indicators: IndicatorId[];
  present: boolean;
}

export interface ProfileChoice {
  profile: Profile;
  /** What the chosen profile needs, in indicator order, with what the sheet lacks. */
  needs: ProfileNeed[];
  /** Labels each regime lacks, by profile id (empty when the sheet has all its columns). */
  lacking: Record<string, string[]>;
  /** zh-CN explanation of the choice, naming what each regime lacks when neither or both fit. */
  explanation: string;
}

/** Mapped field keys: the plain fields and the per-stage ones ('junior.teachers' gives 'teachers'). */
function mappedFields(keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const key of keys) {
    out.add(key);
    const dot = key.indexOf('.');
    if (dot > 0) out.add(key.slice(dot + 1));
  }
  return out;
}

/**
 * The data columns a profile needs from a sheet whose header maps `keys` (field keys of a ColumnMapping): for each of
 * its indicators (CV and per-school), the fields of the first way of reading it the sheet has — a raw-count
 * alternative (per-stage columns count), or the indicator's own ratio column — else of its preferred way, absent.
 */
export function profileNeeds(profile: Profile, keys: readonly string[]): ProfileNeed[] {
  const have = mappedFields(keys);
  const needs: ProfileNeed[] = [];
  const add = (field: CountField, id: IndicatorId, present: boolean) => {
    const need = needs.find((n) => n.field === field);
    if (need) {
      if (!need.indicators.includes(id)) need.indicators.push(id);
      need.present &&= present;
    } else needs.push({ field, label: fieldLabel(field), indicators: [id], present });
  };
  for (const id of profileIndicators(profile)) {
    const meta = INDICATORS[id];
    const alt = meta.numerator.find((fields) => fields.every((f) => have.has(f)));
    if (alt) for (const f of alt) add(f, id, true);
    else if (have.has(id)) for (const f of meta.numerator[0]) add(f, id, true);
    else for (const f of meta.numerator[0]) add(f, id, have.has(f));
  }
  return needs;
}

const MSG = {
  fits: (chosen: string) => `表中有${chosen}所需的全部数据列，按${chosen}评估`,
  lacks: (name: string, labels: string[]) => `${name}缺少：${labels.join('、')}`,
  both: (chosen: string, other: string) =>
    `表中同时有${chosen}和${other}所需的数据列，按${chosen}评估（如需${other}请改选）`,
  neither: (chosen: string) => `表中数据列对两种标准都不全，按${chosen}评估`,
};

/** 优质均衡（教督〔2017〕6号） → 优质均衡 */
const shortName = (p: Profile) => p.name.replace(/[（(].*$/, '');

/**
 * Chooses the regime from a sheet's mapped columns: the one whose needed columns are all there; when both or neither
 * fit, 优质均衡 (the regime counties are assessed under now), saying what each lacks.
 */
export function chooseProfile(keys: readonly string[]): ProfileChoice {
  const regimes = [QUALITY_2017, BASIC_2012];
  const lacking: Record<string, string[]> = {};
  const needsOf = new Map<Profile, ProfileNeed[]>();
  for (const p of regimes) {
    const needs = profileNeeds(p, keys);
    needsOf.set(p, needs);
    lacking[p.id] = needs.filter((n) => !n.present).map((n) => n.label);
  }
  const fitting = regimes.filter((p) => lacking[p.id].length === 0);
  const profile = fitting.length === 1 ? fitting[0] : QUALITY_2017;
  let explanation: string;
  if (fitting.length === 1) {
    const other = regimes.find((p) => p !== profile) as Profile;
    explanation = `${MSG.fits(shortName(profile))}（${MSG.lacks(shortName(other), lacking[other.id])}）`;
  } else if (fitting.length === 2) explanation = MSG.both(shortName(QUALITY_2017), shortName(BASIC_2012));
  else
    explanation = `${MSG.neither(shortName(profile))}：${regimes
      .map((p) => MSG.lacks(shortName(p), lacking[p.id]))
      .join('；')}`;
  return { profile, needs: needsOf.get(profile) as ProfileNeed[], lacking, explanation };
}
