import { Workbook } from "exceljs";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/analyze";
import { identifyFile } from "../../src/workbook/xlsx/fileKind";
import {
  addTable,
  budgetWithRange,
  bytesOf,
  editZip,
  openBytes,
  putRows,
  sampleRows,
  withZipEntry,
  zipEntry,
} from "../support/workbooks";
import { columnOf, rowOf, sheetOf, shown } from "./writtenSheets";

const SAMPLE = join(__dirname, "..", "..", "examples", "sample-budget.xlsx");

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(...argv: string[]): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "aibudget-cli-"));
});

function file(name: string, bytes?: Uint8Array | string): string {
  const path = join(dir, name);
  if (bytes !== undefined) writeFileSync(path, bytes);
  return path;
}

/** A failed run: a message, a non-zero exit, and no output file. */
async function expectRefused(outcome: Promise<Outcome>, out: string, message: RegExp): Promise<Outcome> {
  const result = await outcome;
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/ at .*\.ts:\d+/); // a message, not a stack trace
  expect(result.code).not.toBe(0);
  expect(existsSync(out)).toBe(false);
  return result;
}

describe("a run that succeeds", () => {
  test("prints tier counts, both plans' cost and value, the factor in words and the sheets written", async () => {
    const out = file("result.xlsx");
    const result = await run(SAMPLE, "--out", out);
    expect(result.code).toBe(0);
    // sample.md: 4 Enterprise, 2 Consumer, 1 None.
    expect(result.stdout).toMatch(/Tiers: 4 Enterprise, 2 Consumer, 1 None \(7 workflows analysed\)\./);
    // sample.md: 40 people in Enterprise workflows, 60 in Consumer, 100 in the None row.
    expect(result.stdout).toMatch(/Seats: 40 Enterprise, 60 Consumer; 100 people in workflows left at None\./);
    expect(result.stdout).toMatch(/Customer support replies\s+Enterprise/);
    expect(result.stdout).toMatch(/Operations reports\s+Consumer/);
    expect(result.stdout).toMatch(/Warehouse and field operations\s+None/);
    // sample.md: NPV 357,709 and 926,586; PV costs 179,053 and 263,522; PV benefits 536,762 and 1,190,108.
    expect(result.stdout).toMatch(/Over 3 years, in present values:\n\s+Cost\s+Value\s+NPV\s+Seats\n/);
    // In dollars: the sample's Hourly cost cells are formatted "$"#,##0.
    expect(result.stdout).toMatch(/Per-seat plan\s+\$179,053\s+\$536,762\s+\$357,709\s+200\n/);
    expect(result.stdout).toMatch(/Workflow portfolio\s+\$263,522\s+\$1,190,108\s+\$926,586\s+100\n/);
    expect(result.stdout).toMatch(
      /Inflation factor 1\.51: the per-seat plan pays 1\.51 times as much as the workflow portfolio for each unit of value/,
    );
    expect(result.stdout).not.toMatch(/Rows not analysed/);
    expect(result.stdout).toMatch(/Wrote .*result\.xlsx with the sheets:\n\s+AI Assumptions\n\s+AI Allocation\n/);
    expect(result.stderr).toMatch(
      /Reading the workbook[\s\S]*Analysing[\s\S]*Writing \d+ sheets[\s\S]*Writing AI Allocation \(2 of \d+\)[\s\S]*Saving the copy/,
    );
    expect(existsSync(out)).toBe(true);
    expect(result.stdout).not.toMatch(/does not keep/);
  });

  test("the copy keeps what the command line does not know (a chart, an add-in's saved settings), byte for byte", async () => {
    const chart = '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>';
    const extension = "<we:webextension/>";
    let bytes: Uint8Array = new Uint8Array(readFileSync(SAMPLE));
    bytes = withZipEntry(bytes, "xl/charts/chart1.xml", chart);
    bytes = withZipEntry(bytes, "xl/webextensions/webextension1.xml", extension);
    const input = file("charted.xlsx", bytes);
    const out = file("out.xlsx");
    const result = await run(input, "--out", out, "--quiet");
    expect(result.code).toBe(0);
    const written = new Uint8Array(readFileSync(out));
    expect(zipEntry(written, "xl/webextensions/webextension1.xml")).toBe(extension);
    // The add-in's own charts take other part names; the user's keeps its own.
    expect(zipEntry(written, "xl/charts/chart1.xml")).toBe(chart);
    expect(result.stdout).not.toMatch(/does not keep/);
    expect(readFileSync(input)).toEqual(Buffer.from(bytes));
  });

  test("an assumptions file replaces defaults and sets tiers by hand; --quiet silences progress", async () => {
    const out = file("result.xlsx");
    const settings = file(
      "assumptions.json",
      JSON.stringify({ hurdleRoi: 0.5, overrides: { "operations reports": "enterprise" } }),
    );
    const result = await run(SAMPLE, "--out", out, "--assumptions", settings, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/Operations reports\s+Enterprise \(set by hand; the model chose Consumer\)/);
    const written = await openBytes(new Uint8Array(readFileSync(out)));
    const assumptions = sheetOf(written, "AI Assumptions");
    expect(assumptions.getCell(rowOf(assumptions, "Hurdle ROI"), 2).value).toBe(0.5);
    const allocation = sheetOf(written, "AI Allocation");
    const row = rowOf(allocation, "Operations reports");
    expect(shown(allocation.getCell(row, columnOf(allocation, "Tier")).value)).toBe("Enterprise");
    expect(allocation.getCell(row, columnOf(allocation, "Tier set by hand")).value).toBe("Enterprise");
  });

  test("--table picks a range; a user's sheet holding a wanted name is kept and the summary says so", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Plan");
    putRows(sheet, { row: 1, column: 1 }, sampleRows());
    workbook.addWorksheet("AI Comparison").getCell("A1").value = "my comparison";
    const input = file("plan.xlsx", await bytesOf(workbook));
    const out = file("out.xlsx");
    const result = await run(input, "--out", out, "--table", "Plan!A1:H8");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /AI Comparison \(2\) \(a sheet you made holds the name "AI Comparison"; it was left untouched\)/,
    );
    const written = await openBytes(new Uint8Array(readFileSync(out)));
    expect(sheetOf(written, "AI Comparison").getCell("A1").value).toBe("my comparison");
  });
});

