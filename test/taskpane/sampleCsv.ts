import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The sample CSV as the build bundles it: the repo's own copy. */
export const SAMPLE_CSV_TEXT = readFileSync(join(__dirname, "..", "..", "examples", "sample-workflows.csv"), "utf8");
