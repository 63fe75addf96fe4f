import type { GridValue } from "../../../src/workbook/layout";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { SAMPLE_ALLOCATION } from "../../support/sampleFigures";

/** sample.md's allocation figures as a workbook holds them in AI Allocation (read by the adapter's own reader). */

const COLUMNS = {
  workflow: "Workflow",
  tier: "Tier",
  annualValue: "Annual value",
  annualCost: "Annual cost",
  oneTimeCost: "One-time cost",
  pvBenefits: "PV benefits",
  pvCosts: "PV costs",
} as const;

export interface AllocationFigures {
  workflow: GridValue;
  tier: GridValue;
  annualValue: GridValue;
  annualCost: GridValue;
  oneTimeCost: GridValue;
  pvBenefits: GridValue;
  pvCosts: GridValue;
}

/** The rows of the AIAllocation table (or the name it was given), the figures rounded as sample.md shows them. */
export async function allocationFigures(bytes: Uint8Array, table = "AIAllocation"): Promise<AllocationFigures[]> {
  const book = await XlsxWorkbook.load(bytes);
  const [header, ...body] = (await book.readTable(table)).values;
  const at = (name: string) => {
    const i = header.findIndex((h) => h === name);
    if (i < 0) throw new Error(`AI Allocation has no column ${name}: ${header.join(", ")}`);
    return i;
  };
  const round = (v: GridValue) => (typeof v === "number" ? Math.round(v) : v);
  return body
    .filter(
      (row) =>
        typeof row[at(COLUMNS.workflow)] === "string" &&
        SAMPLE_ALLOCATION.some((s) => s.workflow === row[at(COLUMNS.workflow)]),
    )
    .map((row) => ({
      workflow: row[at(COLUMNS.workflow)],
      tier: row[at(COLUMNS.tier)],
      annualValue: round(row[at(COLUMNS.annualValue)]),
      annualCost: round(row[at(COLUMNS.annualCost)]),
      oneTimeCost: round(row[at(COLUMNS.oneTimeCost)]),
      pvBenefits: round(row[at(COLUMNS.pvBenefits)]),
      pvCosts: round(row[at(COLUMNS.pvCosts)]),
    }));
}

/** sample.md's table, as `allocationFigures` gives it. */
export const SAMPLE_FIGURES: AllocationFigures[] = SAMPLE_ALLOCATION.map((s) => ({ ...s }));
