import type { GridValue } from "../../../src/workbook/layout";
import { fieldOfHeader } from "../../../src/workbook/read/columns";
import { readWorkflowTable } from "../../../src/workbook/read/readTable";
import type { TableReading } from "../../../src/workbook/reading";

/** sheets.md's Vendor and Vendor survival columns, read by the same rules as the other cells. */

const HEADERS = [
  "Workflow",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Sensitive data",
  "Vendor",
  "Vendor survival",
];

function read(rows: GridValue[][], headers: GridValue[] = HEADERS): TableReading {
  return readWorkflowTable({
    sheet: "Budget",
    address: "A1:H9",
    firstRow: 1,
    firstColumn: 1,
    values: [headers, ...rows],
  });
}

describe("the vendor columns' headers", () => {
  it.each([
    ["Vendor", "vendor"],
    ["AI vendor", "vendor"],
    ["Provider", "vendor"],
    ["tool VENDOR", "vendor"],
    ["Vendor survival", "vendorSurvival"],
    ["Vendor annual survival", "vendorSurvival"],
    ["Survival (%)", "vendorSurvival"],
  ])("%s feeds %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });
});

describe("reading Vendor and Vendor survival", () => {
  it("reads a name trimmed and a survival three ways, noting a number above 1 read as a percentage", () => {
    const reading = read([
      ["A", 1, 1, 1, 1, "no", "  Acme AI  ", 0.95],
      ["B", 1, 1, 1, 1, "no", "Acme AI", 95],
      ["C", 1, 1, 1, 1, "no", "Other", "90%"],
      ["D", 1, 1, 1, 1, "no", "", ""],
      ["E", 1, 1, 1, 1, "no", null, null],
    ]);
    expect(reading.rejected).toEqual([]);
    const [a, b, c, d, e] = reading.workflows;
    expect(a.workflow).toMatchObject({ vendor: "Acme AI", vendorSurvival: 0.95 });
    expect(a.notes).toEqual([]);
    expect(b.workflow).toMatchObject({ vendor: "Acme AI", vendorSurvival: 0.95 });
    expect(b.notes).toEqual(["Column H (Vendor survival): 95 read as 95 %"]);
    expect(c.workflow).toMatchObject({ vendor: "Other", vendorSurvival: 0.9 });
    expect(c.notes).toEqual([]);
    expect(d.workflow).toMatchObject({ vendor: null, vendorSurvival: null });
    expect(e.workflow).toMatchObject({ vendor: null, vendorSurvival: null });
  });

  it("without the columns every row names no vendor and gives no survival", () => {
    const reading = read([["A", 1, 1, 1, 1, "no"]], HEADERS.slice(0, 6));
    expect(reading.workflows[0].workflow).toMatchObject({ vendor: null, vendorSurvival: null });
  });

  it.each([
    [-0.1, "-0.1"],
    [101, "101"],
    ["120%", '"120%"'],
    ["likely", '"likely"'],
    ["0,9", '"0,9"'],
  ])("rejects a survival of %p, naming the cell and what was expected", (cell, found) => {
    const reading = read([["A", 1, 1, 1, 1, "no", "Acme", cell]]);
    expect(reading.workflows).toEqual([]);
    const [problem] = reading.rejected[0].problems;
    expect(problem.column).toBe("H");
    expect(problem.found).toBe(found);
    expect(problem.expected).toMatch(/a share from 0 to 1/);
    expect(problem.message).toMatch(/^Row 2, column H \(Vendor survival\): found /);
  });

  it("rejects an error value in Vendor, as in any known column", () => {
    const reading = read([["A", 1, 1, 1, 1, "no", { error: "#N/A" }, 0.9]]);
    expect(reading.rejected[0].problems[0].message).toBe(
      "Row 2, column G (Vendor): found the error value #N/A; expected a vendor name, or an empty cell",
    );
  });

  it("keeps a vendor written as a number as its text", () => {
    const reading = read([["A", 1, 1, 1, 1, "no", 365, 0.9]]);
    expect(reading.workflows[0].workflow.vendor).toBe("365");
  });
});
