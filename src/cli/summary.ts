import {
  ASSUMPTION_CATALOGUE,
  ASSUMPTION_RULES,
  DEFAULT_ASSUMPTIONS,
  TIERS,
  type Assumptions,
  type PlanFigures,
} from "../model";
import { defaultPlacement } from "../workbook/currency";
import type { Analysis, RowProblem } from "../workbook/reading";
import type { RunSummary } from "./run";

/** What the command line prints after a run: short, in a finance user's words, figures first, then what to check. */

const MAX_LISTED = 20;

/** Whole units with thousands separators, negatives in parentheses, the currency where there is one. */
export function money(value: number, currency: string | null = null): string {
  const digits = Math.abs(Math.round(value)).toLocaleString("en-US");
  const amount =
    currency === null
      ? digits
      : defaultPlacement(currency) === "before"
        ? `${currency}${digits}`
        : `${digits} ${currency}`;
  return Math.round(value) < 0 ? `(${amount})` : amount;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function listed<T>(items: readonly T[], line: (item: T) => string, where = ""): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) {
    lines.push(`  … and ${(items.length - MAX_LISTED).toLocaleString("en-US")} more${where ? ` (all ${where})` : ""}`);
  }
  return lines;
}

/** A sheet name as a formula would write it: quoted where it holds anything but letters, digits and _. */
function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Budget!E9 (Hourly cost): found "abc"; expected a number of at least 0`. */
function problemLine(sheet: string, p: RowProblem): string {
  return `${sheetRef(sheet)}!${p.column}${p.row} (${p.header}): found ${p.found}; expected ${p.expected}`;
}

/** A reader's note ("Column G (Adoption): 65 read as 65 %") on the cell it is about. */
function noteLine(sheet: string, row: number, note: string): string {
  const match = /^Column ([A-Z]+) \((.*?)\): (.*)$/s.exec(note);
  return match
    ? `${sheetRef(sheet)}!${match[1]}${row} (${match[2]}): ${match[3]}`
    : `${sheetRef(sheet)} row ${row}: ${note}`;
}

/** Every reason a row was left out, one to a line, each naming its cell; `written`: AI Assumptions lists them all. */
export function rejectedLines(analysis: Analysis, written = false): string[] {
  const problems = analysis.reading.rejected.flatMap((row) => row.problems);
  return listed(problems, (p) => `  ${problemLine(analysis.source.sheet, p)}`, written ? "on AI Assumptions" : "");
}

/** The rows not analysed, for stderr when --strict refuses to write. */
export function formatRejected(analysis: Analysis): string {
  const rows = analysis.reading.rejected.length;
  return [
    `${count(rows, "row")} of ${sheetRef(analysis.source.sheet)}!${analysis.source.address} could not be analysed:`,
    ...rejectedLines(analysis),
  ].join("\n");
}

function tierCounts(analysis: Analysis): string {
  const counts = TIERS.map((tier) => [tier, analysis.analyses.filter((a) => a.tier === tier).length] as const);
  return counts.map(([tier, n]) => `${n.toLocaleString("en-US")} ${tier}`).join(", ");
}

/** Seats each paid tier buys, and the people whose workflows get no tool. */
function seatsPerTier(analysis: Analysis): string {
  const people = (tier: string) =>
    analysis.analyses.filter((a) => a.tier === tier).reduce((sum, a) => sum + a.workflow.people, 0);
  const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return (
    `Seats: ${fmt(people("Enterprise"))} Enterprise, ${fmt(people("Consumer"))} Consumer; ` +
    `${fmt(people("None"))} people in workflows left at None.`
  );
}

function valueOf(a: Assumptions, field: string): unknown {
  const [top, sub] = field.split(".");
  const value = (a as unknown as Record<string, unknown>)[top];
  return sub === undefined ? value : (value as Record<string, unknown> | undefined)?.[sub];
}

/** An assumption as the sheet shows it: shares as percentages, money and counts with separators. */
function assumptionText(field: string, value: unknown, currency: string | null): string {
  if (value === null) return "the People of the analysed rows";
  if (typeof value !== "number") return String(value);
  const kind = field.startsWith("integrationCost.")
    ? "money"
    : (ASSUMPTION_RULES as Record<string, { kind: string } | undefined>)[field]?.kind;
  if (kind === "share" || kind === "swing" || kind === "ratio") {
    return `${(value * 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
  }
  if (kind === "money") return money(value, currency);
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function labelOf(field: string): string {
  return ASSUMPTION_CATALOGUE.find((d) => d.key === field)?.label ?? field;
}

/** The earlier run's assumptions that differ from the defaults, and whether the command line replaced them. */
function keptAssumptions(summary: RunSummary): string[] {
  const previous = summary.previous;
  if (previous === null || previous.assumptions === null) return [];
  const used = summary.analysis.assumptions;
  return previous.fromSheet
    .filter((field) => valueOf(previous.assumptions!, field) !== valueOf(DEFAULT_ASSUMPTIONS as Assumptions, field))
    .map((field) => {
      const sheet = valueOf(previous.assumptions!, field);
      const text = `${labelOf(field)} ${assumptionText(field, sheet, summary.currency)}`;
      return valueOf(used, field) === sheet
        ? text
        : `${text} (replaced by ${assumptionText(field, valueOf(used, field), summary.currency)} from the command line)`;
    });
}

/** What the inflation factor says, in words, whichever side of 1 it falls. */
export function readingOfFactor(factor: number | null): string {
  if (factor === null) {
    return "Inflation factor: none. One of the plans delivers no value, so their costs per unit of value cannot be compared.";
  }
  const shown = factor.toFixed(2);
  if (Math.abs(factor - 1) < 0.005) {
    return `Inflation factor ${shown}: both plans pay about the same for each unit of value.`;
  }
  if (factor > 1) {
    return (
      `Inflation factor ${shown}: the per-seat plan pays ${shown} times as much as the workflow portfolio for each ` +
      "unit of value it delivers."
    );
  }
  return (
    `Inflation factor ${shown}: below 1, so the per-seat plan pays less than the workflow portfolio for each unit ` +
    `of value (${shown} times as much): here seats for everyone are the cheaper way to the value.`
  );
}

function plansTable(perSeat: PlanFigures, portfolio: PlanFigures, currency: string | null): string[] {
  const rows: [string, PlanFigures][] = [
    ["Per-seat plan", perSeat],
    ["Workflow portfolio", portfolio],
  ];
  const cells = rows.map(([label, p]) => [
    label,
    money(p.pvCosts, currency),
    money(p.pvBenefits, currency),
    money(p.npv, currency),
    p.seats.toLocaleString("en-US"),
  ]);
  const header = ["", "Cost", "Value", "NPV", "Seats"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    `  ${c[0].padEnd(widths[0])}  ${c
      .slice(1)
      .map((v, i) => v.padStart(widths[i + 1]))
      .join("  ")}`.trimEnd();
  return [line(header), ...cells.map(line)];
}

export function formatSummary(summary: RunSummary, outName: string): string {
  const { analysis, written, currency } = summary;
  const { perSeat, portfolio, inflationFactor } = analysis.comparison;
  const rejected = analysis.reading.rejected;
  const lines: string[] = [`Read ${summary.source}.`];

  const previous = summary.previous;
  if (previous !== null) {
    const kept: string[] = [];
    const changed = keptAssumptions(summary);
    if (changed.length > 0) kept.push(`  On AI Assumptions: ${changed.join("; ")}.`);
    const tiers = Object.entries(previous.overrides);
    if (tiers.length > 0) {
      kept.push(`  Set by hand on AI Allocation: ${tiers.map(([name, tier]) => `${name} ${tier}`).join("; ")}.`);
    }
    const notes = Object.keys(previous.dueDiligence).length;
    if (notes > 0) kept.push(`  On AI Vendors: ${count(notes, "due-diligence note")}.`);
    if (kept.length > 0) {
      lines.push("Kept from the earlier run's sheets (what you give on the command line wins):", ...kept);
    }
  }

  lines.push(
    "",
    `Tiers: ${tierCounts(analysis)} (${count(analysis.analyses.length, "workflow")} analysed` +
      (rejected.length > 0 ? `, ${count(rejected.length, "row")} not analysed).` : ")."),
  );
  const nameWidth = Math.min(40, Math.max(...analysis.analyses.map((a) => a.workflow.name.length)));
  lines.push(
    seatsPerTier(analysis),
    ...listed(
      analysis.analyses,
      (a) => {
        const byHand = a.override !== null ? ` (set by hand; the model chose ${a.decision.tier})` : "";
        return `  ${a.workflow.name.padEnd(nameWidth)}  ${a.tier}${byHand}`;
      },
      "on AI Allocation",
    ),
  );
  lines.push(
    "",
    `Over ${count(analysis.assumptions.years, "year")}, in present values:`,
    ...plansTable(perSeat, portfolio, currency),
    readingOfFactor(inflationFactor),
  );

  if (rejected.length > 0) {
    lines.push(
      "",
      `Rows not analysed: ${rejected.length.toLocaleString("en-US")}. They are left out of every figure above; ` +
        "correct them in the source table and run again:",
      ...rejectedLines(analysis, true),
    );
  }
  const notes = analysis.reading.workflows.flatMap((w) =>
    w.notes.map((note) => noteLine(analysis.source.sheet, w.row, note)),
  );
  if (notes.length > 0) lines.push("", "Read as:", ...listed(notes, (n) => `  ${n}`));
  if (analysis.reading.warnings.length > 0) {
    lines.push("", "Warnings:", ...listed(analysis.reading.warnings, (w) => `  ${w}`));
  }
  if (previous !== null && (previous.notes.length > 0 || previous.problems.length > 0)) {
    lines.push(
      "",
      "From the earlier run's sheets:",
      ...listed([...previous.notes, ...previous.problems], (p) => `  ${p}`),
    );
  }

  lines.push("", `Wrote ${outName} with the sheets:`);
  for (const sheet of written) {
    const note = sheet.renamed
      ? ` (a sheet you made holds the name "${sheet.name.replace(/ \(\d+\)$/, "")}"; it was left untouched)`
      : "";
    lines.push(`  ${sheet.name}${note}`);
  }
  for (const { sheet, chart } of summary.chartsNotDrawn) {
    lines.push(
      `The chart "${chart.title}" is drawn only when the add-in runs in Excel; its data is on ${sheet}!${chart.dataRange}.`,
    );
  }
  return lines.join("\n");
}
