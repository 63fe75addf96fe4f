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

/**
 * What the two plans are made of, summed over the rows in table order. One pass touches each row once: at
 * 100,000 rows, a pass per figure spent its time fetching the same rows from memory again, eighteen times over
 * for the sensitivity bars.
 */
export interface PlanSums {
  people: number;
  supportedPeople: number;
  /** Each row's Enterprise value at the capture its integration allows: what a seat for everyone delivers. */
  perSeatValue: number;
  annualCost: number;
  oneTimeCost: number;
  annualValue: number;
  pvBenefits: number;
  pvCosts: number;
  enterprisePvBenefits: number;
}

export function emptyPlanSums(): PlanSums {
  return {
    people: 0,
    supportedPeople: 0,
    perSeatValue: 0,
    annualCost: 0,
    oneTimeCost: 0,
    annualValue: 0,
    pvBenefits: 0,
    pvCosts: 0,
    enterprisePvBenefits: 0,
  };
}

/** Adds one row to the sums. */
export function addToPlanSums(sums: PlanSums, row: WorkflowDecision): void {
  const { workflow, chosen } = row;
  sums.people += workflow.people;
  if (row.tier !== "None") sums.supportedPeople += workflow.people;
  sums.perSeatValue += row.enterprise.annualValue * capture(workflow.integration);
  sums.annualCost += chosen.annualCost;
  sums.oneTimeCost += chosen.oneTimeCost;
  sums.annualValue += chosen.annualValue;
  sums.pvBenefits += chosen.pvBenefits;
  sums.pvCosts += chosen.pvCosts;
  if (row.tier === "Enterprise") sums.enterprisePvBenefits += chosen.pvBenefits;
}

/** The headcount the per-seat plan buys for; one given below the analysed rows' people is refused. */
function perSeatHeadcount(people: number, a: Assumptions): number {
  if (a.headcount === null) return people;
  if (a.headcount < people) {
    throw new RangeError(`headcount ${a.headcount} is below the ${people} people of the analysed workflows`);
  }
  return a.headcount;
}

/** Every person gets an enterprise seat; no integration is built. */
function perSeatPlan(sums: PlanSums, a: Assumptions): PlanFigures {
  const seats = perSeatHeadcount(sums.people, a);
  const factor = annuity(a.years, a.discountRate);
  const annualCost = seats * a.enterpriseSeatPrice * 12;
  return plan(seats, {
    annualCost,
    oneTimeCost: 0,
    annualValue: sums.perSeatValue,
    // Its seats ramp up like any tool's: the first year delivers 1 - M/24 of its value.
    pvBenefits: sums.perSeatValue * valueAnnuity(a.years, a.discountRate, a.rampMonths),
    pvCosts: annualCost * factor,
  });
}

/** Each workflow supported by the tier that stands for it. */
function portfolioPlan(sums: PlanSums): PlanFigures {
  return plan(sums.supportedPeople, {
    annualCost: sums.annualCost,
    oneTimeCost: sums.oneTimeCost,
    annualValue: sums.annualValue,
    pvBenefits: sums.pvBenefits,
    pvCosts: sums.pvCosts,
  });
}

/** The two plans from sums gathered with `addToPlanSums`. */
export function plansFromSums(sums: PlanSums, a: Assumptions): PlanComparison {
  const perSeat = perSeatPlan(sums, a);
  const portfolio = portfolioPlan(sums);
  const inflationFactor =
    perSeat.costPerUnitOfValue === null || !portfolio.costPerUnitOfValue
      ? null
      : perSeat.costPerUnitOfValue / portfolio.costPerUnitOfValue;
  return {
    perSeat,
    portfolio,
    inflationFactor,
    enterpriseShareOfValue: portfolio.pvBenefits === 0 ? null : sums.enterprisePvBenefits / portfolio.pvBenefits,
  };
}

export function comparePlans(rows: readonly WorkflowDecision[], a: Assumptions): PlanComparison {
  const sums = emptyPlanSums();
  for (const row of rows) addToPlanSums(sums, row);
  return plansFromSums(sums, a);
}
