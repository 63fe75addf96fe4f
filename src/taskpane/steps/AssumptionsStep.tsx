import { Button, Field, Input, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { decimal, money } from "../format";
import { ASSUMPTION_FIELDS } from "../state/assumptionFields";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

/** Step 3: every assumption of the model with its unit and meaning, checked as it is typed. */
export function AssumptionsStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const { problems } = c.derived.assumptions;
  const count = Object.keys(problems).length;
  const comparison = c.derived.analysis?.comparison;

  return (
    <div className={styles.stack}>
      <Text>
        The defaults are the model&apos;s. Shares are fractions (0.8) or percentages (80%); money is in the
        workbook&apos;s currency. They are saved in this workbook and come back when you open it again.
      </Text>
      {comparison && (
        <Text weight="semibold" aria-live="polite">
          {`Now: inflation factor ${decimal(comparison.inflationFactor, 2)}; portfolio NPV ${money(comparison.portfolio.npv)} against ${money(comparison.perSeat.npv)} per seat.`}
        </Text>
      )}
      {count > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {`${count} ${count === 1 ? "assumption needs" : "assumptions need"} fixing before the review can update.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tight}>
        {ASSUMPTION_FIELDS.map((field) => {
          const problem = problems[field.key];
          return (
            <Field
              key={field.key}
              label={`${field.label} (${field.unit})`}
              hint={field.note}
              validationState={problem ? "error" : "none"}
              validationMessage={problem}
            >
              <Input
                inputMode="decimal"
                value={c.state.drafts[field.key]}
                placeholder={field.optional ? "Sum of People" : undefined}
                onChange={(_, data) => c.dispatch({ type: "draftChanged", key: field.key, text: data.value })}
              />
            </Field>
          );
        })}
      </div>
      <div>
        <Button onClick={() => c.dispatch({ type: "assumptionsReset" })}>Reset to the defaults</Button>
      </div>
    </div>
  );
}
