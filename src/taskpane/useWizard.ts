import { useCallback, useDeferredValue, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { SENSITIVITY_INPUTS, sensitivitySteps, widestFirst, type SensitivityBar } from "../model";
import type { SheetRole } from "../workbook/layout";
import type { Analysis } from "../workbook/reading";
import type { Progress, WorkbookPort, WrittenSheet } from "../workbook/port";
import { notesWithoutVendor, readPreviousRun, type PreviousRun } from "../workbook/previousRun";
import { buildAnalysisLayout } from "../workbook/sheets/buildLayout";
import { draftsFrom } from "./state/assumptionFields";
import { deriveAnalysis, deriveReading, type Derived } from "./state/derive";
import { insertSampleTable } from "./state/sampleTable";
import { parseSettings, serializeSettings } from "./state/settings";
import { INITIAL_STATE, wizardReducer, type StepId, type WizardAction, type WizardState } from "./state/wizard";

/**
 * The wizard's state machine wired to a workbook: the reducer holds what the user chose, `derive` what follows
 * from it, and the async calls to the port run one at a time with a label (and, where the port reports it, a
 * progress) for the progress bar. Every failure of the port becomes a message, never an exception out of an
 * event handler.
 */

export interface WizardControls {
  state: WizardState;
  derived: Derived;
  /** What the pane is waiting for, e.g. "Reading the table…"; null when idle. */
  busy: string | null;
  /** How far the current work has got, where the port says so. */
  progress: Progress | null;
  error: string | null;
  dispatch: (action: WizardAction) => void;
  goTo: (step: StepId) => void;
  insertSample: () => Promise<void>;
  /** Inserts rows the user pasted as a new table on a new sheet, and chooses it. */
  insertPasted: (rows: (string | number)[][]) => Promise<void>;
  /** Lists the workbook's tables again: a table added in Excel since shows up. */
  refreshTables: () => Promise<void>;
  readChosenTable: () => Promise<void>;
  write: () => Promise<void>;
  selectCell: (sheet: string, address: string) => Promise<void>;
  dismissError: () => void;
  /** The sensitivity bars of the current analysis: its own, or worked out on request for a large table. */
  sensitivity: SensitivityBar[] | null;
  /** Works out the bars a large table's analysis was made without (a long piece of work, with a progress bar). */
  computeSensitivity: () => Promise<void>;
}

// Typing in a field saves at most this often: an Office.js save is a round trip to the workbook.
const SAVE_DELAY_MS = 400;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Gives the browser a turn, so the progress bar paints before a long synchronous piece of work. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An earlier run's sheets, where the workbook has them; a workbook whose sheets cannot be read starts afresh. */
async function previousRunOf(port: WorkbookPort): Promise<PreviousRun | null> {
  try {
    return await readPreviousRun(port);
  } catch {
    return null;
  }
}

/** What the wizard takes from an earlier run's sheets, and what it says about it. */
export function startFrom(run: PreviousRun): WizardAction {
  const notes: string[] = [];
  const tiers = Object.keys(run.overrides).length;
  if (run.assumptions && run.fromSheet.length > 0) {
    notes.push(
      `The assumptions are the ones on the previous run's AI Assumptions sheet (${run.fromSheet.length} read there).`,
    );
  }
  if (tiers > 0) {
    notes.push(`${tiers} ${tiers === 1 ? "tier set by hand comes" : "tiers set by hand come"} from AI Allocation.`);
  }
  const dd = Object.keys(run.dueDiligence).length;
  if (dd > 0) notes.push(`${dd} due-diligence ${dd === 1 ? "note" : "notes"} on AI Vendors will be kept.`);
  notes.push(...run.notes, ...run.problems);
  return {
    type: "previousRunRead",
    drafts: run.assumptions && run.fromSheet.length > 0 ? draftsFrom(run.assumptions) : undefined,
    overrides: run.overrides,
    notes,
  };
}

export function useWizard(
  port: WorkbookPort,
  sampleCsv: string,
  onWritten?: (sheets: WrittenSheet[]) => void,
): WizardControls {
  const [state, dispatch] = useReducer(wizardReducer, INITIAL_STATE);
  const [busy, setBusy] = useState<string | null>("Opening the workbook…");
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Two stages: a tier or an assumption changed does not read the table again.
  const stage = useMemo(() => deriveReading(state.grid, state.columns), [state.grid, state.columns]);
  // The analysis of thousands of rows takes longer than a frame: React draws the step first, with the last
  // analysis, and works out the new one in a render of its own (issue 9: no task over 200 ms).
  const inputs = useMemo(
    () => ({ grid: state.grid, stage, drafts: state.drafts, overrides: state.overrides, currency: state.currency }),
    [state.grid, stage, state.drafts, state.overrides, state.currency],
  );
  const deferred = useDeferredValue(inputs);
  const analysed = useMemo(
    () => deriveAnalysis(deferred.grid, deferred.stage, deferred.drafts, deferred.overrides, deferred.currency),
    [deferred],
  );
  // What the table reading says is always the current one's.
  const derived = useMemo(() => ({ ...analysed, ...stage }), [analysed, stage]);

  // Bars worked out on request, kept with the analysis they belong to: a later change makes them stale.
  const [deferredBars, setDeferredBars] = useState<{ analysis: Analysis; bars: SensitivityBar[] } | null>(null);
  const sensitivity = !derived.analysis
    ? null
    : !derived.sensitivityDeferred
      ? derived.analysis.sensitivity
      : deferredBars?.analysis === derived.analysis
        ? deferredBars.bars
        : null;

  /** The analysis with its sensitivity bars, working them out where the live one was made without. */
  // The analysis of what the user has chosen now: the deferred one, or, where React has not caught up yet (Write
  // clicked right after a change), worked out here, so that what is written leaves out nothing just done.
  const latest = useCallback(
    (): Derived =>
      deferred === inputs
        ? derived
        : {
            ...deriveAnalysis(inputs.grid, inputs.stage, inputs.drafts, inputs.overrides, inputs.currency),
            ...inputs.stage,
          },
    [deferred, inputs, derived],
  );

  const fullAnalysis = useCallback(
    async (current: Derived): Promise<Analysis | null> => {
      const analysis = current.analysis;
      if (!analysis || !current.sensitivityDeferred) return analysis;
      if (deferredBars?.analysis === analysis) return { ...analysis, sensitivity: deferredBars.bars };
      // Bar by bar, with the page given a turn between: each is two runs of the whole analysis, and all of them
      // at once on thousands of rows would hold the page for seconds.
      const workflows = analysis.analyses.map((a) => a.workflow);
      const steps = sensitivitySteps(
        workflows,
        analysis.assumptions,
        analysis.analyses.map((a) => a.override),
        analysis.analyses.map((a) => a.tier),
      );
      const bars: SensitivityBar[] = [];
      const total = SENSITIVITY_INPUTS.length;
      for (;;) {
        setProgress({ done: bars.length, total, stage: "Working out what moves the decision" });
        await yieldToPage();
        const next = steps.next();
        if (next.done) break;
        bars.push(next.value);
      }
      const sorted = widestFirst(bars);
      setDeferredBars({ analysis, bars: sorted });
      return { ...analysis, sensitivity: sorted };
    },
    [deferredBars],
  );

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setProgress(null);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
      setProgress(null);
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
      currency: state.currency,
    });
  }, [
    state.settingsLoaded,
    state.grid,
    state.tableId,
    state.overrides,
    state.columns,
    state.currency,
    derived.assumptions,
  ]);

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
      const previous = await previousRunOf(port);
      if (!open) return;
      if (previous) dispatch(startFrom(previous));
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

  const refreshTables = useCallback(
    () =>
      run("Looking for tables…", async () => {
        const candidates = await port.listTables();
        dispatch({ type: "candidatesListed", candidates });
      }),
    [port, run],
  );

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

  const insertPasted = useCallback(
    (rows: (string | number)[][]) =>
      run("Inserting the pasted table…", async () => {
        const existing = await port.listTables();
        const sheets = new Set(existing.map((c) => c.sheet.toLowerCase()));
        const tables = new Set(existing.map((c) => c.id.toLowerCase()));
        let n = 1;
        while (sheets.has(`workflows${n === 1 ? "" : ` (${n})`}`) || tables.has(`workflows${n === 1 ? "" : n}`)) n++;
        const inserted = await port.insertTable(
          n === 1 ? "Workflows" : `Workflows (${n})`,
          n === 1 ? "Workflows" : `Workflows${n}`,
          rows,
        );
        const candidates = await port.listTables();
        dispatch({ type: "candidatesListed", candidates, prefer: inserted.id });
        dispatch({ type: "tableChosen", id: inserted.id });
      }),
    [port, run],
  );

  const readChosenTable = useCallback(
    () =>
      run("Reading the table…", async () => {
        if (!state.tableId) throw new Error("Choose a table first.");
        const grid = await port.readTable(state.tableId);
        setBusy("Checking the rows…");
        await yieldToPage();
        dispatch({ type: "gridRead", grid });
        dispatch({ type: "stepChanged", step: "columns" });
      }),
    [port, run, state.tableId],
  );

  const write = useCallback(
    () =>
      run("Writing the sheets…", async () => {
        const current = latest();
        if (!current.analysis) throw new Error(current.analysisError ?? "There is no analysis to write yet.");
        if (settingsJson) await save(settingsJson);
        const analysis = (await fullAnalysis(current)) ?? current.analysis;
        setProgress({ done: 0, total: 1, stage: "Laying out the sheets" });
        await yieldToPage();
        // Due-diligence notes typed on AI Vendors since the last run are kept on the new sheet.
        const previous = await previousRunOf(port);
        const dueDiligence = previous?.dueDiligence ?? {};
        const layout = buildAnalysisLayout(analysis, { dueDiligence });
        const orphans = notesWithoutVendor(dueDiligence, analysis.vendors);
        await yieldToPage();
        const sheets = await port.writeAnalysis(layout, (p) => setProgress(p));
        const wanted: Partial<Record<SheetRole, string>> = {};
        for (const sheet of layout.sheets) wanted[sheet.role] = sheet.name;
        dispatch({
          type: "written",
          written: {
            sheets,
            wanted,
            layout,
            notesDropped: orphans.map((v) => `"${v}": ${dueDiligence[v]}`),
          },
        });
        onWritten?.(sheets);
      }),
    [port, run, latest, fullAnalysis, settingsJson, save, onWritten],
  );

  const selectCell = useCallback(
    (sheet: string, address: string) => run(`Selecting ${address}…`, () => port.selectCell(sheet, address)),
    [port, run],
  );

  const dismissError = useCallback(() => setError(null), []);

  const computeSensitivity = useCallback(
    () =>
      run("Working out what moves the decision…", async () => {
        await fullAnalysis(derived);
      }),
    [run, fullAnalysis, derived],
  );

  return {
    state,
    derived,
    busy,
    progress,
    error,
    dispatch,
    goTo,
    insertSample,
    insertPasted,
    refreshTables,
    readChosenTable,
    write,
    selectCell,
    dismissError,
    sensitivity,
    computeSensitivity,
  };
}
