import { readFileSync } from "node:fs";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { analyseGrid } from "../../src/workbook/analyse";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import { expandFills } from "../../src/workbook/fills";
import { buildAnalysisLayout } from "../../src/workbook/sheets/buildLayout";
import { SAMPLE_CSV, readSimpleCsv } from "../model/sampleWorkflows";
import { FakeExcel } from "./fakeExcel";

/**
 * The wizard's path through the adapter with the real layout builder: insert the sample table (sample.md's CSV),
 * find it, read it, analyse it, write its sheets. Expectations come from the CSV and the layout itself.
 */
test("the sample table goes in, is found and read, and its analysis is written as sheets.md describes", async () => {
  const records = readSimpleCsv(readFileSync(SAMPLE_CSV, "utf8"));
  const header = Object.keys(records[0]);
  const rows: (string | number)[][] = [
    header,
    ...records.map((r) => header.map((h) => (/^\d+(\.\d+)?$/.test(r[h]) ? Number(r[h]) : r[h]))),
  ];

  const excel = new FakeExcel();
  excel.addSheet("Sheet1");
  const port = new OfficeWorkbook(excel.run as unknown as ExcelRun);
  const inserted = await port.insertTable("Sample workflows", "SampleWorkflows", rows);

  const candidates = await port.listTables();
  expect(candidates).toEqual([inserted]);
  const grid = await port.readTable(inserted.id);
  expect(grid.values).toEqual(rows);
  const before = JSON.stringify(excel.sheet(inserted.sheet).rows);

  const analysis = analyseGrid(grid, DEFAULT_ASSUMPTIONS, {}, new Date(Date.UTC(2025, 0, 15)));
  expect(analysis.reading.rejected).toEqual([]);
  excel.resetCounts();
  const layout = buildAnalysisLayout(analysis);
  const written = await port.writeAnalysis(layout);
  // Whatever the builder gives (SHEETS is growing it to the seven sheets of the live model): a fixed number of
  // round trips, one sheet per layout sheet under its name, each table and chart where the layout puts it.
  expect(excel.syncs).toBe(4);
  expect(written.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
  for (const sheet of layout.sheets) {
    const written = excel.sheet(sheet.name);
    for (const table of sheet.tables) expect(excel.table(table.name)?.sheet).toBe(written);
    expect(written.charts.map((c) => [c.source, c.seriesBy])).toEqual(
      sheet.charts.map((c) => [c.dataRange, c.seriesBy === "rows" ? "Rows" : "Columns"]),
    );
    expect(excel.sheetOfName(SHEET_MARKERS[sheet.role])).toBe(sheet.name);
    // Every formula cell got its formula, filled down or written; every value cell its value.
    expandFills(sheet).rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null) return;
        const at = written.cell(r + 1, c + 1);
        if (cell.formula !== undefined)
          expect({ at: [r, c], formula: at?.formula }).toEqual({ at: [r, c], formula: cell.formula });
        else if (cell.value !== "" && cell.value !== null)
          expect({ at: [r, c], value: at?.value }).toEqual({ at: [r, c], value: cell.value });
      }),
    );
  }

  // One row per workflow in the allocation table, in the source's order.
  const allocation = excel.table("AIAllocation")!;
  const { top, left } = allocation.rect;
  const names = allocation.sheet.valuesOf(
    `${String.fromCharCode(64 + left)}${top + 1}:${String.fromCharCode(64 + left)}${top + records.length}`,
  );
  expect(names.flat()).toEqual(records.map((r) => r["Workflow"]));

  // The source was read, never written.
  expect(JSON.stringify(excel.sheet(inserted.sheet).rows)).toBe(before);
  expect(await port.listTables()).toEqual([inserted]);
});
