import fc from "fast-check";
import { STANDARD_CAPTURE, capture, chooseTier, type IntegrationNeed, type TierInputs } from "../../src/model";

const BASE: TierInputs = {
  value: 1000,
  enterpriseCost: 300,
  consumerCost: 300,
  sensitiveData: false,
  integration: "none",
  hurdleRoi: 1,
};

describe("standard capture (model.md, 'Choosing a tier')", () => {
  it("is 1.00 for none, 0.50 for light, 0.25 for deep", () => {
    expect(STANDARD_CAPTURE).toEqual({ none: 1, light: 0.5, deep: 0.25 });
    expect(capture("none")).toBe(1);
    expect(capture("light")).toBe(0.5);
    expect(capture("deep")).toBe(0.25);
  });

  it("scales the Consumer candidate's value, not Enterprise's", () => {
    const d = chooseTier({ ...BASE, integration: "deep" });
    expect(d.enterprise.value).toBe(1000);
    expect(d.consumer.value).toBe(250);
    expect(d.consumer.net).toBe(-50);
  });
});

describe("the hurdle", () => {
  it("a candidate whose ROI is at least the hurdle qualifies; one below it does not", () => {
    // Enterprise ROI (1000 - 500) / 500 = 1: exactly the hurdle.
    const exact = chooseTier({ ...BASE, enterpriseCost: 500, consumerCost: 1000 });
    expect(exact.enterprise.roi).toBe(1);
    expect(exact.enterprise.qualifies).toBe(true);
    expect(exact.tier).toBe("Enterprise");
    const below = chooseTier({ ...BASE, enterpriseCost: 501, consumerCost: 1000 });
    expect(below.enterprise.qualifies).toBe(false);
    expect(below.tier).toBe("None");
  });

  it("a ROI equal to the hurdle within rounding qualifies", () => {
    // (0.3 - 0.1) / 0.1 is 2 on paper but falls a hair short in floating point.
    expect((0.3 - 0.1) / 0.1).toBeLessThan(2);
    const d = chooseTier({
      value: 0.3,
      enterpriseCost: 0.1,
      consumerCost: 0.3,
      sensitiveData: true,
      integration: "none",
      hurdleRoi: 2,
    });
    expect(d.enterprise.qualifies).toBe(true);
    expect(d.tier).toBe("Enterprise");
  });

  it("a ROI short of the hurdle by more than rounding does not qualify", () => {
    // ROI 2 × (1 - 1e-6): far beyond a relative 1e-9.
    const cost = 100;
    const value = cost * (1 + 2 * (1 - 1e-6));
    const d = chooseTier({
      value,
      enterpriseCost: cost,
      consumerCost: cost,
      sensitiveData: true,
      integration: "none",
      hurdleRoi: 2,
    });
    expect(d.enterprise.qualifies).toBe(false);
    expect(d.tier).toBe("None");
  });

  it("the hurdle is the one given", () => {
    // ROI 0.5: below the default hurdle 1, above a hurdle of 0.4.
    expect(chooseTier({ ...BASE, value: 450, enterpriseCost: 300, consumerCost: 1000 }).tier).toBe("None");
    expect(chooseTier({ ...BASE, value: 450, enterpriseCost: 300, consumerCost: 1000, hurdleRoi: 0.4 }).tier).toBe(
      "Enterprise",
    );
  });
});

describe("zero-cost candidates", () => {
  it("qualify when their value is positive", () => {
    const d = chooseTier({ ...BASE, enterpriseCost: 0, consumerCost: 1000 });
    expect(d.enterprise.roi).toBeNull();
    expect(d.enterprise.qualifies).toBe(true);
    expect(d.tier).toBe("Enterprise");
  });

  it("do not qualify without value", () => {
    const d = chooseTier({ ...BASE, value: 0, enterpriseCost: 0, consumerCost: 0 });
    expect(d.enterprise.qualifies).toBe(false);
    expect(d.consumer.qualifies).toBe(false);
    expect(d.tier).toBe("None");
  });
});

