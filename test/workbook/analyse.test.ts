import { DEFAULT_ASSUMPTIONS, explainTier, type Assumptions } from "../../src/model";
import { AnalysisError, analyseGrid, analyseReading } from "../../src/workbook/analyse";
import type { SourceGrid } from "../../src/workbook/port";
import { TableError } from "../../src/workbook/read/tableError";
import {
  SAMPLE_COMPARISON,
  SAMPLE_ENTERPRISE_SHARE,
  SAMPLE_INFLATION_FACTOR,
  SAMPLE_ROWS,
  roundsTo,
  sampleGrid,
} from "./read/sampleGrid";
import { SAMPLE_BREAKEVEN, SAMPLE_RAMP, SAMPLE_SENSITIVITY, SAMPLE_VENDOR } from "../support/sampleFigures";

const WHEN = new Date(Date.UTC(2026, 10, 24, 9, 30));

/** sample.md's last sentence: the table names no vendor for the integrated workflows, 87 % over 3 years. */
const SAMPLE_VENDOR_WARNING = expect.stringMatching(
  /^The table names no vendor for the integrated workflows, which carry 87 % of the portfolio's value over 3 years/,
);

describe("analyseGrid on the sample company (sample.md)", () => {
  const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, {}, WHEN);

  it("reads all seven rows and records the source and time", () => {
    expect(analysis.reading.rejected).toEqual([]);
    expect(analysis.reading.warnings).toEqual([SAMPLE_VENDOR_WARNING]);
    expect(analysis.analyses).toHaveLength(7);
    expect(analysis.source).toEqual({ sheet: "Workflows", address: "A1:H8" });
    expect(analysis.analysedAt).toBe(WHEN);
    expect(analysis.overrides).toEqual({});
  });

  it("gives each workflow sample.md's tier and figures", () => {
    SAMPLE_ROWS.forEach(([name, tier, annualValue, annualCost, oneTime, pvBenefits, pvCosts], i) => {
      const a = analysis.analyses[i];
      expect(a.workflow.name).toBe(name);
      expect(a.tier).toBe(tier);
      const shown = [annualValue, annualCost, oneTime, pvBenefits, pvCosts];
      const actual = [
        a.chosen.annualValue,
        a.chosen.annualCost,
        a.chosen.oneTimeCost,
        a.chosen.pvBenefits,
        a.chosen.pvCosts,
      ];
      actual.forEach((value, j) => expect(roundsTo(value, shown[j], 0)).toBe(true));
    });
  });

  it("compares the plans as sample.md does", () => {
    const { perSeat, portfolio } = analysis.comparison;
    const fields = [
      "seats",
      "annualCost",
      "oneTimeCost",
      "annualValue",
      "pvBenefits",
      "pvCosts",
      "npv",
      "roi",
      "costPerUnitOfValue",
    ] as const;
    const decimals = [0, 0, 0, 0, 0, 0, 0, 3, 4];
    SAMPLE_COMPARISON.forEach(([, seat, folio], i) => {
      expect(roundsTo(perSeat[fields[i]] as number, seat, decimals[i])).toBe(true);
      expect(roundsTo(portfolio[fields[i]] as number, folio, decimals[i])).toBe(true);
    });
    expect(roundsTo(analysis.comparison.inflationFactor!, SAMPLE_INFLATION_FACTOR, 2)).toBe(true);
    expect(roundsTo(analysis.comparison.enterpriseShareOfValue!, SAMPLE_ENTERPRISE_SHARE, 3)).toBe(true);
  });
});

