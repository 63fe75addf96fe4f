import { DEFAULT_ASSUMPTIONS } from "../src/model";
import { analyseGrid } from "../src/workbook/analyse";
import type { AnalysisLayout, GridValue } from "../src/workbook/layout";
import { OfficeWorkbook, type ExcelRun } from "../src/workbook/office/OfficeWorkbook";
import { READ_LIMIT_BYTES } from "../src/workbook/office/readPlan";
import { REQUEST_LIMIT_BYTES } from "../src/workbook/office/writePlan";
import type { SourceGrid } from "../src/workbook/port";
import { buildAnalysisLayout } from "../src/workbook/sheets/buildLayout";
import { FakeExcel, type CellSetup } from "../test/office/fakeExcel";
import { liveModelLayout } from "../test/office/layouts";

/**
 * The Office.js adapter's round trips and payload sizes, through the fake Excel of the tests (Office.js itself
 * cannot run here): how many context.sync() calls a write takes, first and second run (the second keeps a copy of
 * the earlier sheets and rewrites them in place), the largest request body; and a read of a large table, in
 * blocks, against Excel on the web's 5 MB response limit. Goals: at most 6 syncs for 10,000 workflows, no request
 * or response above 4 MB.
 */

const SYNC_GOAL = 6;
const PAYLOAD_GOAL_BYTES = 4_000_000;

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

function sourceRow(i: number): GridValue[] {
  return [
    `Workflow ${i + 1}`,
    1 + (i % 250),
    2 + (i % 300),
    1 + (i % 45),
    25 + (i % 120),
    i % 4 === 0 ? "Yes" : "No",
    INTEGRATIONS[i % 3],
    TASKS[i % 6],
  ];
}

/** A workflow table of `rows` distinct workflows, varied enough to reach every tier. */
function sourceGrid(rows: number): SourceGrid {
  const values: GridValue[][] = [HEADER, ...Array.from({ length: rows }, (_, i) => sourceRow(i))];
  return { sheet: "Budget", address: `A1:H${rows + 1}`, firstRow: 1, firstColumn: 1, values };
}

interface Measure {
  first: { syncs: number; largest: number };
  second: { syncs: number; largest: number };
}

async function measureWrite(layout: AnalysisLayout): Promise<Measure> {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [["Workflow"]]);
  const port = new OfficeWorkbook(excel.run as unknown as ExcelRun);
  await port.writeAnalysis(layout);
  const first = { syncs: excel.syncs, largest: excel.largestRequest };
  excel.resetCounts();
  await port.writeAnalysis(layout);
  return { first, second: { syncs: excel.syncs, largest: excel.largestRequest } };
}

async function measureRead(rows: number): Promise<{ syncs: number; largest: number }> {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [HEADER, ...Array.from({ length: rows }, (_, i) => sourceRow(i) as CellSetup[])]);
  excel.addTable("Workflows", "Budget", `A1:H${rows + 1}`);
  await new OfficeWorkbook(excel.run as unknown as ExcelRun).readTable("Workflows");
  return { syncs: excel.syncs, largest: excel.largestResponse };
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
const verdict = (ok: boolean) => (ok ? "meets" : "MISSES");

export async function benchOffice(): Promise<string[]> {
  const lines = [
    `Office.js adapter through the fake Excel (request limit used: ${mb(REQUEST_LIMIT_BYTES)}, ` +
      `read blocks sized for ${mb(READ_LIMIT_BYTES)}; goals: ≤ ${SYNC_GOAL} syncs at 10,000 workflows, ` +
      `no payload above ${mb(PAYLOAD_GOAL_BYTES)})`,
  ];
  const layouts: [string, (rows: number) => AnalysisLayout][] = [
    [
      "buildAnalysisLayout",
      (rows) =>
        buildAnalysisLayout(analyseGrid(sourceGrid(rows), DEFAULT_ASSUMPTIONS, {}, new Date(Date.UTC(2025, 0, 1)))),
    ],
    ["live model (test layout, 7 sheets)", liveModelLayout],
  ];
  for (const [name, build] of layouts) {
    // Not beyond 10,000: the fake keeps every filled cell's formula text, and at 50,000 rows it ran for many
    // minutes past 10 GB without finishing.
    for (const rows of [10, 10_000]) {
      const { first, second } = await measureWrite(build(rows));
      const syncsOk = Math.max(first.syncs, second.syncs) <= SYNC_GOAL;
      const sizeOk = Math.max(first.largest, second.largest) <= PAYLOAD_GOAL_BYTES;
      lines.push(
        `  ${name}, ${rows.toLocaleString("en-US").padStart(6)} workflows: ` +
          `${first.syncs} syncs first run, ${second.syncs} second run (${verdict(syncsOk)}); ` +
          `largest request ${mb(Math.max(first.largest, second.largest))} (${verdict(sizeOk)})`,
      );
    }
  }
  for (const rows of [25_000, 100_000]) {
    const { syncs, largest } = await measureRead(rows);
    lines.push(
      `  readTable, ${rows.toLocaleString("en-US").padStart(7)} rows: ${syncs} syncs, largest response ${mb(largest)} ` +
        `(${verdict(largest <= PAYLOAD_GOAL_BYTES)})`,
    );
  }
  lines.push(
    "  write syncs = inventory + markers and tables + copy of the earlier sheets (second run only) + the write " +
      "(one request per 4 MB of data) + recalculation",
    "  read syncs = the extent + one block per 4 MB of response",
  );
  return lines;
}
