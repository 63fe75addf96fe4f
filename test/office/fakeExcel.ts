import { columnLetter, columnNumber, parseCellAddress } from "../../src/workbook/a1";
import { bindFormula } from "../../src/workbook/bindNames";

/**
 * A small fake of the part of the Excel JavaScript API the Office.js adapter uses: worksheets, tables, ranges with
 * values, formulas and formats, defined names, data validation, frozen panes, page layout, settings, charts. It
 * keeps Office.js's batching: every command is queued and runs at `context.sync()`, a property reads only after
 * `load` and a sync, a null object is known only after a sync. It measures each request (the JSON of what was
 * queued since the last sync) and each response (the JSON of what was loaded), and refuses either past 5 MB as
 * Excel on the web does; `values` of a range past 5 million cells is null. A batch is not a transaction: a command
 * that fails leaves the commands before it done, the ones after it not run, as in Excel.
 *
 * Formulas are not calculated, but references are kept as Excel keeps them: renaming a sheet or a table rewrites
 * the formulas that name it, deleting one turns them into #REF!, converting a table to a range turns its
 * structured references into A1 ones. `evaluate` resolves a user's simple formula ('Sheet'!C8, SUM(T[Col]), a
 * defined name) so a test can see whether it still points at something. Not modelled: references moving when
 * cells are inserted or deleted (only tables move).
 */

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  /** The value is an error's text, e.g. "#N/A". */
  error?: boolean;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
}

/** What a test puts in a cell: a value, an error, or a formula with the value it shows. */
export type CellSetup = FakeValue | { error: string } | { formula: string; value: FakeValue; error?: boolean };

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Excel on the web's limit on a request's and a response's payload. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Past this many cells, a range's `values` read as null. */
export const VALUES_CELL_LIMIT = 5_000_000;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface FakeValidation {
  rect: Rect;
  rule: unknown;
}

export class FakeSheet {
  readonly rows: (FakeCell | undefined)[][] = [];
  readonly columnWidths = new Map<number, number>();
  readonly charts: FakeChart[] = [];
  validations: FakeValidation[] = [];
  freeze: { rows: number; columns: number } | null = null;
  page: { orientation?: string; zoom?: unknown; titleRows?: string } = {};
  visibility = "Visible";
  /** Commands that changed a cell, a format or a width here: a source sheet must stay at 0. */
  writes = 0;
  deleted = false;

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cell at an A1 address, for assertions. */
  at(address: string): FakeCell | undefined {
    const p = parseCellAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(p.row, p.column);
  }

  touch(row: number, column: number): FakeCell {
    const cells = (this.rows[row - 1] ??= []);
    return (cells[column - 1] ??= { value: null });
  }

  put(row: number, column: number, cell: FakeCell | undefined): void {
    if (cell === undefined) {
      if (this.rows[row - 1]) delete this.rows[row - 1][column - 1];
      return;
    }
    (this.rows[row - 1] ??= [])[column - 1] = cell;
  }

  /** Every cell that exists in a rectangle, with its position. */
  *cellsIn(rect: Rect): Generator<{ row: number; column: number; cell: FakeCell }> {
    const lastRow = Math.min(rect.bottom, this.rows.length);
    for (let r = rect.top; r <= lastRow; r++) {
      const cells = this.rows[r - 1];
      if (!cells) continue;
      const lastColumn = Math.min(rect.right, cells.length);
      for (let c = rect.left; c <= lastColumn; c++) {
        const cell = cells[c - 1];
        if (cell) yield { row: r, column: c, cell };
      }
    }
  }

  /** The block of cells holding a value or formula (or, unless valuesOnly, a format); null for an empty sheet. */
  usedRect(valuesOnly = true): Rect | null {
    let rect: Rect | null = null;
    this.rows.forEach((cells, r) =>
      cells?.forEach((cell, c) => {
        if (!cell) return;
        const hasValue = cell.formula !== undefined || (cell.value !== null && cell.value !== "");
        const hasFormat = cell.numberFormat !== undefined || cell.bold || cell.fill !== undefined;
        if (!hasValue && (valuesOnly || !hasFormat)) return;
        rect = rect
          ? {
              top: Math.min(rect.top, r + 1),
              left: Math.min(rect.left, c + 1),
              bottom: Math.max(rect.bottom, r + 1),
              right: Math.max(rect.right, c + 1),
            }
          : { top: r + 1, left: c + 1, bottom: r + 1, right: c + 1 };
      }),
    );
    return rect;
  }

  /** The cells' shown values, row by row, for assertions. */
  valuesOf(address: string): FakeValue[][] {
    const rect = parseRect(address);
    const out: FakeValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: FakeValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(this.cell(r, c)?.value ?? null);
      out.push(row);
    }
    return out;
  }
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface FakeName {
  name: string;
  /** null once its sheet was deleted: the name then reads as an Error (#REF!). */
  sheet: FakeSheet | null;
  rect: Rect;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string | undefined;
  title: string;
  anchor: string | null;
  name: string;
}

export interface RequestRecord {
  /** UTF-8 bytes of the JSON of every argument and value queued since the last sync. */
  bytes: number;
  /** UTF-8 bytes of the JSON of every property loaded by the request. */
  responseBytes: number;
  commands: number;
  calculationSuspended: boolean;
}

export function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) {
    const left = columnNumber(columns[1]);
    const right = columnNumber(columns[2]);
    if (left && right) return { top: 1, left, bottom: MAX_ROWS, right };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COLUMNS };
  const [a, b = a, ...rest] = text.split(":");
  const first = parseCellAddress(a);
  const last = parseCellAddress(b);
  if (!first || !last || rest.length > 0)
    throw new OfficeError("InvalidArgument", `The address "${address}" is not valid.`);
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.column, last.column),
  };
}

