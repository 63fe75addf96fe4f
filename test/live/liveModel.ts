import type { CellValue, Workbook } from "exceljs";
import { readResults, type CellResult, type SheetResults } from "./results";
import { DEFAULT_ASSUMPTIONS, type Assumptions, type BudgetLine, type Tier, type Workflow } from "../../src/model";
import { analyseReading } from "../../src/workbook/analyse";
import type { AnalysisLayout, LayoutCell, SheetLayout, SheetRole } from "../../src/workbook/layout";
import type { Analysis, TableReading } from "../../src/workbook/reading";
import { budgetSheet } from "../../src/workbook/sheets/budgetSheet";
import { buildAnalysisLayout } from "../../src/workbook/sheets/buildLayout";
import { moneyFormat } from "../../src/workbook/sheets/formats";
import { ALLOCATION_HEADERS, bodyRows, allocationLetter } from "../../src/workbook/sheets/geometry";
import { reasonText, tierWithHand } from "../../src/workbook/sheets/reasonFormula";
import { recalculate } from "../support/libreoffice";
import { bytesOf, openBytes } from "../support/workbooks";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { expandFills } from "../../src/workbook/fills";

/**
 * What the live-model tests share: analyse a table with the model, write it through the .xlsx adapter, edit the
 * written file as a user would (through ExcelJS, as another program), recalculate it in LibreOffice, and compare
 * every formula's result with what the model computes for the edited inputs.
 */

export const WHEN = new Date(Date.UTC(2026, 11, 2, 9, 0, 0));

export function readingOf(workflows: Workflow[]): TableReading {
  return {
    columns: [],
    workflows: workflows.map((workflow, i) => ({ workflow, row: i + 2, notes: [] })),
    rejected: [],
    warnings: [],
  };
}

export function analyse(
  workflows: Workflow[],
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
  overrides: Record<string, Tier> = {},
  currency: string | null = null,
): Analysis {
  return analyseReading(
    { sheet: "Workflows", address: `A1:L${workflows.length + 1}` },
    readingOf(workflows),
    assumptions,
    overrides,
    WHEN,
    currency,
  );
}

/** The analysis written through the .xlsx adapter, into a workbook of its own. */
export async function writeAnalysis(analysis: Analysis): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.writeAnalysis(buildAnalysisLayout(analysis));
  return book.save();
}

/** A change a user makes in the written file: a defined name's cell, or a cell of an add-in sheet. */
export type Edit = { name: string; value: CellValue } | { sheet: string; address: string; value: CellValue };

/** The cell of AI Allocation holding a workflow's input. */
export function allocationInput(
  workflowIndex: number,
  header: (typeof ALLOCATION_HEADERS)[number],
  value: CellValue,
): Edit {
  return { sheet: "AI Allocation", address: `${allocationLetter(header)}${bodyRows(1).first + workflowIndex}`, value };
}

function definedCell(workbook: Workbook, name: string): { sheet: string; address: string } {
  const names = workbook.definedNames as unknown as { getRanges(n: string): { ranges: string[] } };
  const [ref] = names.getRanges(name).ranges;
  if (!ref) throw new Error(`no defined name ${name}`);
  const match = /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!match) throw new Error(`defined name ${name} is not one cell: ${ref}`);
  return { sheet: match[1].replace(/''/g, "'"), address: `${match[2]}${match[3]}` };
}

export async function edited(bytes: Uint8Array, edits: readonly Edit[]): Promise<Uint8Array> {
  if (edits.length === 0) return bytes;
  const workbook = await openBytes(bytes);
  for (const edit of edits) {
    const at = "name" in edit ? definedCell(workbook, edit.name) : edit;
    const sheet = workbook.getWorksheet(at.sheet);
    if (!sheet) throw new Error(`no sheet ${at.sheet}`);
    sheet.getCell(at.address).value = edit.value;
  }
  return bytesOf(workbook);
}

/** The files recalculated by LibreOffice, each read back as its sheets' cached values. */
export type Recalculated = Map<string, SheetResults>;

export async function recalculated(files: Uint8Array[]): Promise<Recalculated[]> {
  const out = await recalculate(files);
  if (process.env.AIBUDGET_LIVE_DUMP) {
    const { writeFileSync } = await import("node:fs");
    files.forEach((f, i) => writeFileSync(`${process.env.AIBUDGET_LIVE_DUMP}/in${i}.xlsx`, f));
    out.forEach((f, i) => writeFileSync(`${process.env.AIBUDGET_LIVE_DUMP}/out${i}.xlsx`, f));
  }
  return out.map(readResults);
}

/** A cell's value in a recalculated file ("" where a formula shows nothing, null where the cell is empty). */
export function valueAt(results: Recalculated, sheet: string, address: string): CellResult {
  return results.get(sheet)?.cells.get(address)?.value ?? null;
}

