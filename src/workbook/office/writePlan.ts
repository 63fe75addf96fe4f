import { columnLetter, rangeAddress } from "../a1";
import type { AnalysisLayout, LayoutCell, LayoutChart, SheetLayout, SheetRole } from "../layout";
import { freeSheetName, roleOfMarker, SHEET_MARKERS } from "../marker";
import type { WrittenSheet } from "../port";

/**
 * What the Office.js adapter will queue, decided without Excel: the sheet and table names, and the cell writes cut
 * into requests small enough for Excel on the web, which refuses a request body above 5 MB. The adapter only
 * turns this plan into Office.js calls, so every decision here is tested without a host.
 */

/** The most one request may carry by our estimate; a margin below the 5 MB the host accepts. */
export const REQUEST_LIMIT_BYTES = 4_000_000;
/** What each queued command costs beyond its data (object path, action, property name), generously. */
export const COMMAND_OVERHEAD_BYTES = 200;

/** What the workbook holds before the write, as two rounds of loads found it. */
export interface Inventory {
  sheets: string[];
  /** The add-in's sheets, found through the marker names. */
  own: { role: SheetRole; name: string }[];
  tables: { name: string; sheet: string }[];
  /** Workbook-level defined names, markers included. */
  names: string[];
}

/** What a cell is written as: a formula cell its formula, a value cell its value; null leaves the cell alone. */
export type CellInput = string | number | boolean | null;

export type WriteOp =
  /** `formulas` over `address`, a block of whole layout rows. */
  | { kind: "cells"; sheet: number; address: string; formulas: CellInput[][] }
  /**
   * One number format down a run of cells in a column: set on the run's first cell and filled down from it, so a
   * run of 100,000 cells costs one short command instead of a 100,000-entry array.
   */
  | { kind: "format"; sheet: number; first: string; range: string; format: string }
  | { kind: "bold"; sheet: number; address: string }
  | { kind: "width"; sheet: number; column: string; points: number }
  | { kind: "table"; sheet: number; name: string; range: string }
  | { kind: "chart"; sheet: number; chart: LayoutChart };

export interface PlannedSheet extends WrittenSheet {
  wanted: string;
  /** The defined name that marks it as the add-in's. */
  marker: string;
}

export interface WritePlan {
  sheets: PlannedSheet[];
  /** Sheets of an earlier run: renamed out of the way first, deleted once the new ones exist. */
  retire: { name: string; temporary: string }[];
  /** Marker names already in the workbook: deleted before the new ones are added (a name cannot be added twice). */
  staleMarkers: string[];
  /** The commands, cut into requests; the adapter syncs once after each. */
  requests: WriteOp[][];
  /** Our estimate of each request's size in bytes, the fixed commands of the first one included. */
  requestBytes: number[];
}

const encoder = new TextEncoder();

/** Bytes of a value as JSON in UTF-8: what it adds to a request body. */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

/**
 * Text goes in behind an apostrophe, as a user would type it, so Excel keeps it as text rather than reading
 * "1,200", "TRUE", "Mar 5" or "=x" as a number, a boolean, a date or a formula. The apostrophe is not stored.
 */
export function cellInput(cell: LayoutCell | null, where: () => string): CellInput {
  if (cell === null) return null;
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value;
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(`${where()}: the layout holds ${value}, which no Excel cell can hold`);
  }
  if (typeof value === "string") return value === "" ? null : `'${value}`;
  return value;
}

/** Excel's column width in points for a width in characters of the default font (7 px a character, 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** A table name no table and no defined name holds: "AIAllocation", else "AIAllocation_2", … (case-insensitive). */
export function freeTableName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function boldRuns(row: (LayoutCell | null)[], rowNumber: number): string[] {
  const runs: string[] = [];
  for (let c = 0; c < row.length; c++) {
    if (!row[c]?.bold) continue;
    let end = c;
    while (end + 1 < row.length && row[end + 1]?.bold) end++;
    runs.push(rangeAddress(rowNumber, c + 1, rowNumber, end + 1));
    c = end;
  }
  return runs;
}

/** Packs commands into requests in order, starting a new one where the next would pass the limit. */
class RequestPacker {
  readonly requests: WriteOp[][] = [[]];
  readonly bytes: number[];

  constructor(
    private readonly limit: number,
    fixedBytes: number,
  ) {
    this.bytes = [fixedBytes];
  }

  private get last(): number {
    return this.requests.length - 1;
  }

  fits(bytes: number): boolean {
    return this.bytes[this.last] + bytes <= this.limit;
  }

  /** Opens a new request unless the current one is still empty. */
  startRequest(): void {
    if (this.requests[this.last].length === 0) return;
    this.requests.push([]);
    this.bytes.push(0);
  }

  add(op: WriteOp, bytes: number): void {
    if (!this.fits(bytes)) this.startRequest();
    this.requests[this.last].push(op);
    this.bytes[this.last] += bytes;
  }
}

/** Whole rows of one sheet, cut where the next row would pass the request limit. */
function planCells(sheet: Pick<SheetLayout, "name" | "rows">, index: number, packer: RequestPacker): void {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  if (width === 0) return;
  let start = 0;
  let formulas: CellInput[][] = [];
  // The array's JSON: brackets, then a row and a comma each; and the command that carries it.
  let bytes = COMMAND_OVERHEAD_BYTES + 2;
  const flush = () => {
    if (formulas.length === 0) return;
    const address = rangeAddress(start + 1, 1, start + formulas.length, width);
    packer.add({ kind: "cells", sheet: index, address, formulas }, bytes);
    start += formulas.length;
    formulas = [];
    bytes = COMMAND_OVERHEAD_BYTES + 2;
  };
  sheet.rows.forEach((row, r) => {
    const inputs: CellInput[] = [];
    for (let c = 0; c < width; c++) {
      inputs.push(cellInput(row[c] ?? null, () => `${sheet.name}!${columnLetter(c + 1)}${r + 1}`));
    }
    const rowBytes = jsonBytes(inputs) + 1;
    if (!packer.fits(bytes + rowBytes)) {
      flush();
      packer.startRequest();
    }
    formulas.push(inputs);
    bytes += rowBytes;
  });
  flush();
}

