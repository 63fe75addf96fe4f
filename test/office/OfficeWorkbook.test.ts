import { SETTINGS_MARKER, SHEET_MARKERS } from "../../src/workbook/marker";
import { splitSettings } from "../../src/workbook/settingsColumn";
import { OfficeWorkbook, SETTINGS_KEY, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import { FakeExcel, type CellSetup } from "./fakeExcel";
import { MONEY } from "../../src/workbook/sheets/formats";
import { analysisLayout } from "./layouts";

const FOUR_MB = 4_000_000;

const SOURCE: CellSetup[][] = [
  ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
  ["Contract review", 12, 30, 20, 85],
  ["Ticket triage", { error: "#N/A" }, 200, 3, 40],
  ["Board pack", 4, null, 90, "#N/A"],
];

/** A user's workbook: the workflow table on Budget, a loose block on Notes. */
function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Budget", SOURCE);
  excel.addTable("Workflows", "Budget", "A1:E4");
  excel.addSheet("Q1 Notes", [["Team lead notes"], ["Process", "Headcount"], ["Onboarding", 3]], "B2");
  return excel;
}

function adapter(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(excel.run as unknown as ExcelRun);
}

function snapshot(excel: FakeExcel, sheet: string): string {
  return JSON.stringify(excel.sheet(sheet).rows);
}

describe("readTable", () => {
  test("a table by name, in two round trips: an error cell becomes {error}, the word '#N/A' too only if typed", async () => {
    const excel = userWorkbook();
    const grid = await adapter(excel).readTable("Workflows");
    // The extent, then one block of rows.
    expect(excel.syncs).toBe(2);
    expect(grid).toEqual({
      sheet: "Budget",
      address: "A1:E4",
      firstRow: 1,
      firstColumn: 1,
      values: [
        ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
        ["Contract review", 12, 30, 20, 85],
        ["Ticket triage", { error: "#N/A" }, 200, 3, 40],
        // An empty cell is null; the text "#N/A" a user typed stays text (its value type is String).
        ["Board pack", 4, null, 90, "#N/A"],
      ],
      columnFormats: [null, null, null, null, null],
    });
  });

  test("a block by sheet and address, quoted sheet names included", async () => {
    const excel = userWorkbook();
    const grid = await adapter(excel).readTable("'Q1 Notes'!B3:C4");
    expect(excel.syncs).toBe(2);
    expect(grid).toEqual({
      sheet: "Q1 Notes",
      address: "B3:C4",
      firstRow: 3,
      firstColumn: 2,
      values: [
        ["Process", "Headcount"],
        ["Onboarding", 3],
      ],
      columnFormats: [null, null],
    });
  });

  test("a totals row is left out; a table without header row gets its column names", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data", [
      ["Workflow", "People"],
      ["A", 1],
      ["Total", 1],
    ]);
    excel.addTable("WithTotals", "Data", "A1:B3", { showTotals: true });
    excel.addSheet("Bare", [["A", 1]], "C5");
    excel.addTable("Bare", "Bare", "C5:D5", { showHeaders: false });
    const port = adapter(excel);
    expect((await port.readTable("WithTotals")).values).toEqual([
      ["Workflow", "People"],
      ["A", 1],
    ]);
    const bare = await port.readTable("Bare");
    expect(bare.values).toEqual([
      ["Column1", "Column2"],
      ["A", 1],
    ]);
    expect(bare.firstRow).toBe(4);
  });

  test("an unknown table or sheet is a clear message, not a host error", async () => {
    const port = adapter(userWorkbook());
    await expect(port.readTable("Nope")).rejects.toThrow('Cannot read "Nope": the workbook has no table of that name.');
    await expect(port.readTable("Gone!A1:B2")).rejects.toThrow('the workbook has no sheet named "Gone"');
  });
});

