// Placeholder task pane: the title and subtitle until the real workflow UI replaces this file.
import { Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

export function App() {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1">{strings.appTitle}</Title2>
      <Subtitle2 as="p" className={styles.subtitle}>
        {strings.appSubtitle}
      </Subtitle2>
    </main>
  );
}
