import {
  analyseWorkflow,
  checkAssumptions,
  comparePlans,
  tierAllowed,
  TIERS,
  totalPeople,
  type Assumptions,
  type Tier,
  type WorkflowAnalysis,
} from "../model";
import type { SourceGrid } from "./port";
import { readWorkflowTable } from "./read/readTable";
import type { Analysis, TableReading } from "./reading";

/** Assumptions the model cannot run on; its message is for the user. */
export class AnalysisError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnalysisError";
  }
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Analyses every workflow read, with the tiers set by hand (looked up by name, ignoring case and outer spaces),
 * and compares the two plans. A tier set by hand that the model refuses (Consumer on sensitive data) or that
 * names no analysed workflow is not applied and becomes a warning: a saved choice must not stop an analysis.
 */
export function analyseReading(
  source: { sheet: string; address: string },
  reading: TableReading,
  assumptions: Assumptions,
  overrides: Record<string, Tier> = {},
  analysedAt: Date = new Date(),
): Analysis {
  const problems = checkAssumptions(assumptions);
  if (problems.length > 0) throw new AnalysisError(problems.map((p) => p.message).join("; "));

  const wanted = new Map(Object.entries(overrides).map(([name, tier]) => [nameKey(name), { name, tier }]));
  const warnings = [...reading.warnings];
  const applied: Record<string, Tier> = {};
  const analyses: WorkflowAnalysis[] = reading.workflows.map(({ workflow }) => {
    const key = nameKey(workflow.name);
    const override = wanted.get(key);
    wanted.delete(key);
    if (override === undefined) return analyseWorkflow(workflow, assumptions);
    if (!TIERS.includes(override.tier)) {
      warnings.push(
        `The tier set by hand for "${workflow.name}" (${String(override.tier)}) is not one of ${TIERS.join(", ")}, so it was not applied.`,
      );
      return analyseWorkflow(workflow, assumptions);
    }
    if (!tierAllowed(workflow, override.tier)) {
      warnings.push(
        `"${workflow.name}" handles sensitive data, so the tier set by hand (${override.tier}) was not applied; the model's choice stands.`,
      );
      return analyseWorkflow(workflow, assumptions);
    }
    applied[workflow.name] = override.tier;
    return analyseWorkflow(workflow, assumptions, override.tier);
  });
  for (const { name, tier } of wanted.values()) {
    warnings.push(`The tier set by hand for "${name}" (${tier}) was not applied: no analysed workflow has that name.`);
  }

  const people = totalPeople(analyses);
  if (assumptions.headcount !== null && assumptions.headcount < people) {
    throw new AnalysisError(
      `Headcount ${assumptions.headcount} is below the ${people} people of the analysed workflows: ` +
        `enter at least ${people}, or leave it empty to use that sum.`,
    );
  }
  return {
    source: { sheet: source.sheet, address: source.address },
    assumptions,
    reading: { ...reading, warnings },
    analyses,
    overrides: applied,
    comparison: comparePlans(analyses, assumptions),
    analysedAt,
  };
}

/** Reads a source table and analyses it: what the wizard and the command line run. */
export function analyseGrid(
  grid: SourceGrid,
  assumptions: Assumptions,
  overrides: Record<string, Tier> = {},
  analysedAt: Date = new Date(),
): Analysis {
  return analyseReading(grid, readWorkflowTable(grid), assumptions, overrides, analysedAt);
}
