import { columnLetter, columnNumber, parseCellAddress } from "../../src/workbook/a1";

/**
 * A small fake of the part of the Excel JavaScript API the Office.js adapter uses: worksheets, tables, ranges with
 * values, formulas and number formats, defined names, settings, charts. It keeps Office.js's batching: every
 * command is queued and runs at `context.sync()`, a property reads only after `load` and a sync, a null object is
 * known only after a sync. It counts the syncs and measures each request (the JSON of what was queued since the
 * last sync), which office-addin-mock cannot: that mock has no range model, no addresses and no request sizes.
 */

export type FakeValue = string | number | boolean | null;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  /** The value is an error's text, e.g. "#N/A". */
  error?: boolean;
  numberFormat?: string;
  bold?: boolean;
}

/** What a test puts in a cell: a value, an error, or a formula with the value it shows. */
export type CellSetup = FakeValue | { error: string } | { formula: string; value: FakeValue };

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROWS = 1_048_576;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export class FakeSheet {
  readonly rows: (FakeCell | undefined)[][] = [];
  readonly columnWidths = new Map<number, number>();
  readonly charts: FakeChart[] = [];
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

  /** The block of cells holding a value or formula; null for an empty sheet. */
  usedRect(): Rect | null {
    let rect: Rect | null = null;
    this.rows.forEach((cells, r) =>
      cells?.forEach((cell, c) => {
        if (!cell || (cell.formula === undefined && (cell.value === null || cell.value === ""))) return;
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
}

export interface RequestRecord {
  /** UTF-8 bytes of the JSON of every argument and value queued since the last sync. */
  bytes: number;
  commands: number;
  calculationSuspended: boolean;
}

function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, "").trim();
  const columns = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (columns) {
    const left = columnNumber(columns[1]);
    const right = columnNumber(columns[2]);
    if (left && right) return { top: 1, left, bottom: MAX_ROWS, right };
  }
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

function rectAddress(rect: Rect): string {
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

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const encoder = new TextEncoder();
const jsonBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** The workbook and the host: tests set it up, hand `run` to the adapter, then inspect it. */
export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  readonly settings = new Map<string, unknown>();
  readonly requests: RequestRecord[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  recalculations = 0;

  get syncs(): number {
    return this.requests.length;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  /** Forgets the syncs counted so far, so a test can count one call's. */
  resetCounts(): void {
    this.requests.length = 0;
  }

  /** Excel.run's shape. */
  readonly run = <T>(batch: (context: never) => Promise<T>): Promise<T> => batch(new FakeContext(this) as never);

  // ---- setting up a workbook -------------------------------------------------------------------------------

  addSheet(name: string, rows: CellSetup[][] = [], at = "A1"): FakeSheet {
    const sheet = this.createSheet(name);
    const origin = parseRect(at);
    rows.forEach((row, r) =>
      row.forEach((setup, c) => {
        if (setup === null) return;
        const cell = sheet.touch(origin.top + r, origin.left + c);
        if (typeof setup !== "object") cell.value = setup;
        else if ("error" in setup) Object.assign(cell, { value: setup.error, error: true });
        else Object.assign(cell, { value: setup.value, formula: setup.formula });
      }),
    );
    return sheet;
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

  // ---- what the commands do ------------------------------------------------------------------------------------

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
    if (this.sheets.some((s) => s !== sheet && same(s.name, name))) {
      throw new OfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    }
    sheet.name = name;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new OfficeError("InvalidOperation", "A workbook must keep one sheet.");
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === sheet) this.tables.splice(i, 1);
    for (const name of this.names) if (name.sheet === sheet) name.sheet = null;
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }

  nameTaken(name: string, except?: FakeTable): boolean {
    return this.tables.some((t) => t !== except && same(t.name, name)) || this.names.some((n) => same(n.name, name));
  }
}

// ---- the proxies: what the adapter talks to ----------------------------------------------------------------------

class FakeContext {
  readonly workbook: WorkbookProxy;
  private queue: (() => void)[] = [];
  private bytes = 0;
  private suspended = false;
  private readonly nullables: ProxyBase<unknown>[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues a command; its payload (arguments, a value set) counts towards the request's size. */
  enqueue(payload: unknown, action: () => void): void {
    if (payload !== undefined) this.bytes += jsonBytes(payload);
    this.queue.push(action);
  }

  track(proxy: ProxyBase<unknown>): void {
    this.nullables.push(proxy);
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.excel.requests.push({ bytes: this.bytes, commands: queue.length, calculationSuspended: this.suspended });
    this.queue = [];
    this.bytes = 0;
    this.suspended = false;
    try {
      for (const action of queue) action();
    } finally {
      for (const proxy of this.nullables.splice(0)) proxy.settle();
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
    this.command(undefined, (target) => {
      this.loaded ??= {};
      for (const property of list) this.loaded[property] = this.read(target, property);
    });
    return this;
  }

  /** Fills properties straight away: for collection items, whose load ran with the collection's. */
  preload(target: T, properties: string[]): this {
    this.target = target;
    this.settled = true;
    this.loaded = {};
    for (const property of properties) this.loaded[property] = this.read(target, property);
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
    const itemProperties = properties.split(",").flatMap((p) => {
      if (p.trim() === "items") return this.scalars();
      const match = /^\s*items\/(.+?)\s*$/.exec(p);
      if (!match) throw new Error(`collection load of ${p} is not modelled`);
      return [match[1]];
    });
    this.command(undefined, (targets) => {
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

  get tables(): TableCollectionProxy {
    return new TableCollectionProxy(this.ctx, this);
  }

  get charts(): ChartCollectionProxy {
    return new ChartCollectionProxy(this.ctx, this);
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({ sheet: this.live(), rect: parseRect(address) }));
  }

  getUsedRangeOrNullObject(_valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.live();
        const rect = sheet.usedRect();
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

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function typeOf(cell: FakeCell | undefined): string {
  if (!cell || cell.value === null || cell.value === "") return cell?.formula ? "String" : "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
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
  } else if (typeof input === "string" || typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
  } else {
    throw new OfficeError("InvalidArgument", `A cell cannot take ${JSON.stringify(input)}.`);
  }
}

class RangeProxy extends ProxyBase<RangeTarget> {
  readonly format: RangeFormatProxy;

  constructor(ctx: FakeContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.format = new RangeFormatProxy(ctx, this);
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
        return grid((cell) => cell?.value ?? "");
      case "valueTypes":
        return grid(typeOf);
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

  /** Only "FillFormats", the one the adapter uses: the source's formats repeated down the destination. */
  autoFill(destination: string, type: string): void {
    this.command([destination, type], ({ sheet, rect }) => {
      if (type !== "FillFormats") throw new Error(`autoFill ${type} is not modelled`);
      const target = parseRect(destination);
      if (target.left !== rect.left || target.right !== rect.right || target.top !== rect.top) {
        throw new OfficeError("InvalidArgument", "The destination must extend the source.");
      }
      const height = rect.bottom - rect.top + 1;
      for (let r = target.top; r <= target.bottom; r++) {
        for (let c = target.left; c <= target.right; c++) {
          const source = sheet.cell(rect.top + ((r - rect.top) % height), c);
          const cell = sheet.touch(r, c);
          if (source?.numberFormat !== undefined) cell.numberFormat = source.numberFormat;
          else delete cell.numberFormat;
          cell.bold = source?.bold;
        }
      }
      sheet.writes++;
    });
  }

  select(): void {
    this.command(undefined, ({ sheet, rect }) => {
      this.excel.selection = { sheet: sheet.name, address: rectAddress(rect) };
    });
  }
}

class RangeFormatProxy {
  readonly font: { bold: boolean };

  constructor(
    private readonly ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {
    const self = this;
    this.font = {
      get bold(): boolean {
        throw notLoaded("format/font/bold");
      },
      set bold(bold: boolean) {
        self.ctx.enqueue(bold, () => {
          const { sheet, rect } = self.range.resolve();
          for (let r = rect.top; r <= rect.bottom; r++) {
            for (let c = rect.left; c <= rect.right; c++) sheet.touch(r, c).bold = bold;
          }
          sheet.writes++;
        });
      },
    };
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

  add(address: string, hasHeaders: boolean): TableProxy {
    if (!this.sheet) throw new Error("add a table through a worksheet's tables in this fake");
    const owner = this.sheet;
    let created: FakeTable | null = null;
    this.ctx.enqueue([address, hasHeaders], () => {
      const sheet = owner.sheetTarget();
      const rect = parseRect(address);
      if (!hasHeaders) throw new Error("tables without headers are not modelled");
      if (this.excel.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
        throw new OfficeError("InvalidArgument", "A table cannot overlap another table.");
      }
      let n = this.excel.tables.length + 1;
      while (this.excel.nameTaken(`Table${n}`)) n++;
      created = { name: `Table${n}`, sheet, rect, showHeaders: true, showTotals: false };
      this.excel.tables.push(created);
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
    this.command(name, (table) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new OfficeError("InvalidArgument", `Bad table name ${name}`);
      if (this.excel.nameTaken(name, table)) {
        throw new OfficeError("InvalidArgument", `The name "${name}" is already taken by a table or a name.`);
      }
      table.name = name;
    });
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

class NameCollectionProxy extends CollectionProxy<FakeName, NamedItemProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.excel.names);
  }

  protected item(name: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => name);
  }

  protected override scalars(): string[] {
    return ["name", "type"];
  }

  add(name: string, reference: RangeProxy): NamedItemProxy {
    let created: FakeName | null = null;
    this.ctx.enqueue(name, () => {
      if (this.excel.nameTaken(name)) throw new OfficeError("InvalidArgument", `The name "${name}" is taken.`);
      const { sheet, rect } = reference.resolve();
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
    throw new Error(`name property ${property} is not modelled`);
  }

  get name(): string {
    return this.prop("name");
  }

  get type(): string {
    return this.prop("type");
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

class ChartCollectionProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: WorksheetProxy,
  ) {}

  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const chart: FakeChart = { type, source: "", seriesBy, title: "", anchor: null };
    this.ctx.enqueue([type, seriesBy], () => {
      const target = source.resolve();
      const sheet = this.sheet.sheetTarget();
      if (target.sheet !== sheet) throw new OfficeError("InvalidArgument", "The chart's data is on another sheet.");
      chart.source = rectAddress(target.rect);
      sheet.charts.push(chart);
    });
    return new ChartProxy(this.ctx, chart);
  }
}

class ChartProxy {
  readonly title: { text: string };

  constructor(
    private readonly ctx: FakeContext,
    private readonly chart: FakeChart,
  ) {
    this.title = {
      get text(): string {
        throw notLoaded("title/text");
      },
      set text(text: string) {
        ctx.enqueue(text, () => (chart.title = text));
      },
    };
  }

  setPosition(startCell: string): void {
    parseRect(startCell);
    this.ctx.enqueue(startCell, () => (this.chart.anchor = startCell));
  }
}
