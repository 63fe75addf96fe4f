import type { Assumptions } from "./assumptions";
import { capture, type IntegrationNeed } from "./capture";
import { optionFromValue, evaluateOption, type OptionFigures } from "./option";
import { chooseTier, type Tier, type TierDecision } from "./tier";
import { rowBreakeven, safetyMargin } from "./breakeven";

/** One row of the workflow table, read and checked (sheets.md). */
export interface Workflow {
  name: string;
  people: number;
  tasksPerPersonPerMonth: number;
  minutesSavedPerTask: number;
  hourlyCost: number;
  /** null: the assumption applies. */
  adoption: number | null;
  sensitiveData: boolean;
  integration: IntegrationNeed;
  /** null: the default for the row's integration need. */
  integrationCost: number | null;
  taskType?: string;
  /** The vendor as written, trimmed; null where the row names none. */
  vendor: string | null;
  /** The row's own vendor survival; null where it gives none (its vendor's, else the default applies). */
  vendorSurvival: number | null;
}

/** What the tier rule makes of a workflow: what the plans need, without the break-even. */
export interface WorkflowDecision {
  workflow: Workflow;
  enterprise: OptionFigures;
  consumer: OptionFigures;
  /** What the model chose, before any tier set by hand. */
  decision: TierDecision;
  tier: Tier;
  /** The tier set by hand, where one was accepted. */
  override: Tier | null;
  /** The chosen option's figures; all zero for None. */
  chosen: OptionFigures;
  /** The vendor survival its Enterprise option used: its own, else its vendor's first figure, else the default. */
  survival: number;
}

export interface WorkflowAnalysis extends WorkflowDecision {
  /** Minutes saved per task at which the row's option (for None: its first candidate to qualify) meets the hurdle. */
  breakevenMinutes: number | null;
  /** 1 - break-even / minutes saved; null where the minutes saved are 0 or no break-even exists. */
  safetyMargin: number | null;
}

export const NO_OPTION: Readonly<OptionFigures> = Object.freeze({
  hoursSaved: 0,
  annualValue: 0,
  annualCost: 0,
  oneTimeCost: 0,
  pvBenefits: 0,
  switchCost: 0,
  pvCosts: 0,
  npv: 0,
  roi: null,
  annualNet: 0,
  paybackMonths: null,
});

/** Consumer is never accepted, by hand or by the model, for a workflow with sensitive data. */
export function tierAllowed(workflow: Workflow, tier: Tier): boolean {
  return !(tier === "Consumer" && workflow.sensitiveData);
}

/** The Enterprise option; `survival` is the row's vendor's (see vendors.ts), the default where not given. */
export function enterpriseOption(w: Workflow, a: Assumptions, survival: number = a.vendorSurvival): OptionFigures {
  const oneTimeCost = w.integrationCost ?? a.integrationCost[w.integration];
  return evaluateOption({
    tasksPerMonth: w.people * w.tasksPerPersonPerMonth,
    minutesSavedPerTask: w.minutesSavedPerTask,
    hourlyCost: w.hourlyCost,
    annualCost: w.people * a.enterpriseSeatPrice * 12 + a.integrationUpkeep * oneTimeCost,
    oneTimeCost,
    adoption: w.adoption ?? a.adoption,
    confidence: a.confidence,
    years: a.years,
    discountRate: a.discountRate,
    vendorSurvival: survival,
    rampMonths: a.rampMonths,
  });
}

export function consumerOption(w: Workflow, a: Assumptions, enterprise: OptionFigures): OptionFigures {
  const share = capture(w.integration);
  return optionFromValue(
    { hoursSaved: enterprise.hoursSaved * share, annualValue: enterprise.annualValue * share },
    { annualCost: w.people * a.consumerSeatPrice * 12, oneTimeCost: 0 },
    a,
  );
}

/**
 * A workflow's two options, the model's tier and the one that stands, without the break-even: what each end of
 * a sensitivity bar needs, so the bars do not pay for what they do not show.
 */
export function decideWorkflow(
  w: Workflow,
  a: Assumptions,
  override: Tier | null = null,
  survival: number = w.vendorSurvival ?? a.vendorSurvival,
): WorkflowDecision {
  if (override !== null && !tierAllowed(w, override)) {
    throw new RangeError(`"${w.name}" handles sensitive data, so it cannot be set to Consumer`);
  }
  const enterprise = enterpriseOption(w, a, survival);
  const consumer = consumerOption(w, a, enterprise);
  const decision = chooseTier({
    value: enterprise.pvBenefits,
    enterpriseCost: enterprise.pvCosts,
    consumerCost: consumer.pvCosts,
    sensitiveData: w.sensitiveData,
    integration: w.integration,
    hurdleRoi: a.hurdleRoi,
  });
  const tier = override ?? decision.tier;
  const chosen = tier === "Enterprise" ? enterprise : tier === "Consumer" ? consumer : NO_OPTION;
  return { workflow: w, enterprise, consumer, decision, tier, override, chosen, survival };
}

/**
 * A workflow's two options, the model's tier and the one that stands. A tier set by hand replaces the model's;
 * Consumer for sensitive data is refused with a RangeError, so callers offer only what `tierAllowed` permits.
 * `survival` is the one its vendor resolves to (`resolveSurvivals`); by default the row's own, else the default.
 */
export function analyseWorkflow(
  w: Workflow,
  a: Assumptions,
  override: Tier | null = null,
  survival: number = w.vendorSurvival ?? a.vendorSurvival,
): WorkflowAnalysis {
  const d = decideWorkflow(w, a, override, survival);
  const { tier, enterprise, consumer } = d;
  const breakeven = rowBreakeven(
    {
      people: w.people,
      tasksPerPersonPerMonth: w.tasksPerPersonPerMonth,
      hourlyCost: w.hourlyCost,
      adoption: w.adoption ?? a.adoption,
      sensitiveData: w.sensitiveData,
      captureShare: capture(w.integration),
    },
    tier,
    enterprise,
    consumer,
    a,
  );
  return {
    ...d,
    breakevenMinutes: breakeven,
    safetyMargin: safetyMargin(breakeven, w.minutesSavedPerTask),
  };
}
