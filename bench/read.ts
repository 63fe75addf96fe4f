import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { performance } from "perf_hooks";
import { Workbook } from "exceljs";
import { SaxesParser } from "saxes";
import { ZipPartSource } from "../src/workbook/xlsx/package/partSourceZip";
import { openReader } from "../src/workbook/xlsx/read";
import { readSharedStrings } from "../src/workbook/xlsx/read/sharedStrings";
import { scanCells } from "../src/workbook/xlsx/read/sheetCells";
import { largeWorkbook } from "../test/xlsx/read/support/largeWorkbook";

/**
 * The .xlsx reader on 10,000 and 100,000 workflows (a sheet of plain cells, shared strings, as Excel writes it):
 * opening, listing the candidates and reading the workflow table, against ExcelJS loading the same file and
 * walking its cells. And the scanner alone against saxes over the same sheet text, which is how the scanner was
 * chosen. Each job runs in its own Node process so that its peak memory (maximum resident set) is its own; time
 * is CPU time of that process's job (the machine is shared, so wall time is shown but not compared). Nothing is
 * asserted: the figures are read. Run alone: `node build/node/bench/read.js`.
 */

const SIZES = [10_000, 100_000];

type Job = "node" | "reader" | "exceljs" | "scan-ours" | "scan-saxes";

interface Measure {
  cpuMs: number;
  wallMs: number;
  peakMb: number;
  cells: number;
}

function measured(work: () => Promise<number> | number): Promise<Measure> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  return Promise.resolve(work()).then((cells) => {
    const used = process.cpuUsage(cpu);
    return {
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - start,
      peakMb: process.resourceUsage().maxRSS / 1024,
      cells,
    };
  });
}

/** The sheet text and shared strings, loaded before a scanner is timed. */
function sheetOf(bytes: Uint8Array): { xml: string; strings: string[] } {
  const parts = ZipPartSource.open(bytes);
  return { xml: parts.text("xl/worksheets/sheet1.xml"), strings: readSharedStrings(parts, "xl/sharedStrings.xml") };
}

async function runJob(job: Job, file: string): Promise<Measure> {
  if (job === "node") return measured(() => 0);
  const bytes = new Uint8Array(readFileSync(file));
  switch (job) {
    case "reader":
      return measured(() => {
        const reader = openReader(ZipPartSource.open(bytes));
        const [candidate] = reader.listCandidates(new Set());
        const grid = reader.readGrid(candidate.id);
        return grid.values.length * grid.values[0].length;
      });
    case "exceljs":
      return measured(async () => {
        const workbook = new Workbook();
        await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
        let cells = 0;
        workbook.worksheets[0].eachRow((row) => row.eachCell(() => void cells++));
        return cells;
      });
    case "scan-ours": {
      const { xml, strings } = sheetOf(bytes);
      return measured(() => {
        let cells = 0;
        scanCells(xml, "bench", { sharedStrings: () => strings, date1904: false }, () => void cells++);
        return cells;
      });
    }
    case "scan-saxes": {
      const { xml, strings } = sheetOf(bytes);
      return measured(() => {
        // The same job with saxes: each <c>'s r, t and s, its <v> text, the value it stands for.
        let cells = 0;
        let type: string | undefined;
        let inValue = false;
        let raw = "";
        const values: unknown[] = [];
        const parser = new SaxesParser();
        parser.on("opentag", (tag) => {
          const local = tag.name.slice(tag.name.indexOf(":") + 1);
          if (local === "c") {
            type = tag.attributes.t as string | undefined;
            void tag.attributes.r;
            void tag.attributes.s;
            raw = "";
          } else if (local === "v") inValue = true;
        });
        parser.on("text", (text) => {
          if (inValue) raw += text;
        });
        parser.on("closetag", (tag) => {
          const local = tag.name.slice(tag.name.indexOf(":") + 1);
          if (local === "v") inValue = false;
          else if (local === "c") {
            values[0] = type === "s" ? strings[Number(raw)] : Number(raw);
            cells++;
          }
        });
        parser.write(xml).close();
        return cells;
      });
    }
  }
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

function spawnJob(job: Job, file: string): Measure {
  const result = spawnSync(process.execPath, [__filename, "--job", job, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (result.status !== 0) throw new Error(`${job} failed: ${result.stderr.trim().split("\n").slice(-1)[0]}`);
  return JSON.parse(result.stdout.trim().split("\n").slice(-1)[0]) as Measure;
}

export async function benchRead(): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "aibudget-read-"));
  const lines: string[] = [];
  try {
    const baseline = spawnJob("node", "");
    lines.push(`a Node process doing nothing peaks at ${baseline.peakMb.toFixed(0)} MB (included below)`);
    for (const rows of SIZES) {
      const file = path.join(dir, `workflows-${rows}.xlsx`);
      writeFileSync(file, largeWorkbook(rows));
      const ours = spawnJob("reader", file);
      const excel = spawnJob("exceljs", file);
      const scanOurs = spawnJob("scan-ours", file);
      const scanSaxes = spawnJob("scan-saxes", file);
      const n = rows.toLocaleString("en-US");
      lines.push(
        `${n} rows, open + list + read the table: reader ${ours.cpuMs.toFixed(0)} ms CPU (${ours.wallMs.toFixed(0)} ms wall), ` +
          `${ours.peakMb.toFixed(0)} MB peak; ExcelJS load + walk ${excel.cpuMs.toFixed(0)} ms CPU, ${excel.peakMb.toFixed(0)} MB; ` +
          `reader/ExcelJS: time ${ratio(ours.cpuMs, excel.cpuMs)}, memory ${ratio(ours.peakMb, excel.peakMb)}`,
      );
      lines.push(
        `${n} rows, the sheet scan alone (${scanOurs.cells.toLocaleString("en-US")} cells): ours ${scanOurs.cpuMs.toFixed(0)} ms, ` +
          `saxes ${scanSaxes.cpuMs.toFixed(0)} ms (ours/saxes ${ratio(scanOurs.cpuMs, scanSaxes.cpuMs)}); ` +
          `peak ${scanOurs.peakMb.toFixed(0)} MB against ${scanSaxes.peakMb.toFixed(0)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (require.main === module) {
  const at = process.argv.indexOf("--job");
  if (at >= 0) {
    void runJob(process.argv[at + 1] as Job, process.argv[at + 2]).then((m) => console.log(JSON.stringify(m)));
  } else {
    void benchRead().then((lines) => lines.forEach((line) => console.log(line)));
  }
}
