import { createRoot } from "react-dom/client";
import sampleCsv from "../../examples/sample-workflows.csv";
import { OfficeWorkbook } from "../workbook/office/OfficeWorkbook";
import { answeringPort, paneVisibility, type VisibilityEvents } from "../workbook/office/paneHost";
import { OfficePane } from "./App";
import { HostMessage } from "./HostMessage";
import { ThemedShell } from "./ThemedShell";

/** The task pane in Excel: the wizard over the open workbook, in Office's theme, read again each time it is shown. */
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
      if (info.host !== Office.HostType.Excel) {
        root.render(
          <ThemedShell dark={false}>
            <HostMessage reason="not-excel" />
          </ThemedShell>,
        );
        return;
      }
      // Office.addin exists only in the shared runtime; a hidden page there reports itself as hidden.
      const events = (Office as { addin?: VisibilityEvents }).addin;
      const visibility = paneVisibility(events, document.visibilityState !== "hidden");
      root.render(
        <OfficePane
          port={answeringPort(new OfficeWorkbook())}
          sampleCsv={sampleCsv}
          visibility={visibility}
          readTheme={() => Office.context?.officeTheme}
        />,
      );
    });
  }
}
