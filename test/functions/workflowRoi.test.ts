import { workflowRoi } from "../../src/functions/functions";
import {
  annuityByHand,
  cell,
  column,
  expectError,
  expectRelative,
  isExcelError,
  numberOf,
  outcome,
  rebuildByHand,
  row,
  single,
  type Grid,
} from "./excelCalls";

/** model.md, "Check by hand": the required four and the one-time cost; the rest are the defaults. */
const EXAMPLE = [cell(400), cell(15), cell(60), cell(3000), cell(5000)] as const;
const DEFAULTS = [cell(0.8), cell(0.8), cell(3), cell(0.1), cell(0.9)] as const;
/** The defaults after adoption, for calls that give adoption themselves. */
const AFTER_ADOPTION = [cell(0.8), cell(3), cell(0.1), cell(0.9)] as const;

function example(measure: string | null): unknown {
  return single(() => workflowRoi(...EXAMPLE, ...DEFAULTS, measure ?? undefined));
}

describe("WORKFLOW_ROI on model.md's worked example", () => {
  it("answers each measure with the figures shown, to the digits shown", () => {
    expect(numberOf(example("hours_saved"))).toBeCloseTo(960, 0);
    expect(numberOf(example("annual_value"))).toBeCloseTo(46080, 0);
    expect(numberOf(example("pv_benefits"))).toBeCloseTo(114594.14, 2);
    expect(numberOf(example("pv_costs"))).toBeCloseTo(13591.28, 2);
    expect(numberOf(example("npv"))).toBeCloseTo(101002.85, 2);
    expect(numberOf(example("roi"))).toBeCloseTo(7.431443, 6);
    expect(numberOf(example("payback_months"))).toBeCloseTo(1.39, 2);
  });

  it("answers annual_net as the yearly value less the yearly cost: 46,080 - 3,000", () => {
    expect(numberOf(example("annual_net"))).toBeCloseTo(43080, 6);
  });

  it("answers the ROI when no measure is given, and reads the measure in any case", () => {
    expect(numberOf(example(null))).toBeCloseTo(7.431443, 6);
    expect(numberOf(example(""))).toBeCloseTo(7.431443, 6);
    expect(numberOf(example("  NPV "))).toBeCloseTo(101002.85, 2);
    expect(numberOf(example("Payback_Months"))).toBeCloseTo(1.39, 2);
  });

  it("refuses an unknown measure with a #VALUE! that lists the measures", () => {
    expectError(example("irr"), "#VALUE!", "measure", '"irr"', "roi, npv, pv_benefits", "payback_months");
    expectError(example("12"), "#VALUE!", "measure", '"12"');
  });
});

