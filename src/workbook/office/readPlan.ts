import type { GridValue } from "../layout";
import type { Rect } from "./rect";

/**
 * How the adapter reads a source without passing Excel on the web's 5 MB response limit: in blocks of whole rows,
 * each sized from the largest row read so far, and, for a block of cells picked by address, what that block is
 * now (the user may have added rows or columns since the list was made). Host-free, so it is tested without Excel.
 */

/** The most one read's response may carry by our estimate; a margin below the 5 MB the host sends. */
export const READ_LIMIT_BYTES = 4_000_000;
/** The guess for a cell's JSON before any row has been read: generous for numbers and short text. */
export const FIRST_GUESS_CELL_BYTES = 48;
/** The margin on the largest row read so far: a later row may be longer. */
const ROW_MARGIN = 1.5;
/** The body rows whose number formats tell each column's currency (the first non-empty cell's). */
export const FORMAT_SAMPLE_ROWS = 20;

/** Rows for the next block: the limit over the largest row's bytes so far (or the first guess), at least 1. */
export function blockRows(columns: number, largestRowBytes: number | null, limit = READ_LIMIT_BYTES): number {
  const perRow = largestRowBytes === null ? columns * FIRST_GUESS_CELL_BYTES : largestRowBytes * ROW_MARGIN;
  return Math.max(1, Math.floor(limit / Math.max(perRow, 1)));
}

/**
 * Where to read a block of cells picked by address: from its top-left corner to the bottom-right of what the sheet
 * uses now, and never less than its header row. A block that grew is read whole; one that shrank is trimmed after.
 */
export function readArea(picked: Rect, used: Rect | null): Rect {
  if (used === null) return { ...picked, bottom: picked.top };
  return {
    top: picked.top,
    left: picked.left,
    bottom: Math.max(picked.top, used.bottom),
    right: Math.max(picked.left, used.right),
  };
}

const isEmpty = (v: GridValue | undefined) => v === null || v === undefined || v === "";

/** Whether the rows read so far already show where the block ends (a wholly empty row below the picked block). */
export function blockEnded(rows: readonly GridValue[][], picked: Rect, area: Rect, columns: number): boolean {
  const from = picked.bottom - area.top + 1;
  for (let r = Math.max(1, from); r < rows.length; r++) {
    if (rows[r].slice(0, columns).every(isEmpty)) return true;
  }
  return false;
}

/**
 * The block as it is now, read from `rows` (the area from the picked block's top-left): its columns are the picked
 * ones, plus any the user added on the right (a non-empty header cell next to the last), less trailing columns
 * now wholly empty; its rows are the picked ones less trailing empty rows, plus the rows the user added below, up
 * to the first wholly empty row. The header row always stays.
 */
export function currentBlock(rows: readonly GridValue[][], picked: Rect): { rows: number; columns: number } {
  const header = rows[0] ?? [];
  let columns = picked.right - picked.left + 1;
  while (columns < header.length && !isEmpty(header[columns])) columns++;
  const pickedRows = picked.bottom - picked.top + 1;
  let count = Math.min(pickedRows, rows.length);
  while (count < rows.length && !rows[count].slice(0, columns).every(isEmpty)) count++;
  while (count > 1 && rows[count - 1].slice(0, columns).every(isEmpty)) count--;
  while (columns > 1 && rows.slice(0, count).every((row) => isEmpty(row[columns - 1]))) columns--;
  return { rows: Math.max(1, count), columns };
}

/** Each column's number format: the first body cell's that holds a value, null where none or "General". */
export function columnFormats(
  body: readonly GridValue[][],
  formats: readonly unknown[][],
  columns: number,
): (string | null)[] {
  return Array.from({ length: columns }, (_, c) => {
    for (let r = 0; r < body.length && r < formats.length; r++) {
      if (isEmpty(body[r][c])) continue;
      const format = formats[r]?.[c];
      return typeof format === "string" && format !== "General" ? format : null;
    }
    return null;
  });
}
