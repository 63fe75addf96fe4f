import { ZipPartSource } from "../../../src/workbook/xlsx/package/partSourceZip";
import { openReader } from "../../../src/workbook/xlsx/read";
import { largeWorkbook } from "./support/largeWorkbook";

/**
 * 100,000 workflows: the reader's memory grows with the cells it hands back, not with the sheet's XML as a tree
 * would (ExcelJS's loader takes gigabytes here). Speed is measured in bench/read.ts, not asserted.
 */
test("100,000 rows are listed and read in bounded memory", () => {
  const bytes = largeWorkbook(100_000);
  const parts = ZipPartSource.open(bytes);
  const sheetBytes = parts.bytes("xl/worksheets/sheet1.xml").length;
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().heapUsed));
  const reader = openReader(parts);
  const [candidate] = reader.listCandidates(new Set());
  sample();
  expect(candidate).toMatchObject({ id: "Workflows!A1:H100001", kind: "range", rowCount: 100_000 });
  const grid = reader.readGrid(candidate.id);
  sample();
  expect(grid.values).toHaveLength(100_001);
  expect(grid.values[100_000]).toEqual(["Operations reports 100000", 35, 10, 15, 50, "No", "None", "Summarization"]);
  expect(grid.columnFormats).toEqual([null, null, null, null, '"€"#,##0.00', null, null, null]);
  // The grid's 800,000 values and the sheet's text (about 40 MB) are most of it; a tree of the sheet would be
  // many times the sheet's size.
  expect(sheetBytes).toBeGreaterThan(20 * 2 ** 20);
  expect(peak - before).toBeLessThan(6 * sheetBytes);
});
