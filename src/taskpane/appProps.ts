import type { WorkbookPort, WrittenSheet } from "../workbook/port";

export interface AppProps {
  /** The workbook: Office.js in Excel, ExcelJS in the playground, a fake in tests. */
  port: WorkbookPort;
  /** The sample table's CSV text (examples/sample-workflows.csv, bundled at build time). */
  sampleCsv: string;
  onWritten?(sheets: WrittenSheet[]): void;
  /**
   * Where the host can say so (Excel's shared runtime: Office.addin.onVisibilityModeChanged), subscribes a
   * listener called each time the pane is shown again after being hidden, so the wizard can list the tables
   * afresh; returns the way to unsubscribe. Absent in the playground, where the page is never hidden.
   */
  onPaneShown?: (listener: () => void) => () => void;
}
