import type { AnalysisLayout, GridValue, SheetRole } from "./layout";

/**
 * What the wizard and the command line need from a workbook. The Office.js adapter and the ExcelJS adapter
 * implement it; nothing above this line knows which host it is talking to.
 */

/** A table or block of cells that could be a workflow table. */
export interface TableCandidate {
  /** What `readTable` takes: a table name, or a range such as "Budget!A1:H8". */
  id: string;
  kind: "table" | "range";
  sheet: string;
  /** A1 range on `sheet`, header row included. */
  address: string;
  /** The header row's cells, as text. */
  headers: string[];
  /** Body rows, the header excluded. */
  rowCount: number;
}

/** A source table read in one go: the header row first, then the body. */
export interface SourceGrid {
  sheet: string;
  /** A1 range on `sheet`, header row included. */
  address: string;
  /** 1-based workbook row of the header, so problems can name "row 7". */
  firstRow: number;
  /** 1-based workbook column of the first column, so problems can name "column D". */
  firstColumn: number;
  values: GridValue[][];
  /**
   * The number format of each column's first non-empty body cell (null where none or "General"), so the money
   * columns' currency can be taken from the workbook (sheets.md). Absent where the adapter could not read them.
   */
  columnFormats?: (string | null)[];
}

/** Where a long read or write has got to, for a progress bar: `done` of `total` steps, and what is happening. */
export interface Progress {
  done: number;
  total: number;
  /** For the user, e.g. "Writing AI Allocation". */
  stage: string;
}

export type ProgressListener = (progress: Progress) => void;

export interface WrittenSheet {
  role: SheetRole;
  /** The name it was written under. */
  name: string;
  /** True where a sheet the add-in did not create held the wanted name, so a free name was taken. */
  renamed: boolean;
}

export interface WorkbookPort {
  listTables(): Promise<TableCandidate[]>;
  readTable(id: string): Promise<SourceGrid>;
  /** Replaces the add-in's own sheets, never touches any other. */
  writeAnalysis(layout: AnalysisLayout, onProgress?: ProgressListener): Promise<WrittenSheet[]>;
  /**
   * The current values of workbook-level defined names (the add-in's AIBUDGET_* assumption cells), so a re-run
   * starts from what the user typed there. A name that does not exist, or does not point at one cell, is absent.
   */
  readNamedValues?(names: readonly string[]): Promise<Record<string, GridValue>>;
  /** The sheets the add-in created and still recognises as its own, by their marker. */
  ownSheets(): Promise<{ role: SheetRole; name: string }[]>;
  /** The wizard's saved state (assumptions, overrides), kept in the workbook; null where none was saved. */
  loadSettings(): Promise<string | null>;
  saveSettings(json: string): Promise<void>;
  /** Writes rows (header first) into a new sheet as an Excel table; returns it as a candidate. */
  insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate>;
  /** Selects a cell (wizard: "show me the offending cell"); a no-op where the host has no selection. */
  selectCell(sheet: string, address: string): Promise<void>;
}
