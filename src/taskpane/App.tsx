// Placeholder task pane: the title and subtitle until the real workflow UI replaces this file.
import { Body1, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from './strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  title: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function App() {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {strings.appTitle}
      </Title2>
      <Body1 as="p" className={styles.subtitle}>
        {strings.appSubtitle}
      </Body1>
    </main>
  );
}
