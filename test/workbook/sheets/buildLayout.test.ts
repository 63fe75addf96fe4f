import fc from "fast-check";
import { DEFAULT_ASSUMPTIONS, type Tier } from "../../../src/model";
import { analyseGrid } from "../../../src/workbook/analyse";
import type { AnalysisLayout, LayoutCell, SheetLayout } from "../../../src/workbook/layout";
import type { SourceGrid } from "../../../src/workbook/port";
import { buildAnalysisLayout } from "../../../src/workbook/sheets/buildLayout";
import {
  SAMPLE_COMPARISON,
  SAMPLE_ENTERPRISE_SHARE,
  SAMPLE_INFLATION_FACTOR,
  SAMPLE_ROWS,
  roundsTo,
  sampleGrid,
} from "../read/sampleGrid";
import { cellValue, evaluate } from "./miniFormula";

const WHEN = new Date(Date.UTC(2026, 10, 24, 9, 30, 12));

function layoutOf(grid: SourceGrid = sampleGrid(), overrides: Record<string, Tier> = {}): AnalysisLayout {
  return buildAnalysisLayout(analyseGrid(grid, DEFAULT_ASSUMPTIONS, overrides, WHEN));
}

function sheet(layout: AnalysisLayout, name: string): SheetLayout {
  const found = layout.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

const at = (s: SheetLayout, address: string) => cellValue(s, address);
const cellAt = (s: SheetLayout, row: number, column: number): LayoutCell | null =>
  s.rows[row - 1]?.[column - 1] ?? null;
const rowText = (s: SheetLayout, row: number) => (s.rows[row - 1] ?? []).map((c) => c?.value ?? null);

/** Every cell with a formula, with its address. */
function formulaCells(s: SheetLayout): { address: string; cell: LayoutCell }[] {
  const cells: { address: string; cell: LayoutCell }[] = [];
  s.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c?.formula) cells.push({ address: `${String.fromCharCode(65 + k)}${r + 1}`, cell: c });
    }),
  );
  return cells;
}

