import { columnLetter, rangeAddress } from "../a1";
import { bindLayout, type NameBindings } from "../bindNames";
import type {
  AnalysisLayout,
  LayoutCell,
  LayoutChart,
  LayoutValidation,
  PrintSetup,
  SheetLayout,
  SheetRole,
} from "../layout";
import { freeSheetName, SHEET_MARKERS, sheetReference } from "../marker";
import type { WrittenSheet } from "../port";
import { lookOf, formatKey, type CellLook } from "./cellStyles";
import { fillCovering } from "../fills";
import { coveredBy, fillAddresses, findFillRuns, layoutRuns } from "./formulaFill";
import { parseRange, type Rect } from "./rect";

/**
 * What the Office.js adapter will queue, decided without Excel: the names the sheets, tables and defined names
 * get, what happens to the previous run's sheets (kept and rewritten in place, so a user's formula over
 * 'AI Comparison'!C8 or AIAllocation[NPV] still points at them), and the commands cut into requests small enough
 * for Excel on the web, which refuses a request body above 5 MB. The adapter only turns this plan into Office.js
 * calls, so every decision here is tested without a host.
 */

/** The most one request may carry by our estimate; a margin below the 5 MB the host accepts. */
export const REQUEST_LIMIT_BYTES = 4_000_000;
/** What each queued command costs beyond its data (object path, action, property name), generously. */
export const COMMAND_OVERHEAD_BYTES = 200;

/** What the workbook holds before the write, as the first rounds of loads found it. */
export interface Inventory {
  sheets: string[];
  /** The add-in's sheets, found through the marker names. */
  own: { role: SheetRole; name: string }[];
  /** Every table; `range` (A1 on its sheet) where it is known, needed for the add-in's own tables. */
  tables: { name: string; sheet: string; range?: string }[];
  /** Workbook-level defined names, markers included, with the sheet each points at (null: none, e.g. #REF!). */
  names: { name: string; sheet: string | null; formula?: string }[];
}

/** What a cell is written as: a value cell its value; null leaves the cell alone. */
export type CellInput = string | number | boolean | null;

/** The sheets a command works on are numbered as in `WritePlan.sheets`. */
export type WriteOp =
  /** A sheet the workbook does not have yet, and the defined name that marks it as the add-in's. */
  | { kind: "addSheet"; sheet: number; name: string; marker: string }
  /** Everything on a sheet of an earlier run goes: values, formulas, formats, validations (not its tables). */
  | { kind: "clear"; sheet: number }
  | { kind: "dropTable"; sheet: number; name: string }
  /** Whole rows of a kept table inserted (it grows) or deleted (it shrinks); `address` spans the table's width. */
  | { kind: "tableRows"; sheet: number; address: string; change: "insert" | "delete" }
  | { kind: "addTable"; sheet: number; name: string; range: string }
  /** `values` over `address`, a block of whole layout rows: value cells only, formula cells null. */
  | { kind: "values"; sheet: number; address: string; values: CellInput[][] }
  /** `formulas` over `address`: the formulas that are not filled down, null elsewhere. */
  | { kind: "formulas"; sheet: number; address: string; formulas: (string | null)[][] }
  /** The first row's formulas copied down the rest of a run: `destination.copyFrom(source, "Formulas")`. */
  | { kind: "fill"; sheet: number; source: string; destination: string }
  /**
   * One number format and look down a run of cells in a column: set on the run's first cell and filled down
   * from it ("FillFormats"), so a run of 100,000 cells costs one short command instead of a 100,000-entry array.
   */
  | { kind: "format"; sheet: number; first: string; range: string; numberFormat?: string; look: CellLook | null }
  | { kind: "width"; sheet: number; column: string; points: number }
  /** A workbook-level name over cells of a sheet: `formula` is "='Sheet'!$C$4". */
  | { kind: "name"; name: string; formula: string; change: "add" | "update" }
  | { kind: "dropName"; name: string }
  | { kind: "validation"; sheet: number; validation: LayoutValidation }
  | { kind: "freeze"; sheet: number; rows: number; columns: number }
  | { kind: "print"; sheet: number; print: PrintSetup }
  /** The charts an earlier run left on a kept sheet. */
  | { kind: "dropCharts"; sheet: number }
  | { kind: "chart"; sheet: number; chart: LayoutChart };

