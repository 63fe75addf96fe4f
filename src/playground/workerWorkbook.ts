import type { AnalysisLayout, GridValue, SheetRole } from "../workbook/layout";
import type { ProgressListener, SourceGrid, TableCandidate, WrittenSheet } from "../workbook/port";
import type { PlaygroundWorkbook } from "./openWorkbook";
import {
  LAYOUT_SLICE_ROWS,
  WORKER_SCRIPT,
  type WorkbookMethod,
  type WorkerReply,
  type WorkerRequest,
} from "./workerProtocol";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  onProgress?: ProgressListener;
}

/**
 * The playground's port over a workbook held in a worker (workbookWorker.ts): every call a message, answered
 * when the worker is done, so the page stays responsive however large the workbook.
 */
export class WorkerWorkbook implements PlaygroundWorkbook {
  chartsNotDrawn: readonly { sheet: string }[] = [];
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.reply(event.data);
    // A worker that fails outside a request (its script did not load) fails every request waiting on it.
    worker.onerror = (event) => {
      event.preventDefault();
      this.failAll(new Error("The playground's workbook worker stopped. Reload the page and open the workbook again."));
    };
  }

  private static start(): WorkerWorkbook {
    return new WorkerWorkbook(new Worker(WORKER_SCRIPT));
  }

  static async open(bytes: ArrayBuffer): Promise<WorkerWorkbook> {
    const book = WorkerWorkbook.start();
    try {
      // The bytes move to the worker rather than being copied: the page has no more use for them.
      await book.call("load", [new Uint8Array(bytes)], undefined, [bytes]);
    } catch (error) {
      book.close();
      throw error;
    }
    return book;
  }

  static async create(): Promise<WorkerWorkbook> {
    const book = WorkerWorkbook.start();
    await book.call("create", []);
    return book;
  }

  private reply(message: WorkerReply): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === "progress") {
      pending.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === "done") pending.resolve(message.result);
    else {
      const error = new Error(message.message);
      error.name = message.name;
      pending.reject(error);
    }
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }

  private call<T>(
    method: WorkbookMethod,
    args: unknown[],
    onProgress?: ProgressListener,
    transfer: Transferable[] = [],
  ) {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress });
      const request: WorkerRequest = { id, method, args };
      this.worker.postMessage(request, transfer);
    });
  }

  /** Ends the worker and the workbook it holds. */
  close(): void {
    this.worker.terminate();
    this.failAll(new Error("The workbook was closed."));
  }

  listTables(): Promise<TableCandidate[]> {
    return this.call("listTables", []);
  }

  readTable(id: string): Promise<SourceGrid> {
    return this.call("readTable", [id]);
  }

  readNamedValues(names: readonly string[]): Promise<Record<string, GridValue>> {
    return this.call("readNamedValues", [[...names]]);
  }

  ownSheets(): Promise<{ role: SheetRole; name: string }[]> {
    return this.call("ownSheets", []);
  }

  async writeAnalysis(layout: AnalysisLayout, onProgress?: ProgressListener): Promise<WrittenSheet[]> {
    // Each message is a task on the page (its copy is made there): slices keep each one short.
    await this.call("layoutSheets", [layout.sheets.map((sheet) => ({ ...sheet, rows: [] }))]);
    for (const [i, sheet] of layout.sheets.entries()) {
      for (let at = 0; at < sheet.rows.length; at += LAYOUT_SLICE_ROWS) {
        await this.call("layoutRows", [i, sheet.rows.slice(at, at + LAYOUT_SLICE_ROWS)]);
      }
    }
    const { written, chartsNotDrawn } = await this.call<{
      written: WrittenSheet[];
      chartsNotDrawn: { sheet: string }[];
    }>("writeAnalysis", [], onProgress);
    this.chartsNotDrawn = chartsNotDrawn;
    return written;
  }

  loadSettings(): Promise<string | null> {
    return this.call("loadSettings", []);
  }

  saveSettings(json: string): Promise<void> {
    return this.call("saveSettings", [json]);
  }

  insertTable(sheetName: string, tableName: string, rows: (string | number)[][]): Promise<TableCandidate> {
    return this.call("insertTable", [sheetName, tableName, rows]);
  }

  /** The playground has no selection to move: the wizard shows the cell in its own preview. */
  async selectCell(): Promise<void> {}

  save(): Promise<Uint8Array> {
    return this.call("save", []);
  }
}
