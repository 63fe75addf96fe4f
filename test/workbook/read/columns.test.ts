import { FIELD_HEADERS, REQUIRED_FIELDS, matchColumns, normaliseHeader } from "../../../src/workbook/read/columns";

describe("header rule (sheets.md)", () => {
  it("ignores case, spaces, punctuation and a trailing unit in brackets", () => {
    expect(normaliseHeader("Hourly cost ($)")).toBe(normaliseHeader("hourly cost"));
    expect(normaliseHeader("  HOURLY   cost  ")).toBe("hourlycost");
    expect(normaliseHeader("Tasks / person / month")).toBe(
      normaliseHeader("Tasks per person per month".replace(/ per /g, "/")),
    );
    expect(normaliseHeader("Time saved per task (min)")).toBe("timesavedpertask");
  });

  it("matches every synonym of the spec's table to its field", () => {
    const synonyms: [string, string][] = [
      ["Workflow name", "name"],
      ["Process", "name"],
      ["Use case", "name"],
      ["Headcount", "people"],
      ["Employees", "people"],
      ["Users", "people"],
      ["FTE", "people"],
      ["Tasks/person/month", "tasks"],
      ["Monthly tasks per person", "tasks"],
      ["Min saved per task", "minutes"],
      ["Time saved per task (min)", "minutes"],
      ["Loaded hourly cost", "hourlyCost"],
      ["Loaded rate", "hourlyCost"],
      ["Cost per hour", "hourlyCost"],
      ["Adoption rate", "adoption"],
      ["Sensitive", "sensitive"],
      ["Confidential data", "sensitive"],
      ["Integration need", "integration"],
      ["Integration depth", "integration"],
      ["One-time cost", "integrationCost"],
      ["Task", "taskType"],
    ];
    for (const [header, field] of synonyms) {
      const { columns } = matchColumns([header], 1);
      expect(columns).toEqual([{ field, index: 0, header, column: "A" }]);
    }
  });

  it("matches headers written with units, odd spacing and case", () => {
    const headers = [
      "  WORKFLOW ",
      "people (FTE)",
      "Tasks per person per month [#]",
      "Minutes saved per task (min)",
      "Hourly cost ($)",
      "adoption (%)",
    ];
    const { columns, missing } = matchColumns(headers, 3);
    expect(missing).toEqual([]);
    expect(columns.map((c) => [c.field, c.column, c.header])).toEqual([
      ["name", "C", "WORKFLOW"],
      ["people", "D", "people (FTE)"],
      ["tasks", "E", "Tasks per person per month [#]"],
      ["minutes", "F", "Minutes saved per task (min)"],
      ["hourlyCost", "G", "Hourly cost ($)"],
      ["adoption", "H", "adoption (%)"],
    ]);
  });

  it('does not read "Integration cost" as Integration', () => {
    const { columns } = matchColumns(["Integration cost"], 1);
    expect(columns.map((c) => c.field)).toEqual(["integrationCost"]);
    expect(matchColumns(["Integration"], 1).columns.map((c) => c.field)).toEqual(["integration"]);
  });

  it("leaves unknown columns out and lists the required fields no column feeds", () => {
    const { columns, missing } = matchColumns(["Workflow", "Owner", null, { error: "#REF!" }, 42, "Hourly cost"], 1);
    expect(columns.map((c) => c.field)).toEqual(["name", "hourlyCost"]);
    expect(missing).toEqual(["people", "tasks", "minutes"]);
  });

  it("uses the first of two columns naming the same field", () => {
    const { columns } = matchColumns(["Workflow", "People", "FTE"], 1);
    expect(columns.filter((c) => c.field === "people")).toEqual([
      { field: "people", index: 1, header: "People", column: "B" },
    ]);
  });

  it("names columns past Z with two letters", () => {
    const headers: string[] = Array(27).fill("x");
    headers[26] = "Workflow";
    expect(matchColumns(headers, 1).columns[0].column).toBe("AA");
  });

  it("keeps the canonical header first and five required fields", () => {
    expect(FIELD_HEADERS.hourlyCost[0]).toBe("Hourly cost");
    expect(FIELD_HEADERS.integrationCost[0]).toBe("Integration cost");
    expect([...REQUIRED_FIELDS].sort()).toEqual(["hourlyCost", "minutes", "name", "people", "tasks"]);
  });
});
