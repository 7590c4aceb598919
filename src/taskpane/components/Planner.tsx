// 整改测算 tab: per stage and indicator, the least to add (total, schools, CV after) and, with unit costs, the budget.
import { useDeferredValue, useMemo } from 'react';
import {
  Badge,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  formatNumber,
  formatPercent,
  INDICATORS,
  planStages,
  resourceUnits,
  type IndicatorId,
  type IndicatorPlan,
  type StagePlan,
} from '../../engine';
import { parseMargin, parseUnitCost, planOptionsOf, pricedIndicators } from '../planOptions';
import type { PlanInputs } from '../settings';
import { useStrings } from '../strings';
import { usePlanListStyles } from './planListStyles';
import type { CheckOutcome } from '../workflow';
import { formatCv, formatThreshold } from './format';
import { PlannerMix } from './PlannerMix';
import { Section } from './Section';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  // Each cost in its own cell: Fluent's Input has a 250 px minimum width, which made neighbours overlap at 340–450 px.
  costs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 150px), 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
  },
  field: { minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
  label: { overflowWrap: 'anywhere' },
  stageHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  itemHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  total: { fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

function IndicatorItem({ plan }: { plan: IndicatorPlan }) {
  const strings = useStrings();
  const styles = useStyles();
  const lists = usePlanListStyles();
  const affected = plan.additions.filter((a) => a > 0).length;
  return (
    <li className={lists.item}>
      <div className={styles.itemHead}>
        <Text weight="semibold" title={strings.indicatorName(plan.indicator)}>
          {strings.indicatorLabel(plan.indicator)}
        </Text>
        {!plan.feasible ? (
          <Badge color="danger" appearance="tint">
            {strings.planInfeasible}
          </Badge>
        ) : plan.total > 0 ? (
          <Badge color="warning" appearance="tint">
            {strings.planNeeds}
          </Badge>
        ) : (
          <Badge color="success" appearance="tint">
            {strings.planNothing}
          </Badge>
        )}
      </div>
      {plan.total > 0 && (
        <Caption1>
          {strings.planAdd(strings.amount(plan.total, plan.unit, plan.columnUnit))} ·{' '}
          {strings.planSchools(affected)}
        </Caption1>
      )}
      {plan.targetCv !== null && (
        <Caption1>
          {strings.planCv(
            formatCv(plan.cvBefore, strings.cvUndefined),
            formatCv(plan.cv, strings.cvUndefined),
            formatThreshold(plan.targetCv),
          )}
        </Caption1>
      )}
      {plan.cost !== null && plan.total > 0 && (
        <Caption1 className={styles.total}>{strings.planCost(formatNumber(plan.cost, 0))}</Caption1>
      )}
      {plan.missing > 0 && <Caption1 className={styles.warn}>{strings.planMissing(plan.missing)}</Caption1>}
    </li>
  );
}

function StageSection({ plan }: { plan: StagePlan }) {
  const strings = useStrings();
  const styles = useStyles();
  const lists = usePlanListStyles();
  return (
    <Section
      title={strings.stageNames[plan.stage]}
      aside={
        plan.feasible ? null : (
          <Badge color="danger" appearance="tint">
            {strings.planInfeasible}
          </Badge>
        )
      }
    >
      {plan.schools.length === 0 ? (
        <Caption1 className={styles.muted}>{strings.planNoSchools}</Caption1>
      ) : (
        <>
          {plan.composite && (
            <Caption1>
              {strings.planComposite(
                formatCv(plan.composite.before, strings.cvUndefined),
                formatCv(plan.composite.after, strings.cvUndefined),
                formatThreshold(plan.composite.threshold),
              )}
            </Caption1>
          )}
          <ul className={lists.list} aria-label={strings.stageNames[plan.stage]}>
            {plan.indicators.map((p) => (
              <IndicatorItem key={p.indicator} plan={p} />
            ))}
          </ul>
          <Text className={styles.total}>
            {plan.cost !== null
              ? strings.planStageTotal(formatNumber(plan.cost, 0))
              : strings.planStageUnpriced}
          </Text>
          {plan.mix && <PlannerMix mix={plan.mix} label={strings.stageNames[plan.stage]} />}
        </>
      )}
    </Section>
  );
}

export function Planner({
  outcome,
  inputs,
  onInputsChange,
}: {
  outcome: CheckOutcome | null;
  /** What the user typed, kept by the pane (and in the workbook), so it survives switching tabs and reopening. */
  inputs: PlanInputs;
  onInputsChange(next: PlanInputs): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const costTexts: Partial<Record<IndicatorId, string>> = inputs.unitCosts;
  const byRule = inputs.byRule;
  const marginPercent = parseMargin(inputs.margin);

  const evaluation = outcome?.evaluation ?? null;
  const profile = evaluation?.profile ?? null;
  const priced = useMemo(() => (profile ? pricedIndicators(profile) : []), [profile]);
  // Planning (the 基本均衡 cheapest mix above all) can take a few tenths of a second: what the user types shows at once,
  // the plans follow from the deferred copy of the inputs.
  const planned = useDeferredValue(inputs);
  const plans = useMemo(() => {
    if (!evaluation || !outcome) return [];
    // The options 写入评估报告 writes the 整改测算 sheet with; money follows its column's unit (万元), as there.
    const options = planOptionsOf(planned, evaluation.profile);
    return planStages(evaluation, { ...options, units: resourceUnits(outcome.table.mapping) });
  }, [evaluation, outcome, planned]);

  if (!evaluation || !profile) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{strings.planNeedsCheck}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.root}>
      <Caption1 className={styles.muted}>{strings.planIntro}</Caption1>
      {profile.schoolRule && (
        <Switch
          checked={byRule}
          onChange={(_, data) => onInputsChange({ ...inputs, byRule: data.checked })}
          label={strings.planFloorsRule(profile.schoolRule.k, formatPercent(profile.schoolRule.r))}
        />
      )}
      <Field
        size="small"
        className={styles.field}
        label={strings.planMarginLabel}
        hint={marginPercent === null ? undefined : strings.planMarginHint}
        validationState={marginPercent === null ? 'error' : 'none'}
        validationMessage={marginPercent === null ? strings.planMarginInvalid : undefined}
      >
        <Input
          size="small"
          inputMode="decimal"
          className={styles.input}
          value={inputs.margin}
          onChange={(_, data) => onInputsChange({ ...inputs, margin: data.value })}
        />
      </Field>
      <Section title={strings.unitCostsTitle}>
        <div className={styles.costs}>
          {priced.map((id) => {
            const meta = INDICATORS[id];
            const text = costTexts[id] ?? '';
            const invalid = text.trim() !== '' && parseUnitCost(text) === null;
            return (
              <Field
                key={id}
                size="small"
                className={styles.field}
                label={{
                  children: strings.unitCostLabel(strings.indicatorLabel(id), meta.unit),
                  className: styles.label,
                }}
                validationState={invalid ? 'error' : 'none'}
                validationMessage={invalid ? strings.unitCostInvalid : undefined}
              >
                <Input
                  size="small"
                  inputMode="decimal"
                  className={styles.input}
                  value={text}
                  onChange={(_, data) =>
                    onInputsChange({ ...inputs, unitCosts: { ...inputs.unitCosts, [id]: data.value } })
                  }
                />
              </Field>
            );
          })}
        </div>
      </Section>
      {plans.map((plan) => (
        <StageSection key={plan.stage} plan={plan} />
      ))}
    </div>
  );
}
