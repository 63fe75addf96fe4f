import type {
  Assumptions,
  BudgetSchedule,
  PlanComparison,
  SensitivityBar,
  Tier,
  VendorSummary,
  Workflow,
  WorkflowAnalysis,
} from "../model";

/**
 * What reading a workflow table gives (sheets.md, "The workflow table it reads"), and what an analysis of it
 * holds. Types only: the reader, the layout builder, both adapters, the command line and the wizard share them.
 */

export type FieldName =
  | "name"
  | "people"
  | "tasks"
  | "minutes"
  | "hourlyCost"
  | "adoption"
  | "sensitive"
  | "integration"
  | "integrationCost"
  | "taskType"
  | "vendor"
  | "vendorSurvival";

/** Which column of the source feeds which field. */
export interface ColumnMatch {
  field: FieldName;
  /** 0-based index into the grid's columns. */
  index: number;
  /** The header as written in the sheet. */
  header: string;
  /** Column letter(s) in the workbook, e.g. "D". */
  column: string;
}

/** One reason a row was not analysed, naming the cell. */
export interface RowProblem {
  /** 1-based workbook row. */
  row: number;
  /** Column letter(s) in the workbook. */
  column: string;
  header: string;
  /** What the cell held, as the user would read it. */
  found: string;
  expected: string;
  /** The whole sentence, e.g. `Row 7, column D (Hourly cost): found "abc"; expected a number of at least 0`. */
  message: string;
}

export interface ReadWorkflow {
  workflow: Workflow;
  /** 1-based workbook row. */
  row: number;
  /** What the reader assumed on this row, e.g. that 80 in Adoption meant 80 %. */
  notes: string[];
}

export interface RejectedRow {
  row: number;
  /** The workflow's name where one could be read. */
  name: string | null;
  problems: RowProblem[];
}

export interface TableReading {
  columns: ColumnMatch[];
  workflows: ReadWorkflow[];
  rejected: RejectedRow[];
  /** Table-wide remarks, e.g. that there is no sensitivity column. */
  warnings: string[];
}

/** A whole analysis: what was read, what the model made of it, and the two plans. */
export interface Analysis {
  source: { sheet: string; address: string };
  assumptions: Assumptions;
  reading: TableReading;
  analyses: WorkflowAnalysis[];
  /** Tiers set by hand and applied, by workflow name as written. */
  overrides: Record<string, Tier>;
  /**
   * Every tier set by hand for an analysed workflow, applied or refused (Consumer on sensitive data): AI Allocation
   * keeps what the user typed, and its Tier formula refuses it again, with the reason, rather than losing it.
   */
  tiersSetByHand: Record<string, Tier>;
  comparison: PlanComparison;
  /** One per vendor named by an analysed row, in order of first appearance, then `(no vendor named)` if any. */
  vendors: VendorSummary[];
  /** Both plans' yearly cash (model.md, "The budget, year by year"). */
  budget: BudgetSchedule;
  /** The portfolio's NPV that the sensitivity bars move away from. */
  baseNpv: number;
  /** The bars, widest spread first (model.md, "Sensitivity"). */
  sensitivity: SensitivityBar[];
  /**
   * The money currency: the source's money columns' number format where it carries one, else the currency the
   * user chose, else null (no symbol).
   */
  currency: string | null;
  analysedAt: Date;
}
