import type { Workbook } from "exceljs";
import { freeSheetName, SETTINGS_MARKER } from "../marker";
import { joinSettings, splitSettings } from "../settingsColumn";
import { pointNameAt, sheetOfName } from "./definedNames";

/**
 * The wizard's saved state lives in a very hidden sheet, found by this workbook-level name (not by the sheet's
 * name, which a user's sheet could hold). ExcelJS reads both back after a save; Excel keeps them.
 */
export const SETTINGS_NAME = SETTINGS_MARKER;

export function settingsSheet(workbook: Workbook): string | null {
  return sheetOfName(workbook, SETTINGS_NAME);
}

export function readSettings(workbook: Workbook): string | null {
  const name = settingsSheet(workbook);
  const sheet = name === null ? undefined : workbook.getWorksheet(name);
  if (!sheet) return null;
  const cells: unknown[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) cells.push(sheet.getCell(r, 1).value);
  return joinSettings(cells);
}

export function writeSettings(workbook: Workbook, json: string): void {
  const existing = settingsSheet(workbook);
  if (existing !== null) workbook.removeWorksheet(workbook.getWorksheet(existing)!.id);
  const name = freeSheetName(
    SETTINGS_NAME,
    workbook.worksheets.map((ws) => ws.name),
  );
  const sheet = workbook.addWorksheet(name, { state: "veryHidden" });
  splitSettings(json).forEach((piece, i) => (sheet.getCell(i + 1, 1).value = piece));
  pointNameAt(workbook, SETTINGS_NAME, name);
}
