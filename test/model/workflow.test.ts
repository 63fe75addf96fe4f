import fc from "fast-check";
import {
  DEFAULT_ASSUMPTIONS,
  analyseWorkflow,
  tierAllowed,
  type IntegrationNeed,
  type OptionFigures,
  type Tier,
  type Workflow,
} from "../../src/model";
import { sampleWorkflows } from "./sampleWorkflows";

/**
 * 10 people, 20 tasks each a month, 30 minutes saved, 50 an hour, light integration. At the defaults: 200 tasks
 * a month, hours_saved 200 × 12 × 30 / 60 × 0.8 = 960, annual_value 960 × 50 × 0.8 = 38,400.
 */
const ROW: Workflow = {
  name: "Drafting",
  people: 10,
  tasksPerPersonPerMonth: 20,
  minutesSavedPerTask: 30,
  hourlyCost: 50,
  adoption: null,
  sensitiveData: false,
  integration: "light",
  integrationCost: null,
  vendor: null,
  vendorSurvival: null,
};

const A = DEFAULT_ASSUMPTIONS;

describe("a row's Enterprise option (model.md, 'For a table row')", () => {
  it("counts the row's people's tasks and the default adoption", () => {
    const { enterprise } = analyseWorkflow(ROW, A);
    expect(enterprise.hoursSaved).toBeCloseTo(960, 9);
    expect(enterprise.annualValue).toBeCloseTo(38400, 9);
  });

  it("takes the default integration cost for the row's need, and its upkeep", () => {
    const { enterprise } = analyseWorkflow(ROW, A);
    expect(enterprise.oneTimeCost).toBe(10_000);
    // 10 seats × 30 × 12 + 0.15 × 10,000
    expect(enterprise.annualCost).toBeCloseTo(5100, 9);
    expect(analyseWorkflow({ ...ROW, integration: "deep" }, A).enterprise.oneTimeCost).toBe(50_000);
    expect(analyseWorkflow({ ...ROW, integration: "none" }, A).enterprise.oneTimeCost).toBe(0);
  });

  it("a row's own integration cost wins over the default, 0 included", () => {
    const zero = analyseWorkflow({ ...ROW, integrationCost: 0 }, A).enterprise;
    expect(zero.oneTimeCost).toBe(0);
    expect(zero.switchCost).toBe(0);
    expect(zero.annualCost).toBeCloseTo(3600, 9);
    const own = analyseWorkflow({ ...ROW, integration: "deep", integrationCost: 25_000 }, A).enterprise;
    expect(own.oneTimeCost).toBe(25_000);
    // 3,600 in seats + 0.15 × 25,000
    expect(own.annualCost).toBeCloseTo(7350, 9);
  });

  it("a row's own adoption wins over the default", () => {
    const { enterprise } = analyseWorkflow({ ...ROW, adoption: 0.5 }, A);
    expect(enterprise.hoursSaved).toBeCloseTo(600, 9);
    expect(enterprise.annualValue).toBeCloseTo(24_000, 9);
    const none = analyseWorkflow({ ...ROW, adoption: 0 }, A).enterprise;
    expect(none.annualValue).toBe(0);
  });

  it("uses the assumptions' seat price, upkeep, horizon and survival", () => {
    const a = { ...A, enterpriseSeatPrice: 40, integrationUpkeep: 0.2, vendorSurvival: 1, years: 1, discountRate: 0 };
    const { enterprise } = analyseWorkflow(ROW, a);
    // 10 × 40 × 12 + 0.2 × 10,000; one year at 0 %: no discounting; a vendor certain to survive: no rebuild.
    expect(enterprise.annualCost).toBeCloseTo(6800, 9);
    expect(enterprise.switchCost).toBe(0);
    expect(enterprise.pvCosts).toBeCloseTo(16_800, 9);
    expect(enterprise.pvBenefits).toBeCloseTo(38_400, 9);
  });
});

