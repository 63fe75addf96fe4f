import { readFileSync } from "fs";
import { join } from "path";
import type { SourceGrid } from "../../../src/workbook/port";

/** examples/sample-workflows.csv as a source grid at A1, every cell text as a CSV gives it. It has no quoted fields. */
export function sampleGrid(): SourceGrid {
  const csv = readFileSync(join(__dirname, "../../../examples/sample-workflows.csv"), "utf8");
  const values = csv
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(","));
  return { sheet: "Workflows", address: `A1:H${values.length}`, firstRow: 1, firstColumn: 1, values };
}

/** sample.md's per-workflow table, typed from the page (rounded as shown there). */
export const SAMPLE_ROWS = [
  ["Customer support replies", "Enterprise", 103680, 6900, 10000, 257837, 29421],
  ["Sales proposals and RFP answers", "Enterprise", 92160, 5100, 10000, 229188, 24944],
  ["Financial analysis and reporting", "Enterprise", 104448, 10380, 50000, 259747, 87121],
  ["Contract review", "Enterprise", 118272, 10020, 50000, 294125, 86226],
  ["Operations reports", "Consumer", 33600, 8400, 0, 83558, 20890],
  ["Internal communications", "Consumer", 26400, 6000, 0, 65653, 14921],
  ["Warehouse and field operations", "None", 0, 0, 0, 0, 0],
] as const;

/** sample.md's comparison: label, per-seat, portfolio, difference. ROI as a fraction. */
export const SAMPLE_COMPARISON: [string, number, number, number][] = [
  ["Seats", 200, 100, -100],
  ["Annual cost", 72000, 46800, -25200],
  ["One-time cost", 0, 120000, 120000],
  ["Annual value", 215840, 478560, 262720],
  ["PV benefits", 536762, 1190108, 653346],
  ["PV costs", 179053, 263522, 84469],
  ["NPV", 357709, 926586, 568877],
  ["ROI", 1.998, 3.516, 1.518],
  ["Cost per unit of value", 0.3336, 0.2214, -0.1122],
];

export const SAMPLE_INFLATION_FACTOR = 1.51;
export const SAMPLE_ENTERPRISE_SHARE = 0.875;

/** True where `actual` rounds to `shown`, given as many decimals as the page shows. */
export function roundsTo(actual: number, shown: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.abs(Math.round(actual * factor) - Math.round(shown * factor)) === 0;
}
