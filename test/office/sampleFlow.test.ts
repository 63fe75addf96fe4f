import { readFileSync } from "node:fs";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { analyseGrid } from "../../src/workbook/analyse";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import { buildAnalysisLayout } from "../../src/workbook/sheets/buildLayout";
import { SAMPLE_CSV, readSimpleCsv } from "../model/sampleWorkflows";
import { FakeExcel } from "./fakeExcel";

/**
 * The wizard's path through the adapter with the real layout builder: insert the sample table (sample.md's CSV),
 * find it, read it, analyse it, write the three sheets. Expectations come from the CSV and sheets.md.
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
  const written = await port.writeAnalysis(buildAnalysisLayout(analysis));
  expect(excel.syncs).toBe(4);
  expect(written.map((w) => w.name)).toEqual(["AI Assumptions", "AI Allocation", "AI Comparison"]);

  const allocation = excel.sheet("AI Allocation");
  const table = excel.tables.find((t) => t.name === "AIAllocation");
  expect(table?.sheet).toBe(allocation);
  expect(table?.rect).toEqual({ top: 1, left: 1, bottom: records.length + 1, right: 13 });
  // One row per workflow, in the source's order, the headers of sheets.md above them.
  expect(allocation.valuesOf("A1:D1")).toEqual([["Workflow", "People", "Tier", "Reason"]]);
  expect(allocation.valuesOf(`A2:A${records.length + 1}`).flat()).toEqual(records.map((r) => r["Workflow"]));
  // The totals row holds formulas (SUM over the body), not values.
  const totals = records.length + 2;
  expect(allocation.at(`B${totals}`)?.formula).toBe(`=SUM(B2:B${records.length + 1})`);

  const comparison = excel.sheet("AI Comparison");
  expect(excel.tables.find((t) => t.name === "AIComparison")?.sheet).toBe(comparison);
  expect(comparison.charts).toHaveLength(1);
  expect(comparison.charts[0].type).toBe("ColumnClustered");
  for (const marker of Object.values(SHEET_MARKERS)) expect(excel.sheetOfName(marker)).not.toBeNull();

  // The source was read, never written.
  expect(JSON.stringify(excel.sheet(inserted.sheet).rows)).toBe(before);
  expect(await port.listTables()).toEqual([inserted]);
});
