import { Spinner } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { PaneVisibility } from "../workbook/office/paneHost";
import type { AppProps } from "./appProps";
import { ErrorBoundary } from "./ErrorBoundary";
import { HostMessage } from "./HostMessage";
import { isDark, type HostTheme } from "./theme";
import { ThemedShell } from "./ThemedShell";
import { Wizard } from "./Wizard";

export type { AppProps };

/** The task-pane wizard, for any host that offers a WorkbookPort. */
export function App(props: AppProps) {
  return (
    <ErrorBoundary>
      <Wizard {...props} />
    </ErrorBoundary>
  );
}

export interface OfficePaneProps {
  /** The workbook, its first calls under a time limit (paneHost.answeringPort). */
  port: AppProps["port"];
  sampleCsv: string;
  visibility: PaneVisibility;
  /** Office's theme as it is now (Office.context.officeTheme). */
  readTheme: () => HostTheme | null | undefined;
}

type Phase = { kind: "waiting" } | { kind: "ready" } | { kind: "no-answer"; detail: string };

/**
 * The pane in Excel: nothing asks Excel anything until the pane is first shown (the shared runtime may start
 * hidden at file open); then one cheap call checks Excel answers, with a message and Retry where it does not;
 * then the wizard. The theme is read again each time the pane is shown, since Office.onReady runs only once.
 */
export function OfficePane({ port, sampleCsv, visibility, readTheme }: OfficePaneProps) {
  const [dark, setDark] = useState(() => isDark(readTheme()));
  const [phase, setPhase] = useState<Phase>({ kind: "waiting" });

  useEffect(() => visibility.onShown(() => setDark(isDark(readTheme()))), [visibility, readTheme]);

  const ask = useCallback(() => {
    setPhase({ kind: "waiting" });
    port.ownSheets().then(
      () => setPhase({ kind: "ready" }),
      (error: unknown) =>
        setPhase({ kind: "no-answer", detail: error instanceof Error ? error.message : String(error) }),
    );
  }, [port]);

  useEffect(() => {
    let live = true;
    void visibility.firstShown.then(() => {
      if (live) ask();
    });
    return () => {
      live = false;
    };
  }, [visibility, ask]);

  return (
    <ThemedShell dark={dark}>
      {phase.kind === "ready" ? (
        <App port={port} sampleCsv={sampleCsv} onPaneShown={visibility.onShown} />
      ) : phase.kind === "no-answer" ? (
        <HostMessage reason="no-answer" detail={phase.detail} onRetry={ask} />
      ) : (
        <Spinner label="Waiting for Excel…" />
      )}
    </ThemedShell>
  );
}
