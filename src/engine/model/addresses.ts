/** Excel cell addresses: column letters ⇄ 0-based column indexes, and A1 addresses. */

/** 0-based column index → Excel column letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetter(index0: number): string {
  if (!Number.isInteger(index0) || index0 < 0)
    throw new RangeError(`column index must be a non-negative integer: ${index0}`);
  let n = index0 + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 'A' → 0, 'AA' → 26 (case and surrounding spaces ignored); undefined when the text is not 1–3 column letters. */
export function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1-style address of a 1-based row and 0-based column, e.g. (12, 5) → "F12". */
export function cellAddress(row: number, col0: number): string {
  return `${columnLetter(col0)}${row}`;
}
