import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/analyze";
import { readSettingsJson } from "../../src/cli/assumptionsFile";
import { analyzeWorkbook } from "../../src/cli/run";
import { DEFAULT_ASSUMPTIONS } from "../../src/model";
import { readPreviousRun } from "../../src/workbook/previousRun";
import { XlsxWorkbook } from "../../src/workbook/xlsx/XlsxWorkbook";
import { cellAddress } from "../../src/workbook/a1";
import { addTable, budgetWithTable, bytesOf, editZip, openBytes, sampleRows } from "../support/workbooks";
import { recalculate } from "../support/libreoffice";
import { editCells, namedCellAddress } from "./editCells";
import { sheetOf, shown } from "./writtenSheets";

/**
 * sheets.md, "Re-running keeps the user's choices": a workbook the command line wrote, edited the way a user edits
 * it (cells typed over in the sheet XML, the rest of the package untouched), then analysed again. What was typed on AI Assumptions, in AI
 * Allocation's Tier set by hand and in AI Vendors' Due diligence comes back, in the summary and on the new sheets.
 */

const VENDORS = ["Acme AI", "Acme AI", "Globex", "Globex", "", "", ""];

/** The sample's rows with a Vendor column, so AI Vendors has named rows to take notes on. */
function rowsWithVendors() {
  const [header, ...body] = sampleRows();
  return [[...header, "Vendor"], ...body.map((row, i) => [...row, VENDORS[i]])];
}

/** The workbook cell of a table's column on the row whose `keyHeader` column reads `key`, through the adapter. */
async function tableCell(
  bytes: Uint8Array,
  table: string,
  keyHeader: string,
  key: string,
  header: string,
): Promise<{ sheet: string; address: string }> {
  const grid = await (await XlsxWorkbook.load(bytes)).readTable(table);
  const keyColumn = grid.values[0].indexOf(keyHeader);
  const column = grid.values[0].indexOf(header);
  const row = grid.values.findIndex((cells) => cells[keyColumn] === key);
  if (keyColumn < 0 || column < 0 || row < 1) throw new Error(`No ${header} for ${key} in ${table}`);
  return { sheet: grid.sheet, address: cellAddress(grid.firstRow + row, grid.firstColumn + column) };
}

/** The value a cell of the written workbook shows (a formula's cached result). */
async function valueAt(bytes: Uint8Array, at: { sheet: string; address: string }): Promise<unknown> {
  return shown(sheetOf(await openBytes(bytes), at.sheet).getCell(at.address).value);
}

async function firstRun(): Promise<Uint8Array> {
  return (await analyzeWorkbook(await budgetWithTable(rowsWithVendors()))).output;
}

const NOTE = "Checked by R. Patel, 2026-11-20: audited accounts, two references";

/** The user's edits: three assumptions (one unreadable), three tiers (one unknown word, one refused), a due-diligence note. */
async function edited(bytes: Uint8Array): Promise<Uint8Array> {
  const named = (name: string, value: string | number) => ({ ...namedCellAddress(bytes, name), value });
  return editCells(bytes, [
    named("AIBUDGET_Years", 5),
    named("AIBUDGET_DiscountRate", 8), // read as 8 %, with a note, as the table reads shares
    named("AIBUDGET_HurdleRoi", "150%"), // as the input's hint writes it
    named("AIBUDGET_ConsumerSeatPrice", "twenty"), // unreadable: reported, default kept
    {
      ...(await tableCell(bytes, "AIAllocation", "Workflow", "Operations reports", "Tier set by hand")),
      value: "enterprise",
    },
    {
      ...(await tableCell(bytes, "AIAllocation", "Workflow", "Internal communications", "Tier set by hand")),
      value: "Gold",
    },
    // Refused (sensitive data), yet the user's to keep: the next run writes it again, and refuses it again.
    {
      ...(await tableCell(bytes, "AIAllocation", "Workflow", "Contract review", "Tier set by hand")),
      value: "Consumer",
    },
    { ...(await tableCell(bytes, "AIVendors", "Vendor", "Globex", "Due diligence")), value: NOTE },
  ]);
}

