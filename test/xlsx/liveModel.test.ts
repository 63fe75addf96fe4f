import { strFromU8 } from "fflate";
import type { AnalysisLayout, LayoutCell, SheetLayout } from "../../src/workbook/layout";
import { SHEET_MARKERS } from "../../src/workbook/marker";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { addTable, bytesOf, openBytes, sampleRows } from "../support/workbooks";
import { Workbook } from "exceljs";
import { corpusBytes, partText, storedParts, unzipParts } from "./support/package";
import { schemaErrors } from "./support/schemas";

/**
 * What the adapter writes of layout v2 (src/workbook/layout.ts): cell styles mapped to formats added at the end
 * of the styles, inline strings, cached formula results of every type, defined names, validations, frozen
 * panes, print setup, the three chart kinds with explicit orientation; and the workbook-level rules: free names,
 * strict and macro-enabled packages, structure protection, a workbook made from nothing. ExcelJS reads the
 * results back as an independent reader.
 */

function assumptions(): SheetLayout {
  return {
    role: "assumptions",
    name: "AI Assumptions",
    rows: [
      [{ value: "AI Budget assumptions", style: "title" }],
      [
        { value: "Assumption", style: "header" },
        { value: "Value", style: "header" },
      ],
      [
        { value: "Years", style: "label" },
        { value: 3, style: "input", numberFormat: "0" },
      ],
      [
        { value: "Discount rate", style: "label" },
        { value: 0.08, style: "input", numberFormat: "0.0%" },
      ],
      [
        { value: "Sensitive data", style: "label" },
        { value: "No", style: "input" },
      ],
      [
        { value: "Twice the years", style: "label" },
        { value: 6, formula: "=AIBUDGET_Years*2", style: "formula" },
      ],
      [{ value: "Warning: headcount below the sum", style: "warning" }],
      [{ value: "Figures are estimates", style: "note" }],
      [
        { value: "Text, yes and empty results", style: "label" },
        { value: "three", formula: '=IF(AIBUDGET_Years=3,"three","other")' },
        { value: true, formula: "=AIBUDGET_Years>2" },
        { value: "", formula: '=IF(AIBUDGET_Years>5,"x","")' },
      ],
      [{ value: " padded text " }, { value: "tab\tand _x0041_ and \u0001" }],
    ],
    tables: [],
    columnWidths: [30, 12],
    charts: [],
    names: [
      { name: "AIBUDGET_Years", ref: "B3" },
      { name: "AIBUDGET_DiscountRate", ref: "B4" },
    ],
    validations: [
      { range: "B5", kind: "list", items: ["Yes", "No"] },
      { range: "B4", kind: "decimal", min: 0, max: 1 },
      { range: "B3", kind: "whole", min: 1, max: 30 },
    ],
    freeze: { rows: 2, columns: 1 },
    print: { landscape: true, fitToOnePageWide: true, repeatRows: { first: 2, last: 2 } },
  };
}

function charts(): SheetLayout {
  return {
    role: "sensitivity",
    name: "AI Sensitivity",
    rows: [
      [{ value: "Input" }, { value: "NPV at low" }, { value: "NPV at high" }],
      [{ value: "Adoption" }, { value: 100 }, { value: 300 }],
      [{ value: "Years" }, { value: 150 }, { value: 250 }],
      [{ value: "Rate" }, { value: 180 }, { value: 220 }],
    ],
    tables: [{ name: "AISensitivity", range: "A1:C4" }],
    columnWidths: [20, 14, 14],
    charts: [
      { kind: "barClustered", title: "Tornado", dataRange: "A1:C4", seriesBy: "columns", anchor: "E2" },
      { kind: "line", title: "By input", dataRange: "A1:C4", seriesBy: "rows", anchor: "E22" },
      { kind: "columnClustered", title: "Columns", dataRange: "A1:C4", seriesBy: "columns", anchor: "N2" },
    ],
  };
}

function layout(): AnalysisLayout {
  return { sheets: [assumptions(), charts()] };
}

async function budget(): Promise<Uint8Array> {
  const workbook = new Workbook();
  addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
  return bytesOf(workbook);
}

function sheetPartOf(bytes: Uint8Array, sheet: string): string {
  const workbook = partText(bytes, "xl/workbook.xml");
  const rels = partText(bytes, "xl/_rels/workbook.xml.rels");
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const relId = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(\\w+)"`).exec(workbook)![1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return partText(bytes, `xl/${target}`);
}

