import fc from "fast-check";
import {
  DEFAULT_ASSUMPTIONS,
  analyseWorkflow,
  comparePlans,
  tierAllowed,
  type IntegrationNeed,
  type PlanFigures,
  type Tier,
  type Workflow,
} from "../../src/model";
import { sampleWorkflows } from "./sampleWorkflows";

/** sample.md's first table, typed from the page. */
const SAMPLE_ROWS: {
  workflow: string;
  tier: Tier;
  annualValue: number;
  annualCost: number;
  oneTimeCost: number;
  pvBenefits: number;
  pvCosts: number;
}[] = [
  {
    workflow: "Customer support replies",
    tier: "Enterprise",
    annualValue: 103680,
    annualCost: 6900,
    oneTimeCost: 10000,
    pvBenefits: 257837,
    pvCosts: 29421,
  },
  {
    workflow: "Sales proposals and RFP answers",
    tier: "Enterprise",
    annualValue: 92160,
    annualCost: 5100,
    oneTimeCost: 10000,
    pvBenefits: 229188,
    pvCosts: 24944,
  },
  {
    workflow: "Financial analysis and reporting",
    tier: "Enterprise",
    annualValue: 104448,
    annualCost: 10380,
    oneTimeCost: 50000,
    pvBenefits: 259747,
    pvCosts: 87121,
  },
  {
    workflow: "Contract review",
    tier: "Enterprise",
    annualValue: 118272,
    annualCost: 10020,
    oneTimeCost: 50000,
    pvBenefits: 294125,
    pvCosts: 86226,
  },
  {
    workflow: "Operations reports",
    tier: "Consumer",
    annualValue: 33600,
    annualCost: 8400,
    oneTimeCost: 0,
    pvBenefits: 83558,
    pvCosts: 20890,
  },
  {
    workflow: "Internal communications",
    tier: "Consumer",
    annualValue: 26400,
    annualCost: 6000,
    oneTimeCost: 0,
    pvBenefits: 65653,
    pvCosts: 14921,
  },
  {
    workflow: "Warehouse and field operations",
    tier: "None",
    annualValue: 0,
    annualCost: 0,
    oneTimeCost: 0,
    pvBenefits: 0,
    pvCosts: 0,
  },
];

/** sample.md's second table: Per-seat, Workflow portfolio, Difference. ROI as a ratio (199.8 % is 1.998). */
type PlanRow =
  | "seats"
  | "annualCost"
  | "oneTimeCost"
  | "annualValue"
  | "pvBenefits"
  | "pvCosts"
  | "npv"
  | "roi"
  | "costPerUnitOfValue";
const SAMPLE_PLANS: { row: PlanRow; perSeat: number; portfolio: number; difference: number; digits: number }[] = [
  { row: "seats", perSeat: 200, portfolio: 100, difference: -100, digits: 0 },
  { row: "annualCost", perSeat: 72000, portfolio: 46800, difference: -25200, digits: 0 },
  { row: "oneTimeCost", perSeat: 0, portfolio: 120000, difference: 120000, digits: 0 },
  { row: "annualValue", perSeat: 215840, portfolio: 478560, difference: 262720, digits: 0 },
  { row: "pvBenefits", perSeat: 536762, portfolio: 1190108, difference: 653346, digits: 0 },
  { row: "pvCosts", perSeat: 179053, portfolio: 263522, difference: 84469, digits: 0 },
  { row: "npv", perSeat: 357709, portfolio: 926586, difference: 568877, digits: 0 },
  { row: "roi", perSeat: 1.998, portfolio: 3.516, difference: 1.518, digits: 3 },
  { row: "costPerUnitOfValue", perSeat: 0.3336, portfolio: 0.2214, difference: -0.1122, digits: 4 },
];

const A = DEFAULT_ASSUMPTIONS;

function figure(plan: PlanFigures, row: PlanRow): number {
  const value = plan[row];
  if (value === null) throw new Error(`${row} is missing`);
  return value;
}

