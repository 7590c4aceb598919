/** What `balance plan` does to one checked file: read the unit costs, plan every stage present and each failing school. */
import { promises as fs } from 'node:fs';
import Decimal from 'decimal.js';
import {
  findIndicator,
  planSchools,
  planStages,
  resourceUnits,
  type DataIssue,
  type IndicatorId,
  type Profile,
  type SchoolPlan,
  type StagePlan,
  type StagePlanOptions,
  type UnitCosts,
} from '../engine';
import { parseJsonZh, type Checked } from './check';
import type { PlanOptions } from './planArgs';
import { planText } from './strings.zh-CN';

export type CostsResult = { ok: true; costs: UnitCosts } | { ok: false; message: string };

/** The --costs file's JSON, or why it cannot be read (in Chinese, with the line and column of a syntax error). */
export async function readCostsJson(
  file: string,
): Promise<{ ok: true; json: unknown } | { ok: false; message: string }> {
  let textContent: string;
  try {
    textContent = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: planText.costsUnreadable(file, code === 'ENOENT' ? planText.noSuchFile : (code ?? String(e))),
    };
  }
  const parsed = parseJsonZh(textContent);
  return parsed.ok
    ? { ok: true, json: parsed.value }
    : { ok: false, message: planText.costsNotJson(file, parsed.reason) };
}

/** --costs: a JSON object of 元 per unit, keyed by indicator name (as in the spec) or id, validated. */
export async function loadCosts(file: string, profile: Profile): Promise<CostsResult> {
  const read = await readCostsJson(file);
  return read.ok ? costsOf(file, read.json, profile) : read;
}

/** The unit costs of a --costs file's JSON, checked against the indicators of the profile used. */
export function costsOf(file: string, json: unknown, profile: Profile): CostsResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { ok: false, message: planText.costsInvalid(file, [planText.costsNotObject]) };
  }
  const costs: UnitCosts = {};
  const errors: string[] = [];
  const among = [...new Set([...profile.indicators, ...(Object.keys(profile.standards) as IndicatorId[])])];
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const found = findIndicator(key, among);
    if (!found.ok) errors.push(found.reason);
    else if (typeof value !== 'number' || !(value >= 0) || value === Infinity)
      errors.push(planText.costNotNumber(key));
    else costs[found.indicator.id] = value;
  }
  return errors.length ? { ok: false, message: planText.costsInvalid(file, errors) } : { ok: true, costs };
}

/** The stage plan options from the command line: --target × --margin, or the profile's threshold × --margin. */
export function stageOptions(options: PlanOptions, costs: UnitCosts | undefined): StagePlanOptions {
  const out: StagePlanOptions = { schoolFloors: options.floors };
  if (options.target !== undefined) {
    out.targetCv = new Decimal(options.target).times(options.margin ?? 1).toNumber();
  } else if (options.margin !== undefined) out.margin = options.margin;
  if (costs) out.unitCosts = costs;
  return out;
}

/** One file planned: the check's outcome, a plan per stage present, and the k-of-n school plans. */
export interface Planned {
  checked: Checked;
  options: PlanOptions;
  stages: StagePlan[];
  schools: SchoolPlan[];
  costs?: UnitCosts;
}

export function planChecked(checked: Checked, options: PlanOptions, costs?: UnitCosts): Planned {
  const ev = checked.evaluation;
  // Money in the summary follows its column's unit (万元), as on the 整改测算 sheet; the JSON stays in base units.
  const stages = planStages(ev, {
    ...stageOptions(options, costs),
    units: resourceUnits(checked.table.mapping),
  });
  const planned: Planned = {
    checked,
    options,
    stages,
    schools: planSchools(ev, costs, resourceUnits(checked.table.mapping)),
  };
  if (costs) planned.costs = costs;
  return planned;
}

/** The check's issues and every stage plan's, in sheet order. */
export function planIssues(p: Planned): DataIssue[] {
  return [...p.checked.issues, ...p.stages.flatMap((s) => s.issues)].sort((a, b) => a.row - b.row);
}