describe("cells", () => {
  let bytes: Uint8Array;
  let excel: Workbook;
  beforeAll(async () => {
    const book = await XlsxWorkbook.load(await budget());
    await book.writeAnalysis(layout());
    bytes = await book.save();
    excel = await openBytes(bytes);
  });

  test("each style reads as financial models mark it, in the workbook's default font", () => {
    const sheet = excel.getWorksheet("AI Assumptions")!;
    expect(sheet.getCell("B3").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(sheet.getCell("B3").font).toMatchObject({ color: { argb: "FF0000FF" }, name: "Calibri", size: 11 });
    expect(sheet.getCell("B3").numFmt).toBe("0");
    expect(sheet.getCell("B4").numFmt).toBe("0.0%");
    for (const cell of ["A1", "A2", "B2", "A3"]) expect(sheet.getCell(cell).font?.bold).toBe(true);
    expect(sheet.getCell("A8").font).toMatchObject({ italic: true, color: { argb: "FF595959" } });
    expect(sheet.getCell("A7").font).toMatchObject({ color: { argb: "FF9C0006" } });
    expect(sheet.getCell("B6").font?.bold).toBeFalsy();
    expect(JSON.stringify(sheet.getCell("B6").fill ?? {})).not.toContain("solid");
  });

  test("text is inline, formulas carry cached results of every type, shared strings are untouched", async () => {
    const xml = sheetPartOf(bytes, "AI Assumptions");
    expect(xml).toContain('t="inlineStr"><is><t>Years</t></is>');
    expect(xml).toMatch(/<c r="B6"[^>]*><f>AIBUDGET_Years\*2<\/f><v>6<\/v><\/c>/);
    expect(xml).toMatch(
      /<c r="B9"[^>]* t="str"><f>IF\(AIBUDGET_Years=3,&quot;three&quot;,&quot;other&quot;\)<\/f><v>three<\/v>/,
    );
    expect(xml).toMatch(/<c r="C9"[^>]* t="b"><f>AIBUDGET_Years&gt;2<\/f><v>1<\/v>/);
    expect(xml).toMatch(/<c r="D9"[^>]* t="str"><f>[^<]*<\/f><v><\/v><\/c>/);
    expect(xml).toContain('<t xml:space="preserve"> padded text </t>');
    const sheet = excel.getWorksheet("AI Assumptions")!;
    expect(sheet.getCell("B9").value).toEqual({ formula: 'IF(AIBUDGET_Years=3,"three","other")', result: "three" });
    expect(sheet.getCell("C9").value).toEqual({ formula: "AIBUDGET_Years>2", result: true });
    // Characters XML cannot hold are escaped as Excel does, and read back as written (by the adapter's reader).
    const reread = await (await XlsxWorkbook.load(bytes)).readTable("'AI Assumptions'!A10:B10");
    expect(reread.values).toEqual([[" padded text ", "tab\tand _x0041_ and \u0001"]]);
    expect(unzipParts(bytes).has("xl/sharedStrings.xml")).toBe(unzipParts(await budget()).has("xl/sharedStrings.xml"));
  });

  test("defined names are absolute and workbook-level; repeated rows are the sheet's own Print_Titles", () => {
    const names = new Map(excel.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names.get("AIBUDGET_Years")).toEqual(["'AI Assumptions'!$B$3"]);
    expect(names.get(SHEET_MARKERS.assumptions)).toEqual(["'AI Assumptions'!$A$1"]);
    expect(names.get(SHEET_MARKERS.sensitivity)).toEqual(["'AI Sensitivity'!$A$1"]);
    const workbook = partText(bytes, "xl/workbook.xml");
    // "Budget" is sheet 0; AI Assumptions the second sheet.
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'AI Assumptions'!$2:$2</definedName>`,
    );
  });

  test("validations, frozen panes and print setup are in the sheet", () => {
    const sheet = excel.getWorksheet("AI Assumptions")!;
    expect(sheet.getCell("B5").dataValidation).toMatchObject({ type: "list", formulae: ['"Yes,No"'] });
    expect(sheet.getCell("B4").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
    });
    expect(sheet.getCell("B3").dataValidation).toMatchObject({ type: "whole", formulae: [1, 30] });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  test("each chart kind is drawn with the orientation the layout states", () => {
    const parts = unzipParts(bytes);
    const chartsXml = [...parts.keys()]
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .sort()
      .map((n) => strFromU8(parts.get(n)!));
    expect(chartsXml).toHaveLength(3);
    const [tornado, line, columns] = chartsXml;
    expect(tornado).toContain('<c:barDir val="bar"/>');
    // By columns: a series per data column (NPV at low, NPV at high) over the inputs.
    expect(tornado.match(/<c:ser>/g)).toHaveLength(2);
    expect(tornado).toContain("<c:f>'AI Sensitivity'!$B$1</c:f>");
    expect(tornado).toContain("<c:f>'AI Sensitivity'!$A$2:$A$4</c:f>");
    // By rows: a series per input over the two ends.
    expect(line).toContain("<c:lineChart>");
    expect(line.match(/<c:ser>/g)).toHaveLength(3);
    expect(line).toContain("<c:f>'AI Sensitivity'!$B$2:$C$2</c:f>");
    expect(columns).toContain('<c:barDir val="col"/>');
    const drawing = sheetPartOf(bytes, "AI Sensitivity");
    expect(drawing).toMatch(/<drawing r:id="rId\d+"\/><tableParts count="1">/);
  });

  test("the parts written are valid against the schemas", async () => {
    const parts = unzipParts(bytes);
    const before = unzipParts(await budget());
    const written = [...parts]
      .filter(([name]) => /\.(xml|rels)$/.test(name) && !before.has(name))
      .map(([name, data]) => ({ label: name, xml: strFromU8(data) }));
    expect(written.length).toBeGreaterThan(8);
    const errors = await schemaErrors(written);
    expect([...errors].filter(([, e]) => e.length > 0)).toEqual([]);
  });
});

describe("formulas filled down", () => {
  /** A fill of two columns over rows 2–5: the first row's formulas, the rest values only (layout.ts, LayoutFill). */
  function filled(): SheetLayout {
    const rows: LayoutCell[][] = [1, 2, 3, 4].map((a) => [
      { value: a, style: "input" },
      { value: a * 2, style: "formula" },
      { value: (a * (a + 1)) / 2, style: "formula" },
    ]);
    rows[0][1].formula = "=A2*2";
    rows[0][2].formula = "=SUM($A$2:A2)";
    return {
      role: "workings",
      name: "AI Workings",
      rows: [
        [
          { value: "n", style: "header" },
          { value: "Double", style: "header" },
          { value: "Sum", style: "header" },
        ],
        ...rows,
      ],
      tables: [],
      columnWidths: [8, 8, 8],
      charts: [],
      fills: [{ firstRow: 2, lastRow: 5, firstColumn: 2, lastColumn: 3 }],
    };
  }

  let bytes: Uint8Array;
  beforeAll(async () => {
    const book = await XlsxWorkbook.load(await budget());
    await book.writeAnalysis({ sheets: [filled()] });
    bytes = await book.save();
  });

  test("are shared formulas: each column's text once, every later cell with its cached value", () => {
    const xml = sheetPartOf(bytes, "AI Workings");
    expect(xml).toMatch(/<c r="B2"[^>]*><f t="shared" ref="B2:B5" si="0">A2\*2<\/f><v>2<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C2"[^>]*><f t="shared" ref="C2:C5" si="1">SUM\(\$A\$2:A2\)<\/f><v>1<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B5"[^>]*><f t="shared" si="0"\/><v>8<\/v><\/c>/);
    expect(xml).toMatch(/<c r="C5"[^>]*><f t="shared" si="1"\/><v>10<\/v><\/c>/);
    expect(xml.match(/A2\*2/g)).toHaveLength(1);
  });

  test("read by another program as each cell's own formula, and valid against the schemas", async () => {
    const sheet = (await openBytes(bytes)).getWorksheet("AI Workings")!;
    expect(sheet.getCell("B4").formula).toBe("A4*2");
    expect(sheet.getCell("C5").formula).toBe("SUM($A$2:A5)");
    const errors = await schemaErrors([{ label: "AI Workings", xml: sheetPartOf(bytes, "AI Workings") }]);
    expect(errors.get("AI Workings")).toEqual([]);
  });
});

describe("names", () => {
  test("a defined name the user has is not reused: the add-in's takes a free one and its formulas follow", async () => {
    const workbook = new Workbook();
    addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
    workbook.getWorksheet("Budget")!.getCell("K1").value = 7;
    workbook.definedNames.add("Budget!$K$1", "AIBUDGET_Years");
    const book = await XlsxWorkbook.load(await bytesOf(workbook));
    await book.writeAnalysis(layout());
    const excel = await openBytes(await book.save());
    const names = new Map(excel.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names.get("AIBUDGET_Years")).toEqual(["Budget!$K$1"]);
    expect(names.get("AIBUDGET_Years2")).toEqual(["'AI Assumptions'!$B$3"]);
    expect(excel.getWorksheet("AI Assumptions")!.getCell("B6").value).toEqual({
      formula: "AIBUDGET_Years2*2",
      result: 6,
    });
  });

  test("a re-run keeps a user's name pointing into an own sheet, and replaces only the add-in's names", async () => {
    const book = await XlsxWorkbook.load(await budget());
    await book.writeAnalysis(layout());
    const once = await openBytes(await book.save());
    once.definedNames.add("'AI Assumptions'!$B$4", "MyRate");
    const again = await XlsxWorkbook.load(await bytesOf(once));
    await again.writeAnalysis(layout());
    const bytes = await again.save();
    const names = (await openBytes(bytes)).definedNames.model.map((n) => n.name);
    expect(names).toContain("MyRate");
    expect(names.filter((n) => n === "AIBUDGET_Years")).toHaveLength(1);
    expect(partText(bytes, "xl/workbook.xml").match(/_xlnm\.Print_Titles/g)).toHaveLength(1);
  });

  test("table ids are unique in the package", async () => {
    const book = await XlsxWorkbook.load(corpusBytes("xlsxwriter__table10.xlsx"));
    await book.insertTable("Sample", "Sample", sampleRows() as (string | number)[][]);
    await book.writeAnalysis(layout());
    const parts = unzipParts(await book.save());
    const ids = [...parts]
      .filter(([n]) => /^xl\/tables\/table\d+\.xml$/.test(n))
      .map(([, d]) => /<table\b[^>]*\bid="(\d+)"/.exec(strFromU8(d))![1]);
    expect(ids.length).toBe(3);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("packages of every kind", () => {
  test("a strict workbook gets strict parts", async () => {
    const book = await XlsxWorkbook.load(corpusBytes("sheetjs__sheet_visibility_strict.xlsx"));
    await book.insertTable("Sample", "Sample", sampleRows() as (string | number)[][]);
    await book.writeAnalysis(layout());
    const bytes = await book.save();
    const sheet = sheetPartOf(bytes, "AI Sensitivity");
    expect(sheet).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(sheet).toContain('xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"');
    expect(sheet).not.toContain("schemas.openxmlformats.org/spreadsheetml");
    const parts = unzipParts(bytes);
    const chart = [...parts.keys()].find((n) => /^xl\/charts\//.test(n))!;
    expect(strFromU8(parts.get(chart)!)).toContain('xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"');
    expect(partText(bytes, "xl/_rels/workbook.xml.rels")).toMatch(
      /Type="http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships\/worksheet" Target="worksheets\/sheet\d+\.xml"\/><\/Relationships>$/,
    );
  });

  test("a macro-enabled workbook stays one: its content type and VBA project are kept", async () => {
    const input = corpusBytes("xlsxwriter__macro01.xlsm");
    const book = await XlsxWorkbook.load(input);
    await book.writeAnalysis(layout());
    const bytes = await book.save();
    expect(partText(bytes, "[Content_Types].xml")).toContain(
      'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
    expect(
      Buffer.compare(
        Buffer.from(unzipParts(bytes).get("xl/vbaProject.bin")!),
        Buffer.from(unzipParts(input).get("xl/vbaProject.bin")!),
      ),
    ).toBe(0);
  });

  test("a structure-protected workbook is refused with what to do, and left as it was", async () => {
    const workbook = new Workbook();
    addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", sampleRows());
    const plain = await bytesOf(workbook);
    const parts = unzipParts(plain);
    const xml = strFromU8(parts.get("xl/workbook.xml")!).replace(
      /<sheets>/,
      '<workbookProtection lockStructure="1"/><sheets>',
    );
    parts.set("xl/workbook.xml", new TextEncoder().encode(xml));
    const { zipSync } = await import("fflate");
    const locked = zipSync(Object.fromEntries(parts));
    const book = await XlsxWorkbook.load(locked);
    await expect(book.writeAnalysis(layout())).rejects.toThrow(/structure is protected.*Review > Protect Workbook/);
    await expect(book.insertTable("Sample", "Sample", [["a"]])).rejects.toThrow(/Review > Protect Workbook/);
    await expect(book.saveSettings("{}")).rejects.toThrow(/Review > Protect Workbook/);
    const saved = storedParts(await book.save());
    for (const [name, stored] of storedParts(locked))
      expect(Buffer.compare(Buffer.from(saved.get(name)!), Buffer.from(stored))).toBe(0);
    expect([...saved.keys()]).toEqual([...storedParts(locked).keys()]);
  });

  test("a workbook made from nothing has the inserted sheet as its first and only tab", async () => {
    const book = XlsxWorkbook.create();
    expect(await book.listTables()).toEqual([]);
    expect(await book.ownSheets()).toEqual([]);
    await book.insertTable("Sample workflows", "SampleWorkflows", sampleRows() as (string | number)[][]);
    const excel = await openBytes(await book.save());
    expect(excel.worksheets.map((s) => s.name)).toEqual(["Sample workflows"]);
    // Saved before anything was written, it still is a workbook: one empty sheet.
    const empty = await openBytes(await XlsxWorkbook.create().save());
    expect(empty.worksheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
