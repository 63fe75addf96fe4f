import type { GridValue } from "../layout";

/** Excel.RangeValueType, spelled out so this module stays host-free. */
export type ValueType = "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue";

/**
 * One cell as the reader takes it. Office.js gives an error cell as its text ("#N/A") in `values`, the same as a
 * string a user typed, so only `valueTypes` tells them apart; an empty cell comes back as "".
 */
export function gridCell(value: unknown, type: ValueType | undefined): GridValue {
  if (type === "Empty") return null;
  if (type === "Error") return { error: String(value) };
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value === null || value === undefined || value === "") return null;
  return String(value);
}

export function gridValues(values: unknown[][], types: ValueType[][]): GridValue[][] {
  return values.map((row, r) => row.map((value, c) => gridCell(value, types[r]?.[c])));
}

/** A header cell as text, what a column is called: an empty cell is "", an error its text. */
export function headerText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
