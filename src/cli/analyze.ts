import { basename } from "node:path";
import { TableError } from "../workbook/read/tableError";
import { AnalysisError } from "../workbook/analyse";
import { identifyFile } from "../workbook/xlsx/fileKind";
import { XlsxError as ReadError } from "../workbook/xlsx/read/errors";
import { XlsxError } from "../workbook/xlsx/XlsxWorkbook";
import { parseArguments, USAGE, UsageError } from "./argv";
import { readSettings, SettingsError } from "./assumptionsFile";
import { checkOutputKind, checkOutputPath, FileError, readInput, readText, writeOutput } from "./files";
import { analyzeWorkbook, RunError } from "./run";
import { formatRejected, formatSummary } from "./summary";

/** `npm run analyze -- <workbook.xlsx> --out <result.xlsx> [--table …] [--assumptions …] [--tier …] …` */

/** Problems in what the user gave: reported as a message, never as a stack trace. */
const USER_ERRORS = [UsageError, FileError, SettingsError, XlsxError, ReadError, TableError, AnalysisError, RunError];

/** Exit codes, as --help lists them. */
export const EXIT = { done: 0, refused: 1, usage: 2, strict: 3, unexpected: 70 } as const;

/** A library's own wording (a zip reader's "end of central directory") means nothing to a finance user. */
function plain(message: string): string {
  return message.replace(/\s*\(Details: [^)]*\)\.?$/s, "");
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args.kind === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.done;
    }
    const file = args.assumptions
      ? { text: readText(args.assumptions, "assumptions file"), name: args.assumptions }
      : undefined;
    const settings = readSettings(file, args.sets);
    checkOutputPath(args.input, args.out, args.force);
    const input = readInput(args.input);
    // Told apart before any reading: "an .xls file, save it as .xlsx", never a zip library's complaint.
    const identity = identifyFile(input, basename(args.input));
    if (identity.problem !== null) throw new FileError(identity.problem);
    checkOutputKind(args.input, args.out, identity.macroEnabled);
    const { output, summary } = await analyzeWorkbook(input, {
      table: args.table,
      settings,
      overrides: args.tiers,
      currency: args.currency,
      usePreviousRun: !args.fresh,
      onProgress: args.quiet ? undefined : (message) => process.stderr.write(`${message}\n`),
    });
    if (args.strict && summary.analysis.reading.rejected.length > 0) {
      process.stderr.write(`${formatRejected(summary.analysis)}\n`);
      process.stderr.write(
        `--strict: nothing was written to ${args.out}. Correct the rows above, or run without --strict.\n`,
      );
      return EXIT.strict;
    }
    writeOutput(args.out, output, args.force);
    process.stdout.write(`${formatSummary(summary, args.out)}\n`);
    return EXIT.done;
  } catch (error) {
    if (USER_ERRORS.some((kind) => error instanceof kind)) {
      process.stderr.write(`${plain((error as Error).message)}\n`);
      if (error instanceof UsageError) process.stderr.write("Run with --help for usage.\n");
      return error instanceof UsageError ? EXIT.usage : EXIT.refused;
    }
    process.stderr.write(`Unexpected failure, please report it: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.unexpected;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
