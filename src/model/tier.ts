import { capture, type IntegrationNeed } from "./capture";
import { atLeast, nearlyEqual } from "./tolerance";

export type Tier = "Enterprise" | "Consumer" | "None";

export const TIERS: readonly Tier[] = ["Enterprise", "Consumer", "None"];

/** How one candidate fared under the tier rule; what the Reason column speaks of. */
export interface Candidate {
  value: number;
  cost: number;
  net: number;
  /** null where the cost is 0. */
  roi: number | null;
  /** Consumer only: sensitive data rules it out before its figures count. */
  ruledOutBySensitiveData: boolean;
  qualifies: boolean;
}

export interface TierDecision {
  tier: Tier;
  enterprise: Candidate;
  consumer: Candidate;
  hurdleRoi: number;
}

export interface TierInputs {
  /** What the Enterprise option delivers. */
  value: number;
  enterpriseCost: number;
  consumerCost: number;
  sensitiveData: boolean;
  integration: IntegrationNeed;
  hurdleRoi: number;
}

function candidate(value: number, cost: number, hurdleRoi: number, ruledOut: boolean): Candidate {
  const roi = cost === 0 ? null : (value - cost) / cost;
  const clears = roi === null ? value > 0 : atLeast(roi, hurdleRoi);
  return { value, cost, net: value - cost, roi, ruledOutBySensitiveData: ruledOut, qualifies: !ruledOut && clears };
}

/** The cheapest support that captures a workflow's value (model.md, "Choosing a tier"). */
export function chooseTier(inputs: TierInputs): TierDecision {
  const { value, enterpriseCost, consumerCost, sensitiveData, integration, hurdleRoi } = inputs;
  const enterprise = candidate(value, enterpriseCost, hurdleRoi, false);
  const consumer = candidate(value * capture(integration), consumerCost, hurdleRoi, sensitiveData);
  let tier: Tier = "None";
  if (enterprise.qualifies && consumer.qualifies) {
    const consumerWins = consumer.net > enterprise.net || nearlyEqual(consumer.net, enterprise.net);
    tier = consumerWins ? "Consumer" : "Enterprise";
  } else if (enterprise.qualifies) {
    tier = "Enterprise";
  } else if (consumer.qualifies) {
    tier = "Consumer";
  }
  return { tier, enterprise, consumer, hurdleRoi };
}