describe("listTables", () => {
  test("tables and other sheets' used blocks, in three syncs however many sheets", async () => {
    const excel = userWorkbook();
    const list = await adapter(excel).listTables();
    expect(list).toEqual([
      {
        id: "Workflows",
        kind: "table",
        sheet: "Budget",
        address: "A1:E4",
        headers: ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
        rowCount: 3,
      },
      {
        id: "'Q1 Notes'!B2:C4",
        kind: "range",
        sheet: "Q1 Notes",
        address: "B2:C4",
        headers: ["Team lead notes", ""],
        rowCount: 2,
      },
    ]);
    expect(excel.syncs).toBe(3);

    for (let i = 0; i < 30; i++)
      excel.addSheet(`Extra ${i}`, [
        ["Workflow", "People"],
        [`W${i}`, i],
      ]);
    excel.resetCounts();
    expect(await adapter(excel).listTables()).toHaveLength(32);
    expect(excel.syncs).toBe(3);
  });

  test("the add-in's own sheets are no candidates", async () => {
    const excel = userWorkbook();
    await adapter(excel).writeAnalysis(analysisLayout(3));
    const list = await adapter(excel).listTables();
    expect(list.map((c) => c.sheet)).toEqual(["Budget", "Q1 Notes"]);
  });

  test("nor is the sheet where the command line keeps the wizard's state (ExcelJS adapter's AIBUDGET_SETTINGS)", async () => {
    const excel = userWorkbook();
    excel.addSheet("AIBUDGET_SETTINGS", [['{"overrides":{}}']]);
    excel.addName("AIBUDGET_SETTINGS", "AIBUDGET_SETTINGS", "A1");
    const list = await adapter(excel).listTables();
    expect(list.map((c) => c.sheet)).toEqual(["Budget", "Q1 Notes"]);
    expect(excel.syncs).toBe(3);
  });
});