describe("readPreviousRun over the .xlsx adapter", () => {
  let again: Uint8Array;
  beforeAll(async () => {
    again = await edited(await firstRun());
  });

  test("reads the assumptions by their defined names, forgivingly, and reports the unreadable one", async () => {
    const previous = await readPreviousRun(await XlsxWorkbook.load(again));
    expect(previous.assumptions).not.toBeNull();
    expect(previous.assumptions).toMatchObject({
      years: 5,
      discountRate: 0.08,
      hurdleRoi: 1.5,
      consumerSeatPrice: DEFAULT_ASSUMPTIONS.consumerSeatPrice,
      enterpriseSeatPrice: DEFAULT_ASSUMPTIONS.enterpriseSeatPrice,
      // Headcount left to default is a formula summing People on the sheet: it stays the default, not that sum.
      headcount: null,
    });
    expect(previous.fromSheet).toEqual(expect.arrayContaining(["years", "discountRate", "hurdleRoi"]));
    expect(previous.fromSheet).not.toContain("consumerSeatPrice");
    expect(previous.notes).toEqual([expect.stringMatching(/Discount rate: 8 read as 8 %/)]);
    expect(previous.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Consumer seat price \(AIBUDGET_ConsumerSeatPrice\): found "twenty"; expected an amount/),
        expect.stringMatching(/row \d+ \("Internal communications"\): Tier set by hand holds "Gold"/),
      ]),
    );
  });

  test("reads the tiers set by hand by workflow name and the due-diligence notes by vendor name", async () => {
    const previous = await readPreviousRun(await XlsxWorkbook.load(again));
    expect(previous.overrides).toEqual({ "Operations reports": "Enterprise", "Contract review": "Consumer" });
    expect(previous.dueDiligence).toEqual({ Globex: NOTE });
  });

  test("a workbook without the add-in's sheets gives nothing, and a user's look-alike sheets are not read", async () => {
    const workbook = await openBytes(await budgetWithTable(rowsWithVendors()));
    // A user's own sheet under the add-in's name, with a table of the add-in's table name: no marker, so not ours.
    const mine = workbook.addWorksheet("AI Allocation");
    addTable(mine, "AIAllocation", "A1", [
      ["Workflow", "Tier set by hand"],
      ["Contract review", "Consumer"],
    ]);
    const previous = await readPreviousRun(await XlsxWorkbook.load(await bytesOf(workbook)));
    expect(previous).toEqual({
      assumptions: null,
      fromSheet: [],
      overrides: {},
      dueDiligence: {},
      notes: [],
      problems: [],
    });
  });

  test("re-running keeps every edit on the new sheets, and the figures follow them", async () => {
    const { output, summary } = await analyzeWorkbook(again);
    expect(summary.analysis.assumptions).toMatchObject({ years: 5, discountRate: 0.08, hurdleRoi: 1.5 });
    expect(summary.analysis.overrides).toEqual({ "Operations reports": "Enterprise" });
    const at = (name: string) => valueAt(output, namedCellAddress(output, name));
    expect(await at("AIBUDGET_Years")).toBe(5);
    expect(await at("AIBUDGET_DiscountRate")).toBe(0.08);
    expect(await at("AIBUDGET_HurdleRoi")).toBe(1.5);
    expect(await at("AIBUDGET_ConsumerSeatPrice")).toBe(DEFAULT_ASSUMPTIONS.consumerSeatPrice);
    const ops = (header: string) => tableCell(output, "AIAllocation", "Workflow", "Operations reports", header);
    expect(await valueAt(output, await ops("Tier set by hand"))).toBe("Enterprise");
    expect(await valueAt(output, await ops("Tier"))).toBe("Enterprise");
    const contract = (header: string) => tableCell(output, "AIAllocation", "Workflow", "Contract review", header);
    expect(await valueAt(output, await contract("Tier set by hand"))).toBe("Consumer");
    expect(await valueAt(output, await contract("Tier"))).toBe("Enterprise");
    expect(await valueAt(output, await contract("Reason"))).toBe(
      "Consumer set by hand is refused (sensitive data rules it out), so the model's Enterprise stands",
    );
    expect(summary.analysis.reading.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/"Contract review" handles sensitive data, so the tier set by hand/),
      ]),
    );
    expect(await valueAt(output, await tableCell(output, "AIVendors", "Vendor", "Globex", "Due diligence"))).toBe(NOTE);
    // And a third run from the second's output still has them: nothing erodes run after run.
    const third = await readPreviousRun(await XlsxWorkbook.load(output));
    expect(third.overrides).toEqual({ "Operations reports": "Enterprise", "Contract review": "Consumer" });
    expect(third.dueDiligence).toEqual({ Globex: NOTE });
    expect(third.assumptions).toMatchObject({ years: 5, discountRate: 0.08, hurdleRoi: 1.5 });
    expect(third.notes).toEqual([]);
  });

  test("an assumptions file wins for the fields it names, --tier for its workflow; --fresh ignores the sheets", async () => {
    const settings = readSettingsJson(JSON.stringify({ discountRate: 0.05 }), "a.json");
    const { summary } = await analyzeWorkbook(again, {
      settings,
      overrides: { "operations reports": "None" },
    });
    expect(summary.analysis.assumptions).toMatchObject({ years: 5, discountRate: 0.05, hurdleRoi: 1.5 });
    expect(summary.analysis.overrides).toEqual({ "Operations reports": "None" });

    const fresh = await analyzeWorkbook(again, { usePreviousRun: false });
    expect(fresh.summary.analysis.assumptions).toEqual(DEFAULT_ASSUMPTIONS);
    expect(fresh.summary.analysis.overrides).toEqual({});
    expect(fresh.summary.previous).toBeNull();
  });

  test("the command line says what it kept and what it could not read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aibudget-rerun-"));
    const input = join(dir, "budget.xlsx");
    writeFileSync(input, again);
    const out = join(dir, "again.xlsx");
    const settings = join(dir, "a.json");
    writeFileSync(settings, JSON.stringify({ years: 4 }));
    let stdout = "";
    const spy = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    try {
      expect(await main([input, "--out", out, "--quiet", "--assumptions", settings])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(stdout).toMatch(
      /Kept from the earlier run's sheets \(what you give on the command line wins\):\n {2}On AI Assumptions: Horizon 5 \(replaced by 4 from the command line\); Discount rate 8 %; Hurdle ROI 150 %\.\n {2}Set by hand on AI Allocation: Contract review Consumer; Operations reports Enterprise\.\n {2}On AI Vendors: 1 due-diligence note\./,
    );
    expect(stdout).toMatch(/From the earlier run's sheets:\n {2}AI Assumptions, Discount rate: 8 read as 8 %/);
    expect(stdout).toMatch(/found "twenty"/);
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  test("a headcount typed over the formula is kept; sheets without the named cells (an older version) are said to be", async () => {
    const first = await firstRun();
    const typed = editCells(first, [{ ...namedCellAddress(first, "AIBUDGET_Headcount"), value: 260 }]);
    expect((await readPreviousRun(await XlsxWorkbook.load(typed))).assumptions?.headcount).toBe(260);

    // The assumption names taken out of xl/workbook.xml, the sheet markers left: as an older version wrote it.
    const older = editZip(first, (name, text) =>
      name === "xl/workbook.xml"
        ? text.replace(/<definedName\b[^>]*name="AIBUDGET_(?!SHEET_)[^"]*"[^>]*>[^<]*<\/definedName>/g, "")
        : text,
    );
    const previous = await readPreviousRun(await XlsxWorkbook.load(older));
    expect(previous.assumptions).toBeNull();
    expect(previous.problems).toEqual([expect.stringMatching(/AI Assumptions has none of the named assumption cells/)]);
    // The tiers and notes are found by their tables, which an older version's sheets may still hold.
    expect(previous.overrides).toEqual({});
  });

  test("edits survive a save by another program (LibreOffice), and come back", async () => {
    const [saved] = await recalculate([again]);
    const previous = await readPreviousRun(await XlsxWorkbook.load(saved));
    expect(previous.assumptions).toMatchObject({ years: 5, discountRate: 0.08, hurdleRoi: 1.5, headcount: null });
    expect(previous.overrides).toEqual({ "Operations reports": "Enterprise", "Contract review": "Consumer" });
    expect(previous.dueDiligence).toEqual({ Globex: NOTE });
  }, 120_000);
});
