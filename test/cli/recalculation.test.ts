import type { CellFormulaValue, CellValue, Workbook } from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeWorkbook } from "../../src/cli/run";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { recalculate } from "../support/libreoffice";
import { bytesOf, openBytes, zipEntry } from "../support/workbooks";

/**
 * Every formula the analysis writes must compute, in a spreadsheet program that recalculates it, the value the
 * add-in cached beside it. LibreOffice recalculates each written workbook on load (test/support/libreoffice.ts).
 */

const SAMPLE = join(__dirname, "..", "..", "examples", "sample-budget.xlsx");

interface FormulaCell {
  sheet: string;
  address: string;
  formula: string;
  result: unknown;
}

function isFormula(value: CellValue): value is CellFormulaValue {
  return value !== null && typeof value === "object" && "formula" in value;
}

async function formulaCells(bytes: Uint8Array): Promise<FormulaCell[]> {
  const own = await (await XlsxWorkbook.load(bytes)).ownSheets();
  const workbook = await openBytes(bytes);
  const cells: FormulaCell[] = [];
  for (const { name } of own) {
    workbook.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((cell) => {
        if (isFormula(cell.value)) {
          cells.push({ sheet: name, address: cell.address, formula: cell.value.formula, result: cell.value.result });
        }
      }),
    );
  }
  return cells;
}

/** An empty result ("" from IF, or none cached) is the same empty cell in any program. */
function empty(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

function agrees(recalculated: unknown, cached: unknown): boolean {
  if (empty(recalculated) || empty(cached)) return empty(recalculated) && empty(cached);
  if (typeof recalculated === "number" && typeof cached === "number") {
    return Math.abs(recalculated - cached) <= 1e-9 * Math.max(1, Math.abs(recalculated), Math.abs(cached));
  }
  return recalculated === cached;
}

function resultIn(workbook: Workbook, cell: FormulaCell): { formula?: string; result: unknown } {
  const value = workbook.getWorksheet(cell.sheet)?.getCell(cell.address).value ?? null;
  return isFormula(value) ? { formula: value.formula, result: value.result } : { result: value };
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
    expect(cells.length).toBeGreaterThanOrEqual(20);
  }
  const wrong = await tampered(outputs[0], expected[0]);

  const fromLibreOffice = await recalculate([...outputs, wrong]);
  const recalculated = await Promise.all(fromLibreOffice.map(openBytes));

  const disagreements: string[] = [];
  expected.forEach((cells, i) => {
    for (const cell of cells) {
      const got = resultIn(recalculated[i], cell);
      if (got.formula === undefined) disagreements.push(`file ${i + 1} ${cell.sheet}!${cell.address}: formula lost`);
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
  expect(expected[2].some((cell) => empty(cell.result))).toBe(true);

  // A workbook saved by another program (its tables and defined names as LibreOffice writes them) is analysed
  // again: the markers survived, so the add-in's sheets are replaced in place and no sheet is added.
  // LibreOffice understood the chart added to the file, or it would not have saved one of its own.
  expect(zipEntry(fromLibreOffice[0], "xl/charts/chart1.xml")).toContain("<c:barChart>");
  const again = await analyzeWorkbook(fromLibreOffice[0]);
  // The chart replaced is the add-in's own: nothing of the user's is reported missing.
  expect(again.summary.notCarriedOver).toEqual([]);
  expect(again.summary.chartsNotDrawn).toEqual([]);
  expect(again.summary.written.map((w) => [w.name, w.renamed])).toEqual([
    ["AI Assumptions", false],
    ["AI Allocation", false],
    ["AI Comparison", false],
  ]);
  expect((await openBytes(again.output)).worksheets.map((s) => s.name)).toEqual(
    recalculated[0].worksheets.map((s) => s.name),
  );
}, 180_000);
