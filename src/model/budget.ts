import type { Assumptions } from "./assumptions";
import type { WorkflowAnalysis } from "./workflow";

/**
 * The budget a finance team files: yearly cash, not present values (model.md, "The budget, year by year").
 * Start is time 0, undiscounted; year t is discounted by (1 + r)^t, so each plan's discounted total cost and
 * value are its pv_costs and pv_benefits.
 */

export interface BudgetLine {
  /** Time 0. */
  start: number;
  /** Years 1..Y, in order. */
  years: number[];
  /** Start plus every year, undiscounted. */
  total: number;
  /** Start plus each year discounted at the discount rate. */
  presentValue: number;
}

export interface PortfolioBudget {
  enterpriseSeats: BudgetLine;
  consumerSeats: BudgetLine;
  integrationBuild: BudgetLine;
  integrationUpkeep: BudgetLine;
  expectedRebuild: BudgetLine;
  totalCost: BudgetLine;
  value: BudgetLine;
  net: BudgetLine;
}

export interface PerSeatBudget {
  seats: BudgetLine;
  value: BudgetLine;
  net: BudgetLine;
}

export interface BudgetSchedule {
  /** The horizon: how many year columns. */
  horizon: number;
  portfolio: PortfolioBudget;
  perSeat: PerSeatBudget;
}

function line(start: number, years: number[], discountRate: number): BudgetLine {
  let total = start;
  let presentValue = start;
  years.forEach((amount, i) => {
    total += amount;
    presentValue += amount / (1 + discountRate) ** (i + 1);
  });
  return { start, years, total, presentValue };
}

function steady(amount: number, horizon: number): number[] {
  return Array.from({ length: horizon }, () => amount);
}

/** A steady yearly value whose first year ramps up: (1 - M/24) of it. */
function rampedValue(amount: number, a: Assumptions): number[] {
  const years = steady(amount, a.years);
  years[0] = amount * (1 - a.rampMonths / 24);
  return years;
}

function combine(lines: readonly BudgetLine[], sign: readonly number[], r: number): BudgetLine {
  const years = lines[0].years.map((_, t) => lines.reduce((sum, l, i) => sum + sign[i] * l.years[t], 0));
  const start = lines.reduce((sum, l, i) => sum + sign[i] * l.start, 0);
  return line(start, years, r);
}

/** Both plans' yearly budget; `headcount` is the per-seat plan's seats, `perSeatValue` its steady yearly value. */
export function budgetSchedule(
  analyses: readonly WorkflowAnalysis[],
  a: Assumptions,
  perSeat: { seats: number; annualValue: number },
): BudgetSchedule {
  const r = a.discountRate;
  const Y = a.years;
  let enterpriseSeats = 0;
  let consumerSeats = 0;
  let build = 0;
  let upkeep = 0;
  let value = 0;
  const rebuild = steady(0, Y);
  for (const row of analyses) {
    value += row.chosen.annualValue;
    if (row.tier === "Enterprise") {
      const once = row.chosen.oneTimeCost;
      enterpriseSeats += row.workflow.people * a.enterpriseSeatPrice * 12;
      build += once;
      upkeep += a.integrationUpkeep * once;
      const s = row.survival;
      for (let t = 1; t <= Y; t++) rebuild[t - 1] += once * s ** (t - 1) * (1 - s);
    } else if (row.tier === "Consumer") {
      consumerSeats += row.workflow.people * a.consumerSeatPrice * 12;
    }
  }
  const costLines = [
    line(0, steady(enterpriseSeats, Y), r),
    line(0, steady(consumerSeats, Y), r),
    line(build, steady(0, Y), r),
    line(0, steady(upkeep, Y), r),
    line(0, rebuild, r),
  ];
  const totalCost = combine(costLines, [1, 1, 1, 1, 1], r);
  const valueLine = line(0, rampedValue(value, a), r);
  const seats = line(0, steady(perSeat.seats * a.enterpriseSeatPrice * 12, Y), r);
  const perSeatValue = line(0, rampedValue(perSeat.annualValue, a), r);
  return {
    horizon: Y,
    portfolio: {
      enterpriseSeats: costLines[0],
      consumerSeats: costLines[1],
      integrationBuild: costLines[2],
      integrationUpkeep: costLines[3],
      expectedRebuild: costLines[4],
      totalCost,
      value: valueLine,
      net: combine([valueLine, totalCost], [1, -1], r),
    },
    perSeat: { seats, value: perSeatValue, net: combine([perSeatValue, seats], [1, -1], r) },
  };
}
