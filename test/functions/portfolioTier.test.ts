import { portfolioTier } from "../../src/functions/functions";
import { annuityByHand, cell, column, expectError, outcome, row, single } from "./excelCalls";

function tier(...args: unknown[]): unknown {
  return single(() => (portfolioTier as (...a: unknown[]) => unknown)(...args));
}

/**
 * sample.md's company with the default assumptions: each row's Enterprise pv_benefits and pv_costs as the table
 * shows them where Enterprise was chosen. Where it was not, the costs the table does not show are computed here by
 * model.md's rules: Enterprise = people x 30 x 12 a year (no integration for need "none"), Consumer = people x 20 x
 * 12 a year, over three years at 10 %; Warehouse's value is 100 tasks x 12 x 5 / 60 x 0.8 hours x 35 x 0.8.
 */
const A = annuityByHand(3, 0.1);
const SAMPLE = [
  {
    name: "Customer support replies",
    value: 257837,
    ent: 29421,
    con: 15 * 240 * A,
    sens: "Yes",
    int: "Light",
    tier: "Enterprise",
  },
  {
    name: "Sales proposals",
    value: 229188,
    ent: 24944,
    con: 10 * 240 * A,
    sens: "No",
    int: "Light",
    tier: "Enterprise",
  },
  {
    name: "Financial analysis",
    value: 259747,
    ent: 87121,
    con: 8 * 240 * A,
    sens: "Yes",
    int: "Deep",
    tier: "Enterprise",
  },
  {
    name: "Contract review",
    value: 294125,
    ent: 86226,
    con: 7 * 240 * A,
    sens: "Yes",
    int: "Deep",
    tier: "Enterprise",
  },
  {
    name: "Operations reports",
    value: 83558,
    ent: 35 * 360 * A,
    con: 20890,
    sens: "No",
    int: "None",
    tier: "Consumer",
  },
  {
    name: "Internal communications",
    value: 65653,
    ent: 25 * 360 * A,
    con: 14921,
    sens: "No",
    int: "None",
    tier: "Consumer",
  },
  {
    name: "Warehouse",
    value: 80 * 35 * 0.8 * A,
    ent: 100 * 360 * A,
    con: 100 * 240 * A,
    sens: "No",
    int: "None",
    tier: "None",
  },
];

describe("PORTFOLIO_TIER on sample.md's company", () => {
  it.each(SAMPLE)("chooses $tier for $name", (w) => {
    expect(tier(cell(w.value), cell(w.ent), cell(w.con), cell(w.sens), cell(w.int))).toBe(w.tier);
  });

  it("chooses every row's tier in one spill, reading the table's Yes/No and integration words", () => {
    const result = portfolioTier(
      column(...SAMPLE.map((w) => w.value)),
      column(...SAMPLE.map((w) => w.ent)),
      column(...SAMPLE.map((w) => w.con)),
      column(...SAMPLE.map((w) => w.sens)),
      column(...SAMPLE.map((w) => w.int)),
    );
    expect(result).toEqual(SAMPLE.map((w) => [w.tier]));
  });
});

describe("PORTFOLIO_TIER: sensitive data and integration", () => {
  const ops = SAMPLE[4];

  it("rules Consumer out where the workflow handles sensitive data", () => {
    expect(tier(cell(ops.value), cell(ops.ent), cell(ops.con), cell(false), cell("none"))).toBe("Consumer");
    for (const yes of [true, "TRUE", "yes", "Y", "x", 1, "1"]) {
      expect(tier(cell(ops.value), cell(ops.ent), cell(ops.con), cell(yes), cell("none"))).toBe("Enterprise");
    }
  });

  it("takes no sensitive data and no integration need when they are omitted, empty or blank", () => {
    expect(tier(cell(ops.value), cell(ops.ent), cell(ops.con))).toBe("Consumer");
    expect(tier(cell(ops.value), cell(ops.ent), cell(ops.con), null, null, null)).toBe("Consumer");
    expect(tier(cell(ops.value), cell(ops.ent), cell(ops.con), cell(null), cell(""), cell(""))).toBe("Consumer");
  });

  it("lets the integration need cut what Consumer captures: deep keeps a quarter", () => {
    // Value 1,000: Enterprise costs 400 (ROI 1.5, net 600); Consumer costs 100 and captures 1,000, 500 or 250.
    expect(tier(cell(1000), cell(400), cell(100), cell(false), cell("NONE"))).toBe("Consumer");
    expect(tier(cell(1000), cell(400), cell(100), cell(false), cell("medium"))).toBe("Enterprise");
    expect(tier(cell(1000), cell(400), cell(100), cell(false), cell("High"))).toBe("Enterprise");
    // Enterprise too dear to clear the hurdle: Consumer with a quarter (250 against 100) still does.
    expect(tier(cell(1000), cell(600), cell(100), cell(false), cell("deep"))).toBe("Consumer");
  });

  it("refuses words it does not know, naming the argument", () => {
    expectError(tier(cell(1), cell(1), cell(1), cell("maybe")), "#VALUE!", "sensitive_data", '"maybe"');
    expectError(tier(cell(1), cell(1), cell(1), cell(2)), "#VALUE!", "sensitive_data", "got 2");
    expectError(
      tier(cell(1), cell(1), cell(1), null, cell("extreme")),
      "#VALUE!",
      "integration",
      "none, light or deep",
      '"extreme"',
    );
    expectError(tier(cell(1), cell(1), cell(1), null, cell(3)), "#VALUE!", "integration", "got 3");
  });
});

