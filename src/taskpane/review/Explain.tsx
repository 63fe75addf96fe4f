import { makeStyles, mergeClasses, tokens, useId } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { DescribedControl } from "./tableTypes";

/**
 * The words a finance user may not know, each with a short explanation that shows on hover and on keyboard
 * focus (the term is focusable, so Tab reaches it), in one place so the review and the write step agree.
 */
export const GLOSSARY = {
  "PV benefits":
    "Present value of the benefits: the value over the horizon, with later years discounted at the discount rate.",
  "PV costs":
    "Present value of the costs: seats and upkeep over the horizon, discounted, plus the one-time integration cost and the expected rebuild if the vendor fails.",
  NPV: "Net present value: PV benefits minus PV costs. Above 0, the plan returns more than it costs.",
  ROI: "Return on investment: NPV divided by PV costs. 100 % means the value is twice the cost.",
  "Cost per unit of value":
    "PV costs divided by PV benefits: what each 1 of value costs. Lower is better; 0.22 means 22 cents for each 1 of value.",
  "Inflation factor":
    "The per-seat plan's cost per unit of value divided by the portfolio's: how many times as much per-seat licensing pays for the same value.",
  Hurdle:
    "The least ROI a tier must bring to be chosen (Hurdle ROI on the Assumptions step); 100 % means the value must at least double the cost.",
  Payback: "Months of steady-state net value it takes to earn back the one-time cost, undiscounted.",
  "Break-even minutes":
    "The minutes saved per task at which the row's option only just clears the hurdle; the estimate can fall this far.",
  "Safety margin":
    "How far the minutes saved may fall before the row's option stops clearing the hurdle: 60 % means it can fall by 60 %.",
  "Enterprise share of value": "The share of the portfolio's PV benefits that comes from Enterprise workflows.",
  "Chance of failure":
    "The chance that the vendor fails at least once within the horizon, from its yearly survival: 1 − survival^years.",
  "Share of value": "The share of the portfolio's PV benefits that depends on this vendor's integrations.",
  Spread: "How far the portfolio's NPV moves between the low and the high end of this input.",
} as const;

export type Term = keyof typeof GLOSSARY;

const useStyles = makeStyles({
  root: {
    position: "relative",
    display: "inline",
    // The explanation shows while the term is hovered or has the focus; it is the term's description always.
    ":hover > [role=tooltip]": { display: "block" },
    ":focus-within > [role=tooltip]": { display: "block" },
  },
  term: {
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    cursor: "help",
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
      borderRadius: tokens.borderRadiusSmall,
    },
  },
  tip: {
    display: "none",
    position: "absolute",
    zIndex: 10,
    top: "100%",
    left: 0,
    marginTop: tokens.spacingVerticalXXS,
    width: "max-content",
    maxWidth: "min(260px, 70vw)",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackgroundInverted,
    color: tokens.colorNeutralForegroundInverted,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
    textAlign: "left",
    whiteSpace: "normal",
    boxShadow: tokens.shadow8,
  },
  end: { left: "auto", right: 0 },
});

/**
 * A term with its explanation on hover or focus; `children` replaces the term's own words where given. `align`
 * "end" opens the explanation leftwards, for a term near the right edge of the pane.
 */
export function Explain({ term, children, align }: { term: Term; children?: ReactNode; align?: "end" }) {
  const styles = useStyles();
  const id = useId("explain");
  return (
    <span className={styles.root}>
      <span tabIndex={0} className={styles.term} aria-describedby={id}>
        {children ?? term}
      </span>
      <span role="tooltip" id={id} className={mergeClasses(styles.tip, align === "end" && styles.end)}>
        {GLOSSARY[term]}
      </span>
    </span>
  );
}

/** The same explanation for a control of its own (a sort button): the control takes the description's id. */
export function ExplainWrap({
  term,
  align,
  children,
}: {
  term: Term;
  align?: "end";
  children: DescribedControl;
}) {
  const styles = useStyles();
  const id = useId("explain");
  return (
    <span className={styles.root}>
      {children(id)}
      <span role="tooltip" id={id} className={mergeClasses(styles.tip, align === "end" && styles.end)}>
        {GLOSSARY[term]}
      </span>
    </span>
  );
}
