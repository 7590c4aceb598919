/** A1-address helpers for the Office.js adapter: rectangles to addresses and RangeAreas addresses back to rectangles. */
import { type CellMerge, columnIndex, columnLetter } from '../../engine';

/** A cell rectangle: 1-based rows, 0-based columns, inclusive (the CellGrid merge convention). */
export type Rect = CellMerge;

/** 'A1' for a single cell, 'A1:C4' otherwise. */
export function rectAddress(rect: Rect): string {
  const start = columnLetter(rect.left) + rect.top;
  return rect.top === rect.bottom && rect.left === rect.right
    ? start
    : `${start}:${columnLetter(rect.right)}${rect.bottom}`;
}

const AREA = /(?:(?:'(?:[^']|'')*'|[^',!\s]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?/g;

/**
 * Parses an address as Excel reports it for a Range or RangeAreas ("Sheet1!A1:B2, 'My, Sheet'!C3") into rectangles.
 * Sheet prefixes are dropped: callers already know the sheet.
 */
export function parseAreas(address: string): Rect[] {
  const rects: Rect[] = [];
  for (const match of address.matchAll(AREA)) {
    const [, c1, r1, c2, r2] = match;
    // The pattern allows only 1–3 letters, which columnIndex always reads.
    const left = columnIndex(c1) as number;
    const top = Number(r1);
    const right = c2 ? (columnIndex(c2) as number) : left;
    const bottom = r2 ? Number(r2) : top;
    rects.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
  return rects;
}

/**
 * Splits addresses into comma-joined lists no longer than `maxChars` each, for `worksheet.getRanges(…)`
 * (Excel refuses address strings of 8,192 characters or more).
 */
export function chunkAddresses(addresses: readonly string[], maxChars = 8000): string[] {
  if (maxChars >= 8192) throw new RangeError('maxChars 必须小于 8192');
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    if (address.length > maxChars) throw new RangeError(`单个地址超过 ${maxChars} 个字符：${address}`);
    if (current === '') current = address;
    else if (current.length + 1 + address.length <= maxChars) current += ',' + address;
    else {
      chunks.push(current);
      current = address;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}
