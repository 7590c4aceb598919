// The task pane: finds the table, maps its columns, picks the standard, checks and marks, reports, clears, plans.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Body1, ProgressBar, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import {
  type ColumnMapping,
  type DashReading,
  type DataIssue,
  type HeaderDetection,
  readTable,
  reportSheetName,
  reportSheetsOf,
  type ReportSheetId,
  sheetsFor,
} from '../engine';
import { ActionBar } from './components/ActionBar';
import { MappingStep } from './components/MappingStep';
import { Notices, type Notice } from './components/Notices';
import { Planner } from './components/Planner';
import { ProfileStep } from './components/ProfileStep';
import { ReportSheets } from './components/ReportSheets';
import { Results } from './components/Results';
import { TableStep } from './components/TableStep';
import type { SheetRead, SpreadsheetHost } from '../hosts/port';
import {
  choiceOf,
  chosenReportSheets,
  DEFAULT_SETTINGS,
  keyOf,
  parseSettings,
  savedTableFor,
  type PaneSettings,
  type ProfileKey,
  type SavedTable,
} from './settings';
import { useStrings, type Strings } from './strings';
import {
  locateTable,
  missingRequired,
  needsOf,
  resolveProfile,
  restoreMapping,
  runCheck,
  savedTableOf,
  type CheckOutcome,
  type LocatedTable,
} from './workflow';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, maxWidth: '640px' },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3 },
  progress: { minHeight: '2px' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

type Busy = 'reading' | 'checking' | 'report' | 'clearing' | 'locating';

const BUSY_TEXT: Record<Busy, keyof Strings> = {
  reading: 'busyReading',
  checking: 'busyChecking',
  report: 'busyReport',
  clearing: 'busyClearing',
  locating: 'busyLocating',
};

/** Lets React paint the busy state before a long synchronous computation starts. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface AppProps {
  operations: SpreadsheetHost;
  /**
   * Told of every check's outcome (null when a table is read again): a page around the pane (the web version) offers
   * downloads made from it. The pane itself never needs it.
   */
  onOutcome?: (outcome: CheckOutcome | null) => void;
}

