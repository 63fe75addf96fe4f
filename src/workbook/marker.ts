import type { SheetRole } from "./layout";

/**
 * How the add-in knows its own sheets: a workbook-level defined name per role, pointing at the sheet's A1.
 * A defined name survives save and reopen, follows the sheet when the user renames it, and reads the same
 * through Office.js and ExcelJS, so a workbook written by the command line is recognised in Excel and back.
 * A sheet is the add-in's only if such a name points at it, never because of its name alone.
 */
export const SHEET_MARKERS: Readonly<Record<SheetRole, string>> = Object.freeze({
  assumptions: "AIBUDGET_SHEET_ASSUMPTIONS",
  allocation: "AIBUDGET_SHEET_ALLOCATION",
  workings: "AIBUDGET_SHEET_WORKINGS",
  comparison: "AIBUDGET_SHEET_COMPARISON",
  budget: "AIBUDGET_SHEET_BUDGET",
  vendors: "AIBUDGET_SHEET_VENDORS",
  sensitivity: "AIBUDGET_SHEET_SENSITIVITY",
});

/** In the order the sheets are written and shown. */
export const SHEET_ROLES: readonly SheetRole[] = [
  "assumptions",
  "allocation",
  "workings",
  "comparison",
  "budget",
  "vendors",
  "sensitivity",
];

export function roleOfMarker(name: string): SheetRole | null {
  const role = SHEET_ROLES.find((r) => SHEET_MARKERS[r].toLowerCase() === name.toLowerCase());
  return role ?? null;
}

/** The first free name: the wanted one, else "Wanted (2)", "Wanted (3)", … (sheets.md). Case-insensitive, as Excel is. */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const candidate = `${wanted} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name quoted for a formula or a defined name's reference: 'AI Allocation'!$A$1. */
export function sheetReference(sheet: string, cell = "$A$1"): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** The defined name that points at the very hidden sheet where the .xlsx adapter keeps the wizard's settings. */
export const SETTINGS_MARKER = "AIBUDGET_SETTINGS";
