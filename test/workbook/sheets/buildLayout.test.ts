import fc from "fast-check";
import { DEFAULT_ASSUMPTIONS, type Tier } from "../../../src/model";
import { analyseGrid } from "../../../src/workbook/analyse";
import { parseCellAddress } from "../../../src/workbook/a1";
import type { AnalysisLayout, LayoutCell, SheetLayout } from "../../../src/workbook/layout";
import { SHEET_ROLES } from "../../../src/workbook/marker";
import type { SourceGrid } from "../../../src/workbook/port";
import { expandFills, moveFormulaDown } from "../../../src/workbook/fills";
import { buildAnalysisLayout } from "../../../src/workbook/sheets/buildLayout";
import { allocationFormulas } from "../../../src/workbook/sheets/allocationSheet";
import { workingsFormulas } from "../../../src/workbook/sheets/workingsSheet";
import { BUDGET_LINES, budgetRow } from "../../../src/workbook/sheets/budgetSheet";
import { ALLOCATION_HEADERS, WORKINGS_HEADERS, allocationLetter } from "../../../src/workbook/sheets/geometry";
import { INPUT_NAMES, WORKING_NAMES } from "../../../src/workbook/sheets/names";
import { SAMPLE_BREAKEVEN, SAMPLE_BUDGET } from "../../support/sampleFigures";
import {
  SAMPLE_COMPARISON,
  SAMPLE_ENTERPRISE_SHARE,
  SAMPLE_INFLATION_FACTOR,
  SAMPLE_ROWS,
  roundsTo,
  sampleGrid,
} from "../read/sampleGrid";

/**
 * The live model's layout as data: sheets, columns, named inputs, styles, validations, the formulas' shape (one
 * pattern down each column, only sheets.md's functions, no number but unit constants) and sample.md's figures in
 * the cached values. That the formulas compute those values is test/live/'s job: LibreOffice recalculates them.
 */

const WHEN = new Date(Date.UTC(2026, 10, 24, 9, 30, 12));

function layoutOf(grid: SourceGrid = sampleGrid(), overrides: Record<string, Tier> = {}, a = DEFAULT_ASSUMPTIONS) {
  return buildAnalysisLayout(analyseGrid(grid, a, overrides, WHEN));
}

/** The sheet as Excel holds it once written: every filled cell with its formula (fills.ts). */
function sheet(layout: AnalysisLayout, name: string): SheetLayout {
  const found = layout.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return expandFills(found);
}

function cellOf(s: SheetLayout, address: string): LayoutCell | null {
  const at = parseCellAddress(address)!;
  return s.rows[at.row - 1]?.[at.column - 1] ?? null;
}
const at = (s: SheetLayout, address: string) => cellOf(s, address)?.value ?? null;
const rowText = (s: SheetLayout, row: number) => (s.rows[row - 1] ?? []).map((c) => c?.value ?? null);

