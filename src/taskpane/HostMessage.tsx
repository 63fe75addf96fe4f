import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

export type HostProblem = "no-office" | "not-excel" | "no-answer";

const TITLES: Record<HostProblem, string> = {
  "no-office": "Office did not load",
  "not-excel": "This pane runs inside Excel",
  "no-answer": "Excel is not answering",
};

const TEXTS: Record<HostProblem, string> = {
  "no-office":
    "The Office library (office.js) could not be loaded, so the pane cannot reach the workbook. Check the connection and reopen the add-in.",
  "not-excel":
    "Open it in Excel from the Home tab: AI Budget. To try the wizard in a browser, open playground.html from the same site.",
  "no-answer": "Excel did not answer the pane. It may still be opening the workbook or recalculating.",
};

/**
 * What the pane says where it cannot run the wizard: Office did not load, this is not Excel, or Excel did not
 * answer the pane's first call in time (then with the reason and a Retry).
 */
export function HostMessage({
  reason,
  detail,
  onRetry,
}: {
  reason: HostProblem;
  /** The error's own words, where there is one. */
  detail?: string;
  onRetry?: () => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{TITLES[reason]}</MessageBarTitle>
          {detail ?? TEXTS[reason]}
        </MessageBarBody>
        {onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>Retry</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </div>
  );
}
