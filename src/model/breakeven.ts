import type { Assumptions } from "./assumptions";
import { valueAnnuity, type OptionFigures } from "./option";
import type { Tier } from "./tier";

/**
 * How far the minutes saved, the estimate finance trusts least, can fall before an option stops clearing the
 * hurdle (model.md, "Break-even"). Value is proportional to the minutes and costs do not depend on them, so the
 * break-even is a ratio, not a search.
 */

/** What one minute saved per task is worth over the horizon: the value side of an option without its minutes. */
export interface MinuteValueInputs {
  tasksPerMonth: number;
  adoption: number;
  hourlyCost: number;
  /** For a Consumer option, the confidence times the capture of its integration need. */
  confidence: number;
  years: number;
  discountRate: number;
  rampMonths: number;
}

export function valuePerMinute(v: MinuteValueInputs): number {
  return (
    ((v.tasksPerMonth * 12) / 60) *
    v.adoption *
    v.hourlyCost *
    v.confidence *
    valueAnnuity(v.years, v.discountRate, v.rampMonths)
  );
}

/** The minutes saved per task at which ROI equals the hurdle; null where no saving can create value. */
export function breakevenFromValue(perMinute: number, pvCosts: number, hurdleRoi: number): number | null {
  if (perMinute === 0) return null;
  if (pvCosts === 0) return 0;
  return ((1 + hurdleRoi) * pvCosts) / perMinute;
}

/** An option's break-even minutes, from its value inputs and its pv_costs. */
export function breakevenMinutes(v: MinuteValueInputs, pvCosts: number, hurdleRoi: number): number | null {
  return breakevenFromValue(valuePerMinute(v), pvCosts, hurdleRoi);
}

/** `1 - breakeven / minutes`; none where the minutes saved are 0 or no break-even exists. */
export function safetyMargin(breakeven: number | null, minutesSavedPerTask: number): number | null {
  if (breakeven === null || minutesSavedPerTask === 0) return null;
  return 1 - breakeven / minutesSavedPerTask;
}

/** The row's inputs the break-even needs, as the Enterprise option reads them. */
export interface RowBreakevenInputs {
  people: number;
  tasksPerPersonPerMonth: number;
  hourlyCost: number;
  adoption: number;
  sensitiveData: boolean;
  captureShare: number;
}

/**
 * A table row's break-even: its tier's option where it is Enterprise or Consumer; for None, the smallest
 * break-even of the candidates it may have (the saving at which it would first qualify).
 */
export function rowBreakeven(
  row: RowBreakevenInputs,
  tier: Tier,
  enterprise: OptionFigures,
  consumer: OptionFigures,
  a: Assumptions,
): number | null {
  const value: MinuteValueInputs = {
    tasksPerMonth: row.people * row.tasksPerPersonPerMonth,
    adoption: row.adoption,
    hourlyCost: row.hourlyCost,
    confidence: a.confidence,
    years: a.years,
    discountRate: a.discountRate,
    rampMonths: a.rampMonths,
  };
  const enterprisePerMinute = valuePerMinute(value);
  const ofEnterprise = () => breakevenFromValue(enterprisePerMinute, enterprise.pvCosts, a.hurdleRoi);
  const ofConsumer = () => breakevenFromValue(enterprisePerMinute * row.captureShare, consumer.pvCosts, a.hurdleRoi);
  if (tier === "Enterprise") return ofEnterprise();
  if (tier === "Consumer") return ofConsumer();
  const candidates = [ofEnterprise(), row.sensitiveData ? null : ofConsumer()].filter((b): b is number => b !== null);
  return candidates.length === 0 ? null : Math.min(...candidates);
}