describe("tiers set by hand", () => {
  it("applies a tier set by hand, found by name ignoring case and outer spaces, and records it as written in the table", () => {
    const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, { "  operations REPORTS ": "Enterprise" }, WHEN);
    const row = analysis.analyses.find((a) => a.workflow.name === "Operations reports")!;
    expect(row.tier).toBe("Enterprise");
    expect(row.override).toBe("Enterprise");
    expect(row.decision.tier).toBe("Consumer");
    expect(explainTier(row.override, row.decision)).toBe("Set by hand; the model chose Consumer");
    expect(analysis.overrides).toEqual({ "Operations reports": "Enterprise" });
    expect(analysis.reading.warnings).toEqual([SAMPLE_VENDOR_WARNING]);
  });

  it("refuses Consumer for sensitive data with a warning, never an exception", () => {
    const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, { "Contract review": "Consumer" }, WHEN);
    const row = analysis.analyses.find((a) => a.workflow.name === "Contract review")!;
    expect(row.tier).toBe("Enterprise");
    expect(row.override).toBeNull();
    expect(analysis.overrides).toEqual({});
    expect(analysis.reading.warnings).toEqual([
      expect.stringMatching(/"Contract review" handles sensitive data/),
      SAMPLE_VENDOR_WARNING,
    ]);
  });

  it("warns about a tier set by hand for a workflow that was not analysed, or a tier that does not exist", () => {
    const overrides = { Payroll: "None", "Operations reports": "Gold" } as unknown as Record<string, "None">;
    const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, overrides, WHEN);
    expect(analysis.analyses.find((a) => a.workflow.name === "Operations reports")!.tier).toBe("Consumer");
    expect(analysis.reading.warnings).toHaveLength(3);
    expect(analysis.reading.warnings.join("\n")).toMatch(/"Payroll"/);
    expect(analysis.reading.warnings.join("\n")).toMatch(/Gold/);
  });
});

describe("assumptions and tables the analysis cannot run on", () => {
  it("throws an AnalysisError naming the assumption", () => {
    const bad: Assumptions = { ...DEFAULT_ASSUMPTIONS, discountRate: 1.5 };
    expect(() => analyseGrid(sampleGrid(), bad)).toThrow(AnalysisError);
    expect(() => analyseGrid(sampleGrid(), bad)).toThrow(/discountRate/);
  });

  it("throws an AnalysisError where the headcount is below the analysed people", () => {
    const low: Assumptions = { ...DEFAULT_ASSUMPTIONS, headcount: 150 };
    expect(() => analyseGrid(sampleGrid(), low)).toThrow(AnalysisError);
    expect(() => analyseGrid(sampleGrid(), low)).toThrow(/150 .*200 people/);
    const enough = analyseGrid(sampleGrid(), { ...DEFAULT_ASSUMPTIONS, headcount: 250 });
    expect(enough.comparison.perSeat.seats).toBe(250);
  });

  it("lets a table error through as a TableError", () => {
    const grid: SourceGrid = {
      sheet: "S",
      address: "A1:B2",
      firstRow: 1,
      firstColumn: 1,
      values: [
        ["Region", "Sales"],
        ["x", 1],
      ],
    };
    expect(() => analyseGrid(grid, DEFAULT_ASSUMPTIONS)).toThrow(TableError);
  });

  it("analyses only the rows read, with an empty portfolio where every row is rejected", () => {
    const grid: SourceGrid = {
      sheet: "S",
      address: "A1:E2",
      firstRow: 1,
      firstColumn: 1,
      values: [
        ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
        ["A", "lots", 1, 1, 1],
      ],
    };
    const reading = analyseGrid(grid, DEFAULT_ASSUMPTIONS).reading;
    const analysis = analyseReading({ sheet: "S", address: "A1:E2" }, reading, DEFAULT_ASSUMPTIONS);
    expect(analysis.analyses).toEqual([]);
    expect(analysis.reading.rejected).toHaveLength(1);
    expect(analysis.comparison.portfolio.pvBenefits).toBe(0);
    expect(analysis.comparison.inflationFactor).toBeNull();
  });
});

