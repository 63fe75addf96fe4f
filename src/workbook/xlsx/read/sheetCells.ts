import type { GridValue } from "../../layout";
import { XlsxError } from "./errors";
import { readStringItem, unescapeXstring } from "./sharedStrings";
import { CLOSE, END, OPEN, TEXT, XmlCursor } from "./xmlCursor";

/**
 * A worksheet's cells, streamed: one pass over `<sheetData>`, each cell handed to the caller as the value it shows
 * and then forgotten, so memory does not grow with the sheet. Nothing is allocated by the sheet's `<dimension>`
 * (a sheet may claim A1:XFD1048576 and hold ten cells), and rows outside the rows asked for are skipped unread.
 */

/** What a cell value needs from the rest of the workbook. */
export interface CellContext {
  /** The shared strings, loaded on the first cell that needs them. */
  sharedStrings(): readonly string[];
  date1904: boolean;
}

/** Return true to stop the scan. */
export type CellVisitor = (row: number, column: number, value: GridValue, style: number) => boolean | void;

export interface RowRange {
  /** First row wanted (1-based); rows above it are skipped unread. */
  from?: number;
  /** Last row wanted; the scan ends after it (rows are in ascending order, as Excel requires). */
  to?: number;
}

const MS_PER_DAY = 86_400_000;
/** Excel's serial day of 1970-01-01 in the 1900 date system, and how far the 1904 system is behind it. */
const UNIX_EPOCH_SERIAL = 25569;
const DAYS_1900_TO_1904 = 1462;

/** A `t="d"` cell's ISO 8601 date as the serial day number the workbook's date system gives it. */
function isoDateSerial(text: string, date1904: boolean): GridValue {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? `${text}T00:00:00Z`
    : /[zZ]|[+-]\d{2}:?\d{2}$/.test(text)
      ? text
      : `${text}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return text;
  const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return date1904 ? serial - DAYS_1900_TO_1904 : serial;
}

/** "B12" → column 2 and row 12, without building a string; [0, 0] where it is not a cell reference. */
function parseReference(reference: string): [number, number] {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const c = reference.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  let row = 0;
  for (; i < reference.length; i++) {
    const d = reference.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return [0, 0];
    row = row * 10 + d;
  }
  return [column, row];
}

function cellValue(
  type: string | undefined,
  raw: string | null,
  inline: string | null,
  context: CellContext,
  what: string,
  reference: string,
): GridValue {
  if (inline !== null && (type === "inlineStr" || raw === null)) return inline;
  if (raw === null) return null;
  switch (type) {
    case "s": {
      const index = Number(raw);
      const strings = context.sharedStrings();
      if (!Number.isInteger(index) || index < 0 || index >= strings.length) {
        throw new XlsxError(
          `The workbook is damaged: cell ${reference} of ${what} refers to shared string ${raw.trim()}, which does ` +
            "not exist. Open it in Excel, let Excel repair it, and save it again.",
        );
      }
      return strings[index];
    }
    case "str":
    case "inlineStr":
      return unescapeXstring(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: raw.trim() };
    case "d":
      return isoDateSerial(raw.trim(), context.date1904);
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}

/**
 * Visits the cells of a worksheet part's text that hold a value (a styled empty cell is not visited), row by row,
 * left to right. `what` names the sheet in messages.
 */
export function scanCells(
  xml: string,
  what: string,
  context: CellContext,
  visit: CellVisitor,
  rows: RowRange = {},
): void {
  const from = rows.from ?? 1;
  const to = rows.to ?? Infinity;
  const cursor = new XmlCursor(xml, what);
  let inSheetData = false;
  let row = 0;
  let column = 0;
  for (let token = cursor.next(); token !== END; token = cursor.next()) {
    if (token === CLOSE) {
      if (cursor.name === "sheetData") return;
      continue;
    }
    if (token !== OPEN) continue;
    const name = cursor.name;
    if (!inSheetData) {
      if (name === "sheetData") {
        if (cursor.selfClosing) return;
        inSheetData = true;
      }
      continue;
    }
    if (name === "row") {
      const r = cursor.attr("r");
      row = r === undefined ? row + 1 : Number(r);
      column = 0;
      if (row > to) return;
      if (row < from) cursor.skipFast();
      continue;
    }
    if (name !== "c") continue;
    const reference = cursor.attr("r");
    if (reference !== undefined) {
      const [c, r] = parseReference(reference);
      if (c > 0) column = c;
      else column++;
      if (r > 0 && r !== row) {
        row = r;
        if (row > to) return;
      }
    } else column++;
    const type = cursor.attr("t");
    const s = cursor.attr("s");
    const style = s === undefined ? 0 : Number(s);
    if (cursor.selfClosing) continue;
    let raw: string | null = null;
    let inline: string | null = null;
    const depth = cursor.depth;
    for (let inner = cursor.next(); ; inner = cursor.next()) {
      if (inner === CLOSE && cursor.depth < depth) break;
      if (inner === END) break;
      if (inner !== OPEN) continue;
      if (cursor.name === "v") {
        raw = "";
        if (cursor.selfClosing) continue;
        for (let t = cursor.next(); t !== CLOSE; t = cursor.next()) if (t === TEXT) raw += cursor.text;
      } else if (cursor.name === "is") {
        inline = readStringItem(cursor);
      } else {
        // <f> (the cached <v> is what the cell shows) and extensions.
        cursor.skip();
      }
    }
    if (row < from) continue;
    const value = cellValue(type, raw, inline, context, what, reference ?? `in row ${row}`);
    if (value === null) continue;
    if (visit(row, column, value, style) === true) return;
  }
}
