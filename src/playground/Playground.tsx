import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, messageBarBodyClassNames, tokens } from "@fluentui/react-components";
import { Text } from "../taskpane/text";
import { useRef, useState, type ChangeEvent } from "react";
import { BusyBar } from "../taskpane/BusyBar";
import { yieldToPage } from "../taskpane/useWizard";
import { Wizard } from "../taskpane/Wizard";
import type { AfterWrite } from "../taskpane/wizardProps";
import { downloadBytes, resultFileName } from "./download";
import { openErrorMessage } from "./openError";
import { openWorkbookBytes, sampleWorkbook, type PlaygroundWorkbook } from "./openWorkbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "1240px",
    boxSizing: "border-box",
    // A file's error can quote a long name: wrap it rather than widen the page.
    [`& .${messageBarBodyClassNames.root}`]: { overflowWrap: "anywhere" },
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  choices: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // The real file input: out of sight, still labelled, so the Fluent button opens it and tests can reach it.
  file: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  name: { overflowWrap: "anywhere" },
  prose: { maxWidth: "70ch" },
});

type Open = { workbook: PlaygroundWorkbook; name: string; generation: number };

/**
 * The browser playground: open an .xlsx file or start from the sample, run the same wizard as the task pane
 * over it, preview the written sheets and download the result. No Office, no server: the workbook never leaves
 * the page.
 */
export function Playground({ sampleCsv }: { sampleCsv: string }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const current = useRef<PlaygroundWorkbook | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async (label: string, name: string, load: () => Promise<PlaygroundWorkbook>) => {
    setBusy(label);
    setError(null);
    try {
      // The progress bar paints before the file is unpacked.
      await yieldToPage();
      const workbook = await load();
      // The workbook it replaces lets go of its worker; a state updater must stay free of such effects.
      current.current?.close?.();
      current.current = workbook;
      setOpen((previous) => ({ workbook, name, generation: (previous?.generation ?? 0) + 1 }));
    } catch (e) {
      setError(openErrorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    void start(`Opening ${file.name}…`, file.name, async () => openWorkbookBytes(await file.arrayBuffer()));
  };

  const afterWrite: AfterWrite | undefined = open
    ? {
        label: "Download the result workbook",
        run: async () => {
          const name = resultFileName(open.name);
          let bytes: Uint8Array;
          try {
            bytes = await open.workbook.save();
          } catch {
            throw new Error("The workbook could not be saved. Write the analysis again, then download.");
          }
          downloadBytes(bytes, name);
          const chartless = [...new Set((open.workbook.chartsNotDrawn ?? []).map((c) => c.sheet))];
          return (
            `Downloaded ${name}: your workbook with the analysis sheets added; the original file is unchanged.` +
            (chartless.length > 0
              ? ` The chart on ${chartless.join(", ")} could not be drawn in this file; its data is on the sheet.`
              : "")
          );
        },
      }
    : undefined;

  return (
    <div>
      <header className={styles.bar}>
        <h1 className={styles.title}>AIBUDGET playground</h1>
        {open && (
          <Text size={200} className={styles.name}>
            {open.name}
          </Text>
        )}
      </header>
      <div className={styles.root}>
        {!open && (
          <Text className={styles.prose}>
            The add-in&apos;s wizard, in your browser, over an Excel workbook. Nothing leaves this page: the result is a
            workbook you download.
          </Text>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>That file did not open</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {busy && <BusyBar label={busy} />}
        <div className={styles.choices}>
          <Button
            appearance={open ? "secondary" : "primary"}
            disabled={busy !== null}
            onClick={() => void start("Preparing the sample…", "aibudget-sample.xlsx", () => sampleWorkbook(sampleCsv))}
          >
            {open ? "Start again from the sample" : "Start from the sample"}
          </Button>
          <Button disabled={busy !== null} onClick={() => input.current?.click()}>
            {open ? "Open another workbook (.xlsx)" : "Open a workbook (.xlsx)"}
          </Button>
          <input
            ref={input}
            className={styles.file}
            type="file"
            tabIndex={-1}
            aria-label="Workbook file (.xlsx)"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy !== null}
            onChange={onFile}
          />
        </div>
      </div>
      {open && (
        <Wizard
          key={open.generation}
          port={open.workbook}
          sampleCsv={sampleCsv}
          afterWrite={afterWrite}
          previewWritten
        />
      )}
    </div>
  );
}
