import { readdirSync } from "fs";
import { Workbook, type CellValue } from "exceljs";
import type { GridValue } from "../../../src/workbook/layout";
import { identifyFile } from "../../../src/workbook/xlsx/fileKind";
import { openReader, type WorkbookReader } from "../../../src/workbook/xlsx/read";
import { scanCells } from "../../../src/workbook/xlsx/read/sheetCells";
import { readSharedStrings, unescapeXstring } from "../../../src/workbook/xlsx/read/sharedStrings";
import { CORPUS, corpusFile, zipParts } from "./support/zipParts";

const files = readdirSync(CORPUS).filter((f) => /\.(xlsx|xlsm|xls|xlsb|ods)$/.test(f));

/** What each file that is not a readable workbook is, and words its message must hold. */
const NOT_READABLE: Record<string, [string, RegExp]> = {
  "excelize__encryptAES.xlsx": ["encrypted", /password.*File > Info > Protect Workbook/],
  "sheetjs__1904.xls": ["xls", /Excel 97-2003 workbook \(\.xls\).*save it as an Excel Workbook \(\.xlsx\)/],
  "sheetjs__1904.xlsb": ["xlsb", /Excel Binary Workbook \(\.xlsb\).*save it as an Excel Workbook \(\.xlsx\)/],
  "sheetjs__1904.ods": ["ods", /OpenDocument spreadsheet \(\.ods\).*Save As/],
  "exceljs__missing-bits.xlsx": ["damagedWorkbook", /no workbook part/],
};

/** Workbooks that open but are broken inside, and the message reading them gives. */
const BROKEN: Record<string, RegExp> = {
  "excelize__BadWorkbook.xlsx": /lists no sheets/,
};

test("the corpus is all here", () => {
  expect(files).toHaveLength(69);
});

describe.each(files)("%s", (file) => {
  const bytes = corpusFile(file);

  test("is identified, and a file that cannot be read is told what it is and what to do", () => {
    const identity = identifyFile(bytes, file);
    const expected = NOT_READABLE[file];
    if (expected) {
      expect(identity.kind).toBe(expected[0]);
      expect(identity.problem).toMatch(expected[1]);
      expect(identity.problem).toContain(`"${file}"`);
      expect(identity.problem).not.toMatch(/https?:|jszip|fflate|Error:/i);
    } else {
      expect(identity).toEqual({ kind: "workbook", problem: null, macroEnabled: /\.xlsm$/.test(file) });
    }
  });

  if (NOT_READABLE[file]) return;

  test("opens, and lists its sheets, names, tables and candidates without throwing", () => {
    const parts = zipParts(bytes);
    if (BROKEN[file]) {
      expect(() => openReader(parts)).toThrow(BROKEN[file]);
      return;
    }
    const reader = openReader(parts);
    expect(reader.index.sheets.length).toBeGreaterThan(0);
    for (const sheet of reader.index.sheets) {
      expect(sheet.name).not.toBe("");
      expect(sheet.part).not.toBeNull();
    }
    if (file === "exceljs__invalid-xml.xlsx") {
      // Its one sheet's XML has text before the root element: named as damaged, with what to do.
      expect(() => reader.listCandidates(new Set())).toThrow(/the sheet "Sheet1".*not well-formed XML.*repair/);
      return;
    }
    const candidates = reader.listCandidates(new Set());
    for (const c of candidates) {
      const grid = reader.readGrid(c.id);
      expect(grid.values.length - 1).toBe(c.rowCount);
      expect(grid.values[0].map((v) => (v === null ? "" : typeof v === "object" ? v.error : String(v)))).toEqual(
        c.headers,
      );
    }
    // Only the parts an index and the sheets' cells need were inflated: never a picture, a chart or VBA.
    expect(parts.inflated.filter((n) => /\.(bin|png|jpe?g|emf|wmf)$|charts\/|drawings\/|media\//.test(n))).toEqual([]);
  });
});

/**
 * A cell as ExcelJS reads it, in the reader's terms (ExcelJS leaves `_x000D_` escapes in text, so the comparison
 * decodes them on its side): the cached result of a formula, a date as its serial. */
function excelJsValue(value: CellValue | undefined, date1904: boolean): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
  if (typeof value !== "object") return String(value);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    return excelJsValue((value as { result?: CellValue }).result, date1904);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    if (typeof text === "string") return text;
    if (text && typeof text === "object" && "richText" in text) {
      return (text as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
    }
  }
  return null;
}

function readerCells(
  reader: WorkbookReader,
  parts: ReturnType<typeof zipParts>,
  sheetName: string,
): Map<string, GridValue> {
  const sheet = reader.index.sheets.find((s) => s.name === sheetName)!;
  const cells = new Map<string, GridValue>();
  const strings = readSharedStrings(parts, reader.index.sharedStringsPart);
  scanCells(
    parts.text(sheet.part!),
    sheet.name,
    { sharedStrings: () => strings, date1904: reader.index.date1904 },
    (r, c, v) => {
      cells.set(`${r},${c}`, v);
    },
  );
  return cells;
}

/** Files ExcelJS 4.4 cannot load, or reads otherwise than the file says (see each reason). */
const EXCELJS_CANNOT: Record<string, string> = {
  "excelize__BadWorkbook.xlsx": "no sheets",
  "exceljs__invalid-xml.xlsx": "not well-formed",
};

describe("cells read as ExcelJS reads them, for every corpus workbook ExcelJS can read", () => {
  const readable = files.filter((f) => !NOT_READABLE[f] && !BROKEN[f] && !EXCELJS_CANNOT[f]);
  test.each(readable)("%s", async (file) => {
    const bytes = corpusFile(file);
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch {
      return expect(file).toBe("one ExcelJS could load");
    }
    const parts = zipParts(bytes);
    const reader = openReader(parts);
    const date1904 = reader.index.date1904;
    let compared = 0;
    const differences: string[] = [];
    for (const ws of workbook.worksheets) {
      const ours = readerCells(reader, parts, ws.name);
      const theirs = new Map<string, GridValue>();
      const formulas = new Set<string>();
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          const v = excelJsValue(cell.value, date1904);
          if (v !== null) theirs.set(`${r},${c}`, typeof v === "string" ? unescapeXstring(v) : v);
          if (cell.formula !== undefined) formulas.add(`${r},${c}`);
        }),
      );
      for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
        const a = ours.get(key) ?? null;
        const b = theirs.get(key) ?? null;
        compared++;
        // ExcelJS drops a formula's cached result when it is 0, FALSE or "": the file holds it, the reader reads it.
        if (b === null && formulas.has(key) && (a === 0 || a === false || a === "")) continue;
        const same =
          typeof a === "number" && typeof b === "number"
            ? Math.abs(a - b) < 1e-6
            : JSON.stringify(a) === JSON.stringify(b);
        if (!same) differences.push(`${ws.name}!${key}: ours ${JSON.stringify(a)}, ExcelJS ${JSON.stringify(b)}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(0);
  });
});