function letter(column: number): string {
  let out = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function formulaCells(s: SheetLayout): { address: string; row: number; column: number; cell: LayoutCell }[] {
  const cells: { address: string; row: number; column: number; cell: LayoutCell }[] = [];
  s.rows.forEach((r, i) =>
    r.forEach((c, k) => {
      if (c?.formula) cells.push({ address: `${letter(k + 1)}${i + 1}`, row: i + 1, column: k + 1, cell: c });
    }),
  );
  return cells;
}

const ALLOWED_FUNCTIONS = new Set(
  "SUM SUMPRODUCT SUMIFS COUNTIFS IF IFERROR AND OR NOT ISNUMBER ISTEXT ABS MAX MIN ROUND ROUNDDOWN TEXT TRIM LOWER INDEX MATCH".split(
    " ",
  ),
);
/** Unit constants (12 months, 60 minutes, 24 half-months, 100 per cent), the tolerance, and 0 and 1. */
const ALLOWED_NUMBERS = new Set(["0", "1", "12", "60", "24", "100", "1E-9"]);

/** The formula without its string literals and quoted sheet names, so only its own tokens are looked at. */
function code(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
}

function checkFormula(formula: string): string[] {
  const problems: string[] = [];
  const body = code(formula);
  for (const [, name] of body.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) {
    if (!ALLOWED_FUNCTIONS.has(name)) problems.push(`function ${name}`);
  }
  // Numbers that are not part of a cell reference or a defined name.
  const bare = body
    .replace(/(^|[^A-Za-z0-9_.])1E-9(?![0-9])/g, "$1TOLERANCE")
    .replace(/\$?[A-Z]{1,3}\$?\d+/g, "REF")
    .replace(/[A-Za-z_][A-Za-z0-9_.]*/g, "NAME");
  for (const [number] of bare.matchAll(/\d+(?:\.\d+)?(?:E-?\d+)?/gi)) {
    if (!ALLOWED_NUMBERS.has(number.toUpperCase())) problems.push(`number ${number}`);
  }
  if (formula.length > 8192) problems.push("longer than Excel's 8,192 characters");
  return problems;
}

/** Checks that hold for every layout: no error value, finite numbers, native formulas from sheets.md's list. */
function checkEveryCell(layout: AnalysisLayout) {
  const problems: string[] = [];
  for (const s of layout.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c === null) return;
        const where = `${s.name}!${letter(k + 1)}${r + 1}`;
        if (typeof c.value === "object" && c.value !== null) problems.push(`${where}: object`);
        if (typeof c.value === "string" && /^#[A-Z/0!?]+[!?]?$/.test(c.value)) problems.push(`${where}: error`);
        if (typeof c.value === "number" && !Number.isFinite(c.value)) problems.push(`${where}: not finite`);
        if (c.formula) for (const p of checkFormula(c.formula)) problems.push(`${where}: ${p}`);
      }),
    );
  }
  expect(problems).toEqual([]);
}

