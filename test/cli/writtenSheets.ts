import type { CellValue, Workbook, Worksheet } from "exceljs";

/** Reading the written sheets the way a user reads them: by labels and headers, not by fixed cells. */

export function shown(value: CellValue): unknown {
  // A filled cell is a shared formula, which ExcelJS gives as { sharedFormula, result }.
  if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value))
    return value.result ?? null;
  return value;
}

/** The 1-based column whose header row cell reads `header`; without a header row, the first of the top rows that has it. */
export function columnOf(sheet: Worksheet, header: string, headerRow?: number): number {
  const rows = headerRow === undefined ? Array.from({ length: 12 }, (_, i) => i + 1) : [headerRow];
  for (const r of rows) {
    for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(r, c).value === header) return c;
  }
  throw new Error(`No column headed "${header}" on ${sheet.name}`);
}

/** The 1-based row whose first cell reads `label`. */
export function rowOf(sheet: Worksheet, label: string, column = 1): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, column).value === label) return r;
  throw new Error(`No row labelled "${label}" on ${sheet.name}`);
}

/** The value to the right of a labelled cell. */
export function labelledValue(sheet: Worksheet, label: string): unknown {
  const r = rowOf(sheet, label);
  return shown(sheet.getCell(r, 2).value);
}

export function sheetOf(workbook: Workbook, name: string): Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet "${name}"; sheets: ${workbook.worksheets.map((s) => s.name).join(", ")}`);
  return sheet;
}
