// A titled card for one step of the pane (数据表, 列对应, 评估标准, 检查结果), numbered where it is a step.
import type { ReactNode } from 'react';
import { Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  step: {
    flexShrink: 0,
    width: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
  },
  title: { margin: 0, flexGrow: 1, minWidth: 0 },
  aside: { flexShrink: 0 },
});

export function Section(props: {
  title: string;
  step?: number;
  /** Shown at the right of the title (a badge, a summary). */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.card, props.className)} aria-label={props.title}>
      <div className={styles.head}>
        {props.step !== undefined && (
          <span className={styles.step} aria-hidden>
            {props.step}
          </span>
        )}
        <Subtitle2 as="h2" className={styles.title}>
          {props.title}
        </Subtitle2>
        {props.aside && <div className={styles.aside}>{props.aside}</div>}
      </div>
      {props.children}
    </section>
  );
}
