import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { resultFileName } from "../../src/playground/download";
import { DEFAULT_DRAFTS, readAssumptions } from "../../src/taskpane/state/assumptionFields";
import { derive } from "../../src/taskpane/state/derive";
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

  test("every field that cannot be used gets its own message, and there is no assumption set", () => {
    const read = readAssumptions({ ...DEFAULT_DRAFTS, years: "", confidence: "1.2", "integrationCost.deep": "-5" });
    expect(read.assumptions).toBeNull();
    expect(read.problems).toEqual({
      years: "Enter a number; found nothing",
      confidence: "Must be a share between 0 and 1; got 1.2",
      "integrationCost.deep": "Must be a number of at least 0; got -5",
    });
  });

  test("a percentage is not accepted where a plain number is meant", () => {
    expect(readAssumptions({ ...DEFAULT_DRAFTS, hurdleRoi: "100%" }).problems.hurdleRoi).toBe(
      'Enter a number such as 30; found "100%"',
    );
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
    expect(d.assumptions.problems.headcount).toBe("Must be at least 10, the People of the analysed rows, or empty");
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
  });
});
