import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { chooseTable, describeCandidate, isWorkflowTable } from "../../workbook/chooseTable";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

/** Step 1: which table lists the workflows; the best match is chosen, and the sample can be inserted. */
export function SourceStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const candidates = c.state.candidates;
  const best = candidates ? chooseTable(candidates) : null;

  return (
    <div className={styles.stack}>
      <Text>
        Choose the table that lists your workflows, one row each, with headers such as Workflow, People and Hourly cost.
        The table itself is never changed.
      </Text>
      {candidates === null ? (
        <Spinner size="tiny" label="Looking for tables…" />
      ) : candidates.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            This workbook has no table yet. Insert the sample to see how the analysis works, or add a table with a
            header row and reopen this step.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <Field label="Workflow table">
          <RadioGroup
            value={c.state.tableId ?? ""}
            onChange={(_, data) => c.dispatch({ type: "tableChosen", id: data.value })}
          >
            {candidates.map((candidate) => (
              <Radio
                key={candidate.id}
                value={candidate.id}
                label={
                  describeCandidate(candidate) +
                  (candidate === best ? " (best match)" : isWorkflowTable(candidate) ? "" : " (headers do not match)")
                }
              />
            ))}
          </RadioGroup>
        </Field>
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
        <Button disabled={c.busy !== null} onClick={() => void c.insertSample()}>
          Insert the sample table
        </Button>
        <Text size={200} className={styles.muted}>
          A 200-person company on a new sheet.
        </Text>
      </div>
    </div>
  );
}
