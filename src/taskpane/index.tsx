import { createRoot } from "react-dom/client";
import sampleCsv from "../../examples/sample-workflows.csv";
import { OfficeWorkbook } from "../workbook/office/OfficeWorkbook";
import { App } from "./App";
import { HostMessage } from "./HostMessage";
import { isDark } from "./theme";
import { ThemedShell } from "./ThemedShell";

/** The task pane in Excel: the wizard over the open workbook, in the theme Office shows when the pane opens. */
const element = document.getElementById("root");
if (element) {
  const root = createRoot(element);
  if (typeof Office === "undefined") {
    // office.js failed to load (offline, blocked): say so rather than leave a blank pane.
    root.render(
      <ThemedShell dark={false}>
        <HostMessage reason="no-office" />
      </ThemedShell>,
    );
  } else {
    Office.onReady((info) => {
      const dark = isDark(Office.context?.officeTheme);
      root.render(
        <ThemedShell dark={dark}>
          {info.host === Office.HostType.Excel ? (
            <App port={new OfficeWorkbook()} sampleCsv={sampleCsv} />
          ) : (
            <HostMessage reason="not-excel" />
          )}
        </ThemedShell>,
      );
    });
  }
}
