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
import { SAMPLE_ALLOCATION, SAMPLE_COMPARISON_ROWS, type SampleComparisonRow } from "../support/sampleFigures";

/** sample.md's tables, typed once from the page in test/support/sampleFigures.ts. */
const SAMPLE_ROWS = SAMPLE_ALLOCATION;
const SAMPLE_PLANS = SAMPLE_COMPARISON_ROWS.map(({ key, values: [perSeat, portfolio, difference], decimals }) => ({
  row: key,
  perSeat,
  portfolio,
  difference,
  digits: decimals,
}));
type PlanRow = SampleComparisonRow["key"];

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
    vendor: fc.constant(null),
    vendorSurvival: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
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
