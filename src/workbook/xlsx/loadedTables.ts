import type { Workbook } from "exceljs";
import { gridText, gridValue } from "./cellValue";
import { parseBlock } from "./sheetAddress";

interface LoadedTable {
  tableRef?: string;
  headerRow?: boolean;
  style?: object | null;
  columns: { name: string }[];
}

/**
 * Mends two ways ExcelJS 4.4 misreads tables written by Excel and LibreOffice, before anything reads or saves them:
 * - A table's header row count defaults to 1 when the attribute is absent, as Excel writes it, but ExcelJS reads
 *   absence as "no header row" and would save the table so. Excel requires header cells to hold the column names,
 *   so a table whose first row holds exactly its column names has its header row.
 * - A table without style information makes ExcelJS's save throw; an empty style writes a table with none.
 */
export function mendLoadedTables(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table?: LoadedTable }> }).tables ?? {};
    for (const { table } of Object.values(tables)) {
      if (!table) continue;
      if (table.style === null || table.style === undefined) table.style = {};
      if (table.headerRow) continue;
      const block = parseBlock(table.tableRef ?? "");
      if (!block || table.columns.length !== block.right - block.left + 1) continue;
      const firstRow = table.columns.map((_, i) => gridText(gridValue(sheet.getCell(block.top, block.left + i).value)));
      if (firstRow.every((text, i) => text === table.columns[i].name)) table.headerRow = true;
    }
  }
}
