import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { SheetRole } from "../workbook/layout";
import type { WorkbookPort, WrittenSheet } from "../workbook/port";
import { buildAnalysisLayout } from "../workbook/sheets/buildLayout";
import { derive, type Derived } from "./state/derive";
import { insertSampleTable } from "./state/sampleTable";
import { parseSettings, serializeSettings } from "./state/settings";
import { INITIAL_STATE, wizardReducer, type StepId, type WizardAction, type WizardState } from "./state/wizard";

/**
 * The wizard's state machine wired to a workbook: the reducer holds what the user chose, `derive` what follows
 * from it, and the async calls to the port run one at a time with a label for the spinner. Every failure of the
 * port becomes a message, never an exception out of an event handler.
 */

export interface WizardControls {
  state: WizardState;
  derived: Derived;
  /** What the pane is waiting for, e.g. "Reading the table…"; null when idle. */
  busy: string | null;
  error: string | null;
  dispatch: (action: WizardAction) => void;
  goTo: (step: StepId) => void;
  insertSample: () => Promise<void>;
  readChosenTable: () => Promise<void>;
  write: () => Promise<void>;
  selectCell: (sheet: string, address: string) => Promise<void>;
  dismissError: () => void;
}

// Typing in a field saves at most this often: an Office.js save is a round trip to the workbook.
const SAVE_DELAY_MS = 400;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useWizard(
  port: WorkbookPort,
  sampleCsv: string,
  onWritten?: (sheets: WrittenSheet[]) => void,
): WizardControls {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  const [busy, setBusy] = useState<string | null>("Opening the workbook…");
  const [error, setError] = useState<string | null>(null);
  const derived = useMemo(() => derive(state), [state]);

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }, []);

  // The saved table id is kept until the user reads a table, so opening the pane alone never rewrites settings.
  const savedTable = useRef<string | null>(null);
  const lastSaved = useRef<string | null>(null);
  const settingsJson = useMemo(() => {
    const assumptions = derived.assumptions.assumptions;
    if (!state.settingsLoaded || !assumptions) return null;
    return serializeSettings({
      table: state.grid ? state.tableId : savedTable.current,
      assumptions,
      overrides: state.overrides,
      columns: state.columns,
    });
  }, [state.settingsLoaded, state.grid, state.tableId, state.overrides, state.columns, derived.assumptions]);

  const save = useCallback(
    async (json: string) => {
      if (json === lastSaved.current) return;
      lastSaved.current = json;
      await port.saveSettings(json);
    },
    [port],
  );

  useEffect(() => {
    let open = true;
    void run("Opening the workbook…", async () => {
      let saved = null;
      try {
        saved = parseSettings(await port.loadSettings());
      } catch (e) {
        // Saved settings are a convenience: without them the wizard starts from the defaults.
        setError(`The saved settings could not be read (${messageOf(e)}); starting from the defaults.`);
      }
      if (!open) return;
      savedTable.current = saved?.table ?? null;
      dispatch({ type: "settingsLoaded", settings: saved });
      const candidates = await port.listTables();
      if (open) dispatch({ type: "candidatesListed", candidates, prefer: saved?.table ?? undefined });
    });
    return () => {
      open = false;
    };
  }, [port, run]);

  useEffect(() => {
    if (settingsJson === null) return;
    // What was loaded (or the defaults) needs no saving: only a change does.
    if (lastSaved.current === null) {
      lastSaved.current = settingsJson;
      return;
    }
    const timer = setTimeout(() => {
      save(settingsJson).catch((e) => setError(`The settings could not be saved in the workbook: ${messageOf(e)}`));
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [settingsJson, save]);

  const goTo = useCallback((step: StepId) => dispatch({ type: "stepChanged", step }), []);

  const insertSample = useCallback(
    () =>
      run("Inserting the sample table…", async () => {
        const inserted = await insertSampleTable(port, sampleCsv);
        const candidates = await port.listTables();
        dispatch({ type: "candidatesListed", candidates, prefer: inserted.id });
        dispatch({ type: "tableChosen", id: inserted.id });
      }),
    [port, run, sampleCsv],
  );

  const readChosenTable = useCallback(
    () =>
      run("Reading the table…", async () => {
        if (!state.tableId) throw new Error("Choose a table first.");
        const grid = await port.readTable(state.tableId);
        dispatch({ type: "gridRead", grid });
        dispatch({ type: "stepChanged", step: "columns" });
      }),
    [port, run, state.tableId],
  );

  const write = useCallback(
    () =>
      run("Writing the sheets…", async () => {
        const analysis = derived.analysis;
        if (!analysis) throw new Error(derived.analysisError ?? "There is no analysis to write yet.");
        if (settingsJson) await save(settingsJson);
        const layout = buildAnalysisLayout(analysis);
        const sheets = await port.writeAnalysis(layout);
        const wanted: Partial<Record<SheetRole, string>> = {};
        for (const sheet of layout.sheets) wanted[sheet.role] = sheet.name;
        dispatch({ type: "written", written: { sheets, wanted } });
        onWritten?.(sheets);
      }),
    [port, run, derived.analysis, derived.analysisError, settingsJson, save, onWritten],
  );

  const selectCell = useCallback(
    (sheet: string, address: string) => run(`Selecting ${address}…`, () => port.selectCell(sheet, address)),
    [port, run],
  );

  const dismissError = useCallback(() => setError(null), []);

  return {
    state,
    derived,
    busy,
    error,
    dispatch,
    goTo,
    insertSample,
    readChosenTable,
    write,
    selectCell,
    dismissError,
  };
}