export interface PlannedSheet extends WrittenSheet {
  wanted: string;
  /** The defined name that marks it as the add-in's. */
  marker: string;
  /** An earlier run's sheet, rewritten in place; false: added by this run. */
  existing: boolean;
}

export interface WritePlan {
  sheets: PlannedSheet[];
  /** The names the layout's formulas were rebound to. */
  bindings: NameBindings;
  /** The commands, cut into requests; the adapter syncs once after each. */
  requests: WriteOp[][];
  /** Our estimate of each request's size in bytes. */
  requestBytes: number[];
}

/** Bytes of text in UTF-8 (counted, not encoded: no TextEncoder needed where the pane is tested). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON in UTF-8: what it adds to a request body. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

/**
 * Text goes in behind an apostrophe, as a user would type it, so Excel keeps it as text rather than reading
 * "1,200", "TRUE", "Mar 5" or "=x" as a number, a boolean, a date or a formula. The apostrophe is not stored.
 * Formula cells are null here: their formulas are written apart, never their cached value.
 */
export function cellInput(cell: LayoutCell | null, where: () => string): CellInput {
  if (cell === null || cell.formula !== undefined) return null;
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

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A table of an earlier run is the layout's table of that name, or of that name with a free-name suffix. */
function isRunOf(actual: string, wanted: string): boolean {
  return sameName(actual, wanted) || new RegExp(`^${wanted}_\\d+$`, "i").test(actual);
}

/** "A1:M8" of a rectangle. */
function rectRange(rect: Rect): string {
  return rangeAddress(rect.top, rect.left, rect.bottom, rect.right);
}

/** Packs commands into requests in order, starting a new one where the next would pass the limit. */
class RequestPacker {
  readonly requests: WriteOp[][] = [[]];
  readonly bytes: number[] = [0];

  constructor(private readonly limit: number) {}

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

  add(op: WriteOp, bytes = COMMAND_OVERHEAD_BYTES): void {
    if (!this.fits(bytes)) this.startRequest();
    this.requests[this.last].push(op);
    this.bytes[this.last] += bytes;
  }
}

/**
 * Rows of a grid in blocks of whole rows, cut where the next row would pass the request limit; rows where `skip`
 * holds (nothing to write) end a block and are left out.
 */
function planGrid<C extends CellInput>(
  grid: C[][],
  width: number,
  packer: RequestPacker,
  emit: (address: string, block: C[][]) => WriteOp,
  skip: (row: C[]) => boolean = () => false,
): void {
  if (width === 0) return;
  let start = 0;
  let block: C[][] = [];
  // The array's JSON: brackets, then a row and a comma each; and the command that carries it.
  let bytes = COMMAND_OVERHEAD_BYTES + 2;
  const flush = () => {
    if (block.length > 0) packer.add(emit(rangeAddress(start + 1, 1, start + block.length, width), block), bytes);
    block = [];
    bytes = COMMAND_OVERHEAD_BYTES + 2;
  };
  grid.forEach((row, r) => {
    if (skip(row)) {
      flush();
      return;
    }
    if (block.length === 0) start = r;
    const rowBytes = jsonBytes(row) + 1;
    if (!packer.fits(bytes + rowBytes)) {
      flush();
      packer.startRequest();
      start = r;
    }
    block.push(row);
    bytes += rowBytes;
  });
  flush();
}

function widthOf(sheet: Pick<SheetLayout, "rows">): number {
  return Math.max(0, ...sheet.rows.map((r) => r.length));
}

/** Value cells as values; formula cells null (written apart). */
function planValues(sheet: SheetLayout, index: number, packer: RequestPacker): void {
  const width = widthOf(sheet);
  // A filled cell's value is the fill's to compute: written, it would stand where the copied formula goes.
  const grid = sheet.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) =>
      fillCovering(sheet.fills, r + 1, c + 1)
        ? null
        : cellInput(row[c] ?? null, () => `${sheet.name}!${columnLetter(c + 1)}${r + 1}`),
    ),
  );
  planGrid(
    grid,
    width,
    packer,
    (address, values) => ({ kind: "values", sheet: index, address, values }),
    (row) => row.every((v) => v === null),
  );
}

