import {
  ASSUMPTION_CATALOGUE,
  ASSUMPTION_RULES,
  checkAssumptions,
  DEFAULT_ASSUMPTIONS,
  readNumber,
  readPercentText,
  readTableShare,
  TIERS,
  type Assumptions,
  type Tier,
} from "../model";
import type { GridValue } from "./layout";
import type { SourceGrid, WorkbookPort } from "./port";
import { ALLOCATION_TABLE, VENDORS_TABLE } from "./sheets/names";

/**
 * What the user typed into the add-in's sheets of an earlier run (sheets.md, "Re-running keeps the user's
 * choices"): the assumptions on AI Assumptions, by their defined names; the tiers set by hand on AI Allocation,
 * by workflow name; the due-diligence notes on AI Vendors, by vendor name. Host-free, over the port, so the
 * command line and the wizard start from the same thing. A value that cannot be read is reported and left out;
 * it never stops a run.
 */

export interface PreviousRun {
  /**
   * AI Assumptions' values over the defaults; a value that could not be read keeps its default. Null where the
   * workbook has no AI Assumptions sheet of the add-in's, or its values cannot be read through this port.
   */
  assumptions: Assumptions | null;
  /** The assumption fields taken from the sheet, e.g. "years", "integrationCost.deep". */
  fromSheet: string[];
  /** Tiers set by hand on AI Allocation, by workflow name as written there. */
  overrides: Record<string, Tier>;
  /** Due-diligence notes on AI Vendors, by vendor name as written there. */
  dueDiligence: Record<string, string>;
  /** What was assumed in reading, e.g. `AI Assumptions, Discount rate: 8 read as 8 %`. */
  notes: string[];
  /** What could not be read and was left out, each naming the sheet and the name or row. */
  problems: string[];
}

type Kind = "share" | "ratio" | "money" | "years" | "count" | "months";

interface NamedAssumption {
  name: string;
  /** The Assumptions field, "integrationCost.deep" for a nested one. */
  field: string;
  kind: Kind;
  label: string;
}

/**
 * sheets.md's defined names. A field the model does not have (yet) is skipped at run time, so this list can name
 * every assumption cell the sheet may carry.
 */
const NAMED: readonly NamedAssumption[] = [
  { name: "AIBUDGET_Years", field: "years", kind: "years", label: "Horizon" },
  { name: "AIBUDGET_DiscountRate", field: "discountRate", kind: "share", label: "Discount rate" },
  { name: "AIBUDGET_Confidence", field: "confidence", kind: "share", label: "Confidence" },
  { name: "AIBUDGET_Adoption", field: "adoption", kind: "share", label: "Adoption" },
  { name: "AIBUDGET_VendorSurvival", field: "vendorSurvival", kind: "share", label: "Vendor survival" },
  { name: "AIBUDGET_EnterpriseSeatPrice", field: "enterpriseSeatPrice", kind: "money", label: "Enterprise seat price" },
  { name: "AIBUDGET_ConsumerSeatPrice", field: "consumerSeatPrice", kind: "money", label: "Consumer seat price" },
  {
    name: "AIBUDGET_IntegrationCostNone",
    field: "integrationCost.none",
    kind: "money",
    label: "Integration cost, none",
  },
  {
    name: "AIBUDGET_IntegrationCostLight",
    field: "integrationCost.light",
    kind: "money",
    label: "Integration cost, light",
  },
  {
    name: "AIBUDGET_IntegrationCostDeep",
    field: "integrationCost.deep",
    kind: "money",
    label: "Integration cost, deep",
  },
  { name: "AIBUDGET_IntegrationUpkeep", field: "integrationUpkeep", kind: "share", label: "Integration upkeep" },
  { name: "AIBUDGET_HurdleRoi", field: "hurdleRoi", kind: "ratio", label: "Hurdle ROI" },
  { name: "AIBUDGET_RampMonths", field: "rampMonths", kind: "months", label: "Ramp months" },
  { name: "AIBUDGET_Headcount", field: "headcount", kind: "count", label: "Headcount" },
  { name: "AIBUDGET_SensitivitySwing", field: "sensitivitySwing", kind: "share", label: "Sensitivity swing" },
  { name: "AIBUDGET_CaptureNone", field: "capture.none", kind: "share", label: "Capture, none" },
  { name: "AIBUDGET_CaptureLight", field: "capture.light", kind: "share", label: "Capture, light" },
  { name: "AIBUDGET_CaptureDeep", field: "capture.deep", kind: "share", label: "Capture, deep" },
];

