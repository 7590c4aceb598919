/**
 * One opened workbook: the task pane over the in-memory file host, beside it (below on a narrow screen) the preview of
 * the checked sheet, and the downloads — the marked copy with its report sheets, and the 申报表 workbook.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentTableRegular } from '@fluentui/react-icons';
import { type CellGrid, formsFor, sheetsFor } from '../engine';
import { openXlsxFileHost, type XlsxFileHost } from '../hosts/xlsx/host';
import { workbookOf } from '../hosts/xlsx/write/newWorkbook';
import { App } from '../taskpane/App';
import { reportOptionsOf } from '../taskpane/planOptions';
import { DEFAULT_SETTINGS, type PaneSettings } from '../taskpane/settings';
import type { CheckOutcome } from '../taskpane/workflow';
import { FORMS_SUFFIX, MARKED_SUFFIX } from './batch';
import { download, outputName } from './download';
import type { GivenFile } from './files';
import { browserSettings } from './settingsStore';
import { SheetPreview } from './SheetPreview';
import { useWebStrings } from './strings';
import { NO_MARKS, watchHost, type HostState } from './watchHost';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  fileName: { fontWeight: tokens.fontWeightSemibold, marginRight: 'auto', overflowWrap: 'anywhere' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, flexBasis: '100%' },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    '@media (min-width: 1000px)': {
      gridTemplateColumns: '460px minmax(0, 1fr)',
      // One row exactly as tall as the space left: else the preview's 5,000 rows would size it.
      gridTemplateRows: 'minmax(0, 1fr)',
      // The page is one screen tall here (WebApp): the pane and the preview scroll each on its own.
      flexGrow: 1,
      minHeight: 0,
    },
  },
  pane: {
    minWidth: 0,
    '@media (min-width: 1000px)': {
      overflowY: 'auto',
      borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    height: '75vh',
    boxSizing: 'border-box',
    '@media (min-width: 1000px)': { height: '100%' },
  },
  status: { padding: tokens.spacingHorizontalL },
});

export interface WorkspaceProps {
  file: GivenFile;
  /** Shown before the file's name (e.g. 返回县列表 in a batch). */
  leading?: JSX.Element;
}

type Opened = { ok: true; host: XlsxFileHost } | { ok: false; message: string };

export function Workspace({ file, leading }: WorkspaceProps) {
  const strings = useWebStrings();
  const styles = useStyles();
  const [opened, setOpened] = useState<Opened | null>(null);
  const [state, setState] = useState<HostState>(NO_MARKS);
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const grids = useRef(new Map<string, CellGrid>());
  // The pane's settings as they are now: the downloads write the 整改测算 and the titles with the pane's choices.
  const settings = useRef<PaneSettings>(DEFAULT_SETTINGS);
  const [grid, setGrid] = useState<CellGrid | null>(null);

  // Opening parses the whole package: after a frame, so that 正在读取 shows first.
  useEffect(() => {
    const timer = setTimeout(() => {
      const result = openXlsxFileHost(file.bytes, file.name, browserSettings(file.name, file.size));
      setOpened(result.ok ? result : { ok: false, message: result.message });
    }, 0);
    return () => clearTimeout(timer);
  }, [file]);

  const paneHost = useMemo(() => (opened?.ok ? watchHost(opened.host, setState) : null), [opened]);
  const sheet = state.plan?.sheet ?? (opened?.ok ? opened.host.shownSheet : null);

  useEffect(() => {
    if (!opened?.ok || !sheet) return;
    const cached = grids.current.get(sheet);
    if (cached) return setGrid(cached);
    // The file host never changes the input, so a sheet is read once.
    opened.host.readSheet({ source: 'auto', sheet }).then(
      (read) => {
        grids.current.set(sheet, read);
        setGrid(read);
      },
      () => undefined,
    );
  }, [opened, sheet]);

  if (opened === null)
    return (
      <div className={styles.status}>
        <Spinner size="small" label={strings.reading(file.name)} />
      </div>
    );
  if (!opened.ok || !paneHost)
    return (
      <div className={styles.status}>
        {leading}
        <MessageBar intent="error">
          <MessageBarBody>{strings.cannotOpen(file.name, opened.ok ? '' : opened.message)}</MessageBarBody>
        </MessageBar>
      </div>
    );

  const host = opened.host;
  const downloadMarked = async () => {
    if (!outcome) return;
    // The copy carries the report sheets, as `balance check --out` writes them, unless the pane wrote them already.
    if (!state.reportsWritten)
      await paneHost.writeReport(
        sheetsFor(outcome, new Date(), undefined, reportOptionsOf(settings.current, outcome.profile)),
      );
    const name = outputName(file.name, MARKED_SUFFIX);
    download(host.save(), name);
    setNotice(strings.downloaded(name));
  };
  const downloadForms = () => {
    if (!outcome) return;
    const name = outputName(file.name, FORMS_SUFFIX);
    download(
      workbookOf(formsFor(outcome, undefined, reportOptionsOf(settings.current, outcome.profile))),
      name,
    );
    setNotice(strings.downloaded(name));
  };
  const marks = state.plan && grid && state.plan.sheet === grid.sheet ? state.plan.marks : [];
  const selectedRow =
    state.selected && grid && state.selected.sheet === grid.sheet ? state.selected.row : null;

  return (
    <>
      <div className={styles.bar}>
        {leading}
        <span className={styles.fileName}>
          <DocumentTableRegular aria-hidden /> {file.name}
        </span>
        <Button
          appearance="primary"
          icon={<ArrowDownloadRegular />}
          disabled={!outcome}
          onClick={() => void downloadMarked()}
        >
          {strings.downloadMarked}
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={!outcome} onClick={downloadForms}>
          {strings.downloadForms}
        </Button>
        <span className={styles.hint} role="status">
          {notice ?? (outcome ? strings.settingsLocal : strings.downloadNeedsCheck)}
        </span>
      </div>
      <div className={styles.layout}>
        <div className={styles.pane}>
          <App
            operations={paneHost}
            onOutcome={setOutcome}
            onSettings={(next) => {
              settings.current = next;
            }}
          />
        </div>
        <div className={styles.preview}>
          {grid ? (
            <SheetPreview grid={grid} marks={marks} selectedRow={selectedRow} />
          ) : (
            <Spinner size="tiny" />
          )}
        </div>
      </div>
    </>
  );
}