describe("writeAnalysis", () => {
  test("writes formulas to formula cells and values to value cells, text as text, formats, widths, tables, chart", async () => {
    const excel = userWorkbook();
    const written = await adapter(excel).writeAnalysis(analysisLayout(10));
    expect(written).toEqual([
      { role: "assumptions", name: "AI Assumptions", renamed: false },
      { role: "allocation", name: "AI Allocation", renamed: false },
      { role: "comparison", name: "AI Comparison", renamed: false },
    ]);

    const allocation = excel.sheet("AI Allocation");
    expect(allocation.at("A1")).toMatchObject({ value: "Workflow", bold: true });
    expect(allocation.at("A2")?.value).toBe("Workflow 000001");
    expect(allocation.at("E2")).toMatchObject({ value: 5 * 1234.5678, numberFormat: MONEY });
    expect(allocation.at("E11")?.numberFormat).toBe(MONEY);
    expect(allocation.at("L2")).toMatchObject({ value: "never" });
    // The totals row: formulas, not their cached values.
    expect(allocation.at("B12")).toMatchObject({ formula: "=SUM(B2:B11)", value: null });
    expect(allocation.at("K12")).toMatchObject({ formula: "=J12/I12", numberFormat: "0.0%" });
    expect(allocation.at("A12")).toMatchObject({ value: "Total", bold: true });
    expect(allocation.at("A13")).toBeUndefined();
    expect(allocation.columnWidths.get(4)).toBeCloseTo((48 * 7 + 5) * 0.75);

    // Text that looks like a number, a boolean or a formula arrives as that text.
    const assumptions = excel.sheet("AI Assumptions");
    expect(assumptions.valuesOf("A3:D3")).toEqual([["Source", "1,200", "TRUE", "=not a formula"]]);
    expect(assumptions.at("D3")?.formula).toBeUndefined();

    expect(excel.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["Workflows", "Budget"],
      ["AIAllocation", "AI Allocation"],
      ["AIComparison", "AI Comparison"],
    ]);
    expect(excel.sheet("AI Comparison").charts).toEqual([
      {
        type: "ColumnClustered",
        source: "A1:C3",
        seriesBy: "Columns",
        title: "Cost and value",
        anchor: "F2",
        name: "Chart 1",
      },
    ]);
    for (const [role, marker] of Object.entries(SHEET_MARKERS)) {
      expect(excel.sheetOfName(marker)).toBe(written.find((w) => w.role === role)?.name ?? null);
    }
    expect(excel.recalculations).toBe(1);
  });

  test("a first run: 10 rows and 10,000 rows take the same four syncs, writing with calculation suspended", async () => {
    for (const rows of [10, 10_000]) {
      const excel = userWorkbook();
      await adapter(excel).writeAnalysis(analysisLayout(rows));
      expect({ rows, syncs: excel.syncs }).toEqual({ rows, syncs: 4 });
      // Round trips 1-2 read; 3 writes (calculation suspended); 4 recalculates.
      expect(excel.requests.map((r) => r.calculationSuspended)).toEqual([false, false, true, false]);
      expect(excel.largestRequest).toBeLessThanOrEqual(FOUR_MB);
      expect(excel.sheet("AI Allocation").at(`A${rows + 1}`)?.value).toBe(`Workflow ${String(rows).padStart(6, "0")}`);
    }
  });

  test("100,000 rows go in blocks, no request above 4 MB, every row written once", async () => {
    const excel = userWorkbook();
    await adapter(excel).writeAnalysis(analysisLayout(100_000));
    const writes = excel.requests.slice(2, -1);
    expect(writes.length).toBeGreaterThan(1);
    for (const request of excel.requests) expect(request.bytes).toBeLessThanOrEqual(FOUR_MB);
    expect(writes.every((r) => r.calculationSuspended)).toBe(true);
    expect(excel.syncs).toBe(2 + writes.length + 1);

    const sheet = excel.sheet("AI Allocation");
    for (const row of [2, 25_000, 50_001, 77_777, 100_001]) {
      expect(sheet.at(`A${row}`)?.value).toBe(`Workflow ${String(row - 1).padStart(6, "0")}`);
      expect(sheet.at(`E${row}`)?.numberFormat).toBe(MONEY);
    }
    expect(sheet.at("B100002")?.formula).toBe("=SUM(B2:B100001)");
    expect(excel.tables.find((t) => t.name === "AIAllocation")?.rect).toEqual({
      top: 1,
      left: 1,
      bottom: 100_001,
      right: 13,
    });
  }, 120_000);

  test("a foreign sheet holding a wanted name is left untouched; ours takes a free name", async () => {
    const excel = userWorkbook();
    excel.addSheet("AI Allocation", [["My own allocation"], ["Sales", 10]]);
    const before = snapshot(excel, "AI Allocation");

    const written = await adapter(excel).writeAnalysis(analysisLayout(5));
    expect(written[1]).toEqual({ role: "allocation", name: "AI Allocation (2)", renamed: true });
    expect(snapshot(excel, "AI Allocation")).toBe(before);
    expect(excel.sheet("AI Allocation").writes).toBe(0);
    expect(excel.sheet("AI Allocation (2)").at("A2")?.value).toBe("Workflow 000001");
    expect(excel.sheetOfName(SHEET_MARKERS.allocation)).toBe("AI Allocation (2)");
  });

  test("a second run rewrites only its own sheets in place, found by marker even after the user renamed one", async () => {
    const excel = userWorkbook();
    excel.addSheet("AI Comparison", [["Theirs"]]);
    const port = adapter(excel);
    await port.writeAnalysis(analysisLayout(5));
    excel.renameSheet(excel.sheet("AI Allocation"), "Renamed by user");
    const foreign = ["Budget", "Q1 Notes", "AI Comparison"].map((s) => snapshot(excel, s));
    const ownSheets = ["AI Assumptions", "Renamed by user", "AI Comparison (2)"].map((s) => excel.sheet(s));

    excel.resetCounts();
    const written = await port.writeAnalysis(analysisLayout(7));
    // Inventory, markers and tables, the copy kept while writing, the write, the recalculation.
    expect(excel.syncs).toBe(5);
    expect(written.map((w) => w.name)).toEqual(["AI Assumptions", "Renamed by user", "AI Comparison (2)"]);
    expect(excel.sheets.map((s) => s.name)).toEqual([
      "Budget",
      "Q1 Notes",
      "AI Comparison",
      "AI Assumptions",
      "Renamed by user",
      "AI Comparison (2)",
    ]);
    // The very same sheets, not new ones under the same names.
    expect(written.map((w) => excel.sheet(w.name))).toEqual(ownSheets);
    expect(["Budget", "Q1 Notes", "AI Comparison"].map((s) => snapshot(excel, s))).toEqual(foreign);
    expect(excel.sheet("Renamed by user").at("A8")?.value).toBe("Workflow 000007");
    expect(excel.sheet("Renamed by user").at("A10")).toBeUndefined();
    expect(excel.names.map((n) => [n.name, n.sheet?.name])).toEqual([
      [SHEET_MARKERS.assumptions, "AI Assumptions"],
      [SHEET_MARKERS.allocation, "Renamed by user"],
      [SHEET_MARKERS.comparison, "AI Comparison (2)"],
    ]);
    expect(excel.tables.map((t) => t.name).sort()).toEqual(["AIAllocation", "AIComparison", "Workflows"]);
    expect(excel.table("AIAllocation")?.rect).toEqual({ top: 1, left: 1, bottom: 8, right: 13 });
    expect(excel.sheet("AI Comparison (2)").charts).toHaveLength(1);
    expect(await port.ownSheets()).toEqual(written.map(({ role, name }) => ({ role, name })));
  });

  test("the source sheet is never written", async () => {
    const excel = userWorkbook();
    const before = snapshot(excel, "Budget");
    const port = adapter(excel);
    await port.readTable("Workflows");
    await port.writeAnalysis(analysisLayout(20));
    await port.writeAnalysis(analysisLayout(20));
    expect(excel.sheet("Budget").writes).toBe(0);
    expect(snapshot(excel, "Budget")).toBe(before);
  });

  test("a foreign table or name holding a table's name: ours takes a free one", async () => {
    const excel = userWorkbook();
    excel.addSheet("Old", [["Workflow"], ["x"]]);
    excel.addTable("AIAllocation", "Old", "A1:A2");
    await adapter(excel).writeAnalysis(analysisLayout(3));
    expect(excel.tables.map((t) => [t.name, t.sheet.name])).toContainEqual(["AIAllocation_2", "AI Allocation"]);
    expect(excel.sheet("Old").writes).toBe(0);
  });

  test("a workbook holding only the add-in's sheets is rewritten without ever having none", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Budget", SOURCE);
    const port = adapter(excel);
    await port.writeAnalysis(analysisLayout(2));
    excel.deleteSheet(excel.sheet("Budget"));
    await port.writeAnalysis(analysisLayout(2));
    expect(excel.sheets.map((s) => s.name)).toEqual(["AI Assumptions", "AI Allocation", "AI Comparison"]);
  });
});

