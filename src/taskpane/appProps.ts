import type { WorkbookPort, WrittenSheet } from "../workbook/port";

export interface AppProps {
  /** The workbook: Office.js in Excel, ExcelJS in the playground, a fake in tests. */
  port: WorkbookPort;
  /** The sample table's CSV text (examples/sample-workflows.csv, bundled at build time). */
  sampleCsv: string;
  onWritten?(sheets: WrittenSheet[]): void;
}
