import type { CellValue, Worksheet } from "exceljs";
import { cellAddress } from "../a1";
import type { LayoutCell, LayoutTable, SheetLayout } from "../layout";
import { parseBlock } from "./sheetAddress";

/** A formula with its computed value cached, so a viewer that does not recalculate still shows the number. */
function cellValue(cell: LayoutCell): CellValue {
  if (cell.formula === undefined) return cell.value;
  const formula = cell.formula.replace(/^=/, "");
  return cell.value === null ? { formula, result: undefined } : { formula, result: cell.value };
}

function writeCells(sheet: Worksheet, layout: Pick<SheetLayout, "rows">): void {
  layout.rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (cell === null) return;
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cellValue(cell);
      if (cell.numberFormat) target.numFmt = cell.numberFormat;
      if (cell.bold) target.font = { bold: true };
    });
  });
}

/** Excel wants every table column named, and named once. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    let name = header.trim() || `Column${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${header.trim() || `Column${i + 1}`} ${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Makes an Excel table over cells already written. ExcelJS writes the rows it is given into the cells, so it gets
 * the values just written (formulas included) and leaves the formats alone.
 */
function addTable(sheet: Worksheet, table: LayoutTable, name: string): void {
  const block = parseBlock(table.range);
  if (!block) throw new Error(`The layout's table ${table.name} has a range that is not an A1 range: "${table.range}"`);
  const valueAt = (r: number, c: number): CellValue => sheet.getCell(r, c).value;
  const headers: string[] = [];
  for (let c = block.left; c <= block.right; c++) {
    const v = valueAt(block.top, c);
    headers.push(v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v));
  }
  const names = uniqueHeaders(headers);
  // Header cells must hold exactly the column names, or Excel repairs the file.
  names.forEach((n, i) => {
    if (n !== headers[i]) sheet.getCell(block.top, block.left + i).value = n;
  });
  const rows: CellValue[][] = [];
  for (let r = block.top + 1; r <= block.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = block.left; c <= block.right; c++) row.push(valueAt(r, c));
    rows.push(row);
  }
  sheet.addTable({
    name,
    ref: cellAddress(block.top, block.left),
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: names.map((n) => ({ name: n, filterButton: true })),
    rows,
  });
}

/** A table name no other table in the workbook holds (Excel's names are case-insensitive and workbook-wide). */
export function freeTableName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Writes one output sheet into an empty worksheet: values, formulas with their results, formats, widths and
 * tables. Returns the names the tables got. Charts are not written: ExcelJS cannot make them (see `chartNote`).
 */
export function writeSheet(
  sheet: Worksheet,
  layout: Pick<SheetLayout, "rows" | "tables" | "columnWidths">,
  takenTableNames: Set<string>,
): string[] {
  writeCells(sheet, layout);
  layout.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  return layout.tables.map((table) => {
    const name = freeTableName(table.name, takenTableNames);
    takenTableNames.add(name.toLowerCase());
    addTable(sheet, table, name);
    return name;
  });
}
