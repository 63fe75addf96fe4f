import type { AnalysisLayout, LayoutCell, SheetLayout } from "../../src/workbook/layout";
import { MONEY } from "../../src/workbook/sheets/formats";

/**
 * Layouts built by hand, so the adapter is tested on every layout feature while the layout builders change:
 *
 * - `analysisLayout(rows)`: the first version's three sheets: an allocation table of `rows` workflows with a totals
 *   row of SUM formulas, number formats and bold headers; a comparison table with a Difference formula column and
 *   a chart; a small assumptions sheet. Values vary by row so no two rows are alike.
 * - `liveModelLayout(rows)`: all seven roles of the live model (layout v2): styles, defined names, validations,
 *   frozen panes, print setup, the three chart kinds both ways round, formulas that repeat down a column (plain,
 *   structured and cross-sheet references), formulas across sheets and into other tables.
 */

/** The allocation columns of the first version; the adapter does not care which columns a layout has. */
export const HEADERS = [
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
];

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
    charts: [
      { kind: "columnClustered", title: "Cost and value", dataRange: "A1:C3", seriesBy: "columns", anchor: "F2" },
    ],
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

// ---- layout v2: the live model's seven sheets ---------------------------------------------------------------------

const input = (value: number | string, numberFormat?: string): LayoutCell => ({ value, numberFormat, style: "input" });
const head = (text: string): LayoutCell => ({ value: text, style: "header" });
const formula = (f: string, value: number | string, numberFormat?: string): LayoutCell => ({
  value,
  formula: f,
  numberFormat,
  style: "formula",
});

function liveAssumptions(): SheetLayout {
  return {
    role: "assumptions",
    name: "AI Assumptions",
    rows: [
      [{ value: "Assumptions", style: "title" }],
      [head("Assumption"), head("Value"), head("Unit")],
      [{ value: "Years", style: "label" }, input(3, "0"), { value: "years" }],
      [{ value: "Discount rate", style: "label" }, input(0.08, "0.0%"), { value: "per year" }],
      [{ value: "Default tier", style: "label" }, input("Team"), null],
      [{ value: "Blue cells are inputs: type over them.", style: "note" }],
    ],
    tables: [],
    columnWidths: [24, 12, 10],
    charts: [],
    names: [
      { name: "AIBUDGET_Years", ref: "B3" },
      { name: "AIBUDGET_DiscountRate", ref: "B4" },
      { name: "AIBUDGET_DefaultTier", ref: "B5" },
    ],
    validations: [
      { range: "B3", kind: "whole", min: 1, max: 10 },
      { range: "B4", kind: "decimal", min: 0, max: 1 },
      { range: "B5", kind: "list", items: ["Team", "Enterprise"] },
    ],
    freeze: { rows: 2, columns: 0 },
    print: { landscape: false, fitToOnePageWide: true },
  };
}

/** AI Allocation: inputs by row, then formulas that repeat down, referring to the assumptions by sheet and by name. */
function liveAllocation(rows: number): SheetLayout {
  const last = rows + 1;
  const body = Array.from({ length: rows }, (_, i): LayoutCell[] => {
    const r = i + 2;
    const value = 1000 + (i % 97) * 10;
    const cost = 400 + (i % 13) * 5;
    return [
      { value: `Workflow ${String(i + 1).padStart(6, "0")}` },
      input(value, MONEY),
      input(cost, MONEY),
      formula(`=B${r}*'AI Assumptions'!$B$3-C${r}*AIBUDGET_Years`, (value - cost) * 3, MONEY),
      formula(`=IF(C${r}=0,"",D${r}/(C${r}*AIBUDGET_Years))`, (value - cost) / cost, "0.0%"),
      formula(`=IF(D${r}>0,"Fund","Review")`, value > cost ? "Fund" : "Review"),
    ];
  });
  return {
    role: "allocation",
    name: "AI Allocation",
    rows: [
      ["Workflow", "Annual value", "Annual cost", "NPV", "ROI", "Verdict"].map(head),
      ...body,
      [
        { value: "Total", style: "total" },
        { value: 0, formula: `=SUBTOTAL(109,B2:B${last})`, numberFormat: MONEY, style: "total" },
        { value: 0, formula: `=SUBTOTAL(109,C2:C${last})`, numberFormat: MONEY, style: "total" },
        { value: 0, formula: `=SUBTOTAL(109,D2:D${last})`, numberFormat: MONEY, style: "total" },
      ],
    ],
    tables: [{ name: "AIAllocation", range: `A1:F${last}` }],
    columnWidths: [28, 14, 14, 14, 8, 10],
    charts: [],
    freeze: { rows: 1, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: 1, last: 1 } },
  };
}

