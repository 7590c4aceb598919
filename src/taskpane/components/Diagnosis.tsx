// The diagnosis of one CV: each school's value as a sorted bar chart (SVG), shares of the CV, what moves it, outliers.
import { useEffect, useMemo, useRef } from 'react';
import {
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
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import {
  type CoefficientDiagnosis,
  diagnoseCoefficient,
  type DiagnosedSchool,
  type Evaluation,
  type IndicatorId,
  roundShares,
  type Stage,
} from '../../engine';
import { useStrings, type Strings } from '../strings';
import { formatCv, formatThreshold } from './format';

/** Schools shown in the movers table. */
const MOVERS = 5;
/** One school in the chart: its name and value on one line, its bar below. */
const ROW = 36;
const NAME_Y = 13;
const BAR_Y = 18;
const BAR_HEIGHT = 12;
/** Longer names are cut with “…” so they never reach the value at the right (the full name is the tooltip). */
const NAME_CHARS = 14;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  head: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalXS,
  },
  title: { ...typographyStyles.subtitle2, margin: 0, overflowWrap: 'anywhere' },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, auto) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
  },
  block: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  legend: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  legendItem: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  chart: {
    display: 'block',
    width: '100%',
    // On a wide pane the value stays near its bar and name.
    maxWidth: '640px',
    overflow: 'visible',
    printColorAdjust: 'exact',
    '@media print': { breakInside: 'auto' },
  },
  table: { tableLayout: 'auto' },
  nameCell: { minWidth: 0, overflowWrap: 'anywhere' },
  number: {
    textAlign: 'right',
    whiteSpace: 'nowrap',
    width: '1%',
    fontVariantNumeric: 'tabular-nums',
  },
  flags: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  flagItem: { listStyle: 'none' },
  caption: { display: 'block', color: tokens.colorNeutralForeground3 },
  back: { alignSelf: 'flex-start' },
});

/** Colours of the chart (Fluent tokens, so the pane's theme and print follow). */
const COLORS = {
  bar: tokens.colorBrandBackground,
  flagged: tokens.colorPaletteMarigoldBackground3,
  mean: tokens.colorNeutralForeground1,
  standard: tokens.colorPaletteRedForeground1,
  text: tokens.colorNeutralForeground1,
  halo: tokens.colorNeutralBackground1,
};

function shortName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= NAME_CHARS ? name : chars.slice(0, NAME_CHARS - 1).join('') + '…';
}

const pct = (x: number): string => `${Math.round(x * 10000) / 100}%`;

/** A short line of the legend: a line or box as drawn in the chart, then its meaning. */
function LegendMark({ kind }: { kind: 'mean' | 'standard' | 'flag' }) {
  return (
    <svg width="18" height="12" aria-hidden="true">
      {kind === 'flag' ? (
        <rect x="1" y="2" width="16" height="8" style={{ fill: COLORS.flagged }} />
      ) : (
        <line
          x1="1"
          x2="17"
          y1="6"
          y2="6"
          strokeWidth="2"
          strokeDasharray={kind === 'mean' ? '4 2' : '2 2'}
          style={{ stroke: kind === 'mean' ? COLORS.mean : COLORS.standard }}
        />
      )}
    </svg>
  );
}

