/** The command line's arguments: `analyze <workbook.xlsx> --out <result.xlsx> [--table <id>] [--assumptions <file>]`. */

export const USAGE = `Usage: npm run analyze -- <workbook.xlsx> --out <result.xlsx> [options]

Reads the workflow table of a budget workbook, chooses a tier for each workflow and writes a COPY of the
workbook with three sheets added: AI Assumptions, AI Allocation and AI Comparison. The input file is never
changed.

Options:
  --out <file.xlsx>         Where to write the copy (required; must not be the input file).
  --table <name or range>   The workflow table to read: an Excel table's name (Workflows) or a range
                            (Budget!B4:I11, 'Q1 Budget'!A3:H20). Without it the first table whose headers
                            name the workflow fields is used.
  --assumptions <file>      A JSON file of assumptions that replace the defaults, e.g.
                            {"years": 5, "discountRate": 0.08, "hurdleRoi": 1.5,
                             "integrationCost": {"deep": 40000},
                             "overrides": {"Contract review": "Consumer"}}
  --quiet                   No progress lines on stderr.
  --help                    Show this help.`;

export interface RunArguments {
  kind: "run";
  input: string;
  out: string;
  table?: string;
  assumptions?: string;
  quiet: boolean;
}

export type Arguments = { kind: "help" } | RunArguments;

/** Arguments that cannot be run; the message says which and what was expected. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const VALUED = new Set(["--out", "--table", "--assumptions"]);

export function parseArguments(argv: readonly string[]): Arguments {
  const values: Record<string, string> = {};
  const positional: string[] = [];
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (arg === "--quiet") {
      quiet = true;
      continue;
    }
    const [flag, inline] = arg.startsWith("--") ? splitInline(arg) : [arg, undefined];
    if (VALUED.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`${flag} needs a value, e.g. ${example(flag)}.`);
      }
      if (flag in values) throw new UsageError(`${flag} is given twice; give it once.`);
      values[flag] = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`Unknown option ${arg}. Options: --out, --table, --assumptions, --quiet, --help.`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length === 0)
    throw new UsageError("Name the workbook to read, e.g. npm run analyze -- budget.xlsx --out result.xlsx.");
  if (positional.length > 1) {
    throw new UsageError(`One workbook at a time: got ${positional.length} (${positional.join(", ")}).`);
  }
  const out = values["--out"];
  if (out === undefined) throw new UsageError("Name the file to write with --out, e.g. --out result.xlsx.");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an .xlsx file; got "${out}".`);
  return {
    kind: "run",
    input: positional[0],
    out,
    table: values["--table"],
    assumptions: values["--assumptions"],
    quiet,
  };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function example(flag: string): string {
  if (flag === "--out") return "--out result.xlsx";
  if (flag === "--table") return "--table Workflows";
  return "--assumptions assumptions.json";
}
