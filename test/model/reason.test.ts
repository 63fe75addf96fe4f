import fc from "fast-check";
import { chooseTier, explainDecision, explainTier, type IntegrationNeed, type TierInputs } from "../../src/model";

const BASE: TierInputs = {
  value: 1000,
  enterpriseCost: 300,
  consumerCost: 100,
  sensitiveData: false,
  integration: "none",
  hurdleRoi: 1,
};

/** The Reason column (sheets.md): names the candidate it speaks of and gives ROI as a percentage. */
describe("the Reason for a tier the model chose", () => {
  it("says when sensitive data rules Consumer out", () => {
    const d = chooseTier({ ...BASE, sensitiveData: true });
    expect(d.tier).toBe("Enterprise");
    const reason = explainDecision(d);
    expect(reason).toContain("Consumer: sensitive data rules it out");
    // Enterprise's ROI (1,000 - 300) / 300 = 233 %.
    expect(reason).toContain("Enterprise ROI 233 %");
  });

  it("says which candidate falls below the hurdle, with ROI and hurdle as percentages", () => {
    // Enterprise ROI (142 - 100) / 100 = 42 %; Consumer's (142 - 1,000) / 1,000 = -86 %.
    const d = chooseTier({ ...BASE, value: 142, enterpriseCost: 100, consumerCost: 1000 });
    expect(d.tier).toBe("None");
    const reason = explainDecision(d);
    expect(reason).toContain("Enterprise ROI 42 % is below the hurdle 100 %");
    expect(reason).toContain("Consumer ROI -86 % is below the hurdle 100 %");
  });

  it("gives the hurdle in use", () => {
    const d = chooseTier({ ...BASE, value: 142, enterpriseCost: 100, consumerCost: 1000, hurdleRoi: 0.5 });
    expect(explainDecision(d)).toContain("Enterprise ROI 42 % is below the hurdle 50 %");
  });

  it("names both candidates when both clear the hurdle, with their ROIs", () => {
    // Enterprise ROI 233 %, net 700; Consumer ROI 900 %, net 900.
    const d = chooseTier(BASE);
    expect(d.tier).toBe("Consumer");
    const reason = explainDecision(d);
    expect(reason).toContain("Consumer");
    expect(reason).toContain("Enterprise");
    expect(reason).toContain("100 %");
  });

  it("gives a ROI above 1,000 % in full", () => {
    // Enterprise ROI (8,430 - 100) / 100 = 8,330 %.
    const d = chooseTier({ ...BASE, value: 8430, enterpriseCost: 100, sensitiveData: true });
    expect(explainDecision(d)).toContain("Enterprise ROI 8,330 %");
  });

  it("speaks of a free candidate without a ROI", () => {
    const d = chooseTier({ ...BASE, enterpriseCost: 0, sensitiveData: true });
    const reason = explainDecision(d);
    expect(reason).toContain("Enterprise");
    expect(reason).not.toMatch(/null|NaN|Infinity|undefined/);
  });
});

describe("the Reason for the tier that stands", () => {
  it("a tier set by hand says so and what the model chose", () => {
    const d = chooseTier(BASE);
    expect(d.tier).toBe("Consumer");
    expect(explainTier("Enterprise", d)).toBe("Set by hand; the model chose Consumer");
    expect(explainTier("None", d)).toBe("Set by hand; the model chose Consumer");
  });

  it("a tier set by hand to the model's own still says it was set by hand", () => {
    const d = chooseTier(BASE);
    const reason = explainTier("Consumer", d);
    expect(reason).toMatch(/^Set by hand/);
    expect(reason).toContain("Consumer");
  });

  it("without a tier set by hand it is the model's reason", () => {
    const d = chooseTier({ ...BASE, sensitiveData: true });
    expect(explainTier(null, d)).toBe(explainDecision(d));
  });

  it("never shows a missing number, whatever the figures", () => {
    const amount = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e9, noNaN: true }));
    const need = fc.constantFrom<IntegrationNeed>("none", "light", "deep");
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        fc.boolean(),
        need,
        fc.double({ min: 0, max: 10, noNaN: true }),
        (v, ce, cc, s, i, h) => {
          const d = chooseTier({
            value: v,
            enterpriseCost: ce,
            consumerCost: cc,
            sensitiveData: s,
            integration: i,
            hurdleRoi: h,
          });
          const reason = explainDecision(d);
          expect(reason).not.toMatch(/null|NaN|Infinity|undefined/);
          expect(reason).toContain(d.tier === "Consumer" ? "Consumer" : "Enterprise");
        },
      ),
    );
  });
});
