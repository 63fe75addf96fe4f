import type { GridValue } from "../../../src/workbook/layout";
import type { SourceGrid } from "../../../src/workbook/port";
import { readWorkflowTable } from "../../../src/workbook/read/readTable";
import { TableError } from "../../../src/workbook/read/tableError";
import type { ColumnMatch, TableReading } from "../../../src/workbook/reading";

const HEADERS = ["Workflow", "People", "Tasks per person per month", "Minutes saved per task", "Hourly cost"];

/** A table whose header sits at C5 unless told otherwise, as a user's sheet often has it. */
function grid(values: GridValue[][], firstRow = 5, firstColumn = 3): SourceGrid {
  return { sheet: "Budget", address: "C5:J20", firstRow, firstColumn, values };
}

function readRows(headers: GridValue[], rows: GridValue[][]): TableReading {
  return readWorkflowTable(grid([headers, ...rows]));
}

function only(reading: TableReading) {
  expect(reading.rejected).toEqual([]);
  expect(reading.workflows).toHaveLength(1);
  return reading.workflows[0];
}

function theProblem(reading: TableReading) {
  expect(reading.workflows).toEqual([]);
  expect(reading.rejected).toHaveLength(1);
  expect(reading.rejected[0].problems).toHaveLength(1);
  return reading.rejected[0].problems[0];
}

describe("readWorkflowTable: a clean table", () => {
  it("reads each row into a workflow with the defaults the spec gives for absent columns", () => {
    const reading = readRows(HEADERS, [["Contract review", 7, 20, 60, 110]]);
    const read = only(reading);
    expect(read.row).toBe(6);
    expect(read.notes).toEqual([]);
    expect(read.workflow).toEqual({
      name: "Contract review",
      people: 7,
      tasksPerPersonPerMonth: 20,
      minutesSavedPerTask: 60,
      hourlyCost: 110,
      adoption: null,
      sensitiveData: false,
      integration: "none",
      integrationCost: null,
      vendor: null,
      vendorSurvival: null,
    });
    expect(reading.columns.map((c) => c.column)).toEqual(["C", "D", "E", "F", "G"]);
  });

  it("warns where there is no sensitivity column, and not where there is one", () => {
    const without = readRows(HEADERS, [["A", 1, 1, 1, 1]]);
    expect(without.warnings).toHaveLength(1);
    expect(without.warnings[0]).toMatch(/no sensitivity column/);
    expect(without.warnings[0]).toMatch(/no sensitive data/);
    const withColumn = readRows([...HEADERS, "Sensitive data"], [["A", 1, 1, 1, 1, "no"]]);
    expect(withColumn.warnings).toEqual([]);
  });
});

