// Custom functions entry (BALANCE.*): thin wrappers over the engine; DIFFRATE is 校际差异率.
import { diffRate } from '../engine/diffRate';

/** A value of the range and where it sits (1-based row and column within the range), for messages. */
interface PlacedNumber {
  value: number;
  row: number;
  column: number;
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function shown(cell: unknown): string {
  return typeof cell === 'string' ? `“${cell}”` : String(cell);
}

/**
 * Flattens a range row by row, skipping blank cells and accepting numbers stored as text. Anything else is the
 * user's data problem, reported with its position in the range so they can find the cell.
 */
function numbersOf(range: unknown[][], what: string): PlacedNumber[] {
  const numbers: PlacedNumber[] = [];
  range.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (isBlank(cell)) return;
      const value =
        typeof cell === 'number'
          ? cell
          : typeof cell === 'string' && NUMBER_TEXT.test(cell.trim())
            ? Number(cell)
            : NaN;
      if (!Number.isFinite(value)) {
        throw invalidValue(`区域第 ${r + 1} 行第 ${c + 1} 列的${what} ${shown(cell)} 不是数字`);
      }
      numbers.push({ value, row: r + 1, column: c + 1 });
    }),
  );
  return numbers;
}

/**
 * Inter-school difference rate of school mean scores: (mean − min) / mean, each school counted once.
 * Blank cells are skipped and numbers stored as text are accepted. A rate below 0.15 meets the standard.
 * @customfunction DIFFRATE
 * @param scores School mean scores, one cell per school.
 * @returns The difference rate, e.g. 0.0816 for 520, 500 and 450.
 */
export function DIFFRATE(scores: unknown[][]): number {
  const placed = numbersOf(scores, '分数');
  // Some hosts hand blank cells over as 0, and no school's mean score is 0: refuse rather than skew the minimum.
  const zero = placed.find((p) => p.value === 0);
  if (zero) {
    throw invalidValue(
      `区域第 ${zero.row} 行第 ${zero.column} 列的分数为 0：学校平均分不应为 0；若是空单元格，请只选择有分数的单元格`,
    );
  }
  const result = diffRate(placed.map((p) => p.value));
  if (result.ok) return result.value;
  if (result.reason === 'invalidScore' && result.index !== undefined) {
    const at = placed[result.index];
    throw invalidValue(`区域第 ${at.row} 行第 ${at.column} 列：${result.message}`);
  }
  throw invalidValue(result.message);
}
