import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { FormField, TextArea } from "../controls";
import { useState } from "react";
import { chooseTable, describeCandidate, isWorkflowTable } from "../../workbook/chooseTable";
import { parsePastedRows } from "../state/pastedTable";
import { SAMPLE_TABLE } from "../state/sampleTable";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  choices: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  choice: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    cursor: "pointer",
    overflowWrap: "anywhere",
    "& input": {
      flexShrink: 0,
      width: "16px",
      height: "16px",
      margin: "2px 0 0 0",
      accentColor: tokens.colorCompoundBrandBackground,
      cursor: "pointer",
    },
  },
});

/**
 * Step 1: which table lists the workflows; the best match is chosen. Where the workbook has none that fits, the
 * step offers what adds something: rows pasted from anywhere, or the sample.
 */
export function SourceStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const own = useStyles();
  const candidates = c.state.candidates;
  const best = candidates ? chooseTable(candidates) : null;
  const [pasted, setPasted] = useState("");
  const rows = parsePastedRows(pasted);
  const hasSample = candidates?.some((t) => t.id.toLowerCase().startsWith(SAMPLE_TABLE.toLowerCase())) ?? false;
  // The sample adds something only where no table could be analysed as it is.
  const offerSample = candidates !== null && best === null && !hasSample;
  const offerPaste = candidates !== null && best === null;

  return (
    <div className={styles.stack}>
      <Text className={styles.prose}>
        Choose the table that lists your workflows, one row each, with headers such as Workflow, People and Hourly cost.
        The table itself is never changed.
      </Text>
      {c.state.startedFrom.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Starting from the previous run</MessageBarTitle>
            {c.state.startedFrom.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {candidates === null ? (
        <Text>Looking for tables…</Text>
      ) : candidates.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This workbook has no table yet. Paste your workflow rows below to add one on a new sheet, or insert the
            sample to see how the analysis works.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <fieldset className={own.choices}>
          <legend className={own.legend}>Workflow table</legend>
          {candidates.map((candidate) => (
            <label key={candidate.id} className={own.choice}>
              <input
                type="radio"
                name="workflow-table"
                value={candidate.id}
                checked={c.state.tableId === candidate.id}
                onChange={() => c.dispatch({ type: "tableChosen", id: candidate.id })}
              />
              <Text>
                {describeCandidate(candidate) +
                  (candidate === best ? " (best match)" : isWorkflowTable(candidate) ? "" : " (headers do not match)")}
              </Text>
            </label>
          ))}
        </fieldset>
      )}
      {candidates !== null && candidates.length > 0 && best === null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            No table has all the required headers (Workflow, People, Tasks per person per month, Minutes saved per task,
            Hourly cost). You can still pick one and match its columns by hand in the next step.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button size="small" disabled={c.busy !== null} onClick={() => void c.refreshTables()}>
          Refresh the list
        </Button>
        <Text size={200} className={styles.muted}>
          Added a table in the workbook? It shows up here.
        </Text>
      </div>
      {offerPaste && (
        <section aria-labelledby="paste-heading" className={styles.tight}>
          <h3 id="paste-heading" className={styles.subheading}>
            Paste a table
          </h3>
          <FormField
            label="Rows copied from a spreadsheet, header row first"
            hint="Copy the cells in Excel or another spreadsheet and paste them here; they go to a new sheet as a table."
          >
            <TextArea
              value={pasted}
              rows={4}
              onChange={(e) => setPasted(e.target.value)}
              placeholder={"Workflow\tPeople\tTasks per person per month\tMinutes saved per task\tHourly cost"}
            />
          </FormField>
          <div className={styles.row}>
            <Button
              disabled={c.busy !== null || rows.length < 2}
              onClick={() => void c.insertPasted(rows).then(() => setPasted(""))}
            >
              Add as a table
            </Button>
            {rows.length > 0 && (
              <Text size={200} className={styles.muted}>
                {rows.length < 2
                  ? "A header row and at least one row of figures are needed."
                  : `${rows.length - 1} ${rows.length === 2 ? "row" : "rows"} under ${rows[0].length} headers.`}
              </Text>
            )}
          </div>
        </section>
      )}
      {offerSample && (
        <div className={styles.row}>
          <Button disabled={c.busy !== null} onClick={() => void c.insertSample()}>
            Insert the sample table
          </Button>
          <Text size={200} className={styles.muted}>
            A 200-person company on a new sheet.
          </Text>
        </div>
      )}
    </div>
  );
}
