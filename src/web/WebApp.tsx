/**
 * The web page: a header that says the workbook stays on this machine, a file chooser (and drop anywhere on the
 * page), then one workbook in the pane (Workspace) or several as a county list (CountyList).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowLeftRegular,
  FolderOpenRegular,
  DocumentArrowUpRegular,
  ShieldCheckmarkRegular,
} from '@fluentui/react-icons';
import { CountyList } from './CountyList';
import type { CountyResult } from './batch';
import { droppedFiles, gather, readGiven, type GivenFile } from './files';
import { useWebStrings } from './strings';
import { Workspace } from './Workspace';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    '@media (min-width: 1000px)': { height: '100vh' },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0, color: 'inherit' },
  privacy: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, margin: 0 },
  headerActions: { display: 'flex', columnGap: tokens.spacingHorizontalS, marginLeft: 'auto' },
  landing: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
  intro: { maxWidth: '40em' },
  dropZone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    rowGap: tokens.spacingVerticalM,
    width: 'min(560px, 100%)',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', justifyContent: 'center', gap: tokens.spacingHorizontalS },
  dragging: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  hidden: { display: 'none' },
  messages: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
});

type View =
  | { kind: 'empty' }
  | { kind: 'single'; file: GivenFile; id: number }
  | { kind: 'batch'; files: GivenFile[]; id: number; open: number | null };

export function WebApp() {
  const strings = useWebStrings();
  const styles = useStyles();
  const [view, setView] = useState<View>({ kind: 'empty' });
  const [results, setResults] = useState<CountyResult[]>([]);
  const [messages, setMessages] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const nextId = useRef(0);

  const take = useCallback(
    async (given: File[]) => {
      const { files, skipped } = gather(given);
      const notes = skipped.length > 0 ? [strings.notXlsx(skipped.join('、'))] : [];
      if (files.length === 0) {
        setMessages([...notes, strings.noXlsx]);
        return;
      }
      setMessages(notes);
      const read = await Promise.all(files.map(readGiven));
      nextId.current += 1;
      setResults([]);
      setView(
        read.length === 1
          ? { kind: 'single', file: read[0], id: nextId.current }
          : { kind: 'batch', files: read, id: nextId.current, open: null },
      );
    },
    [strings],
  );

  // Drop anywhere on the page: files, several files, or folders.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer || !Array.from(e.dataTransfer.types).includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      setDragging(false);
      void droppedFiles(e.dataTransfer).then(take);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [take]);

  const onPicked = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // The same file chosen again must still fire change.
    input.value = '';
    if (files.length > 0) void take(files);
  };

  const onResult = useCallback(
    (index: number, result: CountyResult) =>
      setResults((list) => {
        const next = list.slice();
        next[index] = result;
        return next;
      }),
    [],
  );

  const chooseButtons = (primary: boolean) => (
    <>
      <Button
        appearance={primary ? 'primary' : 'secondary'}
        size={primary ? 'large' : 'medium'}
        icon={<DocumentArrowUpRegular />}
        onClick={() => fileInput.current?.click()}
      >
        {strings.choose}
      </Button>
      <Button
        appearance="secondary"
        size={primary ? 'large' : 'medium'}
        icon={<FolderOpenRegular />}
        onClick={() => folderInput.current?.click()}
      >
        {strings.chooseFolder}
      </Button>
    </>
  );

  let body: JSX.Element;
  if (view.kind === 'empty') {
    body = (
      <div className={styles.landing}>
        <Body1 as="p" className={styles.intro}>
          {strings.intro}
        </Body1>
        <div className={styles.dropZone}>
          <div className={styles.buttons}>{chooseButtons(true)}</div>
          <Body1>{dragging ? strings.dropHere : strings.dropHint}</Body1>
        </div>
      </div>
    );
  } else if (view.kind === 'single') {
    body = <Workspace key={view.id} file={view.file} />;
  } else if (view.open !== null) {
    const back = (
      <Button icon={<ArrowLeftRegular />} onClick={() => setView({ ...view, open: null })}>
        {strings.backToList}
      </Button>
    );
    body = <Workspace key={`${view.id}:${view.open}`} file={view.files[view.open]} leading={back} />;
  } else {
    body = (
      <CountyList
        key={view.id}
        files={view.files}
        results={results}
        onResult={onResult}
        onOpen={(open) => setView({ ...view, open })}
      />
    );
  }

  return (
    <div className={mergeClasses(styles.root, dragging && styles.dragging)}>
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>
          {strings.pageTitle}
        </Title3>
        <p className={styles.privacy}>
          <ShieldCheckmarkRegular aria-hidden fontSize={20} />
          {strings.privacy}
        </p>
        {view.kind !== 'empty' && <div className={styles.headerActions}>{chooseButtons(false)}</div>}
      </header>
      <input
        ref={fileInput}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={strings.choose}
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <input
        ref={folderInput}
        className={styles.hidden}
        type="file"
        multiple
        aria-label={strings.chooseFolder}
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => onPicked(e.currentTarget)}
      />
      {messages.length > 0 && (
        <div className={styles.messages}>
          {messages.map((m) => (
            <MessageBar key={m} intent="warning">
              <MessageBarBody>{m}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
      )}
      {body}
    </div>
  );
}
