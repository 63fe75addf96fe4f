import { Workbook } from "exceljs";
import type { AnalysisLayout, LayoutChart, SheetRole } from "../layout";
import { freeSheetName, SHEET_MARKERS, SHEET_ROLES } from "../marker";
import type { SourceGrid, TableCandidate, WorkbookPort, WrittenSheet } from "../port";
import { addCharts, type ChartToDraw } from "./addCharts";
import { allTables, listCandidates, rangeGrid, tableGrid } from "./candidates";
import { gridText } from "./cellValue";
import { pointNameAt, removeName, sheetOfName } from "./definedNames";
import { mendLoadedTables } from "./loadedTables";
import { readSettings, settingsSheet, writeSettings } from "./settings";
import { blockAddress, parseBlock, splitReference } from "./sheetAddress";
import { writeSheet } from "./writeSheet";

/** A workbook that cannot be opened or a table that cannot be found: the message is for the user. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

/** A chart the layout asked for that could not be added to the saved file. */
export interface ChartNotDrawn {
  sheet: string;
  chart: LayoutChart;
}

/** ExcelJS orders sheets by this untyped field; a replaced sheet takes its predecessor's place with it. */
type Ordered = { orderNo: number };

function toUint8Array(data: ArrayBuffer | Uint8Array | { buffer: ArrayBufferLike }): Uint8Array {
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer);
}

/**
 * The workbook port over ExcelJS, for the command line and the browser playground. Host-free: bytes in, bytes
 * out; reading and writing files is the caller's job, so this also runs in a browser bundle.
 */
export class XlsxWorkbook implements WorkbookPort {
  /** Charts the last `save` could not add to the file (ExcelJS writes none; they are added to its output). */
  chartsNotDrawn: ChartNotDrawn[] = [];

  /**
   * The charts of the last `writeAnalysis`, added to the file at each save. ExcelJS drops charts it reads, so a
   * workbook loaded and saved again without a new analysis loses them (the CLI and the playground always write).
   */
  private chartsToDraw: ChartToDraw[] = [];

