import type { PlanFigures } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { COST_PER_UNIT, FACTOR, PERCENT, cell, formulaCell, header, label, orEmpty } from "./formats";
import { allocationColumn, bodyRows, workingsColumn } from "./geometry";
import { COMPARISON_TABLE, INPUT_NAMES, SHEET_NAMES, WORKING_NAMES } from "./names";

export const COMPARISON_HEADERS = ["Figure", "Per-seat", "Workflow portfolio", "Difference"] as const;

/** AIComparison's rows, from row 2 down, in sheets.md's order. */
export const COMPARISON_ROWS = [
  "Seats",
  "Annual cost",
  "One-time cost",
  "Annual value",
  "PV benefits",
  "PV costs",
  "NPV",
  "ROI",
  "Cost per unit of value",
] as const;
export type ComparisonRow = (typeof COMPARISON_ROWS)[number];

/** The sheet row of a figure of AIComparison. */
export function comparisonRow(figure: ComparisonRow): number {
  return COMPARISON_ROWS.indexOf(figure) + 2;
}

const LAST_ROW = comparisonRow("Cost per unit of value");
export const INFLATION_FACTOR_ROW = LAST_ROW + 2;
export const ENTERPRISE_SHARE_ROW = LAST_ROW + 3;
const CHART_DATA = LAST_ROW + 5;

const FIGURE_KEYS: Record<ComparisonRow, keyof PlanFigures> = {
  Seats: "seats",
  "Annual cost": "annualCost",
  "One-time cost": "oneTimeCost",
  "Annual value": "annualValue",
  "PV benefits": "pvBenefits",
  "PV costs": "pvCosts",
  NPV: "npv",
  ROI: "roi",
  "Cost per unit of value": "costPerUnitOfValue",
};

/**
 * AI Comparison: the per-seat plan and the workflow portfolio side by side as the table AIComparison, all
 * formulas over AI Allocation, AI Workings and the assumptions; the inflation factor and the Enterprise share
 * of value under it; and a chart of each plan's cost and value.
 */