describe("a row's Consumer option", () => {
  it("pays consumer seats, builds nothing, and captures its share of Enterprise's value", () => {
    const { enterprise, consumer } = analyseWorkflow(ROW, A);
    expect(consumer.annualCost).toBeCloseTo(2400, 9);
    expect(consumer.oneTimeCost).toBe(0);
    expect(consumer.switchCost).toBe(0);
    expect(consumer.annualValue).toBeCloseTo(19_200, 9);
    expect(consumer.pvBenefits).toBeCloseTo(enterprise.pvBenefits * 0.5, 6);
    const deep = analyseWorkflow({ ...ROW, integration: "deep" }, A);
    expect(deep.consumer.annualValue).toBeCloseTo(9600, 9);
  });
});

function expectAllZero(figures: OptionFigures): void {
  for (const key of [
    "hoursSaved",
    "annualValue",
    "annualCost",
    "oneTimeCost",
    "pvBenefits",
    "pvCosts",
    "npv",
  ] as const) {
    expect(figures[key]).toBe(0);
  }
  expect(figures.roi).toBeNull();
  expect(figures.paybackMonths).toBeNull();
}

describe("the tier that stands", () => {
  it("is the model's where none is set by hand", () => {
    const analysis = analyseWorkflow(ROW, A);
    expect(analysis.override).toBeNull();
    expect(analysis.tier).toBe(analysis.decision.tier);
  });

  it("a tier set by hand replaces the decision, which is kept for the Reason", () => {
    const chosen = analyseWorkflow(ROW, A);
    expect(chosen.tier).toBe("Enterprise");
    const byHand = analyseWorkflow(ROW, A, "Consumer");
    expect(byHand.tier).toBe("Consumer");
    expect(byHand.override).toBe("Consumer");
    expect(byHand.decision.tier).toBe("Enterprise");
    expect(byHand.chosen).toEqual(byHand.consumer);
  });

  it("a row set to None by hand has zero figures", () => {
    const analysis = analyseWorkflow(ROW, A, "None");
    expect(analysis.tier).toBe("None");
    expectAllZero(analysis.chosen);
  });

  it("Consumer set by hand on sensitive data is refused", () => {
    const sensitive = { ...ROW, sensitiveData: true };
    expect(tierAllowed(sensitive, "Consumer")).toBe(false);
    expect(tierAllowed(sensitive, "Enterprise")).toBe(true);
    expect(tierAllowed(sensitive, "None")).toBe(true);
    expect(tierAllowed(ROW, "Consumer")).toBe(true);
    expect(() => analyseWorkflow(sensitive, A, "Consumer")).toThrow(RangeError);
    expect(() => analyseWorkflow(sensitive, A, "Consumer")).toThrow(/Drafting/);
    expect(analyseWorkflow(sensitive, A, "Enterprise").tier).toBe("Enterprise");
  });

  it("a row the model leaves at None has zero figures", () => {
    const warehouse = sampleWorkflows().find((w) => w.name === "Warehouse and field operations");
    expect(warehouse).toBeDefined();
    const analysis = analyseWorkflow(warehouse as Workflow, A);
    expect(analysis.tier).toBe("None");
    expectAllZero(analysis.chosen);
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
    sensitiveData: fc.constant(true),
    integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
    integrationCost: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
    vendor: fc.constant(null),
    vendorSurvival: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  });

  it("the tier is never Consumer when data is sensitive", () => {
    const override = fc.constantFrom<Tier | null>(null, "Enterprise", "None");
    fc.assert(
      fc.property(workflow, override, fc.double({ min: 0, max: 5, noNaN: true }), (w, o, hurdle) => {
        const analysis = analyseWorkflow(w, { ...A, hurdleRoi: hurdle }, o);
        expect(analysis.tier).not.toBe("Consumer");
        expect(analysis.decision.tier).not.toBe("Consumer");
      }),
    );
  });
});
