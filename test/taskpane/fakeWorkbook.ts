import { rangeAddress } from "../../src/workbook/a1";
import type { AnalysisLayout, GridValue, SheetRole } from "../../src/workbook/layout";
import { freeSheetName } from "../../src/workbook/marker";
import type { ProgressListener, SourceGrid, TableCandidate, WorkbookPort, WrittenSheet } from "../../src/workbook/port";

/**
 * An in-memory workbook behind the WorkbookPort: the port is ours, so this is a test double of our own contract,
 * not of Excel. Tables sit at A1 of their sheet; own sheets are tracked by role the way a marker would.
 */
export class FakeWorkbook implements WorkbookPort {
  sheets: string[] = [];
  tables = new Map<string, { sheet: string; rows: GridValue[][] }>();
  own = new Map<SheetRole, string>();
  written: AnalysisLayout[] = [];
  settings: string | null = null;
  saved: string[] = [];
  selected: { sheet: string; address: string }[] = [];
  /** Set to make the next call of that method fail, the way a host call can. */
  failNext: Partial<Record<keyof WorkbookPort, Error>> = {};

  constructor(init: { sheets?: string[]; tables?: Record<string, { sheet: string; rows: GridValue[][] }> } = {}) {
    this.sheets = [...(init.sheets ?? [])];
    for (const [name, table] of Object.entries(init.tables ?? {})) {
      this.tables.set(name, table);
      if (!this.sheets.includes(table.sheet)) this.sheets.push(table.sheet);
    }
  }

  private fail(method: keyof WorkbookPort): void {
    const error = this.failNext[method];
    if (error) {
      delete this.failNext[method];
      throw error;
    }
  }

  private candidate(id: string): TableCandidate {
    const table = this.tables.get(id)!;
    const width = Math.max(...table.rows.map((r) => r.length));
    return {
      id,
      kind: "table",
      sheet: table.sheet,
      address: rangeAddress(1, 1, table.rows.length, width),
      headers: table.rows[0].map((v) => (v === null ? "" : String(v))),
      rowCount: table.rows.length - 1,
    };
  }

  async listTables(): Promise<TableCandidate[]> {
    this.fail("listTables");
    return [...this.tables.keys()].map((id) => this.candidate(id));
  }

  async readTable(id: string): Promise<SourceGrid> {
    this.fail("readTable");
    const table = this.tables.get(id);
    if (!table) throw new Error(`There is no table named "${id}"`);
    const c = this.candidate(id);
    return { sheet: c.sheet, address: c.address, firstRow: 1, firstColumn: 1, values: table.rows.map((r) => [...r]) };
  }

  /** Set to hold a write half-way, after its first progress report, until the promise settles. */
  hold: Promise<void> | null = null;

  async writeAnalysis(layout: AnalysisLayout, onProgress?: ProgressListener): Promise<WrittenSheet[]> {
    this.fail("writeAnalysis");
    onProgress?.({ done: 1, total: layout.sheets.length, stage: `Writing ${layout.sheets[0]?.name ?? ""}` });
    if (this.hold) await this.hold;
    for (const sheet of layout.sheets) {
      const previous = this.own.get(sheet.role);
      if (previous) this.sheets = this.sheets.filter((s) => s !== previous);
    }
    const written = layout.sheets.map((sheet) => {
      const name = freeSheetName(sheet.name, this.sheets);
      this.sheets.push(name);
      this.own.set(sheet.role, name);
      return { role: sheet.role, name, renamed: name !== sheet.name };
    });
    this.written.push(layout);
    return written;
  }

  async ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return [...this.own.entries()].map(([role, name]) => ({ role, name }));
  }

  async loadSettings(): Promise<string | null> {
    this.fail("loadSettings");
    return this.settings;
  }

  async saveSettings(json: string): Promise<void> {
    this.fail("saveSettings");
    this.settings = json;
    this.saved.push(json);
  }

  async insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate> {
    this.fail("insertTable");
    const sheet = freeSheetName(sheetName, this.sheets);
    this.sheets.push(sheet);
    this.tables.set(tableName, { sheet, rows });
    return this.candidate(tableName);
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.fail("selectCell");
    this.selected.push({ sheet, address });
  }
}
