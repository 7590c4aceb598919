/**
 * Changes the `s` attribute of the marked cells in a worksheet's XML, and nothing else: a marked cell that has no
 * <c> element gets one (in its row, in column order), a row that has none gets one.
 */
import { AttributeCursor, columnName, decodeEntities, parseRef, rootPrefix, TagCursor } from '../package/xml';
import { splice } from './styles';

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
 *
 * The sheet is walked with one tag cursor and one attribute cursor: no object or name text per tag, no copy of a
 * tag's text per attribute (a county's sheet has a quarter of a million cells).
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

  const tag = new TagCursor(xml);
  const attrs = new AttributeCursor(xml);
  /** Finds the current tag's attribute `local` (as attributeSpan does); its value is xml[valueStart, valueEnd). */
  let valueStart = 0;
  let valueEnd = 0;
  const find = (local: string): boolean => {
    attrs.reset(tag.nameEnd, tag.end);
    while (attrs.next()) {
      if (attrs.nameEnd - attrs.nameStart === local.length && xml.startsWith(local, attrs.nameStart)) {
        valueStart = attrs.valueStart;
        valueEnd = attrs.valueEnd;
        return true;
      }
    }
    return false;
  };
  const value = (local: string): string | undefined =>
    find(local) ? decodeEntities(xml.slice(valueStart, valueEnd)) : undefined;

  let rowNumber = 0;
  let inSheetData = false;
  let inRow = false;
  let rowEnd = 0;
  let rowSelfClosing = false;
  let spansStart = -1;
  let spansEnd = -1;
  let spans = '';
  let rowTargets: T[] = [];
  let nextTarget = 0;
  let nextColumn = 0;
  let rowStyle = 0;
  let rowMin = Infinity;
  let rowMax = -Infinity;

  const finishRow = (closeAt: number) => {
    // Marked cells after the row's last cell.
    const rest =
      nextTarget < rowTargets.length
        ? rowTargets.slice(nextTarget).map((t) => newCell(t, styleFor(t, rowStyle)))
        : [];
    if (rest.length && inRow) {
      if (rowSelfClosing) {
        const slash = xml.lastIndexOf('/', rowEnd);
        edits.push({ start: slash, end: rowEnd, text: `>${rest.join('')}</${p}row>` });
      } else edits.push({ start: closeAt, end: closeAt, text: rest.join('') });
    }
    // Keep the row's spans hint true when cells were added outside it.
    if (inRow && rowTargets.length && spansStart >= 0) {
      const [a, b] = spans.split(':').map(Number);
      const min = Math.min(a, rowMin, rowTargets[0].column + 1);
      const max = Math.max(b, rowMax, rowTargets[rowTargets.length - 1].column + 1);
      if (Number.isFinite(a) && Number.isFinite(b) && (min < a || max > b))
        edits.push({ start: spansStart, end: spansEnd, text: `${min}:${max}` });
    }
    inRow = false;
    rowTargets = [];
  };

  for (let at = 0; tag.next(at); at = tag.end) {
    // Cells first: they are most of the tags.
    if (inSheetData && !tag.close && tag.is('c')) {
      const column = (find('r') ? refColumn(xml, valueStart, valueEnd) : undefined) ?? nextColumn;
      nextColumn = column + 1;
      if (column + 1 < rowMin) rowMin = column + 1;
      if (column + 1 > rowMax) rowMax = column + 1;
      // Marked cells before this one that have no element of their own.
      let before = '';
      while (nextTarget < rowTargets.length && rowTargets[nextTarget].column < column) {
        before += newCell(rowTargets[nextTarget], styleFor(rowTargets[nextTarget], rowStyle));
        nextTarget++;
      }
      if (before) edits.push({ start: tag.start, end: tag.start, text: before });
      if (nextTarget < rowTargets.length && rowTargets[nextTarget].column === column) {
        const t = rowTargets[nextTarget++];
        if (find('s')) {
          const styled = styleFor(t, Number(decodeEntities(xml.slice(valueStart, valueEnd))) || 0);
          edits.push({ start: valueStart, end: valueEnd, text: String(styled) });
        } else {
          const styled = styleFor(t, 0);
          const at = tag.selfClosing ? xml.lastIndexOf('/', tag.end) : tag.end - 1;
          edits.push({ start: at, end: at, text: ` s="${styled}"` });
        }
      }
      // Skip the cell's content (values, formulas, inline strings) in one step.
      if (!tag.selfClosing) {
        const close = cellClose(xml, tag.end);
        if (close >= 0) tag.end = close;
      }
      continue;
    }
    if (tag.is('sheetData')) {
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
    if (tag.is('row')) {
      if (tag.close) {
        finishRow(tag.start);
        continue;
      }
      const r = Number(value('r'));
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      flushRowsBefore(rowNumber, tag.start);
      if (pendingRows[nextPending] === rowNumber) nextPending++;
      inRow = true;
      rowEnd = tag.end;
      rowSelfClosing = tag.selfClosing;
      rowTargets = byRow.get(rowNumber) ?? [];
      spansStart = -1;
      if (rowTargets.length && find('spans')) {
        spansStart = valueStart;
        spansEnd = valueEnd;
        spans = decodeEntities(xml.slice(valueStart, valueEnd));
      }
      nextTarget = 0;
      nextColumn = 0;
      rowMin = Infinity;
      rowMax = -Infinity;
      const custom = value('customFormat');
      rowStyle = custom === '1' || custom === 'true' ? Number(value('s') ?? 0) || 0 : 0;
      if (tag.selfClosing) finishRow(tag.end);
      continue;
    }
  }
  return edits;
}

