import { breakevenMinutesSaved, portfolioTier, seatCost, workflowRoi } from "../../src/functions/functions";
import { cell, column, expectError, numberOf, outcome, row, type Grid } from "./excelCalls";

/**
 * functions.md, "Errors say what is wrong": with allowErrorForDataTypeAny an Excel error in an input reaches the
 * function. It passes through to that position where Excel can return it (#N/A, #DIV/0!, #NUM!, #NULL!, #VALUE!);
 * an input-only error (#REF!, #NAME?) becomes a #VALUE! naming the argument and the error; where several arguments
 * err, the first in argument order speaks.
 *
 * An error arrives as the runtime hands it over: a CustomFunctions.Error holding only its code
 * (custom-functions-runtime.js, `_transferCustomFunctionError`), or, with data types enabled, as a data type's
 * error object.
 */

const WORKFLOW_ROI = workflowRoi as unknown as (...args: unknown[]) => Grid;
const SEAT_COST = seatCost as unknown as (...args: unknown[]) => Grid;
const PORTFOLIO_TIER = portfolioTier as unknown as (...args: unknown[]) => Grid;
const BREAKEVEN_MINUTES = breakevenMinutesSaved as unknown as (...args: unknown[]) => Grid;

/** An error cell as the runtime passes it. */
function excelError(code: string): unknown {
  return new CustomFunctions.Error(code);
}

const REST = [cell(15), cell(60), cell(3000), cell(5000)];

describe("an Excel error inside an input range", () => {
  it.each(["#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#VALUE!"])("passes %s through to its position only", (code) => {
    const result = WORKFLOW_ROI(column(400, excelError(code), 400), ...REST);
    expect(numberOf(result[0][0])).toBeCloseTo(7.431443, 6);
    expectError(result[1][0], code);
    expect(numberOf(result[2][0])).toBeCloseTo(7.431443, 6);
  });

  it.each([
    ["#REF!", "cells that no longer exist"],
    ["#NAME?", "a name Excel does not recognise"],
  ])("turns the input-only %s into a #VALUE! naming the argument and the error", (code, meaning) => {
    const result = WORKFLOW_ROI(cell(400), column(15, excelError(code)), cell(60), cell(3000));
    expect(numberOf(result[0][0])).toBeGreaterThan(0);
    expectError(result[1][0], "#VALUE!", "minutes_saved_per_task holds the error", code, meaning);
  });

  it("turns an error code Excel never lets a function return (#SPILL!, #CALC!) into a #VALUE! as well", () => {
    const result = WORKFLOW_ROI(column(excelError("#SPILL!"), excelError("#CALC!")), ...REST);
    expectError(result[0][0], "#VALUE!", "tasks_per_month", "#SPILL!");
    expectError(result[1][0], "#VALUE!", "tasks_per_month", "#CALC!");
  });

  it("reads a data type's error object the same way: { type: 'Error', basicValue, errorType }", () => {
    const na = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    const ref = { type: "Error", errorType: "Ref" };
    const result = WORKFLOW_ROI(column(na, ref, 400), ...REST);
    expectError(result[0][0], "#N/A");
    expectError(result[1][0], "#VALUE!", "tasks_per_month", "#REF!");
    expect(numberOf(result[2][0])).toBeCloseTo(7.431443, 6);
  });

  it("reads a data type's plain value: a formatted number is its number, an entity is refused by name", () => {
    const formatted = { type: "FormattedNumber", basicValue: 400, numberFormat: "#,##0" };
    const entity = { type: "Entity", text: "Contoso", properties: {} };
    const result = WORKFLOW_ROI(column(formatted, entity), ...REST);
    expect(numberOf(result[0][0])).toBeCloseTo(7.431443, 6);
    expectError(result[1][0], "#VALUE!", "tasks_per_month", "a data type value (Entity)");
  });

  it("passes errors through in every function, and in a 2-D range to the same cell", () => {
    const seats = SEAT_COST(
      [
        [10, excelError("#N/A")],
        [excelError("#NUM!"), 20],
      ],
      cell(30),
    );
    expect(numberOf(seats[0][0])).toBeCloseTo(3600, 6);
    expectError(seats[0][1], "#N/A");
    expectError(seats[1][0], "#NUM!");
    expect(numberOf(seats[1][1])).toBeCloseTo(7200, 6);
    const tiers = PORTFOLIO_TIER(
      cell(1000),
      cell(100),
      cell(50),
      row(false, excelError("#DIV/0!")),
      row("none", "deep"),
    );
    expect(tiers[0][0]).toBe("Consumer");
    expectError(tiers[0][1], "#DIV/0!");
    const breakeven = BREAKEVEN_MINUTES(cell(400), cell(60), column(3000, excelError("#NULL!")), cell(5000));
    expect(numberOf(breakeven[0][0])).toBeCloseTo(3.558, 3);
    expectError(breakeven[1][0], "#NULL!");
  });

  it("passes through an error in yes/no and integration cells too", () => {
    const tiers = PORTFOLIO_TIER(
      cell(1000),
      cell(100),
      cell(50),
      column(excelError("#N/A"), false),
      column("none", excelError("#REF!")),
    );
    expectError(tiers[0][0], "#N/A");
    expectError(tiers[1][0], "#VALUE!", "integration holds the error #REF!");
  });
});

