import { checkAssumptions, TIERS, type Assumptions, type Tier } from "../../model";
import type { FieldName } from "../../workbook/reading";

/**
 * What the wizard keeps in the workbook (WorkbookPort.saveSettings): the assumptions, the tiers set by hand
 * and the column choices, so that opening the workbook again picks up where the user left off. A saved state
 * that no longer reads (edited by hand, an older shape) is ignored piece by piece, never fatal.
 */

export const SETTINGS_VERSION = 1;

/** A field's column chosen by hand: the header's text, or null for "not used". */
export type ColumnChoices = Partial<Record<FieldName, string | null>>;

export interface SavedSettings {
  version: number;
  /** The source table's id, as listTables gave it. */
  table: string | null;
  assumptions: Assumptions;
  overrides: Record<string, Tier>;
  columns: ColumnChoices;
  /** The currency chosen in the wizard; absent or null: none chosen. */
  currency?: string | null;
}

export function serializeSettings(settings: Omit<SavedSettings, "version">): string {
  return JSON.stringify({ version: SETTINGS_VERSION, ...settings });
}

const FIELDS: readonly FieldName[] = [
  "name",
  "people",
  "tasks",
  "minutes",
  "hourlyCost",
  "adoption",
  "sensitive",
  "integration",
  "integrationCost",
  "taskType",
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readSavedAssumptions(value: unknown): Assumptions | null {
  if (!isRecord(value) || !isRecord(value.integrationCost)) return null;
  const a = value as unknown as Assumptions;
  const copy: Assumptions = {
    years: a.years,
    discountRate: a.discountRate,
    confidence: a.confidence,
    adoption: a.adoption,
    vendorSurvival: a.vendorSurvival,
    enterpriseSeatPrice: a.enterpriseSeatPrice,
    consumerSeatPrice: a.consumerSeatPrice,
    integrationCost: { none: a.integrationCost.none, light: a.integrationCost.light, deep: a.integrationCost.deep },
    integrationUpkeep: a.integrationUpkeep,
    hurdleRoi: a.hurdleRoi,
    // Settings saved before these assumptions existed take their defaults.
    rampMonths: a.rampMonths ?? 0,
    sensitivitySwing: a.sensitivitySwing ?? 0.2,
    headcount: a.headcount ?? null,
  };
  return checkAssumptions(copy).length === 0 ? copy : null;
}

/** What can be used of a saved state; null where nothing was saved or nothing reads. */
export function parseSettings(json: string | null): Partial<Omit<SavedSettings, "version">> | null {
  if (json === null || json.trim() === "") return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(raw)) return null;
  const result: Partial<Omit<SavedSettings, "version">> = {};
  if (typeof raw.table === "string") result.table = raw.table;
  const assumptions = readSavedAssumptions(raw.assumptions);
  if (assumptions) result.assumptions = assumptions;
  if (isRecord(raw.overrides)) {
    const overrides: Record<string, Tier> = {};
    for (const [name, tier] of Object.entries(raw.overrides)) {
      if (TIERS.includes(tier as Tier)) overrides[name] = tier as Tier;
    }
    result.overrides = overrides;
  }
  if (typeof raw.currency === "string" && raw.currency.trim() !== "" && raw.currency.length <= 8) {
    result.currency = raw.currency.trim();
  }
  if (isRecord(raw.columns)) {
    const columns: ColumnChoices = {};
    for (const field of FIELDS) {
      const choice = raw.columns[field];
      if (typeof choice === "string" || choice === null) columns[field] = choice;
    }
    result.columns = columns;
  }
  return result;
}