export function rectAddress(rect: Rect): string {
  const first = `${columnLetter(rect.left)}${rect.top}`;
  const last = `${columnLetter(rect.right)}${rect.bottom}`;
  return first === last ? first : `${first}:${last}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.left >= outer.left && inner.right <= outer.right && inner.top >= outer.top && inner.bottom <= outer.bottom
  );
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** UTF-8 bytes of a value's JSON, counted the plain way (jsdom, where the pane's tests run, has no TextEncoder). */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---- formulas as Excel keeps them --------------------------------------------------------------------------------

const SHEET_REF = String.raw`(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)`;

/** A formula with every reference to `sheet` turned into #REF!, as Excel does when the sheet is deleted. */
function breakSheetReferences(formula: string, sheet: string): string {
  // Most formulas never name the sheet: the regular expression below is what a 50,000-row bench spent its time in.
  const text = formula.toLowerCase();
  const name = sheet.toLowerCase();
  if (!text.includes(name) && !text.includes(name.replace(/'/g, "''"))) return formula;
  return formula.replace(new RegExp(SHEET_REF, "g"), (whole, quoted: string | undefined, bare: string | undefined) => {
    const name = quoted !== undefined ? quoted.replace(/''/g, "'") : bare!;
    return same(name, sheet) ? "#REF!" : whole;
  });
}

const STRUCTURED = (table: string) =>
  new RegExp(String.raw`\b${escapeRegExp(table)}\[((?:[^[\]]|\[[^\]]*\])*)\]`, "gi");

function shiftReference(ref: string, rows: number, columns: number): string {
  return ref.replace(/(\$?)([A-Za-z]{1,3})(\$?)(\d+)/g, (_, colAbs: string, letters: string, rowAbs: string, row) => {
    const column = colAbs ? letters : columnLetter(columnNumber(letters)! + columns);
    const r = rowAbs ? Number(row) : Number(row) + rows;
    if (r < 1) return "#REF!";
    return `${colAbs}${column}${rowAbs}${r}`;
  });
}

/**
 * A formula copied `rows` down and `columns` right: relative A1 references move with it, absolute parts stay;
 * text in quotes, sheet names, function names and structured references are left alone.
 */
export function moveFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const match = /^\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/.exec(formula.slice(i));
    const before = i === 0 ? "" : formula[i - 1];
    if (match && !/[A-Za-z0-9_.]/.test(before) && !/^[A-Za-z0-9_(!]/.test(formula.slice(i + match[0].length))) {
      out += shiftReference(match[0], rows, columns);
      i += match[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(i));
    if (word && !/[A-Za-z0-9_.$]/.test(before)) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function cloneCell(cell: FakeCell | undefined): FakeCell | undefined {
  return cell ? { ...cell } : undefined;
}

/** The workbook and the host: tests set it up, hand `run` to the adapter, then inspect it. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
  readonly requests: RequestRecord[] = [];
  /** Every `load` the adapter queued, as it named the properties: "items" bare is a fault (issue 8, item 10). */
  readonly loads: string[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  recalculations = 0;
  /** A fault to inject: the `request`-th sync from now fails after running `after` of its commands. */
  private fault: { request: number; after: number } | null = null;

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  get largestResponse(): number {
    return Math.max(0, ...this.requests.map((r) => r.responseBytes));
  }

  /** Forgets the syncs counted so far, so a test can count one call's. */
  resetCounts(): void {
    this.requests.length = 0;
    this.loads.length = 0;
  }

  /** The `request`-th sync from now (1 = the next) fails once `after` of its commands have run. */
  failRequest(request: number, after = 0): void {
    this.fault = { request: this.requests.length + request, after };
  }

  /** For FakeContext: the command index at which this request must fail, if any. */
  faultFor(requestNumber: number): number | null {
    if (!this.fault || this.fault.request !== requestNumber) return null;
    const after = this.fault.after;
    this.fault = null;
    return after;
  }

  /** Excel.run's shape. */
  readonly run = <T>(batch: (context: never) => Promise<T>): Promise<T> => batch(new FakeContext(this) as never);

  // ---- setting up a workbook -------------------------------------------------------------------------------

  addSheet(name: string, rows: CellSetup[][] = [], at = "A1"): FakeSheet {
    const sheet = this.createSheet(name);
    this.fill(sheet, rows, at);
    return sheet;
  }

  fill(sheet: FakeSheet, rows: CellSetup[][], at = "A1"): void {
    const origin = parseRect(at);
    rows.forEach((row, r) =>
      row.forEach((setup, c) => {
        if (setup === null) return;
        const cell = sheet.touch(origin.top + r, origin.left + c);
        if (typeof setup !== "object") cell.value = setup;
        else if ("formula" in setup) Object.assign(cell, setup);
        else Object.assign(cell, { value: setup.error, error: true });
      }),
    );
  }

  addTable(name: string, sheet: string, address: string, options: Partial<Omit<FakeTable, "name">> = {}): FakeTable {
    const table: FakeTable = {
      name,
      sheet: this.sheet(sheet),
      rect: parseRect(address),
      showHeaders: true,
      showTotals: false,
      ...options,
    };
    this.tables.push(table);
    return table;
  }

  addName(name: string, sheet: string, address: string): void {
    this.names.push({ name, sheet: this.sheet(sheet), rect: parseRect(address) });
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => same(s.name, name));
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** The sheet a defined name points at, for assertions. */
  sheetOfName(name: string): string | null {
    return this.names.find((n) => same(n.name, name))?.sheet?.name ?? null;
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => same(t.name, name));
  }

  // ---- resolving a user's formula ------------------------------------------------------------------------------

  /**
   * What a simple formula in a user's cell points at now: `='Sheet'!C8` or `=Sheet!C8` that cell's value,
   * `=SUM(Table[Column])` the sum of the column's body, `=SUM('Sheet'!A1:A9)`, `=NAME` the named cell. A formula
   * holding #REF! (its sheet or table was deleted) is "#REF!"; a name or table that does not exist "#NAME?".
   */
  evaluate(sheet: string, address: string): FakeValue {
    const formula = this.sheet(sheet).at(address)?.formula;
    if (formula === undefined) throw new Error(`${sheet}!${address} holds no formula`);
    if (formula.includes("#REF!")) return "#REF!";
    const sum = /^=SUM\((.+)\)$/i.exec(formula);
    const cells = this.referenced(sum ? sum[1] : formula.slice(1), sheet);
    if (cells === null) return "#NAME?";
    if (!sum) return cells.length === 1 ? (cells[0]?.value ?? 0) : "#VALUE!";
    return cells.reduce((total, cell) => total + (typeof cell?.value === "number" ? cell.value : 0), 0);
  }

  private referenced(ref: string, from: string): (FakeCell | undefined)[] | null {
    const cellsOf = (sheet: FakeSheet, rect: Rect) => {
      const out: (FakeCell | undefined)[] = [];
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) out.push(sheet.cell(r, c));
      return out;
    };
    const structured = /^([A-Za-z_\\][A-Za-z0-9_.]*)\[([^[\]]+)\]$/.exec(ref);
    if (structured) {
      const table = this.table(structured[1]);
      if (!table) return null;
      const { rect, sheet } = table;
      const column = Array.from({ length: rect.right - rect.left + 1 }, (_, i) => rect.left + i).find((c) =>
        same(String(sheet.cell(rect.top, c)?.value ?? ""), structured[2]),
      );
      if (column === undefined) return null;
      return cellsOf(sheet, {
        top: rect.top + 1,
        bottom: rect.bottom - (table.showTotals ? 1 : 0),
        left: column,
        right: column,
      });
    }
    const qualified = new RegExp(`^${SHEET_REF}$`).exec(ref);
    if (qualified) {
      const name = qualified[1] !== undefined ? qualified[1].replace(/''/g, "'") : qualified[2];
      const sheet = this.sheets.find((s) => same(s.name, name));
      return sheet ? cellsOf(sheet, parseRect(qualified[3])) : null;
    }
    if (/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/.test(ref))
      return cellsOf(this.sheet(from), parseRect(ref));
    const name = this.names.find((n) => same(n.name, ref));
    if (!name) return null;
    return name.sheet ? cellsOf(name.sheet, name.rect) : null;
  }

  // ---- what the commands do ------------------------------------------------------------------------------------

  private rewriteFormulas(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) {
      for (const { cell } of sheet.cellsIn({ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS })) {
        if (cell.formula !== undefined) cell.formula = rewrite(cell.formula);
      }
    }
  }

  createSheet(name: string): FakeSheet {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new OfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (this.sheets.some((s) => same(s.name, name))) {
      throw new OfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name)) {
      throw new OfficeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (this.sheets.some((s) => s !== sheet && same(s.name, name))) {
      throw new OfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
    const old = sheet.name;
    sheet.name = name;
    // Excel rewrites every formula that names the sheet.
    this.rewriteFormulas((f) => bindFormula(f, { sheets: { [old]: name } }));
  }

  deleteSheet(sheet: FakeSheet): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new OfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i--) {
      const table = this.tables[i];
      if (table.sheet !== sheet) continue;
      this.tables.splice(i, 1);
      this.rewriteFormulas((f) => f.replace(STRUCTURED(table.name), "#REF!"));
    }
    for (const name of this.names) if (name.sheet === sheet) name.sheet = null;
    this.rewriteFormulas((f) => breakSheetReferences(f, sheet.name));
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  renameTable(table: FakeTable, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new OfficeError("InvalidArgument", `Bad table name ${name}`);
    if (this.nameTaken(name, table)) {
      throw new OfficeError("InvalidArgument", `The name "${name}" is already taken by a table or a name.`);
    }
    const old = table.name;
    table.name = name;
    this.rewriteFormulas((f) => bindFormula(f, { tables: { [old]: name } }));
  }

  /** Table.delete(): the table and its cells go; formulas over it become #REF!. */
  deleteTable(table: FakeTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    for (const { row, column } of [...table.sheet.cellsIn(table.rect)]) table.sheet.put(row, column, undefined);
    this.rewriteFormulas((f) => f.replace(STRUCTURED(table.name), "#REF!"));
  }

  /** Table.convertToRange(): the cells stay; structured references to a column become its A1 range. */
  convertTable(table: FakeTable): void {
    this.tables.splice(this.tables.indexOf(table), 1);
    const { rect, sheet } = table;
    this.rewriteFormulas((f) =>
      f.replace(STRUCTURED(table.name), (whole, inner: string) => {
        for (let c = rect.left; c <= rect.right; c++) {
          if (!same(String(sheet.cell(rect.top, c)?.value ?? ""), inner)) continue;
          const column = columnLetter(c);
          return `${sheetPrefix(sheet.name)}!$${column}$${rect.top + 1}:$${column}$${rect.bottom}`;
        }
        return "#REF!";
      }),
    );
  }

  nameTaken(name: string, except?: FakeTable): boolean {
    return this.tables.some((t) => t !== except && same(t.name, name)) || this.names.some((n) => same(n.name, name));
  }

  /**
   * Range.insert("Down") / Range.delete("Up") over whole rows of a table (its full width): the table grows or
   * shrinks, the cells below in those columns move, and so does any table below in the same columns.
   */
  shiftRows(sheet: FakeSheet, rect: Rect, direction: "down" | "up"): void {
    const height = rect.bottom - rect.top + 1;
    const host = this.tables.find((t) => t.sheet === sheet && inside(rect, t.rect));
    if (this.tables.some((t) => t.sheet === sheet && t !== host && overlaps(t.rect, rect))) {
      throw new OfficeError("InvalidOperation", "This operation would move part of a table.");
    }
    if (host && (rect.left !== host.rect.left || rect.right !== host.rect.right)) {
      throw new OfficeError("InvalidOperation", "This operation would move cells of a table.");
    }
    const bodyTop = host ? host.rect.top + (host.showHeaders ? 1 : 0) : 0;
    if (host && rect.top < bodyTop) throw new OfficeError("InvalidOperation", "A table's header row cannot move.");
    if (host && direction === "up" && height >= host.rect.bottom - bodyTop + 1) {
      throw new OfficeError("InvalidOperation", "A table must keep one row.");
    }
    for (const other of this.tables) {
      if (other.sheet !== sheet || other === host || other.rect.bottom < rect.top) continue;
      const sharesColumns = other.rect.left <= rect.right && rect.left <= other.rect.right;
      if (sharesColumns && (other.rect.left < rect.left || other.rect.right > rect.right)) {
        throw new OfficeError("InvalidOperation", "This operation would move part of a table.");
      }
    }
    // Move the cells below in the range's columns.
    const lastRow = sheet.rows.length;
    if (direction === "down") {
      for (let r = lastRow; r >= rect.top; r--) {
        for (let c = rect.left; c <= rect.right; c++) sheet.put(r + height, c, sheet.cell(r, c));
      }
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) sheet.put(r, c, undefined);
    } else {
      for (let r = rect.top; r <= lastRow; r++) {
        for (let c = rect.left; c <= rect.right; c++) sheet.put(r, c, sheet.cell(r + height, c));
      }
    }
    const delta = direction === "down" ? height : -height;
    if (host) host.rect = { ...host.rect, bottom: host.rect.bottom + delta };
    for (const other of this.tables) {
      if (other.sheet !== sheet || other === host || other.rect.bottom < rect.top) continue;
      if (other.rect.left > rect.right || rect.left > other.rect.right) continue;
      other.rect = { ...other.rect, top: other.rect.top + delta, bottom: other.rect.bottom + delta };
    }
    sheet.writes++;
  }
}

// ---- the proxies: what the adapter talks to ----------------------------------------------------------------------

class FakeContext {
  readonly workbook: WorkbookProxy;
  private queue: (() => void)[] = [];
  private bytes = 0;
  private responseBytes = 0;
  private suspended = false;
  private readonly nullables: ProxyBase<unknown>[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues a command; its payload (arguments, a value set) counts towards the request's size. */
  enqueue(payload: unknown, action: () => void): void {
    this.bytes += jsonBytes(payload ?? null);
    this.queue.push(action);
  }

  /** What a load returned: it counts towards the response's size. */
  respond(value: unknown): void {
    this.responseBytes += jsonBytes(value ?? null);
  }

  track(proxy: ProxyBase<unknown>): void {
    this.nullables.push(proxy);
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const record: RequestRecord = {
      bytes: this.bytes,
      responseBytes: 0,
      commands: queue.length,
      calculationSuspended: this.suspended,
    };
    this.excel.requests.push(record);
    this.queue = [];
    this.bytes = 0;
    this.responseBytes = 0;
    this.suspended = false;
    if (record.bytes > PAYLOAD_LIMIT_BYTES) {
      for (const proxy of this.nullables.splice(0)) proxy.abandon();
      throw new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    const failAfter = this.excel.faultFor(this.excel.requests.length);
    try {
      queue.forEach((action, i) => {
        if (i === failAfter) throw new OfficeError("GeneralException", "An internal error has occurred.");
        action();
      });
      if (failAfter !== null && failAfter >= queue.length) {
        throw new OfficeError("GeneralException", "An internal error has occurred.");
      }
    } finally {
      for (const proxy of this.nullables.splice(0)) proxy.settle();
      record.responseBytes = this.responseBytes;
    }
    if (record.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new OfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    }
  }
}

function notLoaded(property: string): Error {
  return new Error(
    `PropertyNotLoaded: the property '${property}' is not available. Call load on the containing object and ` +
      `context.sync() before reading it.`,
  );
}

abstract class ProxyBase<T> {
  private target: T | null | undefined = undefined;
  private settled = false;
  private loaded: Record<string, unknown> | null = null;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly nullable = false,
  ) {
    if (nullable) ctx.track(this as ProxyBase<unknown>);
  }

  protected get excel(): FakeExcel {
    return this.ctx.excel;
  }

  /** Runs at sync time: the object this proxy stands for. */
  resolve(): T {
    if (this.target === undefined) this.target = this.resolver();
    if (this.target === null)
      throw new OfficeError("ItemNotFound", `${this.constructor.name}: the item does not exist.`);
    return this.target;
  }

  private tryResolve(): T | null {
    if (this.target === undefined) {
      try {
        this.target = this.resolver();
      } catch (error) {
        if (!(error instanceof OfficeError)) throw error;
        this.target = null;
      }
    }
    return this.target;
  }

  settle(): void {
    this.tryResolve();
    this.settled = true;
  }

  /** The request never ran: the proxy stays unsettled. */
  abandon(): void {}

  get isNullObject(): boolean {
    if (!this.settled) throw new Error("isNullObject read before context.sync()");
    return this.target === null;
  }

  /** A command on the object; on a null object it does nothing, as Office.js's null objects do. */
  protected command(payload: unknown, action: (target: T) => void): void {
    this.ctx.enqueue(payload, () => {
      const target = this.nullable ? this.tryResolve() : this.resolve();
      if (target !== null) action(target);
    });
  }

  protected abstract read(target: T, property: string): unknown;

  load(properties?: string | string[]): this {
    const list = (Array.isArray(properties) ? properties : (properties ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (list.length === 0) throw new Error("load() with no properties: name what you read");
    this.excel.loads.push(list.join(","));
    this.command(list, (target) => {
      this.loaded ??= {};
      for (const property of list) {
        this.loaded[property] = this.read(target, property);
        this.ctx.respond(this.loaded[property]);
      }
    });
    return this;
  }

  /** Fills properties straight away: for collection items, whose load ran with the collection's. */
  preload(target: T, properties: string[]): this {
    this.target = target;
    this.settled = true;
    this.loaded = {};
    for (const property of properties) {
      this.loaded[property] = this.read(target, property);
      this.ctx.respond(this.loaded[property]);
    }
    return this;
  }

  protected prop<V>(property: string): V {
    if (!this.loaded || !(property in this.loaded)) throw notLoaded(property);
    return this.loaded[property] as V;
  }
}

/** A collection: `load("items/a,items/b")` loads each item's properties; `items` reads them. */
abstract class CollectionProxy<T, P extends ProxyBase<T>> extends ProxyBase<T[]> {
  private snapshot: P[] | null = null;

  protected abstract item(target: T): P;

  protected read(_targets: T[], property: string): unknown {
    throw new Error(`collection property ${property} is not modelled`);
  }

  /** What a bare `load("items")` loads: each item's scalar properties, as Office.js does. */
  protected scalars(): string[] {
    throw new Error("collection load of items is not modelled");
  }

  override load(properties: string): this {
    this.excel.loads.push(properties);
    const itemProperties = properties.split(",").flatMap((p) => {
      if (p.trim() === "items") return this.scalars();
      const match = /^\s*items\/(.+?)\s*$/.exec(p);
      if (!match) throw new Error(`collection load of ${p} is not modelled`);
      return [match[1]];
    });
    this.command(properties, (targets) => {
      this.snapshot = targets.map((t) => this.item(t).preload(t, itemProperties));
    });
    return this;
  }

  get items(): P[] {
    if (!this.snapshot) throw notLoaded("items");
    return this.snapshot;
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx, null);
    this.names = new NameCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
}

class ApplicationProxy {
  constructor(private readonly ctx: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.suspendCalculation();
  }

  calculate(type: string): void {
    this.ctx.enqueue(type, () => this.ctx.excel.recalculations++);
  }
}

class WorksheetCollectionProxy extends CollectionProxy<FakeSheet, WorksheetProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.sheets);
  }

  protected item(sheet: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => sheet);
  }

  protected override scalars(): string[] {
    return ["name", "visibility"];
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.excel.sheets.find((s) => same(s.name, name)) ?? null);
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.excel.sheets.find((s) => same(s.name, name)) ?? null, true);
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.ctx.enqueue(name, () => {
      created = this.excel.createSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created);
  }
}

class WorksheetProxy extends ProxyBase<FakeSheet> {
  protected read(sheet: FakeSheet, property: string): unknown {
    if (property === "name") return sheet.name;
    if (property === "visibility") return sheet.visibility;
    throw new Error(`worksheet property ${property} is not modelled`);
  }

  private live(): FakeSheet {
    const sheet = this.resolve();
    if (sheet.deleted) throw new OfficeError("ItemNotFound", `The sheet "${sheet.name}" was deleted.`);
    return sheet;
  }

  get name(): string {
    return this.prop("name");
  }

  set name(name: string) {
    this.command(name, () => this.excel.renameSheet(this.live(), name));
  }

  get visibility(): string {
    return this.prop("visibility");
  }

  set visibility(visibility: string) {
    this.command(visibility, () => {
      const sheet = this.live();
      if (
        visibility !== "Visible" &&
        this.excel.sheets.filter((s) => s.visibility === "Visible" && s !== sheet).length === 0
      ) {
        throw new OfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
      }
      sheet.visibility = visibility;
    });
  }

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, this);
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, this);
  }

  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this.ctx, this);
  }

  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, this);
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.live(),
      rect: address === undefined ? { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS } : parseRect(address),
    }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.live();
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this.command(undefined, () => (this.excel.activeSheet = this.live()));
  }

  delete(): void {
    this.command(undefined, () => this.excel.deleteSheet(this.live()));
  }

  /** For RangeProxy.worksheet and TableProxy.worksheet. */
  sheetTarget(): FakeSheet {
    return this.live();
  }
}

class FreezePanesProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  freezeAt(address: string): void {
    const rect = parseRect(address);
    if (rect.top !== 1 || rect.left !== 1) throw new OfficeError("InvalidArgument", "Frozen cells start at A1.");
    this.ctx.enqueue(address, () => (this.sheet.sheetTarget().freeze = { rows: rect.bottom, columns: rect.right }));
  }

  freezeRows(count: number): void {
    this.ctx.enqueue(count, () => (this.sheet.sheetTarget().freeze = { rows: count, columns: 0 }));
  }

  freezeColumns(count: number): void {
    this.ctx.enqueue(count, () => (this.sheet.sheetTarget().freeze = { rows: 0, columns: count }));
  }

  unfreeze(): void {
    this.ctx.enqueue(undefined, () => (this.sheet.sheetTarget().freeze = null));
  }
}

class PageLayoutProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  set orientation(orientation: string) {
    if (orientation !== "Portrait" && orientation !== "Landscape") {
      throw new OfficeError("InvalidArgument", `Bad orientation ${orientation}`);
    }
    this.ctx.enqueue(orientation, () => (this.sheet.sheetTarget().page.orientation = orientation));
  }

  set zoom(zoom: unknown) {
    this.ctx.enqueue(zoom, () => (this.sheet.sheetTarget().page.zoom = zoom));
  }

  setPrintTitleRows(rows: string): void {
    const rect = parseRect(rows);
    if (rect.left !== 1 || rect.right !== MAX_COLUMNS) {
      throw new OfficeError("InvalidArgument", "Print title rows must span whole rows.");
    }
    this.ctx.enqueue(rows, () => (this.sheet.sheetTarget().page.titleRows = rows));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

/** What typing `input` into a cell does: "=…" is a formula, "'…" is text, text that looks like a number is one. */
function enter(cell: FakeCell, input: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (typeof input === "string" && input.startsWith("=")) {
    cell.formula = input;
    cell.value = null; // the fake does not calculate
  } else if (typeof input === "string" && input.startsWith("'")) {
    cell.value = input.slice(1);
  } else if (typeof input === "string" && /^[-+]?\d+(\.\d+)?$/.test(input.trim())) {
    cell.value = Number(input);
  } else if (typeof input === "string" && /^(true|false)$/i.test(input.trim())) {
    cell.value = input.trim().toLowerCase() === "true";
  } else if (typeof input === "string" && /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/.test(input.trim())) {
    Object.assign(cell, { value: input.trim(), error: true });
  } else if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
  } else {
    throw new OfficeError("InvalidArgument", `A cell cannot take ${JSON.stringify(input)}.`);
  }
}

const FORMAT_KEYS = ["numberFormat", "bold", "italic", "fill", "fontColor"] as const;

function copyFormats(from: FakeCell | undefined, to: FakeCell): void {
  for (const key of FORMAT_KEYS) {
    if (from?.[key] !== undefined) (to as unknown as Record<string, unknown>)[key] = from[key];
    else delete to[key];
  }
}

class RangeProxy extends ProxyBase<RangeTarget> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.format = new RangeFormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
  }

  protected read({ sheet, rect }: RangeTarget, property: string): unknown {
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      const rows: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(sheet.cell(r, c)));
        rows.push(row);
      }
      return rows;
    };
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    switch (property) {
      case "address":
        return `${sheetPrefix(sheet.name)}!${rectAddress(rect)}`;
      case "rowIndex":
        return rect.top - 1;
      case "columnIndex":
        return rect.left - 1;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return cells > VALUES_CELL_LIMIT ? null : grid((cell) => cell?.value ?? "");
      case "valueTypes":
        return grid((cell) => {
          if (!cell || cell.value === null || cell.value === "") return cell?.formula ? "String" : "Empty";
          if (cell.error) return "Error";
          if (typeof cell.value === "number") return "Double";
          if (typeof cell.value === "boolean") return "Boolean";
          return "String";
        });
      case "formulas":
        return grid((cell) => cell?.formula ?? cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      default:
        throw new Error(`range property ${property} is not modelled`);
    }
  }

  get address(): string {
    return this.prop("address");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(grid: unknown[][]) {
    this.setCells(grid, enter);
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.setCells(grid, enter);
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.setCells(grid, (cell, format) => {
      if (typeof format !== "string") throw new OfficeError("InvalidArgument", "A number format is text.");
      cell.numberFormat = format;
    });
  }

  /** A 2-D array the range's size; null leaves a cell unchanged (Office.js's documented meaning). */
  private setCells(grid: unknown[][], apply: (cell: FakeCell, input: unknown) => void): void {
    this.command(grid, ({ sheet, rect }) => {
      const rows = rect.bottom - rect.top + 1;
      const columns = rect.right - rect.left + 1;
      if (!Array.isArray(grid) || grid.length !== rows || grid.some((row) => row.length !== columns)) {
        throw new OfficeError("InvalidArgument", `The array does not match the range's size (${rows}×${columns}).`);
      }
      grid.forEach((row, r) =>
        row.forEach((input, c) => {
          if (input !== null) apply(sheet.touch(rect.top + r, rect.left + c), input);
        }),
      );
      sheet.writes++;
    });
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }

  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: { ...rect, top: rect.top + index, bottom: rect.top + index } };
    });
  }

  /**
   * "Constants" or "Formulas" cells holding an error ("Errors"): a RangeAreas whose address lists them, or a null
   * object where there is none. Other kinds are not modelled.
   */
  getSpecialCellsOrNullObject(cellType: string, valueType?: string): RangeAreasProxy {
    if ((cellType !== "Constants" && cellType !== "Formulas") || valueType !== "Errors") {
      throw new Error(`getSpecialCells ${cellType}/${valueType} is not modelled`);
    }
    return new RangeAreasProxy(
      this.ctx,
      () => {
        const { sheet, rect } = this.resolve();
        const areas: Rect[] = [];
        for (const { row, column, cell } of sheet.cellsIn(rect)) {
          if (!cell.error || (cellType === "Formulas") !== (cell.formula !== undefined)) continue;
          areas.push({ top: row, left: column, bottom: row, right: column });
        }
        return areas.length === 0 ? null : { sheet, areas };
      },
      true,
    );
  }

  /** "FillFormats" (the source's formats repeated down) and "FillCopy" (cells copied, formulas moved). */
  autoFill(destination: string, type: string): void {
    this.command([destination, type], ({ sheet, rect }) => {
      if (type !== "FillFormats" && type !== "FillCopy") throw new Error(`autoFill ${type} is not modelled`);
      const target = parseRect(destination);
      if (target.left !== rect.left || target.right !== rect.right || target.top !== rect.top) {
        throw new OfficeError("InvalidArgument", "The destination must extend the source.");
      }
      tile(sheet, rect, sheet, target, type === "FillFormats" ? "Formats" : "All");
      sheet.writes++;
    });
  }

  /** Range.copyFrom: the source tiled over this range (grown to the source's size where smaller). */
  copyFrom(source: RangeProxy | string, copyType = "All"): void {
    this.command([typeof source === "string" ? source : "range", copyType], ({ sheet, rect }) => {
      if (typeof source === "string") throw new Error("copyFrom a string address is not modelled");
      const from = source.resolve();
      const height = from.rect.bottom - from.rect.top + 1;
      const width = from.rect.right - from.rect.left + 1;
      const target = {
        ...rect,
        bottom: Math.max(rect.bottom, rect.top + height - 1),
        right: Math.max(rect.right, rect.left + width - 1),
      };
      tile(from.sheet, from.rect, sheet, target, copyType);
      sheet.writes++;
    });
  }

  clear(applyTo = "All"): void {
    this.command(applyTo, ({ sheet, rect }) => {
      for (const { row, column, cell } of [...sheet.cellsIn(rect)]) {
        if (applyTo === "All") sheet.put(row, column, undefined);
        else if (applyTo === "Contents") Object.assign(cell, { value: null, formula: undefined, error: undefined });
        else if (applyTo === "Formats") copyFormats(undefined, cell);
        else throw new Error(`clear ${applyTo} is not modelled`);
      }
      if (applyTo === "All") sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
      sheet.writes++;
    });
  }

  insert(shift: string): void {
    this.command(shift, ({ sheet, rect }) => {
      if (shift !== "Down") throw new Error(`insert ${shift} is not modelled`);
      this.excel.shiftRows(sheet, rect, "down");
    });
  }

  delete(shift: string): void {
    this.command(shift, ({ sheet, rect }) => {
      if (shift !== "Up") throw new Error(`delete ${shift} is not modelled`);
      this.excel.shiftRows(sheet, rect, "up");
    });
  }

  select(): void {
    this.command(undefined, ({ sheet, rect }) => {
      this.excel.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
}

/** Copies `from` over `to`, repeating it where `to` is larger, moving formulas by the offset of each copy. */
function tile(fromSheet: FakeSheet, from: Rect, toSheet: FakeSheet, to: Rect, copyType: string): void {
  const height = from.bottom - from.top + 1;
  const width = from.right - from.left + 1;
  const snapshot: (FakeCell | undefined)[][] = [];
  for (let r = 0; r < height; r++) {
    snapshot.push([]);
    for (let c = 0; c < width; c++) snapshot[r].push(cloneCell(fromSheet.cell(from.top + r, from.left + c)));
  }
  for (let r = to.top; r <= to.bottom; r++) {
    for (let c = to.left; c <= to.right; c++) {
      const source = snapshot[(r - to.top) % height][(c - to.left) % width];
      const dRows = r - (from.top + ((r - to.top) % height));
      const dColumns = c - (from.left + ((c - to.left) % width));
      const cell = toSheet.touch(r, c);
      if (copyType === "All" || copyType === "Formulas" || copyType === "Values") {
        delete cell.formula;
        delete cell.error;
        cell.value = source?.value ?? null;
        if (source?.error) cell.error = true;
        if (source?.formula !== undefined && copyType !== "Values") {
          cell.formula = moveFormula(source.formula, dRows, dColumns);
          cell.value = null;
        }
      }
      if (copyType === "All" || copyType === "Formats") copyFormats(source, cell);
    }
  }
  if (copyType === "All" || copyType === "Formats") {
    for (const v of fromSheet.validations.filter((v) => overlaps(v.rect, from))) {
      const rect = {
        top: v.rect.top - from.top + to.top,
        bottom: v.rect.bottom - from.top + to.top,
        left: v.rect.left - from.left + to.left,
        right: v.rect.right - from.left + to.left,
      };
      toSheet.validations = [...toSheet.validations.filter((o) => !overlaps(o.rect, rect)), { rect, rule: v.rule }];
    }
  }
}

class RangeAreasProxy extends ProxyBase<{ sheet: FakeSheet; areas: Rect[] }> {
  protected read({ sheet, areas }: { sheet: FakeSheet; areas: Rect[] }, property: string): unknown {
    if (property === "address") return areas.map((a) => `${sheetPrefix(sheet.name)}!${rectAddress(a)}`).join(",");
    if (property === "areaCount") return areas.length;
    throw new Error(`range areas property ${property} is not modelled`);
  }

  get address(): string {
    return this.prop("address");
  }
}

class DataValidationProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {}

  set rule(rule: unknown) {
    this.ctx.enqueue(rule, () => {
      const { sheet, rect } = this.range.resolve();
      const kinds = Object.keys(rule as object);
      if (kinds.length !== 1 || !["list", "decimal", "wholeNumber"].includes(kinds[0])) {
        throw new OfficeError("InvalidArgument", `Bad validation rule ${JSON.stringify(rule)}`);
      }
      sheet.validations = [...sheet.validations.filter((v) => !overlaps(v.rect, rect)), { rect, rule }];
    });
  }

  clear(): void {
    this.ctx.enqueue(undefined, () => {
      const { sheet, rect } = this.range.resolve();
      sheet.validations = sheet.validations.filter((v) => !overlaps(v.rect, rect));
    });
  }
}

class RangeFormatProxy {
  readonly font: { bold: boolean; italic: boolean; color: string };
  readonly fill: { color: string };

  constructor(
    private readonly ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {
    const setter = (key: "bold" | "italic" | "fontColor" | "fill") => (value: unknown) =>
      ctx.enqueue(value, () => {
        const { sheet, rect } = range.resolve();
        if (rect.bottom - rect.top + 1 > 100_000) throw new Error("formats over whole columns are not modelled");
        for (let r = rect.top; r <= rect.bottom; r++) {
          for (let c = rect.left; c <= rect.right; c++)
            (sheet.touch(r, c) as unknown as Record<string, unknown>)[key] = value;
        }
        sheet.writes++;
      });
    const unreadable = (name: string) => () => {
      throw notLoaded(name);
    };
    this.font = Object.defineProperties({} as { bold: boolean; italic: boolean; color: string }, {
      bold: { get: unreadable("format/font/bold"), set: setter("bold") },
      italic: { get: unreadable("format/font/italic"), set: setter("italic") },
      color: { get: unreadable("format/font/color"), set: setter("fontColor") },
    });
    this.fill = Object.defineProperties({} as { color: string }, {
      color: { get: unreadable("format/fill/color"), set: setter("fill") },
    });
  }

  set columnWidth(points: number) {
    this.ctx.enqueue(points, () => {
      const { sheet, rect } = this.range.resolve();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
      sheet.writes++;
    });
  }
}

class TableCollectionProxy extends CollectionProxy<FakeTable, TableProxy> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: WorksheetProxy | null,
  ) {
    super(ctx, () => ctx.excel.tables.filter((t) => !sheet || t.sheet === sheet.sheetTarget()));
  }

  protected item(table: FakeTable): TableProxy {
    return new TableProxy(this.ctx, () => table);
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.excel.tables.find((t) => same(t.name, name)) ?? null);
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.ctx, () => this.excel.tables.find((t) => same(t.name, name)) ?? null, true);
  }

  add(address: string, hasHeaders: boolean): TableProxy {
    if (!this.sheet) throw new Error("add a table through a worksheet's tables in this fake");
    const owner = this.sheet;
    let created: FakeTable | null = null;
    this.ctx.enqueue([address, hasHeaders], () => {
      const sheet = owner.sheetTarget();
      const rect = parseRect(address);
      if (!hasHeaders) throw new Error("tables without headers are not modelled");
      if (rect.bottom === rect.top) throw new OfficeError("InvalidArgument", "A table needs a row under its headers.");
      if (this.excel.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new OfficeError("InvalidArgument", "A table cannot overlap another table.");
      }
      let n = this.excel.tables.length + 1;
      while (this.excel.nameTaken(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, rect, showHeaders: true, showTotals: false };
      this.excel.tables.push(created);
      // Excel gives a table's empty header cells names of their own.
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.touch(rect.top, c);
        if (cell.value === null || cell.value === "") cell.value = `Column${c - rect.left + 1}`;
      }
    });
    return new TableProxy(this.ctx, () => created);
  }
}

