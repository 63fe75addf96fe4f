import { Workbook } from "exceljs";
import { analyzeWorkbook } from "../../src/cli/run";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { bytesOf, openBytes, putRows, sampleRows } from "../support/workbooks";
import { SAMPLE_ALLOCATION } from "../support/sampleFigures";
import { columnOf, rowOf, sheetOf, shown } from "./writtenSheets";

/** Workbooks laid out as people lay them out, not as the sample is. */

const NPV_PORTFOLIO = 926586; // docs/spec/sample.md
const NPV_PER_SEAT = 357709;

test("a workflow table of plain cells on a sheet with a title, a side block and notes under it", async () => {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Planning FY26");
  sheet.getCell("A1").value = "FY26 planning: AI";
  sheet.getCell("A2").value = "Owner: Finance";
  putRows(sheet, { row: 4, column: 2 }, sampleRows());
  sheet.getCell("A13").value = "Estimates from the team leads, November.";
  // An unrelated block beside the table, an empty column between them.
  putRows(sheet, { row: 1, column: 12 }, [
    ["Currency", "Rate"],
    ["EUR", 0.92],
    ["GBP", 0.79],
  ]);
  const book = await XlsxWorkbook.load(await bytesOf(workbook));
  const ids = (await book.listTables()).map((c) => c.id);
  // The note under the table widens its block to column A and row 13; those cells are empty or unknown.
  expect(ids).toEqual(["'Planning FY26'!A4:I13", "'Planning FY26'!L1:M3"]);

  const { summary } = await analyzeWorkbook(await bytesOf(workbook));
  expect(summary.source).toBe("Range Planning FY26!A4:I13, 9 rows");
  expect(summary.analysis.reading.rejected).toEqual([]);
  expect(summary.analysis.analyses.map((a) => [a.workflow.name, a.tier])).toEqual(
    SAMPLE_ALLOCATION.map((r) => [r.workflow, r.tier]),
  );
});

test("headers with synonyms and units, numbers written as text: the sample's numbers all the same", async () => {
  const [, ...body] = sampleRows();
  const header = [
    "Use case",
    "Headcount",
    "Tasks/person/month",
    "Time saved per task (min)",
    "Loaded rate ($/h)",
    "Confidential data",
    "Integration depth",
    "Task",
  ];
  const texty = body.map((row) => [row[0], ` ${row[1]} `, row[2], row[3], `$${row[4]}.00`, row[5], row[6], row[7]]);
  const workbook = new Workbook();
  putRows(workbook.addWorksheet("Inputs"), { row: 1, column: 1 }, [header, ...texty]);
  const { output, summary } = await analyzeWorkbook(await bytesOf(workbook));
  expect(summary.analysis.reading.rejected).toEqual([]);
  expect(Math.round(summary.analysis.comparison.portfolio.npv)).toBe(NPV_PORTFOLIO);
  expect(Math.round(summary.analysis.comparison.perSeat.npv)).toBe(NPV_PER_SEAT);
  const allocation = sheetOf(await openBytes(output), "AI Allocation");
  const r = rowOf(allocation, "Contract review");
  expect(shown(allocation.getCell(r, columnOf(allocation, "Tier")).value)).toBe("Enterprise");
  expect(Math.round(shown(allocation.getCell(r, columnOf(allocation, "PV costs")).value) as number)).toBe(86226);
});

test("a messy row is rejected with its workbook row number and column; the other rows are analysed", async () => {
  const rows = sampleRows();
  // The table starts at C6, so its header is row 6 and "Financial analysis and reporting" (body row 3) is row 9.
  rows[3] = [rows[3][0], rows[3][1], rows[3][2], "1,5", rows[3][4], rows[3][5], rows[3][6], rows[3][7]];
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.getCell("A1").value = "Budget";
  putRows(sheet, { row: 6, column: 3 }, rows);
  const { output, summary } = await analyzeWorkbook(await bytesOf(workbook));
  expect(summary.analysis.reading.rejected.map((r) => r.problems.map((p) => p.message))).toEqual([
    [expect.stringMatching(/^Row 9, column F \(Minutes saved per task\): found "1,5"; expected/)],
  ]);
  expect(summary.analysis.analyses.map((a) => a.workflow.name)).toEqual(
    SAMPLE_ALLOCATION.map((r) => r.workflow).filter((name) => name !== "Financial analysis and reporting"),
  );
  const written = await openBytes(output);
  expect(() => rowOf(sheetOf(written, "AI Allocation"), "Financial analysis and reporting")).toThrow();
  // The source is written back as it was, the bad cell included.
  expect(sheetOf(written, "Budget").getCell("F9").value).toBe("1,5");
});

test("a two-cell line above the header (prepared by, date) is not taken for the header", async () => {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  putRows(sheet, { row: 1, column: 1 }, [
    ["Prepared by", "J. Smith"],
    ["Date", new Date(Date.UTC(2026, 10, 2))],
  ]);
  putRows(sheet, { row: 4, column: 1 }, sampleRows());
  const { summary } = await analyzeWorkbook(await bytesOf(workbook));
  expect(summary.source).toBe("Range Budget!A4:H11, 7 rows");
  expect(summary.analysis.analyses).toHaveLength(7);
});