/** A formula with its own row's relative references replaced, so a column's formulas compare as one pattern. */
function pattern(formula: string, row: number): string {
  return formula.replace(/(^|[^$A-Z])([A-Z]{1,3})(\d+)(?![\d(])/g, (m, before: string, col: string, r: string) =>
    Number(r) === row ? `${before}${col}#` : m,
  );
}

function onePatternPerColumn(s: SheetLayout, firstRow: number, lastRow: number): string[] {
  const problems: string[] = [];
  const width = Math.max(...s.rows.map((r) => r.length));
  for (let c = 1; c <= width; c++) {
    const patterns = new Set<string>();
    for (let r = firstRow; r <= lastRow; r++) {
      const f = s.rows[r - 1]?.[c - 1]?.formula;
      if (f) patterns.add(pattern(f, r));
    }
    if (patterns.size > 1) problems.push(`${s.name} column ${letter(c)}: ${patterns.size} patterns`);
  }
  return problems;
}

describe("buildAnalysisLayout on the sample company", () => {
  const layout = layoutOf();
  const assumptions = sheet(layout, "AI Assumptions");
  const allocation = sheet(layout, "AI Allocation");
  const workings = sheet(layout, "AI Workings");
  const comparison = sheet(layout, "AI Comparison");
  const budget = sheet(layout, "AI Budget");
  const vendors = sheet(layout, "AI Vendors");
  const sensitivity = sheet(layout, "AI Sensitivity");

  it("writes the seven sheets in marker.ts's order of roles", () => {
    expect(layout.sheets.map((s) => s.role)).toEqual([...SHEET_ROLES]);
    expect(layout.sheets.map((s) => s.name)).toEqual([
      "AI Assumptions",
      "AI Allocation",
      "AI Workings",
      "AI Comparison",
      "AI Budget",
      "AI Vendors",
      "AI Sensitivity",
    ]);
  });

  it("uses only sheets.md's functions and unit constants, and holds no error value", () => {
    checkEveryCell(layout);
  });

  it("writes one formula pattern down each column of the per-workflow tables", () => {
    expect([
      ...onePatternPerColumn(allocation, 3, 9),
      ...onePatternPerColumn(workings, 3, 9),
      ...onePatternPerColumn(vendors, 3, 3),
    ]).toEqual([]);
  });

  it("writes one pattern across each budget line's Start and year columns", () => {
    for (const line of BUDGET_LINES) {
      const row = budget.rows[budgetRow(line) - 1];
      const shapes = new Set(
        row
          .slice(1, 5)
          .map((c, i) => c!.formula!.replace(new RegExp(`(^|[^$A-Z'])${letter(i + 2)}(?=\\$?\\d)`, "g"), "$1#")),
      );
      expect([line, shapes.size]).toEqual([line, 1]);
    }
  });

  describe("AI Assumptions", () => {
    it("puts every assumption at a fixed cell under its defined name, as an input", () => {
      const names = new Map((assumptions.names ?? []).map((n) => [n.name, n.ref]));
      const inputs = Object.values(INPUT_NAMES);
      expect(inputs).toHaveLength(18);
      inputs.forEach((name, i) => expect([name, names.get(name)]).toEqual([name, `B${4 + i}`]));
      for (const name of inputs.filter((n) => n !== INPUT_NAMES.headcount)) {
        expect([name, cellOf(assumptions, names.get(name)!)?.style]).toEqual([name, "input"]);
      }
      // The same cells whatever the table: a re-run and a user's formula find them where they were.
      const other = layoutOf(sampleGrid(), {}, { ...DEFAULT_ASSUMPTIONS, headcount: 250 });
      expect(sheet(other, "AI Assumptions").names).toEqual(assumptions.names);
    });

    it("shows the defaults, sample.md's ramp 0 and swing 0.2, and the capture factors", () => {
      const value = (name: string) => at(assumptions, (assumptions.names ?? []).find((n) => n.name === name)!.ref);
      expect(value(INPUT_NAMES.years)).toBe(3);
      expect(value(INPUT_NAMES.discountRate)).toBe(0.1);
      expect(value(INPUT_NAMES.rampMonths)).toBe(0);
      expect(value(INPUT_NAMES.sensitivitySwing)).toBe(0.2);
      expect([value(INPUT_NAMES.captureNone), value(INPUT_NAMES.captureLight), value(INPUT_NAMES.captureDeep)]).toEqual(
        [1, 0.5, 0.25],
      );
      expect(value(INPUT_NAMES.headcount)).toBe(200);
    });

    it("makes a headcount left to default a formula over AI Allocation's People, and a given one an input", () => {
      const ref = (l: AnalysisLayout) =>
        cellOf(
          sheet(l, "AI Assumptions"),
          sheet(l, "AI Assumptions").names!.find((n) => n.name === INPUT_NAMES.headcount)!.ref,
        );
      expect(ref(layout)).toMatchObject({ formula: "=SUM('AI Allocation'!$C$3:$C$9)", value: 200, style: "formula" });
      const given = layoutOf(sampleGrid(), {}, { ...DEFAULT_ASSUMPTIONS, headcount: 250 });
      expect(ref(given)).toMatchObject({ value: 250, style: "input" });
      expect(ref(given)?.formula).toBeUndefined();
    });

    it("names the workings: the annuity, the value annuity and the years AI Budget was written for", () => {
      const names = new Map((assumptions.names ?? []).map((n) => [n.name, n.ref]));
      const annuity = cellOf(assumptions, names.get(WORKING_NAMES.annuity)!)!;
      expect(annuity.formula).toBe(
        "=IF(AIBUDGET_DiscountRate=0,AIBUDGET_Years,(1-1/(1+AIBUDGET_DiscountRate)^AIBUDGET_Years)/AIBUDGET_DiscountRate)",
      );
      expect(roundsTo(annuity.value as number, 2.486852, 6)).toBe(true);
      expect(cellOf(assumptions, names.get(WORKING_NAMES.valueAnnuity)!)?.formula).toBe(
        "=AIBUDGET_Annuity-AIBUDGET_RampMonths/24/(1+AIBUDGET_DiscountRate)",
      );
      expect(cellOf(assumptions, names.get(WORKING_NAMES.yearsWritten)!)).toMatchObject({ value: 3 });
    });

    it("has a headcount check, and lists the source, the time, the warnings and the rows not analysed", () => {
      const labels = assumptions.rows.map((r) => r[0]?.value);
      const check = assumptions.rows[labels.indexOf("Headcount check")][1]!;
      expect(check.style).toBe("warning");
      expect(check.value).toBe("");
      expect(check.formula).toMatch(/AIBUDGET_Headcount<SUM\('AI Allocation'!\$C\$3:\$C\$9\)/);
      expect(rowText(assumptions, labels.indexOf("Source table") + 1)).toEqual(["Source table", "Workflows!A1:H8"]);
      expect(rowText(assumptions, labels.indexOf("Analysed at") + 1)).toEqual(["Analysed at", "2026-11-24 09:30 UTC"]);
      const texts = assumptions.rows.flat().map((c) => c?.value);
      for (const heading of ["Warnings", "Rows not analysed"]) expect(texts).toContain(heading);
      // sample.md: the table names no vendor for the integrated workflows, 87 % of the value over 3 years.
      expect(
        texts.some(
          (t) => typeof t === "string" && /names no vendor.*87 % of the portfolio's value over 3 years/.test(t),
        ),
      ).toBe(true);
      expect(assumptions.validations).toContainEqual({ range: "B4", kind: "whole", min: 1, max: 30 });
      expect(assumptions.validations).toContainEqual({ range: "B5", kind: "decimal", min: 0, max: 1 });
    });
  });

  describe("AI Allocation", () => {
    it("is the table AIAllocation under a note, with sheets.md's columns in order", () => {
      expect(String(at(allocation, "A1"))).toMatch(/change the source to keep it/);
      expect(rowText(allocation, 2)).toEqual([...ALLOCATION_HEADERS]);
      expect(ALLOCATION_HEADERS.slice(12, 16)).toEqual(["Tier set by hand", "Tier", "Reason", "Annual value"]);
      expect(ALLOCATION_HEADERS.slice(-2)).toEqual(["Break-even minutes", "Safety margin"]);
      expect(allocation.tables).toEqual([{ name: "AIAllocation", range: "A2:Z9" }]);
      expect(allocation.columnWidths).toHaveLength(ALLOCATION_HEADERS.length);
      expect(allocation.freeze).toEqual({ rows: 2, columns: 1 });
      expect(allocation.print).toEqual({ landscape: true, fitToOnePageWide: true, repeatRows: { first: 2, last: 2 } });
    });

    it("holds each row's cleaned inputs as input cells, then formulas", () => {
      expect(rowText(allocation, 3).slice(0, 13)).toEqual([
        "Customer support replies",
        "Drafting",
        15,
        240,
        5,
        45,
        null,
        "Yes",
        "light",
        null,
        null,
        null,
        null,
      ]);
      for (let c = 0; c < 13; c++) expect(allocation.rows[2][c]?.style).toBe("input");
      for (let c = 13; c < ALLOCATION_HEADERS.length; c++) expect(allocation.rows[2][c]?.formula).toMatch(/^=/);
      expect(allocation.validations).toEqual(
        expect.arrayContaining([
          { range: "H3:H9", kind: "list", items: ["Yes", "No"] },
          { range: "I3:I9", kind: "list", items: ["none", "light", "deep"] },
          { range: "M3:M9", kind: "list", items: ["Enterprise", "Consumer", "None"] },
          { range: "G3:G9", kind: "decimal", min: 0, max: 1 },
        ]),
      );
    });

    it("caches sample.md's tier and figures for every workflow", () => {
      const col = (h: (typeof ALLOCATION_HEADERS)[number]) => allocationLetter(h);
      SAMPLE_ROWS.forEach(([name, tier, annualValue, annualCost, oneTime, pvBenefits, pvCosts], i) => {
        const row = i + 3;
        expect(at(allocation, `A${row}`)).toBe(name);
        expect(at(allocation, `${col("Tier")}${row}`)).toBe(tier);
        const shown = [annualValue, annualCost, oneTime, pvBenefits, pvCosts];
        (["Annual value", "Annual cost", "One-time cost", "PV benefits", "PV costs"] as const).forEach((h, j) => {
          expect([name, h, roundsTo(at(allocation, `${col(h)}${row}`) as number, shown[j], 0)]).toEqual([
            name,
            h,
            true,
          ]);
        });
      });
      SAMPLE_BREAKEVEN.forEach(({ workflow, breakevenMinutes, safetyMargin }, i) => {
        const row = i + 3;
        expect([workflow, roundsTo(at(allocation, `Y${row}`) as number, breakevenMinutes, 2)]).toEqual([
          workflow,
          true,
        ]);
        expect([workflow, roundsTo(at(allocation, `Z${row}`) as number, safetyMargin, 3)]).toEqual([workflow, true]);
      });
    });

    it("explains each tier in the first version's words, naming the candidate", () => {
      for (const row of [3, 5, 6]) expect(at(allocation, `O${row}`)).toMatch(/Consumer: sensitive data rules it out/);
      expect(at(allocation, "O3")).toBe(
        "Enterprise ROI 776 % clears the hurdle 100 %; Consumer: sensitive data rules it out",
      );
      expect(at(allocation, "O9")).toMatch(
        /^Enterprise ROI -?\d+ % is below the hurdle 100 %; Consumer ROI -?\d+ % is below the hurdle 100 %$/,
      );
    });

    it("shows a None row as zeros with ROI, payback and cost per unit of value empty", () => {
      const none = rowText(allocation, 9).slice(13);
      expect(none.slice(0, 1)).toEqual(["None"]);
      expect(none.slice(2, 8)).toEqual([0, 0, 0, 0, 0, 0]);
      expect(none.slice(8, 11)).toEqual(["", "", ""]);
    });

    it("puts a plain totals row directly under the table: sums, and ROI and cost per unit as ratios", () => {
      expect(at(allocation, "A10")).toBe("Total");
      expect(cellOf(allocation, "C10")?.formula).toBe("=SUM(C3:C9)");
      expect(cellOf(allocation, "U10")?.formula).toBe("=SUM(U3:U9)");
      expect(cellOf(allocation, "V10")?.formula).toBe('=IF(T10=0,"",U10/T10)');
      expect(cellOf(allocation, "X10")?.formula).toBe('=IF(S10=0,"",T10/S10)');
      expect(at(allocation, "C10")).toBe(200);
      expect(roundsTo(at(allocation, "U10") as number, 926586, 0)).toBe(true);
      expect(at(allocation, "W10")).toBeNull();
    });

    it("formats money without decimals and negatives in parentheses, ROI as a percentage, payback one decimal", () => {
      expect(cellOf(allocation, "P3")?.numberFormat).toBe("#,##0_);(#,##0)");
      expect(cellOf(allocation, "V3")?.numberFormat).toBe("0.0%");
      expect(cellOf(allocation, "W3")?.numberFormat).toBe("0.0");
      const dollars = buildAnalysisLayout({
        ...analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, {}, WHEN),
        currency: "$",
      });
      expect(cellOf(sheet(dollars, "AI Allocation"), "P3")?.numberFormat).toBe('"$"#,##0_);("$"#,##0)');
    });
  });

  describe("AI Workings", () => {
    it("is the table AIWorkings with sheets.md's columns, all formulas, in AI Allocation's rows", () => {
      expect(rowText(workings, 2)).toEqual([...WORKINGS_HEADERS]);
      expect(workings.tables).toEqual([{ name: "AIWorkings", range: "A2:U9" }]);
      for (let row = 3; row <= 9; row++) for (const c of workings.rows[row - 1]) expect(c?.formula).toMatch(/^=/);
      expect(at(workings, "A3")).toBe("Customer support replies");
      expect(at(workings, "B3")).toBe("(no vendor named)");
      expect(at(workings, "L3")).toBe(true);
      expect(at(workings, "R3")).toBe(false);
      expect(at(workings, "S9")).toBe("None");
    });

    it("keeps the tier rule's tolerance in the formulas", () => {
      expect(cellOf(workings, "L3")?.formula).toContain("<=1E-9*MAX(ABS(K3),ABS(AIBUDGET_HurdleRoi))");
      expect(cellOf(workings, "S3")?.formula).toContain("1E-9*MAX(");
    });
  });

  describe("AI Comparison", () => {
    it("is the table AIComparison with sample.md's figures for both plans and their difference", () => {
      expect(rowText(comparison, 1)).toEqual(["Figure", "Per-seat", "Workflow portfolio", "Difference"]);
      expect(comparison.tables).toEqual([{ name: "AIComparison", range: "A1:D10" }]);
      const decimals = [0, 0, 0, 0, 0, 0, 0, 3, 4];
      SAMPLE_COMPARISON.forEach(([label, seat, folio, diff], i) => {
        const row = i + 2;
        expect(at(comparison, `A${row}`)).toBe(label);
        const got = ["B", "C", "D"].map((c) => at(comparison, `${c}${row}`) as number);
        expect([label, ...got.map((v, j) => roundsTo(v, [seat, folio, diff][j], decimals[i]))]).toEqual([
          label,
          true,
          true,
          true,
        ]);
      });
    });

    it("is formulas throughout, over AI Allocation, AI Workings and the assumptions", () => {
      for (let row = 2; row <= 10; row++) {
        expect(cellOf(comparison, `C${row}`)?.formula).toMatch(/^=/);
        expect(cellOf(comparison, `D${row}`)?.formula).toBe(`=IF(OR(B${row}="",C${row}=""),"",C${row}-B${row})`);
      }
      expect(cellOf(comparison, "B2")?.formula).toBe("=MAX(AIBUDGET_Headcount,SUM('AI Allocation'!$C$3:$C$9))");
      expect(cellOf(comparison, "B5")?.formula).toBe("=SUM('AI Workings'!$U$3:$U$9)");
      expect(cellOf(comparison, "B4")).toMatchObject({ value: 0 });
    });

    it("puts the inflation factor and the Enterprise share of value under the table, and a chart", () => {
      expect(rowText(comparison, 12)[0]).toBe("Inflation factor");
      expect(rowText(comparison, 13)[0]).toBe("Enterprise share of value");
      expect(roundsTo(at(comparison, "B12") as number, SAMPLE_INFLATION_FACTOR, 2)).toBe(true);
      expect(roundsTo(at(comparison, "B13") as number, SAMPLE_ENTERPRISE_SHARE, 3)).toBe(true);
      expect(comparison.charts).toEqual([
        expect.objectContaining({ kind: "columnClustered", dataRange: "A15:C17", seriesBy: "columns" }),
      ]);
      expect(rowText(comparison, 16)).toEqual(["PV costs", at(comparison, "B7"), at(comparison, "C7")]);
    });
  });

  describe("AI Budget", () => {
    it("is the table AIBudget, Start · Year 1 … Year 3 · Total · Present value, with sample.md's lines", () => {
      expect(rowText(budget, 5)).toEqual(["Line", "Start", "Year 1", "Year 2", "Year 3", "Total", "Present value"]);
      expect(budget.tables).toEqual([{ name: "AIBudget", range: "A5:G16" }]);
      for (const line of SAMPLE_BUDGET) {
        const row = rowText(budget, budgetRow(line.line as (typeof BUDGET_LINES)[number]));
        expect(row[0]).toBe(line.line);
        const want = [line.start, ...line.years, line.total, line.presentValue];
        expect([line.line, ...row.slice(1).map((v, i) => roundsTo(v as number, want[i], 0))]).toEqual([
          line.line,
          ...want.map(() => true),
        ]);
      }
    });

    it("says above the table when the horizon has grown past its columns, and charts each year", () => {
      expect(cellOf(budget, "A1")).toMatchObject({ value: "", style: "warning" });
      expect(cellOf(budget, "A1")?.formula).toMatch(/AIBUDGET_Years>AIBUDGET_YearsWritten/);
      expect(budget.charts).toEqual([
        expect.objectContaining({ kind: "columnClustered", dataRange: "A18:E20", seriesBy: "rows" }),
      ]);
      expect(cellOf(budget, "D10")?.formula).toContain("SUMPRODUCT(");
    });
  });

  describe("AI Vendors", () => {
    it("has the unnamed vendor's row of sample.md, and a Due diligence input column", () => {
      expect(rowText(vendors, 2)).toEqual([
        "Vendor",
        "Survival",
        "Enterprise workflows",
        "People",
        "One-time cost at stake",
        "PV benefits at stake",
        "Share of portfolio value",
        "Expected rebuild cost",
        "Chance of failure within the horizon",
        "Due diligence",
      ]);
      const row = rowText(vendors, 3);
      expect(row.slice(0, 4)).toEqual(["(no vendor named)", 0.9, 4, 40]);
      expect(roundsTo(row[4] as number, 120000, 0)).toBe(true);
      expect(roundsTo(row[5] as number, 1040897, 0)).toBe(true);
      expect(roundsTo(row[6] as number, 0.875, 3)).toBe(true);
      expect(roundsTo(row[7] as number, 27137, 0)).toBe(true);
      expect(roundsTo(row[8] as number, 0.271, 3)).toBe(true);
      expect(cellOf(vendors, "J3")).toMatchObject({ value: null, style: "input" });
      expect(cellOf(vendors, "D3")?.formula).toBe(
        "=SUMPRODUCT(('AI Allocation'!$N$3:$N$9=\"Enterprise\")*('AI Workings'!$B$3:$B$9=LOWER(TRIM($A3))),'AI Allocation'!$C$3:$C$9)",
      );
    });

    it("keeps the due-diligence notes of an earlier run, by vendor name", () => {
      const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, {}, WHEN);
      const kept = buildAnalysisLayout(analysis, {
        dueDiligence: { "(No vendor named)": "Checked by A. Ng, 2026-11" },
      });
      expect(at(sheet(kept, "AI Vendors"), "J3")).toBe("Checked by A. Ng, 2026-11");
    });
  });

  describe("AI Sensitivity", () => {
    it("is values, says so with the time in its first row, and lists sample.md's widest bars first", () => {
      expect(String(at(sensitivity, "A1"))).toMatch(/^Values computed when the analysis ran, at 2026-11-24 09:30 UTC/);
      expect(formulaCells(sensitivity)).toEqual([]);
      expect(rowText(sensitivity, 5).slice(0, 3)).toEqual(["Input", "Low value", "High value"]);
      expect(rowText(sensitivity, 6).slice(0, 3)).toEqual([expect.stringMatching(/^Horizon/), 2, 4]);
      expect(roundsTo(at(sensitivity, "D6") as number, 609501, 0)).toBe(true);
      expect(roundsTo(at(sensitivity, "E6") as number, 1215509, 0)).toBe(true);
      expect(rowText(sensitivity, 7).slice(1, 3)).toEqual(["×0.8", "×1.2"]);
      expect(sensitivity.charts).toEqual([expect.objectContaining({ kind: "barClustered", seriesBy: "columns" })]);
    });
  });
});

