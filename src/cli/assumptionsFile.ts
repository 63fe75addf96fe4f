import { checkAssumptions, DEFAULT_ASSUMPTIONS, TIERS, type Assumptions, type Tier } from "../model";

/**
 * The --assumptions file: the Assumptions field names, each replacing its default, plus `overrides`
 * (workflow name → tier). Everything is checked before any workbook is read, and every problem is reported.
 */

export interface RunSettings {
  /** The file's values over the defaults. */
  assumptions: Assumptions;
  overrides: Record<string, Tier>;
  /** The fields the file names ("years", "integrationCost.deep"), so they can win over a previous run's sheet. */
  given: string[];
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

const NEEDS = ["none", "light", "deep"] as const;
const SCALAR_FIELDS = Object.keys(DEFAULT_ASSUMPTIONS).filter((k) => k !== "integrationCost");
const KNOWN_FIELDS = [...SCALAR_FIELDS, "integrationCost", "overrides"];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tierOf(value: unknown): Tier | undefined {
  if (typeof value !== "string") return undefined;
  return TIERS.find((t) => t.toLowerCase() === value.trim().toLowerCase());
}

function readOverrides(value: unknown, problems: string[]): Record<string, Tier> {
  const overrides: Record<string, Tier> = {};
  if (!isRecord(value)) {
    problems.push(`overrides must be an object of workflow name to tier, e.g. {"Contract review": "Enterprise"}`);
    return overrides;
  }
  for (const [name, tier] of Object.entries(value)) {
    const read = tierOf(tier);
    if (read === undefined) {
      problems.push(`overrides."${name}" must be one of ${TIERS.join(", ")}; got ${JSON.stringify(tier)}`);
    } else {
      overrides[name] = read;
    }
  }
  return overrides;
}

function readIntegrationCost(value: unknown, problems: string[], given: string[]): Assumptions["integrationCost"] {
  const costs = { ...DEFAULT_ASSUMPTIONS.integrationCost };
  if (!isRecord(value)) {
    problems.push(`integrationCost must be an object such as {"light": 10000, "deep": 50000}`);
    return costs;
  }
  for (const [need, cost] of Object.entries(value)) {
    if (!(NEEDS as readonly string[]).includes(need)) {
      problems.push(`integrationCost.${need} is not an integration need; use ${NEEDS.join(", ")}`);
      continue;
    }
    costs[need as (typeof NEEDS)[number]] = cost as number;
    given.push(`integrationCost.${need}`);
  }
  return costs;
}

/** Reads the JSON text of an --assumptions file; `source` names it in messages. */
export function readSettingsJson(text: string, source: string): RunSettings {
  return readSettingsObject(parseSettingsJson(text, source), source);
}

function parseSettingsJson(text: string, source: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SettingsError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) {
    throw new SettingsError(`${source} must hold a JSON object such as {"years": 5, "discountRate": 0.08}`);
  }
  return parsed;
}

/** A `--set` value as JSON would give it: a number, "8%" as 0.08, an empty value or "default" as null. */
function setValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.toLowerCase() === "default") return null;
  const percent = /^(.*)%$/.exec(trimmed);
  const number = Number((percent ? percent[1] : trimmed).replace(/,/g, "").trim());
  if (!Number.isFinite(number) || /^\s*$/.test(percent ? percent[1] : trimmed)) return trimmed;
  return percent ? number / 100 : number;
}

/**
 * The file's settings with each `--set name=value` on top ("integrationCost.deep=40000" for one need), checked
 * together so every problem is reported at once. Undefined where neither was given.
 */
export function readSettings(
  file: { text: string; name: string } | undefined,
  sets: readonly (readonly [string, string])[],
): RunSettings | undefined {
  if (file === undefined && sets.length === 0) return undefined;
  const combined: Record<string, unknown> = file ? parseSettingsJson(file.text, file.name) : {};
  for (const [name, text] of sets) {
    const [top, sub] = name.split(".");
    if (sub !== undefined) {
      const inner = isRecord(combined[top]) ? { ...(combined[top] as Record<string, unknown>) } : {};
      inner[sub] = setValue(text);
      combined[top] = inner;
    } else {
      combined[name] = setValue(text);
    }
  }
  const source = [file?.name, sets.length > 0 ? "--set" : undefined].filter(Boolean).join(" with ");
  return readSettingsObject(combined, source);
}

function readSettingsObject(parsed: Record<string, unknown>, source: string): RunSettings {
  const problems: string[] = [];
  const assumptions: Assumptions = {
    ...DEFAULT_ASSUMPTIONS,
    integrationCost: { ...DEFAULT_ASSUMPTIONS.integrationCost },
  };
  let overrides: Record<string, Tier> = {};
  const given: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === "overrides") overrides = readOverrides(value, problems);
    else if (key === "integrationCost") assumptions.integrationCost = readIntegrationCost(value, problems, given);
    else if (SCALAR_FIELDS.includes(key)) {
      (assumptions as unknown as Record<string, unknown>)[key] = value;
      given.push(key);
    } else {
      const near = KNOWN_FIELDS.find((f) => f.toLowerCase() === key.toLowerCase().replace(/[^a-z]/g, ""));
      problems.push(
        `"${key}" is not an assumption` +
          (near ? `; did you mean "${near}"?` : `; known names: ${KNOWN_FIELDS.join(", ")}`),
      );
    }
  }
  problems.push(...checkAssumptions(assumptions).map((p) => p.message));
  if (problems.length > 0) {
    throw new SettingsError(
      `${source} has ${problems.length === 1 ? "a problem" : "problems"}:\n  - ${problems.join("\n  - ")}`,
    );
  }
  return { assumptions, overrides, given };
}

/** `base` (a previous run's sheet, or the defaults) with every field the file names taken from the file. */
export function overlaySettings(base: Assumptions, settings: RunSettings | undefined): Assumptions {
  const merged: Assumptions = { ...base, integrationCost: { ...base.integrationCost } };
  if (settings === undefined) return merged;
  for (const field of settings.given) {
    const [top, sub] = field.split(".");
    if (top === "integrationCost" && sub !== undefined) {
      const need = sub as (typeof NEEDS)[number];
      merged.integrationCost[need] = settings.assumptions.integrationCost[need];
    } else {
      (merged as unknown as Record<string, unknown>)[top] = (
        settings.assumptions as unknown as Record<string, unknown>
      )[top];
    }
  }
  return merged;
}
