import { explainTier, tierAllowed, TIERS, type Tier, type WorkflowAnalysis } from "../../model";

/**
 * The review table's rows: each analysed workflow with the figures the table shows, precomputed once per
 * analysis so sorting and filtering 5,000 rows touch plain numbers only.
 */

export interface WorkflowRow {
  name: string;
  /** Position in the table as read, the order a reset of the sort returns to. */
  order: number;
  tier: Tier;
  override: Tier | null;
  modelTier: Tier;
  offered: Tier[];
  people: number;
  npv: number;
  roi: number | null;
  paybackMonths: number | null;
  minutesSaved: number;
  breakevenMinutes: number | null;
  safetyMargin: number | null;
  annualValue: number;
  annualCost: number;
  oneTimeCost: number;
  sensitive: boolean;
  /** The analysis the row shows, for its Reason: worked out only for the rows drawn (see reasonOf). */
  analysis: WorkflowAnalysis;
}

/** Why the row has its tier, in the Reason column's words. Per row on demand: 5,000 of them cost a long task. */
export function reasonOf(row: WorkflowRow): string {
  return explainTier(row.analysis.override, row.analysis.decision);
}

export type SortKey = "order" | "name" | "tier" | "npv" | "roi" | "payback" | "minutes" | "breakeven";
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** What MODEL's break-even adds to each row (model.md, "Break-even"); absent in older analyses. */
type WithBreakeven = WorkflowAnalysis & { breakevenMinutes?: number | null; safetyMargin?: number | null };

export function workflowRows(analyses: readonly WorkflowAnalysis[]): WorkflowRow[] {
  return analyses.map((a, order) => {
    const b = a as WithBreakeven;
    return {
      name: a.workflow.name,
      order,
      tier: a.tier,
      override: a.override,
      modelTier: a.decision.tier,
      offered: TIERS.filter((tier) => tierAllowed(a.workflow, tier)),
      people: a.workflow.people,
      npv: a.chosen.npv,
      roi: a.chosen.roi,
      paybackMonths: a.tier === "None" ? null : a.chosen.paybackMonths,
      minutesSaved: a.workflow.minutesSavedPerTask,
      breakevenMinutes: b.breakevenMinutes ?? null,
      safetyMargin: b.safetyMargin ?? null,
      annualValue: a.chosen.annualValue,
      annualCost: a.chosen.annualCost,
      oneTimeCost: a.chosen.oneTimeCost,
      sensitive: a.workflow.sensitiveData,
      analysis: a,
    };
  });
}

const TIER_ORDER: Record<Tier, number> = { Enterprise: 0, Consumer: 1, None: 2 };

function keyOf(row: WorkflowRow, key: SortKey): number | string | null {
  switch (key) {
    case "order":
      return row.order;
    case "name":
      return row.name.toLowerCase();
    case "tier":
      return TIER_ORDER[row.tier];
    case "npv":
      return row.npv;
    case "roi":
      return row.roi;
    case "payback":
      return row.paybackMonths;
    case "minutes":
      return row.minutesSaved;
    case "breakeven":
      return row.breakevenMinutes;
  }
}

/** A new array, sorted by the key; rows with no figure (no ROI, a payback that never comes) go last either way. */
export function sortRows(rows: readonly WorkflowRow[], sort: Sort): WorkflowRow[] {
  const sign = sort.descending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: keyOf(row, sort.key) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key === b.key) return a.row.order - b.row.order;
      return a.key === null ? 1 : -1;
    }
    const c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    return c === 0 ? a.row.order - b.row.order : sign * c;
  });
  return keyed.map((k) => k.row);
}

export type TierFilter = "all" | Tier | "byHand";

export function filterRows(rows: readonly WorkflowRow[], text: string, tier: TierFilter): WorkflowRow[] {
  const needle = text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (needle === "" || row.name.toLowerCase().includes(needle)) &&
      (tier === "all" || (tier === "byHand" ? row.override !== null : row.tier === tier)),
  );
}

export interface TierSummary {
  tier: Tier;
  workflows: number;
  /** People on the tier's seats (None buys no seats). */
  seats: number;
}

export function tierSummary(analyses: readonly WorkflowAnalysis[]): TierSummary[] {
  return TIERS.map((tier) => {
    const rows = analyses.filter((a) => a.tier === tier);
    return {
      tier,
      workflows: rows.length,
      seats: tier === "None" ? 0 : rows.reduce((sum, a) => sum + a.workflow.people, 0),
    };
  });
}
