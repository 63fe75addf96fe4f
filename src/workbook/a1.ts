/**
 * A1 addresses, shared by the reader (to name a cell in a message), the layout builder (to write formulas) and
 * the adapters. Rows and columns are 1-based, as Excel counts them.
 */

/** 1 → "A", 26 → "Z", 27 → "AA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1)
    throw new RangeError(`column must be a whole number from 1; got ${column}`);
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "A" → 1, "AA" → 27, in any case; undefined for anything that is not letters. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

/** (7, 4) → "D7". */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`row must be a whole number from 1; got ${row}`);
  return `${columnLetter(column)}${row}`;
}

/** (1, 1, 8, 13) → "A1:M8": top-left and bottom-right corners. */
export function rangeAddress(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

/** "D7" → { row: 7, column: 4 }; "$D$7" too; undefined for anything else. */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return undefined;
  const column = columnNumber(match[1]);
  const row = Number(match[2]);
  return column === undefined || row < 1 ? undefined : { row, column };
}
