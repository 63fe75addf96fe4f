import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, messageBarBodyClassNames, tokens } from "@fluentui/react-components";
import { Text } from "./text";
import { useEffect, useRef } from "react";
import type { WizardProps } from "./wizardProps";
import { BusyBar } from "./BusyBar";
import { STEPS, type StepId } from "./state/wizard";
import type { Derived } from "./state/derive";
import { AssumptionsStep } from "./steps/AssumptionsStep";
import { ColumnsStep } from "./steps/ColumnsStep";
import { ReviewStep } from "./steps/ReviewStep";
import { SourceStep } from "./steps/SourceStep";
import { WriteStep } from "./steps/WriteStep";
import { useWizard, type WizardControls } from "./useWizard";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    // At 1280 px the review's table uses the width; prose keeps its own measure (stepStyles).
    maxWidth: "1240px",
    boxSizing: "border-box",
    // Messages quote the user's cells and files: a long unbroken word must wrap, not widen a 350 px pane.
    [`& .${messageBarBodyClassNames.root}`]: { overflowWrap: "anywhere" },
  },
  brand: { color: tokens.colorBrandForeground1 },
  // Focus lands on the heading only to move the reading position; it is not a control, so no focus ring.
  heading: { margin: 0, marginBottom: tokens.spacingVerticalS, ":focus": { outlineStyle: "none" } },
  steps: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  footer: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
});

/** Which steps can be opened: each needs what the one before it produces. */
function reachable(step: StepId, c: WizardControls): boolean {
  const d: Derived = c.derived;
  switch (step) {
    case "source":
      return true;
    case "columns":
      return c.state.grid !== null;
    case "assumptions":
      return d.reading !== null;
    case "review":
    case "write":
      return d.analysis !== null;
  }
}

function nextOf(step: StepId): StepId | null {
  const index = STEPS.findIndex((s) => s.id === step);
  return STEPS[index + 1]?.id ?? null;
}

function previousOf(step: StepId): StepId | null {
  const index = STEPS.findIndex((s) => s.id === step);
  return index > 0 ? STEPS[index - 1].id : null;
}

export function Wizard(props: WizardProps) {
  const { port, sampleCsv, onWritten } = props;
  const styles = useStyles();
  const c = useWizard(port, sampleCsv, onWritten);
  const { step } = c.state;
  const { refreshTables } = c;

  // A table added in Excel while the pane was hidden shows up when it is shown again and when Source opens.
  const subscribe = props.onPaneShown;
  const stepRef = useRef(step);
  stepRef.current = step;
  useEffect(() => {
    if (typeof subscribe !== "function") return;
    const stop = subscribe(() => {
      if (stepRef.current === "source") void refreshTables();
    });
    return typeof stop === "function" ? stop : undefined;
  }, [subscribe, refreshTables]);
  const shownBefore = useRef(false);
  useEffect(() => {
    if (step !== "source") {
      shownBefore.current = true;
      return;
    }
    // The first Source is the opening list: only coming back to it lists again.
    if (shownBefore.current) void refreshTables();
  }, [step, refreshTables]);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Keyboard and screen-reader users land on the new step's heading, not back at the top of the page.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const next = nextOf(step);
  const previous = previousOf(step);
  const onNext = () => {
    if (step === "source") void c.readChosenTable();
    else if (next) c.goTo(next);
  };
  const nextEnabled =
    c.busy === null && (step === "source" ? c.state.tableId !== null : next !== null && reachable(next, c));
  const title = STEPS.find((s) => s.id === step)?.title ?? "";

  return (
    <main className={styles.root}>
      <Text weight="semibold" className={styles.brand}>
        AIBUDGET: budget AI by workflow
      </Text>
      <nav aria-label="Steps">
        <ol className={styles.steps}>
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <Button
                size="small"
                // One primary button at a time: the current step is marked, not filled.
                appearance={s.id === step ? "outline" : "subtle"}
                aria-current={s.id === step ? "step" : undefined}
                disabled={c.busy !== null || !reachable(s.id, c)}
                onClick={() => c.goTo(s.id)}
              >
                {`${i + 1}. ${s.title}`}
              </Button>
            </li>
          ))}
        </ol>
      </nav>

      {c.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>That did not work</MessageBarTitle>
            {c.error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={c.dismissError}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {c.busy && <BusyBar label={c.busy} progress={c.progress} />}

      <section aria-labelledby="step-heading">
        <h2 id="step-heading" ref={heading} tabIndex={-1} className={styles.heading}>
          <Text size={500} weight="semibold">
            {`Step ${STEPS.findIndex((s) => s.id === step) + 1} of ${STEPS.length}: ${title}`}
          </Text>
        </h2>
        {step === "source" && <SourceStep controls={c} />}
        {step === "columns" && <ColumnsStep controls={c} />}
        {step === "assumptions" && <AssumptionsStep controls={c} />}
        {step === "review" && <ReviewStep controls={c} />}
        {step === "write" && (
          <WriteStep controls={c} afterWrite={props.afterWrite} previewWritten={props.previewWritten === true} />
        )}
      </section>

      <div className={styles.footer}>
        <Button disabled={previous === null || c.busy !== null} onClick={() => previous && c.goTo(previous)}>
          Back
        </Button>
        {next !== null && (
          <Button appearance="primary" disabled={!nextEnabled} onClick={onNext}>
            {step === "source" ? "Read the table" : `Next: ${STEPS.find((s) => s.id === next)?.title}`}
          </Button>
        )}
      </div>
    </main>
  );
}
