import type { PlanFigures } from "../../model";
import { decimal, money, percentOf, type CurrencySign } from "../format";
import type { Term } from "../review/Explain";

/** The rows of sheets.md's AI Comparison table, as the review shows them, with the terms that need explaining. */
export interface PlanRow {
  label: string;
  term?: Term;
  show(plan: PlanFigures, currency: CurrencySign): string;
}

export const PLAN_ROWS: readonly PlanRow[] = [
  { label: "Seats", show: (p) => decimal(p.seats, 0) },
  { label: "Annual cost", show: (p, c) => money(p.annualCost, c) },
  { label: "One-time cost", show: (p, c) => money(p.oneTimeCost, c) },
  { label: "Annual value", show: (p, c) => money(p.annualValue, c) },
  { label: "PV benefits", term: "PV benefits", show: (p, c) => money(p.pvBenefits, c) },
  { label: "PV costs", term: "PV costs", show: (p, c) => money(p.pvCosts, c) },
  { label: "NPV", term: "NPV", show: (p, c) => money(p.npv, c) },
  { label: "ROI", term: "ROI", show: (p) => percentOf(p.roi) },
  { label: "Cost per unit of value", term: "Cost per unit of value", show: (p) => decimal(p.costPerUnitOfValue, 4) },
];
