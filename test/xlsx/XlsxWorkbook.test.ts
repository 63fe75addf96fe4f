import { Workbook } from "exceljs";
import type { AnalysisLayout } from "../../src/workbook/layout";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { XlsxError, XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { addTable, budgetWithTable, bytesOf, editZip, openBytes, sampleRows, zipEntry } from "../support/workbooks";

/** A small layout written by hand: what the adapter must put in cells, whatever the layout builder makes. */
function handLayout(people = [15, 10]): AnalysisLayout {
  const total = people[0] + people[1];
  return {
    sheets: [
      {
        role: "assumptions",
        name: "AI Assumptions",
        rows: [
          [
            { value: "Assumption", bold: true },
            { value: "Value", bold: true },
          ],
          [{ value: "Years" }, { value: 3 }],
        ],
        tables: [],
        columnWidths: [30, 12],
        charts: [],
      },
      {
        role: "allocation",
        name: "AI Allocation",
        rows: [
          [
            { value: "Workflow", bold: true },
            { value: "People", bold: true },
            { value: "ROI", bold: true },
          ],
          [{ value: "Support" }, { value: people[0], numberFormat: "#,##0" }, { value: 0.5, numberFormat: "0%" }],
          [{ value: "Sales" }, { value: people[1], numberFormat: "#,##0" }, null],
          [
            { value: "Total", bold: true },
            { value: total, formula: "=SUM(B2:B3)", numberFormat: "#,##0", bold: true },
            null,
          ],
        ],
        tables: [{ name: "AIAllocation", range: "A1:C4" }],
        columnWidths: [34, 10, 8],
        charts: [],
      },
      {
        role: "comparison",
        name: "AI Comparison",
        rows: [
          [{ value: "" }, { value: "Per-seat" }, { value: "Workflow portfolio" }, { value: "Difference" }],
          [{ value: "Annual cost" }, { value: 72000 }, { value: 46800 }, { value: -25200, formula: "=C2-B2" }],
        ],
        tables: [{ name: "AIComparison", range: "A1:D2" }],
        columnWidths: [24, 14, 20, 14],
        charts: [
          { kind: "columnClustered", title: "Cost and value", dataRange: "A1:C2", seriesBy: "rows", anchor: "F2" },
        ],
      },
    ],
  };
}

async function reopen(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await book.save());
}

function cellsOf(sheet: import("exceljs").Worksheet): string {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) =>
    row.eachCell({ includeEmpty: true }, (cell, c) => cells.push([r, c, cell.value, cell.style])),
  );
  const widths = Array.from({ length: sheet.columnCount }, (_, i) => sheet.getColumn(i + 1).width);
  return JSON.stringify({ cells, merges: sheet.model.merges, widths });
}

