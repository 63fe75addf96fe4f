import type { AnalysisLayout, LayoutCell, SheetLayout } from "../../src/workbook/layout";
import { ALLOCATION_HEADERS } from "../../src/workbook/sheets/allocationSheet";
import { MONEY } from "../../src/workbook/sheets/formats";

/**
 * Layouts built directly, shaped like the add-in's three sheets (sheets.md): an allocation table of `rows`
 * workflows with a totals row of SUM formulas, number formats and bold headers; a comparison table with a
 * Difference formula column and a chart; a small assumptions sheet. Values vary by row so no two rows are alike.
 */

const HEADERS = ALLOCATION_HEADERS;

const label = (text: string): LayoutCell => ({ value: text, bold: true });

function workflowRow(i: number): LayoutCell[] {
  const people = 5 + (i % 400);
  const value = people * 1234.5678 + i / 7;
  const cost = people * 312.25 + (i % 13) * 0.1;
  const money = (v: number): LayoutCell => ({ value: v, numberFormat: MONEY });
  return [
    { value: `Workflow ${String(i + 1).padStart(6, "0")}` },
    { value: people },
    { value: i % 3 === 0 ? "Enterprise" : "Team" },
    { value: `Team ROI ${(100 + (i % 250)).toFixed(0)} % clears the hurdle 100 %` },
    money(value),
    money(cost),
    money(i % 5 === 0 ? 2500 : 0),
    money(value * 2.486852),
    money(cost * 2.486852),
    money((value - cost) * 2.486852),
    { value: (value - cost) / cost, numberFormat: "0.0%" },
    i % 11 === 0 ? { value: "never" } : { value: 1 + (i % 17) / 3, numberFormat: "0.0" },
    { value: cost / value, numberFormat: "0.0000" },
  ];
}

export function allocationSheet(rows: number, name = "AI Allocation"): SheetLayout {
  const body = Array.from({ length: rows }, (_, i) => workflowRow(i));
  const last = rows + 1;
  const totals: (LayoutCell | null)[] = HEADERS.map(() => null);
  totals[0] = label("Total");
  for (const c of [1, 4, 5, 6, 7, 8, 9]) {
    const letter = String.fromCharCode(65 + c);
    const sum = body.reduce((s, r) => s + (r[c].value as number), 0);
    totals[c] = { value: sum, formula: `=SUM(${letter}2:${letter}${last})`, numberFormat: c === 1 ? undefined : MONEY };
  }
  totals[10] = { value: 0, formula: `=J${last + 1}/I${last + 1}`, numberFormat: "0.0%" };
  return {
    role: "allocation",
    name,
    rows: [HEADERS.map(label), ...body, totals],
    tables: [{ name: "AIAllocation", range: `A1:M${last}` }],
    columnWidths: [28, 8, 12, 48, 14, 14, 14, 14, 14, 14, 8, 10, 12],
    charts: [],
  };
}

export function comparisonSheet(name = "AI Comparison"): SheetLayout {
  const money = (v: number): LayoutCell => ({ value: v, numberFormat: MONEY });
  return {
    role: "comparison",
    name,
    rows: [
      ["Measure", "Per-seat", "Workflow portfolio", "Difference"].map(label),
      [
        { value: "Annual cost" },
        money(120000),
        money(80000),
        { value: -40000, formula: "=C2-B2", numberFormat: MONEY },
      ],
      [
        { value: "Annual value" },
        money(150000),
        money(140000),
        { value: -10000, formula: "=C3-B3", numberFormat: MONEY },
      ],
      [],
      [label("Inflation factor"), { value: 1.5, formula: "=B2/C2", numberFormat: "0.00" }],
    ],
    tables: [{ name: "AIComparison", range: "A1:D3" }],
    columnWidths: [22, 14, 18, 14],
    charts: [{ kind: "columnClustered", title: "Cost and value", dataRange: "A1:C3", seriesBy: "columns", anchor: "F2" }],
  };
}

export function assumptionsSheet(name = "AI Assumptions"): SheetLayout {
  return {
    role: "assumptions",
    name,
    rows: [
      ["Assumption", "Value", "Unit", "Note"].map(label),
      [{ value: "Discount rate" }, { value: 0.08, numberFormat: "0.0%" }, { value: "per year" }, null],
      // Text Excel would otherwise read as a number, a boolean or a formula: it must arrive as text.
      [{ value: "Source" }, { value: "1,200" }, { value: "TRUE" }, { value: "=not a formula" }],
    ],
    tables: [],
    columnWidths: [24, 12, 10, 40],
    charts: [],
  };
}

export function analysisLayout(rows: number): AnalysisLayout {
  return { sheets: [assumptionsSheet(), allocationSheet(rows), comparisonSheet()] };
}
