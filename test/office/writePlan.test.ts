import type { SheetLayout } from "../../src/workbook/layout";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { errorCells, gridCell } from "../../src/workbook/office/gridRead";
import { localAddress, parseQualified, qualify, sheetOfFormula } from "../../src/workbook/office/reference";
import {
  cellInput,
  charsToPoints,
  freeTableName,
  jsonBytes,
  planInsert,
  planKeptTables,
  planWrite,
  type Inventory,
  type WriteOp,
} from "../../src/workbook/office/writePlan";
import { allocationSheet, analysisLayout, liveModelLayout } from "./layouts";

const EMPTY: Inventory = { sheets: ["Budget"], own: [], tables: [], names: [] };

const ops = <K extends WriteOp["kind"]>(requests: WriteOp[][], kind: K) =>
  requests.flat().filter((op): op is Extract<WriteOp, { kind: K }> => op.kind === kind);

describe("references", () => {
  test("a sheet-qualified block is split; a table name is not a reference", () => {
    expect(parseQualified("Budget!A1:K20")).toEqual({ sheet: "Budget", address: "A1:K20" });
    expect(parseQualified("'Q1 ''25 Budget'!$b$3:$i$10")).toEqual({ sheet: "Q1 '25 Budget", address: "B3:I10" });
    expect(parseQualified("Workflows")).toBeNull();
    expect(parseQualified("Budget!Workflows")).toBeNull();
  });

  test("qualify quotes names that need it and round-trips through parseQualified", () => {
    for (const sheet of ["Budget", "Q1 Notes", "It's", "A1", "R1C1", "2025"]) {
      expect(parseQualified(qualify(sheet, "C3:D9"))).toEqual({ sheet, address: "C3:D9" });
    }
    expect(qualify("Budget", "A1:B2")).toBe("Budget!A1:B2");
    expect(qualify("A1", "A1:B2")).toBe("'A1'!A1:B2");
  });

  test("an address Office.js returns loses its sheet; a name's formula gives its sheet", () => {
    expect(localAddress("'My sheet'!$B$3:$I$10")).toBe("B3:I10");
    expect(localAddress("Sheet1!A1")).toBe("A1");
    expect(sheetOfFormula("='AI Assumptions'!$C$4")).toBe("AI Assumptions");
    expect(sheetOfFormula("=Budget!$A$1:$B$2")).toBe("Budget");
    expect(sheetOfFormula("=#REF!")).toBeNull();
    expect(sheetOfFormula("=0.08")).toBeNull();
  });
});

describe("reading cells", () => {
  test("Excel's list of error cells decides: an error is {error}, empty is null, typed text stays text", () => {
    expect(gridCell("#N/A", true)).toEqual({ error: "#N/A" });
    expect(gridCell("#N/A", false)).toBe("#N/A");
    expect(gridCell("", false)).toBeNull();
    expect(gridCell(0, false)).toBe(0);
    expect(gridCell(false, false)).toBe(false);
  });

  test("a RangeAreas address lists cells and blocks, sheet names quoted or not", () => {
    const cells = errorCells(["'Q1, Budget'!C3,'Q1, Budget'!D5:D6", null, "Budget!A1"]);
    expect([...cells].sort()).toEqual(["1:1", "3:3", "5:4", "6:4"]);
  });
});

describe("cell inputs", () => {
  const where = () => "S!A1";
  test("formula cells are written apart (null here), never their cached value; text goes in behind an apostrophe", () => {
    expect(cellInput({ value: 42, formula: "=SUM(A1:A3)" }, where)).toBeNull();
    expect(cellInput({ value: "1,200" }, where)).toBe("'1,200");
    expect(cellInput({ value: "=x" }, where)).toBe("'=x");
    expect(cellInput({ value: 3.5 }, where)).toBe(3.5);
    expect(cellInput({ value: true }, where)).toBe(true);
    expect(cellInput({ value: null, numberFormat: "0%" }, where)).toBeNull();
    expect(cellInput(null, where)).toBeNull();
  });

  test("a number no cell can hold is refused naming the cell", () => {
    expect(() => cellInput({ value: Number.NaN }, () => "AI Allocation!E7")).toThrow("AI Allocation!E7");
  });

  test("widths in characters become points; table names get a free suffix", () => {
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0);
    expect(freeTableName("AIAllocation", ["Workflows"])).toBe("AIAllocation");
    expect(freeTableName("AIAllocation", ["aiallocation", "AIAllocation_2"])).toBe("AIAllocation_3");
  });
});

