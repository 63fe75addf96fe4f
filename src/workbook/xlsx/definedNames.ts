import type { Workbook } from "exceljs";
import { sheetReference } from "../marker";
import { splitReference } from "./sheetAddress";

/**
 * Workbook-level defined names that point at one cell, as the markers and the settings name do. ExcelJS keeps
 * the sheet part of a reference as written (quoted, with doubled quotes), so names are compared unquoted.
 */

/** The sheet a defined name points at, or null where the name is absent or points at no existing sheet. */
export function sheetOfName(workbook: Workbook, name: string): string | null {
  const entry = workbook.definedNames.model.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!entry) return null;
  for (const range of entry.ranges) {
    const { sheet } = splitReference(range);
    const found = sheet === null ? undefined : workbook.worksheets.find((ws) => ws.name === unquote(sheet));
    if (found) return found.name;
  }
  return null;
}

/** ExcelJS may hand the sheet part back still wrapped in quotes with doubled quotes inside. */
function unquote(sheet: string): string {
  return /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** Points `name` at A1 of `sheet`, dropping wherever it pointed before. */
export function pointNameAt(workbook: Workbook, name: string, sheet: string): void {
  removeName(workbook, name);
  workbook.definedNames.add(sheetReference(sheet), name);
}

export function removeName(workbook: Workbook, name: string): void {
  const others = workbook.definedNames.model.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
  if (others.length !== workbook.definedNames.model.length) workbook.definedNames.model = others;
}
