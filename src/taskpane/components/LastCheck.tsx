// The last check's summary kept in the workbook, shown on reopen until the user checks again (marked out of date).
import { Badge, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { LastCheck } from '../settings';
import { useStrings } from '../strings';
import { formatCv, formatThreshold } from './format';
import { Section } from './Section';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export function LastCheckCard({ last }: { last: LastCheck }) {
  const strings = useStrings();
  const styles = useStyles();
  const profile =
    last.profile === 'quality-2017'
      ? strings.profileQuality
      : last.profile === 'basic-2012'
        ? strings.profileBasic
        : strings.profileCustom;
  const verdict =
    last.verdict === 'pass'
      ? strings.verdictPass
      : last.verdict === 'fail'
        ? strings.verdictFail
        : strings.verdictUnknown;
  return (
    <Section
      title={strings.lastCheckTitle}
      aside={
        <Badge color="warning" appearance="tint">
          {strings.lastCheckStale}
        </Badge>
      }
    >
      <Caption1 className={styles.muted}>{strings.lastCheckWhen(last.at, last.sheet, profile)}</Caption1>
      <Text>
        {verdict} · {strings.lastCheckCounts(last.checked, last.passed, last.failed, last.undecided)}
      </Text>
      {last.stages?.map((s) => (
        <Text key={s.stage}>
          {strings.lastCheckStage(
            strings.stageNames[s.stage],
            s.mode === 'composite',
            formatCv(s.cv, strings.cvUndefined),
            formatThreshold(s.threshold),
            s.over !== undefined && s.of !== undefined ? { over: s.over, of: s.of } : undefined,
          )}
        </Text>
      ))}
      <Caption1 className={styles.muted}>{strings.lastCheckHint}</Caption1>
    </Section>
  );
}
