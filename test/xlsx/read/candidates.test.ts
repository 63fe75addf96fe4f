import { Workbook } from "exceljs";
import { SETTINGS_MARKER, SHEET_MARKERS } from "../../../src/workbook/marker";
import { splitSettings } from "../../../src/workbook/settingsColumn";
import { openReader, type WorkbookReader } from "../../../src/workbook/xlsx/read";
import { addTable, budgetWithTable, bytesOf, putRows, sampleRows } from "../../support/workbooks";
import { editZip, zipParts } from "./support/zipParts";

function readerOf(bytes: Uint8Array): WorkbookReader {
  return openReader(zipParts(bytes));
}

async function readerOfBook(workbook: Workbook): Promise<WorkbookReader> {
  return readerOf(await bytesOf(workbook));
}

const NONE = new Set<string>();

describe("candidates and grids, as the ExcelJS adapter listed and read them", () => {
  test("an Excel table below a title is listed and read with its workbook position", async () => {
    const reader = readerOf(await budgetWithTable());
    const tables = reader.listCandidates(NONE);
    expect(tables).toEqual([
      { id: "Workflows", kind: "table", sheet: "Budget", address: "B4:I11", headers: sampleRows()[0], rowCount: 7 },
    ]);
    const grid = reader.readGrid("workflows");
    expect(grid.sheet).toBe("Budget");
    expect(grid.address).toBe("B4:I11");
    expect(grid.firstRow).toBe(4);
    expect(grid.firstColumn).toBe(2);
    expect(grid.values).toEqual(sampleRows());
  });

  test("a block of cells is listed as a range with a quoted sheet name and read back by that id", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Q1 Budget");
    sheet.getCell("A1").value = "Budget for Q1";
    sheet.getCell("C3").value = "Workflow";
    sheet.getCell("D3").value = "People";
    sheet.getCell("C4").value = "Support";
    sheet.getCell("D4").value = 12;
    sheet.getCell("C6").value = "Sales"; // a gap does not end the table
    sheet.getCell("D6").value = 3;
    const reader = await readerOfBook(workbook);
    const [range] = reader.listCandidates(NONE);
    expect(range).toEqual({
      id: "'Q1 Budget'!C3:D6",
      kind: "range",
      sheet: "Q1 Budget",
      address: "C3:D6",
      headers: ["Workflow", "People"],
      rowCount: 3,
    });
    expect(reader.readGrid(range.id)).toEqual({
      sheet: "Q1 Budget",
      address: "C3:D6",
      firstRow: 3,
      firstColumn: 3,
      values: [
        ["Workflow", "People"],
        ["Support", 12],
        [null, null],
        ["Sales", 3],
      ],
      columnFormats: [null, null],
    });
  });

  test("a 'Prepared by / date' line above the header is not taken for it; side-by-side blocks are separate", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Plan");
    putRows(sheet, { row: 1, column: 1 }, [
      ["Prepared by", "Ana", "2026-01-05", null, null, null, null, null, null, "Notes"],
    ]);
    putRows(sheet, { row: 3, column: 1 }, sampleRows());
    putRows(sheet, { row: 3, column: 10 }, [
      ["Vendor", "Survival"],
      ["Acme", 0.9],
    ]);
    const reader = await readerOfBook(workbook);
    expect(reader.listCandidates(NONE).map((c) => [c.id, c.headers[0], c.rowCount])).toEqual([
      ["Plan!A3:H10", "Workflow", 7],
      ["Plan!J3:K4", "Vendor", 1],
    ]);
  });

  test("a table's totals row is not read as a workflow", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Budget").addTable({
      name: "People",
      ref: "A1",
      totalsRow: true,
      columns: [
        { name: "Workflow", totalsRowLabel: "Total" },
        { name: "People", totalsRowFunction: "sum" },
      ],
      rows: [
        ["Support", 10],
        ["Sales", 5],
      ],
    });
    const reader = await readerOfBook(workbook);
    const grid = reader.readGrid("People");
    expect(grid.values).toEqual([
      ["Workflow", "People"],
      ["Support", 10],
      ["Sales", 5],
    ]);
    expect(grid.address).toBe("A1:B3");
    expect(reader.listCandidates(NONE)[0]).toMatchObject({ address: "A1:B3", rowCount: 2 });
  });

  test("a table as Excel writes it (no headerRowCount: one header row) and a table without a header row", async () => {
    const asExcel = editZip(await budgetWithTable(), (name, xml) =>
      name === "xl/tables/table1.xml" ? xml.replace(/ headerRowCount="1"/, "") : xml,
    );
    const reader = readerOf(asExcel);
    expect(reader.readGrid("Workflows").values).toEqual(sampleRows());
    const headless = editZip(await budgetWithTable(sampleRows().slice(0, 3)), (name, xml) =>
      name === "xl/tables/table1.xml"
        ? xml.replace(/ headerRowCount="1"/, "").replace(/ ref="B4:I6"/, ' ref="B5:I6" headerRowCount="0"')
        : xml,
    );
    const grid = readerOf(headless).readGrid("Workflows");
    // The header is the columns' names; the first body row is workbook row 5.
    expect(grid.values).toEqual(sampleRows().slice(0, 3));
    expect([grid.firstRow, grid.address]).toEqual([4, "B5:I6"]);
  });

  test("unknown tables, ranges and sheets get messages that name them", async () => {
    const reader = readerOf(await budgetWithTable());
    expect(() => reader.readGrid("Costs")).toThrow(/no table named "Costs".*Tables in this workbook: Workflows/);
    expect(() => reader.readGrid("Plan!A1:C3")).toThrow(/no sheet named "Plan". Sheets: Budget, Notes/);
    expect(() => reader.readGrid("A1:C3")).toThrow(/Name the sheet of the range "A1:C3", e.g. Budget!A1:C3/);
    const one = new Workbook();
    one.addWorksheet("Only").getCell("A1").value = "x";
    const lone = await readerOfBook(one);
    expect(lone.readGrid("A1:A1").values).toEqual([["x"]]);
    expect(() => lone.readGrid("Costs")).toThrow(/This workbook has no Excel tables/);
  });

  test("sheets to skip give no candidates", async () => {
    const reader = readerOf(await budgetWithTable());
    expect(reader.listCandidates(new Set(["Budget"]))).toEqual([]);
  });

  test("a range that was a block is read as the block is now: a saved choice follows added rows", async () => {
    const workbook = new Workbook();
    putRows(workbook.addWorksheet("Data"), { row: 2, column: 1 }, sampleRows());
    const reader = await readerOfBook(workbook);
    const grid = reader.readGrid("Data!A2:H5"); // listed when the table had three workflows
    expect(grid.address).toBe("A2:H9");
    expect(grid.values).toEqual(sampleRows());
    // A range that is not a block's (other columns) is read as given.
    expect(reader.readGrid("Data!B2:C3").values).toEqual([
      ["People", "Tasks per person per month"],
      [15, 240],
    ]);
  });

  test("column formats: each column's first body value's number format, built-in or custom, null for General", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Budget");
    putRows(sheet, { row: 1, column: 1 }, [
      ["Workflow", "People", "Hourly cost", "Share", "Started"],
      ["Support", 3, 45, 0.5, 46000],
      ["Sales", 4, 60, 0.25, 46001],
    ]);
    sheet.getCell("C2").numFmt = '"€"#,##0.00';
    sheet.getCell("C3").numFmt = "#,##0";
    sheet.getCell("D2").numFmt = "0%";
    sheet.getCell("E3").numFmt = "d-mmm-yy";
    const grid = (await readerOfBook(workbook)).readGrid("Budget!A1:E3");
    expect(grid.columnFormats).toEqual([null, null, '"€"#,##0.00', "0%", null]);
  });
});

