import fc from "fast-check";
import {
  analysePortfolio,
  DEFAULT_ASSUMPTIONS,
  SENSITIVITY_INPUTS,
  sensitivityBars,
  type Assumptions,
  type IntegrationNeed,
  type SensitivityBar,
  type Tier,
  type Workflow,
} from "../../src/model";
import { SAMPLE_SENSITIVITY } from "../support/sampleFigures";
import { sampleWorkflows } from "./sampleWorkflows";

/**
 * A number with two decimals in [min, max]: fc.double favours extremes such as 1e-300, which leave the
 * figures near zero and a wrong formula unseen.
 */
function decimal(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((cents) => cents / 100);
}

const A = DEFAULT_ASSUMPTIONS;

function barsOf(workflows: readonly Workflow[], a: Assumptions, overrides: (Tier | null)[] = []): SensitivityBar[] {
  return sensitivityBars(workflows, a, overrides, analysePortfolio(workflows, a, overrides));
}

describe("the sample's bars (sample.md, swing 0.2)", () => {
  const bars = barsOf(sampleWorkflows(), A);

  it("are listed widest first, the tied seat prices in model.md's order, and no ramp bar at 0 months", () => {
    expect(bars.map((b) => b.input)).toEqual(SAMPLE_SENSITIVITY.map((b) => b.input));
  });

  it.each(SAMPLE_SENSITIVITY.map((b) => [b.input, b] as const))("%s", (input, expected) => {
    const bar = bars.find((b) => b.input === input)!;
    expect(bar.npvLow).toBeCloseTo(expected.npvLow, 0);
    expect(bar.npvHigh).toBeCloseTo(expected.npvHigh, 0);
    expect(bar.spread).toBeCloseTo(Math.abs(expected.npvHigh - expected.npvLow), 0);
    if (expected.inflationFactorLow !== undefined)
      expect(bar.inflationFactorLow).toBeCloseTo(expected.inflationFactorLow, 3);
    if (expected.inflationFactorHigh !== undefined)
      expect(bar.inflationFactorHigh).toBeCloseTo(expected.inflationFactorHigh, 3);
    if (expected.lowValue !== undefined) expect(bar.lowValue).toBeCloseTo(expected.lowValue, 10);
    if (expected.highValue !== undefined) expect(bar.highValue).toBeCloseTo(expected.highValue, 10);
    expect([bar.tiersChangedLow, bar.tiersChangedHigh]).toEqual([0, 0]);
  });

  it("shows the moved value for one assumption and the factor for the bars that move many", () => {
    const byInput = Object.fromEntries(bars.map((b) => [b.input, b]));
    expect([byInput.valueEstimate.lowValue, byInput.valueEstimate.highValue, byInput.valueEstimate.isFactor]).toEqual([
      0.8,
      1.2,
      true,
    ]);
    expect(byInput.integrationCost.isFactor).toBe(true);
    expect(byInput.discountRate.lowValue).toBeCloseTo(0.08, 12);
    expect(byInput.discountRate.highValue).toBeCloseTo(0.12, 12);
    expect(byInput.enterpriseSeatPrice.lowValue).toBeCloseTo(24, 12);
    expect(byInput.consumerSeatPrice.highValue).toBeCloseTo(24, 12);
    expect(byInput.integrationUpkeep.highValue).toBeCloseTo(0.18, 12);
    expect(byInput.horizon.isFactor).toBe(false);
  });
});

describe("the bounds", () => {
  it("the horizon stays within 1 to 30", () => {
    const low = barsOf(sampleWorkflows(), { ...A, years: 1 }).find((b) => b.input === "horizon")!;
    expect([low.lowValue, low.highValue]).toEqual([1, 2]);
    const high = barsOf(sampleWorkflows(), { ...A, years: 30 }).find((b) => b.input === "horizon")!;
    expect([high.lowValue, high.highValue]).toEqual([29, 30]);
  });

  it("shares stay within 0 to 1; an input whose two ends equal its value still gets its bar", () => {
    const bars = barsOf(sampleWorkflows(), { ...A, vendorSurvival: 1, integrationUpkeep: 0, discountRate: 0.9 });
    const byInput = Object.fromEntries(bars.map((b) => [b.input, b]));
    expect(byInput.vendorSurvival.lowValue).toBeCloseTo(0.8, 12);
    expect(byInput.vendorSurvival.highValue).toBe(1);
    expect([byInput.integrationUpkeep.lowValue, byInput.integrationUpkeep.highValue]).toEqual([0, 0]);
    expect(byInput.integrationUpkeep.spread).toBe(0);
    expect(byInput.discountRate.highValue).toBe(1);
  });

  it("ramp months get a bar when above 0, kept within 0 to 12", () => {
    const bars = barsOf(sampleWorkflows(), { ...A, rampMonths: 11 });
    const ramp = bars.find((b) => b.input === "rampMonths")!;
    expect(ramp.lowValue).toBeCloseTo(8.8, 12);
    expect(ramp.highValue).toBe(12);
    expect(ramp.npvHigh).toBeLessThan(ramp.npvLow);
  });

  it("a swing of 0 gives every bar a zero spread, listed in model.md's order", () => {
    const bars = barsOf(sampleWorkflows(), { ...A, sensitivitySwing: 0, rampMonths: 2 });
    expect(bars.map((b) => b.input)).toEqual(["horizon", ...SENSITIVITY_INPUTS.slice(1)]);
    for (const bar of bars.slice(1)) expect(bar.spread).toBe(0);
  });
});