describe("readWorkflowTable: reading cells", () => {
  it("reads numbers written as text", () => {
    const reading = readRows(HEADERS, [["A", "1,200", " 12 ", "€ 85", "$1,200.50"]]);
    const w = only(reading).workflow;
    expect([w.people, w.tasksPerPersonPerMonth, w.minutesSavedPerTask, w.hourlyCost]).toEqual([1200, 12, 85, 1200.5]);
  });

  it('rejects "1,5" rather than reading it as 15, with a hint about commas', () => {
    const p = theProblem(readRows(HEADERS, [["A", 10, 10, "1,5", 50]]));
    expect(p).toMatchObject({ row: 6, column: "F", header: "Minutes saved per task", found: '"1,5"' });
    expect(p.expected).toMatch(/^a number of at least 0/);
    expect(p.expected).toMatch(/three digits/);
    expect(p.message).toBe(`Row 6, column F (Minutes saved per task): found "1,5"; expected ${p.expected}`);
  });

  it("rejects text where a number belongs, naming the cell", () => {
    const p = theProblem(readRows(HEADERS, [["A", 10, 10, 5, "abc"]]));
    expect(p.message).toBe('Row 6, column G (Hourly cost): found "abc"; expected a number of at least 0');
  });

  it("rejects negative numbers, (500) included", () => {
    const p = theProblem(readRows(HEADERS, [["A", -3, 10, 5, 50]]));
    expect(p).toMatchObject({ column: "D", found: "-3", expected: "a number of at least 0" });
    const q = theProblem(readRows(HEADERS, [["A", 3, 10, 5, "(500)"]]));
    expect(q).toMatchObject({ column: "G", found: '"(500)"' });
  });

  it("rejects a boolean where a number belongs", () => {
    const p = theProblem(readRows(HEADERS, [["A", true, 10, 5, 50]]));
    expect(p).toMatchObject({ column: "D", found: "TRUE" });
  });

  it("reads shares three ways and notes a number above 1 read as a percentage", () => {
    const reading = readRows(
      [...HEADERS, "Adoption"],
      [
        ["Fraction", 1, 1, 1, 1, 0.6],
        ["Percent number", 1, 1, 1, 1, 80],
        ["Percent text", 1, 1, 1, 1, "75%"],
        ["Percent as text number", 1, 1, 1, 1, "40"],
        ["Empty", 1, 1, 1, 1, null],
      ],
    );
    expect(reading.rejected).toEqual([]);
    const byName = Object.fromEntries(reading.workflows.map((r) => [r.workflow.name, r]));
    expect(byName["Fraction"].workflow.adoption).toBe(0.6);
    expect(byName["Fraction"].notes).toEqual([]);
    expect(byName["Percent number"].workflow.adoption).toBeCloseTo(0.8, 12);
    expect(byName["Percent number"].notes).toEqual(["Column H (Adoption): 80 read as 80 %"]);
    expect(byName["Percent text"].workflow.adoption).toBeCloseTo(0.75, 12);
    expect(byName["Percent text"].notes).toEqual([]);
    expect(byName["Percent as text number"].workflow.adoption).toBeCloseTo(0.4, 12);
    expect(byName["Percent as text number"].notes).toHaveLength(1);
    expect(byName["Empty"].workflow.adoption).toBeNull();
  });

  it("rejects an adoption out of range: above 100, negative, above 100 %", () => {
    const reading = readRows(
      [...HEADERS, "Adoption rate (%)"],
      [
        ["Too high", 1, 1, 1, 1, 150],
        ["Negative", 1, 1, 1, 1, -0.2],
        ["Too high text", 1, 1, 1, 1, "120%"],
      ],
    );
    expect(reading.workflows).toEqual([]);
    expect(reading.rejected.map((r) => [r.row, r.name, r.problems.map((p) => [p.column, p.found])])).toEqual([
      [6, "Too high", [["H", "150"]]],
      [7, "Negative", [["H", "-0.2"]]],
      [8, "Too high text", [["H", '"120%"']]],
    ]);
    expect(reading.rejected[0].problems[0].header).toBe("Adoption rate (%)");
    expect(reading.rejected[0].problems[0].expected).toMatch(/share from 0 to 1/);
  });

  it("reads yes/no words in any case, Excel's booleans and empty cells", () => {
    const words: [GridValue, boolean][] = [
      ["Yes", true],
      ["y", true],
      ["TRUE", true],
      ["1", true],
      [1, true],
      ["x", true],
      ["X", true],
      [true, true],
      ["no", false],
      ["N", false],
      ["false", false],
      ["0", false],
      [0, false],
      [false, false],
      [null, false],
      ["  ", false],
    ];
    const reading = readRows(
      [...HEADERS, "Confidential data"],
      words.map(([cell], i) => [`W${i}`, 1, 1, 1, 1, cell]),
    );
    expect(reading.rejected).toEqual([]);
    expect(reading.workflows.map((r) => r.workflow.sensitiveData)).toEqual(words.map(([, yes]) => yes));
  });

  it("rejects a yes/no cell it cannot read", () => {
    const p = theProblem(readRows([...HEADERS, "Sensitive"], [["A", 1, 1, 1, 1, "maybe"]]));
    expect(p).toMatchObject({ column: "H", header: "Sensitive", found: '"maybe"' });
    expect(p.expected).toMatch(/yes or no/);
  });

  it("reads integration words and their synonyms", () => {
    const words: [GridValue, string][] = [
      ["None", "none"],
      ["no", "none"],
      ["N/A", "none"],
      [null, "none"],
      ["Light", "light"],
      ["low", "light"],
      ["MEDIUM", "light"],
      ["deep", "deep"],
      ["High", "deep"],
    ];
    const reading = readRows(
      [...HEADERS, "Integration depth"],
      words.map(([cell], i) => [`W${i}`, 1, 1, 1, 1, cell]),
    );
    expect(reading.rejected).toEqual([]);
    expect(reading.workflows.map((r) => r.workflow.integration)).toEqual(words.map(([, need]) => need));
    const p = theProblem(readRows([...HEADERS, "Integration"], [["A", 1, 1, 1, 1, "very deep"]]));
    expect(p).toMatchObject({ column: "H", found: '"very deep"' });
    expect(p.expected).toMatch(/none, light or deep/);
  });

  it("takes an empty integration cost as the default and 0 as the row's own", () => {
    const reading = readRows(
      [...HEADERS, "Integration cost ($)"],
      [
        ["Default", 1, 1, 1, 1, null],
        ["Zero", 1, 1, 1, 1, 0],
        ["Own", 1, 1, 1, 1, "25,000"],
      ],
    );
    expect(reading.workflows.map((r) => r.workflow.integrationCost)).toEqual([null, 0, 25000]);
  });

  it("keeps the task type as written, shown only", () => {
    const w = only(readRows([...HEADERS, "Task type"], [["A", 1, 1, 1, 1, " Drafting "]])).workflow;
    expect(w.taskType).toBe("Drafting");
  });

  it("rejects a row with an error value in a known column", () => {
    const p = theProblem(readRows(HEADERS, [["A", { error: "#N/A" }, 1, 1, 1]]));
    expect(p).toMatchObject({ row: 6, column: "D", header: "People", found: "the error value #N/A" });
    expect(p.message).toBe("Row 6, column D (People): found the error value #N/A; expected a number of at least 0");
    const q = theProblem(readRows([...HEADERS, "Integration"], [["A", 1, 1, 1, 1, { error: "#REF!" }]]));
    expect(q).toMatchObject({ column: "H", found: "the error value #REF!" });
  });

  it("rejects a row missing a required field, and lists every problem of the row", () => {
    const reading = readRows(HEADERS, [[null, 3, "", 5, "abc"]]);
    expect(reading.workflows).toEqual([]);
    expect(reading.rejected).toEqual([
      {
        row: 6,
        name: null,
        problems: [
          expect.objectContaining({
            column: "C",
            header: "Workflow",
            found: "an empty cell",
            expected: "a workflow name",
          }),
          expect.objectContaining({ column: "E", found: "an empty cell", expected: "a number of at least 0" }),
          expect.objectContaining({ column: "G", found: '"abc"' }),
        ],
      },
    ]);
  });
});

