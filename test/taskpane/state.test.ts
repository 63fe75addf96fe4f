import { analyseWorkflow, DEFAULT_ASSUMPTIONS } from "../../src/model";
import { resultFileName } from "../../src/playground/download";
import { openErrorMessage } from "../../src/playground/openError";
import { money, percentOf } from "../../src/taskpane/format";
import { filterRows, sortRows, tierSummary, workflowRows } from "../../src/taskpane/review/workflowRows";
import { parsePastedRows } from "../../src/taskpane/state/pastedTable";
import { sampleWorkflows } from "../model/sampleWorkflows";
import { DEFAULT_DRAFTS, readAssumptions } from "../../src/taskpane/state/assumptionFields";
import { derive, LIVE_SENSITIVITY_ROWS } from "../../src/taskpane/state/derive";
import { startFrom } from "../../src/taskpane/useWizard";
import { parseCsv, sampleRows } from "../../src/workbook/sampleTable";
import { parseSettings, serializeSettings } from "../../src/taskpane/state/settings";
import { INITIAL_STATE, wizardReducer, type WizardState } from "../../src/taskpane/state/wizard";
import { isDark } from "../../src/taskpane/theme";
import type { SourceGrid, TableCandidate } from "../../src/workbook/port";
import { SAMPLE_CSV_TEXT } from "./sampleCsv";

const candidate = (id: string, headers: string[], kind: "table" | "range" = "table"): TableCandidate => ({
  id,
  kind,
  sheet: "Sheet1",
  address: "A1:E3",
  headers,
  rowCount: 2,
});
const WORKFLOW_HEADERS = ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"];

describe("the sample table", () => {
  test("CSV cells may be quoted, with commas, doubled quotes and line breaks inside", () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,"two\nlines",3\n\n')).toEqual([
      ["a", "b, c", 'say "hi"'],
      ["1", "two\nlines", "3"],
    ]);
  });

  test("the bundled sample becomes a header of text and rows whose figures are numbers", () => {
    const rows = sampleRows(SAMPLE_CSV_TEXT);
    // sample.md: seven workflows; the CSV's header as written.
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual([
      "Workflow",
      "People",
      "Tasks per person per month",
      "Minutes saved per task",
      "Hourly cost",
      "Sensitive data",
      "Integration",
      "Task type",
    ]);
    expect(rows[1]).toEqual(["Customer support replies", 15, 240, 5, 45, "Yes", "Light", "Drafting"]);
  });
});

describe("assumptions as typed", () => {
  test("the defaults read back as model.md's defaults", () => {
    expect(readAssumptions(DEFAULT_DRAFTS)).toMatchObject({ assumptions: { ...DEFAULT_ASSUMPTIONS }, problems: {} });
  });

  test("shares take a percentage, money takes a currency sign, an empty headcount means the sum of People", () => {
    const read = readAssumptions({ ...DEFAULT_DRAFTS, adoption: "65%", enterpriseSeatPrice: "$1,200", headcount: " " });
    expect(read.assumptions).toMatchObject({ adoption: 0.65, enterpriseSeatPrice: 1200, headcount: null });
  });

  test("every field that cannot be used gets its own message naming the field, its range and unit", () => {
    const read = readAssumptions({
      ...DEFAULT_DRAFTS,
      years: "",
      confidence: "150",
      "integrationCost.deep": "-5",
      rampMonths: "13",
      sensitivitySwing: "1",
      discountRate: "abc",
    });
    expect(read.assumptions).toBeNull();
    expect(read.problems).toEqual({
      years: "Horizon must be a whole number of years from 1 to 30; the field is empty",
      confidence: "Confidence must be a share from 0 to 1, such as 0.1 or 10 %; found 150",
      discountRate: 'Discount rate must be a share from 0 to 1, such as 0.1 or 10 %; found "abc"',
      "integrationCost.deep": "Integration cost, deep must be an amount of at least 0 (one-time); found -5",
      rampMonths: "Ramp months must be a number of months from 0 to 12; found 13",
      sensitivitySwing:
        "Sensitivity swing must be a share from 0 up to, not including, 1, such as 0.2 or 20 %; found 1",
    });
  });

  test("a share above 1 reads as a percentage with a note, as the table reads it; the hurdle takes 150%", () => {
    const read = readAssumptions({ ...DEFAULT_DRAFTS, discountRate: "8", hurdleRoi: "150%", sensitivitySwing: "25" });
    expect(read.assumptions).toMatchObject({ discountRate: 0.08, hurdleRoi: 1.5, sensitivitySwing: 0.25 });
    expect(read.notes).toEqual({ discountRate: "8 read as 8 %", sensitivitySwing: "25 read as 25 %" });
    // A ratio is not a share: 2 is 200 %, never 2 %.
    expect(readAssumptions({ ...DEFAULT_DRAFTS, hurdleRoi: "2" }).assumptions?.hurdleRoi).toBe(2);
  });

  test("large amounts show with thousands separators and read back from them", () => {
    expect(DEFAULT_DRAFTS["integrationCost.deep"]).toBe("50,000");
    expect(DEFAULT_DRAFTS["integrationCost.light"]).toBe("10,000");
    expect(DEFAULT_DRAFTS.discountRate).toBe("0.1");
    expect(
      readAssumptions({ ...DEFAULT_DRAFTS, "integrationCost.light": "12,500" }).assumptions?.integrationCost.light,
    ).toBe(12_500);
    expect(DEFAULT_DRAFTS.rampMonths).toBe("0");
    expect(DEFAULT_DRAFTS.sensitivitySwing).toBe("0.2");
  });
});

