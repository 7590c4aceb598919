/** Splitting a combined school's facility totals into stage parts by student-equivalents (spec §5), exactly. */
import Decimal from 'decimal.js';
import { Dec } from '../exact/arithmetic';
import type { AnyStage, FacilityField, Profile, SchoolKind, SplitWeights, Stage } from '../model/types';

export type CombinedKind = 'nineYear' | 'completeMiddle' | 'twelveYear';

/** The stages a combined school holds, youngest first. */
export const COMBINED_STAGES: Readonly<Record<CombinedKind, readonly AnyStage[]>> = {
  nineYear: ['primary', 'junior'],
  completeMiddle: ['junior', 'senior'],
  twelveYear: ['primary', 'junior', 'senior'],
};

export function isCombinedKind(kind: SchoolKind): kind is CombinedKind {
  return kind === 'nineYear' || kind === 'completeMiddle' || kind === 'twelveYear';
}

export function isCompulsory(stage: AnyStage): stage is Stage {
  return stage !== 'senior';
}

/** The facility totals the profile splits: the five of spec §5, and multimedia rooms by DEFAULT. */
export function facilityFields(profile: Profile): FacilityField[] {
  const fields: FacilityField[] = ['teachingArea', 'sportsArea', 'equipmentValue', 'computers', 'books'];
  if (profile.split.multimediaRooms) fields.push('multimediaRooms');
  return fields;
}

/**
 * Each stage's share of the student-equivalents: Pₛ·wₛ / Σ P·w (九年一贯制 primary A / (A + 1.1B)), as exact
 * Decimals. Null when the school has no student-equivalents at all.
 */
export function splitShares(
  kind: CombinedKind,
  students: Partial<Record<AnyStage, number>>,
  weights: SplitWeights,
): Partial<Record<AnyStage, Decimal>> | null {
  const w = weights[kind] as Partial<Record<AnyStage, number>>;
  const equivalents = COMBINED_STAGES[kind].map((s) => new Dec(students[s] ?? 0).times(w[s] ?? 0));
  const total = equivalents.reduce((a, b) => a.plus(b), new Dec(0));
  if (total.isZero()) return null;
  const shares: Partial<Record<AnyStage, Decimal>> = {};
  COMBINED_STAGES[kind].forEach((s, i) => (shares[s] = equivalents[i].div(total)));
  return shares;
}

/**
 * A total split by shares so the parts add back to the total exactly: every part but the last is rounded down to
 * as many decimals as keep 15 significant digits (so the JS number is that decimal), the last takes the rest.
 */
export function splitTotal(
  total: number,
  stages: readonly AnyStage[],
  shares: Partial<Record<AnyStage, Decimal>>,
): Partial<Record<AnyStage, number>> {
  const t = new Dec(total);
  const intDigits = t.abs().lt(1) ? 1 : t.abs().trunc().toFixed().length;
  const places = Math.max(0, 15 - intDigits);
  const out: Partial<Record<AnyStage, number>> = {};
  let rest = t;
  stages.forEach((s, i) => {
    if (i === stages.length - 1) {
      out[s] = rest.toNumber();
      return;
    }
    const part = t.times(shares[s] ?? 0).toDecimalPlaces(places, Decimal.ROUND_DOWN);
    out[s] = part.toNumber();
    rest = rest.minus(part);
  });
  return out;
}
