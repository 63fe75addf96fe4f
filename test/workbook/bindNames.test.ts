import { bindFormula, bindLayout } from "../../src/workbook/bindNames";

describe("bindFormula", () => {
  const bindings = {
    sheets: { "AI Allocation": "AI Allocation (2)", "AI Workings": "Work's" },
    tables: { AIAllocation: "AIAllocation2" },
    names: { AIBUDGET_Years: "AIBUDGET_Years2" },
  };

  it("rebinds quoted sheet references, table references and defined names", () => {
    expect(bindFormula("='AI Allocation'!F2*AIBUDGET_Years+SUM(AIAllocation[NPV])", bindings)).toBe(
      "='AI Allocation (2)'!F2*AIBUDGET_Years2+SUM(AIAllocation2[NPV])",
    );
    expect(bindFormula("='AI Workings'!A1", bindings)).toBe("='Work''s'!A1");
  });

  it("leaves string literals, function names and unrelated words alone", () => {
    expect(bindFormula('=IF(A1="AIBUDGET_Years","\'AI Allocation\'!x",ROUND(AIBUDGET_YearsWritten,0))', bindings)).toBe(
      '=IF(A1="AIBUDGET_Years","\'AI Allocation\'!x",ROUND(AIBUDGET_YearsWritten,0))',
    );
    expect(bindFormula("=aibudget_years*2", bindings)).toBe("=AIBUDGET_Years2*2");
  });

  it("changes nothing without bindings", () => {
    expect(bindFormula("='AI Allocation'!A1", {})).toBe("='AI Allocation'!A1");
  });

  it("rebinds a layout's sheet, table and defined names", () => {
    const bound = bindLayout(
      {
        sheets: [
          {
            role: "allocation",
            name: "AI Allocation",
            rows: [[{ value: 3, formula: "=AIBUDGET_Years" }, null]],
            tables: [{ name: "AIAllocation", range: "A1:B2" }],
            names: [{ name: "AIBUDGET_Years", ref: "A1" }],
            columnWidths: [],
            charts: [],
          },
        ],
      },
      bindings,
    );
    expect(bound.sheets[0].name).toBe("AI Allocation (2)");
    expect(bound.sheets[0].rows[0][0]?.formula).toBe("=AIBUDGET_Years2");
    expect(bound.sheets[0].tables[0].name).toBe("AIAllocation2");
    expect(bound.sheets[0].names?.[0].name).toBe("AIBUDGET_Years2");
  });
});
