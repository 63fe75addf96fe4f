import {
  chooseTier,
  DEFAULT_ASSUMPTIONS,
  evaluateOption,
  seatCost as licenceCost,
  type IntegrationNeed,
  type OptionInputs,
} from "../model";
import { amount, integrationNeed, ratio, share, wholeYears, yesNo } from "./arguments";
import { answering, noNumber } from "./excelErrors";
import { Spill, type Readers } from "./lift";
import { answerFor, readMeasure } from "./measures";
import { readVolumeTiers } from "./volumeTiers";

/*
 * The three worksheet functions of docs/spec/functions.md. Parameter names are the ones Excel shows, so they are
 * the spec's. The webpack plugin reads these JSDoc comments into functions.json and registers each function.
 */

const d = DEFAULT_ASSUMPTIONS;

type OptionNumbers = [number, number, number, number, number, number, number, number, number, number];
const OPTION_ARGUMENTS: Readers<OptionNumbers> = [
  amount("tasks_per_month", 0),
  amount("minutes_saved_per_task", 0),
  amount("hourly_cost", 0),
  amount("annual_cost", 0),
  amount("one_time_cost", 0),
  share("adoption", d.adoption),
  share("confidence", d.confidence),
  wholeYears("years", d.years),
  share("discount_rate", d.discountRate),
  share("vendor_survival", d.vendorSurvival),
];

/** The model's inputs from what the readers read, in the order of OPTION_ARGUMENTS. */
function option(v: OptionNumbers): OptionInputs {
  return {
    tasksPerMonth: v[0],
    minutesSavedPerTask: v[1],
    hourlyCost: v[2],
    annualCost: v[3],
    oneTimeCost: v[4],
    adoption: v[5],
    confidence: v[6],
    years: v[7],
    discountRate: v[8],
    vendorSurvival: v[9],
  };
}

/**
 * One workflow supported one way, over the horizon: its ROI as a ratio (7.43 is 743 %), or the figure measure names.
 * @customfunction WORKFLOW_ROI
 * @helpurl https://localhost:3000/help.html#workflow_roi
 * @param tasks_per_month Tasks the workflow handles a month, all its people together; at least 0.
 * @param minutes_saved_per_task Minutes AI saves on one task; at least 0.
 * @param hourly_cost Loaded cost of an hour of the people's time; at least 0.
 * @param annual_cost Recurring cost of the tool for this workflow, a year; at least 0.
 * @param one_time_cost Integration and setup, at the start; at least 0. Default 0.
 * @param adoption Share of the tasks actually done with the tool, 0 to 1. Default 0.8.
 * @param confidence Share of the estimate you are confident in, 0 to 1. Default 0.8.
 * @param years Horizon in whole years, 1 to 30. Default 3.
 * @param discount_rate Yearly discount rate, 0 to 1. Default 0.10.
 * @param vendor_survival The vendor's yearly survival probability, 0 to 1. Default 0.9.
 * @param measure roi, npv, pv_benefits, pv_costs, annual_value, annual_net, hours_saved or payback_months. Default roi.
 * @returns The figure, one for each position of the ranges given.
 */
export function workflowRoi(
  tasks_per_month: any[][],
  minutes_saved_per_task: any[][],
  hourly_cost: any[][],
  annual_cost: any[][],
  one_time_cost?: any[][],
  adoption?: any[][],
  confidence?: any[][],
  years?: any[][],
  discount_rate?: any[][],
  vendor_survival?: any[][],
  measure?: string,
): any[][] {
  return answering("WORKFLOW_ROI", () => {
    const answer = answerFor(readMeasure(measure));
    const args = [tasks_per_month, minutes_saved_per_task, hourly_cost, annual_cost, one_time_cost];
    const rest = [adoption, confidence, years, discount_rate, vendor_survival];
    const spill = new Spill<OptionNumbers>(OPTION_ARGUMENTS, [...args, ...rest]);
    while (spill.next()) spill.answer(answer(evaluateOption(option(spill.values))));
    return spill.result;
  });
}

type SeatNumbers = [number, number, number];
const SEAT_ARGUMENTS: Readers<SeatNumbers> = [
  amount("seats", 0),
  amount("price_per_seat_month", 0),
  amount("months", 12),
];

/**
 * The per-seat licence cost: seats x price a month x months, less the volume discount that applies to the seats.
 * @customfunction SEAT_COST
 * @helpurl https://localhost:3000/help.html#seat_cost
 * @param seats Number of seats; at least 0, fractions (FTE) allowed.
 * @param price_per_seat_month Price of one seat a month; at least 0.
 * @param months Months paid for; at least 0. Default 12.
 * @param volume_discounts Rows of (minimum seats, discount), any order; a discount is from 0 up to, not including, 1.
 * @returns The licence cost, one for each position of the ranges given.
 */
export function seatCost(
  seats: any[][],
  price_per_seat_month: any[][],
  months?: any[][],
  volume_discounts?: any[][],
): any[][] {
  return answering("SEAT_COST", () => {
    const tiers = readVolumeTiers(volume_discounts);
    const spill = new Spill<SeatNumbers>(SEAT_ARGUMENTS, [seats, price_per_seat_month, months]);
    const v = spill.values;
    while (spill.next()) {
      const cost = licenceCost(v[0], v[1], v[2], tiers);
      spill.answer(Number.isFinite(cost) ? cost : noNumber());
    }
    return spill.result;
  });
}

type TierValues = [number, number, number, boolean, IntegrationNeed, number];
const TIER_ARGUMENTS: Readers<TierValues> = [
  amount("value", 0),
  amount("enterprise_cost", 0),
  amount("consumer_cost", 0),
  yesNo("sensitive_data"),
  integrationNeed("integration"),
  ratio("hurdle_roi", d.hurdleRoi),
];

/**
 * The cheapest support that captures a workflow's value: Enterprise, Consumer or None (value and costs in one unit).
 * @customfunction PORTFOLIO_TIER
 * @helpurl https://localhost:3000/help.html#portfolio_tier
 * @param value What the Enterprise option delivers; at least 0.
 * @param enterprise_cost What the Enterprise option costs, in the same units; at least 0.
 * @param consumer_cost What the Consumer option costs, in the same units; at least 0.
 * @param sensitive_data TRUE where the workflow handles sensitive data, which rules Consumer out. Default FALSE.
 * @param integration Integration need: none, light or deep (also no, n/a, low, medium, high). Default none.
 * @param hurdle_roi The ROI an option must reach, at least 0 (1 or "100%": the value doubles the cost). Default 1.
 * @returns Enterprise, Consumer or None, one for each position of the ranges given.
 */
export function portfolioTier(
  value: any[][],
  enterprise_cost: any[][],
  consumer_cost: any[][],
  sensitive_data?: any[][],
  integration?: any[][],
  hurdle_roi?: any[][],
): any[][] {
  return answering("PORTFOLIO_TIER", () => {
    const spill = new Spill<TierValues>(TIER_ARGUMENTS, [
      value,
      enterprise_cost,
      consumer_cost,
      sensitive_data,
      integration,
      hurdle_roi,
    ]);
    const v = spill.values;
    while (spill.next()) {
      const decision = chooseTier({
        value: v[0],
        enterpriseCost: v[1],
        consumerCost: v[2],
        sensitiveData: v[3],
        integration: v[4],
        hurdleRoi: v[5],
      });
      spill.answer(decision.tier);
    }
    return spill.result;
  });
}