describe("settings kept in the workbook", () => {
  test("what is saved reads back", () => {
    const saved = {
      table: "Budget",
      assumptions: {
        ...DEFAULT_ASSUMPTIONS,
        integrationCost: { ...DEFAULT_ASSUMPTIONS.integrationCost },
        hurdleRoi: 0.5,
      },
      overrides: { "Contract review": "None" as const },
      columns: { people: "Staff", adoption: null },
      currency: "€",
    };
    expect(parseSettings(serializeSettings(saved))).toEqual(saved);
  });

  test("a saved state that does not read is ignored piece by piece, never fatal", () => {
    expect(parseSettings(null)).toBeNull();
    expect(parseSettings("{not json")).toBeNull();
    expect(parseSettings("[1,2]")).toBeNull();
    const partial = parseSettings(
      JSON.stringify({
        assumptions: { ...DEFAULT_ASSUMPTIONS, discountRate: 7 },
        overrides: { A: "Consumer", B: "Platinum" },
        columns: { people: 3, name: "Process" },
      }),
    );
    expect(partial).toEqual({ overrides: { A: "Consumer" }, columns: { name: "Process" } });
  });
});

describe("the wizard's reducer", () => {
  test("the best-matching table is chosen; a saved choice wins while it is still there", () => {
    const candidates = [candidate("Notes", ["Date", "Text"]), candidate("Budget", WORKFLOW_HEADERS)];
    expect(wizardReducer(INITIAL_STATE, { type: "candidatesListed", candidates }).tableId).toBe("Budget");
    expect(wizardReducer(INITIAL_STATE, { type: "candidatesListed", candidates, prefer: "Notes" }).tableId).toBe(
      "Notes",
    );
    expect(wizardReducer(INITIAL_STATE, { type: "candidatesListed", candidates, prefer: "Gone" }).tableId).toBe(
      "Budget",
    );
  });

  test("a change to what would be written clears the record of the last write", () => {
    const written: WizardState = {
      ...INITIAL_STATE,
      written: { sheets: [{ role: "allocation", name: "AI Allocation", renamed: false }], wanted: {} },
    };
    expect(wizardReducer(written, { type: "tierSet", name: "A", tier: "None" }).written).toBeNull();
    expect(wizardReducer(written, { type: "draftChanged", key: "years", text: "4" }).written).toBeNull();
    expect(wizardReducer(written, { type: "stepChanged", step: "review" }).written).toBe(written.written);
  });

  test("a tier set back to the model's choice is forgotten", () => {
    const set = wizardReducer(INITIAL_STATE, { type: "tierSet", name: "A", tier: "None" });
    expect(set.overrides).toEqual({ A: "None" });
    expect(wizardReducer(set, { type: "tierSet", name: "A", tier: null }).overrides).toEqual({});
  });
});