describe("buildAnalysisLayout with tiers set by hand", () => {
  const layout = layoutOf(sampleGrid(), { "Warehouse and field operations": "Consumer" });
  const allocation = sheet(layout, "AI Allocation");

  it("writes the tier set by hand as an input, and the Reason names the model's choice", () => {
    expect(at(allocation, "M9")).toBe("Consumer");
    expect(at(allocation, "N9")).toBe("Consumer");
    expect(at(allocation, "O9")).toBe("Set by hand; the model chose None");
    expect(at(allocation, "W9")).toBe("never");
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

  it("still writes every table with one empty body row, and no error anywhere", () => {
    checkEveryCell(layout);
    const allocation = sheet(layout, "AI Allocation");
    expect(allocation.tables[0].range).toBe("A2:Z3");
    expect(rowText(allocation, 3).every((v) => v === null)).toBe(true);
    expect(at(allocation, "C4")).toBe(0);
    expect(at(allocation, "V4")).toBe("");
    expect(sheet(layout, "AI Workings").tables[0].range).toBe("A2:U3");
    expect(sheet(layout, "AI Vendors").tables[0].range).toBe("A2:J3");
    const comparison = sheet(layout, "AI Comparison");
    expect(at(comparison, "C9")).toBe("");
    expect(at(comparison, "B12")).toBe("");
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
    fc.constantFrom(null, "Acme", "acme ", "B*"),
    fc.constantFrom<Tier | null>(null, null, "Enterprise", "Consumer", "None"),
  );

  it("keeps tables on the rows, one pattern per column, sheets.md's functions and no error anywhere", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
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
            "Vendor",
          ],
          ...rows.map(([people, tasks, minutes, rate, sensitive, need, cost, vendor], i) => [
            `W${i}`,
            people,
            tasks,
            minutes,
            rate,
            sensitive,
            need,
            cost,
            vendor,
          ]),
        ];
        const overrides: Record<string, Tier> = {};
        rows.forEach((r, i) => {
          if (r[8] !== null) overrides[`W${i}`] = r[8];
        });
        const grid: SourceGrid = { sheet: "S", address: "A1", firstRow: 1, firstColumn: 1, values };
        const layout = buildAnalysisLayout(analyseGrid(grid, DEFAULT_ASSUMPTIONS, overrides, WHEN));
        checkEveryCell(layout);
        const last = rows.length + 2;
        const allocation = sheet(layout, "AI Allocation");
        expect(allocation.tables[0].range).toBe(`A2:Z${last}`);
        expect(at(allocation, `A${last + 1}`)).toBe("Total");
        expect([
          ...onePatternPerColumn(allocation, 3, last),
          ...onePatternPerColumn(sheet(layout, "AI Workings"), 3, last),
        ]).toEqual([]);
        const vendors = sheet(layout, "AI Vendors");
        const named = new Set(rows.map((r) => r[7]?.trim().toLowerCase()).filter((v) => v));
        const unnamed = rows.some((r) => r[7] === null) ? 1 : 0;
        expect(vendors.tables[0].range).toBe(`A2:J${2 + named.size + unnamed}`);
      }),
      { numRuns: 150 },
    );
  });
});

