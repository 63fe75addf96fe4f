import { SHEET_MARKERS } from "../../src/workbook/marker";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import { READ_LIMIT_BYTES } from "../../src/workbook/office/readPlan";
import { FakeExcel, PAYLOAD_LIMIT_BYTES, type CellSetup, type FakeCell, type FakeSheet } from "./fakeExcel";
import { analysisLayout, liveModelLayout } from "./layouts";

/**
 * Issue 8's defects of the Office.js adapter, each against the fake Excel made honest enough to show it: the
 * fake refuses a response past 5 MB, keeps a user's formulas pointing at the add-in's sheets as Excel does
 * (#REF! once what they name is deleted), fails a request where a test asks, and records what is loaded.
 */

function adapter(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(excel.run as unknown as ExcelRun);
}

const HEADER = ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost", "Notes"];

/** A workflow table of `rows` rows, with a notes column long enough to pass 5 MB with its value types. */
function largeTable(rows: number): FakeExcel {
  const excel = new FakeExcel();
  const body: CellSetup[][] = Array.from({ length: rows }, (_, i) => [
    `Workflow ${i + 1}`,
    1 + (i % 250),
    2 + (i % 300),
    1 + (i % 45),
    25 + (i % 120),
    `Reviewed with the team lead in week ${i % 52}; numbers from the time-tracking export`,
  ]);
  body[9][1] = { error: "#N/A" };
  body[19][4] = { formula: "=1/0", value: "#DIV/0!", error: true };
  body[29][5] = "#N/A";
  excel.addSheet("Budget", [HEADER, ...body]);
  excel.addTable("Workflows", "Budget", `A1:F${rows + 1}`);
  return excel;
}

