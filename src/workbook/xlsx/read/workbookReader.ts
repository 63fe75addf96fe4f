import type { GridValue, SheetRole } from "../../layout";
import { SETTINGS_MARKER, SHEET_MARKERS, SHEET_ROLES } from "../../marker";
import type { SourceGrid, TableCandidate } from "../../port";
import { joinSettings } from "../../settingsColumn";
import type { PartSource } from "../package/partSource";
import { CellStore } from "./cellStore";
import { type Block, blockAddress, findBlocks, insideBlock, parseBlock, UsedCells } from "./blocks";
import { XlsxError } from "./errors";
import { parseCellAddress } from "../../a1";
import { qualifiedRange, splitReference } from "./references";
import { readSharedStrings } from "./sharedStrings";
import { type CellContext, scanCells } from "./sheetCells";
import { readCellFormats } from "./styles";
import type { ReaderLimits, SheetEntry, TableEntry, WorkbookIndex, WorkbookReader } from "./types";
import { readIndex } from "./workbookIndex";

/** A part longer than this (in characters of text) is refused rather than scanned: 1 GiB. */
const DEFAULT_MAX_PART_CHARS = 1024 * 1024 * 1024;

function isEmpty(value: GridValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** The value as header text: what a column is called. */
function headerText(value: GridValue): string {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value);
}

/** A table's place on its sheet: the block its ref covers, and which rows are header, body and totals. */
interface TablePlace {
  entry: TableEntry;
  block: Block;
  /** First and last body rows (last < first where the table has no body row). */
  bodyTop: number;
  bodyBottom: number;
}

function placeOf(entry: TableEntry): TablePlace | null {
  const block = parseBlock(entry.ref);
  if (!block) return null;
  return {
    entry,
    block,
    bodyTop: block.top + Math.max(0, entry.headerRowCount),
    bodyBottom: block.bottom - Math.max(0, entry.totalsRowCount),
  };
}

/** Cells of one block, read in one scan: values by row and column, and the style of each column's first body value. */
interface BlockCells {
  values: GridValue[][];
  /** Style index of each column's first non-empty cell at or below `bodyTop`; -1 where none. */
  bodyStyles: number[];
}

class Reader implements WorkbookReader {
  readonly index: WorkbookIndex;
  private strings: string[] | null = null;
  private formats: (string | null)[] | null = null;
  private readonly blocksBySheet = new Map<string, Block[]>();
  /**
   * The cells of the sheet scanned last for its blocks: the table read next is most often on it. One sheet only,
   * so a workbook of many large sheets is never held whole.
   */
  private stored: { part: string; cells: CellStore } | null = null;
  private readonly maxPartChars: number;
  private readonly context: CellContext;

  constructor(
    private readonly parts: PartSource,
    limits: ReaderLimits,
  ) {
    this.maxPartChars = limits.maxPartChars ?? DEFAULT_MAX_PART_CHARS;
    this.index = readIndex(parts);
    if (this.index.sheets.length === 0) {
      throw new XlsxError(
        "The workbook is damaged: it lists no sheets, and a workbook needs at least one. Open it in Excel, let " +
          "Excel repair it, and save it again.",
      );
    }
    this.context = {
      sharedStrings: () => {
        if (this.strings === null) this.strings = readSharedStrings(this.partsLimited(), this.index.sharedStringsPart);
        return this.strings;
      },
      date1904: this.index.date1904,
    };
  }

  /** The PartSource with the reader's own size limit on text. */
  private partsLimited(): PartSource {
    const parts = this.parts;
    const limit = this.maxPartChars;
    return {
      names: () => parts.names(),
      has: (name) => parts.has(name),
      bytes: (name) => parts.bytes(name),
      text: (name) => {
        const text = parts.text(name);
        if (text.length > limit) {
          throw new XlsxError(
            `The workbook was refused: its part ${name} is larger than the ${Math.round(limit / 2 ** 20)} MB this ` +
              "tool reads, so it may be built to exhaust memory. If it is a real workbook, split it in Excel.",
          );
        }
        return text;
      },
    };
  }

  private worksheets(): SheetEntry[] {
    return this.index.sheets.filter((s) => s.kind === "worksheet");
  }

  private sheetText(sheet: SheetEntry): string {
    if (sheet.part === null) {
      throw new XlsxError(
        `The workbook is damaged: the sheet "${sheet.name}" has no part holding its cells. Open it in Excel, let ` +
          "Excel repair it, and save it again.",
      );
    }
    return this.partsLimited().text(sheet.part);
  }

