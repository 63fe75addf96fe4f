import {
  fieldLabel,
  FIELD_NAMES,
  headerText,
  matchColumns,
  missingFields,
  REQUIRED_FIELDS,
} from "../../workbook/read/columns";
import type { SourceGrid } from "../../workbook/port";
import type { ColumnMatch, FieldName } from "../../workbook/reading";
import { columnLetter } from "../../workbook/a1";
import type { ColumnChoices } from "./settings";

/**
 * The Columns step: how each header was matched by the header rule, with the user's choices laid over it. A
 * choice names a header by its text, so it still applies when the table gains or loses a column; a choice whose
 * header is gone falls back to the rule.
 */

export interface HeaderOption {
  index: number;
  text: string;
  /** Column letter(s) in the workbook. */
  column: string;
}

export interface ColumnsView {
  headers: HeaderOption[];
  columns: ColumnMatch[];
  /** Required fields that no column feeds. */
  missing: FieldName[];
}

export const ALL_FIELDS: readonly FieldName[] = FIELD_NAMES;

export function isRequired(field: FieldName): boolean {
  return REQUIRED_FIELDS.includes(field);
}

export { fieldLabel };

export function headerOptions(grid: SourceGrid): HeaderOption[] {
  return (grid.values[0] ?? []).flatMap((cell, index) => {
    const text = headerText(cell);
    return text === "" ? [] : [{ index, text, column: columnLetter(grid.firstColumn + index) }];
  });
}

export function columnsFor(grid: SourceGrid, choices: ColumnChoices): ColumnsView {
  const headers = headerOptions(grid);
  const matched = matchColumns(grid.values[0] ?? [], grid.firstColumn).columns;
  const columns: ColumnMatch[] = [];
  for (const field of ALL_FIELDS) {
    const choice = choices[field];
    if (choice === null) continue;
    const chosen = choice === undefined ? undefined : headers.find((h) => h.text === choice);
    if (chosen) {
      columns.push({ field, index: chosen.index, header: chosen.text, column: chosen.column });
      continue;
    }
    const auto = matched.find((c) => c.field === field);
    if (auto) columns.push(auto);
  }
  return { headers, columns, missing: missingFields(columns) };
}