describe("WORKFLOW_ROI: omitted, empty and text arguments", () => {
  const npv = (...args: unknown[]) => single(() => (workflowRoi as (...a: unknown[]) => unknown)(...args));

  it("takes the defaults for optional arguments omitted as null, as Excel passes them", () => {
    expect(numberOf(npv(...EXAMPLE, null, null, null, null, null, "npv"))).toBeCloseTo(101002.85, 2);
  });

  it("takes the defaults for trailing arguments left off altogether", () => {
    expect(numberOf(npv(...EXAMPLE))).toBeCloseTo(7.431443, 6);
  });

  it('takes the defaults for optional arguments pointing at empty cells or holding ""', () => {
    const empty = [cell(null), cell(""), cell(undefined), cell("   "), cell(null)];
    expect(numberOf(npv(...EXAMPLE, ...empty, "npv"))).toBeCloseTo(101002.85, 2);
  });

  it("takes 0 for an omitted one-time cost: the payback is then immediate", () => {
    expect(npv(cell(400), cell(15), cell(60), cell(3000), null, null, null, null, null, null, "payback_months")).toBe(
      0,
    );
  });

  it("reads a required number from an empty cell as 0, as Excel's own functions do", () => {
    // No tasks: no value, so the NPV is minus the present cost, 13,591.28.
    expect(numberOf(npv(cell(null), cell(15), cell(60), cell(3000), cell(5000), ...DEFAULTS, "npv"))).toBeCloseTo(
      -13591.28,
      2,
    );
    expect(npv(cell(""), cell(15), cell(60), cell(3000), cell(5000), ...DEFAULTS, "hours_saved")).toBe(0);
  });

  it('reads text that is a number as the table does: "400", "$60.00", "3,000", "$5,000.00", "80%"', () => {
    const text = [cell("400"), cell("15"), cell("$60.00"), cell("3,000"), cell("$5,000.00")];
    const shares = [cell("80%"), cell("80 %"), cell("3"), cell("10%"), cell("0.9")];
    expect(numberOf(npv(...text, ...shares, "npv"))).toBeCloseTo(101002.85, 2);
  });

  it('reads "1,200" tasks and "$1,200.50" an hour by model.md\'s formulas', () => {
    const hours = npv(cell("1,200"), cell(15), cell(60), cell(0), null, null, null, null, null, null, "hours_saved");
    expectRelative(hours, ((1200 * 12 * 15) / 60) * 0.8);
    const value = npv(
      cell(400),
      cell(15),
      cell("$1,200.50"),
      cell(0),
      null,
      null,
      null,
      null,
      null,
      null,
      "annual_value",
    );
    expectRelative(value, 960 * 1200.5 * 0.8);
  });

  it("refuses 80 as a share: a formula does not read 80 as 80 %", () => {
    const answer = npv(...EXAMPLE, cell(80));
    expectError(answer, "#VALUE!", "adoption must be a share between 0 and 1; got 80", '"80%"');
  });

  it("names the argument, what it got and what it expects", () => {
    expectError(npv(...EXAMPLE, cell(1.5)), "#VALUE!", "adoption must be a share between 0 and 1; got 1.5");
    expectError(npv(...EXAMPLE, null, cell(-0.1)), "#VALUE!", "confidence must be a share between 0 and 1; got -0.1");
    expectError(npv(...EXAMPLE, null, null, null, cell("ten %")), "#VALUE!", "discount_rate", '"ten %"');
    expectError(npv(...EXAMPLE, null, null, null, null, cell(1.01)), "#VALUE!", "vendor_survival", "1.01");
    expectError(
      npv(cell(-400), cell(15), cell(60), cell(3000)),
      "#VALUE!",
      "tasks_per_month must be a number of at least 0; got -400",
    );
    expectError(npv(cell(400), cell("abc"), cell(60), cell(3000)), "#VALUE!", "minutes_saved_per_task", '"abc"');
    expectError(npv(cell(400), cell(15), cell(true), cell(3000)), "#VALUE!", "hourly_cost", "TRUE");
    expectError(npv(cell(400), cell(15), cell(60), cell("1,5")), "#VALUE!", "annual_cost", '"1,5"');
    expectError(npv(cell(400), cell(15), cell(60), cell(3000), cell("(500)")), "#VALUE!", "one_time_cost", "(500)");
  });

  it("refuses a fractional or out-of-range horizon and reads a whole one written as text", () => {
    const years = (value: unknown) => npv(...EXAMPLE, null, null, cell(value), null, null, "npv");
    expectError(years(2.5), "#VALUE!", "years must be a whole number of years from 1 to 30; got 2.5");
    expectError(years(-1), "#VALUE!", "years", "got -1");
    expectError(years(31), "#VALUE!", "years", "got 31");
    expect(numberOf(years("3"))).toBeCloseTo(101002.85, 2);
  });

  it("reads a 0 horizon as empty, the default 3 years: some desktop builds pass an empty cell as 0 (office-js #4702)", () => {
    const years = (value: unknown) => npv(...EXAMPLE, null, null, cell(value), null, null, "npv");
    expect(numberOf(years(0))).toBeCloseTo(101002.85, 2);
    // Not the default when the text says 0: that is no horizon at all.
    expectError(years("0"), "#VALUE!", "years", '"0"');
  });

  it("keeps a 0 share a real 0, where 0 is a legitimate value: no adoption saves no hours", () => {
    expect(npv(...EXAMPLE, cell(0), null, null, null, null, "hours_saved")).toBe(0);
  });
});

describe("WORKFLOW_ROI: the answers that do not exist", () => {
  const call = (...args: unknown[]) => single(() => (workflowRoi as (...a: unknown[]) => unknown)(...args));

  it("is #DIV/0! for the ROI where pv_costs is 0, while npv still answers", () => {
    expectError(call(cell(400), cell(15), cell(60), cell(0), cell(0)), "#DIV/0!");
    const npv = call(cell(400), cell(15), cell(60), cell(0), cell(0), null, null, null, null, null, "npv");
    expect(numberOf(npv)).toBeCloseTo(114594.14, 2);
  });

  it("is #NUM! for a payback that never comes (the yearly net is not positive)", () => {
    const args = [cell(400), cell(15), cell(0), cell(3000), cell(5000)];
    expectError(call(...args, null, null, null, null, null, "payback_months"), "#NUM!");
    // Exactly breaking even is not a payback either: 46,080 of value against 46,080 of cost.
    const even = [cell(400), cell(15), cell(60), cell(46080), cell(5000)];
    expectError(call(...even, null, null, null, null, null, "payback_months"), "#NUM!");
  });
});

