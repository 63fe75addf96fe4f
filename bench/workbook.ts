import { fork } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { performance } from "perf_hooks";
import { Workbook } from "exceljs";
import { DEFAULT_ASSUMPTIONS } from "../src/model";
import { analyseGrid } from "../src/workbook/analyse";
import { buildAnalysisLayout } from "../src/workbook/sheets/buildLayout";
import { XlsxWorkbook } from "../src/workbook/xlsx/XlsxWorkbook";

/**
 * What the .xlsx adapter costs on large workflow tables (10,000 and 100,000 generated rows): opening the
 * workbook, reading the table, analysing it, writing the live model and saving the copy, against ExcelJS reading
 * the same input and writing a workbook with the same cells, in the same run. Each measurement runs in its own
 * Node process, so the peak memory (the process's maximum resident set) is that job's alone. And a workbook with
 * 50,000 merged cells on another sheet, which the editor never parses. Printed as ratios against the goals;
 * never asserted.
 */

const SIZES = [10_000, 100_000];
const GOAL = 0.25;
const MERGES = 50_000;
const MERGES_GOAL_MS = 2000;

interface Measure {
  ms: number;
  /** The adapter's own share: open, read, write and save, without the analysis and layout. */
  adapterMs: number;
  peakMb: number;
}

const NEEDS = ["None", "Light", "Deep"];
const TYPES = ["Drafting", "Research", "Extraction", "Summarization", "Other"];
const HEADERS = [
  "Workflow",
  "People",
  "Tasks per person per month",
  "Minutes saved per task",
  "Hourly cost",
  "Sensitive data",
  "Integration",
  "Task type",
];

function body(rows: number): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let i = 0; i < rows; i++) {
    out.push([
      `Workflow ${i + 1}`,
      1 + (i % 60),
      1 + ((i * 7) % 250),
      1 + ((i * 3) % 45),
      30 + ((i * 11) % 90),
      i % 3 === 0 ? "Yes" : "No",
      NEEDS[i % 3],
      TYPES[i % 5],
    ]);
  }
  return out;
}

/** A budget workbook written by ExcelJS: a title and an Excel table of `rows` distinct workflows of every kind. */
async function generate(rows: number, merges = 0): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.getCell("A1").value = `Generated budget, ${rows.toLocaleString("en-US")} workflows`;
  sheet.addTable({ name: "Workflows", ref: "A3", columns: HEADERS.map((name) => ({ name })), rows: body(rows) });
  if (merges > 0) {
    // ExcelJS's own merge bookkeeping is quadratic; the merges are written into the sheet's XML afterwards.
    workbook.addWorksheet("Layout").getCell("A1").value = "merged report";
  }
  let bytes: Uint8Array = new Uint8Array(await workbook.xlsx.writeBuffer());
  if (merges > 0) bytes = await withMerges(bytes, merges);
  return bytes;
}

/** The "Layout" sheet given `count` merged pairs of cells (A1:B1, A2:B2, …), by editing its part. */
async function withMerges(bytes: Uint8Array, count: number): Promise<Uint8Array> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
  const parts = unzipSync(bytes) as Record<string, Uint8Array>;
  const name = "xl/worksheets/sheet2.xml";
  const refs: string[] = [];
  for (let r = 1; r <= count; r++) refs.push(`<mergeCell ref="A${r}:B${r}"/>`);
  parts[name] = (strToU8 as (s: string) => Uint8Array)(
    strFromU8(parts[name]).replace(
      "</sheetData>",
      `</sheetData><mergeCells count="${count}">${refs.join("")}</mergeCells>`,
    ),
  );
  return zipSync(parts);
}

