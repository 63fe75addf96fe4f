import { parseCellAddress, rangeAddress } from "../a1";

/** A block of cells by its 1-based corners, as the adapter reasons about ranges without Excel. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3:I10" or "C4" (no sheet, "$" allowed) as a Rect. */
export function parseRange(address: string): Rect {
  const [a, b = a, ...rest] = address.replace(/\$/g, "").trim().split(":");
  const first = parseCellAddress(a);
  const last = parseCellAddress(b);
  if (!first || !last || rest.length > 0) throw new Error(`"${address}" is not an A1 range`);
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.column, last.column),
  };
}

export function rectAddress(rect: Rect): string {
  return rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
}
