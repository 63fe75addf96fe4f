import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { useState } from "react";
import type { AnalysisLayout, LayoutCell } from "../../workbook/layout";
import type { WrittenSheet } from "../../workbook/port";
import { filledFormula } from "../../workbook/fills";

const ROWS = 16;
const COLUMNS = 10;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tabs: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  wrap: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase100,
    "& td": {
      padding: `1px ${tokens.spacingHorizontalXS}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
      whiteSpace: "nowrap",
      maxWidth: "18ch",
      overflow: "hidden",
      textOverflow: "ellipsis",
    },
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  strong: { fontWeight: tokens.fontWeightSemibold },
  input: { color: tokens.colorBrandForeground1 },
});

/** A cell as the sheet shows it, near enough for a preview: its number format's decimals and percent sign. */
export function shownCell(cell: LayoutCell | null): string {
  if (!cell || cell.value === null) return "";
  const { value, numberFormat } = cell;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value !== "number") return value;
  const format = numberFormat ?? "";
  const decimals = /0\.(0+)/.exec(format)?.[1].length ?? (format.includes("#,##0") || format.includes("%") ? 0 : 4);
  const percent = format.includes("%");
  const shown = Math.abs(percent ? value * 100 : value).toLocaleString("en-US", {
    minimumFractionDigits: format === "" ? 0 : decimals,
    maximumFractionDigits: decimals,
    useGrouping: format.includes(",") || format === "",
  });
  const text = percent ? `${shown} %` : shown;
  return value < 0 && /[;(]/.test(format) ? `(${text})` : value < 0 ? `-${text}` : text;
}

/**
 * The written sheets' first rows, before the download: in the playground they cannot be seen otherwise. The
 * file holds the formulas; this shows the values they computed.
 */
export function SheetPreview({ layout, names }: { layout: AnalysisLayout; names: readonly WrittenSheet[] }) {
  const styles = useStyles();
  const [index, setIndex] = useState(0);
  const sheet = layout.sheets[Math.min(index, layout.sheets.length - 1)];
  if (!sheet) return null;
  const nameOf = (role: string, wanted: string) => names.find((n) => n.role === role)?.name ?? wanted;
  const rows = sheet.rows.slice(0, ROWS);
  const width = Math.min(COLUMNS, Math.max(0, ...rows.map((r) => r.length)));
  return (
    <section aria-labelledby="preview-heading" className={styles.root}>
      <Text id="preview-heading" weight="semibold">
        Preview of the written sheets
      </Text>
      <div className={styles.tabs} role="group" aria-label="Sheet to preview">
        {layout.sheets.map((s, i) => (
          <Button
            key={s.role}
            size="small"
            appearance={i === index ? "outline" : "subtle"}
            aria-pressed={i === index}
            onClick={() => setIndex(i)}
          >
            {nameOf(s.role, s.name)}
          </Button>
        ))}
      </div>
      <div className={styles.wrap} tabIndex={0} role="region" aria-label={`First rows of ${nameOf(sheet.role, sheet.name)}`}>
        <table className={styles.table}>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {Array.from({ length: width }, (_, col) => {
                  const cell = row[col] ?? null;
                  const classes = [
                    typeof cell?.value === "number" ? styles.number : "",
                    cell?.bold || cell?.style === "header" || cell?.style === "label" || cell?.style === "title" || cell?.style === "total"
                      ? styles.strong
                      : "",
                    cell?.style === "input" ? styles.input : "",
                  ].join(" ");
                  return (
                    <td key={col} className={classes} title={filledFormula(sheet, r + 1, col + 1)}>
                      {shownCell(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sheet.rows.length > ROWS && (
        <Text size={200}>{`The first ${ROWS} of ${sheet.rows.length.toLocaleString("en-US")} rows; the file holds them all, with their formulas.`}</Text>
      )}
    </section>
  );
}
