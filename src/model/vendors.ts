import type { Assumptions } from "./assumptions";
import type { PlanFigures } from "./plans";
import { atLeast, nearlyEqual } from "./tolerance";
import type { Workflow, WorkflowAnalysis } from "./workflow";

/**
 * The vendors a deep integration depends on (model.md, "Vendors"): which survival each row's Enterprise option
 * uses, what each vendor puts at stake, and where due diligence is owed before committing.
 */

/** How AI Vendors names the rows that name no vendor, and their key. */
export const UNNAMED_VENDOR = "(no vendor named)";

/** The share of the portfolio's value above which an unchecked vendor gets a due-diligence warning. */
export const DUE_DILIGENCE_SHARE = 0.25;

/** A vendor's name as compared: trimmed and lower-cased; null for a row that names none. */
export function vendorKey(vendor: string | null | undefined): string | null {
  const key = (vendor ?? "").trim().toLowerCase();
  return key === "" ? null : key;
}

export interface SurvivalResolution {
  /** Per workflow, in order: the survival its Enterprise option uses. */
  survivals: number[];
  /** Per vendor key, its first figure given in table order (named vendors only). */
  firstFigure: Map<string, { survival: number; workflow: string }>;
  /** "One vendor has two survival figures", once per vendor. */
  warnings: string[];
}

/**
 * Each row's own figure where it gives one; else the first figure given for its vendor by any analysed row in
 * table order, whatever that row's tier; else the default. Unnamed rows never share a figure.
 */
export function resolveSurvivals(workflows: readonly Workflow[], defaultSurvival: number): SurvivalResolution {
  const firstFigure = new Map<string, { survival: number; workflow: string }>();
  const keys = workflows.map((w) => vendorKey(w.vendor));
  workflows.forEach((w, i) => {
    const key = keys[i];
    if (key !== null && w.vendorSurvival !== null && !firstFigure.has(key)) {
      firstFigure.set(key, { survival: w.vendorSurvival, workflow: w.name });
    }
  });
  const survivals = workflows.map((w, i) => {
    if (w.vendorSurvival !== null) return w.vendorSurvival;
    const key = keys[i];
    return (key === null ? undefined : firstFigure.get(key)?.survival) ?? defaultSurvival;
  });
  const warnings: string[] = [];
  const warned = new Set<string>();
  workflows.forEach((w, i) => {
    const key = keys[i];
    if (key === null || w.vendorSurvival === null || warned.has(key)) return;
    const first = firstFigure.get(key)!;
    if (nearlyEqual(first.survival, w.vendorSurvival)) return;
    const spelled = (workflows[keys.indexOf(key)].vendor ?? "").trim();
    warned.add(key);
    const others = workflows
      .filter((o, j) => keys[j] === key && o.vendorSurvival !== null && !nearlyEqual(o.vendorSurvival, first.survival))
      .map((o) => `"${o.name}" gives ${o.vendorSurvival}`);
    warnings.push(
      `Vendor "${spelled}" has two survival figures: "${first.workflow}" gives ${first.survival}, ` +
        `which the vendor's other rows and AI Vendors use; ${others.join(", ")}, which ${others.length === 1 ? "that row keeps" : "those rows keep"}. ` +
        "Enter one figure for the vendor if they are meant to agree.",
    );
  });
  return { survivals, firstFigure, warnings };
}

/** One vendor's commitment over its Enterprise rows (AI Vendors). */
export interface VendorSummary {
  /** As first spelled, trimmed; `(no vendor named)` for the rows that name none. */
  vendor: string;
  /** Trimmed and lower-cased; `(no vendor named)` for the unnamed vendor. */
  key: string;
  named: boolean;
  /** Its own first figure, else the default (always the default for the unnamed vendor). */
  survival: number;
  /** Whether `survival` is a figure a row gave rather than the default (never, for the unnamed vendor). */
  survivalGiven: boolean;
  enterpriseWorkflows: number;
  people: number;
  oneTimeCostAtStake: number;
  pvBenefitsAtStake: number;
  /** pv benefits at stake over the portfolio's; null where the portfolio delivers nothing. */
  shareOfPortfolioValue: number | null;
  expectedRebuildCost: number;
  /** 1 - s^Y with the vendor's own figure. */
  chanceOfFailure: number;
}