describe("reading tables", () => {
  test("an Excel table below a title is listed and read with its workbook position", async () => {
    const book = await XlsxWorkbook.load(await budgetWithTable());
    const tables = await book.listTables();
    const table = tables.find((t) => t.kind === "table");
    expect(table).toEqual({
      id: "Workflows",
      kind: "table",
      sheet: "Budget",
      address: "B4:I11",
      headers: sampleRows()[0],
      rowCount: 7,
    });
    // The title cells and the one-cell notes sheet hold no table-like block.
    expect(tables).toHaveLength(1);
    const grid = await book.readTable("workflows");
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
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    const [range] = await book.listTables();
    expect(range).toEqual({
      id: "'Q1 Budget'!C3:D6",
      kind: "range",
      sheet: "Q1 Budget",
      address: "C3:D6",
      headers: ["Workflow", "People"],
      rowCount: 3,
    });
    const grid = await book.readTable(range.id);
    expect(grid).toMatchObject({
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
    });
  });

  test("cells read as what they show: rich text, formula results, errors, dates, hyperlinks, merged cells", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.getCell("A1").value = "Workflow";
    sheet.getCell("B1").value = { richText: [{ text: "Hourly " }, { font: { bold: true }, text: "cost" }] };
    sheet.getCell("C1").value = "Started";
    sheet.getCell("D1").value = "Link";
    sheet.getCell("A2").value = "Support";
    sheet.getCell("B2").value = { formula: "40+5", result: 45 };
    sheet.getCell("C2").value = new Date(Date.UTC(2026, 0, 31));
    sheet.getCell("D2").value = { text: "wiki page", hyperlink: "https://example.com" };
    sheet.getCell("A3").value = "Sales";
    sheet.getCell("B3").value = { error: "#N/A" };
    sheet.getCell("C3").value = true;
    sheet.mergeCells("A4:B4");
    sheet.getCell("A4").value = "Merged";
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    const grid = await book.readTable("Data!A1:D4");
    expect(grid.values).toEqual([
      ["Workflow", "Hourly cost", "Started", "Link"],
      ["Support", 45, 46053, "wiki page"], // 2026-01-31 is Excel day 46053
      ["Sales", { error: "#N/A" }, true, null],
      ["Merged", null, null, null],
    ]);
  });

  test("a table's totals row is not read as a workflow", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Budget");
    sheet.addTable({
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
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    const grid = await book.readTable("People");
    expect(grid.values).toEqual([
      ["Workflow", "People"],
      ["Support", 10],
      ["Sales", 5],
    ]);
    expect(grid.address).toBe("A1:B3");
  });

  test("a table as Excel writes it (header row by default, no style) is read with its header and kept byte for byte", async () => {
    const asExcel = editZip(await budgetWithTable(), (name, xml) =>
      name === "xl/tables/table1.xml"
        ? xml.replace(/ headerRowCount="1"/, "").replace(/<tableStyleInfo[^>]*\/>/, "")
        : xml,
    );
    expect(zipEntry(asExcel, "xl/tables/table1.xml")).not.toMatch(/headerRowCount|tableStyleInfo/);
    const book = await XlsxWorkbook.load(asExcel);
    const [table] = await book.listTables();
    expect([table.id, table.address, table.rowCount, table.headers]).toEqual([
      "Workflows",
      "B4:I11",
      7,
      sampleRows()[0],
    ]);
    expect((await book.readTable("Workflows")).values).toEqual(sampleRows());
    await book.writeAnalysis(handLayout());
    const saved = await book.save();
    // The copy keeps the user's table part as it was (ExcelJS alone would write headerRowCount="0").
    expect(zipEntry(saved, "xl/tables/table1.xml")).toBe(zipEntry(asExcel, "xl/tables/table1.xml"));
  });

  test("unknown tables, ranges and sheets get messages that name them", async () => {
    const book = await XlsxWorkbook.load(await budgetWithTable());
    await expect(book.readTable("Costs")).rejects.toThrow(/no table named "Costs".*Tables in this workbook: Workflows/);
    await expect(book.readTable("Plan!A1:C3")).rejects.toThrow(/no sheet named "Plan". Sheets: Budget, Notes/);
    await expect(book.readTable("A1:C3")).rejects.toThrow(/Name the sheet/);
  });

  test("bytes that are not a workbook are refused with a message, not a crash", async () => {
    await expect(XlsxWorkbook.load(new TextEncoder().encode("Workflow,People\nSupport,3\n"))).rejects.toThrow(
      XlsxError,
    );
    await expect(XlsxWorkbook.load(new TextEncoder().encode("Workflow,People\nSupport,3\n"))).rejects.toThrow(
      /not an Excel workbook/,
    );
    await expect(XlsxWorkbook.load(new Uint8Array(0))).rejects.toThrow(/empty \(0 bytes\)/);
  });
});

