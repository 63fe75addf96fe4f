import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { JSDOM } from "jsdom";
import { DEFAULT_ASSUMPTIONS } from "../../../src/model";
import { analyseGrid } from "../../../src/workbook/analyse";
import { buildAnalysisLayout } from "../../../src/workbook/sheets/buildLayout";
import { openZip, storedBytes } from "../../../src/workbook/xlsx/package/zipArchive";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/XlsxWorkbook";
import { sampleRows } from "../../support/workbooks";

/** Reading packages in the tests: parts unzipped with fflate's own reader, XML with jsdom's parser. */

export const CORPUS = join(__dirname, "..", "..", "fixtures", "corpus");

/** Corpus files that are not valid workbooks (not a zip, encrypted, no workbook part, no sheets, broken XML). */
export const NOT_WORKBOOKS = new Set([
  "excelize__BadWorkbook.xlsx",
  "excelize__encryptAES.xlsx",
  "exceljs__invalid-xml.xlsx",
  "exceljs__missing-bits.xlsx",
  "sheetjs__1904.ods",
  "sheetjs__1904.xls",
  "sheetjs__1904.xlsb",
]);

export function corpusWorkbooks(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.xls[xm]$/.test(f) && !NOT_WORKBOOKS.has(f))
    .sort();
}

export function corpusBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CORPUS, file)));
}

/** Every part, inflated, by name, in the zip's order. */
export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function partText(bytes: Uint8Array, name: string): string {
  const part = unzipParts(bytes).get(name);
  if (!part) throw new Error(`no part ${name}`);
  return strFromU8(part);
}

/** Each part's bytes as stored in the zip (still compressed). */
export function storedParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const archive = openZip(bytes);
  return new Map(archive.entries.map((e) => [e.name, storedBytes(archive, e)]));
}

const parser = new new JSDOM("").window.DOMParser();

export function parseXml(text: string): Document {
  return parser.parseFromString(text.replace(/^\uFEFF/, ""), "application/xml");
}

/** Child elements of `element` by local name (any prefix). */
export function children(element: Element, local?: string): Element[] {
  return Array.from(element.children).filter((c) => local === undefined || c.localName === local);
}

export function attributesOf(element: Element): Record<string, string> {
  return Object.fromEntries(Array.from(element.attributes).map((a) => [a.name, a.value]));
}

export const SAMPLE_TABLE = "SampleWorkflows";
export const ANALYSED_AT = new Date(Date.UTC(2026, 0, 15, 9, 30));

/** What the command line does: the sample table added, read back, analysed and written; the saved bytes. */
export async function analyseCopy(
  input: Uint8Array,
  options: { insert: boolean } = { insert: true },
): Promise<{ output: Uint8Array; book: XlsxWorkbook }> {
  const book = await XlsxWorkbook.load(input);
  const id = options.insert
    ? (await book.insertTable("Sample workflows", SAMPLE_TABLE, sampleRows() as (string | number)[][])).id
    : SAMPLE_TABLE;
  const grid = await book.readTable(id);
  const analysis = analyseGrid(grid, { ...DEFAULT_ASSUMPTIONS }, {}, ANALYSED_AT);
  await book.writeAnalysis(buildAnalysisLayout(analysis));
  return { output: await book.save(), book };
}
