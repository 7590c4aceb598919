// Results of a check: the verdict, counts, each stage's CV table with badges, failing schools (click → row), data problems.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  CheckmarkCircle16Filled,
  DismissCircle16Filled,
  ErrorCircle16Regular,
  Info16Regular,
  Warning16Regular,
} from '@fluentui/react-icons';
import {
  type CoefficientResult,
  type CompositeResult,
  countyVerdict,
  type DataIssue,
  formatNumber,
  formatTeacherRatio,
  HIGHLIGHT_LEGEND,
  type IndicatorId,
  renderIssue,
  type SchoolVerdict,
  type Stage,
  STAGES,
  type StageResult,
} from '../../engine';
import { useStrings, type Strings } from '../strings';
import type { CheckOutcome } from '../workflow';
import { Diagnosis } from './Diagnosis';
import { formatCv, formatDistance, formatThreshold } from './format';
import { Section } from './Section';

/** Long lists grow in pages: a county has a few hundred schools, a bad sheet thousands of issues. */
const PAGE = 30;

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  counts: { display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: tokens.spacingHorizontalXS },
  count: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  countValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: '1.2' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  stage: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  stageHead: {
    '& .fui-Badge': { flexShrink: 0 },
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
  },
  // Chinese breaks between any two characters: keep-all breaks the heading only at its spaces ("…名学" / "生" no more).
  stageTitle: { minWidth: 0, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  table: { tableLayout: 'auto' },
  nameCell: { minWidth: 0, overflowWrap: 'anywhere' },
  number: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    width: '1%',
    fontVariantNumeric: 'tabular-nums',
    '& .fui-TableHeaderCell__button': { justifyContent: 'flex-end' },
  },
  badgeCell: { whiteSpace: 'nowrap', width: '1%' },
  cvButton: {
    minWidth: 0,
    padding: 0,
    height: 'auto',
    fontWeight: 'inherit',
    fontVariantNumeric: 'tabular-nums',
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '3px',
  },
  note: { display: 'block', color: tokens.colorPaletteMarigoldForeground2 },
  accordion: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalM})`,
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  itemBody: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  plain: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, overflowWrap: 'anywhere' },
  issueHead: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  legend: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  legendItem: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  swatch: {
    flexShrink: 0,
    width: '14px',
    height: '14px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
  },
});

function PassBadge({ pass }: { pass: boolean | null }) {
  const strings = useStrings();
  if (pass === true)
    return (
      <Badge color="success" appearance="tint" icon={<CheckmarkCircle16Filled />}>
        {strings.pass}
      </Badge>
    );
  if (pass === false)
    return (
      <Badge color="danger" appearance="tint" icon={<DismissCircle16Filled />}>
        {strings.fail}
      </Badge>
    );
  return (
    <Badge color="subtle" appearance="tint">
      {strings.undecided}
    </Badge>
  );
}

/** Which CV is diagnosed: the stage and the indicator. */
interface DiagnosisTarget {
  stage: Stage;
  indicator: IndicatorId;
}

const targetKey = (t: DiagnosisTarget) => `${t.stage}:${t.indicator}`;

function CoefficientRow({
  result,
  stage,
  onDiagnose,
}: {
  result: CoefficientResult;
  stage: Stage;
  onDiagnose(target: DiagnosisTarget): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const near =
    result.nearThreshold && result.cv !== null && result.threshold !== null
      ? strings.near(formatDistance(result.cv, result.threshold))
      : null;
  return (
    <TableRow>
      <TableCell className={styles.nameCell}>
        <span title={strings.indicatorName(result.indicator)}>
          {strings.indicatorLabel(result.indicator)}
        </span>
        {near && <Caption1 className={styles.note}>{near}</Caption1>}
        {strings.cvNote(result) && (
          <Caption1 className={mergeClasses(styles.note, styles.muted)}>{strings.cvNote(result)}</Caption1>
        )}
        {result.indicator === 'teachersPerStudent' && result.mean !== null && result.mean > 0 && (
          <Caption1 className={mergeClasses(styles.note, styles.muted)}>
            {strings.teacherRatioMean(formatNumber(result.mean, 4), formatTeacherRatio(result.mean))}
          </Caption1>
        )}
      </TableCell>
      <TableCell className={styles.number}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.cvButton}
          data-diagnose={targetKey({ stage, indicator: result.indicator })}
          aria-label={strings.diagOpen(strings.indicatorName(result.indicator), strings.stageNames[stage])}
          title={strings.diagOpen(strings.indicatorName(result.indicator), strings.stageNames[stage])}
          onClick={() => onDiagnose({ stage, indicator: result.indicator })}
        >
          {formatCv(result.cv, strings.cvUndefined)}
        </Button>
      </TableCell>
      <TableCell className={styles.badgeCell}>
        {result.threshold === null ? null : <PassBadge pass={result.pass} />}
      </TableCell>
    </TableRow>
  );
}

function CompositeRow({ composite }: { composite: CompositeResult }) {
  const strings = useStrings();
  const styles = useStyles();
  const near =
    composite.nearThreshold && composite.value !== null
      ? strings.near(formatDistance(composite.value, composite.threshold))
      : null;
  return (
    <TableRow>
      <TableCell className={styles.nameCell}>
        <Text weight="semibold">{strings.composite}</Text>
        {near && <Caption1 className={styles.note}>{near}</Caption1>}
      </TableCell>
      <TableCell className={styles.number}>
        <Text weight="semibold">{formatCv(composite.value, strings.cvUndefined)}</Text>
      </TableCell>
      <TableCell className={styles.badgeCell}>
        <PassBadge pass={composite.pass} />
      </TableCell>
    </TableRow>
  );
}

function StageTable({
  result,
  ids,
  onDiagnose,
}: {
  result: StageResult;
  ids: readonly string[];
  onDiagnose(target: DiagnosisTarget): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const stageName = strings.stageNames[result.stage];
  const rows = ids.flatMap((id) => {
    const r = result.indicators[id as keyof StageResult['indicators']];
    return r ? [r] : [];
  });
  // One limit per stage (spec §2): every single CV's, or the composite's; said once instead of in a column.
  const single = rows.find((r) => r.threshold !== null)?.threshold ?? null;
  const limit = result.composite
    ? strings.compositeLimit(formatThreshold(result.composite.threshold))
    : single !== null
      ? strings.cvLimit(formatThreshold(single))
      : null;
  return (
    <div className={styles.stage}>
      <div className={styles.stageHead}>
        <Subtitle2 as="h3" className={styles.stageTitle}>
          {strings.stageHeading(stageName, result.schools, result.students)}
        </Subtitle2>
        <PassBadge pass={result.pass} />
      </div>
      {limit && <Caption1 className={styles.muted}>{limit}</Caption1>}
      <Table size="extra-small" className={styles.table} aria-label={stageName}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.colIndicator}</TableHeaderCell>
            <TableHeaderCell className={styles.number}>{strings.colCv}</TableHeaderCell>
            <TableHeaderCell className={styles.badgeCell}>{strings.colResult}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <CoefficientRow key={r.indicator} result={r} stage={result.stage} onDiagnose={onDiagnose} />
          ))}
          {result.composite && <CompositeRow composite={result.composite} />}
        </TableBody>
      </Table>
    </div>
  );
}

/** A list that shows PAGE items, then more on request (a button, so the keyboard reaches it). */
function Paged<T>({ items, render }: { items: readonly T[]; render: (item: T, index: number) => ReactNode }) {
  const strings = useStrings();
  const styles = useStyles();
  const [shown, setShown] = useState(PAGE);
  return (
    <>
      <ul className={styles.list}>
        {items.slice(0, shown).map((item, i) => (
          <li key={i}>{render(item, i)}</li>
        ))}
      </ul>
      {items.length > shown && (
        <Button appearance="transparent" size="small" onClick={() => setShown(shown + PAGE)}>
          {strings.showMore(Math.min(PAGE, items.length - shown))}
        </Button>
      )}
    </>
  );
}

/** The stage, and the met count only when the reasons do not state the rule (they begin with it when they can). */
function schoolLine(strings: Strings, school: SchoolVerdict): string {
  if (school.reasons.length > 0) return strings.stageNames[school.stage];
  const judged = school.indicators.filter((i) => i.standard !== null).length;
  return `${strings.stageNames[school.stage]} · ${strings.schoolMet(school.met, judged)}`;
}

/** What each colour painted on the sheet means, from the engine's one legend. */
function Legend({ r }: { r: number | null }) {
  const strings = useStrings();
  const styles = useStyles();
  return (
    <div className={styles.legend}>
      <Caption1 className={styles.muted}>{strings.legendTitle}</Caption1>
      <ul className={styles.list} aria-label={strings.legendTitle}>
        {HIGHLIGHT_LEGEND.map((entry) => (
          <li key={entry.key} className={styles.legendItem}>
            <span className={styles.swatch} style={{ backgroundColor: entry.fill }} aria-hidden="true" />
            <Caption1>{strings.legend(entry.key, r)}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SchoolButton(props: {
  school: SchoolVerdict;
  lines: readonly string[];
  disabled: boolean;
  onLocate(sheet: string, row: number): void;
  sheet: string;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { school } = props;
  return (
    <Button
      appearance="subtle"
      className={styles.item}
      disabled={props.disabled}
      aria-label={strings.locate(school.name)}
      onClick={() => props.onLocate(school.sheet ?? props.sheet, school.row)}
    >
      <span className={styles.itemBody}>
        <Text weight="semibold">{school.name}</Text>
        {props.lines.map((line, i) => (
          <Caption1 key={i} className={i === 0 ? styles.muted : undefined}>
            {line}
          </Caption1>
        ))}
      </span>
    </Button>
  );
}

function IssueIcon({ severity }: { severity: DataIssue['severity'] }) {
  const styles = useStyles();
  if (severity === 'error') return <ErrorCircle16Regular className={styles.bad} />;
  if (severity === 'warning') return <Warning16Regular className={styles.note} />;
  return <Info16Regular className={styles.muted} />;
}

export function Results(props: {
  outcome: CheckOutcome;
  /** The mapping or standard changed since: the results are of the previous settings. */
  stale: boolean;
  disabled: boolean;
  onLocate(sheet: string, row: number): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { outcome } = props;
  const { evaluation, issues, sheet } = outcome;
  const county = countyVerdict(evaluation);
  const verdict = county.verdict;
  // Each undecided part with its verdict (to locate it) and its unknown cells.
  const undecided = county.undecidedSchools.flatMap((u) => {
    const school = evaluation.schools.find(
      (s) => s.row === u.row && s.stage === u.stage && s.sheet === u.sheet,
    );
    return school ? [{ school, cells: u.places.map(strings.cellPlace) }] : [];
  });
  const failing = evaluation.schools.filter((s) => s.pass === false);
  const checkFailures = evaluation.schools.filter((s) => s.pass !== false && s.checks.some((c) => !c.pass));
  const hasRule = evaluation.profile.schoolRule !== null;
  const stages = STAGES.flatMap((s) => (evaluation.stages[s] ? [evaluation.stages[s] as StageResult] : []));
  const severityText = {
    error: strings.severityError,
    warning: strings.severityWarning,
    info: strings.severityInfo,
  };
  const counts: [string, number, string | undefined][] = [
    [strings.countChecked, evaluation.summary.checked, undefined],
    [strings.countPassed, evaluation.summary.passed, styles.good],
    [strings.countFailed, evaluation.summary.failed, evaluation.summary.failed > 0 ? styles.bad : undefined],
    [
      strings.countUndecided,
      evaluation.summary.undecided,
      evaluation.summary.undecided > 0 ? styles.bad : undefined,
    ],
    [strings.countExcluded, evaluation.summary.excluded, undefined],
  ];
  const [open, setOpen] = useState<string[]>(['failing', 'undecided']);
  const [diagnosing, setDiagnosing] = useState<DiagnosisTarget | null>(null);
  // Back from a diagnosis, the CV that opened it gets the focus again (keyboard users stay where they were).
  const returnTo = useRef<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (diagnosing !== null || returnTo.current === null) return;
    const key = returnTo.current;
    returnTo.current = null;
    body.current?.querySelector<HTMLElement>(`[data-diagnose="${key}"]`)?.focus();
  }, [diagnosing]);
  // A new check (another evaluation) closes a diagnosis of the previous one.
  useEffect(() => setDiagnosing(null), [evaluation]);
  const back = () => {
    if (diagnosing) returnTo.current = targetKey(diagnosing);
    setDiagnosing(null);
  };

  return (
    <Section
      title={strings.resultsTitle}
      aside={
        <Badge
          size="large"
          color={verdict === 'pass' ? 'success' : verdict === 'fail' ? 'danger' : 'warning'}
          icon={
            verdict === 'pass' ? (
              <CheckmarkCircle16Filled />
            ) : verdict === 'fail' ? (
              <DismissCircle16Filled />
            ) : undefined
          }
        >
          {verdict === 'pass'
            ? strings.verdictPass
            : verdict === 'fail'
              ? strings.verdictFail
              : strings.verdictUnknown}
        </Badge>
      }
    >
      {props.stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{strings.resultsStale}</MessageBarBody>
        </MessageBar>
      )}
      {diagnosing !== null ? (
        <Diagnosis
          evaluation={evaluation}
          stage={diagnosing.stage}
          indicator={diagnosing.indicator}
          onBack={back}
        />
      ) : (
        <div className={styles.body} ref={body}>
          {verdict !== 'pass' && (
            <Caption1 role="status" aria-label={strings.verdictWhy}>
              {strings.verdictWhy}
              {strings.lang === 'en' ? ': ' : '：'}
              {strings.countyReason(county)}
            </Caption1>
          )}
          <div className={styles.counts} role="list" aria-label={strings.resultsTitle}>
            {counts.map(([label, value, tone]) => (
              <div key={label} className={styles.count} role="listitem" aria-label={`${label} ${value}`}>
                <span className={mergeClasses(styles.countValue, tone)}>
                  {value.toLocaleString(strings.lang)}
                </span>
                <Caption1 className={styles.muted}>{label}</Caption1>
              </div>
            ))}
          </div>
          {stages.length === 0 && <Caption1>{strings.noStages}</Caption1>}
          {stages.map((stage) => (
            <StageTable
              key={stage.stage}
              result={stage}
              ids={evaluation.profile.indicators}
              onDiagnose={setDiagnosing}
            />
          ))}
          <Legend r={evaluation.profile.schoolRule?.r ?? null} />
          <Accordion
            multiple
            collapsible
            openItems={open}
            onToggle={(_, data) => setOpen(data.openItems.map(String))}
            className={styles.accordion}
          >
            <AccordionItem value="failing">
              <AccordionHeader size="small">{strings.failingTitle(failing.length)}</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                {!hasRule ? (
                  <Caption1 className={styles.muted}>{strings.noSchoolVerdicts}</Caption1>
                ) : failing.length === 0 ? (
                  <Caption1 className={styles.muted}>
                    {evaluation.summary.undecided > 0 ? strings.noFailingButUndecided : strings.noFailing}
                  </Caption1>
                ) : (
                  <>
                    <Caption1 className={styles.muted}>{strings.failingHint}</Caption1>
                    <Paged
                      items={failing}
                      render={(school) => (
                        <SchoolButton
                          school={school}
                          sheet={sheet}
                          lines={[
                            schoolLine(strings, school),
                            ...strings.schoolReasons(school, evaluation.profile),
                          ]}
                          disabled={props.disabled}
                          onLocate={props.onLocate}
                        />
                      )}
                    />
                  </>
                )}
              </AccordionPanel>
            </AccordionItem>
            {undecided.length > 0 && (
              <AccordionItem value="undecided">
                <AccordionHeader size="small">{strings.undecidedTitle(undecided.length)}</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <Paged
                    items={undecided}
                    render={({ school, cells }) => (
                      <SchoolButton
                        school={school}
                        sheet={sheet}
                        lines={[strings.stageNames[school.stage], strings.unknownCells(strings.list(cells))]}
                        disabled={props.disabled}
                        onLocate={props.onLocate}
                      />
                    )}
                  />
                </AccordionPanel>
              </AccordionItem>
            )}
            {checkFailures.length > 0 && (
              <AccordionItem value="checks">
                <AccordionHeader size="small">{strings.checksTitle(checkFailures.length)}</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <Paged
                    items={checkFailures}
                    render={(school) => (
                      <SchoolButton
                        school={school}
                        sheet={sheet}
                        lines={[
                          strings.stageNames[school.stage],
                          ...school.checks.filter((c) => !c.pass).map((c) => strings.checkText(c)),
                        ]}
                        disabled={props.disabled}
                        onLocate={props.onLocate}
                      />
                    )}
                  />
                </AccordionPanel>
              </AccordionItem>
            )}
            <AccordionItem value="excluded">
              <AccordionHeader size="small">
                {strings.excludedTitle(evaluation.excluded.length)}
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <Paged
                  items={evaluation.excluded}
                  render={(ex) => (
                    <div className={styles.plain}>
                      <Text weight="semibold">{ex.name}</Text>
                      <Caption1 block className={styles.muted}>
                        {strings.exclusion(ex, evaluation.profile)}
                      </Caption1>
                    </div>
                  )}
                />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="issues">
              <AccordionHeader size="small">{strings.issuesTitle(issues.length)}</AccordionHeader>
              <AccordionPanel className={styles.panel}>
                {issues.length === 0 ? (
                  <Caption1 className={styles.muted}>{strings.noIssues}</Caption1>
                ) : (
                  <Paged
                    items={issues}
                    render={(issue) => {
                      const head = (
                        <span className={styles.issueHead}>
                          <IssueIcon severity={issue.severity} />
                          <Caption1>
                            {severityText[issue.severity]} · {strings.issuePlace(issue.row, issue.column)}
                          </Caption1>
                        </span>
                      );
                      const body = (
                        <span className={styles.itemBody}>
                          {head}
                          <Text size={200}>{renderIssue(issue, strings.issueTexts)}</Text>
                        </span>
                      );
                      return issue.row >= 1 ? (
                        <Button
                          appearance="subtle"
                          className={styles.item}
                          disabled={props.disabled}
                          onClick={() => props.onLocate(issue.sheet ?? sheet, issue.row)}
                        >
                          {body}
                        </Button>
                      ) : (
                        <div className={styles.plain}>{body}</div>
                      );
                    }}
                  />
                )}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </div>
      )}
    </Section>
  );
}
