import { loadBuiltFunctions, RuntimeError, type Associated } from "./builtBundle";
import { annuityByHand, cell, column, rebuildByHand, row } from "./excelCalls";

/**
 * dist/functions.js as Excel's JavaScript-only runtime loads it: a context with no global but CustomFunctions.
 * The cases here are not used elsewhere; each expectation is worked out below from model.md's formulas.
 */

let functions: Map<string, Associated>;

beforeAll(() => {
  functions = loadBuiltFunctions();
});

function call(id: string, ...args: unknown[]): unknown {
  const fn = functions.get(id);
  if (!fn) throw new Error(`dist/functions.js did not associate ${id}`);
  try {
    return fn(...args);
  } catch (error) {
    if (error instanceof RuntimeError) return error;
    throw error;
  }
}

function near(received: unknown, expected: number): void {
  expect(typeof received).toBe("number");
  expect(Math.abs((received as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
}

function runtimeError(received: unknown, code: string, ...fragments: string[]): void {
  expect(received).toBeInstanceOf(RuntimeError);
  expect((received as RuntimeError).code).toBe(code);
  for (const fragment of fragments) expect((received as RuntimeError).message).toContain(fragment);
}

describe("dist/functions.js in a context with only CustomFunctions", () => {
  it("loads without reaching for window, document or anything else, and associates the four ids", () => {
    expect([...functions.keys()].sort()).toEqual(["BREAKEVEN_MINUTES", "PORTFOLIO_TIER", "SEAT_COST", "WORKFLOW_ROI"]);
  });

  describe("WORKFLOW_ROI", () => {
    // 2,400 tasks a month, 4 minutes saved, 72 an hour, 6,000 a year, 20,000 once, adoption 0.65, confidence
    // 0.75, 4 years at 7 %, vendor survival 0.85.
    const args = [2400, 4, 72, 6000, 20000, 0.65, 0.75, 4, 0.07, 0.85].map(cell);
    const hours = ((2400 * 12 * 4) / 60) * 0.65; // 1,248
    const value = hours * 72 * 0.75; // 67,392
    const a = annuityByHand(4, 0.07);
    const pvBenefits = value * a;
    const pvCosts = 20000 + 6000 * a + rebuildByHand(20000, 4, 0.07, 0.85);
    const hand: Record<string, number> = {
      hours_saved: hours,
      annual_value: value,
      pv_benefits: pvBenefits,
      pv_costs: pvCosts,
      npv: pvBenefits - pvCosts,
      roi: (pvBenefits - pvCosts) / pvCosts,
      annual_net: value - 6000,
      payback_months: 20000 / ((value - 6000) / 12),
    };

    it.each(Object.keys(hand))("answers %s as model.md's formula gives it", (measure) => {
      const result = call("WORKFLOW_ROI", ...args, measure) as unknown[][];
      near(result[0][0], hand[measure]);
    });

    it("answers the ROI with no measure, and the defaults for omitted arguments", () => {
      near((call("WORKFLOW_ROI", ...args) as unknown[][])[0][0], hand.roi);
      // Defaults: one-time 0, adoption 0.8, confidence 0.8, 3 years at 10 %: 2,400 x 12 x 4 / 60 x 0.8 x 72 x 0.8.
      const npv = call("WORKFLOW_ROI", ...args.slice(0, 4), null, null, null, null, null, null, "npv") as unknown[][];
      near(npv[0][0], (((2400 * 12 * 4) / 60) * 0.8 * 72 * 0.8 - 6000) * annuityByHand(3, 0.1));
    });

    it("spills a column of text and numbers, an error in place, #DIV/0! and #NUM! where the figure does not exist", () => {
      const roi = call(
        "WORKFLOW_ROI",
        column("2,400", "many", 2400),
        cell(4),
        cell("$72"),
        column(6000, 6000, 0),
        column(20000, 0, 0),
      ) as unknown[][];
      // The first row takes the defaults: adoption and confidence 0.8, 3 years at 10 %, survival 0.9.
      const a3 = annuityByHand(3, 0.1);
      const costs = 20000 + 6000 * a3 + rebuildByHand(20000, 3, 0.1, 0.9);
      near(roi[0][0], (((2400 * 12 * 4) / 60) * 0.8 * 72 * 0.8 * a3 - costs) / costs);
      runtimeError(roi[1][0], "#VALUE!", "tasks_per_month", '"many"');
      runtimeError(roi[2][0], "#DIV/0!");
      const payback = call(
        "WORKFLOW_ROI",
        cell(10),
        cell(1),
        cell(20),
        cell(5000),
        cell(100),
        null,
        null,
        null,
        null,
        null,
        "payback_months",
      ) as unknown[][];
      runtimeError(payback[0][0], "#NUM!");
    });

    it("refuses a row against a column, a 0.65 written as 65, and an unknown measure, each with its message", () => {
      runtimeError(
        call("WORKFLOW_ROI", row(1, 2), column(1, 2), cell(1), cell(1)),
        "#VALUE!",
        "1 row by 2 columns",
        "2 rows by 1 column",
      );
      runtimeError(
        call("WORKFLOW_ROI", ...args.slice(0, 5), cell(65)),
        "#VALUE!",
        "adoption must be a share between 0 and 1; got 65",
      );
      runtimeError(call("WORKFLOW_ROI", ...args, "net"), "#VALUE!", "measure", '"net"');
    });
  });

  describe("WORKFLOW_ROI with errors and a ramp, as Excel passes them", () => {
    it("passes an error cell through at its position and names an input-only one, first argument first", () => {
      const result = call(
        "WORKFLOW_ROI",
        column(2400, new RuntimeError("#N/A"), 2400, new RuntimeError("#REF!")),
        column(4, 4, new RuntimeError("#NUM!"), new RuntimeError("#NUM!")),
        cell(72),
        cell(6000),
      ) as unknown[][];
      expect(typeof result[0][0]).toBe("number");
      runtimeError(result[1][0], "#N/A");
      runtimeError(result[2][0], "#NUM!");
      runtimeError(result[3][0], "#VALUE!", "tasks_per_month holds the error #REF!");
    });

    it("ramps the first year's value by ramp_months, the argument after measure", () => {
      // As above, with a 9-month ramp: value_annuity = annuity(4, 7 %) - (9 / 24) / 1.07.
      const args = [2400, 4, 72, 6000, 20000, 0.65, 0.75, 4, 0.07, 0.85].map(cell);
      const ramped = call("WORKFLOW_ROI", ...args, "pv_benefits", cell(9)) as unknown[][];
      near(ramped[0][0], 67392 * (annuityByHand(4, 0.07) - 9 / 24 / 1.07));
    });
  });

  describe("BREAKEVEN_MINUTES", () => {
    it("answers cases worked out here from model.md, not the spec's examples", () => {
      // 2,400 tasks, 72 an hour, 6,000 a year, 20,000 once, adoption 0.65, confidence 0.75, 4 years at 7 %,
      // survival 0.85, hurdle 0.5, a 9-month ramp; and the same with the defaults after the one-time cost.
      const a = annuityByHand(4, 0.07);
      const costs = 20000 + 6000 * a + rebuildByHand(20000, 4, 0.07, 0.85);
      const perMinute = ((2400 * 12) / 60) * 0.65 * 72 * 0.75 * (a - 9 / 24 / 1.07);
      const given = [2400, 72, 6000, 20000, 0.65, 0.75, 4, 0.07, 0.85, 0.5, 9].map(cell);
      near((call("BREAKEVEN_MINUTES", ...given) as unknown[][])[0][0], (1.5 * costs) / perMinute);
      const a3 = annuityByHand(3, 0.1);
      const defaults = 20000 + 6000 * a3 + rebuildByHand(20000, 3, 0.1, 0.9);
      const defaultPerMinute = ((2400 * 12) / 60) * 0.8 * 72 * 0.8 * a3;
      const byDefault = call("BREAKEVEN_MINUTES", ...given.slice(0, 4)) as unknown[][];
      near(byDefault[0][0], (2 * defaults) / defaultPerMinute);
    });

    it("spills 0 where the option costs nothing, #NUM! where no saving reaches the hurdle, #VALUE! for bad input", () => {
      const result = call(
        "BREAKEVEN_MINUTES",
        column(500, 0, 500, 500),
        cell(40),
        column(0, 1000, 1000, 1000),
        cell(0),
        column(0.5, 0.5, 0.5, "half"),
      ) as unknown[][];
      expect(result[0][0]).toBe(0);
      runtimeError(result[1][0], "#NUM!");
      near(
        result[2][0],
        (2 * 1000 * annuityByHand(3, 0.1)) / (((500 * 12) / 60) * 0.5 * 40 * 0.8 * annuityByHand(3, 0.1)),
      );
      runtimeError(result[3][0], "#VALUE!", "adoption", '"half"');
    });
  });

  describe("SEAT_COST", () => {
    it("prices each seat count with its own volume tier", () => {
      // Tiers from 20 seats 5 % off, from 100 seats 15 % off: 120 x 25 x 6 x 0.85 and 40 x 25 x 6 x 0.95; 10 seats
      // get no discount.
      const result = call("SEAT_COST", column(120, 40, 10), cell(25), cell(6), [
        [100, "15%"],
        [20, 0.05],
      ]) as unknown[][];
      near(result[0][0], 15300);
      near(result[1][0], 5700);
      near(result[2][0], 1500);
    });

    it("refuses a repeated minimum for the whole formula", () => {
      runtimeError(
        call("SEAT_COST", cell(1), cell(1), null, [
          [20, 0.05],
          [20, 0.1],
        ]),
        "#VALUE!",
        "rows 1 and 2",
        "20",
      );
    });
  });

  describe("PORTFOLIO_TIER", () => {
    it("chooses by the tier rule position by position", () => {
      // Value 40,000 with light integration: Enterprise at 15,000 nets 25,000 (ROI 1.67); Consumer captures 20,000
      // at 4,000, netting 16,000 (ROI 4): Enterprise. With sensitive data: still Enterprise. At a hurdle of 2,
      // only Consumer clears it. Value 5,000 at 15,000 / 4,000: Consumer's 2,500 misses, Enterprise too: None.
      const result = call(
        "PORTFOLIO_TIER",
        row(40000, 40000, 40000, 5000),
        cell(15000),
        cell(4000),
        row("no", "yes", "n", "no"),
        cell("Light"),
        row(1, 1, 2, 1),
      ) as unknown[][];
      expect(result).toEqual([["Enterprise", "Enterprise", "Consumer", "None"]]);
    });

    it("refuses an integration word it does not know", () => {
      runtimeError(
        call("PORTFOLIO_TIER", cell(1), cell(1), cell(1), null, cell("total")),
        "#VALUE!",
        "integration",
        '"total"',
      );
    });
  });
});
