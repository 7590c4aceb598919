// 基本均衡 in the 整改测算 tab: the cheapest mix of additions for the composite CV, or why the plan is per indicator.
import { Caption1, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber, isTeacherIndicator, type StageMix } from '../../engine';
import { useStrings } from '../strings';
import { usePlanListStyles } from './planListStyles';
import { formatCv, formatThreshold } from './format';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  total: { fontWeight: tokens.fontWeightSemibold },
});

/** The mix of one 基本均衡 stage: per indicator with additions its target in the mix, amount, CV and cost; the total. */
export function PlannerMix({ mix, label }: { mix: StageMix; label: string }) {
  const strings = useStrings();
  const styles = useStyles();
  const lists = usePlanListStyles();
  if (!mix.ok) {
    const text =
      mix.code === 'noCosts'
        ? strings.mixPerIndicator
        : mix.code === 'missingPrices'
          ? strings.mixMissingPrices((mix.missing ?? []).map((id) => strings.indicatorLabel(id)).join(', '))
          : strings.mixUnavailable(mix.reason);
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    );
  }
  const target = formatThreshold(mix.target);
  const added = mix.indicators.filter((m) => m.total > 0);
  const teachers = added.filter((m) => isTeacherIndicator(m.indicator)).length;
  return (
    <section className={styles.root} aria-label={`${label} ${strings.mixTitle(target)}`}>
      <Text weight="semibold">{strings.mixTitle(target)}</Text>
      <Caption1 className={styles.muted}>{strings.mixIntro}</Caption1>
      {added.length === 0 ? (
        <Caption1>{strings.mixNothing(formatCv(mix.composite, strings.cvUndefined), target)}</Caption1>
      ) : (
        <>
          <ul className={lists.list}>
            {added.map((m) => (
              <li key={m.indicator} className={lists.item}>
                <Text weight="semibold" title={strings.indicatorName(m.indicator)}>
                  {strings.indicatorLabel(m.indicator)}
                </Text>
                <Caption1>
                  {strings.planAdd(strings.amount(m.total, m.unit, m.columnUnit))} ·{' '}
                  {strings.planCost(formatNumber(m.cost, 0))}
                </Caption1>
                <Caption1>
                  {strings.planCv(
                    formatCv(m.cvBefore, strings.cvUndefined),
                    formatCv(m.cv, strings.cvUndefined),
                    formatThreshold(m.targetCv),
                  )}
                </Caption1>
              </li>
            ))}
          </ul>
          <Caption1>{strings.mixComposite(formatCv(mix.composite, strings.cvUndefined), target)}</Caption1>
          <Text className={styles.total}>
            {strings.mixTotal(formatNumber(mix.cost, 0))}
            {strings.mixGap(formatNumber(Math.ceil(mix.gap), 0))}
            {mix.perIndicatorCost > mix.cost && mix.perIndicatorCost < Infinity
              ? strings.mixCompared(formatNumber(mix.perIndicatorCost, 0))
              : ''}
          </Text>
          {teachers > 1 && <Caption1 className={styles.muted}>{strings.mixTeachers}</Caption1>}
        </>
      )}
    </section>
  );
}
