import type { Progress } from "../workbook/port";

/**
 * The messages between the playground page and the worker that holds its workbook (workbookWorker.ts). The page
 * asks, by method name; the worker answers each request once, after any progress it reports on the way.
 */

/** What the page may ask: opening a workbook, the port's methods, and saving. */
export type WorkbookMethod =
  | "load"
  | "create"
  | "listTables"
  | "readTable"
  | "readNamedValues"
  | "ownSheets"
  | "layoutSheets"
  | "layoutRows"
  | "writeAnalysis"
  | "loadSettings"
  | "saveSettings"
  | "insertTable"
  | "save";

export interface WorkerRequest {
  id: number;
  method: WorkbookMethod;
  args: unknown[];
}

export type WorkerReply =
  | { id: number; kind: "progress"; progress: Progress }
  | { id: number; kind: "done"; result: unknown }
  /** The error's name is kept: the page tells an XlsxError's message (written for people) from any other. */
  | { id: number; kind: "failed"; name: string; message: string };

/**
 * Rows of a layout go to the worker in slices of this many, the page given a turn between: copying 5,000 rows'
 * cells into one message is a task of hundreds of milliseconds.
 */
export const LAYOUT_SLICE_ROWS = 500;

/** The worker's script, beside the pages in dist/ (webpack.config.js builds it as its own entry). */
export const WORKER_SCRIPT = "workbook-worker.js";
