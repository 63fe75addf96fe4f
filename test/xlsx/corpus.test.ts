import { strFromU8 } from "fflate";
import { recalculate } from "../support/libreoffice";
import { allocationFigures, SAMPLE_FIGURES } from "./support/figures";
import {
  analyseCopy,
  children,
  corpusBytes,
  corpusWorkbooks,
  parseXml,
  storedParts,
  unzipParts,
} from "./support/package";
import { registrationProblems, workbookPartOf } from "./support/registration";
import { newErrors, schemaErrors, type PartToCheck } from "./support/schemas";

/**
 * Every valid workbook of the corpus (test/fixtures/corpus: Excel, Excel for Mac, LibreOffice, Google Sheets,
 * WPS, libraries; strict and transitional; .xlsx and .xlsm) gets the sample table through the adapter's own
 * insertTable, is analysed and saved, and the copy must be the user's workbook whole (sheets.md, "What a copy of
 * a workbook keeps"): every part byte for byte but the four registration parts, those changed only by addition,
 * every part the adapter wrote valid against the schemas, and a second run replacing its own parts in place.
 * LibreOffice opens every copy, and the figures it computes are sample.md's.
 */

const FILES = corpusWorkbooks();

interface Copy {
  input: Uint8Array;
  output: Uint8Array;
  /** The output analysed again (its own sheets replaced). */
  again: Uint8Array;
}

const copies = new Map<string, Copy>();
let errors: Map<string, string[]>;

function isXml(name: string): boolean {
  return /\.(xml|rels)$/i.test(name);
}

beforeAll(async () => {
  const parts: PartToCheck[] = [];
  for (const file of FILES) {
    const input = corpusBytes(file);
    const { output } = await analyseCopy(input);
    const { output: again } = await analyseCopy(output, { insert: false });
    copies.set(file, { input, output, again });
    const before = unzipParts(input);
    for (const [name, data] of unzipParts(output)) {
      const old = before.get(name);
      if (!isXml(name) || (old && Buffer.compare(Buffer.from(old), Buffer.from(data)) === 0)) continue;
      parts.push({ label: `${file}|out|${name}`, xml: strFromU8(data) });
      if (old) parts.push({ label: `${file}|in|${name}`, xml: strFromU8(old) });
    }
  }
  errors = await schemaErrors(parts);
}, 300_000);

test("the corpus holds workbooks of every kind this test means to cover", () => {
  expect(FILES.length).toBeGreaterThanOrEqual(50);
  expect(FILES.filter((f) => f.endsWith(".xlsm")).length).toBeGreaterThanOrEqual(4);
  expect(FILES).toContain("sheetjs__sheet_visibility_strict.xlsx");
});

describe.each(FILES)("%s", (file) => {
  test("every input part is in the copy, byte for byte as stored, but the registration parts and calcChain", () => {
    const { input, output } = copies.get(file)!;
    const before = storedParts(input);
    const after = storedParts(output);
    const { workbook, rels } = workbookPartOf(unzipParts(input));
    const registration = new Set(["[Content_Types].xml", workbook, rels, "xl/styles.xml"].map((n) => n.toLowerCase()));
    const changed: string[] = [];
    for (const [name, stored] of before) {
      if (!after.has(name)) {
        if (!/calcChain\.xml$/i.test(name)) changed.push(`${name} is missing`);
        continue;
      }
      if (registration.has(name.toLowerCase())) continue;
      if (Buffer.compare(Buffer.from(stored), Buffer.from(after.get(name)!)) !== 0) changed.push(`${name} changed`);
    }
    expect(changed).toEqual([]);
    // In the input's order, the new parts after.
    const inputOrder = [...before.keys()].filter((n) => after.has(n));
    expect([...after.keys()].slice(0, inputOrder.length)).toEqual(inputOrder);
  });

  test("the registration parts hold every entry they held, at the same index", () => {
    const { input, output } = copies.get(file)!;
    expect(registrationProblems(input, output)).toEqual([]);
  });

  test("every part the adapter wrote is valid against the schemas; the parts it changed gained no errors", () => {
    const mine = [...errors.keys()].filter((label) => label.startsWith(`${file}|out|`));
    expect(mine.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const label of mine) {
      const before = errors.get(label.replace("|out|", "|in|")) ?? [];
      for (const error of newErrors(before, errors.get(label)!)) problems.push(`${label.split("|")[2]}: ${error}`);
    }
    expect(problems).toEqual([]);
  });

  test("the figures written are sample.md's", async () => {
    expect(await allocationFigures(copies.get(file)!.output)).toEqual(SAMPLE_FIGURES);
  });

  test("a second run replaces the add-in's own parts in place and keeps the user's", async () => {
    const { input, output, again } = copies.get(file)!;
    const sheetsOf = (bytes: Uint8Array) => {
      const parts = unzipParts(bytes);
      const doc = parseXml(strFromU8(parts.get(workbookPartOf(parts).workbook)!));
      return children(children(doc.documentElement, "sheets")[0], "sheet").map((s) => s.outerHTML);
    };
    // The same sheet entries: name, sheetId, r:id and position; none added.
    expect(sheetsOf(again)).toEqual(sheetsOf(output));
    const count = (bytes: Uint8Array, pattern: RegExp) =>
      [...unzipParts(bytes).keys()].filter((n) => pattern.test(n)).length;
    for (const kind of [/^xl\/tables\//, /^xl\/charts\/chart/, /^xl\/drawings\/drawing/, /^xl\/worksheets\/sheet/]) {
      expect(count(again, kind)).toBe(count(output, kind));
    }
    expect(registrationProblems(input, again)).toEqual([]);
    // Styles added on the first run are found again, not added twice.
    expect(strFromU8(unzipParts(again).get("xl/styles.xml") ?? new Uint8Array())).toBe(
      strFromU8(unzipParts(output).get("xl/styles.xml") ?? new Uint8Array()),
    );
    expect(await allocationFigures(again)).toEqual(SAMPLE_FIGURES);
  });
});

// Every copy, in one LibreOffice run (a few seconds a file): issue 7 asks that each one opens.
test("LibreOffice opens every copy, and the figures it recalculates are sample.md's", async () => {
  const recalculated = await recalculate(FILES.map((f) => copies.get(f)!.output));
  expect(recalculated).toHaveLength(FILES.length);
  for (const [i, bytes] of recalculated.entries()) {
    expect({ file: FILES[i], figures: await allocationFigures(bytes) }).toEqual({
      file: FILES[i],
      figures: SAMPLE_FIGURES,
    });
  }
}, 900_000);
