import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

/** Step 5: write the three sheets; say where they went, and when a foreign sheet forced another name. */
export function WriteStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const written = c.state.written;
  const writing = c.busy === "Writing the sheets…";
  const renamed = written?.sheets.filter((s) => s.renamed) ?? [];

  return (
    <div className={styles.stack}>
      <Text>
        Writes three sheets: AI Assumptions, AI Allocation and AI Comparison, with live formulas for the totals. Writing
        again replaces these sheets and no other; your table is left as it is.
      </Text>
      <div>
        <Button appearance="primary" disabled={c.busy !== null || !c.derived.analysis} onClick={() => void c.write()}>
          {written ? "Write the analysis again" : "Write the analysis"}
        </Button>
      </div>
      {writing && <Spinner size="small" label="Writing the sheets…" />}
      {written && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>Written</MessageBarTitle>
            {`Sheets: ${written.sheets.map((s) => s.name).join(", ")}.`}
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
    </div>
  );
}
