import { Workbook } from "exceljs";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/analyze";
import { addTable, budgetWithRange, bytesOf, openBytes, putRows, sampleRows, withZipEntry } from "../support/workbooks";
import { columnOf, rowOf, sheetOf } from "./writtenSheets";

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
  test("prints tiers, both NPVs, the inflation factor and the sheets written, with progress on stderr", async () => {
    const out = file("result.xlsx");
    const result = await run(SAMPLE, "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Customer support replies\s+Enterprise/);
    expect(result.stdout).toMatch(/Operations reports\s+Consumer/);
    expect(result.stdout).toMatch(/Warehouse and field operations\s+None/);
    // sample.md: NPV 357,709 and 926,586; inflation factor 1.51.
    expect(result.stdout).toMatch(/per-seat plan 357,709, workflow portfolio 926,586/);
    expect(result.stdout).toMatch(/Inflation factor: 1\.51/);
    expect(result.stdout).toMatch(/AI Assumptions\n\s+AI Allocation\n\s+AI Comparison/);
    expect(result.stderr).toMatch(/Reading the workbook[\s\S]*Analysing[\s\S]*Writing 3 sheets/);
    expect(existsSync(out)).toBe(true);
    expect(result.stdout).not.toMatch(/does not keep/);
  });

  test("content the copy cannot carry over (a chart, add-in settings) is named in the summary", async () => {
    let bytes: Uint8Array = new Uint8Array(readFileSync(SAMPLE));
    bytes = withZipEntry(
      bytes,
      "xl/charts/chart1.xml",
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    bytes = withZipEntry(bytes, "xl/webextensions/webextension1.xml", "<we:webextension/>");
    const input = file("charted.xlsx", bytes);
    const out = file("out.xlsx");
    const result = await run(input, "--out", out, "--quiet");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /the copy does not keep the charts, add-in panes and their saved settings of your workbook[\s\S]*input file is unchanged/,
    );
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
    expect(allocation.getCell(rowOf(allocation, "Operations reports"), columnOf(allocation, "Tier")).value).toBe(
      "Enterprise",
    );
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
    [["budget.xlsx", "--out", "result.csv"], /--out must name an .xlsx file; got "result.csv"/],
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

  test("a file that is not a workbook", async () => {
    const out = file("out.xlsx");
    const input = file("budget.xlsx", "Workflow,People\nSupport,3\n");
    await expectRefused(run(input, "--out", out), out, /not an Excel workbook/);
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
      /No row of the table[\s\S]*Row 4, column F \(Hourly cost\): found "abc"[\s\S]*Row 5, column C \(People\): found -3/,
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
