import { Workbook, type CellValue } from "exceljs";
import type { AnalysisLayout, LayoutCell } from "../../src/workbook/layout";

/**
 * A small test-only writer from a layout to an .xlsx, through ExcelJS: every cell with its formula and cached
 * value, number formats and the workbook-level defined names. It is what these tests need of an adapter (the
 * formulas, their cached values, the AIBUDGET_* names) while the .xlsx adapter is being rewritten; tables,
 * styles and charts do not change what a formula computes and are left to the adapters' own tests.
 */

function cellValue(cell: LayoutCell): CellValue {
  if (cell.formula === undefined) return cell.value;
  const formula = cell.formula.replace(/^=/, "");
  return { formula, result: cell.value === null ? undefined : cell.value } as CellValue;
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function absolute(ref: string): string {
  return ref
    .split(":")
    .map((part) => part.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

export async function layoutToXlsx(layout: AnalysisLayout): Promise<Uint8Array> {
  const workbook = new Workbook();
  for (const sheet of layout.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cellValue(cell);
        if (cell.numberFormat) target.numFmt = cell.numberFormat;
      }),
    );
    for (const { name, ref } of sheet.names ?? []) {
      workbook.definedNames.add(`${quote(sheet.name)}!${absolute(ref)}`, name);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
