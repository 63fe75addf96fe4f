import {
  ASSUMPTION_CATALOGUE,
  DEFAULT_ASSUMPTIONS,
  assumptionValue,
  checkAssumptions,
  type Assumptions,
} from "../../src/model";

describe("the defaults (model.md, 'Defaults for the wizard's assumptions')", () => {
  it("are the table's", () => {
    expect(DEFAULT_ASSUMPTIONS).toEqual({
      years: 3,
      discountRate: 0.1,
      confidence: 0.8,
      adoption: 0.8,
      vendorSurvival: 0.9,
      enterpriseSeatPrice: 30,
      consumerSeatPrice: 20,
      integrationCost: { none: 0, light: 10_000, deep: 50_000 },
      integrationUpkeep: 0.15,
      rampMonths: 0,
      sensitivitySwing: 0.2,
      hurdleRoi: 1,
      headcount: null,
    });
  });

  it("pass the check", () => {
    expect(checkAssumptions({ ...DEFAULT_ASSUMPTIONS })).toEqual([]);
  });
});

function changed(change: Partial<Assumptions>): Assumptions {
  return { ...DEFAULT_ASSUMPTIONS, integrationCost: { ...DEFAULT_ASSUMPTIONS.integrationCost }, ...change };
}

describe("checkAssumptions", () => {
  it.each<[string, Partial<Assumptions>]>([
    ["years", { years: 0 }],
    ["years", { years: 31 }],
    ["years", { years: 2.5 }],
    ["discountRate", { discountRate: -0.01 }],
    ["discountRate", { discountRate: 1.5 }],
    ["confidence", { confidence: 80 }],
    ["adoption", { adoption: -0.2 }],
    ["vendorSurvival", { vendorSurvival: 1.1 }],
    ["enterpriseSeatPrice", { enterpriseSeatPrice: -30 }],
    ["consumerSeatPrice", { consumerSeatPrice: Number.NaN }],
    ["integrationUpkeep", { integrationUpkeep: 2 }],
    ["hurdleRoi", { hurdleRoi: -1 }],
    ["headcount", { headcount: -5 }],
    ["rampMonths", { rampMonths: -1 }],
    ["rampMonths", { rampMonths: 12.5 }],
    ["sensitivitySwing", { sensitivitySwing: 1 }],
    ["sensitivitySwing", { sensitivitySwing: -0.1 }],
    ["integrationCost.light", { integrationCost: { none: 0, light: -1, deep: 50_000 } }],
    ["integrationCost.deep", { integrationCost: { none: 0, light: 10_000, deep: Number.POSITIVE_INFINITY } }],
  ])("reports %s out of range, naming it", (field, change) => {
    const problems = checkAssumptions(changed(change));
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe(field);
    expect(problems[0].message).toContain(field);
  });

  it("says what it got and what it expects", () => {
    const [problem] = checkAssumptions(changed({ adoption: 1.5 }));
    expect(problem.message).toContain("1.5");
    expect(problem.message).toMatch(/between 0 and 1/);
    const [years] = checkAssumptions(changed({ years: 2.5 }));
    expect(years.message).toContain("2.5");
    expect(years.message).toMatch(/whole/);
  });

  it("reports every problem, not only the first", () => {
    const fields = checkAssumptions(changed({ years: 0, confidence: 2, hurdleRoi: -1 })).map((p) => p.field);
    expect(fields.sort()).toEqual(["confidence", "hurdleRoi", "years"]);
  });

  it("reports a value that is not a number", () => {
    const problems = checkAssumptions(changed({ discountRate: "0.1" as unknown as number }));
    expect(problems.map((p) => p.field)).toEqual(["discountRate"]);
  });

  it("accepts the ends of each range", () => {
    expect(
      checkAssumptions(changed({ years: 1, discountRate: 0, confidence: 1, adoption: 0, vendorSurvival: 1 })),
    ).toEqual([]);
    expect(
      checkAssumptions(changed({ years: 30, discountRate: 1, confidence: 0, adoption: 1, vendorSurvival: 0 })),
    ).toEqual([]);
    expect(
      checkAssumptions(changed({ enterpriseSeatPrice: 0, consumerSeatPrice: 0, hurdleRoi: 0, integrationUpkeep: 0 })),
    ).toEqual([]);
  });

  it("ramp months: 0 to 12, fractions allowed; the swing: 0 up to, not including, 1", () => {
    for (const rampMonths of [0, 0.5, 6, 12]) expect(checkAssumptions(changed({ rampMonths }))).toEqual([]);
    for (const sensitivitySwing of [0, 0.2, 0.999]) expect(checkAssumptions(changed({ sensitivitySwing }))).toEqual([]);
    const [ramp] = checkAssumptions(changed({ rampMonths: 13 }));
    expect(ramp.message).toBe("rampMonths must be a number of months from 0 to 12; got 13");
    const [swing] = checkAssumptions(changed({ sensitivitySwing: 1 }));
    expect(swing.message).toBe("sensitivitySwing must be a share from 0 up to, not including, 1; got 1");
  });

  it("accepts a headcount left to the rows or given, fractional included", () => {
    expect(checkAssumptions(changed({ headcount: null }))).toEqual([]);
    expect(checkAssumptions(changed({ headcount: 212.5 }))).toEqual([]);
  });
});

describe("the assumption catalogue (what the wizard and the AI Assumptions sheet show)", () => {
  it("describes every assumption of the defaults table exactly once", () => {
    const keys = Object.entries(DEFAULT_ASSUMPTIONS).flatMap(([key, value]) =>
      typeof value === "object" && value !== null ? Object.keys(value).map((need) => `${key}.${need}`) : [key],
    );
    expect(ASSUMPTION_CATALOGUE.map((d) => d.key).sort()).toEqual(keys.sort());
  });

  it("reads each value by its key, the headcount left to default as null", () => {
    expect(assumptionValue(DEFAULT_ASSUMPTIONS, "integrationCost.deep")).toBe(50_000);
    expect(assumptionValue(DEFAULT_ASSUMPTIONS, "hurdleRoi")).toBe(1);
    expect(assumptionValue(DEFAULT_ASSUMPTIONS, "headcount")).toBeNull();
    for (const d of ASSUMPTION_CATALOGUE) expect(d.label && d.unit && d.note).toBeTruthy();
  });
});
