/**
 * Reading the embedded sample (examples/sample-workflows.csv) into rows. Host-free, so the wizard's "Insert the
 * sample table", the playground and the command line's sample workbook all read it the same way.
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
