import { Workbook } from "exceljs";
import { DEFAULT_ASSUMPTIONS } from "../../../src/model";
import { analyseGrid } from "../../../src/workbook/analyse";
import { openReader, type WorkbookReader } from "../../../src/workbook/xlsx/read";
import { SAMPLE_ALLOCATION } from "../../support/sampleFigures";
import { addTable, budgetWithTable, bytesOf, putRows, sampleRows } from "../../support/workbooks";
import { corpusFile, editZip, zipParts } from "./support/zipParts";

function readerOf(bytes: Uint8Array): WorkbookReader {
  return openReader(zipParts(bytes));
}

const NONE = new Set<string>();
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A one-sheet workbook whose sheet XML is `sheetData` (and `rest` after it), written by hand. */
async function withSheetData(sheetData: string, rest = ""): Promise<Uint8Array> {
  const workbook = new Workbook();
  workbook.addWorksheet("Data").getCell("A1").value = "placeholder";
  workbook.addWorksheet("Other").getCell("A1").value = "shared";
  return editZip(await bytesOf(workbook), (name, text) =>
    name === "xl/worksheets/sheet1.xml"
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${sheetData}${rest}</worksheet>`
      : text,
  );
}

/** Every SpreadsheetML element written with an `x:` prefix, as .NET's System.IO.Packaging writers do. */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s>/])/g, (m, slash: string, name: string) =>
      name.includes(":") ? m : `<${slash}x:${name}`,
    )
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
}

/** Adds the sample company's seven workflows as an Excel table whose Hourly cost is a calculated column. */
async function sampleWithCalculatedColumn(): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  const rows = sampleRows();
  const hourly = rows[0].indexOf("Hourly cost");
  const withSalary = rows.map((r, i) => [...r, i === 0 ? "Annual salary" : (r[hourly] as number) * 1600]);
  addTable(sheet, "Workflows", "A1", withSalary);
  const formula = "Workflows[[#This Row],[Annual salary]]/1600";
  for (let r = 2; r <= rows.length; r++) {
    sheet.getCell(r, hourly + 1).value = { formula, result: rows[r - 1][hourly] as number };
  }
  return editZip(await bytesOf(workbook), (name, text) =>
    name === "xl/tables/table1.xml"
      ? text.replace(
          /<tableColumn ([^>]*)name="Hourly cost"([^>]*?)\/>/,
          `<tableColumn $1name="Hourly cost"$2><calculatedColumnFormula>${formula}</calculatedColumnFormula></tableColumn>`,
        )
      : text,
  );
}

describe("reading a sheet's cells", () => {
  test("what each kind of cell holds: shared and inline strings, rich text, formulas' cached values, booleans, errors, dates", async () => {
    const bytes = await withSheetData(
      "<sheetData>" +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Workflow</t></is></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">Hourly </t></r><r><rPr><b/></rPr><t>cost</t></r></is></c>' +
        '<c r="C1" t="s"><v>0</v></c><c r="D1" t="inlineStr"><is><t>Ok</t></is></c><c r="E1" t="inlineStr"><is><t>When</t></is></c></row>' +
        '<row r="2"><c r="A2" t="str"><f>"Sup"&amp;"port"</f><v>Support</v></c><c r="B2"><f>40+5</f><v>45</v></c><c r="C2" t="e"><f>NA()</f><v>#N/A</v></c>' +
        '<c r="D2" t="b"><v>1</v></c><c r="E2" t="d"><v>2026-01-31T00:00:00</v></c></row>' +
        // No r attributes: the next row, the next column.
        '<row><c><v>1.5E3</v></c><c s="0"/><c t="b"><v>0</v></c></row>' +
        '<row r="5"><c r="A5" t="inlineStr"><is><t>Line one_x000D_&#10;line &amp; two</t></is></c></row>' +
        "</sheetData>",
    );
    const grid = readerOf(bytes).readGrid("Data!A1:E5");
    expect(grid.values).toEqual([
      ["Workflow", "Hourly cost", "placeholder", "Ok", "When"],
      ["Support", 45, { error: "#N/A" }, true, 46053], // 2026-01-31 is Excel day 46053
      [1500, null, false, null, null],
      [null, null, null, null, null],
      ["Line one\r\nline & two", null, null, null, null],
    ]);
  });

  test("shared and array formulas are read by their cached values", () => {
    const shared = readerOf(corpusFile("sheetjs__1904-1904.xlsx")).readGrid("Sheet1!C1:C4");
    expect(shared.values.map((r) => r[0])).toEqual(["1904-01-02", "1904-01-12", "1904-04-21", "1907-01-16"]);
    const array = readerOf(corpusFile("xlsxwriter__array_formula01.xlsx")).readGrid("Sheet1!A1:C3");
    expect(array.values).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  test("1904 dates stay the numbers the cells hold; an ISO date cell counts from 1904 there", async () => {
    const reader = readerOf(corpusFile("sheetjs__1904-1904.xlsx"));
    expect(reader.readGrid("Sheet1!A1:B5").values).toEqual([
      [1, 1],
      [11, 11],
      [111, 111],
      [1111, 1111],
      [11111, 11111],
    ]);
    const isoIn1904 = editZip(corpusFile("sheetjs__1904-1904.xlsx"), (name, text) =>
      name === "xl/worksheets/sheet1.xml"
        ? text.replace(/<c r="B1" s="1"><v>1<\/v><\/c>/, '<c r="B1" s="1" t="d"><v>1904-01-02</v></c>')
        : text,
    );
    expect(readerOf(isoIn1904).readGrid("Sheet1!B1").values).toEqual([[1]]);
  });

  test("rich text runs are joined; phonetic readings are left out", () => {
    const grid = readerOf(corpusFile("sheetjs__phonetic_text.xlsx")).readGrid("Sheet1!A1:A2");
    expect(grid.values).toEqual([["漢字"], ["漢字withColor"]]);
  });

  test("a strict workbook reads as its transitional twin", () => {
    const transitional = readerOf(corpusFile("sheetjs__sheet_visibility.xlsx"));
    const strict = readerOf(corpusFile("sheetjs__sheet_visibility_strict.xlsx"));
    expect(strict.index.strict).toBe(true);
    for (const sheet of ["Visible", "Hidden", "VeryHidden"]) {
      expect(strict.readGrid(`${sheet}!A1:G2`)).toEqual(transitional.readGrid(`${sheet}!A1:G2`));
    }
    expect(strict.listCandidates(NONE)).toEqual(transitional.listCandidates(NONE));
    expect(strict.listCandidates(NONE).length).toBeGreaterThan(0);
  });

  test("namespace prefixes on every element (x:c, x:v), in the sheet, workbook, strings, styles and table parts", async () => {
    const plain = await budgetWithTable();
    const withPrefixes = editZip(plain, (name, text) =>
      /^xl\/(worksheets\/sheet\d|workbook|sharedStrings|styles|tables\/table\d)\.xml$/.test(name)
        ? prefixed(text)
        : text,
    );
    const sheetXml = zipParts(withPrefixes).text("xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<x:sheetData>.*<x:c r="B4"/s);
    expect(sheetXml).not.toMatch(/<(c|v|row) /);
    const reader = readerOf(withPrefixes);
    expect(reader.listCandidates(NONE)).toEqual(readerOf(plain).listCandidates(NONE));
    expect(reader.readGrid("Workflows")).toEqual(readerOf(plain).readGrid("Workflows"));
    expect(reader.readGrid("Workflows").values).toEqual(sampleRows());
  });

  test("a workflow table whose column is a calculated column is read by its cached values, with sample.md's figures", async () => {
    const bytes = await sampleWithCalculatedColumn();
    const reader = readerOf(bytes);
    const hourly = reader.index.tables[0].columns.find((c) => c.name === "Hourly cost")!;
    expect(hourly.calculatedFormula).toBe("Workflows[[#This Row],[Annual salary]]/1600");
    const [candidate] = reader.listCandidates(NONE);
    expect(candidate).toMatchObject({ id: "Workflows", kind: "table", rowCount: 7 });
    const grid = reader.readGrid("Workflows");
    expect(grid.values.map((r) => r.slice(0, 8))).toEqual(sampleRows());
    const analysis = analyseGrid(grid, DEFAULT_ASSUMPTIONS, {}, new Date(Date.UTC(2026, 0, 5)));
    expect(analysis.reading.rejected).toEqual([]);
    expect(analysis.analyses.map((a) => [a.workflow.name, a.tier, Math.round(a.chosen.annualValue)])).toEqual(
      SAMPLE_ALLOCATION.map((s) => [s.workflow, s.tier, s.annualValue]),
    );
    expect(analysis.analyses.map((a) => Math.round(a.chosen.annualCost))).toEqual(
      SAMPLE_ALLOCATION.map((s) => s.annualCost),
    );
    expect(analysis.analyses.map((a) => Math.round(a.chosen.pvBenefits))).toEqual(
      SAMPLE_ALLOCATION.map((s) => s.pvBenefits),
    );
  });

  test("a sheet that claims the whole grid as its dimension but holds three cells", async () => {
    const bytes = await withSheetData(
      '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Workflow</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>People</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Support</t></is></c></row></sheetData>',
    );
    const reader = readerOf(bytes);
    const before = process.memoryUsage().heapUsed;
    const candidates = reader.listCandidates(NONE);
    expect(candidates.filter((c) => c.sheet === "Data")).toEqual([
      {
        id: "Data!A1:B2",
        kind: "range",
        sheet: "Data",
        address: "A1:B2",
        headers: ["Workflow", "People"],
        rowCount: 1,
      },
    ]);
    // 17 billion cells were claimed; a reader that believed it would not get here, let alone in 64 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 2 ** 20);
  });

  test("a stray cell at A1048576: beside an Excel table it changes nothing; below a block, the block reaches it and the figures stand", async () => {
    const stray = (bytes: Uint8Array) =>
      editZip(bytes, (name, text) =>
        name === "xl/worksheets/sheet1.xml"
          ? text.replace(
              /<\/sheetData>/,
              '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
            )
          : text,
      );
    const table = readerOf(stray(await budgetWithTable()));
    expect(table.listCandidates(NONE).map((c) => [c.id, c.address])).toEqual([["Workflows", "B4:I11"]]);
    expect(table.readGrid("Workflows").values).toEqual(sampleRows());

    const workbook = new Workbook();
    putRows(workbook.addWorksheet("Budget"), { row: 1, column: 1 }, sampleRows());
    const block = readerOf(stray(await bytesOf(workbook)));
    const [candidate] = block.listCandidates(NONE);
    expect([candidate.id, candidate.rowCount]).toEqual(["Budget!A1:H1048576", 1048575]);
    const grid = block.readGrid(candidate.id);
    expect(grid.values).toHaveLength(1048576);
    const analysis = analyseGrid(grid, DEFAULT_ASSUMPTIONS, {}, new Date(Date.UTC(2026, 0, 5)));
    expect(analysis.analyses.map((a) => a.workflow.name)).toEqual(SAMPLE_ALLOCATION.map((s) => s.workflow));
  });

  test("merged cells: only the cells that hold a value are read", () => {
    const reader = readerOf(corpusFile("sheetjs__merge_cells.xlsx"));
    const grid = reader.readGrid(reader.listCandidates(NONE)[0]?.id ?? "Sheet1!A1:D4");
    const filled = grid.values.flat().filter((v) => v !== null);
    expect(filled.length).toBeGreaterThan(0);
    expect(new Set(filled.map((v) => JSON.stringify(v))).size).toBe(filled.length);
  });

  test("a sheet that is not well-formed is named as damaged; the other sheets are still listed", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/worksheets/sheet2.xml" ? text.replace("</sheetData>", "<row></sheetData>") : text,
    );
    const reader = readerOf(bytes);
    expect(reader.listCandidates(NONE).map((c) => c.id)).toEqual(["Workflows"]);
    expect(() => reader.readGrid("Notes!A1:B2")).toThrow(
      /The workbook is damaged: the sheet "Notes" \(xl\/worksheets\/sheet2\.xml\) is not well-formed XML.*Open it in Excel, let Excel repair it/,
    );
  });

  test("only the rows a block needs are read, and the scan stops below it", async () => {
    const rows = [sampleRows()[0], ...Array.from({ length: 2000 }, (_, i) => [`Workflow ${i}`, 1, 2, 3, 4])];
    const workbook = new Workbook();
    putRows(workbook.addWorksheet("Budget"), { row: 1, column: 1 }, rows);
    const bytes = editZip(await bytesOf(workbook), (name, text) =>
      // Damage far below the rows asked for: a scan that read them would fail.
      name === "xl/worksheets/sheet1.xml" ? text.replace(/<row r="1500"/, '<row r="1500" <bad') : text,
    );
    const reader = readerOf(bytes);
    expect(reader.readGrid("Budget!A1:B3").values).toEqual([
      ["Workflow", "People"],
      ["Workflow 0", 1],
      ["Workflow 1", 1],
    ]);
  });
});
