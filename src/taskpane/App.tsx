// The task pane: finds the table, maps its columns, picks the standard, checks and marks, reports, clears, plans.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Caption1,
  ProgressBar,
  Tab,
  TabList,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  columnLetter,
  type ColumnMapping,
  type DashReading,
  type DataIssue,
  type HeaderDetection,
  profileProblemText,
  readTable,
  renderIssue,
  reportSheetsOf,
  type ReportSheetId,
  sheetsFor,
} from '../engine';
import { ActionBar } from './components/ActionBar';
import { LastCheckCard } from './components/LastCheck';
import { MappingStep } from './components/MappingStep';
import { Notices, type Notice } from './components/Notices';
import { Planner } from './components/Planner';
import { ProfileStep } from './components/ProfileStep';
import { ReportSheets, ReportTitleFields, titleInputsShown } from './components/ReportSheets';
import { Results } from './components/Results';
import { Section } from './components/Section';
import { TableStep } from './components/TableStep';
import { HostProblemError, type SheetRead, type SpreadsheetHost } from '../hosts/port';
import {
  choiceOf,
  chosenReportSheets,
  DEFAULT_PLAN_INPUTS,
  DEFAULT_SETTINGS,
  keyOf,
  parseSettings,
  savedTableFor,
  type PaneSettings,
  type PlanInputs,
  type ProfileKey,
  type ReportTitleInputs,
  type SavedTable,
} from './settings';
import { reportOptionsOf } from './planOptions';
import { useStrings, type Strings } from './strings';
import {
  checkKey,
  lastCheckOf,
  locateTable,
  type Location,
  missingRequired,
  needsOf,
  resolveProfile,
  restoreMapping,
  runCheck,
  savedTableOf,
  scanOrder,
  tableCandidates,
  type CheckOutcome,
  type LocatedTable,
} from './workflow';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // One column, at most 640 px wide and centred on a wide pane; the action bar at its bottom stays in view.
  column: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '640px',
    minHeight: '100vh',
    marginLeft: 'auto',
    marginRight: 'auto',
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0`,
  },
  spacer: { flexGrow: 1 },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { margin: 0, color: tokens.colorNeutralForeground3 },
  progress: { minHeight: '2px' },
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Busy = 'reading' | 'checking' | 'report' | 'clearing' | 'locating';

/** Where an action's messages show: next to the button that started it. */
const PLACE: Record<Busy, Notice['place']> = {
  reading: 'table',
  checking: 'bar',
  report: 'bar',
  clearing: 'bar',
  locating: 'bar',
};

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
  /** Told of the settings whenever they change (typing included): the page's downloads use the pane's choices. */
  onSettings?: (settings: PaneSettings) => void;
}

/** A failure in the pane's language: a host's problem as data, anything else as an unexpected error. */
function errorText(error: unknown, strings: Strings): string {
  if (error instanceof HostProblemError) return strings.hostProblem(error.problem);
  return strings.unexpectedError(error instanceof Error ? error.message : String(error));
}

export function App({ operations, onOutcome, onSettings }: AppProps) {
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
  // Why no table is shown, in one line (this sheet has none; no visible sheet has one).
  const [notFound, setNotFound] = useState<string | undefined>(undefined);
  // The sheets that may hold the table, for the picker.
  const [sheets, setSheets] = useState<string[]>([]);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [restored, setRestored] = useState(false);
  const [profileKey, setProfileKey] = useState<ProfileKey>(keyOf(DEFAULT_SETTINGS.profile));
  const [customText, setCustomText] = useState('');
  const [dashes, setDashes] = useState<DashReading>('none');
  // The last check of this session and what it was made with: current again when the user switches back to it.
  const [checked, setChecked] = useState<{ outcome: CheckOutcome; key: string } | null>(null);
  const noticeId = useRef(0);
  const onOutcomeRef = useRef(onOutcome);
  onOutcomeRef.current = onOutcome;
  const onSettingsRef = useRef(onSettings);
  onSettingsRef.current = onSettings;
  const resultsRef = useRef<HTMLDivElement>(null);
  const busyRef = useRef(false);
  // Where the running action's messages go.
  const placeRef = useRef<Notice['place']>('bar');
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const notify = useCallback(
    (
      intent: Notice['intent'],
      text: string,
      title?: string,
      more: { place?: Notice['place']; action?: Notice['action'] } = {},
    ) => {
      noticeId.current += 1;
      const id = noticeId.current;
      const place = more.place ?? placeRef.current;
      setNotices((list) => [...list, { id, intent, text, title, place, action: more.action }]);
    },
    [],
  );

  /**
   * Runs one user action: busy while it lasts, earlier notices of its place replaced, every failure shown where the
   * action was started (never swallowed).
   */
  const run = useCallback(
    async (kind: Busy, action: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      placeRef.current = PLACE[kind];
      setBusy(kind);
      // Jumping to a row keeps the messages (打开报告 is offered by one of them).
      if (kind !== 'locating') setNotices((list) => list.filter((n) => n.place !== PLACE[kind]));
      try {
        await action();
      } catch (error) {
        notify('error', errorText(error, strings), strings.errorTitle);
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
  // The results shown are current while the standard, dash reading, table and mapping are those they were made with.
  const currentKey = useMemo(
    () => checkKey(choice, dashes, table, mapping),
    [choice, dashes, table, mapping],
  );
  const outcome = checked?.outcome ?? null;
  useEffect(() => onOutcomeRef.current?.(outcome), [outcome]);
  // A block body: whatever the callback returns must not become the effect's cleanup.
  useEffect(() => {
    onSettingsRef.current?.(settings);
  }, [settings]);
  const stale = checked !== null && checked.key !== currentKey;

  const save = useCallback(
    (next: PaneSettings) => {
      operations.saveSettings(next).catch((error: unknown) => {
        notify('error', errorText(error, strings), strings.errorTitle, {
          place: 'bar',
        });
      });
    },
    [operations, notify, strings],
  );

  const persist = useCallback(
    (next: PaneSettings) => {
      clearTimeout(saveTimer.current);
      setSettings(next);
      save(next);
    },
    [save],
  );

  /** Saves typing (the plan's inputs) once it pauses, not on every key. */
  const persistSoon = (next: PaneSettings) => {
    clearTimeout(saveTimer.current);
    setSettings(next);
    saveTimer.current = setTimeout(() => save(next), 400);
  };

  /**
   * Takes a freshly read range as the table: header found, mapping restored from the settings when it still fits.
   * The last check's results stay (they turn stale when the table or its mapping differ from theirs).
   */
  const adopt = (
    read: SheetRead,
    fromSelection: boolean,
    saved: SavedTable | undefined,
    location: Location = locateTable(read, fromSelection),
  ): { table: LocatedTable; mapping: ColumnMapping } | null => {
    setGrid({ read, detection: location.ok ? location.table.detection : null });
    setNotFound(undefined);
    // Stray cells far from the table (a 制表人 line at the sheet's last row) were not read as data: say which.
    if (read.outside && read.outside.length > 0) {
      const named = read.outside
        .slice(0, 10)
        .map((o) => `${columnLetter(o.column)}${o.row} “${String(o.value)}”`);
      notify('info', strings.outsideCells(strings.list(named), read.outside.length), undefined, {
        place: 'table',
      });
    }
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

  /**
   * Reads one sheet where its table is: the range saved for it (使用所选区域; `ranged` then says so), else the whole
   * sheet.
   */
  const readOne = async (
    sheet: string,
    saved: SavedTable | undefined,
  ): Promise<{ read: SheetRead; ranged: boolean }> => {
    if (saved?.address) {
      try {
        const read = await operations.readSheet({ source: 'range', sheet, address: saved.address });
        return { read, ranged: true };
      } catch {
        // A saved range that no longer reads (the sheet shrank, was renamed…) falls back to the whole sheet.
      }
    }
    return { read: await operations.readSheet({ source: 'auto', sheet }), ranged: false };
  };

  /**
   * Looks at every visible sheet for the school table — `prefer` first, then the active sheet, the sheets with a saved
   * table, then the rest — and takes the first found. `savedRanges`: read a range saved for a sheet (on open) rather
   * than finding the table anew (重新识别).
   */
  const scan = async (saved: PaneSettings, prefer: string | undefined, savedRanges: boolean) => {
    const list = await operations.listSheets();
    setSheets(tableCandidates(list));
    const order = scanOrder(list, Object.keys(saved.tables), prefer);
    let first: { read: SheetRead; location: Location } | null = null;
    for (const name of order) {
      const savedTable = savedTableFor(saved, name);
      const { read, ranged: fromSelection } = await readOne(name, savedRanges ? savedTable : undefined);
      const location = locateTable(read, fromSelection);
      if (location.ok) {
        adopt(read, fromSelection, savedTable, location);
        return;
      }
      first ??= { read, location };
    }
    if (first) adopt(first.read, false, undefined, first.location);
    else adopt(await operations.readSheet({ source: 'auto' }), false, undefined);
    setNotFound(strings.scanNone(order.length));
  };

  // On open: the workbook's settings, then the school table on whichever visible sheet holds it.
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
          notify(
            'warning',
            strings.savedProfileInvalid(
              resolved.problems.map((p) => profileProblemText(p, strings.profileTexts)),
            ),
          );
        }
      }
      setDashes(saved.dashes ?? 'none');
      await scan(saved, undefined, true);
    });
    // Runs once on mount: the pane's operations never change.
  }, []);

  // 重新识别: the table's own sheet first, so that a report sheet made active by 写入评估报告 does not lose it.
  const rescan = () => run('reading', () => scan(settings, table?.sheet, false));

  const pickSheet = (sheet: string) =>
    run('reading', async () => {
      const saved = savedTableFor(settings, sheet);
      const { read, ranged } = await readOne(sheet, saved);
      if (!adopt(read, ranged, saved)) setNotFound(strings.sheetNoTable(read.sheet));
    });

  const pickSelection = () =>
    run('reading', async () => {
      let read: SheetRead;
      try {
        read = await operations.readSheet({ source: 'selection' });
      } catch {
        // Nothing selected, a chart or shape selected, or a host without a selection: say so, keep the table.
        notify('warning', strings.selectionUnusable);
        return;
      }
      const location = locateTable(read, true);
      if (!location.ok) {
        const reasons = location.issues.map((i) => renderIssue(i, strings.issueTexts)).join('\n');
        const range = read.address.slice(read.address.lastIndexOf('!') + 1);
        const text = table ? strings.selectionNoTable(range) : strings.selectionUnusable;
        notify('warning', reasons ? `${text}\n${reasons}` : text);
        return;
      }
      const adopted = adopt(read, true, savedTableFor(settings, read.sheet), location);
      // The picked range is remembered, so the next open reads it again without asking.
      if (adopted) {
        const saved = savedTableOf(adopted.table, adopted.mapping);
        persist({ ...settings, tables: { ...settings.tables, [adopted.table.sheet]: saved } });
      }
    });

  const changeMapping = (next: ColumnMapping) => {
    if (!table) return;
    setMapping(next);
    persist({ ...settings, tables: { ...settings.tables, [table.sheet]: savedTableOf(table, next) } });
  };

  const changeProfile = (key: ProfileKey, text: string) => {
    setProfileKey(key);
    setCustomText(text);
    const next = choiceOf(key, text);
    // An unfinished custom profile is not saved over the last good one.
    if (resolveProfile(next).ok) persist({ ...settings, profile: next });
  };

  const changeDashes = (next: DashReading) => {
    setDashes(next);
    persist({ ...settings, dashes: next });
  };

  const changePlanInputs = (plan: PlanInputs) => persistSoon({ ...settings, plan });
  const changeTitle = (title: ReportTitleInputs) => persistSoon({ ...settings, title });

  const showResults = () => resultsRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });

  const check = () =>
    run('checking', async () => {
      if (!table || !profile) return;
      const read = await operations.readSheet(table.request);
      // Columns may have been inserted or renamed since the table was found: never apply a mapping that moved.
      const again = locateTable(read, table.fromSelection);
      if (!again.ok || !restoreMapping(again.table, savedTableOf(table, mapping)).restored) {
        adopt(read, table.fromSelection, undefined);
        setChecked(null);
        notify('warning', strings.headerChanged);
        return;
      }
      const { detection } = again.table;
      setGrid({ read, detection });
      await nextFrame();
      const result = runCheck(read, mapping, table.headerBottom, profile, detection);
      const applied = await operations.applyHighlights(result.plan);
      setChecked({ outcome: result, key: currentKey });
      // The results open below the fold at 320–450 px: bring them into view (jsdom has no scrollIntoView).
      setTimeout(showResults, 0);
      notify('success', strings.checked(applied.painted), undefined, {
        action: { label: strings.showResults, run: showResults },
      });
      if (applied.notes === 'unsupported') notify('warning', strings.notesUnsupported);
      if (applied.notesSkipped.length > 0) notify('info', strings.notesSkipped(applied.notesSkipped.length));
      persist({
        ...settings,
        profile: choice,
        tables: { ...settings.tables, [table.sheet]: savedTableOf(table, mapping) },
        lastCheck: lastCheckOf(result, new Date()),
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

  const locate = (sheet: string, row: number) =>
    run('locating', async () => {
      await operations.selectRow(sheet, row);
    });

  const writeReport = () =>
    run('report', async () => {
      if (!outcome || chosenSheets.length === 0) return;
      // The 整改测算 tab's options and the county and year typed here, as stored in the workbook.
      const plans = sheetsFor(outcome, new Date(), chosenSheets, reportOptionsOf(settings, outcome.profile));
      const written = await operations.writeReport(plans);
      notify('success', strings.reportWritten(written.written), undefined, {
        action: { label: strings.openReport, run: () => void locate(written.written[0], 1) },
      });
      // A sheet with a report's name that Balance may not replace is named, with where its new report went instead.
      const intended = new Set(plans.map((p) => p.sheetName));
      const quoted = (names: string[]) => strings.list(names.map((n) => `“${n}”`));
      const beside = quoted(written.written.filter((n) => !intended.has(n)));
      if (written.keptUserSheets.length > 0)
        notify('info', strings.reportKeptUser(quoted(written.keptUserSheets), beside));
      if (written.keptEdited.length > 0)
        notify('info', strings.reportKeptEdited(quoted(written.keptEdited), beside));
    });

  const clearMarks = () =>
    run('clearing', async () => {
      const cleared = await operations.clearHighlights();
      notify('success', strings.cleared(cleared.restored));
      if (cleared.damagedRows.length > 0)
        notify('warning', strings.clearDamaged(strings.list(cleared.damagedRows.map(String))));
      if (cleared.keptUserEdits && cleared.keptUserEdits.length > 0)
        notify('info', strings.clearKeptEdits(strings.list(cleared.keptUserEdits)));
    });

  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id));
  const disabled = busy !== null;
  const busyText = busy ? (strings[BUSY_TEXT[busy]] as string) : null;
  const busyAt = busy ? PLACE[busy] : null;
  const selectionCapable = operations.capabilities?.selection !== false;

  return (
    <main className={styles.root} aria-busy={disabled}>
      <div className={styles.column}>
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
          {/* Decorative: the spinner next to the action says in words what is running. */}
          {busy && <ProgressBar thickness="medium" aria-hidden />}
        </div>
        {tab === 'check' ? (
          <div className={styles.panel}>
            {!outcome && settings.lastCheck && <LastCheckCard last={settings.lastCheck} />}
            <TableStep
              table={table}
              preview={preview}
              issues={locateIssues}
              notFound={notFound}
              sheets={sheets}
              sheet={table?.sheet ?? grid?.read.sheet ?? null}
              canUseSelection={selectionCapable}
              restored={restored}
              disabled={disabled}
              loading={busy === 'reading' && grid === null}
              onRescan={rescan}
              onUseSelection={pickSelection}
              onPickSheet={pickSheet}
              feedback={
                <Notices
                  notices={notices.filter((n) => n.place === 'table')}
                  busyText={busyAt === 'table' && grid !== null ? busyText : null}
                  onDismiss={dismiss}
                />
              }
            />
            {table ? (
              <MappingStep
                table={table}
                mapping={mapping}
                missing={missing}
                needsMissing={needs ? needs.filter((n) => !n.present) : []}
                profile={profile}
                disabled={disabled}
                onChange={changeMapping}
              />
            ) : (
              <Section step={2} title={strings.stepMapping}>
                <Caption1 className={styles.muted}>{strings.mappingWaiting}</Caption1>
              </Section>
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
            {availableSheets.length > 0 && (
              <ReportTitleFields
                value={titleInputsShown(settings.title, outcome?.caption)}
                disabled={disabled}
                onChange={changeTitle}
              />
            )}
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
          <Planner
            outcome={outcome}
            inputs={settings.plan ?? DEFAULT_PLAN_INPUTS}
            onInputsChange={changePlanInputs}
          />
        )}
        <div className={styles.spacer} />
        <ActionBar
          busy={busy}
          busyText={busyAt === 'bar' ? busyText : null}
          notices={notices.filter((n) => n.place === 'bar')}
          onDismiss={dismiss}
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
      </div>
    </main>
  );
}