class TableProxy extends ProxyBase<FakeTable> {
  protected read(table: FakeTable, property: string): unknown {
    switch (property) {
      case "name":
        return table.name;
      case "showHeaders":
        return table.showHeaders;
      case "showTotals":
        return table.showTotals;
      default:
        throw new Error(`table property ${property} is not modelled`);
    }
  }

  get name(): string {
    return this.prop("name");
  }

  set name(name: string) {
    this.command(name, (table) => this.excel.renameTable(table, name));
  }

  get showHeaders(): boolean {
    return this.prop("showHeaders");
  }

  get showTotals(): boolean {
    return this.prop("showTotals");
  }

  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.resolve().sheet);
  }

  get columns(): TableColumnCollectionProxy {
    return new TableColumnCollectionProxy(this.ctx, () => {
      const { sheet, rect, showHeaders } = this.resolve();
      return Array.from({ length: rect.right - rect.left + 1 }, (_, i) =>
        showHeaders ? String(sheet.cell(rect.top, rect.left + i)?.value ?? "") : `Column${i + 1}`,
      );
    });
  }

  private part(which: "all" | "header" | "body"): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect, showHeaders, showTotals } = this.resolve();
      const bodyTop = showHeaders ? rect.top + 1 : rect.top;
      const bodyBottom = showTotals ? rect.bottom - 1 : rect.bottom;
      if (which === "all") return { sheet, rect };
      if (which === "header") return { sheet, rect: { ...rect, bottom: rect.top } };
      return { sheet, rect: { ...rect, top: bodyTop, bottom: bodyBottom } };
    });
  }

  getRange(): RangeProxy {
    return this.part("all");
  }

  getHeaderRowRange(): RangeProxy {
    return this.part("header");
  }

  getDataBodyRange(): RangeProxy {
    return this.part("body");
  }

  delete(): void {
    this.command(undefined, (table) => this.excel.deleteTable(table));
  }

  convertToRange(): void {
    this.command(undefined, (table) => this.excel.convertTable(table));
  }
}