/**
 * The 0-based column of a cell reference written in xml[start, end), as parseRef reads the decoded value; undefined
 * where parseRef gives null (or the value is empty). Plain letters-then-digits is read in place; anything else
 * (entities, $, signs, spaces) goes through parseRef.
 */
function refColumn(xml: string, start: number, end: number): number | undefined {
  let column = 0;
  let i = start;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 65 && c <= 90) column = column * 26 + (c - 64);
    else if (c >= 97 && c <= 122) column = column * 26 + (c - 96);
    else break;
  }
  let row = 0;
  let digits = 0;
  let plain = column > 0 && i < end && end - i <= 15;
  for (let k = i; plain && k < end; k++) {
    const c = xml.charCodeAt(k);
    if (c < 48 || c > 57) plain = false;
    else {
      row = row * 10 + (c - 48);
      digits++;
    }
  }
  if (plain && digits > 0) return row > 0 ? column - 1 : undefined;
  const ref = decodeEntities(xml.slice(start, end));
  return ref ? parseRef(ref)?.column : undefined;
}

/** The index just after the `</c>` (or `</x:c>`) closing the cell whose content starts at `from`; -1 if none. */
function cellClose(xml: string, from: number): number {
  for (let k = xml.indexOf('c>', from); k >= 0; k = xml.indexOf('c>', k + 2)) {
    const lt = xml.lastIndexOf('<', k);
    if (lt < 0 || xml.charCodeAt(lt + 1) !== 0x2f /* / */) continue;
    if (k === lt + 2) return k + 2;
    // </prefix:c>: the prefix is one or more of [A-Za-z0-9_.-], then the colon just before c.
    if (k - 1 <= lt + 2 || xml.charCodeAt(k - 1) !== 0x3a /* : */) continue;
    let ok = true;
    for (let q = lt + 2; q < k - 1 && ok; q++) ok = isPrefixChar(xml.charCodeAt(q));
    if (ok) return k + 2;
  }
  return -1;
}

function isPrefixChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 0x5f /* _ */ ||
    c === 0x2e /* . */ ||
    c === 0x2d /* - */
  );
}

export { splice };
