import type { WorkbookPort } from "../port";

/**
 * What the task pane needs from Office beyond the workbook, kept apart from React and testable without a host:
 *
 * - In the shared runtime the page lives as long as the document is open, and may start at file open because a
 *   cell calls one of the functions, with the pane hidden. `Office.addin.onVisibilityModeChanged` (SharedRuntime
 *   1.1) says when the pane is shown again: the table list is refreshed then and the theme read again, since
 *   `Office.onReady` runs once.
 * - The first `context.sync()` at file open can hang forever (office-js #6678): the pane makes its first Excel
 *   calls only once it is first shown, each under a time limit, with a way to try again.
 */

/** The part of `Office.addin` the pane uses; absent outside the shared runtime. */
export interface VisibilityEvents {
  onVisibilityModeChanged(handler: (message: { visibilityMode: string }) => void): Promise<() => Promise<void>>;
}

export interface PaneVisibility {
  /** Resolves once the pane has been shown (at once where it is shown now, or where the host cannot tell). */
  readonly firstShown: Promise<void>;
  /** Calls `listener` each time the pane is shown again; returns the way to stop. */
  onShown(listener: () => void): () => void;
}

/** Office.VisibilityMode.taskpane */
const SHOWN = "Taskpane";

export function paneVisibility(events: VisibilityEvents | undefined, shownNow: boolean): PaneVisibility {
  const listeners = new Set<() => void>();
  let markShown: () => void = () => undefined;
  const firstShown = new Promise<void>((resolve) => (markShown = resolve));
  if (shownNow || !events) markShown();
  events
    ?.onVisibilityModeChanged((message) => {
      if (message.visibilityMode !== SHOWN) return;
      markShown();
      for (const listener of [...listeners]) listener();
    })
    // A host without the event (no shared runtime) still shows the pane; it just never says so again.
    .catch(() => markShown());
  return {
    firstShown,
    onShown(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Excel gave no answer within the time allowed: what the pane tells the user, with a way to try again. */
export class ExcelNotAnswering extends Error {
  constructor(readonly seconds: number) {
    super(
      `Excel did not answer within ${seconds} seconds. It may still be opening the workbook or recalculating; ` +
        `wait a moment and choose Retry. If it keeps happening, close and reopen the add-in.`,
    );
    this.name = "ExcelNotAnswering";
  }
}

/** How long the pane waits for Excel's first answer before saying so. */
export const FIRST_ANSWER_SECONDS = 20;

/** `work`, or ExcelNotAnswering once `seconds` pass without an answer (the work itself cannot be cancelled). */
export function withTimeout<T>(work: () => Promise<T>, seconds: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ExcelNotAnswering(seconds)), seconds * 1000);
    work().then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * The port with a time limit on its calls until Excel has answered once: a hang at file open becomes a message
 * instead of a pane that waits forever, while a long write later on is never cut short.
 */
export function answeringPort(port: WorkbookPort, seconds = FIRST_ANSWER_SECONDS): WorkbookPort {
  let answered = false;
  const guard = <T>(work: () => Promise<T>): Promise<T> => {
    if (answered) return work();
    return withTimeout(work, seconds).then((value) => {
      answered = true;
      return value;
    });
  };
  const wrapped: WorkbookPort = {
    listTables: () => guard(() => port.listTables()),
    readTable: (id) => guard(() => port.readTable(id)),
    writeAnalysis: (layout, onProgress) => guard(() => port.writeAnalysis(layout, onProgress)),
    ownSheets: () => guard(() => port.ownSheets()),
    loadSettings: () => guard(() => port.loadSettings()),
    saveSettings: (json) => guard(() => port.saveSettings(json)),
    insertTable: (sheet, table, rows) => guard(() => port.insertTable(sheet, table, rows)),
    selectCell: (sheet, address) => guard(() => port.selectCell(sheet, address)),
  };
  if (port.readNamedValues) {
    const read = port.readNamedValues.bind(port);
    wrapped.readNamedValues = (names) => guard(() => read(names));
  }
  return wrapped;
}

/** Excel's first answer: a cheap read that touches the workbook (the add-in's own sheets), under the limit. */
export function firstAnswer(port: WorkbookPort, seconds = FIRST_ANSWER_SECONDS): Promise<void> {
  return withTimeout(() => port.ownSheets(), seconds).then(() => undefined);
}
