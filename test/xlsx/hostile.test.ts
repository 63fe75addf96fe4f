import { strFromU8, strToU8, zipSync } from "fflate";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { analyseGrid } from "../../src/workbook/analyse";
import { buildAnalysisLayout } from "../../src/workbook/sheets/buildLayout";
import { XlsxError, XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { sampleRows } from "../support/workbooks";
import { allocationFigures, SAMPLE_FIGURES } from "./support/figures";
import { analyseCopy, ANALYSED_AT, SAMPLE_TABLE, storedParts, unzipParts } from "./support/package";
import { schemaErrors } from "./support/schemas";

/**
 * Inputs built to hurt: external entities and entity expansion in parts (never resolved, never expanded), a
 * stray cell at the last row Excel has, and a table of 100,000 workflows.
 */

/** A workbook with the sample table, as the adapter writes one, with some parts replaced or added. */
async function withParts(change: (parts: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const book = XlsxWorkbook.create();
  await book.insertTable("Sample workflows", SAMPLE_TABLE, sampleRows() as (string | number)[][]);
  const parts = unzipParts(await book.save());
  change(parts);
  return zipSync(Object.fromEntries(parts));
}

const XXE = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
const LAUGHS =
  `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">` +
  Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("") +
  `]>`;

function withDoctype(xml: string, doctype: string, entity: string): string {
  return doctype + xml.replace(/^<\?xml[^>]*\?>\s*/, "").replace(/(<sheetData>|<\/sheets>)/, `$1<!-- &${entity}; -->`);
}

describe("entities", () => {
  test("an external entity in a part the adapter never reads is copied as stored and never resolved", async () => {
    const custom =
      `${XXE}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">` +
      `<property name="x">&xxe;</property></Properties>`;
    const input = await withParts((parts) => parts.set("docProps/custom.xml", strToU8(custom)));
    const { output } = await analyseCopy(input, { insert: false });
    expect(strFromU8(unzipParts(output).get("docProps/custom.xml")!)).toBe(custom);
    expect(Buffer.from(output).includes("root:")).toBe(false);
    expect(await allocationFigures(output)).toEqual(SAMPLE_FIGURES);
  });

  test("an external entity in the workbook part is refused, not resolved", async () => {
    const input = await withParts((parts) =>
      parts.set("xl/workbook.xml", strToU8(withDoctype(strFromU8(parts.get("xl/workbook.xml")!), XXE, "xxe"))),
    );
    const load = XlsxWorkbook.load(input);
    await expect(load).rejects.toThrow(XlsxError);
    await expect(load).rejects.not.toThrow(/root:/);
  });

  test("billion laughs in a part the adapter parses is refused at once, without expanding it", async () => {
    for (const target of ["xl/workbook.xml", "xl/worksheets/sheet1.xml"]) {
      const input = await withParts((parts) =>
        parts.set(target, strToU8(withDoctype(strFromU8(parts.get(target)!), LAUGHS, "lol9"))),
      );
      const before = process.memoryUsage().heapUsed;
      const attempt = (async () => {
        const book = await XlsxWorkbook.load(input);
        await book.readTable(SAMPLE_TABLE);
      })();
      await expect(attempt).rejects.toThrow(XlsxError);
      expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
    }
  });

  test("the adapter's own parser refuses a document type in a registration part it edits", async () => {
    const input = await withParts((parts) =>
      parts.set(
        "xl/styles.xml",
        strToU8(`${XXE}${strFromU8(parts.get("xl/styles.xml")!).replace(/^<\?xml[^>]*\?>\s*/, "")}`),
      ),
    );
    const book = await XlsxWorkbook.load(input);
    await book.insertTable("More", "More", [["Workflow"], ["x"]]).then(
      () => {
        throw new Error("a styles part with a document type was edited");
      },
      (error: Error) => {
        expect(error).toBeInstanceOf(XlsxError);
        expect(error.message).toMatch(/xl\/styles\.xml.*document type/);
      },
    );
  });
});

describe("sizes", () => {
  test("a stray cell at A1048576 beside the table: read, analysed, and the user's sheet kept as stored", async () => {
    const input = await withParts((parts) => {
      const sheet = strFromU8(parts.get("xl/worksheets/sheet1.xml")!);
      parts.set(
        "xl/worksheets/sheet1.xml",
        strToU8(sheet.replace("</sheetData>", `<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>`)),
      );
    });
    const { output } = await analyseCopy(input, { insert: false });
    expect(await allocationFigures(output)).toEqual(SAMPLE_FIGURES);
    const before = storedParts(input).get("xl/worksheets/sheet1.xml")!;
    expect(Buffer.compare(Buffer.from(storedParts(output).get("xl/worksheets/sheet1.xml")!), Buffer.from(before))).toBe(
      0,
    );
  });

  test("100,000 workflows are analysed and written: every row in AI Allocation, the sheet valid", async () => {
    const [header, ...body] = sampleRows() as (string | number)[][];
    const rows: (string | number)[][] = [header];
    for (let i = 0; i < 100_000; i++) {
      const row = [...body[i % body.length]];
      row[0] = `${row[0]} ${i + 1}`;
      rows.push(row);
    }
    const book = XlsxWorkbook.create();
    await book.insertTable("Workflows", "Workflows", rows);
    const input = await book.save();
    const opened = await XlsxWorkbook.load(input);
    const analysis = analyseGrid(await opened.readTable("Workflows"), { ...DEFAULT_ASSUMPTIONS }, {}, ANALYSED_AT);
    expect(analysis.analyses).toHaveLength(100_000);
    await opened.writeAnalysis(buildAnalysisLayout(analysis));
    const output = await opened.save();
    const again = await XlsxWorkbook.load(output);
    const allocation = await again.readTable("AIAllocation");
    expect(allocation.values).toHaveLength(100_001);
    expect(allocation.values[100_000][0]).toBe(`${body[(100_000 - 1) % body.length][0]} 100000`);
    const parts = unzipParts(output);
    const own = await again.ownSheets();
    expect(own.map((o) => o.role)).toContain("allocation");
    const sheets = [...parts.keys()].filter(
      (n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && n !== "xl/worksheets/sheet1.xml",
    );
    const errors = await schemaErrors(sheets.map((n) => ({ label: n, xml: strFromU8(parts.get(n)!) })));
    expect([...errors].filter(([, e]) => e.length > 0)).toEqual([]);
  }, 600_000); // minutes on a loaded two-core CI machine; speed is the bench's to measure, not this test's
});