describe("PORTFOLIO_TIER: the hurdle", () => {
  // Value 200 at an Enterprise cost of 100 is an ROI of exactly 1; sensitive data leaves Enterprise alone.
  const atHurdle = (hurdle: unknown) => tier(cell(200), cell(100), cell(1), cell(true), null, hurdle);

  it('reads "100%" as 1: an ROI of exactly 1 clears it', () => {
    expect(atHurdle(cell("100%"))).toBe("Enterprise");
    expect(atHurdle(cell(1))).toBe("Enterprise");
    expect(atHurdle(null)).toBe("Enterprise");
    expect(atHurdle(cell("101%"))).toBe("None");
    expect(atHurdle(cell(1.01))).toBe("None");
  });

  it("takes hurdles above 1 as ratios, not percentages, and refuses a negative one", () => {
    expect(tier(cell(1000), cell(100), cell(1), cell(true), null, cell(8))).toBe("Enterprise");
    expect(tier(cell(1000), cell(100), cell(1), cell(true), null, cell(10))).toBe("None");
    expectError(atHurdle(cell(-0.5)), "#VALUE!", "hurdle_roi", "at least 0", "-0.5");
  });

  it("lets a free candidate qualify when it delivers something, and chooses Consumer on a tie", () => {
    expect(tier(cell(10), cell(0), cell(5), cell(true))).toBe("Enterprise");
    expect(tier(cell(0), cell(0), cell(0))).toBe("None");
    expect(tier(cell(300), cell(100), cell(100))).toBe("Consumer");
  });
});

describe("PORTFOLIO_TIER: arguments and ranges", () => {
  it("reads text numbers and refuses negative money", () => {
    expect(tier(cell("$83,558"), cell("31,334"), cell("20,890"))).toBe("Consumer");
    expectError(tier(cell(-1), cell(1), cell(1)), "#VALUE!", "value must be a number of at least 0; got -1");
    expectError(tier(cell(1), cell("dear"), cell(1)), "#VALUE!", "enterprise_cost", '"dear"');
  });

  it("answers a 2-D range position by position, errors in place", () => {
    const result = portfolioTier(
      [
        [1000, 1000],
        [0, "?"],
      ],
      cell(400),
      cell(100),
      [
        [false, true],
        [false, false],
      ],
    );
    expect(result[0]).toEqual(["Consumer", "Enterprise"]);
    expect(result[1][0]).toBe("None");
    expectError(result[1][1], "#VALUE!", "value", '"?"');
  });

  it("refuses a column of values against a row of costs", () => {
    const answer = outcome(() => portfolioTier(column(1, 2), row(1, 2), cell(1)));
    expectError(answer, "#VALUE!", "value is 2 rows by 1 column", "enterprise_cost is 1 row by 2 columns");
  });
});

describe("PORTFOLIO_TIER: a 0 where 0 is no legitimate value", () => {
  it("reads an integration of 0 as empty, none: some desktop builds pass an empty cell as 0 (office-js #4702)", () => {
    // Value 1,000 at 400 (Enterprise) or 100 (Consumer): with need none Consumer captures all of it and wins.
    expect(tier(cell(1000), cell(400), cell(100), cell(false), cell(0))).toBe("Consumer");
    expect(tier(cell(1000), cell(400), cell(100), cell(false), cell(null))).toBe("Consumer");
    expectError(tier(cell(1000), cell(400), cell(100), cell(false), cell(2)), "#VALUE!", "integration", "got 2");
  });

  it("keeps a 0 hurdle a real 0 rather than the default 1", () => {
    // Value 150 at 100: ROI 0.5 clears a hurdle of 0 but not the default 1.
    expect(tier(cell(150), cell(100), cell(1000), cell(true), null, cell(0))).toBe("Enterprise");
    expect(tier(cell(150), cell(100), cell(1000), cell(true), null, cell(null))).toBe("None");
  });
});
