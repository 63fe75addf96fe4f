import { existsSync, readFileSync } from "fs";
import path from "path";
import vm from "vm";

/**
 * The built add-in, as Excel gets it: dist/functions.js and dist/functions.json come from `npm run build` (npm test
 * runs it before jest). These helpers fail, never skip, when the build is missing.
 */

const DIST = path.resolve(__dirname, "../../dist");

/** A file of the build; throws a message saying to build where it is missing. */
export function readBuilt(file: string): string {
  const full = path.join(DIST, file);
  if (!existsSync(full)) {
    throw new Error(`dist/${file} is missing: run \`npm run build\` first (npm test runs it before jest).`);
  }
  return readFileSync(full, "utf8");
}

/** Excel's error value, as the CustomFunctions runtime shapes it. */
export class RuntimeError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message ?? "");
  }
}

export type Associated = (...args: unknown[]) => unknown;

/**
 * Runs dist/functions.js in a fresh context whose only global is `CustomFunctions` (Error, ErrorCode, associate),
 * as in Excel's JavaScript-only runtime: no window, no document, no require. Returns what it associated, by id.
 */
export function loadBuiltFunctions(): Map<string, Associated> {
  const code = readBuilt("functions.js");
  const associated = new Map<string, Associated>();
  const CustomFunctions = {
    Error: RuntimeError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate(id: string, fn: Associated) {
      associated.set(id, fn);
    },
  };
  vm.runInNewContext(code, { CustomFunctions }, { filename: "dist/functions.js" });
  return associated;
}
