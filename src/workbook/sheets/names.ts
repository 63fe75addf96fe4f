import type { SheetRole } from "../layout";

/** The names the add-in wants for its sheets (sheets.md); an adapter picks a free one where a foreign sheet holds one. */
export const SHEET_NAMES: Readonly<Record<SheetRole, string>> = Object.freeze({
  assumptions: "AI Assumptions",
  allocation: "AI Allocation",
  comparison: "AI Comparison",
});

export const ALLOCATION_TABLE = "AIAllocation";
export const COMPARISON_TABLE = "AIComparison";
