import type { Tier } from "../../src/model";

/** docs/spec/sample.md's tables, typed from the spec (rounded there; the code computes unrounded). */

export interface SampleRow {
  workflow: string;
  tier: Tier;
  annualValue: number;
  annualCost: number;
  oneTimeCost: number;
  pvBenefits: number;
  pvCosts: number;
}

export const SAMPLE_ALLOCATION: SampleRow[] = [
  {
    workflow: "Customer support replies",
    tier: "Enterprise",
    annualValue: 103680,
    annualCost: 6900,
    oneTimeCost: 10000,
    pvBenefits: 257837,
    pvCosts: 29421,
  },
  {
    workflow: "Sales proposals and RFP answers",
    tier: "Enterprise",
    annualValue: 92160,
    annualCost: 5100,
    oneTimeCost: 10000,
    pvBenefits: 229188,
    pvCosts: 24944,
  },
  {
    workflow: "Financial analysis and reporting",
    tier: "Enterprise",
    annualValue: 104448,
    annualCost: 10380,
    oneTimeCost: 50000,
    pvBenefits: 259747,
    pvCosts: 87121,
  },
  {
    workflow: "Contract review",
    tier: "Enterprise",
    annualValue: 118272,
    annualCost: 10020,
    oneTimeCost: 50000,
    pvBenefits: 294125,
    pvCosts: 86226,
  },
  {
    workflow: "Operations reports",
    tier: "Consumer",
    annualValue: 33600,
    annualCost: 8400,
    oneTimeCost: 0,
    pvBenefits: 83558,
    pvCosts: 20890,
  },
  {
    workflow: "Internal communications",
    tier: "Consumer",
    annualValue: 26400,
    annualCost: 6000,
    oneTimeCost: 0,
    pvBenefits: 65653,
    pvCosts: 14921,
  },
  {
    workflow: "Warehouse and field operations",
    tier: "None",
    annualValue: 0,
    annualCost: 0,
    oneTimeCost: 0,
    pvBenefits: 0,
    pvCosts: 0,
  },
];

/** sample.md's comparison: [Per-seat, Workflow portfolio, Difference], with the decimals the page shows. */
export interface SampleComparisonRow {
  label: string;
  key:
    | "seats"
    | "annualCost"
    | "oneTimeCost"
    | "annualValue"
    | "pvBenefits"
    | "pvCosts"
    | "npv"
    | "roi"
    | "costPerUnitOfValue";
  values: [number, number, number];
  /** ROI is a ratio here (199.8 % is 1.998), so three decimals. */
  decimals: number;
}

export const SAMPLE_COMPARISON_ROWS: SampleComparisonRow[] = [
  { label: "Seats", key: "seats", values: [200, 100, -100], decimals: 0 },
  { label: "Annual cost", key: "annualCost", values: [72000, 46800, -25200], decimals: 0 },
  { label: "One-time cost", key: "oneTimeCost", values: [0, 120000, 120000], decimals: 0 },
  { label: "Annual value", key: "annualValue", values: [215840, 478560, 262720], decimals: 0 },
  { label: "PV benefits", key: "pvBenefits", values: [536762, 1190108, 653346], decimals: 0 },
  { label: "PV costs", key: "pvCosts", values: [179053, 263522, 84469], decimals: 0 },
  { label: "NPV", key: "npv", values: [357709, 926586, 568877], decimals: 0 },
  { label: "ROI", key: "roi", values: [1.998, 3.516, 1.518], decimals: 3 },
  { label: "Cost per unit of value", key: "costPerUnitOfValue", values: [0.3336, 0.2214, -0.1122], decimals: 4 },
];

/** The same rows by label, with the tolerance that rounding to the page's decimals allows. */
export const SAMPLE_COMPARISON: Record<string, { values: [number, number, number]; tolerance: number }> =
  Object.fromEntries(
    SAMPLE_COMPARISON_ROWS.map((row) => [
      row.label,
      { values: row.values, tolerance: row.key === "seats" ? 0 : 0.5 * 10 ** -row.decimals },
    ]),
  );

export const SAMPLE_INFLATION_FACTOR = 1.51;
export const SAMPLE_ENTERPRISE_SHARE = 0.875;

/** sample.md, "Break-even minutes and safety margin": minutes to two decimals, the margin as a share to 0.001. */
export interface SampleBreakeven {
  workflow: string;
  breakevenMinutes: number;
  safetyMargin: number;
}

export const SAMPLE_BREAKEVEN: SampleBreakeven[] = [
  { workflow: "Customer support replies", breakevenMinutes: 1.14, safetyMargin: 0.772 },
  { workflow: "Sales proposals and RFP answers", breakevenMinutes: 13.06, safetyMargin: 0.782 },
  { workflow: "Financial analysis and reporting", breakevenMinutes: 20.12, safetyMargin: 0.329 },
  { workflow: "Contract review", breakevenMinutes: 35.18, safetyMargin: 0.414 },
  { workflow: "Operations reports", breakevenMinutes: 7.5, safetyMargin: 0.5 },
  { workflow: "Internal communications", breakevenMinutes: 6.82, safetyMargin: 0.545 },
  { workflow: "Warehouse and field operations", breakevenMinutes: 107.14, safetyMargin: -20.429 },
];