describe("ownSheets", () => {
  test("none before a run; the markers' sheets after; a marker whose sheet was deleted is no sheet", async () => {
    const excel = userWorkbook();
    const port = adapter(excel);
    expect(await port.ownSheets()).toEqual([]);
    await port.writeAnalysis(analysisLayout(2));
    excel.deleteSheet(excel.sheet("AI Comparison"));
    expect(await port.ownSheets()).toEqual([
      { role: "assumptions", name: "AI Assumptions" },
      { role: "allocation", name: "AI Allocation" },
    ]);
  });
});

describe("settings", () => {
  test("round trip through the document's settings", async () => {
    const excel = userWorkbook();
    const port = adapter(excel);
    expect(await port.loadSettings()).toBeNull();
    const json = JSON.stringify({ assumptions: { discountRate: 0.08 }, overrides: { "Ticket triage": "Team" } });
    await port.saveSettings(json);
    expect(excel.settings.get(SETTINGS_KEY)).toBe(json);
    expect(await adapter(excel).loadSettings()).toBe(json);
    await port.saveSettings("{}");
    expect(await port.loadSettings()).toBe("{}");
  });
  test("a workbook saved by the playground brings its settings to Excel", async () => {
    const excel = userWorkbook();
    const json = JSON.stringify({ assumptions: { years: 5 }, pad: "x".repeat(40_000) });
    // The .xlsx adapter's very hidden sheet: the JSON down column A in pieces, found by its defined name.
    excel.addSheet(
      "AIBUDGET_SETTINGS",
      splitSettings(json).map((piece) => [piece]),
    );
    excel.addName(SETTINGS_MARKER, "AIBUDGET_SETTINGS", "A1");
    expect(splitSettings(json).length).toBe(2);
    expect(await adapter(excel).loadSettings()).toBe(json);
    // Once saved in Excel, the document's own setting wins.
    await adapter(excel).saveSettings("{}");
    expect(await adapter(excel).loadSettings()).toBe("{}");
  });

  test("no setting and no settings sheet: nothing was saved", async () => {
    const excel = userWorkbook();
    excel.addSheet("AIBUDGET_SETTINGS", [["a sheet of the user's that happens to have this name"]]);
    expect(await adapter(excel).loadSettings()).toBeNull();
  });
});

describe("insertTable", () => {
  test("a new sheet under a free name with an Excel table; text stays text", async () => {
    const excel = userWorkbook();
    excel.addSheet("Sample workflows");
    const port = adapter(excel);
    const rows = [
      ["Workflow", "People", "Hourly cost"],
      ["Contract review", 12, "$1,200.50"],
      ["007", 3, "85"],
    ];
    const candidate = await port.insertTable("Sample workflows", "Workflows", rows);
    expect(candidate).toEqual({
      id: "Workflows_2",
      kind: "table",
      sheet: "Sample workflows (2)",
      address: "A1:C3",
      headers: ["Workflow", "People", "Hourly cost"],
      rowCount: 2,
    });
    expect(excel.syncs).toBe(2);
    const grid = await port.readTable(candidate.id);
    expect(grid.values).toEqual(rows);
  });

  test("no header row is a clear message", async () => {
    await expect(adapter(userWorkbook()).insertTable("S", "T", [])).rejects.toThrow("it has no header row");
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell", async () => {
    const excel = userWorkbook();
    await adapter(excel).selectCell("Q1 Notes", "C4");
    expect(excel.activeSheet?.name).toBe("Q1 Notes");
    expect(excel.selection).toEqual({ sheet: "Q1 Notes", address: "C4" });
  });

  test("an unknown sheet is a clear message", async () => {
    await expect(adapter(userWorkbook()).selectCell("Gone", "A1")).rejects.toThrow(
      'Cannot select A1: the workbook has no sheet named "Gone".',
    );
  });
});
