// Messages after an action (done, warnings, Excel errors in Chinese) as Fluent MessageBars, and the busy status.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useStrings } from '../strings';

export interface Notice {
  id: number;
  intent: 'success' | 'warning' | 'info' | 'error';
  text: string;
  title?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  body: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function Notices(props: {
  notices: readonly Notice[];
  /** What the pane is doing right now, or null. */
  busyText: string | null;
  onDismiss(id: number): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  if (props.notices.length === 0 && !props.busyText) return null;
  return (
    <section className={styles.root} aria-live="polite">
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
          />
        </MessageBar>
      ))}
    </section>
  );
}