/** sample.md's AI Budget table: start, years 1 to 3, total and present value, to the unit. */
export interface SampleBudgetLine {
  line: string;
  plan: "portfolio" | "perSeat";
  key:
    | "enterpriseSeats"
    | "consumerSeats"
    | "integrationBuild"
    | "integrationUpkeep"
    | "expectedRebuild"
    | "totalCost"
    | "value"
    | "net"
    | "seats";
  start: number;
  years: [number, number, number];
  total: number;
  presentValue: number;
}

export const SAMPLE_BUDGET: SampleBudgetLine[] = [
  {
    line: "Enterprise seats",
    plan: "portfolio",
    key: "enterpriseSeats",
    start: 0,
    years: [14400, 14400, 14400],
    total: 43200,
    presentValue: 35811,
  },
  {
    line: "Consumer seats",
    plan: "portfolio",
    key: "consumerSeats",
    start: 0,
    years: [14400, 14400, 14400],
    total: 43200,
    presentValue: 35811,
  },
  {
    line: "Integration build",
    plan: "portfolio",
    key: "integrationBuild",
    start: 120000,
    years: [0, 0, 0],
    total: 120000,
    presentValue: 120000,
  },
  {
    line: "Integration upkeep",
    plan: "portfolio",
    key: "integrationUpkeep",
    start: 0,
    years: [18000, 18000, 18000],
    total: 54000,
    presentValue: 44763,
  },
  {
    line: "Expected rebuild",
    plan: "portfolio",
    key: "expectedRebuild",
    start: 0,
    years: [12000, 10800, 9720],
    total: 32520,
    presentValue: 27137,
  },
  {
    line: "Total cost",
    plan: "portfolio",
    key: "totalCost",
    start: 120000,
    years: [58800, 57600, 56520],
    total: 292920,
    presentValue: 263522,
  },
  {
    line: "Value",
    plan: "portfolio",
    key: "value",
    start: 0,
    years: [478560, 478560, 478560],
    total: 1435680,
    presentValue: 1190108,
  },
  {
    line: "Net",
    plan: "portfolio",
    key: "net",
    start: -120000,
    years: [419760, 420960, 422040],
    total: 1142760,
    presentValue: 926586,
  },
  {
    line: "Per-seat: Seats",
    plan: "perSeat",
    key: "seats",
    start: 0,
    years: [72000, 72000, 72000],
    total: 216000,
    presentValue: 179053,
  },
  {
    line: "Per-seat: Value",
    plan: "perSeat",
    key: "value",
    start: 0,
    years: [215840, 215840, 215840],
    total: 647520,
    presentValue: 536762,
  },
  {
    line: "Per-seat: Net",
    plan: "perSeat",
    key: "net",
    start: 0,
    years: [143840, 143840, 143840],
    total: 431520,
    presentValue: 357709,
  },
];

/** sample.md: a 6-month ramp leaves the tiers; the NPVs and the factor it gives. */
export const SAMPLE_RAMP = { rampMonths: 6, portfolioNpv: 817822, perSeatNpv: 308654, inflationFactor: 1.51 };

/** sample.md's sensitivity bars (swing 0.2), widest first; factors to the decimals the page shows. */
export interface SampleBar {
  input:
    | "horizon"
    | "valueEstimate"
    | "integrationCost"
    | "discountRate"
    | "vendorSurvival"
    | "integrationUpkeep"
    | "enterpriseSeatPrice"
    | "consumerSeatPrice";
  npvLow: number;
  npvHigh: number;
  /** Where the page shows them, to three decimals. */
  inflationFactorLow?: number;
  inflationFactorHigh?: number;
  /** Where the page shows them. */
  lowValue?: number;
  highValue?: number;
}

export const SAMPLE_SENSITIVITY: SampleBar[] = [
  {
    input: "horizon",
    npvLow: 609501,
    npvHigh: 1215509,
    inflationFactorLow: 1.253,
    inflationFactorHigh: 1.679,
    lowValue: 2,
    highValue: 4,
  },
  { input: "valueEstimate", npvLow: 688564, npvHigh: 1164607, inflationFactorLow: 1.507, inflationFactorHigh: 1.507 },
  { input: "integrationCost", npvLow: 964966, npvHigh: 888206, inflationFactorLow: 1.763, inflationFactorHigh: 1.315 },
  { input: "discountRate", npvLow: 964601, npvHigh: 890772 },
  { input: "vendorSurvival", npvLow: 890098, npvHigh: 953723, lowValue: 0.72, highValue: 1 },
  { input: "integrationUpkeep", npvLow: 935538, npvHigh: 917633 },
  { input: "enterpriseSeatPrice", npvLow: 933748, npvHigh: 919424 },
  { input: "consumerSeatPrice", npvLow: 933748, npvHigh: 919424 },
];

/** sample.md's AI Vendors row: no vendor is named. */
export const SAMPLE_VENDOR = {
  vendor: "(no vendor named)",
  enterpriseWorkflows: 4,
  people: 40,
  oneTimeCostAtStake: 120000,
  pvBenefitsAtStake: 1040897,
  shareOfPortfolioValue: 0.875,
  expectedRebuildCost: 27137,
  chanceOfFailure: 0.271,
  /** The warning's share, as a whole percentage, and the horizon. */
  warningPercent: 87,
  warningYears: 3,
};