describe("WORKFLOW_ROI over ranges", () => {
  const rest = [cell(15), cell(60), cell(3000), cell(5000)] as const;

  it("spills a column of tasks into a column of answers", () => {
    const result = workflowRoi(column(400, 0, 800), ...rest, ...DEFAULTS, "hours_saved") as Grid;
    expect(result).toEqual([[960], [0], [1920]]);
  });

  it("spills a row into a row and a 2-D range into the same 2-D shape", () => {
    expect(workflowRoi(row(400, 800), ...rest, ...DEFAULTS, "hours_saved")).toEqual([[960, 1920]]);
    const grid = workflowRoi(
      [
        [400, 800],
        [0, 100],
      ],
      cell(15),
      cell(60),
      cell(3000),
      cell(5000),
      [
        [0.8, 0.4],
        [0.5, 1],
      ],
      ...AFTER_ADOPTION,
      "hours_saved",
    );
    expect(grid).toEqual([
      [960, 960],
      [0, 300],
    ]);
  });

  it("treats a 1x1 range as a single value beside a longer range", () => {
    const result = workflowRoi(column(400, 400), cell(15), cell(60), cell(3000), cell(5000), cell(0.8));
    expect(result).toHaveLength(2);
    for (const [answer] of result) expect(numberOf(answer)).toBeCloseTo(7.431443, 6);
  });

  it("is one #VALUE! saying so where a column meets a row: no broadcasting", () => {
    const answer = outcome(() => workflowRoi(column(400, 800, 1200), row(15, 30, 45), cell(60), cell(3000)));
    expectError(
      answer,
      "#VALUE!",
      "tasks_per_month is 3 rows by 1 column",
      "minutes_saved_per_task is 1 row by 3 columns",
    );
  });

  it("is one #VALUE! where two columns differ in length", () => {
    const answer = outcome(() => workflowRoi(column(400, 800), cell(15), column(60, 70, 80), cell(3000)));
    expectError(answer, "#VALUE!", "tasks_per_month is 2 rows by 1 column", "hourly_cost is 3 rows by 1 column");
  });

  it("gives a bad position its own error and the other positions their answers", () => {
    const result = workflowRoi(
      column(400, "lots", 800, -1),
      ...rest,
      column(0.8, 0.8, 80, 0.8),
      ...AFTER_ADOPTION,
      "hours_saved",
    );
    expect(result[0][0]).toBe(960);
    expectError(result[1][0], "#VALUE!", "tasks_per_month", '"lots"');
    expectError(result[2][0], "#VALUE!", "adoption must be a share between 0 and 1; got 80");
    expectError(result[3][0], "#VALUE!", "tasks_per_month", "-1");
  });

  it("gives each position its own #DIV/0! or #NUM! where that answer does not exist there", () => {
    const roi = workflowRoi(cell(400), cell(15), cell(60), column(0, 3000), column(0, 5000));
    expectError(roi[0][0], "#DIV/0!");
    expect(numberOf(roi[1][0])).toBeCloseTo(7.431443, 6);
    const payback = workflowRoi(
      cell(400),
      cell(15),
      column(60, 0),
      cell(3000),
      cell(5000),
      ...DEFAULTS,
      "payback_months",
    );
    expect(numberOf(payback[0][0])).toBeCloseTo(1.39, 2);
    expectError(payback[1][0], "#NUM!");
  });

  it("passes an error value that arrives in a cell back at its position", () => {
    const result = workflowRoi(column(400, new CustomFunctions.Error("#N/A")), ...rest);
    expect(numberOf(result[0][0])).toBeCloseTo(7.431443, 6);
    expectError(result[1][0], "#N/A");
  });

  it("is one #VALUE! for a bad single value beside a range, since no position could answer", () => {
    const answer = outcome(() => workflowRoi(column(400, 800), cell(15), cell(60), cell(3000), undefined, cell(2)));
    expectError(answer, "#VALUE!", "adoption must be a share between 0 and 1; got 2");
    expect(isExcelError(answer)).toBe(true);
  });

  it("computes each position by model.md's formulas with its own inputs", () => {
    // Two workflows differing in every input; expectations written out from model.md.
    const result = workflowRoi(
      column(1000, 250),
      column(6, 20),
      column(50, 90),
      column(2000, 1500),
      column(8000, 0),
      column(0.5, 1),
      column(0.9, 0.7),
      column(5, 1),
      column(0.08, 0),
      column(0.95, 0.5),
      "npv",
    );
    const cases = [
      {
        tasks: 1000,
        minutes: 6,
        hourly: 50,
        annual: 2000,
        once: 8000,
        adoption: 0.5,
        conf: 0.9,
        y: 5,
        r: 0.08,
        s: 0.95,
      },
      { tasks: 250, minutes: 20, hourly: 90, annual: 1500, once: 0, adoption: 1, conf: 0.7, y: 1, r: 0, s: 0.5 },
    ];
    cases.forEach((c, i) => {
      const value = ((c.tasks * 12 * c.minutes) / 60) * c.adoption * c.hourly * c.conf;
      const a = annuityByHand(c.y, c.r);
      const costs = c.once + c.annual * a + rebuildByHand(c.once, c.y, c.r, c.s);
      expectRelative(result[i][0], value * a - costs);
    });
  });
});