describe("the add-in's own sheets and settings", () => {
  async function withOwnSheets(): Promise<Uint8Array> {
    const workbook = new Workbook();
    addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
    workbook.addWorksheet("AI Allocation (2)").getCell("A1").value = "Workflow";
    workbook.addWorksheet("AI Assumptions").getCell("A1").value = "Assumption";
    const settings = workbook.addWorksheet("AIBUDGET_SETTINGS", { state: "veryHidden" });
    const json = JSON.stringify({ tableId: "Workflows", note: "x".repeat(70_000) });
    splitSettings(json).forEach((piece, i) => (settings.getCell(i + 1, 1).value = piece));
    workbook.definedNames.add("'AI Allocation (2)'!$A$1", SHEET_MARKERS.allocation);
    workbook.definedNames.add("'AI Assumptions'!$A$1", SHEET_MARKERS.assumptions);
    workbook.definedNames.add("AIBUDGET_SETTINGS!$A$1", SETTINGS_MARKER);
    workbook.definedNames.add("'AI Assumptions'!$A$1", "AIBUDGET_Years");
    workbook.definedNames.add("Budget!$B$2:$B$3", "AIBUDGET_People");
    return bytesOf(workbook);
  }

  test("own sheets by their markers, in the roles' order, and the settings sheet, read back whole", async () => {
    const reader = readerOf(await withOwnSheets());
    expect(reader.ownSheets()).toEqual([
      { role: "assumptions", name: "AI Assumptions" },
      { role: "allocation", name: "AI Allocation (2)" },
    ]);
    expect(reader.settingsSheet()).toBe("AIBUDGET_SETTINGS");
    expect(JSON.parse(reader.settings()!)).toEqual({ tableId: "Workflows", note: "x".repeat(70_000) });
    const skip = new Set([...reader.ownSheets().map((s) => s.name), reader.settingsSheet()!]);
    expect(reader.listCandidates(skip).map((c) => c.id)).toEqual(["Workflows"]);
  });

  test("no settings where no marker points at a sheet", async () => {
    const reader = readerOf(await budgetWithTable());
    expect(reader.settingsSheet()).toBeNull();
    expect(reader.settings()).toBeNull();
    expect(reader.ownSheets()).toEqual([]);
  });

  test("named values: names that point at one cell give its cached value; others are absent", async () => {
    const reader = readerOf(await withOwnSheets());
    expect(reader.readNamedValues(["AIBUDGET_Years", "AIBUDGET_People", "AIBUDGET_Missing", "aibudget_years"])).toEqual(
      {
        AIBUDGET_Years: "Assumption",
        aibudget_years: "Assumption",
      },
    );
  });
});
