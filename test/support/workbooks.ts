import { Workbook, type CellValue } from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Workbooks built cell by cell with ExcelJS, as a user's might look; each returns the saved bytes. */

export type Row = CellValue[];

export async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function openBytes(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** The sample company's rows as the CSV gives them (docs/spec/sample.md), header first, numbers as numbers. */
export function sampleRows(): Row[] {
  const csv = readFileSync(join(__dirname, "..", "..", "examples", "sample-workflows.csv"), "utf8");
  return csv
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(",").map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
}

/** Rows written from a top-left cell, one array per row. */
export function putRows(sheet: import("exceljs").Worksheet, topLeft: { row: number; column: number }, rows: Row[]) {
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(topLeft.row + r, topLeft.column + c).value = value;
    }),
  );
}

/** An Excel table (header first) on a sheet, with whatever else the sheet was given. */
export function addTable(
  sheet: import("exceljs").Worksheet,
  name: string,
  ref: string,
  rows: Row[],
): import("exceljs").Table {
  const [header, ...body] = rows;
  return sheet.addTable({
    name,
    ref,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: header.map((h) => ({ name: String(h), filterButton: true })),
    rows: body,
  });
}

/** A budget workbook: a title above an Excel table named Workflows at B4, and a notes sheet. */
export async function budgetWithTable(rows: Row[] = sampleRows(), tableName = "Workflows"): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.getCell("A1").value = "AI budget 2026";
  sheet.getCell("A2").value = "Draft for the finance committee";
  addTable(sheet, tableName, "B4", rows);
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Figures are estimates.";
  return bytesOf(workbook);
}

/** A workflow table as plain cells (no Excel table), starting at `ref`, with other content on the sheet. */
export async function budgetWithRange(
  rows: Row[],
  ref = { row: 3, column: 2 },
  sheetName = "Budget",
): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.getCell("A1").value = "Operating budget";
  putRows(sheet, ref, rows);
  return bytesOf(workbook);
}
