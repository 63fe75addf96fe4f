/**
 * The output sheets as plain data: what to write where, with no host in sight. The layout builder makes one;
 * each adapter (Office.js, .xlsx) writes it. Formula cells carry their computed value too, so a file opens with
 * its figures shown before any recalculation, and tests compare a recalculation against it.
 *
 * Formulas may refer to the add-in's other sheets by their wanted names ('AI Allocation'!F2), to the add-in's
 * tables by their wanted names (AIAllocation[NPV]) and to the add-in's defined names (AIBUDGET_Years). Where an
 * adapter must take another name because the user already has one (sheets.md: "AI Allocation (2)",
 * "AIAllocation2"), it rebinds every formula with `bindLayout` (bindNames.ts) before writing.
 */

/** What a cell of a source table can hold, once an adapter has read it. */
export type GridValue = string | number | boolean | null | { error: string };

export type LayoutValue = string | number | boolean | null;

/**
 * How a cell reads, in the conventions of careful financial models: inputs (a light fill, blue text) may be typed
 * over; formulas are black; labels and headers bold. Adapters map each style to one cell format.
 */
export type CellStyle = "input" | "formula" | "label" | "header" | "total" | "title" | "note" | "warning";

export interface LayoutCell {
  /** The value, or for a formula cell its computed value ("" where the formula shows nothing). */
  value: LayoutValue;
  /** A native Excel formula, starting with "=", in A1 style, in the en-US form Excel's `formulas` take. */
  formula?: string;
  /** An Excel number format, e.g. "#,##0" or "0%". */
  numberFormat?: string;
  style?: CellStyle;
  /** Kept for the first version's layouts; new code uses `style`. */
  bold?: boolean;
}

export type SheetRole = "assumptions" | "allocation" | "workings" | "comparison" | "budget" | "vendors" | "sensitivity";

export interface LayoutTable {
  /** The Excel table name, e.g. "AIAllocation". */
  name: string;
  /** A1 range of the header and body rows, e.g. "A1:M8". */
  range: string;
}

/** A workbook-level defined name over a cell or range of this sheet, e.g. AIBUDGET_Years → C4. */
export interface LayoutName {
  name: string;
  /** A1 cell or range on this sheet, without the sheet ("C4", "C4:C9"); adapters write it absolute. */
  ref: string;
}

/** Excel data validation on a range of this sheet. */
export type LayoutValidation =
  | { range: string; kind: "list"; items: string[] }
  | { range: string; kind: "decimal"; min: number; max: number }
  | { range: string; kind: "whole"; min: number; max: number };

export interface LayoutChart {
  /** columnClustered: vertical bars; barClustered: horizontal bars (the tornado); line: a line per series. */
  kind: "columnClustered" | "barClustered" | "line";
  title: string;
  /**
   * A1 range of the chart's data on the same sheet, headers included: with seriesBy "columns" the first row names
   * the series and the first column holds the categories; with "rows", the transpose.
   */
  dataRange: string;
  /** Always explicit: Excel on the web and on the desktop guess differently when left to "Auto". */
  seriesBy: "columns" | "rows";
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export interface PrintSetup {
  landscape: boolean;
  /** Fitted to one page wide, as many pages tall as it takes. */
  fitToOnePageWide: boolean;
  /** 1-based rows repeated at the top of every printed page, e.g. { first: 1, last: 1 }. */
  repeatRows?: { first: number; last: number };
}

/**
 * A block of formulas as Excel's Fill Down makes it: each column's formula in the block's first row, its relative
 * row references one row further in each row below. Cells below the first row carry only their computed value and
 * format, never a formula of their own, so a column of 100,000 long formulas is one formula and 100,000 values:
 * the .xlsx adapter writes it as a shared formula, the Office.js one as one copy. `filledFormula` (fills.ts) gives
 * any cell's formula. Rows and columns are 1-based.
 */
export interface LayoutFill {
  firstRow: number;
  lastRow: number;
  firstColumn: number;
  lastColumn: number;
}

export interface SheetLayout {
  role: SheetRole;
  /** The name the add-in wants; an adapter picks a free one where a foreign sheet holds it. */
  name: string;
  /** Rows from A1 down; null leaves a cell empty. */
  rows: (LayoutCell | null)[][];
  tables: LayoutTable[];
  /** Widths in characters, column A first. */
  columnWidths: number[];
  charts: LayoutChart[];
  /** Workbook-level defined names over cells of this sheet. Absent: none. */
  names?: LayoutName[];
  validations?: LayoutValidation[];
  /** Panes frozen above `rows` rows and left of `columns` columns. Absent: none. */
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
  /** Formulas filled down from a first row. Absent: every formula cell holds its own. */
  fills?: LayoutFill[];
}

export interface AnalysisLayout {
  sheets: SheetLayout[];
}
