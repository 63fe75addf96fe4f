import { strToU8, zipSync } from "fflate";
import { assertWorkbookFile, identifyFile } from "../../../src/workbook/xlsx/fileKind";
import { XlsxError } from "../../../src/workbook/xlsx/read";
import { budgetWithTable } from "../../support/workbooks";
import { corpusFile, renameParts } from "./support/zipParts";

/** No library's words, paths or addresses reach the user. */
const LIBRARY_TEXT = /https?:|jszip|fflate|exceljs|invalid zip|unexpected|undefined|Error:|\bat \w+ \(/i;

/** A compound file (the container of .xls, .doc and encrypted workbooks) whose directory names these streams. */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  ["Root Entry", ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) bytes[at + 2 * k] = name.charCodeAt(k);
    bytes[at + 64] = (name.length + 1) * 2;
    bytes[at + 66] = i === 0 ? 5 : 2;
  });
  return bytes;
}

function expectProblem(bytes: Uint8Array, kind: string, words: RegExp, fileName?: string) {
  const identity = identifyFile(bytes, fileName);
  expect(identity.kind).toBe(kind);
  expect(identity.problem).toMatch(words);
  expect(identity.problem).not.toMatch(LIBRARY_TEXT);
  expect(() => assertWorkbookFile(bytes, fileName)).toThrow(XlsxError);
}

describe("telling a file's kind from its bytes", () => {
  test("a workbook, an .xlsm, a strict workbook", async () => {
    expect(identifyFile(await budgetWithTable())).toEqual({ kind: "workbook", problem: null, macroEnabled: false });
    expect(identifyFile(corpusFile("xlsxwriter__macro01.xlsm")).macroEnabled).toBe(true);
    expect(identifyFile(corpusFile("sheetjs__sheet_visibility_strict.xlsx")).kind).toBe("workbook");
    expect(assertWorkbookFile(await budgetWithTable()).kind).toBe("workbook");
  });

  test("an empty file", () => {
    expectProblem(new Uint8Array(0), "empty", /"budget\.xlsx" is empty \(0 bytes\)/, "budget.xlsx");
    expectProblem(new Uint8Array(0), "empty", /^This file is empty/);
  });

  test("CSV and other text, whatever the file is called", () => {
    const csv = strToU8("Workflow,People\nSupport,3\nSales,4\n");
    expectProblem(csv, "csv", /separated by commas.*\(CSV\).*save it as an Excel Workbook \(\.xlsx\)/, "budget.xlsx");
    expectProblem(strToU8("Workflow;People\r\nSupport;3\r\n"), "csv", /CSV/);
    expectProblem(strToU8("Workflow\tPeople\nSupport\t3\n"), "csv", /CSV/);
    expectProblem(strToU8("Dear team,\nhere is the budget.\nThanks!"), "text", /text file/, "notes.txt");
    expectProblem(strToU8("Dear team, hello"), "csv", /CSV/, "budget.csv");
    expectProblem(strToU8("Just some words\nand more words"), "text", /is a text file, not an Excel workbook/);
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from("A\tB\n1\t2\n").flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expectProblem(utf16, "csv", /CSV/, "export.txt");
  });

  test("a web page and an XML Spreadsheet 2003 saved under .xls", () => {
    expectProblem(
      strToU8("<html><body><table><tr><td>1</td></tr></table></body></html>"),
      "html",
      /web page \(HTML\)/,
      "report.xls",
    );
    expectProblem(
      strToU8('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      "xmlSpreadsheet2003",
      /XML Spreadsheet 2003/,
    );
  });

  test("compound files: .xls, an encrypted workbook, a Word document", () => {
    expectProblem(compoundFile(["Workbook", "SummaryInformation"]), "xls", /Excel 97-2003 workbook \(\.xls\)/);
    expectProblem(
      compoundFile(["EncryptionInfo", "EncryptedPackage"]),
      "encrypted",
      /protected with a password.*File > Info > Protect Workbook/,
    );
    expectProblem(compoundFile(["WordDocument"]), "compoundNotWorkbook", /Word 97-2003 document/);
    expectProblem(compoundFile(["Something"]), "compoundNotWorkbook", /not an Excel workbook/);
  });

  test("zips that are not workbooks: .xlsb, .ods, other OpenDocument, Word, a plain archive, a partial workbook", async () => {
    expectProblem(corpusFile("sheetjs__1904.xlsb"), "xlsb", /Excel Binary Workbook \(\.xlsb\)/);
    expectProblem(corpusFile("sheetjs__1904.ods"), "ods", /OpenDocument spreadsheet \(\.ods\)/);
    const odt = zipSync({
      mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }],
      "content.xml": strToU8("<x/>"),
    });
    expectProblem(odt, "openDocumentNotSpreadsheet", /OpenDocument file but not a spreadsheet \(it is text\)/);
    const docx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    expectProblem(docx, "officeNotWorkbook", /Word document/);
    const archive = zipSync({ "readme.txt": strToU8("hello"), "budget/notes.txt": strToU8("x") });
    expectProblem(archive, "zipNotWorkbook", /zip archive, not an Excel workbook.*unzip it first/);
    expectProblem(corpusFile("exceljs__missing-bits.xlsx"), "damagedWorkbook", /no workbook part/);
    const noTypes = renameParts(await budgetWithTable(), (n) => (n === "[Content_Types].xml" ? null : n));
    expectProblem(noTypes, "damagedWorkbook", /\[Content_Types\]\.xml\) is missing/);
  });

  test("a damaged zip: cut short, or its directory overwritten", async () => {
    const whole = await budgetWithTable();
    expectProblem(whole.subarray(0, Math.floor(whole.length / 2)), "damagedZip", /damaged.*cut short/, "budget.xlsx");
    const scrambled = whole.slice();
    scrambled.fill(0x41, scrambled.length - 200);
    expectProblem(scrambled, "damagedZip", /damaged/);
  });

  test("bytes of no known kind", () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    noise[0] = 0x00;
    expectProblem(noise, "unknown", /not an Excel workbook \(\.xlsx\) and its kind could not be recognised/);
  });
});