/** AI Workings: one row per workflow, formulas into the allocation table row by row (structured references). */
function liveWorkings(rows: number): SheetLayout {
  const body = Array.from({ length: rows }, (_, i): LayoutCell[] => [
    formula(`=INDEX(AIAllocation[Workflow],ROW()-1)`, `Workflow ${String(i + 1).padStart(6, "0")}`),
    formula(`=INDEX(AIAllocation[NPV],ROW()-1)/AIBUDGET_Years`, 0, MONEY),
  ]);
  return {
    role: "workings",
    name: "AI Workings",
    rows: [["Workflow", "NPV per year"].map(head), ...body],
    tables: [{ name: "AIWorkings", range: `A1:B${rows + 1}` }],
    columnWidths: [28, 14],
    charts: [],
  };
}

function liveComparison(): SheetLayout {
  return {
    role: "comparison",
    name: "AI Comparison",
    rows: [
      ["Measure", "Per-seat", "Workflow portfolio"].map(head),
      [{ value: "Annual cost" }, input(120000, MONEY), formula("=SUM(AIAllocation[Annual cost])", 80000, MONEY)],
      [{ value: "Annual value" }, input(150000, MONEY), formula("=SUM(AIAllocation[Annual value])", 140000, MONEY)],
      [{ value: "NPV" }, null, formula("=SUM(AIAllocation[NPV])", 60000, MONEY)],
      [{ value: "Check", style: "label" }, formula(`=IF(C4<0,"Portfolio loses money","")`, "", undefined)],
    ],
    tables: [{ name: "AIComparison", range: "A1:C4" }],
    columnWidths: [22, 14, 18],
    charts: [
      { kind: "columnClustered", title: "Cost and value", dataRange: "A1:C3", seriesBy: "columns", anchor: "E2" },
    ],
  };
}

function liveBudget(): SheetLayout {
  return {
    role: "budget",
    name: "AI Budget",
    rows: [
      ["Year", "Year 1", "Year 2", "Year 3"].map(head),
      [{ value: "Spend" }, input(1000, MONEY), formula("=B2*1.1", 1100, MONEY), formula("=C2*1.1", 1210, MONEY)],
      [{ value: "Value" }, input(1500, MONEY), formula("=B3*1.2", 1800, MONEY), formula("=C3*1.2", 2160, MONEY)],
    ],
    tables: [{ name: "AIBudget", range: "A1:D3" }],
    columnWidths: [12, 12, 12, 12],
    charts: [{ kind: "line", title: "Spend and value by year", dataRange: "A1:D3", seriesBy: "rows", anchor: "F2" }],
  };
}

function liveVendors(): SheetLayout {
  return {
    role: "vendors",
    name: "AI Vendors",
    rows: [
      ["Vendor", "Survival"].map(head),
      [{ value: "Acme AI" }, input(0.9, "0%")],
      [{ value: "Globex" }, input(0.75, "0%")],
      [{ value: "Vendors that may not last a contract lower its value.", style: "warning" }],
    ],
    tables: [{ name: "AIVendors", range: "A1:B3" }],
    columnWidths: [20, 10],
    charts: [],
    validations: [{ range: "B2:B3", kind: "decimal", min: 0, max: 1 }],
  };
}

function liveSensitivity(): SheetLayout {
  return {
    role: "sensitivity",
    name: "AI Sensitivity",
    rows: [
      ["Assumption", "Low", "High"].map(head),
      [{ value: "Adoption" }, formula("='AI Comparison'!C4*-0.1", -6000, MONEY), { value: 7000 }],
      [{ value: "Minutes saved" }, { value: -3000 }, { value: 4000 }],
    ],
    tables: [{ name: "AISensitivity", range: "A1:C3" }],
    columnWidths: [20, 12, 12],
    charts: [
      { kind: "barClustered", title: "What moves the NPV", dataRange: "A1:C3", seriesBy: "columns", anchor: "E2" },
    ],
  };
}

export function liveModelLayout(rows: number): AnalysisLayout {
  return {
    sheets: [
      liveAssumptions(),
      liveAllocation(rows),
      liveWorkings(rows),
      liveComparison(),
      liveBudget(),
      liveVendors(),
      liveSensitivity(),
    ],
  };
}
