import type { PlanFigures } from "../../model";
import { rangeAddress } from "../a1";
import type { LayoutCell, LayoutValue, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { COST_PER_UNIT, FACTOR, MONEY, NO_FIGURE, PERCENT, cell, formulaCell, label } from "./formats";
import { COMPARISON_TABLE, SHEET_NAMES } from "./names";

export const COMPARISON_HEADERS = ["Figure", "Per-seat", "Workflow portfolio", "Difference"] as const;

/** The rows written as values, from row 2 down; ROI and Cost per unit of value follow as formulas. */
const VALUE_ROWS: { label: string; figure: keyof PlanFigures; format?: string }[] = [
  { label: "Seats", figure: "seats" },
  { label: "Annual cost", figure: "annualCost", format: MONEY },
  { label: "One-time cost", figure: "oneTimeCost", format: MONEY },
  { label: "Annual value", figure: "annualValue", format: MONEY },
  { label: "PV benefits", figure: "pvBenefits", format: MONEY },
  { label: "PV costs", figure: "pvCosts", format: MONEY },
  { label: "NPV", figure: "npv", format: MONEY },
];

// Sheet rows, fixed by VALUE_ROWS' order and the order in which the rows below are pushed.
const PV_BENEFITS = 6;
const PV_COSTS = 7;
const NPV = 8;
const ROI = 9;
const COST_PER_UNIT_ROW = 10;
const ENTERPRISE_VALUE = 14;
const CHART_DATA = 16;

const orEmpty = (value: number | null): LayoutValue => value ?? NO_FIGURE;

/** Portfolio − Per-seat, guarded where either side shows no figure. */
function difference(row: number, perSeat: LayoutValue, portfolio: LayoutValue, format?: string): LayoutCell {
  if (typeof perSeat === "number" && typeof portfolio === "number") {
    return formulaCell(`=IF(OR(B${row}="",C${row}=""),"",C${row}-B${row})`, portfolio - perSeat, format);
  }
  return formulaCell(`=IF(OR(B${row}="",C${row}=""),"",C${row}-B${row})`, NO_FIGURE, format);
}

/**
 * AI Comparison: the two plans side by side as the table AIComparison, the inflation factor and the Enterprise
 * share of value under it, and a chart of what each plan costs and delivers. ROI, cost per unit, the Difference
 * column and the two figures below are formulas over the values written here, so the sheet audits itself.
 */
export function comparisonSheet(analysis: Analysis): SheetLayout {
  const { perSeat, portfolio, inflationFactor, enterpriseShareOfValue } = analysis.comparison;
  const rows: (LayoutCell | null)[][] = [COMPARISON_HEADERS.map(label)];

  VALUE_ROWS.forEach(({ label: text, figure, format }, i) => {
    const row = i + 2;
    const a = perSeat[figure] as number;
    const b = portfolio[figure] as number;
    rows.push([cell(text), cell(a, format), cell(b, format), formulaCell(`=C${row}-B${row}`, b - a, format)]);
  });

  // ROI = NPV / PV costs; cost per unit = PV costs / PV benefits: each empty where its divisor is 0.
  const roi = (c: "B" | "C", plan: PlanFigures) =>
    formulaCell(`=IF(${c}${PV_COSTS}=0,"",${c}${NPV}/${c}${PV_COSTS})`, orEmpty(plan.roi), PERCENT);
  const perUnit = (c: "B" | "C", plan: PlanFigures) =>
    formulaCell(
      `=IF(${c}${PV_BENEFITS}=0,"",${c}${PV_COSTS}/${c}${PV_BENEFITS})`,
      orEmpty(plan.costPerUnitOfValue),
      COST_PER_UNIT,
    );
  rows.push([
    cell("ROI"),
    roi("B", perSeat),
    roi("C", portfolio),
    difference(ROI, perSeat.roi, portfolio.roi, PERCENT),
  ]);
  rows.push([
    cell("Cost per unit of value"),
    perUnit("B", perSeat),
    perUnit("C", portfolio),
    difference(COST_PER_UNIT_ROW, perSeat.costPerUnitOfValue, portfolio.costPerUnitOfValue, COST_PER_UNIT),
  ]);

  const enterpriseValue = enterpriseRowsValue(analysis);
  const b10 = `B${COST_PER_UNIT_ROW}`;
  const c10 = `C${COST_PER_UNIT_ROW}`;
  rows.push([]);
  rows.push([
    label("Inflation factor"),
    formulaCell(`=IF(OR(${b10}="",${c10}=""),"",IF(${c10}=0,"",${b10}/${c10}))`, orEmpty(inflationFactor), FACTOR),
  ]);
  rows.push([
    label("Enterprise share of value"),
    formulaCell(
      `=IF(C${PV_BENEFITS}=0,"",B${ENTERPRISE_VALUE}/C${PV_BENEFITS})`,
      orEmpty(enterpriseShareOfValue),
      PERCENT,
    ),
  ]);
  rows.push([label("Enterprise PV benefits"), cell(enterpriseValue, MONEY)]);

  // The chart's data: costs and value over the horizon, one series per figure, the plans as categories.
  rows.push([]);
  rows.push([label("Present value"), label("Per-seat"), label("Workflow portfolio")]);
  rows.push([cell("PV costs"), cell(perSeat.pvCosts, MONEY), cell(portfolio.pvCosts, MONEY)]);
  rows.push([cell("PV benefits"), cell(perSeat.pvBenefits, MONEY), cell(portfolio.pvBenefits, MONEY)]);

  return {
    role: "comparison",
    name: SHEET_NAMES.comparison,
    rows,
    tables: [{ name: COMPARISON_TABLE, range: rangeAddress(1, 1, COST_PER_UNIT_ROW, COMPARISON_HEADERS.length) }],
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
  };
}

/** The Enterprise rows' PV benefits, summed the way comparePlans sums them. */
function enterpriseRowsValue(analysis: Analysis): number {
  return analysis.analyses.filter((a) => a.tier === "Enterprise").reduce((total, a) => total + a.chosen.pvBenefits, 0);
}
