import { analyseReading, AnalysisError } from "../../workbook/analyse";
import { readWorkflowTable } from "../../workbook/read/readTable";
import { TableError } from "../../workbook/read/tableError";
import type { Analysis, TableReading } from "../../workbook/reading";
import { readAssumptions, type AssumptionsReading } from "./assumptionFields";
import { columnsFor, type ColumnsView } from "./columns";
import type { WizardState } from "./wizard";

/**
 * Everything that follows from the wizard's state: the column mapping, the reading, the checked assumptions
 * and the analysis. The model is fast, so it is all recomputed on every change and the review stays live.
 */
export interface Derived {
  columns: ColumnsView | null;
  reading: TableReading | null;
  /** Why the table cannot be read at all, for the user. */
  readingError: string | null;
  assumptions: AssumptionsReading;
  analysis: Analysis | null;
  /** Why there is no analysis although the table reads, for the user. */
  analysisError: string | null;
}

export function derive(state: WizardState, now: Date = new Date()): Derived {
  const assumptions = readAssumptions(state.drafts);
  const empty = { columns: null, reading: null, readingError: null, analysis: null, analysisError: null };
  if (!state.grid) return { ...empty, assumptions };

  const columns = columnsFor(state.grid, state.columns);
  let reading: TableReading;
  try {
    reading = readWorkflowTable(state.grid, columns.columns);
  } catch (error) {
    if (!(error instanceof TableError)) throw error;
    return { ...empty, columns, assumptions, readingError: error.message };
  }

  // The headcount rule needs the rows: say it next to the field rather than only as a failed analysis.
  const headcount = assumptions.candidate.headcount;
  if (headcount !== null && !assumptions.problems.headcount) {
    const people = reading.workflows.reduce((sum, w) => sum + w.workflow.people, 0);
    if (headcount < people) {
      assumptions.problems.headcount = `Must be at least ${people}, the People of the analysed rows, or empty`;
      assumptions.assumptions = null;
    }
  }
  if (!assumptions.assumptions) {
    return { ...empty, columns, reading, assumptions, analysisError: "Some assumptions need fixing first." };
  }
  if (reading.workflows.length === 0) {
    return { ...empty, columns, reading, assumptions, analysisError: "No row of the table can be analysed." };
  }
  try {
    const analysis = analyseReading(state.grid, reading, assumptions.assumptions, state.overrides, now);
    return { columns, reading, readingError: null, assumptions, analysis, analysisError: null };
  } catch (error) {
    if (!(error instanceof AnalysisError)) throw error;
    return { ...empty, columns, reading, assumptions, analysisError: error.message };
  }
}
