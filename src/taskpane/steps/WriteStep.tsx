import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { useState } from "react";
import { count } from "../format";
import { LeftOut } from "../review/LeftOut";
import { SheetPreview } from "../review/SheetPreview";
import type { WizardControls } from "../useWizard";
import type { AfterWrite } from "../wizardProps";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  next: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Step 5, the end of the flow: write the sheets, say where they went (and when a foreign sheet forced another
 * name), and put the next action in the same place: the playground's download, or AI Allocation in Excel. One
 * primary button at a time.
 */
export function WriteStep({
  controls: c,
  afterWrite,
  previewWritten,
}: {
  controls: WizardControls;
  afterWrite?: AfterWrite;
  previewWritten: boolean;
}) {
  const styles = useStepStyles();
  const own = useStyles();
  const written = c.state.written;
  const renamed = written?.sheets.filter((s) => s.renamed) ?? [];
  const [done, setDone] = useState<{ written: typeof written; message: string } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const confirmation = done && done.written === written ? done.message : null;
  const allocation = written?.sheets.find((s) => s.role === "allocation");
  const analysis = c.derived.analysis;

  const runNext = async () => {
    if (!afterWrite) return;
    setRunning(true);
    setFailed(null);
    try {
      setDone({ written, message: await afterWrite.run() });
    } catch (e) {
      setFailed(messageOf(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className={styles.stack}>
      <Text className={styles.prose}>
        {`Writes the analysis as a live model on ${written ? written.sheets.length : "its own"} sheets (AI Assumptions, AI Allocation, AI Comparison and the rest), with formulas you can audit. Writing again replaces these sheets and no other; your table is left as it is.`}
      </Text>
      {analysis && <LeftOut reading={analysis.reading} onShow={() => c.goTo("columns")} />}
      <div>
        <Button
          appearance={written ? "secondary" : "primary"}
          disabled={c.busy !== null || !analysis || running}
          onClick={() => void c.write()}
        >
          {written ? "Write the analysis again" : "Write the analysis"}
        </Button>
      </div>
      {written && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>Written</MessageBarTitle>
            {`Sheets: ${written.sheets.map((s) => s.name).join(", ")}.`}
            {analysis && analysis.reading.rejected.length > 0
              ? ` ${count(analysis.reading.rejected.length, "row")} not analysed, listed on ${written.sheets.find((s) => s.role === "assumptions")?.name ?? "AI Assumptions"}.`
              : ""}
          </MessageBarBody>
        </MessageBar>
      )}
      {renamed.map((sheet) => (
        <MessageBar key={sheet.role} intent="warning" layout="multiline">
          <MessageBarBody>
            {`A sheet named "${written?.wanted[sheet.role] ?? sheet.name}" that the add-in did not create is left untouched; ` +
              `this part of the analysis went to "${sheet.name}".`}
          </MessageBarBody>
        </MessageBar>
      ))}
      {written?.notesDropped && written.notesDropped.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Notes with no vendor row</MessageBarTitle>
            {`No analysed row names these vendors any more, so their due-diligence notes have no row on AI Vendors: ${written.notesDropped.join("; ")}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {written && (
        <div className={own.next} aria-label="Next">
          <Text weight="semibold">Next</Text>
          {afterWrite ? (
            <>
              <div>
                <Button appearance="primary" disabled={c.busy !== null || running} onClick={() => void runNext()}>
                  {afterWrite.label}
                </Button>
              </div>
              {confirmation && (
                <MessageBar intent="success" layout="multiline" role="status">
                  <MessageBarBody>{confirmation}</MessageBarBody>
                </MessageBar>
              )}
              {failed && (
                <MessageBar intent="error" layout="multiline" role="alert">
                  <MessageBarBody>{failed}</MessageBarBody>
                </MessageBar>
              )}
            </>
          ) : (
            allocation && (
              <div>
                <Button
                  appearance="primary"
                  disabled={c.busy !== null}
                  onClick={() => void c.selectCell(allocation.name, "A1")}
                >
                  {`Go to ${allocation.name}`}
                </Button>
              </div>
            )
          )}
        </div>
      )}
      {written?.layout && previewWritten && <SheetPreview layout={written.layout} names={written.sheets} />}
    </div>
  );
}
