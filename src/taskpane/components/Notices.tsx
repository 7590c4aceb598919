// Messages after an action (done, warnings, Excel errors in Chinese) as Fluent MessageBars, and the busy status.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useStrings } from '../strings';

export interface Notice {
  id: number;
  intent: 'success' | 'warning' | 'info' | 'error';
  text: string;
  title?: string;
  /** Where it shows: next to the table step's buttons, or in the action bar (the action that caused it). */
  place: 'table' | 'bar';
  /** The next step offered with it (打开报告, 查看结果). */
  action?: { label: string; run(): void };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function Notices(props: {
  notices: readonly Notice[];
  /** Labels the live region (the action bar's feedback, the table step's). */
  label?: string;
  className?: string;
  /** What the pane is doing right now, or null. */
  busyText: string | null;
  onDismiss(id: number): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  if (props.notices.length === 0 && !props.busyText) return null;
  return (
    <section
      className={mergeClasses(styles.root, props.className)}
      aria-live="polite"
      aria-label={props.label}
    >
      {props.busyText && <Spinner size="tiny" labelPosition="after" label={props.busyText} />}
      {props.notices.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} layout="multiline">
          <MessageBarBody className={styles.body}>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={strings.dismiss}
                icon={<DismissRegular />}
                onClick={() => props.onDismiss(notice.id)}
              />
            }
          >
            {notice.action && (
              <Button size="small" onClick={notice.action.run}>
                {notice.action.label}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      ))}
    </section>
  );
}
