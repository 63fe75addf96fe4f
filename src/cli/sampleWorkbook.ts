import { Workbook } from "exceljs";
import { sampleRows } from "../workbook/sampleTable";

/**
 * The sample company's budget workbook (docs/spec/sample.md), built from examples/sample-workflows.csv the way
 * a finance team would lay it out: a title above an Excel table named Workflows that starts at B4, a column the
 * analysis does not know (Owner), a source line under the table, and a notes sheet.
 */

export const SAMPLE_TABLE = "Workflows";
export const SAMPLE_SHEET = "Budget 2026";
/** Top-left cell of the table's header. */
export const SAMPLE_TABLE_AT = "B4";

const OWNERS: Record<string, string> = {
  "Customer support replies": "Head of Support",
  "Sales proposals and RFP answers": "Sales Director",
  "Financial analysis and reporting": "Finance Controller",
  "Contract review": "General Counsel",
  "Operations reports": "Operations Manager",
  "Internal communications": "Communications Lead",
  "Warehouse and field operations": "Logistics Manager",
};

export async function buildSampleWorkbook(csv: string): Promise<Uint8Array> {
  const [header, ...body] = sampleRows(csv);
  const workbook = new Workbook();
  workbook.creator = "AIBUDGET sample";
  workbook.created = new Date(Date.UTC(2026, 0, 15));
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(SAMPLE_SHEET);
  sheet.getCell("A1").value = "Northwind Services: AI budget 2026";
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getCell("A2").value =
    "Workflows proposed for AI support, 200 people in all. Tasks and minutes saved are the team leads' estimates; hourly cost is fully loaded.";
  sheet.getCell("A2").font = { italic: true };

  const columns = [...header.map(String), "Owner"];
  const rows = body.map((cells) => [...cells, OWNERS[String(cells[0])] ?? ""]);
  sheet.addTable({
    name: SAMPLE_TABLE,
    ref: SAMPLE_TABLE_AT,
    headerRow: true,
    style: { theme: "TableStyleMedium9", showRowStripes: true },
    columns: columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
  const hourly = columns.indexOf("Hourly cost");
  const widths = columns.map((name, i) => (i === 0 ? 34 : Math.max(12, Math.min(name.length + 2, 18))));
  widths.forEach((width, i) => {
    sheet.getColumn(2 + i).width = width;
  });
  sheet.getColumn(1).width = 4;
  if (hourly >= 0) {
    for (let r = 0; r < rows.length; r++) sheet.getCell(5 + r, 2 + hourly).numFmt = '"$"#,##0';
  }
  const below = 5 + rows.length + 1;
  sheet.getCell(below, 2).value = "Source: team lead survey, November 2025. Hourly cost from the payroll model.";
  sheet.getCell(below, 2).font = { italic: true, size: 9 };

  const notes = workbook.addWorksheet("Notes");
  notes.getColumn(1).width = 100;
  [
    "How to use this workbook",
    "Run the AI Budget add-in (or `npm run analyze -- examples/sample-budget.xlsx --out result.xlsx`).",
    "It reads the Workflows table on the Budget 2026 sheet and adds its own sheets: AI Assumptions, AI Allocation, AI Workings, AI Comparison, AI Budget, AI Vendors and AI Sensitivity.",
    "The Owner column is for people, not for the analysis: it is left out and left alone.",
    "Adoption is not given per workflow, so the assumption (80 %) applies to every row.",
  ].forEach((line, i) => {
    notes.getCell(i + 1, 1).value = line;
    if (i === 0) notes.getCell(i + 1, 1).font = { bold: true };
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
