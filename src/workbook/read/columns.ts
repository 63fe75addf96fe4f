import { columnLetter } from "../a1";
import type { GridValue } from "../layout";
import type { ColumnMatch, FieldName } from "../reading";

/** The headers each field accepts, canonical first (sheets.md, "The workflow table it reads"). */
export const FIELD_HEADERS: Record<FieldName, string[]> = {
  name: ["Workflow", "Workflow name", "Process", "Use case"],
  people: ["People", "Headcount", "Employees", "Users", "FTE"],
  tasks: ["Tasks per person per month", "Tasks/person/month", "Monthly tasks per person"],
  minutes: ["Minutes saved per task", "Min saved per task", "Time saved per task (min)"],
  hourlyCost: ["Hourly cost", "Loaded hourly cost", "Loaded rate", "Cost per hour"],
  adoption: ["Adoption", "Adoption rate"],
  sensitive: ["Sensitive data", "Sensitive", "Confidential data"],
  integration: ["Integration", "Integration need", "Integration depth"],
  integrationCost: ["Integration cost", "One-time cost"],
  taskType: ["Task type", "Task"],
  vendor: ["Vendor", "AI vendor", "Provider", "Tool vendor"],
  vendorSurvival: ["Vendor survival", "Vendor annual survival", "Survival"],
};

/** Fields without which a row cannot be analysed; the others have defaults. */
export const REQUIRED_FIELDS: readonly FieldName[] = Object.freeze([
  "name",
  "people",
  "tasks",
  "minutes",
  "hourlyCost",
]);

export const FIELD_NAMES = Object.keys(FIELD_HEADERS) as FieldName[];

/** The canonical header, for messages. */
export function fieldLabel(field: FieldName): string {
  return FIELD_HEADERS[field][0];
}

/**
 * A header as it is compared: lower-cased, without a trailing unit in brackets, spaces or punctuation.
 * "Hourly cost ($)" → "hourlycost"; "Tasks/person/month" → "taskspersonmonth".
 */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\s*[([{][^()[\]{}]*[)\]}]\s*$/u, "")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const FIELD_BY_HEADER: ReadonlyMap<string, FieldName> = new Map(
  FIELD_NAMES.flatMap((field) => FIELD_HEADERS[field].map((header) => [normaliseHeader(header), field] as const)),
);

/** The text of a header cell; an error value or an empty cell has none. */
export function headerText(cell: GridValue | undefined): string {
  if (cell === null || cell === undefined || typeof cell === "object") return "";
  return typeof cell === "string" ? cell.trim() : String(cell);
}

/** The field a header names, or null for a column the analysis does not know. */
export function fieldOfHeader(header: string): FieldName | null {
  const key = normaliseHeader(header);
  return key === "" ? null : (FIELD_BY_HEADER.get(key) ?? null);
}

/**
 * Which column feeds which field, by the header rule. Where two columns name the same field, the first one
 * (leftmost) is used; columns the analysis does not know are left out. `firstColumn` is the 1-based workbook
 * column of headers[0], so each match names its column letter.
 */
export function matchColumns(
  headers: readonly GridValue[],
  firstColumn: number,
): { columns: ColumnMatch[]; missing: FieldName[] } {
  const columns: ColumnMatch[] = [];
  headers.forEach((cell, index) => {
    const header = headerText(cell);
    const field = fieldOfHeader(header);
    if (field === null || columns.some((c) => c.field === field)) return;
    columns.push({ field, index, header, column: columnLetter(firstColumn + index) });
  });
  return { columns, missing: missingFields(columns) };
}

/** Required fields that no column feeds. */
export function missingFields(columns: readonly ColumnMatch[]): FieldName[] {
  return REQUIRED_FIELDS.filter((field) => !columns.some((c) => c.field === field));
}