describe("what the wizard derives", () => {
  const grid: SourceGrid = {
    sheet: "Budget",
    address: "B2:F4",
    firstRow: 2,
    firstColumn: 2,
    values: [
      ["Process", "Staff", "Tasks per person per month", "Minutes saved per task", "Hourly cost"],
      ["Drafting", 10, 20, 30, 50],
      ["Filing", 3, 10, 5, "#N/A"],
    ],
  };

  test("a missing required column is a reading error until the user names the column", () => {
    const state: WizardState = { ...INITIAL_STATE, grid };
    const before = derive(state);
    expect(before.columns?.missing).toEqual(["people"]);
    expect(before.readingError).toMatch(/lacks a required column: People/);
    const after = derive({ ...state, columns: { people: "Staff" } });
    expect(after.columns?.columns.find((c) => c.field === "people")).toMatchObject({ column: "C", header: "Staff" });
    expect(after.reading?.workflows.map((w) => w.workflow.name)).toEqual(["Drafting"]);
    expect(after.reading?.rejected.map((r) => [r.row, r.problems[0].column])).toEqual([[4, "F"]]);
    expect(after.analysis?.analyses).toHaveLength(1);
  });

  test("a headcount below the rows' People is a message on the headcount field", () => {
    const d = derive({
      ...INITIAL_STATE,
      grid,
      columns: { people: "Staff" },
      drafts: { ...DEFAULT_DRAFTS, headcount: "5" },
    });
    expect(d.assumptions.problems.headcount).toBe(
      "Headcount must be at least 10 people, the People of the analysed rows, or empty; found 5",
    );
    expect(d.analysis).toBeNull();
  });
});

