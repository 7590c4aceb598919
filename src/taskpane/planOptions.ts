/**
 * The options the written sheets use, from the pane's stored settings: the 整改测算 tab's rule switch, margin and unit
 * costs, and the county and year asked under 写入评估报告. One function for the tab, 写入评估报告 and the web downloads.
 */
import {
  INDICATORS,
  profileIndicators,
  type IndicatorId,
  type Profile,
  type ReportOptions,
  type ReportTitle,
  type StagePlanOptions,
  type UnitCosts,
} from '../engine';
import type { PaneSettings, PlanInputs, ReportTitleInputs } from './settings';

/** Parses a unit cost typed by the user: a number ≥ 0 (full-width digits and thousands commas allowed), else null. */
export function parseUnitCost(text: string): number | null {
  const normal = text
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/** Parses the CV target's safety margin typed in percent: 0 ≤ x ≤ 50, else null ('' reads as 0). */
export function parseMargin(text: string): number | null {
  if (text.trim() === '') return 0;
  const value = parseUnitCost(text.replace(/[%％]\s*$/, ''));
  return value !== null && value <= 50 ? value : null;
}

/** Parses the data year typed under 写入评估报告: a year 1900–2199 (full-width digits, a trailing 年 allowed), else null. */
export function parseYear(text: string): number | null {
  const normal = text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '')
    .replace(/年$/, '');
  return /^(19|20|21)\d{2}$/.test(normal) ? Number(normal) : null;
}

/** The indicators a unit cost can be typed for: all the profile's, or every indicator, but equipment (in 元 already). */
export function pricedIndicators(profile?: Profile | null): IndicatorId[] {
  const ids = profile ? profileIndicators(profile) : (Object.keys(INDICATORS) as IndicatorId[]);
  return ids.filter((id) => INDICATORS[id].unit !== '元');
}

/**
 * The 整改测算's options from what was typed on the tab: the rule switch, the margin (a typed 10 % gives the factor
 * 0.9; an invalid margin none) and the valid unit costs of the priced indicators (none typed: no costs).
 */
export function planOptionsOf(
  inputs: PlanInputs | undefined,
  profile?: Profile | null,
): Omit<StagePlanOptions, 'units'> {
  const options: Omit<StagePlanOptions, 'units'> = {
    schoolFloors: inputs?.byRule && (!profile || profile.schoolRule) ? 'rule' : 'standard',
  };
  const percent = parseMargin(inputs?.margin ?? '');
  if (percent) options.margin = 1 - percent / 100;
  const costs: UnitCosts = {};
  let any = false;
  for (const id of pricedIndicators(profile)) {
    const value = parseUnitCost(inputs?.unitCosts[id] ?? '');
    if (value !== null) {
      costs[id] = value;
      any = true;
    }
  }
  if (any) options.unitCosts = costs;
  return options;
}

/** The county and year typed under 写入评估报告; a part left blank (or an invalid year) falls back to the table's title. */
export function titleOptionsOf(inputs: ReportTitleInputs | undefined): ReportTitle {
  const county = inputs?.county.trim() ?? '';
  return { county: county || null, year: parseYear(inputs?.year ?? '') };
}

/** Everything the written sheets take from the pane's settings: the 整改测算's options and the title. */
export function reportOptionsOf(settings: PaneSettings, profile?: Profile | null): ReportOptions {
  return { plan: planOptionsOf(settings.plan, profile), title: titleOptionsOf(settings.title) };
}
