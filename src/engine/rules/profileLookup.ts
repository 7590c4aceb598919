/** Finds a standards profile from what a user types: its id, 优质均衡 / 基本均衡, its full name, or a custom profile as JSON. */
import { toHalfWidth } from '../model/text';
import { parseProfile, PROFILES } from './profiles';
import type { Profile } from '../model/types';

export type ProfileLookup = { ok: true; profile: Profile } | { ok: false; reason: string };

/** Lower-case, half-width, without spaces and brackets, so “优质均衡（教督〔2017〕6号）” and "Quality-2017" compare loosely. */
function loose(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s()（）〔〕[\]【】]/g, '');
}

/** The short name a profile is known by: its full name up to the bracket (优质均衡, 基本均衡). */
function shortName(profile: Profile): string {
  return profile.name.split(/[（(]/)[0];
}

/**
 * A standards profile by id (quality-2017, basic-2012), short name (优质均衡, 基本均衡), full name, or JSON text of a
 * province's own profile (validated by parseProfile). The caller decides what an empty text defaults to.
 */
export function findProfile(text: string): ProfileLookup {
  const raw = String(text ?? '').trim();
  if (raw.startsWith('{')) {
    const parsed = parseProfile(raw);
    return parsed.ok ? parsed : { ok: false, reason: `自定义评估标准有误：${parsed.errors.join('；')}` };
  }
  const query = loose(raw);
  if (query === '') return { ok: false, reason: '评估标准为空' };
  for (const profile of Object.values(PROFILES)) {
    const names = [profile.id, profile.name, shortName(profile)].map(loose);
    if (names.includes(query)) return { ok: true, profile };
  }
  const known = Object.values(PROFILES)
    .map((p) => `${p.id}（${shortName(p)}）`)
    .join('、');
  return { ok: false, reason: `未知的评估标准“${raw}”，可用：${known}` };
}