/** Every defined name the AI Assumptions sheet carries for an assumption (sheets.md). */
export const ASSUMPTION_NAMES: readonly string[] = NAMED.map((n) => n.name);

const EXPECTED: Record<Kind, string> = {
  share: "a share from 0 to 1, a percentage up to 100, or text such as 8%",
  ratio: "a ratio such as 1.5, or a percentage such as 150%",
  money: "an amount of at least 0",
  years: "a whole number of years from 1 to 30",
  count: "a number of people, or an empty cell for the People of the analysed rows",
  months: "a number of months of at least 0",
};

type Record_ = Record<string, unknown>;

function getField(a: Assumptions, field: string): unknown {
  const [top, sub] = field.split(".");
  const value = (a as unknown as Record_)[top];
  if (sub === undefined) return value;
  return typeof value === "object" && value !== null ? (value as Record_)[sub] : undefined;
}

function setField(a: Assumptions, field: string, value: unknown): void {
  const [top, sub] = field.split(".");
  const record = a as unknown as Record_;
  if (sub === undefined) record[top] = value;
  else record[top] = { ...(record[top] as Record_), [sub]: value };
}

/** The model's fields only: a name for a field the model does not have is not read. */
function modelHas(field: string): boolean {
  return getField(DEFAULT_ASSUMPTIONS as Assumptions, field) !== undefined || field === "headcount";
}

function labelOf(named: NamedAssumption): string {
  return ASSUMPTION_CATALOGUE.find((d) => d.key === named.field)?.label ?? named.label;
}

function shownValue(value: GridValue | undefined): string {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === ""))
    return "an empty cell";
  if (typeof value === "object") return `the error value ${value.error}`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

type Reading = { ok: true; value: number | null; note?: string } | { ok: false };

function readAssumption(kind: Kind, value: GridValue | undefined): Reading {
  if (value === undefined || (typeof value === "object" && value !== null)) return { ok: false };
  if (typeof value === "boolean") return { ok: false };
  const empty = value === null || (typeof value === "string" && value.trim() === "");
  if (kind === "count" && empty) return { ok: true, value: null };
  if (empty) return { ok: false };
  if (kind === "share") {
    const share = readTableShare(value);
    if (share === undefined) return { ok: false };
    const number = readNumber(value);
    return share.readAsPercent
      ? { ok: true, value: share.share, note: `${number} read as ${number} %` }
      : { ok: true, value: share.share };
  }
  if (kind === "ratio") {
    const percent = readPercentText(value);
    if (percent !== undefined) return { ok: true, value: percent };
  }
  const number = readNumber(value);
  if (number === undefined || number < 0) return { ok: false };
  if (kind === "years" && (!Number.isInteger(number) || number < 1 || number > 30)) return { ok: false };
  return { ok: true, value: number };
}

function ruleFits(field: string, value: number | null): boolean {
  const rule = (ASSUMPTION_RULES as Record<string, { min: number; max: number } | undefined>)[field];
  if (rule === undefined || value === null) return true;
  return value >= rule.min && value <= rule.max;
}

function defaultText(field: string): string {
  const value = getField(DEFAULT_ASSUMPTIONS as Assumptions, field);
  return value === null || value === undefined ? "the People of the analysed rows" : `the default ${String(value)}`;
}

