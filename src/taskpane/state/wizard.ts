import type { Tier } from "../../model";
import { chooseTable } from "../../workbook/chooseTable";
import type { AnalysisLayout, SheetRole } from "../../workbook/layout";
import type { SourceGrid, TableCandidate, WrittenSheet } from "../../workbook/port";
import type { FieldName } from "../../workbook/reading";
import { DEFAULT_DRAFTS, draftsFrom, type AssumptionDrafts, type AssumptionKey } from "./assumptionFields";
import type { ColumnChoices, SavedSettings } from "./settings";

/**
 * The wizard's state and every change to it, as a plain reducer: which step, which table, what the user chose
 * and typed. What follows from it (the reading, the analysis) is derived in derive.ts, never stored, so the
 * review always matches what is on screen.
 */

export type StepId = "source" | "columns" | "assumptions" | "review" | "write";

export const STEPS: readonly { id: StepId; title: string }[] = [
  { id: "source", title: "Source" },
  { id: "columns", title: "Columns" },
  { id: "assumptions", title: "Assumptions" },
  { id: "review", title: "Review" },
  { id: "write", title: "Write" },
];

export interface WizardState {
  step: StepId;
  /** null until the workbook has been asked. */
  candidates: TableCandidate[] | null;
  tableId: string | null;
  grid: SourceGrid | null;
  columns: ColumnChoices;
  drafts: AssumptionDrafts;
  overrides: Record<string, Tier>;
  /** The currency chosen on the Assumptions step, for a table whose money cells carry none; null: no sign. */
  currency: string | null;
  /** What the wizard started from, said once on the Source step (a previous run's sheets, saved settings). */
  startedFrom: string[];
  /** The last write, cleared by any change that would write something else. */
  written: Written | null;
  /** True once the saved settings were read (or found missing): only then may the wizard save over them. */
  settingsLoaded: boolean;
  /** The source cell a problem pointed at, previewed with the rows around it. */
  shownCell: ShownCell | null;
}

/** 1-based workbook row and column of a source cell. */
export interface ShownCell {
  row: number;
  column: number;
}

export interface Written {
  sheets: WrittenSheet[];
  /** The name each sheet was meant to have, so a renamed one can be explained. */
  wanted: Partial<Record<SheetRole, string>>;
  /** What was written, for a preview of the sheets. */
  layout?: AnalysisLayout;
  /** Due-diligence notes of vendors no analysed row names any more, so no row of AI Vendors could keep them. */
  notesDropped?: string[];
}

export type WizardAction =
  | { type: "settingsLoaded"; settings: Partial<Omit<SavedSettings, "version">> | null }
  | { type: "candidatesListed"; candidates: TableCandidate[]; prefer?: string }
  | { type: "tableChosen"; id: string }
  | { type: "gridRead"; grid: SourceGrid }
  | { type: "columnChosen"; field: FieldName; header: string | null | undefined }
  | { type: "draftChanged"; key: AssumptionKey; text: string }
  | { type: "assumptionsReset" }
  | { type: "tierSet"; name: string; tier: Tier | null }
  | { type: "stepChanged"; step: StepId }
  | { type: "written"; written: Written }
  | { type: "cellShown"; cell: ShownCell | null }
  | { type: "currencyChosen"; currency: string | null }
  | { type: "previousRunRead"; drafts?: AssumptionDrafts; overrides: Record<string, Tier>; notes: string[] };

export const INITIAL_STATE: WizardState = {
  step: "source",
  candidates: null,
  tableId: null,
  grid: null,
  columns: {},
  drafts: { ...DEFAULT_DRAFTS },
  overrides: {},
  currency: null,
  startedFrom: [],
  written: null,
  settingsLoaded: false,
  shownCell: null,
};

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case "settingsLoaded": {
      const s = action.settings ?? {};
      return {
        ...state,
        settingsLoaded: true,
        tableId: state.tableId ?? s.table ?? null,
        drafts: s.assumptions ? draftsFrom(s.assumptions) : state.drafts,
        overrides: s.overrides ?? state.overrides,
        columns: s.columns ?? state.columns,
        currency: s.currency ?? state.currency,
      };
    }
    case "candidatesListed": {
      const ids = action.candidates.map((c) => c.id);
      const keep = [action.prefer, state.tableId].find((id) => id !== undefined && id !== null && ids.includes(id));
      return { ...state, candidates: action.candidates, tableId: keep ?? chooseTable(action.candidates)?.id ?? null };
    }
    case "tableChosen":
      return action.id === state.tableId ? state : { ...state, tableId: action.id, grid: null, written: null };
    case "gridRead":
      return { ...state, grid: action.grid, written: null, shownCell: null };
    case "columnChosen": {
      const columns = { ...state.columns };
      if (action.header === undefined) delete columns[action.field];
      else columns[action.field] = action.header;
      return { ...state, columns, written: null };
    }
    case "draftChanged":
      return { ...state, drafts: { ...state.drafts, [action.key]: action.text }, written: null };
    case "assumptionsReset":
      return { ...state, drafts: { ...DEFAULT_DRAFTS }, written: null };
    case "tierSet": {
      const overrides = { ...state.overrides };
      if (action.tier === null) delete overrides[action.name];
      else overrides[action.name] = action.tier;
      return { ...state, overrides, written: null };
    }
    case "stepChanged":
      return { ...state, step: action.step };
    case "written":
      return { ...state, written: action.written };
    case "cellShown":
      return { ...state, shownCell: action.cell };
    case "currencyChosen":
      return { ...state, currency: action.currency, written: null };
    case "previousRunRead":
      // The sheets hold what the user typed after the last run: they win over the saved settings.
      return {
        ...state,
        drafts: action.drafts ?? state.drafts,
        overrides: { ...state.overrides, ...action.overrides },
        startedFrom: action.notes,
      };
  }
}