interface VendorGroup {
  vendor: string;
  key: string;
  named: boolean;
  rows: WorkflowAnalysis[];
}

function groups(analyses: readonly WorkflowAnalysis[]): VendorGroup[] {
  const named = new Map<string, VendorGroup>();
  const unnamed: VendorGroup = { vendor: UNNAMED_VENDOR, key: UNNAMED_VENDOR, named: false, rows: [] };
  for (const row of analyses) {
    const key = vendorKey(row.workflow.vendor);
    if (key === null) {
      unnamed.rows.push(row);
      continue;
    }
    let group = named.get(key);
    if (!group) {
      group = { vendor: (row.workflow.vendor ?? "").trim(), key, named: true, rows: [] };
      named.set(key, group);
    }
    group.rows.push(row);
  }
  // The unnamed vendor comes after the named ones: it is what is left, not a vendor of its own.
  return unnamed.rows.length > 0 ? [...named.values(), unnamed] : [...named.values()];
}

/** Every vendor named by an analysed row, in order of first appearance, then the unnamed one where some row names none. */
export function vendorSummaries(
  analyses: readonly WorkflowAnalysis[],
  portfolio: PlanFigures,
  a: Assumptions,
): VendorSummary[] {
  return groups(analyses).map((group) => {
    const firstGiven = group.rows.find((row) => row.workflow.vendorSurvival !== null);
    const survival = group.named && firstGiven ? firstGiven.workflow.vendorSurvival! : a.vendorSurvival;
    const enterprise = group.rows.filter((row) => row.tier === "Enterprise");
    const pvBenefitsAtStake = enterprise.reduce((sum, row) => sum + row.chosen.pvBenefits, 0);
    return {
      vendor: group.vendor,
      key: group.key,
      named: group.named,
      survival,
      survivalGiven: group.named && firstGiven !== undefined,
      enterpriseWorkflows: enterprise.length,
      people: enterprise.reduce((sum, row) => sum + row.workflow.people, 0),
      oneTimeCostAtStake: enterprise.reduce((sum, row) => sum + row.chosen.oneTimeCost, 0),
      pvBenefitsAtStake,
      shareOfPortfolioValue: portfolio.pvBenefits === 0 ? null : pvBenefitsAtStake / portfolio.pvBenefits,
      expectedRebuildCost: enterprise.reduce((sum, row) => sum + row.chosen.switchCost, 0),
      chanceOfFailure: 1 - survival ** a.years,
    };
  });
}

/** A share as a whole percentage, for a sentence ("87 %"). */
function wholePercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

const CHECKS = "team depth, funding history, references from current customers";

/**
 * A warning for each vendor whose integrated Enterprise rows (one-time cost above 0) carry at least 25 % of the
 * portfolio's value and whose survival no row gives (for the unnamed vendor: none of its integrated rows).
 */
export function dueDiligenceWarnings(
  analyses: readonly WorkflowAnalysis[],
  portfolio: PlanFigures,
  a: Assumptions,
): string[] {
  if (portfolio.pvBenefits === 0) return [];
  const years = `${a.years} year${a.years === 1 ? "" : "s"}`;
  const warnings: string[] = [];
  for (const group of groups(analyses)) {
    const integrated = group.rows.filter((row) => row.tier === "Enterprise" && row.chosen.oneTimeCost > 0);
    if (integrated.length === 0) continue;
    const given = (group.named ? group.rows : integrated).some((row) => row.workflow.vendorSurvival !== null);
    if (given) continue;
    const share = integrated.reduce((sum, row) => sum + row.chosen.pvBenefits, 0) / portfolio.pvBenefits;
    if (!atLeast(share, DUE_DILIGENCE_SHARE)) continue;
    warnings.push(
      group.named
        ? `The integrated workflows that depend on vendor "${group.vendor}" carry ${wholePercent(share)} of the ` +
            `portfolio's value over ${years}, and no row gives its survival: check its stability (${CHECKS}) ` +
            "before committing, and enter its Vendor survival."
        : `The table names no vendor for the integrated workflows, which carry ${wholePercent(share)} of the ` +
            `portfolio's value over ${years}: name their vendor, check its stability (${CHECKS}) before ` +
            "committing, and enter its Vendor survival.",
    );
  }
  return warnings;
}
