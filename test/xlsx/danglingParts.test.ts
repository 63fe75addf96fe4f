import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { analyseCopy, corpusBytes, partText, unzipParts } from "./support/package";
import { registrationProblems } from "./support/registration";

/**
 * Some writers leave a workbook pointing at parts it lacks: readxl's and openxlsx's example files (seen among the
 * workbooks of Debian's R packages) give every sheet a drawing relationship and a content-type override for a
 * drawing that was never written. The add-in's own parts must not take those names: its chart would turn up on
 * the user's sheet, and its second run would cut the user's override as its own.
 */

const SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels";

function withDanglingDrawing(): Uint8Array {
  const parts = unzipSync(corpusBytes("xlsxwriter__cond_format01.xlsx"));
  parts[SHEET_RELS] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" ` +
      `Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  parts["[Content_Types].xml"] = strToU8(
    strFromU8(parts["[Content_Types].xml"]).replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    ),
  );
  return zipSync(parts);
}

test("a part the workbook points at but lacks is never taken for the add-in's own, on the first run or the next", async () => {
  const input = withDanglingDrawing();
  const { output } = await analyseCopy(input);
  const { output: again } = await analyseCopy(output, { insert: false });
  for (const bytes of [output, again]) {
    const names = [...unzipParts(bytes).keys()];
    // The add-in drew its charts, under names of their own.
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).length).toBeGreaterThanOrEqual(3);
    expect(names).not.toContain("xl/drawings/drawing1.xml");
    expect(names).not.toContain("xl/charts/chart1.xml");
    expect(partText(bytes, SHEET_RELS)).toBe(partText(input, SHEET_RELS));
    expect(registrationProblems(input, bytes)).toEqual([]);
  }
});
