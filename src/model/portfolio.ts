import type { Assumptions } from "./assumptions";
import { comparePlans, type PlanComparison } from "./plans";
import type { Tier } from "./tier";
import { resolveSurvivals } from "./vendors";
import { analyseWorkflow, type Workflow, type WorkflowAnalysis } from "./workflow";

/** Every workflow analysed with its vendor's survival, and the two plans: what one run of the model gives. */
export interface PortfolioAnalysis {
  analyses: WorkflowAnalysis[];
  comparison: PlanComparison;
  /** That a vendor has two survival figures, once per such vendor. */
  survivalWarnings: string[];
}

/**
 * Analyses the workflows in table order. `overrides[i]` is the tier set by hand for workflows[i] (null: the
 * model's choice); it must be one `tierAllowed` permits. Assumptions are taken as already checked.
 */
export function analysePortfolio(
  workflows: readonly Workflow[],
  a: Assumptions,
  overrides: readonly (Tier | null)[] = [],
): PortfolioAnalysis {
  const { survivals, warnings } = resolveSurvivals(workflows, a.vendorSurvival);
  const analyses = workflows.map((w, i) => analyseWorkflow(w, a, overrides[i] ?? null, survivals[i]));
  return { analyses, comparison: comparePlans(analyses, a), survivalWarnings: warnings };
}