/** Runs of one number format down each column: one command each, however long the run. */
function planFormats(sheet: SheetLayout, index: number, packer: RequestPacker): void {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const column = columnLetter(c + 1);
    for (let r = 0; r < sheet.rows.length; r++) {
      const format = sheet.rows[r][c]?.numberFormat;
      if (format === undefined) continue;
      let end = r;
      while (end + 1 < sheet.rows.length && sheet.rows[end + 1][c]?.numberFormat === format) end++;
      const first = `${column}${r + 1}`;
      const range = end === r ? first : `${first}:${column}${end + 1}`;
      packer.add(
        { kind: "format", sheet: index, first, range, format },
        2 * COMMAND_OVERHEAD_BYTES + jsonBytes(format),
      );
      r = end;
    }
  }
}

/**
 * The whole write: which names the sheets and tables get, what goes away, and the commands in requests. Own sheets
 * are those the markers point at; every other sheet is foreign and keeps its name, so a new sheet whose name a
 * foreign sheet holds takes the next free one.
 */
export function planWrite(layout: AnalysisLayout, inventory: Inventory, limit = REQUEST_LIMIT_BYTES): WritePlan {
  const isOwn = (sheet: string) => inventory.own.some((o) => sameName(o.name, sheet));
  const foreignSheets = inventory.sheets.filter((s) => !isOwn(s));

  const taken = [...foreignSheets];
  const sheets: PlannedSheet[] = layout.sheets.map((s) => {
    const name = freeSheetName(s.name, taken);
    taken.push(name);
    return { role: s.role, name, wanted: s.name, renamed: name !== s.name, marker: SHEET_MARKERS[s.role] };
  });

  const everyName = [...inventory.sheets, ...sheets.map((s) => s.name)];
  const retire = inventory.own
    .filter((o, i, all) => all.findIndex((x) => sameName(x.name, o.name)) === i)
    .map((o) => {
      const temporary = freeSheetName(`AIBUDGET old ${o.role}`, everyName);
      everyName.push(temporary);
      return { name: o.name, temporary };
    });

  const staleMarkers = inventory.names.filter((n) => roleOfMarker(n) !== null);
  // Tables and defined names share one namespace; the old sheets' tables go with them.
  const takenTables = [
    ...inventory.tables.filter((t) => !isOwn(t.sheet)).map((t) => t.name),
    ...inventory.names.filter((n) => roleOfMarker(n) === null),
  ];

  // The first request also carries the fixed commands: rename, add and delete sheets, delete and add names.
  const fixed = (retire.length * 2 + staleMarkers.length + sheets.length * 2) * COMMAND_OVERHEAD_BYTES;
  const packer = new RequestPacker(limit, fixed);
  layout.sheets.forEach((sheet, index) => {
    planCells(sheet, index, packer);
    planFormats(sheet, index, packer);
    sheet.rows.forEach((row, r) => {
      for (const address of boldRuns(row, r + 1))
        packer.add({ kind: "bold", sheet: index, address }, COMMAND_OVERHEAD_BYTES);
    });
    sheet.columnWidths.forEach((chars, c) => {
      const op: WriteOp = { kind: "width", sheet: index, column: columnLetter(c + 1), points: charsToPoints(chars) };
      packer.add(op, COMMAND_OVERHEAD_BYTES);
    });
  });
  layout.sheets.forEach((sheet, index) => {
    for (const table of sheet.tables) {
      const name = freeTableName(table.name, takenTables);
      takenTables.push(name);
      packer.add({ kind: "table", sheet: index, name, range: table.range }, 2 * COMMAND_OVERHEAD_BYTES);
    }
    for (const chart of sheet.charts) {
      packer.add({ kind: "chart", sheet: index, chart }, 3 * COMMAND_OVERHEAD_BYTES + jsonBytes(chart));
    }
  });

  return { sheets, retire, staleMarkers, requests: packer.requests, requestBytes: packer.bytes };
}

export interface InsertPlan {
  sheet: string;
  /** A1 range of the new table, header included. */
  address: string;
  headers: string[];
  rowCount: number;
  requests: WriteOp[][];
}

/**
 * Rows (header first) for a new sheet under a free name, cut into requests like an analysis. An Excel table needs
 * a body row, so a header alone gets one empty row under it.
 */
export function planInsert(
  wanted: string,
  rows: (string | number)[][],
  sheets: readonly string[],
  limit = REQUEST_LIMIT_BYTES,
): InsertPlan {
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (rows.length === 0 || width === 0) {
    throw new Error(`Cannot insert the table "${wanted}": it has no header row; expected at least one column.`);
  }
  const sheet = freeSheetName(wanted, sheets);
  const packer = new RequestPacker(limit, 2 * COMMAND_OVERHEAD_BYTES);
  planCells({ name: sheet, rows: rows.map((row) => row.map((value) => ({ value }))) }, 0, packer);
  return {
    sheet,
    address: rangeAddress(1, 1, Math.max(rows.length, 2), width),
    headers: Array.from({ length: width }, (_, c) => String(rows[0][c] ?? "")),
    rowCount: rows.length - 1,
    requests: packer.requests,
  };
}
