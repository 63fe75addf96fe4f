import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSampleWorkbook } from "./sampleWorkbook";

/** `npm run sample`: rebuilds examples/sample-budget.xlsx from examples/sample-workflows.csv (run from the repo root). */
async function main(): Promise<void> {
  const csv = readFileSync(resolve("examples", "sample-workflows.csv"), "utf8");
  const out = resolve("examples", "sample-budget.xlsx");
  writeFileSync(out, await buildSampleWorkbook(csv));
  process.stdout.write(`Wrote ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Could not build the sample workbook: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
