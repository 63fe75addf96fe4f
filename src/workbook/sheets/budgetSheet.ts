import type { BudgetLine } from "../../model";
import { columnLetter, rangeAddress } from "../a1";
import type { LayoutCell, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { cell, formulaCell, header, label, warningCell } from "./formats";
import { allocationColumn, bodyRows, sheetCell, workingsColumn } from "./geometry";
import { comparisonRow } from "./comparisonSheet";
import { BUDGET_TABLE, INPUT_NAMES, SHEET_NAMES, WORKING_NAMES } from "./names";

const YEAR_ROW = 2;
const DISCOUNT_ROW = 3;
export const BUDGET_HEADER_ROW = 5;

/** AIBudget's lines, in model.md's order, from row 6 down. */
export const BUDGET_LINES = [
  "Enterprise seats",
  "Consumer seats",
  "Integration build",
  "Integration upkeep",
  "Expected rebuild",
  "Total cost",
  "Value",
  "Net",
  "Per-seat: Seats",
  "Per-seat: Value",
  "Per-seat: Net",
] as const;
export type BudgetLineName = (typeof BUDGET_LINES)[number];

export function budgetRow(line: BudgetLineName): number {
  return BUDGET_HEADER_ROW + 1 + BUDGET_LINES.indexOf(line);
}

/**
 * AI Budget: model.md's budget year by year as the table AIBudget, Start · Year 1 … Year Y · Total · Present
 * value, all formulas. One pattern runs across each line's Start and year columns, over the year number above
 * the table, so a year past AIBUDGET_Years shows 0. Present value discounts the columns with the factors in
 * row 3, so it equals AI Comparison's present values while the horizon fits the columns; the cell in A1 says
 * when it no longer does.
 */
export function budgetSheet(analysis: Analysis, money: string): SheetLayout {
  const { budget, assumptions: a } = analysis;
  const Y = budget.horizon;
  const body = bodyRows(analysis.analyses.length);
  const tiers = allocationColumn("Tier", body);
  const people = allocationColumn("People", body);
  const oneTime = allocationColumn("One-time cost", body);
  const survival = workingsColumn("Enterprise survival", body);
  const years = INPUT_NAMES.years;
  const startColumn = 2;
  const lastYearColumn = startColumn + Y;
  const totalColumn = lastYearColumn + 1;
  const pvColumn = totalColumn + 1;
  const first = columnLetter(startColumn);
  const lastYear = columnLetter(lastYearColumn);
  const ramp = `IF(#t#=1,1-${INPUT_NAMES.rampMonths}/24,1)`;

  const patterns: Record<BudgetLineName, (t: string, col: string) => string> = {
    "Enterprise seats": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,SUMIFS(${people},${tiers},"Enterprise")*${INPUT_NAMES.enterpriseSeatPrice}*12)`,
    "Consumer seats": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,SUMIFS(${people},${tiers},"Consumer")*${INPUT_NAMES.consumerSeatPrice}*12)`,
    "Integration build": (t) => `=IF(${t}=0,SUMIFS(${oneTime},${tiers},"Enterprise"),0)`,
    "Integration upkeep": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,${INPUT_NAMES.integrationUpkeep}*SUMIFS(${oneTime},${tiers},"Enterprise"))`,
    // Each Enterprise row with its own survival: out of SUMIFS' reach, so SUMPRODUCT with no IF inside. Year 1
    // has its own term, since Excel's 0^0 is an error.
    "Expected rebuild": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,IF(${t}=1,SUMPRODUCT((${tiers}="Enterprise")*1,${oneTime},1-${survival}),` +
      `SUMPRODUCT((${tiers}="Enterprise")*1,${oneTime},${survival}^(${t}-1)*(1-${survival}))))`,
    "Total cost": (_t, col) => `=SUM(${col}${budgetRow("Enterprise seats")}:${col}${budgetRow("Expected rebuild")})`,
    Value: (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,SUM(${allocationColumn("Annual value", body)})*${ramp.replace("#t#", t)})`,
    Net: (_t, col) => `=${col}${budgetRow("Value")}-${col}${budgetRow("Total cost")}`,
    "Per-seat: Seats": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,${sheetCell(SHEET_NAMES.comparison, "B", comparisonRow("Annual cost"))})`,
    "Per-seat: Value": (t) =>
      `=IF(OR(${t}=0,${t}>${years}),0,${sheetCell(SHEET_NAMES.comparison, "B", comparisonRow("Annual value"))}*${ramp.replace("#t#", t)})`,
    "Per-seat: Net": (_t, col) => `=${col}${budgetRow("Per-seat: Value")}-${col}${budgetRow("Per-seat: Seats")}`,
  };
  const lines: Record<BudgetLineName, BudgetLine> = {
    "Enterprise seats": budget.portfolio.enterpriseSeats,
    "Consumer seats": budget.portfolio.consumerSeats,
    "Integration build": budget.portfolio.integrationBuild,
    "Integration upkeep": budget.portfolio.integrationUpkeep,
    "Expected rebuild": budget.portfolio.expectedRebuild,
    "Total cost": budget.portfolio.totalCost,
    Value: budget.portfolio.value,
    Net: budget.portfolio.net,
    "Per-seat: Seats": budget.perSeat.seats,
    "Per-seat: Value": budget.perSeat.value,
    "Per-seat: Net": budget.perSeat.net,
  };

  const yearNumbers = Array.from({ length: Y + 1 }, (_, t) => t);
  const rows: (LayoutCell | null)[][] = [
    [
      warningCell(
        `=IF(${years}>${WORKING_NAMES.yearsWritten},"The horizon is now "&${years}&" years, but this budget shows "&${WORKING_NAMES.yearsWritten}&": run the analysis again to see every year.","")`,
        "",
      ),
    ],
    [label("Year"), ...yearNumbers.map((t) => cell(t, "0"))],
    [
      label("Discount factor"),
      ...yearNumbers.map((t) =>
        formulaCell(
          `=1/(1+${INPUT_NAMES.discountRate})^${columnLetter(startColumn + t)}$${YEAR_ROW}`,
          1 / (1 + a.discountRate) ** t,
          "0.0000",
        ),
      ),
    ],
    [],
    ["Line", "Start", ...yearNumbers.slice(1).map((t) => `Year ${t}`), "Total", "Present value"].map(header),
  ];
  for (const name of BUDGET_LINES) {
    const row = budgetRow(name);
    const line = lines[name];
    const total = name === "Total cost" || name === "Net" || name === "Per-seat: Net";
    const style = (c: LayoutCell): LayoutCell => (total ? { ...c, style: "total", bold: true } : c);
    const cells: LayoutCell[] = [total ? { ...label(name), style: "total" } : cell(name)];
    yearNumbers.forEach((t) => {
      const col = columnLetter(startColumn + t);
      cells.push(
        style(formulaCell(patterns[name](`${col}$${YEAR_ROW}`, col), t === 0 ? line.start : line.years[t - 1], money)),
      );
    });
    cells.push(style(formulaCell(`=SUM(${first}${row}:${lastYear}${row})`, line.total, money)));
    cells.push(
      style(
        formulaCell(
          `=SUMPRODUCT(${first}${row}:${lastYear}${row},$${first}$${DISCOUNT_ROW}:$${lastYear}$${DISCOUNT_ROW})`,
          line.presentValue,
          money,
        ),
      ),
    );
    rows.push(cells);
  }

  // The chart's data, labelled: the portfolio's total cost and value in each column.
  const chartRow = budgetRow("Per-seat: Net") + 2;
  rows.push([]);
  rows.push([header("Portfolio"), header("Start"), ...yearNumbers.slice(1).map((t) => header(`Year ${t}`))]);
  for (const name of ["Total cost", "Value"] as const) {
    const line = lines[name];
    rows.push([
      cell(name),
      ...yearNumbers.map((t) => {
        const col = columnLetter(startColumn + t);
        return formulaCell(`=${col}${budgetRow(name)}`, t === 0 ? line.start : line.years[t - 1], money);
      }),
    ]);
  }

  return {
    role: "budget",
    name: SHEET_NAMES.budget,
    rows,
    tables: [{ name: BUDGET_TABLE, range: rangeAddress(BUDGET_HEADER_ROW, 1, budgetRow("Per-seat: Net"), pvColumn) }],
    columnWidths: [22, ...yearNumbers.map(() => 13), 14, 15],
    charts: [
      {
        kind: "columnClustered",
        title: "The portfolio's cost and value, year by year",
        dataRange: rangeAddress(chartRow, 1, chartRow + 2, lastYearColumn),
        seriesBy: "rows",
        anchor: `A${chartRow + 4}`,
      },
    ],
    freeze: { rows: BUDGET_HEADER_ROW, columns: 1 },
    print: {
      landscape: true,
      fitToOnePageWide: true,
      repeatRows: { first: BUDGET_HEADER_ROW, last: BUDGET_HEADER_ROW },
    },
  };
}
