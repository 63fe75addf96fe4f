import { makeStyles, tokens } from "@fluentui/react-components";
import type { PlanComparison } from "../../model";
import { money, type CurrencySign } from "../format";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", maxWidth: "560px" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "12px", fontFamily: tokens.fontFamilyBase },
  group: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "12px",
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
  value: { fill: tokens.colorBrandBackground },
  cost: { fill: tokens.colorPaletteMarigoldBorderActive },
  legend: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
});

const WIDTH = 320;
const LABEL = 44;
const BAR = 14;
const GAP = 4;
const GROUP = 2 * BAR + GAP + 26;
const FIGURE = 76;

/**
 * Both plans' delivered value and cost over the horizon (PV benefits and PV costs), as horizontal bars on one
 * scale, so the verdict's words have a picture beside them. Hand-written SVG in the theme's colours: a chart
 * library would weigh more than the pane's own code.
 */
export function PlanChart({ comparison, currency }: { comparison: PlanComparison; currency: CurrencySign }) {
  const styles = useStyles();
  const plans = [
    { name: "Per-seat plan", figures: comparison.perSeat },
    { name: "Workflow portfolio", figures: comparison.portfolio },
  ];
  const largest = Math.max(1, ...plans.flatMap((p) => [p.figures.pvBenefits, p.figures.pvCosts]));
  // Room right of the longest bar for its figure: about 7 px a character at 12 px, so billions still fit.
  const figures = plans.flatMap((p) => [p.figures.pvBenefits, p.figures.pvCosts].map((v) => money(v, currency)));
  const span = WIDTH - LABEL - Math.max(FIGURE, 8 + 7 * Math.max(...figures.map((f) => f.length)));
  const height = plans.length * GROUP + 22;
  const bar = (y: number, value: number, kind: "value" | "cost", label: string) => (
    <g key={`${y}-${kind}`}>
      <text x={0} y={y + BAR - 3} className={styles.label}>
        {label}
      </text>
      <rect
        x={LABEL}
        y={y}
        width={Math.max(1, (Math.max(0, value) / largest) * span)}
        height={BAR}
        rx={2}
        className={kind === "value" ? styles.value : styles.cost}
      />
      <text x={LABEL + (Math.max(0, value) / largest) * span + 4} y={y + BAR - 3} className={styles.label}>
        {money(value, currency)}
      </text>
    </g>
  );
  const summary =
    `Per-seat plan: value ${money(comparison.perSeat.pvBenefits, currency)}, cost ${money(comparison.perSeat.pvCosts, currency)}. ` +
    `Workflow portfolio: value ${money(comparison.portfolio.pvBenefits, currency)}, cost ${money(comparison.portfolio.pvCosts, currency)}.`;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Value and cost of the two plans over the horizon. ${summary}`}
    >
      {plans.map((p, i) => {
        const top = i * GROUP;
        return (
          <g key={p.name}>
            <text x={0} y={top + 12} className={styles.group}>
              {p.name}
            </text>
            {bar(top + 18, p.figures.pvBenefits, "value", "Value")}
            {bar(top + 18 + BAR + GAP, p.figures.pvCosts, "cost", "Cost")}
          </g>
        );
      })}
      <text x={0} y={height - 4} className={styles.legend}>
        Over the horizon: value = PV benefits, cost = PV costs.
      </text>
    </svg>
  );
}
