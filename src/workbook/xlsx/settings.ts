import type { Workbook } from "exceljs";
import { freeSheetName, SETTINGS_MARKER } from "../marker";
import { pointNameAt, sheetOfName } from "./definedNames";

/**
 * The wizard's saved state lives in a very hidden sheet, found by this workbook-level name (not by the sheet's
 * name, which a user's sheet could hold). ExcelJS reads both back after a save; Excel keeps them.
 */
export const SETTINGS_NAME = SETTINGS_MARKER;

/** Excel holds at most 32,767 characters in a cell; longer settings run down column A. */
const CHUNK = 32_000;

export function settingsSheet(workbook: Workbook): string | null {
  return sheetOfName(workbook, SETTINGS_NAME);
}

export function readSettings(workbook: Workbook): string | null {
  const name = settingsSheet(workbook);
  const sheet = name === null ? undefined : workbook.getWorksheet(name);
  if (!sheet) return null;
  let json = "";
  for (let r = 1; ; r++) {
    const value = sheet.getCell(r, 1).value;
    if (typeof value !== "string" || value === "") break;
    json += value;
  }
  return json === "" ? null : json;
}

export function writeSettings(workbook: Workbook, json: string): void {
  const existing = settingsSheet(workbook);
  if (existing !== null) workbook.removeWorksheet(workbook.getWorksheet(existing)!.id);
  const name = freeSheetName(
    SETTINGS_NAME,
    workbook.worksheets.map((ws) => ws.name),
  );
  const sheet = workbook.addWorksheet(name, { state: "veryHidden" });
  for (let i = 0, r = 1; i < json.length; i += CHUNK, r++) sheet.getCell(r, 1).value = json.slice(i, i + CHUNK);
  pointNameAt(workbook, SETTINGS_NAME, name);
}
