import fc from "fast-check";
import {
  analysePortfolio,
  budgetSchedule,
  DEFAULT_ASSUMPTIONS,
  type Assumptions,
  type BudgetLine,
  type BudgetSchedule,
  type IntegrationNeed,
  type Tier,
  type Workflow,
} from "../../src/model";
import { SAMPLE_BUDGET, SAMPLE_RAMP } from "../support/sampleFigures";
import { sampleWorkflows } from "./sampleWorkflows";

/**
 * A number with two decimals in [min, max]: fc.double favours extremes such as 1e-300, which leave the
 * figures near zero and a wrong formula unseen.
 */
function decimal(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((cents) => cents / 100);
}

function scheduleOf(workflows: readonly Workflow[], a: Assumptions, overrides: (Tier | null)[] = []) {
  const run = analysePortfolio(workflows, a, overrides);
  const budget = budgetSchedule(run.analyses, a, run.comparison.perSeat);
  return { ...run, budget };
}

function lineOf(budget: BudgetSchedule, plan: "portfolio" | "perSeat", key: string): BudgetLine {
  const lines = budget[plan] as unknown as Record<string, BudgetLine>;
  return lines[key];
}

function relative(received: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(received - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1));
}

describe("AI Budget for the sample company (sample.md)", () => {
  const { budget } = scheduleOf(sampleWorkflows(), DEFAULT_ASSUMPTIONS);

  it("has the horizon's three years", () => {
    expect(budget.horizon).toBe(3);
  });

  it.each(SAMPLE_BUDGET.map((l) => [l.line, l] as const))("%s", (_, expected) => {
    const line = lineOf(budget, expected.plan, expected.key);
    expect(line.start).toBeCloseTo(expected.start, 0);
    expect(line.years).toHaveLength(3);
    line.years.forEach((amount, t) => expect(amount).toBeCloseTo(expected.years[t], 0));
    expect(line.total).toBeCloseTo(expected.total, 0);
    expect(line.presentValue).toBeCloseTo(expected.presentValue, 0);
  });
});

describe("the ramp in year 1", () => {
  it("scales year 1's value of both plans by 1 - M/24 and leaves the costs and later years", () => {
    const a = { ...DEFAULT_ASSUMPTIONS, rampMonths: SAMPLE_RAMP.rampMonths };
    const { budget, comparison } = scheduleOf(sampleWorkflows(), a);
    const steady = scheduleOf(sampleWorkflows(), DEFAULT_ASSUMPTIONS).budget;
    expect(budget.portfolio.value.years[0]).toBeCloseTo(478560 * 0.75, 6);
    expect(budget.portfolio.value.years[1]).toBe(steady.portfolio.value.years[1]);
    expect(budget.perSeat.value.years[0]).toBeCloseTo(215840 * 0.75, 6);
    expect(budget.portfolio.totalCost).toEqual(steady.portfolio.totalCost);
    expect(budget.portfolio.net.presentValue).toBeCloseTo(SAMPLE_RAMP.portfolioNpv, 0);
    expect(budget.perSeat.net.presentValue).toBeCloseTo(SAMPLE_RAMP.perSeatNpv, 0);
    relative(budget.portfolio.net.presentValue, comparison.portfolio.npv);
  });
});

describe("the identity: discounted, each plan's totals are its present values", () => {
  const share = decimal(0, 1);
  const workflow: fc.Arbitrary<Workflow> = fc.record({
    name: fc.string(),
    people: decimal(0, 500),
    tasksPerPersonPerMonth: decimal(0, 500),
    minutesSavedPerTask: decimal(0, 120),
    hourlyCost: decimal(0, 300),
    adoption: fc.option(share),
    sensitiveData: fc.boolean(),
    integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
    integrationCost: fc.option(decimal(0, 1e6)),
    vendor: fc.option(fc.constantFrom("Acme", " acme", "Beta")),
    vendorSurvival: fc.option(share),
  });
  const assumptions: fc.Arbitrary<Assumptions> = fc.record({
    years: fc.integer({ min: 1, max: 30 }),
    discountRate: share,
    confidence: share,
    adoption: share,
    vendorSurvival: share,
    enterpriseSeatPrice: decimal(0, 200),
    consumerSeatPrice: decimal(0, 100),
    integrationCost: fc.record({
      none: decimal(0, 1e5),
      light: decimal(0, 1e5),
      deep: decimal(0, 1e6),
    }),
    integrationUpkeep: share,
    hurdleRoi: decimal(0, 5),
    rampMonths: fc.oneof(fc.constant(0), decimal(0, 12)),
    sensitivitySwing: fc.constant(0.2),
    headcount: fc.constant(null),
  });

  it("for random tables, assumptions (ramp included) and tiers set by hand", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(workflow, fc.constantFrom<Tier | null>(null, null, "Enterprise", "Consumer", "None")), {
          maxLength: 8,
        }),
        assumptions,
        (rows, a) => {
          const workflows = rows.map(([w]) => w);
          const overrides = rows.map(([w, t]) => (t === "Consumer" && w.sensitiveData ? null : t));
          const { budget, comparison } = scheduleOf(workflows, a, overrides);
          const { portfolio, perSeat } = budget;
          const scale = Math.max(1, comparison.portfolio.pvCosts, comparison.portfolio.pvBenefits);
          const near = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * scale);
          near(portfolio.totalCost.presentValue, comparison.portfolio.pvCosts);
          near(portfolio.value.presentValue, comparison.portfolio.pvBenefits);
          near(portfolio.net.presentValue, comparison.portfolio.npv);
          const seatScale = Math.max(1, comparison.perSeat.pvCosts, comparison.perSeat.pvBenefits);
          const nearSeat = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * seatScale);
          nearSeat(perSeat.seats.presentValue, comparison.perSeat.pvCosts);
          nearSeat(perSeat.value.presentValue, comparison.perSeat.pvBenefits);
          nearSeat(perSeat.net.presentValue, comparison.perSeat.npv);
          expect(portfolio.totalCost.start).toBe(comparison.portfolio.oneTimeCost);
          for (const line of [portfolio.totalCost, portfolio.value, perSeat.seats])
            expect(line.years).toHaveLength(a.years);
        },
      ),
    );
  });

  it("each cost line's years add to its total, and total cost is the sum of the cost lines", () => {
    const { budget } = scheduleOf(sampleWorkflows(), { ...DEFAULT_ASSUMPTIONS, years: 5, rampMonths: 3 });
    const p = budget.portfolio;
    const costs = [p.enterpriseSeats, p.consumerSeats, p.integrationBuild, p.integrationUpkeep, p.expectedRebuild];
    for (const line of [...costs, p.value, p.net]) {
      relative(line.total, line.start + line.years.reduce((s, x) => s + x, 0));
    }
    p.totalCost.years.forEach((amount, t) =>
      relative(
        amount,
        costs.reduce((s, l) => s + l.years[t], 0),
      ),
    );
    relative(
      p.totalCost.start,
      costs.reduce((s, l) => s + l.start, 0),
    );
  });
});
