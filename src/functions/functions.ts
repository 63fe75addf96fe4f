import {
  breakevenMinutes,
  chooseTier,
  DEFAULT_ASSUMPTIONS,
  evaluateOption,
  INTEGRATION_NEEDS,
  seatCost as licenceCost,
} from "../model";
import { amount, integrationNeed, months, ratio, share, wholeYears, yesNo, type Reader } from "./arguments";
import { answering, noNumber } from "./excelErrors";
import { Spill } from "./lift";
import { answerFor, MEASURES, measureReader } from "./measures";
import { readVolumeTiers } from "./volumeTiers";

/*
 * The four worksheet functions of docs/spec/functions.md. Parameter names are the ones Excel shows, so they are
 * the spec's. The webpack plugin reads these JSDoc comments into functions.json and registers each function; every
 * parameter is `any` so that, with allowErrorForDataTypeAny (added by the build), an error in a cell reaches the
 * function and is answered at its position.
 *
 * Each function reads its arguments once into numbers (Spill) and walks the positions in a loop of its own, so its
 * model call is a call site of its own that the engine can inline.
 */

const d = DEFAULT_ASSUMPTIONS;

const ROI_ARGUMENTS: readonly Reader[] = [
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
  measureReader,
  months("ramp_months", d.rampMonths),
];

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
 * @param ramp_months Months until adoption is full, rising in a straight line; 0 to 12, fractions allowed. Default 0.
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
  measure?: any,
  ramp_months?: any[][],
): any[][] {
  return answering("WORKFLOW_ROI", () => {
    const spill = new Spill(ROI_ARGUMENTS, [
      tasks_per_month,
      minutes_saved_per_task,
      hourly_cost,
      annual_cost,
      one_time_cost,
      adoption,
      confidence,
      years,
      discount_rate,
      vendor_survival,
      measure,
      ramp_months,
    ]);
    const [tasks, minutes, hourly, annual, once, adopted, confident, horizon, rate, survival, which, ramp] =
      spill.values;
    const answer = answerFor(MEASURES[which[0]]);
    for (let i = 0; i < spill.size; i++) {
      if (spill.fails(i)) continue;
      const figures = evaluateOption({
        tasksPerMonth: tasks[i],
        minutesSavedPerTask: minutes[i],
        hourlyCost: hourly[i],
        annualCost: annual[i],
        oneTimeCost: once[i],
        adoption: adopted[i],
        confidence: confident[i],
        years: horizon[i],
        discountRate: rate[i],
        vendorSurvival: survival[i],
        rampMonths: ramp[i],
      });
      const figure = answer(figures);
      if (typeof figure === "number") spill.number(i, figure);
      else spill.answer(i, figure);
    }
    return spill.result;
  });
}

const SEAT_ARGUMENTS: readonly Reader[] = [amount("seats", 0), amount("price_per_seat_month", 0), amount("months", 12)];

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
    const spill = new Spill(SEAT_ARGUMENTS, [seats, price_per_seat_month, months]);
    // Read after the others: it comes last in argument order, so it speaks only where they did not.
    const tiers = readVolumeTiers(volume_discounts);
    if (!Array.isArray(tiers)) spill.failEverywhere(tiers);
    else {
      const [count, price, paid] = spill.values;
      for (let i = 0; i < spill.size; i++) {
        if (spill.fails(i)) continue;
        const cost = licenceCost(count[i], price[i], paid[i], tiers);
        if (Number.isFinite(cost)) spill.number(i, cost);
        else spill.answer(i, noNumber());
      }
    }
    return spill.result;
  });
}

const TIER_ARGUMENTS: readonly Reader[] = [
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
    const spill = new Spill(TIER_ARGUMENTS, [
      value,
      enterprise_cost,
      consumer_cost,
      sensitive_data,
      integration,
      hurdle_roi,
    ]);
    const [delivered, enterprise, consumer, sensitive, need, hurdle] = spill.values;
    for (let i = 0; i < spill.size; i++) {
      if (spill.fails(i)) continue;
      const decision = chooseTier({
        value: delivered[i],
        enterpriseCost: enterprise[i],
        consumerCost: consumer[i],
        sensitiveData: sensitive[i] === 1,
        integration: INTEGRATION_NEEDS[need[i]],
        hurdleRoi: hurdle[i],
      });
      spill.answer(i, decision.tier);
    }
    return spill.result;
  });
}

