// The pane's actions, kept in view at the bottom at every width: 检查并标注 (the one primary button), 写入评估报告 and
// 清除标注, disabled while anything runs, with what they are doing and what they did (and the next step) right above them.
import { Button, Caption1, Spinner, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentTableRegular, EraserRegular, TaskListSquareLtrRegular } from '@fluentui/react-icons';
import { useStrings } from '../strings';
import { Notices, type Notice } from './Notices';

const useStyles = makeStyles({
  root: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    // Edge to edge of the column (it cancels the column's side padding): room for two buttons side by side at 300 px.
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalM}`,
    borderTopLeftRadius: tokens.borderRadiusLarge,
    borderTopRightRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 -2px 8px rgba(0, 0, 0, 0.12)`,
  },
  // Feedback never covers more than a third of the pane: older messages scroll inside the bar.
  feedback: { maxHeight: '33vh', overflowY: 'auto' },
  primary: { width: '100%' },
  secondary: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(128px, 1fr))',
    gap: tokens.spacingHorizontalS,
  },
  secondaryButton: {
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  blocker: { color: tokens.colorNeutralForeground3, textAlign: 'center' },
});

export function ActionBar(props: {
  busy: string | null;
  /** What the running action is doing (shown above the buttons), or null. */
  busyText: string | null;
  /** Messages of the bar's actions: progress, success, errors, with the next step. */
  notices: readonly Notice[];
  onDismiss(id: number): void;
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
    <div className={styles.root} role="region" aria-label={strings.actionsLabel} data-action-bar="">
      <Notices
        className={styles.feedback}
        notices={props.notices}
        busyText={props.busyText}
        onDismiss={props.onDismiss}
      />
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
          className={styles.secondaryButton}
          icon={spinner('report') ?? <DocumentTableRegular />}
          disabled={!idle || !props.canReport}
          onClick={props.onReport}
        >
          {strings.writeReport}
        </Button>
        <Button
          className={styles.secondaryButton}
          icon={spinner('clearing') ?? <EraserRegular />}
          disabled={!idle}
          onClick={props.onClear}
        >
          {strings.clearMarks}
        </Button>
      </div>
    </div>
  );
}
