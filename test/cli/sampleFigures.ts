/** docs/spec/sample.md's tables, typed from the spec (rounded there; the code computes unrounded). */

export interface SampleRow {
  workflow: string;
  tier: string;
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

/** [Per-seat, Workflow portfolio, Difference], and the decimals sample.md rounds each row to. */
export const SAMPLE_COMPARISON: Record<string, { values: [number, number, number]; tolerance: number }> = {
  Seats: { values: [200, 100, -100], tolerance: 0 },
  "Annual cost": { values: [72000, 46800, -25200], tolerance: 0.5 },
  "One-time cost": { values: [0, 120000, 120000], tolerance: 0.5 },
  "Annual value": { values: [215840, 478560, 262720], tolerance: 0.5 },
  "PV benefits": { values: [536762, 1190108, 653346], tolerance: 0.5 },
  "PV costs": { values: [179053, 263522, 84469], tolerance: 0.5 },
  NPV: { values: [357709, 926586, 568877], tolerance: 0.5 },
  ROI: { values: [1.998, 3.516, 1.518], tolerance: 0.0005 },
  "Cost per unit of value": { values: [0.3336, 0.2214, -0.1122], tolerance: 0.00005 },
};

export const SAMPLE_INFLATION_FACTOR = 1.51;
export const SAMPLE_ENTERPRISE_SHARE = 0.875;
