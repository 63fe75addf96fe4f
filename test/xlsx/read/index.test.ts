import { Workbook } from "exceljs";
import { openReader } from "../../../src/workbook/xlsx/read";
import { addTable, bytesOf, sampleRows } from "../../support/workbooks";
import { corpusFile, editZip, renameParts, zipParts } from "./support/zipParts";

function open(bytes: Uint8Array) {
  const parts = zipParts(bytes);
  return { parts, reader: openReader(parts) };
}

describe("the workbook index", () => {
  test("sheets in order with their states, in a transitional and in a strict file", () => {
    for (const [file, strict] of [
      ["sheetjs__sheet_visibility.xlsx", false],
      ["sheetjs__sheet_visibility_strict.xlsx", true],
    ] as const) {
      const { reader } = open(corpusFile(file));
      expect(reader.index.strict).toBe(strict);
      expect(reader.index.sheets.map((s) => [s.name, s.state, s.kind, s.position])).toEqual([
        ["Visible", "visible", "worksheet", 0],
        ["Hidden", "hidden", "worksheet", 1],
        ["VeryHidden", "veryHidden", "worksheet", 2],
      ]);
      expect(reader.index.sheets.map((s) => s.part)).toEqual([
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
      ]);
      expect(reader.index.sharedStringsPart).toBe("xl/sharedStrings.xml");
      expect(reader.index.stylesPart).toBe("xl/styles.xml");
    }
  });

  test("every kind of sheet is told apart, macros are seen, and only worksheets give candidates", () => {
    const { reader } = open(corpusFile("sheetjs__BlankSheetTypes.xlsm"));
    expect(reader.index.sheets.map((s) => [s.name, s.kind, s.sheetId, s.relId])).toEqual([
      ["Sheet1", "worksheet", 1, "rId1"],
      ["Chart1", "chartsheet", 4, "rId2"],
      ["Macro1", "macrosheet", 2, "rId3"],
      ["Dialog1", "dialogsheet", 3, "rId4"],
    ]);
    expect(reader.index.hasMacros).toBe(true);
    expect(reader.index.workbookContentType).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(reader.listCandidates(new Set()).every((c) => c.sheet === "Sheet1")).toBe(true);
    expect(open(corpusFile("xlsxwriter__table01.xlsx")).reader.index.hasMacros).toBe(false);
  });

  test("defined names: workbook- and sheet-scoped, hidden, constants, as written", () => {
    const { reader } = open(corpusFile("xlsxwriter__defined_name01.xlsx"));
    expect(reader.index.definedNames).toEqual([
      { name: "_Egg", localSheetId: null, text: "Sheet1!$A$1", hidden: false },
      { name: "_xlnm._FilterDatabase", localSheetId: 0, text: "Sheet1!$F$1:$G$1", hidden: true },
      { name: "_Fog", localSheetId: null, text: "Sheet1!$A$1", hidden: false },
      { name: "aaa", localSheetId: 1, text: "Sheet2!$A$1", hidden: false },
      { name: "Abc", localSheetId: null, text: "Sheet1!$A$1", hidden: false },
      { name: "Bar", localSheetId: 2, text: "'Sheet 3'!$A$1", hidden: false },
      { name: "Bar", localSheetId: 0, text: "Sheet1!$A$1", hidden: false },
      { name: "Bar", localSheetId: 1, text: "Sheet2!$A$1", hidden: false },
      { name: "Baz", localSheetId: null, text: "0.98", hidden: false },
      { name: "_xlnm.Print_Area", localSheetId: 0, text: "Sheet1!$A$1:$E$6", hidden: false },
    ]);
    expect(reader.sheetOfName("abc")).toBe("Sheet1");
    expect(reader.sheetOfName("Baz")).toBeNull();
    // Sheet-scoped names are no workbook-level name.
    expect(reader.sheetOfName("aaa")).toBeNull();
  });

  test("non-ASCII names and a name whose text is a table reference", () => {
    const unicode = open(corpusFile("sheetjs__defined_names_unicode.xlsx")).reader.index.definedNames;
    expect(unicode.length).toBe(6);
    expect(unicode.some((n) => [...n.name].some((ch) => ch.charCodeAt(0) > 127))).toBe(true);
    const pivot = open(corpusFile("sheetjs__pivot_table_named_range.xlsx")).reader.index.definedNames;
    expect(pivot).toContainEqual({ name: "PTData", localSheetId: null, text: "Table1[#All]", hidden: false });
  });

  test("the 1904 date system", () => {
    expect(open(corpusFile("exceljs__1904.xlsx")).reader.index.date1904).toBe(true);
    expect(open(corpusFile("sheetjs__1904-1904.xlsx")).reader.index.date1904).toBe(true);
    expect(open(corpusFile("xlsxwriter__table01.xlsx")).reader.index.date1904).toBe(false);
  });

  test("tables with totals rows and calculated columns", () => {
    const { reader } = open(corpusFile("xlsxwriter__table10.xlsx"));
    expect(reader.index.tables).toHaveLength(1);
    const [table] = reader.index.tables;
    expect({ ...table, columns: table.columns.length }).toEqual({
      id: 1,
      name: "Table1",
      displayName: "Table1",
      sheet: "Sheet1",
      part: "xl/tables/table1.xml",
      relId: expect.stringMatching(/^rId\d+$/),
      ref: "B3:K6",
      headerRowCount: 1,
      totalsRowCount: 1,
      columns: 10,
    });
    expect(table.columns[0]).toEqual({ id: 1, name: "Column1", calculatedFormula: null });
    expect(table.columns[9]).toEqual({
      id: 10,
      name: "Column10",
      calculatedFormula: "SUM(Table1[[#This Row],[Column1]:[Column3]])",
    });
    const pivot = open(corpusFile("sheetjs__pivot_table_named_range.xlsx")).reader.index.tables[0];
    expect(pivot.columns.map((c) => c.calculatedFormula)).toEqual([
      null,
      "A2*2",
      'IF(MOD(A2,3)=0,"fizz","")',
      'IF(MOD(A2,5)=0,"buzz","")',
      "IF(LEN(C2&D2)=0,A2,C2&D2)",
    ]);
  });

  test("a table part named by an absolute target, as some writers put it", () => {
    const absolute = editZip(corpusFile("xlsxwriter__table01.xlsx"), (name, text) =>
      /worksheets\/_rels\//.test(name) ? text.replace(/Target="\.\.\/tables\//g, 'Target="/xl/tables/') : text,
    );
    const { reader } = open(absolute);
    expect(reader.index.tables.map((t) => [t.name, t.part, t.ref])).toEqual([
      ["Table1", "xl/tables/table1.xml", "C3:F13"],
    ]);
  });

  test("a workbook part of another name, found by the package's root relationship", async () => {
    const moved = renameParts(
      editZip(await sampleBook(), (name, text) =>
        name === "_rels/.rels" || name === "[Content_Types].xml"
          ? text.replace(/xl\/workbook\.xml/g, "xl/workbook2.xml")
          : text,
      ),
      (name) =>
        name
          .replace(/^xl\/workbook\.xml$/, "xl/workbook2.xml")
          .replace("xl/_rels/workbook.xml.rels", "xl/_rels/workbook2.xml.rels"),
    );
    const { reader, parts } = open(moved);
    expect(parts.has("xl/workbook.xml")).toBe(false);
    expect(reader.index.workbookPart).toBe("xl/workbook2.xml");
    expect(reader.index.workbookRelsPart).toBe("xl/_rels/workbook2.xml.rels");
    expect(reader.index.sheets.map((s) => s.name)).toEqual(["Budget"]);
    expect(reader.readGrid("Workflows").values).toEqual(sampleRows());
  });

  test("without the package's root relationships, the workbook part is found by its content type", () => {
    const dropped = renameParts(corpusFile("xlsxwriter__table01.xlsx"), (name) =>
      name === "_rels/.rels" ? null : name,
    );
    const { reader, parts } = open(dropped);
    expect(parts.has("_rels/.rels")).toBe(false);
    expect(reader.index.workbookPart).toBe("xl/workbook.xml");
    expect(reader.index.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a workbook whose structure is protected says so", async () => {
    const plain = await sampleBook();
    expect(open(plain).reader.index.lockStructure).toBe(false);
    const locked = editZip(plain, (name, text) =>
      name === "xl/workbook.xml" ? text.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>') : text,
    );
    expect(open(locked).reader.index.lockStructure).toBe(true);
  });

  test("the index reads no sheet's cells and inflates only the parts that hold it", () => {
    const { parts } = open(corpusFile("excelize__Book1.xlsx"));
    expect(
      parts.inflated.filter((n) => /worksheets\/sheet|sharedStrings|styles|drawings|charts|media/.test(n)),
    ).toEqual([]);
  });

  test("content types and the workbook's relationships, resolved to part names", () => {
    const { reader } = open(corpusFile("sheetjs__sheet_visibility_strict.xlsx"));
    expect(reader.index.contentTypes.defaults.xml).toBe("application/xml");
    expect(reader.index.contentTypes.overrides["xl/workbook.xml"]).toMatch(/spreadsheetml\.sheet\.main\+xml$/);
    expect(reader.index.workbookRelationships).toContainEqual({
      id: "rId6",
      type: "http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings",
      target: "xl/sharedStrings.xml",
      external: false,
    });
  });
});

async function sampleBook(): Promise<Uint8Array> {
  const workbook = new Workbook();
  addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
  return bytesOf(workbook);
}
