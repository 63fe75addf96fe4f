import type { Assumptions } from "./assumptions";
import { capture, type IntegrationNeed } from "./capture";
import { optionFromValue, evaluateOption, type OptionFigures } from "./option";
import { chooseTier, type Tier, type TierDecision } from "./tier";

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
}

export interface WorkflowAnalysis {
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

export function enterpriseOption(w: Workflow, a: Assumptions): OptionFigures {
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
    vendorSurvival: a.vendorSurvival,
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
 * A workflow's two options, the model's tier and the one that stands. A tier set by hand replaces the model's;
 * Consumer for sensitive data is refused with a RangeError, so callers offer only what `tierAllowed` permits.
 */
export function analyseWorkflow(w: Workflow, a: Assumptions, override: Tier | null = null): WorkflowAnalysis {
  if (override !== null && !tierAllowed(w, override)) {
    throw new RangeError(`"${w.name}" handles sensitive data, so it cannot be set to Consumer`);
  }
  const enterprise = enterpriseOption(w, a);
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
  return { workflow: w, enterprise, consumer, decision, tier, override, chosen };
}