export function App({ operations, onOutcome }: AppProps) {
  const strings = useStrings();
  const styles = useStyles();

  const [tab, setTab] = useState<'check' | 'plan'>('check');
  const [busy, setBusy] = useState<Busy | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [settings, setSettings] = useState<PaneSettings>(DEFAULT_SETTINGS);
  // The sheet last read, with the header detected on it: the preview and the check reuse that one detection.
  const [grid, setGrid] = useState<{ read: SheetRead; detection: HeaderDetection | null } | null>(null);
  const [table, setTable] = useState<LocatedTable | null>(null);
  const [locateIssues, setLocateIssues] = useState<DataIssue[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [restored, setRestored] = useState(false);
  const [profileKey, setProfileKey] = useState<ProfileKey>(keyOf(DEFAULT_SETTINGS.profile));
  const [customText, setCustomText] = useState('');
  const [dashes, setDashes] = useState<DashReading>('none');
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [stale, setStale] = useState(false);
  const noticeId = useRef(0);
  const onOutcomeRef = useRef(onOutcome);
  onOutcomeRef.current = onOutcome;
  useEffect(() => onOutcomeRef.current?.(outcome), [outcome]);
  const resultsRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);

  const notify = useCallback((intent: Notice['intent'], text: string, title?: string) => {
    noticeId.current += 1;
    const id = noticeId.current;
    setNotices((list) => [...list, { id, intent, text, title }]);
  }, []);

  /** Runs one user action: busy while it lasts, earlier notices replaced, every failure shown (never swallowed). */
  const run = useCallback(
    async (kind: Busy, action: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      setBusy(kind);
      setNotices([]);
      try {
        await action();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const known = error instanceof Error && error.name === 'ExcelOperationError';
        notify('error', known ? message : strings.unexpectedError(message), strings.errorTitle);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [notify, strings],
  );

  const choice = useMemo(() => choiceOf(profileKey, customText), [profileKey, customText]);
  // 'auto' is resolved per table, from the columns its mapping has.
  const resolution = useMemo(
    () =>
      resolveProfile(
        choice,
        Object.keys(mapping).filter((k) => mapping[k]),
      ),
    [choice, mapping],
  );
  // The pane's switch decides how "—", "/" and "无" read, whichever standard is chosen.
  const profile = useMemo(
    () => (resolution.ok ? { ...resolution.profile, dashes } : null),
    [resolution, dashes],
  );

  const preview = useMemo(
    () =>
      grid && table
        ? readTable(grid.read, {
            mapping,
            headerBottom: table.headerBottom,
            dashes,
            detection: grid.detection ?? undefined,
          })
        : null,
    [grid, table, mapping, dashes],
  );
  const missing = useMemo(() => (table ? missingRequired(table, mapping) : []), [table, mapping]);
  // What the standard needs from this table, shown before any check (null until a table is found).
  const needs = useMemo(
    () => (table && resolution.ok ? needsOf(resolution.profile, mapping) : null),
    [table, resolution, mapping],
  );

  const persist = useCallback(
    (next: PaneSettings) => {
      setSettings(next);
      operations.saveSettings(next).catch((error: unknown) => {
        notify('error', error instanceof Error ? error.message : String(error), strings.errorTitle);
      });
    },
    [operations, notify, strings],
  );

  /** Takes a freshly read range as the table: header found, mapping restored from the settings when it still fits. */
  const adopt = (
    read: SheetRead,
    fromSelection: boolean,
    saved: SavedTable | undefined,
  ): { table: LocatedTable; mapping: ColumnMapping } | null => {
    const location = locateTable(read, fromSelection);
    setGrid({ read, detection: location.ok ? location.table.detection : null });
    setOutcome(null);
    if (!location.ok) {
      setTable(null);
      setLocateIssues(location.issues);
      setMapping({});
      setRestored(false);
      return null;
    }
    const { mapping: restoredMapping, restored: wasRestored } = restoreMapping(location.table, saved);
    setTable(location.table);
    setLocateIssues([]);
    setMapping(restoredMapping);
    setRestored(wasRestored);
    return { table: location.table, mapping: restoredMapping };
  };

  // On open: the workbook's settings, then the active sheet's table (or the range saved for it).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void run('reading', async () => {
      const saved = parseSettings(await operations.loadSettings());
      setSettings(saved);
      setProfileKey(keyOf(saved.profile));
      if (saved.profile.kind === 'custom') {
        setCustomText(saved.profile.text);
        // Only a valid custom standard is ever saved: a broken one was edited outside the pane, so start safe.
        const resolved = resolveProfile(saved.profile);
        if (!resolved.ok) {
          setProfileKey('quality-2017');
          notify('warning', strings.savedProfileInvalid(resolved.errors.join('；')));
        }
      }
      setDashes(saved.dashes ?? 'none');
      let read = await operations.readSheet({ source: 'auto' });
      const table = savedTableFor(saved, read.sheet);
      if (table?.address) {
        read = await operations.readSheet({ source: 'range', sheet: read.sheet, address: table.address });
      }
      adopt(read, table?.address !== undefined, table);
    });
    // Runs once on mount: the pane's operations never change.
  }, []);

  const rescan = () =>
    run('reading', async () => {
      const read = await operations.readSheet({ source: 'auto' });
      // Scanning again finds the table anew: a range saved for this sheet is not reused, its mapping may be.
      adopt(read, false, savedTableFor(settings, read.sheet));
    });

  const pickSelection = () =>
    run('reading', async () => {
      const read = await operations.readSheet({ source: 'selection' });
      const adopted = adopt(read, true, savedTableFor(settings, read.sheet));
      // The picked range is remembered, so the next open reads it again without asking.
      if (adopted) {
        const saved = savedTableOf(adopted.table, adopted.mapping);
        persist({ ...settings, tables: { ...settings.tables, [adopted.table.sheet]: saved } });
      }
    });

  const changeMapping = (next: ColumnMapping) => {
    if (!table) return;
    setMapping(next);
    setStale(outcome !== null);
    persist({ ...settings, tables: { ...settings.tables, [table.sheet]: savedTableOf(table, next) } });
  };

  const changeProfile = (key: ProfileKey, text: string) => {
    setProfileKey(key);
    setCustomText(text);
    setStale(outcome !== null);
    const next = choiceOf(key, text);
    // An unfinished custom profile is not saved over the last good one.
    if (resolveProfile(next).ok) persist({ ...settings, profile: next });
  };

  const changeDashes = (next: DashReading) => {
    setDashes(next);
    setStale(outcome !== null);
    persist({ ...settings, dashes: next });
  };

  const check = () =>
    run('checking', async () => {
      if (!table || !profile) return;
      const read = await operations.readSheet(table.request);
      // Columns may have been inserted or renamed since the table was found: never apply a mapping that moved.
      const again = locateTable(read, table.fromSelection);
      if (!again.ok || !restoreMapping(again.table, savedTableOf(table, mapping)).restored) {
        adopt(read, table.fromSelection, undefined);
        notify('warning', strings.headerChanged);
        return;
      }
      const { detection } = again.table;
      setGrid({ read, detection });
      await nextFrame();
      const result = runCheck(read, mapping, table.headerBottom, profile, detection);
      const applied = await operations.applyHighlights(result.plan);
      setOutcome(result);
      setStale(false);
      // The results open below the fold at 320–450 px: bring them into view (jsdom has no scrollIntoView).
      setTimeout(() => resultsRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' }), 0);
      notify('success', strings.checked(applied.painted));
      if (applied.notes === 'unsupported') notify('warning', strings.notesUnsupported);
      if (applied.notesSkipped.length > 0) notify('info', strings.notesSkipped(applied.notesSkipped.length));
      persist({
        ...settings,
        profile: choice,
        tables: { ...settings.tables, [table.sheet]: savedTableOf(table, mapping) },
      });
    });

  // The sheets 写入评估报告 can write under the standard in use (that of the check once there is one), and those ticked.
  const reportProfile = outcome?.profile ?? profile;
  const availableSheets = useMemo(
    () => (reportProfile ? reportSheetsOf(reportProfile) : []),
    [reportProfile],
  );
  const chosenSheets = chosenReportSheets(settings, availableSheets);
  const changeReportSheets = (chosen: ReportSheetId[]) => {
    const off = new Set(settings.reportSheetsOff ?? []);
    for (const id of availableSheets) {
      if (chosen.includes(id)) off.delete(id);
      else off.add(id);
    }
    const next: PaneSettings = { ...settings };
    if (off.size > 0) next.reportSheetsOff = [...off];
    else delete next.reportSheetsOff;
    persist(next);
  };

  const writeReport = () =>
    run('report', async () => {
      if (!outcome || chosenSheets.length === 0) return;
      await operations.writeReport(sheetsFor(outcome, new Date(), chosenSheets));
      notify('success', strings.reportWritten(chosenSheets.map(reportSheetName)));
    });

  const clearMarks = () =>
    run('clearing', async () => {
      const cleared = await operations.clearHighlights();
      notify('success', strings.cleared(cleared.restored));
      if (cleared.damagedRows.length > 0)
        notify('warning', strings.clearDamaged(cleared.damagedRows.join('、')));
      if (cleared.keptUserEdits && cleared.keptUserEdits.length > 0)
        notify('info', strings.clearKeptEdits(cleared.keptUserEdits.join('、')));
    });

  const locate = (sheet: string, row: number) =>
    run('locating', async () => {
      await operations.selectRow(sheet, row);
    });

  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id));
  const disabled = busy !== null;

  return (
    <main className={styles.root} aria-busy={disabled}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>
          {strings.appTitle}
        </Title2>
        <Body1 as="p" className={styles.subtitle}>
          {strings.appSubtitle}
        </Body1>
      </header>
      <TabList
        selectedValue={tab}
        onTabSelect={(_, data) => setTab(data.value === 'plan' ? 'plan' : 'check')}
        size="small"
      >
        <Tab value="check">{strings.tabCheck}</Tab>
        <Tab value="plan">{strings.tabPlan}</Tab>
      </TabList>
      <div className={styles.progress}>
        {/* Decorative: the spinner below says in words what is running. */}
        {busy && <ProgressBar thickness="medium" aria-hidden />}
      </div>
      <Notices
        notices={notices}
        busyText={busy ? (strings[BUSY_TEXT[busy]] as string) : null}
        onDismiss={dismiss}
      />
      {tab === 'check' ? (
        <div className={styles.panel}>
          <TableStep
            table={table}
            preview={preview}
            issues={locateIssues}
            restored={restored}
            disabled={disabled}
            loading={busy === 'reading' && grid === null}
            onRescan={rescan}
            onUseSelection={pickSelection}
          />
          {table && (
            <MappingStep
              table={table}
              mapping={mapping}
              missing={missing}
              needsMissing={needs ? needs.filter((n) => !n.present) : []}
              profile={profile}
              disabled={disabled}
              onChange={changeMapping}
            />
          )}
          <ProfileStep
            profileKey={profileKey}
            customText={customText}
            resolution={resolution}
            needs={needs}
            dashes={dashes}
            disabled={disabled}
            onChange={changeProfile}
            onDashesChange={changeDashes}
          />
          <ActionBar
            busy={busy}
            canCheck={table !== null && missing.length === 0 && profile !== null}
            checkBlocker={
              table === null
                ? strings.tableNotFound
                : missing.length > 0
                  ? strings.checkNeedsColumns
                  : profile === null
                    ? strings.checkNeedsProfile
                    : null
            }
            canReport={outcome !== null && !stale && chosenSheets.length > 0}
            onCheck={check}
            onReport={writeReport}
            onClear={clearMarks}
          />
          {availableSheets.length > 0 && (
            <ReportSheets
              available={availableSheets}
              chosen={chosenSheets}
              disabled={disabled}
              onChange={changeReportSheets}
            />
          )}
          <div ref={resultsRef}>
            {outcome && <Results outcome={outcome} stale={stale} disabled={disabled} onLocate={locate} />}
          </div>
        </div>
      ) : (
        <Planner outcome={outcome} />
      )}
    </main>
  );
}