describe("writing the analysis", () => {
  test("sheets, values, formulas with results, formats, widths, tables and markers survive save and load", async () => {
    const book = await XlsxWorkbook.load(await budgetWithTable());
    const written = await book.writeAnalysis(handLayout());
    expect(written).toEqual([
      { role: "assumptions", name: "AI Assumptions", renamed: false },
      { role: "allocation", name: "AI Allocation", renamed: false },
      { role: "comparison", name: "AI Comparison", renamed: false },
    ]);
    const bytes = await book.save();
    const again = await XlsxWorkbook.load(bytes);
    expect(await again.ownSheets()).toEqual([
      { role: "assumptions", name: "AI Assumptions" },
      { role: "allocation", name: "AI Allocation" },
      { role: "comparison", name: "AI Comparison" },
    ]);
    const excel = await openBytes(bytes);
    expect(excel.worksheets.map((s) => s.name)).toEqual([
      "Budget",
      "Notes",
      "AI Assumptions",
      "AI Allocation",
      "AI Comparison",
    ]);
    const allocation = excel.getWorksheet("AI Allocation")!;
    expect(allocation.getCell("B4").value).toEqual({ formula: "SUM(B2:B3)", result: 25 });
    expect(allocation.getCell("B4").numFmt).toBe("#,##0");
    expect(allocation.getCell("B4").font?.bold).toBe(true);
    expect(allocation.getCell("C2").numFmt).toBe("0%");
    expect(allocation.getCell("A2").value).toBe("Support");
    expect(allocation.getColumn(1).width).toBe(34);
    const tables = (allocation as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(tables)).toEqual(["AIAllocation"]);
    expect(tables.AIAllocation.table.tableRef).toBe("A1:C4");
    const comparison = excel.getWorksheet("AI Comparison")!;
    expect(comparison.getCell("D2").value).toEqual({ formula: "C2-B2", result: -25200 });
    // The chart is written over its data range, at its anchor, with the orientation the layout states.
    expect(book.chartsNotDrawn).toEqual([]);
    expect(comparison.getCell("F2").value).toBeNull();
    const chart = zipEntry(bytes, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<a:t>Cost and value</a:t>");
    // Series by rows: one series ("Annual cost") over the two plans, its values cached.
    expect(chart).toContain("<c:f>'AI Comparison'!$A$2</c:f>");
    expect(chart).toContain("<c:f>'AI Comparison'!$B$1:$C$1</c:f>");
    expect(chart).toContain("<c:f>'AI Comparison'!$B$2:$C$2</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>72000</c:v></c:pt><c:pt idx="1"><c:v>46800</c:v></c:pt>');
    expect(zipEntry(bytes, "xl/drawings/drawing1.xml")).toMatch(
      /<xdr:from><xdr:col>5<\/xdr:col>.*<xdr:row>1<\/xdr:row>/,
    );
    const comparisonXml = zipEntry(bytes, "xl/worksheets/sheet5.xml");
    expect(comparisonXml).toMatch(/<drawing r:id="(\w+)"\/><tableParts/);
    const drawingRel = /<drawing r:id="(\w+)"/.exec(comparisonXml)![1];
    expect(zipEntry(bytes, "xl/worksheets/_rels/sheet5.xml.rels")).toContain(
      `Id="${drawingRel}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`,
    );
    expect(zipEntry(bytes, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    expect(zipEntry(bytes, "[Content_Types].xml")).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // The written sheets are not offered as workflow tables.
    expect((await again.listTables()).map((t) => t.id)).toEqual(["Workflows"]);
    expect(excel.definedNames.model.map((n) => n.name).sort()).toEqual(
      [SHEET_MARKERS.assumptions, SHEET_MARKERS.allocation, SHEET_MARKERS.comparison].sort(),
    );
  });

  test("a chart that cannot be placed leaves the file without it, and says so", async () => {
    const layout = handLayout();
    layout.sheets[2].charts = [
      { kind: "columnClustered", title: "Broken", dataRange: "A1", seriesBy: "columns", anchor: "F2" },
    ];
    const book = XlsxWorkbook.create();
    await book.writeAnalysis(layout);
    const bytes = await book.save();
    expect(book.chartsNotDrawn).toEqual([{ sheet: "AI Comparison", chart: layout.sheets[2].charts[0] }]);
    expect(() => zipEntry(bytes, "xl/charts/chart1.xml")).toThrow(/no part/);
    expect((await openBytes(bytes)).getWorksheet("AI Comparison")!.getCell("D2").value).toEqual({
      formula: "C2-B2",
      result: -25200,
    });
  });

  test("a user's own sheet with a wanted name is left alone and the new sheet takes a free name", async () => {
    const workbook = new Workbook();
    const budget = workbook.addWorksheet("Budget");
    addTable(budget, "Workflows", "A1", sampleRows());
    const mine = workbook.addWorksheet("AI Allocation");
    mine.getCell("A1").value = "My own allocation notes";
    mine.getCell("B7").value = { formula: "1+1", result: 2 };
    mine.getColumn(1).width = 51;
    const input = await bytesOf(workbook);
    const before = cellsOf((await openBytes(input)).getWorksheet("AI Allocation")!);

    const book = await XlsxWorkbook.load(input);
    const first = await book.writeAnalysis(handLayout());
    expect(first[1]).toEqual({ role: "allocation", name: "AI Allocation (2)", renamed: true });
    const once = await book.save();

    const book2 = await XlsxWorkbook.load(once);
    const second = await book2.writeAnalysis(handLayout([20, 30]));
    expect(second).toEqual(first);
    const twice = await book2.save();

    const excel = await openBytes(twice);
    expect(excel.worksheets.map((s) => s.name)).toEqual([
      "Budget",
      "AI Allocation",
      "AI Assumptions",
      "AI Allocation (2)",
      "AI Comparison",
    ]);
    expect(cellsOf(excel.getWorksheet("AI Allocation")!)).toBe(before);
    // The second run's numbers replaced the first's.
    expect(excel.getWorksheet("AI Allocation (2)")!.getCell("B4").value).toEqual({ formula: "SUM(B2:B3)", result: 50 });
    expect(await (await XlsxWorkbook.load(twice)).ownSheets()).toContainEqual({
      role: "allocation",
      name: "AI Allocation (2)",
    });
  });

  test("a second run replaces only the add-in's sheets, in their places and under their names, and keeps the source sheet intact", async () => {
    const input = await budgetWithTable();
    const book = await XlsxWorkbook.load(input);
    await book.writeAnalysis(handLayout());
    // The user moves their notes after the add-in's sheets and renames an own sheet; markers follow.
    const once = await openBytes(await book.save());
    once.getWorksheet("AI Assumptions")!.name = "Inputs used";
    const renamedMarker = once.definedNames.model.map((n) =>
      n.name === SHEET_MARKERS.assumptions ? { name: n.name, ranges: ["'Inputs used'!$A$1"] } : n,
    );
    once.definedNames.model = renamedMarker;
    const book2 = await XlsxWorkbook.load(await bytesOf(once));
    await book2.writeAnalysis(handLayout());
    const output = await book2.save();
    const excel = await openBytes(output);
    // The renamed own sheet keeps the user's name: formulas pointing at it keep pointing.
    expect(excel.worksheets.map((s) => s.name)).toEqual([
      "Budget",
      "Notes",
      "Inputs used",
      "AI Allocation",
      "AI Comparison",
    ]);
    expect(await (await XlsxWorkbook.load(output)).ownSheets()).toContainEqual({
      role: "assumptions",
      name: "Inputs used",
    });

    const source = await openBytes(input);
    expect(cellsOf(excel.getWorksheet("Budget")!)).toBe(cellsOf(source.getWorksheet("Budget")!));
    expect(cellsOf(excel.getWorksheet("Notes")!)).toBe(cellsOf(source.getWorksheet("Notes")!));
    // Byte for byte: the source sheet's cells and its table are what was written for the input. (ExcelJS adds
    // default page-setup attributes on a round trip, so the comparison is of the cell data.)
    const sheetData = (xml: string) => /<sheetData>.*<\/sheetData>/s.exec(xml)?.[0];
    expect(sheetData(zipEntry(output, "xl/worksheets/sheet1.xml"))).toBe(
      sheetData(zipEntry(input, "xl/worksheets/sheet1.xml")),
    );
    expect(sheetData(zipEntry(input, "xl/worksheets/sheet1.xml"))).toContain('<c r="C11"><v>100</v></c>');
    expect(zipEntry(output, "xl/tables/table1.xml")).toBe(zipEntry(input, "xl/tables/table1.xml"));
  });

  test("a user's table already named AIAllocation keeps its name; the add-in's table takes a free one", async () => {
    const workbook = new Workbook();
    addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
    addTable(workbook.addWorksheet("Mine"), "AIAllocation", "C3", [
      ["Item", "Cost"],
      ["Licences", 100],
    ]);
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    await book.writeAnalysis(handLayout());
    const excel = await openBytes(await book.save());
    const tableNames = (name: string) =>
      Object.keys((excel.getWorksheet(name) as unknown as { tables: Record<string, unknown> }).tables);
    expect(tableNames("Mine")).toEqual(["AIAllocation"]);
    expect(tableNames("AI Allocation")).toEqual(["AIAllocation2"]);
    expect(excel.getWorksheet("Mine")!.getCell("C4").value).toBe("Licences");
  });

  test("settings are kept in a very hidden sheet found by its defined name", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("AIBUDGET_SETTINGS").getCell("A1").value = "a user's sheet that happens to have the name";
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    expect(await book.loadSettings()).toBeNull();
    const long = JSON.stringify({ assumptions: { years: 5 }, note: "x".repeat(70_000) });
    await book.saveSettings(long);
    const again = await reopen(book);
    expect(await again.loadSettings()).toBe(long);
    await again.saveSettings('{"years":4}');
    const third = await reopen(again);
    expect(await third.loadSettings()).toBe('{"years":4}');
    const excel = await openBytes(await third.save());
    expect(excel.getWorksheet("AIBUDGET_SETTINGS")!.getCell("A1").value).toBe(
      "a user's sheet that happens to have the name",
    );
    expect(excel.worksheets.filter((s) => s.state === "veryHidden").map((s) => s.name)).toEqual([
      "AIBUDGET_SETTINGS (2)",
    ]);
    expect(await third.listTables()).toEqual([]);
  });

  test("insertTable adds a sheet with an Excel table that reads back as the rows given", async () => {
    const book = XlsxWorkbook.create();
    const rows = sampleRows() as (string | number)[][];
    const candidate = await book.insertTable("Sample workflows", "SampleWorkflows", rows);
    expect(candidate).toEqual({
      id: "SampleWorkflows",
      kind: "table",
      sheet: "Sample workflows",
      address: "A1:H8",
      headers: rows[0],
      rowCount: 7,
    });
    const again = await reopen(book);
    expect((await again.readTable("SampleWorkflows")).values).toEqual(rows);
    const second = await again.insertTable("Sample workflows", "SampleWorkflows", rows);
    expect(second.sheet).toBe("Sample workflows (2)");
    expect(second.id).toBe("SampleWorkflows2");
    // A header alone still gets the one body row Excel requires of a table.
    const headerOnly = await again.insertTable("Empty", "EmptyWorkflows", [rows[0]]);
    expect([headerOnly.address, headerOnly.rowCount]).toEqual(["A1:H2", 1]);
  });
});