describe("runs that are refused", () => {
  test("--help prints usage and succeeds", async () => {
    const result = await run("--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run analyze -- <workbook.xlsx> --out <result.xlsx>/);
  });

  test.each([
    [[], /Name the workbook to read/],
    [["budget.xlsx"], /Name the file to write with --out/],
    [["budget.xlsx", "--out"], /--out needs a value/],
    [["budget.xlsx", "--out", "result.csv"], /--out must name an .xlsx \(or .xlsm\) file; got "result.csv"/],
    [["budget.xlsx", "--out", "c.xlsx", "--tier", "Contract review"], /--tier takes "Workflow name=Tier"/],
    [
      ["budget.xlsx", "--out", "c.xlsx", "--tier", "Contract review=Gold"],
      /the tier must be one of Enterprise, Consumer, None; got "Gold"/,
    ],
    [["budget.xlsx", "--out", "c.xlsx", "--tier", "A=Consumer", "--tier", "a=None"], /--tier sets "a" twice/],
    [["budget.xlsx", "--out", "c.xlsx", "--currency", "12"], /--currency takes a money symbol/],
    [["budget.xlsx", "--out", "c.xlsx", "--table", "A", "--table", "B"], /--table is given twice/],
    [["a.xlsx", "b.xlsx", "--out", "c.xlsx"], /One workbook at a time/],
    [["budget.xlsx", "--out", "c.xlsx", "--tabel", "X"], /Unknown option --tabel/],
  ])("bad arguments %j", async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/--help/);
  });

  test("a missing file", async () => {
    const out = file("out.xlsx");
    await expectRefused(run(join(dir, "nowhere.xlsx"), "--out", out), out, /Cannot find the workbook .*nowhere\.xlsx/);
  });

  test("a file that is not a workbook is named for what it is, in plain words", async () => {
    const out = file("out.xlsx");
    const input = file("budget.xlsx", "Workflow,People\nSupport,3\n");
    const result = await expectRefused(run(input, "--out", out), out, /CSV|not an? .*workbook/i);
    // No library's wording (a zip reader's "central directory", "Details:") and no stack.
    expect(result.stderr).not.toMatch(/Details|central directory|zip|Error:/i);
    expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  });

  // Real files of other kinds, from the corpus (test/fixtures/corpus/README.md gives their origin).
  test.each([
    ["sheetjs__1904.xls", /Excel 97-2003 workbook \(\.xls\)/],
    ["sheetjs__1904.xlsb", /Excel Binary Workbook \(\.xlsb\)/],
    ["sheetjs__1904.ods", /OpenDocument|\.ods/],
    ["excelize__encryptAES.xlsx", /protected with a password/],
  ])("%s is named for what it is, with what to do, and nothing else", async (name, message) => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "fixtures", "corpus", name)));
    const input = file(name, bytes);
    const out = file("out.xlsx");
    const result = await expectRefused(run(input, "--out", out), out, message);
    // Exactly the reader's message for the user: no stack, no library text.
    expect(result.stderr).toBe(`${identifyFile(bytes, name).problem}\n`);
  });

  test("the output path is the input: refused, and the input is left as it was", async () => {
    const input = file("budget.xlsx", readFileSync(SAMPLE));
    const before = readFileSync(input);
    const mtime = statSync(input).mtimeMs;
    const result = await run(input, "--out", join(dir, ".", "budget.xlsx"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--out names the input workbook.*never changed/);
    expect(readFileSync(input)).toEqual(before);
    expect(statSync(input).mtimeMs).toBe(mtime);
  });

  test("a workbook with no workflow table lists what it found and what is needed", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Costs");
    putRows(sheet, { row: 1, column: 1 }, [
      ["Vendor", "Annual fee"],
      ["Acme", 1200],
    ]);
    const out = file("out.xlsx");
    const input = file("costs.xlsx", await bytesOf(workbook));
    await expectRefused(
      run(input, "--out", out),
      out,
      /No workflow table was found[\s\S]*Workflow, People, Tasks per person per month, Minutes saved per task, Hourly cost[\s\S]*Range Costs!A1:B2, 1 row: no Workflow, People/,
    );
  });

  test("an empty table", async () => {
    const workbook = new Workbook();
    addTable(workbook.addWorksheet("Budget"), "Workflows", "A1", [sampleRows()[0], sampleRows()[0].map(() => null)]);
    const out = file("out.xlsx");
    const input = file("empty.xlsx", await bytesOf(workbook));
    await expectRefused(run(input, "--out", out), out, /no workflow rows/);
  });

  test("a table whose every row is bad names each row and cell", async () => {
    const [header, first, second] = sampleRows();
    const input = file(
      "bad.xlsx",
      await budgetWithRange([
        header,
        [...first.slice(0, 4), "abc", ...first.slice(5)],
        [second[0], -3, ...second.slice(2)],
      ]),
    );
    const out = file("out.xlsx");
    // The range starts at B3: header row 3, so the rows are 4 and 5; Hourly cost is column F, People column C.
    await expectRefused(
      run(input, "--out", out),
      out,
      /No row of the table[\s\S]*\n {2}Budget!F4 \(Hourly cost\): found "abc"[\s\S]*\n {2}Budget!C5 \(People\): found -3/,
    );
  });

  test("an assumptions file with unknown names and bad values: every problem, before any workbook is read", async () => {
    const out = file("out.xlsx");
    const settings = file(
      "a.json",
      JSON.stringify({
        discount_rate: 0.08,
        years: 0,
        adoption: 80,
        integrationCost: { heavy: 1 },
        overrides: { X: "Gold" },
      }),
    );
    const result = await expectRefused(
      run(SAMPLE, "--out", out, "--assumptions", settings),
      out,
      /a\.json has problems/,
    );
    expect(result.stderr).toMatch(/"discount_rate" is not an assumption; did you mean "discountRate"\?/);
    expect(result.stderr).toMatch(/years must be a whole number of years from 1 to 30; got 0/);
    expect(result.stderr).toMatch(/adoption must be a share between 0 and 1; got 80/);
    expect(result.stderr).toMatch(/integrationCost\.heavy is not an integration need/);
    expect(result.stderr).toMatch(/overrides\."X" must be one of Enterprise, Consumer, None; got "Gold"/);
    const notJson = file("b.json", "{ years: 5 }");
    await expectRefused(run(SAMPLE, "--out", out, "--assumptions", notJson), out, /b\.json is not valid JSON/);
  });
});

