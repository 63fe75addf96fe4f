import type { SheetLayout } from "../../src/workbook/layout";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { localAddress, parseQualified, qualify } from "../../src/workbook/office/reference";
import { gridCell } from "../../src/workbook/office/gridRead";
import {
  cellInput,
  charsToPoints,
  freeTableName,
  jsonBytes,
  planInsert,
  planWrite,
  type Inventory,
  type WriteOp,
} from "../../src/workbook/office/writePlan";
import { allocationSheet, analysisLayout } from "./layouts";

const EMPTY: Inventory = { sheets: ["Budget"], own: [], tables: [], names: [] };

const cellsOf = (requests: WriteOp[][]) =>
  requests.flat().filter((op): op is Extract<WriteOp, { kind: "cells" }> => op.kind === "cells");

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

  test("an address Office.js returns loses its sheet", () => {
    expect(localAddress("'My sheet'!$B$3:$I$10")).toBe("B3:I10");
    expect(localAddress("Sheet1!A1")).toBe("A1");
  });
});

describe("reading cells", () => {
  test("the value type decides: an error is {error}, empty is null, typed text stays text", () => {
    expect(gridCell("#N/A", "Error")).toEqual({ error: "#N/A" });
    expect(gridCell("#N/A", "String")).toBe("#N/A");
    expect(gridCell("", "Empty")).toBeNull();
    expect(gridCell(0, "Double")).toBe(0);
    expect(gridCell(false, "Boolean")).toBe(false);
  });
});

describe("cell inputs", () => {
  const where = () => "S!A1";
  test("formula cells give their formula, not their cached value; text goes in behind an apostrophe", () => {
    expect(cellInput({ value: 42, formula: "=SUM(A1:A3)" }, where)).toBe("=SUM(A1:A3)");
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
  test("own sheets are found by marker only; foreign sheets keep their names", () => {
    const inventory: Inventory = {
      sheets: ["Budget", "AI Allocation", "Mine renamed", "AI Assumptions"],
      own: [
        { role: "allocation", name: "Mine renamed" },
        { role: "assumptions", name: "AI Assumptions" },
      ],
      tables: [
        { name: "AIAllocation", sheet: "Mine renamed" },
        { name: "AIComparison", sheet: "Budget" },
      ],
      names: [SHEET_MARKERS.allocation, SHEET_MARKERS.assumptions, SHEET_MARKERS.comparison, "TaxRate"],
    };
    const plan = planWrite(analysisLayout(3), inventory);
    expect(plan.sheets.map((s) => [s.name, s.renamed])).toEqual([
      ["AI Assumptions", false],
      ["AI Allocation (2)", true],
      ["AI Comparison", false],
    ]);
    expect(plan.retire.map((r) => r.name)).toEqual(["Mine renamed", "AI Assumptions"]);
    const taken = [...inventory.sheets, ...plan.sheets.map((s) => s.name)].map((n) => n.toLowerCase());
    for (const r of plan.retire) expect(taken).not.toContain(r.temporary.toLowerCase());
    // Every marker goes, the one whose sheet is gone too; the tables on own sheets free their names.
    expect(plan.staleMarkers).toHaveLength(3);
    const tables = plan.requests.flat().filter((op) => op.kind === "table");
    expect(tables.map((t) => t.name)).toEqual(["AIAllocation", "AIComparison_2"]);
  });

  test("rows are cut into whole-row blocks under the limit, in order, none lost", () => {
    const layout = { sheets: [allocationSheet(500)] };
    const limit = 20_000;
    const plan = planWrite(layout, EMPTY, limit);
    expect(plan.requests.length).toBeGreaterThan(3);
    for (const bytes of plan.requestBytes) expect(bytes).toBeLessThanOrEqual(limit);
    const blocks = cellsOf(plan.requests);
    let next = 1;
    for (const block of blocks) {
      expect(block.address).toBe(`A${next}:M${next + block.formulas.length - 1}`);
      expect(jsonBytes(block.formulas)).toBeLessThanOrEqual(limit);
      next += block.formulas.length;
    }
    expect(next - 1).toBe(layout.sheets[0].rows.length);
    // Tables come last, after every block of cells.
    expect(plan.requests.at(-1)?.at(-1)?.kind).toBe("table");
  });

  test("a small layout is one request", () => {
    const plan = planWrite(analysisLayout(10), EMPTY);
    expect(plan.requests).toHaveLength(1);
  });

  test("a number format down a column is one command per run, however long", () => {
    const sheet: SheetLayout = {
      role: "allocation",
      name: "S",
      rows: [
        [{ value: "Money" }],
        ...Array.from({ length: 1000 }, (_, i) => [{ value: i, numberFormat: "#,##0" }]),
        [{ value: "never" }],
        [{ value: 1, numberFormat: "0.0" }],
      ],
      tables: [],
      columnWidths: [],
      charts: [],
    };
    const formats = planWrite({ sheets: [sheet] }, EMPTY)
      .requests.flat()
      .filter((op) => op.kind === "format");
    expect(formats).toEqual([
      { kind: "format", sheet: 0, first: "A2", range: "A2:A1001", format: "#,##0" },
      { kind: "format", sheet: 0, first: "A1003", range: "A1003", format: "0.0" },
    ]);
  });
});

describe("planInsert", () => {
  test("a header alone still gets a body row for the table", () => {
    const plan = planInsert("Sample", [["Workflow", "People"]], ["Sample"]);
    expect(plan).toMatchObject({ sheet: "Sample (2)", address: "A1:B2", headers: ["Workflow", "People"], rowCount: 0 });
  });
});