describe("host pieces", () => {
  test("the pane is dark where Office says so, or where its background is dark", () => {
    expect(isDark(undefined)).toBe(false);
    expect(isDark({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDark({ bodyBackgroundColor: "#1f1f1f" })).toBe(true);
    expect(isDark({ bodyBackgroundColor: "#f3f3f3" })).toBe(false);
  });

  test("the result file is named after the one opened", () => {
    expect(resultFileName("Budget 2027.xlsx")).toBe("Budget 2027-analysed.xlsx");
    expect(resultFileName("plan.XLSX")).toBe("plan-analysed.xlsx");
    // A macro workbook stays one: Excel will not open macros under .xlsx.
    expect(resultFileName("macros.xlsm")).toBe("macros-analysed.xlsm");
  });

  test("a file that does not open is explained in plain words, never in a library's", () => {
    const plain = openErrorMessage(new Error("invalid zip data at https://example.org/zip#end"));
    expect(plain).toMatch(/^This file could not be opened as an Excel workbook \(\.xlsx\)/);
    expect(plain).not.toMatch(/zip|https?:/);
    const adapter = Object.assign(
      new Error("This is an .xls file. Save it as .xlsx from Excel. (Details: End of data reached)"),
      {
        name: "XlsxError",
      },
    );
    expect(openErrorMessage(adapter)).toBe("This is an .xls file. Save it as .xlsx from Excel.");
  });
});

describe("how figures are shown", () => {
  test("money is whole, grouped, in the workbook's currency, negatives in parentheses", () => {
    expect(money(1234567.6)).toBe("1,234,568");
    expect(money(-1234.4, "$")).toBe("($1,234)");
    expect(money(-0.4, "€")).toBe("€0");
    expect(money(900, "CHF")).toBe("CHF 900");
    expect(percentOf(3.516)).toBe("351.6 %");
    expect(percentOf(-0.25)).toBe("(25.0 %)");
    expect(percentOf(null)).toBe("–");
  });

  test("pasted cells become rows: tabs from a spreadsheet, else commas or semicolons", () => {
    expect(parsePastedRows("Workflow\tPeople\r\nDrafting\t10\n\n")).toEqual([
      ["Workflow", "People"],
      ["Drafting", 10],
    ]);
    expect(parsePastedRows("a;b;c\n1;2")).toEqual([
      ["a", "b", "c"],
      [1, 2, ""],
    ]);
  });
});

describe("the review table's rows", () => {
  const rows = workflowRows(sampleWorkflows().map((w) => analyseWorkflow(w, DEFAULT_ASSUMPTIONS)));

  test("sorting by a figure puts the largest first; rows with no figure go last either way", () => {
    const byNpv = sortRows(rows, { key: "npv", descending: true }).map((r) => r.name);
    // sample.md: 257,837 − 29,421 is the largest NPV.
    expect(byNpv[0]).toBe("Customer support replies");
    expect(byNpv[byNpv.length - 1]).toBe("Warehouse and field operations");
    const byRoi = sortRows(rows, { key: "roi", descending: false });
    // None has no ROI: last whichever way the column is sorted.
    expect(byRoi[byRoi.length - 1].name).toBe("Warehouse and field operations");
    expect(sortRows(rows, { key: "order", descending: false }).map((r) => r.name)).toEqual(rows.map((r) => r.name));
  });

  test("filtering by part of a name and by tier; tier counts and seats per tier", () => {
    expect(filterRows(rows, "RE", "all").map((r) => r.name)).toEqual([
      "Customer support replies",
      "Financial analysis and reporting",
      "Contract review",
      "Operations reports",
      "Warehouse and field operations",
    ]);
    expect(filterRows(rows, "", "Consumer").map((r) => r.name)).toEqual([
      "Operations reports",
      "Internal communications",
    ]);
    expect(filterRows(rows, "", "byHand")).toEqual([]);
    // sample.md: 4 Enterprise rows with 40 people, 2 Consumer with 60, 1 None.
    expect(tierSummary(sampleWorkflows().map((w) => analyseWorkflow(w, DEFAULT_ASSUMPTIONS)))).toEqual([
      { tier: "Enterprise", workflows: 4, seats: 40 },
      { tier: "Consumer", workflows: 2, seats: 60 },
      { tier: "None", workflows: 1, seats: 0 },
    ]);
  });
});

describe("what the wizard starts from", () => {
  test("an earlier run's sheets win over the saved settings, and the Source step says what came from where", () => {
    const loaded = wizardReducer(INITIAL_STATE, {
      type: "settingsLoaded",
      settings: { overrides: { A: "None", B: "Consumer" }, assumptions: { ...DEFAULT_ASSUMPTIONS, years: 5 } },
    });
    const action = startFrom({
      assumptions: { ...DEFAULT_ASSUMPTIONS, years: 4, discountRate: 0.08 },
      fromSheet: ["years", "discountRate"],
      overrides: { B: "Enterprise" },
      dueDiligence: { Acme: "Checked by J. Doe, March" },
      notes: ["AI Assumptions, Discount rate: 8 read as 8 %"],
      problems: [],
    });
    const state = wizardReducer(loaded, action);
    expect(state.drafts.years).toBe("4");
    expect(state.drafts.discountRate).toBe("0.08");
    expect(state.overrides).toEqual({ A: "None", B: "Enterprise" });
    expect(state.startedFrom).toEqual([
      "The assumptions are the ones on the previous run's AI Assumptions sheet (2 read there).",
      "1 tier set by hand comes from AI Allocation.",
      "1 due-diligence note on AI Vendors will be kept.",
      "AI Assumptions, Discount rate: 8 read as 8 %",
    ]);
  });

  test("a workbook with no earlier run changes nothing", () => {
    const state = wizardReducer(
      INITIAL_STATE,
      startFrom({ assumptions: null, fromSheet: [], overrides: {}, dueDiligence: {}, notes: [], problems: [] }),
    );
    expect(state.drafts).toEqual(INITIAL_STATE.drafts);
    expect(state.startedFrom).toEqual([]);
  });
});

describe("a large table", () => {
  const header = ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"];
  const grid = (n: number): SourceGrid => ({
    sheet: "Large",
    address: `A1:E${n + 1}`,
    firstRow: 1,
    firstColumn: 1,
    values: [header, ...Array.from({ length: n }, (_, i) => [`W${i}`, 1 + (i % 9), 20, 1 + (i % 30), 50])],
  });

  test("above the live limit the analysis leaves its sensitivity bars to be worked out on request", () => {
    const small = derive({ ...INITIAL_STATE, grid: grid(LIVE_SENSITIVITY_ROWS) });
    expect(small.sensitivityDeferred).toBe(false);
    expect(small.analysis?.sensitivity.length).toBeGreaterThan(0);
    const large = derive({ ...INITIAL_STATE, grid: grid(LIVE_SENSITIVITY_ROWS + 1) });
    expect(large.sensitivityDeferred).toBe(true);
    expect(large.analysis?.sensitivity).toEqual([]);
    // Everything else is there: the same figures as with the bars.
    expect(large.analysis?.analyses).toHaveLength(LIVE_SENSITIVITY_ROWS + 1);
    expect(large.analysis?.budget.horizon).toBe(3);
  });
});
