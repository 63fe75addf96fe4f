import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { dueDiligenceWarnings, type PlanComparison, type SensitivityBar, type VendorSummary } from "../../model";
import { count, decimal, money, percentOf, wholePercent, type CurrencySign } from "../format";
import { BudgetTable } from "../review/BudgetTable";
import { Explain } from "../review/Explain";
import { LeftOut } from "../review/LeftOut";
import { PlanChart } from "../review/PlanChart";
import { Tornado } from "../review/Tornado";
import { WorkflowTable } from "../review/WorkflowTable";
import { tierSummary } from "../review/workflowRows";
import type { WizardControls } from "../useWizard";
import { PLAN_ROWS } from "./planRows";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    maxWidth: "560px",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    "& td": { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
    "& th[scope=row]": { textAlign: "left", fontWeight: tokens.fontWeightRegular },
    "& thead th": { textAlign: "right", fontWeight: tokens.fontWeightSemibold },
  },
  verdict: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  tiers: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  wrap: { overflowX: "auto", maxWidth: "100%" },
});

/** The plain-words reading of the two plans, before any of the jargon. */
export function verdictSentences(comparison: PlanComparison, years: number, currency: CurrencySign): string[] {
  const { perSeat, portfolio, inflationFactor: factor } = comparison;
  const over = `over ${count(years, "year")}`;
  const sentences = [
    `The workflow portfolio delivers ${money(portfolio.pvBenefits, currency)} of value for ${money(portfolio.pvCosts, currency)} ${over}; ` +
      `the per-seat plan delivers ${money(perSeat.pvBenefits, currency)} for ${money(perSeat.pvCosts, currency)}.`,
  ];
  if (factor === null) {
    sentences.push("The two plans cannot be compared per unit of value: one of them delivers no value.");
  } else if (factor > 1.005) {
    sentences.push(`The per-seat plan pays ${decimal(factor, 2)} times as much for each unit of value.`);
  } else if (factor < 0.995) {
    sentences.push(
      `The per-seat plan pays less for each unit of value: ${decimal(factor, 2)} times the portfolio's, so buying every seat is the cheaper way to this value.`,
    );
  } else {
    sentences.push("Both plans pay about the same for each unit of value.");
  }
  return sentences;
}

