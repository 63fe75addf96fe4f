import fc from "fast-check";
import {
  analysePortfolio,
  analyseWorkflow,
  breakevenFromValue,
  breakevenMinutes,
  capture,
  DEFAULT_ASSUMPTIONS,
  evaluateOption,
  safetyMargin,
  valuePerMinute,
  type Assumptions,
  type IntegrationNeed,
  type OptionInputs,
  type Workflow,
} from "../../src/model";
import { SAMPLE_BREAKEVEN } from "../support/sampleFigures";
import { sampleWorkflows } from "./sampleWorkflows";

/**
 * A number with two decimals in [min, max]: fc.double favours extremes such as 1e-300, which leave the
 * figures near zero and a wrong formula unseen.
 */
function decimal(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((cents) => cents / 100);
}

/** model.md, "One option", check by hand. */
const HAND: OptionInputs = {
  tasksPerMonth: 400,
  minutesSavedPerTask: 15,
  hourlyCost: 60,
  adoption: 0.8,
  confidence: 0.8,
  annualCost: 3000,
  oneTimeCost: 5000,
  years: 3,
  discountRate: 0.1,
  vendorSurvival: 0.9,
  rampMonths: 0,
};

function expectRelative(received: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(received - expected)).toBeLessThanOrEqual(tolerance * Math.max(Math.abs(expected), 1e-300));
}

describe("break-even minutes: model.md's worked example", () => {
  it("value per minute 7,639.61, break-even 3.5581, safety margin 0.7628", () => {
    const perMinute = valuePerMinute(HAND);
    expect(perMinute).toBeCloseTo(7639.61, 2);
    const pvCosts = evaluateOption(HAND).pvCosts;
    const breakeven = breakevenMinutes(HAND, pvCosts, 1);
    expect(breakeven).toBeCloseTo(3.5581, 4);
    expect(safetyMargin(breakeven, 15)).toBeCloseTo(0.7628, 4);
  });

  it("BREAKEVEN_MINUTES(3600, 45, 6900, 10000) = 1.141: Customer support replies' Enterprise option", () => {
    const inputs = { ...HAND, tasksPerMonth: 3600, hourlyCost: 45, annualCost: 6900, oneTimeCost: 10000 };
    expect(breakevenMinutes(inputs, evaluateOption(inputs).pvCosts, 1)).toBeCloseTo(1.141, 3);
  });

  it("BREAKEVEN_MINUTES(160, 75, 2400, 0, , 0.4) = 6.25: Sales proposals' Consumer option", () => {
    const inputs = { ...HAND, tasksPerMonth: 160, hourlyCost: 75, annualCost: 2400, oneTimeCost: 0, confidence: 0.4 };
    expect(breakevenMinutes(inputs, evaluateOption(inputs).pvCosts, 1)).toBeCloseTo(6.25, 10);
  });
});

describe("break-even edge cases", () => {
  it("none exists where no saving can create value", () => {
    expect(breakevenMinutes({ ...HAND, adoption: 0 }, 1000, 1)).toBeNull();
    expect(breakevenMinutes({ ...HAND, hourlyCost: 0 }, 0, 1)).toBeNull();
    expect(breakevenFromValue(0, 0, 1)).toBeNull();
  });

  it("is 0 where nothing costs anything: any saving qualifies", () => {
    expect(breakevenFromValue(10, 0, 1)).toBe(0);
  });

  it("a ramp raises the break-even: less value per minute", () => {
    const ramped = { ...HAND, rampMonths: 6 };
    expect(breakevenMinutes(ramped, 13591.28, 1)!).toBeGreaterThan(breakevenMinutes(HAND, 13591.28, 1)!);
  });

  it("the safety margin is none where the minutes saved are 0 or no break-even exists, negative when short", () => {
    expect(safetyMargin(3, 0)).toBeNull();
    expect(safetyMargin(null, 10)).toBeNull();
    expect(safetyMargin(20, 10)).toBe(-1);
  });
});

describe("break-even and safety margin of the sample's rows (sample.md)", () => {
  const { analyses } = analysePortfolio(sampleWorkflows(), DEFAULT_ASSUMPTIONS);
  it.each(SAMPLE_BREAKEVEN.map((r) => [r.workflow, r.breakevenMinutes, r.safetyMargin] as const))(
    "%s: %d minutes, margin %d",
    (name, minutes, margin) => {
      const row = analyses.find((a) => a.workflow.name === name)!;
      expect(row.breakevenMinutes).toBeCloseTo(minutes, 2);
      expect(row.safetyMargin).toBeCloseTo(margin, 3);
    },
  );
});

