import type { Workflow } from "../../model";
import { columnLetter } from "../a1";
import type { GridValue } from "../layout";
import type { SourceGrid } from "../port";
import type { ColumnMatch, FieldName, ReadWorkflow, RejectedRow, RowProblem, TableReading } from "../reading";
import {
  FIELD_HEADERS,
  REQUIRED_FIELDS,
  fieldLabel,
  fieldOfHeader,
  headerText,
  matchColumns,
  missingFields,
} from "./columns";
import { FIELD_READERS, describeCell, expectedFor, isEmptyCell, isErrorCell, type FieldValues } from "./fields";
import { TableError } from "./tableError";

/**
 * Reads a workflow table (sheets.md, "The workflow table it reads"): every row is either read into a workflow,
 * skipped because its known columns are all empty, or rejected with the cells that stop it. Only a table that
 * cannot be read at all throws, a TableError whose message is for the user.
 */
export function readWorkflowTable(grid: SourceGrid, columns?: readonly ColumnMatch[]): TableReading {
  const where = `${grid.sheet}!${grid.address}`;
  const header = grid.values[0];
  if (!header || header.every((cell) => isEmptyCell(cell))) {
    throw new TableError(
      `The range ${where} has no header row: its first row is empty. Expected headers such as ${quoteList(REQUIRED_FIELDS.map(fieldLabel))}.`,
    );
  }
  const matched = columns ? checkedColumns(grid, columns, where) : matchColumns(header, grid.firstColumn).columns;
  const missing = missingFields(matched);
  if (missing.length > 0) throw new TableError(missingColumnsMessage(where, header, missing));
  if (grid.values.length < 2) {
    throw new TableError(`The table at ${where} has a header row but no rows below it: expected one row per workflow.`);
  }

  const workflows: ReadWorkflow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowByName = new Map<string, number>();
  grid.values.slice(1).forEach((cells, i) => {
    const row = grid.firstRow + 1 + i;
    const cellOf = (c: ColumnMatch): GridValue => cells[c.index] ?? null;
    if (matched.every((c) => isEmptyCell(cellOf(c)))) return;

    const read = readRow(row, matched, cellOf);
    const nameColumn = matched.find((c) => c.field === "name")!;
    if (read.values.name !== undefined) {
      const key = read.values.name.toLowerCase();
      const first = firstRowByName.get(key);
      if (first === undefined) firstRowByName.set(key, row);
      else {
        const expected = `a name that no earlier row uses (row ${first} has it)`;
        read.problems.unshift(problem(row, nameColumn, cellOf(nameColumn), expected));
      }
    }
    if (read.problems.length > 0) rejected.push({ row, name: read.values.name ?? null, problems: read.problems });
    else workflows.push({ workflow: toWorkflow(read.values as FieldValues), row, notes: read.notes });
  });
  if (workflows.length === 0 && rejected.length === 0) {
    throw new TableError(`The table at ${where} has no workflow rows: every row below the header is empty.`);
  }
  return { columns: matched, workflows, rejected, warnings: warnings(matched, columns ? null : header, grid) };
}

interface RowRead {
  values: Partial<FieldValues>;
  problems: RowProblem[];
  notes: string[];
}

function readRow(row: number, columns: readonly ColumnMatch[], cellOf: (c: ColumnMatch) => GridValue): RowRead {
  const values: Partial<Record<FieldName, unknown>> = {};
  const problems: RowProblem[] = [];
  const notes: string[] = [];
  for (const c of columns) {
    const cell = cellOf(c);
    if (isErrorCell(cell) || (REQUIRED_FIELDS.includes(c.field) && isEmptyCell(cell))) {
      problems.push(problem(row, c, cell, expectedFor(c.field)));
      continue;
    }
    const reading = FIELD_READERS[c.field](cell);
    if (!reading.ok) {
      problems.push(problem(row, c, cell, reading.expected));
      continue;
    }
    values[c.field] = reading.value;
    if (reading.note) notes.push(`Column ${c.column} (${c.header}): ${reading.note}`);
  }
  return { values: values as Partial<FieldValues>, problems, notes };
}

function problem(row: number, c: ColumnMatch, cell: GridValue, expected: string): RowProblem {
  const found = describeCell(cell);
  return {
    row,
    column: c.column,
    header: c.header,
    found,
    expected,
    message: `Row ${row}, column ${c.column} (${c.header}): found ${found}; expected ${expected}`,
  };
}

function toWorkflow(v: FieldValues): Workflow {
  const workflow: Workflow = {
    name: v.name,
    people: v.people,
    tasksPerPersonPerMonth: v.tasks,
    minutesSavedPerTask: v.minutes,
    hourlyCost: v.hourlyCost,
    adoption: v.adoption ?? null,
    sensitiveData: v.sensitive ?? false,
    integration: v.integration ?? "none",
    integrationCost: v.integrationCost ?? null,
    vendor: v.vendor ?? null,
    vendorSurvival: v.vendorSurvival ?? null,
  };
  if (v.taskType !== undefined) workflow.taskType = v.taskType;
  return workflow;
}

/** A mapping edited by hand: one column per field (the first wins), inside the table, named as the sheet names it. */
function checkedColumns(grid: SourceGrid, columns: readonly ColumnMatch[], where: string): ColumnMatch[] {
  const width = Math.max(...grid.values.map((cells) => cells.length));
  const checked: ColumnMatch[] = [];
  for (const c of columns) {
    if (!Number.isInteger(c.index) || c.index < 0 || c.index >= width) {
      throw new TableError(`${fieldLabel(c.field)} is mapped to a column outside the table at ${where}.`);
    }
    if (checked.some((other) => other.field === c.field)) continue;
    const header = headerText(grid.values[0][c.index]) || c.header || fieldLabel(c.field);
    checked.push({ field: c.field, index: c.index, header, column: columnLetter(grid.firstColumn + c.index) });
  }
  return checked;
}

function missingColumnsMessage(where: string, header: readonly GridValue[], missing: readonly FieldName[]): string {
  const found = header.map((cell) => headerText(cell)).filter((text) => text !== "");
  const wanted = missing.map((field) => {
    const [canonical, ...others] = FIELD_HEADERS[field];
    return `"${canonical}" (or ${others.map((h) => `"${h}"`).join(", ")})`;
  });
  const noun = missing.length === 1 ? "a required column" : "required columns";
  return (
    `The table at ${where} lacks ${noun}: ${missing.map(fieldLabel).join(", ")}. ` +
    `Headers found: ${found.length > 0 ? quoteList(found) : "none"}. ` +
    `Name ${missing.length === 1 ? "a column" : "columns"} ${wanted.join("; ")}.`
  );
}

function warnings(columns: readonly ColumnMatch[], header: readonly GridValue[] | null, grid: SourceGrid): string[] {
  const result: string[] = [];
  if (!columns.some((c) => c.field === "sensitive")) {
    result.push(
      'The table has no sensitivity column (such as "Sensitive data"), so every workflow is taken as handling no ' +
        "sensitive data; that lets consumer tools in.",
    );
  }
  // A second column naming a field already matched is left out: say so, so the user knows which one counted.
  header?.forEach((cell, index) => {
    const text = headerText(cell);
    const field = fieldOfHeader(text);
    const used = columns.find((c) => c.field === field);
    if (field === null || !used || used.index === index) return;
    const column = columnLetter(grid.firstColumn + index);
    result.push(
      `Column ${column} (${text}) also names ${fieldLabel(field)}; column ${used.column} (${used.header}) is used and column ${column} is left out.`,
    );
  });
  return result;
}

function quoteList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(", ");
}