describe("the sample company (sample.md)", () => {
  const workflows = sampleWorkflows();
  const analyses = workflows.map((w) => analyseWorkflow(w, A));
  const comparison = comparePlans(analyses, A);

  it("reads the seven workflows of the CSV, 200 people", () => {
    expect(workflows.map((w) => w.name)).toEqual(SAMPLE_ROWS.map((r) => r.workflow));
    expect(workflows.reduce((sum, w) => sum + w.people, 0)).toBe(200);
  });

  it.each(SAMPLE_ROWS)("$workflow: $tier, with the figures shown", (expected) => {
    const analysis = analyses.find((a) => a.workflow.name === expected.workflow);
    expect(analysis).toBeDefined();
    const { tier, chosen } = analysis!;
    expect(tier).toBe(expected.tier);
    expect(chosen.annualValue).toBeCloseTo(expected.annualValue, 0);
    expect(chosen.annualCost).toBeCloseTo(expected.annualCost, 0);
    expect(chosen.oneTimeCost).toBeCloseTo(expected.oneTimeCost, 0);
    expect(chosen.pvBenefits).toBeCloseTo(expected.pvBenefits, 0);
    expect(chosen.pvCosts).toBeCloseTo(expected.pvCosts, 0);
  });

  it.each(SAMPLE_PLANS)("$row: per-seat $perSeat, portfolio $portfolio, difference $difference", (expected) => {
    const perSeat = figure(comparison.perSeat, expected.row);
    const portfolio = figure(comparison.portfolio, expected.row);
    expect(perSeat).toBeCloseTo(expected.perSeat, expected.digits);
    expect(portfolio).toBeCloseTo(expected.portfolio, expected.digits);
    expect(portfolio - perSeat).toBeCloseTo(expected.difference, expected.digits);
  });

  it("inflation factor 1.51; Enterprise share of value 87.5 %", () => {
    expect(comparison.inflationFactor).not.toBeNull();
    expect(comparison.inflationFactor!).toBeCloseTo(1.51, 2);
    expect(comparison.enterpriseShareOfValue).not.toBeNull();
    expect(comparison.enterpriseShareOfValue!).toBeCloseTo(0.875, 3);
  });
});

describe("the per-seat plan's headcount", () => {
  const analyses = sampleWorkflows().map((w) => analyseWorkflow(w, A));

  it("defaults to the sum of People over the analysed rows", () => {
    const subset = analyses.slice(0, 2);
    expect(comparePlans(subset, A).perSeat.seats).toBe(25);
  });

  it("one given above that sum is used", () => {
    const { perSeat } = comparePlans(analyses, { ...A, headcount: 250 });
    expect(perSeat.seats).toBe(250);
    // 250 × 30 × 12
    expect(perSeat.annualCost).toBeCloseTo(90_000, 6);
    expect(perSeat.oneTimeCost).toBe(0);
  });

  it("one equal to that sum is used", () => {
    expect(comparePlans(analyses, { ...A, headcount: 200 }).perSeat.seats).toBe(200);
  });

  it("one given below that sum is refused", () => {
    expect(() => comparePlans(analyses, { ...A, headcount: 199 })).toThrow(RangeError);
  });
});

describe("plans in edge cases", () => {
  it("a portfolio of None rows has no ROI, no cost per unit of value and no inflation factor", () => {
    const analyses = sampleWorkflows().map((w) => analyseWorkflow(w, A, "None"));
    const { portfolio, inflationFactor, enterpriseShareOfValue } = comparePlans(analyses, A);
    expect(portfolio.seats).toBe(0);
    expect(portfolio.pvCosts).toBe(0);
    expect(portfolio.roi).toBeNull();
    expect(portfolio.costPerUnitOfValue).toBeNull();
    expect(inflationFactor).toBeNull();
    expect(enterpriseShareOfValue).toBeNull();
  });
});

describe("invariants", () => {
  const workflow: fc.Arbitrary<Workflow> = fc.record({
    name: fc.constant("Row"),
    people: fc.double({ min: 0, max: 1000, noNaN: true }),
    tasksPerPersonPerMonth: fc.double({ min: 0, max: 1000, noNaN: true }),
    minutesSavedPerTask: fc.double({ min: 0, max: 240, noNaN: true }),
    hourlyCost: fc.double({ min: 0, max: 500, noNaN: true }),
    adoption: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    sensitiveData: fc.boolean(),
    integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
    integrationCost: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
  });
  const override = fc.constantFrom<Tier | null>(null, "Enterprise", "Consumer", "None");
  const rows = fc.array(fc.tuple(workflow, override), { maxLength: 8 });

  it("the portfolio never has more seats than the per-seat plan", () => {
    fc.assert(
      fc.property(rows, fc.option(fc.double({ min: 0, max: 1000, noNaN: true })), (given, extra) => {
        const analyses = given.map(([w, o]) => analyseWorkflow(w, A, o !== null && tierAllowed(w, o) ? o : null));
        const people = given.reduce((sum, [w]) => sum + w.people, 0);
        const { perSeat, portfolio } = comparePlans(analyses, {
          ...A,
          headcount: extra === null ? null : people + extra,
        });
        expect(portfolio.seats).toBeLessThanOrEqual(perSeat.seats);
      }),
    );
  });
});
