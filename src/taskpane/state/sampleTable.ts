import type { TableCandidate, WorkbookPort } from "../../workbook/port";
import { sampleRows } from "../../workbook/sampleTable";

/** Where the sample goes: a new sheet and table whose names no candidate uses yet. */
export const SAMPLE_SHEET = "Sample workflows";
export const SAMPLE_TABLE = "SampleWorkflows";

function freeName(wanted: string, taken: readonly string[], suffix: (n: number) => string): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!lower.has(suffix(n).toLowerCase())) return suffix(n);
}

/**
 * Inserts the sample table through the port, the one way the wizard's button and the playground's "Start from
 * the sample" both do it. The names avoid the sheets and tables the workbook already lists.
 */
export async function insertSampleTable(
  port: Pick<WorkbookPort, "insertTable" | "listTables">,
  csvText: string,
): Promise<TableCandidate> {
  const existing = await port.listTables();
  const sheet = freeName(
    SAMPLE_SHEET,
    existing.map((c) => c.sheet),
    (n) => `${SAMPLE_SHEET} (${n})`,
  );
  const table = freeName(
    SAMPLE_TABLE,
    existing.filter((c) => c.kind === "table").map((c) => c.id),
    (n) => `${SAMPLE_TABLE}${n}`,
  );
  return port.insertTable(sheet, table, sampleRows(csvText));
}