describe("item 2: reading a large table on the web", () => {
  test("40,000 rows pass in blocks under 4 MB of response each; the fake refuses one response of it all", async () => {
    const excel = largeTable(40_000);
    const grid = await adapter(excel).readTable("Workflows");
    expect(grid.values).toHaveLength(40_001);
    expect(grid.values[40_000][0]).toBe("Workflow 40000");
    expect(excel.syncs).toBeGreaterThan(2);
    for (const r of excel.requests) expect(r.responseBytes).toBeLessThanOrEqual(READ_LIMIT_BYTES);
    // What the first version loaded in one sync (values and value types of the whole table) is refused.
    const whole = new FakeExcel();
    Object.assign(whole, { sheets: excel.sheets, tables: excel.tables });
    await expect(
      whole.run(async (context: never) => {
        const range = (context as Excel.RequestContext).workbook.tables.getItem("Workflows").getRange();
        range.load("values,valueTypes");
        await (context as Excel.RequestContext).sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(whole.requests[0].responseBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  test("errors are found by getSpecialCellsOrNullObject, not valueTypes: the typed word '#N/A' stays text", async () => {
    const excel = largeTable(40);
    const grid = await adapter(excel).readTable("Workflows");
    expect(grid.values[10][1]).toEqual({ error: "#N/A" });
    expect(grid.values[20][4]).toEqual({ error: "#DIV/0!" });
    expect(grid.values[30][5]).toBe("#N/A");
    expect(excel.loads.some((l) => l.includes("valueTypes"))).toBe(false);
  });
});

describe("item 3: a block of cells is read as it is now", () => {
  test("rows and a column the user added after the list was made are read; rows below a gap are not", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Q1 Notes", [
      ["Workflow", "People"],
      ["Onboarding", 3],
      ["Payroll", 2],
    ]);
    const port = adapter(excel);
    const [candidate] = await port.listTables();
    expect(candidate.id).toBe("'Q1 Notes'!A1:B3");

    excel.fill(excel.sheet("Q1 Notes"), [
      [null, null, "Hourly cost"],
      [null, null, 40],
      [null, null, 55],
      ["Expenses", 4, 35],
      [null],
      ["Another block", 9],
    ]);
    const grid = await port.readTable(candidate.id);
    expect(grid.address).toBe("A1:C4");
    expect(grid.values).toEqual([
      ["Workflow", "People", "Hourly cost"],
      ["Onboarding", 3, 40],
      ["Payroll", 2, 55],
      ["Expenses", 4, 35],
    ]);
  });

  test("rows the user deleted are not read as empty workflows", async () => {
    const excel = new FakeExcel();
    const sheet = excel.addSheet("Data", [
      ["Workflow", "People"],
      ["A", 1],
      ["B", 2],
      ["C", 3],
    ]);
    sheet.put(4, 1, undefined);
    sheet.put(4, 2, undefined);
    const grid = await adapter(excel).readTable("Data!A1:B4");
    expect(grid.values).toEqual([
      ["Workflow", "People"],
      ["A", 1],
      ["B", 2],
    ]);
  });
});

/**
 * A user's sheet with formulas over the add-in's output, as sheets.md invites: into a cell, a table's column and a
 * block. `into` leaves out what cannot be kept: before a first run there is nothing to refer to, and a table whose
 * columns change shape (the first version's 13 columns to the live model's 6) loses its columns as in Excel.
 */
function withUserFormulas(excel: FakeExcel, into: "cells" | "cells and tables" = "cells and tables"): FakeSheet {
  return excel.addSheet("My report", [
    [{ formula: "='AI Comparison'!C3", value: 140000 }],
    [
      into === "cells"
        ? { formula: "='AI Allocation'!B2", value: 0 }
        : { formula: "=SUM(AIAllocation[NPV])", value: 0 },
    ],
    [{ formula: "=SUM('AI Allocation'!B2:B4)", value: 0 }],
  ]);
}

function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [
    ["Workflow", "People"],
    ["Contract review", 12],
  ]);
  excel.addTable("Workflows", "Budget", "A1:B2");
  return excel;
}

describe("item 4: re-running keeps the user's references", () => {
  test("a formula over 'AI Comparison'!C3, AIAllocation[NPV] or a block of AI Allocation still resolves after a second run", async () => {
    const excel = userWorkbook();
    const port = adapter(excel);
    await port.writeAnalysis(analysisLayout(5));
    withUserFormulas(excel);
    const npv = (rows: number) =>
      analysisLayout(rows)
        .sheets[1].rows.slice(1, rows + 1)
        .reduce((s, r) => s + (r[9]!.value as number), 0);
    expect(excel.evaluate("My report", "A1")).toBe(140000);
    expect(excel.evaluate("My report", "A2")).toBeCloseTo(npv(5));

    await port.writeAnalysis(analysisLayout(8));
    expect(excel.sheet("My report").at("A1")?.formula).toBe("='AI Comparison'!C3");
    expect(excel.evaluate("My report", "A1")).toBe(140000);
    // The table grew with the analysis, and the user's SUM over its column follows it.
    expect(excel.evaluate("My report", "A2")).toBeCloseTo(npv(8));
    expect(excel.evaluate("My report", "A3")).toBe(5 + 6 + 7);

    await port.writeAnalysis(analysisLayout(2));
    expect(excel.evaluate("My report", "A2")).toBeCloseTo(npv(2));
    expect(excel.sheet("My report").at("A2")?.formula).toBe("=SUM(AIAllocation[NPV])");
  });

  test("the live model's own cross-sheet formulas and defined names survive a re-run too", async () => {
    const excel = userWorkbook();
    const port = adapter(excel);
    await port.writeAnalysis(liveModelLayout(4));
    const report = excel.addSheet("My report", [
      [{ formula: "=AIBUDGET_Years", value: 3 }],
      [{ formula: "=SUM(AIWorkings[NPV per year])", value: 0 }],
    ]);
    await port.writeAnalysis(liveModelLayout(6));
    expect(excel.evaluate("My report", "A1")).toBe(3);
    expect(report.at("A2")?.formula).toBe("=SUM(AIWorkings[NPV per year])");
    expect(excel.evaluate("My report", "A2")).not.toBe("#REF!");
    expect(excel.table("AIWorkings")?.rect).toEqual({ top: 1, left: 1, bottom: 7, right: 2 });
  });
});

/** What a test compares: the sheets, each one's cells with a value, formula or format, tables, names, charts. */
function state(excel: FakeExcel) {
  const cells = (sheet: FakeSheet) => {
    const out: Record<string, FakeCell> = {};
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell) return;
        const kept = Object.fromEntries(
          Object.entries(cell).filter(([, v]) => v !== undefined && v !== null && v !== false && v !== ""),
        );
        if (Object.keys(kept).length > 0) out[`${r + 1}:${c + 1}`] = kept as unknown as FakeCell;
      }),
    );
    return out;
  };
  return {
    sheets: excel.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: cells(s),
      charts: s.charts.map((c) => [c.type, c.source, c.seriesBy, c.title]),
      validations: s.validations,
    })),
    tables: excel.tables.map((t) => [t.name, t.sheet.name, t.rect]),
    names: excel.names.map((n) => [n.name, n.sheet?.name ?? null, n.rect]),
  };
}