  private constructor(private readonly workbook: Workbook) {}

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new Workbook());
  }

  static async load(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const workbook = new Workbook();
    try {
      // ExcelJS's types ask for a Node Buffer; its zip reader takes any byte array, in Node and in a browser.
      await workbook.xlsx.load(toUint8Array(data) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      throw new XlsxError(
        "This file is not an Excel workbook that can be read (.xlsx). It may be an older .xls file, a " +
          `password-protected workbook, or another kind of file. (Details: ${(error as Error).message})`,
      );
    }
    mendLoadedTables(workbook);
    if (workbook.worksheets.length === 0) {
      throw new XlsxError("This file opened as a workbook but holds no worksheets.");
    }
    return new XlsxWorkbook(workbook);
  }

  async save(): Promise<Uint8Array> {
    const written = toUint8Array((await this.workbook.xlsx.writeBuffer()) as unknown as Uint8Array);
    this.chartsNotDrawn = [];
    try {
      return await addCharts(written, this.chartsToDraw);
    } catch {
      // A workbook laid out in a way the chart cannot join still saves, without it; the caller is told.
      this.chartsNotDrawn = this.chartsToDraw.map(({ sheet, chart }) => ({ sheet, chart }));
      return written;
    }
  }

  /** The underlying ExcelJS workbook, for tests and the command line's fixtures. */
  get excel(): Workbook {
    return this.workbook;
  }

  private hiddenSheets(): Set<string> {
    const hidden = new Set<string>();
    const settings = settingsSheet(this.workbook);
    if (settings !== null) hidden.add(settings);
    for (const own of this.ownSheetsNow()) hidden.add(own.name);
    return hidden;
  }

  async listTables(): Promise<TableCandidate[]> {
    return listCandidates(this.workbook, this.hiddenSheets());
  }

  async readTable(id: string): Promise<SourceGrid> {
    const table = allTables(this.workbook).find((t) => t.name.toLowerCase() === id.trim().toLowerCase());
    if (table) return tableGrid(table);
    const { sheet: sheetName, address } = splitReference(id);
    const block = parseBlock(address);
    if (!block) {
      const names = allTables(this.workbook).map((t) => t.name);
      throw new XlsxError(
        `There is no table named "${id}" and it is not a range such as Budget!A1:H20. ` +
          (names.length > 0 ? `Tables in this workbook: ${names.join(", ")}.` : "This workbook has no Excel tables."),
      );
    }
    const visible = this.workbook.worksheets.filter((ws) => ws.state === "visible");
    const sheet =
      sheetName === null
        ? visible.length === 1
          ? visible[0]
          : undefined
        : this.workbook.worksheets.find((ws) => ws.name.toLowerCase() === sheetName.toLowerCase());
    if (!sheet) {
      throw new XlsxError(
        sheetName === null
          ? `Name the sheet of the range "${id}", e.g. ${visible[0]?.name ?? "Sheet1"}!${blockAddress(block)}.`
          : `There is no sheet named "${sheetName}". Sheets: ${this.workbook.worksheets.map((ws) => ws.name).join(", ")}.`,
      );
    }
    return rangeGrid(sheet, block);
  }

  private ownSheetsNow(): { role: SheetRole; name: string }[] {
    return SHEET_ROLES.flatMap((role) => {
      const name = sheetOfName(this.workbook, SHEET_MARKERS[role]);
      return name === null ? [] : [{ role, name }];
    });
  }

  async ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return this.ownSheetsNow();
  }

  async writeAnalysis(layout: AnalysisLayout): Promise<WrittenSheet[]> {
    const own = this.ownSheetsNow();
    // Only sheets a marker points at are the add-in's: those of the roles being written go, nothing else does.
    const positions = new Map<SheetRole, number>();
    for (const sheet of layout.sheets) {
      const previous = own.find((o) => o.role === sheet.role);
      if (!previous) continue;
      const ws = this.workbook.getWorksheet(previous.name);
      if (ws) {
        positions.set(sheet.role, (ws as unknown as Ordered).orderNo);
        this.workbook.removeWorksheet(ws.id);
      }
      removeName(this.workbook, SHEET_MARKERS[sheet.role]);
    }
    const takenTables = new Set(allTables(this.workbook).map((t) => t.name.toLowerCase()));
    this.chartsToDraw = [];
    const written: WrittenSheet[] = [];
    for (const sheet of layout.sheets) {
      const name = freeSheetName(
        sheet.name,
        this.workbook.worksheets.map((ws) => ws.name),
      );
      const ws = this.workbook.addWorksheet(name);
      const position = positions.get(sheet.role);
      if (position !== undefined) (ws as unknown as Ordered).orderNo = position;
      writeSheet(ws, sheet, takenTables);
      for (const chart of sheet.charts) this.chartsToDraw.push({ sheet: name, chart, rows: sheet.rows });
      pointNameAt(this.workbook, SHEET_MARKERS[sheet.role], name);
      written.push({ role: sheet.role, name, renamed: name !== sheet.name });
    }
    return written;
  }

  async loadSettings(): Promise<string | null> {
    return readSettings(this.workbook);
  }

  async saveSettings(json: string): Promise<void> {
    writeSettings(this.workbook, json);
  }

  async insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate> {
    if (rows.length === 0) throw new XlsxError("A table needs at least its header row.");
    const name = freeSheetName(
      sheetName,
      this.workbook.worksheets.map((ws) => ws.name),
    );
    const ws = this.workbook.addWorksheet(name);
    const takenTables = new Set(allTables(this.workbook).map((t) => t.name.toLowerCase()));
    const width = Math.max(...rows.map((r) => r.length));
    const [tableNameWritten] = writeSheet(
      ws,
      {
        rows: rows.map((r) => r.map((value) => ({ value }))),
        // Excel wants a body row under the header, even an empty one.
        tables: [
          { name: tableName, range: blockAddress({ top: 1, left: 1, bottom: Math.max(rows.length, 2), right: width }) },
        ],
        columnWidths: Array.from({ length: width }, (_, i) => (i === 0 ? 32 : 14)),
      },
      takenTables,
    );
    const table = allTables(this.workbook).find((t) => t.name === tableNameWritten)!;
    const grid = tableGrid(table);
    return {
      id: table.name,
      kind: "table",
      sheet: name,
      address: grid.address,
      headers: grid.values[0].map(gridText),
      rowCount: grid.values.length - 1,
    };
  }

  async selectCell(): Promise<void> {
    // No selection outside a host.
  }
}
