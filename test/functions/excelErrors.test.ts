import { answering, InputProblem, errorFor } from "../../src/functions/excelErrors";
import { expectError, outcome } from "./excelCalls";
import { readBuilt } from "./builtBundle";

describe("what reaches Excel when something goes wrong", () => {
  it("turns a fault of ours into a #VALUE! that names the function and the reason, never a bare exception", () => {
    const answer = outcome(() =>
      answering("SEAT_COST", () => {
        throw new TypeError("tiers is not iterable");
      }),
    );
    expectError(answer, "#VALUE!", "SEAT_COST could not compute an answer: tiers is not iterable");
  });

  it("lets Excel's own errors through unchanged", () => {
    const own = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    expect(
      outcome(() =>
        answering("WORKFLOW_ROI", () => {
          throw own;
        }),
      ),
    ).toBe(own);
  });

  it("makes an input problem a #VALUE! carrying its words, and gives back an error value that arrived as it came", () => {
    expectError(errorFor(new InputProblem("years must be whole; got 2.5")), "#VALUE!", "years must be whole; got 2.5");
    const arrived = new CustomFunctions.Error("#N/A");
    expect(errorFor(new InputProblem("x holds an error value", arrived))).toBe(arrived);
  });
});

describe("the built-bundle tests without a build", () => {
  it("fail with a message saying to run the build, rather than skip", () => {
    expect(() => readBuilt("no-such-output.js")).toThrow("run `npm run build` first");
  });
});
