// The pane's actions: 检查并标注 (the one primary button), 写入评估报告 and 清除标注, disabled while anything runs.
import { Button, Caption1, Spinner, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, EraserRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  primary: { width: '100%' },
  secondary: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  blocker: { color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

export function ActionBar(props: {
  busy: string | null;
  canCheck: boolean;
  /** Why 检查并标注 is unavailable, or null. */
  checkBlocker: string | null;
  canReport: boolean;
  onCheck(): void;
  onReport(): void;
  onClear(): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const idle = props.busy === null;
  const spinner = (kind: string) => (props.busy === kind ? <Spinner size="extra-tiny" /> : undefined);
  return (
    <div className={styles.root}>
      <Tooltip content={strings.checkHint} relationship="description">
        <Button
          appearance="primary"
          size="large"
          className={styles.primary}
          icon={spinner('checking') ?? <TaskListSquareLtrRegular />}
          disabled={!idle || !props.canCheck}
          onClick={props.onCheck}
        >
          {strings.check}
        </Button>
      </Tooltip>
      {props.checkBlocker && <Caption1 className={styles.blocker}>{props.checkBlocker}</Caption1>}
      <div className={styles.secondary}>
        <Button
          icon={spinner('report') ?? <DocumentTableRegular />}
          disabled={!idle || !props.canReport}
          onClick={props.onReport}
        >
          {strings.writeReport}
        </Button>
        <Button icon={spinner('clearing') ?? <EraserRegular />} disabled={!idle} onClick={props.onClear}>
          {strings.clearMarks}
        </Button>
      </div>
    </div>
  );
}
