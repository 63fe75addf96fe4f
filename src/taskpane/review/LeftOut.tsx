import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { TableReading } from "../../workbook/reading";
import { count } from "../format";

/**
 * Rows the analysis left out stay in view wherever its figures are shown: the totals cover only the rows that
 * were read, and a user must not take them for the whole table.
 */
export function LeftOut({ reading, onShow }: { reading: TableReading; onShow: () => void }) {
  const left = reading.rejected.length;
  if (left === 0) return null;
  const all = left + reading.workflows.length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{`${left.toLocaleString("en-US")} of ${count(all, "row")} not analysed`}</MessageBarTitle>
        {`The figures cover the ${count(reading.workflows.length, "analysed row")} only. The rows left out, and why, are on the Columns step (and on AI Assumptions once written).`}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onShow}>
          Show the rows left out
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