async function excelLoad(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** The adapter's run: what the command line and the playground do with a workbook. */
async function adapterRun(bytes: Uint8Array): Promise<{ output: Uint8Array; ms: number; adapterMs: number }> {
  const start = performance.now();
  const book = await XlsxWorkbook.load(bytes);
  const grid = await book.readTable("Workflows");
  const readMs = performance.now() - start;
  const analysis = analyseGrid(grid, { ...DEFAULT_ASSUMPTIONS }, {}, new Date(Date.UTC(2026, 0, 15)));
  const layout = buildAnalysisLayout(analysis);
  const writeStart = performance.now();
  await book.writeAnalysis(layout);
  const output = await book.save();
  const end = performance.now();
  return { output, ms: end - start, adapterMs: readMs + (end - writeStart) };
}

/** Runs in a child process: one job on the files named, reporting its time and the process's peak memory. */
async function child(job: string, input: string, output: string): Promise<void> {
  if (job === "generate") {
    // In a process of its own: ExcelJS's 100,000-row workbook would otherwise stay in the parent's heap, and the
    // parent's garbage collector take a core from the children being measured.
    const [rows, merges] = input.split(",").map(Number);
    writeFileSync(output, await generate(rows, merges));
    process.send!({ ms: 0, adapterMs: 0, peakMb: 0 });
    return;
  }
  const bytes = new Uint8Array(readFileSync(input));
  let measure: Measure;
  if (job === "run") {
    const run = await adapterRun(bytes);
    writeFileSync(output, run.output);
    measure = { ms: run.ms, adapterMs: run.adapterMs, peakMb: 0 };
  } else {
    const start = performance.now();
    await excelLoad(bytes);
    const read = performance.now() - start;
    // The cells to write are given to ExcelJS for free: only its reading of the input and its writing are timed.
    const target = await excelLoad(new Uint8Array(readFileSync(output)));
    const writeStart = performance.now();
    await target.xlsx.writeBuffer();
    const ms = read + (performance.now() - writeStart);
    measure = { ms, adapterMs: ms, peakMb: 0 };
  }
  measure.peakMb = process.resourceUsage().maxRSS / 1024;
  process.send!(measure);
}

function inChild(job: string, input: string, output: string): Promise<Measure> {
  return new Promise((resolve, reject) => {
    let measure: Measure | undefined;
    const proc = fork(__filename, ["--bench-child", job, input, output], {
      execArgv: ["--max-old-space-size=8192"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    proc.on("message", (m) => {
      measure = m as Measure;
    });
    proc.on("error", reject);
    proc.on("exit", (code) =>
      measure ? resolve(measure) : reject(new Error(`the ${job} benchmark child exited with code ${code}`)),
    );
  });
}

const verdict = (ratio: number, goal: number) => (ratio <= goal ? "meets" : "misses");

function ratioLine(rows: number, run: Measure, excel: Measure): string {
  const time = run.ms / excel.ms;
  const memory = run.peakMb / excel.peakMb;
  return (
    `${rows.toLocaleString("en-US")} workflows: time ${time.toFixed(2)}x ExcelJS's (${verdict(time, GOAL)} goal ≤ ${GOAL}x; ` +
    `${(run.ms / 1000).toFixed(2)} s, of which the adapter ${(run.adapterMs / 1000).toFixed(2)} s and the analysis ` +
    `and layout the rest, against ${(excel.ms / 1000).toFixed(2)} s), peak memory ${memory.toFixed(2)}x ` +
    `(${verdict(memory, GOAL)} goal ≤ ${GOAL}x; ${run.peakMb.toFixed(0)} MB against ${excel.peakMb.toFixed(0)} MB)`
  );
}

export async function benchWorkbook(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "aibudget-bench-"));
  const lines: string[] = [];
  try {
    const runs: Measure[] = [];
    for (const rows of SIZES) {
      const input = path.join(dir, `input-${rows}.xlsx`);
      const output = path.join(dir, `output-${rows}.xlsx`);
      await inChild("generate", `${rows},0`, input);
      // The adapter first: ExcelJS writes the cells the adapter wrote.
      const run = await inChild("run", input, output);
      const excel = await inChild("exceljs", input, output);
      runs.push(run);
      lines.push(ratioLine(rows, run, excel));
    }
    const growth = runs[1].ms / runs[0].ms;
    const rowsGrowth = SIZES[1] / SIZES[0];
    lines.push(
      `Growth from ${SIZES[0].toLocaleString("en-US")} to ${SIZES[1].toLocaleString("en-US")} workflows: time ` +
        `${growth.toFixed(1)}x for ${rowsGrowth}x the rows (${growth <= rowsGrowth * 1.1 ? "meets" : "misses"} goal: ` +
        `no faster than the rows; adapter alone ${(runs[1].adapterMs / runs[0].adapterMs).toFixed(1)}x)`,
    );
    const merged = path.join(dir, "merges.xlsx");
    await inChild("generate", `10,${MERGES}`, merged);
    const mergedRun = await inChild("run", merged, path.join(dir, "merges-out.xlsx"));
    lines.push(
      `${MERGES.toLocaleString("en-US")} merged cells on another sheet, 10 workflows: ${mergedRun.ms.toFixed(0)} ms ` +
        `(${mergedRun.ms <= MERGES_GOAL_MS ? "meets" : "misses"} goal < ${MERGES_GOAL_MS} ms)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  if (process.argv[2] === "--bench-child") {
    child(process.argv[3], process.argv[4], process.argv[5]).catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
  } else {
    benchWorkbook().then((lines) => process.stdout.write(`${lines.join("\n")}\n`));
  }
}
