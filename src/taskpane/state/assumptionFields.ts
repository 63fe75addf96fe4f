import {
  ASSUMPTION_CATALOGUE,
  assumptionValue,
  checkAssumptions,
  DEFAULT_ASSUMPTIONS,
  readNumber,
  readPercentText,
  type AssumptionDescription,
  type AssumptionKey,
  type Assumptions,
} from "../../model";

/**
 * The Assumptions step's fields: every default of model.md with its unit and a one-line explanation, and how
 * the text typed into each becomes the number the model takes. The pane keeps what was typed (a draft) so a
 * half-typed "0." is never rewritten under the user's cursor.
 */

export type { AssumptionKey };

export interface AssumptionField extends AssumptionDescription {
  /** Shares also accept "10%"; an optional field may be left empty. */
  kind: "share" | "number";
  optional?: boolean;
}

const SHARES: ReadonlySet<AssumptionKey> = new Set([
  "discountRate",
  "confidence",
  "adoption",
  "vendorSurvival",
  "integrationUpkeep",
]);

export const ASSUMPTION_FIELDS: readonly AssumptionField[] = ASSUMPTION_CATALOGUE.map((description) => ({
  ...description,
  kind: SHARES.has(description.key) ? "share" : "number",
  optional: description.key === "headcount" || undefined,
}));

export type AssumptionDrafts = Record<AssumptionKey, string>;

/** What the fields show for a set of assumptions. */
export function draftsFrom(a: Assumptions): AssumptionDrafts {
  const drafts = {} as AssumptionDrafts;
  for (const field of ASSUMPTION_FIELDS) {
    const value = assumptionValue(a, field.key);
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
    return typeof value === "number" ? value : (assumptionValue(DEFAULT_ASSUMPTIONS, key) ?? 0);
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
    rampMonths: pick("rampMonths"),
    sensitivitySwing: pick("sensitivitySwing"),
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
