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
