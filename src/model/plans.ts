import type { Assumptions } from "./assumptions";
import { capture } from "./capture";
import { annuity, valueAnnuity } from "./option";
import type { WorkflowDecision } from "./workflow";

/** One plan over the horizon (model.md, "The two plans, side by side"). */
export interface PlanFigures {
  seats: number;
  annualCost: number;
  oneTimeCost: number;
  annualValue: number;
  pvBenefits: number;
  pvCosts: number;
  npv: number;
  /** null where pv_costs is 0. */
  roi: number | null;
  /** pv_costs / pv_benefits; null where pv_benefits is 0. */
  costPerUnitOfValue: number | null;
}

export interface PlanComparison {
  perSeat: PlanFigures;
  portfolio: PlanFigures;
  /** Per-seat cost per unit of value over the portfolio's; null where either is missing or the portfolio's is 0. */
  inflationFactor: number | null;
  /** Enterprise rows' pv_benefits over the portfolio's; null where the portfolio delivers nothing. */
  enterpriseShareOfValue: number | null;
}

function plan(seats: number, flows: Omit<PlanFigures, "seats" | "npv" | "roi" | "costPerUnitOfValue">): PlanFigures {
  const npv = flows.pvBenefits - flows.pvCosts;
  return {
    seats,
    ...flows,
    npv,
    roi: flows.pvCosts === 0 ? null : npv / flows.pvCosts,
    costPerUnitOfValue: flows.pvBenefits === 0 ? null : flows.pvCosts / flows.pvBenefits,
  };
}

function sum(rows: readonly WorkflowDecision[], figure: (row: WorkflowDecision) => number): number {
  return rows.reduce((total, row) => total + figure(row), 0);
}

export function totalPeople(rows: readonly WorkflowDecision[]): number {
  return sum(rows, (row) => row.workflow.people);
}

/** The headcount the per-seat plan buys for; one given below the analysed rows' people is refused. */
export function perSeatHeadcount(rows: readonly WorkflowDecision[], a: Assumptions): number {
  const people = totalPeople(rows);
  if (a.headcount === null) return people;
  if (a.headcount < people) {
    throw new RangeError(`headcount ${a.headcount} is below the ${people} people of the analysed workflows`);
  }
  return a.headcount;
}

/** Every person gets an enterprise seat; no integration is built. */
export function perSeatPlan(rows: readonly WorkflowDecision[], a: Assumptions): PlanFigures {
  const seats = perSeatHeadcount(rows, a);
  const factor = annuity(a.years, a.discountRate);
  const annualCost = seats * a.enterpriseSeatPrice * 12;
  const annualValue = sum(rows, (row) => row.enterprise.annualValue * capture(row.workflow.integration));
  return plan(seats, {
    annualCost,
    oneTimeCost: 0,
    annualValue,
    // Its seats ramp up like any tool's: the first year delivers 1 - M/24 of its value.
    pvBenefits: annualValue * valueAnnuity(a.years, a.discountRate, a.rampMonths),
    pvCosts: annualCost * factor,
  });
}

/** Each workflow supported by the tier that stands for it. */
export function portfolioPlan(rows: readonly WorkflowDecision[]): PlanFigures {
  const supported = rows.filter((row) => row.tier !== "None");
  return plan(totalPeople(supported), {
    annualCost: sum(rows, (row) => row.chosen.annualCost),
    oneTimeCost: sum(rows, (row) => row.chosen.oneTimeCost),
    annualValue: sum(rows, (row) => row.chosen.annualValue),
    pvBenefits: sum(rows, (row) => row.chosen.pvBenefits),
    pvCosts: sum(rows, (row) => row.chosen.pvCosts),
  });
}

export function comparePlans(rows: readonly WorkflowDecision[], a: Assumptions): PlanComparison {
  const perSeat = perSeatPlan(rows, a);
  const portfolio = portfolioPlan(rows);
  const enterpriseValue = sum(
    rows.filter((row) => row.tier === "Enterprise"),
    (row) => row.chosen.pvBenefits,
  );
  const inflationFactor =
    perSeat.costPerUnitOfValue === null || !portfolio.costPerUnitOfValue
      ? null
      : perSeat.costPerUnitOfValue / portfolio.costPerUnitOfValue;
  return {
    perSeat,
    portfolio,
    inflationFactor,
    enterpriseShareOfValue: portfolio.pvBenefits === 0 ? null : enterpriseValue / portfolio.pvBenefits,
  };
}