class TableColumnProxy extends ProxyBase<string> {
  protected read(name: string, property: string): unknown {
    if (property === "name") return name;
    throw new Error(`column property ${property} is not modelled`);
  }

  get name(): string {
    return this.prop("name");
  }
}

class TableColumnCollectionProxy extends CollectionProxy<string, TableColumnProxy> {
  protected item(name: string): TableColumnProxy {
    return new TableColumnProxy(this.ctx, () => name);
  }
}

/** "='My sheet'!$C$4" → the sheet and cells it names. */
function parseNameFormula(excel: FakeExcel, formula: string): { sheet: FakeSheet; rect: Rect } {
  const match = new RegExp(`^=?${SHEET_REF}$`).exec(formula.trim());
  if (!match) throw new OfficeError("InvalidArgument", `The reference ${formula} is not valid.`);
  const name = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const sheet = excel.sheets.find((s) => same(s.name, name));
  if (!sheet) throw new OfficeError("InvalidArgument", `The reference ${formula} names no sheet.`);
  return { sheet, rect: parseRect(match[3]) };
}

function nameFormula(name: FakeName): string {
  if (!name.sheet) return "=#REF!";
  const absolute = rectAddress(name.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `=${sheetPrefix(name.sheet.name)}!${absolute}`;
}

class NameCollectionProxy extends CollectionProxy<FakeName, NamedItemProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.names);
  }

  protected item(name: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => name);
  }

  protected override scalars(): string[] {
    return ["name", "type", "value", "formula"];
  }

  getItem(key: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.excel.names.find((n) => same(n.name, key)) ?? null);
  }

  getItemOrNullObject(key: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.excel.names.find((n) => same(n.name, key)) ?? null, true);
  }

  add(name: string, reference: RangeProxy | string): NamedItemProxy {
    let created: FakeName | null = null;
    this.ctx.enqueue([name, typeof reference === "string" ? reference : "range"], () => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new OfficeError("InvalidArgument", `Bad name ${name}`);
      if (this.excel.nameTaken(name)) throw new OfficeError("InvalidArgument", `The name "${name}" is taken.`);
      const { sheet, rect } =
        typeof reference === "string" ? parseNameFormula(this.excel, reference) : reference.resolve();
      created = { name, sheet, rect };
      this.excel.names.push(created);
    });
    return new NamedItemProxy(this.ctx, () => created);
  }
}