  private what(sheet: SheetEntry): string {
    return `the sheet "${sheet.name}" (${sheet.part ?? "missing"})`;
  }

  private tablesOn(sheet: SheetEntry): TablePlace[] {
    return this.index.tables.filter((t) => t.sheet === sheet.name).flatMap((t) => placeOf(t) ?? []);
  }

  private cellFormats(): (string | null)[] {
    if (this.formats === null) this.formats = readCellFormats(this.partsLimited(), this.index.stylesPart);
    return this.formats;
  }

  /** The blocks of cells outside the sheet's tables (one scan of the sheet, kept for this reader's life). */
  private blocksOf(sheet: SheetEntry): Block[] {
    const known = this.blocksBySheet.get(sheet.name);
    if (known) return known;
    const tables = this.tablesOn(sheet).map((t) => t.block);
    const used = new UsedCells();
    const cells = new CellStore();
    scanCells(this.sheetText(sheet), this.what(sheet), this.context, (row, column, value, style) => {
      cells.add(row, column, value, style);
      if (isEmpty(value)) return;
      for (const t of tables) if (insideBlock(t, row, column)) return;
      used.add(row, column);
    });
    this.stored = { part: sheet.part!, cells };
    const blocks = findBlocks(used);
    this.blocksBySheet.set(sheet.name, blocks);
    return blocks;
  }

  /**
   * The cells of rows `top` to `bottom`: from the stored cells where this sheet's are stored, else in one scan of
   * the sheet that stops below them.
   */
  private eachCell(
    sheet: SheetEntry,
    top: number,
    bottom: number,
    visit: (row: number, column: number, value: GridValue, style: number) => void,
  ): void {
    if (this.stored !== null && this.stored.part === sheet.part) {
      this.stored.cells.eachInRows(top, bottom, visit);
      return;
    }
    scanCells(this.sheetText(sheet), this.what(sheet), this.context, visit, { from: top, to: bottom });
  }

  /** Reads `block`'s cells. */
  private readCells(sheet: SheetEntry, block: Block, bodyTop = block.top): BlockCells {
    const height = block.bottom - block.top + 1;
    const width = block.right - block.left + 1;
    const values: GridValue[][] = [];
    for (let r = 0; r < height; r++) values.push(new Array<GridValue>(width).fill(null));
    const bodyStyles = new Array<number>(width).fill(-1);
    this.eachCell(sheet, block.top, block.bottom, (row, column, value, style) => {
      if (column < block.left || column > block.right) return;
      const c = column - block.left;
      values[row - block.top][c] = value;
      if (row >= bodyTop && bodyStyles[c] < 0 && !isEmpty(value)) bodyStyles[c] = style;
    });
    return { values, bodyStyles };
  }

  private columnFormats(styles: number[]): (string | null)[] {
    const formats = this.cellFormats();
    return styles.map((s) => (s < 0 ? null : (formats[s] ?? null)));
  }

  private tableGrid(sheet: SheetEntry, place: TablePlace): SourceGrid {
    const { block, entry } = place;
    const hasHeader = entry.headerRowCount > 0;
    const body: Block = { ...block, top: place.bodyTop, bottom: place.bodyBottom };
    const read: Block = { ...block, bottom: Math.max(block.top, body.bottom) };
    const cells = this.readCells(sheet, read, body.top);
    const names = entry.columns.map((c) => c.name);
    const header: GridValue[] = hasHeader
      ? cells.values[0].map((v, i) => (isEmpty(v) && names[i] !== undefined ? names[i] : v))
      : names.slice(0, block.right - block.left + 1);
    const bodyRows =
      body.bottom >= body.top ? cells.values.slice(body.top - block.top, body.bottom - block.top + 1) : [];
    return {
      sheet: sheet.name,
      address: blockAddress(read),
      firstRow: hasHeader ? block.top : block.top - 1,
      firstColumn: block.left,
      values: [header, ...bodyRows],
      columnFormats: this.columnFormats(cells.bodyStyles),
    };
  }

  private rangeGrid(sheet: SheetEntry, block: Block): SourceGrid {
    const cells = this.readCells(sheet, block, block.top + 1);
    return {
      sheet: sheet.name,
      address: blockAddress(block),
      firstRow: block.top,
      firstColumn: block.left,
      values: cells.values,
      columnFormats: this.columnFormats(cells.bodyStyles),
    };
  }

