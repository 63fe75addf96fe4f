import type { CellValue } from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeWorkbook } from "../../src/cli/run";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { recalculate } from "../support/libreoffice";
import { bytesOf, openBytes, zipEntry } from "../support/workbooks";
import { agrees } from "../live/liveModel";
import { readResults, type CellResult, type SheetResults } from "../live/results";

/**
 * Every formula the analysis writes must compute, in a spreadsheet program that recalculates it, the value the
 * add-in cached beside it. LibreOffice recalculates each written workbook on load (test/support/libreoffice.ts).
 */

const SAMPLE = join(__dirname, "..", "..", "examples", "sample-budget.xlsx");

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: CellResult;
}

/** Every formula cell of the add-in's own sheets, with its cached result as the sheet XML holds it. */
async function formulaCells(bytes: Uint8Array): Promise<FormulaCell[]> {
  const own = await (await XlsxWorkbook.load(bytes)).ownSheets();
  const workbook = await openBytes(bytes);
  const results = readResults(bytes);
  const cells: FormulaCell[] = [];
  for (const { name } of own) {
    workbook.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as CellValue;
        // A filled cell is a shared formula: ExcelJS gives its own text, the first cell's moved, as cell.formula.
        if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
          const result = results.get(name)?.cells.get(cell.address)?.value ?? null;
          cells.push({ sheet: name, address: cell.address, formula: String(cell.formula), result });
        }
      }),
    );
  }
  return cells;
}

function resultIn(results: Map<string, SheetResults>, cell: FormulaCell): { formula: boolean; result: unknown } {
  const found = results.get(cell.sheet)?.cells.get(cell.address);
  return { formula: found?.formula ?? false, result: found?.value ?? null };
}

/** A copy with wrong cached results in these cells, as a viewer that trusts the cache would show them. */
async function tampered(bytes: Uint8Array, cells: FormulaCell[]): Promise<Uint8Array> {
  const workbook = await openBytes(bytes);
  for (const cell of cells)
    workbook.getWorksheet(cell.sheet)!.getCell(cell.address).value = { formula: cell.formula, result: 999_999 };
  return bytesOf(workbook);
}

test("LibreOffice recalculates every written formula to its cached value, and corrects a wrong cache", async () => {
  const sample = new Uint8Array(readFileSync(SAMPLE));
  const outputs = [
    (await analyzeWorkbook(sample)).output,
    // Other assumptions and a tier set by hand, so the formulas see other numbers.
    (
      await analyzeWorkbook(sample, {
        assumptions: { ...DEFAULT_ASSUMPTIONS, years: 5, discountRate: 0.07, hurdleRoi: 0.5, headcount: 260 },
        overrides: { "Warehouse and field operations": "Consumer" },
      })
    ).output,
    // A hurdle nothing clears: the portfolio is empty and the guarded formulas give empty cells.
    (await analyzeWorkbook(sample, { assumptions: { ...DEFAULT_ASSUMPTIONS, hurdleRoi: 1000 } })).output,
  ];
  const expected = await Promise.all(outputs.map(formulaCells));
  for (const cells of expected) {
    // The totals row, the Difference column, the ROI and cost-per-unit rows, the factor and the share (sheets.md).
    expect(cells.length).toBeGreaterThanOrEqual(300);
  }
  const wrong = await tampered(outputs[0], expected[0]);

  const fromLibreOffice = await recalculate([...outputs, wrong]);
  const recalculated = fromLibreOffice.map(readResults);

  const disagreements: string[] = [];
  expected.forEach((cells, i) => {
    for (const cell of cells) {
      const got = resultIn(recalculated[i], cell);
      if (!got.formula) disagreements.push(`file ${i + 1} ${cell.sheet}!${cell.address}: formula lost`);
      if (!agrees(got.result, cell.result)) {
        disagreements.push(
          `file ${i + 1} ${cell.sheet}!${cell.address} =${cell.formula}: cached ${String(cell.result)}, LibreOffice ${String(got.result)}`,
        );
      }
    }
  });
  expect(disagreements).toEqual([]);

  // The recalculation is real: every deliberately wrong cache comes back as the right value.
  const corrected = expected[0].map((cell) => {
    const got = resultIn(recalculated[3], cell).result;
    return { cell: `${cell.sheet}!${cell.address}`, corrected: agrees(got, cell.result) && got !== 999_999 };
  });
  expect(corrected.filter((c) => !c.corrected)).toEqual([]);
  // And the empty-portfolio run did exercise the guarded branches.
  expect(expected[2].some((cell) => cell.result === "")).toBe(true);

  // A workbook saved by another program (its tables and defined names as LibreOffice writes them) is analysed
  // again: the markers survived, so the add-in's sheets are replaced in place and no sheet is added.
  // LibreOffice understood the chart added to the file, or it would not have saved one of its own.
  expect(zipEntry(fromLibreOffice[0], "xl/charts/chart1.xml")).toContain("<c:barChart>");
  const again = await analyzeWorkbook(fromLibreOffice[0]);
  expect(again.summary.chartsNotDrawn).toEqual([]);
  expect(again.summary.written.map((w) => [w.name, w.renamed])).toEqual([
    ["AI Assumptions", false],
    ["AI Allocation", false],
    ["AI Workings", false],
    ["AI Comparison", false],
    ["AI Budget", false],
    ["AI Vendors", false],
    ["AI Sensitivity", false],
  ]);
  expect((await openBytes(again.output)).worksheets.map((s) => s.name)).toEqual([...recalculated[0].keys()]);
}, 180_000);
