import type { Assumptions } from "./assumptions";

/**
 * Every assumption of model.md's defaults table, as a finance user reads it: its label, its unit and a one-line
 * note. The wizard's Assumptions step and the AI Assumptions sheet both show this, so the pane and the sheet
 * never describe the same figure in two ways.
 */

export type AssumptionKey =
  | "years"
  | "discountRate"
  | "confidence"
  | "adoption"
  | "vendorSurvival"
  | "enterpriseSeatPrice"
  | "consumerSeatPrice"
  | "integrationCost.none"
  | "integrationCost.light"
  | "integrationCost.deep"
  | "integrationUpkeep"
  | "hurdleRoi"
  | "rampMonths"
  | "sensitivitySwing"
  | "headcount";

export interface AssumptionDescription {
  key: AssumptionKey;
  label: string;
  unit: string;
  note: string;
}

export const ASSUMPTION_CATALOGUE: readonly AssumptionDescription[] = [
  { key: "years", label: "Horizon", unit: "years", note: "How many years of value and cost the plans count, 1 to 30." },
  {
    key: "discountRate",
    label: "Discount rate",
    unit: "share a year",
    note: "What a year's wait costs: 0.10 makes next year's 110 worth 100 today. Flows fall at year ends.",
  },
  {
    key: "confidence",
    label: "Confidence",
    unit: "share",
    note: "The conservative haircut: 0.8 keeps 80 % of every estimated saving as value.",
  },
  {
    key: "adoption",
    label: "Adoption",
    unit: "share",
    note: "Share of the work that really uses the tool at steady state, where a row gives none of its own.",
  },
  {
    key: "vendorSurvival",
    label: "Vendor survival",
    unit: "share a year",
    note: "Chance the vendor lasts each year; a failure costs one rebuild of the integration.",
  },
  {
    key: "enterpriseSeatPrice",
    label: "Enterprise seat price",
    unit: "per seat a month",
    note: "Licence with data protection, net of any volume discount you expect.",
  },
  {
    key: "consumerSeatPrice",
    label: "Consumer seat price",
    unit: "per seat a month",
    note: "A low-cost general tool; never allowed for sensitive data.",
  },
  {
    key: "integrationCost.none",
    label: "Integration cost, none",
    unit: "one-time",
    note: "Setup for a workflow that needs no integration, where its row gives no cost of its own.",
  },
  {
    key: "integrationCost.light",
    label: "Integration cost, light",
    unit: "one-time",
    note: "Connecting a workflow's data lightly, where its row gives no cost of its own.",
  },
  {
    key: "integrationCost.deep",
    label: "Integration cost, deep",
    unit: "one-time",
    note: "Building AI into a workflow's systems, where its row gives no cost of its own.",
  },
  {
    key: "integrationUpkeep",
    label: "Integration upkeep",
    unit: "share of the integration cost a year",
    note: "Yearly cost of keeping an integration running, added to the Enterprise option's annual cost.",
  },
  {
    key: "hurdleRoi",
    label: "Hurdle ROI",
    unit: "ratio",
    note: "The least return a tier must bring: 1.0 (100 %) means the value at least doubles the cost.",
  },
  {
    key: "rampMonths",
    label: "Ramp months",
    unit: "months",
    note: "Months until adoption is full, rising in a straight line from 0; the first year delivers 1 - months/24 of a full year. 0 to 12.",
  },
  {
    key: "sensitivitySwing",
    label: "Sensitivity swing",
    unit: "share",
    note: "How far AI Sensitivity moves each input down and up, one at a time: 0.2 tries 80 % and 120 % of it.",
  },
  {
    key: "headcount",
    label: "Headcount",
    unit: "people",
    note: "Seats the per-seat plan buys; by default the People of the analysed rows.",
  },
];

/** An assumption's value by its catalogue key; null for a headcount left to default. */
export function assumptionValue(a: Assumptions, key: AssumptionKey): number | null {
  switch (key) {
    case "integrationCost.none":
      return a.integrationCost.none;
    case "integrationCost.light":
      return a.integrationCost.light;
    case "integrationCost.deep":
      return a.integrationCost.deep;
    default:
      return a[key];
  }
}
