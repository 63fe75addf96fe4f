import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { cellAddress, columnLetter } from "../../workbook/a1";
import type { GridValue } from "../../workbook/layout";
import type { SourceGrid } from "../../workbook/port";
import type { ShownCell } from "../state/wizard";

const AROUND = 2;
const COLUMNS_AROUND = 3;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `1px ${tokens.spacingHorizontalXS}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: "nowrap",
      maxWidth: "16ch",
      overflow: "hidden",
      textOverflow: "ellipsis",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold, backgroundColor: tokens.colorNeutralBackground3 },
  },
  target: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteRedBackground1,
    fontWeight: tokens.fontWeightSemibold,
  },
});

function shown(value: GridValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * The source rows around a cell a problem names, with the cell marked: where the host cannot select it (the
 * playground) this is how the user sees it, and in Excel it shows the row next to the message.
 */
export function SourcePreview({ grid, cell, onClose }: { grid: SourceGrid; cell: ShownCell; onClose: () => void }) {
  const styles = useStyles();
  const index = cell.row - grid.firstRow;
  const from = Math.max(1, index - AROUND);
  const to = Math.min(grid.values.length - 1, index + AROUND);
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const target = cell.column - grid.firstColumn;
  const left = Math.max(0, Math.min(target - COLUMNS_AROUND, width - 2 * COLUMNS_AROUND - 1));
  const right = Math.min(width - 1, left + 2 * COLUMNS_AROUND);
  const columns = Array.from({ length: right - left + 1 }, (_, i) => left + i);
  const address = cellAddress(cell.row, cell.column);
  return (
    <section className={styles.root} aria-label={`Cell ${address} in ${grid.sheet}`}>
      <Text size={200} weight="semibold">{`${grid.sheet}!${address}, with the rows around it`}</Text>
      <div className={styles.wrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" />
              {columns.map((c) => (
                <th key={c} scope="col">
                  {`${columnLetter(grid.firstColumn + c)}: ${shown(grid.values[0]?.[c])}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).map((r) => (
              <tr key={r}>
                <th scope="row">{grid.firstRow + r}</th>
                {columns.map((c) => (
                  <td
                    key={c}
                    className={r === index && c === target ? styles.target : undefined}
                    aria-current={r === index && c === target ? "true" : undefined}
                  >
                    {shown(grid.values[r]?.[c])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <Button size="small" onClick={onClose}>
          Close the preview
        </Button>
      </div>
    </section>
  );
}
