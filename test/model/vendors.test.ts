import {
  analysePortfolio,
  DEFAULT_ASSUMPTIONS,
  dueDiligenceWarnings,
  resolveSurvivals,
  switchCost,
  UNNAMED_VENDOR,
  vendorKey,
  vendorSummaries,
  type Tier,
  type Workflow,
} from "../../src/model";
import { SAMPLE_VENDOR } from "../support/sampleFigures";
import { sampleWorkflows } from "./sampleWorkflows";

const A = DEFAULT_ASSUMPTIONS;

/** The sample's rows (four Enterprise, two Consumer, one None), each with a vendor and survival of its own. */
function withVendors(vendors: readonly [string | null, number | null][]): Workflow[] {
  return sampleWorkflows().map((w, i) => ({
    ...w,
    vendor: vendors[i]?.[0] ?? null,
    vendorSurvival: vendors[i]?.[1] ?? null,
  }));
}

function relative(received: number, expected: number): void {
  expect(Math.abs(received - expected)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
}

describe("vendor keys", () => {
  it("compare names ignoring case and outer spaces; an empty name is no vendor", () => {
    expect(vendorKey("  Acme AI ")).toBe("acme ai");
    expect(vendorKey("ACME AI")).toBe("acme ai");
    expect(vendorKey("   ")).toBeNull();
    expect(vendorKey(null)).toBeNull();
  });
});

describe("which survival a row's Enterprise option uses", () => {
  it("its own; else the first figure given for its vendor in table order, even by a later row or a None row", () => {
    const rows = withVendors([
      ["Acme", null],
      [" acme ", null],
      ["Beta", 0.7],
      ["Gamma", null],
      ["Delta", null],
      ["Epsilon", null],
      ["ACME", 0.8], // the None row: its figure still counts for its vendor
    ]);
    const { survivals, warnings } = resolveSurvivals(rows, 0.9);
    expect(survivals).toEqual([0.8, 0.8, 0.7, 0.9, 0.9, 0.9, 0.8]);
    expect(warnings).toEqual([]);
  });

  it("a later row with a different figure keeps its own, and the analysis warns once per vendor", () => {
    const rows = withVendors([
      ["Acme", 0.95],
      ["acme", 0.8],
      ["Acme ", 0.6],
      ["Acme", null],
      ["Beta", 0.9],
      ["beta", 0.9],
    ]);
    const { survivals, warnings } = resolveSurvivals(rows, 0.9);
    expect(survivals.slice(0, 6)).toEqual([0.95, 0.8, 0.6, 0.95, 0.9, 0.9]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Vendor "Acme" has two survival figures: "Customer support replies" gives 0\.95/);
    expect(warnings[0]).toMatch(
      /"Sales proposals and RFP answers" gives 0\.8, "Financial analysis and reporting" gives 0\.6/,
    );
  });

  it("no figure for the vendor: the default", () => {
    const rows = withVendors([
      ["Acme", null],
      ["Acme", null],
    ]);
    expect(resolveSurvivals(rows, 0.85).survivals.slice(0, 2)).toEqual([0.85, 0.85]);
  });

  it("unnamed rows never share a figure", () => {
    const rows = withVendors([
      [null, 0.5],
      ["", null],
      ["  ", 0.6],
    ]);
    const { survivals, warnings } = resolveSurvivals(rows, 0.9);
    expect(survivals.slice(0, 3)).toEqual([0.5, 0.9, 0.6]);
    expect(warnings).toEqual([]);
  });

  it("the Enterprise option's expected rebuild uses it; Consumer and the per-seat plan are untouched", () => {
    const plain = analysePortfolio(sampleWorkflows(), A);
    const rows = withVendors([
      ["Acme", 0.5],
      ["acme", null],
      [null, null],
      [null, null],
      ["Acme", null],
      ["Acme", null],
    ]);
    const { analyses, comparison } = analysePortfolio(rows, A);
    expect(analyses[1].survival).toBe(0.5);
    relative(analyses[1].enterprise.switchCost, switchCost(10_000, 3, 0.1, 0.5));
    expect(analyses[2].survival).toBe(0.9);
    expect(analyses[4].consumer).toEqual(plain.analyses[4].consumer);
    expect(comparison.perSeat).toEqual(plain.comparison.perSeat);
  });
});

describe("AI Vendors: one summary per vendor", () => {
  it("in order of first appearance, spelled as first written, then the unnamed vendor; zeros where no row is Enterprise", () => {
    const rows = withVendors([
      [" Acme ", null],
      ["Beta", 0.8],
      ["ACME", 0.95],
      [null, null],
      ["Gamma", 0.5], // Consumer
      ["beta", null],
      ["Gamma", null],
    ]);
    const { analyses, comparison } = analysePortfolio(rows, A);
    const vendors = vendorSummaries(analyses, comparison.portfolio, A);
    expect(vendors.map((v) => [v.vendor, v.key, v.named])).toEqual([
      ["Acme", "acme", true],
      ["Beta", "beta", true],
      ["Gamma", "gamma", true],
      [UNNAMED_VENDOR, UNNAMED_VENDOR, false],
    ]);
    const [acme, beta, gamma, unnamed] = vendors;
    const e = analyses;
    expect(acme).toMatchObject({ survival: 0.95, survivalGiven: true, enterpriseWorkflows: 2 });
    expect(acme.people).toBe(rows[0].people + rows[2].people);
    expect(acme.oneTimeCostAtStake).toBe(10_000 + 50_000);
    relative(acme.pvBenefitsAtStake, e[0].chosen.pvBenefits + e[2].chosen.pvBenefits);
    relative(acme.shareOfPortfolioValue!, acme.pvBenefitsAtStake / comparison.portfolio.pvBenefits);
    relative(acme.expectedRebuildCost, e[0].chosen.switchCost + e[2].chosen.switchCost);
    relative(acme.chanceOfFailure, 1 - 0.95 ** 3);
    expect(beta).toMatchObject({ survival: 0.8, enterpriseWorkflows: 1 });
    expect(gamma).toEqual({
      vendor: "Gamma",
      key: "gamma",
      named: true,
      survival: 0.5,
      survivalGiven: true,
      enterpriseWorkflows: 0,
      people: 0,
      oneTimeCostAtStake: 0,
      pvBenefitsAtStake: 0,
      shareOfPortfolioValue: 0,
      expectedRebuildCost: 0,
      chanceOfFailure: 1 - 0.5 ** 3,
    });
    expect(unnamed).toMatchObject({ survival: 0.9, survivalGiven: false, enterpriseWorkflows: 1 });
  });

  it("the unnamed vendor shows the default even where one of its rows gives a figure: figures never pass between its rows", () => {
    const rows = withVendors([
      [null, 0.5],
      [null, null],
    ]);
    const { analyses, comparison } = analysePortfolio(rows, A);
    const [unnamed] = vendorSummaries(analyses, comparison.portfolio, A);
    expect(unnamed).toMatchObject({ vendor: UNNAMED_VENDOR, survival: 0.9, survivalGiven: false });
    expect(analyses[0].survival).toBe(0.5);
    relative(
      unnamed.expectedRebuildCost,
      analyses.reduce((s, r) => s + (r.tier === "Enterprise" ? r.chosen.switchCost : 0), 0),
    );
  });

  it("a tier set by hand moves a row in or out of its vendor's stake", () => {
    const rows = withVendors([["Acme", null]]);
    const overrides: (Tier | null)[] = ["None"];
    const { analyses, comparison } = analysePortfolio(rows, A, overrides);
    expect(vendorSummaries(analyses, comparison.portfolio, A)[0].enterpriseWorkflows).toBe(0);
  });

  it("the sample: one row, (no vendor named), as sample.md gives it", () => {
    const { analyses, comparison } = analysePortfolio(sampleWorkflows(), A);
    const vendors = vendorSummaries(analyses, comparison.portfolio, A);
    expect(vendors).toHaveLength(1);
    const [v] = vendors;
    expect(v.vendor).toBe(SAMPLE_VENDOR.vendor);
    expect(v.enterpriseWorkflows).toBe(SAMPLE_VENDOR.enterpriseWorkflows);
    expect(v.people).toBe(SAMPLE_VENDOR.people);
    expect(v.oneTimeCostAtStake).toBe(SAMPLE_VENDOR.oneTimeCostAtStake);
    expect(v.pvBenefitsAtStake).toBeCloseTo(SAMPLE_VENDOR.pvBenefitsAtStake, 0);
    expect(v.shareOfPortfolioValue).toBeCloseTo(SAMPLE_VENDOR.shareOfPortfolioValue, 3);
    expect(v.expectedRebuildCost).toBeCloseTo(SAMPLE_VENDOR.expectedRebuildCost, 0);
    expect(v.chanceOfFailure).toBeCloseTo(SAMPLE_VENDOR.chanceOfFailure, 3);
  });
});

describe("the due-diligence warning", () => {
  function warningsFor(rows: Workflow[], overrides: (Tier | null)[] = []): string[] {
    const { analyses, comparison } = analysePortfolio(rows, A, overrides);
    return dueDiligenceWarnings(analyses, comparison.portfolio, A);
  }

  it("the sample: the table names no vendor for the integrated workflows, 87 % over 3 years", () => {
    const warnings = warningsFor(sampleWorkflows());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^The table names no vendor for the integrated workflows, which carry ${SAMPLE_VENDOR.warningPercent} % of the portfolio's value over ${SAMPLE_VENDOR.warningYears} years`,
      ),
    );
    expect(warnings[0]).toMatch(/team depth, funding history, references from current customers/);
  });

  it("a vendor-heavy table warns, naming the vendor", () => {
    const warnings = warningsFor(
      withVendors([
        [null, 0.9],
        [null, 0.9],
        ["Acme", null],
        ["acme", null],
      ]),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/vendor "Acme" carry 47 % of the portfolio's value over 3 years/);
    expect(warnings[0]).toMatch(/enter its Vendor survival/);
  });

  it("does not warn where a row gives the vendor's survival, even a row that is not Enterprise", () => {
    expect(
      warningsFor(
        withVendors([
          [null, 0.9],
          [null, 0.9],
          ["Acme", null],
          ["acme", null],
          [null, null],
          [null, null],
          ["ACME", 0.9],
        ]),
      ),
    ).toEqual([]);
  });

  it("does not warn where the vendor carries less than 25 % of the value", () => {
    // Customer support replies alone: 257,837 of 1,190,108, about 22 %.
    expect(
      warningsFor(
        withVendors([
          ["Acme", null],
          [null, 0.9],
          [null, 0.9],
          [null, 0.9],
        ]),
      ),
    ).toEqual([]);
  });

  it("counts only integrated rows: an Enterprise row with no one-time cost puts nothing at stake", () => {
    const rows = withVendors([
      ["Acme", null],
      ["Acme", null],
      [null, 0.9],
      [null, 0.9],
    ]).map((w, i) => (i < 2 ? { ...w, integrationCost: 0 } : w));
    expect(warningsFor(rows)).toEqual([]);
  });

  it("warns at exactly 25 %, and not at 20 %", () => {
    const row = sampleWorkflows()[0];
    const four = ["A", "B", "C", "D"].map((vendor, i) => ({ ...row, name: `Row ${i}`, vendor }));
    expect(warningsFor(four)).toHaveLength(4);
    expect(warningsFor(four)[0]).toMatch(/carry 25 % of the portfolio's value/);
    const five = ["A", "B", "C", "D", "E"].map((vendor, i) => ({ ...row, name: `Row ${i}`, vendor }));
    expect(warningsFor(five)).toEqual([]);
  });

  it("the unnamed vendor is excused where one of its integrated rows gives a survival", () => {
    expect(warningsFor(withVendors([[null, 0.9]]))).toEqual([]);
  });

  it("a one-year horizon says year", () => {
    const { analyses, comparison } = analysePortfolio(sampleWorkflows(), { ...A, years: 1 });
    const warnings = dueDiligenceWarnings(analyses, comparison.portfolio, { ...A, years: 1 });
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(/over 1 year:/);
  });
});
