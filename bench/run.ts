// `npm run bench`: speed and size, each printed as a ratio against a baseline measured in the same run (or, for
// the bundle size, a published anchor), with the goal beside it. Nothing here asserts; the figures are read.
import { spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { benchFunctions } from "./functions";
import { benchOffice } from "./office";
import { benchSensitivity } from "./sensitivity";
import { benchTaskpane } from "./taskpane";
import { benchWorkbook } from "./workbook";

const sections: [string, () => Promise<string[]>][] = [
  ["Custom functions: 100,000-row spills against a plain loop", benchFunctions],
  ["Command line: analysing a workbook against ExcelJS reading and writing it", benchWorkbook],
  ["Command line start: npm run analyze's launcher against the compile the old script ran on every run", benchLauncher],
  ["Office.js adapter: syncs and request sizes", benchOffice],
  ["Task pane: bundle size and the playground's analysis", benchTaskpane],
  ["Model: the sensitivity bars of 100 workflows against one analysis", benchSensitivity],
];

const ROOT = resolve(__dirname, "..", "..", "..");

function milliseconds(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`);
  return performance.now() - start;
}

/** `npm run analyze` used to run tsc before every analysis; the launcher compiles only when a source changed. */
async function benchLauncher(): Promise<string[]> {
  const launcher = join(ROOT, "src", "cli", "launch.cjs");
  milliseconds("launcher", [launcher, "analyze", "--help"]); // compiles here if the tree changed since the last run
  const started = milliseconds("launcher", [launcher, "analyze", "--help"]);
  const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
  const compile = milliseconds("tsc", [tsc, "-p", join(ROOT, "tsconfig.node.json")]);
  return [
    `analyze --help through the launcher, nothing changed: ${started.toFixed(0)} ms`,
    `tsc -p tsconfig.node.json (incremental), which the old script ran before every analysis: ${compile.toFixed(0)} ms`,
    `the launcher starts in ${((started / compile) * 100).toFixed(1)} % of that time; goal: no compile on an unchanged tree`,
  ];
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  let failed = false;
  for (const [title, bench] of sections) {
    if (only.length > 0 && !only.some((word) => title.toLowerCase().includes(word.toLowerCase()))) continue;
    console.log(`\n${title}`);
    try {
      for (const line of await bench()) console.log(`  ${line}`);
    } catch (error) {
      failed = true;
      console.log(`  could not measure: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed) process.exitCode = 1;
}

void main();
