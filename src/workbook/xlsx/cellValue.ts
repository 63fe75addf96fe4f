import type { CellValue } from "exceljs";
import type { GridValue } from "../layout";

/** Days from Excel's 1900 epoch (as Excel counts it, with its 1900 leap day) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** A date as Excel stores it: a serial day number. ExcelJS reads dates as UTC instants, so this inverts that. */
export function excelSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

function richTextToString(value: { richText: { text: string }[] }): string {
  return value.richText.map((run) => run.text).join("");
}

/**
 * What a cell shows, as the reader takes it: rich text and hyperlinks as their text, a formula as its cached
 * result, an error as `{ error }`, a date as its serial number.
 */
export function gridValue(value: CellValue | undefined): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return excelSerial(value);
  if (typeof value !== "object") return String(value);
  if ("error" in value && typeof value.error === "string") return { error: value.error };
  if ("richText" in value && Array.isArray(value.richText)) return richTextToString(value);
  if ("formula" in value || "sharedFormula" in value) {
    return gridValue((value as { result?: CellValue }).result);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) {
      return richTextToString(text as { richText: { text: string }[] });
    }
  }
  return null;
}

/** The value as header text: what a table column is called. */
export function gridText(value: GridValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value);
}
