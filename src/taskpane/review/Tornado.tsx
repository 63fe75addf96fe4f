import { makeStyles, tokens } from "@fluentui/react-components";
import type { SensitivityBar } from "../../model";
import { money, type CurrencySign } from "../format";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", maxWidth: "640px" },
  text: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  muted: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  low: { fill: tokens.colorPaletteMarigoldBorderActive },
  high: { fill: tokens.colorBrandBackground },
  base: { stroke: tokens.colorNeutralForeground2, strokeWidth: 1 },
});

const WIDTH = 320;
const ROW = 30;
const TOP = 16;

/** Short names for the bars, so they fit beside the chart at 350 px; the table below carries the full ones. */
const SHORT: Record<string, string> = {
  horizon: "Horizon",
  valueEstimate: "Value estimate",
  discountRate: "Discount rate",
  vendorSurvival: "Vendor survival",
  enterpriseSeatPrice: "Enterprise seat",
  consumerSeatPrice: "Consumer seat",
  integrationCost: "Integration cost",
  integrationUpkeep: "Upkeep",
  rampMonths: "Ramp months",
};

/**
 * model.md's sensitivity as a tornado: for each input, the portfolio's NPV at its low end and at its high end
 * against the unmoved NPV (the vertical line), widest first. Hand-written SVG in the theme's colours.
 */
export function Tornado({ bars, baseNpv, currency }: { bars: readonly SensitivityBar[]; baseNpv: number; currency: CurrencySign }) {
  const styles = useStyles();
  const label = 92;
  const span = WIDTH - label - 8;
  const values = bars.flatMap((b) => [b.npvLow, b.npvHigh, baseNpv]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = max - min || 1;
  const x = (v: number) => label + ((v - min) / range) * span;
  const height = TOP + bars.length * ROW + 14;
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`Portfolio NPV at the low and high end of each input, against ${money(baseNpv, currency)} unmoved. ${bars
        .map((b) => `${b.label}: ${money(b.npvLow, currency)} to ${money(b.npvHigh, currency)}`)
        .join("; ")}.`}
    >
      <text x={x(baseNpv)} y={10} textAnchor="middle" className={styles.muted}>
        {`NPV ${money(baseNpv, currency)}`}
      </text>
      {bars.map((b, i) => {
        const y = TOP + i * ROW;
        const seg = (v: number, kind: "low" | "high") => {
          const from = Math.min(x(v), x(baseNpv));
          const w = Math.max(1, Math.abs(x(v) - x(baseNpv)));
          return <rect key={kind} x={from} y={y + (kind === "low" ? 4 : 13)} width={w} height={9} className={styles[kind]} />;
        };
        return (
          <g key={b.input}>
            <text x={0} y={y + 16} className={styles.text}>
              {SHORT[b.input] ?? b.label}
            </text>
            {seg(b.npvLow, "low")}
            {seg(b.npvHigh, "high")}
          </g>
        );
      })}
      <line x1={x(baseNpv)} x2={x(baseNpv)} y1={TOP - 2} y2={TOP + bars.length * ROW} className={styles.base} />
      <rect x={label} y={height - 10} width={8} height={8} className={styles.low} />
      <text x={label + 11} y={height - 3} className={styles.muted}>
        low end
      </text>
      <rect x={label + 60} y={height - 10} width={8} height={8} className={styles.high} />
      <text x={label + 71} y={height - 3} className={styles.muted}>
        high end
      </text>
    </svg>
  );
}
