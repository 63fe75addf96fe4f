/**
 * The output sheets as plain data: what to write where, with no host in sight. The layout builder makes one;
 * each adapter (Office.js, ExcelJS) writes it. Formula cells carry their computed value too, so a viewer that
 * does not recalculate shows the numbers and tests can compare a recalculation against it.
 */

/** What a cell of a source table can hold, once an adapter has read it. */
export type GridValue = string | number | boolean | null | { error: string };

export type LayoutValue = string | number | boolean | null;

export interface LayoutCell {
  /** The value, or for a formula cell its computed value. */
  value: LayoutValue;
  /** A native Excel formula, starting with "=", in A1 style, referring only to its own sheet. */
  formula?: string;
  /** An Excel number format, e.g. "#,##0" or "0%". */
  numberFormat?: string;
  bold?: boolean;
}

export type SheetRole = "assumptions" | "allocation" | "comparison";

export interface LayoutTable {
  /** The Excel table name, e.g. "AIAllocation". */
  name: string;
  /** A1 range of the header and body rows, e.g. "A1:M8". */
  range: string;
}

export interface LayoutChart {
  kind: "columnClustered";
  title: string;
  /** A1 range of the chart's data, headers included, on the same sheet. */
  dataRange: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
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
}

export interface AnalysisLayout {
  sheets: SheetLayout[];
}
