import { DEFAULT_ASSUMPTIONS, type Assumptions, type Tier } from "../model";
import { analyseGrid } from "../workbook/analyse";
import { chooseTable, describeCandidate } from "../workbook/chooseTable";
import type { SourceGrid, TableCandidate, WrittenSheet } from "../workbook/port";
import { fieldLabel, matchColumns, REQUIRED_FIELDS } from "../workbook/read/columns";
import type { Analysis } from "../workbook/reading";
import { buildAnalysisLayout } from "../workbook/sheets/buildLayout";
import { type ChartNotDrawn, XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";
import { lostKinds } from "./lostParts";

/**
 * One run of the command line, in memory: workbook bytes in, a copy with the analysis out. No files, no console:
 * tests and the benchmark call it directly.
 */

export interface AnalyzeOptions {
  /** A table name or range; without it the first workflow table found is used. */
  table?: string;
  assumptions?: Assumptions;
  overrides?: Record<string, Tier>;
  analysedAt?: Date;
  onProgress?: (message: string) => void;
}

export interface RunSummary {
  /** How the source table was found: "Table "Workflows" on Budget!B4:I11, 7 rows". */
  source: string;
  analysis: Analysis;
  written: WrittenSheet[];
  chartsNotDrawn: ChartNotDrawn[];
  /** Kinds of content in the input that the copy lacks (ExcelJS cannot carry them), e.g. "charts". */
  notCarriedOver: string[];
}

export interface AnalyzeResult {
  output: Uint8Array;
  summary: RunSummary;
}

/** The workbook holds nothing that can be analysed; the message says what was found and what is needed. */
export class RunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunError";
  }
}

const REQUIRED_HEADERS = REQUIRED_FIELDS.map(fieldLabel).join(", ");

function noTableMessage(candidates: TableCandidate[]): string {
  const lines = [
    `No workflow table was found. A workflow table has a header row naming at least: ${REQUIRED_HEADERS}.`,
  ];
  if (candidates.length === 0) {
    lines.push("The workbook has no Excel table and no block of cells with a header row.");
  } else {
    lines.push("Tables and blocks of cells found, and the headers each one lacks:");
    for (const c of candidates) {
      const missing = matchColumns(c.headers, 1).missing.map(fieldLabel);
      lines.push(`  - ${describeCandidate(c)}: no ${missing.join(", ")}`);
    }
  }
  lines.push("Rename the headers, or name the table with --table (e.g. --table Workflows or --table Budget!B4:I11).");
  return lines.join("\n");
}

function nothingAnalysedMessage(grid: SourceGrid, analysis: Analysis): string {
  const lines = [
    `No row of the table at ${grid.sheet}!${grid.address} could be analysed, so no result was written. Rows not analysed:`,
  ];
  for (const row of analysis.reading.rejected) {
    for (const p of row.problems) lines.push(`  - ${p.message}`);
  }
  return lines.join("\n");
}

async function findSource(
  book: XlsxWorkbook,
  table: string | undefined,
): Promise<{ grid: SourceGrid; source: string }> {
  if (table !== undefined) {
    const grid = await book.readTable(table);
    const rows = grid.values.length - 1;
    return { grid, source: `${table} (${grid.sheet}!${grid.address}, ${rows} ${rows === 1 ? "row" : "rows"})` };
  }
  const candidates = await book.listTables();
  const chosen = chooseTable(candidates);
  if (!chosen) throw new RunError(noTableMessage(candidates));
  return { grid: await book.readTable(chosen.id), source: describeCandidate(chosen) };
}

export async function analyzeWorkbook(input: Uint8Array, options: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const progress = options.onProgress ?? (() => undefined);
  progress(`Reading the workbook (${Math.round(input.byteLength / 1024).toLocaleString("en-US")} KB)…`);
  const book = await XlsxWorkbook.load(input);
  const { grid, source } = await findSource(book, options.table);
  progress(`Analysing ${source}…`);
  const analysis = analyseGrid(
    grid,
    options.assumptions ?? { ...DEFAULT_ASSUMPTIONS },
    options.overrides ?? {},
    options.analysedAt,
  );
  if (analysis.analyses.length === 0) throw new RunError(nothingAnalysedMessage(grid, analysis));
  const layout = buildAnalysisLayout(analysis);
  progress(`Writing ${layout.sheets.length} sheets (${analysis.analyses.length.toLocaleString("en-US")} workflows)…`);
  const ownBefore = (await book.ownSheets()).map((s) => s.name);
  const written = await book.writeAnalysis(layout);
  const output = await book.save();
  const notCarriedOver = await lostKinds(
    input,
    ownBefore,
    output,
    written.map((s) => s.name),
  );
  return { output, summary: { source, analysis, written, chartsNotDrawn: book.chartsNotDrawn, notCarriedOver } };
}