export function comparisonSheet(analysis: Analysis, money: string): SheetLayout {
  const { perSeat, portfolio, inflationFactor, enterpriseShareOfValue } = analysis.comparison;
  const body = bodyRows(analysis.analyses.length);
  const tiers = allocationColumn("Tier", body);
  const people = allocationColumn("People", body);
  const sumOf = (h: Parameters<typeof allocationColumn>[0]) => `SUM(${allocationColumn(h, body)})`;
  const at = (column: "B" | "C", figure: ComparisonRow) => `${column}${comparisonRow(figure)}`;

  const perSeatFormulas: Record<ComparisonRow, string | null> = {
    // A headcount typed below the workflows' people is not used: the per-seat plan buys at least their seats.
    Seats: `=MAX(${INPUT_NAMES.headcount},SUM(${people}))`,
    "Annual cost": `=${at("B", "Seats")}*${INPUT_NAMES.enterpriseSeatPrice}*12`,
    "One-time cost": null,
    "Annual value": `=SUM(${workingsColumn("Per-seat annual value", body)})`,
    "PV benefits": `=${at("B", "Annual value")}*${WORKING_NAMES.valueAnnuity}`,
    "PV costs": `=${at("B", "Annual cost")}*${WORKING_NAMES.annuity}`,
    NPV: `=${at("B", "PV benefits")}-${at("B", "PV costs")}`,
    ROI: `=IF(${at("B", "PV costs")}=0,"",${at("B", "NPV")}/${at("B", "PV costs")})`,
    "Cost per unit of value": `=IF(${at("B", "PV benefits")}=0,"",${at("B", "PV costs")}/${at("B", "PV benefits")})`,
  };
  const portfolioFormulas: Record<ComparisonRow, string> = {
    Seats: `=SUMIFS(${people},${tiers},"Enterprise")+SUMIFS(${people},${tiers},"Consumer")`,
    "Annual cost": `=${sumOf("Annual cost")}`,
    "One-time cost": `=${sumOf("One-time cost")}`,
    "Annual value": `=${sumOf("Annual value")}`,
    "PV benefits": `=${sumOf("PV benefits")}`,
    "PV costs": `=${sumOf("PV costs")}`,
    NPV: `=${at("C", "PV benefits")}-${at("C", "PV costs")}`,
    ROI: `=IF(${at("C", "PV costs")}=0,"",${at("C", "NPV")}/${at("C", "PV costs")})`,
    "Cost per unit of value": `=IF(${at("C", "PV benefits")}=0,"",${at("C", "PV costs")}/${at("C", "PV benefits")})`,
  };
  const formatOf = (figure: ComparisonRow) =>
    figure === "Seats"
      ? "#,##0.##"
      : figure === "ROI"
        ? PERCENT
        : figure === "Cost per unit of value"
          ? COST_PER_UNIT
          : money;

  const rows: (LayoutCell | null)[][] = [COMPARISON_HEADERS.map(header)];
  for (const figure of COMPARISON_ROWS) {
    const row = comparisonRow(figure);
    const key = FIGURE_KEYS[figure];
    const a = perSeat[key];
    const b = portfolio[key];
    const format = formatOf(figure);
    const perSeatFormula = perSeatFormulas[figure];
    const difference: LayoutValue = typeof a === "number" && typeof b === "number" ? b - a : "";
    rows.push([
      label(figure),
      // The per-seat plan builds no integration: its one-time cost is 0 by definition, not an assumption.
      perSeatFormula === null ? cell(0, format) : formulaCell(perSeatFormula, orEmpty(a), format),
      formulaCell(portfolioFormulas[figure], orEmpty(b), format),
      formulaCell(`=IF(OR(B${row}="",C${row}=""),"",C${row}-B${row})`, difference, format),
    ]);
  }

  const b = `B${comparisonRow("Cost per unit of value")}`;
  const c = `C${comparisonRow("Cost per unit of value")}`;
  const pvBenefits = at("C", "PV benefits");
  rows.push([]);
  rows.push([
    label("Inflation factor"),
    formulaCell(`=IF(OR(${b}="",${c}=""),"",IF(${c}=0,"",${b}/${c}))`, orEmpty(inflationFactor), FACTOR),
  ]);
  rows.push([
    label("Enterprise share of value"),
    formulaCell(
      `=IF(${pvBenefits}=0,"",SUMIFS(${allocationColumn("PV benefits", body)},${tiers},"Enterprise")/${pvBenefits})`,
      orEmpty(enterpriseShareOfValue),
      PERCENT,
    ),
  ]);

  // The chart's data, labelled: present-value cost and value of each plan, the plans as categories.
  rows.push([]);
  rows.push([header("Present value"), header("Per-seat"), header("Workflow portfolio")]);
  rows.push([
    cell("PV costs"),
    formulaCell(`=${at("B", "PV costs")}`, perSeat.pvCosts, money),
    formulaCell(`=${at("C", "PV costs")}`, portfolio.pvCosts, money),
  ]);
  rows.push([
    cell("PV benefits"),
    formulaCell(`=${at("B", "PV benefits")}`, perSeat.pvBenefits, money),
    formulaCell(`=${at("C", "PV benefits")}`, portfolio.pvBenefits, money),
  ]);

  return {
    role: "comparison",
    name: SHEET_NAMES.comparison,
    rows,
    tables: [{ name: COMPARISON_TABLE, range: rangeAddress(1, 1, LAST_ROW, COMPARISON_HEADERS.length) }],
    columnWidths: [26, 16, 20, 16],
    charts: [
      {
        kind: "columnClustered",
        title: "Cost and value of the two plans (present value over the horizon)",
        dataRange: rangeAddress(CHART_DATA, 1, CHART_DATA + 2, 3),
        seriesBy: "columns",
        anchor: "F2",
      },
    ],
    freeze: { rows: 1, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: 1, last: 1 } },
  };
}
