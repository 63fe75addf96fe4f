import {
  Button,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  messageBarBodyClassNames,
  Spinner,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState, type ChangeEvent } from "react";
import { App } from "../taskpane/App";
import { downloadBytes, resultFileName } from "./download";
import { openWorkbookBytes, sampleWorkbook, type PlaygroundWorkbook } from "./openWorkbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
    boxSizing: "border-box",
    // A file's error can quote a long URL or name: wrap it rather than widen the page.
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
  choices: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  file: { maxWidth: "100%", color: tokens.colorNeutralForeground1 },
  name: { overflowWrap: "anywhere" },
});

type Open = { workbook: PlaygroundWorkbook; name: string; generation: number };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The browser playground: open an .xlsx file or start from the sample, run the same wizard as the task pane
 * over it, and download the result. No Office, no server: the workbook never leaves the page.
 */
export function Playground({ sampleCsv }: { sampleCsv: string }) {
  const styles = useStyles();
  const fileId = useId("workbook-file");
  const [open, setOpen] = useState<Open | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [written, setWritten] = useState(false);
  // Sheets whose chart the last download could not carry (the adapter says so after saving).
  const [chartless, setChartless] = useState<string[]>([]);

  const start = async (label: string, name: string, load: () => Promise<PlaygroundWorkbook>) => {
    setBusy(label);
    setError(null);
    try {
      const workbook = await load();
      setOpen((previous) => ({ workbook, name, generation: (previous?.generation ?? 0) + 1 }));
      setWritten(false);
    } catch (e) {
      setError(messageOf(e));
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

  const download = async () => {
    if (!open) return;
    setBusy("Preparing the workbook…");
    try {
      downloadBytes(await open.workbook.save(), resultFileName(open.name));
      setChartless([...new Set((open.workbook.chartsNotDrawn ?? []).map((c) => c.sheet))]);
    } catch (e) {
      setError(`The workbook could not be saved: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

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
          <Text>
            The add-in&apos;s wizard, in your browser, over an Excel workbook. Nothing leaves this page: the result is a
            workbook you download.
          </Text>
        )}
        {error && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>That did not work</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {busy && <Spinner size="tiny" labelPosition="after" label={busy} />}
        <div className={styles.choices}>
          <div>
            <Button
              appearance={open ? "secondary" : "primary"}
              disabled={busy !== null}
              onClick={() =>
                void start("Preparing the sample…", "aibudget-sample.xlsx", () => sampleWorkbook(sampleCsv))
              }
            >
              {open ? "Start again from the sample" : "Start from the sample"}
            </Button>
          </div>
          <div>
            <Label htmlFor={fileId}>{open ? "Open another workbook (.xlsx)" : "Open a workbook (.xlsx)"}</Label>
            <br />
            <input
              id={fileId}
              className={styles.file}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChange={onFile}
            />
          </div>
          {open && written && (
            <div>
              <Button appearance="primary" disabled={busy !== null} onClick={() => void download()}>
                Download the result workbook
              </Button>
            </div>
          )}
          {open && written && chartless.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {`The chart on ${chartless.join(", ")} could not be drawn in this download; its data is on the ` +
                  "sheet, and the add-in draws it in Excel."}
              </MessageBarBody>
            </MessageBar>
          )}
        </div>
      </div>
      {open && (
        <App key={open.generation} port={open.workbook} sampleCsv={sampleCsv} onWritten={() => setWritten(true)} />
      )}
    </div>
  );
}
