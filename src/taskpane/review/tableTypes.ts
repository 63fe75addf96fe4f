import type { ReactNode } from "react";
import type { Tier } from "../../model";
import type { Term } from "./Explain";
import type { SortKey, WorkflowRow } from "./workflowRows";

/** The review table's columns and callbacks (types only, kept out of the components). */
export interface Column {
  key: SortKey | "reason";
  label: string;
  /** The glossary entry its header explains on hover or focus. */
  term?: Term;
  /** Width as a share of the table, so the columns fit any pane width. */
  width: string;
  numeric?: boolean;
  cell(row: WorkflowRow): ReactNode;
}

export type TierSetter = (name: string, tier: Tier | null) => void;
export type SortHandler = (key: SortKey) => void;
/** Renders a control that takes the id of its description. */
export type DescribedControl = (describedBy: string) => ReactNode;
