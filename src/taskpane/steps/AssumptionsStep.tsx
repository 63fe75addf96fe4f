import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import { Text } from "../text";
import { FormField, TextInput } from "../controls";
import { useRef, useState } from "react";
import type { PlanComparison } from "../../model";
import { decimal, money, type CurrencySign } from "../format";
import { ASSUMPTION_FIELDS, DEFAULT_DRAFTS, defaultOf, draftOf, type AssumptionKey } from "../state/assumptionFields";
import type { WizardControls } from "../useWizard";
import { useStepStyles } from "./stepStyles";

const useStyles = makeStyles({
  // The summary stays in view while the fields scroll under it: each change shows what it did.
  summary: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: tokens.shadow4,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(280px, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  changed: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  mark: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  currency: { maxWidth: "280px" },
});

interface Snapshot {
  factor: number | null;
  portfolioNpv: number;
  perSeatNpv: number;
}

function snapshot(comparison: PlanComparison | undefined): Snapshot | null {
  return comparison
    ? { factor: comparison.inflationFactor, portfolioNpv: comparison.portfolio.npv, perSeatNpv: comparison.perSeat.npv }
    : null;
}

function change(before: number, after: number, currency: CurrencySign): string {
  const delta = after - before;
  if (Math.round(delta) === 0) return "unchanged";
  // Signed, since money() already puts a negative in parentheses.
  return `${money(before, currency)} → ${money(after, currency)} (${delta > 0 ? "+" : "-"}${money(Math.abs(delta), currency)})`;
}

interface LastChange {
  key: AssumptionKey;
  from: string;
  before: Snapshot | null;
}

/** Step 3: every assumption with its unit, meaning and range, checked as typed, with its effect in view. */
export function AssumptionsStep({ controls: c }: { controls: WizardControls }) {
  const styles = useStepStyles();
  const own = useStyles();
  const { problems, notes } = c.derived.assumptions;
  const count = Object.keys(problems).length;
  const currency = c.derived.currency;
  const now = snapshot(c.derived.analysis?.comparison);
  const [last, setLast] = useState<LastChange | null>(null);
  const latest = useRef(now);
  latest.current = now;
  // The currency the source's money cells carry, where they carry one: it wins over a chosen one.
  const fromWorkbook = c.derived.analysis && currency !== null && currency !== c.state.currency ? currency : null;

  const edit = (key: AssumptionKey, text: string) => {
    if (last?.key !== key) setLast({ key, from: c.state.drafts[key], before: latest.current });
    c.dispatch({ type: "draftChanged", key, text });
  };

  const lastField = last ? ASSUMPTION_FIELDS.find((f) => f.key === last.key) : undefined;
  const lastText = (() => {
    if (!last || !lastField) return null;
    const to = c.state.drafts[last.key];
    if (to === last.from) return null;
    const what = `${lastField.label} ${last.from === "" ? "(empty)" : last.from} → ${to === "" ? "(empty)" : to}`;
    if (!now || !last.before) return `Last change: ${what}.`;
    return (
      `Last change: ${what}: portfolio NPV ${change(last.before.portfolioNpv, now.portfolioNpv, currency)}; ` +
      `per-seat NPV ${change(last.before.perSeatNpv, now.perSeatNpv, currency)}; ` +
      `inflation factor ${decimal(last.before.factor, 2)} → ${decimal(now.factor, 2)}.`
    );
  })();

  return (
    <div className={styles.stack}>
      <Text className={styles.prose}>
        The defaults are the model&apos;s. Shares are fractions (0.8) or percentages (80%, or 80 read as 80 %); money is
        in the workbook&apos;s currency. They are saved in this workbook and come back when you open it again.
      </Text>
      <div className={own.summary} role="status" aria-live="polite">
        {now ? (
          <Text weight="semibold">
            {`Now: inflation factor ${decimal(now.factor, 2)}; portfolio NPV ${money(now.portfolioNpv, currency)} against ${money(now.perSeatNpv, currency)} per seat.`}
          </Text>
        ) : (
          <Text weight="semibold">{c.derived.analysisError ?? "The summary shows once the table reads."}</Text>
        )}
        {lastText && <Text size={200}>{lastText}</Text>}
      </div>
      {count > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {`${count} ${count === 1 ? "assumption needs" : "assumptions need"} fixing before the review can update.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <FormField
        className={own.currency}
        label="Currency sign"
        hint={
          fromWorkbook
            ? `From the source table's money cells: ${fromWorkbook}. A sign chosen here applies to tables whose money cells carry none.`
            : "The source table's money cells carry no currency: choose the sign to show, such as $, € or CHF, or leave it empty."
        }
      >
        <TextInput
          value={c.state.currency ?? ""}
          maxLength={8}
          placeholder="None"
          onChange={(e) =>
            c.dispatch({ type: "currencyChosen", currency: e.target.value.trim() === "" ? null : e.target.value.trim() })
          }
        />
      </FormField>
      <div className={own.fields}>
        {ASSUMPTION_FIELDS.map((field) => {
          const problem = problems[field.key];
          const note = notes[field.key];
          const draft = c.state.drafts[field.key];
          const changed = draft.trim() !== DEFAULT_DRAFTS[field.key] && c.derived.assumptions.values[field.key] !== defaultOf(field.key);
          const shownDefault = field.optional && defaultOf(field.key) === null ? "empty" : draftOf(defaultOf(field.key));
          const unit = field.money && currency ? `${currency}, ${field.unit}` : field.unit;
          return (
            <FormField
              key={field.key}
              label={`${field.label} (${unit})`}
              hint={
                changed ? (
                  <span className={own.changed}>
                    <span className={own.mark}>{`Changed; default ${shownDefault}.`}</span>
                    <Button
                      size="small"
                      appearance="transparent"
                      aria-label={`Reset ${field.label} to ${shownDefault}`}
                      onClick={() => edit(field.key, DEFAULT_DRAFTS[field.key])}
                    >
                      Reset
                    </Button>
                    <span>{field.note}</span>
                  </span>
                ) : (
                  field.note
                )
              }
              validationState={problem ? "error" : note ? "warning" : "none"}
              validationMessage={problem ?? (note ? `${note}.` : undefined)}
            >
              <TextInput
                inputMode="decimal"
                value={draft}
                placeholder={field.optional ? "Sum of People" : undefined}
                onChange={(e) => edit(field.key, e.target.value)}
              />
            </FormField>
          );
        })}
      </div>
      <div>
        <Button onClick={() => c.dispatch({ type: "assumptionsReset" })}>Reset every assumption to its default</Button>
      </div>
    </div>
  );
}
