import type { SheetLayout } from "../../../src/workbook/layout";
import { evaluate } from "./miniFormula";

// The layout tests trust this evaluator to compare formulas with their cached values: check it can fail.
const sheet: SheetLayout = {
  role: "comparison",
  name: "x",
  tables: [],
  columnWidths: [],
  charts: [],
  rows: [[{ value: 2 }, { value: 0 }, { value: "" }], [{ value: 3 }]],
};

describe("the test's formula evaluator", () => {
  it("computes SUM, guarded IF, OR and arithmetic as Excel does", () => {
    expect(evaluate(sheet, "=SUM(A1:A2)")).toBe(5);
    expect(evaluate(sheet, '=IF(B1=0,"",A1/B1)')).toBe("");
    expect(evaluate(sheet, '=IF(A1=0,"",A2/A1)')).toBe(1.5);
    expect(evaluate(sheet, '=IF(OR(C1="",A1=""),"",A1-A2)')).toBe("");
    expect(evaluate(sheet, "=A2-A1")).toBe(1);
    expect(evaluate(sheet, "=D9+1")).toBe(1);
  });

  it("fails on an error and on anything outside the native subset the layout may use", () => {
    expect(() => evaluate(sheet, "=A2/B1")).toThrow(/DIV/);
    expect(() => evaluate(sheet, "=C1-A1")).toThrow(/VALUE/);
    expect(() => evaluate(sheet, "=NPV(A1,A2)")).toThrow();
    expect(() => evaluate(sheet, "=Sheet1!A1")).toThrow();
  });
});
