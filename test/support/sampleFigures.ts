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
