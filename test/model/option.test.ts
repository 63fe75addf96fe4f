import fc from "fast-check";
import { annuity, evaluateOption, paybackMonths, switchCost, valueAnnuity, type OptionInputs } from "../../src/model";

/** A number with two decimals in [min, max]: fc.double favours extremes such as 1e-300, which hide wrong formulas. */
function decimal(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((cents) => cents / 100);
}

/** model.md, "Check by hand". */
const HAND_EXAMPLE: OptionInputs = {
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

/** Equal within a relative 1e-9, for expectations the test computes itself (model.md, "Conventions"). */
function expectRelative(received: number, expected: number): void {
  expect(Math.abs(received - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
}

describe("one option: model.md's worked example", () => {
  const figures = evaluateOption(HAND_EXAMPLE);

  it("gives the figures shown, to the digits shown", () => {
    expect(figures.hoursSaved).toBeCloseTo(960, 0);
    expect(figures.annualValue).toBeCloseTo(46080, 0);
    expect(annuity(3, 0.1)).toBeCloseTo(2.486852, 6);
    expect(figures.pvBenefits).toBeCloseTo(114594.14, 2);
    expect(figures.switchCost).toBeCloseTo(1130.73, 2);
    expect(figures.pvCosts).toBeCloseTo(13591.28, 2);
    expect(figures.npv).toBeCloseTo(101002.85, 2);
    expect(figures.roi).not.toBeNull();
    expect(figures.roi as number).toBeCloseTo(7.431443, 6);
    expect(figures.paybackMonths).not.toBeNull();
    expect(figures.paybackMonths as number).toBeCloseTo(1.39, 2);
  });

  it("carries its costs through and nets the year", () => {
    expect(figures.annualCost).toBe(3000);
    expect(figures.oneTimeCost).toBe(5000);
    expect(figures.annualNet).toBeCloseTo(46080 - 3000, 6);
  });
});

describe("one option with a ramp: model.md's worked example with M = 6", () => {
  const figures = evaluateOption({ ...HAND_EXAMPLE, rampMonths: 6 });

  it("gives the figures shown, to the digits shown", () => {
    expect(valueAnnuity(3, 0.1, 6)).toBeCloseTo(2.259579, 6);
    expect(figures.pvBenefits).toBeCloseTo(104121.41, 2);
    expect(figures.npv).toBeCloseTo(90530.13, 2);
    expect(figures.roi as number).toBeCloseTo(6.660896, 6);
  });

  it("leaves the steady-state year, the costs and the payback alone", () => {
    const steady = evaluateOption(HAND_EXAMPLE);
    expect(figures.annualValue).toBe(steady.annualValue);
    expect(figures.pvCosts).toBe(steady.pvCosts);
    expect(figures.paybackMonths).toBe(steady.paybackMonths);
  });

  it("without a ramp the value annuity is the annuity", () => {
    expect(valueAnnuity(5, 0.07, 0)).toBe(annuity(5, 0.07));
  });

  it("a ramp of M months loses M/24 of the first year's value, discounted one year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), decimal(0, 1), decimal(0, 12), (years, rate, months) => {
        // Year 1 at (1 - M/24), the others in full, each discounted at its year end.
        let direct = (1 - months / 24) / (1 + rate);
        for (let t = 2; t <= years; t++) direct += 1 / (1 + rate) ** t;
        expectRelative(valueAnnuity(years, rate, months), direct);
      }),
    );
  });
});

describe("annuity and the expected rebuild", () => {
  it("an annuity at a zero rate is the number of years", () => {
    expect(annuity(7, 0)).toBe(7);
  });

  it("a vendor certain to survive never costs a rebuild", () => {
    expect(switchCost(50000, 10, 0.1, 1)).toBe(0);
  });

  it("a vendor certain to fail costs one rebuild, at the end of year 1", () => {
    expectRelative(switchCost(50000, 10, 0.1, 0), 50000 / 1.1);
  });

  it("the rebuild is counted once: at a zero rate it is the chance of failing within the horizon", () => {
    // sum of s^(t-1) (1 - s) over t = 1..Y is 1 - s^Y
    expectRelative(switchCost(1000, 4, 0, 0.9), 1000 * (1 - 0.9 ** 4));
  });
});

