/** One way of supporting one workflow, over the horizon (model.md, "One option"). */
export interface OptionInputs {
  tasksPerMonth: number;
  minutesSavedPerTask: number;
  hourlyCost: number;
  annualCost: number;
  oneTimeCost: number;
  adoption: number;
  confidence: number;
  years: number;
  discountRate: number;
  vendorSurvival: number;
  /** Months until adoption is full (0 to 12); the first year delivers 1 - M/24 of a steady year. */
  rampMonths: number;
}

/** What an option's value and costs are spread over: the horizon, the discounting, the vendor and the ramp. */
export interface OptionHorizon {
  years: number;
  discountRate: number;
  vendorSurvival: number;
  rampMonths: number;
}

export interface OptionFigures {
  hoursSaved: number;
  annualValue: number;
  annualCost: number;
  oneTimeCost: number;
  pvBenefits: number;
  switchCost: number;
  pvCosts: number;
  npv: number;
  /** null where pv_costs is 0: no ROI exists. */
  roi: number | null;
  annualNet: number;
  /** null where the payback never comes. */
  paybackMonths: number | null;
}

export function hoursSaved(tasksPerMonth: number, minutesSavedPerTask: number, adoption: number): number {
  return ((tasksPerMonth * 12 * minutesSavedPerTask) / 60) * adoption;
}

export function annualValue(hours: number, hourlyCost: number, confidence: number): number {
  return hours * hourlyCost * confidence;
}

/** Present value of 1 a year, paid at each year end for `years` years. */
export function annuity(years: number, discountRate: number): number {
  let sum = 0;
  for (let t = 1; t <= years; t++) sum += 1 / (1 + discountRate) ** t;
  return sum;
}

/**
 * The annuity that value is paid over: adoption rises in a straight line over the first M months, so year 1
 * falls short of a steady year by M/24 of it, discounted one year (model.md, "One option").
 */
export function valueAnnuity(years: number, discountRate: number, rampMonths: number): number {
  return annuity(years, discountRate) - rampMonths / 24 / (1 + discountRate);
}

/** Expected cost of rebuilding the integration once, if the vendor fails within the horizon. */
export function switchCost(oneTimeCost: number, years: number, discountRate: number, vendorSurvival: number): number {
  let sum = 0;
  for (let t = 1; t <= years; t++) {
    sum += (vendorSurvival ** (t - 1) * (1 - vendorSurvival)) / (1 + discountRate) ** t;
  }
  return oneTimeCost * sum;
}

export function paybackMonths(oneTimeCost: number, annualNet: number): number | null {
  if (annualNet <= 0) return null;
  if (oneTimeCost === 0) return 0;
  return oneTimeCost / (annualNet / 12);
}

/** All the figures of an option whose yearly value is already known (the Consumer option borrows Enterprise's). */
export function optionFromValue(
  value: { hoursSaved: number; annualValue: number },
  costs: { annualCost: number; oneTimeCost: number },
  horizon: OptionHorizon,
): OptionFigures {
  const factor = annuity(horizon.years, horizon.discountRate);
  const pvBenefits = value.annualValue * (factor - horizon.rampMonths / 24 / (1 + horizon.discountRate));
  const rebuild = switchCost(costs.oneTimeCost, horizon.years, horizon.discountRate, horizon.vendorSurvival);
  const pvCosts = costs.oneTimeCost + costs.annualCost * factor + rebuild;
  const npv = pvBenefits - pvCosts;
  const annualNet = value.annualValue - costs.annualCost;
  // Kept out of the object literal: inside it, Node 20's V8 fell into a deoptimisation loop on rows with a zero
  // cost, and a 100,000-row WORKFLOW_ROI spill ran twenty times slower.
  const roi = pvCosts === 0 ? null : npv / pvCosts;
  return {
    hoursSaved: value.hoursSaved,
    annualValue: value.annualValue,
    annualCost: costs.annualCost,
    oneTimeCost: costs.oneTimeCost,
    pvBenefits,
    switchCost: rebuild,
    pvCosts,
    npv,
    roi,
    annualNet,
    paybackMonths: paybackMonths(costs.oneTimeCost, annualNet),
  };
}

export function evaluateOption(inputs: OptionInputs): OptionFigures {
  const hours = hoursSaved(inputs.tasksPerMonth, inputs.minutesSavedPerTask, inputs.adoption);
  return optionFromValue(
    { hoursSaved: hours, annualValue: annualValue(hours, inputs.hourlyCost, inputs.confidence) },
    inputs,
    inputs,
  );
}