async function readAssumptionsSheet(
  port: WorkbookPort,
  sheet: string,
  peopleBefore: number | null,
  run: PreviousRun,
): Promise<void> {
  if (port.readNamedValues === undefined) {
    run.problems.push(`${sheet}: this workbook's assumption cells cannot be read here, so the defaults are used.`);
    return;
  }
  const wanted = NAMED.filter((n) => modelHas(n.field));
  let values: Record<string, GridValue>;
  try {
    values = await port.readNamedValues(wanted.map((n) => n.name));
  } catch (error) {
    run.problems.push(
      `${sheet}: its assumption cells could not be read (${(error as Error).message}); the defaults are used.`,
    );
    return;
  }
  const found = (name: string): GridValue | undefined =>
    values[name] ?? values[Object.keys(values).find((k) => k.toLowerCase() === name.toLowerCase()) ?? ""];
  if (wanted.every((n) => found(n.name) === undefined)) {
    run.problems.push(
      `${sheet} has none of the named assumption cells (AIBUDGET_Years, …); it may come from an older version. ` +
        "The defaults are used.",
    );
    return;
  }
  const assumptions: Assumptions = {
    ...DEFAULT_ASSUMPTIONS,
    integrationCost: { ...DEFAULT_ASSUMPTIONS.integrationCost },
  };
  for (const named of wanted) {
    const label = labelOf(named);
    const value = found(named.name);
    if (value === undefined) {
      run.problems.push(
        `${sheet}, ${label}: the name ${named.name} no longer points at a cell; ${defaultText(named.field)} is used.`,
      );
      continue;
    }
    const reading = readAssumption(named.kind, value);
    if (!reading.ok || !ruleFits(named.field, reading.value)) {
      run.problems.push(
        `${sheet}, ${label} (${named.name}): found ${shownValue(value)}; expected ${EXPECTED[named.kind]}. ` +
          `${defaultText(named.field).replace(/^t/, "T")} is used.`,
      );
      continue;
    }
    // The sheet's Headcount left to default is a formula summing People: its value is that sum, not a choice.
    const headcount =
      named.field === "headcount" && reading.value !== null && reading.value === peopleBefore ? null : reading.value;
    setField(assumptions, named.field, headcount);
    run.fromSheet.push(named.field);
    if (reading.note) run.notes.push(`${sheet}, ${label}: ${reading.note}`);
  }
  // What each value allows alone is checked above; what the model refuses in the whole set falls back too.
  for (const problem of checkAssumptions(assumptions)) {
    if (!run.fromSheet.includes(problem.field)) continue;
    run.problems.push(`${sheet}: ${problem.message}; ${defaultText(problem.field)} is used.`);
    setField(assumptions, problem.field, getField(DEFAULT_ASSUMPTIONS as Assumptions, problem.field));
    run.fromSheet = run.fromSheet.filter((f) => f !== problem.field);
  }
  run.assumptions = assumptions;
}

/** The add-in's table on its own sheet; a table of that name elsewhere is the user's and is not read. */
async function ownTable(port: WorkbookPort, wanted: string, sheet: string): Promise<SourceGrid | null> {
  // A user's table may have held the wanted name, so the add-in's took the next free one (sheets.md).
  for (const name of [wanted, ...[2, 3, 4, 5].map((i) => `${wanted}${i}`)]) {
    try {
      const grid = await port.readTable(name);
      if (grid.sheet.toLowerCase() === sheet.toLowerCase()) return grid;
    } catch {
      // No table of that name: try the next.
    }
  }
  return null;
}

function columnIndex(grid: SourceGrid, header: string): number {
  return (
    grid.values[0]?.findIndex((h) => typeof h === "string" && h.trim().toLowerCase() === header.toLowerCase()) ?? -1
  );
}

function cellText(value: GridValue | undefined): string {
  if (value === null || value === undefined || typeof value === "object") return "";
  return String(value).trim();
}

