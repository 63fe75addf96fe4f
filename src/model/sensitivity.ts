import type { Assumptions } from "./assumptions";
import { addToPlanSums, emptyPlanSums, plansFromSums } from "./plans";
import type { PortfolioAnalysis } from "./portfolio";
import type { Tier } from "./tier";
import { nearlyEqual } from "./tolerance";
import { resolveSurvivals } from "./vendors";
import { decideWorkflow, type Workflow } from "./workflow";

/**
 * One input at a time moved down and up by the swing, the whole analysis run again at each end (model.md,
 * "Sensitivity"). Formulas cannot re-choose tiers, so these are values computed when the analysis ran.
 */

export type SensitivityInput =
  | "horizon"
  | "valueEstimate"
  | "discountRate"
  | "vendorSurvival"
  | "enterpriseSeatPrice"
  | "consumerSeatPrice"
  | "integrationCost"
  | "integrationUpkeep"
  | "rampMonths";

/** model.md's order, which also breaks ties between equal spreads. */
export const SENSITIVITY_INPUTS: readonly SensitivityInput[] = [
  "horizon",
  "valueEstimate",
  "discountRate",
  "vendorSurvival",
  "enterpriseSeatPrice",
  "consumerSeatPrice",
  "integrationCost",
  "integrationUpkeep",
  "rampMonths",
];

export const SENSITIVITY_LABELS: Readonly<Record<SensitivityInput, string>> = Object.freeze({
  horizon: "Horizon (years)",
  valueEstimate: "Value estimate (minutes saved, tasks, hourly cost, adoption, confidence)",
  discountRate: "Discount rate",
  vendorSurvival: "Vendor survival",
  enterpriseSeatPrice: "Enterprise seat price",
  consumerSeatPrice: "Consumer seat price",
  integrationCost: "Integration cost",
  integrationUpkeep: "Integration upkeep",
  rampMonths: "Ramp months",
});

export interface SensitivityBar {
  input: SensitivityInput;
  label: string;
  /**
   * The moved value at each end: the assumption itself for one assumption; for the bars that move many
   * figures at once (the value estimate, the integration cost), the factor applied (0.8 and 1.2).
   */
  lowValue: number;
  highValue: number;
  /** True where lowValue and highValue are factors rather than values. */
  isFactor: boolean;
  npvLow: number;
  npvHigh: number;
  /** |npvHigh - npvLow|. */
  spread: number;
  inflationFactorLow: number | null;
  inflationFactorHigh: number | null;
  /** Workflows whose tier differs from the unmoved analysis. */
  tiersChangedLow: number;
  tiersChangedHigh: number;
}

interface Moved {
  a: Assumptions;
  workflows: readonly Workflow[];
}

const clampShare = (x: number): number => Math.min(1, Math.max(0, x));

/** The assumptions and rows with one input moved to the end given by `factor` (1 - w or 1 + w). */
function move(input: SensitivityInput, factor: number, a: Assumptions, workflows: readonly Workflow[]): Moved {
  switch (input) {
    case "horizon":
      return { a: { ...a, years: Math.min(30, Math.max(1, a.years + (factor < 1 ? -1 : 1))) }, workflows };
    case "valueEstimate":
      return { a, workflows: workflows.map((w) => ({ ...w, minutesSavedPerTask: w.minutesSavedPerTask * factor })) };
    case "discountRate":
      return { a: { ...a, discountRate: clampShare(a.discountRate * factor) }, workflows };
    case "vendorSurvival":
      return {
        a: { ...a, vendorSurvival: clampShare(a.vendorSurvival * factor) },
        workflows: workflows.map((w) =>
          w.vendorSurvival === null ? w : { ...w, vendorSurvival: clampShare(w.vendorSurvival * factor) },
        ),
      };
    case "enterpriseSeatPrice":
      return { a: { ...a, enterpriseSeatPrice: a.enterpriseSeatPrice * factor }, workflows };
    case "consumerSeatPrice":
      return { a: { ...a, consumerSeatPrice: a.consumerSeatPrice * factor }, workflows };
    case "integrationCost":
      // Upkeep is a share of the one-time cost, so it follows without being touched.
      return {
        a: {
          ...a,
          integrationCost: {
            none: a.integrationCost.none * factor,
            light: a.integrationCost.light * factor,
            deep: a.integrationCost.deep * factor,
          },
        },
        workflows: workflows.map((w) =>
          w.integrationCost === null ? w : { ...w, integrationCost: w.integrationCost * factor },
        ),
      };
    case "integrationUpkeep":
      return { a: { ...a, integrationUpkeep: clampShare(a.integrationUpkeep * factor) }, workflows };
    case "rampMonths":
      return { a: { ...a, rampMonths: Math.min(12, Math.max(0, a.rampMonths * factor)) }, workflows };
  }
}

