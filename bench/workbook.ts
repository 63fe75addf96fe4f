import { fork } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { performance } from "perf_hooks";
import { Workbook } from "exceljs";
import { analyzeWorkbook } from "../src/cli/run";

/**
 * What the command line's run costs on large workflow tables (10,000 and 100,000 generated rows), against a
 * floor: ExcelJS alone reading the same input and writing a workbook with the same cells as the run's output,
 * which any ExcelJS-based tool must pay. Each measurement runs in its own Node process, so the peak memory (the
 * process's maximum resident set) is that job's alone. Printed as ratios against the goal; never asserted.
 */

const SIZES = [10_000, 100_000];
const GOAL = 2;

interface Measure {
  ms: number;
  peakMb: number;
}

const NEEDS = ["None", "Light", "Deep"];
const TYPES = ["Drafting", "Research", "Extraction", "Summarization", "Other"];

/** A budget workbook with a title and an Excel table of `rows` distinct workflows of every kind. */
async function generate(rows: number): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.getCell("A1").value = `Generated budget, ${rows.toLocaleString("en-US")} workflows`;
  const body: (string | number)[][] = [];
  for (let i = 0; i < rows; i++) {
    body.push([
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
  sheet.addTable({
    name: "Workflows",
    ref: "A3",
    columns: [
      "Workflow",
      "People",
      "Tasks per person per month",
      "Minutes saved per task",
      "Hourly cost",
      "Sensitive data",
      "Integration",
      "Task type",
    ].map((name) => ({ name })),
    rows: body,
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** Runs in a child process: one job on the files named, reporting its time and the process's peak memory. */
async function child(job: string, input: string, output: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(input));
  let ms: number;
  if (job === "run") {
    const start = performance.now();
    const result = await analyzeWorkbook(bytes);
    ms = performance.now() - start;
    writeFileSync(output, result.output);
  } else {
    const start = performance.now();
    await load(bytes);
    const read = performance.now() - start;
    // The cells to write are given to the floor for free: only the writing is timed.
    const target = await load(new Uint8Array(readFileSync(output)));
    const writeStart = performance.now();
    await target.xlsx.writeBuffer();
    ms = read + (performance.now() - writeStart);
  }
  const measure: Measure = { ms, peakMb: process.resourceUsage().maxRSS / 1024 };
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

function ratioLine(rows: number, run: Measure, floor: Measure): string {
  const time = run.ms / floor.ms;
  const memory = run.peakMb / floor.peakMb;
  const verdict = (r: number) => (r <= GOAL ? "meets" : "misses");
  return (
    `Workbook ${rows.toLocaleString("en-US")} rows: time ${time.toFixed(2)}x the floor (${verdict(time)} goal ≤ ${GOAL}x; ` +
    `${(run.ms / 1000).toFixed(1)} s against ${(floor.ms / 1000).toFixed(1)} s), peak memory ${memory.toFixed(2)}x ` +
    `(${verdict(memory)} goal ≤ ${GOAL}x; ${run.peakMb.toFixed(0)} MB against ${floor.peakMb.toFixed(0)} MB)`
  );
}

export async function benchWorkbook(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "aibudget-bench-"));
  const lines: string[] = [];
  try {
    for (const rows of SIZES) {
      const input = path.join(dir, `input-${rows}.xlsx`);
      const output = path.join(dir, `output-${rows}.xlsx`);
      writeFileSync(input, await generate(rows));
      // The run first: the floor writes the cells the run wrote.
      const run = await inChild("run", input, output);
      const floor = await inChild("floor", input, output);
      lines.push(ratioLine(rows, run, floor));
    }
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