describe("the row rule", () => {
  const base: Workflow = {
    name: "Row",
    people: 10,
    tasksPerPersonPerMonth: 20,
    minutesSavedPerTask: 2,
    hourlyCost: 50,
    adoption: null,
    sensitiveData: false,
    integration: "light",
    integrationCost: null,
    vendor: null,
    vendorSurvival: null,
  };

  function candidates(w: Workflow, a: Assumptions): { enterprise: number; consumer: number } {
    const row = analyseWorkflow(w, a);
    const perMinute = valuePerMinute({
      tasksPerMonth: w.people * w.tasksPerPersonPerMonth,
      adoption: w.adoption ?? a.adoption,
      hourlyCost: w.hourlyCost,
      confidence: a.confidence,
      years: a.years,
      discountRate: a.discountRate,
      rampMonths: a.rampMonths,
    });
    return {
      enterprise: breakevenFromValue(perMinute, row.enterprise.pvCosts, a.hurdleRoi)!,
      consumer: breakevenFromValue(perMinute * capture(w.integration), row.consumer.pvCosts, a.hurdleRoi)!,
    };
  }

  it("a None row takes the smaller break-even of its candidates", () => {
    const row = analyseWorkflow(base, DEFAULT_ASSUMPTIONS);
    expect(row.tier).toBe("None");
    const { enterprise, consumer } = candidates(base, DEFAULT_ASSUMPTIONS);
    expect(row.breakevenMinutes).toBe(Math.min(enterprise, consumer));
  });

  it("a None row with sensitive data never takes Consumer's", () => {
    const sensitive = { ...base, sensitiveData: true };
    const row = analyseWorkflow(sensitive, DEFAULT_ASSUMPTIONS);
    expect(row.tier).toBe("None");
    expect(row.breakevenMinutes).toBe(candidates(sensitive, DEFAULT_ASSUMPTIONS).enterprise);
  });

  it("a tier set by hand takes that option's break-even", () => {
    const { enterprise, consumer } = candidates(base, DEFAULT_ASSUMPTIONS);
    expect(analyseWorkflow(base, DEFAULT_ASSUMPTIONS, "Enterprise").breakevenMinutes).toBe(enterprise);
    expect(analyseWorkflow(base, DEFAULT_ASSUMPTIONS, "Consumer").breakevenMinutes).toBe(consumer);
  });
});

describe("invariants", () => {
  const share = decimal(0.01, 1);
  const inputs = fc.record({
    tasksPerMonth: decimal(1, 1e5),
    minutesSavedPerTask: decimal(0, 600),
    hourlyCost: decimal(1, 1000),
    annualCost: decimal(1, 1e7),
    oneTimeCost: decimal(0, 1e7),
    adoption: share,
    confidence: share,
    years: fc.integer({ min: 1, max: 30 }),
    discountRate: decimal(0, 1),
    vendorSurvival: decimal(0, 1),
    rampMonths: decimal(0, 12),
  });

  it("the ROI at the break-even minutes is the hurdle (through evaluateOption)", () => {
    fc.assert(
      fc.property(inputs, decimal(0, 5), (option, hurdle) => {
        const pvCosts = evaluateOption(option).pvCosts;
        const minutes = breakevenMinutes(option, pvCosts, hurdle)!;
        const at = evaluateOption({ ...option, minutesSavedPerTask: minutes });
        // Compared as value over cost (1 + ROI): a hurdle of 0 has no relative scale of its own.
        expectRelative(1 + at.roi!, 1 + hurdle, 1e-8);
      }),
    );
  });

  it("a table row's ROI at its break-even clears the hurdle just, with its tier's option", () => {
    const row = fc.record({
      name: fc.constant("Row"),
      people: decimal(1, 500),
      tasksPerPersonPerMonth: decimal(1, 500),
      minutesSavedPerTask: decimal(0.5, 120),
      hourlyCost: decimal(10, 300),
      adoption: fc.option(share),
      sensitiveData: fc.boolean(),
      integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
      integrationCost: fc.option(decimal(0, 1e6)),
      vendor: fc.constant(null),
      vendorSurvival: fc.option(decimal(0, 1)),
    });
    fc.assert(
      fc.property(row, (w) => {
        const analysed = analyseWorkflow(w, DEFAULT_ASSUMPTIONS);
        if (analysed.tier === "None" || analysed.breakevenMinutes === null || analysed.breakevenMinutes === 0) return;
        const at = analyseWorkflow(
          { ...w, minutesSavedPerTask: analysed.breakevenMinutes },
          DEFAULT_ASSUMPTIONS,
          analysed.tier,
        );
        expectRelative(1 + at.chosen.roi!, 1 + DEFAULT_ASSUMPTIONS.hurdleRoi, 1e-8);
      }),
    );
  });
});
