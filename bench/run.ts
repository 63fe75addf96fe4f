// `npm run bench`: speed and size, each printed as a ratio against a baseline measured in the same run (or, for
// the bundle size, a published anchor), with the goal beside it. Nothing here asserts; the figures are read.
import { benchFunctions } from "./functions";
import { benchOffice } from "./office";
import { benchSensitivity } from "./sensitivity";
import { benchTaskpane } from "./taskpane";
import { benchWorkbook } from "./workbook";

const sections: [string, () => Promise<string[]>][] = [
  ["Custom functions: 100,000-row spills against a plain loop", benchFunctions],
  ["Command line: analysing a workbook against ExcelJS reading and writing it", benchWorkbook],
  ["Office.js adapter: syncs and request sizes", benchOffice],
  ["Task pane: bundle size and the playground's analysis", benchTaskpane],
  ["Model: the sensitivity bars of 100 workflows against one analysis", benchSensitivity],
];

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