function close(actual: unknown, expected: number) {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** Checks that hold for every layout: own-sheet formulas in native Excel, cached values that match them, no errors. */
function checkEveryCell(layout: AnalysisLayout) {
  for (const s of layout.sheets) {
    for (const row of s.rows) {
      for (const c of row) {
        if (c === null) continue;
        expect(typeof c.value === "object" && c.value !== null).toBe(false);
        if (typeof c.value === "string") expect(c.value).not.toMatch(/^#[A-Z/0!?]+[!?]?$/);
        if (typeof c.value === "number") expect(Number.isFinite(c.value)).toBe(true);
      }
    }
    for (const { address, cell } of formulaCells(s)) {
      expect(cell.formula).not.toMatch(/!/);
      const computed = evaluate(s, cell.formula!);
      if (typeof cell.value === "number") close(computed, cell.value);
      else expect({ address, computed }).toEqual({ address, computed: cell.value });
    }
  }
}

describe("buildAnalysisLayout on the sample company", () => {
  const layout = layoutOf();
  const allocation = sheet(layout, "AI Allocation");
  const comparison = sheet(layout, "AI Comparison");
  const assumptions = sheet(layout, "AI Assumptions");

  it("writes the three sheets in order", () => {
    expect(layout.sheets.map((s) => [s.role, s.name])).toEqual([
      ["assumptions", "AI Assumptions"],
      ["allocation", "AI Allocation"],
      ["comparison", "AI Comparison"],
    ]);
  });

  it("keeps every formula on its own sheet, native, and equal to its cached value; no cell holds an error", () => {
    checkEveryCell(layout);
  });

  describe("AI Allocation", () => {
    it("is the table AIAllocation with sheets.md's columns in order, covering exactly the workflow rows", () => {
      expect(rowText(allocation, 1)).toEqual([
        "Workflow",
        "People",
        "Tier",
        "Reason",
        "Annual value",
        "Annual cost",
        "One-time cost",
        "PV benefits",
        "PV costs",
        "NPV",
        "ROI",
        "Payback (months)",
        "Cost per unit of value",
      ]);
      expect(allocation.tables).toEqual([{ name: "AIAllocation", range: "A1:M8" }]);
      expect(allocation.rows).toHaveLength(9);
      expect(allocation.charts).toEqual([]);
      expect(allocation.columnWidths).toHaveLength(13);
    });

    it("gives each workflow sample.md's tier and figures", () => {
      SAMPLE_ROWS.forEach(([name, tier, annualValue, annualCost, oneTime, pvBenefits, pvCosts], i) => {
        const row = i + 2;
        expect(at(allocation, `A${row}`)).toBe(name);
        expect(at(allocation, `C${row}`)).toBe(tier);
        const shown = [annualValue, annualCost, oneTime, pvBenefits, pvCosts];
        ["E", "F", "G", "H", "I"].forEach((column, j) => {
          expect([name, column, roundsTo(at(allocation, `${column}${row}`) as number, shown[j], 0)]).toEqual([
            name,
            column,
            true,
          ]);
        });
        close(at(allocation, `J${row}`), (at(allocation, `H${row}`) as number) - (at(allocation, `I${row}`) as number));
      });
    });

    it("explains each tier, naming the candidate it speaks of", () => {
      // Customer support, Financial analysis and Contract review handle sensitive data.
      for (const row of [2, 4, 5]) expect(at(allocation, `D${row}`)).toMatch(/Consumer: sensitive data rules it out/);
      expect(at(allocation, "D8")).toMatch(/Enterprise ROI -?\d+ % is below the hurdle 100 %/);
    });

    it("shows a None row as zeros with ROI, payback and cost per unit of value empty", () => {
      expect(rowText(allocation, 8)).toEqual([
        "Warehouse and field operations",
        100,
        "None",
        expect.any(String),
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null,
      ]);
    });

    it("gives supported rows a ROI, a payback and a cost per unit of value", () => {
      // Operations reports: Consumer, no one-time cost, so payback 0; cost per unit = PV costs / PV benefits.
      expect(at(allocation, "L6")).toBe(0);
      close(at(allocation, "M6"), (at(allocation, "I6") as number) / (at(allocation, "H6") as number));
      close(at(allocation, "K6"), (at(allocation, "J6") as number) / (at(allocation, "I6") as number));
      expect(roundsTo(at(allocation, "M6") as number, 20890 / 83558, 4)).toBe(true);
    });

    it("puts a totals row directly below the table with sums, ROI and cost per unit as formulas", () => {
      expect(at(allocation, "A9")).toBe("Total");
      for (const column of ["B", "E", "F", "G", "H", "I", "J"]) {
        expect(cellAt(allocation, 9, column.charCodeAt(0) - 64)?.formula).toBe(`=SUM(${column}2:${column}8)`);
      }
      expect(at(allocation, "B9")).toBe(200);
      const portfolio = SAMPLE_COMPARISON.map(([, , folio]) => folio);
      // Annual value, annual cost, one-time, PV benefits, PV costs, NPV: the portfolio's, as sample.md shows them.
      expect(roundsTo(at(allocation, "E9") as number, portfolio[3], 0)).toBe(true);
      expect(roundsTo(at(allocation, "F9") as number, portfolio[1], 0)).toBe(true);
      expect(roundsTo(at(allocation, "G9") as number, portfolio[2], 0)).toBe(true);
      expect(roundsTo(at(allocation, "H9") as number, portfolio[4], 0)).toBe(true);
      expect(roundsTo(at(allocation, "I9") as number, portfolio[5], 0)).toBe(true);
      expect(roundsTo(at(allocation, "J9") as number, portfolio[6], 0)).toBe(true);
      expect(cellAt(allocation, 9, 11)?.formula).toBe('=IF(I9=0,"",J9/I9)');
      expect(roundsTo(at(allocation, "K9") as number, portfolio[7], 3)).toBe(true);
      expect(cellAt(allocation, 9, 13)?.formula).toBe('=IF(H9=0,"",I9/H9)');
      expect(roundsTo(at(allocation, "M9") as number, portfolio[8], 4)).toBe(true);
      expect(at(allocation, "L9")).toBeNull();
    });

    it("formats money without decimals, ROI as a percentage and payback with one decimal", () => {
      const format = (address: string) =>
        cellAt(allocation, Number(address.slice(1)), address.charCodeAt(0) - 64)?.numberFormat;
      for (const address of ["E2", "F2", "G2", "H2", "I2", "J2", "J9"]) expect(format(address)).toBe("#,##0;-#,##0");
      expect(format("K2")).toBe("0.0%");
      expect(format("K9")).toBe("0.0%");
      expect(format("L2")).toBe("0.0");
      expect(format("M2")).toBe("0.0000");
    });
  });

  describe("AI Comparison", () => {
    it("is the table AIComparison with the rows and columns of sheets.md", () => {
      expect(rowText(comparison, 1)).toEqual(["Figure", "Per-seat", "Workflow portfolio", "Difference"]);
      expect(comparison.tables).toEqual([{ name: "AIComparison", range: "A1:D10" }]);
      expect(SAMPLE_COMPARISON.map((_, i) => at(comparison, `A${i + 2}`))).toEqual(
        SAMPLE_COMPARISON.map(([label]) => label),
      );
    });

    it("shows sample.md's figures for both plans and their difference", () => {
      const decimals = [0, 0, 0, 0, 0, 0, 0, 3, 4];
      SAMPLE_COMPARISON.forEach(([label, seat, folio, diff], i) => {
        const row = i + 2;
        const got = ["B", "C", "D"].map((c) => at(comparison, `${c}${row}`) as number);
        expect([label, ...got.map((v, j) => roundsTo(v, [seat, folio, diff][j], decimals[i]))]).toEqual([
          label,
          true,
          true,
          true,
        ]);
      });
    });

    it("makes the whole Difference column, ROI and cost per unit of value formulas", () => {
      for (let row = 2; row <= 8; row++) expect(cellAt(comparison, row, 4)?.formula).toBe(`=C${row}-B${row}`);
      for (const row of [9, 10]) expect(cellAt(comparison, row, 4)?.formula).toMatch(new RegExp(`C${row}-B${row}`));
      expect(cellAt(comparison, 9, 2)?.formula).toBe('=IF(B7=0,"",B8/B7)');
      expect(cellAt(comparison, 9, 3)?.formula).toBe('=IF(C7=0,"",C8/C7)');
      expect(cellAt(comparison, 10, 2)?.formula).toBe('=IF(B6=0,"",B7/B6)');
      expect(cellAt(comparison, 10, 3)?.formula).toBe('=IF(C6=0,"",C7/C6)');
      for (let row = 2; row <= 8; row++) {
        expect(cellAt(comparison, row, 2)?.formula).toBeUndefined();
        expect(cellAt(comparison, row, 3)?.formula).toBeUndefined();
      }
    });

    it("puts the inflation factor and the Enterprise share of value under the table, as formulas", () => {
      const labels = comparison.rows.map((row) => row[0]?.value);
      const inflationRow = labels.indexOf("Inflation factor") + 1;
      const shareRow = labels.indexOf("Enterprise share of value") + 1;
      expect(inflationRow).toBeGreaterThan(10);
      expect(shareRow).toBeGreaterThan(10);
      const inflation = cellAt(comparison, inflationRow, 2)!;
      const share = cellAt(comparison, shareRow, 2)!;
      expect(inflation.formula).toMatch(/B10\/C10/);
      expect(share.formula).toMatch(/\/C6/);
      expect(roundsTo(inflation.value as number, SAMPLE_INFLATION_FACTOR, 2)).toBe(true);
      expect(roundsTo(share.value as number, SAMPLE_ENTERPRISE_SHARE, 3)).toBe(true);
    });

    it("charts cost and value for the two plans from a labelled block on the sheet", () => {
      expect(comparison.charts).toHaveLength(1);
      const [chart] = comparison.charts;
      expect(chart.kind).toBe("columnClustered");
      const [from, to] = chart.dataRange.split(":");
      const first = Number(from.slice(1));
      expect(from[0]).toBe("A");
      expect(to).toBe(`C${first + 2}`);
      expect(first).toBeGreaterThan(10);
      expect(rowText(comparison, first).slice(1)).toEqual(["Per-seat", "Workflow portfolio"]);
      expect(rowText(comparison, first + 1)).toEqual(["PV costs", at(comparison, "B7"), at(comparison, "C7")]);
      expect(rowText(comparison, first + 2)).toEqual(["PV benefits", at(comparison, "B6"), at(comparison, "C6")]);
    });
  });

  describe("AI Assumptions", () => {
    const labelled = (text: string) =>
      assumptions.rows.find((row) => row[0]?.value === text)?.map((c) => c?.value ?? null);

    it("records the source table and the time of the analysis", () => {
      expect(labelled("Source table")).toEqual(["Source table", "Workflows!A1:H8"]);
      expect(labelled("Analysed at")).toEqual(["Analysed at", "2026-11-24 09:30 UTC"]);
    });

    it("lists every assumption with its value, unit and a note", () => {
      const expected: [string, number][] = [
        ["Horizon", 3],
        ["Discount rate", 0.1],
        ["Confidence", 0.8],
        ["Adoption", 0.8],
        ["Vendor survival", 0.9],
        ["Enterprise seat price", 30],
        ["Consumer seat price", 20],
        ["Integration cost, none", 0],
        ["Integration cost, light", 10000],
        ["Integration cost, deep", 50000],
        ["Integration upkeep", 0.15],
        ["Hurdle ROI", 1],
        ["Headcount", 200],
      ];
      for (const [name, value] of expected) {
        const row = labelled(name);
        expect(row?.slice(0, 2)).toEqual([name, value]);
        expect(typeof row?.[2]).toBe("string");
        expect((row?.[3] as string).length).toBeGreaterThan(10);
      }
    });

    it("says there are no tiers set by hand, no warnings and no rejected rows", () => {
      const texts = assumptions.rows.flat().map((c) => c?.value);
      for (const heading of ["Tiers set by hand", "Warnings", "Row notes", "Rows not analysed"])
        expect(texts).toContain(heading);
      expect(texts).toContain("None: every row with content was analysed.");
      expect(texts).toContain("None: every tier is the model's choice.");
    });
  });
});

describe("buildAnalysisLayout on a messy table", () => {
  const grid: SourceGrid = {
    sheet: "Plan 2027",
    address: "C5:I10",
    firstRow: 5,
    firstColumn: 3,
    values: [
      ["Workflow", "Headcount", "Tasks/person/month", "Min saved per task", "Loaded rate ($)", "Adoption (%)", "Owner"],
      ["Drafting", 10, 100, 10, 60, 80, "Ann"],
      ["Filing", 5, 2, 1, 30, null, "Bob"],
      ["Broken", "ten", 10, 10, 60, null, null],
      ["drafting ", 1, 1, 1, 1, null, null],
      [null, null, null, null, null, null, "just a note"],
    ],
  };
  const analysis = analyseGrid(grid, DEFAULT_ASSUMPTIONS, { Filing: "Consumer" }, WHEN);
  const layout = buildAnalysisLayout(analysis);
  const allocation = sheet(layout, "AI Allocation");
  const assumptions = sheet(layout, "AI Assumptions");
  const texts = assumptions.rows.map((row) => row.map((c) => c?.value ?? null));

  it("keeps every formula consistent and no error anywhere", () => {
    checkEveryCell(layout);
  });

  it("allocates only the analysed rows, and the Reason says which tier was set by hand", () => {
    expect(allocation.tables[0].range).toBe("A1:M3");
    expect(rowText(allocation, 2)[0]).toBe("Drafting");
    expect(rowText(allocation, 3).slice(0, 4)).toEqual([
      "Filing",
      5,
      "Consumer",
      expect.stringMatching(/^Set by hand; the model chose /),
    ]);
    expect(at(allocation, "A4")).toBe("Total");
  });

  it("reads a payback that never comes as never", () => {
    // Filing forced to Consumer: 5 seats cost 1,200 a year against 96 of value, so the payback never comes.
    expect(at(allocation, "L3")).toBe("never");
    expect(at(allocation, "K3") as number).toBeLessThan(0);
  });

  it("lists the tier set by hand, the warnings, the row notes and the rows not analysed with their reasons", () => {
    expect(texts).toContainEqual(["Filing", "Consumer", expect.any(String)]);
    expect(texts.flat().some((t) => typeof t === "string" && /no sensitivity column/.test(t))).toBe(true);
    expect(texts).toContainEqual([6, "Drafting", "Column H (Adoption (%)): 80 read as 80 %"]);
    expect(texts).toContainEqual([8, "Broken", "D", "Headcount", '"ten"', "a number of at least 0"]);
    expect(texts).toContainEqual([9, "drafting", "C", "Workflow", '"drafting "', expect.stringMatching(/row 6/)]);
    expect(texts.find((row) => row[0] === "Source table")).toEqual(["Source table", "Plan 2027!C5:I10"]);
    expect(texts.find((row) => row[0] === "Rows not analysed")).toEqual(["Rows not analysed", 2]);
  });
});

describe("buildAnalysisLayout where nothing could be analysed", () => {
  const grid: SourceGrid = {
    sheet: "S",
    address: "A1:E2",
    firstRow: 1,
    firstColumn: 1,
    values: [
      ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
      ["A", { error: "#N/A" }, 1, 1, 1],
    ],
  };
  const layout = buildAnalysisLayout(analyseGrid(grid, DEFAULT_ASSUMPTIONS, {}, WHEN));
  const allocation = sheet(layout, "AI Allocation");
  const comparison = sheet(layout, "AI Comparison");

  it("still writes an AIAllocation table, with one empty row, and totals of zero with empty ratios", () => {
    expect(allocation.tables[0].range).toBe("A1:M2");
    expect(rowText(allocation, 2).every((v) => v === null)).toBe(true);
    expect(at(allocation, "B3")).toBe(0);
    expect(at(allocation, "K3")).toBe("");
    expect(at(allocation, "M3")).toBe("");
  });

  it("leaves the ratios of an empty portfolio empty, never an error", () => {
    checkEveryCell(layout);
    expect(at(comparison, "C9")).toBe("");
    expect(at(comparison, "C10")).toBe("");
    expect(at(comparison, "D9")).toBe("");
    const labels = comparison.rows.map((row) => row[0]?.value);
    expect(comparison.rows[labels.indexOf("Inflation factor")][1]?.value).toBe("");
    expect(comparison.rows[labels.indexOf("Enterprise share of value")][1]?.value).toBe("");
  });
});

describe("buildAnalysisLayout on arbitrary tables", () => {
  const row = fc.tuple(
    fc.constantFrom(0, 0.5, 3, 40, 1200),
    fc.constantFrom(0, 1, 25, 400),
    fc.constantFrom(0, 2, 30),
    fc.constantFrom(0, 20, 95),
    fc.constantFrom("yes", "no"),
    fc.constantFrom("none", "light", "deep"),
    fc.constantFrom(null, 0, 5000),
    fc.constantFrom<Tier | null>(null, null, "Enterprise", "Consumer", "None"),
  );

  it("keeps table ranges on the rows, formulas equal to their cached values and no error anywhere", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), (rows) => {
        const values = [
          [
            "Workflow",
            "People",
            "Tasks per person per month",
            "Minutes saved per task",
            "Hourly cost",
            "Sensitive",
            "Integration",
            "Integration cost",
          ],
          ...rows.map(([people, tasks, minutes, rate, sensitive, need, cost], i) => [
            `W${i}`,
            people,
            tasks,
            minutes,
            rate,
            sensitive,
            need,
            cost,
          ]),
        ];
        const overrides: Record<string, Tier> = {};
        rows.forEach((r, i) => {
          if (r[7] !== null) overrides[`W${i}`] = r[7];
        });
        const grid: SourceGrid = { sheet: "S", address: "A1", firstRow: 1, firstColumn: 1, values };
        let layout: AnalysisLayout;
        try {
          layout = buildAnalysisLayout(analyseGrid(grid, DEFAULT_ASSUMPTIONS, overrides, WHEN));
        } catch {
          expect(rows).toHaveLength(0); // only a table with no rows cannot be read
          return;
        }
        checkEveryCell(layout);
        const allocation = sheet(layout, "AI Allocation");
        expect(allocation.tables[0].range).toBe(`A1:M${Math.max(rows.length, 1) + 1}`);
        expect(at(allocation, `A${Math.max(rows.length, 1) + 2}`)).toBe("Total");
      }),
      { numRuns: 200 },
    );
  });
});
