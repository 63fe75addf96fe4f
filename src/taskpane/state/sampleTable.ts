import type { TableCandidate, WorkbookPort } from "../../workbook/port";

/**
 * The embedded sample (examples/sample-workflows.csv) as rows for `WorkbookPort.insertTable`: the header as
 * text, numbers as numbers, so the inserted table reads the way a user's own typed table would.
 */

/** Splits CSV text into rows of cells; quoted cells may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Header row as text; body cells that are plain numbers become numbers, everything else stays text. */
export function sampleRows(csvText: string): (string | number)[][] {
  const [header, ...body] = parseCsv(csvText);
  if (!header) throw new Error("The sample table is empty");
  return [
    header.map((cell) => cell.trim()),
    ...body.map((cells) => cells.map((cell) => (PLAIN_NUMBER.test(cell.trim()) ? Number(cell) : cell.trim()))),
  ];
}

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
