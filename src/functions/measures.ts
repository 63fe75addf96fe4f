import type { OptionFigures } from "../model";
import { word } from "./arguments";
import { noNumber, noRatio } from "./excelErrors";

/** Which figure of an option WORKFLOW_ROI answers with (functions.md, the `measure` argument). */
export type Measure =
  "roi" | "npv" | "pv_benefits" | "pv_costs" | "annual_value" | "annual_net" | "hours_saved" | "payback_months";

const FIGURES: Readonly<Record<Measure, (f: OptionFigures) => number | null>> = {
  roi: (f) => f.roi,
  npv: (f) => f.npv,
  pv_benefits: (f) => f.pvBenefits,
  pv_costs: (f) => f.pvCosts,
  annual_value: (f) => f.annualValue,
  annual_net: (f) => f.annualNet,
  hours_saved: (f) => f.hoursSaved,
  payback_months: (f) => f.paybackMonths,
};

/** The measures in the order functions.md lists them; the first, roi, is the default. */
export const MEASURES = Object.keys(FIGURES) as Measure[];

/** The measure argument, any case; omitted or empty is roi. Read as its index in MEASURES. */
export const measureReader = word("measure", MEASURES);

/**
 * How a call answers its measure at each position: the figure, #DIV/0! where no ROI exists, #NUM! where a payback
 * never comes. Those errors carry no message, so each call makes one and shares it among its positions.
 */
export function answerFor(measure: Measure): (figures: OptionFigures) => unknown {
  const figureOf = FIGURES[measure];
  let missing: unknown = null;
  let unrepresentable: unknown = null;
  return (figures) => {
    const figure = figureOf(figures);
    if (figure === null) return (missing ??= measure === "roi" ? noRatio() : noNumber());
    return Number.isFinite(figure) ? figure : (unrepresentable ??= noNumber());
  };
}