function Chart({ d, strings }: { d: CoefficientDiagnosis; strings: Strings }) {
  const styles = useStyles();
  const schools = d.schools;
  if (schools.length === 0) return null;
  const max = Math.max(...schools.map((s) => s.value), d.mean ?? 0, d.standard ?? 0);
  const scale = max > 0 ? max : 1;
  const height = schools.length * ROW + 4;
  const value = (x: number) => strings.diagValue(d.indicator, x);
  const high = schools[0];
  const low = schools[schools.length - 1];
  const label = strings.diagChartSummary(
    schools.length,
    `${high.name} ${value(high.value)}`,
    `${low.name} ${value(low.value)}`,
    d.mean === null ? null : value(d.mean),
    d.standard === null ? null : value(d.standard),
    d.outliers.flags.length,
  );
  const halo = { stroke: COLORS.halo, strokeWidth: 3, paintOrder: 'stroke', fill: COLORS.text } as const;
  return (
    <svg className={styles.chart} height={height} role="img" aria-label={label}>
      {schools.map((s, k) => {
        const top = k * ROW;
        return (
          <g key={s.key} data-school={s.name}>
            <rect
              x="0"
              y={top + BAR_Y}
              height={BAR_HEIGHT}
              width={pct(s.value / scale)}
              style={{ fill: s.flag ? COLORS.flagged : COLORS.bar }}
            />
          </g>
        );
      })}
      {d.standard !== null && (
        <line
          x1={pct(d.standard / scale)}
          x2={pct(d.standard / scale)}
          y1="0"
          y2={height}
          strokeWidth="2"
          strokeDasharray="2 2"
          style={{ stroke: COLORS.standard }}
        />
      )}
      {d.mean !== null && (
        <line
          x1={pct(d.mean / scale)}
          x2={pct(d.mean / scale)}
          y1="0"
          y2={height}
          strokeWidth="1.5"
          strokeDasharray="4 2"
          style={{ stroke: COLORS.mean }}
        />
      )}
      {schools.map((s, k) => {
        const y = k * ROW + NAME_Y;
        return (
          <g key={s.key}>
            <text x="0" y={y} fontSize="12" style={halo}>
              <title>{s.name}</title>
              {(s.flag ? '⚠ ' : '') + shortName(s.name)}
            </text>
            <text x="100%" y={y} fontSize="11" textAnchor="end" style={halo}>
              {value(s.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function moverCv(cv: number | null, strings: Strings): string {
  return formatCv(cv, strings.cvUndefined);
}

function flagText(s: DiagnosedSchool, d: CoefficientDiagnosis, strings: Strings): string {
  const flag = s.flag!;
  return strings.diagFlag(
    flag.kind,
    s.name,
    strings.diagValue(d.indicator, s.value),
    s.ratioToMean,
    d.mean === null ? null : strings.diagValue(d.indicator, d.mean),
  );
}

export function Diagnosis(props: {
  evaluation: Evaluation;
  stage: Stage;
  indicator: IndicatorId;
  onBack(): void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  const { evaluation, stage, indicator } = props;
  const d = useMemo(() => diagnoseCoefficient(evaluation, stage, indicator), [evaluation, stage, indicator]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const title = strings.diagTitle(strings.indicatorName(indicator), strings.stageNames[stage]);
  const back = (
    <Button
      appearance="subtle"
      size="small"
      className={styles.back}
      icon={<ArrowLeft16Regular />}
      onClick={props.onBack}
    >
      {strings.diagBack}
    </Button>
  );
  if (d === null) {
    return (
      <div className={styles.view}>
        {back}
        <Caption1>{strings.diagNoSchools}</Caption1>
      </div>
    );
  }
  const value = (x: number) => strings.diagValue(indicator, x);
  const threshold = d.threshold === null ? null : formatThreshold(d.threshold);
  const shares = d.schools.some((s) => s.share === null)
    ? null
    : roundShares(d.schools.map((s) => s.share as number));
  const shareOf = new Map(d.schools.map((s, k) => [s.key, shares === null ? null : shares[k]]));
  const byShare = [...d.schools].sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  const movers = d.cv === null ? [] : d.movers.slice(0, MOVERS);
  return (
    <div className={styles.view}>
      <div className={styles.head}>
        {back}
        <h3 className={styles.title} tabIndex={-1} ref={heading}>
          {title}
        </h3>
      </div>
      <dl className={styles.summary}>
        <dt>{strings.diagCv}</dt>
        <dd>{strings.diagCvOf(formatCv(d.cv, strings.cvUndefined), threshold)}</dd>
        <dt>{strings.diagMean}</dt>
        <dd>{d.mean === null ? strings.cvUndefined : value(d.mean)}</dd>
        {d.median !== null && (
          <>
            <dt>{strings.diagMedian}</dt>
            <dd>{value(d.median)}</dd>
          </>
        )}
        {d.standard !== null && (
          <>
            <dt>{strings.diagStandard}</dt>
            <dd>{value(d.standard)}</dd>
          </>
        )}
        <dt>{strings.diagColSchool}</dt>
        <dd>{strings.diagCount(d.schools.length, d.students)}</dd>
      </dl>

      {d.schools.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h4" className={styles.heading}>
            {strings.diagChartTitle}
          </Subtitle2>
          <ul className={styles.legend}>
            {d.mean !== null && (
              <li className={styles.legendItem}>
                <LegendMark kind="mean" />
                <Caption1>{`${strings.diagLegendMean} ${value(d.mean)}`}</Caption1>
              </li>
            )}
            {d.standard !== null && (
              <li className={styles.legendItem}>
                <LegendMark kind="standard" />
                <Caption1>{`${strings.diagLegendStandard} ${value(d.standard)}`}</Caption1>
              </li>
            )}
            {d.outliers.flags.length > 0 && (
              <li className={styles.legendItem}>
                <LegendMark kind="flag" />
                <Caption1>{strings.diagLegendFlag}</Caption1>
              </li>
            )}
          </ul>
          <Chart d={d} strings={strings} />
        </div>
      )}

      <div className={styles.block}>
        <Subtitle2 as="h4" className={styles.heading}>
          {strings.diagFlagsTitle(d.outliers.flags.length)}
        </Subtitle2>
        {d.outliers.flags.length > 0 ? (
          <ul className={styles.flags} aria-label={strings.diagFlagsTitle(d.outliers.flags.length)}>
            {d.outliers.flags.map((s) => (
              <li key={s.key} className={styles.flagItem}>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{flagText(s, d, strings)}</MessageBarBody>
                </MessageBar>
              </li>
            ))}
          </ul>
        ) : (
          <Caption1>
            {d.outliers.screened
              ? strings.diagNoFlags
              : strings.diagNotScreened(d.outliers.code ?? 'noCv', d.outliers.rule.minSchools)}
          </Caption1>
        )}
        <Caption1 className={styles.muted}>
          {strings.diagFlagRule(String(d.outliers.rule.threshold))}
        </Caption1>
      </div>

      {movers.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h4" className={styles.heading}>
            {strings.diagMoversTitle}
          </Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label={strings.diagMoversTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.diagColSchool}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.diagColWithout}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.diagColCorrected}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {movers.map((s) => (
                <TableRow key={s.key}>
                  <TableCell className={styles.nameCell}>{s.name}</TableCell>
                  <TableCell className={styles.number}>{moverCv(s.cvWithout, strings)}</TableCell>
                  <TableCell className={styles.number}>{moverCv(s.cvCorrected, strings)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Caption1 className={styles.muted}>{strings.diagMoversHint(d.correctTo)}</Caption1>
        </div>
      )}

      {d.schools.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h4" className={styles.heading}>
            {strings.diagSharesTitle}
          </Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label={strings.diagSharesTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{strings.diagColSchool}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.diagColValue}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{strings.diagColShare}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {byShare.map((s) => {
                const share = shareOf.get(s.key);
                return (
                  <TableRow key={s.key}>
                    <TableCell className={styles.nameCell}>
                      {s.name}
                      <Caption1 className={styles.caption}>{strings.diagStudents(s.students)}</Caption1>
                    </TableCell>
                    <TableCell className={styles.number}>{value(s.value)}</TableCell>
                    <TableCell className={styles.number}>
                      {share === null || share === undefined ? '—' : `${share.toFixed(1)}%`}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Caption1 className={styles.muted}>{strings.diagSharesHint}</Caption1>
        </div>
      )}

      {d.unknown.length > 0 && (
        <div className={styles.block}>
          <Subtitle2 as="h4" className={styles.heading}>
            {strings.diagUnknownTitle(d.unknown.length)}
          </Subtitle2>
          <ul className={styles.flags} aria-label={strings.diagUnknownTitle(d.unknown.length)}>
            {d.unknown.map((u) => (
              <li key={u.key} className={styles.flagItem}>
                <Text weight="semibold">{u.name}</Text>
                <Caption1 className={styles.caption}>{strings.diagUnknown(u.missing)}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
      {back}
    </div>
  );
}
