import { SHEET_MARKERS, SHEET_ROLES } from "../../src/workbook/marker";
import { OfficeWorkbook, type ExcelRun } from "../../src/workbook/office/OfficeWorkbook";
import { CELL_LOOKS } from "../../src/workbook/office/cellStyles";
import { FakeExcel } from "./fakeExcel";
import { liveModelLayout } from "./layouts";

/**
 * Layout v2 (the live model's seven sheets) through Office.js: styles, defined names, validations, frozen panes,
 * print setup, the three chart kinds, formulas across sheets and tables, free names where the user holds the
 * wanted ones; formulas that repeat down a column go in once and are copied down, not one string per cell.
 */

const FOUR_MB = 4_000_000;

function adapter(excel: FakeExcel): OfficeWorkbook {
  return new OfficeWorkbook(excel.run as unknown as ExcelRun);
}

function userWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Budget", [
    ["Workflow", "People"],
    ["Contract review", 12],
  ]);
  excel.addTable("Workflows", "Budget", "A1:B2");
  return excel;
}

describe("writing the live model", () => {
  test("every sheet, with its styles, names, validations, frozen panes, print setup and charts", async () => {
    const excel = userWorkbook();
    const written = await adapter(excel).writeAnalysis(liveModelLayout(5));
    expect(written.map((w) => w.role)).toEqual(SHEET_ROLES);
    for (const w of written) expect(excel.sheetOfName(SHEET_MARKERS[w.role])).toBe(w.name);

    const assumptions = excel.sheet("AI Assumptions");
    expect(assumptions.at("B3")).toMatchObject({ value: 3, numberFormat: "0", ...CELL_LOOKS.input });
    expect(assumptions.at("A2")).toMatchObject({ value: "Assumption", ...CELL_LOOKS.header });
    expect(assumptions.at("A6")).toMatchObject({ italic: true, fontColor: CELL_LOOKS.note.fontColor });
    expect(
      excel.names
        .filter((n) => n.name.startsWith("AIBUDGET_") && !n.name.startsWith("AIBUDGET_SHEET"))
        .map((n) => [n.name, n.sheet?.name, n.rect]),
    ).toEqual([
      ["AIBUDGET_Years", "AI Assumptions", { top: 3, left: 2, bottom: 3, right: 2 }],
      ["AIBUDGET_DiscountRate", "AI Assumptions", { top: 4, left: 2, bottom: 4, right: 2 }],
      ["AIBUDGET_DefaultTier", "AI Assumptions", { top: 5, left: 2, bottom: 5, right: 2 }],
    ]);
    expect(assumptions.validations).toEqual([
      {
        rect: { top: 3, left: 2, bottom: 3, right: 2 },
        rule: { wholeNumber: { formula1: 1, formula2: 10, operator: "Between" } },
      },
      {
        rect: { top: 4, left: 2, bottom: 4, right: 2 },
        rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } },
      },
      {
        rect: { top: 5, left: 2, bottom: 5, right: 2 },
        rule: { list: { inCellDropDown: true, source: "Team,Enterprise" } },
      },
    ]);
    expect(assumptions.freeze).toEqual({ rows: 2, columns: 0 });
    expect(assumptions.page).toEqual({
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });

    const allocation = excel.sheet("AI Allocation");
    expect(allocation.freeze).toEqual({ rows: 1, columns: 1 });
    expect(allocation.page).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: "$1:$1",
    });
    // Values as values, formulas as formulas (copied down from the first row, references moved).
    expect(allocation.at("B4")).toMatchObject({ value: 1020, ...CELL_LOOKS.input });
    expect(allocation.at("D2")?.formula).toBe("=B2*'AI Assumptions'!$B$3-C2*AIBUDGET_Years");
    expect(allocation.at("D6")?.formula).toBe("=B6*'AI Assumptions'!$B$3-C6*AIBUDGET_Years");
    expect(allocation.at("E6")?.formula).toBe('=IF(C6=0,"",D6/(C6*AIBUDGET_Years))');
    expect(allocation.at("D6")).toMatchObject({ fontColor: CELL_LOOKS.formula.fontColor });
    expect(allocation.at("B7")).toMatchObject({ formula: "=SUBTOTAL(109,B2:B6)", bold: true });
    expect(excel.sheet("AI Workings").at("B6")?.formula).toBe("=INDEX(AIAllocation[NPV],ROW()-1)/AIBUDGET_Years");

    expect(excel.tables.map((t) => t.name)).toEqual([
      "Workflows",
      "AIAllocation",
      "AIWorkings",
      "AIComparison",
      "AIBudget",
      "AIVendors",
      "AISensitivity",
    ]);
    expect(
      excel.sheets.flatMap((s) => s.charts.map((c) => [s.name, c.type, c.source, c.seriesBy, c.title, c.anchor])),
    ).toEqual([
      ["AI Comparison", "ColumnClustered", "A1:C3", "Columns", "Cost and value", "E2"],
      ["AI Budget", "Line", "A1:D3", "Rows", "Spend and value by year", "F2"],
      ["AI Sensitivity", "BarClustered", "A1:C3", "Columns", "What moves the NPV", "E2"],
    ]);
    expect(excel.sheet("AI Vendors").at("A4")).toMatchObject({ fontColor: CELL_LOOKS.warning.fontColor });
  });

  test("where the user holds a wanted sheet, table or defined name, ours takes a free one and every formula follows", async () => {
    const excel = userWorkbook();
    excel.addSheet("AI Assumptions", [["My own assumptions"]]);
    excel.addSheet("Lookups", [["x"]]);
    excel.addTable("AIAllocation", "Lookups", "A1:A2");
    excel.addName("AIBUDGET_Years", "Lookups", "A2");
    const written = await adapter(excel).writeAnalysis(liveModelLayout(3));
    expect(written[0]).toEqual({ role: "assumptions", name: "AI Assumptions (2)", renamed: true });
    expect(excel.sheet("AI Assumptions").writes).toBe(0);
    expect(excel.sheet("Lookups").writes).toBe(0);
    expect(excel.table("AIAllocation_2")?.sheet.name).toBe("AI Allocation");
    expect(excel.sheetOfName("AIBUDGET_Years")).toBe("Lookups");
    expect(excel.sheetOfName("AIBUDGET_Years_2")).toBe("AI Assumptions (2)");
    const allocation = excel.sheet("AI Allocation");
    expect(allocation.at("D2")?.formula).toBe("=B2*'AI Assumptions (2)'!$B$3-C2*AIBUDGET_Years_2");
    expect(allocation.at("D4")?.formula).toBe("=B4*'AI Assumptions (2)'!$B$3-C4*AIBUDGET_Years_2");
    expect(excel.sheet("AI Comparison").at("C4")?.formula).toBe("=SUM(AIAllocation_2[NPV])");
    expect(excel.sheet("AI Workings").at("B3")?.formula).toBe("=INDEX(AIAllocation_2[NPV],ROW()-1)/AIBUDGET_Years_2");
    // A second run keeps the names it took.
    await adapter(excel).writeAnalysis(liveModelLayout(4));
    expect(excel.tables.map((t) => t.name).sort()).toEqual([
      "AIAllocation",
      "AIAllocation_2",
      "AIBudget",
      "AIComparison",
      "AISensitivity",
      "AIVendors",
      "AIWorkings",
      "Workflows",
    ]);
    expect(excel.sheet("AI Allocation").at("D5")?.formula).toBe("=B5*'AI Assumptions (2)'!$B$3-C5*AIBUDGET_Years_2");
  });

  test("10,000 workflows: the same five syncs as 10 on a second run, no request above 4 MB, formulas not one string a cell", async () => {
    const counts: number[] = [];
    for (const rows of [10, 10_000]) {
      const excel = userWorkbook();
      const port = adapter(excel);
      await port.writeAnalysis(liveModelLayout(rows));
      expect(excel.syncs).toBeLessThanOrEqual(4);
      excel.resetCounts();
      await port.writeAnalysis(liveModelLayout(rows));
      counts.push(excel.syncs);
      expect(excel.largestRequest).toBeLessThanOrEqual(FOUR_MB);
      // The formula columns cost a few commands, not 30,000 strings: far below what the formulas' text would take.
      const formulaText = liveModelLayout(rows)
        .sheets.flatMap((s) => s.rows.flat())
        .reduce((n, c) => n + (c?.formula?.length ?? 0), 0);
      const written = excel.requests.reduce((n, r) => n + r.bytes, 0);
      if (rows === 10_000) expect(written).toBeLessThan(formulaText);
      const allocation = excel.sheet("AI Allocation");
      expect(allocation.at(`D${rows + 1}`)?.formula).toBe(
        `=B${rows + 1}*'AI Assumptions'!$B$3-C${rows + 1}*AIBUDGET_Years`,
      );
      expect(excel.table("AIAllocation")?.rect.bottom).toBe(rows + 1);
    }
    expect(counts).toEqual([5, 5]);
  }, 60_000);

  test("60,000 workflows: every request under 4 MB, every row written", async () => {
    const excel = userWorkbook();
    await adapter(excel).writeAnalysis(liveModelLayout(60_000));
    expect(excel.largestRequest).toBeLessThanOrEqual(FOUR_MB);
    expect(excel.sheet("AI Workings").at("A60001")?.formula).toBe("=INDEX(AIAllocation[Workflow],ROW()-1)");
    expect(excel.sheet("AI Allocation").at("A60001")?.value).toBe("Workflow 060000");
  }, 120_000);
});
