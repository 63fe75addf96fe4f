import fc from "fast-check";
import { breakevenMinutesSaved, workflowRoi } from "../../src/functions/functions";
import {
  annuityByHand,
  cell,
  column,
  expectError,
  expectRelative,
  numberOf,
  outcome,
  rebuildByHand,
  row,
  single,
  type Grid,
} from "./excelCalls";

/** model.md, "Break-even": the minutes a task must save for the option's ROI to reach the hurdle. */

const BREAKEVEN_MINUTES = breakevenMinutesSaved as unknown as (...args: unknown[]) => Grid;
const WORKFLOW_ROI = workflowRoi as unknown as (...args: unknown[]) => Grid;

function minutes(...args: unknown[]): unknown {
  return single(() => BREAKEVEN_MINUTES(...args.map((a) => (a === undefined ? null : cell(a)))));
}

describe("BREAKEVEN_MINUTES on the spec's examples", () => {
  it("is 3.558 for model.md's option: 2 x 13,591.28 / 7,639.61 (functions.md: BREAKEVEN_MINUTES(400, 60, 3000, 5000))", () => {
    expect(numberOf(minutes(400, 60, 3000, 5000))).toBeCloseTo(3.5581, 4);
  });

  it("is 1.141 for sample.md's Customer support replies, Enterprise: (3600, 45, 6900, 10000)", () => {
    expect(numberOf(minutes(3600, 45, 6900, 10000))).toBeCloseTo(1.141, 3);
  });

  it("is 6.25 for Sales proposals' Consumer option, confidence 0.8 x capture 0.5: (160, 75, 2400, 0, , 0.4)", () => {
    expect(numberOf(minutes(160, 75, 2400, 0, undefined, 0.4))).toBeCloseTo(6.25, 9);
  });

  it("gives sample.md's break-even column for the other rows' chosen options", () => {
    // Sales proposals, Enterprise: 10 people x 16 tasks, 10 x 30 x 12 + 0.15 x 10,000 a year, 10,000 once.
    expect(numberOf(minutes(160, 75, 5100, 10000))).toBeCloseTo(13.06, 2);
    // Contract review, Enterprise: 7 x 20 tasks, 7 x 30 x 12 + 0.15 x 50,000, 50,000 once (deep).
    expect(numberOf(minutes(140, 110, 10020, 50000))).toBeCloseTo(35.18, 2);
    // Operations reports, Consumer (need none, capture 1): 35 x 10 tasks at 35 x 20 x 12 a year.
    expect(numberOf(minutes(350, 50, 8400))).toBeCloseTo(7.5, 2);
    // Warehouse, None: the smaller of its candidates' break-evens, here Consumer's at 100 x 20 x 12.
    expect(numberOf(minutes(100, 35, 24000))).toBeCloseTo(107.14, 2);
  });
});

describe("BREAKEVEN_MINUTES where the answer is 0 or none", () => {
  it("is 0 where the option costs nothing and something can be saved", () => {
    expect(minutes(400, 60, 0, 0)).toBe(0);
    expect(minutes(400, 60, 0)).toBe(0);
  });

  it("is #NUM! where no saving can reach the hurdle: no tasks, adoption, hourly cost or confidence", () => {
    expectError(minutes(0, 60, 3000, 5000), "#NUM!");
    expectError(minutes(400, 0, 3000, 5000), "#NUM!");
    expectError(minutes(400, 60, 3000, 5000, 0), "#NUM!");
    expectError(minutes(400, 60, 3000, 5000, 0.8, 0), "#NUM!");
    // Nothing can be saved and nothing is paid: still no saving that makes a ROI (model.md: none exists).
    expectError(minutes(0, 60, 0, 0), "#NUM!");
  });
});

