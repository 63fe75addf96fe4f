import { checkAssumptions, DEFAULT_ASSUMPTIONS, readNumber, readPercentText, type Assumptions } from "../../model";

/**
 * The Assumptions step's fields: every default of model.md with its unit and a one-line explanation, and how
 * the text typed into each becomes the number the model takes. The pane keeps what was typed (a draft) so a
 * half-typed "0." is never rewritten under the user's cursor.
 */

export type AssumptionKey =
  | "years"
  | "discountRate"
  | "confidence"
  | "adoption"
  | "vendorSurvival"
  | "enterpriseSeatPrice"
  | "consumerSeatPrice"
  | "integrationCost.none"
  | "integrationCost.light"
  | "integrationCost.deep"
  | "integrationUpkeep"
  | "hurdleRoi"
  | "headcount";

export interface AssumptionField {
  key: AssumptionKey;
  label: string;
  unit: string;
  help: string;
  /** Shares also accept "10%"; an optional field may be left empty. */
  kind: "share" | "number";
  optional?: boolean;
}

export const ASSUMPTION_FIELDS: readonly AssumptionField[] = [
  {
    key: "years",
    label: "Horizon",
    unit: "years",
    help: "How many years of value and cost the plans count, 1 to 30.",
    kind: "number",
  },
  {
    key: "discountRate",
    label: "Discount rate",
    unit: "share a year",
    help: "What a year's wait costs money: 0.10 makes next year's 110 worth 100 today.",
    kind: "share",
  },
  {
    key: "confidence",
    label: "Confidence",
    unit: "share",
    help: "The conservative haircut: 0.8 keeps 80 % of every estimated saving.",
    kind: "share",
  },
  {
    key: "adoption",
    label: "Adoption",
    unit: "share",
    help: "Share of the work that really uses the tool, where a row gives none.",
    kind: "share",
  },
  {
    key: "vendorSurvival",
    label: "Vendor survival",
    unit: "share a year",
    help: "Chance the vendor lasts each year; a failure means rebuilding the integration.",
    kind: "share",
  },
  {
    key: "enterpriseSeatPrice",
    label: "Enterprise seat price",
    unit: "per seat a month",
    help: "Licence with data protection, net of any volume discount you expect.",
    kind: "number",
  },
  {
    key: "consumerSeatPrice",
    label: "Consumer seat price",
    unit: "per seat a month",
    help: "A low-cost general tool; never allowed for sensitive data.",
    kind: "number",
  },
  {
    key: "integrationCost.none",
    label: "Integration cost, none",
    unit: "one-time",
    help: "Setup for a workflow that needs no integration, where the row gives no cost.",
    kind: "number",
  },
  {
    key: "integrationCost.light",
    label: "Integration cost, light",
    unit: "one-time",
    help: "Connecting a workflow's data lightly, where the row gives no cost.",
    kind: "number",
  },
  {
    key: "integrationCost.deep",
    label: "Integration cost, deep",
    unit: "one-time",
    help: "Building AI into a workflow's systems, where the row gives no cost.",
    kind: "number",
  },
  {
    key: "integrationUpkeep",
    label: "Integration upkeep",
    unit: "share of the integration cost a year",
    help: "Yearly cost of keeping an integration running.",
    kind: "share",
  },
  {
    key: "hurdleRoi",
    label: "Hurdle ROI",
    unit: "ratio",
    help: "The least return a tier must bring: 1.0 means the value at least doubles the cost.",
    kind: "number",
  },
  {
    key: "headcount",
    label: "Headcount",
    unit: "people",
    help: "Seats the per-seat plan buys; empty means the People of the analysed rows.",
    kind: "number",
    optional: true,
  },
];

export type AssumptionDrafts = Record<AssumptionKey, string>;

function valueOf(a: Assumptions, key: AssumptionKey): number | null {
  switch (key) {
    case "integrationCost.none":
      return a.integrationCost.none;
    case "integrationCost.light":
      return a.integrationCost.light;
    case "integrationCost.deep":
      return a.integrationCost.deep;
    default:
      return a[key];
  }
}

/** What the fields show for a set of assumptions. */
export function draftsFrom(a: Assumptions): AssumptionDrafts {
  const drafts = {} as AssumptionDrafts;
  for (const field of ASSUMPTION_FIELDS) {
    const value = valueOf(a, field.key);
    drafts[field.key] = value === null ? "" : String(value);
  }
  return drafts;
}

export const DEFAULT_DRAFTS: Readonly<AssumptionDrafts> = Object.freeze(draftsFrom(DEFAULT_ASSUMPTIONS));

export interface AssumptionsReading {
  /** null while any field has a problem. */
  assumptions: Assumptions | null;
  /** One message per field that cannot be used, in the words shown next to it. */
  problems: Partial<Record<AssumptionKey, string>>;
  /** What was read, with the default standing in for a field that could not be: for checks across fields. */
  candidate: Assumptions;
}

function readField(field: AssumptionField, text: string): { value: number | null } | { problem: string } {
  if (text.trim() === "") {
    return field.optional ? { value: null } : { problem: `Enter a number; found nothing` };
  }
  const value = (field.kind === "share" ? readPercentText(text) : undefined) ?? readNumber(text);
  if (value === undefined) {
    const example = field.kind === "share" ? "a number such as 0.8 or 80%" : "a number such as 30";
    return { problem: `Enter ${example}; found "${text.trim()}"` };
  }
  return { value };
}

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Reads every draft and checks the result against the model's rules (checkAssumptions). */
export function readAssumptions(drafts: AssumptionDrafts): AssumptionsReading {
  const problems: Partial<Record<AssumptionKey, string>> = {};
  const values: Partial<Record<AssumptionKey, number | null>> = {};
  for (const field of ASSUMPTION_FIELDS) {
    const result = readField(field, drafts[field.key] ?? "");
    if ("problem" in result) problems[field.key] = result.problem;
    else values[field.key] = result.value;
  }
  // Fields that could not be read are checked with their default so that the others still get their messages.
  const pick = (key: AssumptionKey): number => {
    const value = values[key];
    return typeof value === "number" ? value : (valueOf(DEFAULT_ASSUMPTIONS, key) ?? 0);
  };
  const candidate: Assumptions = {
    years: pick("years"),
    discountRate: pick("discountRate"),
    confidence: pick("confidence"),
    adoption: pick("adoption"),
    vendorSurvival: pick("vendorSurvival"),
    enterpriseSeatPrice: pick("enterpriseSeatPrice"),
    consumerSeatPrice: pick("consumerSeatPrice"),
    integrationCost: {
      none: pick("integrationCost.none"),
      light: pick("integrationCost.light"),
      deep: pick("integrationCost.deep"),
    },
    integrationUpkeep: pick("integrationUpkeep"),
    hurdleRoi: pick("hurdleRoi"),
    headcount: values.headcount ?? null,
  };
  for (const problem of checkAssumptions(candidate)) {
    const key = problem.field as AssumptionKey;
    if (problems[key]) continue;
    // The model names the field ("discountRate must be …"); next to the field its name goes without saying.
    problems[key] = sentence(
      problem.message.startsWith(problem.field) ? problem.message.slice(problem.field.length + 1) : problem.message,
    );
  }
  return { assumptions: Object.keys(problems).length === 0 ? candidate : null, problems, candidate };
}
