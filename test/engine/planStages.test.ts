// planStages: the 整改测算 of every stage that has parts, 小学 first — what the pane, the CLI and the report all show.
import { evaluate, planStage, planStages, QUALITY_2017 } from '../../src/engine';
import { qualityRow } from './support/rows';

const LOW = [3, 0.5, 0.5, 4, 6, 1500, 2];
const GOOD = [5.3, 1, 0.9, 5.8, 10.2, 2500, 2.4];

test('a table with only 初中 plans only 初中', () => {
  const ev = evaluate(
    [qualityRow(3, '一中', 'junior', 400, LOW), qualityRow(4, '二中', 'junior', 600, GOOD)],
    QUALITY_2017,
  );
  expect(planStages(ev).map((p) => p.stage)).toEqual(['junior']);
});

test('both stages, 小学 first whatever the row order, each the same as planStage with the same options', () => {
  const ev = evaluate(
    [
      qualityRow(3, '一中', 'junior', 400, LOW),
      qualityRow(4, '一小', 'primary', 500, LOW),
      qualityRow(5, '二小', 'primary', 300, GOOD),
    ],
    QUALITY_2017,
  );
  const options = { unitCosts: { sportsAreaPerStudent: 800 }, schoolFloors: 'rule' as const };
  const plans = planStages(ev, options);
  expect(plans.map((p) => p.stage)).toEqual(['primary', 'junior']);
  expect(plans).toEqual([planStage(ev, 'primary', options), planStage(ev, 'junior', options)]);
  // The options reach every stage: the priced indicator has a cost.
  expect(plans[0].indicators.find((i) => i.indicator === 'sportsAreaPerStudent')?.cost).not.toBeNull();
});

test('no parts, no plans', () => {
  expect(planStages(evaluate([], QUALITY_2017))).toEqual([]);
});