/** The value shown for an end: the moved assumption, or the factor for the bars that move many figures. */
function shownValue(input: SensitivityInput, moved: Moved, factor: number): { value: number; isFactor: boolean } {
  switch (input) {
    case "horizon":
      return { value: moved.a.years, isFactor: false };
    case "valueEstimate":
    case "integrationCost":
      return { value: factor, isFactor: true };
    case "discountRate":
      return { value: moved.a.discountRate, isFactor: false };
    case "vendorSurvival":
      return { value: moved.a.vendorSurvival, isFactor: false };
    case "enterpriseSeatPrice":
      return { value: moved.a.enterpriseSeatPrice, isFactor: false };
    case "consumerSeatPrice":
      return { value: moved.a.consumerSeatPrice, isFactor: false };
    case "integrationUpkeep":
      return { value: moved.a.integrationUpkeep, isFactor: false };
    case "rampMonths":
      return { value: moved.a.rampMonths, isFactor: false };
  }
}

interface End {
  npv: number;
  inflationFactor: number | null;
  tiersChanged: number;
}

/** One full re-analysis, keeping only what a bar shows. */
function runEnd(moved: Moved, overrides: readonly (Tier | null)[], baseTiers: readonly Tier[]): End {
  const { survivals } = resolveSurvivals(moved.workflows, moved.a.vendorSurvival);
  // Each row's decision is summed and let go: holding 100,000 of them at once only fed the garbage collector.
  const sums = emptyPlanSums();
  let tiersChanged = 0;
  moved.workflows.forEach((w, i) => {
    const row = decideWorkflow(w, moved.a, overrides[i] ?? null, survivals[i]);
    addToPlanSums(sums, row);
    if (row.tier !== baseTiers[i]) tiersChanged++;
  });
  const comparison = plansFromSums(sums, moved.a);
  return { npv: comparison.portfolio.npv, inflationFactor: comparison.inflationFactor, tiersChanged };
}

/**
 * The bars one at a time, in model.md's order of inputs: each is two full re-analyses, so a caller that must
 * stay responsive (the task pane on thousands of rows) can pause between them. `baseTiers[i]` is workflows[i]'s
 * tier in the analysis the bars move away from.
 */
export function* sensitivitySteps(
  workflows: readonly Workflow[],
  a: Assumptions,
  overrides: readonly (Tier | null)[],
  baseTiers: readonly Tier[],
): Generator<SensitivityBar> {
  const w = a.sensitivitySwing;
  for (const input of SENSITIVITY_INPUTS) {
    if (input === "rampMonths" && !(a.rampMonths > 0)) continue;
    const lowMoved = move(input, 1 - w, a, workflows);
    const highMoved = move(input, 1 + w, a, workflows);
    const low = runEnd(lowMoved, overrides, baseTiers);
    const high = runEnd(highMoved, overrides, baseTiers);
    const lowShown = shownValue(input, lowMoved, 1 - w);
    yield {
      input,
      label: SENSITIVITY_LABELS[input],
      lowValue: lowShown.value,
      highValue: shownValue(input, highMoved, 1 + w).value,
      isFactor: lowShown.isFactor,
      npvLow: low.npv,
      npvHigh: high.npv,
      spread: Math.abs(high.npv - low.npv),
      inflationFactorLow: low.inflationFactor,
      inflationFactorHigh: high.inflationFactor,
      tiersChangedLow: low.tiersChanged,
      tiersChangedHigh: high.tiersChanged,
    };
  }
}

/** Widest spread first; spreads within a relative 1e-9 of each other keep model.md's order (a stable sort). */
export function widestFirst(bars: readonly SensitivityBar[]): SensitivityBar[] {
  return [...bars].sort((x, y) => (nearlyEqual(x.spread, y.spread) ? 0 : y.spread - x.spread));
}

/**
 * The bars, widest spread first. Tiers set by hand (`overrides[i]` for workflows[i]) are kept at every end. Ramp
 * months get a bar only when above 0.
 */
export function sensitivityBars(
  workflows: readonly Workflow[],
  a: Assumptions,
  overrides: readonly (Tier | null)[],
  base: PortfolioAnalysis,
): SensitivityBar[] {
  const baseTiers = base.analyses.map((row) => row.tier);
  return widestFirst([...sensitivitySteps(workflows, a, overrides, baseTiers)]);
}
