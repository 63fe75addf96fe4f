/**
 * Cells copied from a spreadsheet and pasted as text: rows on lines, cells separated by tabs (what Excel,
 * LibreOffice and Google Sheets put on the clipboard), or by commas or semicolons where a line has no tab.
 * Plain numbers become numbers; everything else stays text for the table reader to judge, cell by cell.
 */
export function parsePastedRows(text: string): (string | number)[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const separator = lines.some((l) => l.includes("\t")) ? "\t" : lines.some((l) => l.includes(";")) ? ";" : ",";
  const rows = lines.map((line) =>
    line.split(separator).map((cell) => {
      const trimmed = cell.trim();
      return /^-?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
    }),
  );
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.filter((r) => r.some((c) => c !== "")).map((r) => [...r, ...Array<string>(width - r.length).fill("")]);
}
