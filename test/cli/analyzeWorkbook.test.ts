import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeWorkbook } from "../../src/cli/run";
import { openBytes, zipEntry } from "../support/workbooks";
import {
  SAMPLE_ALLOCATION,
  SAMPLE_COMPARISON,
  SAMPLE_ENTERPRISE_SHARE,
  SAMPLE_INFLATION_FACTOR,
} from "../support/sampleFigures";
import { columnOf, labelledValue, rowOf, sheetOf, shown } from "./writtenSheets";

const SAMPLE = join(__dirname, "..", "..", "examples", "sample-budget.xlsx");

describe("the command line's run on examples/sample-budget.xlsx", () => {
  let workbook: import("exceljs").Workbook;
  let input: Uint8Array;
  let output: Uint8Array;

  beforeAll(async () => {
    input = new Uint8Array(readFileSync(SAMPLE));
    output = (await analyzeWorkbook(input)).output;
    workbook = await openBytes(output);
  });

  test("AI Allocation holds sample.md's tier and figures for every workflow", () => {
    const sheet = sheetOf(workbook, "AI Allocation");
    const columns = {
      tier: columnOf(sheet, "Tier"),
      annualValue: columnOf(sheet, "Annual value"),
      annualCost: columnOf(sheet, "Annual cost"),
      oneTimeCost: columnOf(sheet, "One-time cost"),
      pvBenefits: columnOf(sheet, "PV benefits"),
      pvCosts: columnOf(sheet, "PV costs"),
    };
    for (const expected of SAMPLE_ALLOCATION) {
      const r = rowOf(sheet, expected.workflow);
      expect([expected.workflow, shown(sheet.getCell(r, columns.tier).value)]).toEqual([
        expected.workflow,
        expected.tier,
      ]);
      for (const field of ["annualValue", "annualCost", "oneTimeCost", "pvBenefits", "pvCosts"] as const) {
        const value = shown(sheet.getCell(r, columns[field]).value) as number;
        // sample.md rounds to whole units.
        expect({ workflow: expected.workflow, field, off: Math.abs(value - expected[field]) <= 0.5 }).toEqual({
          workflow: expected.workflow,
          field,
          off: true,
        });
      }
    }
  });

  test("AI Comparison holds sample.md's two plans, their difference, the inflation factor and the Enterprise share", () => {
    const sheet = sheetOf(workbook, "AI Comparison");
    const perSeat = columnOf(sheet, "Per-seat");
    for (const [label, { values, tolerance }] of Object.entries(SAMPLE_COMPARISON)) {
      const r = rowOf(sheet, label);
      const got = [0, 1, 2].map((i) => shown(sheet.getCell(r, perSeat + i).value) as number);
      got.forEach((value, i) => {
        expect({ label, i, value, near: Math.abs(value - values[i]) <= tolerance + 1e-9 }).toEqual({
          label,
          i,
          value,
          near: true,
        });
      });
    }
    expect(
      Math.abs((labelledValue(sheet, "Inflation factor") as number) - SAMPLE_INFLATION_FACTOR),
    ).toBeLessThanOrEqual(0.005);
    expect(
      Math.abs((labelledValue(sheet, "Enterprise share of value") as number) - SAMPLE_ENTERPRISE_SHARE),
    ).toBeLessThanOrEqual(0.0005);
  });

  test("AI Comparison carries a clustered column chart of the two plans' cost and value", () => {
    const chart = zipEntry(output, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((ref) => ref.startsWith("'AI Comparison'!"))).toBe(true);
    const comparison = sheetOf(workbook, "AI Comparison");
    // The series' cached names are the plans (sheets.md: cost and value for the two plans).
    const names = [
      ...chart.matchAll(
        /<c:tx><c:strRef><c:f>[^<]*<\/c:f><c:strCache><c:ptCount val="1"\/><c:pt idx="0"><c:v>([^<]*)</g,
      ),
    ].map((m) => m[1]);
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(() => findLabel(comparison, name)).not.toThrow();
  });

  test("the source sheets are carried over cell for cell and the input bytes are not touched", async () => {
    expect(new Uint8Array(readFileSync(SAMPLE))).toEqual(input);
    const source = await openBytes(input);
    for (const name of ["Budget 2026", "Notes"]) {
      const before: unknown[] = [];
      const after: unknown[] = [];
      source.getWorksheet(name)!.eachRow((row, r) => row.eachCell((c, k) => before.push([r, k, c.value, c.numFmt])));
      sheetOf(workbook, name).eachRow((row, r) => row.eachCell((c, k) => after.push([r, k, c.value, c.numFmt])));
      expect(after).toEqual(before);
    }
  });
});

describe("the sample workbook itself", () => {
  test("has the Workflows table below a title, not at A1, holding the CSV's rows", async () => {
    const book = await openBytes(new Uint8Array(readFileSync(SAMPLE)));
    const sheet = sheetOf(book, "Budget 2026");
    const table = (sheet as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables.Workflows;
    expect(table.table.tableRef).not.toMatch(/^A1:/);
    const csv = readFileSync(join(__dirname, "..", "..", "examples", "sample-workflows.csv"), "utf8")
      .trim()
      .split("\n");
    const [top] = table.table.tableRef.split(":");
    const headerRow = Number(top.replace(/\D/g, ""));
    const headers = csv[0].split(",");
    const first = columnOf(sheet, headers[0], headerRow);
    headers.forEach((h, i) => expect(sheet.getCell(headerRow, first + i).value).toBe(h));
    csv.slice(1).forEach((line, r) =>
      line.split(",").forEach((cell, i) => {
        expect(String(sheet.getCell(headerRow + 1 + r, first + i).value)).toBe(cell);
      }),
    );
  });
});

/** Throws unless some cell of the sheet reads `label`: where a chart series takes its name from. */
function findLabel(sheet: import("exceljs").Worksheet, label: string): void {
  for (let r = 1; r <= sheet.rowCount; r++) {
    for (let c = 1; c <= sheet.columnCount; c++) if (sheet.getCell(r, c).value === label) return;
  }
  throw new Error(`"${label}" is on no cell of ${sheet.name}`);
}