describe("each bar is a full re-analysis with the moved inputs", () => {
  const share = decimal(0, 1);
  const workflow: fc.Arbitrary<Workflow> = fc.record({
    name: fc.string(),
    people: decimal(0, 300),
    tasksPerPersonPerMonth: decimal(0, 300),
    minutesSavedPerTask: decimal(0, 90),
    hourlyCost: decimal(0, 200),
    adoption: fc.option(share),
    sensitiveData: fc.boolean(),
    integration: fc.constantFrom<IntegrationNeed>("none", "light", "deep"),
    integrationCost: fc.option(decimal(0, 2e5)),
    vendor: fc.option(fc.constantFrom("Acme", "acme ", "Beta")),
    vendorSurvival: fc.option(share),
  });
  const swing = decimal(0, 0.9);
  const ramp = fc.oneof(fc.constant(0), decimal(0.5, 12));

  /** What model.md says each end is, written out directly from the assumptions and rows. */
  function moved(input: string, f: number, a: Assumptions, rows: Workflow[]): [Assumptions, Workflow[]] {
    const share = (x: number) => Math.min(1, Math.max(0, x));
    switch (input) {
      case "horizon":
        return [{ ...a, years: Math.min(30, Math.max(1, a.years + (f < 1 ? -1 : 1))) }, rows];
      case "valueEstimate":
        return [a, rows.map((w) => ({ ...w, minutesSavedPerTask: w.minutesSavedPerTask * f }))];
      case "discountRate":
        return [{ ...a, discountRate: share(a.discountRate * f) }, rows];
      case "vendorSurvival":
        return [
          { ...a, vendorSurvival: share(a.vendorSurvival * f) },
          rows.map((w) => ({ ...w, vendorSurvival: w.vendorSurvival === null ? null : share(w.vendorSurvival * f) })),
        ];
      case "enterpriseSeatPrice":
        return [{ ...a, enterpriseSeatPrice: a.enterpriseSeatPrice * f }, rows];
      case "consumerSeatPrice":
        return [{ ...a, consumerSeatPrice: a.consumerSeatPrice * f }, rows];
      case "integrationCost":
        return [
          {
            ...a,
            integrationCost: {
              none: a.integrationCost.none * f,
              light: a.integrationCost.light * f,
              deep: a.integrationCost.deep * f,
            },
          },
          rows.map((w) => ({ ...w, integrationCost: w.integrationCost === null ? null : w.integrationCost * f })),
        ];
      case "integrationUpkeep":
        return [{ ...a, integrationUpkeep: share(a.integrationUpkeep * f) }, rows];
      case "rampMonths":
        return [{ ...a, rampMonths: Math.min(12, a.rampMonths * f) }, rows];
    }
    throw new Error(input);
  }

  it("NPV, inflation factor and tiers changed at each end, and the tiers set by hand kept", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(workflow, fc.constantFrom<Tier | null>(null, null, "Enterprise", "None")), { maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        swing,
        ramp,
        (rows, years, w, rampMonths) => {
          const workflows = rows.map(([row]) => row);
          const overrides = rows.map(([, t]) => t);
          const a = { ...A, years, sensitivitySwing: w, rampMonths };
          const base = analysePortfolio(workflows, a, overrides);
          const bars = sensitivityBars(workflows, a, overrides, base);
          expect(bars.map((b) => b.input).sort()).toEqual(
            SENSITIVITY_INPUTS.filter((i) => i !== "rampMonths" || rampMonths > 0).sort(),
          );
          for (const bar of bars) {
            const ends = [1 - w, 1 + w].map((f) => {
              const [ma, mw] = moved(bar.input, f, a, workflows);
              const run = analysePortfolio(mw, ma, overrides);
              const changed = run.analyses.filter((r, i) => r.tier !== base.analyses[i].tier).length;
              run.analyses.forEach((r, i) => overrides[i] !== null && expect(r.tier).toBe(overrides[i]));
              return { npv: run.comparison.portfolio.npv, factor: run.comparison.inflationFactor, changed };
            });
            expect([bar.npvLow, bar.npvHigh]).toEqual([ends[0].npv, ends[1].npv]);
            expect([bar.inflationFactorLow, bar.inflationFactorHigh]).toEqual([ends[0].factor, ends[1].factor]);
            expect([bar.tiersChangedLow, bar.tiersChangedHigh]).toEqual([ends[0].changed, ends[1].changed]);
            expect(bar.spread).toBe(Math.abs(ends[1].npv - ends[0].npv));
          }
          for (let i = 1; i < bars.length; i++) {
            const [prev, next] = [bars[i - 1], bars[i]];
            const tie = Math.abs(prev.spread - next.spread) <= 1e-9 * Math.max(prev.spread, next.spread);
            if (tie)
              expect(SENSITIVITY_INPUTS.indexOf(prev.input)).toBeLessThan(SENSITIVITY_INPUTS.indexOf(next.input));
            else expect(prev.spread).toBeGreaterThan(next.spread);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("moving the enterprise seat price moves the per-seat plan too", () => {
    const bars = barsOf(sampleWorkflows(), A);
    const bar = bars.find((b) => b.input === "enterpriseSeatPrice")!;
    const low = analysePortfolio(sampleWorkflows(), { ...A, enterpriseSeatPrice: 24 }).comparison;
    expect(bar.inflationFactorLow).toBe(low.inflationFactor);
    expect(low.perSeat.annualCost).toBeCloseTo(200 * 24 * 12, 6);
  });

  it("a table where a swing flips tiers counts them", () => {
    // A swing of 0.9 leaves a tenth of every minute saved: the Enterprise rows no longer clear the hurdle.
    const bars = barsOf(sampleWorkflows(), { ...A, sensitivitySwing: 0.9 });
    const value = bars.find((b) => b.input === "valueEstimate")!;
    expect(value.tiersChangedLow).toBeGreaterThan(0);
  });
});