describe("planWrite", () => {
  test("own sheets are found by marker only and kept; foreign sheets keep their names; new ones take a free one", () => {
    const inventory: Inventory = {
      sheets: ["Budget", "AI Allocation", "Mine renamed", "AI Assumptions"],
      own: [
        { role: "allocation", name: "Mine renamed" },
        { role: "assumptions", name: "AI Assumptions" },
      ],
      tables: [
        { name: "AIAllocation", sheet: "Mine renamed", range: "A1:M4" },
        { name: "AIComparison", sheet: "Budget" },
      ],
      names: [
        { name: SHEET_MARKERS.allocation, sheet: "Mine renamed" },
        { name: SHEET_MARKERS.assumptions, sheet: "AI Assumptions" },
        { name: "TaxRate", sheet: "Budget" },
      ],
    };
    const plan = planWrite(analysisLayout(3), inventory);
    expect(plan.sheets.map((s) => [s.name, s.existing, s.renamed])).toEqual([
      ["AI Assumptions", true, false],
      // A sheet of the user's holds "AI Allocation": renamed, as the wizard then says.
      ["Mine renamed", true, true],
      ["AI Comparison", false, false],
    ]);
    // The kept table keeps its name; the user's AIComparison on Budget pushes ours to a free one.
    expect(ops(plan.requests, "addTable").map((t) => t.name)).toEqual(["AIComparison_2"]);
    expect(plan.bindings).toEqual({
      sheets: { "AI Allocation": "Mine renamed" },
      tables: { AIComparison: "AIComparison_2" },
      names: {},
    });
    // Nothing of the user's is dropped; the new sheet is added with its marker.
    expect(ops(plan.requests, "dropTable")).toEqual([]);
    expect(ops(plan.requests, "dropName")).toEqual([]);
    expect(ops(plan.requests, "addSheet")).toEqual([
      { kind: "addSheet", sheet: 2, name: "AI Comparison", marker: SHEET_MARKERS.comparison },
    ]);
  });

  test("a role the layout does not write is left alone; only the written roles' sheets are cleared", () => {
    const inventory: Inventory = {
      sheets: ["AI Budget", "AI Allocation"],
      own: [
        { role: "budget", name: "AI Budget" },
        { role: "allocation", name: "AI Allocation" },
      ],
      tables: [{ name: "AIBudget", sheet: "AI Budget", range: "A1:D3" }],
      names: [
        { name: SHEET_MARKERS.budget, sheet: "AI Budget" },
        { name: SHEET_MARKERS.allocation, sheet: "AI Allocation" },
        { name: "AIBUDGET_Spend", sheet: "AI Budget" },
      ],
    };
    const plan = planWrite({ sheets: [allocationSheet(2)] }, inventory);
    expect(ops(plan.requests, "clear")).toEqual([{ kind: "clear", sheet: 0 }]);
    expect(plan.sheets.map((s) => s.name)).toEqual(["AI Allocation"]);
    expect(ops(plan.requests, "dropTable")).toEqual([]);
    expect(ops(plan.requests, "dropName")).toEqual([]);
  });

  test("the layout's defined names: an earlier run's is updated, a user's of that name pushes ours to a free one", () => {
    const layout = liveModelLayout(3);
    const inventory: Inventory = {
      sheets: ["Budget", "AI Assumptions"],
      own: [{ role: "assumptions", name: "AI Assumptions" }],
      tables: [],
      names: [
        { name: SHEET_MARKERS.assumptions, sheet: "AI Assumptions" },
        { name: "AIBUDGET_Years", sheet: "AI Assumptions" },
        { name: "AIBUDGET_DiscountRate", sheet: "Budget" },
        { name: "AIBUDGET_Old", sheet: "AI Assumptions" },
      ],
    };
    const plan = planWrite(layout, inventory);
    expect(ops(plan.requests, "name")).toEqual([
      { kind: "name", name: "AIBUDGET_Years", formula: "='AI Assumptions'!$B$3", change: "update" },
      { kind: "name", name: "AIBUDGET_DiscountRate_2", formula: "='AI Assumptions'!$B$4", change: "add" },
      { kind: "name", name: "AIBUDGET_DefaultTier", formula: "='AI Assumptions'!$B$5", change: "add" },
    ]);
    // A name an earlier run left on a sheet being rewritten, that the layout no longer has, goes.
    expect(ops(plan.requests, "dropName")).toEqual([{ kind: "dropName", name: "AIBUDGET_Old" }]);
    expect(plan.bindings.names).toEqual({ AIBUDGET_DiscountRate: "AIBUDGET_DiscountRate_2" });
  });

  test("values as values in whole-row blocks under the limit, in order, none lost, formula cells left out", () => {
    const layout = { sheets: [allocationSheet(500)] };
    const limit = 20_000;
    const plan = planWrite(layout, EMPTY, limit);
    expect(plan.requests.length).toBeGreaterThan(3);
    for (const bytes of plan.requestBytes) expect(bytes).toBeLessThanOrEqual(limit);
    const blocks = ops(plan.requests, "values");
    let next = 1;
    for (const block of blocks) {
      expect(block.address).toBe(`A${next}:M${next + block.values.length - 1}`);
      expect(jsonBytes(block.values)).toBeLessThanOrEqual(limit);
      expect(block.values.flat().every((v) => typeof v !== "string" || !v.startsWith("="))).toBe(true);
      next += block.values.length;
    }
    expect(next - 1).toBe(layout.sheets[0].rows.length);
    // Charts, sheet settings come last; the table is added after the values.
    const order = plan.requests.flat().map((op) => op.kind);
    expect(order.indexOf("addTable")).toBeGreaterThan(order.lastIndexOf("values"));
  });

  test("a small layout is one request", () => {
    expect(planWrite(analysisLayout(10), EMPTY).requests).toHaveLength(1);
  });

  test("formulas that repeat down a column go in once and are copied down; the rest are written", () => {
    const plan = planWrite(liveModelLayout(1000), EMPTY);
    const fills = ops(plan.requests, "fill").filter((f) => f.sheet === 1);
    expect(fills).toEqual([{ kind: "fill", sheet: 1, source: "D2:F2", destination: "D3:F1001" }]);
    const formulas = ops(plan.requests, "formulas").filter((f) => f.sheet === 1);
    // The first body row and the totals row, nothing else.
    expect(formulas.map((f) => f.address)).toEqual(["A2:F2", "A1002:F1002"]);
    expect(formulas[0].formulas[0]).toEqual([
      null,
      null,
      null,
      "=B2*'AI Assumptions'!$B$3-C2*AIBUDGET_Years",
      '=IF(C2=0,"",D2/(C2*AIBUDGET_Years))',
      '=IF(D2>0,"Fund","Review")',
    ]);
    // Structured references repeat unchanged: one copy for the workings too.
    expect(ops(plan.requests, "fill").filter((f) => f.sheet === 2)).toEqual([
      { kind: "fill", sheet: 2, source: "A2:B2", destination: "A3:B1001" },
    ]);
  });

  test("a number format and look down a column is one command per run, however long", () => {
    const sheet: SheetLayout = {
      role: "allocation",
      name: "S",
      rows: [
        [{ value: "Money", style: "header" }],
        ...Array.from({ length: 1000 }, (_, i) => [{ value: i, numberFormat: "#,##0", style: "input" as const }]),
        [{ value: "never" }],
        [{ value: 1, numberFormat: "0.0" }],
      ],
      tables: [],
      columnWidths: [],
      charts: [],
    };
    const formats = ops(planWrite({ sheets: [sheet] }, EMPTY).requests, "format");
    expect(formats).toEqual([
      { kind: "format", sheet: 0, first: "A1", range: "A1", look: { bold: true, fill: "#D9E1F2" } },
      {
        kind: "format",
        sheet: 0,
        first: "A2",
        range: "A2:A1001",
        numberFormat: "#,##0",
        look: { fontColor: "#0000FF", fill: "#FFF2CC" },
      },
      { kind: "format", sheet: 0, first: "A1003", range: "A1003", numberFormat: "0.0", look: null },
    ]);
  });
});

