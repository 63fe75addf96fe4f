import { XlsxWorkbook } from "../workbook/xlsx/XlsxWorkbook";
import type { AnalysisLayout, SheetLayout } from "../workbook/layout";
import type { WorkbookMethod, WorkerReply, WorkerRequest } from "./workerProtocol";

/**
 * The playground's workbook, off the page's thread: unpacking, reading, writing and saving a workbook of thousands
 * of rows take seconds, which on the page would freeze it (issue 9: no task over 200 ms). One workbook a worker;
 * the page starts a new worker for each workbook it opens.
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let book: XlsxWorkbook | null = null;
/** The layout being sent, sheet by sheet and slice by slice, before "writeAnalysis" writes it. */
let layout: AnalysisLayout | null = null;

function opened(): XlsxWorkbook {
  if (!book) throw new Error("No workbook is open.");
  return book;
}

async function answer(id: number, method: WorkbookMethod, args: unknown[]): Promise<unknown> {
  switch (method) {
    case "load":
      book = await XlsxWorkbook.load(args[0] as Uint8Array);
      return null;
    case "create":
      book = XlsxWorkbook.create();
      return null;
    case "listTables":
      return opened().listTables();
    case "readTable":
      return opened().readTable(args[0] as string);
    case "readNamedValues":
      return opened().readNamedValues(args[0] as string[]);
    case "ownSheets":
      return opened().ownSheets();
    case "layoutSheets":
      layout = { sheets: args[0] as SheetLayout[] };
      return null;
    case "layoutRows": {
      if (!layout) throw new Error("No layout is being sent.");
      const rows = args[1] as SheetLayout["rows"];
      const sheet = layout.sheets[args[0] as number];
      for (const row of rows) sheet.rows.push(row);
      return null;
    }
    case "writeAnalysis": {
      if (!layout) throw new Error("No layout was sent.");
      const sent = layout;
      layout = null;
      const written = await opened().writeAnalysis(sent, (progress) =>
        scope.postMessage({ id, kind: "progress", progress }),
      );
      return { written, chartsNotDrawn: opened().chartsNotDrawn };
    }
    case "loadSettings":
      return opened().loadSettings();
    case "saveSettings":
      return opened().saveSettings(args[0] as string);
    case "insertTable":
      return opened().insertTable(args[0] as string, args[1] as string, args[2] as (string | number)[][]);
    case "save":
      return opened().save();
  }
}

scope.onmessage = (event) => {
  const { id, method, args } = event.data;
  answer(id, method, args).then(
    (result) =>
      scope.postMessage(
        { id, kind: "done", result },
        result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [],
      ),
    (error: unknown) =>
      scope.postMessage({
        id,
        kind: "failed",
        name: error instanceof Error ? error.name : "Error",
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