describe("item 5: a write that fails half-way leaves the previous analysis whole", () => {
  /** How many syncs a write takes, and how many commands each, when nothing fails. */
  async function requestsOfWrite(
    prepare: (excel: FakeExcel) => Promise<void>,
    layout: () => ReturnType<typeof liveModelLayout>,
  ) {
    const excel = userWorkbook();
    await prepare(excel);
    excel.resetCounts();
    await adapter(excel).writeAnalysis(layout());
    return excel.requests.map((r) => r.commands);
  }

  type Case = [
    string,
    (excel: FakeExcel) => Promise<void>,
    () => ReturnType<typeof liveModelLayout>,
    "cells" | "cells and tables" | null,
  ];
  const cases: Case[] = [
    [
      "a second run over the live model",
      (excel) =>
        adapter(excel)
          .writeAnalysis(liveModelLayout(4))
          .then(() => undefined),
      () => liveModelLayout(9),
      "cells and tables",
    ],
    [
      "a second run over the first version's sheets",
      (excel) =>
        adapter(excel)
          .writeAnalysis(analysisLayout(6))
          .then(() => undefined),
      () => liveModelLayout(3),
      "cells",
    ],
    ["a first run", async () => undefined, () => liveModelLayout(5), null],
  ];

  test.each(cases)(
    "%s: a failure in any request, at its start or half-way, is undone and told",
    async (_, prepare, layout, into) => {
      const commands = await requestsOfWrite(prepare, layout);
      // Every request but the recalculation, which comes once the analysis is whole.
      for (let request = 1; request < commands.length; request++) {
        for (const after of [0, Math.floor(commands[request - 1] / 2), commands[request - 1] - 1]) {
          const excel = userWorkbook();
          await prepare(excel);
          if (into) withUserFormulas(excel, into);
          const before = state(excel);
          const report = into ? [excel.evaluate("My report", "A1"), excel.evaluate("My report", "A2")] : [];
          excel.failRequest(request, after);
          await expect(adapter(excel).writeAnalysis(layout())).rejects.toThrow(
            /failed .*(previous analysis (was put back|is as it was)|sheets it had begun were removed|nothing else)/,
          );
          expect({ request, after, state: state(excel) }).toEqual({ request, after, state: before });
          if (into) expect([excel.evaluate("My report", "A1"), excel.evaluate("My report", "A2")]).toEqual(report);
        }
      }
    },
    60_000,
  );

  test("the message says what happened, and the next write succeeds", async () => {
    const excel = userWorkbook();
    const port = adapter(excel);
    await port.writeAnalysis(liveModelLayout(4));
    excel.failRequest(4, 10);
    await expect(port.writeAnalysis(liveModelLayout(6))).rejects.toThrow(
      "Writing the analysis failed (An internal error has occurred.). The previous analysis was put back as it was; nothing else in the workbook changed.",
    );
    const written = await port.writeAnalysis(liveModelLayout(6));
    expect(written.map((w) => w.name)).toEqual(liveModelLayout(6).sheets.map((s) => s.name));
    expect(excel.sheets.some((s) => s.name.startsWith("AIBUDGET backup"))).toBe(false);
  });
});

describe("item 6: the chart's orientation is explicit", () => {
  test("seriesBy columns and rows reach Excel as Columns and Rows, never Auto", async () => {
    const excel = userWorkbook();
    await adapter(excel).writeAnalysis(liveModelLayout(3));
    const charts = excel.sheets.flatMap((s) => s.charts.map((c) => [s.name, c.type, c.seriesBy]));
    expect(charts).toEqual([
      ["AI Comparison", "ColumnClustered", "Columns"],
      ["AI Budget", "Line", "Rows"],
      ["AI Sensitivity", "BarClustered", "Columns"],
    ]);
  });
});

describe("item 10: named items are loaded by property", () => {
  test("no call loads a bare `items`", async () => {
    const excel = userWorkbook();
    excel.addSheet("AIBUDGET_SETTINGS", [['{"overrides":{}}']]);
    excel.addName("AIBUDGET_SETTINGS", "AIBUDGET_SETTINGS", "A1");
    const port = adapter(excel);
    expect(await port.loadSettings()).toBe('{"overrides":{}}');
    await port.listTables();
    await port.writeAnalysis(analysisLayout(2));
    await port.ownSheets();
    expect(excel.loads.filter((l) => l.split(",").some((p) => p.trim() === "items"))).toEqual([]);
    expect(excel.sheetOfName(SHEET_MARKERS.allocation)).toBe("AI Allocation");
  });
});
