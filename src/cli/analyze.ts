import { TableError } from "../workbook/read/tableError";
import { AnalysisError } from "../workbook/analyse";
import { XlsxError } from "../workbook/xlsx/XlsxWorkbook";
import { parseArguments, USAGE, UsageError } from "./argv";
import { readSettingsJson, SettingsError } from "./assumptionsFile";
import { checkOutputPath, FileError, readInput, readText, writeOutput } from "./files";
import { analyzeWorkbook, RunError } from "./run";
import { formatSummary } from "./summary";

/** `npm run analyze -- <workbook.xlsx> --out <result.xlsx> [--table …] [--assumptions …]` */

/** Problems in what the user gave: reported as a message, never as a stack trace. */
const USER_ERRORS = [UsageError, FileError, SettingsError, XlsxError, TableError, AnalysisError, RunError];

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args.kind === "help") {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const settings = args.assumptions
      ? readSettingsJson(readText(args.assumptions, "assumptions file"), args.assumptions)
      : undefined;
    checkOutputPath(args.input, args.out);
    const input = readInput(args.input);
    const { output, summary } = await analyzeWorkbook(input, {
      table: args.table,
      assumptions: settings?.assumptions,
      overrides: settings?.overrides,
      onProgress: args.quiet ? undefined : (message) => process.stderr.write(`${message}\n`),
    });
    writeOutput(args.out, output);
    process.stdout.write(`${formatSummary(summary, args.out)}\n`);
    return 0;
  } catch (error) {
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      process.stderr.write(`${(error as Error).message}\n`);
      if (error instanceof UsageError) process.stderr.write("Run with --help for usage.\n");
      return error instanceof UsageError ? 2 : 1;
    }
    process.stderr.write(`Unexpected failure, please report it: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