class NamedItemProxy extends ProxyBase<FakeName> {
  protected read(name: FakeName, property: string): unknown {
    if (property === "name") return name.name;
    if (property === "type") return name.sheet ? "Range" : "Error";
    if (property === "formula") return nameFormula(name);
    if (property === "value") {
      if (!name.sheet) return "#REF!";
      return `${sheetPrefix(name.sheet.name)}!${rectAddress(name.rect)}`;
    }
    throw new Error(`name property ${property} is not modelled`);
  }

  get name(): string {
    return this.prop("name");
  }

  get type(): string {
    return this.prop("type");
  }

  get value(): unknown {
    return this.prop("value");
  }

  get formula(): string {
    return this.prop("formula");
  }

  set formula(formula: string) {
    this.command(formula, (name) => Object.assign(name, parseNameFormula(this.excel, formula)));
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      if (!sheet) throw new OfficeError("InvalidOperation", "The name does not refer to a range.");
      return { sheet, rect };
    });
  }

  delete(): void {
    this.command(undefined, (name) => this.excel.names.splice(this.excel.names.indexOf(name), 1));
  }
}

class SettingCollectionProxy {
  constructor(private readonly ctx: FakeContext) {}

  add(key: string, value: unknown): void {
    this.ctx.enqueue([key, value], () => this.ctx.excel.settings.set(key, JSON.parse(JSON.stringify(value))));
  }