describe("payback", () => {
  it("never comes when the year nets nothing or less", () => {
    expect(paybackMonths(5000, 0)).toBeNull();
    expect(paybackMonths(5000, -1)).toBeNull();
    expect(paybackMonths(0, 0)).toBeNull();
    expect(paybackMonths(0, -100)).toBeNull();
  });

  it("is immediate where there is no one-time cost", () => {
    expect(paybackMonths(0, 12000)).toBe(0);
  });

  it("is the one-time cost over a month's net, undiscounted", () => {
    expect(paybackMonths(6000, 12000)).toBe(6);
  });

  it("an option whose cost eats its value never pays back", () => {
    const figures = evaluateOption({ ...HAND_EXAMPLE, annualCost: 50000 });
    expect(figures.annualNet).toBeLessThan(0);
    expect(figures.paybackMonths).toBeNull();
  });
});

describe("ROI", () => {
  it("does not exist where pv_costs is 0", () => {
    const figures = evaluateOption({ ...HAND_EXAMPLE, annualCost: 0, oneTimeCost: 0 });
    expect(figures.pvCosts).toBe(0);
    expect(figures.roi).toBeNull();
    expect(figures.paybackMonths).toBe(0);
  });

  it("is npv over pv_costs otherwise", () => {
    const figures = evaluateOption({ ...HAND_EXAMPLE, oneTimeCost: 0, annualCost: 1000 });
    expectRelative(figures.roi as number, (46080 - 1000) / 1000);
  });
});

describe("invariants", () => {
  const share = decimal(0, 1);
  const money = decimal(0, 1e7);
  const inputs: fc.Arbitrary<OptionInputs> = fc.record({
    tasksPerMonth: decimal(0, 1e5),
    minutesSavedPerTask: decimal(0, 600),
    hourlyCost: decimal(0, 1000),
    annualCost: money,
    oneTimeCost: money,
    adoption: share,
    confidence: share,
    years: fc.integer({ min: 1, max: 30 }),
    discountRate: share,
    vendorSurvival: share,
    rampMonths: decimal(0, 12),
  });

  it("NPV rises (weakly) with the minutes saved", () => {
    fc.assert(
      fc.property(inputs, decimal(0, 600), (base, more) => {
        const higher = evaluateOption({ ...base, minutesSavedPerTask: base.minutesSavedPerTask + more });
        expect(higher.npv).toBeGreaterThanOrEqual(evaluateOption(base).npv);
      }),
    );
  });

  it("NPV falls (weakly) with the annual cost", () => {
    fc.assert(
      fc.property(inputs, money, (base, more) => {
        const dearer = evaluateOption({ ...base, annualCost: base.annualCost + more });
        expect(dearer.npv).toBeLessThanOrEqual(evaluateOption(base).npv);
      }),
    );
  });

  it("NPV falls (weakly) with the one-time cost", () => {
    fc.assert(
      fc.property(inputs, money, (base, more) => {
        const dearer = evaluateOption({ ...base, oneTimeCost: base.oneTimeCost + more });
        expect(dearer.npv).toBeLessThanOrEqual(evaluateOption(base).npv);
      }),
    );
  });

  it("a lower vendor survival never lowers pv_costs", () => {
    fc.assert(
      fc.property(inputs, share, share, (base, s1, s2) => {
        const [lower, higher] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const riskier = evaluateOption({ ...base, vendorSurvival: lower }).pvCosts;
        const safer = evaluateOption({ ...base, vendorSurvival: higher }).pvCosts;
        // Survivals a hair apart may differ only by summation noise: allow model.md's relative 1e-9.
        expect(riskier).toBeGreaterThanOrEqual(safer - 1e-9 * safer);
      }),
    );
  });

  it("pv_benefits is linear in confidence", () => {
    fc.assert(
      fc.property(inputs, (base) => {
        const full = evaluateOption({ ...base, confidence: 1 }).pvBenefits;
        expectRelative(evaluateOption(base).pvBenefits, base.confidence * full);
      }),
    );
  });
});
