/** 整改测算 of every stage present: one StagePlan per stage that has parts, shared by the pane, the CLI and the report. */
import { planStage } from '../planner/plan';
import type { StagePlan, StagePlanOptions } from '../planner/types';
import { STAGES } from '../model/stages';
import type { Evaluation } from '../model/types';

/** The plan of each stage with at least one part in scope, 小学 first; a stage without parts has nothing to plan. */
export function planStages(
  evaluation: Pick<Evaluation, 'parts' | 'profile'>,
  options: StagePlanOptions = {},
): StagePlan[] {
  return STAGES.filter((stage) => evaluation.parts.some((p) => p.stage === stage)).map((stage) =>
    planStage(evaluation, stage, options),
  );
}
