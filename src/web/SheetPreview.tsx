/**
 * A read-only view of the checked sheet with Balance's marks (their fills) and notes (on hover, focus or tap), as the
 * spreadsheet would show them. Virtualised: only the rows in view (plus a few) are in the DOM, so 5,000 rows scroll
 * as smoothly as 50.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Caption1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { type CellGrid, type CellMark, type CellValue, columnLetter, formatNumber } from '../engine';
import { useWebStrings } from './strings';

const ROW_HEIGHT = 26;
const HEADER_HEIGHT = 26;
const ROW_NUMBER_WIDTH = 52;
const COLUMN_WIDTH = 112;
/** Rows rendered above and below the visible ones, so a fast wheel never shows blank rows. */
const OVERSCAN = 8;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minHeight: 0,
    height: '100%',
  },
  caption: { color: tokens.colorNeutralForeground3 },
  scroller: {
    position: 'relative',
    overflow: 'auto',
    flexGrow: 1,
    minHeight: '240px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    // Scrolling re-lays out only the grid, never the pane beside it.
    contain: 'strict',
    fontSize: tokens.fontSizeBase200,
    outlineStyle: 'none',
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  row: { position: 'absolute', left: 0, display: 'flex', height: `${ROW_HEIGHT}px` },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  cell: {
    boxSizing: 'border-box',
    flexShrink: 0,
    width: `${COLUMN_WIDTH}px`,
    padding: '0 6px',
    lineHeight: `${ROW_HEIGHT - 1}px`,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    position: 'relative',
  },
  number: { textAlign: 'right' },
  marked: {
    cursor: 'help',
    ':focus-visible': { outline: `2px solid ${tokens.colorNeutralForeground1}`, outlineOffset: '-2px' },
    // Excel's red corner: the cell has a note.
    '::after': {
      content: '""',
      position: 'absolute',
      top: 0,
      right: 0,
      borderTop: '6px solid #C00000',
      borderLeft: '6px solid transparent',
    },
  },
  rowNumber: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    width: `${ROW_NUMBER_WIDTH}px`,
    textAlign: 'center',
    color: tokens.colorNeutralForeground3,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  corner: { zIndex: 3 },
  selectedRow: { backgroundColor: tokens.colorBrandBackground2 },
  note: {
    minHeight: '3.2em',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#FFFDE7',
    whiteSpace: 'pre-line',
    fontSize: tokens.fontSizeBase200,
  },
});

export interface SheetPreviewProps {
  grid: CellGrid;
  marks: readonly CellMark[];
  /** The row 定位 asked for (1-based): scrolled into view and outlined. */
  selectedRow: number | null;
}

/** A cell's value as the preview shows it (numbers rounded for reading; the file keeps them exact). */
function display(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, 4) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toLocaleDateString();
  return String(value);
}