describe("choosing among qualifying candidates", () => {
  it("the larger net wins", () => {
    // Enterprise nets 700; Consumer, at half capture, 500 - 100 = 400.
    expect(chooseTier({ ...BASE, integration: "light", consumerCost: 100 }).tier).toBe("Enterprise");
    // Consumer nets 1000 - 100 = 900 against Enterprise's 700.
    expect(chooseTier({ ...BASE, consumerCost: 100 }).tier).toBe("Consumer");
  });

  it("a tie on net goes to Consumer", () => {
    const d = chooseTier(BASE);
    expect(d.enterprise.net).toBe(d.consumer.net);
    expect(d.tier).toBe("Consumer");
  });

  it("a tie within rounding goes to Consumer", () => {
    // Enterprise nets 9; Consumer 1e-12 less: equal within a relative 1e-9.
    const d = chooseTier({ ...BASE, value: 10, enterpriseCost: 1, consumerCost: 1 + 1e-12 });
    expect(d.enterprise.net).toBeGreaterThan(d.consumer.net);
    expect(d.tier).toBe("Consumer");
  });

  it("a net larger by more than rounding wins over Consumer", () => {
    const d = chooseTier({ ...BASE, value: 10, enterpriseCost: 1, consumerCost: 1 + 1e-6 });
    expect(d.tier).toBe("Enterprise");
  });

  it("a candidate that does not qualify cannot win on net", () => {
    // Enterprise nets 10,000 - 6,000 = 4,000 at ROI 0.67: below the hurdle.
    // Consumer, at deep capture, nets 2,500 - 100 = 2,400 at ROI 24: it alone qualifies.
    const d = chooseTier({ ...BASE, value: 10_000, enterpriseCost: 6000, consumerCost: 100, integration: "deep" });
    expect(d.enterprise.net).toBeGreaterThan(d.consumer.net);
    expect(d.tier).toBe("Consumer");
  });

  it("Enterprise alone qualifying wins", () => {
    // Consumer's ROI (1,000 - 600) / 600 is below 1; Enterprise's (1,000 - 400) / 400 clears it.
    expect(chooseTier({ ...BASE, enterpriseCost: 400, consumerCost: 600 }).tier).toBe("Enterprise");
  });

  it("nothing qualifying gives None", () => {
    const d = chooseTier({ ...BASE, enterpriseCost: 800, consumerCost: 800 });
    expect(d.enterprise.qualifies).toBe(false);
    expect(d.consumer.qualifies).toBe(false);
    expect(d.tier).toBe("None");
  });
});

describe("sensitive data", () => {
  it("rules Consumer out, however good its figures", () => {
    const d = chooseTier({ ...BASE, consumerCost: 1, sensitiveData: true });
    expect(d.consumer.ruledOutBySensitiveData).toBe(true);
    expect(d.consumer.qualifies).toBe(false);
    expect(d.tier).toBe("Enterprise");
  });

  it("leaves None where Enterprise does not qualify either", () => {
    expect(chooseTier({ ...BASE, enterpriseCost: 900, consumerCost: 1, sensitiveData: true }).tier).toBe("None");
  });

  it("the tier is never Consumer when data is sensitive", () => {
    const amount = fc.double({ min: 0, max: 1e9, noNaN: true });
    const need = fc.constantFrom<IntegrationNeed>("none", "light", "deep");
    fc.assert(
      fc.property(amount, amount, amount, need, fc.double({ min: 0, max: 10, noNaN: true }), (v, ce, cc, i, h) => {
        const d = chooseTier({
          value: v,
          enterpriseCost: ce,
          consumerCost: cc,
          sensitiveData: true,
          integration: i,
          hurdleRoi: h,
        });
        expect(d.tier).not.toBe("Consumer");
      }),
    );
  });
});
