import { Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { explainTier, tierAllowed, TIERS, type Tier } from "../../model";
import { decimal, money, percentOf } from "../format";
import { PLAN_ROWS } from "./planRows";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& td": { textAlign: "right", fontVariantNumeric: "tabular-nums" },
    "& th[scope=row]": { textAlign: "left", fontWeight: tokens.fontWeightRegular },
    "& thead th": { textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  },
  // Read by screen readers (and found by tests), not shown: the card's heading already names the workflow.
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  headline: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  figures: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  },
});

/** Step 4: every workflow's tier and figures, a tier set by hand per row, and the two plans side by side. */
export function ReviewStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const own = useStyles();
  const analysis = c.derived.analysis;
  if (!analysis) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{c.derived.analysisError ?? "There is nothing to review yet."}</MessageBarBody>
      </MessageBar>
    );
  }
  const { comparison } = analysis;

  return (
    <div className={styles.stack}>
      {analysis.reading.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{analysis.reading.warnings.join(" ")}</MessageBarBody>
        </MessageBar>
      )}

      <section aria-labelledby="plans-heading" className={styles.tight}>
        <h3 id="plans-heading" className={styles.subheading}>
          Per-seat plan against the workflow portfolio
        </h3>
        <Text className={own.headline} aria-live="polite">
          {`Inflation factor ${decimal(comparison.inflationFactor, 2)}`}
        </Text>
        <Text size={200}>
          {comparison.inflationFactor === null
            ? "No factor: one of the plans delivers no value."
            : `The per-seat plan pays ${decimal(comparison.inflationFactor, 2)} times as much for each unit of value. ` +
              `Enterprise share of the portfolio's value: ${percentOf(comparison.enterpriseShareOfValue)}.`}
        </Text>
        <table className={own.table}>
          <caption className={styles.muted}>
            Over {analysis.assumptions.years} years, money in the workbook&apos;s currency
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="col">Per-seat</th>
              <th scope="col">Portfolio</th>
            </tr>
          </thead>
          <tbody>
            {PLAN_ROWS.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.show(comparison.perSeat)}</td>
                <td>{row.show(comparison.portfolio)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="workflows-heading" className={styles.tight}>
        <h3 id="workflows-heading" className={styles.subheading}>
          Workflows
        </h3>
        <ul className={styles.list}>
          {analysis.analyses.map((a) => {
            const name = a.workflow.name;
            const offered = TIERS.filter((tier) => tierAllowed(a.workflow, tier));
            return (
              <li key={name} className={styles.item}>
                <Text weight="semibold">{name}</Text>
                <Field
                  label={{
                    children: (
                      <>
                        Tier<span className={own.hidden}>{` for ${name}`}</span>
                      </>
                    ),
                  }}
                >
                  <Select
                    value={a.override ?? ""}
                    onChange={(_, data) =>
                      c.dispatch({ type: "tierSet", name, tier: data.value === "" ? null : (data.value as Tier) })
                    }
                  >
                    <option value="">{`The model's choice (${a.decision.tier})`}</option>
                    {offered.map((tier) => (
                      <option key={tier} value={tier}>
                        {`${tier}, set by hand`}
                      </option>
                    ))}
                  </Select>
                </Field>
                <dl className={own.figures}>
                  <dt>Tier</dt>
                  <dd>{a.tier}</dd>
                  <dt>Annual value</dt>
                  <dd>{money(a.chosen.annualValue)}</dd>
                  <dt>Annual cost</dt>
                  <dd>{money(a.chosen.annualCost)}</dd>
                  <dt>One-time cost</dt>
                  <dd>{money(a.chosen.oneTimeCost)}</dd>
                  <dt>NPV</dt>
                  <dd>{money(a.chosen.npv)}</dd>
                </dl>
                <Text size={200}>{explainTier(a.override, a.decision)}</Text>
                {a.workflow.sensitiveData && (
                  <Text size={200} className={styles.muted}>
                    Sensitive data: Consumer is not offered.
                  </Text>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
