import { seatCost } from "../../src/functions/functions";
import { cell, column, expectError, expectRelative, numberOf, outcome, row, single } from "./excelCalls";

/** model.md, "The per-seat cost": tiers (50, 0.05), (150, 0.10), (500, 0.20). */
const TIERS = [
  [50, 0.05],
  [150, 0.1],
  [500, 0.2],
];

function cost(...args: unknown[]): unknown {
  return single(() => (seatCost as (...a: unknown[]) => unknown)(...args));
}

describe("SEAT_COST on model.md's example", () => {
  it("gives 200 x 30 x 12 x 0.90 = 64,800", () => {
    expect(numberOf(cost(cell(200), cell(30), cell(12), TIERS))).toBeCloseTo(64800, 6);
  });

  it("gives the same with the tiers in any order", () => {
    const orders = [
      [TIERS[2], TIERS[0], TIERS[1]],
      [TIERS[1], TIERS[2], TIERS[0]],
      [TIERS[2], TIERS[1], TIERS[0]],
    ];
    for (const tiers of orders) expect(numberOf(cost(cell(200), cell(30), cell(12), tiers))).toBeCloseTo(64800, 6);
  });

  it("ignores fully empty tier rows", () => {
    const tiers = [[null, null], TIERS[0], ["", ""], TIERS[1], [undefined, "  "], TIERS[2]];
    expect(numberOf(cost(cell(200), cell(30), cell(12), tiers))).toBeCloseTo(64800, 6);
  });

  it('reads tiers written as text: "150" seats, "10%" off', () => {
    expect(numberOf(cost(cell(200), cell(30), cell(12), [["150", "10%"]]))).toBeCloseTo(64800, 6);
  });

  it("takes 12 months when months is omitted, empty or blank text", () => {
    expect(numberOf(cost(cell(200), cell(30), null, TIERS))).toBeCloseTo(64800, 6);
    expect(numberOf(cost(cell(200), cell(30), cell(null), TIERS))).toBeCloseTo(64800, 6);
    expect(numberOf(cost(cell(200), cell(30), cell(""), TIERS))).toBeCloseTo(64800, 6);
    expect(numberOf(cost(cell(200), cell(30)))).toBeCloseTo(72000, 6);
  });

  it("applies no discount where no tier starts at or below the seats, and every seat gets the tier's price", () => {
    expect(numberOf(cost(cell(49), cell(30), cell(12), TIERS))).toBeCloseTo(49 * 30 * 12, 6);
    expect(numberOf(cost(cell(50), cell(30), cell(12), TIERS))).toBeCloseTo(50 * 30 * 12 * 0.95, 6);
    expect(numberOf(cost(cell(500), cell(30), cell(12), TIERS))).toBeCloseTo(500 * 30 * 12 * 0.8, 6);
  });

  it("takes fractional seats (FTE)", () => {
    expectRelative(cost(cell(2.5), cell(30), cell(12)), 2.5 * 30 * 12);
  });
});

describe("SEAT_COST: the tier table's rules", () => {
  it("refuses two rows with the same minimum, naming both", () => {
    const tiers = [
      [50, 0.05],
      [150, 0.1],
      [50, 0.07],
    ];
    expectError(cost(cell(200), cell(30), cell(12), tiers), "#VALUE!", "volume_discounts", "rows 1 and 3", "50");
  });

  it("refuses a discount of 1, or above, or below 0", () => {
    expectError(
      cost(cell(200), cell(30), cell(12), [[150, 1]]),
      "#VALUE!",
      "volume_discounts row 1",
      "not including, 1",
      "got 1",
    );
    expectError(cost(cell(200), cell(30), cell(12), [TIERS[0], [150, "100%"]]), "#VALUE!", "row 2", '"100%"');
    expectError(cost(cell(200), cell(30), cell(12), [[150, -0.1]]), "#VALUE!", "row 1", "-0.1");
    expectError(cost(cell(200), cell(30), cell(12), [[150, 10]]), "#VALUE!", "row 1", "got 10");
  });

  it("refuses a half-empty row or a bad minimum", () => {
    expectError(cost(cell(200), cell(30), cell(12), [[150, null]]), "#VALUE!", "row 1", "an empty cell");
    expectError(
      cost(cell(200), cell(30), cell(12), [[null, 0.1]]),
      "#VALUE!",
      "row 1",
      "minimum seats",
      "an empty cell",
    );
    expectError(cost(cell(200), cell(30), cell(12), [["many", 0.1]]), "#VALUE!", "minimum seats", '"many"');
    expectError(cost(cell(200), cell(30), cell(12), [[-5, 0.1]]), "#VALUE!", "minimum seats", "-5");
  });

  it("refuses a table without two columns", () => {
    expectError(cost(cell(200), cell(30), cell(12), [[50, 0.05, 1]]), "#VALUE!", "two columns", "3 columns");
    expectError(cost(cell(200), cell(30), cell(12), column(50, 150)), "#VALUE!", "two columns", "1 column");
  });

  it("treats an empty table as no discounts", () => {
    expect(numberOf(cost(cell(200), cell(30), cell(12), [[null, null]]))).toBeCloseTo(72000, 6);
  });
});

describe("SEAT_COST: arguments and ranges", () => {
  it("names a bad argument, what it got and what it expects", () => {
    expectError(cost(cell(-1), cell(30)), "#VALUE!", "seats must be a number of at least 0; got -1");
    expectError(cost(cell(200), cell("thirty")), "#VALUE!", "price_per_seat_month", '"thirty"');
    expectError(cost(cell(200), cell(30), cell(-12)), "#VALUE!", "months", "-12");
  });

  it("reads a required number from an empty cell as 0", () => {
    expect(cost(cell(null), cell(30), cell(12), TIERS)).toBe(0);
  });

  it('reads "$1,200.50" a seat', () => {
    expectRelative(cost(cell(2), cell("$1,200.50"), cell(1)), 2401);
  });

  it("spills a column of seat counts, each with its own tier", () => {
    const result = seatCost(column(10, 200, 600, "x"), cell(30), cell(12), TIERS);
    expect(numberOf(result[0][0])).toBeCloseTo(10 * 360, 6);
    expect(numberOf(result[1][0])).toBeCloseTo(64800, 6);
    expect(numberOf(result[2][0])).toBeCloseTo(600 * 360 * 0.8, 6);
    expectError(result[3][0], "#VALUE!", "seats", '"x"');
  });

  it("refuses a row of seats against a column of prices", () => {
    const answer = outcome(() => seatCost(row(10, 20), column(30, 40)));
    expectError(answer, "#VALUE!", "seats is 1 row by 2 columns", "price_per_seat_month is 2 rows by 1 column");
  });
});