  /** The header rows' cells of several blocks on one sheet, in one scan. */
  private headerRows(sheet: SheetEntry, blocks: Block[]): GridValue[][] {
    if (blocks.length === 0) return [];
    const rows = new Map<number, Map<number, GridValue>>();
    for (const b of blocks) rows.set(b.top, new Map());
    const from = Math.min(...blocks.map((b) => b.top));
    const to = Math.max(...blocks.map((b) => b.top));
    this.eachCell(sheet, from, to, (row, column, value) => {
      rows.get(row)?.set(column, value);
    });
    return blocks.map((b) => {
      const row = rows.get(b.top)!;
      const values: GridValue[] = [];
      for (let c = b.left; c <= b.right; c++) values.push(row.get(c) ?? null);
      return values;
    });
  }

  private sheetCandidates(sheet: SheetEntry): TableCandidate[] {
    const tables = this.tablesOn(sheet);
    const blocks = this.blocksOf(sheet);
    const tableHeaders = this.headerRows(
      sheet,
      tables.filter((t) => t.entry.headerRowCount > 0).map((t) => t.block),
    );
    const blockHeaders = this.headerRows(sheet, blocks);
    const candidates: TableCandidate[] = [];
    let withHeader = 0;
    for (const place of tables) {
      const { block, entry } = place;
      const names = entry.columns.map((c) => c.name);
      const header =
        entry.headerRowCount > 0
          ? tableHeaders[withHeader++].map((v, i) => (isEmpty(v) && names[i] !== undefined ? names[i] : v))
          : names;
      const bodyRows = Math.max(0, place.bodyBottom - place.bodyTop + 1);
      candidates.push({
        id: entry.name,
        kind: "table",
        sheet: sheet.name,
        address: blockAddress({ ...block, bottom: Math.max(block.top, place.bodyBottom) }),
        headers: header.map(headerText),
        rowCount: bodyRows,
      });
    }
    blocks.forEach((block, i) => {
      candidates.push({
        id: qualifiedRange(sheet.name, block),
        kind: "range",
        sheet: sheet.name,
        address: blockAddress(block),
        headers: blockHeaders[i].map(headerText),
        rowCount: block.bottom - block.top,
      });
    });
    return candidates;
  }

  listCandidates(skipSheets: ReadonlySet<string>): TableCandidate[] {
    const candidates: TableCandidate[] = [];
    const refused: XlsxError[] = [];
    let tried = 0;
    for (const sheet of this.worksheets()) {
      if (skipSheets.has(sheet.name) || sheet.part === null) continue;
      tried++;
      try {
        candidates.push(...this.sheetCandidates(sheet));
      } catch (error) {
        // A damaged sheet holds no candidate, but must not hide the tables on the others; readGrid names it.
        if (!(error instanceof XlsxError)) throw error;
        refused.push(error);
      }
    }
    if (tried > 0 && refused.length === tried) throw refused[0];
    return candidates;
  }

  private findTable(id: string): TableEntry | undefined {
    const wanted = id.trim().toLowerCase();
    return (
      this.index.tables.find((t) => t.name.toLowerCase() === wanted) ??
      this.index.tables.find((t) => t.displayName.toLowerCase() === wanted)
    );
  }

