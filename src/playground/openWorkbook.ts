import type { WorkbookPort } from "../workbook/port";
import { insertSampleTable } from "../taskpane/state/sampleTable";

/**
 * The playground's workbooks, over the .xlsx adapter. In a browser the workbook lives in a worker
 * (workerWorkbook.ts), so that opening, reading, writing and saving thousands of rows never hold the page; where
 * there is no Worker (a test's DOM) it is loaded on demand here, in a chunk of its own that the task pane never
 * loads.
 */
export type PlaygroundWorkbook = WorkbookPort & {
  save(): Promise<Uint8Array>;
  /** Charts the last write could not draw; a note in the sheet marks each one's place. */
  chartsNotDrawn?: readonly { sheet: string }[];
  /** Lets go of the workbook (its worker) once another is opened. */
  close?(): void;
};

const inWorker = () => typeof Worker !== "undefined";

async function xlsx() {
  return import(/* webpackChunkName: "xlsx-workbook" */ "../workbook/xlsx/XlsxWorkbook");
}

async function worker() {
  return import(/* webpackChunkName: "worker-workbook" */ "./workerWorkbook");
}

export async function openWorkbookBytes(bytes: ArrayBuffer): Promise<PlaygroundWorkbook> {
  if (inWorker()) return (await worker()).WorkerWorkbook.open(bytes);
  const { XlsxWorkbook } = await xlsx();
  return XlsxWorkbook.load(new Uint8Array(bytes));
}

/** An empty workbook with the sample table inserted the way the wizard's "Insert the sample table" does it. */
export async function sampleWorkbook(sampleCsv: string): Promise<PlaygroundWorkbook> {
  const workbook = inWorker() ? await (await worker()).WorkerWorkbook.create() : (await xlsx()).XlsxWorkbook.create();
  await insertSampleTable(workbook, sampleCsv);
  return workbook;
}