  getItemOrNullObject(key: string): SettingProxy {
    const settings = this.ctx.excel.settings;
    return new SettingProxy(this.ctx, () => (settings.has(key) ? { value: settings.get(key) } : null), true);
  }
}

class SettingProxy extends ProxyBase<{ value: unknown }> {
  protected read(setting: { value: unknown }, property: string): unknown {
    if (property === "value") return setting.value;
    throw new Error(`setting property ${property} is not modelled`);
  }

  get value(): unknown {
    return this.prop("value");
  }
}

const CHART_TYPES = new Set(["ColumnClustered", "BarClustered", "Line"]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);

class ChartCollectionProxy extends CollectionProxy<FakeChart, ChartProxy> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx, () => sheet.sheetTarget().charts);
  }

  protected item(chart: FakeChart): ChartProxy {
    return new ChartProxy(this.ctx, () => chart, this.sheet);
  }

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    if (!CHART_TYPES.has(type)) throw new Error(`chart type ${type} is not modelled`);
    if (seriesBy !== undefined && !SERIES_BY.has(seriesBy))
      throw new OfficeError("InvalidArgument", `Bad seriesBy ${seriesBy}`);
    const chart: FakeChart = { type, source: "", seriesBy, title: "", anchor: null, name: "" };
    this.ctx.enqueue([type, seriesBy], () => {
      const target = source.resolve();
      const sheet = this.sheet.sheetTarget();
      if (target.sheet !== sheet) throw new OfficeError("InvalidArgument", "The chart's data is on another sheet.");
      chart.source = rectAddress(target.rect);
      chart.name = `Chart ${sheet.charts.length + 1}`;
      sheet.charts.push(chart);
    });
    return new ChartProxy(this.ctx, () => chart, this.sheet);
  }
}

class ChartProxy extends ProxyBase<FakeChart> {
  readonly title: { text: string };

  constructor(
    ctx: FakeContext,
    resolver: () => FakeChart,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx, resolver);
    const self = this;
    this.title = {
      get text(): string {
        throw notLoaded("title/text");
      },
      set text(text: string) {
        self.command(text, (chart) => (chart.title = text));
      },
    };
  }

  protected read(chart: FakeChart, property: string): unknown {
    if (property === "name") return chart.name;
    throw new Error(`chart property ${property} is not modelled`);
  }

  get name(): string {
    return this.prop("name");
  }

  setPosition(startCell: string): void {
    parseRect(startCell);
    this.command(startCell, (chart) => (chart.anchor = startCell));
  }

  delete(): void {
    this.command(undefined, (chart) => {
      const charts = this.sheet.sheetTarget().charts;
      charts.splice(charts.indexOf(chart), 1);
    });
  }
}