describe("readWorkflowTable: rows", () => {
  it("skips rows whose known columns are all empty, even where unknown columns hold something", () => {
    const reading = readRows(
      [...HEADERS, "Owner"],
      [
        ["First", 1, 1, 1, 1, "Ann"],
        [null, null, "  ", null, null, "a note in an unknown column"],
        [],
        ["Second", 2, 2, 2, 2, null],
      ],
    );
    expect(reading.rejected).toEqual([]);
    expect(reading.workflows.map((r) => [r.row, r.workflow.name])).toEqual([
      [6, "First"],
      [9, "Second"],
    ]);
  });

  it("analyses the first row with a name and reports later ones as duplicates, ignoring case and outer spaces", () => {
    const reading = readRows(HEADERS, [
      ["Contract review", 7, 20, 60, 110],
      ["Reports", 1, 1, 1, 1],
      ["  contract REVIEW ", 3, 3, 3, 3],
    ]);
    expect(reading.workflows.map((r) => r.workflow.name)).toEqual(["Contract review", "Reports"]);
    expect(reading.rejected).toHaveLength(1);
    const [dup] = reading.rejected;
    expect(dup).toMatchObject({ row: 8, name: "contract REVIEW" });
    expect(dup.problems).toHaveLength(1);
    expect(dup.problems[0]).toMatchObject({ row: 8, column: "C", header: "Workflow", found: '"  contract REVIEW "' });
    expect(dup.problems[0].expected).toMatch(/row 6/);
  });

  it("lets an invalid first row keep its name: the later valid row is still a duplicate", () => {
    const reading = readRows(HEADERS, [
      ["Reports", "many", 1, 1, 1],
      ["reports", 1, 1, 1, 1],
    ]);
    expect(reading.workflows).toEqual([]);
    expect(reading.rejected.map((r) => [r.row, r.problems.map((p) => p.column)])).toEqual([
      [6, ["D"]],
      [7, ["C"]],
    ]);
  });

  it("leaves unknown columns out of the analysis, even with error values in them", () => {
    const reading = readRows(["Notes", ...HEADERS, "Owner"], [["#whatever", "A", 1, 1, 1, 1, { error: "#DIV/0!" }]]);
    const read = only(reading);
    expect(read.workflow.name).toBe("A");
    expect(reading.columns.map((c) => c.field)).toEqual(["name", "people", "tasks", "minutes", "hourlyCost"]);
    expect(reading.columns[0].column).toBe("D");
  });

  it("names workbook rows and columns relative to where the table starts", () => {
    const reading = readWorkflowTable(
      grid(
        [
          [null, ...HEADERS],
          [null, "A", 1, 1, 1, 1],
          [null, "B", 1, 1, 1, "x"],
        ],
        12,
        27,
      ),
    );
    expect(reading.workflows[0].row).toBe(13);
    expect(reading.rejected[0].problems[0]).toMatchObject({ row: 14, column: "AF" });
    expect(reading.rejected[0].problems[0].message).toMatch(/^Row 14, column AF \(Hourly cost\)/);
  });

  it("reads short rows as if their missing cells were empty", () => {
    const p = theProblem(readRows(HEADERS, [["A", 1, 1, 1]]));
    expect(p).toMatchObject({ column: "G", found: "an empty cell" });
  });

  it("warns where a second column names a field already read, and uses the first", () => {
    const reading = readRows([...HEADERS, "FTE", "Sensitive"], [["A", 5, 1, 1, 1, 9, "no"]]);
    expect(only(reading).workflow.people).toBe(5);
    expect(reading.warnings).toEqual([
      expect.stringMatching(/^Column H \(FTE\) also names People; column D \(People\) is used/),
    ]);
  });
});

