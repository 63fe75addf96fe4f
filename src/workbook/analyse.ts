import {
  analysePortfolio,
  budgetSchedule,
  checkAssumptions,
  dueDiligenceWarnings,
  sensitivityBars,
  tierAllowed,
  TIERS,
  vendorSummaries,
  type Assumptions,
  type Tier,
} from "../model";
import { currencyOfColumns } from "./currency";
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

/** Where the table came from; a SourceGrid's column formats, where given, tell the money currency. */
export interface AnalysisSource {
  sheet: string;
  address: string;
  columnFormats?: (string | null)[];
}

/**
 * Analyses every workflow read, with the tiers set by hand (looked up by name, ignoring case and outer spaces),
 * and compares the two plans. A tier set by hand that the model refuses (Consumer on sensitive data) or that
 * names no analysed workflow is not applied and becomes a warning: a saved choice must not stop an analysis.
 * `currency` is the one the user chose, used where the source's money formats carry none.
 */
export function analyseReading(
  source: AnalysisSource,
  reading: TableReading,
  assumptions: Assumptions,
  overrides: Record<string, Tier> = {},
  analysedAt: Date = new Date(),
  currency: string | null = null,
  /**
   * `sensitivity: false` leaves `sensitivity` empty: its bars are 16 more runs of the whole analysis, which the
   * task pane defers on a large table so that a tier change does not hold the page (issue 9, item 4).
   */
  options: { sensitivity?: boolean } = {},
): Analysis {
  const problems = checkAssumptions(assumptions);
  if (problems.length > 0) throw new AnalysisError(problems.map((p) => p.message).join("; "));

  const wanted = new Map(Object.entries(overrides).map(([name, tier]) => [nameKey(name), { name, tier }]));
  const warnings = [...reading.warnings];
  const applied: Record<string, Tier> = {};
  const setByHand: Record<string, Tier> = {};
  const workflows = reading.workflows.map(({ workflow }) => workflow);
  const rowOverrides: (Tier | null)[] = workflows.map((workflow) => {
    const key = nameKey(workflow.name);
    const override = wanted.get(key);
    wanted.delete(key);
    if (override === undefined) return null;
    if (!TIERS.includes(override.tier)) {
      warnings.push(
        `The tier set by hand for "${workflow.name}" (${String(override.tier)}) is not one of ${TIERS.join(", ")}, so it was not applied.`,
      );
      return null;
    }
    setByHand[workflow.name] = override.tier;
    if (!tierAllowed(workflow, override.tier)) {
      warnings.push(
        `"${workflow.name}" handles sensitive data, so the tier set by hand (${override.tier}) was not applied; the model's choice stands.`,
      );
      return null;
    }
    applied[workflow.name] = override.tier;
    return override.tier;
  });
  for (const { name, tier } of wanted.values()) {
    warnings.push(`The tier set by hand for "${name}" (${tier}) was not applied: no analysed workflow has that name.`);
  }

  const people = workflows.reduce((sum, w) => sum + w.people, 0);
  if (assumptions.headcount !== null && assumptions.headcount < people) {
    throw new AnalysisError(
      `Headcount ${assumptions.headcount} is below the ${people} people of the analysed workflows: ` +
        `enter at least ${people}, or leave it empty to use that sum.`,
    );
  }
  const base = analysePortfolio(workflows, assumptions, rowOverrides);
  const { analyses, comparison } = base;
  warnings.push(...base.survivalWarnings, ...dueDiligenceWarnings(analyses, comparison.portfolio, assumptions));
  return {
    source: { sheet: source.sheet, address: source.address },
    assumptions,
    reading: { ...reading, warnings },
    analyses,
    overrides: applied,
    tiersSetByHand: setByHand,
    comparison,
    vendors: vendorSummaries(analyses, comparison.portfolio, assumptions),
    budget: budgetSchedule(analyses, assumptions, {
      seats: comparison.perSeat.seats,
      annualValue: comparison.perSeat.annualValue,
    }),
    baseNpv: comparison.portfolio.npv,
    sensitivity: options.sensitivity === false ? [] : sensitivityBars(workflows, assumptions, rowOverrides, base),
    currency: currencyOfColumns(reading.columns, source.columnFormats) ?? currency,
    analysedAt,
  };
}

/** Reads a source table and analyses it: what the wizard and the command line run. */
export function analyseGrid(
  grid: SourceGrid,
  assumptions: Assumptions,
  overrides: Record<string, Tier> = {},
  analysedAt: Date = new Date(),
  currency: string | null = null,
): Analysis {
  return analyseReading(grid, readWorkflowTable(grid), assumptions, overrides, analysedAt, currency);
}
