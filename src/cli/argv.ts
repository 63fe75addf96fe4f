import { TIERS, type Tier } from "../model";

/** The command line's arguments: `analyze <workbook.xlsx> --out <result.xlsx> [options]`. */

export const USAGE = `Usage: npm run analyze -- <workbook.xlsx> --out <result.xlsx> [options]

Reads the workflow table of a budget workbook, chooses a tier for each workflow and writes a COPY of the
workbook with the add-in's sheets added (AI Assumptions, AI Allocation, AI Comparison and the others the
analysis gives). The input file is never changed.

Where the workbook already holds the add-in's sheets from an earlier run, what you typed there is kept: the
assumptions on AI Assumptions, the tiers set by hand on AI Allocation and the due-diligence notes on AI Vendors
are read back and used again. What you give on the command line wins over them: an --assumptions file or a
--set wins for each assumption it names, --tier for its workflow; --currency is used where the workbook's money
cells carry no currency of their own.

Options:
  --out <file.xlsx>         Where to write the copy (required; not the input file). A macro workbook (.xlsm)
                            is written as .xlsm.
  --force                   Replace --out if it already exists (without it an existing file is never replaced).
  --table <name or range>   The workflow table to read: an Excel table's name (Workflows) or a range
                            (Budget!B4:I11, 'Q1 Budget'!A3:H20). Without it the first table whose headers
                            name the workflow fields is used.
  --assumptions <file>      A JSON file of assumptions, each replacing the sheet's value (or the default), e.g.
                            {"years": 5, "discountRate": 0.08, "hurdleRoi": 1.5,
                             "integrationCost": {"deep": 40000},
                             "overrides": {"Operations reports": "Enterprise"}}
  --set <name>=<value>      One assumption, by the file's names; repeatable, and wins over the file, e.g.
                            --set years=5 --set discountRate=8% --set integrationCost.deep=40000
                            (--set headcount= leaves the headcount to the People of the analysed rows).
  --tier "<workflow>=<tier>"
                            Sets a workflow's tier by hand (Enterprise, Consumer or None); repeat it for more
                            workflows, e.g. --tier "Operations reports=Enterprise".
  --currency <symbol>       The money symbol for the written sheets and the summary (e.g. --currency €), used
                            where the source table's money cells carry none of their own.
  --fresh                   Ignore what the add-in's sheets of an earlier run hold; start from the defaults.
  --strict                  Fail (exit code 3, nothing written) when any row of the table could not be analysed.
  --quiet                   No progress lines on stderr.
  --help                    Show this help.

Exit codes: 0 done; 1 the workbook or a file could not be used (the message says why); 2 bad arguments;
3 --strict and some rows were not analysed.`;

export interface RunArguments {
  kind: "run";
  input: string;
  out: string;
  table?: string;
  assumptions?: string;
  /** Tiers set by hand on the command line, by workflow name as typed. */
  tiers: Record<string, Tier>;
  /** `--set name=value` pairs, in the order given. */
  sets: [string, string][];
  currency?: string;
  force: boolean;
  strict: boolean;
  fresh: boolean;
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

const VALUED = new Set(["--out", "--table", "--assumptions", "--tier", "--set", "--currency"]);
const SWITCHES = new Set(["--force", "--strict", "--fresh", "--quiet"]);
const KNOWN = [...VALUED, ...SWITCHES, "--help"].join(", ");

function readTier(value: string): [string, Tier] {
  const eq = value.lastIndexOf("=");
  const name = eq < 0 ? "" : value.slice(0, eq).trim();
  const word = eq < 0 ? "" : value.slice(eq + 1).trim();
  if (name === "" || word === "") {
    throw new UsageError(
      `--tier takes "Workflow name=Tier", e.g. --tier "Operations reports=Enterprise"; got "${value}".`,
    );
  }
  const tier = TIERS.find((t) => t.toLowerCase() === word.toLowerCase());
  if (tier === undefined) {
    throw new UsageError(`--tier "${value}": the tier must be one of ${TIERS.join(", ")}; got "${word}".`);
  }
  return [name, tier];
}

export function parseArguments(argv: readonly string[]): Arguments {
  const values: Record<string, string> = {};
  const tiers: Record<string, Tier> = {};
  const sets: [string, string][] = [];
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    if (SWITCHES.has(arg)) {
      switches.add(arg);
      continue;
    }
    const [flag, inline] = arg.startsWith("--") ? splitInline(arg) : [arg, undefined];
    if (VALUED.has(flag)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`${flag} needs a value, e.g. ${example(flag)}.`);
      }
      if (flag === "--tier") {
        const [name, tier] = readTier(value);
        const key = Object.keys(tiers).find((k) => k.toLowerCase() === name.toLowerCase());
        if (key !== undefined && tiers[key] !== tier) {
          throw new UsageError(`--tier sets "${name}" twice (${tiers[key]} and ${tier}); give it once.`);
        }
        tiers[key ?? name] = tier;
        continue;
      }
      if (flag === "--set") {
        const eq = value.indexOf("=");
        if (eq <= 0) throw new UsageError(`--set takes name=value, e.g. --set discountRate=0.08; got "${value}".`);
        sets.push([value.slice(0, eq).trim(), value.slice(eq + 1)]);
        continue;
      }
      if (flag in values) throw new UsageError(`${flag} is given twice; give it once.`);
      values[flag] = value;
    } else if (arg.startsWith("-") && arg !== "-") {
      throw new UsageError(`Unknown option ${arg}. Options: ${KNOWN}.`);
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
  if (!/\.xls[xm]$/i.test(out)) throw new UsageError(`--out must name an .xlsx (or .xlsm) file; got "${out}".`);
  const currency = values["--currency"]?.trim();
  if (currency !== undefined && (currency === "" || currency.length > 8 || /[\d"\\]/.test(currency))) {
    throw new UsageError(
      `--currency takes a money symbol or code such as €, $, £ or CHF; got "${values["--currency"]}".`,
    );
  }
  return {
    kind: "run",
    input: positional[0],
    out,
    table: values["--table"],
    assumptions: values["--assumptions"],
    tiers,
    sets,
    currency,
    force: switches.has("--force"),
    strict: switches.has("--strict"),
    fresh: switches.has("--fresh"),
    quiet: switches.has("--quiet"),
  };
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function example(flag: string): string {
  if (flag === "--out") return "--out result.xlsx";
  if (flag === "--table") return "--table Workflows";
  if (flag === "--tier") return '--tier "Operations reports=Enterprise"';
  if (flag === "--currency") return "--currency €";
  if (flag === "--set") return "--set years=5";
  return "--assumptions assumptions.json";
}
