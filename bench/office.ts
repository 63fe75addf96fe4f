import { DEFAULT_ASSUMPTIONS } from "../src/model";
import { analyseGrid } from "../src/workbook/analyse";
import type { GridValue } from "../src/workbook/layout";
import { OfficeWorkbook, type ExcelRun } from "../src/workbook/office/OfficeWorkbook";
import { REQUEST_LIMIT_BYTES } from "../src/workbook/office/writePlan";
import type { SourceGrid } from "../src/workbook/port";
import { buildAnalysisLayout } from "../src/workbook/sheets/buildLayout";
import { FakeExcel } from "../test/office/fakeExcel";

/**
 * The Office.js adapter's round trips and request sizes for a whole analysis, through the fake Excel of the
 * tests (Office.js itself cannot run here): how many context.sync() calls a write takes and the largest request
 * body, against the goals of at most 4 syncs for ordinary sizes and no request above 4 MB.
 */

const SYNC_GOAL = 4;
const REQUEST_GOAL_BYTES = 4_000_000;

const HEADER = [
  "Workflow",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Sensitive data",
  "Integration",
  "Task type",
];
const INTEGRATIONS = ["None", "Light", "Deep"];
const TASKS = ["Drafting", "Research", "Classification", "Summarization", "Extraction", "Other"];

/** A workflow table of `rows` distinct workflows, varied enough to reach every tier. */
function sourceGrid(rows: number): SourceGrid {
  const values: GridValue[][] = [HEADER];
  for (let i = 0; i < rows; i++) {
    values.push([
      `Workflow ${i + 1}`,
      1 + (i % 250),
      2 + (i % 300),
      1 + (i % 45),
      25 + (i % 120),
      i % 4 === 0 ? "Yes" : "No",
      INTEGRATIONS[i % 3],
      TASKS[i % 6],
    ]);
  }
  return { sheet: "Budget", address: `A1:H${rows + 1}`, firstRow: 1, firstColumn: 1, values };
}

async function measure(rows: number): Promise<{ syncs: number; largest: number }> {
  const analysis = analyseGrid(sourceGrid(rows), DEFAULT_ASSUMPTIONS, {}, new Date(Date.UTC(2025, 0, 1)));
  const layout = buildAnalysisLayout(analysis);
  const excel = new FakeExcel();
  excel.addSheet("Budget", [["Workflow"]]);
  await new OfficeWorkbook(excel.run as unknown as ExcelRun).writeAnalysis(layout);
  return { syncs: excel.syncs, largest: excel.largestRequest };
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const exact = (bytes: number) => `${bytes.toLocaleString("en-US")} bytes`;

export async function benchOffice(): Promise<string[]> {
  const lines = [
    `Office.js adapter, writeAnalysis through the fake Excel (request limit used: ${mb(REQUEST_LIMIT_BYTES)})`,
  ];
  for (const rows of [10, 10_000, 100_000]) {
    const { syncs, largest } = await measure(rows);
    const syncVerdict = syncs <= SYNC_GOAL ? "meets" : "above";
    const sizeVerdict = largest <= REQUEST_GOAL_BYTES ? "meets" : "ABOVE";
    lines.push(
      `  ${rows.toLocaleString("en-US").padStart(7)} workflows: ${String(syncs).padStart(2)} syncs ` +
        `(${syncVerdict} the goal of ${SYNC_GOAL}), largest request ${exact(largest)} ` +
        `(${sizeVerdict} the goal of ${mb(REQUEST_GOAL_BYTES)})`,
    );
  }
  lines.push(
    "  syncs = 2 reads (inventory, marker sheets) + the write (one request per 4 MB of data) + 1 recalculation",
  );
  return lines;
}
