import type { GridValue } from "../layout";
import { parseRange, type Rect } from "./rect";
import { localAddress } from "./reference";

/**
 * One cell as the reader takes it. Office.js gives an error cell as its text ("#N/A") in `values`, the same as a
 * string a user typed, so the adapter asks Excel where the error cells are (`getSpecialCellsOrNullObject`) rather
 * than loading `valueTypes`, which would double the response; an empty cell comes back as "".
 */
export function gridCell(value: unknown, isError: boolean): GridValue {
  if (isError) return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value === null || value === undefined || value === "") return null;
  return String(value);
}

/**
 * The cells a RangeAreas address lists ("Budget!C3,Budget!D5:D7", quoted sheet names allowed), as 1-based
 * "row:column" keys.
 */
export function errorCells(addresses: readonly (string | null)[]): Set<string> {
  const cells = new Set<string>();
  for (const address of addresses) {
    if (!address) continue;
    for (const part of splitAreas(address)) {
      const rect: Rect = parseRange(localAddress(part));
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) cells.add(`${r}:${c}`);
    }
  }
  return cells;
}

/** Splits a RangeAreas address at the commas outside quoted sheet names. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

/** A block's values as grid values, `top`/`left` its 1-based corner so the error cells can be found. */
export function gridValues(values: unknown[][], top: number, left: number, errors: Set<string>): GridValue[][] {
  return values.map((row, r) => row.map((value, c) => gridCell(value, errors.has(`${top + r}:${left + c}`))));
}

/** A header cell as text, what a column is called: an empty cell is "", an error its text. */
export function headerText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