describe("readWorkflowTable: a table that cannot be read", () => {
  function tableError(values: GridValue[][]): TableError {
    try {
      readWorkflowTable(grid(values));
    } catch (error) {
      expect(error).toBeInstanceOf(TableError);
      return error as TableError;
    }
    throw new Error("expected a TableError");
  }

  it("names the missing required columns and the headers it found", () => {
    const error = tableError([
      ["Workflow", "Staff", "Tasks per person per month", "Minutes saved per task", "Rate"],
      ["A", 1, 1, 1, 1],
    ]);
    expect(error.message).toMatch(/People, Hourly cost/);
    expect(error.message).toMatch(/"Staff"/);
    expect(error.message).toMatch(/"Rate"/);
    expect(error.message).toMatch(/Budget!C5:J20/);
    expect(error.message).toMatch(/"Headcount"/);
  });

  it("refuses an empty range or an empty first row", () => {
    expect(tableError([]).message).toMatch(/no header row/);
    expect(tableError([[null, "  "], HEADERS]).message).toMatch(/no header row/);
  });

  it("refuses a header with no rows, or only empty ones", () => {
    expect(tableError([HEADERS]).message).toMatch(/no rows below it/);
    expect(tableError([HEADERS, [null, null, null, null, null], []]).message).toMatch(
      /every row below the header is empty/,
    );
  });
});

describe("readWorkflowTable: a mapping edited by hand", () => {
  const headers = ["Name", "Staff", "Tasks", "Mins", "Rate", "People"];
  const mapping: ColumnMatch[] = [
    { field: "name", index: 0, header: "Name", column: "?" },
    { field: "people", index: 1, header: "Staff", column: "?" },
    { field: "tasks", index: 2, header: "Tasks", column: "?" },
    { field: "minutes", index: 3, header: "Mins", column: "?" },
    { field: "hourlyCost", index: 4, header: "Rate", column: "?" },
  ];

  it("reads the columns it is given, naming their workbook letters", () => {
    const reading = readWorkflowTable(grid([headers, ["A", 3, 4, 5, 6, 99]]), mapping);
    expect(only(reading).workflow).toMatchObject({
      name: "A",
      people: 3,
      tasksPerPersonPerMonth: 4,
      minutesSavedPerTask: 5,
      hourlyCost: 6,
    });
    expect(reading.columns.map((c) => c.column)).toEqual(["C", "D", "E", "F", "G"]);
  });

  it("still requires every required field, and a column inside the table", () => {
    expect(() => readWorkflowTable(grid([headers, ["A", 3, 4, 5, 6]]), mapping.slice(0, 4))).toThrow(/Hourly cost/);
    const outside = [...mapping.slice(0, 4), { field: "hourlyCost" as const, index: 9, header: "Rate", column: "L" }];
    expect(() => readWorkflowTable(grid([headers, ["A", 3, 4, 5, 6]]), outside)).toThrow(TableError);
  });
});
