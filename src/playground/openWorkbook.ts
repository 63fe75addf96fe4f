import type { WorkbookPort } from "../workbook/port";
import { insertSampleTable } from "../taskpane/state/sampleTable";

/**
 * The playground's workbooks, over ExcelJS. It is imported on demand so that ExcelJS stays in a chunk of its
 * own: the playground page loads it when a workbook is opened, and the task pane never loads it at all.
 */
export type PlaygroundWorkbook = WorkbookPort & {
  save(): Promise<Uint8Array>;
  /** Charts the last write could not draw (ExcelJS draws none); a note in the sheet marks each one's place. */
  chartsNotDrawn?: readonly { sheet: string }[];
};

async function xlsx() {
  return import(/* webpackChunkName: "xlsx-workbook" */ "../workbook/xlsx/XlsxWorkbook");
}

export async function openWorkbookBytes(bytes: ArrayBuffer): Promise<PlaygroundWorkbook> {
  const { XlsxWorkbook } = await xlsx();
  return XlsxWorkbook.load(new Uint8Array(bytes));
}

/** An empty workbook with the sample table inserted the way the wizard's "Insert the sample table" does it. */
export async function sampleWorkbook(sampleCsv: string): Promise<PlaygroundWorkbook> {
  const { XlsxWorkbook } = await xlsx();
  const workbook = XlsxWorkbook.create();
  await insertSampleTable(workbook, sampleCsv);
  return workbook;
}