describe("formulas filled down AI Allocation and AI Workings", () => {
  const layout = layoutOf();
  const raw = (name: string) => layout.sheets.find((s) => s.name === name)!;

  it("hold each column's formula once, in the first body row, and a fill over the body for the rest", () => {
    const allocation = raw("AI Allocation");
    const workings = raw("AI Workings");
    const firstFigure = ALLOCATION_HEADERS.indexOf("Tier") + 1;
    expect(allocation.fills).toEqual([
      { firstRow: 3, lastRow: 9, firstColumn: firstFigure, lastColumn: ALLOCATION_HEADERS.length },
    ]);
    expect(workings.fills).toEqual([{ firstRow: 3, lastRow: 9, firstColumn: 1, lastColumn: WORKINGS_HEADERS.length }]);
    for (const s of [allocation, workings]) {
      const fill = s.fills![0];
      for (let c = fill.firstColumn; c <= fill.lastColumn; c++) {
        expect(s.rows[2][c - 1]?.formula).toMatch(/^=/);
        for (let r = 4; r <= 9; r++) expect(s.rows[r - 1][c - 1]?.formula).toBeUndefined();
      }
    }
  });

  it("give every row the formula the sheet builders write for that row", () => {
    const check = (name: string, headers: readonly string[], formulas: (row: number) => Record<string, string>) => {
      const s = raw(name);
      const expanded = expandFills(s);
      for (let row = 3; row <= 9; row++) {
        const want = formulas(row);
        headers.forEach((h, k) => {
          if (want[h] === undefined) return;
          expect({ row, h, formula: expanded.rows[row - 1][k]?.formula }).toEqual({ row, h, formula: want[h] });
        });
      }
    };
    check("AI Allocation", ALLOCATION_HEADERS, (row) => allocationFormulas(row) as Record<string, string>);
    check("AI Workings", WORKINGS_HEADERS, workingsFormulas);
  });

  it("move as Excel's Fill Down does: relative rows and row ranges move, $ rows, text and names stay", () => {
    expect(moveFormulaDown(`=A3+$B$3+B$3+'AI Workings'!S3&"C3"+SUM(4:4)+SUM($5:$5)+LOG10(C3)+AIBUDGET_Years`, 2)).toBe(
      `=A5+$B$3+B$3+'AI Workings'!S5&"C3"+SUM(6:6)+SUM($5:$5)+LOG10(C5)+AIBUDGET_Years`,
    );
    expect(moveFormulaDown("=A1", -1)).toBeNull();
  });
});
