import fc from "fast-check";
import { breakevenMinutesSaved, portfolioTier, seatCost, workflowRoi } from "../../src/functions/functions";
import {
  breakevenMinutes,
  chooseTier,
  evaluateOption,
  seatCost as modelSeatCost,
  type IntegrationNeed,
  type OptionFigures,
  type OptionInputs,
} from "../../src/model";
import { cell, column, isExcelError, type Grid } from "./excelCalls";

/**
 * The functions are the model seen through Excel: for any valid inputs, whatever their form (numbers, text,
 * ranges), they must answer what src/model answers for the same numbers.
 */

const WORKFLOW_ROI = workflowRoi as unknown as (...args: unknown[]) => Grid;

const MEASURES: [string, (f: OptionFigures) => number | null][] = [
  ["roi", (f) => f.roi],
  ["npv", (f) => f.npv],
  ["pv_benefits", (f) => f.pvBenefits],
  ["pv_costs", (f) => f.pvCosts],
  ["annual_value", (f) => f.annualValue],
  ["annual_net", (f) => f.annualNet],
  ["hours_saved", (f) => f.hoursSaved],
  ["payback_months", (f) => f.paybackMonths],
];

const money = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e7, noNaN: true }));
const fraction = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

const optionInputs: fc.Arbitrary<OptionInputs> = fc.record({
  tasksPerMonth: money,
  minutesSavedPerTask: fc.double({ min: 0, max: 600, noNaN: true }),
  hourlyCost: money,
  annualCost: money,
  oneTimeCost: money,
  adoption: fraction,
  confidence: fraction,
  years: fc.integer({ min: 1, max: 30 }),
  discountRate: fraction,
  vendorSurvival: fraction,
  rampMonths: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 12, noNaN: true })),
});

function argumentsOf(i: OptionInputs): Grid[] {
  return [
    i.tasksPerMonth,
    i.minutesSavedPerTask,
    i.hourlyCost,
    i.annualCost,
    i.oneTimeCost,
    i.adoption,
    i.confidence,
    i.years,
    i.discountRate,
    i.vendorSurvival,
  ].map(cell);
}

/** The model's figure as the cell shows it: a number, or the error code where the figure does not exist. */
function expected(figure: number | null, measure: string): unknown {
  if (figure === null) return measure === "roi" ? "#DIV/0!" : "#NUM!";
  return Number.isFinite(figure) ? figure : "#NUM!";
}

function shown(answer: unknown): unknown {
  return isExcelError(answer) ? answer.code : answer;
}