describe("BREAKEVEN_MINUTES: arguments, defaults and ranges", () => {
  it("follows model.md's formula with every argument given", () => {
    // 2,000 tasks, 80 an hour, 9,000 a year, 20,000 once, adoption 0.6, confidence 0.7, 5 years at 6 %,
    // survival 0.85, hurdle 0.5, a 4-month ramp.
    const a = annuityByHand(5, 0.06);
    const costs = 20000 + 9000 * a + rebuildByHand(20000, 5, 0.06, 0.85);
    const perMinute = ((2000 * 12) / 60) * 0.6 * 80 * 0.7 * (a - 4 / 24 / 1.06);
    expectRelative(minutes(2000, 80, 9000, 20000, 0.6, 0.7, 5, 0.06, 0.85, 0.5, 4), (1.5 * costs) / perMinute);
  });

  it("takes the defaults for omitted, empty and blank optional arguments; a 0 horizon reads as empty", () => {
    const expected = numberOf(minutes(400, 60, 3000, 5000, 0.8, 0.8, 3, 0.1, 0.9, 1, 0));
    expect(numberOf(minutes(400, 60, 3000, 5000, null, "", "  ", null, null, null, null))).toBeCloseTo(expected, 12);
    expect(numberOf(minutes(400, 60, 3000, 5000, null, null, 0))).toBeCloseTo(expected, 12);
  });

  it('reads text as the table does: "$60.00", "3,000", "80%", "100%" for the hurdle', () => {
    expect(numberOf(minutes("400", "$60.00", "3,000", "$5,000", "80%", "80%", "3", "10%", "90%", "100%"))).toBeCloseTo(
      3.5581,
      4,
    );
  });

  it("takes a higher hurdle in proportion to 1 + h, and the ramp as model.md's value_annuity", () => {
    const atOne = numberOf(minutes(400, 60, 3000, 5000));
    expectRelative(minutes(400, 60, 3000, 5000, null, null, null, null, null, 3), atOne * 2);
    const a = annuityByHand(3, 0.1);
    expectRelative(
      minutes(400, 60, 3000, 5000, null, null, null, null, null, null, 6),
      (atOne * a) / (a - 6 / 24 / 1.1),
    );
  });

  it("refuses bad arguments with a #VALUE! naming each, what it got and what it expects", () => {
    expectError(minutes(-400, 60, 3000), "#VALUE!", "tasks_per_month must be a number of at least 0; got -400");
    expectError(minutes(400, "sixty", 3000), "#VALUE!", "hourly_cost", '"sixty"');
    expectError(minutes(400, 60, 3000, 5000, 80), "#VALUE!", "adoption must be a share between 0 and 1; got 80");
    expectError(minutes(400, 60, 3000, 5000, null, null, 2.5), "#VALUE!", "years must be a whole number");
    expectError(minutes(400, 60, 3000, 5000, null, null, null, null, 1.2), "#VALUE!", "vendor_survival", "1.2");
    expectError(minutes(400, 60, 3000, 5000, null, null, null, null, null, -1), "#VALUE!", "hurdle_roi", "got -1");
    expectError(minutes(400, 60, 3000, 5000, null, null, null, null, null, null, 13), "#VALUE!", "ramp_months", "13");
  });

  it("spills over ranges, each position its own answer or error", () => {
    const result = BREAKEVEN_MINUTES(
      column(400, 3600, 0, "x"),
      column(60, 45, 60, 60),
      column(3000, 6900, 3000, 3000),
      column(5000, 10000, 5000, 5000),
    );
    expect(numberOf(result[0][0])).toBeCloseTo(3.5581, 4);
    expect(numberOf(result[1][0])).toBeCloseTo(1.141, 3);
    expectError(result[2][0], "#NUM!");
    expectError(result[3][0], "#VALUE!", "tasks_per_month", '"x"');
  });

  it("refuses a row against a column", () => {
    const answer = outcome(() => BREAKEVEN_MINUTES(row(400, 800), column(60, 70), cell(3000)));
    expectError(answer, "#VALUE!", "tasks_per_month is 1 row by 2 columns", "hourly_cost is 2 rows by 1 column");
  });
});

describe("BREAKEVEN_MINUTES against WORKFLOW_ROI", () => {
  const share = fc.double({ min: 0.05, max: 1, noNaN: true });
  const money = fc.double({ min: 1, max: 1e6, noNaN: true });

  it("at the break-even minutes, WORKFLOW_ROI's roi equals the hurdle (within 1e-9)", () => {
    fc.assert(
      fc.property(
        fc.record({
          tasks: fc.double({ min: 1, max: 1e5, noNaN: true }),
          hourly: fc.double({ min: 1, max: 500, noNaN: true }),
          annual: money,
          once: fc.oneof(fc.constant(0), money),
          adoption: share,
          confidence: share,
          years: fc.integer({ min: 1, max: 30 }),
          rate: fc.double({ min: 0, max: 1, noNaN: true }),
          survival: fc.double({ min: 0, max: 1, noNaN: true }),
          hurdle: fc.double({ min: 0, max: 20, noNaN: true }),
          ramp: fc.double({ min: 0, max: 12, noNaN: true }),
        }),
        (c) => {
          const breakeven = numberOf(
            minutes(
              c.tasks,
              c.hourly,
              c.annual,
              c.once,
              c.adoption,
              c.confidence,
              c.years,
              c.rate,
              c.survival,
              c.hurdle,
              c.ramp,
            ),
          );
          const roi = numberOf(
            WORKFLOW_ROI(
              ...[
                c.tasks,
                breakeven,
                c.hourly,
                c.annual,
                c.once,
                c.adoption,
                c.confidence,
                c.years,
                c.rate,
                c.survival,
              ].map(cell),
              "roi",
              cell(c.ramp),
            )[0][0],
          );
          expect(Math.abs(roi - c.hurdle)).toBeLessThanOrEqual(1e-9 * Math.max(1, c.hurdle));
        },
      ),
    );
  });
});