describe("an earlier run's tables on a kept sheet", () => {
  const rect = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });

  test("kept where they start at the same cell with the same width, grown or shrunk by whole rows", () => {
    const plan = planKeptTables(
      0,
      [
        { name: "AIAllocation", rect: rect(1, 1, 6, 13) },
        { name: "AINotes", rect: rect(10, 1, 12, 13) },
      ],
      [
        { name: "AIAllocation", rect: rect(1, 1, 9, 13) },
        { name: "AINotes", rect: rect(13, 1, 14, 13) },
      ],
    );
    expect(plan.prep).toEqual([
      { kind: "clear", sheet: 0 },
      { kind: "tableRows", sheet: 0, address: "A2:M4", change: "insert" },
      // AINotes moved down three rows with the insert, to row 13: then it shrinks by one.
      { kind: "tableRows", sheet: 0, address: "A14:M14", change: "delete" },
    ]);
    expect(plan.add).toEqual([]);
  });

  test("moved, widened or no longer wanted: dropped, and the layout's added anew", () => {
    const plan = planKeptTables(
      0,
      [
        { name: "AIAllocation", rect: rect(1, 1, 6, 13) },
        { name: "AIOld", rect: rect(20, 1, 22, 2) },
      ],
      [{ name: "AIAllocation", rect: rect(2, 1, 6, 14) }],
    );
    expect(plan.prep).toEqual([
      { kind: "dropTable", sheet: 0, name: "AIOld" },
      { kind: "clear", sheet: 0 },
      { kind: "dropTable", sheet: 0, name: "AIAllocation" },
    ]);
    expect(plan.add).toEqual([{ kind: "addTable", sheet: 0, name: "AIAllocation", range: "A2:N6" }]);
  });
});

describe("planInsert", () => {
  test("a header alone still gets a body row for the table", () => {
    const plan = planInsert("Sample", [["Workflow", "People"]], ["Sample"]);
    expect(plan).toMatchObject({ sheet: "Sample (2)", address: "A1:B2", headers: ["Workflow", "People"], rowCount: 0 });
  });
});
