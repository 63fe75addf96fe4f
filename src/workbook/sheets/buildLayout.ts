import type { AnalysisLayout } from "../layout";
import type { Analysis } from "../reading";
import { allocationSheet } from "./allocationSheet";
import { assumptionsSheet } from "./assumptionsSheet";
import { budgetSheet } from "./budgetSheet";
import { comparisonSheet } from "./comparisonSheet";
import { moneyFormat, priceFormat } from "./formats";
import { sensitivitySheet } from "./sensitivitySheet";
import { vendorsSheet, type DueDiligenceNotes } from "./vendorsSheet";
import { workingsSheet } from "./workingsSheet";

export interface LayoutOptions {
  /** Due-diligence notes typed on AI Vendors in an earlier run, by vendor name (previousRun.ts). */
  dueDiligence?: DueDiligenceNotes;
}

/**
 * The live model of sheets.md as plain data for an adapter to write, in marker.ts's order of roles: AI
 * Assumptions (inputs and named workings), AI Allocation (inputs, then formulas), AI Workings, AI Comparison, AI
 * Budget, AI Vendors (formulas) and AI Sensitivity (values).
 */
export function buildAnalysisLayout(analysis: Analysis, options: LayoutOptions = {}): AnalysisLayout {
  const money = moneyFormat(analysis.currency);
  const price = priceFormat(analysis.currency);
  return {
    sheets: [
      assumptionsSheet(analysis, money, price),
      allocationSheet(analysis, money, price),
      workingsSheet(analysis, money),
      comparisonSheet(analysis, money),
      budgetSheet(analysis, money),
      vendorsSheet(analysis, money, options.dueDiligence),
      sensitivitySheet(analysis, money, price),
    ],
  };
}