/** The sample's rows with an Adoption column, a bad Minutes cell on one row and a percentage written as 65. */
function messyRows() {
  const [header, ...body] = sampleRows();
  const rows = [[...header, "Adoption"], ...body.map((row, i) => [...row, i === 1 ? 65 : 0.8])];
  // Range at B3 on "Budget": the header is row 3, so body row 3 ("Financial analysis and reporting") is row 6,
  // and Minutes saved per task is column E; Adoption (the ninth column) is J.
  rows[3][3] = "1,5";
  return rows;
}

describe("rows not analysed, read notes and --strict", () => {
  test("the summary counts the rows left out, names each cell one to a line, and prints the read notes", async () => {
    const input = file("messy.xlsx", await budgetWithRange(messyRows()));
    const out = file("out.xlsx");
    const result = await run(input, "--out", out, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Tiers: .* \(6 workflows analysed, 1 row not analysed\)\./);
    expect(result.stdout).toMatch(
      /Rows not analysed: 1\. They are left out of every figure above; correct them in the source table and run again:\n {2}Budget!E6 \(Minutes saved per task\): found "1,5"; expected a number of at least 0/,
    );
    // Row 5 is "Sales proposals and RFP answers": its adoption 65 was read as 65 %.
    expect(result.stdout).toMatch(/Read as:\n {2}Budget!J5 \(Adoption\): 65 read as 65 %/);
    expect(existsSync(out)).toBe(true);
  });

  test("--strict: a row not analysed fails the run with exit code 3 and writes nothing", async () => {
    const input = file("messy.xlsx", await budgetWithRange(messyRows()));
    const out = file("out.xlsx");
    const result = await expectRefused(run(input, "--out", out, "--quiet", "--strict"), out, /1 row of Budget!B3:J10/);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/\n {2}Budget!E6 \(Minutes saved per task\): found "1,5"/);
    expect(result.stderr).toMatch(/--strict: nothing was written/);
  });

  test("long lists stop at 20 lines and say where the rest are", async () => {
    const [header, first] = sampleRows();
    const good = Array.from({ length: 24 }, (_, i) => [`Workflow ${i + 1}`, ...first.slice(1)]);
    const bad = Array.from({ length: 21 }, (_, i) => [`Broken ${i + 1}`, "many", ...first.slice(2)]);
    const input = file("long.xlsx", await budgetWithRange([header, ...good, ...bad]));
    const result = await run(input, "--out", file("out.xlsx"), "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}… and 4 more \(all on AI Allocation\)\n/);
    expect(result.stdout).toMatch(
      /Rows not analysed: 21\.[^\n]*\n( {2}Budget!C\d+ \(People\): found "many"[^\n]*\n){20} {2}… and 1 more \(all on AI Assumptions\)\n/,
    );
  });

  test("--strict on a clean table writes as usual", async () => {
    const out = file("out.xlsx");
    const result = await run(SAMPLE, "--out", out, "--quiet", "--strict");
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  test("a sheet name with spaces is quoted in the cell it names", async () => {
    const input = file("messy.xlsx", await budgetWithRange(messyRows(), { row: 3, column: 2 }, "Q1 Budget"));
    const result = await run(input, "--out", file("out.xlsx"), "--quiet");
    expect(result.stdout).toMatch(/\n {2}'Q1 Budget'!E6 \(Minutes saved per task\)/);
  });
});

describe("--out that exists, and --force", () => {
  test("an existing --out is left as it is without --force, before any work is done", async () => {
    const out = file("result.xlsx", "keep me");
    const result = await run(SAMPLE, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/result\.xlsx already exists and was left as it is.*--force/);
    expect(result.stderr).not.toMatch(/Reading the workbook/);
    expect(readFileSync(out, "utf8")).toBe("keep me");
  });

  test("--force replaces it with the analysed copy", async () => {
    const out = file("result.xlsx", "keep me");
    const result = await run(SAMPLE, "--out", out, "--force", "--quiet");
    expect(result.code).toBe(0);
    const written = await openBytes(new Uint8Array(readFileSync(out)));
    expect(written.getWorksheet("AI Allocation")).toBeDefined();
  });

  test("an --out that is a folder is refused, even with --force", async () => {
    const folder = join(dir, "result.xlsx");
    mkdirSync(folder);
    const result = await run(SAMPLE, "--out", folder, "--force");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/result\.xlsx is a folder\. Name a file in it/);
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  test("no temporary file is left beside the output", async () => {
    const out = file("result.xlsx");
    await run(SAMPLE, "--out", out, "--quiet");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("a macro workbook's copy must be .xlsm; an .xlsm name for a plain workbook is refused", async () => {
    // The sample, declared macro-enabled as Excel declares an .xlsm's workbook part.
    const macroBytes = editZip(new Uint8Array(readFileSync(SAMPLE)), (name, text) =>
      name === "[Content_Types].xml"
        ? text.replace(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
          )
        : text,
    );
    const macro = file("budget.xlsm", macroBytes);
    const out = file("out.xlsx");
    await expectRefused(
      run(macro, "--out", out),
      out,
      /macro-enabled workbook.*must end in \.xlsm, e\.g\. --out out\.xlsm/,
    );
    const xlsm = join(dir, "copy.xlsm");
    await expectRefused(run(SAMPLE, "--out", xlsm), xlsm, /ends in \.xlsm, but .* is not a macro-enabled workbook/);
    const result = await run(macro, "--out", xlsm, "--quiet");
    expect(result.code).toBe(0);
    expect(existsSync(xlsm)).toBe(true);
  });
});

describe("--tier and --currency", () => {
  test("--tier sets tiers by hand, repeatable, names matched ignoring case", async () => {
    const out = file("out.xlsx");
    const result = await run(
      SAMPLE,
      "--out",
      out,
      "--quiet",
      "--tier",
      "operations reports=Enterprise",
      "--tier=Warehouse and field operations=consumer",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Operations reports\s+Enterprise \(set by hand; the model chose Consumer\)/);
    expect(result.stdout).toMatch(/Warehouse and field operations\s+Consumer \(set by hand; the model chose None\)/);
    expect(result.stdout).toMatch(/Tiers: 5 Enterprise, 2 Consumer, 0 None/);
  });

  test("--tier wins over the assumptions file's overrides", async () => {
    const settings = file("a.json", JSON.stringify({ overrides: { "Operations reports": "None" } }));
    const result = await run(
      SAMPLE,
      "--out",
      file("out.xlsx"),
      "--quiet",
      "--assumptions",
      settings,
      "--tier",
      "Operations reports=Enterprise",
    );
    expect(result.stdout).toMatch(/Operations reports\s+Enterprise \(set by hand/);
  });

  test("--currency shows money in the chosen currency where the table's cells carry none", async () => {
    const input = file("plain.xlsx", await budgetWithRange(sampleRows()));
    const result = await run(input, "--out", file("out.xlsx"), "--quiet", "--currency", "€");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Per-seat plan\s+€179,053\s+€536,762\s+€357,709/);
    const words = await run(input, "--out", file("out2.xlsx"), "--quiet", "--currency", "CHF");
    expect(words.stdout).toMatch(/Per-seat plan\s+179,053 CHF\s+536,762 CHF/);
  });

  test("the workbook's own currency wins over --currency", async () => {
    // The sample formats Hourly cost as "$"#,##0.
    const result = await run(SAMPLE, "--out", file("out.xlsx"), "--quiet", "--currency", "€");
    expect(result.stdout).toMatch(/Per-seat plan\s+\$179,053/);
  });

  test("a factor below 1 is read in words: seats for everyone are the cheaper way to the value", async () => {
    // Enterprise seats at 2 a month make the per-seat plan cheap against the integrations the portfolio pays for.
    const settings = file("cheap.json", JSON.stringify({ enterpriseSeatPrice: 2, consumerSeatPrice: 1 }));
    const result = await run(SAMPLE, "--out", file("out.xlsx"), "--quiet", "--assumptions", settings);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Inflation factor 0\.\d\d: below 1, so the per-seat plan pays less than the workflow portfolio for each unit of value/,
    );
  });
});

describe("vendors and the sheets written", () => {
  test("the summary prints the vendor warnings (due diligence, two survival figures); AI Vendors and AI Sensitivity are written", async () => {
    const [header, ...body] = sampleRows();
    // Two rows of one vendor with different survival figures; the integrated rows of another with none at all.
    const vendors = ["Acme AI", "Acme AI", "Globex", "Globex", "", "", ""];
    const survival = [0.95, 0.8, null, null, null, null, null];
    const rows = [[...header, "Vendor", "Vendor survival"], ...body.map((row, i) => [...row, vendors[i], survival[i]])];
    const input = file("vendors.xlsx", await budgetWithRange(rows));
    const out = file("out.xlsx");
    const result = await run(input, "--out", out, "--quiet");
    expect(result.code).toBe(0);
    const warnings = result.stdout.slice(result.stdout.indexOf("Warnings:"));
    expect(warnings).toMatch(/\n {2}Vendor "Acme AI" has two survival figures/);
    expect(warnings).toMatch(
      /\n {2}The integrated workflows that depend on vendor "Globex" carry \d+ % of the portfolio's value/,
    );
    const sheets = result.stdout.slice(result.stdout.indexOf("with the sheets:")).split("\n").slice(1);
    expect(sheets.map((s) => s.trim())).toEqual(expect.arrayContaining(["AI Vendors", "AI Sensitivity"]));
    const written = await openBytes(new Uint8Array(readFileSync(out)));
    expect(rowOf(sheetOf(written, "AI Vendors"), "Globex")).toBeGreaterThan(1);
  });

  test("--currency reaches the written sheets' money format", async () => {
    const input = file("plain.xlsx", await budgetWithRange(sampleRows()));
    const out = file("out.xlsx");
    expect((await run(input, "--out", out, "--quiet", "--currency", "€")).code).toBe(0);
    const allocation = sheetOf(await openBytes(new Uint8Array(readFileSync(out))), "AI Allocation");
    const { numFmt } = allocation.getCell(rowOf(allocation, "Contract review"), columnOf(allocation, "Annual value"));
    expect(numFmt).toMatch(/€/);
  });
});

describe("--set", () => {
  test("sets single assumptions, percentages and one need's integration cost, and wins over the file", async () => {
    const settings = file("a.json", JSON.stringify({ years: 4, hurdleRoi: 0.5 }));
    const out = file("out.xlsx");
    const result = await run(
      SAMPLE,
      "--out",
      out,
      "--quiet",
      "--assumptions",
      settings,
      "--set",
      "years=5",
      "--set",
      "discountRate=8%",
      "--set=integrationCost.deep=40,000",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Over 5 years, in present values/);
    const written = await openBytes(new Uint8Array(readFileSync(out)));
    const assumptions = sheetOf(written, "AI Assumptions");
    const value = (label: string) => assumptions.getCell(rowOf(assumptions, label), 2).value;
    expect([value("Horizon"), value("Discount rate"), value("Hurdle ROI"), value("Integration cost, deep")]).toEqual([
      5, 0.08, 0.5, 40000,
    ]);
  });

  test("every problem of the file and the --set values together, before any workbook is read", async () => {
    const out = file("out.xlsx");
    const settings = file("a.json", JSON.stringify({ adoption: 2 }));
    const result = await expectRefused(
      run(SAMPLE, "--out", out, "--assumptions", settings, "--set", "discount_rate=0.1", "--set", "years=abc"),
      out,
      /a\.json with --set has problems/,
    );
    expect(result.stderr).toMatch(/"discount_rate" is not an assumption; did you mean "discountRate"\?/);
    expect(result.stderr).toMatch(/years must be a whole number of years from 1 to 30; got "abc"/);
    expect(result.stderr).toMatch(/adoption must be a share between 0 and 1; got 2/);
    expect(result.stderr).not.toMatch(/Reading the workbook/);
    const usage = await run(SAMPLE, "--out", out, "--set", "years");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--set takes name=value/);
  });
});
