/**
 * Several workbooks (a city's or a province's counties): each checked in turn, listed with its verdict, sortable by
 * any column; 打开 shows one in the pane; one zip holds every marked copy and the summary sheet.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Caption1,
  ProgressBar,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import { batchZip, checkWorkbook, resultOf, type CountyResult } from './batch';
import { download } from './download';
import type { GivenFile } from './files';
import { browserSettings } from './settingsStore';
import { reportOptionsOf } from '../taskpane/planOptions';
import { parseSettings } from '../taskpane/settings';
import { useWebStrings } from './strings';
import { useStrings } from '../taskpane/strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    overflowY: 'auto',
  },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'center' },
  tableWrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    minWidth: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase300,
    '& th, & td': {
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      textAlign: 'left',
      verticalAlign: 'top',
    },
  },
  sortButton: { minWidth: 0, paddingLeft: 0, fontWeight: tokens.fontWeightSemibold },
  reason: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, maxWidth: '40em' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type SortKey = 'file' | 'profile' | 'schools' | 'issues' | 'verdict';

/** Worst first when ascending: a county to look at comes to the top. */
const VERDICT_ORDER = { fail: 0, undecided: 1, pass: 2 } as const;

function sortValue(r: CountyResult, key: SortKey): string | number {
  if (key === 'file') return r.file;
  if (!r.ok) return key === 'verdict' ? -1 : key === 'profile' ? '' : -1;
  if (key === 'profile') return r.profileName;
  if (key === 'schools') return r.schools;
  if (key === 'issues') return r.issues;
  return VERDICT_ORDER[r.verdict];
}

export interface CountyListProps {
  files: readonly GivenFile[];
  /** Results kept by the page, so that coming back from a county does not check everything again. */
  results: readonly CountyResult[];
  onResult: (index: number, result: CountyResult) => void;
  onOpen: (index: number) => void;
}

export function CountyList({ files, results, onResult, onOpen }: CountyListProps) {
  const strings = useWebStrings();
  const paneStrings = useStrings();
  const styles = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'file', ascending: true });
  const [zipping, setZipping] = useState(false);
  const done = results.filter(Boolean).length;

  // One workbook a tick, so the list fills in and the page stays responsive.
  useEffect(() => {
    if (done >= files.length) return;
    const timer = setTimeout(() => {
      const file = files[done];
      onResult(done, resultOf(file.name, checkWorkbook(file.bytes, file.name)));
    }, 0);
    return () => clearTimeout(timer);
  }, [done, files, onResult]);

  const order = useMemo(() => {
    const indexes = results.map((_, i) => i).filter((i) => results[i]);
    const sign = sort.ascending ? 1 : -1;
    return indexes.sort((a, b) => {
      const x = sortValue(results[a], sort.key);
      const y = sortValue(results[b], sort.key);
      const c =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c !== 0 ? sign * c : a - b;
    });
  }, [results, sort]);

  const downloadAll = () => {
    setZipping(true);
    setTimeout(() => {
      try {
        const copies = files.flatMap((f) => {
          // A county opened in the pane before keeps the 整改测算 options and the title typed there.
          const settings = parseSettings(browserSettings(f.name, f.size).load());
          const checked = checkWorkbook(f.bytes, f.name, (profile) => reportOptionsOf(settings, profile));
          return checked.ok ? [{ file: f.name, bytes: checked.copy() }] : [];
        });
        download(batchZip(copies, results, strings, new Date()), strings.zipName, 'application/zip');
      } finally {
        setZipping(false);
      }
    }, 0);
  };

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'} scope="col">
        <Button
          appearance="transparent"
          size="small"
          className={styles.sortButton}
          icon={active ? sort.ascending ? <ArrowSortUpRegular /> : <ArrowSortDownRegular /> : undefined}
          iconPosition="after"
          onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}
        >
          {label}
        </Button>
      </th>
    );
  };

  const verdictBadge = (r: CountyResult) => {
    if (!r.ok)
      return (
        <Badge appearance="tint" color="subtle">
          {strings.verdictText.unusable}
        </Badge>
      );
    const color = r.verdict === 'pass' ? 'success' : r.verdict === 'fail' ? 'danger' : 'warning';
    return (
      <Badge appearance="tint" color={color}>
        {strings.verdictText[r.verdict]}
      </Badge>
    );
  };

  return (
    <section className={styles.root} aria-label={strings.batchTitle(files.length)}>
      <Subtitle1 as="h2">{strings.batchTitle(files.length)}</Subtitle1>
      {done < files.length ? (
        <div role="status">
          <Caption1>{strings.batchChecking(done, files.length)}</Caption1>
          <ProgressBar value={done / files.length} />
        </div>
      ) : (
        <Caption1 className={styles.hint}>{strings.batchHint}</Caption1>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={done < files.length || zipping}
          onClick={downloadAll}
        >
          {strings.downloadAll}
        </Button>
      </div>
      <div className={styles.tableWrap}>
        <table className={styles.table}>
          <caption style={{ position: 'absolute', left: '-9999px' }}>
            {strings.sortedBy(
              {
                file: strings.colFile,
                profile: strings.colProfile,
                schools: strings.colSchools,
                issues: strings.colIssues,
                verdict: strings.colVerdict,
              }[sort.key],
              sort.ascending,
            )}
          </caption>
          <thead>
            <tr>
              {header('file', strings.colFile)}
              {header('profile', strings.colProfile)}
              {header('schools', strings.colSchools)}
              {header('issues', strings.colIssues)}
              {header('verdict', strings.colVerdict)}
              <th scope="col">
                <span style={{ position: 'absolute', left: '-9999px' }}>{strings.open}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {order.map((i) => {
              const r = results[i];
              return (
                <tr key={i} data-testid="county-row">
                  <th scope="row" style={{ fontWeight: 'normal' }}>
                    {r.file}
                  </th>
                  <td>{r.ok ? strings.profileName(r.profileId, r.profileName) : '—'}</td>
                  <td>{r.ok ? r.schools : '—'}</td>
                  <td>{r.ok ? r.issues : '—'}</td>
                  <td>
                    {verdictBadge(r)}
                    <div className={styles.reason}>
                      {r.ok ? paneStrings.countyReason(r.county) : strings.unusableReason(r)}
                    </div>
                  </td>
                  <td>
                    <Button
                      size="small"
                      disabled={!r.ok}
                      onClick={() => onOpen(i)}
                      aria-label={`${strings.open} ${r.file}`}
                    >
                      {strings.open}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
