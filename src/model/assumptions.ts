import type { IntegrationNeed } from "./capture";

/** Everything the wizard asks for (model.md, "Defaults for the wizard's assumptions"). Shares are fractions. */
export interface Assumptions {
  years: number;
  discountRate: number;
  confidence: number;
  /** Used where a row gives no adoption of its own. */
  adoption: number;
  vendorSurvival: number;
  /** A month, net of whatever volume discount is expected. */
  enterpriseSeatPrice: number;
  consumerSeatPrice: number;
  /** One-time integration cost by need, where a row gives none of its own. */
  integrationCost: Record<IntegrationNeed, number>;
  /** Yearly upkeep of an integration, as a share of its one-time cost. */
  integrationUpkeep: number;
  hurdleRoi: number;
  /** Months from the start until adoption is full (0 to 12, fractions allowed); the first year ramps up. */
  rampMonths: number;
  /** How far the sensitivity bars move each input, down and up (0 up to, not including, 1). */
  sensitivitySwing: number;
  /** null: the sum of People over the analysed rows. */
  headcount: number | null;
}

export const DEFAULT_ASSUMPTIONS: Readonly<Assumptions> = Object.freeze({
  years: 3,
  discountRate: 0.1,
  confidence: 0.8,
  adoption: 0.8,
  vendorSurvival: 0.9,
  enterpriseSeatPrice: 30,
  consumerSeatPrice: 20,
  integrationCost: Object.freeze({ none: 0, light: 10_000, deep: 50_000 }),
  integrationUpkeep: 0.15,
  hurdleRoi: 1,
  rampMonths: 0,
  sensitivitySwing: 0.2,
  headcount: null,
});

/** What an assumption may hold; the wizard, the command line and the functions check against the same table. */
export interface AssumptionRule {
  kind: "share" | "money" | "count" | "years" | "ratio" | "months" | "swing";
  min: number;
  max: number;
  /** True where `max` itself is not allowed (the swing: 1 would move an input to 0 and to double at once). */
  maxExcluded?: boolean;
}

export const ASSUMPTION_RULES: Record<Exclude<keyof Assumptions, "integrationCost">, AssumptionRule> = {
  years: { kind: "years", min: 1, max: 30 },
  discountRate: { kind: "share", min: 0, max: 1 },
  confidence: { kind: "share", min: 0, max: 1 },
  adoption: { kind: "share", min: 0, max: 1 },
  vendorSurvival: { kind: "share", min: 0, max: 1 },
  enterpriseSeatPrice: { kind: "money", min: 0, max: Infinity },
  consumerSeatPrice: { kind: "money", min: 0, max: Infinity },
  integrationUpkeep: { kind: "share", min: 0, max: 1 },
  hurdleRoi: { kind: "ratio", min: 0, max: Infinity },
  rampMonths: { kind: "months", min: 0, max: 12 },
  sensitivitySwing: { kind: "swing", min: 0, max: 1, maxExcluded: true },
  headcount: { kind: "count", min: 0, max: Infinity },
};

/** A problem with one assumption, for the user to read. */
export interface AssumptionProblem {
  field: string;
  message: string;
}

function checkValue(field: string, value: unknown, rule: AssumptionRule): AssumptionProblem | null {
  const expected =
    rule.kind === "years"
      ? `a whole number of years from ${rule.min} to ${rule.max}`
      : rule.kind === "share"
        ? "a share between 0 and 1"
        : rule.kind === "months"
          ? `a number of months from ${rule.min} to ${rule.max}`
          : rule.kind === "swing"
            ? `a share from ${rule.min} up to, not including, ${rule.max}`
            : "a number of at least 0";
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return { field, message: `${field} must be ${expected}; got ${JSON.stringify(value)}` };
  }
  const aboveMax = rule.maxExcluded ? value >= rule.max : value > rule.max;
  if (value < rule.min || aboveMax || (rule.kind === "years" && !Number.isInteger(value))) {
    return { field, message: `${field} must be ${expected}; got ${value}` };
  }
  return null;
}

/** Every problem in a set of assumptions; an empty list means the model can run on them. */
export function checkAssumptions(a: Assumptions): AssumptionProblem[] {
  const problems: AssumptionProblem[] = [];
  for (const [field, rule] of Object.entries(ASSUMPTION_RULES) as [keyof typeof ASSUMPTION_RULES, AssumptionRule][]) {
    const value = a[field];
    if (field === "headcount" && value === null) continue;
    const problem = checkValue(field, value, rule);
    if (problem) problems.push(problem);
  }
  for (const need of ["none", "light", "deep"] as const) {
    const problem = checkValue(`integrationCost.${need}`, a.integrationCost?.[need], {
      kind: "money",
      min: 0,
      max: Infinity,
    });
    if (problem) problems.push(problem);
  }
  return problems;
}
