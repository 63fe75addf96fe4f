import { zipSync, strToU8 } from "fflate";
import { Workbook } from "exceljs";
import { ZipPartSource } from "../../../src/workbook/xlsx/package/partSourceZip";
import { openReader, XlsxError } from "../../../src/workbook/xlsx/read";
import { budgetWithTable, bytesOf } from "../../support/workbooks";
import { editZip, zipParts } from "./support/zipParts";

const NONE = new Set<string>();
const DOCTYPE_REFUSED = /refused: .* contains a document type declaration, which Excel never writes/;

/** The part's text with a document type declaration put before its root element. */
function withDoctype(text: string, doctype: string): string {
  return text.replace(/(<\?xml[^>]*\?>\s*)?/, (declaration) => `${declaration}${doctype}`);
}

const XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

const BILLION_LAUGHS =
  "<!DOCTYPE lolz [" +
  '<!ENTITY lol "lol">' +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  "]>";

describe("hostile parts", () => {
  test("an external entity in a sheet is never resolved: the sheet is refused, naming why", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/worksheets/sheet1.xml"
        ? withDoctype(text, XXE).replace(
            /<c r="B4"([^>]*)>.*?<\/c>/,
            '<c r="B4" t="inlineStr"><is><t>&xxe;</t></is></c>',
          )
        : text,
    );
    const reader = openReader(zipParts(bytes));
    expect(() => reader.readGrid("Workflows")).toThrow(DOCTYPE_REFUSED);
    expect(() => reader.readGrid("Workflows")).toThrow(/the sheet "Budget"/);
    expect(() => reader.readGrid("Workflows")).not.toThrow(/root:/);
    // The other sheet is still listed; the refused one gives no candidate.
    expect(reader.listCandidates(NONE).map((c) => c.sheet)).not.toContain("Budget");
  });

  test("a document type declaration in the workbook part, the strings or the styles is refused", async () => {
    for (const part of ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml"]) {
      const bytes = editZip(await budgetWithTable(), (name, text) => (name === part ? withDoctype(text, XXE) : text));
      const attempt = () => {
        const reader = openReader(zipParts(bytes));
        reader.listCandidates(NONE);
        reader.readGrid("Workflows");
      };
      expect(attempt).toThrow(XlsxError);
      expect(attempt).toThrow(DOCTYPE_REFUSED);
    }
  });

  test("an external DTD is refused just the same, and nothing is fetched", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/workbook.xml" ? withDoctype(text, '<!DOCTYPE workbook SYSTEM "http://127.0.0.1:9/evil.dtd">') : text,
    );
    expect(() => openReader(zipParts(bytes))).toThrow(DOCTYPE_REFUSED);
  });

  test("billion laughs: entities are never expanded, and memory does not grow", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/sharedStrings.xml"
        ? withDoctype(text, BILLION_LAUGHS).replace(/<t>Workflow<\/t>/, "<t>&lol9;</t>")
        : text,
    );
    const before = process.memoryUsage().heapUsed;
    const reader = openReader(zipParts(bytes));
    expect(() => reader.readGrid("Workflows")).toThrow(DOCTYPE_REFUSED);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 2 ** 20);
  });

  test("an entity used without any declaration is damage, not something to look up", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/sharedStrings.xml" ? text.replace(/<t>Workflow<\/t>/, "<t>&xxe;</t>") : text,
    );
    expect(() => openReader(zipParts(bytes)).readGrid("Workflows")).toThrow(
      /damaged: the shared strings part \(xl\/sharedStrings\.xml\) is not well-formed XML \(an undefined entity &xxe;/,
    );
  });

  test("entity names that are also object properties are not entities", async () => {
    const bytes = editZip(await budgetWithTable(), (name, text) =>
      name === "xl/sharedStrings.xml" ? text.replace(/<t>Workflow<\/t>/, "<t>&constructor;&toString;</t>") : text,
    );
    expect(() => openReader(zipParts(bytes)).readGrid("Workflows")).toThrow(/undefined entity &constructor;/);
  });
});

describe("zip bombs, against the package layer's PartSource", () => {
  /** A workbook whose sheet part is `size` bytes of one repeated character: it deflates over 1000 to 1. */
  async function withHugeSheet(size: number): Promise<Uint8Array> {
    const workbook = new Workbook();
    workbook.addWorksheet("Data").getCell("A1").value = 1;
    const small = await bytesOf(workbook);
    const files: Record<string, Uint8Array> = {};
    const zip = ZipPartSource.open(small);
    for (const name of zip.names()) files[name] = zip.bytes(name);
    const head = strToU8(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>',
    );
    const filler = new Uint8Array(size).fill(32);
    filler.set(head, 0);
    files["xl/worksheets/sheet1.xml"] = filler;
    return zipSync(files, { level: 9 });
  }

  test("a part that inflates far beyond what any spreadsheet compresses to is refused before it is inflated", async () => {
    const bomb = await withHugeSheet(64 * 2 ** 20);
    expect(bomb.length).toBeLessThan(2 ** 20);
    const before = process.memoryUsage().heapUsed;
    const reader = openReader(ZipPartSource.open(bomb));
    expect(() => reader.listCandidates(NONE)).toThrow(XlsxError);
    expect(() => reader.readGrid("Data!A1:B2")).toThrow(/zip bomb/);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 2 ** 20);
  });

  test("a part that says it is small but inflates to more is refused, not inflated past what it declared", async () => {
    const bomb = await withHugeSheet(32 * 2 ** 20);
    // Rewrite the sheet's declared size, in its local header and in the directory, to 4 KB.
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const name = strToU8("xl/worksheets/sheet1.xml");
    let patched = 0;
    for (let at = 0; at + 46 < bomb.length; at++) {
      const signature = view.getUint32(at, true);
      const [sizeAt, nameAt] = signature === 0x04034b50 ? [22, 30] : signature === 0x02014b50 ? [24, 46] : [-1, -1];
      if (sizeAt < 0 || !name.every((b, i) => bomb[at + nameAt + i] === b)) continue;
      view.setUint32(at + sizeAt, 4096, true);
      patched++;
    }
    expect(patched).toBe(2);
    const before = process.memoryUsage().heapUsed;
    const reader = openReader(ZipPartSource.open(bomb));
    expect(() => reader.readGrid("Data!A1:B2")).toThrow(XlsxError);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 2 ** 20);
  });
});
