import type { SheetRole } from "../layout";

/** The names the add-in wants for its sheets (sheets.md); an adapter picks a free one where a foreign sheet holds one. */
export const SHEET_NAMES: Readonly<Record<SheetRole, string>> = Object.freeze({
  assumptions: "AI Assumptions",
  allocation: "AI Allocation",
  workings: "AI Workings",
  comparison: "AI Comparison",
  budget: "AI Budget",
  vendors: "AI Vendors",
  sensitivity: "AI Sensitivity",
});

export const ALLOCATION_TABLE = "AIAllocation";
export const WORKINGS_TABLE = "AIWorkings";
export const COMPARISON_TABLE = "AIComparison";
export const BUDGET_TABLE = "AIBudget";
export const VENDORS_TABLE = "AIVendors";
export const SENSITIVITY_TABLE = "AISensitivity";

/** The workbook-level defined names of AI Assumptions' input cells (sheets.md), which every formula names. */
export const INPUT_NAMES = Object.freeze({
  years: "AIBUDGET_Years",
  discountRate: "AIBUDGET_DiscountRate",
  confidence: "AIBUDGET_Confidence",
  adoption: "AIBUDGET_Adoption",
  vendorSurvival: "AIBUDGET_VendorSurvival",
  enterpriseSeatPrice: "AIBUDGET_EnterpriseSeatPrice",
  consumerSeatPrice: "AIBUDGET_ConsumerSeatPrice",
  integrationCostNone: "AIBUDGET_IntegrationCostNone",
  integrationCostLight: "AIBUDGET_IntegrationCostLight",
  integrationCostDeep: "AIBUDGET_IntegrationCostDeep",
  integrationUpkeep: "AIBUDGET_IntegrationUpkeep",
  hurdleRoi: "AIBUDGET_HurdleRoi",
  rampMonths: "AIBUDGET_RampMonths",
  headcount: "AIBUDGET_Headcount",
  sensitivitySwing: "AIBUDGET_SensitivitySwing",
  captureNone: "AIBUDGET_CaptureNone",
  captureLight: "AIBUDGET_CaptureLight",
  captureDeep: "AIBUDGET_CaptureDeep",
});

/** The named workings on AI Assumptions: formulas (and the one value) the other sheets build on. */
export const WORKING_NAMES = Object.freeze({
  annuity: "AIBUDGET_Annuity",
  valueAnnuity: "AIBUDGET_ValueAnnuity",
  yearsWritten: "AIBUDGET_YearsWritten",
});
