import { readFileSync } from "fs";
import { join } from "path";
import type { SourceGrid } from "../../../src/workbook/port";
import {
  SAMPLE_ALLOCATION,
  SAMPLE_COMPARISON_ROWS,
  SAMPLE_ENTERPRISE_SHARE,
  SAMPLE_INFLATION_FACTOR,
} from "../../support/sampleFigures";

/** examples/sample-workflows.csv as a source grid at A1, every cell text as a CSV gives it. It has no quoted fields. */
export function sampleGrid(): SourceGrid {
  const csv = readFileSync(join(__dirname, "../../../examples/sample-workflows.csv"), "utf8");
  const values = csv
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(","));
  return { sheet: "Workflows", address: `A1:H${values.length}`, firstRow: 1, firstColumn: 1, values };
}

/** sample.md's tables (typed once, in test/support/sampleFigures.ts) in the row shapes these tests use. */
export const SAMPLE_ROWS = SAMPLE_ALLOCATION.map(
  (r) => [r.workflow, r.tier, r.annualValue, r.annualCost, r.oneTimeCost, r.pvBenefits, r.pvCosts] as const,
);
export const SAMPLE_COMPARISON: [string, number, number, number][] = SAMPLE_COMPARISON_ROWS.map((r) => [
  r.label,
  ...r.values,
]);
export { SAMPLE_ENTERPRISE_SHARE, SAMPLE_INFLATION_FACTOR };

/** True where `actual` rounds to `shown`, given as many decimals as the page shows. */
export function roundsTo(actual: number, shown: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.abs(Math.round(actual * factor) - Math.round(shown * factor)) === 0;
}
