import { analyseReading, AnalysisError } from "../../workbook/analyse";
import { readWorkflowTable } from "../../workbook/read/readTable";
import { TableError } from "../../workbook/read/tableError";
import type { SourceGrid } from "../../workbook/port";
import type { Analysis, TableReading } from "../../workbook/reading";
import type { Tier } from "../../model";
import { readAssumptions, type AssumptionDrafts, type AssumptionsReading } from "./assumptionFields";
import { columnsFor, type ColumnsView } from "./columns";
import type { ColumnChoices } from "./settings";
import type { WizardState } from "./wizard";

/**
 * Everything that follows from the wizard's state: the column mapping, the reading, the checked assumptions
 * and the analysis. It is derived in two stages so that a change of tier or assumption does not read the table
 * again: with 5,000 rows the reading is the larger part of the work.
 */
export interface ReadingStage {
  columns: ColumnsView | null;
  reading: TableReading | null;
  /** Why the table cannot be read at all, for the user. */
  readingError: string | null;
}

/**
 * Above this many rows the sensitivity bars (16 more runs of the whole analysis) are not worked out on every
 * change: the pane works them out on request and before writing, so that a tier change stays quick.
 */
export const LIVE_SENSITIVITY_ROWS = 500;

export interface Derived extends ReadingStage {
  /** True where the analysis was made without its sensitivity bars (a large table; see LIVE_SENSITIVITY_ROWS). */
  sensitivityDeferred: boolean;
  /** The money's sign: the source's money formats', else the one chosen, else none. */
  currency: string | null;
  assumptions: AssumptionsReading;
  analysis: Analysis | null;
  /** Why there is no analysis although the table reads, for the user. */
  analysisError: string | null;
}

export function deriveReading(grid: SourceGrid | null, choices: ColumnChoices): ReadingStage {
  if (!grid) return { columns: null, reading: null, readingError: null };
  const columns = columnsFor(grid, choices);
  try {
    return { columns, reading: readWorkflowTable(grid, columns.columns), readingError: null };
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    return { columns, reading: null, readingError: error.message };
  }
}

export function deriveAnalysis(
  grid: SourceGrid | null,
  stage: ReadingStage,
  drafts: AssumptionDrafts,
  overrides: Record<string, Tier>,
  chosenCurrency: string | null = null,
  now: Date = new Date(),
): Derived {
  const assumptions = readAssumptions(drafts);
  const base = {
    ...stage,
    assumptions,
    analysis: null,
    analysisError: null,
    currency: chosenCurrency,
    sensitivityDeferred: false,
  };
  const { reading } = stage;
  if (!grid || !reading) return base;

  // The headcount rule needs the rows: say it next to the field rather than only as a failed analysis.
  const headcount = assumptions.candidate.headcount;
  if (headcount !== null && !assumptions.problems.headcount) {
    const people = reading.workflows.reduce((sum, w) => sum + w.workflow.people, 0);
    if (headcount < people) {
      assumptions.problems.headcount = `Headcount must be at least ${people.toLocaleString("en-US")} people, the People of the analysed rows, or empty; found ${headcount.toLocaleString("en-US")}`;
      assumptions.assumptions = null;
    }
  }
  if (!assumptions.assumptions) return { ...base, analysisError: "Some assumptions need fixing first." };
  if (reading.workflows.length === 0) return { ...base, analysisError: "No row of the table can be analysed." };
  try {
    const deferred = reading.workflows.length > LIVE_SENSITIVITY_ROWS;
    const analysis = analyseReading(grid, reading, assumptions.assumptions, overrides, now, chosenCurrency, {
      sensitivity: !deferred,
    });
    return { ...base, analysis, currency: analysis.currency ?? chosenCurrency, sensitivityDeferred: deferred };
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { ...base, analysisError: error.message };
  }
}

/** Both stages at once, for tests and callers that hold the whole state. */
export function derive(state: WizardState, now: Date = new Date()): Derived {
  const stage = deriveReading(state.grid, state.columns);
  return deriveAnalysis(state.grid, stage, state.drafts, state.overrides, state.currency, now);
}