describe("the analysis's new figures for the sample company (sample.md)", () => {
  const analysis = analyseGrid(sampleGrid(), DEFAULT_ASSUMPTIONS, {}, WHEN);

  it("break-even minutes and safety margin on every row", () => {
    for (const expected of SAMPLE_BREAKEVEN) {
      const row = analysis.analyses.find((a) => a.workflow.name === expected.workflow)!;
      expect(row.breakevenMinutes).toBeCloseTo(expected.breakevenMinutes, 2);
      expect(row.safetyMargin).toBeCloseTo(expected.safetyMargin, 3);
      expect(row.survival).toBe(0.9);
    }
  });

  it("AI Vendors: one (no vendor named) row", () => {
    expect(analysis.vendors).toHaveLength(1);
    expect(analysis.vendors[0].vendor).toBe(SAMPLE_VENDOR.vendor);
    expect(analysis.vendors[0].pvBenefitsAtStake).toBeCloseTo(SAMPLE_VENDOR.pvBenefitsAtStake, 0);
    expect(analysis.vendors[0].chanceOfFailure).toBeCloseTo(SAMPLE_VENDOR.chanceOfFailure, 3);
  });

  it("the yearly budget's net present value is the portfolio's NPV, and the bars start from it", () => {
    expect(analysis.budget.portfolio.net.presentValue).toBeCloseTo(926586, 0);
    expect(analysis.budget.perSeat.net.presentValue).toBeCloseTo(357709, 0);
    expect(analysis.baseNpv).toBe(analysis.comparison.portfolio.npv);
    expect(analysis.sensitivity.map((b) => b.input)).toEqual(SAMPLE_SENSITIVITY.map((b) => b.input));
  });

  it("no currency: the CSV has no formats and none was chosen", () => {
    expect(analysis.currency).toBeNull();
  });

  it("with a 6-month ramp the tiers stand, the NPVs are sample.md's and the factor stays 1.51", () => {
    const ramped = analyseGrid(sampleGrid(), { ...DEFAULT_ASSUMPTIONS, rampMonths: SAMPLE_RAMP.rampMonths }, {}, WHEN);
    expect(ramped.analyses.map((a) => a.tier)).toEqual(analysis.analyses.map((a) => a.tier));
    expect(ramped.comparison.portfolio.npv).toBeCloseTo(SAMPLE_RAMP.portfolioNpv, 0);
    expect(ramped.comparison.perSeat.npv).toBeCloseTo(SAMPLE_RAMP.perSeatNpv, 0);
    expect(ramped.comparison.inflationFactor).toBeCloseTo(SAMPLE_RAMP.inflationFactor, 2);
    expect(ramped.sensitivity.some((b) => b.input === "rampMonths")).toBe(true);
  });
});

describe("vendors read from the table", () => {
  const headers = [
    "Workflow",
    "People",
    "Tasks per person per month",
    "Minutes saved per task",
    "Hourly cost",
    "Integration",
    "Vendor",
    "Vendor survival",
  ];
  function grid(rows: (string | number | null)[][]): SourceGrid {
    return { sheet: "S", address: "A1:H9", firstRow: 1, firstColumn: 1, values: [headers, ...rows] };
  }

  it("a row without a figure takes its vendor's, and two figures for one vendor are a warning", () => {
    const analysis = analyseGrid(
      grid([
        ["A", 10, 200, 20, 80, "deep", "Acme", null],
        ["B", 10, 200, 20, 80, "deep", " ACME ", "95%"],
        ["C", 10, 200, 20, 80, "deep", "acme", 0.7],
        ["D", 10, 200, 20, 80, "deep", null, null],
      ]),
      DEFAULT_ASSUMPTIONS,
    );
    expect(analysis.analyses.map((a) => a.survival)).toEqual([0.95, 0.95, 0.7, 0.9]);
    expect(analysis.reading.warnings.filter((w) => /has two survival figures/.test(w))).toHaveLength(1);
    expect(analysis.vendors.map((v) => [v.vendor, v.survival])).toEqual([
      ["Acme", 0.95],
      ["(no vendor named)", 0.9],
    ]);
    // Acme's survival is given, so only the unnamed vendor (a quarter of the value) is asked about.
    expect(analysis.reading.warnings.filter((w) => /check its stability/.test(w))).toEqual([
      expect.stringMatching(/^The table names no vendor for the integrated workflows, which carry \d+ %/),
    ]);
  });
});

describe("the money currency", () => {
  function withFormats(formats: (string | null)[]): SourceGrid {
    return { ...sampleGrid(), columnFormats: formats };
  }

  it("is the source's money format's, where it carries one", () => {
    const analysis = analyseGrid(
      withFormats([null, "0", "0", "0", "[$€-407] #,##0", null, null, null]),
      DEFAULT_ASSUMPTIONS,
      {},
      WHEN,
      "$",
    );
    expect(analysis.currency).toBe("€");
  });

  it("else the currency chosen, else none", () => {
    expect(
      analyseGrid(withFormats([null, null, null, null, "#,##0"]), DEFAULT_ASSUMPTIONS, {}, WHEN, "£").currency,
    ).toBe("£");
    expect(
      analyseGrid(withFormats([null, null, null, null, "#,##0"]), DEFAULT_ASSUMPTIONS, {}, WHEN).currency,
    ).toBeNull();
  });

  it("analyseReading takes the formats from its source", () => {
    const grid = withFormats([null, null, null, null, '"$"#,##0']);
    const reading = analyseGrid(grid, DEFAULT_ASSUMPTIONS).reading;
    expect(analyseReading(grid, reading, DEFAULT_ASSUMPTIONS, {}, WHEN, "kr").currency).toBe("$");
  });
});