describe("WORKFLOW_ROI agrees with evaluateOption", () => {
  it("for every measure, across random valid inputs", () => {
    fc.assert(
      fc.property(optionInputs, fc.constantFrom(...MEASURES), (inputs, [measure, figure]) => {
        const answer = WORKFLOW_ROI(...argumentsOf(inputs), measure, cell(inputs.rampMonths))[0][0];
        expect(shown(answer)).toBe(expected(figure(evaluateOption(inputs)), measure));
      }),
    );
  });

  it("with money written as text with separators and currency, and shares written as percentages", () => {
    const cents = fc.integer({ min: 0, max: 1e9 });
    const tenthsOfPercent = fc.integer({ min: 0, max: 1000 });
    fc.assert(
      fc.property(
        fc.tuple(cents, cents, cents, cents),
        fc.tuple(tenthsOfPercent, tenthsOfPercent),
        fc.constantFrom(...MEASURES),
        ([tasks, hourly, annual, once], [adoption, discount], [measure, figure]) => {
          const amount = (c: number) => c / 100;
          const text = (c: number) =>
            `$${amount(c).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
          const percent = (tenths: number) => `${tenths / 10}%`;
          const inputs: OptionInputs = {
            tasksPerMonth: amount(tasks),
            minutesSavedPerTask: 15,
            hourlyCost: amount(hourly),
            annualCost: amount(annual),
            oneTimeCost: amount(once),
            // As the spec reads "12.5%": the number before the sign, over 100.
            adoption: Number(String(adoption / 10)) / 100,
            confidence: 0.8,
            years: 3,
            discountRate: Number(String(discount / 10)) / 100,
            vendorSurvival: 0.9,
            rampMonths: 0,
          };
          const args = [text(tasks), "15", text(hourly), text(annual), text(once), percent(adoption), "", "3"];
          const answer = WORKFLOW_ROI(...args.map(cell), cell(percent(discount)), null, measure)[0][0];
          expect(shown(answer)).toBe(expected(figure(evaluateOption(inputs)), measure));
        },
      ),
    );
  });

  it("position by position over a column, as one call per row would answer", () => {
    fc.assert(
      fc.property(
        fc.array(optionInputs, { minLength: 2, maxLength: 12 }),
        fc.constantFrom(...MEASURES),
        (rows, [m]) => {
          const columns = argumentsOf(rows[0]).map((_, k) => rows.map((r) => argumentsOf(r)[k][0][0]));
          const ramps = column(...rows.map((r) => r.rampMonths));
          const spilled = WORKFLOW_ROI(...columns.map((values) => column(...values)), m, ramps);
          expect(spilled).toHaveLength(rows.length);
          rows.forEach((r, i) => {
            expect(shown(spilled[i][0])).toBe(shown(WORKFLOW_ROI(...argumentsOf(r), m, cell(r.rampMonths))[0][0]));
          });
        },
      ),
    );
  });
});

describe("SEAT_COST agrees with seatCost", () => {
  it("across random seats, prices, months and tier tables in any order", () => {
    const tier = fc.record({
      minSeats: fc.integer({ min: 0, max: 2000 }),
      discount: fc.double({ min: 0, max: 0.99, noNaN: true }),
    });
    const tiers = fc.uniqueArray(tier, { selector: (t) => t.minSeats, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        money,
        fc.double({ min: 0, max: 120, noNaN: true }),
        tiers.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        (seats, price, months, [list, shuffled]) => {
          const table = shuffled.length > 0 ? shuffled.map((t) => [t.minSeats, t.discount]) : null;
          const answer = seatCost(cell(seats), cell(price), cell(months), table ?? undefined)[0][0];
          const cost = modelSeatCost(seats, price, months, list);
          expect(shown(answer)).toBe(Number.isFinite(cost) ? cost : "#NUM!");
        },
      ),
    );
  });
});

describe("PORTFOLIO_TIER agrees with chooseTier", () => {
  it("across random values, costs, yes/no and integration words, and hurdles", () => {
    const yesNo = fc.constantFrom<[unknown, boolean]>(
      [true, true],
      [false, false],
      ["Yes", true],
      ["no", false],
      ["X", true],
      [null, false],
      ["", false],
      [1, true],
      [0, false],
    );
    const need = fc.constantFrom<[unknown, IntegrationNeed]>(
      ["none", "none"],
      ["Light", "light"],
      ["DEEP", "deep"],
      ["medium", "light"],
      ["high", "deep"],
      ["n/a", "none"],
      [null, "none"],
    );
    fc.assert(
      fc.property(money, money, money, yesNo, need, fc.double({ min: 0, max: 20, noNaN: true }), (v, e, c, s, n, h) => {
        const answer = portfolioTier(cell(v), cell(e), cell(c), cell(s[0]), cell(n[0]), cell(h))[0][0];
        const decision = chooseTier({
          value: v,
          enterpriseCost: e,
          consumerCost: c,
          sensitiveData: s[1],
          integration: n[1],
          hurdleRoi: h,
        });
        expect(answer).toBe(decision.tier);
      }),
    );
  });
});

describe("BREAKEVEN_MINUTES agrees with breakevenMinutes", () => {
  it("across random valid inputs and hurdles: the same minutes, #NUM! where the model has none", () => {
    fc.assert(
      fc.property(optionInputs, fc.double({ min: 0, max: 20, noNaN: true }), (i, hurdle) => {
        const args = [
          i.tasksPerMonth,
          i.hourlyCost,
          i.annualCost,
          i.oneTimeCost,
          i.adoption,
          i.confidence,
          i.years,
          i.discountRate,
          i.vendorSurvival,
          hurdle,
          i.rampMonths,
        ].map(cell);
        const answer = (breakevenMinutesSaved as unknown as (...a: unknown[]) => Grid)(...args)[0][0];
        const minutes = breakevenMinutes(i, evaluateOption(i).pvCosts, hurdle);
        expect(shown(answer)).toBe(minutes !== null && Number.isFinite(minutes) ? minutes : "#NUM!");
      }),
    );
  });
});
