import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

/** What the pane says where it cannot run the wizard: Office did not load, or this is not Excel. */
export function HostMessage({ reason }: { reason: "no-office" | "not-excel" }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>
            {reason === "no-office" ? "Office did not load" : "This pane runs inside Excel"}
          </MessageBarTitle>
          {reason === "no-office"
            ? "The Office library (office.js) could not be loaded, so the pane cannot reach the workbook. Check the connection and reopen the add-in."
            : "Open it in Excel from the Home tab: AI Budget. To try the wizard in a browser, open playground.html from the same site."}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
