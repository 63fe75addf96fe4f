import type { AnalysisLayout } from "../layout";
import type { Analysis } from "../reading";
import { allocationSheet } from "./allocationSheet";
import { assumptionsSheet } from "./assumptionsSheet";
import { comparisonSheet } from "./comparisonSheet";

/** The three sheets of sheets.md, as plain data for an adapter to write: AI Assumptions, AI Allocation, AI Comparison. */
export function buildAnalysisLayout(analysis: Analysis): AnalysisLayout {
  return { sheets: [assumptionsSheet(analysis), allocationSheet(analysis), comparisonSheet(analysis)] };
}
