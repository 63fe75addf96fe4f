import type { PlanFigures } from "../../model";
import { decimal, money, percentOf } from "../format";

/** The rows of sheets.md's AI Comparison table, as the review shows them. */
export interface PlanRow {
  label: string;
  show(plan: PlanFigures): string;
}

export const PLAN_ROWS: readonly PlanRow[] = [
  { label: "Seats", show: (p) => decimal(p.seats, 0) },
  { label: "Annual cost", show: (p) => money(p.annualCost) },
  { label: "One-time cost", show: (p) => money(p.oneTimeCost) },
  { label: "Annual value", show: (p) => money(p.annualValue) },
  { label: "PV benefits", show: (p) => money(p.pvBenefits) },
  { label: "PV costs", show: (p) => money(p.pvCosts) },
  { label: "NPV", show: (p) => money(p.npv) },
  { label: "ROI", show: (p) => percentOf(p.roi) },
  { label: "Cost per unit of value", show: (p) => decimal(p.costPerUnitOfValue, 4) },
];
