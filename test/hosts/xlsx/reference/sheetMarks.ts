// The marked-cell writer as it was before it moved to the tag and attribute cursors (kept verbatim as the reference
// the exactness test compares the writer with).
/**
 * Changes the `s` attribute of the marked cells in a worksheet's XML, and nothing else: a marked cell that has no
 * <c> element gets one (in its row, in column order), a row that has none gets one.
 */
import {
  attribute,
  attributeSpan,
  columnName,
  nextTag,
  parseRef,
  rootPrefix,
  type Tag,
} from '../../../../src/hosts/xlsx/package/xml';
import { splice } from '../../../../src/hosts/xlsx/write/styles';

/** A marked cell: 1-based row, 0-based column. */
export interface CellTarget {
  row: number;
  column: number;
}

export interface SheetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edits that give each target cell the style `styleFor(existing s)` returns. `rowStyle` is the row's own
 * style for a cell that did not exist (Excel shows such a cell in its row's format).
 */
export function markCells<T extends CellTarget>(
  xml: string,
  targets: readonly T[],
  styleFor: (target: T, current: number) => number,
): SheetEdit[] {
  const p = rootPrefix(xml);
  const byRow = new Map<number, T[]>();
  for (const t of targets) (byRow.get(t.row) ?? byRow.set(t.row, []).get(t.row)!).push(t);
  for (const list of byRow.values()) list.sort((a, b) => a.column - b.column);
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);
  let nextPending = 0;
  const edits: SheetEdit[] = [];

  const newCell = (t: T, s: number) => `<${p}c r="${columnName(t.column)}${t.row}" s="${s}"/>`;
  const newRow = (row: number) =>
    `<${p}row r="${row}">${(byRow.get(row) ?? []).map((t) => newCell(t, styleFor(t, 0))).join('')}</${p}row>`;
  /** Rows with marks that come before `row` and have no element: inserted at `at`. */
  const flushRowsBefore = (row: number, at: number) => {
    let text = '';
    while (nextPending < pendingRows.length && pendingRows[nextPending] < row) {
      text += newRow(pendingRows[nextPending]);
      nextPending++;
    }
    if (text) edits.push({ start: at, end: at, text });
  };

  let rowNumber = 0;
  let inSheetData = false;
  let rowTag: Tag | null = null;
  let rowTargets: T[] = [];
  let nextTarget = 0;
  let nextColumn = 0;
  let rowStyle = 0;
  let rowMin = Infinity;
  let rowMax = -Infinity;

  const finishRow = (closeAt: number) => {
    // Marked cells after the row's last cell.
    const rest = rowTargets.slice(nextTarget).map((t) => newCell(t, styleFor(t, rowStyle)));
    if (rest.length && rowTag) {
      if (rowTag.selfClosing) {
        const slash = xml.lastIndexOf('/', rowTag.end);
        edits.push({ start: slash, end: rowTag.end, text: `>${rest.join('')}</${p}row>` });
      } else edits.push({ start: closeAt, end: closeAt, text: rest.join('') });
    }
    // Keep the row's spans hint true when cells were added outside it.
    if (rowTag && rowTargets.length) {
      const spans = attributeSpan(xml, rowTag, 'spans');
      const [a, b] = (spans?.value ?? '').split(':').map(Number);
      const min = Math.min(a, rowMin, rowTargets[0].column + 1);
      const max = Math.max(b, rowMax, rowTargets[rowTargets.length - 1].column + 1);
      if (spans && Number.isFinite(a) && Number.isFinite(b) && (min < a || max > b))
        edits.push({ start: spans.start, end: spans.end, text: `${min}:${max}` });
    }
    rowTag = null;
    rowTargets = [];
  };

  for (let tag = nextTag(xml, 0); tag; tag = nextTag(xml, tag.end)) {
    const name = tag.name;
    if (name === 'sheetData') {
      if (tag.close) {
        flushRowsBefore(Infinity, tag.start);
        inSheetData = false;
        break;
      }
      if (tag.selfClosing) {
        let text = '';
        while (nextPending < pendingRows.length) text += newRow(pendingRows[nextPending++]);
        edits.push({ start: tag.start, end: tag.end, text: `<${p}sheetData>${text}</${p}sheetData>` });
        break;
      }
      inSheetData = true;
      continue;
    }
    if (!inSheetData) continue;
    if (name === 'row') {
      if (tag.close) {
        finishRow(tag.start);
        continue;
      }
      const r = Number(attribute(xml, tag, 'r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      flushRowsBefore(rowNumber, tag.start);
      if (pendingRows[nextPending] === rowNumber) nextPending++;
      rowTag = tag;
      rowTargets = byRow.get(rowNumber) ?? [];
      nextTarget = 0;
      nextColumn = 0;
      rowMin = Infinity;
      rowMax = -Infinity;
      const custom = attribute(xml, tag, 'customFormat');
      rowStyle = custom === '1' || custom === 'true' ? Number(attribute(xml, tag, 's') ?? 0) || 0 : 0;
      if (tag.selfClosing) finishRow(tag.end);
      continue;
    }
    if (name === 'c' && !tag.close) {
      const ref = attribute(xml, tag, 'r');
      const column = (ref ? parseRef(ref)?.column : undefined) ?? nextColumn;
      nextColumn = column + 1;
      rowMin = Math.min(rowMin, column + 1);
      rowMax = Math.max(rowMax, column + 1);
      // Marked cells before this one that have no element of their own.
      let before = '';
      while (nextTarget < rowTargets.length && rowTargets[nextTarget].column < column) {
        before += newCell(rowTargets[nextTarget], styleFor(rowTargets[nextTarget], rowStyle));
        nextTarget++;
      }
      if (before) edits.push({ start: tag.start, end: tag.start, text: before });
      if (nextTarget < rowTargets.length && rowTargets[nextTarget].column === column) {
        const t = rowTargets[nextTarget++];
        const s = attributeSpan(xml, tag, 's');
        const styled = styleFor(t, s ? Number(s.value) || 0 : 0);
        if (s) edits.push({ start: s.start, end: s.end, text: String(styled) });
        else {
          const at = tag.selfClosing ? xml.lastIndexOf('/', tag.end) : tag.end - 1;
          edits.push({ start: at, end: at, text: ` s="${styled}"` });
        }
      }
      if (!tag.selfClosing) {
        // Skip the cell's content (values, formulas, inline strings) in one step.
        const close = xml.indexOf('c>', tag.end);
        for (let k = close; k >= 0; k = xml.indexOf('c>', k + 2)) {
          const lt = xml.lastIndexOf('<', k);
          if (xml[lt + 1] === '/' && /^<\/(?:[\w.-]+:)?c>$/.test(xml.slice(lt, k + 2))) {
            tag.end = k + 2;
            break;
          }
        }
      }
    }
  }
  return edits;
}

export { splice };
