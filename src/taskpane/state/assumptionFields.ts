import {
  ASSUMPTION_CATALOGUE,
  ASSUMPTION_RULES,
  assumptionValue,
  checkAssumptions,
  DEFAULT_ASSUMPTIONS,
  readNumber,
  readPercentText,
  type AssumptionDescription,
  type AssumptionKey,
  type Assumptions,
} from "../../model";
import { draftNumber } from "../format";

/**
 * The Assumptions step's fields: every default of model.md with its unit and a one-line explanation, and how
 * the text typed into each becomes the number the model takes. The pane keeps what was typed (a draft) so a
 * half-typed "0." is never rewritten under the user's cursor. Shares read the way the table reads them: 0 to 1
 * is a fraction, above 1 up to 100 a percentage (with a note), "80%" a percentage.
 */

export type { AssumptionKey };

export type FieldKind = "share" | "swing" | "years" | "money" | "ratio" | "months" | "count";

export interface AssumptionField extends AssumptionDescription {
  kind: FieldKind;
  optional?: boolean;
  /** Money fields take the workbook's currency sign in their label. */
  money?: boolean;
}

function kindOf(key: AssumptionKey): FieldKind {
  if (key.startsWith("integrationCost.")) return "money";
  const rule = ASSUMPTION_RULES[key as keyof typeof ASSUMPTION_RULES];
  switch (rule?.kind) {
    case "share":
      return "share";
    case "swing":
      return "swing";
    case "years":
      return "years";
    case "ratio":
      return "ratio";
    case "months":
      return "months";
    case "count":
      return "count";
    default:
      return "money";
  }
}

export const ASSUMPTION_FIELDS: readonly AssumptionField[] = ASSUMPTION_CATALOGUE.map((description) => {
  const kind = kindOf(description.key);
  return {
    ...description,
    kind,
    optional: description.key === "headcount" || undefined,
    money: kind === "money" || undefined,
  };
});

export type AssumptionDrafts = Record<AssumptionKey, string>;

/** What a field shows for a value: shares as typed (0.15), large numbers with thousands separators (10,000). */
export function draftOf(value: number | null): string {
  return value === null ? "" : draftNumber(value);
}

/** What the fields show for a set of assumptions. */
export function draftsFrom(a: Assumptions): AssumptionDrafts {
  const drafts = {} as AssumptionDrafts;
  for (const field of ASSUMPTION_FIELDS) drafts[field.key] = draftOf(assumptionValue(a, field.key));
  return drafts;
}

export const DEFAULT_DRAFTS: Readonly<AssumptionDrafts> = Object.freeze(draftsFrom(DEFAULT_ASSUMPTIONS));

export function defaultOf(key: AssumptionKey): number | null {
  return assumptionValue(DEFAULT_ASSUMPTIONS, key);
}

export interface AssumptionsReading {
  /** null while any field has a problem. */
  assumptions: Assumptions | null;
  /** One message per field that cannot be used, naming the field, its range and unit. */
  problems: Partial<Record<AssumptionKey, string>>;
  /** How a field was read where that was a guess, e.g. "8 read as 8 %". */
  notes: Partial<Record<AssumptionKey, string>>;
  /** The numbers read, null where a field is empty or unreadable. */
  values: Partial<Record<AssumptionKey, number | null>>;
  /** What was read, with the default standing in for a field that could not be: for checks across fields. */
  candidate: Assumptions;
}

/** The range a field takes, in the words of its error message. */
export function rangeOf(field: AssumptionField): string {
  switch (field.kind) {
    case "share":
      return "a share from 0 to 1, such as 0.1 or 10 %";
    case "swing":
      return "a share from 0 up to, not including, 1, such as 0.2 or 20 %";
    case "years":
      return "a whole number of years from 1 to 30";
    case "months":
      return "a number of months from 0 to 12";
    case "ratio":
      return "a ratio of at least 0, such as 1.5 or 150 %";
    case "count":
      return "a number of people of at least 0, or empty for the sum of People";
    case "money":
      return `an amount of at least 0 (${field.unit})`;
  }
}

function inRange(field: AssumptionField, value: number): boolean {
  switch (field.kind) {
    case "share":
      return value >= 0 && value <= 1;
    case "swing":
      return value >= 0 && value < 1;
    case "years":
      return Number.isInteger(value) && value >= 1 && value <= 30;
    case "months":
      return value >= 0 && value <= 12;
    default:
      return value >= 0;
  }
}

type FieldReading = { value: number | null; note?: string } | { problem: string };

export function readField(field: AssumptionField, text: string): FieldReading {
  const trimmed = text.trim();
  const must = `${field.label} must be ${rangeOf(field)}`;
  if (trimmed === "") return field.optional ? { value: null } : { problem: `${must}; the field is empty` };
  const percent = field.kind === "share" || field.kind === "swing" || field.kind === "ratio";
  const fromPercent = percent ? readPercentText(trimmed) : undefined;
  const number = fromPercent ?? readNumber(trimmed);
  if (number === undefined) return { problem: `${must}; found "${trimmed}"` };
  // A share above 1 and at most 100 is a percentage, as the table reads it: 8 is 8 %.
  if ((field.kind === "share" || field.kind === "swing") && fromPercent === undefined && number > 1 && number <= 100) {
    const share = number / 100;
    if (!inRange(field, share)) return { problem: `${must}; found ${trimmed}` };
    return { value: share, note: `${trimmed} read as ${trimmed} %` };
  }
  if (!inRange(field, number)) return { problem: `${must}; found ${trimmed}` };
  return { value: number };
}

/** Reads every draft and checks the result against the model's rules (checkAssumptions). */
export function readAssumptions(drafts: AssumptionDrafts): AssumptionsReading {
  const problems: Partial<Record<AssumptionKey, string>> = {};
  const notes: Partial<Record<AssumptionKey, string>> = {};
  const values: Partial<Record<AssumptionKey, number | null>> = {};
  for (const field of ASSUMPTION_FIELDS) {
    const result = readField(field, drafts[field.key] ?? "");
    if ("problem" in result) {
      problems[field.key] = result.problem;
      values[field.key] = null;
    } else {
      values[field.key] = result.value;
      if (result.note) notes[field.key] = result.note;
    }
  }
  // Fields that could not be read are checked with their default so that the others still get their messages.
  const pick = (key: AssumptionKey): number => {
    const value = values[key];
    return typeof value === "number" ? value : (defaultOf(key) ?? 0);
  };
  const candidate: Assumptions = {
    ...DEFAULT_ASSUMPTIONS,
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
    headcount: problems.headcount ? null : (values.headcount ?? null),
  };
  for (const problem of checkAssumptions(candidate)) {
    const key = problem.field as AssumptionKey;
    if (problems[key]) continue;
    const field = ASSUMPTION_FIELDS.find((f) => f.key === key);
    problems[key] = field ? `${field.label} must be ${rangeOf(field)}; found ${drafts[key]}` : problem.message;
  }
  return { assumptions: Object.keys(problems).length === 0 ? candidate : null, problems, notes, values, candidate };
}
