import fc from "fast-check";
import type { GridValue } from "../../../src/workbook/layout";
import { readWorkflowTable } from "../../../src/workbook/read/readTable";
import { TableError } from "../../../src/workbook/read/tableError";

const HEADERS = [
  "Workflow",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Adoption",
  "Sensitive",
  "Integration",
  "Integration cost",
  "Vendor",
  "Vendor survival",
  "Notes",
];

const cellArb: fc.Arbitrary<GridValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1,200", "1,5", "80%", "(500)", "yes", "deep", " ", "x", "n/a", "$12.50"),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 500 }),
  fc.boolean(),
  fc.constantFrom<GridValue>({ error: "#N/A" }, { error: "#REF!" }),
);

describe("readWorkflowTable on arbitrary cells", () => {
  it("never crashes: every row with content is either read or rejected with a problem naming a cell in the table", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { maxLength: HEADERS.length + 2 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 30 }),
        (body, firstRow, firstColumn) => {
          const grid = { sheet: "S", address: "A1", firstRow, firstColumn, values: [HEADERS, ...body] };
          let reading;
          try {
            reading = readWorkflowTable(grid);
          } catch (error) {
            expect(error).toBeInstanceOf(TableError);
            return;
          }
          const rows = [...reading.workflows.map((w) => w.row), ...reading.rejected.map((r) => r.row)];
          expect(new Set(rows).size).toBe(rows.length);
          for (const row of rows) expect(row).toBeGreaterThan(firstRow);
          for (const row of rows) expect(row).toBeLessThanOrEqual(firstRow + body.length);
          for (const r of reading.rejected) {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p.message.startsWith(`Row ${r.row}, column ${p.column} (`)).toBe(true);
          }
          for (const { workflow } of reading.workflows) {
            for (const n of [
              workflow.people,
              workflow.tasksPerPersonPerMonth,
              workflow.minutesSavedPerTask,
              workflow.hourlyCost,
            ]) {
              expect(Number.isFinite(n) && n >= 0).toBe(true);
            }
            if (workflow.adoption !== null) expect(workflow.adoption >= 0 && workflow.adoption <= 1).toBe(true);
            if (workflow.vendorSurvival !== null) {
              expect(workflow.vendorSurvival >= 0 && workflow.vendorSurvival <= 1).toBe(true);
            }
            if (workflow.vendor !== null) expect(workflow.vendor).toBe(workflow.vendor.trim());
            if (workflow.vendor !== null) expect(workflow.vendor).not.toBe("");
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