  private sheetNamed(name: string): SheetEntry | undefined {
    const sheets = this.worksheets();
    return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  readGrid(id: string): SourceGrid {
    const table = this.findTable(id);
    if (table) {
      const sheet = this.sheetNamed(table.sheet);
      const place = placeOf(table);
      if (!sheet || !place) {
        throw new XlsxError(
          `The table "${table.name}" cannot be read: its range "${table.ref}" is not a range of cells.`,
        );
      }
      return this.tableGrid(sheet, place);
    }
    const { sheet: sheetName, address } = splitReference(id);
    const block = parseBlock(address);
    if (!block) {
      const names = this.index.tables.map((t) => t.name);
      throw new XlsxError(
        `There is no table named "${id}" and it is not a range such as Budget!A1:H20. ` +
          (names.length > 0 ? `Tables in this workbook: ${names.join(", ")}.` : "This workbook has no Excel tables."),
      );
    }
    const worksheets = this.worksheets();
    const visible = worksheets.filter((s) => s.state === "visible");
    const sheet = sheetName === null ? (visible.length === 1 ? visible[0] : undefined) : this.sheetNamed(sheetName);
    if (!sheet) {
      throw new XlsxError(
        sheetName === null
          ? `Name the sheet of the range "${id}", e.g. ${visible[0]?.name ?? "Sheet1"}!${blockAddress(block)}.`
          : `There is no sheet named "${sheetName}". Sheets: ${worksheets.map((s) => s.name).join(", ")}.`,
      );
    }
    return this.rangeGrid(sheet, this.currentBlock(sheet, block));
  }

  /**
   * A range that was a block of cells when it was listed (the same header row, first and last columns) is read as
   * that block is now, so a saved choice follows the table as rows are added or removed; any other range is read
   * as given.
   */
  private currentBlock(sheet: SheetEntry, asked: Block): Block {
    let blocks: Block[];
    try {
      blocks = this.blocksOf(sheet);
    } catch {
      return asked;
    }
    const now = blocks.find((b) => b.top === asked.top && b.left === asked.left && b.right === asked.right);
    return now ?? asked;
  }

  /** The sheet and cell a workbook-level name points at, where it points at one cell of a worksheet. */
  private nameCell(name: string): { sheet: SheetEntry; row: number; column: number } | null {
    const entry = this.index.definedNames.find(
      (n) => n.localSheetId === null && n.name.toLowerCase() === name.toLowerCase(),
    );
    if (!entry) return null;
    const { sheet: sheetName, address } = splitReference(entry.text.replace(/^=/, ""));
    if (sheetName === null) return null;
    const sheet = this.sheetNamed(sheetName);
    const cell = parseCellAddress(address);
    if (!sheet || !cell) return null;
    return { sheet, row: cell.row, column: cell.column };
  }

  sheetOfName(name: string): string | null {
    const entry = this.index.definedNames.find(
      (n) => n.localSheetId === null && n.name.toLowerCase() === name.toLowerCase(),
    );
    if (!entry) return null;
    const { sheet } = splitReference(entry.text.replace(/^=/, ""));
    if (sheet === null) return null;
    const found =
      this.index.sheets.find((s) => s.name === sheet) ??
      this.index.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    return found?.name ?? null;
  }

  readNamedValues(names: readonly string[]): Record<string, GridValue> {
    const wanted = new Map<SheetEntry, { name: string; row: number; column: number }[]>();
    for (const name of names) {
      const cell = this.nameCell(name);
      if (!cell) continue;
      const list = wanted.get(cell.sheet) ?? [];
      list.push({ name, row: cell.row, column: cell.column });
      wanted.set(cell.sheet, list);
    }
    const values: Record<string, GridValue> = {};
    for (const [sheet, cells] of wanted) {
      const found = new Map<string, GridValue>();
      scanCells(
        this.sheetText(sheet),
        this.what(sheet),
        this.context,
        (row, column, value) => {
          found.set(`${row},${column}`, value);
        },
        { from: Math.min(...cells.map((c) => c.row)), to: Math.max(...cells.map((c) => c.row)) },
      );
      for (const c of cells) values[c.name] = found.get(`${c.row},${c.column}`) ?? null;
    }
    return values;
  }

  ownSheets(): { role: SheetRole; name: string }[] {
    return SHEET_ROLES.flatMap((role) => {
      const name = this.sheetOfName(SHEET_MARKERS[role]);
      return name === null ? [] : [{ role, name }];
    });
  }

  settingsSheet(): string | null {
    return this.sheetOfName(SETTINGS_MARKER);
  }

  settings(): string | null {
    const name = this.settingsSheet();
    const sheet = name === null ? undefined : this.sheetNamed(name);
    if (!sheet || sheet.part === null) return null;
    const cells: GridValue[] = [];
    scanCells(this.sheetText(sheet), this.what(sheet), this.context, (row, column, value) => {
      if (column !== 1) return;
      // joinSettings stops at the first cell without text, so a gap ends the settings.
      if (row !== cells.length + 1) return true;
      cells.push(value);
    });
    return joinSettings(cells);
  }
}

/**
 * Opens the reader over a package's parts: reads the workbook index now (throwing an XlsxError for a package that
 * is not a readable workbook), each sheet's cells only when asked.
 */
export function openReader(parts: PartSource, limits: ReaderLimits = {}): WorkbookReader {
  return new Reader(parts, limits);
}