const BREAKEVEN_ARGUMENTS: readonly Reader[] = [
  amount("tasks_per_month", 0),
  amount("hourly_cost", 0),
  amount("annual_cost", 0),
  amount("one_time_cost", 0),
  share("adoption", d.adoption),
  share("confidence", d.confidence),
  wholeYears("years", d.years),
  share("discount_rate", d.discountRate),
  share("vendor_survival", d.vendorSurvival),
  ratio("hurdle_roi", d.hurdleRoi),
  months("ramp_months", d.rampMonths),
];

/**
 * The minutes a task must save for the option's ROI to reach the hurdle, every other input unchanged.
 * @customfunction BREAKEVEN_MINUTES
 * @helpurl https://localhost:3000/help.html#breakeven_minutes
 * @param tasks_per_month Tasks the workflow handles a month, all its people together; at least 0.
 * @param hourly_cost Loaded cost of an hour of the people's time; at least 0.
 * @param annual_cost Recurring cost of the tool for this workflow, a year; at least 0.
 * @param one_time_cost Integration and setup, at the start; at least 0. Default 0.
 * @param adoption Share of the tasks actually done with the tool, 0 to 1. Default 0.8.
 * @param confidence Share of the estimate you are confident in, 0 to 1; for a Consumer option, times its capture. Default 0.8.
 * @param years Horizon in whole years, 1 to 30. Default 3.
 * @param discount_rate Yearly discount rate, 0 to 1. Default 0.10.
 * @param vendor_survival The vendor's yearly survival probability, 0 to 1. Default 0.9.
 * @param hurdle_roi The ROI the option must reach, at least 0 (1 or "100%": the value doubles the cost). Default 1.
 * @param ramp_months Months until adoption is full, rising in a straight line; 0 to 12, fractions allowed. Default 0.
 * @returns The break-even minutes per task, one for each position of the ranges given.
 */
export function breakevenMinutesSaved(
  tasks_per_month: any[][],
  hourly_cost: any[][],
  annual_cost: any[][],
  one_time_cost?: any[][],
  adoption?: any[][],
  confidence?: any[][],
  years?: any[][],
  discount_rate?: any[][],
  vendor_survival?: any[][],
  hurdle_roi?: any[][],
  ramp_months?: any[][],
): any[][] {
  return answering("BREAKEVEN_MINUTES", () => {
    const spill = new Spill(BREAKEVEN_ARGUMENTS, [
      tasks_per_month,
      hourly_cost,
      annual_cost,
      one_time_cost,
      adoption,
      confidence,
      years,
      discount_rate,
      vendor_survival,
      hurdle_roi,
      ramp_months,
    ]);
    const [tasks, hourly, annual, once, adopted, confident, horizon, rate, survival, hurdle, ramp] = spill.values;
    let none: unknown = null;
    for (let i = 0; i < spill.size; i++) {
      if (spill.fails(i)) continue;
      // The costs do not depend on the minutes saved: the option's pv_costs, from the model, with none saved.
      const { pvCosts } = evaluateOption({
        tasksPerMonth: tasks[i],
        minutesSavedPerTask: 0,
        hourlyCost: hourly[i],
        annualCost: annual[i],
        oneTimeCost: once[i],
        adoption: adopted[i],
        confidence: confident[i],
        years: horizon[i],
        discountRate: rate[i],
        vendorSurvival: survival[i],
        rampMonths: ramp[i],
      });
      const minutes = breakevenMinutes(
        {
          tasksPerMonth: tasks[i],
          adoption: adopted[i],
          hourlyCost: hourly[i],
          confidence: confident[i],
          years: horizon[i],
          discountRate: rate[i],
          rampMonths: ramp[i],
        },
        pvCosts,
        hurdle[i],
      );
      // No saving can reach the hurdle, or none that a number can hold: #NUM!, one per call as it has no message.
      if (minutes !== null && Number.isFinite(minutes)) spill.number(i, minutes);
      else spill.answer(i, (none ??= noNumber()));
    }
    return spill.result;
  });
}
