import { makeStyles, tokens } from "@fluentui/react-components";
import type { BudgetLine, BudgetSchedule } from "../../model";
import { money, type CurrencySign } from "../format";

const useStyles = makeStyles({
  wrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    minWidth: "100%",
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: "nowrap",
    },
    "& td": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& th[scope=row]": { textAlign: "left", fontWeight: tokens.fontWeightRegular, position: "sticky", left: 0, backgroundColor: tokens.colorNeutralBackground1 },
    "& thead th": { textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  },
  strong: { "& th, & td": { fontWeight: tokens.fontWeightSemibold } },
  group: { "& th": { paddingTop: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold } },
});

/** model.md's budget, year by year: the cash a finance team files, with each line's total and present value. */
export function BudgetTable({ budget, currency }: { budget: BudgetSchedule; currency: CurrencySign }) {
  const styles = useStyles();
  const p = budget.portfolio;
  const s = budget.perSeat;
  const lines: [string, BudgetLine, boolean][] = [
    ["Enterprise seats", p.enterpriseSeats, false],
    ["Consumer seats", p.consumerSeats, false],
    ["Integration build", p.integrationBuild, false],
    ["Integration upkeep", p.integrationUpkeep, false],
    ["Expected rebuild", p.expectedRebuild, false],
    ["Total cost", p.totalCost, true],
    ["Value", p.value, false],
    ["Net", p.net, true],
  ];
  const perSeat: [string, BudgetLine, boolean][] = [
    ["Seats", s.seats, false],
    ["Value", s.value, false],
    ["Net", s.net, true],
  ];
  const years = Array.from({ length: budget.horizon }, (_, i) => `Year ${i + 1}`);
  const row = ([label, line, strong]: [string, BudgetLine, boolean], prefix: string) => (
    <tr key={prefix + label} className={strong ? styles.strong : undefined}>
      <th scope="row">{label}</th>
      <td>{money(line.start, currency)}</td>
      {line.years.map((v, i) => (
        <td key={i}>{money(v, currency)}</td>
      ))}
      <td>{money(line.total, currency)}</td>
      <td>{money(line.presentValue, currency)}</td>
    </tr>
  );
  const columns = years.length + 4;
  return (
    <div className={styles.wrap} tabIndex={0} role="region" aria-label="Budget year by year">
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: "left" }}>
              Line
            </th>
            <th scope="col">Start</th>
            {years.map((y) => (
              <th key={y} scope="col">
                {y}
              </th>
            ))}
            <th scope="col">Total</th>
            <th scope="col">Present value</th>
          </tr>
        </thead>
        <tbody>
          <tr className={styles.group}>
            <th scope="rowgroup" colSpan={columns} style={{ textAlign: "left" }}>
              Workflow portfolio
            </th>
          </tr>
          {lines.map((l) => row(l, "p-"))}
          <tr className={styles.group}>
            <th scope="rowgroup" colSpan={columns} style={{ textAlign: "left" }}>
              Per-seat plan
            </th>
          </tr>
          {perSeat.map((l) => row(l, "s-"))}
        </tbody>
      </table>
    </div>
  );
}