export function SheetPreview({ grid, marks, selectedRow }: SheetPreviewProps) {
  const strings = useWebStrings();
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const [noteCell, setNoteCell] = useState<CellMark | null>(null);

  const rowCount = grid.values.length;
  const columnCount = useMemo(() => grid.values.reduce((n, r) => Math.max(n, r.length), 0), [grid]);
  const byCell = useMemo(() => {
    const map = new Map<string, CellMark>();
    for (const m of marks) map.set(`${m.row}:${m.column}`, m);
    return map;
  }, [marks]);
  // Marks may lie outside the values block (a school's name column beyond a ragged row): widen to them.
  const lastColumn = useMemo(
    () => marks.reduce((c, m) => Math.max(c, m.column), grid.firstColumn + columnCount - 1),
    [marks, grid, columnCount],
  );
  const columns = lastColumn - grid.firstColumn + 1;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el || selectedRow === null) return;
    const index = selectedRow - grid.firstRow;
    if (index < 0 || index >= rowCount) return;
    el.scrollTop = Math.max(0, index * ROW_HEIGHT - el.clientHeight / 3);
  }, [selectedRow, grid, rowCount]);

  useEffect(() => setNoteCell(null), [marks]);

  // Never more rows than a window can show, even if a layout left the scroller as tall as its content.
  const height = Math.min(view.height, typeof window === 'undefined' ? view.height : window.innerHeight);
  const first = Math.max(0, Math.floor(view.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((view.top + height) / ROW_HEIGHT) + OVERSCAN);
  const width = ROW_NUMBER_WIDTH + columns * COLUMN_WIDTH;
  // More slots than rows ever rendered at once, so consecutive rows never share a key.
  const slots = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 2;

  const rows: JSX.Element[] = [];
  for (let i = first; i < last; i++) {
    const sheetRow = grid.firstRow + i;
    const values = grid.values[i] ?? [];
    const selected = sheetRow === selectedRow;
    const cells: JSX.Element[] = [];
    for (let c = 0; c < columns; c++) {
      const column = grid.firstColumn + c;
      const value = values[c];
      const mark = byCell.get(`${sheetRow}:${column}`);
      const text = display(value);
      const className = [
        styles.cell,
        typeof value === 'number' ? styles.number : '',
        mark ? styles.marked : '',
      ]
        .filter(Boolean)
        .join(' ');
      if (!mark) {
        cells.push(
          <div key={c} role="cell" className={className}>
            {text}
          </div>,
        );
        continue;
      }
      const style: CSSProperties = { backgroundColor: mark.fill };
      cells.push(
        <div
          key={c}
          role="cell"
          className={className}
          style={style}
          title={mark.note}
          tabIndex={0}
          data-address={mark.address}
          data-fill={mark.fill}
          onMouseEnter={() => setNoteCell(mark)}
          onFocus={() => setNoteCell(mark)}
          onClick={(e) => e.currentTarget.focus()}
        >
          {text}
        </div>,
      );
    }
    rows.push(
      // Keyed by slot, not by row: scrolling updates the same elements instead of replacing ~1,000 nodes a frame
      // (Fluent's focus manager walks every added node).
      <div
        key={i % slots}
        role="row"
        aria-rowindex={sheetRow}
        className={`${styles.row} ${selected ? styles.selectedRow : ''}`}
        style={{ top: HEADER_HEIGHT + i * ROW_HEIGHT, width }}
      >
        <div role="rowheader" className={`${styles.cell} ${styles.rowNumber}`}>
          {sheetRow}
        </div>
        {cells}
      </div>,
    );
  }

  return (
    <section className={styles.root} aria-label={strings.previewTitle(grid.sheet)}>
      <Subtitle2 as="h2">{strings.previewTitle(grid.sheet)}</Subtitle2>
      <Caption1 className={styles.caption}>
        {strings.previewRows(rowCount, marks.length)} · {strings.previewHint}
      </Caption1>
      <div
        ref={scroller}
        className={styles.scroller}
        role="table"
        aria-label={grid.sheet}
        aria-rowcount={rowCount}
        tabIndex={0}
        data-testid="sheet-preview"
        onScroll={(e) => {
          const el = e.currentTarget;
          setView({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        {rowCount === 0 ? (
          <p>{strings.previewEmpty}</p>
        ) : (
          <div style={{ position: 'relative', width, height: HEADER_HEIGHT + rowCount * ROW_HEIGHT }}>
            <div role="row" className={styles.header} style={{ width }}>
              <div role="columnheader" className={`${styles.cell} ${styles.rowNumber} ${styles.corner}`} />
              {Array.from({ length: columns }, (_, c) => (
                <div key={c} role="columnheader" className={styles.cell} style={{ textAlign: 'center' }}>
                  {columnLetter(grid.firstColumn + c)}
                </div>
              ))}
            </div>
            {rows}
          </div>
        )}
      </div>
      <div className={styles.note} aria-live="polite" data-testid="preview-note">
        {noteCell ? (
          <>
            <strong>{strings.noteOf(noteCell.address)}：</strong>
            {noteCell.note}
          </>
        ) : (
          strings.noNoteSelected
        )}
      </div>
    </section>
  );
}
