import { chooseTable, describeCandidate } from "../../../src/workbook/chooseTable";
import type { TableCandidate } from "../../../src/workbook/port";

const GOOD = ["Workflow", "Headcount", "Tasks/person/month", "Min saved per task", "Hourly cost ($)"];
const BAD = ["Region", "Revenue"];

function candidate(id: string, kind: TableCandidate["kind"], headers: string[]): TableCandidate {
  return { id, kind, sheet: "S", address: "A1:E3", headers, rowCount: 2 };
}

describe("chooseTable", () => {
  it("prefers the first Excel table whose headers match, even after a matching range", () => {
    const chosen = chooseTable([
      candidate("S!A1:E3", "range", GOOD),
      candidate("Sales", "table", BAD),
      candidate("Flows", "table", GOOD),
      candidate("Flows2", "table", GOOD),
    ]);
    expect(chosen?.id).toBe("Flows");
  });

  it("falls back to the first range whose headers match", () => {
    const chosen = chooseTable([
      candidate("Sales", "table", BAD),
      candidate("S!A1:B3", "range", BAD),
      candidate("S!D1:H3", "range", GOOD),
    ]);
    expect(chosen?.id).toBe("S!D1:H3");
  });

  it("returns null where no candidate has every required column", () => {
    expect(chooseTable([candidate("Sales", "table", BAD), candidate("x", "range", GOOD.slice(0, 4))])).toBeNull();
    expect(chooseTable([])).toBeNull();
  });

  it("describes a candidate in one line", () => {
    expect(describeCandidate(candidate("Flows", "table", GOOD))).toBe('Table "Flows" on S!A1:E3, 2 rows');
    expect(describeCandidate({ ...candidate("S!A1:E2", "range", GOOD), rowCount: 1 })).toBe("Range S!A1:E3, 1 row");
  });
});