/**
 * Step 4: the verdict in plain words with a picture, then the figures with their explanations, every workflow
 * in a sortable table with its tier set in the row, the budget year by year, the vendors and what moves the
 * decision.
 */
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
  const currency = c.derived.currency;
  const { comparison } = analysis;
  const extras = analysis;
  const bars = c.sensitivity;
  const diligence = dueDiligenceWarnings(analysis.analyses, comparison.portfolio, analysis.assumptions);
  const otherWarnings = analysis.reading.warnings.filter((w) => !diligence.includes(w));
  const tiers = tierSummary(analysis.analyses);
  const years = analysis.assumptions.years;

  return (
    <div className={styles.stack}>
      <LeftOut reading={analysis.reading} onShow={() => c.goTo("columns")} />

      <section aria-labelledby="verdict-heading" className={styles.tight}>
        <h3 id="verdict-heading" className={styles.subheading}>
          The verdict
        </h3>
        {verdictSentences(comparison, years, currency).map((s) => (
          <Text key={s} className={own.verdict} aria-live="polite">
            {s}
          </Text>
        ))}
        <PlanChart comparison={comparison} currency={currency} />
        <ul className={own.tiers} aria-label="Workflows by tier">
          {tiers.map((t) => (
            <li key={t.tier}>
              <Text>
                {t.tier === "None"
                  ? `None: ${count(t.workflows, "workflow")}, no seats (AI is not worth paying for there)`
                  : `${t.tier}: ${count(t.workflows, "workflow")}, ${count(t.seats, "seat")}`}
              </Text>
            </li>
          ))}
        </ul>
      </section>

      {otherWarnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Worth checking</MessageBarTitle>
            {otherWarnings.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}

      <section aria-labelledby="plans-heading" className={styles.tight}>
        <h3 id="plans-heading" className={styles.subheading}>
          The two plans, figure by figure
        </h3>
        <Text size={200}>
          <Explain term="Inflation factor" />
          {` ${decimal(comparison.inflationFactor, 2)}; `}
          <Explain term="Enterprise share of value" />
          {` ${percentOf(comparison.enterpriseShareOfValue)}; `}
          <Explain term="Hurdle">hurdle</Explain>
          {` ROI ${percentOf(analysis.assumptions.hurdleRoi)}.`}
        </Text>
        <div className={own.wrap}>
          <table className={own.table}>
            <caption className={styles.muted}>{`Over ${count(years, "year")}`}</caption>
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
                  <th scope="row" aria-label={row.label}>
                    {row.term ? <Explain term={row.term}>{row.label}</Explain> : row.label}
                  </th>
                  <td>{row.show(comparison.perSeat, currency)}</td>
                  <td>{row.show(comparison.portfolio, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="workflows-heading" className={styles.tight}>
        <h3 id="workflows-heading" className={styles.subheading}>
          Workflows
        </h3>
        <WorkflowTable
          analyses={analysis.analyses}
          currency={currency}
          onTierSet={(name, tier) => c.dispatch({ type: "tierSet", name, tier })}
        />
      </section>

      {extras.budget && (
        <section aria-labelledby="budget-heading" className={styles.tight}>
          <h3 id="budget-heading" className={styles.subheading}>
            The budget, year by year
          </h3>
          <Text size={200} className={styles.muted}>
            Cash as it falls: the start is the one-time build, each year its seats, upkeep and the expected rebuild.
          </Text>
          <BudgetTable budget={extras.budget} currency={currency} />
        </section>
      )}

      {extras.vendors && extras.vendors.length > 0 && (
        <VendorsSection vendors={extras.vendors} warnings={diligence} years={years} currency={currency} />
      )}

      <section aria-labelledby="sensitivity-heading" className={styles.tight}>
        <h3 id="sensitivity-heading" className={styles.subheading}>
          What moves the decision
        </h3>
        <Text size={200} className={styles.prose}>
          {`Each input moved down and up by ${wholePercent(analysis.assumptions.sensitivitySwing)} (the horizon by a year), one at a time, and the whole analysis run again; widest first.`}
        </Text>
        {bars && bars.length > 0 ? (
          <>
            <Tornado bars={bars} baseNpv={analysis.baseNpv} currency={currency} />
            <SensitivityTable bars={bars} currency={currency} />
          </>
        ) : (
          c.derived.sensitivityDeferred && (
            <div className={styles.row}>
              <Button disabled={c.busy !== null} onClick={() => void c.computeSensitivity()}>
                Work out the sensitivity
              </Button>
              <Text size={200} className={styles.muted}>
                {`With ${analysis.analyses.length.toLocaleString("en-US")} workflows this takes a moment; it is also worked out when the analysis is written.`}
              </Text>
            </div>
          )
        )}
      </section>
    </div>
  );
}

function VendorsSection({
  vendors,
  warnings,
  years,
  currency,
}: {
  vendors: VendorSummary[];
  warnings: string[];
  years: number;
  currency: CurrencySign;
}) {
  const styles = useStepStyles();
  const own = useStyles();
  return (
    <section aria-labelledby="vendors-heading" className={styles.tight}>
      <h3 id="vendors-heading" className={styles.subheading}>
        Vendors
      </h3>
      {warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Due diligence</MessageBarTitle>
            {w}
          </MessageBarBody>
        </MessageBar>
      ))}
      <div className={own.wrap}>
        <table className={own.table}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: "left" }}>
                Vendor
              </th>
              <th scope="col">Enterprise workflows</th>
              <th scope="col">
                <Explain term="Share of value" />
              </th>
              <th scope="col">
                <Explain term="Chance of failure">{`Chance of failing in ${count(years, "year")}`}</Explain>
              </th>
              <th scope="col">One-time cost at stake</th>
            </tr>
          </thead>
          <tbody>
            {vendors.map((v) => (
              <tr key={v.key}>
                <th scope="row">{v.vendor}</th>
                <td>{v.enterpriseWorkflows.toLocaleString("en-US")}</td>
                <td>{percentOf(v.shareOfPortfolioValue)}</td>
                <td>{percentOf(v.chanceOfFailure)}</td>
                <td>{money(v.oneTimeCostAtStake, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SensitivityTable({ bars, currency }: { bars: SensitivityBar[]; currency: CurrencySign }) {
  const own = useStyles();
  return (
    <div className={own.wrap}>
      <table className={own.table}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: "left" }}>
              Input
            </th>
            <th scope="col">NPV at low</th>
            <th scope="col">NPV at high</th>
            <th scope="col">Tiers changed</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.input}>
              <th scope="row">{b.label}</th>
              <td>{money(b.npvLow, currency)}</td>
              <td>{money(b.npvHigh, currency)}</td>
              <td>{`${b.tiersChangedLow} / ${b.tiersChangedHigh}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
