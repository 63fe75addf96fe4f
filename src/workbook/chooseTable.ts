import type { TableCandidate } from "./port";
import { matchColumns } from "./read/columns";

/** Whether a candidate's headers name every required field. */
export function isWorkflowTable(candidate: TableCandidate): boolean {
  return matchColumns(candidate.headers, 1).missing.length === 0;
}

/**
 * The table the wizard offers first: an Excel table whose headers match, else a block of cells whose headers
 * match, in the order the workbook lists them; null where none does.
 */
export function chooseTable(candidates: readonly TableCandidate[]): TableCandidate | null {
  return (
    candidates.find((c) => c.kind === "table" && isWorkflowTable(c)) ??
    candidates.find((c) => c.kind === "range" && isWorkflowTable(c)) ??
    null
  );
}

/** One line for a list of candidates: `Table "Workflows" on Budget!A1:H8, 7 rows`. */
export function describeCandidate(candidate: TableCandidate): string {
  const rows = `${candidate.rowCount} ${candidate.rowCount === 1 ? "row" : "rows"}`;
  const place = `${candidate.sheet}!${candidate.address}`;
  return candidate.kind === "table" ? `Table "${candidate.id}" on ${place}, ${rows}` : `Range ${place}, ${rows}`;
}
