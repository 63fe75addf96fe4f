import { columnLetter } from "../a1";
import { SHEET_NAMES } from "./names";

/**
 * Where the per-workflow tables sit, so every sheet's formulas point at the same cells. AI Allocation and AI
 * Workings share their geometry: a note in row 1, the header in row 2, workflow i (0-based) in row 3 + i, so a
 * workflow's working is on the same row number as its inputs. An analysis with no workflow still gets one
 * (empty) body row, since an Excel table needs one.
 */

export const HEADER_ROW = 2;
export const FIRST_BODY_ROW = 3;

export interface BodyRows {
  first: number;
  last: number;
  /** The plain totals row directly under AI Allocation's table. */
  totals: number;
  /** How many workflows the rows hold (0: the one body row is empty). */
  count: number;
}

export function bodyRows(workflows: number): BodyRows {
  const last = FIRST_BODY_ROW + Math.max(workflows, 1) - 1;
  return { first: FIRST_BODY_ROW, last, totals: last + 1, count: workflows };
}

/** The AIAllocation table's columns, in sheets.md's order: inputs first, then formulas. */
export const ALLOCATION_HEADERS = [
  "Workflow",
  "Task type",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Adoption",
  "Sensitive data",
  "Integration",
  "Integration cost",
  "Vendor",
  "Vendor survival",
  "Tier set by hand",
  "Tier",
  "Reason",
  "Annual value",
  "Annual cost",
  "One-time cost",
  "PV benefits",
  "PV costs",
  "NPV",
  "ROI",
  "Payback (months)",
  "Cost per unit of value",
  "Break-even minutes",
  "Safety margin",
] as const;
export type AllocationHeader = (typeof ALLOCATION_HEADERS)[number];

/** The columns that are the user's inputs (copies of the source table, and the tier set by hand). */
export const ALLOCATION_INPUTS: readonly AllocationHeader[] = ALLOCATION_HEADERS.slice(0, 13);

/** The AIWorkings table's columns, in sheets.md's order. */
export const WORKINGS_HEADERS = [
  "Workflow",
  "Vendor key",
  "Enterprise survival",
  "Hours saved",
  "Enterprise annual value",
  "Enterprise annual cost",
  "Enterprise one-time cost",
  "Enterprise expected rebuild",
  "Enterprise PV benefits",
  "Enterprise PV costs",
  "Enterprise ROI",
  "Enterprise qualifies",
  "Consumer annual value",
  "Consumer annual cost",
  "Consumer PV benefits",
  "Consumer PV costs",
  "Consumer ROI",
  "Consumer qualifies",
  "Model's tier",
  "Standard capture",
  "Per-seat annual value",
] as const;
export type WorkingsHeader = (typeof WORKINGS_HEADERS)[number];

/** A1 column letter of an AI Allocation column. */
export function allocationLetter(header: AllocationHeader): string {
  return columnLetter(ALLOCATION_HEADERS.indexOf(header) + 1);
}

export function workingsLetter(header: WorkingsHeader): string {
  return columnLetter(WORKINGS_HEADERS.indexOf(header) + 1);
}

function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** A cell of AI Allocation in `row`, relative, from another sheet: 'AI Allocation'!C3. */
export function allocationCell(header: AllocationHeader, row: number): string {
  return `${quoted(SHEET_NAMES.allocation)}!${allocationLetter(header)}${row}`;
}

/** A cell of AI Workings in `row`, relative, from another sheet. */
export function workingsCell(header: WorkingsHeader, row: number): string {
  return `${quoted(SHEET_NAMES.workings)}!${workingsLetter(header)}${row}`;
}

/** The body of an AI Allocation column, absolute, from another sheet: 'AI Allocation'!$C$3:$C$9. */
export function allocationColumn(header: AllocationHeader, rows: BodyRows): string {
  const c = allocationLetter(header);
  return `${quoted(SHEET_NAMES.allocation)}!$${c}$${rows.first}:$${c}$${rows.last}`;
}

export function workingsColumn(header: WorkingsHeader, rows: BodyRows): string {
  const c = workingsLetter(header);
  return `${quoted(SHEET_NAMES.workings)}!$${c}$${rows.first}:$${c}$${rows.last}`;
}

/** A cell of another add-in sheet, absolute: 'AI Comparison'!$C$7. */
export function sheetCell(sheet: string, column: string, row: number): string {
  return `${quoted(sheet)}!$${column}$${row}`;
}
