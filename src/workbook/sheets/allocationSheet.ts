import { explainTier, type WorkflowAnalysis } from "../../model";
import { cellAddress, columnLetter, rangeAddress } from "../a1";
import type { LayoutCell, SheetLayout } from "../layout";
import type { Analysis } from "../reading";
import { COST_PER_UNIT, MONEY, NO_FIGURE, PAYBACK, PERCENT, cell, formulaCell, label } from "./formats";
import { ALLOCATION_TABLE, SHEET_NAMES } from "./names";

/** The AIAllocation table's columns, in sheets.md's order. */
export const ALLOCATION_HEADERS = [
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
] as const;

const col = (header: (typeof ALLOCATION_HEADERS)[number]) => ALLOCATION_HEADERS.indexOf(header) + 1;

/** The columns the totals row sums. */
const SUMMED = ["People", "Annual value", "Annual cost", "One-time cost", "PV benefits", "PV costs", "NPV"] as const;

function workflowRow(a: WorkflowAnalysis): LayoutCell[] {
  const f = a.chosen;
  const none = a.tier === "None";
  const payback = none ? null : (f.paybackMonths ?? "never");
  const costPerUnit = none || f.pvBenefits === 0 ? null : f.pvCosts / f.pvBenefits;
  return [
    cell(a.workflow.name),
    cell(a.workflow.people),
    cell(a.tier),
    cell(explainTier(a.override, a.decision)),
    cell(f.annualValue, MONEY),
    cell(f.annualCost, MONEY),
    cell(f.oneTimeCost, MONEY),
    cell(f.pvBenefits, MONEY),
    cell(f.pvCosts, MONEY),
    cell(f.npv, MONEY),
    cell(none ? null : f.roi, PERCENT),
    cell(payback, PAYBACK),
    cell(costPerUnit, COST_PER_UNIT),
  ];
}

/**
 * AI Allocation: one row per analysed workflow as the table AIAllocation, and a totals row directly below it.
 * The totals row is a plain row outside the table's range, not Excel's table total row: a plain row writes the
 * same through Office.js and ExcelJS and keeps SUM over an explicit range that any spreadsheet recalculates.
 * An analysis with no workflow still gets one empty body row, since an Excel table needs one.
 */
export function allocationSheet(analysis: Analysis): SheetLayout {
  const body = analysis.analyses.map(workflowRow);
  if (body.length === 0) body.push(ALLOCATION_HEADERS.map(() => cell(null)));
  const firstBody = 2;
  const lastBody = firstBody + body.length - 1;
  const totalsRow = lastBody + 1;

  const totals: (LayoutCell | null)[] = ALLOCATION_HEADERS.map(() => null);
  totals[0] = label("Total");
  const sums = new Map<number, number>();
  for (const header of SUMMED) {
    const c = col(header);
    const letter = columnLetter(c);
    const sum = body.reduce((total, row) => total + ((row[c - 1].value as number | null) ?? 0), 0);
    sums.set(c, sum);
    totals[c - 1] = formulaCell(
      `=SUM(${letter}${firstBody}:${letter}${lastBody})`,
      sum,
      header === "People" ? undefined : MONEY,
    );
  }
  const ref = (header: (typeof ALLOCATION_HEADERS)[number]) => cellAddress(totalsRow, col(header));
  const pvBenefits = sums.get(col("PV benefits"))!;
  const pvCosts = sums.get(col("PV costs"))!;
  const npv = sums.get(col("NPV"))!;
  totals[col("ROI") - 1] = formulaCell(
    `=IF(${ref("PV costs")}=0,"",${ref("NPV")}/${ref("PV costs")})`,
    pvCosts === 0 ? NO_FIGURE : npv / pvCosts,
    PERCENT,
  );
  totals[col("Cost per unit of value") - 1] = formulaCell(
    `=IF(${ref("PV benefits")}=0,"",${ref("PV costs")}/${ref("PV benefits")})`,
    pvBenefits === 0 ? NO_FIGURE : pvCosts / pvBenefits,
    COST_PER_UNIT,
  );
  for (const c of totals) if (c) c.bold = true;

  return {
    role: "allocation",
    name: SHEET_NAMES.allocation,
    rows: [ALLOCATION_HEADERS.map(label), ...body, totals],
    tables: [{ name: ALLOCATION_TABLE, range: rangeAddress(1, 1, lastBody, ALLOCATION_HEADERS.length) }],
    columnWidths: [34, 10, 12, 70, 14, 14, 14, 14, 14, 14, 10, 17, 22],
    charts: [],
  };
}