/** Formulas: each fill run's first row and every formula outside a run as text; the runs as one copy each. */
function planFormulas(sheet: SheetLayout, index: number, packer: RequestPacker): WriteOp[] {
  const width = widthOf(sheet);
  const runs = [...layoutRuns(sheet.fills), ...findFillRuns(sheet.rows)];
  const covered = coveredBy(runs);
  const grid = sheet.rows.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const formula = row[c]?.formula;
      return formula === undefined || covered(r + 1, c + 1) ? null : formula;
    }),
  );
  planGrid(
    grid,
    width,
    packer,
    (address, formulas) => ({ kind: "formulas", sheet: index, address, formulas }),
    (row) => row.every((v) => v === null),
  );
  return runs.map((run) => ({ kind: "fill", sheet: index, ...fillAddresses(run) }));
}

/** Runs of one number format and look down each column: one command each, however long the run. */
function planFormats(sheet: SheetLayout, index: number, packer: RequestPacker): void {
  const width = widthOf(sheet);
  for (let c = 0; c < width; c++) {
    const column = columnLetter(c + 1);
    for (let r = 0; r < sheet.rows.length; r++) {
      const cell = sheet.rows[r][c];
      const key = formatKey(cell);
      if (key === null) continue;
      let end = r;
      while (end + 1 < sheet.rows.length && formatKey(sheet.rows[end + 1][c]) === key) end++;
      const first = `${column}${r + 1}`;
      const range = end === r ? first : `${first}:${column}${end + 1}`;
      const op: WriteOp = { kind: "format", sheet: index, first, range, look: lookOf(cell) };
      if (cell?.numberFormat !== undefined) op.numberFormat = cell.numberFormat;
      packer.add(op, 6 * COMMAND_OVERHEAD_BYTES + jsonBytes(key));
      r = end;
    }
  }
}

export interface SheetTables {
  /** Commands before any cell is written: drops, clearing, resizing. */
  prep: WriteOp[];
  /** Tables to add once the cells are written. */
  add: WriteOp[];
}

/**
 * A kept sheet's tables: a table of the layout that an earlier run left at the same top-left and width is kept and
 * grown or shrunk by whole rows (ExcelApi 1.9 has no Table.resize), so references to it survive; any other
 * earlier table is dropped and the layout's table added anew. Rows inserted into or deleted from a table move the
 * tables below it in the same columns, which the plan follows.
 */
export function planKeptTables(
  index: number,
  existing: { name: string; rect: Rect }[],
  wanted: { name: string; rect: Rect }[],
): SheetTables {
  const prep: WriteOp[] = [];
  const add: WriteOp[] = [];
  const current = new Map(existing.map((t) => [t.name.toLowerCase(), { ...t.rect }]));
  const drop = (name: string) => {
    prep.push({ kind: "dropTable", sheet: index, name });
    current.delete(name.toLowerCase());
  };
  const matched = wanted.filter((w) => current.has(w.name.toLowerCase()));
  for (const t of existing) if (!matched.some((m) => sameName(m.name, t.name))) drop(t.name);
  prep.push({ kind: "clear", sheet: index });

  const keep = new Set<string>();
  const order = [...matched].sort(
    (a, b) => current.get(a.name.toLowerCase())!.top - current.get(b.name.toLowerCase())!.top,
  );
  for (const w of order) {
    const key = w.name.toLowerCase();
    const rect = current.get(key)!;
    const others = [...current.entries()].filter(([k, r]) => k !== key && r.top > rect.top);
    const sharesPartly = others.some(
      ([, r]) => r.left <= rect.right && rect.left <= r.right && (r.left < rect.left || r.right > rect.right),
    );
    const bodyOld = rect.bottom - rect.top;
    const bodyNew = w.rect.bottom - w.rect.top;
    if (
      rect.top !== w.rect.top ||
      rect.left !== w.rect.left ||
      rect.right !== w.rect.right ||
      bodyNew < 1 ||
      sharesPartly
    ) {
      drop(w.name);
      continue;
    }
    keep.add(key);
    const delta = bodyNew - bodyOld;
    if (delta === 0) continue;
    // Rows go in within the table's body only (cells half in a table cannot move), so a table grows at most
    // by its own body each time: a few commands however far it grows.
    let body = bodyOld;
    while (body < bodyNew) {
      const rows = Math.min(bodyNew - body, body);
      prep.push({
        kind: "tableRows",
        sheet: index,
        address: rangeAddress(rect.top + 1, rect.left, rect.top + rows, rect.right),
        change: "insert",
      });
      body += rows;
    }
    if (body > bodyNew) {
      const rows = body - bodyNew;
      prep.push({
        kind: "tableRows",
        sheet: index,
        address: rangeAddress(rect.top + 1, rect.left, rect.top + rows, rect.right),
        change: "delete",
      });
    }
    rect.bottom += delta;
    for (const [, r] of others) {
      if (r.left > rect.right || rect.left > r.right) continue;
      r.top += delta;
      r.bottom += delta;
    }
  }
  for (const w of wanted) {
    if (!keep.has(w.name.toLowerCase()))
      add.push({ kind: "addTable", sheet: index, name: w.name, range: rectRange(w.rect) });
  }
  return { prep, add };
}

