import { Button, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Text } from "../text";
import { FormField, NativeSelect } from "../controls";
import { columnNumber } from "../../workbook/a1";
import { SourcePreview } from "../review/SourcePreview";
import { ALL_FIELDS, fieldLabel, isRequired } from "../state/columns";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

/** Step 2: how each header was matched, editable; the rows that will not be analysed, and why. */
export function ColumnsStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const { columns, reading, readingError } = c.derived;
  const grid = c.state.grid;
  if (!grid || !columns) return <Text>Read a table in the Source step first.</Text>;

  const analysed = reading?.workflows.length ?? 0;
  const rejected = reading?.rejected ?? [];
  const notes = reading?.workflows.filter((w) => w.notes.length > 0) ?? [];
  const shownCell = c.state.shownCell;
  const showCell = (column: string, row: number) => {
    const number = columnNumber(column);
    if (number !== undefined) c.dispatch({ type: "cellShown", cell: { row, column: number } });
    void c.selectCell(grid.sheet, `${column}${row}`);
  };

  return (
    <div className={styles.stack}>
      <Text>
        Each field is read from the column shown, matched by its header in {grid.sheet}!{grid.address}. Change one where
        the match is wrong; columns not listed are left out and left alone.
      </Text>

      {readingError && columns.missing.length > 0 ? null : readingError ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The table cannot be read</MessageBarTitle>
            {readingError}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent={rejected.length > 0 ? "warning" : "success"} layout="multiline">
          <MessageBarBody>
            {`${analysed.toLocaleString("en-US")} ${analysed === 1 ? "workflow" : "workflows"} will be analysed` +
              (rejected.length > 0
                ? `; ${rejected.length.toLocaleString("en-US")} ${rejected.length === 1 ? "row" : "rows"} will not (below).`
                : ".")}
          </MessageBarBody>
        </MessageBar>
      )}

      {columns.missing.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Match the missing columns by hand</MessageBarTitle>
            {`Found ${columns.headers.length} ${columns.headers.length === 1 ? "column" : "columns"}: ${columns.headers
              .map((h) => `${h.column} "${h.text}"`)
              .join(", ")}. Missing: ${columns.missing.map((f) => fieldLabel(f)).join(", ")}. ` +
              "Choose the column that holds each one below."}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.tight}>
        {ALL_FIELDS.map((field) => {
          const match = columns.columns.find((m) => m.field === field);
          const byHand = c.state.columns[field] !== undefined;
          const missing = columns.missing.includes(field);
          return (
            <FormField
              key={field}
              label={`${fieldLabel(field)}${isRequired(field) ? "" : " (optional)"}`}
              hint={
                match
                  ? `Column ${match.column}, ${byHand ? "chosen by hand" : "matched by its header"}`
                  : isRequired(field)
                    ? undefined
                    : "Not in the table: the default applies"
              }
              validationState={missing ? "error" : "none"}
              validationMessage={missing ? "Required: choose the column that holds it" : undefined}
            >
              <NativeSelect
                value={match ? String(match.index) : ""}
                onChange={(e) => {
                  const header = columns.headers.find((h) => String(h.index) === e.target.value);
                  c.dispatch({ type: "columnChosen", field, header: header ? header.text : null });
                }}
              >
                <option value="">Not used</option>
                {columns.headers.map((h) => (
                  <option key={h.index} value={String(h.index)}>
                    {`${h.column}: ${h.text}`}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
          );
        })}
        {Object.keys(c.state.columns).length > 0 && (
          <div>
            <Button
              size="small"
              onClick={() => {
                for (const field of ALL_FIELDS) c.dispatch({ type: "columnChosen", field, header: undefined });
              }}
            >
              Match every column by its header again
            </Button>
          </div>
        )}
      </div>

      {reading && reading.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{reading.warnings.join(" ")}</MessageBarBody>
        </MessageBar>
      )}

      {rejected.length > 0 && (
        <section aria-labelledby="rejected-heading" className={styles.tight}>
          <h3 id="rejected-heading" className={styles.subheading}>
            Rows that will not be analysed
          </h3>
          <ul className={styles.list}>
            {rejected.flatMap((row) =>
              row.problems.map((p, i) => (
                <li key={`${row.row}-${p.column}-${i}`} className={styles.item}>
                  <Text weight="semibold">
                    {`Row ${p.row}, column ${p.column} (${p.header})${row.name ? `: ${row.name}` : ""}`}
                  </Text>
                  <Text>{`Found ${p.found}; expected ${p.expected}.`}</Text>
                  <div>
                    <Button
                      size="small"
                      disabled={c.busy !== null}
                      onClick={() => showCell(p.column, p.row)}
                    >
                      {`Select ${p.column}${p.row}`}
                    </Button>
                  </div>
                  {shownCell && shownCell.row === p.row && shownCell.column === columnNumber(p.column) && (
                    <SourcePreview grid={grid} cell={shownCell} onClose={() => c.dispatch({ type: "cellShown", cell: null })} />
                  )}
                </li>
              )),
            )}
          </ul>
        </section>
      )}

      {notes.length > 0 && (
        <section aria-labelledby="notes-heading" className={styles.tight}>
          <h3 id="notes-heading" className={styles.subheading}>
            How some cells were read
          </h3>
          <ul className={styles.list}>
            {notes.flatMap((w) =>
              w.notes.map((note) => (
                <li key={`${w.row}-${note}`}>
                  <Text size={200}>{`Row ${w.row} (${w.workflow.name}): ${note}`}</Text>
                </li>
              )),
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