/** Tier set by hand typed in the file, by workflow index, where the model's analysis cannot carry it (a refusal). */
export type TypedHands = Readonly<Record<number, string>>;

function padded(line: BudgetLine, years: number): BudgetLine {
  return { ...line, years: Array.from({ length: years }, (_, i) => line.years[i] ?? 0) };
}

/**
 * The layout the model gives for the edited inputs, as the written file must show it after recalculation: the
 * Reason and Tier of rows whose typed tier the model refused, and AI Budget with the columns it was written
 * with (a year past the horizon shows 0).
 */
export function expectedLayout(analysis: Analysis, typed: TypedHands, yearsWritten: number): AnalysisLayout {
  const layout = buildAnalysisLayout(analysis);
  const allocation = layout.sheets.find((s) => s.role === "allocation")!;
  const rows = bodyRows(analysis.analyses.length);
  for (const [index, word] of Object.entries(typed)) {
    const a = analysis.analyses[Number(index)];
    const row = allocation.rows[rows.first - 1 + Number(index)];
    const at = (h: (typeof ALLOCATION_HEADERS)[number]) => ALLOCATION_HEADERS.indexOf(h);
    row[at("Reason")] = { ...row[at("Reason")]!, value: reasonText(a.decision, a.workflow.sensitiveData, word) };
    row[at("Tier")] = { ...row[at("Tier")]!, value: tierWithHand(a.tier, a.workflow.sensitiveData, word) };
  }
  if (analysis.budget.horizon !== yearsWritten) {
    const b = analysis.budget;
    const pad = (line: BudgetLine) => padded(line, yearsWritten);
    const budget = {
      horizon: yearsWritten,
      portfolio: Object.fromEntries(
        Object.entries(b.portfolio).map(([k, l]) => [k, pad(l)]),
      ) as unknown as typeof b.portfolio,
      perSeat: Object.fromEntries(
        Object.entries(b.perSeat).map(([k, l]) => [k, pad(l)]),
      ) as unknown as typeof b.perSeat,
    };
    const sheet = budgetSheet({ ...analysis, budget }, moneyFormat(analysis.currency));
    layout.sheets = layout.sheets.map((s) => (s.role === "budget" ? sheet : s));
  }
  return layout;
}

const empty = (v: unknown) => v === null || v === undefined || v === "";

/** model.md's relative 1e-9, with a tiny absolute floor for figures that are 0 up to rounding. */
export function agrees(got: unknown, want: unknown): boolean {
  if (empty(got) || empty(want)) return empty(got) && empty(want);
  if (typeof got === "number" && typeof want === "number") {
    const diff = Math.abs(got - want);
    return diff <= 1e-9 * Math.max(Math.abs(got), Math.abs(want)) || diff <= 1e-9;
  }
  return got === want;
}

function address(row: number, column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

export interface Disagreement {
  cell: string;
  formula: string;
  want: unknown;
  got: unknown;
}

/**
 * Every formula cell of the given roles: its recalculated result against the expected layout's value. Cells
 * listed in `skip` ("AI Budget!F7") are not compared (a Total past the columns, say).
 */
export function disagreements(
  results: Recalculated,
  expected: AnalysisLayout,
  roles: readonly SheetRole[],
  skip: ReadonlySet<string> = new Set(),
): { compared: number; wrong: Disagreement[] } {
  const wrong: Disagreement[] = [];
  let compared = 0;
  // Filled cells too: each holds the formula its fill gives it (fills.ts).
  for (const sheet of expected.sheets.filter((s) => roles.includes(s.role)).map(expandFills)) {
    const cells = results.get(sheet.name)?.cells;
    if (!cells) throw new Error(`LibreOffice's copy has no sheet ${sheet.name}`);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell: LayoutCell | null, c) => {
        if (!cell?.formula) return;
        const at = address(r + 1, c + 1);
        if (skip.has(`${sheet.name}!${at}`)) return;
        compared++;
        const found = cells.get(at);
        if (!found?.formula) {
          wrong.push({ cell: `${sheet.name}!${at}`, formula: cell.formula, want: cell.value, got: "(formula lost)" });
          return;
        }
        const got = found.value;
        if (!agrees(got, cell.value))
          wrong.push({ cell: `${sheet.name}!${at}`, formula: cell.formula, want: cell.value, got });
      }),
    );
  }
  return { compared, wrong };
}

/** Every cell of the add-in's sheets that holds an error value after recalculation. */
export function errorCells(results: Recalculated, sheets: readonly SheetLayout[]): string[] {
  const found: string[] = [];
  for (const sheet of sheets) {
    for (const [address, { value }] of results.get(sheet.name)?.cells ?? []) {
      if (value !== null && typeof value === "object") found.push(`${sheet.name}!${address}`);
    }
  }
  return found;
}

export const LIVE_ROLES: readonly SheetRole[] = [
  "assumptions",
  "allocation",
  "workings",
  "comparison",
  "budget",
  "vendors",
];
