import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readIntegration, readYesNo, type Workflow } from "../../src/model";

/** The embedded sample table (sample.md), read straight from the repo's copy of the CSV. */
export const SAMPLE_CSV = join(__dirname, "..", "..", "examples", "sample-workflows.csv");

/** Rows of a CSV without quoted fields, as header → text. The sample file has no quoted commas. */
export function readSimpleCsv(text: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const header = lines[0].split(",").map((cell) => cell.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    if (cells.length !== header.length)
      throw new Error(`expected ${header.length} cells, got ${cells.length}: ${line}`);
    return Object.fromEntries(header.map((name, i) => [name, cells[i].trim()]));
  });
}

function numberCell(row: Record<string, string>, column: string): number {
  const value = Number(row[column]);
  if (row[column] === "" || !Number.isFinite(value)) throw new Error(`${column}: not a number: "${row[column]}"`);
  return value;
}

/** The sample's workflows as sample.md analyses them: no adoption and no integration cost of their own. */
export function sampleWorkflows(): Workflow[] {
  return readSimpleCsv(readFileSync(SAMPLE_CSV, "utf8")).map((row) => {
    const sensitiveData = readYesNo(row["Sensitive data"]);
    const integration = readIntegration(row["Integration"]);
    if (sensitiveData === undefined || integration === undefined) throw new Error(`unreadable row: ${row.Workflow}`);
    return {
      name: row["Workflow"],
      people: numberCell(row, "People"),
      tasksPerPersonPerMonth: numberCell(row, "Tasks per person per month"),
      minutesSavedPerTask: numberCell(row, "Minutes saved per task"),
      hourlyCost: numberCell(row, "Hourly cost"),
      adoption: null,
      sensitiveData,
      integration,
      integrationCost: null,
      taskType: row["Task type"],
      vendor: null,
      vendorSurvival: null,
    };
  });
}
