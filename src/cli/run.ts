import { DEFAULT_ASSUMPTIONS, type Assumptions, type Tier } from "../model";
import { analyseGrid } from "../workbook/analyse";
import { chooseTable, describeCandidate } from "../workbook/chooseTable";
import type { SourceGrid, TableCandidate, WrittenSheet } from "../workbook/port";
import { fieldLabel, matchColumns, REQUIRED_FIELDS } from "../workbook/read/columns";
import type { Analysis } from "../workbook/reading";
import { buildAnalysisLayout } from "../workbook/sheets/buildLayout";
import { notesWithoutVendor, readPreviousRun, type PreviousRun } from "../workbook/previousRun";
import { type ChartNotDrawn, XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";
import { overlaySettings, type RunSettings } from "./assumptionsFile";
import { rejectedLines } from "./summary";

/**
 * One run of the command line, in memory: workbook bytes in, a copy with the analysis out. No files, no console:
 * tests and the benchmark call it directly.
 */

export interface AnalyzeOptions {
  /** A table name or range; without it the first workflow table found is used. */
  table?: string;
  /** Every assumption, given explicitly: what the add-in's sheets of an earlier run hold is not used for them. */
  assumptions?: Assumptions;
  /** An --assumptions file: each field it names wins over the earlier run's sheet (or the default). */
  settings?: RunSettings;
  /** Tiers set by hand, by workflow name; they win over the file's and the earlier run's. */
  overrides?: Record<string, Tier>;
  /** The money symbol where the source table's money cells carry none (--currency). */
  currency?: string;
  /** False: start from the defaults, ignoring what the add-in's sheets of an earlier run hold. Default true. */
  usePreviousRun?: boolean;
  analysedAt?: Date;
  onProgress?: (message: string) => void;
}

export interface RunSummary {
  /** How the source table was found: "Table "Workflows" on Budget!B4:I11, 7 rows". */
  source: string;
  analysis: Analysis;
  written: WrittenSheet[];
  chartsNotDrawn: ChartNotDrawn[];
  /** What was read back from the add-in's sheets of an earlier run; null where none were used. */
  previous: PreviousRun | null;
  /** The money symbol the figures are shown in; null for none. */
  currency: string | null;
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
  return [
    `No row of the table at ${grid.sheet}!${grid.address} could be analysed, so no result was written. Rows not analysed:`,
    ...rejectedLines(analysis),
  ].join("\n");
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
  const previous = options.usePreviousRun === false ? null : await readPreviousRun(book);
  const base = previous?.assumptions ?? { ...DEFAULT_ASSUMPTIONS };
  const assumptions = options.assumptions ?? overlaySettings(base, options.settings);
  const overrides = mergeTiers(previous?.overrides ?? {}, options.settings?.overrides ?? {}, options.overrides ?? {});
  progress(`Analysing ${source}…`);
  const analysis = analyseGrid(grid, assumptions, overrides, options.analysedAt, options.currency ?? null);
  if (analysis.analyses.length === 0) throw new RunError(nothingAnalysedMessage(grid, analysis));
  const layout = buildAnalysisLayout(analysis, { dueDiligence: previous?.dueDiligence ?? {} });
  if (previous !== null) {
    for (const vendor of notesWithoutVendor(previous.dueDiligence, analysis.vendors)) {
      previous.problems.push(
        `AI Vendors: no analysed row names "${vendor}" now, so its due-diligence note is not on the new sheet: ` +
          `"${previous.dueDiligence[vendor]}"`,
      );
    }
  }
  progress(`Writing ${layout.sheets.length} sheets (${analysis.analyses.length.toLocaleString("en-US")} workflows)…`);
  // One line per stage the adapter reports ("Writing AI Allocation"), not one per step within it.
  let stage = "";
  const written = await book.writeAnalysis(layout, (p) => {
    if (p.stage === stage || p.done >= p.total) return;
    stage = p.stage;
    progress(`  ${p.stage} (${p.done + 1} of ${p.total})…`);
  });
  progress("Saving the copy…");
  const output = await book.save();
  return {
    output,
    summary: {
      source,
      analysis,
      written,
      chartsNotDrawn: book.chartsNotDrawn,
      previous,
      currency: analysis.currency,
    },
  };
}

/** Later sources win, a workflow's name compared ignoring case and outer spaces, as the analysis compares it. */
function mergeTiers(...sources: Record<string, Tier>[]): Record<string, Tier> {
  const merged = new Map<string, [string, Tier]>();
  for (const source of sources) {
    for (const [name, tier] of Object.entries(source)) merged.set(name.trim().toLowerCase(), [name, tier]);
  }
  return Object.fromEntries(merged.values());
}
