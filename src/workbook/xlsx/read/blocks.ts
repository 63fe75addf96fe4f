import { parseCellAddress, rangeAddress } from "../../a1";

/** A block of cells on one sheet, 1-based and inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function blockAddress(block: Block): string {
  return rangeAddress(block.top, block.left, block.bottom, block.right);
}

/** "B3:I10" (or a single cell "B3", "$B$3") → a block; undefined for anything else. */
export function parseBlock(address: string): Block | undefined {
  const [first, second, ...rest] = address.split(":");
  if (rest.length > 0 || first === undefined) return undefined;
  const a = parseCellAddress(first);
  const b = second === undefined ? a : parseCellAddress(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function insideBlock(block: Block, row: number, column: number): boolean {
  return row >= block.top && row <= block.bottom && column >= block.left && column <= block.right;
}

/**
 * The non-empty cells of a sheet as (row, column) pairs in the order a sheet lists them (rows ascending, then
 * columns), in typed arrays: a sheet of a million cells costs 8 MB here, not a million objects.
 */
export class UsedCells {
  private rowsOf = new Int32Array(1024);
  private columnsOf = new Int32Array(1024);
  length = 0;

  add(row: number, column: number): void {
    if (this.length === this.rowsOf.length) {
      const rows = new Int32Array(this.length * 2);
      rows.set(this.rowsOf);
      this.rowsOf = rows;
      const columns = new Int32Array(this.length * 2);
      columns.set(this.columnsOf);
      this.columnsOf = columns;
    }
    this.rowsOf[this.length] = row;
    this.columnsOf[this.length] = column;
    this.length++;
  }

  row(i: number): number {
    return this.rowsOf[i];
  }

  column(i: number): number {
    return this.columnsOf[i];
  }
}

/** How far down a band the header is looked for; the rows below are body rows. */
const HEADER_SEARCH_ROWS = 50;

/** Excel's last column (XFD). */
const MAX_COLUMN = 16384;

/**
 * The sheet's cells outside its Excel tables as blocks: one per band of adjacent used columns, from its header to
 * its last used row. The header is the band's first row filled at least half as much as its fullest row near the
 * top (and with two cells at least), so a title or a "Prepared by / date" line above it is not taken for it; a
 * band with no such row holds no workflow table, which has several columns. Blank rows do not split a block: a
 * workflow table with a gap must not lose the rows below the gap. (The same rule as the ExcelJS adapter had, in
 * one pass per band over the cells sorted by band, so a sheet with many bands costs no more than one with few.)
 */
export function findBlocks(used: UsedCells): Block[] {
  const n = used.length;
  if (n === 0) return [];
  const usedColumn = new Uint8Array(MAX_COLUMN + 2);
  for (let i = 0; i < n; i++) usedColumn[Math.min(used.column(i), MAX_COLUMN + 1)] = 1;
  // Bands: runs of adjacent used columns.
  const bandOf = new Int32Array(MAX_COLUMN + 2).fill(-1);
  const bands: [number, number][] = [];
  for (let c = 1; c <= MAX_COLUMN + 1; c++) {
    if (!usedColumn[c]) continue;
    const last = bands[bands.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else bands.push([c, c]);
    bandOf[c] = bands.length - 1;
  }
  // Counting sort of the cells by band, keeping their sheet order within each band.
  const starts = new Int32Array(bands.length + 1);
  for (let i = 0; i < n; i++) starts[bandOf[Math.min(used.column(i), MAX_COLUMN + 1)] + 1]++;
  for (let b = 0; b < bands.length; b++) starts[b + 1] += starts[b];
  const next = starts.slice(0, bands.length);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[bandOf[Math.min(used.column(i), MAX_COLUMN + 1)]]++] = i;

  const blocks: Block[] = [];
  for (let b = 0; b < bands.length; b++) {
    const block = bandBlock(used, order, starts[b], starts[b + 1]);
    if (block) blocks.push(block);
  }
  return blocks;
}

/** The block of one band, from its cells `order[from..to)` in sheet order; null where no row can be its header. */
function bandBlock(used: UsedCells, order: Int32Array, from: number, to: number): Block | null {
  // Rows of the band with their cell counts, for the header search.
  const rowNumbers: number[] = [];
  const rowCounts: number[] = [];
  const rowStarts: number[] = [];
  for (let k = from; k < to; k++) {
    const r = used.row(order[k]);
    if (rowNumbers.length === 0 || rowNumbers[rowNumbers.length - 1] !== r) {
      rowNumbers.push(r);
      rowCounts.push(0);
      rowStarts.push(k);
    }
    rowCounts[rowCounts.length - 1]++;
  }
  let fullest = 0;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, rowCounts.length); i++) fullest = Math.max(fullest, rowCounts[i]);
  const threshold = Math.max(2, Math.ceil(fullest / 2));
  const headerIndex = rowCounts.findIndex((count) => count >= threshold);
  if (headerIndex < 0) return null;
  let left = Infinity;
  let right = 0;
  for (let k = rowStarts[headerIndex]; k < to; k++) {
    const c = used.column(order[k]);
    if (c < left) left = c;
    if (c > right) right = c;
  }
  return { top: rowNumbers[headerIndex], bottom: rowNumbers[rowNumbers.length - 1], left, right };
}
