import {
  INTEGRATION_WORDS_TEXT,
  YES_NO_WORDS,
  readIntegration,
  readNumber,
  readTableShare,
  readYesNo,
  type IntegrationNeed,
} from "../../model";
import type { GridValue } from "../layout";
import type { FieldName } from "../reading";

/**
 * How one cell of each field reads (sheets.md, "Reading a cell"), through the model's readers. A cell either
 * gives a value, perhaps with a note of what was assumed, or fails with what was expected.
 */

export interface FieldValues {
  name: string;
  people: number;
  tasks: number;
  minutes: number;
  hourlyCost: number;
  adoption: number | null;
  sensitive: boolean;
  integration: IntegrationNeed;
  integrationCost: number | null;
  taskType: string | undefined;
  vendor: string | null;
  vendorSurvival: number | null;
}

export type CellReading<T> = { ok: true; value: T; note?: string } | { ok: false; expected: string };

export function isEmptyCell(cell: GridValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export function isErrorCell(cell: GridValue | undefined): cell is { error: string } {
  return typeof cell === "object" && cell !== null;
}

/** What a cell held, as the user would read it in a message. */
export function describeCell(cell: GridValue | undefined): string {
  if (isEmptyCell(cell)) return "an empty cell";
  // Worded, not bare: "#N/A" written back as text would turn into an error value in Excel.
  if (isErrorCell(cell)) return `the error value ${cell.error}`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number") return String(cell);
  return JSON.stringify(cell);
}

const NUMBER = "a number of at least 0";
// "1,5" is the one mistake worth a hint: in some locales it is one and a half.
const GROUPING_HINT = " (a comma separates groups of three digits)";

function expectedNumber(cell: GridValue | undefined, base: string): string {
  return typeof cell === "string" && /\d,\d/.test(cell) && readNumber(cell) === undefined ? base + GROUPING_HINT : base;
}

function nonNegative(cell: GridValue | undefined): CellReading<number> {
  const number = readNumber(cell);
  return number !== undefined && number >= 0
    ? { ok: true, value: number }
    : { ok: false, expected: expectedNumber(cell, NUMBER) };
}

const EXPECTED: Record<FieldName, string> = {
  name: "a workflow name",
  people: NUMBER,
  tasks: NUMBER,
  minutes: NUMBER,
  hourlyCost: NUMBER,
  adoption: "a share from 0 to 1, a percentage up to 100, or text such as 80%",
  sensitive: `yes or no (${YES_NO_WORDS})`,
  integration: INTEGRATION_WORDS_TEXT,
  integrationCost: `${NUMBER}, or an empty cell for the default`,
  taskType: "text",
  vendor: "a vendor name, or an empty cell",
  vendorSurvival:
    "a share from 0 to 1, a percentage up to 100, or text such as 90%; or an empty cell for the vendor's or the default",
};

export function expectedFor(field: FieldName): string {
  return EXPECTED[field];
}

/** A share cell that may be empty (null): 0 to 1, above 1 up to 100 as a percentage with a note, or text with %. */
function optionalShare(cell: GridValue | undefined, expected: string): CellReading<number | null> {
  if (isEmptyCell(cell)) return { ok: true, value: null };
  const share = readTableShare(cell);
  if (share === undefined) return { ok: false, expected: expectedNumber(cell, expected) };
  return share.readAsPercent
    ? { ok: true, value: share.share, note: `${readNumber(cell)} read as ${readNumber(cell)} %` }
    : { ok: true, value: share.share };
}

type Readers = { [F in FieldName]: (cell: GridValue | undefined) => CellReading<FieldValues[F]> };

const fail = (field: FieldName) => ({ ok: false as const, expected: EXPECTED[field] });

/** Error values and empty required cells are dealt with before these run. */
export const FIELD_READERS: Readers = {
  name: (cell) =>
    typeof cell === "string"
      ? { ok: true, value: cell.trim() }
      : typeof cell === "number"
        ? { ok: true, value: String(cell) }
        : fail("name"),
  people: nonNegative,
  tasks: nonNegative,
  minutes: nonNegative,
  hourlyCost: nonNegative,
  adoption: (cell) => optionalShare(cell, EXPECTED.adoption),
  sensitive: (cell) => {
    const yes = readYesNo(isEmptyCell(cell) ? null : cell);
    return yes === undefined ? fail("sensitive") : { ok: true, value: yes };
  },
  integration: (cell) => {
    const need = readIntegration(isEmptyCell(cell) ? null : cell);
    return need === undefined ? fail("integration") : { ok: true, value: need };
  },
  integrationCost: (cell) => {
    if (isEmptyCell(cell)) return { ok: true, value: null };
    const reading = nonNegative(cell);
    return reading.ok ? reading : { ok: false, expected: expectedNumber(cell, EXPECTED.integrationCost) };
  },
  taskType: (cell) =>
    isEmptyCell(cell)
      ? { ok: true, value: undefined }
      : { ok: true, value: typeof cell === "string" ? cell.trim() : String(cell) },
  // A number or a yes/no is still a name someone typed: keep it as written rather than refuse the row.
  vendor: (cell) =>
    isEmptyCell(cell)
      ? { ok: true, value: null }
      : {
          ok: true,
          value:
            typeof cell === "string"
              ? cell.trim()
              : typeof cell === "boolean"
                ? cell
                  ? "TRUE"
                  : "FALSE"
                : String(cell),
        },
  vendorSurvival: (cell) => optionalShare(cell, EXPECTED.vendorSurvival),
};