/** Two columns of an own table read row by row; `use` gets the key, the value and the workbook row. */
function readColumns(
  grid: SourceGrid | null,
  table: string,
  sheet: string,
  keyHeader: string,
  valueHeader: string,
  run: PreviousRun,
  use: (key: string, value: GridValue, row: number) => void,
): void {
  if (grid === null) {
    run.problems.push(`${sheet}: the table ${table} was not found, so nothing typed there could be read back.`);
    return;
  }
  const key = columnIndex(grid, keyHeader);
  const value = columnIndex(grid, valueHeader);
  if (key < 0 || value < 0) {
    run.problems.push(
      `${sheet}: the table ${table} has no column "${key < 0 ? keyHeader : valueHeader}", so it was not read back.`,
    );
    return;
  }
  grid.values.slice(1).forEach((cells, i) => {
    const name = cellText(cells[key]);
    if (name !== "") use(name, cells[value] ?? null, grid.firstRow + 1 + i);
  });
}

function peopleOf(grid: SourceGrid | null): number | null {
  if (grid === null) return null;
  const people = columnIndex(grid, "People");
  if (people < 0) return null;
  return grid.values.slice(1).reduce((sum: number, cells) => sum + (readNumber(cells[people]) ?? 0), 0);
}

/** Reads back what the user typed into the add-in's sheets; an empty result where the workbook has none of them. */
export async function readPreviousRun(port: WorkbookPort): Promise<PreviousRun> {
  const run: PreviousRun = {
    assumptions: null,
    fromSheet: [],
    overrides: {},
    dueDiligence: {},
    notes: [],
    problems: [],
  };
  const own = await port.ownSheets();
  const sheetOf = (role: string) => own.find((o) => o.role === role)?.name;
  const allocation = sheetOf("allocation");
  const vendors = sheetOf("vendors");
  const assumptions = sheetOf("assumptions");

  // Read once: the tiers and the People total (for the headcount) both come from it.
  const allocationGrid = allocation === undefined ? null : await ownTable(port, ALLOCATION_TABLE, allocation);
  if (allocation !== undefined) {
    readColumns(
      allocationGrid,
      ALLOCATION_TABLE,
      allocation,
      "Workflow",
      "Tier set by hand",
      run,
      (name, value, row) => {
        const word = cellText(value);
        if (word === "") return;
        const tier = TIERS.find((t) => t.toLowerCase() === word.toLowerCase());
        if (tier === undefined) {
          run.problems.push(
            `${allocation}, row ${row} ("${name}"): Tier set by hand holds ${shownValue(value)}; expected ${TIERS.join(", ")} ` +
              "or an empty cell, so the model's tier stands.",
          );
        } else {
          run.overrides[name] = tier;
        }
      },
    );
  }
  if (vendors !== undefined) {
    readColumns(
      await ownTable(port, VENDORS_TABLE, vendors),
      VENDORS_TABLE,
      vendors,
      "Vendor",
      "Due diligence",
      run,
      (name, value) => {
        const note = cellText(value);
        if (note !== "") run.dueDiligence[name] = note;
      },
    );
  }
  if (assumptions !== undefined) {
    await readAssumptionsSheet(port, assumptions, peopleOf(allocationGrid), run);
  }
  return run;
}

/**
 * The earlier run's due-diligence notes whose vendor no analysed row names any more (names compared trimmed, any
 * case, as vendors are grouped): the new AI Vendors has no row for them, so the caller must show them to the user
 * rather than let them go silently.
 */
export function notesWithoutVendor(
  notes: Readonly<Record<string, string>>,
  vendors: readonly { vendor: string }[],
): string[] {
  const named = new Set(vendors.map((v) => v.vendor.trim().toLowerCase()));
  return Object.keys(notes).filter((vendor) => !named.has(vendor.trim().toLowerCase()));
}