describe("WORKFLOW_ROI given arrays that are not ranges", () => {
  const call = workflowRoi as unknown as (...args: unknown[]) => unknown;

  it("refuses an empty range, a ragged one and a flat list, naming the argument", () => {
    expectError(
      outcome(() => call([], cell(15), cell(60), cell(3000))),
      "#VALUE!",
      "tasks_per_month is an empty range",
    );
    expectError(
      outcome(() => call(cell(400), [[]], cell(60), cell(3000))),
      "#VALUE!",
      "minutes_saved_per_task is an empty range",
    );
    expectError(
      outcome(() => call(cell(400), cell(15), [[60, 70], [80]], cell(3000))),
      "#VALUE!",
      "hourly_cost is not a rectangular range",
    );
    expectError(
      outcome(() => call(cell(400), cell(15), cell(60), [3000, 4000])),
      "#VALUE!",
      "annual_cost must be a value or a range",
    );
  });

  it("accepts plain values where a caller passes them unwrapped", () => {
    expect(numberOf(single(() => call(400, 15, 60, 3000, 5000)))).toBeCloseTo(7.431443, 6);
  });
});

describe("WORKFLOW_ROI's ramp_months, the last argument (after measure, so workbooks keep their formulas)", () => {
  const call = (...args: unknown[]) => single(() => (workflowRoi as (...a: unknown[]) => unknown)(...args));
  const withRamp = (measure: string, ramp: unknown) => call(...EXAMPLE, ...DEFAULTS, measure, ramp);

  it("gives model.md's worked example with M = 6: pv_benefits 104,121.41, npv 90,530.13, roi 6.660896", () => {
    expect(numberOf(withRamp("pv_benefits", cell(6)))).toBeCloseTo(104121.41, 2);
    expect(numberOf(withRamp("npv", cell(6)))).toBeCloseTo(90530.13, 2);
    expect(numberOf(withRamp("roi", cell(6)))).toBeCloseTo(6.660896, 6);
  });

  it("leaves the costs, the steady year and the payback as they were", () => {
    expect(numberOf(withRamp("pv_costs", cell(6)))).toBeCloseTo(13591.28, 2);
    expect(numberOf(withRamp("annual_value", cell(6)))).toBeCloseTo(46080, 6);
    expect(numberOf(withRamp("payback_months", cell(6)))).toBeCloseTo(1.39, 2);
  });

  it("defaults to 0: omitted, empty, blank or 0 gives the unramped figures", () => {
    for (const ramp of [undefined, null, cell(null), cell(""), cell("  "), cell(0)]) {
      expect(numberOf(withRamp("npv", ramp))).toBeCloseTo(101002.85, 2);
    }
  });

  it("takes fractions and text, and follows model.md's value_annuity = annuity - (M / 24) / (1 + r)", () => {
    const a = annuityByHand(3, 0.1);
    for (const m of [0.5, 2.25, 12]) expectRelative(withRamp("pv_benefits", cell(m)), 46080 * (a - m / 24 / 1.1));
    expectRelative(withRamp("pv_benefits", cell("1.5")), 46080 * (a - 1.5 / 24 / 1.1));
  });

  it("refuses months outside 0 to 12 with a message naming ramp_months", () => {
    expectError(withRamp("roi", cell(13)), "#VALUE!", "ramp_months must be a number of months from 0 to 12; got 13");
    expectError(withRamp("roi", cell(-1)), "#VALUE!", "ramp_months", "got -1");
    expectError(withRamp("roi", cell("six")), "#VALUE!", "ramp_months", '"six"');
  });

  it("spills over a range of ramps, each position with its own", () => {
    const result = workflowRoi(...EXAMPLE, ...DEFAULTS, "npv", column(0, 6, 24));
    expect(numberOf(result[0][0])).toBeCloseTo(101002.85, 2);
    expect(numberOf(result[1][0])).toBeCloseTo(90530.13, 2);
    expectError(result[2][0], "#VALUE!", "ramp_months", "got 24");
  });
});
