import { createRoot } from "react-dom/client";
import sampleCsv from "../../examples/sample-workflows.csv";
import { ErrorBoundary } from "../taskpane/ErrorBoundary";
import { ThemedShell } from "../taskpane/ThemedShell";
import { Playground } from "./Playground";

/** The playground page: light unless the browser asks for dark, as there is no Office theme to follow. */
const element = document.getElementById("root");
if (element) {
  const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  createRoot(element).render(
    <ThemedShell dark={dark}>
      <ErrorBoundary>
        <Playground sampleCsv={sampleCsv} />
      </ErrorBoundary>
    </ThemedShell>,
  );
}