describe("an Excel error as a single value", () => {
  it("is the answer of the whole formula where it passes through", () => {
    expectError(
      outcome(() => WORKFLOW_ROI(cell(excelError("#N/A")), ...REST)),
      "#N/A",
    );
    expectError(
      outcome(() => WORKFLOW_ROI(column(400, 800), cell(15), cell(excelError("#DIV/0!")), cell(3000))),
      "#DIV/0!",
    );
  });

  it("is one #VALUE! naming the argument where it is input-only", () => {
    expectError(
      outcome(() => WORKFLOW_ROI(column(400, 800), ...REST, cell(excelError("#REF!")))),
      "#VALUE!",
      "adoption holds the error #REF!",
    );
  });

  it("reaches the function unwrapped too, as a scalar parameter receives it (measure)", () => {
    expectError(
      outcome(() => WORKFLOW_ROI(cell(400), ...REST, null, null, null, null, null, excelError("#N/A"))),
      "#N/A",
    );
    expectError(
      outcome(() => WORKFLOW_ROI(cell(400), ...REST, null, null, null, null, null, excelError("#NAME?"))),
      "#VALUE!",
      "measure holds the error #NAME?",
    );
  });

  it("in SEAT_COST's tier table is the answer of the whole formula, or a #VALUE! naming the row", () => {
    expectError(
      outcome(() => SEAT_COST(cell(200), cell(30), cell(12), [[50, excelError("#N/A")]])),
      "#N/A",
    );
    expectError(
      outcome(() =>
        SEAT_COST(cell(200), cell(30), cell(12), [
          [50, 0.05],
          [excelError("#REF!"), 0.1],
        ]),
      ),
      "#VALUE!",
      "volume_discounts row 2 holds the error #REF!",
    );
  });
});

describe("where several arguments err, the first in argument order speaks", () => {
  it("at each position of two ranges, whichever argument holds the later error", () => {
    const result = WORKFLOW_ROI(
      column(400, excelError("#N/A"), "lots", 400),
      column(excelError("#NUM!"), excelError("#DIV/0!"), excelError("#NULL!"), 15),
      cell(60),
      cell(3000),
    );
    expectError(result[0][0], "#NUM!");
    expectError(result[1][0], "#N/A");
    expectError(result[2][0], "#VALUE!", "tasks_per_month", '"lots"');
    expect(numberOf(result[3][0])).toBeGreaterThan(0);
  });

  it("an input problem in an earlier argument before an error in a later one, and the other way round", () => {
    const first = WORKFLOW_ROI(column(-1, 400), column(excelError("#N/A"), 15), cell(60), cell(3000));
    expectError(first[0][0], "#VALUE!", "tasks_per_month must be a number of at least 0; got -1");
    const second = WORKFLOW_ROI(column(excelError("#N/A"), 1), column(-1, -1), cell(60), cell(3000));
    expectError(second[0][0], "#N/A");
    expectError(second[1][0], "#VALUE!", "minutes_saved_per_task", "got -1");
  });

  it("a bad single value speaks at every position where no earlier range erred, and stays silent where one did", () => {
    const result = WORKFLOW_ROI(column(400, excelError("#N/A"), "lots"), ...REST, cell(2));
    expectError(result[0][0], "#VALUE!", "adoption must be a share between 0 and 1; got 2");
    expectError(result[1][0], "#N/A");
    expectError(result[2][0], "#VALUE!", "tasks_per_month", '"lots"');
  });

  it("an earlier bad single value speaks for the whole formula, before a later range's errors", () => {
    const answer = outcome(() => WORKFLOW_ROI(cell(-5), column(15, excelError("#N/A")), cell(60), cell(3000)));
    expectError(answer, "#VALUE!", "tasks_per_month", "got -5");
  });

  it("the measure, read in its place: a bad measure speaks only where no earlier argument erred", () => {
    const result = WORKFLOW_ROI(column(400, excelError("#N/A")), ...REST, null, null, null, null, null, "irr");
    expectError(result[0][0], "#VALUE!", "measure must be one of roi", '"irr"');
    expectError(result[1][0], "#N/A");
    // ramp_months comes after measure: with a good measure its errors speak, with a bad one they do not.
    const ramped = outcome(() => WORKFLOW_ROI(cell(400), ...REST, null, null, null, null, null, "irr", column(0, 99)));
    expectError(ramped, "#VALUE!", "measure");
  });

  it("SEAT_COST's tier table speaks last: after the seats' own errors", () => {
    const result = SEAT_COST(column(excelError("#N/A"), 100), cell(30), cell(12), [[50, 2]]);
    expectError(result[0][0], "#N/A");
    expectError(result[1][0], "#VALUE!", "volume_discounts row 1: the discount");
  });
});