/**
 * The whole write. Own sheets are those the markers point at; a role the layout writes is rewritten in place on
 * its own sheet (whatever the user renamed it to) or added under the first free name; a role it does not write is
 * left alone, and so is every sheet, table and name of the user's. Formulas are rebound to the names taken.
 *
 * Order, so that every formula finds what it names when it is entered and a failure can be undone: the earlier
 * run's tables dropped, its sheets cleared, kept tables resized, new sheets added; values; tables; defined names;
 * formulas and their fills; formats and widths; validations; then the sheet settings and the charts.
 */
export function planWrite(layout: AnalysisLayout, inventory: Inventory, limit = REQUEST_LIMIT_BYTES): WritePlan {
  const ownOf = (role: SheetRole) => inventory.own.find((o) => o.role === role)?.name;
  const isOwn = (sheet: string) => inventory.own.some((o) => sameName(o.name, sheet));
  const rewritten = layout.sheets.map((s) => ownOf(s.role)).filter((n): n is string => n !== undefined);
  const isRewritten = (sheet: string | null) => sheet !== null && rewritten.some((n) => sameName(n, sheet));

  // Sheets: an own sheet keeps its name; a new one takes the first name no sheet holds.
  const taken = [...inventory.sheets];
  const sheets: PlannedSheet[] = layout.sheets.map((s) => {
    const own = ownOf(s.role);
    const foreignHolds = inventory.sheets.some((n) => sameName(n, s.name) && !isOwn(n));
    const name = own ?? freeSheetName(s.name, taken);
    if (!own) taken.push(name);
    return {
      role: s.role,
      name,
      wanted: s.name,
      renamed: name !== s.name && foreignHolds,
      marker: SHEET_MARKERS[s.role],
      existing: own !== undefined,
    };
  });

  // Tables and defined names share one namespace.
  const ownTables = (sheet: string) =>
    inventory.tables.filter((t) => sameName(t.sheet, sheet) && t.range !== undefined);
  const tableNames = inventory.tables.filter((t) => !isRewritten(t.sheet)).map((t) => t.name);
  const definedNames = inventory.names.filter((n) => !isRewritten(n.sheet)).map((n) => n.name);
  const bindings: Required<NameBindings> = { sheets: {}, tables: {}, names: {} };
  const takenNames = [...tableNames, ...definedNames];
  const keptTables = new Map<number, { name: string; rect: Rect }[]>();
  layout.sheets.forEach((s, i) => {
    if (sheets[i].name !== s.name) bindings.sheets[s.name] = sheets[i].name;
    const earlier = sheets[i].existing ? ownTables(sheets[i].name) : [];
    keptTables.set(
      i,
      earlier.map((t) => ({ name: t.name, rect: parseRange(t.range!) })),
    );
    for (const table of s.tables) {
      const run = earlier.find((t) => isRunOf(t.name, table.name) && !takenNames.some((n) => sameName(n, t.name)));
      const name = run ? run.name : freeTableName(table.name, takenNames);
      takenNames.push(name);
      if (name !== table.name) bindings.tables[table.name] = name;
    }
  });
  const nameChanges: WriteOp[] = [];
  layout.sheets.forEach((s, i) => {
    for (const n of s.names ?? []) {
      // An earlier run's name (on a sheet being rewritten, or left dangling), under the name it took then, is
      // updated; a user's is never touched.
      const earlier = inventory.names.find(
        (x) =>
          isRunOf(x.name, n.name) &&
          (x.sheet === null || isRewritten(x.sheet)) &&
          !takenNames.some((t) => sameName(t, x.name)),
      );
      const ours = earlier !== undefined;
      const name = earlier
        ? earlier.name
        : freeTableName(n.name, [...takenNames, ...inventory.names.map((x) => x.name)]);
      takenNames.push(name);
      if (name !== n.name) bindings.names[n.name] = name;
      const ref = n.ref
        .replace(/\$/g, "")
        .replace(/([A-Za-z]+)(\d+)/g, "$$$1$$$2")
        .toUpperCase();
      nameChanges.push({
        kind: "name",
        name,
        formula: `=${sheetReference(sheets[i].name, ref)}`,
        change: ours ? "update" : "add",
      });
    }
  });
  const written = new Set(nameChanges.map((op) => (op.kind === "name" ? op.name.toLowerCase() : "")));
  const markers = new Set(Object.values(SHEET_MARKERS).map((m) => m.toLowerCase()));
  for (const n of inventory.names) {
    if (!isRewritten(n.sheet) || markers.has(n.name.toLowerCase()) || written.has(n.name.toLowerCase())) continue;
    nameChanges.unshift({ kind: "dropName", name: n.name });
  }
  const bound = bindLayout(layout, bindings).sheets;

  const packer = new RequestPacker(limit);
  const adds: WriteOp[] = [];
  bound.forEach((sheet, i) => {
    if (!sheets[i].existing) {
      packer.add(
        { kind: "addSheet", sheet: i, name: sheets[i].name, marker: sheets[i].marker },
        3 * COMMAND_OVERHEAD_BYTES,
      );
      adds.push(...sheet.tables.map((t): WriteOp => ({ kind: "addTable", sheet: i, name: t.name, range: t.range })));
      return;
    }
    const plan = planKeptTables(
      i,
      keptTables.get(i) ?? [],
      sheet.tables.map((t) => ({ name: t.name, rect: parseRange(t.range) })),
    );
    for (const op of plan.prep) packer.add(op, 2 * COMMAND_OVERHEAD_BYTES);
    adds.push(...plan.add);
  });
  for (const op of nameChanges) if (op.kind === "dropName") packer.add(op);
  bound.forEach((sheet, i) => planValues(sheet, i, packer));
  for (const op of adds) packer.add(op, 2 * COMMAND_OVERHEAD_BYTES);
  for (const op of nameChanges) if (op.kind === "name") packer.add(op, COMMAND_OVERHEAD_BYTES + jsonBytes(op.formula));
  bound.forEach((sheet, i) => {
    for (const fill of planFormulas(sheet, i, packer)) packer.add(fill, 2 * COMMAND_OVERHEAD_BYTES);
  });
  bound.forEach((sheet, i) => {
    planFormats(sheet, i, packer);
    sheet.columnWidths.forEach((chars, c) =>
      packer.add({ kind: "width", sheet: i, column: columnLetter(c + 1), points: charsToPoints(chars) }),
    );
    for (const validation of sheet.validations ?? []) {
      packer.add({ kind: "validation", sheet: i, validation }, 2 * COMMAND_OVERHEAD_BYTES + jsonBytes(validation));
    }
  });
  bound.forEach((sheet, i) => {
    if (sheet.freeze) packer.add({ kind: "freeze", sheet: i, ...sheet.freeze }, 2 * COMMAND_OVERHEAD_BYTES);
    if (sheet.print) packer.add({ kind: "print", sheet: i, print: sheet.print }, 4 * COMMAND_OVERHEAD_BYTES);
    if (sheets[i].existing) packer.add({ kind: "dropCharts", sheet: i });
    for (const chart of sheet.charts) {
      packer.add({ kind: "chart", sheet: i, chart }, 3 * COMMAND_OVERHEAD_BYTES + jsonBytes(chart));
    }
  });

  return { sheets, bindings, requests: packer.requests, requestBytes: packer.bytes };
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
  const packer = new RequestPacker(limit - 2 * COMMAND_OVERHEAD_BYTES);
  const layout: SheetLayout = {
    role: "allocation",
    name: sheet,
    rows: rows.map((row) => row.map((value) => ({ value }))),
    tables: [],
    columnWidths: [],
    charts: [],
  };
  planValues(layout, 0, packer);
  return {
    sheet,
    address: rangeAddress(1, 1, Math.max(rows.length, 2), width),
    headers: Array.from({ length: width }, (_, c) => String(rows[0][c] ?? "")),
    rowCount: rows.length - 1,
    requests: packer.requests,
  };
}
