import { createRoot } from "react-dom/client";
import sampleCsv from "../../examples/sample-workflows.csv";
import { OfficeWorkbook } from "../workbook/office/OfficeWorkbook";
import { App } from "./App";
import { isDark } from "./theme";
import { ThemedShell } from "./ThemedShell";

/** The task pane in Excel: the wizard over the open workbook, in the theme Office shows when the pane opens. */
Office.onReady(() => {
  const element = document.getElementById("root");
  if (!element) return;
  createRoot(element).render(
    <ThemedShell dark={isDark(Office.context?.officeTheme)}>
      <App port={new OfficeWorkbook()} sampleCsv={sampleCsv} />
    </ThemedShell>,
  );
});
